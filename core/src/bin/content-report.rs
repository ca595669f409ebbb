//! Prints figures about the content: statements per dimension, reading ease of the statements
//! and of every explainer page. `cargo run -p closer-core --features parse --bin content-report`

use std::path::Path;

use closer_core::readability::{stats, TextStats};

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "content/en".into());
    let lang = match closer_core::parse::language(Path::new(&dir)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("content error: {e}");
            std::process::exit(1);
        }
    };
    let bank = &lang.bank;
    println!("content version {}: {} statements", bank.content_version, bank.item_count());
    let mut all = TextStats::default();
    for d in bank.dimensions {
        let reverse = d.items.iter().filter(|i| i.reverse).count();
        let safety = d.items.iter().filter(|i| i.safety).count();
        println!("  {:<13} {} statements ({reverse} reverse-worded, {safety} safety)", d.id, d.items.len());
        for i in d.items {
            all = all + stats(i.text);
        }
    }
    println!("reading ease of the statements: {:.1}", all.reading_ease());
    println!("reading ease per explainer page:");
    for p in &lang.pages {
        let s = stats(p.text);
        println!("  {:<28} {:>5.1}  ({} words)", p.page.slug, s.reading_ease(), s.words);
    }
}
