//! Reads, validates and compiles the content in `content/`: every language folder, each checked
//! against the shape of `content/en`. The one shape goes into Rust (`$OUT_DIR/content.rs`), each
//! language's words into `$OUT_DIR/words-<code>.txt` and its plans into `$OUT_DIR/plans-<code>.txt`
//! (the same files the post-build hook puts beside the app; native tests load them from here).
//! A content mistake stops the build with the file, line and column, and the problem.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=content");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let generated = closer_core::parse::languages(&dir).map_err(|error| error.to_string()).and_then(|languages| {
        let refs: Vec<(&str, &closer_core::parse::Language)> = languages.iter().map(|(code, l)| (code.as_str(), l)).collect();
        closer_core::codegen::languages(&refs)
    });
    let generated = match generated {
        Ok(generated) => generated,
        Err(error) => {
            eprintln!("\ncontent error: {error}\n");
            std::process::exit(1);
        }
    };
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).to_path_buf();
    std::fs::write(out.join("content.rs"), generated.rust).expect("write generated content");
    for words in &generated.words {
        std::fs::write(out.join(["words-", &words.code, ".txt"].concat()), &words.text).expect("write a words file");
    }
    for plans in &generated.plans {
        std::fs::write(out.join(["plans-", &plans.code, ".txt"].concat()), &plans.text).expect("write a plans file");
    }
}
