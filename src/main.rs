// The allocator: Talc, a maintained drop-in for Rust's default on wasm (dlmalloc), smaller in
// the wasm (113.1 → 111.3 KB gzip) with start-up, per-answer and memory figures unchanged in
// `make bench` (docs/decisions.md).
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    closer::start();
}
