//! Reads and validates the files in `content/`. Every problem is reported with the file, the
//! line and column, and what is wrong, so a content mistake is a build error, not a blank page.
#![allow(clippy::disallowed_macros)] // build-time code or tests: never in the wasm

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::content::*;
use crate::route::Route;

/// A problem in a content file, with where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct ContentError {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.file.display(), self.line, self.column, self.message)
    }
}

impl std::error::Error for ContentError {}

/// A file's text, to turn byte offsets into lines and columns.
struct Source<'a> {
    path: &'a Path,
    text: &'a str,
    /// Lines before the text starts in its file (for a page's front matter).
    line_offset: usize,
}

impl Source<'_> {
    fn error(&self, span: Option<Range<usize>>, message: impl Into<String>) -> ContentError {
        let at = span.map_or(0, |s| s.start.min(self.text.len()));
        let before = &self.text[..at];
        let line = before.matches('\n').count() + 1 + self.line_offset;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        ContentError { file: self.path.to_path_buf(), line, column, message: message.into() }
    }

    fn toml<T: for<'de> Deserialize<'de>>(&self) -> Result<T, ContentError> {
        toml::from_str(self.text).map_err(|e| self.error(e.span(), e.message().trim().to_string()))
    }
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

fn leak_slice<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

fn read(path: &Path) -> Result<String, ContentError> {
    std::fs::read_to_string(path).map_err(|e| ContentError {
        file: path.to_path_buf(),
        line: 0,
        column: 0,
        message: format!("cannot read the file: {e}"),
    })
}

// ---------------------------------------------------------------------------------------------
// assessment.toml

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AssessmentFile {
    content_version: Spanned<u16>,
    answer_options: Spanned<Vec<String>>,
    not_applicable_option: Spanned<String>,
    importance_options: Spanned<Vec<String>>,
    band: Spanned<Vec<Spanned<BandEntry>>>,
    dimension: Spanned<Vec<Spanned<DimensionEntry>>>,
    screen: Spanned<ScreenEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScreenEntry {
    touches: Spanned<Vec<Spanned<String>>>,
    item: Spanned<Vec<Spanned<ScreenItemEntry>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScreenItemEntry {
    id: Spanned<String>,
    text: Spanned<String>,
    #[serde(default)]
    neutral_note: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BandEntry {
    id: Spanned<String>,
    min: u8,
    max: u8,
    name: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DimensionEntry {
    id: Spanned<String>,
    name: Spanned<String>,
    sign: Spanned<String>,
    #[serde(default)]
    distance_name: Option<Spanned<String>>,
    summary: Spanned<String>,
    importance_question: Spanned<String>,
    steps: Spanned<Vec<Spanned<String>>>,
    appreciation: Spanned<String>,
    starters: Spanned<Vec<Spanned<String>>>,
    band: Spanned<BandTexts>,
    item: Spanned<Vec<Spanned<ItemEntry>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BandTexts {
    low: Spanned<String>,
    middle: Spanned<String>,
    high: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemEntry {
    id: Spanned<String>,
    text: Spanned<String>,
    reverse: bool,
    #[serde(default)]
    may_not_apply: bool,
}

fn words(text: &str) -> usize {
    text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

fn is_id(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn text(src: &Source, field: &str, value: &Spanned<String>) -> Result<&'static str, ContentError> {
    let trimmed = value.get_ref().trim();
    if trimmed.is_empty() {
        return Err(src.error(Some(value.span()), format!("`{field}` is empty")));
    }
    if trimmed.contains(['\n', '\r']) {
        // The app's words file holds one text a line; on screen a line break is a space anyway.
        return Err(src.error(Some(value.span()), format!("`{field}` has a line break: write it on one line")));
    }
    Ok(leak(trimmed.to_string()))
}

/// Checks a statement's id and words, and that its id is new; returns its id and text.
fn statement(
    src: &Source,
    seen: &mut BTreeSet<String>,
    id: &Spanned<String>,
    words_of: &Spanned<String>,
) -> Result<(&'static str, &'static str), ContentError> {
    let err = |span: Range<usize>, msg: String| src.error(Some(span), msg);
    let item_id = id.get_ref();
    if !is_id(item_id) {
        return Err(err(id.span(), format!("statement id \"{item_id}\" may hold only a–z, 0–9 and _")));
    }
    if !seen.insert(item_id.clone()) {
        return Err(err(id.span(), format!("statement id \"{item_id}\" is used twice")));
    }
    let count = words(words_of.get_ref());
    if !(6..=18).contains(&count) {
        return Err(err(words_of.span(), format!("statement \"{item_id}\" has {count} words; keep statements to 6–18")));
    }
    let lower = words_of.get_ref().to_lowercase();
    if let Some(word) = ["always", "never", "siempre", "nunca", "jamás"].iter().find(|w| lower.split(|c: char| !c.is_alphabetic()).any(|x| x == **w)) {
        return Err(err(words_of.span(), format!("statement \"{item_id}\" says \"{word}\"; statements avoid absolutes")));
    }
    Ok((leak(item_id.clone()), text(src, "text", words_of)?))
}

/// Reads and validates an `assessment.toml`.
pub fn assessment(path: &Path) -> Result<Bank, ContentError> {
    let raw = read(path)?;
    assessment_from_str(path, &raw)
}

/// Validates assessment text; `path` names it in errors.
pub fn assessment_from_str(path: &Path, raw: &str) -> Result<Bank, ContentError> {
    let src = Source { path, text: raw, line_offset: 0 };
    let file: AssessmentFile = src.toml()?;
    let err = |span: Range<usize>, msg: String| src.error(Some(span), msg);

    let content_version = *file.content_version.get_ref();
    if content_version == 0 {
        return Err(err(file.content_version.span(), "`content_version` starts at 1".into()));
    }

    let five = |field: &str, list: &Spanned<Vec<String>>| -> Result<[&'static str; 5], ContentError> {
        let items: Vec<&'static str> = list.get_ref().iter().map(|s| leak(s.trim().to_string())).collect();
        if items.len() != 5 || items.iter().any(|s| s.is_empty()) {
            return Err(err(list.span(), format!("`{field}` needs exactly five non-empty labels, found {}", items.len())));
        }
        if items.iter().any(|s| s.contains(['\n', '\r'])) {
            return Err(err(list.span(), format!("`{field}` has a line break: write each label on one line")));
        }
        match items[..] {
            [a, b, c, d, e] => Ok([a, b, c, d, e]),
            _ => Err(err(list.span(), format!("`{field}` needs exactly five non-empty labels, found {}", items.len()))),
        }
    };
    let answer_options = five("answer_options", &file.answer_options)?;
    let importance_options = five("importance_options", &file.importance_options)?;

    // Bands: low, middle, high, covering 0–100 with no gap or overlap.
    let band_list = file.band.get_ref();
    if band_list.len() != 3 {
        return Err(err(file.band.span(), format!("there must be three [[band]] tables, found {}", band_list.len())));
    }
    let mut bands = Vec::new();
    let mut next_min = 0u16;
    for (entry, id) in band_list.iter().zip(BandId::ALL) {
        let b = entry.get_ref();
        if b.id.get_ref() != id.key() {
            return Err(err(b.id.span(), format!("band {} should have id \"{}\", found \"{}\"", id.index() + 1, id.key(), b.id.get_ref())));
        }
        if u16::from(b.min) != next_min || b.max < b.min {
            return Err(err(entry.span(), format!("band \"{}\" must start at {next_min} and end at or after it (found {}–{})", id.key(), b.min, b.max)));
        }
        next_min = u16::from(b.max) + 1;
        bands.push(Band { id, min: b.min, max: b.max, name: text(&src, "name", &b.name)? });
    }
    if next_min != 101 {
        return Err(err(file.band.span(), format!("the bands must end at 100, they end at {}", next_min - 1)));
    }
    let Ok(bands) = <[Band; 3]>::try_from(bands) else {
        return Err(err(file.band.span(), "there must be three [[band]] tables".into()));
    };

    // Dimensions and their statements.
    let mut dimensions = Vec::new();
    let mut seen_items: BTreeSet<String> = BTreeSet::new();
    for entry in file.dimension.get_ref() {
        let d = entry.get_ref();
        let id = d.id.get_ref().as_str();
        if !DIMENSION_IDS.contains(&id) {
            return Err(err(d.id.span(), format!("unknown dimension \"{id}\"; the dimensions are {}", DIMENSION_IDS.join(", "))));
        }
        if dimensions.iter().any(|x: &Dimension| x.id == id) {
            return Err(err(d.id.span(), format!("dimension \"{id}\" appears twice")));
        }
        let sign = match d.sign.get_ref().as_str() {
            "closeness" => Sign::Closeness,
            "distance" => Sign::Distance,
            other => return Err(err(d.sign.span(), format!("`sign` must be \"closeness\" or \"distance\", found \"{other}\""))),
        };
        let distance_name = match (&d.distance_name, sign) {
            (Some(name), Sign::Distance) => text(&src, "distance_name", name)?,
            (None, Sign::Distance) => return Err(err(entry.span(), format!("dimension \"{id}\" is a sign of distance and needs a `distance_name`"))),
            (Some(name), Sign::Closeness) if !name.get_ref().trim().is_empty() => {
                return Err(err(name.span(), "`distance_name` is only for signs of distance".into()))
            }
            _ => "",
        };
        let steps_list = d.steps.get_ref();
        if !(2..=3).contains(&steps_list.len()) {
            return Err(err(d.steps.span(), format!("dimension \"{id}\" needs 2–3 steps, found {}", steps_list.len())));
        }
        let steps = steps_list.iter().map(|s| text(&src, "steps", s)).collect::<Result<Vec<_>, _>>()?;
        let starters_list = d.starters.get_ref();
        if !(2..=3).contains(&starters_list.len()) {
            return Err(err(d.starters.span(), format!("dimension \"{id}\" needs 2–3 conversation starters, found {}", starters_list.len())));
        }
        let starters = starters_list.iter().map(|s| text(&src, "starters", s)).collect::<Result<Vec<_>, _>>()?;
        let appreciation = text(&src, "appreciation", &d.appreciation)?;
        let band = d.band.get_ref();
        let band_text = [text(&src, "band.low", &band.low)?, text(&src, "band.middle", &band.middle)?, text(&src, "band.high", &band.high)?];

        let item_list = d.item.get_ref();
        if !(4..=5).contains(&item_list.len()) {
            return Err(err(d.item.span(), format!("dimension \"{id}\" needs 4–5 statements, found {}", item_list.len())));
        }
        let mut items = Vec::new();
        for item_entry in item_list {
            let i = item_entry.get_ref();
            let (item_id, item_text) = statement(&src, &mut seen_items, &i.id, &i.text)?;
            items.push(Item { id: item_id, text: item_text, reverse: i.reverse, may_not_apply: i.may_not_apply, neutral_note: false });
        }
        // Balance: agreeing with everything lands near the middle (40–60), not at either end.
        let reverse = items.iter().filter(|i| i.reverse).count();
        if reverse < 2 || items.len() - reverse < 2 {
            return Err(err(
                d.item.span(),
                format!("dimension \"{id}\" needs at least two statements worded each way, found {} straight and {reverse} reverse-worded", items.len() - reverse),
            ));
        }
        dimensions.push(Dimension {
            id: DIMENSION_IDS.iter().find(|x| **x == id).copied().unwrap_or("unknown"),
            name: text(&src, "name", &d.name)?,
            sign,
            distance_name,
            summary: text(&src, "summary", &d.summary)?,
            importance_question: text(&src, "importance_question", &d.importance_question)?,
            band_text,
            steps: leak_slice(steps),
            appreciation,
            starters: leak_slice(starters),
            items: leak_slice(items),
        });
    }
    let missing: Vec<&str> = DIMENSION_IDS.iter().filter(|id| !dimensions.iter().any(|d| d.id == **id)).copied().collect();
    if !missing.is_empty() {
        return Err(err(file.dimension.span(), format!("missing dimension(s): {}", missing.join(", "))));
    }
    // Results show the dimensions in the brief's order, whatever the file's order.
    dimensions.sort_by_key(|d| DIMENSION_IDS.iter().position(|x| *x == d.id));
    let total: usize = dimensions.iter().map(|d| d.items.len()).sum();
    if !(32..=40).contains(&total) {
        return Err(err(file.dimension.span(), format!("the assessment needs 32–40 statements, found {total}")));
    }

    // The safety screen: its own list, scored into no dimension.
    let screen_entry = file.screen.get_ref();
    let screen_list = screen_entry.item.get_ref();
    if !(4..=8).contains(&screen_list.len()) {
        return Err(err(screen_entry.item.span(), format!("the safety screen needs 4–8 statements, found {}", screen_list.len())));
    }
    let mut screen_items = Vec::new();
    for entry in screen_list {
        let i = entry.get_ref();
        let (item_id, item_text) = statement(&src, &mut seen_items, &i.id, &i.text)?;
        screen_items.push(Item { id: item_id, text: item_text, reverse: false, may_not_apply: false, neutral_note: i.neutral_note });
    }
    let mut touches = Vec::new();
    for touched in screen_entry.touches.get_ref() {
        match DIMENSION_IDS.iter().find(|x| **x == touched.get_ref()) {
            Some(id) if !touches.contains(id) => touches.push(*id),
            _ => return Err(err(touched.span(), format!("`touches`: \"{}\" is not a dimension, or is listed twice", touched.get_ref()))),
        }
    }
    let not_applicable_option = text(&src, "not_applicable_option", &file.not_applicable_option)?;
    Ok(Bank {
        content_version,
        answer_options,
        not_applicable_option,
        importance_options,
        bands,
        dimensions: leak_slice(dimensions),
        screen: Screen { items: leak_slice(screen_items), touches: leak_slice(touches) },
    })
}

// ---------------------------------------------------------------------------------------------
// item-ids.lock

/// Checks that no statement id has changed its words. The lock lists every id ever published,
/// one per line as `id<TAB>text`; a new statement gets a new line, and lines are never edited.
pub fn check_item_lock(path: &Path, bank: &Bank) -> Result<(), ContentError> {
    let raw = read(path)?;
    let mut locked: BTreeMap<&str, (usize, &str)> = BTreeMap::new();
    for (n, line) in raw.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((id, text)) = line.split_once('\t') else {
            return Err(ContentError { file: path.into(), line: n + 1, column: 1, message: "expected `id<TAB>text`".into() });
        };
        if locked.insert(id, (n + 1, text)).is_some() {
            return Err(ContentError { file: path.into(), line: n + 1, column: 1, message: format!("id \"{id}\" is listed twice") });
        }
    }
    for (_, item) in bank.quiz_order() {
        {
            match locked.get(item.id) {
                Some((_, text)) if *text == item.text => {}
                Some((line, text)) => {
                    return Err(ContentError {
                        file: path.into(),
                        line: *line,
                        column: 1,
                        message: format!("statement \"{}\" was published as \"{text}\" and now reads \"{}\"; new words need a new id", item.id, item.text),
                    })
                }
                None => {
                    return Err(ContentError {
                        file: path.into(),
                        line: raw.lines().count() + 1,
                        column: 1,
                        message: format!("statement \"{}\" is new: add the line \"{}\\t{}\"", item.id, item.id, item.text),
                    })
                }
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// ui.toml

/// Every string of the interface, keyed `section.key`, in file order.
#[derive(Debug, Clone, PartialEq)]
pub struct UiStrings {
    pub entries: Vec<(String, &'static str)>,
}

impl UiStrings {
    pub fn get(&self, key: &str) -> Option<&'static str> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| *v)
    }
}

/// Reads `ui.toml`: tables of strings, one level deep.
pub fn ui(path: &Path) -> Result<UiStrings, ContentError> {
    let raw = read(path)?;
    ui_from_str(path, &raw)
}

pub fn ui_from_str(path: &Path, raw: &str) -> Result<UiStrings, ContentError> {
    let src = Source { path, text: raw, line_offset: 0 };
    let tables: BTreeMap<String, BTreeMap<String, Spanned<String>>> = src.toml()?;
    let mut entries: Vec<(Range<usize>, String, &'static str)> = Vec::new();
    for (section, table) in &tables {
        for (key, value) in table {
            if !is_id(section) || !is_id(key) {
                return Err(src.error(Some(value.span()), format!("key `{section}.{key}` may hold only a–z, 0–9 and _")));
            }
            let v = text(&src, &format!("{section}.{key}"), value)?;
            let opens = v.matches('{').count();
            if opens != v.matches('}').count() {
                return Err(src.error(Some(value.span()), format!("`{section}.{key}` has an unbalanced {{placeholder}}")));
            }
            entries.push((value.span(), format!("{section}.{key}"), v));
        }
    }
    entries.sort_by_key(|e| e.0.start);
    Ok(UiStrings { entries: entries.into_iter().map(|(_, k, v)| (k, v)).collect() })
}

// ---------------------------------------------------------------------------------------------
// pages/*.md

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    slug: Spanned<String>,
    title: Spanned<String>,
    /// What search results and link previews show of the page (its own prerendered file's
    /// description); not shipped to the app.
    description: Spanned<String>,
    order: u16,
    #[serde(default)]
    dimension: Option<Spanned<String>>,
}

/// Reads one explainer page: front matter between `+++` lines, then Markdown.
pub fn page(path: &Path) -> Result<PageSource, ContentError> {
    let raw = read(path)?;
    page_from_str(path, &raw)
}

pub fn page_from_str(path: &Path, raw: &str) -> Result<PageSource, ContentError> {
    page_with(path, raw, None)
}

/// Reads one explainer page with its language's helplines: a line `{helplines:support}` or
/// `{helplines:uses-abuse}`, a paragraph of its own under a `##` heading, becomes that list
/// (`helplines::Helplines::render`), grouped by country. The list is markup made here from
/// checked data, so raw HTML stays refused in what authors write; it is left out of the page's
/// plain text (names and numbers, not sentences to measure for reading ease).
pub fn page_with(path: &Path, raw: &str, helplines: Option<&crate::helplines::Helplines>) -> Result<PageSource, ContentError> {
    use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

    let whole = Source { path, text: raw, line_offset: 0 };
    let Some(after_open) = raw.strip_prefix("+++\n") else {
        return Err(whole.error(None, "a page starts with a `+++` line, then its front matter"));
    };
    let Some(close) = after_open.find("\n+++\n") else {
        return Err(whole.error(None, "the front matter has no closing `+++` line"));
    };
    let front_src = Source { path, text: &after_open[..close + 1], line_offset: 1 };
    let front: FrontMatter = front_src.toml()?;
    let slug = front.slug.get_ref();
    if slug.is_empty() || !slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
        return Err(front_src.error(Some(front.slug.span()), "`slug` may hold only a–z, 0–9 and -"));
    }
    if let Some(d) = &front.dimension {
        if !DIMENSION_IDS.contains(&d.get_ref().as_str()) {
            return Err(front_src.error(Some(d.span()), format!("unknown dimension \"{}\"", d.get_ref())));
        }
    }
    let body_start_line = 1 + front_src.text.matches('\n').count() + 1;
    let body = &after_open[close + 5..];
    let body_src = Source { path, text: body, line_offset: body_start_line };

    let mut html = String::new();
    let mut plain = String::new();
    let mut links = Vec::new();
    let mut last_level = 1;
    let mut events = Vec::new();
    let mut markers: Vec<(crate::helplines::Kind, Range<usize>)> = Vec::new();
    for (event, range) in Parser::new_ext(body, Options::empty()).into_offset_iter() {
        if let Event::Text(t) = &event {
            if t.contains("{helplines") {
                let found = t.trim();
                let kind = found
                    .strip_prefix("{helplines:")
                    .and_then(|r| r.strip_suffix('}'))
                    .and_then(crate::helplines::Kind::from_key)
                    .ok_or_else(|| body_src.error(Some(range.clone()), format!("\"{found}\": the helplines go where a line reads {{helplines:support}} or {{helplines:uses-abuse}}")))?;
                if helplines.is_none() {
                    return Err(body_src.error(Some(range), "this page asks for helplines, but its language has no helplines.toml"));
                }
                if last_level != 2 {
                    return Err(body_src.error(Some(range), "put the helplines under a `##` heading: each country becomes a `###` heading"));
                }
                markers.push((kind, range));
                events.push(event);
                continue;
            }
        }
        match &event {
            Event::Html(_) | Event::InlineHtml(_) => {
                return Err(body_src.error(Some(range), "raw HTML is not allowed in pages; use Markdown"));
            }
            Event::Start(Tag::Heading { level, .. }) => {
                let n = *level as usize;
                if *level == HeadingLevel::H1 {
                    return Err(body_src.error(Some(range), "no `#` heading: the title is the page's only h1; start at `##`"));
                }
                if n > last_level + 1 {
                    return Err(body_src.error(Some(range), format!("heading level {n} follows level {last_level}; do not skip levels")));
                }
                last_level = n;
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                let url = dest_url.to_string();
                if url.starts_with("#/") {
                    if let Route::NotFound(_) = Route::parse(&url) {
                        return Err(body_src.error(Some(range), format!("link to \"{url}\", which is no page of the app")));
                    }
                    links.push(leak(url));
                } else if !url.starts_with("https://") {
                    return Err(body_src.error(Some(range), format!("link to \"{url}\": use `#/…` for pages of the app or `https://` outside it")));
                }
            }
            Event::Start(Tag::Image { .. }) => {
                return Err(body_src.error(Some(range), "images are not allowed in pages"));
            }
            Event::Text(t) | Event::Code(t) => plain.push_str(t),
            Event::SoftBreak | Event::HardBreak => plain.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => plain.push('\n'),
            _ => {}
        }
        events.push(event);
    }
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    if let Some(lines) = helplines {
        for (kind, range) in markers {
            let paragraph = format!("<p>{}</p>\n", kind.marker());
            if !html.contains(&paragraph) {
                return Err(body_src.error(Some(range), format!("{} must be a line of its own, with an empty line before and after it", kind.marker())));
            }
            html = html.replacen(&paragraph, &lines.render(kind), 1);
        }
    }
    // Links outside the app open in a new tab, without giving it a handle on this one.
    let html = html.replace("<a href=\"https://", "<a rel=\"noopener noreferrer\" target=\"_blank\" href=\"https://");

    let checksum = body_checksum(&html);
    let page = Page {
        slug: leak(slug.clone()),
        title: text(&front_src, "title", &front.title)?,
        order: front.order,
        dimension: front.dimension.map(|d| DIMENSION_IDS.iter().find(|x| **x == d.get_ref()).copied().unwrap_or("")),
        file: leak(format!("pages/{slug}-{checksum:08x}.html")),
        integrity: leak(crate::codegen::integrity(html.as_bytes())),
    };
    let description = text(&front_src, "description", &front.description)?;
    if !(50..=160).contains(&description.chars().count()) {
        return Err(front_src.error(Some(front.description.span()), "`description` should be 50 to 160 characters, what a search result shows"));
    }
    Ok(PageSource { page, description, html: leak(html), text: leak(plain), links: leak_slice(links) })
}

/// A page as read: what the app gets (`page`), its body as markup (written to `page.file` by
/// the `export-content` tool), its plain text for the reading-ease check, and its app links.
#[derive(Debug, Clone, PartialEq)]
pub struct PageSource {
    pub page: Page,
    /// For search results and link previews of the page's prerendered file.
    pub description: &'static str,
    pub html: &'static str,
    pub text: &'static str,
    /// Every `#/…` link target in the page.
    pub links: &'static [&'static str],
}

/// Reads every page in a folder, sorted by `order`, and checks the set: unique slugs and orders,
/// one page per dimension, and every `#/learn/…` link pointing at a page that exists.
pub fn pages(dir: &Path) -> Result<Vec<PageSource>, ContentError> {
    pages_with(dir, None)
}

/// [`pages`], with the language's helplines for the page that lists them.
pub fn pages_with(dir: &Path, helplines: Option<&crate::helplines::Helplines>) -> Result<Vec<PageSource>, ContentError> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| ContentError { file: dir.into(), line: 0, column: 0, message: format!("cannot read the folder: {e}") })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    paths.sort();
    let mut pages = Vec::new();
    for path in &paths {
        let source = page_with(path, &read(path)?, helplines)?;
        let page = &source.page;
        let at = |message: String| ContentError { file: path.clone(), line: 2, column: 1, message };
        if pages.iter().any(|p: &PageSource| p.page.slug == page.slug) {
            return Err(at(format!("slug \"{}\" is used by another page", page.slug)));
        }
        if pages.iter().any(|p: &PageSource| p.page.order == page.order) {
            return Err(at(format!("order {} is used by another page", page.order)));
        }
        if page.dimension.is_some() && pages.iter().any(|p: &PageSource| p.page.dimension == page.dimension) {
            return Err(at(format!("dimension \"{}\" has another page", page.dimension.unwrap_or(""))));
        }
        pages.push(source);
    }
    for (source, path) in pages.iter().zip(&paths) {
        for link in source.links {
            if let Route::Page(slug) = Route::parse(link) {
                if !pages.iter().any(|p| p.page.slug == slug) {
                    return Err(ContentError { file: path.clone(), line: 0, column: 0, message: format!("link to \"{link}\": there is no page with slug \"{slug}\"") });
                }
            }
        }
    }
    if !pages.is_empty() {
        for id in DIMENSION_IDS {
            if !pages.iter().any(|p| p.page.dimension == Some(id)) {
                return Err(ContentError { file: dir.into(), line: 0, column: 0, message: format!("dimension \"{id}\" has no page (set `dimension = \"{id}\"` in one page's front matter)") });
            }
        }
    }
    pages.sort_by_key(|p| p.page.order);
    Ok(pages)
}

/// Everything in one language folder, such as `content/en`.
pub struct Language {
    pub bank: Bank,
    pub ui: UiStrings,
    pub pages: Vec<PageSource>,
    /// `helplines.toml`, shown on the safety page; each language its own (no shape to share).
    pub helplines: Option<crate::helplines::Helplines>,
    /// `plans.toml`: the two-week plans, one per area, and their page's words.
    pub plans: crate::plans::Plans,
}

/// Reads and checks one language folder and the item-id lock beside it: `item-ids.lock` for
/// the default language (`en`), `item-ids.<code>.lock` for another. `plans.toml` is required
/// (`plans.rs`); `helplines.toml` is not.
pub fn language(dir: &Path) -> Result<Language, ContentError> {
    let bank = assessment(&dir.join("assessment.toml"))?;
    if let Some(parent) = dir.parent() {
        let code = dir.file_name().and_then(|n| n.to_str()).unwrap_or(DEFAULT_LANGUAGE);
        let lock = if code == DEFAULT_LANGUAGE { "item-ids.lock".to_string() } else { format!("item-ids.{code}.lock") };
        check_item_lock(&parent.join(lock), &bank)?;
    }
    // Each language has its own helplines (not the same countries), if it has any.
    let helplines_path = dir.join("helplines.toml");
    let helplines = if helplines_path.is_file() { Some(crate::helplines::read(&helplines_path)?) } else { None };
    let pages = pages_with(&dir.join("pages"), helplines.as_ref())?;
    if let Some(lines) = &helplines {
        for kind in crate::helplines::Kind::ALL {
            let listed = pages.iter().any(|p| p.html.contains(&format!("<ul class=\"helplines\" data-kind=\"{}\">", kind.key())));
            if let Some(first) = lines.entries.iter().find(|e| e.kind == kind).filter(|_| !listed) {
                return Err(ContentError {
                    file: helplines_path.clone(),
                    line: first.line,
                    column: 1,
                    message: format!("no page shows the \"{}\" helplines: put the line {} in pages/safety.md", kind.key(), kind.marker()),
                });
            }
        }
    }
    let code = dir.file_name().and_then(|n| n.to_str()).unwrap_or(DEFAULT_LANGUAGE);
    let plans = crate::plans::read(&dir.join("plans.toml"), code, &bank)?;
    Ok(Language { bank, ui: ui(&dir.join("ui.toml"))?, pages, helplines, plans })
}

/// The language every other is checked against, and the one shown when no other is chosen.
pub const DEFAULT_LANGUAGE: &str = "en";

/// Every language folder in `content/` (each with an `assessment.toml`), the default first and
/// the others by code, each read and checked, and each checked against the default's shape
/// ([`same_shape`]).
pub fn languages(content: &Path) -> Result<Vec<(String, Language)>, ContentError> {
    let folder_error = |e: std::io::Error| ContentError { file: content.into(), line: 0, column: 0, message: format!("cannot read the folder: {e}") };
    let mut codes: Vec<String> = std::fs::read_dir(content)
        .map_err(folder_error)?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("assessment.toml").is_file())
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|code| code != DEFAULT_LANGUAGE)
        .collect();
    codes.sort();
    let first = language(&content.join(DEFAULT_LANGUAGE))?;
    let mut out = Vec::new();
    for code in codes {
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_lowercase()) {
            return Err(ContentError { file: content.join(&code), line: 0, column: 0, message: "a language folder is named by its two-letter code, such as `es`".into() });
        }
        let dir = content.join(&code);
        let mut lang = language(&dir)?;
        same_shape(&first, &mut lang, &content.join(DEFAULT_LANGUAGE), &dir)?;
        out.push((code, lang));
    }
    out.insert(0, (DEFAULT_LANGUAGE.to_string(), first));
    Ok(out)
}

/// The 1-based number of the first line of `path` that holds `needle` (1 if none does).
fn line_in(path: &Path, needle: &str) -> usize {
    std::fs::read_to_string(path).ok().and_then(|text| text.lines().position(|l| l.contains(needle))).map_or(1, |n| n + 1)
}

/// The line of `key = …` in `[section]` of a `ui.toml` (the section's line if the key is not
/// there; 1 if neither is).
fn ui_line(path: &Path, section: &str, key: &str) -> usize {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let header = format!("[{section}]");
    let Some(start) = text.lines().position(|l| l.trim() == header) else { return 1 };
    let in_section = text.lines().enumerate().skip(start + 1).take_while(|(_, l)| !l.trim_start().starts_with('['));
    in_section.map(|(n, l)| (n, l.split('=').next().unwrap_or("").trim() == key)).find(|(_, hit)| *hit).map_or(start + 1, |(n, _)| n + 1)
}

/// The `{placeholder}` names in a text, sorted.
fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text.split('{').skip(1).filter_map(|rest| rest.split_once('}').map(|(name, _)| name)).collect();
    names.sort_unstable();
    names
}

/// Checks that a language (`other`, read from `dir`) has the default language's shape, so that
/// one compiled shape fits both and a score means the same in each: the same `ui.toml` keys
/// with the same `{placeholders}`, the same dimensions with as many steps and prompts, the same
/// statements in the same order with the same keying (reverse, may not apply, the gentler
/// note), the same bands and safety screen, and the same pages (slug, order, dimension). Then
/// puts `other`'s interface texts in the default's order. A difference is reported at its line
/// in `other`'s file.
pub fn same_shape(default: &Language, other: &mut Language, default_dir: &Path, dir: &Path) -> Result<(), ContentError> {
    let at = |path: PathBuf, needle: &str, message: String| ContentError { line: line_in(&path, needle), file: path, column: 1, message };
    // ui.toml
    let ui_path = dir.join("ui.toml");
    let default_ui = default_dir.join("ui.toml");
    let ui_at = |key: &str, message: String| {
        let (section, name) = key.split_once('.').unwrap_or(("", key));
        ContentError { line: ui_line(&ui_path, section, name), file: ui_path.clone(), column: 1, message }
    };
    for (key, text) in &other.ui.entries {
        let Some(theirs) = default.ui.get(key) else {
            return Err(ui_at(key, format!("`{key}` is not in {}", default_ui.display())));
        };
        if placeholders(text) != placeholders(theirs) {
            let list = |names: Vec<&str>| if names.is_empty() { "none".to_string() } else { format!("{{{}}}", names.join("}, {")) };
            return Err(ui_at(key, format!("`{key}` has the placeholders {}, {} has {}", list(placeholders(text)), default_ui.display(), list(placeholders(theirs)))));
        }
    }
    if let Some((key, _)) = default.ui.entries.iter().find(|(key, _)| other.ui.get(key).is_none()) {
        return Err(ui_at(key, format!("`{key}` is missing (it is in {})", default_ui.display())));
    }
    other.ui.entries = default.ui.entries.iter().map(|(key, _)| (key.clone(), other.ui.get(key).unwrap_or(""))).collect();

    // assessment.toml
    let path = dir.join("assessment.toml");
    let (a, b) = (&default.bank, &other.bank);
    if a.content_version != b.content_version {
        return Err(at(path, "content_version", format!("`content_version` is {}, the default language's is {}", b.content_version, a.content_version)));
    }
    for (x, y) in a.bands.iter().zip(&b.bands) {
        if (x.min, x.max) != (y.min, y.max) {
            return Err(at(path, &format!("\"{}\"", y.id.key()), format!("band \"{}\" is {}–{}, the default language's is {}–{}", y.id.key(), y.min, y.max, x.min, x.max)));
        }
    }
    for (x, y) in a.dimensions.iter().zip(b.dimensions) {
        let here = format!("id = \"{}\"", y.id);
        if x.sign != y.sign || x.steps.len() != y.steps.len() || x.starters.len() != y.starters.len() {
            return Err(at(path, &here, format!("dimension \"{}\" needs the default language's sign, {} steps and {} starters", y.id, x.steps.len(), x.starters.len())));
        }
        if x.items.len() != y.items.len() {
            return Err(at(path, &here, format!("dimension \"{}\" has {} statements, the default language's has {}", y.id, y.items.len(), x.items.len())));
        }
    }
    let items_a = a.dimensions.iter().flat_map(|d| d.items).chain(a.screen.items);
    let items_b = b.dimensions.iter().flat_map(|d| d.items).chain(b.screen.items);
    for (x, y) in items_a.zip(items_b) {
        if x.id != y.id {
            return Err(at(path, &format!("id = \"{}\"", y.id), format!("statement \"{}\" stands where the default language has \"{}\": the same statements, in the same order", y.id, x.id)));
        }
        if (x.reverse, x.may_not_apply, x.neutral_note) != (y.reverse, y.may_not_apply, y.neutral_note) {
            return Err(at(path, &format!("id = \"{}\"", y.id), format!("statement \"{}\" is keyed differently from the default language's (reverse, may_not_apply, neutral_note)", y.id)));
        }
    }
    if a.screen.items.len() != b.screen.items.len() || a.screen.touches != b.screen.touches {
        return Err(at(path, "[screen]", "the safety screen needs the default language's statements and `touches`".into()));
    }

    // pages
    let pages_dir = dir.join("pages");
    for p in &other.pages {
        let file = pages_dir.join(p.page.file.trim_start_matches("pages/").rsplit_once('-').map_or("", |(slug, _)| slug)).with_extension("md");
        match default.pages.iter().find(|d| d.page.slug == p.page.slug) {
            None => return Err(at(file, "slug", format!("page \"{}\" is not in {}", p.page.slug, default_dir.join("pages").display()))),
            Some(d) if (d.page.order, d.page.dimension) != (p.page.order, p.page.dimension) => {
                return Err(at(file, "order", format!("page \"{}\" needs the default language's `order` ({}) and `dimension`", p.page.slug, d.page.order)))
            }
            Some(_) => {}
        }
    }
    if let Some(missing) = default.pages.iter().find(|d| !other.pages.iter().any(|p| p.page.slug == d.page.slug)) {
        return Err(ContentError { file: pages_dir, line: 0, column: 0, message: format!("page \"{}\" is missing", missing.page.slug) });
    }

    // plans.toml
    crate::plans::same_shape(&default.plans, &mut other.plans)
}
