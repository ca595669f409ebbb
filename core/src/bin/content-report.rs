//! Prints figures about the content, for every language: statements per dimension worded each
//! way, the safety screen, reading ease of the statements, of every explainer page and of the
//! two-week plans (Flesch for English, Szigriszt-Pazos for Spanish; see `readability.rs`).
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
    plans(code, lang);
}

/// The plans' reading ease, measured as the build checks it (`plans::reading`): each lead, each
/// practice's card (title, what and why together), and the plan page's words together.
fn plans(code: &str, lang: &closer_core::parse::Language) {
    let readings = closer_core::plans::reading(code, &lang.plans);
    let Some(lowest) = readings.iter().min_by(|a, b| a.ease.total_cmp(&b.ease)) else {
        println!("plans: none (no plans.toml)");
        return;
    };
    println!("reading ease of the plans (each must read at {} or more):", closer_core::plans::MIN_EASE);
    println!("  lowest: {:.1}, {} (line {})", lowest.ease, lowest.label, lowest.line);
    let words = readings.iter().filter(|r| r.area.is_none()).fold(TextStats::default(), |t, r| t + r.counted);
    if words.words > 0 {
        println!("  {:<13} {:>5.1}  ({} words)", "page words", closer_core::plans::ease(code, &words), words.words);
    }
    println!("  per area: all its texts together, and its lowest part");
    for a in &lang.plans.areas {
        let id = a.plan.dimension;
        let parts: Vec<_> = readings.iter().filter(|r| r.area == Some(id)).collect();
        let all = parts.iter().fold(TextStats::default(), |t, r| t + r.counted);
        let low = parts.iter().map(|r| r.ease).fold(f64::INFINITY, f64::min);
        println!("  {id:<13} {:>5.1}  lowest {low:>5.1}  ({} practices, {} words)", closer_core::plans::ease(code, &all), a.plan.practices.len(), all.words);
    }
}
