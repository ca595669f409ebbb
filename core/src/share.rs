//! The partner-link code: a result packed into a short string that travels after the `#`.
//!
//! A code carries the format version, the content version, the eight dimension scores, the eight
//! importance ratings, optionally a first name and, when the sharer follows a two-week plan, the
//! plan's area and first day, sealed with a checksum. It is packed as bits and written in
//! base64url without padding, so it needs no escaping in a URL. A result with a short name takes
//! about 30 characters; a plan adds 5 or 6.
//!
//! Dimensions are identified by their position in [`DIMENSION_IDS`], so scores from any two
//! content versions compare.
//!
//! # No answers travel
//!
//! Closer writes no single answers into a link, of any kind ([`SharedResult::from_answers`] is
//! the only way the app makes one, and [`SharedResult::with_plan`] adds only a plan's area and
//! first day): the answers to the safety screen (fear, sexual pressure,
//! insults, control, threats) must never leave the device, and single answers to the other
//! statements would only give a partner lines to quote back. Scores are made from the
//! dimensions' statements alone, so the screen's answers change nothing in a link. Format 1
//! keeps its answers field (and format 3 has it too, being format 1 and a plan): links from
//! older Closers (content version 1) that carry answers still decode, and [`encode`] still
//! writes that field when given one, so every accepted code is the one `encode` writes; the app
//! never reads it.
//!
//! [`decode`] is total: any string gives a result or a [`DecodeError`], never a panic, and it
//! refuses input longer than [`MAX_CODE_LEN`] before doing any work. Whatever it returns is
//! valid: scores 0–100, ratings 0–4, answers 0–4, a plan's area one of [`DIMENSION_IDS`] and its
//! day at most [`LATEST_START_DAY`], a name already in the form
//! [`normalize_name`] gives. The name is only ever data; the app shows it as text.
//!
//! # Formats
//!
//! | format | what it is                                   | written by [`encode`] when       |
//! |--------|----------------------------------------------|----------------------------------|
//! | 1      | a result                                     | the result carries no plan       |
//! | 2      | a locked link: format 1 or 3, encrypted      | ([`Locked::code`])               |
//! | 3      | a result and a plan: format 1, then the plan | the result carries a plan        |
//!
//! A result without a plan is written exactly as before plans existed (format 1, the same bytes),
//! so links to Closers that know no plan are unchanged, and old links open as they did. A link
//! with a plan is format 3, which an older Closer reports as made by a newer one.
//!
//! # Layout (format 1)
//!
//! Bits, most significant first:
//!
//! | bits            | field                                                        |
//! |-----------------|--------------------------------------------------------------|
//! | 8               | format version (1)                                           |
//! | 16              | content version                                              |
//! | 8 × 7           | scores, in [`DIMENSION_IDS`] order: 0–100, 127 = not enough answers |
//! | 8 × 3           | importance, same order: 0–4, 7 = unrated                     |
//! | 1               | 1 if answers follow (only in links of older Closers)         |
//! | 8, then packed  | answer count, then answers in base 6 (0 = unanswered, 1–5 = answer 0–4), three to a byte (6³ = 216 ≤ 256); a last pair takes 6 bits, a last single 3 |
//! | 8, then 8 each  | name length in bytes (0 = no name, at most 120), then its UTF-8 |
//! | 0–7             | zero bits up to a byte boundary                              |
//!
//! followed by three bytes: the CRC-24 (OpenPGP) of everything before them, big-endian.
//!
//! # A result with a plan (format 3)
//!
//! The same bits as format 1, with 3 in the first byte, and after the name (before the zero
//! bits up to a byte boundary):
//!
//! | bits | field                                                                         |
//! |------|-------------------------------------------------------------------------------|
//! | 8    | the plan's area: its position in [`DIMENSION_IDS`], 0–7 (any other is refused) |
//! | 24   | the plan's first day: days since 1970-01-01 ([`crate::plan`]), at most [`LATEST_START_DAY`] (9999-12-31; 24 bits reach the year 47 900, 16 would stop in 2149) |
//!
//! then the CRC-24 as in format 1. Only the area and the first day travel: each partner ticks
//! their own days, and nothing else of a plan (no tick, no score before) is in any link.
//!
//! Every format version, present and future, keeps the frame: the version in the first byte and
//! a CRC-24 of all the other bytes at the end. So a code whose checksum fails was altered or cut,
//! and a code with a good checksum and a higher version was made by a newer Closer.
//!
//! # Locked links (format 2)
//!
//! A person may lock a link with a passphrase. The browser encrypts the whole open code, format
//! 1 or 3 (its bytes, checksum included: [`plaintext`]), and the link carries, in the same frame:
//!
//! | bytes | field                                                                    |
//! |-------|--------------------------------------------------------------------------|
//! | 1     | format version (2)                                                       |
//! | 16    | salt for the key, random for each link                                   |
//! | 12    | IV (nonce) for AES-GCM, random for each link                             |
//! | n + 16| the format-1 or format-3 bytes encrypted with AES-256-GCM, then its 16-byte tag |
//!
//! followed, as in every format, by the CRC-24 of everything before it, all in base64url. The
//! key is PBKDF2-HMAC-SHA256 of the passphrase (its UTF-8 in Unicode form NFC) with the salt,
//! [`PBKDF2_ITERATIONS`] rounds, 256 bits; the version byte is the GCM additional data
//! ([`LOCKED_ADDITIONAL_DATA`]). A locked link is 64 characters longer than the same open one (48 bytes).
//!
//! The checksum still tells a damaged link from a wrong passphrase: a link that was cut or
//! altered fails it, as an open link does, before any key is derived. A link that passes it but
//! whose tag does not verify was locked with another passphrase (or altered and given a new
//! checksum, which the tag also catches). The encryption itself happens in the browser's
//! WebCrypto (`src/web/crypto.rs`); this module only frames and reads the bytes, so it stays
//! pure. The passphrase is in no link and never stored.

use crate::content::{Bank, DIMENSION_IDS, SCALE_COUNT};
use crate::plan::LATEST_START_DAY;
use crate::scoring::{Answers, DimensionScore, Importance};

/// The format [`encode`] writes for a result without a plan. [`decode`] reads it, and
/// [`PLAN_FORMAT`], and refuses higher ones with [`DecodeError::NewerFormat`].
pub const FORMAT_VERSION: u8 = 1;

/// The format of a locked link (see the module's docs).
pub const LOCKED_FORMAT: u8 = 2;

/// The format [`encode`] writes for a result with a plan: format 1, then the plan.
pub const PLAN_FORMAT: u8 = 3;

/// PBKDF2-HMAC-SHA256 rounds for a locked link's key: OWASP's figure for that hash (2023).
pub const PBKDF2_ITERATIONS: u32 = 600_000;

/// The length of a locked link's salt, in bytes.
pub const SALT_LEN: usize = 16;

/// The length of a locked link's AES-GCM IV, in bytes.
pub const IV_LEN: usize = 12;

/// The length of the AES-GCM tag at the end of a locked link's ciphertext, in bytes.
pub const TAG_LEN: usize = 16;

/// What AES-GCM authenticates besides the ciphertext: the version byte.
pub const LOCKED_ADDITIONAL_DATA: [u8; 1] = [LOCKED_FORMAT];

/// [`decode`] refuses a longer code (in bytes) before doing any work. The longest code
/// [`encode`] can write (255 answers, a 120-byte name) is about 300 characters.
pub const MAX_CODE_LEN: usize = 512;

/// A name is cut to this many characters…
pub const MAX_NAME_CHARS: usize = 40;

/// …and to this many bytes of UTF-8.
pub const MAX_NAME_BYTES: usize = 120;

/// At most this many answers travel; the bank has far fewer.
pub const MAX_ANSWERS: usize = 255;

/// The highest importance rating ("Extremely").
const MAX_IMPORTANCE: u8 = 4;

/// The highest score.
const MAX_SCORE: u8 = 100;

/// The 7-bit value of a dimension without a score ("not enough answers").
const NO_SCORE: u32 = 127;

/// The 3-bit value of an unrated dimension.
const UNRATED: u32 = 7;

/// The length of the checksum at the end of every frame, in bytes.
const CHECKSUM_LEN: usize = 3;

/// What a partner link carries.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SharedResult {
    /// The content version of the sharer's bank ([`Bank::content_version`]).
    pub content_version: u16,
    /// Scores 0–100 by position in [`DIMENSION_IDS`]; `None` for "not enough answers".
    pub scores: [Option<u8>; 8],
    /// Importance ratings 0–4 by position in [`DIMENSION_IDS`]; `None` when unrated.
    pub importance: [Option<u8>; 8],
    /// Answers 0–4 by position in the sharer's quiz order (`None` = unanswered). Only links of
    /// older Closers carry them; this one never writes or reads them (see the module's docs).
    pub answers: Option<Vec<Option<u8>>>,
    /// The sharer's first name, in the form [`normalize_name`] gives.
    pub name: Option<String>,
    /// The two-week plan the sharer follows, so both partners see the same one (format 3).
    pub plan: Option<SharedPlan>,
}

/// What a partner link carries of a plan: its area and its first day, nothing else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SharedPlan {
    /// One of [`DIMENSION_IDS`].
    pub area: &'static str,
    /// The plan's first day: days since 1970-01-01 ([`crate::plan`]), at most
    /// [`LATEST_START_DAY`].
    pub start_day: u32,
}

impl SharedPlan {
    /// The plan for `area` (any id; found in [`DIMENSION_IDS`]) starting on `start_day`, or
    /// `None` when the area is not one of them or the day is after [`LATEST_START_DAY`].
    pub fn new(area: &str, start_day: u32) -> Option<SharedPlan> {
        let area = DIMENSION_IDS.iter().find(|&&id| id == area)?;
        (start_day <= LATEST_START_DAY).then_some(SharedPlan { area, start_day })
    }

    /// The area's position in [`DIMENSION_IDS`], if it is one of them.
    fn area_index(&self) -> Option<usize> {
        DIMENSION_IDS.iter().position(|&id| id == self.area)
    }

    /// Whether the plan can travel: a known area and a day within range.
    fn is_valid(&self) -> bool {
        self.area_index().is_some() && self.start_day <= LATEST_START_DAY
    }
}

/// Why a code could not be read. [`DecodeError::key`] names the kind for the app's messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    /// No code at all.
    Empty,
    /// Longer than [`MAX_CODE_LEN`].
    TooLong,
    /// A character outside the base64url alphabet (`A–Z a–z 0–9 - _`).
    NotBase64,
    /// The code ends too early: it was cut off.
    Truncated,
    /// The checksum does not match: the code was altered (or cut in a way that hides it).
    ChecksumMismatch,
    /// Made by a newer Closer, in this format version.
    NewerFormat(u8),
    /// A format version that never existed.
    UnknownFormat(u8),
    /// The checksum matches but a field holds an impossible value; names the field.
    Invalid(&'static str),
    /// A locked link, given where only an open one is read ([`decode`]; [`read`] takes both).
    Locked,
}

impl DecodeError {
    /// A stable key for the app to map to words: `"empty"`, `"incomplete"`, `"altered"`,
    /// `"newer"` or `"invalid"`.
    pub fn key(&self) -> &'static str {
        match self {
            DecodeError::Empty => "empty",
            DecodeError::Truncated => "incomplete",
            DecodeError::ChecksumMismatch => "altered",
            DecodeError::NewerFormat(_) => "newer",
            DecodeError::TooLong
            | DecodeError::NotBase64
            | DecodeError::UnknownFormat(_)
            | DecodeError::Invalid(_)
            | DecodeError::Locked => "invalid",
        }
    }
}

impl SharedResult {
    /// The result to share from a person's answers and ratings: scores from `bank`, ratings by
    /// dimension and the name normalized ([`normalize_name`]); never any answer. Ratings out of
    /// range count as missing.
    pub fn from_answers(bank: &Bank, answers: &Answers, importance: &Importance, name: Option<&str>) -> SharedResult {
        let scores = bank.score(answers);
        SharedResult {
            content_version: bank.content_version,
            scores: DIMENSION_IDS.map(|id| scores.get(id).and_then(DimensionScore::value)),
            importance: DIMENSION_IDS.map(|id| importance.get(id).copied().filter(|&v| v <= MAX_IMPORTANCE)),
            answers: None,
            name: name.and_then(normalize_name),
            plan: None,
        }
    }

    /// The same result carrying `plan` (or none), for a link that shares the plan too.
    pub fn with_plan(self, plan: Option<SharedPlan>) -> SharedResult {
        SharedResult { plan, ..self }
    }

    /// The shared importance ratings keyed by dimension id, as [`crate::focus`] takes them.
    pub fn importance_map(&self) -> Importance {
        // `extend` inserts one by one; `collect` would bring in a sort.
        let mut map = Importance::new();
        map.extend(DIMENSION_IDS.iter().zip(self.importance).filter_map(|(id, rating)| rating.map(|r| (id.to_string(), r))));
        map
    }
}

/// A first name as it travels: control and bidirectional-formatting characters removed, trimmed,
/// cut to [`MAX_NAME_CHARS`] characters and [`MAX_NAME_BYTES`] bytes. `None` if nothing is left.
pub fn normalize_name(raw: &str) -> Option<String> {
    let kept: String = raw.chars().filter(|&c| !is_stripped(c)).collect();
    let mut name = String::new();
    for c in kept.trim().chars().take(MAX_NAME_CHARS) {
        if name.len() + c.len_utf8() > MAX_NAME_BYTES {
            break;
        }
        name.push(c);
    }
    let name = name.trim_end();
    (!name.is_empty()).then(|| name.to_string())
}

/// Characters a name never keeps: controls, line and paragraph separators, and the invisible
/// marks that reorder text around them.
fn is_stripped(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The open frame (version and body, no checksum) for a result: format 3 when it carries a plan
/// that can travel, else format 1. Not inlined: [`encode`] and [`plaintext`] share it.
#[inline(never)]
fn frame_open(r: &SharedResult) -> Vec<u8> {
    let plan = r.plan.as_ref().and_then(|p| Some((p.area_index()?, p.start_day)).filter(|_| p.is_valid()));
    let mut w = BitWriter::default();
    w.put(u32::from(if plan.is_some() { PLAN_FORMAT } else { FORMAT_VERSION }), 8);
    w.put(u32::from(r.content_version), 16);
    for score in r.scores {
        w.put(score.filter(|&s| s <= MAX_SCORE).map_or(NO_SCORE, u32::from), 7);
    }
    for rating in r.importance {
        w.put(rating.filter(|&v| v <= MAX_IMPORTANCE).map_or(UNRATED, u32::from), 3);
    }
    match &r.answers {
        None => w.put(0, 1),
        Some(answers) => {
            let answers = answers.get(..MAX_ANSWERS).unwrap_or(answers);
            w.put(1, 1);
            w.put(answers.len() as u32, 8); // at most 255
            for group in answers.chunks(3) {
                let value = group.iter().fold(0, |acc, &a| acc * 6 + answer_digit(a));
                w.put(value, group_bits(group.len()));
            }
        }
    }
    let name = r.name.as_deref().and_then(normalize_name).unwrap_or_default();
    w.put(name.len() as u32, 8); // at most MAX_NAME_BYTES
    for &b in name.as_bytes() {
        w.put(u32::from(b), 8);
    }
    if let Some((area, start_day)) = plan {
        w.put(area as u32, 8); // 0–7
        w.put(start_day, 24); // at most LATEST_START_DAY
    }
    w.bytes
}

/// The code for a result: format 1, or format 3 when it carries a plan. Never fails: values out
/// of range (a score over 100, a rating over 4, an answer over 4) travel as missing, answers past
/// [`MAX_ANSWERS`] are left out, the name is normalized and a plan that cannot travel (an area
/// not in [`DIMENSION_IDS`], a day after [`LATEST_START_DAY`]) is left out, so
/// `decode(&encode(r))` gives `r` back whenever `r` is already valid.
pub fn encode(r: &SharedResult) -> String {
    seal(&frame_open(r))
}

/// What a locked link encrypts: the bytes of the open code [`encode`] writes, checksum included.
pub fn plaintext(r: &SharedResult) -> Vec<u8> {
    let mut bytes = frame_open(r);
    bytes.extend_from_slice(&crc24(&bytes).to_be_bytes()[1..]);
    bytes
}

/// Reads what a locked link's ciphertext opened to ([`plaintext`]'s bytes). Only an open
/// result (format 1, or 3 with a plan) with a good checksum is accepted.
pub fn unlocked(plain: &[u8]) -> Result<SharedResult, DecodeError> {
    match plain.split_last_chunk::<CHECKSUM_LEN>() {
        Some((frame, checksum))
            if matches!(frame.first(), Some(&(FORMAT_VERSION | PLAN_FORMAT))) && crc24(frame) == u32::from_be_bytes([0, checksum[0], checksum[1], checksum[2]]) =>
        {
            read_open(frame)
        }
        _ => Err(DecodeError::Invalid("locked result")),
    }
}

/// A link as [`read`] finds it: open, or locked with a passphrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    Open(SharedResult),
    Locked(Locked),
}

/// A locked link's parts (see "Locked links" in the module's docs). Valid by construction when
/// [`read`] returns it; the browser opens it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locked {
    pub salt: [u8; SALT_LEN],
    pub iv: [u8; IV_LEN],
    /// The ciphertext followed by the tag: more than [`TAG_LEN`] bytes.
    pub sealed: Vec<u8>,
}

impl Locked {
    /// The code for these parts, exactly the one [`read`] accepts for them.
    pub fn code(&self) -> String {
        let mut frame = Vec::with_capacity(1 + SALT_LEN + IV_LEN + self.sealed.len());
        frame.push(LOCKED_FORMAT);
        frame.extend_from_slice(&self.salt);
        frame.extend_from_slice(&self.iv);
        frame.extend_from_slice(&self.sealed);
        seal(&frame)
    }
}

/// The fewest bytes a locked frame (without its checksum) can have: the version, salt, IV, the
/// tag and the shortest open code.
const MIN_LOCKED_FRAME: usize = 1 + SALT_LEN + IV_LEN + TAG_LEN + 18;

/// Reads an open code. The caller passes the code alone (what follows `#/compare/`), without
/// surrounding whitespace; only the exact string [`encode`] writes is accepted. A locked link is
/// [`DecodeError::Locked`]; [`read`] takes both kinds.
pub fn decode(code: &str) -> Result<SharedResult, DecodeError> {
    match read(code)? {
        Link::Open(result) => Ok(result),
        Link::Locked(_) => Err(DecodeError::Locked),
    }
}

/// Reads a code, open or locked: only the exact string [`encode`] or [`Locked::code`] writes is
/// accepted.
///
/// Checks, in order: the length, the alphabet, the checksum (so an altered or cut code is
/// [`DecodeError::ChecksumMismatch`] or [`DecodeError::Truncated`]), the version, then every field.
pub fn read(code: &str) -> Result<Link, DecodeError> {
    if code.len() > MAX_CODE_LEN {
        return Err(DecodeError::TooLong);
    }
    if code.is_empty() {
        return Err(DecodeError::Empty);
    }
    let (bytes, canonical) = from_base64url(code)?;
    let Some((frame, checksum)) = bytes.split_last_chunk::<CHECKSUM_LEN>() else {
        return Err(DecodeError::Truncated);
    };
    let Some(&version) = frame.first() else {
        return Err(DecodeError::Truncated);
    };
    if !canonical || crc24(frame) != u32::from_be_bytes([0, checksum[0], checksum[1], checksum[2]]) {
        // Tell a code that was cut off from one that was altered, where the layout shows it.
        if (matches!(version, FORMAT_VERSION | PLAN_FORMAT) && matches!(read_open(frame), Err(DecodeError::Truncated)))
            || (version == LOCKED_FORMAT && frame.len() < MIN_LOCKED_FRAME)
        {
            return Err(DecodeError::Truncated);
        }
        return Err(DecodeError::ChecksumMismatch);
    }
    match version {
        FORMAT_VERSION | PLAN_FORMAT => read_open(frame).map(Link::Open),
        LOCKED_FORMAT => read_locked(frame).map(Link::Locked),
        0 => Err(DecodeError::UnknownFormat(version)),
        newer => Err(DecodeError::NewerFormat(newer)),
    }
}

/// Reads a format-2 frame (version byte and body, without the checksum).
fn read_locked(frame: &[u8]) -> Result<Locked, DecodeError> {
    if frame.len() < MIN_LOCKED_FRAME {
        return Err(DecodeError::Truncated);
    }
    let (salt, rest) = frame.get(1..).unwrap_or_default().split_first_chunk::<SALT_LEN>().ok_or(DecodeError::Truncated)?;
    let (iv, sealed) = rest.split_first_chunk::<IV_LEN>().ok_or(DecodeError::Truncated)?;
    Ok(Locked { salt: *salt, iv: *iv, sealed: sealed.to_vec() })
}

/// Appends the checksum to a frame (version byte and body) and writes it in base64url. Only for
/// tests and fuzzing, which need codes with a good checksum around arbitrary bytes.
#[doc(hidden)]
pub fn seal(frame: &[u8]) -> String {
    let mut bytes = Vec::with_capacity(frame.len() + CHECKSUM_LEN);
    bytes.extend_from_slice(frame);
    bytes.extend_from_slice(&crc24(frame).to_be_bytes()[1..]);
    to_base64url(&bytes)
}

/// A known-answer vector for locked links: the same inputs must give [`known_answer::CODE`] in
/// a separate implementation natively (`core/tests/locked.rs`, RustCrypto's crates) and in a
/// browser's WebCrypto (`tests/web_crypto.rs`).
#[doc(hidden)]
pub mod known_answer {
    use super::SharedResult;

    pub const PASSPHRASE: &str = "correct horse battery staple";
    pub const SALT: [u8; 16] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
    pub const IV: [u8; 12] = [16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27];
    pub const CODE: &str = "AgABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhsNEn9lpwdk9-oIBdwr8tRNIbgjEt76SdpJNnoGg0lLIo5Zkgw6xcJ3";

    pub fn result() -> SharedResult {
        SharedResult {
            content_version: 2,
            scores: [Some(80), Some(45), None, Some(12), Some(100), Some(0), Some(67), Some(50)],
            importance: [Some(4), None, Some(0), Some(1), Some(2), Some(3), Some(4), None],
            answers: None,
            name: Some("Ana".to_string()),
            plan: None,
        }
    }
}

/// Reads an open frame, format 1 or 3 (version byte and body, without the checksum). Not
/// inlined: [`read`] and [`unlocked`] share it.
#[inline(never)]
fn read_open(frame: &[u8]) -> Result<SharedResult, DecodeError> {
    let mut r = BitReader { bytes: frame, pos: 0 };
    let version = r.take(8)?; // already checked: 1 or 3
    let content_version = r.take(16)? as u16;
    let mut scores = [None; 8];
    for score in &mut scores {
        *score = match r.take(7)? {
            NO_SCORE => None,
            v if v <= u32::from(MAX_SCORE) => Some(v as u8),
            _ => return Err(DecodeError::Invalid("score")),
        };
    }
    let mut importance = [None; 8];
    for rating in &mut importance {
        *rating = match r.take(3)? {
            UNRATED => None,
            v if v <= u32::from(MAX_IMPORTANCE) => Some(v as u8),
            _ => return Err(DecodeError::Invalid("importance")),
        };
    }
    let answers = match r.take(1)? {
        0 => None,
        _ => {
            let count = r.take(8)? as usize;
            let mut answers = Vec::with_capacity(count);
            while answers.len() < count {
                let in_group = (count - answers.len()).min(3);
                let value = r.take(group_bits(in_group))?;
                if value >= 6u32.pow(in_group as u32) {
                    return Err(DecodeError::Invalid("answer"));
                }
                let digits = [value / 36, value / 6 % 6, value % 6];
                let digits = digits.get(3 - in_group..).unwrap_or_default();
                answers.extend(digits.iter().map(|&d| d.checked_sub(1).map(|a| a as u8)));
            }
            Some(answers)
        }
    };
    let name_len = r.take(8)? as usize;
    if name_len > MAX_NAME_BYTES {
        return Err(DecodeError::Invalid("name"));
    }
    let mut name = Vec::with_capacity(name_len);
    for _ in 0..name_len {
        name.push(r.take(8)? as u8);
    }
    let name = match name_len {
        0 => None,
        _ => {
            let name = String::from_utf8(name).map_err(|_| DecodeError::Invalid("name"))?;
            if normalize_name(&name).as_deref() != Some(name.as_str()) {
                return Err(DecodeError::Invalid("name"));
            }
            Some(name)
        }
    };
    let plan = match version {
        v if v == u32::from(PLAN_FORMAT) => {
            let area = DIMENSION_IDS.get(r.take(8)? as usize).ok_or(DecodeError::Invalid("plan area"))?;
            let start_day = r.take(24)?;
            if start_day > LATEST_START_DAY {
                return Err(DecodeError::Invalid("plan start day"));
            }
            Some(SharedPlan { area, start_day })
        }
        _ => None,
    };
    r.finish()?;
    Ok(SharedResult { content_version, scores, importance, answers, name, plan })
}

/// An answer (0–4) as a base-6 digit: 0 for unanswered (or out of range), 1–5.
fn answer_digit(answer: Option<u8>) -> u32 {
    answer.filter(|&a| a < SCALE_COUNT).map_or(0, |a| u32::from(a) + 1)
}

/// The bits a group of one, two or three base-6 digits takes: enough for 6, 36 or 216 values.
fn group_bits(digits: usize) -> u32 {
    match digits {
        1 => 3,
        2 => 6,
        _ => 8,
    }
}

/// Writes bits, most significant first.
#[derive(Default)]
struct BitWriter {
    bytes: Vec<u8>,
    /// Bits already used in the last byte, 0–7 (0: the next bit starts a new byte).
    used: u32,
}

impl BitWriter {
    /// Writes the low `width` bits of `value` (zeros above bit 31).
    fn put(&mut self, value: u32, width: u32) {
        for shift in (0..width).rev() {
            if self.used == 0 {
                self.bytes.push(0);
            }
            if value.checked_shr(shift).unwrap_or(0) & 1 == 1 {
                if let Some(last) = self.bytes.last_mut() {
                    *last |= 0x80 >> self.used;
                }
            }
            self.used = (self.used + 1) % 8;
        }
    }
}

/// Reads bits, most significant first; running out is [`DecodeError::Truncated`].
struct BitReader<'a> {
    bytes: &'a [u8],
    /// The next bit to read.
    pos: usize,
}

impl BitReader<'_> {
    /// Reads `width` (at most 32) bits.
    fn take(&mut self, width: u32) -> Result<u32, DecodeError> {
        let mut value = 0u32;
        for _ in 0..width {
            let byte = self.bytes.get(self.pos / 8).ok_or(DecodeError::Truncated)?;
            let bit = (byte >> (7 - self.pos % 8)) & 1;
            value = (value << 1) | u32::from(bit);
            self.pos += 1;
        }
        Ok(value)
    }

    /// Checks that only zero bits up to the byte boundary are left.
    fn finish(self) -> Result<(), DecodeError> {
        let rest = self.bytes.get(self.pos / 8..).unwrap_or_default();
        match rest {
            [] => Ok(()),
            [last] if !self.pos.is_multiple_of(8) && last & (0xFF >> (self.pos % 8)) == 0 => Ok(()),
            _ => Err(DecodeError::Invalid("trailing data")),
        }
    }
}

/// CRC-24 as OpenPGP uses it (RFC 4880, 6.1): polynomial 0x864CFB, initial value 0xB704CE.
fn crc24(bytes: &[u8]) -> u32 {
    let mut crc: u32 = 0xB7_04CE;
    for &b in bytes {
        crc ^= u32::from(b) << 16;
        for _ in 0..8 {
            crc <<= 1;
            if crc & 0x100_0000 != 0 {
                crc ^= 0x186_4CFB;
            }
        }
    }
    crc & 0xFF_FFFF
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding.
fn to_base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let mut three = [0u8; 3];
        for (slot, &b) in three.iter_mut().zip(chunk) {
            *slot = b;
        }
        let n = u32::from(three[0]) << 16 | u32::from(three[1]) << 8 | u32::from(three[2]);
        // One byte needs two characters, two need three, three need four.
        for i in 0..=chunk.len() {
            let sextet = (n >> (18 - 6 * i)) & 63;
            out.extend(ALPHABET.get(sextet as usize).map(|&c| char::from(c)));
        }
    }
    out
}

/// The value of a base64url character.
fn sextet(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'-' => Some(62),
        b'_' => Some(63),
        _ => None,
    }
}

/// Reads base64url without padding. Also says whether the text was exactly what
/// [`to_base64url`] writes: `false` when the last character holds bits that make no whole byte
/// (a dangling character, or unused bits that are not zero), which a cut or altered code shows.
fn from_base64url(text: &str) -> Result<(Vec<u8>, bool), DecodeError> {
    let mut bytes = Vec::with_capacity(text.len() / 4 * 3 + 2);
    let mut acc: u32 = 0;
    let mut bits: u32 = 0;
    for &c in text.as_bytes() {
        acc = (acc << 6) | u32::from(sextet(c).ok_or(DecodeError::NotBase64)?);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            bytes.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // Left over: 0, 4 or 2 bits that must be zero, or 6 from a character that makes no byte.
    Ok((bytes, bits < 6 && acc == 0))
}

#[cfg(test)]
mod tests {
    //! Frames with a good checksum but impossible fields, built bit by bit.

    use super::*;

    /// A format-1 frame: every score 50, every rating 2, then `rest` writes the answers, name…
    fn frame(rest: impl FnOnce(&mut BitWriter)) -> String {
        frame_of(1, rest)
    }

    /// A frame of format `version`: content version 7, every score 50, every rating 2, then `rest`.
    fn frame_of(version: u32, rest: impl FnOnce(&mut BitWriter)) -> String {
        let mut w = BitWriter::default();
        w.put(version, 8);
        w.put(7, 16);
        for _ in 0..8 {
            w.put(50, 7);
        }
        for _ in 0..8 {
            w.put(2, 3);
        }
        rest(&mut w);
        seal(&w.bytes)
    }

    fn no_answers_no_name(w: &mut BitWriter) {
        w.put(0, 1);
        w.put(0, 8);
    }

    fn name(w: &mut BitWriter, bytes: &[u8]) {
        w.put(0, 1);
        w.put(bytes.len() as u32, 8);
        for &b in bytes {
            w.put(u32::from(b), 8);
        }
    }

    #[test]
    fn crc24_matches_the_standard_check_value() {
        assert_eq!(crc24(b"123456789"), 0x21_CF02);
    }

    #[test]
    fn base64url_matches_rfc_4648_vectors() {
        for (raw, coded) in
            [("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE")]
        {
            assert_eq!(to_base64url(raw.as_bytes()), coded);
            assert_eq!(from_base64url(coded), Ok((raw.as_bytes().to_vec(), true)));
        }
        assert_eq!(to_base64url(&[0xFB, 0xFF, 0xBF]), "-_-_");
        assert_eq!(from_base64url("Zh").map(|(_, canonical)| canonical), Ok(false));
        assert_eq!(from_base64url("Zm9vY").map(|(_, canonical)| canonical), Ok(false));
        assert_eq!(from_base64url("Zm+v"), Err(DecodeError::NotBase64));
    }

    #[test]
    fn the_helper_frame_is_valid() {
        let r = decode(&frame(no_answers_no_name)).unwrap();
        assert_eq!(r.content_version, 7);
        assert_eq!(r.scores, [Some(50); 8]);
        assert_eq!(r.importance, [Some(2); 8]);
        assert_eq!((r.answers, r.name), (None, None));
        let r = decode(&frame(|w| name(w, "Ana".as_bytes()))).unwrap();
        assert_eq!(r.name.as_deref(), Some("Ana"));
    }

    #[test]
    fn scores_over_100_are_invalid_but_127_is_not_enough_answers() {
        let code = |score: u32| {
            let mut w = BitWriter::default();
            w.put(1, 8);
            w.put(7, 16);
            w.put(score, 7);
            for _ in 0..7 {
                w.put(0, 7);
            }
            w.put(0, 24);
            no_answers_no_name(&mut w);
            seal(&w.bytes)
        };
        assert_eq!(decode(&code(100)).unwrap().scores[0], Some(100));
        assert_eq!(decode(&code(127)).unwrap().scores[0], None);
        for score in 101..127 {
            assert_eq!(decode(&code(score)), Err(DecodeError::Invalid("score")), "{score}");
        }
    }

    #[test]
    fn ratings_5_and_6_are_invalid() {
        for (rating, expected) in [
            (4, Ok(Some(4))),
            (5, Err(DecodeError::Invalid("importance"))),
            (6, Err(DecodeError::Invalid("importance"))),
            (7, Ok(None)),
        ] {
            let mut w = BitWriter::default();
            w.put(1, 8);
            w.put(7, 16);
            for _ in 0..8 {
                w.put(0, 7);
            }
            w.put(rating, 3);
            w.put(0, 21);
            no_answers_no_name(&mut w);
            assert_eq!(decode(&seal(&w.bytes)).map(|r| r.importance[0]), expected, "{rating}");
        }
    }

    #[test]
    fn answer_groups_past_base_6_are_invalid() {
        let code = |count: u32, group: u32, bits: u32| {
            frame(|w| {
                w.put(1, 1);
                w.put(count, 8);
                w.put(group, bits);
                w.put(0, 8);
            })
        };
        assert_eq!(decode(&code(3, 215, 8)).unwrap().answers, Some(vec![Some(4); 3]));
        assert_eq!(decode(&code(3, 36 + 3, 8)).unwrap().answers, Some(vec![Some(0), None, Some(2)]));
        assert_eq!(decode(&code(2, 35, 6)).unwrap().answers, Some(vec![Some(4); 2]));
        assert_eq!(decode(&code(1, 5, 3)).unwrap().answers, Some(vec![Some(4)]));
        assert_eq!(decode(&code(0, 0, 0)).unwrap().answers, Some(vec![]));
        for (count, group, bits) in [(3, 216, 8), (3, 255, 8), (2, 36, 6), (2, 63, 6), (1, 6, 3), (1, 7, 3)] {
            assert_eq!(decode(&code(count, group, bits)), Err(DecodeError::Invalid("answer")), "{count} {group}");
        }
    }

    #[test]
    fn an_answer_count_larger_than_the_answers_is_truncated_and_smaller_is_trailing_data() {
        // 36 answers announced, 35 sent (and no name length).
        let short = frame(|w| {
            w.put(1, 1);
            w.put(36, 8);
            for _ in 0..11 {
                w.put(215, 8);
            }
            w.put(35, 6);
        });
        assert_eq!(decode(&short), Err(DecodeError::Truncated));
        // 2 announced, 3 sent (the third after the name length).
        let long = frame(|w| {
            w.put(1, 1);
            w.put(2, 8);
            w.put(35, 6);
            w.put(0, 8);
            w.put(5, 3);
        });
        assert_eq!(decode(&long), Err(DecodeError::Invalid("trailing data")));
    }

    #[test]
    fn bad_names_are_invalid() {
        let invalid = Err(DecodeError::Invalid("name"));
        assert_eq!(decode(&frame(|w| name(w, &[0xFF, 0x41]))), invalid);
        assert_eq!(decode(&frame(|w| name(w, "é".as_bytes().get(..1).unwrap()))), invalid);
        assert_eq!(decode(&frame(|w| name(w, "a".repeat(41).as_bytes()))), invalid);
        assert_eq!(decode(&frame(|w| name(w, "a".repeat(40).as_bytes()))).unwrap().name, Some("a".repeat(40)));
        assert_eq!(decode(&frame(|w| name(w, "😀".repeat(31).as_bytes()))), invalid, "124 bytes");
        assert_eq!(decode(&frame(|w| name(w, b"An\nna"))), invalid);
        assert_eq!(decode(&frame(|w| name(w, b" Anna"))), invalid);
        assert_eq!(decode(&frame(|w| name(w, b"Anna "))), invalid);
        assert_eq!(decode(&frame(|w| name(w, "An\u{202E}na".as_bytes()))), invalid);
        assert_eq!(decode(&frame(|w| name(w, b"   "))), invalid);
        // A length over 120 is refused before the bytes are read.
        assert_eq!(
            decode(&frame(|w| {
                w.put(0, 1);
                w.put(121, 8);
            })),
            invalid
        );
    }

    #[test]
    fn trailing_bits_and_bytes_are_invalid() {
        let trailing = Err(DecodeError::Invalid("trailing data"));
        assert_eq!(
            decode(&frame(|w| {
                no_answers_no_name(w);
                w.put(1, 1);
            })),
            trailing
        );
        assert_eq!(
            decode(&frame(|w| {
                no_answers_no_name(w);
                w.put(0, 8);
            })),
            trailing
        );
        assert_eq!(
            decode(&frame(|w| {
                no_answers_no_name(w);
                w.put(0, 7);
            })),
            Ok(decode(&frame(no_answers_no_name)).unwrap())
        );
    }

    /// A format-3 frame: as [`frame`], with version 3, no answers, no name, then `plan` writes
    /// the plan's bits.
    fn plan_frame(plan: impl FnOnce(&mut BitWriter)) -> String {
        frame_of(3, |w| {
            no_answers_no_name(w);
            plan(w);
        })
    }

    #[test]
    fn a_plan_is_read_after_the_name() {
        for (index, area) in DIMENSION_IDS.iter().enumerate() {
            let r = decode(&plan_frame(|w| {
                w.put(index as u32, 8);
                w.put(20_794, 24);
            }))
            .unwrap();
            assert_eq!(r.plan, Some(SharedPlan { area, start_day: 20_794 }));
            assert_eq!((r.content_version, r.scores, r.name), (7, [Some(50); 8], None));
        }
        let last = decode(&plan_frame(|w| {
            w.put(7, 8);
            w.put(LATEST_START_DAY, 24);
        }));
        assert_eq!(last.map(|r| r.plan), Ok(Some(SharedPlan { area: "physical", start_day: LATEST_START_DAY })));
    }

    #[test]
    fn a_plan_with_an_unknown_area_or_a_day_past_9999_is_invalid() {
        for index in 8..=255 {
            let code = plan_frame(|w| {
                w.put(index, 8);
                w.put(1, 24);
            });
            assert_eq!(decode(&code), Err(DecodeError::Invalid("plan area")), "{index}");
        }
        for day in [LATEST_START_DAY + 1, 0xFF_FFFF] {
            let code = plan_frame(|w| {
                w.put(0, 8);
                w.put(day, 24);
            });
            assert_eq!(decode(&code), Err(DecodeError::Invalid("plan start day")), "{day}");
        }
    }

    #[test]
    fn a_format_3_frame_without_its_plan_is_truncated_and_one_with_more_is_trailing_data() {
        assert_eq!(decode(&plan_frame(|_| {})), Err(DecodeError::Truncated));
        assert_eq!(decode(&plan_frame(|w| w.put(1, 8))), Err(DecodeError::Truncated));
        assert_eq!(
            decode(&plan_frame(|w| {
                w.put(1, 8);
                w.put(1, 16);
            })),
            Err(DecodeError::Truncated)
        );
        assert_eq!(
            decode(&plan_frame(|w| {
                w.put(1, 8);
                w.put(1, 24);
                w.put(0, 8);
            })),
            Err(DecodeError::Invalid("trailing data"))
        );
        // A format-1 frame with a plan's bits after it is not a plan: trailing data.
        assert_eq!(
            decode(&frame(|w| {
                no_answers_no_name(w);
                w.put(1, 8);
                w.put(1, 24);
            })),
            Err(DecodeError::Invalid("trailing data"))
        );
    }

    #[test]
    fn a_plan_that_cannot_travel_is_left_out() {
        let base = decode(&frame(no_answers_no_name)).unwrap();
        for plan in [SharedPlan { area: "trust", start_day: 1 }, SharedPlan { area: "support", start_day: LATEST_START_DAY + 1 }] {
            let code = encode(&SharedResult { plan: Some(plan), ..base.clone() });
            assert_eq!(code, encode(&base), "{plan:?}");
        }
        assert_eq!(SharedPlan::new("trust", 1), None);
        assert_eq!(SharedPlan::new("support", LATEST_START_DAY + 1), None);
        let plan = SharedPlan::new(&String::from("support"), 5).unwrap();
        assert_eq!(plan, SharedPlan { area: "support", start_day: 5 });
        let with = base.clone().with_plan(Some(plan));
        assert_eq!(decode(&encode(&with)), Ok(with.clone()));
        assert_eq!(with.with_plan(None), base);
    }

    #[test]
    fn the_version_is_read_only_behind_a_good_checksum() {
        assert_eq!(decode(&seal(&[4])), Err(DecodeError::NewerFormat(4)));
        assert_eq!(decode(&seal(&[3])), Err(DecodeError::Truncated), "a result with a plan, too short");
        assert_eq!(decode(&seal(&[255, 1, 2, 3])), Err(DecodeError::NewerFormat(255)));
        assert_eq!(decode(&seal(&[2])), Err(DecodeError::Truncated), "a locked frame too short");
        assert_eq!(decode(&seal(&[0])), Err(DecodeError::UnknownFormat(0)));
        assert_eq!(decode(&seal(&[1])), Err(DecodeError::Truncated));
        assert_eq!(decode(&seal(&[])), Err(DecodeError::Truncated));
    }
}
