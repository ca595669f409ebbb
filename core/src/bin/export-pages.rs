//! Writes the explainer pages' bodies, made from Markdown, as files beside the app:
//! `<out>/pages/<slug>-<checksum>.html`. Run by the post-build hook (scripts/post-build.mjs).
//!   cargo run -p closer-core --features parse --bin export-pages -- content/en/pages <out>

use std::path::Path;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(pages), Some(out)) = (args.next(), args.next()) else {
        eprintln!("usage: export-pages <pages folder> <output folder>");
        std::process::exit(2);
    };
    let pages = match closer_core::parse::pages(Path::new(&pages)) {
        Ok(pages) => pages,
        Err(e) => {
            eprintln!("content error: {e}");
            std::process::exit(1);
        }
    };
    for source in &pages {
        let path = Path::new(&out).join(source.page.file);
        if let Err(e) = path.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::write(&path, source.html)) {
            eprintln!("export-pages: cannot write {}: {e}", path.display());
            std::process::exit(1);
        }
    }
    println!("export-pages: {} pages", pages.len());
}
