//! Two-week plans as data: `content/<lang>/plans.toml`, read and checked at build time.
//!
//! The file holds the plan page's own words (`[words]`, keyed like a `ui.toml` section, with
//! `{placeholders}`) and, for every area of `assessment.toml`, exactly one `[[plan]]`: a `lead`
//! and three or four `[[plan.practice]]`, each with a `title`, `what` to do, `minutes` (1–60),
//! `every` (`"day"` or `"week"`) and `why` it helps. Every text is one line (the plans file the
//! app fetches holds one text a line), and reads easily ([`MIN_EASE`], see [`reading`]).
//!
//! Another language has the same areas in the same order, as many practices with the same
//! minutes and `every`, and the same `[words]` keys with the same placeholders ([`same_shape`]):
//! one compiled shape fits every language's plans file (`codegen::plans_shape`).
#![allow(clippy::disallowed_macros)] // build-time code or tests: never in the wasm

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::content::{AreaPlan, Bank, Every, Practice};
use crate::parse::ContentError;
use crate::readability::{stats, stats_es, TextStats};

/// The fewest and the most practices a plan has (a day's ticks are a bit per practice, at most
/// [`crate::plan::MAX_PRACTICES`]).
pub const PRACTICES: std::ops::RangeInclusive<usize> = 3..=crate::plan::MAX_PRACTICES as usize;

/// The fewest and the most minutes a practice takes.
pub const MINUTES: std::ops::RangeInclusive<i64> = 1..=60;

/// The lowest reading ease a plan's text may have: Flesch for English, Szigriszt-Pazos for
/// Spanish (see [`ease`]); 60 is "plain English" on Flesch's scale, and "normal" (55–65) on
/// INFLESZ's for Spanish.
pub const MIN_EASE: f64 = 60.0;

/// A language's plans, as read and checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Plans {
    /// The file they were read from (for errors found later, against another language).
    pub path: PathBuf,
    /// The line of `[words]`.
    pub words_line: usize,
    /// The plan page's words, in the file's order.
    pub words: Vec<Word>,
    /// One per area of the assessment, in [`crate::DIMENSION_IDS`]'s order.
    pub areas: Vec<AreaSource>,
}

/// One of the plan page's words: its key in `[words]`, its text, and its line.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub key: String,
    pub text: &'static str,
    pub line: usize,
}

/// An area's plan, with where it stands in its file.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaSource {
    pub plan: AreaPlan,
    /// Its place among the file's `[[plan]]`s, from 0.
    pub place: usize,
    /// The line of its `[[plan]]`.
    pub line: usize,
    /// The line of its `lead`.
    pub lead_line: usize,
    /// For each practice, the lines of its `[[plan.practice]]`, `minutes` and `every`.
    pub practice_lines: Vec<PracticeLines>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PracticeLines {
    pub practice: usize,
    pub minutes: usize,
    pub every: usize,
}

impl Plans {
    /// The plans as the app gets them, in [`crate::DIMENSION_IDS`]'s order.
    pub fn area_plans(&self) -> Vec<AreaPlan> {
        self.areas.iter().map(|a| a.plan.clone()).collect()
    }

    pub fn word(&self, key: &str) -> Option<&'static str> {
        self.words.iter().find(|w| w.key == key).map(|w| w.text)
    }
}

/// Rust's keywords, which no `[words]` key may be (each key is a method of the app's `PlanWords`).
const KEYWORDS: [&str; 52] = [
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate", "do", "dyn", "else", "enum", "extern", "false",
    "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof", "union", "unsafe", "unsized", "use", "virtual",
    "where", "while", "yield",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    words: Spanned<BTreeMap<String, Spanned<String>>>,
    plan: Spanned<Vec<Spanned<PlanEntry>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanEntry {
    area: Spanned<String>,
    lead: Spanned<String>,
    practice: Spanned<Vec<Spanned<PracticeEntry>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PracticeEntry {
    title: Spanned<String>,
    what: Spanned<String>,
    minutes: Spanned<i64>,
    every: Spanned<String>,
    why: Spanned<String>,
}

fn at(path: &Path, raw: &str, span: Range<usize>, message: impl Into<String>) -> ContentError {
    let before = raw.get(..span.start.min(raw.len())).unwrap_or("");
    ContentError {
        file: path.to_path_buf(),
        line: before.matches('\n').count() + 1,
        column: before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1,
        message: message.into(),
    }
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// The `{placeholder}` names in a text, sorted.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text.split('{').skip(1).filter_map(|rest| rest.split_once('}').map(|(name, _)| name)).collect();
    names.sort_unstable();
    names
}

/// Reads and checks a language's `plans.toml` against its assessment (`bank`); `code` (`en`,
/// `es`) chooses the reading-ease formula.
pub fn read(path: &Path, code: &str, bank: &Bank) -> Result<Plans, ContentError> {
    let raw = std::fs::read_to_string(path)
        .map_err(|e| ContentError { file: path.to_path_buf(), line: 0, column: 0, message: format!("cannot read the file: {e}") })?;
    from_str(path, &raw, code, bank)
}

/// Checks plans text; `path` names it in errors.
pub fn from_str(path: &Path, raw: &str, code: &str, bank: &Bank) -> Result<Plans, ContentError> {
    let file: File = toml::from_str(raw).map_err(|e| at(path, raw, e.span().unwrap_or(0..0), e.message().trim()))?;
    let err = |span: Range<usize>, message: String| at(path, raw, span, message);
    let line = |span: Range<usize>| at(path, raw, span, "").line;
    let one_line = |field: &str, v: &Spanned<String>| -> Result<&'static str, ContentError> {
        let t = v.get_ref().trim();
        if t.is_empty() {
            return Err(err(v.span(), format!("`{field}` is empty")));
        }
        if t.contains(['\n', '\r']) {
            // The plans file holds one text a line; on screen a line break is a space anyway.
            return Err(err(v.span(), format!("`{field}` has a line break: write it on one line")));
        }
        Ok(leak(t.to_string()))
    };
    // A plan's own texts: nothing fills a placeholder in them.
    let plain = |field: &str, v: &Spanned<String>| -> Result<&'static str, ContentError> {
        let t = one_line(field, v)?;
        if t.contains(['{', '}']) {
            return Err(err(v.span(), format!("`{field}` has a {{ or }}: placeholders are for `[words]` only")));
        }
        Ok(t)
    };

    // [words]
    let mut words = Vec::new();
    for (key, value) in file.words.get_ref() {
        let is_id = !key.is_empty() && key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !is_id || key.starts_with(|c: char| c.is_ascii_digit()) {
            return Err(err(value.span(), format!("key `{key}` may hold only a–z, 0–9 and _, and starts with a letter")));
        }
        if KEYWORDS.contains(&key.as_str()) {
            return Err(err(value.span(), format!("key `{key}` is a word of Rust's own: the app has a method of each key's name")));
        }
        let text = one_line(&format!("words.{key}"), value)?;
        let balanced = text.chars().try_fold(false, |open, c| match (open, c) {
            (false, '{') => Some(true),
            (true, '}') => Some(false),
            (_, '{' | '}') => None,
            (open, _) => Some(open),
        });
        if balanced != Some(false) || placeholders(text).iter().any(|p| p.is_empty()) {
            return Err(err(value.span(), format!("`words.{key}` has an unbalanced or empty {{placeholder}}")));
        }
        words.push((value.span().start, Word { key: key.clone(), text, line: line(value.span()) }));
    }
    if words.is_empty() {
        return Err(err(file.words.span(), "`[words]` is empty: it holds the plan page's words".into()));
    }
    words.sort_by_key(|(start, _)| *start);
    let words: Vec<Word> = words.into_iter().map(|(_, w)| w).collect();

    // [[plan]]
    let mut areas: Vec<AreaSource> = Vec::new();
    for (place, entry) in file.plan.get_ref().iter().enumerate() {
        let p = entry.get_ref();
        let id = p.area.get_ref().as_str();
        let Some(dimension) = bank.dimensions.iter().map(|d| d.id).find(|d| *d == id) else {
            let ids: Vec<&str> = bank.dimensions.iter().map(|d| d.id).collect();
            return Err(err(p.area.span(), format!("unknown area \"{id}\"; the areas of assessment.toml are {}", ids.join(", "))));
        };
        if areas.iter().any(|a| a.plan.dimension == dimension) {
            return Err(err(p.area.span(), format!("area \"{id}\" has a plan already: one [[plan]] an area")));
        }
        let lead = plain("lead", &p.lead)?;
        let list = p.practice.get_ref();
        if !PRACTICES.contains(&list.len()) {
            return Err(err(
                entry.span(),
                format!("the plan for \"{id}\" has {} practices; a plan has {}–{}", list.len(), PRACTICES.start(), PRACTICES.end()),
            ));
        }
        let mut practices = Vec::new();
        let mut practice_lines = Vec::new();
        for spanned in list {
            let x = spanned.get_ref();
            let minutes = *x.minutes.get_ref();
            if !MINUTES.contains(&minutes) {
                return Err(err(x.minutes.span(), format!("`minutes` is {minutes}; a practice takes {}–{} minutes", MINUTES.start(), MINUTES.end())));
            }
            let every = Every::from_key(x.every.get_ref())
                .ok_or_else(|| err(x.every.span(), format!("`every` must be \"day\" or \"week\", found \"{}\"", x.every.get_ref())))?;
            practices.push(Practice {
                title: plain("title", &x.title)?,
                what: plain("what", &x.what)?,
                why: plain("why", &x.why)?,
                minutes: u8::try_from(minutes).unwrap_or(0),
                every,
            });
            practice_lines.push(PracticeLines { practice: line(spanned.span()), minutes: line(x.minutes.span()), every: line(x.every.span()) });
        }
        areas.push(AreaSource {
            plan: AreaPlan { dimension, lead, practices: Box::leak(practices.into_boxed_slice()) },
            place,
            line: line(entry.span()),
            lead_line: line(p.lead.span()),
            practice_lines,
        });
    }
    let missing: Vec<&str> = bank.dimensions.iter().map(|d| d.id).filter(|id| !areas.iter().any(|a| a.plan.dimension == *id)).collect();
    if !missing.is_empty() {
        let last = ContentError { file: path.to_path_buf(), line: raw.lines().count().max(1), column: 1, message: String::new() };
        return Err(ContentError { message: format!("no [[plan]] for the area(s) {}: every area of assessment.toml has one", missing.join(", ")), ..last });
    }
    areas.sort_by_key(|a| bank.dimensions.iter().position(|d| d.id == a.plan.dimension));
    let plans = Plans { path: path.to_path_buf(), words_line: line(file.words.span()), words, areas };

    for r in reading(code, &plans) {
        if r.ease < MIN_EASE {
            return Err(ContentError {
                file: path.to_path_buf(),
                line: r.line,
                column: 1,
                message: format!("{} reads at {:.1} ({}); plans read at {MIN_EASE} or more: shorter sentences, shorter words", r.label, r.ease, measure(code)),
            });
        }
    }
    Ok(plans)
}

/// The name of the reading-ease formula for a language.
pub fn measure(code: &str) -> &'static str {
    match code {
        "es" => "Szigriszt-Pazos",
        _ => "Flesch",
    }
}

/// Counts a text the language's way.
pub fn count(code: &str, text: &str) -> TextStats {
    match code {
        "es" => stats_es(text),
        _ => stats(text),
    }
}

/// The reading ease of counted text, by the language's formula: Flesch for English,
/// Szigriszt-Pazos for Spanish (`readability.rs`), as the content report measures pages.
pub fn ease(code: &str, counted: &TextStats) -> f64 {
    match code {
        "es" => counted.reading_ease_es(),
        _ => counted.reading_ease(),
    }
}

/// A part of the plans whose reading ease is checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// What it is: "`[words]`", "the lead of \"support\"", "practice 2 of \"support\" (…)".
    pub label: String,
    /// The area, if it is part of an area's plan.
    pub area: Option<&'static str>,
    pub line: usize,
    pub counted: TextStats,
    pub ease: f64,
}

/// The parts of the plans whose reading ease is checked, and their ease. A reading-ease formula
/// needs a few sentences to mean anything: one short text swings widely with one long word
/// ("Calendar" alone scores below 0 on Flesch's scale, "Say thank you" above 110). So the units
/// are what a person reads at once: each area's lead (one or two sentences); each practice as
/// its card reads, title, what and why together (the title a sentence of its own); and the
/// plan page's `[words]` all together (labels and short lines around the plan). Each must read
/// at [`MIN_EASE`] or more.
pub fn reading(code: &str, plans: &Plans) -> Vec<Reading> {
    let unit = |label: String, area: Option<&'static str>, line: usize, text: &str| {
        let counted = count(code, text);
        Reading { label, area, line, counted, ease: ease(code, &counted) }
    };
    let mut out = Vec::new();
    if !plans.words.is_empty() {
        let all: Vec<&str> = plans.words.iter().map(|w| w.text).collect();
        out.push(unit("the `[words]` together".into(), None, plans.words_line, &all.join("\n")));
    }
    for a in &plans.areas {
        let id = a.plan.dimension;
        out.push(unit(format!("the lead of \"{id}\""), Some(id), a.lead_line, a.plan.lead));
        for (n, (p, lines)) in a.plan.practices.iter().zip(&a.practice_lines).enumerate() {
            let card = [p.title, p.what, p.why].join("\n");
            out.push(unit(format!("practice {} of \"{id}\" (\"{}\": title, what and why together)", n + 1, p.title), Some(id), lines.practice, &card));
        }
    }
    out
}

fn in_file_order(plans: &Plans) -> Vec<&AreaSource> {
    let mut areas: Vec<&AreaSource> = plans.areas.iter().collect();
    areas.sort_by_key(|a| a.place);
    areas
}

/// Checks that a language's plans (`other`) have the default language's shape: the same
/// `[words]` keys with the same placeholders, the same areas in the same order, as many
/// practices each, with the same minutes and `every`. Then puts `other`'s words in the default's
/// order. A difference is reported at its line in `other`'s file.
pub fn same_shape(default: &Plans, other: &mut Plans) -> Result<(), ContentError> {
    let at = |line: usize, message: String| ContentError { file: other.path.clone(), line, column: 1, message };
    let theirs = default.path.display();
    for w in &other.words {
        let Some(text) = default.word(&w.key) else {
            return Err(at(w.line, format!("`words.{}` is not in {theirs}", w.key)));
        };
        if placeholders(w.text) != placeholders(text) {
            let list = |names: Vec<&str>| if names.is_empty() { "none".to_string() } else { format!("{{{}}}", names.join("}, {")) };
            return Err(at(w.line, format!("`words.{}` has the placeholders {}, {theirs} has {}", w.key, list(placeholders(w.text)), list(placeholders(text)))));
        }
    }
    if let Some(w) = default.words.iter().find(|w| other.word(&w.key).is_none()) {
        return Err(at(other.words_line, format!("`words.{}` is missing (it is in {theirs})", w.key)));
    }
    other.words = default.words.iter().filter_map(|d| other.words.iter().find(|w| w.key == d.key).cloned()).collect();

    for (x, y) in in_file_order(default).into_iter().zip(in_file_order(other)) {
        let id = y.plan.dimension;
        if x.plan.dimension != id {
            return Err(at(y.line, format!("the plan for \"{id}\" stands where {theirs} has \"{}\": the same areas, in the same order", x.plan.dimension)));
        }
        if x.plan.practices.len() != y.plan.practices.len() {
            return Err(at(y.line, format!("the plan for \"{id}\" has {} practices, {theirs} has {}", y.plan.practices.len(), x.plan.practices.len())));
        }
        for (n, ((p, q), lines)) in x.plan.practices.iter().zip(y.plan.practices).zip(&y.practice_lines).enumerate() {
            if p.minutes != q.minutes {
                return Err(at(lines.minutes, format!("practice {} of \"{id}\" takes {} minutes, {theirs} says {}", n + 1, q.minutes, p.minutes)));
            }
            if p.every != q.every {
                return Err(at(lines.every, format!("practice {} of \"{id}\" is every {}, {theirs} says every {}", n + 1, q.every.key(), p.every.key())));
            }
        }
    }
    Ok(())
}
