//! Writes what ships beside the app from one language folder: the words file
//! (`<out>/words-<checksum>.txt`, fetched at start) and the explainer pages' bodies, made from
//! Markdown (`<out>/pages/<slug>-<checksum>.html`, fetched when a page opens). Run by the
//! post-build hook (scripts/post-build.mjs):
//!   cargo run -p closer-core --features parse --bin export-content -- content/en <out>

use std::path::Path;

fn write(path: &Path, text: &str) {
    if let Err(e) = path.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::write(path, text)) {
        eprintln!("export-content: cannot write {}: {e}", path.display());
        std::process::exit(1);
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(language), Some(out)) = (args.next(), args.next()) else {
        eprintln!("usage: export-content <language folder> <output folder>");
        std::process::exit(2);
    };
    let language = match closer_core::parse::language(Path::new(&language)) {
        Ok(language) => language,
        Err(e) => {
            eprintln!("content error: {e}");
            std::process::exit(1);
        }
    };
    let generated = match closer_core::codegen::language(&language) {
        Ok(generated) => generated,
        Err(e) => {
            eprintln!("content error: {e}");
            std::process::exit(1);
        }
    };
    let out = Path::new(&out);
    write(&out.join(&generated.words_file), &generated.words);
    for source in &language.pages {
        write(&out.join(source.page.file), source.html);
    }
    println!("export-content: {} and {} pages", generated.words_file, language.pages.len());
}
