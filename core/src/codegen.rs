//! Splits parsed content into its shape and its words (see `words.rs`) and writes both out: the
//! shape as Rust source that the app compiles in, the words as the file that ships beside it.
#![allow(clippy::disallowed_macros)] // build-time code or tests: never in the wasm
// Build time only: content with more than 65,535 texts or statements stops the build, saying so.
#![allow(clippy::expect_used)]

use std::fmt::Write;

use crate::content::*;
use crate::parse::Language;
use crate::words::{AreaPlanShape, DimensionShape, ItemShape, PageShape, PlansShape, PracticeShape, Run, Shape};

/// What the build makes of the languages: one shape, and a words file for each.
pub struct Generated {
    /// Rust source: `SHAPE`, `LANGUAGES` (each language's files and checksums), the `Ui`
    /// type with one method per `ui.toml` key, `PLANS_SHAPE` and the `PlanWords` type with one
    /// method per `[words]` key of `plans.toml`.
    pub rust: String,
    /// Each language's words file, in the order of the languages given.
    pub words: Vec<WordsFile>,
    /// Each language's plans file (`plans-<checksum>.txt`), in the same order.
    pub plans: Vec<WordsFile>,
}

/// One language's words file (or plans file).
pub struct WordsFile {
    pub code: String,
    /// Every text, one a line, in the order the shape numbers them.
    pub text: String,
    /// Its name beside the app, with its checksum in it so that caches never mix two versions.
    pub name: String,
    pub checksum: u32,
    /// Its Subresource Integrity ([`integrity`] of `text`): what it is fetched with.
    pub integrity: String,
}

/// The Subresource Integrity of `bytes`, as an `integrity` attribute or fetch option takes it:
/// `sha384-` and the SHA-384 digest in base64 (with padding).
pub fn integrity(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha384};
    ["sha384-", &base64(&Sha384::digest(bytes))].concat()
}

/// Standard base64 (RFC 4648, section 4) with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        // The chunk's bytes as one number, a missing byte as zero bits.
        let n = (0..3).fold(0u32, |n, i| n << 8 | u32::from(chunk.get(i).copied().unwrap_or(0)));
        // One more digit than the chunk has bytes; `=` for the rest.
        for i in 0..4 {
            let digit = ALPHABET.get((n >> (18 - 6 * i) & 63) as usize).copied().filter(|_| i <= chunk.len());
            out.push(digit.map_or('=', char::from));
        }
    }
    out
}

fn leak<T>(list: Vec<T>) -> &'static [T] {
    Vec::leak(list)
}

/// The texts in the order the shape numbers them.
#[derive(Default)]
struct Words(Vec<&'static str>);

impl Words {
    fn one(&mut self, text: &'static str) -> u16 {
        self.0.push(text);
        u16::try_from(self.0.len() - 1).expect("fewer than 65 536 texts")
    }

    /// Adds texts side by side; returns the number of the first.
    fn run(&mut self, texts: &[&'static str]) -> Run {
        let start = u16::try_from(self.0.len()).expect("fewer than 65 536 texts");
        self.0.extend_from_slice(texts);
        (start, start + u16::try_from(texts.len()).expect("fewer than 65 536 texts"))
    }
}

/// The shape of one language's content, and its words in the shape's order.
pub fn shape(lang: &Language) -> (Shape, Vec<&'static str>) {
    let mut words = Words::default();
    for (_, text) in &lang.ui.entries {
        words.one(text);
    }
    let ui_count = u16::try_from(words.0.len()).expect("fewer than 65 536 texts");
    let bank = &lang.bank;
    let answer_options = words.run(&bank.answer_options).0;
    let not_applicable_option = words.one(bank.not_applicable_option);
    let importance_options = words.run(&bank.importance_options).0;
    let band = |b: &Band, words: &mut Words| (b.id, b.min, b.max, words.one(b.name));
    let bands = [band(&bank.bands[0], &mut words), band(&bank.bands[1], &mut words), band(&bank.bands[2], &mut words)];
    let mut items = Vec::new();
    let mut dimensions = Vec::new();
    for d in bank.dimensions {
        let first_item = u16::try_from(items.len()).expect("fewer than 65 536 statements");
        items.extend(d.items.iter().map(|i| item(i, &mut words)));
        dimensions.push(DimensionShape {
            id: d.id,
            sign: d.sign,
            name: words.one(d.name),
            distance_name: words.one(d.distance_name),
            summary: words.one(d.summary),
            importance_question: words.one(d.importance_question),
            band_text: words.run(&d.band_text).0,
            steps: words.run(d.steps),
            appreciation: words.one(d.appreciation),
            starters: words.run(d.starters),
            items: (first_item, u16::try_from(items.len()).expect("fewer than 65 536 statements")),
        });
    }
    let first_screen = u16::try_from(items.len()).expect("fewer than 65 536 statements");
    items.extend(bank.screen.items.iter().map(|i| item(i, &mut words)));
    let screen_items = (first_screen, u16::try_from(items.len()).expect("fewer than 65 536 statements"));
    let pages = lang
        .pages
        .iter()
        .map(|source| {
            let p = &source.page;
            PageShape { slug: p.slug, title: words.one(p.title), order: p.order, dimension: p.dimension }
        })
        .collect();
    let shape = Shape {
        content_version: bank.content_version,
        word_count: u16::try_from(words.0.len()).expect("fewer than 65 536 texts"),
        ui_count,
        answer_options,
        not_applicable_option,
        importance_options,
        bands,
        dimensions: leak(dimensions),
        items: leak(items),
        screen_items,
        screen_touches: bank.screen.touches,
        pages: leak(pages),
    };
    (shape, words.0)
}

fn item(i: &Item, words: &mut Words) -> ItemShape {
    ItemShape { id: i.id, text: words.one(i.text), reverse: i.reverse, may_not_apply: i.may_not_apply, neutral_note: i.neutral_note }
}

/// The shape of one language's plans, and their texts in the shape's order: the `[words]`
/// first, then for each area (in [`DIMENSION_IDS`]'s order) its lead and each practice's title,
/// what and why.
pub fn plans_shape(lang: &Language) -> (PlansShape, Vec<&'static str>) {
    let mut texts = Words::default();
    for w in &lang.plans.words {
        texts.one(w.text);
    }
    let words = u16::try_from(texts.0.len()).expect("fewer than 65 536 texts");
    let areas = lang
        .plans
        .areas
        .iter()
        .map(|a| {
            let lead = texts.one(a.plan.lead);
            let practices = a
                .plan
                .practices
                .iter()
                .map(|p| PracticeShape { title: texts.one(p.title), what: texts.one(p.what), why: texts.one(p.why), minutes: p.minutes, every: p.every })
                .collect();
            AreaPlanShape { dimension: a.plan.dimension, lead, practices: leak(practices) }
        })
        .collect();
    let shape = PlansShape { text_count: u16::try_from(texts.0.len()).expect("fewer than 65 536 texts"), words, areas: leak(areas) };
    (shape, texts.0)
}

/// One language's plans file, named `plans-<checksum>.txt` (the checksum [`body_checksum`],
/// as the words file's).
pub fn plans_file(code: &str, lang: &Language) -> Result<WordsFile, String> {
    let (_, texts) = plans_shape(lang);
    if let Some(bad) = texts.iter().find(|w| w.contains(['\n', '\r'])) {
        return Err(format!("a plan's text has a line break: {bad:?}"));
    }
    let text = texts.join("\n");
    let checksum = body_checksum(&text);
    Ok(WordsFile { code: code.to_string(), name: format!("plans-{checksum:08x}.txt"), integrity: integrity(text.as_bytes()), text, checksum })
}

fn s(text: &str) -> String {
    // `{:?}` of a str is a valid Rust string literal.
    format!("{text:?}")
}

/// Each page's body's checksum, in page order: what its file is named with.
pub fn page_files(lang: &Language) -> Vec<u32> {
    lang.pages.iter().map(|p| body_checksum(p.html)).collect()
}

fn rust_of(shape: &Shape, lang: &Language, langs: &[(&str, &Language)], words: &[WordsFile], plans: &[WordsFile]) -> String {
    let mut out = String::from("// Generated by closer-core's codegen from content/. Do not edit.\n\n");
    let _ = writeln!(out, "/// Each language's words file, page bodies and plans file beside the app, named with their [`closer_core::body_checksum`]s; the first is the default.");
    let _ = writeln!(out, "pub static LANGUAGES: &[::closer_core::words::LanguageFiles] = &[");
    for (((code, l), w), p) in langs.iter().zip(words).zip(plans) {
        let name = l.ui.get("site.language").unwrap_or(code);
        let pages: Vec<String> = page_files(l).iter().map(u32::to_string).collect();
        let _ = writeln!(
            out,
            "    ::closer_core::words::LanguageFiles {{ code: {}, name: {}, checksum: {}, pages: &[{}], plans: {} }},",
            s(code),
            s(name),
            w.checksum,
            pages.join(", "),
            p.checksum
        );
    }
    out.push_str("];\n\n");
    let _ = writeln!(out, "pub static SHAPE: ::closer_core::words::Shape = ::closer_core::words::Shape {{");
    let _ = writeln!(out, "    content_version: {},\n    word_count: {},\n    ui_count: {},", shape.content_version, shape.word_count, shape.ui_count);
    let _ = writeln!(
        out,
        "    answer_options: {},\n    not_applicable_option: {},\n    importance_options: {},",
        shape.answer_options, shape.not_applicable_option, shape.importance_options
    );
    let _ = writeln!(out, "    screen_items: {:?},\n    screen_touches: &{:?},", shape.screen_items, shape.screen_touches);
    let bands: Vec<String> =
        shape.bands.iter().map(|(id, min, max, name)| format!("(::closer_core::BandId::{id:?}, {min}, {max}, {name})")).collect();
    let _ = writeln!(out, "    bands: [{}],\n    dimensions: &[", bands.join(", "));
    for d in shape.dimensions {
        let _ = writeln!(
            out,
            "        ::closer_core::words::DimensionShape {{ id: {}, sign: ::closer_core::Sign::{:?}, name: {}, distance_name: {}, summary: {}, importance_question: {}, band_text: {}, steps: {:?}, appreciation: {}, starters: {:?}, items: {:?} }},",
            s(d.id), d.sign, d.name, d.distance_name, d.summary, d.importance_question, d.band_text, d.steps, d.appreciation, d.starters, d.items
        );
    }
    out.push_str("    ],\n    items: &[\n");
    for i in shape.items {
        let _ = writeln!(
            out,
            "        ::closer_core::words::ItemShape {{ id: {}, text: {}, reverse: {}, may_not_apply: {}, neutral_note: {} }},",
            s(i.id), i.text, i.reverse, i.may_not_apply, i.neutral_note
        );
    }
    out.push_str("    ],\n    pages: &[\n");
    for p in shape.pages {
        let _ = writeln!(
            out,
            "        ::closer_core::words::PageShape {{ slug: {}, title: {}, order: {}, dimension: {} }},",
            s(p.slug),
            p.title,
            p.order,
            p.dimension.map_or("None".to_string(), |d| format!("Some({})", s(d))),
        );
    }
    out.push_str("    ],\n};\n\n");

    let _ = writeln!(out, "/// The interface's texts: one method per `section.key` of `ui.toml`.");
    let _ = writeln!(out, "pub struct Ui(pub &'static [&'static str; {}]);\n\nimpl Ui {{", shape.ui_count);
    for (n, (key, text)) in lang.ui.entries.iter().enumerate() {
        let _ = writeln!(out, "    /// {}", text.replace('\n', " "));
        let _ = writeln!(out, "    #[inline]\n    pub fn {}(&self) -> &'static str {{\n        self.0[{n}]\n    }}", key.replace('.', "_"));
    }
    out.push_str("}\n\n");
    plans_rust(&mut out, lang);
    out
}

/// `PLANS_SHAPE` and the `PlanWords` type, with one method per `[words]` key of `plans.toml`.
fn plans_rust(out: &mut String, lang: &Language) {
    let (shape, _) = plans_shape(lang);
    let _ = writeln!(out, "/// The two-week plans without their words; a plans file of this build fills them ([`::closer_core::words::PlansShape::build`]).");
    let _ = writeln!(out, "pub static PLANS_SHAPE: ::closer_core::words::PlansShape = ::closer_core::words::PlansShape {{");
    let _ = writeln!(out, "    text_count: {},\n    words: {},\n    areas: &[", shape.text_count, shape.words);
    for a in shape.areas {
        let _ = writeln!(out, "        ::closer_core::words::AreaPlanShape {{ dimension: {}, lead: {}, practices: &[", s(a.dimension), a.lead);
        for p in a.practices {
            let _ = writeln!(
                out,
                "            ::closer_core::words::PracticeShape {{ title: {}, what: {}, why: {}, minutes: {}, every: ::closer_core::Every::{:?} }},",
                p.title, p.what, p.why, p.minutes, p.every
            );
        }
        out.push_str("        ] },\n");
    }
    out.push_str("    ],\n};\n\n");
    let _ = writeln!(out, "/// The plan page's words: one method per `[words]` key of `plans.toml`.");
    let _ = writeln!(out, "#[derive(Debug, PartialEq)]\npub struct PlanWords(pub &'static [&'static str; {}]);\n\nimpl PlanWords {{", shape.words);
    for (n, w) in lang.plans.words.iter().enumerate() {
        let _ = writeln!(out, "    /// {}", w.text);
        let _ = writeln!(out, "    #[inline]\n    pub fn {}(&self) -> &'static str {{\n        self.0[{n}]\n    }}", w.key);
    }
    out.push_str("}\n");
}

/// One language's words file: its texts, then the Subresource Integrity of each page's body (in
/// page order) and of its plans file (`plans`, made by [`plans_file`]), one a line, which the app
/// fetches them with ([`crate::words::Shape::build`]). The parser has already refused texts with
/// a line break, the words file's separator; this checks again rather than write a broken file.
pub fn words_file(code: &str, lang: &Language, plans: &WordsFile) -> Result<WordsFile, String> {
    let (_, words) = shape(lang);
    if let Some(bad) = words.iter().find(|w| w.contains(['\n', '\r'])) {
        return Err(format!("a text has a line break: {bad:?}"));
    }
    let pages = lang.pages.iter().map(|p| integrity(p.html.as_bytes()));
    let lines: Vec<String> = words.iter().map(|w| w.to_string()).chain(pages).chain([plans.integrity.clone()]).collect();
    let text = lines.join("\n");
    let checksum = body_checksum(&text);
    Ok(WordsFile { code: code.to_string(), name: format!("words-{checksum:08x}.txt"), integrity: integrity(text.as_bytes()), text, checksum })
}

/// Rust source and words files for the languages, the default first. Each language after the
/// first has been checked against it (`parse::same_shape`), so one shape fits them all; this
/// checks that again rather than compile a shape that some words do not fit.
pub fn languages(langs: &[(&str, &Language)]) -> Result<Generated, String> {
    let Some((_, first)) = langs.first() else { return Err("no language".into()) };
    let (shape, _) = shape(first);
    let (plans, _) = plans_shape(first);
    let default = langs.first().map_or("", |(code, _)| code);
    for (code, lang) in langs.iter().skip(1) {
        if self::shape(lang).0 != shape {
            return Err(format!("the content in language \"{code}\" does not have the shape of \"{default}\""));
        }
        if plans_shape(lang).0 != plans {
            return Err(format!("the plans in language \"{code}\" do not have the shape of \"{default}\"'s"));
        }
    }
    let plans = langs.iter().map(|(code, lang)| plans_file(code, lang)).collect::<Result<Vec<_>, _>>()?;
    let words = langs.iter().zip(&plans).map(|((code, lang), plans)| words_file(code, lang, plans)).collect::<Result<Vec<_>, _>>()?;
    Ok(Generated { rust: rust_of(&shape, first, langs, &words, &plans), words, plans })
}
