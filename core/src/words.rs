//! The content without its words, and putting the two together.
//!
//! The app compiles in a [`Shape`]: ids, signs, scoring keys, page files and checksums, and for
//! each text only its number in the words file. The words file (one text a line) ships beside
//! the app and is fetched at start. So the words are data, not code: they cost the wasm nothing,
//! and each language is another words file ([`LanguageFiles`]). [`Shape::build`] makes the content the
//! rest of the app uses, and refuses words that do not fit the shape.
//!
//! A words file ends, after the texts the shape counts, with the Subresource Integrity
//! (`sha384-…`, one a line) of the files it names: each explainer page's body, in the order of
//! [`Shape::pages`], then the plans file. The words file itself is fetched with its own integrity
//! (the start-up script has it from the build), so once the browser has taken it, it vouches for
//! the files fetched later, and the wasm compiles in no hash.

use crate::content::{AreaPlan, Band, BandId, Bank, Dimension, Every, Item, Page, Practice, Screen, Sign};
use crate::text::hex8;

/// Where a run of texts sits in the words file: `start..end`.
pub type Run = (u16, u16);

#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    pub content_version: u16,
    /// How many texts the words file holds (then one integrity a page, and the plans file's).
    pub word_count: u16,
    /// The interface's texts come first in the words file: this many, in `ui.toml`'s order.
    pub ui_count: u16,
    /// The first of five texts each.
    pub answer_options: u16,
    pub not_applicable_option: u16,
    pub importance_options: u16,
    /// Id, lowest and highest score, and the number of the band's name.
    pub bands: [(BandId, u8, u8, u16); 3],
    pub dimensions: &'static [DimensionShape],
    /// Every dimension's statements, one dimension after the other, then the safety screen's.
    pub items: &'static [ItemShape],
    /// The safety screen's statements in [`Shape::items`].
    pub screen_items: Run,
    /// The dimensions the safety screen touches.
    pub screen_touches: &'static [&'static str],
    pub pages: &'static [PageShape],
}

#[derive(Debug, Clone, PartialEq)]
pub struct DimensionShape {
    pub id: &'static str,
    pub sign: Sign,
    pub name: u16,
    pub distance_name: u16,
    pub summary: u16,
    pub importance_question: u16,
    /// The first of three: low, middle, high.
    pub band_text: u16,
    pub steps: Run,
    pub appreciation: u16,
    pub starters: Run,
    /// Its statements in [`Shape::items`].
    pub items: Run,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ItemShape {
    pub id: &'static str,
    pub text: u16,
    pub reverse: bool,
    pub may_not_apply: bool,
    pub neutral_note: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PageShape {
    pub slug: &'static str,
    pub title: u16,
    pub order: u16,
    pub dimension: Option<&'static str>,
}

/// One language's files beside the app: its words file, its explainer pages' bodies and its
/// plans file, each named with the checksum made at build time. Every language fits the one
/// [`Shape`] (the build refuses one that does not), so only these differ from one language to
/// another. The checksums name files (and the words file's tells its language, `content::take`);
/// what is fetched is trusted by its Subresource Integrity, never by them.
#[derive(Debug, Clone, PartialEq)]
pub struct LanguageFiles {
    /// The language's tag, such as `en` or `es`: `<html lang>`, `Intl`, the saved choice.
    pub code: &'static str,
    /// The language named in itself ("English", "Español"), for the switch.
    pub name: &'static str,
    /// The words file's checksum, also in its name ([`LanguageFiles::words_file`]).
    pub checksum: u32,
    /// Each page's body's checksum, in the order of [`Shape::pages`]; also in the body's file
    /// name, `pages/<slug>-<checksum>.html`.
    pub pages: &'static [u32],
    /// The plans file's checksum, also in its name ([`LanguageFiles::plans_file`]).
    pub plans: u32,
}

impl LanguageFiles {
    /// The words file's name beside the app: `words-<checksum>.txt`.
    pub fn words_file(&self) -> String {
        ["words-", &hex8(self.checksum), ".txt"].concat()
    }

    /// The plans file's name beside the app: `plans-<checksum>.txt`, fetched when a plan's page
    /// opens and built with [`PlansShape::build`].
    pub fn plans_file(&self) -> String {
        ["plans-", &hex8(self.plans), ".txt"].concat()
    }
}

/// The content made from a shape and its words.
pub struct Content {
    pub bank: Bank,
    /// The interface's texts, in `ui.toml`'s order.
    pub ui: &'static [&'static str],
    pub pages: &'static [Page],
    /// The plans file's Subresource Integrity, from the words file's end.
    pub plans_integrity: &'static str,
}

/// What an integrity line at a words file's end starts with.
const SHA384: &str = "sha384-";

fn leak<T>(list: Vec<T>) -> &'static [T] {
    Vec::leak(list)
}

impl Shape {
    /// Splits the words file and fills the shape with it, with the page bodies of the same
    /// language (`pages`: each body's checksum, one per page, which names its file). `None` if
    /// the text does not fit: a different number of texts, a number that points past the end,
    /// or no integrity for each page and the plans file at its end.
    pub fn build(&self, words_file: &'static str, pages: &[u32]) -> Option<Content> {
        let lines: Vec<&'static str> = words_file.split('\n').collect();
        if lines.len() != usize::from(self.word_count) + self.pages.len() + 1 {
            return None;
        }
        let (words, integrity) = leak(lines).split_at(usize::from(self.word_count));
        if !integrity.iter().all(|i| i.starts_with(SHA384)) {
            return None;
        }
        let (&plans_integrity, page_integrity) = integrity.split_last()?;
        let one = |n: u16| words.get(usize::from(n)).copied();
        let run = |(start, end): Run| words.get(usize::from(start)..usize::from(end));
        let five = |first: u16| <[&'static str; 5]>::try_from(run((first, first + 5))?).ok();
        let three = |first: u16| <[&'static str; 3]>::try_from(run((first, first + 3))?).ok();

        let items = leak(
            self.items
                .iter()
                .map(|i| {
                    Some(Item { id: i.id, text: one(i.text)?, reverse: i.reverse, may_not_apply: i.may_not_apply, neutral_note: i.neutral_note })
                })
                .collect::<Option<Vec<_>>>()?,
        );
        let dimensions = self
            .dimensions
            .iter()
            .map(|d| {
                Some(Dimension {
                    id: d.id,
                    name: one(d.name)?,
                    sign: d.sign,
                    distance_name: one(d.distance_name)?,
                    summary: one(d.summary)?,
                    importance_question: one(d.importance_question)?,
                    band_text: three(d.band_text)?,
                    steps: run(d.steps)?,
                    appreciation: one(d.appreciation)?,
                    starters: run(d.starters)?,
                    items: items.get(usize::from(d.items.0)..usize::from(d.items.1))?,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let band = |(id, min, max, name): (BandId, u8, u8, u16)| Some(Band { id, min, max, name: one(name)? });
        let [low, middle, high] = self.bands;
        let bank = Bank {
            content_version: self.content_version,
            answer_options: five(self.answer_options)?,
            not_applicable_option: one(self.not_applicable_option)?,
            importance_options: five(self.importance_options)?,
            bands: [band(low)?, band(middle)?, band(high)?],
            dimensions: leak(dimensions),
            screen: Screen {
                items: items.get(usize::from(self.screen_items.0)..usize::from(self.screen_items.1))?,
                touches: self.screen_touches,
            },
        };
        if pages.len() != self.pages.len() {
            return None;
        }
        let pages = self
            .pages
            .iter()
            .zip(pages)
            .zip(page_integrity)
            .map(|((p, &checksum), &integrity)| {
                let file = ["pages/", p.slug, "-", &hex8(checksum), ".html"].concat().leak();
                Some(Page { slug: p.slug, title: one(p.title)?, order: p.order, dimension: p.dimension, file, integrity })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Content { bank, ui: run((0, self.ui_count))?, pages: leak(pages), plans_integrity })
    }
}

/// The two-week plans without their words (`content/<lang>/plans.toml`), compiled into the app
/// like [`Shape`]. Their words are a file of their own per language (one text a line: the plan
/// page's words in `[words]`'s order, then for each area its lead and, for each practice, its
/// title, what and why), fetched when a plan's page opens, so a first visit does not load them.
#[derive(Debug, Clone, PartialEq)]
pub struct PlansShape {
    /// How many texts the plans file holds.
    pub text_count: u16,
    /// The plan page's words come first in the file: this many, in `[words]`'s order.
    pub words: u16,
    /// One per area, in [`crate::DIMENSION_IDS`]'s order.
    pub areas: &'static [AreaPlanShape],
}

#[derive(Debug, Clone, PartialEq)]
pub struct AreaPlanShape {
    pub dimension: &'static str,
    pub lead: u16,
    pub practices: &'static [PracticeShape],
}

#[derive(Debug, Clone, PartialEq)]
pub struct PracticeShape {
    pub title: u16,
    pub what: u16,
    pub why: u16,
    pub minutes: u8,
    pub every: Every,
}

/// The plans made from their shape and a plans file.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanContent {
    /// The plan page's words, in `[words]`'s order (the app's `PlanWords` names each).
    pub words: &'static [&'static str],
    /// One per area, in [`crate::DIMENSION_IDS`]'s order.
    pub areas: &'static [AreaPlan],
}

impl PlanContent {
    /// The plan for an area, by its id.
    pub fn area(&self, dimension: &str) -> Option<&'static AreaPlan> {
        self.areas.iter().find(|a| a.dimension == dimension)
    }
}

impl PlansShape {
    /// Splits a plans file and fills the shape with it. `None` if the text does not fit: a
    /// different number of texts, or a number that points past the end.
    pub fn build(&self, plans_file: &'static str) -> Option<PlanContent> {
        // An empty file holds no text (not one empty one).
        let texts: Vec<&'static str> = if plans_file.is_empty() { Vec::new() } else { plans_file.split('\n').collect() };
        if texts.len() != usize::from(self.text_count) {
            return None;
        }
        let texts = leak(texts);
        let one = |n: u16| texts.get(usize::from(n)).copied();
        let areas = self
            .areas
            .iter()
            .map(|a| {
                let practices = a
                    .practices
                    .iter()
                    .map(|p| Some(Practice { title: one(p.title)?, what: one(p.what)?, why: one(p.why)?, minutes: p.minutes, every: p.every }))
                    .collect::<Option<Vec<_>>>()?;
                Some(AreaPlan { dimension: a.dimension, lead: one(a.lead)?, practices: leak(practices) })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(PlanContent { words: texts.get(..usize::from(self.words))?, areas: leak(areas) })
    }
}
