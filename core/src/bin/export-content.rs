//! Writes what ships beside the app from the content folder, for every language in it: its
//! words file (`<out>/words-<checksum>.txt`, fetched at start when it is the language shown), its
//! plans file (`<out>/plans-<checksum>.txt`, fetched when a plan's page opens; the service worker
//! keeps it for use offline with every other file of the build) and its explainer pages' bodies,
//! made from Markdown (`<out>/pages/<slug>-<checksum>.html`, fetched when a page opens). Prints
//! one line a language, `<code> <words file>`, for the post-build hook's "content" step
//! (scripts/build/content.mjs), which runs it:
//!   cargo run -p closer-core --features parse --bin export-content -- content <out>

use std::path::Path;

fn write(path: &Path, text: &str) {
    if let Err(e) = path.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::write(path, text)) {
        eprintln!("export-content: cannot write {}: {e}", path.display());
        std::process::exit(1);
    }
}

fn fail(e: impl std::fmt::Display) -> ! {
    eprintln!("content error: {e}");
    std::process::exit(1);
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(content), Some(out)) = (args.next(), args.next()) else {
        eprintln!("usage: export-content <content folder> <output folder>");
        std::process::exit(2);
    };
    let languages = closer_core::parse::languages(Path::new(&content)).unwrap_or_else(|e| fail(e));
    let refs: Vec<(&str, &closer_core::parse::Language)> = languages.iter().map(|(code, l)| (code.as_str(), l)).collect();
    let generated = closer_core::codegen::languages(&refs).unwrap_or_else(|e| fail(e));
    let out = Path::new(&out);
    for (((code, language), words), plans) in languages.iter().zip(&generated.words).zip(&generated.plans) {
        write(&out.join(&words.name), &words.text);
        write(&out.join(&plans.name), &plans.text);
        for source in &language.pages {
            write(&out.join(source.page.file), source.html);
        }
        println!("{code} {}", words.name);
    }
}
