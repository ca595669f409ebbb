//! Reads, validates and compiles the content in `content/en`: its shape into Rust
//! (`$OUT_DIR/content.rs`), its words into `$OUT_DIR/words.txt` (the same file the post-build
//! hook puts beside the app; native tests load it from here).
//! A content mistake stops the build with the file, line and column, and the problem.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=content");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content").join("en");
    let generated = closer_core::parse::language(&dir)
        .map_err(|error| error.to_string())
        .and_then(|language| closer_core::codegen::language(&language));
    let generated = match generated {
        Ok(generated) => generated,
        Err(error) => {
            eprintln!("\ncontent error: {error}\n");
            std::process::exit(1);
        }
    };
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).to_path_buf();
    std::fs::write(out.join("content.rs"), generated.rust).expect("write generated content");
    std::fs::write(out.join("words.txt"), generated.words).expect("write the words file");
}
