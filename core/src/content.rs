//! The content model: what the assessment and the explainer are made of.
//!
//! Every field is `&'static`: the app builds its content once at start, from the shape compiled
//! in and the words file (`words.rs`), and keeps it for the visit; the parser leaks the little it
//! reads (once per build or test run).

/// The five answers on the agreement scale, in order: 0 is "Strongly disagree", 4 "Strongly agree".
pub const SCALE_COUNT: u8 = 5;

/// "Does not apply to us": offered only where a statement may not apply, and left out of every
/// score.
pub const NOT_APPLICABLE: u8 = 5;

/// How many values a stored answer can hold: the scale (0–4) and "does not apply" (5). Stored
/// answers are checked against it (`record.rs`).
pub const ANSWER_COUNT: u8 = 6;

/// The whole assessment of one language and one content version.
#[derive(Debug, Clone, PartialEq)]
pub struct Bank {
    /// Changes whenever statements are added or removed; stored answers and links carry it.
    pub content_version: u16,
    pub answer_options: [&'static str; 5],
    /// The sixth answer, "Does not apply to us", for statements that may not apply.
    pub not_applicable_option: &'static str,
    pub importance_options: [&'static str; 5],
    pub bands: [Band; 3],
    pub dimensions: &'static [Dimension],
    /// The safety screen: asked among the statements, scored into no dimension.
    pub screen: Screen,
}

/// The safety screen: statements about fear, sexual pressure, insults, control and threats.
/// They are asked like the others but count toward no dimension; agreeing with any brings the
/// full safety response ([`Bank::safety_response`]). Their answers never leave the device.
#[derive(Debug, Clone, PartialEq)]
pub struct Screen {
    /// Agreeing describes a danger sign; none is reverse-worded or may be left "does not apply".
    pub items: &'static [Item],
    /// The dimensions the screen's subjects touch. While the full safety response is on, none
    /// of them reads as a strength.
    pub touches: &'static [&'static str],
}

/// What the safety screen's answers call for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SafetyResponse {
    /// No screen statement was agreed with, and none of the gentle ones left at Neutral.
    None,
    /// Neutral on a statement about fear or sexual pressure: a gentler note.
    Gentle,
    /// Agree or Strongly agree on any screen statement: the full safety response, first.
    Full,
}

impl SafetyResponse {
    /// Whether every area is set aside: no band label or praise, no overall score, no steps,
    /// no talk guide, no plan. Only under the full response, and then for every area, not only
    /// those the screen touches: praise for one part of a relationship the person fears would
    /// read as reassurance.
    pub fn sets_aside_every_area(self) -> bool {
        self == SafetyResponse::Full
    }

    /// Whether an area's things to try with the partner (its steps, its talk-guide topic, a
    /// plan) are left out: every area under the full response; under the gentle one, the areas
    /// the screen `touches`.
    pub fn hides_steps(self, touched: bool) -> bool {
        match self {
            SafetyResponse::None => false,
            SafetyResponse::Gentle => touched,
            SafetyResponse::Full => true,
        }
    }

    /// Whether a caution comes before the partner-link form (and the form opens only on request).
    pub fn cautions_before_sharing(self) -> bool {
        self != SafetyResponse::None
    }
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
    /// A prompt for saying what each values in this area, for comparing results.
    pub appreciation: &'static str,
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
    /// The statement may not fit every couple: "Does not apply to us" is offered, and left out
    /// of the score.
    pub may_not_apply: bool,
    /// Only on the safety screen: Neutral brings the gentler note (fear, sexual pressure).
    pub neutral_note: bool,
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
    /// Where the body is, relative to the app: `pages/<slug>-<checksum>.html` (the checksum,
    /// [`body_checksum`], only names the file, so that caches never mix two versions).
    pub file: &'static str,
    /// The body's Subresource Integrity (`sha384-…`), which the words file carries
    /// ([`crate::words::Shape::build`]): the body is fetched with it, so the browser refuses any
    /// bytes but those written at build time, and only those ever become markup.
    pub integrity: &'static str,
}

/// FNV-1a (32 bits) of a file beside the app: in its name (so that caches never mix two
/// versions), and how the app tells which language a words file is. Never what a fetched file
/// is trusted by: Subresource Integrity is ([`Page::integrity`]).
pub fn body_checksum(body: &str) -> u32 {
    body.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

impl Bank {
    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.id == id)
    }

    /// A statement of a dimension or of the safety screen.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.quiz_order().into_iter().map(|(_, i)| i).find(|i| i.id == id)
    }

    /// The statements that are scored (the safety screen's are not).
    pub fn item_count(&self) -> usize {
        self.dimensions.iter().map(|d| d.items.len()).sum()
    }

    pub fn band(&self, id: BandId) -> &Band {
        let [low, middle, high] = &self.bands;
        match id {
            BandId::Low => low,
            BandId::Middle => middle,
            BandId::High => high,
        }
    }

    /// The band a score from 0 to 100 falls in.
    pub fn band_for(&self, score: u8) -> &Band {
        self.bands
            .iter()
            .find(|b| (b.min..=b.max).contains(&score))
            .unwrap_or(&self.bands[2])
    }

    /// Every statement in the order it is asked, with its dimension (`None` for the safety
    /// screen). The dimensions' statements come one from each dimension in turn, so no two
    /// neighbours share a dimension while more than one dimension has statements left; the
    /// screen's are spread evenly among them, never first or last. Fixed for a content version.
    pub fn quiz_order(&self) -> Vec<(Option<&Dimension>, &Item)> {
        let mut scored = Vec::with_capacity(self.item_count());
        let longest = self.dimensions.iter().map(|d| d.items.len()).max().unwrap_or(0);
        for round in 0..longest {
            for d in self.dimensions {
                if let Some(item) = d.items.get(round) {
                    scored.push((Some(d), item));
                }
            }
        }
        let (m, s) = (scored.len(), self.screen.items.len());
        let mut order = Vec::with_capacity(m + s);
        let mut screen = self.screen.items.iter().enumerate().peekable();
        for (n, asked) in scored.into_iter().enumerate() {
            order.push(asked);
            // Screen statement k follows scored statement ⌊(k + 1)·m ÷ (s + 1)⌋.
            while let Some((_, item)) = screen.next_if(|(k, _)| (k + 1) * m / (s + 1) == n + 1) {
                order.push((None, item));
            }
        }
        order.extend(screen.map(|(_, item)| (None, item)));
        order
    }

    /// Whether the area `dimension`'s things to try with the partner are left out under
    /// `response` ([`SafetyResponse::hides_steps`], with the areas this bank's screen touches).
    pub fn hides_steps(&self, response: SafetyResponse, dimension: &str) -> bool {
        response.hides_steps(self.screen.touches.contains(&dimension))
    }

    /// What the safety screen's answers call for: the full response on Agree or Strongly agree
    /// to any of its statements, the gentler note on Neutral to fear or sexual pressure.
    pub fn safety_response(&self, answers: &crate::scoring::Answers) -> SafetyResponse {
        self.screen
            .items
            .iter()
            .map(|item| match answers.get(item.id).copied() {
                Some(3 | 4) => SafetyResponse::Full,
                Some(2) if item.neutral_note => SafetyResponse::Gentle,
                _ => SafetyResponse::None,
            })
            .max()
            .unwrap_or(SafetyResponse::None)
    }
}

impl Item {
    /// The points an answer (0 = Strongly disagree … 4 = Strongly agree) earns: 0–4, or 4–0
    /// when the statement is reverse-worded. `None` for "does not apply" and any answer outside
    /// the scale: those are left out of the score.
    pub fn points(&self, answer: u8) -> Option<u8> {
        (answer < SCALE_COUNT).then(|| if self.reverse { 4 - answer } else { answer })
    }

    /// Whether `answer` may be given to this statement: the scale, and "does not apply" where
    /// the statement may not apply.
    pub fn accepts(&self, answer: u8) -> bool {
        answer < SCALE_COUNT || (answer == NOT_APPLICABLE && self.may_not_apply)
    }
}

/// The eight dimensions every bank has, in the order results show them.
pub const DIMENSION_IDS: [&str; 8] =
    ["authenticity", "quality_time", "support", "boundaries", "openness", "empathy", "security", "physical"];

/// How often a practice of a plan is done, and how often the calendar file repeats it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Every {
    Day,
    Week,
}

impl Every {
    pub const ALL: [Every; 2] = [Every::Day, Every::Week];

    /// As `content/<lang>/plans.toml` writes it: `"day"` or `"week"`.
    pub fn key(self) -> &'static str {
        match self {
            Every::Day => "day",
            Every::Week => "week",
        }
    }

    pub fn from_key(key: &str) -> Option<Every> {
        Every::ALL.into_iter().find(|e| e.key() == key)
    }
}

/// An area's two-week plan (`content/<lang>/plans.toml`): what two weeks on it can bring, and
/// three or four small practices.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaPlan {
    /// The area, one of [`DIMENSION_IDS`].
    pub dimension: &'static str,
    /// One or two sentences: what two weeks on this area can bring.
    pub lead: &'static str,
    pub practices: &'static [Practice],
}

/// One practice of a plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Practice {
    /// Short, a verb first.
    pub title: &'static str,
    /// What to do, one to three sentences.
    pub what: &'static str,
    /// Why it helps, one or two sentences.
    pub why: &'static str,
    /// How long it takes, 1–60.
    pub minutes: u8,
    pub every: Every,
}
