//! Prints figures about the content, for every language: statements per dimension worded each
//! way, the safety screen, reading ease of the statements and of every explainer page (Flesch
//! for English, Szigriszt-Pazos for Spanish; see `readability.rs`).
//! `cargo run -p closer-core --features parse --bin content-report [content]`

use std::path::Path;

use closer_core::readability::{stats, stats_es, TextStats};
use closer_core::{score_dimension, Answers};

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "content".into());
    let languages = match closer_core::parse::languages(Path::new(&dir)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("content error: {e}");
            std::process::exit(1);
        }
    };
    for (code, lang) in &languages {
        println!("== {code}");
        report(code, lang);
    }
}

/// How a language's text is counted, how its reading ease is computed, and the measure's name.
type Measure = (fn(&str) -> TextStats, fn(&TextStats) -> f64, &'static str);

fn report(code: &str, lang: &closer_core::parse::Language) {
    // Flesch for English; Szigriszt-Pazos for Spanish, with Spanish syllables.
    let (count, ease, measure): Measure = match code {
        "es" => (stats_es, TextStats::reading_ease_es, "Szigriszt-Pazos (INFLESZ: 65–80 bastante fácil, over 80 muy fácil)"),
        _ => (stats, TextStats::reading_ease, "Flesch (60–70 plain, 70–80 fairly easy, 80–90 easy)"),
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
            all = all + count(i.text);
        }
    }
    let gentle = bank.screen.items.iter().filter(|i| i.neutral_note).count();
    println!(
        "safety screen: {} statements ({gentle} with a gentler note on Neutral), scored into no dimension; touches {}",
        bank.screen.items.len(),
        bank.screen.touches.join(", ")
    );
    for i in bank.screen.items {
        all = all + count(i.text);
    }
    println!("reading ease, {measure}");
    println!("  of the statements: {:.1}", ease(&all));
    println!("  per explainer page:");
    for p in &lang.pages {
        let s = count(p.text);
        println!("  {:<28} {:>5.1}  ({} words)", p.page.slug, ease(&s), s.words);
    }
}
