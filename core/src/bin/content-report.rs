//! Prints figures about the content: statements per dimension worded each way, the safety
//! screen, reading ease of the statements and of every explainer page. `cargo run -p closer-core --features parse --bin content-report`

use std::path::Path;

use closer_core::readability::{stats, TextStats};
use closer_core::{score_dimension, Answers};

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
    println!(
        "content version {}: {} scored statements and {} on the safety screen, {} asked in all",
        bank.content_version,
        bank.item_count(),
        bank.screen.items.len(),
        bank.quiz_order().len()
    );
    println!("statements per dimension, worded each way (agreeing with everything gives the last column):");
    let mut all = TextStats::default();
    for d in bank.dimensions {
        let reverse = d.items.iter().filter(|i| i.reverse).count();
        let may_not_apply = d.items.iter().filter(|i| i.may_not_apply).count();
        let agree: Answers = d.items.iter().map(|i| (i.id.to_string(), 3)).collect();
        let score = score_dimension(d, &agree).value().unwrap_or(0);
        println!(
            "  {:<13} {} statements: {} worded toward closeness, {reverse} toward distance; {may_not_apply} may not apply; all Agree → {score}",
            d.id,
            d.items.len(),
            d.items.len() - reverse,
        );
        for i in d.items {
            all = all + stats(i.text);
        }
    }
    let gentle = bank.screen.items.iter().filter(|i| i.neutral_note).count();
    println!(
        "safety screen: {} statements ({gentle} with a gentler note on Neutral), scored into no dimension; touches {}",
        bank.screen.items.len(),
        bank.screen.touches.join(", ")
    );
    for i in bank.screen.items {
        all = all + stats(i.text);
    }
    println!("reading ease of the statements: {:.1}", all.reading_ease());
    println!("reading ease per explainer page:");
    for p in &lang.pages {
        let s = stats(p.text);
        println!("  {:<28} {:>5.1}  ({} words)", p.page.slug, s.reading_ease(), s.words);
    }
}
