//! The content model: what the assessment and the explainer are made of.
//!
//! Every field is `&'static`: the app builds its content once at start, from the shape compiled
//! in and the words file (`words.rs`), and keeps it for the visit; the parser leaks the little it
//! reads (once per build or test run).

/// The five answers to a statement, in order: index 0 is "Strongly disagree", 4 "Strongly agree".
pub const ANSWER_COUNT: u8 = 5;

/// The whole assessment of one language and one content version.
#[derive(Debug, Clone, PartialEq)]
pub struct Bank {
    /// Changes whenever statements are added or removed; stored answers and links carry it.
    pub content_version: u16,
    pub answer_options: [&'static str; 5],
    pub importance_options: [&'static str; 5],
    pub bands: [Band; 3],
    pub dimensions: &'static [Dimension],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BandId {
    Low,
    Middle,
    High,
}

impl BandId {
    pub const ALL: [BandId; 3] = [BandId::Low, BandId::Middle, BandId::High];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn key(self) -> &'static str {
        match self {
            BandId::Low => "low",
            BandId::Middle => "middle",
            BandId::High => "high",
        }
    }
}

/// A range of scores with a name, such as 70–100 "A strength".
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub id: BandId,
    pub min: u8,
    pub max: u8,
    pub name: &'static str,
}

/// Whether a dimension is a sign of closeness or (named for its healthy side) a sign of distance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sign {
    Closeness,
    Distance,
}

/// One of the eight areas the assessment looks at.
#[derive(Debug, Clone, PartialEq)]
pub struct Dimension {
    pub id: &'static str,
    pub name: &'static str,
    pub sign: Sign,
    /// For a sign of distance, its name ("Conflict avoidance"); empty for signs of closeness.
    pub distance_name: &'static str,
    pub summary: &'static str,
    pub importance_question: &'static str,
    /// What a score in each band means, indexed by [`BandId::index`].
    pub band_text: [&'static str; 3],
    /// Small things to try this week.
    pub steps: &'static [&'static str],
    /// Questions partners can ask each other, for comparing results.
    pub starters: &'static [&'static str],
    pub items: &'static [Item],
}

/// One statement of the assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Stable: never reused for different words.
    pub id: &'static str,
    pub text: &'static str,
    /// Agreeing describes distance, so the answer scores 4–0 instead of 0–4.
    pub reverse: bool,
    /// Agreeing points to fear, coercion, name-calling or control: a safety note, whatever the scores.
    pub safety: bool,
}

/// An explainer page. Its body, turned into markup at build time, is a file of its own beside
/// the app (fetched when the page is opened, so a first visit does not load every page).
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub slug: &'static str,
    pub title: &'static str,
    pub order: u16,
    /// The dimension this page explains, if it is one of the eight dimension pages.
    pub dimension: Option<&'static str>,
    /// Where the body is, relative to the app: `pages/<slug>-<checksum>.html`.
    pub file: &'static str,
    /// [`body_checksum`] of the body made at build time. A fetched body becomes markup only if
    /// it matches, so only markup written at build time ever does.
    pub checksum: u32,
}

/// FNV-1a (32 bits) of a page body.
pub fn body_checksum(body: &str) -> u32 {
    body.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

impl Bank {
    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.id == id)
    }

    pub fn item(&self, id: &str) -> Option<(&Dimension, &Item)> {
        self.dimensions
            .iter()
            .find_map(|d| d.items.iter().find(|i| i.id == id).map(|i| (d, i)))
    }

    pub fn item_count(&self) -> usize {
        self.dimensions.iter().map(|d| d.items.len()).sum()
    }

    pub fn band(&self, id: BandId) -> &Band {
        &self.bands[id.index()]
    }

    /// The band a score from 0 to 100 falls in.
    pub fn band_for(&self, score: u8) -> &Band {
        self.bands
            .iter()
            .find(|b| (b.min..=b.max).contains(&score))
            .unwrap_or(&self.bands[2])
    }

    /// The statements in the order they are asked: one from each dimension in turn, so no two
    /// neighbours share a dimension while more than one dimension has statements left. Fixed for
    /// a given content version.
    pub fn quiz_order(&self) -> Vec<(&Dimension, &Item)> {
        let mut order = Vec::with_capacity(self.item_count());
        let longest = self.dimensions.iter().map(|d| d.items.len()).max().unwrap_or(0);
        for round in 0..longest {
            for d in self.dimensions {
                if let Some(item) = d.items.get(round) {
                    order.push((d, item));
                }
            }
        }
        order
    }
}

impl Item {
    /// The points an answer (0 = Strongly disagree … 4 = Strongly agree) earns: 0–4, or 4–0
    /// when the statement is reverse-worded. `None` for an answer outside the scale.
    pub fn points(&self, answer: u8) -> Option<u8> {
        (answer < ANSWER_COUNT).then(|| if self.reverse { 4 - answer } else { answer })
    }

    /// Whether this answer to a safety statement is a concerning one: it earns 0 or 1 point,
    /// that is, the person agrees with a statement about fear, pressure, insults or control.
    pub fn is_concerning(&self, answer: u8) -> bool {
        self.safety && matches!(self.points(answer), Some(0 | 1))
    }
}

/// The eight dimensions every bank has, in the order results show them.
pub const DIMENSION_IDS: [&str; 8] =
    ["authenticity", "quality_time", "support", "boundaries", "openness", "empathy", "security", "physical"];
