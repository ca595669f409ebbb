//! What Closer keeps in the browser: one versioned record, its serialized form (separate from
//! the app's live state), reading it back with migration from every older version, and merging
//! the record another tab wrote. Pure: the app's `web::storage` moves the text in and out.

use std::fmt;

use crate::content::{Bank, ANSWER_COUNT};
use crate::json::{self, Value};
use crate::scoring::{Answers, Importance};
use crate::text::{decimal, first_chars};

/// The localStorage key. The record inside carries its own version.
pub const STORAGE_KEY: &str = "closer.v1";
/// Where unreadable stored text is kept, so nothing is lost.
pub const BACKUP_KEY: &str = "closer.v1.backup";
/// The record version this build writes.
pub const RECORD_VERSION: u32 = 2;
/// Stored text longer than this is refused without parsing (localStorage holds about 5 MB).
pub const MAX_RECORD_BYTES: usize = 2_000_000;
/// Limits that keep a record sane: more than this is not something Closer wrote.
const MAX_RESULTS: usize = 1000;
const MAX_COMPARISONS: usize = 200;
const MAX_ID_LEN: usize = 64;
const MAX_CODE_LEN: usize = 1024;

/// Everything Closer stores, as written to localStorage and to an export file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Record {
    pub version: u32,
    /// The check-in in progress, if any.
    pub progress: Option<Progress>,
    /// Completed results, oldest first.
    pub results: Vec<StoredResult>,
    /// Partner links received.
    pub comparisons: Vec<StoredComparison>,
    /// When this person last shared a link to their own result (so a link sent back can be
    /// shown at once).
    pub shared_ms: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Progress {
    pub content_version: u16,
    pub answers: Answers,
    pub importance: Importance,
    /// Index in the quiz order of the statement on screen.
    pub position: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StoredResult {
    /// Milliseconds since 1970.
    pub date_ms: u64,
    pub content_version: u16,
    pub answers: Answers,
    pub importance: Importance,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StoredComparison {
    pub received_ms: u64,
    /// The partner's link code, exactly as received; decoded when shown.
    pub code: String,
    /// The link code of the result it was compared with, if any.
    pub own_code: Option<String>,
}

/// Why stored text could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    /// Not JSON at all.
    NotJson,
    /// JSON, but not a record Closer wrote (missing or wrongly typed fields).
    WrongShape(String),
    /// Written by a newer Closer than this one.
    FutureVersion(u32),
    /// Larger than any record Closer writes.
    TooLarge(usize),
    /// A value out of range, such as an answer of 9.
    BadValue(String),
}

impl RecordError {
    /// A stable key the app turns into words.
    pub fn key(&self) -> &'static str {
        match self {
            RecordError::NotJson => "not_json",
            RecordError::WrongShape(_) => "wrong_shape",
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
            RecordError::WrongShape(why) => write!(f, "not a Closer record: {why}"),
            RecordError::FutureVersion(v) => write!(f, "written by a newer version (record version {v})"),
            RecordError::TooLarge(n) => write!(f, "too large ({n} bytes)"),
            RecordError::BadValue(why) => write!(f, "a value is out of range: {why}"),
        }
    }
}

/// Version 1, the first stored shape: answers in progress and completed results, without
/// importance ratings, positions or comparisons.
struct RecordV1 {
    content_version: u16,
    answers: Answers,
    results: Vec<ResultV1>,
}

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
            .map(|r| StoredResult { date_ms: r.date_ms, content_version: old.content_version, answers: r.answers, importance: Importance::new() })
            .collect(),
        comparisons: Vec::new(),
        shared_ms: None,
    }
}

fn check_answers(what: &str, map: &Answers) -> Result<(), RecordError> {
    if map.len() > 500 {
        return Err(RecordError::BadValue([what, ": ", &decimal(map.len() as u64), " entries"].concat()));
    }
    for (id, value) in map {
        if id.len() > MAX_ID_LEN || *value >= ANSWER_COUNT {
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
        if text.len() > MAX_RECORD_BYTES {
            return Err(RecordError::TooLarge(text.len()));
        }
        let (value, lone_surrogate) = json::parse_lossy(text).map_err(|_| RecordError::NotJson)?;
        // First only the version, then the shape that version has. (A lone surrogate in a
        // `\u` escape cannot be held in a string: this version cannot read such a record, but
        // a newer one is still reported as newer.)
        let record = match read::version(&value)? {
            v if v > u64::from(RECORD_VERSION) => return Err(RecordError::FutureVersion(u32::try_from(v).unwrap_or(u32::MAX))),
            _ if lone_surrogate.is_some() => return Err(RecordError::WrongShape("a lone surrogate in a \\u escape".into())),
            1 => migrate_v1(read::record_v1(&value)?),
            2 => read::record(&value)?,
            v => return Err(RecordError::WrongShape(["unknown version ", &decimal(v)].concat())),
        };
        record.validate()?;
        Ok(record)
    }

    /// The record as JSON text.
    pub fn to_json(&self) -> String {
        json::to_string(&write::record(self))
    }

    /// The record as indented JSON, for an export file a person may open.
    pub fn to_json_pretty(&self) -> String {
        json::to_string_pretty(&write::record(self))
    }

    fn validate(&self) -> Result<(), RecordError> {
        if let Some(p) = &self.progress {
            check_answers("answers", &p.answers)?;
            check_answers("importance", &p.importance)?;
            if p.position > 500 {
                return Err(RecordError::BadValue(["position ", &decimal(p.position as u64)].concat()));
            }
        }
        if self.results.len() > MAX_RESULTS || self.comparisons.len() > MAX_COMPARISONS {
            return Err(RecordError::BadValue("too many entries".into()));
        }
        for r in &self.results {
            check_date("result", r.date_ms)?;
            check_answers("result answers", &r.answers)?;
            check_answers("result importance", &r.importance)?;
        }
        for c in &self.comparisons {
            check_date("comparison", c.received_ms)?;
            if c.code.len() > MAX_CODE_LEN || c.own_code.as_ref().is_some_and(|o| o.len() > MAX_CODE_LEN) {
                return Err(RecordError::BadValue("comparison link too long".into()));
            }
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
    }
}

/// Reading a record from a JSON value, field by field, with the rules the stored format has
/// always had: every field known (an unknown or repeated one is refused), the optional ones
/// may be left out (and those that hold an `Option` may be `null`), and numbers whole and
/// within their type. Any failure is `WrongShape`; ranges are checked afterwards by `validate`.
mod read {
    use super::*;

    type Read<T> = Result<T, RecordError>;

    fn wrong(field: &str, expected: &str) -> RecordError {
        RecordError::WrongShape(["`", field, "`: expected ", expected].concat())
    }

    /// The record's version: the one field read before the shape is known.
    pub(super) fn version(value: &Value) -> Read<u64> {
        let Value::Object(members) = value else { return Err(RecordError::WrongShape("not an object".into())) };
        let mut found = None;
        for (key, v) in members {
            if key == "version" && found.replace(v).is_some() {
                return Err(RecordError::WrongShape("duplicate field `version`".into()));
            }
        }
        match found {
            None | Some(Value::Null) => Err(RecordError::WrongShape("no `version`".into())),
            Some(v) => uint(v, "version"),
        }
    }

    /// The members of an object, one slot per known name, in the order of `names`.
    fn fields<'a, const N: usize>(value: &'a Value, what: &str, names: [&str; N]) -> Read<[Option<&'a Value>; N]> {
        let Value::Object(members) = value else { return Err(wrong(what, "an object")) };
        let mut found = [None; N];
        for (key, v) in members {
            let Some(slot) = names.iter().position(|n| n == key).and_then(|i| found.get_mut(i)) else {
                return Err(RecordError::WrongShape([what, ": unknown field `", first_chars(key, 40), "`"].concat()));
            };
            if slot.replace(v).is_some() {
                return Err(RecordError::WrongShape([what, ": duplicate field `", key, "`"].concat()));
            }
        }
        Ok(found)
    }

    fn required<'a>(field: Option<&'a Value>, name: &str) -> Read<&'a Value> {
        field.ok_or_else(|| RecordError::WrongShape(["missing field `", name, "`"].concat()))
    }

    /// An `Option` field: absent or `null` is `None`.
    fn optional<T>(field: Option<&Value>, read: impl FnOnce(&Value) -> Read<T>) -> Read<Option<T>> {
        match field {
            None | Some(Value::Null) => Ok(None),
            Some(v) => read(v).map(Some),
        }
    }

    /// A list that may be left out (but not `null`).
    fn list<T>(field: Option<&Value>, name: &str, read: impl Fn(&Value) -> Read<T>) -> Read<Vec<T>> {
        match field {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) => items.iter().map(read).collect(),
            Some(_) => Err(wrong(name, "a list")),
        }
    }

    fn uint(value: &Value, name: &str) -> Read<u64> {
        value.as_u64().ok_or_else(|| wrong(name, "a whole number"))
    }

    fn narrow<T: TryFrom<u64>>(value: &Value, name: &str) -> Read<T> {
        T::try_from(uint(value, name)?).map_err(|_| wrong(name, "a smaller number"))
    }

    fn string(value: &Value, name: &str) -> Read<String> {
        value.as_str().map(str::to_owned).ok_or_else(|| wrong(name, "a string"))
    }

    /// Answers or importance ratings: statement or dimension id to a number from 0 to 255
    /// (where the same id is written twice, the last one counts).
    fn answers(field: Option<&Value>, name: &str) -> Read<Answers> {
        match field {
            None => Ok(Answers::new()),
            Some(Value::Object(members)) => {
                let mut map = Answers::new();
                for (id, v) in members {
                    map.insert(id.clone(), narrow::<u8>(v, name)?);
                }
                Ok(map)
            }
            Some(_) => Err(wrong(name, "an object")),
        }
    }

    pub(super) fn record(value: &Value) -> Read<Record> {
        let [version, progress, results, comparisons, shared_ms] =
            fields(value, "record", ["version", "progress", "results", "comparisons", "shared_ms"])?;
        Ok(Record {
            version: narrow(required(version, "version")?, "version")?,
            progress: optional(progress, self::progress)?,
            results: list(results, "results", result)?,
            comparisons: list(comparisons, "comparisons", comparison)?,
            shared_ms: optional(shared_ms, |v| uint(v, "shared_ms"))?,
        })
    }

    fn progress(value: &Value) -> Read<Progress> {
        let [content_version, answers, importance, position] =
            fields(value, "progress", ["content_version", "answers", "importance", "position"])?;
        Ok(Progress {
            content_version: narrow(required(content_version, "content_version")?, "content_version")?,
            answers: self::answers(Some(required(answers, "answers")?), "answers")?,
            importance: self::answers(importance, "importance")?,
            position: position.map_or(Ok(0), |v| narrow(v, "position"))?,
        })
    }

    fn result(value: &Value) -> Read<StoredResult> {
        let [date_ms, content_version, answers, importance] =
            fields(value, "result", ["date_ms", "content_version", "answers", "importance"])?;
        Ok(StoredResult {
            date_ms: uint(required(date_ms, "date_ms")?, "date_ms")?,
            content_version: narrow(required(content_version, "content_version")?, "content_version")?,
            answers: self::answers(Some(required(answers, "answers")?), "answers")?,
            importance: self::answers(importance, "importance")?,
        })
    }

    fn comparison(value: &Value) -> Read<StoredComparison> {
        let [received_ms, code, own_code] = fields(value, "comparison", ["received_ms", "code", "own_code"])?;
        Ok(StoredComparison {
            received_ms: uint(required(received_ms, "received_ms")?, "received_ms")?,
            code: string(required(code, "code")?, "code")?,
            own_code: optional(own_code, |v| string(v, "own_code"))?,
        })
    }

    pub(super) fn record_v1(value: &Value) -> Read<RecordV1> {
        let [version, content_version, answers, results] =
            fields(value, "record", ["version", "content_version", "answers", "results"])?;
        narrow::<u32>(required(version, "version")?, "version")?;
        Ok(RecordV1 {
            content_version: narrow(required(content_version, "content_version")?, "content_version")?,
            answers: self::answers(answers, "answers")?,
            results: list(results, "results", result_v1)?,
        })
    }

    fn result_v1(value: &Value) -> Read<ResultV1> {
        let [date_ms, answers] = fields(value, "result", ["date_ms", "answers"])?;
        Ok(ResultV1 {
            date_ms: uint(required(date_ms, "date_ms")?, "date_ms")?,
            answers: self::answers(Some(required(answers, "answers")?), "answers")?,
        })
    }
}

/// Writing a record as a JSON value, its fields in the order they have always been written.
mod write {
    use super::*;

    fn object<const N: usize>(members: [(&str, Value); N]) -> Value {
        Value::Object(members.into_iter().map(|(name, v)| (name.to_owned(), v)).collect())
    }

    fn answers(map: &Answers) -> Value {
        Value::Object(map.iter().map(|(id, v)| (id.clone(), Value::UInt(u64::from(*v)))).collect())
    }

    fn string(s: &str) -> Value {
        Value::String(s.to_owned())
    }

    pub(super) fn record(r: &Record) -> Value {
        object([
            ("version", Value::UInt(u64::from(r.version))),
            ("progress", r.progress.as_ref().map_or(Value::Null, progress)),
            ("results", Value::Array(r.results.iter().map(result).collect())),
            ("comparisons", Value::Array(r.comparisons.iter().map(comparison).collect())),
            ("shared_ms", r.shared_ms.map_or(Value::Null, Value::UInt)),
        ])
    }

    fn progress(p: &Progress) -> Value {
        object([
            ("content_version", Value::UInt(u64::from(p.content_version))),
            ("answers", answers(&p.answers)),
            ("importance", answers(&p.importance)),
            ("position", Value::UInt(p.position as u64)),
        ])
    }

    fn result(r: &StoredResult) -> Value {
        object([
            ("date_ms", Value::UInt(r.date_ms)),
            ("content_version", Value::UInt(u64::from(r.content_version))),
            ("answers", answers(&r.answers)),
            ("importance", answers(&r.importance)),
        ])
    }

    fn comparison(c: &StoredComparison) -> Value {
        object([
            ("received_ms", Value::UInt(c.received_ms)),
            ("code", string(&c.code)),
            ("own_code", c.own_code.as_deref().map_or(Value::Null, string)),
        ])
    }
}
