//! Reads, validates and compiles the content in `content/en` into static Rust data.
//! A content mistake stops the build with the file, line and column, and the problem.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=content");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content").join("en");
    let language = match closer_core::parse::language(&dir) {
        Ok(language) => language,
        Err(error) => {
            eprintln!("\ncontent error: {error}\n");
            std::process::exit(1);
        }
    };
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("content.rs");
    std::fs::write(&out, closer_core::codegen::language(&language)).expect("write generated content");
}
