//! What Closer keeps in the browser: one versioned record, its serialized form (separate from
//! the app's live state), reading it back with migration from every older version, and merging
//! the record another tab wrote. Pure: the app's `web::storage` moves the text in and out.
//!
//! The record is JSON, read and written by serde (`serde_json`), the same text in localStorage
//! and in an export file (indented there). Reading checks the version first, then reads the
//! shape that version has: every field known (read from text, an unknown or repeated one is
//! refused; read from an object the browser's `JSON.parse` made, through serde-wasm-bindgen,
//! only the known fields are looked at and any other is left behind, so it is not written back), the
//! optional ones may be left out (and those that hold an `Option` may be `null`), numbers whole
//! and within their type; caps on sizes are checked as it is read (the 501st answer, the
//! 1001st result, an id or a text longer than its cap is refused at once, `bounded.rs`), so
//! reading any text costs at most O(n log n) in its length. Ranges are checked after that
//! (`validate`). (Like any serde type,
//! a part of the record written as a list of its fields in order is read too; Closer never
//! writes one.)
//!
//! # Versions
//!
//! | version | what it added                                                                  |
//! |---------|--------------------------------------------------------------------------------|
//! | 1       | the first: answers in progress (with one content version) and results          |
//! | 2       | importance ratings, the position in the check-in, partner links received, when a link was last shared; each result with its own content version |
//! | 3       | the language chosen with the switch (`language`, left out when none)           |
//! | 4       | the two-week plan (`plan`, [`Plan`]) and re-checks of one area (a result's `area`), each left out when there is none |
//!
//! Every older version is read and migrated: version 1 by its own shape (`RecordV1`), versions
//! 2 and 3 as this one without the fields they did not have (a record that says it is version 2
//! but holds a language, or version 3 but holds a plan or a re-check, is not one Closer wrote and
//! is refused as the wrong shape). A newer version is left alone ([`RecordError::FutureVersion`]).
//!
//! Version 4, with a plan and a re-check:
//!
//! ```json
//! {"version":4,"progress":null,
//!  "results":[{"date_ms":1790000000000,"content_version":2,"answers":{"su1":3},"importance":{}},
//!             {"date_ms":1791200000000,"content_version":2,"answers":{"su1":4},"importance":{},"area":"support"}],
//!  "comparisons":[],"shared_ms":null,"language":"es",
//!  "plan":{"area":"support","start_day":20794,"done":[1,0,5],"before":45,"together":false}}
//! ```

use std::fmt;

use crate::bounded::{self, OVER_A_CAP};
use crate::content::{Bank, ANSWER_COUNT, DIMENSION_IDS};
use crate::plan::{Plan, MAX_AREA_LEN};
use serde::{Deserialize, Serialize};

use crate::scoring::{Answers, Importance};
use crate::text::{decimal, first_chars};

/// The localStorage key. The record inside carries its own version.
pub const STORAGE_KEY: &str = "closer.v1";
/// The sessionStorage key where the quick exit notes the neutral page it left for (written by the
/// app, `src/web/exit.rs`; read by the start-up script, `startup/exit.js`, through the settings
/// `startup-settings` prints).
pub const LEFT_KEY: &str = "closer.left";
/// Where unreadable stored text is kept, so nothing is lost: the newest first. A new backup
/// moves the older ones one place down; only what falls off the end is gone.
pub const BACKUP_KEYS: [&str; 3] = ["closer.v1.backup", "closer.v1.backup.2", "closer.v1.backup.3"];
/// The record version this build writes.
pub const RECORD_VERSION: u32 = 4;
/// Stored text longer than this is refused without parsing (localStorage holds about 5 MB).
pub const MAX_RECORD_BYTES: usize = 2_000_000;
/// Caps that keep a record sane, checked as it is read: more than this is not something Closer
/// wrote. (A map of answers or ratings holds at most `id_map::MAX_ENTRIES` ids of at most
/// `id_map::MAX_ID_LEN` bytes.)
const MAX_RESULTS: usize = 1000;
const MAX_COMPARISONS: usize = 200;
const MAX_CODE_LEN: usize = 1024;
/// A language tag such as "es" (a longer one is not something Closer wrote).
const MAX_LANGUAGE_LEN: usize = 16;

/// Everything Closer stores, as written to localStorage and to an export file (version 4:
/// version 3, the plan and re-checks; see the module's docs).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub version: u32,
    /// The check-in in progress, if any.
    #[serde(default)]
    pub progress: Option<Progress>,
    /// Completed results, oldest first.
    #[serde(default, deserialize_with = "bounded::list::<_, _, MAX_RESULTS>")]
    pub results: Vec<StoredResult>,
    /// Partner links received.
    #[serde(default, deserialize_with = "bounded::list::<_, _, MAX_COMPARISONS>")]
    pub comparisons: Vec<StoredComparison>,
    /// When this person last shared a link to their own result (so a link sent back can be
    /// shown at once).
    #[serde(default)]
    pub shared_ms: Option<u64>,
    /// The language the person chose with the switch ("en", "es"), if they did; otherwise the
    /// browser's languages decide. Left out when there is none. (Version 3.)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "bounded::optional_string::<_, MAX_LANGUAGE_LEN>")]
    pub language: Option<String>,
    /// The two-week plan being followed, if any ([`Plan`]). Left out when there is none.
    /// (Version 4.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<Plan>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    pub content_version: u16,
    pub answers: Answers,
    #[serde(default)]
    pub importance: Importance,
    /// Index in the quiz order of the statement on screen.
    #[serde(default)]
    pub position: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredResult {
    /// Milliseconds since 1970.
    pub date_ms: u64,
    pub content_version: u16,
    pub answers: Answers,
    #[serde(default)]
    pub importance: Importance,
    /// `Some(area)` for a re-check of that one area at the end of a plan (its statements and
    /// the safety screen only); `None`, and left out, for a whole check-in. (Version 4.)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "bounded::optional_string::<_, MAX_AREA_LEN>")]
    pub area: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredComparison {
    pub received_ms: u64,
    /// The partner's link code, exactly as received; decoded when shown.
    #[serde(deserialize_with = "bounded::string::<_, MAX_CODE_LEN>")]
    pub code: String,
    /// The link code of the result it was compared with, if any.
    #[serde(default, deserialize_with = "bounded::optional_string::<_, MAX_CODE_LEN>")]
    pub own_code: Option<String>,
}

/// Why stored text could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    /// Not JSON at all.
    NotJson,
    /// JSON, but not a record Closer wrote (not an object, or missing, unknown or wrongly
    /// typed fields).
    WrongShape,
    /// Written by a newer Closer than this one.
    FutureVersion(u32),
    /// Larger than any record Closer writes.
    TooLarge(usize),
    /// A value out of range, such as an answer of 9, or a size over a cap, such as a 501st
    /// answer.
    BadValue(String),
}

impl RecordError {
    /// A stable key the app turns into words.
    pub fn key(&self) -> &'static str {
        match self {
            RecordError::NotJson => "not_json",
            RecordError::WrongShape => "wrong_shape",
            RecordError::FutureVersion(_) => "future_version",
            RecordError::TooLarge(_) => "too_large",
            RecordError::BadValue(_) => "bad_value",
        }
    }
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::NotJson => write!(f, "not JSON"),
            RecordError::WrongShape => write!(f, "not a Closer record"),
            RecordError::FutureVersion(v) => write!(f, "written by a newer version (record version {v})"),
            RecordError::TooLarge(n) => write!(f, "too large ({n} bytes)"),
            RecordError::BadValue(why) => write!(f, "a value is out of range: {why}"),
        }
    }
}

/// Only the version, read before the shape is known (every other field is skipped).
#[derive(Deserialize)]
pub struct Versioned {
    version: u64,
}

/// Text already read by some JSON reader, to be read as one type or another: the record is
/// read in two steps (its version first, then the shape that version has). The core reads
/// JSON text with serde_json ([`JsonText`]); the app reads the browser's own `JSON.parse`
/// output (serde-wasm-bindgen), so that no JSON parser is compiled into the wasm.
pub trait Source {
    /// The input as a `T`, or the reader's error message if it does not have that shape (a
    /// cap's starts with `bounded::OVER_A_CAP`, possibly after the reader's own words).
    fn read<T: serde::de::DeserializeOwned>(&self) -> Result<T, String>;
}

/// JSON text, read by serde_json.
pub struct JsonText<'a>(pub &'a str);

impl Source for JsonText<'_> {
    fn read<T: serde::de::DeserializeOwned>(&self) -> Result<T, String> {
        serde_json::from_str(self.0).map_err(|e| e.to_string())
    }
}

/// Why a reader refused the input: a cap (a value out of range, as the person is told), or
/// anything else (not the shape of a record).
fn refusal(message: String) -> RecordError {
    match message.split_once(OVER_A_CAP) {
        Some((_, why)) => RecordError::BadValue(why.to_owned()),
        None => RecordError::WrongShape,
    }
}

/// Version 1, the first stored shape: answers in progress and completed results, without
/// importance ratings, positions or comparisons.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RecordV1 {
    #[allow(dead_code)] // read to be refused when missing or not a number, as before
    version: u32,
    content_version: u16,
    #[serde(default)]
    answers: Answers,
    #[serde(default, deserialize_with = "bounded::list::<_, _, MAX_RESULTS>")]
    results: Vec<ResultV1>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ResultV1 {
    date_ms: u64,
    answers: Answers,
}


fn migrate_v1(old: RecordV1) -> Record {
    Record {
        version: RECORD_VERSION,
        progress: (!old.answers.is_empty()).then(|| Progress {
            content_version: old.content_version,
            answers: old.answers,
            importance: Importance::new(),
            position: 0,
        }),
        results: old
            .results
            .into_iter()
            .map(|r| StoredResult { date_ms: r.date_ms, content_version: old.content_version, answers: r.answers, importance: Importance::new(), area: None })
            .collect(),
        comparisons: Vec::new(),
        shared_ms: None,
        language: None,
        plan: None,
    }
}

/// Importance ratings run from 0 ("Not at all") to 4 ("Extremely").
const IMPORTANCE_COUNT: u8 = 5;

/// Checks a map of ids to values below `count` (answers: the scale and "does not apply";
/// importance ratings: the scale). (Its size and its ids' lengths were checked as it was read.)
fn check_values(what: &str, map: &Answers, count: u8) -> Result<(), RecordError> {
    for (id, value) in map {
        if *value >= count {
            return Err(RecordError::BadValue([what, ": ", first_chars(id, 20), " = ", &decimal(u64::from(*value))].concat()));
        }
    }
    Ok(())
}

fn check_date(what: &str, ms: u64) -> Result<(), RecordError> {
    // Up to the end of the year 9999.
    if ms > 253_402_300_799_999 {
        return Err(RecordError::BadValue([what, ": date ", &decimal(ms)].concat()));
    }
    Ok(())
}

impl Record {
    /// A record with nothing in it.
    pub fn empty() -> Record {
        Record { version: RECORD_VERSION, ..Record::default() }
    }

    /// Reads stored or imported text, migrating older versions. Never panics.
    pub fn from_json(text: &str) -> Result<Record, RecordError> {
        Record::check_size(text)?;
        // Whether it is JSON at all; then an object; then the record in it. (Where its version
        // is read, serde_json has read the whole text as JSON already: only where it is not is
        // the text read again, to tell what is not JSON from what is not a record.)
        if !text.trim_start().starts_with('{') || serde_json::from_str::<Versioned>(text).is_err() {
            serde_json::from_str::<serde::de::IgnoredAny>(text).map_err(|_| RecordError::NotJson)?;
        }
        if !text.trim_start().starts_with('{') {
            return Err(RecordError::WrongShape);
        }
        Record::read(&JsonText(text))
    }

    /// Refuses text longer than any record Closer writes, before reading it.
    pub fn check_size(text: &str) -> Result<(), RecordError> {
        if text.len() > MAX_RECORD_BYTES {
            return Err(RecordError::TooLarge(text.len()));
        }
        Ok(())
    }

    /// Reads a record from a JSON object already parsed: only its version first, then the shape
    /// that version has, migrating older versions; a newer one is reported as newer whatever
    /// else it holds. Then checks every value's range. Never panics.
    pub fn read(source: &impl Source) -> Result<Record, RecordError> {
        let Versioned { version } = source.read().map_err(|_| RecordError::WrongShape)?;
        let record = match version {
            v if v > u64::from(RECORD_VERSION) => return Err(RecordError::FutureVersion(u32::try_from(v).unwrap_or(u32::MAX))),
            1 => migrate_v1(source.read().map_err(refusal)?),
            // Version 2 is version 3 without a language, and version 3 is version 4 without a
            // plan or a re-check: read the same, with none of them.
            2 | 3 => match source.read::<Record>().map_err(refusal)? {
                Record { language: Some(_), .. } if version == 2 => return Err(RecordError::WrongShape),
                Record { plan: Some(_), .. } => return Err(RecordError::WrongShape),
                old if old.results.iter().any(|r| r.area.is_some()) => return Err(RecordError::WrongShape),
                old => Record { version: RECORD_VERSION, ..old },
            },
            4 => source.read::<Record>().map_err(refusal)?,
            _ => return Err(RecordError::WrongShape),
        };
        record.validate()?;
        Ok(record)
    }

    /// The record as JSON text.
    pub fn to_json(&self) -> String {
        // Writing plain data to a string cannot fail: every map key is a string.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The record as indented JSON, for an export file a person may open.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    fn validate(&self) -> Result<(), RecordError> {
        if let Some(p) = &self.progress {
            check_values("answers", &p.answers, ANSWER_COUNT)?;
            check_values("importance", &p.importance, IMPORTANCE_COUNT)?;
            if p.position > 500 {
                return Err(RecordError::BadValue(["position ", &decimal(p.position as u64)].concat()));
            }
        }
        for r in &self.results {
            check_date("result", r.date_ms)?;
            check_values("result answers", &r.answers, ANSWER_COUNT)?;
            check_values("result importance", &r.importance, IMPORTANCE_COUNT)?;
            if let Some(area) = &r.area {
                if !DIMENSION_IDS.contains(&area.as_str()) {
                    return Err(RecordError::BadValue(["re-check area ", first_chars(area, 20)].concat()));
                }
            }
        }
        if let Some(problem) = self.plan.as_ref().and_then(Plan::problem) {
            return Err(RecordError::BadValue(problem.to_owned()));
        }
        for c in &self.comparisons {
            check_date("comparison", c.received_ms)?;
        }
        Ok(())
    }

    /// Brings progress written for another content version up to `bank`: answers to statements
    /// that still exist are kept (an id never changes its words), the rest are dropped.
    /// Returns how many answers were dropped.
    pub fn adapt_to(&mut self, bank: &Bank) -> usize {
        let Some(progress) = &mut self.progress else { return 0 };
        if progress.content_version == bank.content_version {
            return 0;
        }
        let before = progress.answers.len();
        progress.answers.retain(|id, _| bank.item(id).is_some());
        progress.importance.retain(|id, _| bank.dimension(id).is_some());
        progress.content_version = bank.content_version;
        progress.position = 0;
        before - progress.answers.len()
    }

    /// Takes in the record another tab has just written. Answers and ratings in progress are
    /// united (the other tab's value wins where both answered the same statement). The other
    /// tab's results are taken as they are (so a deletion there holds here), plus any result of
    /// ours newer than all of them (one we finished and the other tab has not seen yet).
    ///
    /// The plan: where both tabs hold the same one (the same area, started the same day), a
    /// practice is done on a day when either tab says so (the ticks are united). Where they hold
    /// different plans, the one started later is kept; on the same day, the other tab's (the
    /// latest choice). Where only one tab holds a plan, the other tab's record decides, as for
    /// results: a plan ended there is ended here, and one chosen there is taken.
    pub fn merge_from(&mut self, other: Record) {
        match (&mut self.progress, other.progress) {
            (Some(mine), Some(theirs)) => {
                mine.answers.extend(theirs.answers);
                mine.importance.extend(theirs.importance);
            }
            (mine @ None, Some(theirs)) => *mine = Some(theirs),
            (mine @ Some(_), None) => {
                // The other tab finished this check-in: our progress is in its newest result.
                let finished = other.results.iter().max_by_key(|r| r.date_ms);
                let theirs_newer = finished.is_some_and(|f| self.results.iter().all(|r| r.date_ms < f.date_ms));
                if let (Some(p), Some(f)) = (mine.as_ref(), finished) {
                    if theirs_newer && p.answers.iter().all(|(id, v)| f.answers.get(id) == Some(v)) {
                        *mine = None;
                    }
                }
            }
            (None, None) => {}
        }
        let newest_theirs = other.results.iter().map(|r| r.date_ms).max();
        let mut results = other.results;
        results.extend(self.results.drain(..).filter(|r| Some(r.date_ms) > newest_theirs));
        self.results = results;
        let mut comparisons = other.comparisons;
        for c in self.comparisons.drain(..) {
            if !comparisons.iter().any(|x| x.code == c.code) {
                comparisons.push(c);
            }
        }
        self.comparisons = comparisons;
        self.shared_ms = self.shared_ms.max(other.shared_ms);
        // A language chosen in the other tab is the person's latest choice.
        if other.language.is_some() {
            self.language = other.language;
        }
        self.plan = match (self.plan.take(), other.plan) {
            (Some(mut mine), Some(theirs)) if mine.same_plan(&theirs) => {
                mine.unite_ticks(&theirs);
                mine.together |= theirs.together;
                mine.before = mine.before.or(theirs.before);
                Some(mine)
            }
            (Some(mine), Some(theirs)) if mine.start_day > theirs.start_day => Some(mine),
            (_, theirs) => theirs,
        };
    }
}
