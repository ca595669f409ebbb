//! The edge's promise handling frees what it allocates: fetching, copying and reading files
//! many times leaves the wasm heap as it was (a `Closure::forget` per call would not). Counted
//! by a global allocator that tracks live bytes, in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};

use closer::web::{fetch, files, share};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

struct Counting;
static LIVE: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size as isize - layout.size() as isize, Ordering::Relaxed);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Runs `start` (which calls its argument once when done) and waits for it.
async fn settled(start: impl FnOnce(Box<dyn FnOnce()>)) {
    let mut start = Some(start);
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(start) = start.take() {
            start(Box::new(move || drop(resolve.call0(&wasm_bindgen::JsValue::NULL))));
        }
    });
    JsFuture::from(promise).await.unwrap();
}

/// Live heap bytes after `rounds` calls, less those before (after one call to warm up).
async fn growth<F: Fn(Box<dyn FnOnce()>)>(rounds: usize, call: F) -> isize {
    settled(&call).await;
    let before = LIVE.load(Ordering::Relaxed);
    for _ in 0..rounds {
        settled(&call).await;
    }
    LIVE.load(Ordering::Relaxed) - before
}

#[wasm_bindgen_test]
async fn fetching_frees_its_callbacks() {
    // A 404 and a success both settle.
    // (The integrity is the empty file's: a fetch with one settles as any other.)
    let integrity = "sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb";
    let grew = growth(100, |done| fetch::text_with_integrity("./no-such-file.txt", integrity, move |_| done())).await;
    assert!(grew < 512, "100 fetches left {grew} bytes behind");
}

#[wasm_bindgen_test]
async fn copying_frees_its_callbacks() {
    let grew = growth(100, |done| {
        let done = std::cell::Cell::new(Some(done));
        share::copy("text", "no-such-input", move |_| done.take().into_iter().for_each(|d| d()))
    })
    .await;
    assert!(grew < 512, "100 copies left {grew} bytes behind");
}

fn file_input_event(text: &str) -> web_sys::Event {
    let document = web_sys::window().unwrap().document().unwrap();
    let input: web_sys::HtmlInputElement = document.create_element("input").unwrap().unchecked_into();
    input.set_type("file");
    let parts = js_sys::Array::of1(&text.into());
    let file = web_sys::File::new_with_str_sequence(&parts, "closer.json").unwrap();
    let transfer = web_sys::DataTransfer::new().unwrap();
    transfer.items().add_with_file(&file).unwrap();
    input.set_files(transfer.files().as_ref());
    let event = web_sys::Event::new("change").unwrap();
    input.dispatch_event(&event).unwrap();
    event
}

#[wasm_bindgen_test]
async fn reading_a_chosen_file_gives_its_text_and_frees_its_callbacks() {
    let (tx, rx) = futures_channel();
    files::read_chosen(&file_input_event("{\"version\":2}"), 1000.0, tx);
    assert_eq!(rx.await, Ok("{\"version\":2}".to_string()));
    let grew = growth(50, |done| files::read_chosen(&file_input_event("x"), 1000.0, move |_| done())).await;
    assert!(grew < 512, "50 reads left {grew} bytes behind");
}

/// A one-shot channel from a callback to a future, made of a promise.
fn futures_channel() -> (impl FnOnce(Result<String, files::FileError>), impl std::future::Future<Output = Result<String, files::FileError>>) {
    use std::cell::RefCell;
    use std::rc::Rc;
    let slot: Rc<RefCell<Option<Result<String, files::FileError>>>> = Rc::default();
    let (resolve_slot, read_slot) = (slot.clone(), slot);
    let resolver: Rc<RefCell<Option<js_sys::Function>>> = Rc::default();
    let promise = {
        let resolver = resolver.clone();
        js_sys::Promise::new(&mut |resolve, _| *resolver.borrow_mut() = Some(resolve))
    };
    let send = move |value| {
        *resolve_slot.borrow_mut() = Some(value);
        if let Some(resolve) = resolver.borrow_mut().take() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    };
    let receive = async move {
        JsFuture::from(promise).await.unwrap();
        read_slot.borrow_mut().take().unwrap()
    };
    (send, receive)
}
