//! The real content in content/en, and what a mistake in a content file looks like.
#![cfg(feature = "parse")]
#![allow(clippy::disallowed_macros)] // build-time code or tests: never in the wasm

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use closer_core::parse::{self, ContentError};
use closer_core::readability::stats;
use closer_core::*;

fn content_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../content/en")
}

fn language() -> parse::Language {
    parse::language(&content_dir()).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_bank_has_eight_balanced_dimensions_of_4_to_5_statements_and_32_to_40_in_all() {
    let bank = language().bank;
    assert_eq!(bank.dimensions.iter().map(|d| d.id).collect::<Vec<_>>(), DIMENSION_IDS);
    assert!((32..=40).contains(&bank.item_count()), "{} statements", bank.item_count());
    for d in bank.dimensions {
        assert!((4..=5).contains(&d.items.len()), "{}: {} statements", d.id, d.items.len());
        let reverse = d.items.iter().filter(|i| i.reverse).count();
        assert!(reverse >= 2 && d.items.len() - reverse >= 2, "{}: {reverse} of {} reverse-worded", d.id, d.items.len());
        assert!((2..=3).contains(&d.steps.len()), "{} steps", d.id);
        assert!((2..=3).contains(&(d.starters.len() + 1)), "{}: 2–3 prompts with the appreciation one", d.id);
        for text in d.band_text {
            assert!(text.len() > 40, "{}: band text too short: {text}", d.id);
        }
    }
    assert_eq!(bank.answer_options, ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"]);
    assert_eq!(bank.not_applicable_option, "Does not apply to us");
    assert_eq!(bank.importance_options, ["Not at all", "A little", "Somewhat", "Very", "Extremely"]);
    assert_eq!(bank.bands.iter().map(|b| (b.min, b.max)).collect::<Vec<_>>(), [(0, 39), (40, 69), (70, 100)]);
}

#[test]
fn agreeing_with_everything_gives_every_dimension_40_to_60() {
    let bank = language().bank;
    for value in [1, 3] {
        let answers: Answers = bank.quiz_order().iter().map(|(_, i)| (i.id.to_string(), value)).collect();
        for (id, score) in bank.score(&answers).dimensions {
            let score = score.value().unwrap_or_default();
            assert!((40..=60).contains(&score), "{id}: {score} when every answer is {value}");
        }
    }
}

#[test]
fn the_high_and_low_band_texts_differ_from_one_another() {
    let bank = language().bank;
    for band in [0, 2] {
        let openings: BTreeSet<String> =
            bank.dimensions.iter().map(|d| d.band_text[band].split_whitespace().take(3).collect::<Vec<_>>().join(" ")).collect();
        assert_eq!(openings.len(), 8, "band {band}: texts start alike: {openings:?}");
        let keep_going = bank.dimensions.iter().filter(|d| d.band_text[band].contains("Keep it going")).count();
        assert_eq!(keep_going, 0, "band {band}: a stock phrase");
    }
    let conflict = bank.dimension("openness").unwrap();
    assert!(conflict.band_text[0].contains("safety page"), "Facing conflict's low band points to the safety page");
}

#[test]
fn statement_ids_are_unique_and_locked_to_their_words() {
    let bank = language().bank;
    let ids: Vec<&str> = bank.quiz_order().iter().map(|(_, i)| i.id).collect();
    assert_eq!(ids.iter().collect::<BTreeSet<_>>().len(), ids.len());
    parse::check_item_lock(&content_dir().join("../item-ids.lock"), &bank).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn the_safety_screen_covers_fear_sexual_pressure_insults_control_money_and_threats() {
    let bank = language().bank;
    let screen = bank.screen.items;
    assert!((4..=8).contains(&screen.len()), "{} screen statements", screen.len());
    let text = screen.iter().map(|i| i.text.to_lowercase()).collect::<Vec<_>>().join(" | ");
    for word in ["afraid", "pressured", "names", "puts me down", "messages", "who i can see", "money", "where i go", "threatened"] {
        assert!(text.contains(word), "no screen statement mentions \"{word}\": {text}");
    }
    // Only fear, sexual pressure and threats bring the gentler note on Neutral.
    let gentle: Vec<&str> = screen.iter().filter(|i| i.neutral_note).map(|i| i.text).collect();
    assert_eq!(gentle.len(), 3);
    assert!(gentle.iter().any(|t| t.contains("afraid")) && gentle.iter().any(|t| t.contains("sexual")) && gentle.iter().any(|t| t.contains("threatened")));
    assert!(screen.iter().all(|i| !i.reverse && !i.may_not_apply), "agreeing is the concerning answer on each");
    // Not one of them is scored in a dimension.
    for d in bank.dimensions {
        assert!(d.items.iter().all(|i| !screen.iter().any(|s| s.id == i.id)), "{}", d.id);
    }
    assert_eq!(bank.screen.touches, ["boundaries", "openness", "security", "physical"]);
}

#[test]
fn neutral_and_agree_on_each_real_screen_statement_give_the_right_response() {
    let bank = language().bank;
    // Every other answer favourable: the best answer to every scored statement.
    let favourable: Answers =
        bank.dimensions.iter().flat_map(|d| d.items).map(|i| (i.id.to_string(), if i.reverse { 0 } else { 4 })).collect();
    assert_eq!(bank.safety_response(&favourable), SafetyResponse::None);
    for item in bank.screen.items {
        for (answer, expected) in [
            (0, SafetyResponse::None),
            (1, SafetyResponse::None),
            (2, if item.neutral_note { SafetyResponse::Gentle } else { SafetyResponse::None }),
            (3, SafetyResponse::Full),
            (4, SafetyResponse::Full),
        ] {
            let mut given = favourable.clone();
            given.insert(item.id.to_string(), answer);
            assert_eq!(bank.safety_response(&given), expected, "{} at {answer}", item.id);
            assert_eq!(bank.score(&given), bank.score(&favourable), "{} changed a score", item.id);
        }
    }
}

#[test]
fn the_full_response_sets_every_area_aside_and_the_gentle_one_hides_the_touched_areas_steps() {
    let bank = language().bank;
    let touched: Vec<&str> = bank.screen.touches.to_vec();
    assert!(!touched.is_empty() && touched.len() < bank.dimensions.len());
    // The statements on fear, sexual pressure and threats bring the gentle note on Neutral.
    let gentle: Vec<&str> = bank.screen.items.iter().filter(|i| i.neutral_note).map(|i| i.text).collect();
    assert!(gentle.iter().any(|t| t.contains("afraid")), "{gentle:?}");
    assert!(gentle.iter().any(|t| t.contains("threatened")), "{gentle:?}");
    for d in bank.dimensions {
        let is_touched = touched.contains(&d.id);
        assert!(bank.hides_steps(SafetyResponse::Full, d.id), "{}: full response keeps steps", d.id);
        assert_eq!(bank.hides_steps(SafetyResponse::Gentle, d.id), is_touched, "{}: gentle response", d.id);
        assert!(!bank.hides_steps(SafetyResponse::None, d.id), "{}: no response hides steps", d.id);
    }
    assert!(SafetyResponse::Full.sets_aside_every_area());
    assert!(!SafetyResponse::Gentle.sets_aside_every_area() && !SafetyResponse::None.sets_aside_every_area());
    assert!(SafetyResponse::Full.cautions_before_sharing() && SafetyResponse::Gentle.cautions_before_sharing());
    assert!(!SafetyResponse::None.cautions_before_sharing());
}

#[test]
fn no_statement_assumes_living_together_being_in_one_place_or_a_sex_life_without_a_way_out() {
    let bank = language().bank;
    for (_, item) in bank.quiz_order() {
        let text = item.text.to_lowercase();
        for word in ["at home", "our home", "live together", "side by side", "date", "hurt me"] {
            if item.id == "sc4" && word == "hurt me" {
                continue; // the screen asks about harm itself
            }
            assert!(!text.contains(word), "{}: \"{}\" assumes \"{word}\"", item.id, item.text);
        }
        if text.contains("sex life") {
            assert!(item.may_not_apply, "{} assumes a sex life", item.id);
        }
    }
}

#[test]
fn the_quiz_never_asks_two_statements_of_one_dimension_in_a_row_and_asks_the_screen_among_them() {
    let bank = language().bank;
    let order = bank.quiz_order();
    assert_eq!(order.len(), bank.item_count() + bank.screen.items.len());
    let scored: Vec<_> = order.iter().filter_map(|(d, i)| Some((d.as_ref()?.id, i.id))).collect();
    for pair in scored.windows(2) {
        assert_ne!(pair[0].0, pair[1].0, "{} then {}", pair[0].1, pair[1].1);
    }
    assert!(order.first().is_some_and(|(d, _)| d.is_some()) && order.last().is_some_and(|(d, _)| d.is_some()));
    for pair in order.windows(2) {
        assert!(pair[0].0.is_some() || pair[1].0.is_some(), "two screen statements in a row");
    }
}

#[test]
fn neutral_on_every_real_statement_gives_50_on_every_dimension() {
    let bank = language().bank;
    let answers: Answers = bank.dimensions.iter().flat_map(|d| d.items).map(|i| (i.id.to_string(), 2)).collect();
    let scores = bank.score(&answers);
    assert!(scores.dimensions.iter().all(|(_, s)| *s == DimensionScore::Scored(50)), "{scores:?}");
}

#[test]
fn statements_and_pages_read_easily() {
    let lang = language();
    let statements = lang.bank.quiz_order().iter().fold(Default::default(), |t: readability::TextStats, (_, i)| t + stats(i.text));
    assert!(statements.reading_ease() >= 60.0, "statements: {:.1}", statements.reading_ease());
    for p in &lang.pages {
        let ease = stats(p.text).reading_ease();
        assert!(ease >= 60.0, "{}: reading ease {ease:.1}", p.page.slug);
    }
}

#[test]
fn every_dimension_has_an_explainer_page_and_every_link_resolves() {
    let lang = language();
    for id in DIMENSION_IDS {
        assert!(lang.pages.iter().any(|p| p.page.dimension == Some(id)), "no page for {id}");
    }
    for p in &lang.pages {
        for link in p.links {
            match route::Route::parse(link) {
                route::Route::Page(slug) => assert!(lang.pages.iter().any(|q| q.page.slug == slug), "{}: {link}", p.page.slug),
                route::Route::NotFound(_) => panic!("{}: {link} is no route", p.page.slug),
                _ => {}
            }
        }
    }
}

#[test]
fn the_ui_strings_are_all_present() {
    let ui = language().ui;
    for key in ["site.name", "home.start", "quiz.progress", "results.disclaimer", "safety.body"] {
        assert!(ui.get(key).is_some(), "missing {key}");
    }
}

// --- what a content mistake looks like ------------------------------------------------------

fn real_assessment() -> String {
    std::fs::read_to_string(content_dir().join("assessment.toml")).unwrap()
}

fn assessment_error(text: &str) -> ContentError {
    parse::assessment_from_str(Path::new("content/en/assessment.toml"), text).expect_err("this content should be refused")
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).expect("needle in text") + 1
}

#[test]
fn a_duplicate_statement_id_is_reported_at_its_line() {
    let text = real_assessment().replacen("id = \"qt3\"", "id = \"au3\"", 1);
    let e = assessment_error(&text);
    let second = text.match_indices("id = \"au3\"").nth(1).expect("two au3").0;
    assert_eq!(e.line, text[..second].matches('\n').count() + 1);
    assert!(e.message.contains("\"au3\" is used twice"), "{e}");
    assert!(e.to_string().starts_with(&format!("content/en/assessment.toml:{}:", e.line)), "{e}");
}

#[test]
fn a_syntax_error_is_reported_with_file_line_and_column() {
    let text = real_assessment().replacen("reverse = false", "reverse = fals", 1);
    let e = assessment_error(&text);
    assert_eq!(e.line, line_of(&text, "reverse = fals"));
    assert!(e.column > 1);
}

#[test]
fn wrong_values_are_refused_with_a_reason() {
    let cases = [
        (real_assessment().replacen("id = \"openness\"", "id = \"openess\"", 1), "unknown dimension \"openess\""),
        (real_assessment().replacen("sign = \"closeness\"", "sign = \"close\"", 1), "`sign` must be"),
        (real_assessment().replacen("max = 39", "max = 38", 1), "must start at 39"),
        (real_assessment().replacen("\"Neutral\", ", "", 1), "exactly five"),
        (real_assessment().replacen("reverse = false", "reverse = false\nweight = 2", 1), "unknown field `weight`"),
        (real_assessment().replacen("reverse = false", "reverse = false\nsafety = true", 1), "unknown field `safety`"),
        (real_assessment().replacen("id = \"au8\"\ntext = \"Around my partner, I play a part instead of being myself.\"\nreverse = true", "id = \"au8\"\ntext = \"Around my partner, I play a part instead of being myself.\"\nreverse = false", 1), "at least two statements worded each way"),
        (real_assessment().replacen("touches = [\"boundaries\"", "touches = [\"boundary\"", 1), "\"boundary\" is not a dimension"),
    ];
    for (text, expected) in cases {
        let e = assessment_error(&text);
        assert!(e.message.contains(expected), "expected \"{expected}\", got: {e}");
        assert!(e.line > 0, "{e}");
    }
}

#[test]
fn changing_a_published_statement_without_a_new_id_is_refused() {
    let bank = parse::assessment_from_str(Path::new("a.toml"), &real_assessment().replacen("things I am afraid of", "things I am most afraid of", 1)).unwrap();
    let e = parse::check_item_lock(&content_dir().join("../item-ids.lock"), &bank).expect_err("changed words");
    assert!(e.message.contains("new words need a new id"), "{e}");
}

fn page_error(text: &str) -> ContentError {
    parse::page_from_str(Path::new("content/en/pages/x.md"), text).expect_err("this page should be refused")
}

#[test]
fn page_mistakes_are_reported_at_their_line() {
    let front = "+++\nslug = \"x\"\ntitle = \"X\"\ndescription = \"A page made for a test, with a description long enough to pass.\"\norder = 1\n+++\n";
    let e = page_error(&format!("{front}\nSome words.\n\n# A second h1\n"));
    assert_eq!((e.line, e.message.contains("only h1")), (10, true), "{e}");
    let e = page_error(&format!("{front}Words <b>bold</b>.\n"));
    assert!(e.message.contains("raw HTML") && e.line == 7, "{e}");
    let e = page_error(&format!("{front}See [there](#/nowhere).\n"));
    assert!(e.message.contains("no page of the app"), "{e}");
    let e = page_error(&format!("{front}See [there](javascript:alert(1)).\n"));
    assert!(e.message.contains("use `#/…`"), "{e}");
    let e = page_error(&format!("{front}## A\n\n#### Skipped a level\n"));
    assert!(e.message.contains("do not skip levels") && e.line == 9, "{e}");
    let e = page_error("+++\nslug = \"Bad Slug\"\ntitle = \"X\"\ndescription = \"A page made for a test, with a description long enough to pass.\"\norder = 1\n+++\nText.\n");
    assert_eq!(e.line, 2, "{e}");
    let e = page_error("No front matter here.\n");
    assert!(e.message.contains("+++"), "{e}");
}

#[test]
fn a_good_page_becomes_markup_with_its_links() {
    let p = parse::page_from_str(
        Path::new("x.md"),
        "+++\nslug = \"x\"\ntitle = \"X\"\ndescription = \"A page made for a test, with a description long enough to pass.\"\norder = 1\n+++\n## Hello\n\nRead [safety](#/learn/safety) or [elsewhere](https://example.org).\n",
    )
    .unwrap();
    assert!(p.html.contains("<h2>Hello</h2>"));
    assert!(p.html.contains("rel=\"noopener noreferrer\" target=\"_blank\" href=\"https://example.org\""));
    assert_eq!(p.links, ["#/learn/safety"]);
    assert_eq!(p.page.file, format!("pages/x-{:08x}.html", body_checksum(p.html)));
    assert_eq!(p.page.integrity, codegen::integrity(p.html.as_bytes()));
    assert_eq!(p.text.trim(), "Hello\nRead safety or elsewhere.");
}

#[test]
fn every_ui_string_is_used_by_the_app() {
    // Unused strings would still ship in the words file; each key must appear as
    // `UI.<section>_<key>()` in src/.
    let ui = language().ui;
    let mut source = String::new();
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("../src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                source.push_str(&std::fs::read_to_string(path).unwrap());
            }
        }
    }
    // `site.language`, each language's name in itself, is read by the build for the switch.
    let unused: Vec<&str> =
        ui.entries.iter().map(|(k, _)| k.as_str()).filter(|k| *k != "site.language" && !source.contains(&format!("UI.{}()", k.replace('.', "_")))).collect();
    assert!(unused.is_empty(), "ui.toml keys no code uses: {unused:?}");
}

#[test]
fn a_line_break_in_shown_text_is_refused_at_its_line() {
    // The words file holds one text a line; on screen a line break would be a space anyway.
    let text = real_assessment().replacen("things I am afraid of", "things I am\\nafraid of", 1);
    let e = assessment_error(&text);
    assert!(e.message.contains("has a line break"), "{e}");
    assert_eq!(e.line, line_of(&text, "things I am\\nafraid of"));
}

#[test]
fn the_shape_and_the_words_file_give_back_exactly_the_content_in_every_language() {
    let languages = parse::languages(&content_dir().join("..")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(languages.iter().map(|(code, _)| code.as_str()).collect::<Vec<_>>(), ["en", "es"]);
    let refs: Vec<(&str, &parse::Language)> = languages.iter().map(|(code, l)| (code.as_str(), l)).collect();
    let generated = codegen::languages(&refs).unwrap_or_else(|e| panic!("{e}"));
    let (shape, _) = codegen::shape(&languages[0].1);
    for (((code, lang), words), plans) in languages.iter().zip(&generated.words).zip(&generated.plans) {
        let content = shape.build(words.text.clone().leak(), &codegen::page_files(lang)).expect("the words fit their shape");
        assert_eq!(content.bank, lang.bank, "{code}");
        // Each page with its file and its body's integrity (from the words file's end).
        assert_eq!(content.pages, lang.pages.iter().map(|p| p.page.clone()).collect::<Vec<_>>(), "{code}");
        assert_eq!(content.plans_integrity, plans.integrity, "{code}");
        assert_eq!(content.ui, lang.ui.entries.iter().map(|(_, text)| *text).collect::<Vec<_>>(), "{code}");
        assert_eq!(words.name, format!("words-{:08x}.txt", body_checksum(&words.text)));
        assert!(generated.rust.contains(&format!("code: \"{code}\", name: \"{}\", checksum: {}", lang.ui.get("site.language").unwrap(), words.checksum)));
        let files = words::LanguageFiles { code: "", name: "", checksum: words.checksum, pages: &[], plans: 0 };
        assert_eq!(files.words_file(), words.name);
    }
}

#[test]
fn words_that_do_not_fit_the_shape_are_refused() {
    let lang = language();
    let (shape, words) = codegen::shape(&lang);
    let pages = codegen::page_files(&lang);
    let plans = codegen::plans_file("en", &lang).unwrap();
    let all = codegen::words_file("en", &lang, &plans).unwrap().text;
    let trailer = all.lines().skip(words.len()).map(|l| format!("\n{l}")).collect::<String>();
    assert_eq!(trailer.matches('\n').count(), pages.len() + 1, "{trailer}");
    let one_missing = format!("{}{trailer}", words[1..].join("\n"));
    let one_more = format!("{}\nan extra line{trailer}", words.join("\n"));
    let no_integrity = words.join("\n");
    let one_integrity_missing = all.rsplit_once('\n').unwrap().0.to_string();
    let not_an_integrity = all.replacen("\nsha384-", "\nsha256-", 1);
    for bad in [one_missing, one_more, no_integrity, one_integrity_missing, not_an_integrity, String::new(), "one line".to_string()] {
        assert!(shape.build(bad.leak(), &pages).is_none());
    }
    assert!(shape.build(all.clone().leak(), &pages[1..]).is_none(), "a page's body missing");
    assert!(shape.build(all.leak(), &pages).is_some());
}

#[test]
fn a_check_in_saved_with_content_version_1_keeps_the_answers_to_statements_that_remain() {
    use closer_core::record::{Progress, Record};
    let bank = language().bank;
    // Every statement of content version 1 (from the lock's first 36 lines), answered.
    let lock = std::fs::read_to_string(content_dir().join("../item-ids.lock")).unwrap();
    let v1: Vec<&str> = lock.lines().filter(|l| !l.starts_with('#')).take(36).filter_map(|l| l.split('\t').next()).collect();
    assert_eq!((v1[0], v1[35]), ("au1", "ph4"));
    let answers: Answers = v1.iter().map(|id| (id.to_string(), 3)).collect();
    let mut record = Record { progress: Some(Progress { content_version: 1, answers, ..Default::default() }), ..Record::empty() };
    let dropped = record.adapt_to(&bank);
    let kept = record.progress.unwrap().answers;
    assert_eq!(dropped + kept.len(), 36);
    assert_eq!(dropped, v1.iter().filter(|id| bank.item(id).is_none()).count());
    // Statements that kept their words keep their answers, the safety screen's included.
    for id in ["au3", "qt3", "su1", "bo1", "bo3", "bo4", "op1", "em4", "se1", "ph1"] {
        assert_eq!(kept.get(id), Some(&3), "{id}");
    }
    for id in ["au1", "au2", "qt1", "qt5", "bo2", "bo5", "em1", "em3", "se2", "se4", "ph3", "ph4"] {
        assert_eq!(kept.get(id), None, "{id} changed its words, or left");
    }
    println!("content version 1 → {}: {} answers kept, {dropped} set aside", bank.content_version, kept.len());
}

#[test]
fn a_check_in_saved_with_content_version_2_sets_aside_the_answers_to_reworded_statements() {
    use closer_core::record::{Progress, Record};
    let bank = language().bank;
    assert!(bank.content_version > 2);
    // Reworded in content version 3 (issue 26): each has a new id, so its answer is set aside.
    let reworded = ["au1", "au5", "au6", "qt6", "su6", "su7", "bo5", "bo7", "bo8", "bo9", "op5", "em7", "se2", "se6", "ph3", "ph5", "ph6"];
    let same_words = ["au3", "qt3", "qt7", "su1", "bo1", "bo3", "op1", "em4", "se1", "ph1", "sc1", "sc4"];
    let answers: Answers = reworded.iter().chain(&same_words).map(|id| (id.to_string(), 3)).collect();
    let mut record = Record { progress: Some(Progress { content_version: 2, answers, ..Default::default() }), ..Record::empty() };
    assert_eq!(record.adapt_to(&bank), reworded.len());
    let progress = record.progress.unwrap();
    assert_eq!(progress.content_version, bank.content_version);
    for id in same_words {
        assert_eq!(progress.answers.get(id), Some(&3), "{id}");
    }
    for id in reworded {
        assert!(bank.item(id).is_none(), "{id} is still asked");
    }
}

// --- a second language: the same shape, or the build stops at the line ----------------------

/// A copy of content/en and content/es in a fresh folder, with `change` applied to the copy of
/// `es/<file>`; then what reading both languages says.
fn languages_with(file: &str, change: impl Fn(String) -> String) -> Result<(), ContentError> {
    let root = std::env::temp_dir().join(format!("closer-languages-{}-{}", std::process::id(), file.replace('/', "-")));
    let _ = std::fs::remove_dir_all(&root);
    let src = content_dir().join("..");
    for lang in ["en", "es"] {
        std::fs::create_dir_all(root.join(lang).join("pages")).unwrap();
        for name in ["assessment.toml", "ui.toml", "helplines.toml", "plans.toml"] {
            std::fs::copy(src.join(lang).join(name), root.join(lang).join(name)).unwrap();
        }
        for page in std::fs::read_dir(src.join(lang).join("pages")).unwrap().flatten() {
            std::fs::copy(page.path(), root.join(lang).join("pages").join(page.file_name())).unwrap();
        }
    }
    for lock in ["item-ids.lock", "item-ids.es.lock"] {
        std::fs::copy(src.join(lock), root.join(lock)).unwrap();
    }
    let path = root.join("es").join(file);
    std::fs::write(&path, change(std::fs::read_to_string(&path).unwrap())).unwrap();
    let result = parse::languages(&root).map(drop);
    let _ = std::fs::remove_dir_all(&root);
    result
}

#[test]
fn the_spanish_content_has_the_english_shape() {
    assert_eq!(languages_with("ui.toml", |t| t), Ok(()));
}

#[test]
fn a_missing_or_extra_key_or_a_placeholder_that_does_not_match_stops_the_build_at_its_line() {
    let e = languages_with("ui.toml", |t| t.replacen("[home]", "[home]\nsurprise = \"¡Hola!\"", 1)).expect_err("an extra key");
    assert!(e.message.contains("`home.surprise` is not in"), "{e}");
    assert!(e.file.ends_with("es/ui.toml"), "{e}");
    assert_eq!(e.line, line_of(&std::fs::read_to_string(content_dir().join("../es/ui.toml")).unwrap(), "[home]") + 1, "{e}");

    let e = languages_with("ui.toml", |t| t.lines().filter(|l| !l.starts_with("retry =")).collect::<Vec<_>>().join("\n")).expect_err("a missing key");
    assert!(e.message.contains("`learn.retry` is missing"), "{e}");
    assert!(e.to_string().contains("es/ui.toml:"), "{e}");

    let e = languages_with("ui.toml", |t| t.replacen("{done}", "{hechas}", 1)).expect_err("a placeholder renamed");
    assert!(e.message.contains("placeholders"), "{e}");
    let es = std::fs::read_to_string(content_dir().join("../es/ui.toml")).unwrap();
    assert_eq!(e.line, line_of(&es, "{done}"), "{e}");
}

#[test]
fn a_statement_keyed_differently_or_out_of_place_stops_the_build_at_its_line() {
    let es = std::fs::read_to_string(content_dir().join("../es/assessment.toml")).unwrap();
    // The first statement that may not apply to every couple, made to apply to all.
    let e = languages_with("assessment.toml", |t| t.replacen("\nmay_not_apply = true", "\nmay_not_apply = false", 1)).expect_err("keying changed");
    assert!(e.message.contains("keyed differently"), "{e}");
    assert!(e.file.ends_with("es/assessment.toml"), "{e}");
    let first_reverse = es.lines().position(|l| l == "may_not_apply = true").unwrap();
    let id_line = es.lines().take(first_reverse).enumerate().filter(|(_, l)| l.starts_with("id = ")).last().unwrap().0 + 1;
    assert_eq!(e.line, id_line, "{e}");

    let e = languages_with("assessment.toml", |t| t.replacen("id = \"au3\"", "id = \"au99\"", 1)).expect_err("an id changed");
    assert!(e.message.contains("au99"), "{e}");
}

#[test]
fn a_page_missing_from_a_language_stops_the_build() {
    let root = content_dir().join("../es/pages");
    assert!(root.join("safety.md").is_file());
    let e = languages_with("pages/safety.md", |t| t.replacen("order = ", "order = 9", 1)).expect_err("order changed");
    assert!(e.message.contains("`order`"), "{e}");
    assert!(e.file.ends_with("es/pages/safety.md") && e.line > 1, "{e}");
}

#[test]
fn the_spanish_statements_and_pages_read_easily() {
    let es = parse::language(&content_dir().join("../es")).unwrap_or_else(|e| panic!("{e}"));
    let statements = es.bank.quiz_order().iter().fold(Default::default(), |t: readability::TextStats, (_, i)| t + readability::stats_es(i.text));
    assert!(statements.reading_ease_es() >= 65.0, "statements: {:.1}", statements.reading_ease_es());
    for p in &es.pages {
        let ease = readability::stats_es(p.text).reading_ease_es();
        assert!(ease >= 65.0, "{}: Szigriszt-Pazos {ease:.1}", p.page.slug);
    }
}
