//! The two-week plans (`content/<lang>/plans.toml`): a good file read and shipped, and each
//! mistake refused at its line. The plans here are a fixture (`tests/fixtures/plans.toml`), so
//! the checks are tested whatever the real files say; the real files are read by every build.
#![cfg(feature = "parse")]
#![allow(clippy::disallowed_macros)] // build-time code or tests: never in the wasm

use std::path::{Path, PathBuf};

use closer_core::parse::{self, ContentError};
use closer_core::plans::{self, Plans};
use closer_core::words::{LanguageFiles, PlanContent};
use closer_core::*;

fn content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../content")
}

fn bank() -> Bank {
    parse::assessment(&content().join("en/assessment.toml")).unwrap_or_else(|e| panic!("{e}"))
}

fn fixture() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/plans.toml")).unwrap()
}

const PATH: &str = "content/en/plans.toml";

fn read(text: &str) -> Result<Plans, ContentError> {
    plans::from_str(Path::new(PATH), text, "en", &bank())
}

fn refused(text: &str) -> ContentError {
    let e = read(text).expect_err("these plans should be refused");
    assert!(e.to_string().starts_with(&format!("{PATH}:{}:{}: ", e.line, e.column)), "{e}");
    e
}

/// The line (1-based) of the `nth` (from 0) line holding `needle`.
fn line_of(text: &str, needle: &str, nth: usize) -> usize {
    text.lines().enumerate().filter(|(_, l)| l.contains(needle)).nth(nth).expect("needle in text").0 + 1
}

/// `text` with the `nth` (from 0) occurrence of `from` replaced by `to`.
fn replace_nth(text: &str, from: &str, to: &str, nth: usize) -> String {
    let (at, _) = text.match_indices(from).nth(nth).expect("an occurrence to replace");
    format!("{}{to}{}", &text[..at], &text[at + from.len()..])
}

#[test]
fn a_good_file_has_one_plan_an_area_in_order_with_its_practices_and_words() {
    let text = fixture();
    let p = read(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p.areas.iter().map(|a| a.plan.dimension).collect::<Vec<_>>(), DIMENSION_IDS);
    let support = &p.areas[2];
    assert_eq!((support.plan.dimension, support.plan.practices.len()), ("support", 4));
    assert_eq!(support.line, line_of(&text, "area = \"support\"", 0) - 1, "the line of its [[plan]]");
    let first = &p.areas[0].plan.practices[0];
    assert_eq!(
        first,
        &Practice {
            title: "Ask about the day",
            what: "Sit down for a few minutes and ask how the day went. Then just listen.",
            why: "Small talks each day keep you in touch with what goes on for each of you.",
            minutes: 10,
            every: Every::Day,
        }
    );
    assert_eq!(p.areas[0].plan.practices[2].every, Every::Week);
    assert_eq!(p.words.iter().map(|w| w.key.as_str()).collect::<Vec<_>>(), ["title", "day_of", "minutes", "every_day", "every_week", "why", "done_label", "retry"]);
    assert_eq!(p.word("day_of"), Some("Day {day} of 14"));
    assert_eq!(p.words[1].line, line_of(&text, "day_of =", 0));
    for r in plans::reading("en", &p) {
        assert!(r.ease >= plans::MIN_EASE, "{}: {:.1}", r.label, r.ease);
    }
}

#[test]
fn the_shape_and_the_plans_file_give_back_exactly_the_plans() {
    let mut lang = parse::language(&content().join("en")).unwrap_or_else(|e| panic!("{e}"));
    lang.plans = read(&fixture()).unwrap();
    let (shape, texts) = codegen::plans_shape(&lang);
    assert_eq!(usize::from(shape.text_count), texts.len());
    assert_eq!(usize::from(shape.words), lang.plans.words.len());
    let file = codegen::plans_file("en", &lang).unwrap();
    assert_eq!(file.name, format!("plans-{:08x}.txt", body_checksum(&file.text)));
    assert_eq!(file.text.lines().count(), texts.len(), "one text a line");
    let files = LanguageFiles { code: "en", name: "English", checksum: 0, pages: &[], plans: file.checksum };
    assert_eq!(files.plans_file(), file.name);

    let built: PlanContent = shape.build(file.text.clone().leak()).expect("the plans fit their shape");
    assert_eq!(built.areas, lang.plans.area_plans());
    assert_eq!(built.words, lang.plans.words.iter().map(|w| w.text).collect::<Vec<_>>());
    assert_eq!(built.area("support").map(|a| a.practices.len()), Some(4));
    assert_eq!(built.area("nowhere"), None);
}

#[test]
fn a_plans_file_that_does_not_fit_the_shape_is_refused() {
    let mut lang = parse::language(&content().join("en")).unwrap_or_else(|e| panic!("{e}"));
    lang.plans = read(&fixture()).unwrap();
    let (shape, texts) = codegen::plans_shape(&lang);
    let all = texts.join("\n");
    for bad in [texts[1..].join("\n"), format!("{all}\none more"), String::new(), "one line".into()] {
        assert!(shape.build(bad.leak()).is_none());
    }
    assert!(shape.build(all.leak()).is_some());
}

#[test]
fn the_generated_rust_has_the_plans_shape_and_a_method_per_word() {
    let mut languages = parse::languages(&content()).unwrap_or_else(|e| panic!("{e}"));
    for (_, lang) in &mut languages {
        lang.plans = read(&fixture()).unwrap();
    }
    let refs: Vec<(&str, &parse::Language)> = languages.iter().map(|(code, l)| (code.as_str(), l)).collect();
    let generated = codegen::languages(&refs).unwrap_or_else(|e| panic!("{e}"));
    let rust = &generated.rust;
    assert!(rust.contains("pub static PLANS_SHAPE: ::closer_core::words::PlansShape"), "{rust}");
    assert!(rust.contains("pub struct PlanWords(pub &'static [&'static str; 8]);"), "{rust}");
    assert!(rust.contains("pub fn day_of(&self) -> &'static str {\n        self.0[1]\n    }"), "{rust}");
    assert!(rust.contains("minutes: 30, every: ::closer_core::Every::Week"), "{rust}");
    for plans in &generated.plans {
        assert!(rust.contains(&format!("plans: {} }}", plans.checksum)), "{}", plans.code);
    }
}

// --- each mistake, at its line ---------------------------------------------------------------

#[test]
fn a_syntax_error_is_reported_with_its_line_and_column() {
    let text = fixture().replacen("minutes = 10", "minutes = 10 min", 1);
    let e = refused(&text);
    assert_eq!(e.line, line_of(&text, "minutes = 10 min", 0));
    assert!(e.column > 1, "{e}");
}

#[test]
fn an_unknown_a_repeated_or_a_missing_area_is_refused() {
    let text = fixture().replacen("area = \"openness\"", "area = \"openess\"", 1);
    let e = refused(&text);
    assert!(e.message.contains("unknown area \"openess\""), "{e}");
    assert_eq!(e.line, line_of(&text, "area = \"openess\"", 0));

    let text = fixture().replacen("area = \"openness\"", "area = \"support\"", 1);
    let e = refused(&text);
    assert!(e.message.contains("\"support\" has a plan already"), "{e}");
    assert_eq!(e.line, line_of(&text, "area = \"support\"", 1));

    // The last area's plan, cut off.
    let text = fixture();
    let text = &text[..text.find("[[plan]]\narea = \"physical\"").unwrap()];
    let e = refused(text);
    assert!(e.message.contains("no [[plan]] for the area(s) physical"), "{e}");
}

#[test]
fn too_few_or_too_many_practices_are_refused_at_the_plan() {
    let text = fixture();
    let practice = &text[text.find("[[plan.practice]]\ntitle = \"Say one thanks\"").unwrap()..text.find("[[plan.practice]]\ntitle = \"Take a walk\"").unwrap()];
    // The first plan with two practices, then the support plan with five.
    let two = text.replacen(practice, "", 1);
    let e = refused(&two);
    assert!(e.message.contains("the plan for \"authenticity\" has 2 practices; a plan has 3–4"), "{e}");
    assert_eq!(e.line, line_of(&two, "[[plan]]", 0));

    let five = text.replacen("[[plan.practice]]\ntitle = \"Plan a treat\"", &format!("{practice}[[plan.practice]]\ntitle = \"Plan a treat\""), 1);
    let e = refused(&five);
    assert!(e.message.contains("the plan for \"support\" has 5 practices"), "{e}");
    assert_eq!(e.line, line_of(&five, "[[plan]]", 2));
}

#[test]
fn minutes_outside_1_to_60_and_every_other_than_day_or_week_are_refused_at_their_line() {
    for bad in ["minutes = 0", "minutes = 61", "minutes = -5"] {
        let text = replace_nth(&fixture(), "minutes = 30", bad, 3);
        let e = refused(&text);
        assert!(e.message.contains("a practice takes 1–60 minutes"), "{e}");
        assert_eq!(e.line, line_of(&text, bad, 0), "{bad}");
    }
    let text = replace_nth(&fixture(), "every = \"week\"", "every = \"month\"", 5);
    let e = refused(&text);
    assert!(e.message.contains("`every` must be \"day\" or \"week\", found \"month\""), "{e}");
    assert_eq!(e.line, line_of(&text, "every = \"month\"", 0));
}

#[test]
fn an_empty_text_a_line_break_a_placeholder_or_an_unknown_field_is_refused_at_its_line() {
    let cases = [
        (replace_nth(&fixture(), "title = \"Say one thanks\"", "title = \"  \"", 4), "title = \"  \"", "`title` is empty"),
        (replace_nth(&fixture(), "Then just listen.\"", "Then\\njust listen.\"", 2), "Then\\njust", "`what` has a line break"),
        (fixture().replacen("why = \"Time with", "why = \"Time with {partner} and", 1), "{partner}", "placeholders are for `[words]` only"),
        (fixture().replacen("lead = \"Two weeks", "lead = \"\"\"Two weeks\n", 1).replacen("like home.\"", "like home.\"\"\"", 1), "lead = \"\"\"", "`lead` has a line break"),
        (fixture().replacen("every = \"day\"", "every = \"day\"\nhow = \"slowly\"", 1), "how = \"slowly\"", "unknown field `how`"),
        (fixture().replacen("retry = \"Try again\"", "retry = \"\"", 1), "retry = \"\"", "`words.retry` is empty"),
        (fixture().replacen("Day {day} of 14", "Day {day of 14", 1), "Day {day of", "unbalanced or empty {placeholder}"),
        (fixture().replacen("Day {day} of 14", "Day {} of 14", 1), "Day {} of", "unbalanced or empty {placeholder}"),
        (fixture().replacen("retry = ", "type = ", 1), "type = ", "a word of Rust's own"),
        (fixture().replacen("retry = ", "Retry = ", 1), "Retry = ", "may hold only a–z"),
    ];
    for (text, needle, expected) in cases {
        let e = refused(&text);
        assert!(e.message.contains(expected), "{expected}: {e}");
        assert_eq!(e.line, line_of(&text, needle, 0), "{expected}: {e}");
    }
    let text = fixture();
    let words = &text[text.find("[words]").unwrap()..text.find("[[plan]]").unwrap()];
    let e = refused(&text.replacen(words, "[words]\n\n", 1));
    assert!(e.message.contains("`[words]` is empty"), "{e}");
}

#[test]
fn hard_reading_is_refused_at_the_lead_or_the_practice_that_reads_hard() {
    let hard = "Intentional relational vulnerability facilitates interpersonal consolidation through reciprocal emotional availability.";
    // The fifth area's ("openness") first practice.
    let text = replace_nth(&fixture(), "Sit down for a few minutes and ask how the day went. Then just listen.", hard, 4);
    let e = refused(&text);
    assert!(e.message.contains("practice 1 of \"openness\" (\"Ask about the day\": title, what and why together) reads at"), "{e}");
    assert!(e.message.contains("(Flesch); plans read at 60 or more"), "{e}");
    assert_eq!(e.line, line_of(&text, hard, 0) - 2, "the practice's [[plan.practice]]");

    let text = replace_nth(&fixture(), "Two weeks of small steps can make this part of your life feel a bit more like home.", hard, 6);
    let e = refused(&text);
    assert!(e.message.contains("the lead of \"security\" reads at"), "{e}");
    assert_eq!(e.line, line_of(&text, hard, 0));

    let text = fixture().replacen("retry = \"Try again\"", &format!("retry = \"{hard}\""), 1);
    let e = refused(&text);
    assert!(e.message.contains("the `[words]` together reads at"), "{e}");
    assert_eq!(e.line, line_of(&text, "[words]", 0));
}

#[test]
fn spanish_is_measured_by_szigriszt_pazos() {
    let text = fixture();
    let p = plans::from_str(Path::new("content/es/plans.toml"), &text, "es", &bank()).unwrap_or_else(|e| panic!("{e}"));
    let lead = &plans::reading("es", &p)[1];
    assert_eq!(lead.ease, plans::count("es", p.areas[0].plan.lead).reading_ease_es());
    assert_ne!(lead.ease, plans::count("en", p.areas[0].plan.lead).reading_ease());
    let hard = "La vulnerabilidad interpersonal facilita la consolidación relacional mediante la disponibilidad emocional recíproca.";
    let e = plans::from_str(Path::new("content/es/plans.toml"), &text.replacen("Two weeks of small steps can make this part of your life feel a bit more like home.", hard, 1), "es", &bank())
        .expect_err("hard Spanish");
    assert!(e.message.contains("the lead of \"authenticity\" reads at") && e.message.contains("(Szigriszt-Pazos)"), "{e}");
}

// --- another language: the same shape, or the build stops at its line -----------------------

/// The fixture read as English, and as another language after `change`; then what comparing
/// the second with the first says.
fn other_with(change: impl Fn(String) -> String) -> (Result<(), ContentError>, Plans, String) {
    let default = read(&fixture()).unwrap();
    let text = change(fixture());
    let mut other = plans::from_str(Path::new("content/es/plans.toml"), &text, "en", &bank()).unwrap_or_else(|e| panic!("{e}"));
    let result = plans::same_shape(&default, &mut other);
    (result, other, text)
}

#[test]
fn the_same_plans_have_the_same_shape_and_the_words_take_the_default_order() {
    let (result, other, _) = other_with(|t| t.replacen("retry = \"Try again\"\n", "", 1).replacen("[words]\n", "[words]\nretry = \"Otra vez\"\n", 1));
    assert_eq!(result, Ok(()));
    assert_eq!(other.words.last().map(|w| (w.key.as_str(), w.text)), Some(("retry", "Otra vez")));
}

#[test]
fn another_language_with_other_words_areas_minutes_or_every_is_refused_at_its_line() {
    let plan = |t: &str, area: &str, next: &str| t[t.find(&format!("[[plan]]\narea = \"{area}\"")).unwrap()..t.find(&format!("[[plan]]\narea = \"{next}\"")).unwrap()].to_string();
    let swap = move |t: String| {
        let (a, q) = (plan(&t, "authenticity", "quality_time"), plan(&t, "quality_time", "support"));
        t.replacen(&format!("{a}{q}"), &format!("{q}{a}"), 1)
    };
    type Change = Box<dyn Fn(String) -> String>;
    let cases: Vec<(Change, &str, &str)> = vec![
        (Box::new(|t| t.replacen("retry = ", "again = \"Otra\"\nretry = ", 1)), "again = ", "`words.again` is not in content/en/plans.toml"),
        (Box::new(|t| t.replacen("retry = \"Try again\"\n", "", 1)), "[words]", "`words.retry` is missing (it is in content/en/plans.toml)"),
        (Box::new(|t| t.replacen("Day {day} of 14", "Día {dia} de 14", 1)), "day_of =", "`words.day_of` has the placeholders {dia}, content/en/plans.toml has {day}"),
        (Box::new(swap), "area = \"quality_time\"", "the plan for \"quality_time\" stands where content/en/plans.toml has \"authenticity\""),
        (Box::new(|t| replace_nth(&t, "minutes = 2\n", "minutes = 4\n", 1)), "minutes = 4", "practice 2 of \"quality_time\" takes 4 minutes, content/en/plans.toml says 2"),
        // The eighth weekly practice: the third of "security" ("support" has two).
        (Box::new(|t| replace_nth(&t, "every = \"week\"", "every = \"wk\"", 7).replacen("every = \"wk\"", "every = \"day\"  # was week", 1)), "# was week", "practice 3 of \"security\" is every day, content/en/plans.toml says every week"),
    ];
    for (change, needle, expected) in cases {
        let (result, _, text) = other_with(change);
        let e = result.expect_err(expected);
        assert!(e.message.contains(expected), "{expected}: {e}");
        assert!(e.file.ends_with("es/plans.toml"), "{e}");
        let line = if needle == "area = \"quality_time\"" { line_of(&text, needle, 0) - 1 } else { line_of(&text, needle, 0) };
        assert_eq!(e.line, line, "{expected}: {e}");
    }
}

#[test]
fn another_language_with_a_practice_more_is_refused_at_the_plan() {
    let extra = "[[plan.practice]]\ntitle = \"Say one thanks\"\nwhat = \"Tell them one thing you liked.\"\nminutes = 2\nevery = \"day\"\nwhy = \"It helps you both see the good.\"\n\n";
    let (result, _, text) = other_with(|t| t.replacen("[[plan]]\narea = \"openness\"", &format!("{extra}[[plan]]\narea = \"openness\""), 1));
    let e = result.expect_err("a practice more");
    assert!(e.message.contains("the plan for \"boundaries\" has 4 practices, content/en/plans.toml has 3"), "{e}");
    assert_eq!(e.line, line_of(&text, "area = \"boundaries\"", 0) - 1);
}

// --- the real files, through the build's own reading of content/ -----------------------------

/// A copy of content/ (en and es, with their locks) in a fresh folder, with `change` applied to
/// `es/plans.toml` (`None`: the file removed); then what reading every language says.
fn content_with(name: &str, change: impl Fn(String) -> Option<String>) -> Result<Vec<(String, parse::Language)>, ContentError> {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                copy(&path, &to.join(entry.file_name()));
            } else {
                std::fs::copy(&path, to.join(entry.file_name())).unwrap();
            }
        }
    }
    let root = std::env::temp_dir().join(format!("closer-plans-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    for lang in ["en", "es"] {
        copy(&content().join(lang), &root.join(lang));
    }
    for lock in ["item-ids.lock", "item-ids.es.lock"] {
        std::fs::copy(content().join(lock), root.join(lock)).unwrap();
    }
    let path = root.join("es/plans.toml");
    match change(std::fs::read_to_string(&path).unwrap()) {
        Some(text) => std::fs::write(&path, text).unwrap(),
        None => std::fs::remove_file(&path).unwrap(),
    }
    let result = parse::languages(&root);
    let _ = std::fs::remove_dir_all(&root);
    result.map_err(|e| ContentError { file: e.file.strip_prefix(&root).map(Path::to_path_buf).unwrap_or(e.file), ..e })
}

#[test]
fn the_real_plans_have_one_plan_an_area_in_every_language_with_the_same_shape() {
    let languages = content_with("same", Some).unwrap_or_else(|e| panic!("{e}"));
    let (_, en) = &languages[0];
    for (code, lang) in &languages {
        assert_eq!(lang.plans.areas.iter().map(|a| a.plan.dimension).collect::<Vec<_>>(), DIMENSION_IDS, "{code}");
        assert_eq!(lang.plans.words.iter().map(|w| &w.key).collect::<Vec<_>>(), en.plans.words.iter().map(|w| &w.key).collect::<Vec<_>>(), "{code}");
        assert_eq!(codegen::plans_shape(lang).0, codegen::plans_shape(en).0, "{code}");
        for r in plans::reading(code, &lang.plans) {
            assert!(r.ease >= plans::MIN_EASE, "{code}: {} {:.1}", r.label, r.ease);
        }
    }
}

#[test]
fn a_language_without_its_plans_toml_stops_the_build_naming_the_file() {
    let e = content_with("missing", |_| None).map(drop).expect_err("no es/plans.toml");
    assert_eq!(e.file, Path::new("es/plans.toml"), "{e}");
    assert!(e.message.contains("cannot read the file"), "{e}");
}

#[test]
fn a_spanish_plan_with_other_minutes_stops_the_build_at_its_line_in_the_spanish_file() {
    let es = std::fs::read_to_string(content().join("es/plans.toml")).unwrap();
    // The first practice's minutes (the first line that starts `minutes = ` and a number).
    let at = es.match_indices("\nminutes = ").map(|(i, m)| i + m.len()).find(|&i| es[i..].starts_with(|c: char| c.is_ascii_digit())).unwrap();
    let end = at + es[at..].find('\n').unwrap();
    let minutes: u8 = es[at..end].trim().parse().unwrap();
    let e = content_with("minutes", |t| Some(format!("{}{}{}", &t[..at], minutes % 60 + 1, &t[end..]))).map(drop).expect_err("other minutes");
    assert_eq!(e.file, Path::new("es/plans.toml"), "{e}");
    assert!(e.message.contains(&format!("practice 1 of \"authenticity\" takes {} minutes", minutes % 60 + 1)), "{e}");
    assert_eq!(e.line, es[..at].matches('\n').count() + 1, "{e}");
}
