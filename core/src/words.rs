//! The content without its words, and putting the two together.
//!
//! The app compiles in a [`Shape`]: ids, signs, scoring keys, page files and checksums, and for
//! each text only its number in the words file. The words file (one text a line) ships beside
//! the app and is fetched at start. So the words are data, not code: they cost the wasm nothing,
//! and each language is another words file ([`LanguageFiles`]). [`Shape::build`] makes the content the
//! rest of the app uses, and refuses words that do not fit the shape.

use crate::content::{Band, BandId, Bank, Dimension, Item, Page, Screen, Sign};
use crate::text::hex8;

/// Where a run of texts sits in the words file: `start..end`.
pub type Run = (u16, u16);

#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    pub content_version: u16,
    /// How many texts the words file holds.
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

/// One language's files beside the app: its words file and its explainer pages' bodies, each
/// with the checksum made at build time. Every language fits the one [`Shape`] (the build
/// refuses one that does not), so only these differ from one language to another.
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
}

impl LanguageFiles {
    /// The words file's name beside the app: `words-<checksum>.txt`.
    pub fn words_file(&self) -> String {
        ["words-", &hex8(self.checksum), ".txt"].concat()
    }
}

/// The content made from a shape and its words.
pub struct Content {
    pub bank: Bank,
    /// The interface's texts, in `ui.toml`'s order.
    pub ui: &'static [&'static str],
    pub pages: &'static [Page],
}

fn leak<T>(list: Vec<T>) -> &'static [T] {
    Vec::leak(list)
}

impl Shape {
    /// Splits the words file and fills the shape with it, with the page bodies of the same
    /// language (`pages`: each body's checksum, one per page). `None` if the text does not fit:
    /// a different number of texts or a number that points past the end.
    pub fn build(&self, words_file: &'static str, pages: &[u32]) -> Option<Content> {
        let words: Vec<&'static str> = words_file.split('\n').collect();
        if words.len() != usize::from(self.word_count) {
            return None;
        }
        let words = leak(words);
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
            .map(|(p, &checksum)| {
                let file = ["pages/", p.slug, "-", &hex8(checksum), ".html"].concat().leak();
                Some(Page { slug: p.slug, title: one(p.title)?, order: p.order, dimension: p.dimension, file, checksum })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Content { bank, ui: run((0, self.ui_count))?, pages: leak(pages) })
    }
}
