//! The app's state as plain data, the actions that change it, and the reducer.
//!
//! The state is split by concern: the check-in's data (`CheckIn`: the record and the locked links
//! opened in this visit), how it is kept (`Storage`), the notices, what belongs to the page on
//! screen (`OnPage`, forgotten all at once on leaving it), the explainer's bodies (`Bodies`) and
//! how the page is rendered (`address::Site`). The reducer says which part an action changes;
//! each part changes itself in a small function of its own.
//!
//! Nothing here touches the browser: storage and location are read and written at the edge
//! (`app::persist`, `web`) and by effects in `root.rs`.

use std::rc::Rc;
use std::sync::OnceLock;

use closer_core::plan::Plan;
use closer_core::record::{Progress, Record, RecordError, StoredComparison, StoredResult, RECORD_VERSION};
use closer_core::route::Route;
use closer_core::share::{self, SharedResult};

pub use crate::web::crypto::Refused;
pub use crate::web::calendar::CalendarError;
pub use crate::web::files::FileError;
use crate::web::qr::Qr;
use closer_core::{Answers, Dimension, Importance, Item, SafetyResponse, SCALE_COUNT};
use yew::Reducible;

use super::address::Site;
use crate::content::BANK;

/// The statements in the order they are asked (the safety screen's without a dimension),
/// computed once.
pub fn quiz_order() -> &'static [(Option<&'static Dimension>, &'static Item)] {
    static ORDER: OnceLock<Vec<(Option<&'static Dimension>, &'static Item)>> = OnceLock::new();
    ORDER.get_or_init(|| BANK.quiz_order())
}

/// `items` oldest first (by `date`), keeping the order of those of the same date. One sort of
/// (date, position) pairs serves every list the app orders by date: each `sort_by_key` call
/// site is code of its own in the wasm (about 4 KB before compression, measured with the plan's
/// lists), this is one.
pub fn by_date<T>(items: Vec<T>, date: impl Fn(&T) -> u64) -> Vec<T> {
    let order = date_order(items.iter().map(date).zip(0..).collect());
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.into_iter().filter_map(|(_, n)| slots.get_mut(n).and_then(Option::take)).collect()
}

fn date_order(mut keys: Vec<(u64, usize)>) -> Vec<(u64, usize)> {
    keys.sort_unstable();
    keys
}

/// A finished assessment: when, and what was answered.
#[derive(Debug, Clone, PartialEq)]
pub struct CompletedResult {
    /// Milliseconds since 1970, from the browser's clock.
    pub date_ms: u64,
    pub content_version: u16,
    pub answers: Answers,
    pub importance: Importance,
}

/// A re-check of one area at the end of a plan: its statements and the safety screen, answered
/// again. Kept with the results (as a stored result with its area), shown in History and in its
/// area's trend; never the latest result, never in a link.
#[derive(Debug, Clone, PartialEq)]
pub struct Recheck {
    pub date_ms: u64,
    pub content_version: u16,
    pub area: &'static str,
    pub answers: Answers,
}

/// A partner's link that was opened here.
#[derive(Debug, Clone, PartialEq)]
pub struct ReceivedLink {
    pub received_ms: u64,
    pub code: String,
    /// The link of our own result it was compared with, if any.
    pub own_code: Option<String>,
}

/// Whether what happens here is being kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Keeping {
    /// Saved to localStorage on every change.
    #[default]
    Saved,
    /// Storage is blocked or unavailable: everything lives in memory until the tab closes.
    Unavailable,
    /// Storage refused to take more: changes from now on live in memory only.
    Full,
    /// A newer version of Closer saved its record here (at start, or from another tab): it is
    /// never overwritten or merged, and everything here lives in memory.
    Newer,
}

impl Keeping {
    /// How things are kept once everything stored was deleted (here or in another tab): a newer
    /// version's record went with it, so storage may be used again; anything else stays.
    pub fn after_deletion(self) -> Keeping {
        if self == Keeping::Newer { Keeping::Saved } else { self }
    }
}

/// Something the person should be told once, at the top of the page.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// Stored data could not be read, for this reason; it was kept as a backup that can be downloaded.
    BackupKept(RecordError),
    /// The check-in changed since the answers were given; this many answers were dropped.
    AnswersDropped(usize),
    /// Data was imported from a file.
    Imported,
    /// Everything was deleted.
    Deleted,
    /// A new version of Closer is ready and waits for a reload.
    UpdateWaiting,
}

/// What went wrong with the last thing asked of the page on screen, said there
/// (`pages::data::error_text` chooses its words).
#[derive(Debug, Clone, PartialEq)]
pub enum PageError {
    /// A file chosen for import could not be read as text.
    ImportFile(FileError),
    /// A file chosen for import is not a record this Closer can read.
    ImportRecord(RecordError),
    /// Deleting everything failed: storage refused.
    DeleteFailed,
}

/// A question on screen waiting for yes or no. Part of the state (not of a page) so that pages
/// stay functions of the state; never stored, and forgotten on leaving the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Confirming {
    #[default]
    Nothing,
    /// Delete the result of this date (history)?
    DeleteResult { date_ms: u64 },
    /// Delete everything (your data)?
    DeleteEverything,
}

/// What the person last closed on the page, which tells where the keyboard's focus goes next, so
/// that it is not lost with the buttons or the form that closed: a question before deleting
/// (back to the button that asked, or after a deletion the page's heading), a notice (the next
/// notice's dismiss button, else the heading), the passphrase form (the locked link once made;
/// the page's heading once a link is opened). Never stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Closed {
    #[default]
    Nothing,
    /// A question closed with nothing deleted (kept, or the deletion failed): the button that asked.
    Kept(Confirming),
    /// Deleted: the page's heading (what the question was about is gone).
    Deleted,
    /// A notice dismissed.
    Dismissed,
    /// The partner link locked: its field.
    Locked,
    /// A locked link opened: the page's heading (what it holds is on screen now).
    Unlocked,
}

/// Where the keyboard's focus belongs as the state changes; `App` moves it there each time this
/// changes (a new page's heading is the route's own effect).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FocusOn {
    /// Wherever the person or the page's heading put it.
    Unchanged,
    /// The check-in's statement at this position: its chosen answer, else its first option.
    Statement(usize),
    /// The safe answer ("Keep it", "Cancel") of the question on screen.
    Question(Confirming),
    /// Where the last thing closed leaves it, with how many things were closed so far (so that
    /// closing the same kind of thing again is a change too).
    After(Closed, u8),
}

/// The partner-link form under a result: the name to show, whether the link was just copied,
/// whether it is to be locked (with the passphrase in [`OnPage::passphrase`]) and the locked link
/// made for this name and passphrase, and its QR code if shown. Forgotten on leaving the page,
/// like a form.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct InviteForm {
    pub name: String,
    pub copied: Copied,
    pub lock: bool,
    /// The locked code for the name and passphrase on screen; made again when either changes.
    pub locked: Option<String>,
    /// The QR code last drawn (for the link it names), or `None` inside when it could not be.
    pub qr: Option<Option<Qr>>,
}

/// A passphrase field on screen (opening a locked link, or locking a link): what is typed,
/// whether it shows, whether a key is being derived, and what became of the last try. Only ever
/// in memory, never stored, and forgotten on leaving the page, except that the one that opened a
/// locked link is offered again for the link back ([`Opened`]).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PassphraseForm {
    pub text: String,
    pub shown: bool,
    pub busy: bool,
    pub refused: Option<Refused>,
}

/// A locked link opened in this visit: what it holds, and the passphrase that opened it, in
/// memory only. What is stored is the link as it came, so the next visit asks again.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    pub code: String,
    pub result: SharedResult,
    pub passphrase: String,
}

/// What became of the last "copy link".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Copied {
    #[default]
    Not,
    Yes,
    /// The clipboard could not be used: the link is selected for copying by hand.
    Selected,
}

impl CompletedResult {
    /// This result as a partner link carries it: scores and ratings, never an answer.
    pub fn shared(&self, name: Option<&str>) -> SharedResult {
        SharedResult::from_answers(&BANK, &self.answers, &self.importance, name)
    }

    /// What this result's safety screen calls for.
    pub fn safety(&self) -> SafetyResponse {
        BANK.safety_response(&self.answers)
    }
}

/// The check-in's data: the record (what is kept in storage and in an export file) and what
/// comes from it in this visit (the locked links opened, never stored).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CheckIn {
    /// Answers in progress, by statement id.
    pub answers: Answers,
    /// Importance ratings in progress, by dimension id.
    pub importance: Importance,
    /// Index in [`quiz_order`] of the statement on screen.
    pub position: usize,
    /// Completed results, oldest first.
    pub results: Vec<CompletedResult>,
    /// Partner links received.
    pub links: Vec<ReceivedLink>,
    /// When a link to this person's own result was last copied or shared.
    pub shared_ms: Option<u64>,
    /// The language the person chose with the switch ("en", "es"), kept with the record; `None`
    /// lets the browser's languages decide.
    pub language: Option<String>,
    /// Locked links opened in this visit (in memory only).
    pub opened: Vec<Opened>,
    /// The two-week plan being followed, if any.
    pub plan: Option<Plan>,
    /// Re-checks of one area, oldest first.
    pub rechecks: Vec<Recheck>,
}

/// Whether and how this browser keeps the record.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Storage {
    pub keeping: Keeping,
    /// How many copies of stored text that could not be read are kept (newest first).
    pub backups: usize,
    /// Whether the browser keeps this site's storage until the person deletes it (`None` until
    /// it has said; see `web::persistence`).
    pub persistent: Option<bool>,
}

/// What belongs to the page on screen: its question, what was last closed on it, its error and
/// its forms. Forgotten all at once when the page is left (`OnPage::default()`), so that nothing
/// asked or typed on one page reaches the next: a new field here is forgotten with the others.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OnPage {
    /// A question on screen waiting for yes or no.
    pub confirming: Confirming,
    /// What the person last closed on this page (where the focus goes).
    pub closed: Closed,
    /// How many things were closed on this page (wrapping): each closing is a change of
    /// `focus_on`.
    pub closings: u8,
    /// What went wrong with the last thing asked of the page (an import, a deletion).
    pub error: Option<PageError>,
    /// The partner-link form (results, comparison).
    pub invite: InviteForm,
    /// The passphrase field (locking a link, opening a locked one).
    pub passphrase: PassphraseForm,
    /// The explainer page on screen whose body could not be loaded.
    pub body_failed: Option<&'static str>,
    /// The plan's page: its forms and what became of them.
    pub plan: PlanForm,
}

/// What the plan's pages hold while they are on screen: the area picked in the offer, the day
/// picked on the two weeks' strip, the reminders' time, the re-check's answers, and what became
/// of the calendar file and of loading the practices.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlanForm {
    /// The area picked in the offer (else the suggested one).
    pub area: Option<&'static str>,
    /// The day (1–14) picked on the strip (else today).
    pub day: Option<u8>,
    /// The reminders' time as the time field gives it ("19:30"); empty for the default.
    pub time: String,
    /// The re-check's answers so far.
    pub answers: Answers,
    /// What became of the last calendar file asked for.
    pub calendar: Option<Result<(), CalendarError>>,
    /// The practices could not be loaded.
    pub texts_failed: bool,
    /// The offer was put aside ("Not now") while on this page.
    pub not_now: bool,
    /// The plan was ended to choose another area (no "ended" note, the offer at once).
    pub changing: bool,
}

/// The explainer pages' bodies fetched in this visit: each is fetched once per visit, and kept
/// even when the person's data is deleted (they are this site's, not the person's).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Bodies {
    /// By file (each language's body has its own). Only the exact markup made at build time
    /// gets here (its checksum is checked on arrival).
    pub fetched: Vec<(&'static str, &'static str)>,
    /// Counts "try again", so that asking again fetches again.
    pub attempt: u32,
    /// The plans' practices and words in the language shown, once fetched.
    pub plans: Option<PlansTaken>,
}

/// The plans of the language shown, taken in once per visit (`content::take_plans`): one value
/// for the whole visit, so two are equal when they are the same.
#[derive(Clone, Copy)]
pub struct PlansTaken(pub &'static crate::content::Plans);

impl PartialEq for PlansTaken {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl std::fmt::Debug for PlansTaken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PlansTaken")
    }
}

impl Bodies {
    /// The body in `file` (a page's body in one language), if it has been fetched.
    pub fn get(&self, file: &str) -> Option<&'static str> {
        self.fetched.iter().find(|(f, _)| *f == file).map(|(_, html)| *html)
    }
}

/// The app's state: the route on screen and one part per concern. Each part is changed by the
/// reducer's function for it (`State::reduce_mut` only says which).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct State {
    pub route: Route,
    /// The route on screen came from the address bar (a link, back, typing), so it must not be
    /// written back: by then the address may already have moved on.
    pub route_from_address: bool,
    pub check_in: CheckIn,
    pub storage: Storage,
    /// Messages at the top of every page, until dismissed.
    pub notices: Vec<Notice>,
    pub page: OnPage,
    pub bodies: Bodies,
    /// How the page is rendered (embed, static page), which decides how links are written.
    pub site: Site,
}

pub enum Action {
    /// The address changed (a link, the back button, or typing), at this time.
    Navigate { route: Route, at_ms: u64 },
    /// Forget the answers in progress and go to the first statement.
    StartOver,
    /// Go on with the quiz where it was left.
    Continue,
    /// Answer a statement (0–4, or 5 "does not apply" where offered) and, if it is the one on
    /// screen, optionally move on.
    Answer { item: &'static str, value: u8, advance: bool },
    /// Move to the next statement, answered or not; after the last, to the review.
    Next,
    Back,
    /// Jump to a statement from the review.
    GoTo(usize),
    /// Rate how much a dimension matters (0–4).
    Rate { dimension: &'static str, value: u8 },
    /// Keep the answers as a completed result and show it.
    Finish { date_ms: u64 },
    /// Another tab wrote this record: take it in without losing anything here.
    Merge(Record),
    /// An imported file replaces everything.
    Replace(Record),
    /// In the partner-link form: the name to show.
    InviteName(String),
    /// What became of copying the link.
    InviteCopied(Copied),
    /// An explainer page's body arrived (and is the one made at build time).
    BodyLoaded { file: &'static str, html: &'static str },
    /// An explainer page's body could not be had.
    BodyFailed(&'static str),
    /// Try loading the body of the page on screen again.
    RetryBody,
    /// Ask a question (or, with `Nothing`, take the answer "no").
    Confirm(Confirming),
    /// Something asked of the page on screen failed: say so there (any question is closed).
    PageError(PageError),
    /// Delete one completed result.
    DeleteResult { date_ms: u64 },
    /// Delete everything (the stored record is removed by the caller).
    DeleteEverything,
    /// Another tab deleted everything: forget it here too, staying on this page.
    DeletedElsewhere,
    /// Storage stopped working: keep going in memory.
    StorageLost(Keeping),
    /// The browser said whether it keeps this site's storage until it is deleted.
    Persistent(bool),
    /// Dismiss the notice at this index.
    Dismiss(usize),
    /// A link to our own result was copied or shared.
    Shared { date_ms: u64 },
    /// A new version of Closer is ready: offer to reload (once).
    UpdateWaiting,
    /// In a passphrase field: what is typed.
    Passphrase(String),
    /// Show or hide the passphrase.
    ShowPassphrase(bool),
    /// A key is being derived from the passphrase on screen.
    Busy,
    /// The locked link `code` was tried with `passphrase`: what it holds, or why not.
    Unlocked { code: String, passphrase: String, result: Result<SharedResult, Refused> },
    /// In the partner-link form: lock the link, or not.
    Lock(bool),
    /// A locked link was made for this name and passphrase, or why not.
    Locked { name: String, passphrase: String, code: Result<String, Refused> },
    /// A QR code was drawn (or could not be).
    QrDrawn(Option<Qr>),
    /// Start a two-week plan for `area` on day `start_day` (today, or the day a partner's plan
    /// started), alone or `together`; then show it.
    ChoosePlan { area: &'static str, start_day: u32, together: bool },
    /// In the offer: the area picked.
    PickArea(&'static str),
    /// Put the offer aside while on this page.
    PlanNotNow,
    /// End the plan (nothing of it is kept).
    EndPlan,
    /// End the plan to choose another area at once.
    ChangePlan,
    /// On the plan's strip: the day picked.
    PickDay(u8),
    /// Tick (or untick) a practice as done on a day (1–14).
    Tick { day: u8, practice: u8 },
    /// The reminders' time, as typed.
    ReminderTime(String),
    /// What became of the calendar file.
    CalendarMade(Result<(), CalendarError>),
    /// The plans' practices arrived (and are the ones made at build time).
    PlanTextsLoaded(&'static crate::content::Plans),
    /// The plans' practices could not be had.
    PlanTextsFailed,
    /// Try loading the practices again.
    RetryPlanTexts,
    /// A re-check answer (0–4, or 5 where "does not apply" is offered).
    RecheckAnswer { item: &'static str, value: u8 },
    /// Keep the re-check's answers, at this time; then show the plan's before and after.
    FinishRecheck { date_ms: u64 },
    /// Two more weeks on the same area from `today`.
    KeepGoing { today: u32 },
}

impl CheckIn {
    pub fn answered(&self) -> usize {
        quiz_order().iter().filter(|(_, item)| self.answers.contains_key(item.id)).count()
    }

    /// Positions of statements without an answer.
    pub fn skipped(&self) -> Vec<usize> {
        quiz_order().iter().enumerate().filter(|(_, (_, item))| !self.answers.contains_key(item.id)).map(|(n, _)| n).collect()
    }

    pub fn in_progress(&self) -> bool {
        !self.answers.is_empty() || !self.importance.is_empty()
    }

    pub fn latest(&self) -> Option<&CompletedResult> {
        self.results.last()
    }

    /// The result before the latest one, to show the change since last time.
    pub fn previous(&self) -> Option<&CompletedResult> {
        self.results.len().checked_sub(2).and_then(|n| self.results.get(n))
    }

    /// Whether the comparison with a received link may be shown: this person has finished a
    /// check-in since the link arrived, or is the one who sent theirs first (blind reveal).
    pub fn may_reveal(&self, link: &ReceivedLink) -> bool {
        link.own_code.is_some()
            || self.latest().is_some_and(|r| r.date_ms >= link.received_ms || self.shared_ms.is_some_and(|s| s <= link.received_ms))
    }

    /// The result a received link was compared with (the one its pinned code was made from),
    /// or else the latest.
    pub fn compared_result(&self, link: Option<&ReceivedLink>) -> Option<&CompletedResult> {
        let pinned = link.and_then(|l| l.own_code.as_deref());
        pinned
            .and_then(|code| self.results.iter().rev().find(|r| share::encode(&r.shared(None)) == code))
            .or_else(|| self.latest())
    }

    /// The locked link `code`, if it was opened in this visit.
    pub fn opened(&self, code: &str) -> Option<&Opened> {
        self.opened.iter().find(|o| o.code == code)
    }

    /// Takes the statements' answers in progress as a completed result at `date_ms`, and answers
    /// with it the partner's link that waits for one, if any: the route to show then.
    fn finish(&mut self, date_ms: u64) -> Option<Route> {
        if self.answers.is_empty() {
            return None;
        }
        let result = CompletedResult {
            date_ms,
            content_version: BANK.content_version,
            answers: std::mem::take(&mut self.answers),
            importance: std::mem::take(&mut self.importance),
        };
        self.position = 0;
        let mut route = Route::Results;
        // A partner's link waiting for this result: compare with it now.
        if let Some(link) = self.links.iter_mut().rev().find(|l| l.own_code.is_none()) {
            link.own_code = Some(share::encode(&result.shared(None)));
            route = Route::Compare(link.code.clone());
        }
        self.results.push(result);
        Some(route)
    }

    /// An answer to statement `item_id`; if it is the one on screen and `advance`, the next
    /// statement. The answer belongs to the statement it was given for, even if a late event
    /// arrives after the check-in has moved on. The route to show, if it changes.
    fn answer(&mut self, item_id: &str, value: u8, advance: bool) -> Option<Route> {
        let (position, (_, item)) = quiz_order().iter().enumerate().find(|(_, (_, item))| item.id == item_id)?;
        if !item.accepts(value) {
            return None;
        }
        self.answers.insert(item_id.to_string(), value);
        (advance && position == self.position).then(|| self.next()).flatten()
    }

    /// The next statement, answered or not; after the last, the review (the route then).
    fn next(&mut self) -> Option<Route> {
        let total = quiz_order().len();
        if self.position + 1 >= total {
            self.position = total;
            Some(Route::Review)
        } else {
            self.position += 1;
            None
        }
    }

    /// A rating of how much a dimension matters (0–4).
    fn rate(&mut self, dimension: &str, value: u8) {
        if value < SCALE_COUNT && BANK.dimension(dimension).is_some() {
            self.importance.insert(dimension.to_string(), value);
        }
    }

    /// A locked link `code` was opened with `passphrase` in this visit.
    fn open(&mut self, code: String, result: SharedResult, passphrase: String) {
        if self.opened(&code).is_none() {
            self.opened.push(Opened { code, result, passphrase });
        }
    }

    /// Arriving at a partner's link `code` at `at_ms`: a link that can be read is kept (once,
    /// with when it was first opened), so the comparison is there next time.
    fn arrive_at_link(&mut self, code: &str, at_ms: u64) {
        if share::read(code).is_ok() && !self.links.iter().any(|l| l.code == code) {
            self.links.push(ReceivedLink { received_ms: at_ms, code: code.to_string(), own_code: None });
        }
        self.pin_link(code);
    }

    /// Once the comparison with link `code` may be shown, it stays with the result it was first
    /// shown with, so a later check-in does not change it (or get taken for the answer to it).
    fn pin_link(&mut self, code: &str) {
        let waiting = |l: &ReceivedLink| l.code == code && l.own_code.is_none();
        let Some(link) = self.links.iter().find(|l| waiting(l)) else { return };
        if !self.may_reveal(link) {
            return;
        }
        let Some(own_code) = self.latest().map(|latest| share::encode(&latest.shared(None))) else { return };
        if let Some(link) = self.links.iter_mut().find(|l| waiting(l)) {
            link.own_code = Some(own_code);
        }
    }

    /// The check-in as a stored record says it, adapted to this content version beforehand.
    fn from_record(record: Record) -> CheckIn {
        let progress = record.progress.unwrap_or_default();
        // A stored result with an area is a re-check of that area (one this content knows).
        let (rechecks, results): (Vec<StoredResult>, Vec<StoredResult>) = record.results.into_iter().partition(|r| r.area.is_some());
        let results: Vec<CompletedResult> = results
            .into_iter()
            .map(|r| CompletedResult { date_ms: r.date_ms, content_version: r.content_version, answers: r.answers, importance: r.importance })
            .collect();
        let results = by_date(results, |r| r.date_ms);
        let rechecks: Vec<Recheck> = rechecks
            .into_iter()
            .filter_map(|r| {
                let area = BANK.dimension(r.area.as_deref()?)?.id;
                Some(Recheck { date_ms: r.date_ms, content_version: r.content_version, area, answers: r.answers })
            })
            .collect();
        let rechecks = by_date(rechecks, |r| r.date_ms);
        CheckIn {
            answers: progress.answers,
            importance: progress.importance,
            position: progress.position.min(quiz_order().len()),
            results,
            links: record
                .comparisons
                .into_iter()
                .map(|c| ReceivedLink { received_ms: c.received_ms, code: c.code, own_code: c.own_code })
                .collect(),
            shared_ms: record.shared_ms,
            language: record.language,
            opened: Vec::new(),
            plan: record.plan,
            rechecks,
        }
    }

    /// Takes in a record (another tab's, merged; an import, whole), keeping the links opened in
    /// this visit.
    fn take(&mut self, record: Record) {
        let opened = std::mem::take(&mut self.opened);
        *self = CheckIn { opened, ..CheckIn::from_record(record) };
    }

    /// What is kept: everything but the links opened in this visit.
    pub fn to_record(&self) -> Record {
        Record {
            version: RECORD_VERSION,
            progress: self.in_progress().then(|| Progress {
                content_version: BANK.content_version,
                answers: self.answers.clone(),
                importance: self.importance.clone(),
                position: self.position,
            }),
            results: self
                .results
                .iter()
                .map(|r| StoredResult { date_ms: r.date_ms, content_version: r.content_version, answers: r.answers.clone(), importance: r.importance.clone(), area: None })
                .chain(self.rechecks.iter().map(|r| StoredResult {
                    date_ms: r.date_ms,
                    content_version: r.content_version,
                    answers: r.answers.clone(),
                    importance: Importance::new(),
                    area: Some(r.area.to_string()),
                }))
                .collect(),
            comparisons: self
                .links
                .iter()
                .map(|l| StoredComparison { received_ms: l.received_ms, code: l.code.clone(), own_code: l.own_code.clone() })
                .collect(),
            shared_ms: self.shared_ms,
            language: self.language.clone(),
            plan: self.plan.clone(),
        }
    }
}

impl OnPage {
    /// A question asked (or, with `Nothing`, answered "no": what it asked about is kept).
    fn confirm(&mut self, question: Confirming) {
        if question == Confirming::Nothing {
            self.close(Closed::Kept(self.confirming));
        }
        self.confirming = question;
    }

    /// Something asked of the page failed: said there, and any question is closed.
    fn failed(&mut self, error: PageError) {
        self.error = Some(error);
        if self.confirming != Confirming::Nothing {
            self.close(Closed::Kept(self.confirming));
        }
        self.confirming = Confirming::Nothing;
    }

    /// Records what the person just closed (`State::focus_on`).
    fn close(&mut self, what: Closed) {
        self.closed = what;
        self.closings = self.closings.wrapping_add(1);
    }

    /// The partner-link form's name: a new name needs a new link (and its own QR code).
    fn invite_name(&mut self, name: String) {
        self.invite = InviteForm { name, lock: self.invite.lock, ..InviteForm::default() };
    }

    /// What is typed as a passphrase: a new passphrase needs a new locked link (and QR code).
    fn passphrase(&mut self, text: String) {
        self.passphrase = PassphraseForm { text, shown: self.passphrase.shown, ..PassphraseForm::default() };
        self.invite = InviteForm { name: std::mem::take(&mut self.invite.name), lock: self.invite.lock, ..InviteForm::default() };
    }

    /// Lock the partner link, or not: a new link either way.
    fn lock(&mut self, lock: bool) {
        self.invite = InviteForm { name: std::mem::take(&mut self.invite.name), lock, ..InviteForm::default() };
        self.passphrase.refused = None;
    }

    /// A key is being derived from the passphrase on screen.
    fn busy(&mut self) {
        self.passphrase.busy = true;
        self.passphrase.refused = None;
    }

    /// A locked link was made for `name` and `passphrase`, or why not: kept only for what is
    /// still on screen (a name or passphrase typed since needs another).
    fn locked(&mut self, name: &str, passphrase: &str, code: Result<String, Refused>) {
        self.passphrase.busy = false;
        match code {
            Ok(code) if name == self.invite.name && passphrase == self.passphrase.text => {
                self.invite.locked = Some(code);
                self.close(Closed::Locked);
            }
            Ok(_) => {}
            Err(refused) => self.passphrase.refused = Some(refused),
        }
    }

    /// The locked link on screen was tried: opened (the form is gone; the link back is locked
    /// by default, with the passphrase still typed), or refused.
    fn unlocked(&mut self, refused: Option<Refused>) {
        match refused {
            None => {
                self.invite.lock = true;
                self.close(Closed::Unlocked);
            }
            Some(refused) => self.passphrase.refused = Some(refused),
        }
        self.passphrase.busy = false;
    }
}

impl Bodies {
    /// A body arrived (and is the one made at build time).
    fn loaded(&mut self, file: &'static str, html: &'static str) {
        if self.get(file).is_none() {
            self.fetched.push((file, html));
        }
    }
}

impl Storage {
    /// How things are kept once everything stored was deleted, here or in another tab.
    fn after_deletion(&self) -> Storage {
        Storage { keeping: self.keeping.after_deletion(), backups: 0, persistent: self.persistent }
    }
}

impl State {
    /// The locked link on screen, if it was opened in this visit.
    pub fn opened_on_screen(&self) -> Option<&Opened> {
        let Route::Compare(code) = &self.route else { return None };
        self.check_in.opened(code)
    }

    /// Changes the state by `action`: each concern's part by its own function; then, if the
    /// route changed, the page's part is forgotten.
    pub fn reduce_mut(&mut self, action: Action) {
        let route_before = self.route.clone();
        let from_address = matches!(action, Action::Navigate { .. });
        let go = |state: &mut State, route: Option<Route>| {
            if let Some(route) = route {
                state.route = route;
            }
        };
        match action {
            Action::Navigate { route, at_ms } => {
                self.route = route;
                self.route_from_address = true;
                self.arrive(at_ms);
            }
            // The check-in.
            Action::StartOver => {
                self.check_in.answers.clear();
                self.check_in.importance.clear();
                self.check_in.position = 0;
                self.route = Route::Quiz;
            }
            Action::Continue => {
                let total = quiz_order().len();
                self.check_in.position = self.check_in.skipped().first().copied().unwrap_or(total);
                self.route = if self.check_in.position < total { Route::Quiz } else { Route::Review };
            }
            Action::Answer { item, value, advance } => {
                let route = self.check_in.answer(item, value, advance);
                go(self, route);
            }
            Action::Next => {
                let route = self.check_in.next();
                go(self, route);
            }
            Action::Back => {
                if self.route == Route::Review {
                    self.check_in.position = quiz_order().len().saturating_sub(1);
                    self.route = Route::Quiz;
                } else {
                    self.check_in.position = self.check_in.position.saturating_sub(1);
                }
            }
            Action::GoTo(position) => {
                self.check_in.position = position.min(quiz_order().len().saturating_sub(1));
                self.route = Route::Quiz;
            }
            Action::Rate { dimension, value } => self.check_in.rate(dimension, value),
            Action::Finish { date_ms } => {
                let route = self.check_in.finish(date_ms);
                go(self, route);
            }
            Action::Shared { date_ms } => self.check_in.shared_ms = Some(date_ms),
            // What is kept, and storage.
            Action::Merge(record) => {
                let mut mine = self.check_in.to_record();
                mine.merge_from(record);
                self.check_in.take(mine);
            }
            Action::Replace(record) => {
                self.check_in.take(record);
                self.page.error = None;
                self.notices = vec![Notice::Imported];
            }
            Action::DeleteResult { date_ms } => {
                self.check_in.results.retain(|r| r.date_ms != date_ms);
                self.page.close(Closed::Deleted);
                self.page.confirming = Confirming::Nothing;
            }
            Action::DeleteEverything => {
                // What was fetched from this site (the explainer bodies) is not the person's data: kept.
                let page = OnPage { closed: Closed::Deleted, ..OnPage::default() };
                *self = State {
                    route: Route::Data,
                    storage: self.storage.after_deletion(),
                    notices: vec![Notice::Deleted],
                    page,
                    bodies: std::mem::take(&mut self.bodies),
                    site: self.site,
                    ..State::default()
                };
            }
            Action::DeletedElsewhere => {
                *self = State {
                    route: self.route.clone(),
                    storage: self.storage.after_deletion(),
                    bodies: std::mem::take(&mut self.bodies),
                    site: self.site,
                    ..State::default()
                };
            }
            Action::StorageLost(keeping) => self.storage.keeping = keeping,
            Action::Persistent(kept) => self.storage.persistent = Some(kept),
            // Notices.
            Action::Dismiss(index) => {
                if index < self.notices.len() {
                    self.notices.remove(index);
                    self.page.close(Closed::Dismissed);
                }
            }
            Action::UpdateWaiting => {
                if !self.notices.contains(&Notice::UpdateWaiting) {
                    self.notices.push(Notice::UpdateWaiting);
                }
            }
            // The page on screen: its question, its error, its forms.
            Action::Confirm(question) => self.page.confirm(question),
            Action::PageError(error) => self.page.failed(error),
            Action::InviteName(name) => self.page.invite_name(name),
            Action::InviteCopied(copied) => self.page.invite.copied = copied,
            Action::QrDrawn(qr) => self.page.invite.qr = Some(qr),
            Action::Passphrase(text) => self.page.passphrase(text),
            Action::ShowPassphrase(shown) => self.page.passphrase.shown = shown,
            Action::Busy => self.page.busy(),
            Action::Lock(lock) => self.page.lock(lock),
            Action::Locked { name, passphrase, code } => self.page.locked(&name, &passphrase, code),
            Action::Unlocked { code, passphrase, result } => {
                // The page may have moved on while the key was derived: its form is not this one.
                let on_screen = self.route == Route::Compare(code.clone());
                let refused = result.as_ref().err().copied();
                if let Ok(result) = result {
                    self.check_in.open(code, result, passphrase);
                }
                if on_screen {
                    self.page.unlocked(refused);
                }
            }
            // The explainer's bodies.
            Action::BodyLoaded { file, html } => {
                self.bodies.loaded(file, html);
                if self.page.body_failed == Some(file) {
                    self.page.body_failed = None;
                }
            }
            Action::BodyFailed(file) => self.page.body_failed = Some(file),
            Action::RetryBody => {
                self.page.body_failed = None;
                self.bodies.attempt += 1;
            }
            // The plan.
            Action::ChoosePlan { area, start_day, together } => {
                if self.check_in.choose_plan(area, start_day, together) {
                    self.route = Route::Plan;
                    // The offer that had the focus is gone: the page's heading takes it (on
                    // another page, the new route's own effect does).
                    self.page.close(Closed::Deleted);
                }
            }
            Action::PickArea(area) => self.page.plan.area = Some(area),
            Action::PlanNotNow => {
                self.page.plan.not_now = true;
                self.page.close(Closed::Deleted);
            }
            Action::EndPlan | Action::ChangePlan => {
                self.check_in.plan = None;
                self.page.plan = PlanForm { changing: matches!(action, Action::ChangePlan), ..PlanForm::default() };
                self.page.close(Closed::Deleted);
            }
            Action::PickDay(day) => self.page.plan.day = Some(day),
            Action::Tick { day, practice } => {
                if let Some(plan) = &mut self.check_in.plan {
                    plan.toggle(day, practice);
                }
            }
            Action::ReminderTime(time) => {
                self.page.plan.time = time;
                self.page.plan.calendar = None;
            }
            Action::CalendarMade(made) => self.page.plan.calendar = Some(made),
            Action::PlanTextsLoaded(texts) => {
                self.bodies.plans = Some(PlansTaken(texts));
                self.page.plan.texts_failed = false;
                // The page that waited for them is drawn anew: its heading keeps the focus.
                if matches!(self.route, Route::Plan | Route::Recheck) {
                    self.page.close(Closed::Deleted);
                }
            }
            Action::PlanTextsFailed => self.page.plan.texts_failed = true,
            Action::RetryPlanTexts => {
                self.page.plan.texts_failed = false;
                self.bodies.attempt += 1;
            }
            Action::RecheckAnswer { item, value } => {
                let asked = self.check_in.plan.as_ref().is_some_and(|p| super::plan::recheck_items(&p.area).iter().any(|i| i.id == item && i.accepts(value)));
                if asked {
                    self.page.plan.answers.insert(item.to_string(), value);
                }
            }
            Action::FinishRecheck { date_ms } => {
                let answers = std::mem::take(&mut self.page.plan.answers);
                if self.check_in.finish_recheck(answers, date_ms) {
                    self.route = Route::Plan;
                }
            }
            Action::KeepGoing { today } => {
                self.check_in.keep_going(today);
                self.page.close(Closed::Deleted);
            }
        }
        // What belongs to a page is forgotten on leaving it, all at once.
        if self.route != route_before {
            self.route_from_address = from_address;
            self.page = OnPage::default();
            // The link back to a locked link is locked by default, with the same passphrase.
            if let Some(opened) = self.opened_on_screen() {
                self.page.passphrase.text = opened.passphrase.clone();
                self.page.invite.lock = true;
            }
        }
        if let Route::Compare(code) = &self.route {
            self.check_in.pin_link(code);
        }
    }

    /// Arriving at the route on screen at `at_ms`: a partner's link that can be read is kept
    /// (once, with when it was first opened), so the comparison is there next time.
    pub fn arrive(&mut self, at_ms: u64) {
        if let Route::Compare(code) = &self.route {
            self.check_in.arrive_at_link(code, at_ms);
        }
    }

    /// The state a page is prerendered with at build time for `route`: nothing stored, nothing
    /// from the address (its route is the page's: it is never written back to the address).
    pub fn prerendered(route: Route) -> State {
        State { route, route_from_address: true, ..State::default() }
    }

    /// The state at start: what was stored, adapted to this content version.
    pub fn from_record(route: Route, mut record: Record, keeping: Keeping, mut notices: Vec<Notice>) -> State {
        let dropped = record.adapt_to(&BANK);
        if dropped > 0 {
            notices.push(Notice::AnswersDropped(dropped));
        }
        State { route, check_in: CheckIn::from_record(record), storage: Storage { keeping, ..Storage::default() }, notices, ..State::default() }
    }

    /// Where the keyboard's focus belongs: on the check-in, its statement; elsewhere, an open
    /// question's safe answer, or where what was last closed left it.
    pub fn focus_on(&self) -> FocusOn {
        match (&self.route, self.page.confirming, self.page.closed) {
            (Route::Quiz, _, _) => FocusOn::Statement(self.check_in.position),
            (_, Confirming::Nothing, Closed::Nothing) => FocusOn::Unchanged,
            (_, Confirming::Nothing, closed) => FocusOn::After(closed, self.page.closings),
            (_, question, _) => FocusOn::Question(question),
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.reduce_mut(action);
        Rc::new(next)
    }
}


#[cfg(test)]
mod tests {
    //! The reducer's rules, natively (`cargo test -p closer --lib`): no browser is involved.
    use super::*;

    /// A new app state, with this build's words loaded as the app loads them at start.
    fn fresh() -> State {
        crate::content::load_for_tests();
        State::default()
    }

    fn finished(date_ms: u64, value: u8) -> CompletedResult {
        crate::content::load_for_tests();
        let mut answers = Answers::new();
        answers.extend(quiz_order().iter().map(|(_, item)| (item.id.to_string(), value)));
        CompletedResult { date_ms, content_version: BANK.content_version, answers, importance: Importance::new() }
    }

    /// A partner's link, as their Closer would make it.
    fn partner_code(value: u8) -> String {
        share::encode(&finished(1, value).shared(Some("Sam")))
    }

    fn go(state: &mut State, route: Route, at_ms: u64) {
        state.reduce_mut(Action::Navigate { route, at_ms });
    }

    #[test]
    fn only_a_route_chosen_by_an_action_is_written_to_the_address() {
        let mut state = fresh();
        go(&mut state, Route::Learn, 100);
        assert!(state.route_from_address, "the address already shows it, or has moved on since");
        state.reduce_mut(Action::StartOver);
        assert_eq!(state.route, Route::Quiz);
        assert!(!state.route_from_address, "the quiz was chosen by a button: the address must follow");
        go(&mut state, Route::Home, 200);
        assert!(state.route_from_address);
    }

    #[test]
    fn a_readable_partner_link_is_kept_once_with_when_it_was_first_opened() {
        let mut state = fresh();
        let code = partner_code(2);
        go(&mut state, Route::Compare(code.clone()), 100);
        go(&mut state, Route::Home, 150);
        go(&mut state, Route::Compare(code.clone()), 200);
        assert_eq!(state.check_in.links, vec![ReceivedLink { received_ms: 100, code, own_code: None }]);

        go(&mut state, Route::Compare("not-a-link".into()), 300);
        assert_eq!(state.check_in.links.len(), 1, "an unreadable link is not kept");
    }

    #[test]
    fn the_comparison_waits_for_a_check_in_then_stays_with_the_first_result_it_was_shown_with() {
        let mut state = fresh();
        let code = partner_code(1);
        go(&mut state, Route::Compare(code.clone()), 100);
        assert!(!state.check_in.may_reveal(&state.check_in.links[0]), "blind until this person has a result");

        // Finishing a check-in answers the link.
        state.check_in.answers = finished(0, 3).answers;
        state.reduce_mut(Action::Finish { date_ms: 200 });
        let pinned = state.check_in.links[0].own_code.clone().expect("the link now compares with this result");
        assert_eq!(pinned, share::encode(&state.check_in.latest().unwrap().shared(None)));

        // A later check-in does not change what the link compares with.
        state.check_in.answers = finished(0, 0).answers;
        state.reduce_mut(Action::Finish { date_ms: 300 });
        go(&mut state, Route::Compare(code), 400);
        assert_eq!(state.check_in.links[0].own_code.as_ref(), Some(&pinned));
    }

    #[test]
    fn someone_who_shared_first_sees_the_reply_at_once_pinned_to_their_latest_result() {
        let mut state = State { check_in: CheckIn { results: vec![finished(50, 4)], shared_ms: Some(60), ..CheckIn::default() }, ..fresh() };
        go(&mut state, Route::Compare(partner_code(2)), 100);
        assert_eq!(state.check_in.links[0].own_code, Some(share::encode(&finished(50, 4).shared(None))));
    }

    #[test]
    fn questions_errors_and_the_link_form_are_forgotten_on_leaving_the_page() {
        let mut state = State { check_in: CheckIn { results: vec![finished(50, 4)], ..CheckIn::default() }, route: Route::History, ..fresh() };
        state.reduce_mut(Action::PageError(PageError::ImportRecord(RecordError::NotJson)));
        state.reduce_mut(Action::Confirm(Confirming::DeleteResult { date_ms: 50 }));
        state.reduce_mut(Action::InviteName("Alex".into()));
        state.reduce_mut(Action::InviteCopied(Copied::Yes));
        assert_eq!(state.page.invite, InviteForm { name: "Alex".into(), copied: Copied::Yes, ..InviteForm::default() });

        // Staying on the page keeps them; a new choice in the form forgets "copied".
        go(&mut state, Route::History, 1);
        assert_eq!(state.page.confirming, Confirming::DeleteResult { date_ms: 50 });
        state.reduce_mut(Action::InviteName("Al".into()));
        assert_eq!(state.page.invite.copied, Copied::Not);

        go(&mut state, Route::Results, 2);
        assert_eq!(state.page.confirming, Confirming::Nothing);
        assert_eq!(state.page.error, None);
        assert_eq!(state.page.invite, InviteForm::default());
    }

    #[test]
    fn a_failure_closes_the_question_it_answered() {
        let mut state = State { route: Route::Data, ..fresh() };
        state.reduce_mut(Action::Confirm(Confirming::DeleteEverything));
        state.reduce_mut(Action::PageError(PageError::DeleteFailed));
        assert_eq!(state.page.confirming, Confirming::Nothing);
        assert_eq!(state.page.error, Some(PageError::DeleteFailed));
    }

    #[test]
    fn deleting_a_result_answers_the_question() {
        let mut state = State { check_in: CheckIn { results: vec![finished(50, 4), finished(60, 1)], ..CheckIn::default() }, route: Route::History, ..fresh() };
        state.reduce_mut(Action::Confirm(Confirming::DeleteResult { date_ms: 50 }));
        state.reduce_mut(Action::DeleteResult { date_ms: 50 });
        assert_eq!(state.check_in.results.iter().map(|r| r.date_ms).collect::<Vec<_>>(), vec![60]);
        assert_eq!(state.page.confirming, Confirming::Nothing);
    }

    /// What `focus_on` says was last closed, if anything.
    fn after(state: &State) -> Option<Closed> {
        match state.focus_on() {
            FocusOn::After(closed, _) => Some(closed),
            _ => None,
        }
    }

    #[test]
    fn a_closed_question_says_where_the_focus_goes() {
        let mut state = State { check_in: CheckIn { results: vec![finished(50, 4), finished(60, 1), finished(70, 2)], ..CheckIn::default() }, route: Route::History, ..fresh() };
        assert_eq!(state.focus_on(), FocusOn::Unchanged);
        // Kept: back to the button that asked.
        state.reduce_mut(Action::Confirm(Confirming::DeleteResult { date_ms: 60 }));
        assert_eq!(state.focus_on(), FocusOn::Question(Confirming::DeleteResult { date_ms: 60 }));
        state.reduce_mut(Action::Confirm(Confirming::Nothing));
        assert_eq!(after(&state), Some(Closed::Kept(Confirming::DeleteResult { date_ms: 60 })));
        // Asked and kept again: a change again, so the focus moves again.
        let kept = state.focus_on();
        state.reduce_mut(Action::Confirm(Confirming::DeleteResult { date_ms: 60 }));
        state.reduce_mut(Action::Confirm(Confirming::Nothing));
        assert_eq!(after(&state), Some(Closed::Kept(Confirming::DeleteResult { date_ms: 60 })));
        assert_ne!(state.focus_on(), kept);
        // Deleted: what it was about is gone.
        state.reduce_mut(Action::Confirm(Confirming::DeleteResult { date_ms: 60 }));
        state.reduce_mut(Action::DeleteResult { date_ms: 60 });
        assert_eq!(after(&state), Some(Closed::Deleted));
        // A failed deletion closes the question: its button again. Leaving the page forgets it.
        let mut state = State { route: Route::Data, ..fresh() };
        state.reduce_mut(Action::Confirm(Confirming::DeleteEverything));
        state.reduce_mut(Action::PageError(PageError::DeleteFailed));
        assert_eq!(after(&state), Some(Closed::Kept(Confirming::DeleteEverything)));
        go(&mut state, Route::History, 1);
        assert_eq!(state.focus_on(), FocusOn::Unchanged);
        // An error with no question open moves nothing.
        state.reduce_mut(Action::PageError(PageError::ImportFile(FileError::Unreadable)));
        assert_eq!(state.focus_on(), FocusOn::Unchanged);
        // On the check-in, the statement.
        go(&mut state, Route::Quiz, 2);
        assert_eq!(state.focus_on(), FocusOn::Statement(state.check_in.position));
        // Everything deleted (on its page): nothing is left in its place.
        go(&mut state, Route::Data, 3);
        state.reduce_mut(Action::Confirm(Confirming::DeleteEverything));
        state.reduce_mut(Action::DeleteEverything);
        assert_eq!(after(&state), Some(Closed::Deleted));
    }

    #[test]
    fn each_notice_dismissed_moves_the_focus_on() {
        let mut state = State { route: Route::Data, notices: vec![Notice::Imported, Notice::Deleted, Notice::Imported], ..fresh() };
        state.reduce_mut(Action::Dismiss(0));
        let first = state.focus_on();
        assert_eq!(after(&state), Some(Closed::Dismissed));
        // The next one is another change, so the focus moves again.
        state.reduce_mut(Action::Dismiss(0));
        assert_eq!(after(&state), Some(Closed::Dismissed));
        assert_ne!(state.focus_on(), first);
        assert_eq!(state.notices, vec![Notice::Imported]);
        // A notice that is not there (dismissed twice at once) changes nothing.
        let before = state.focus_on();
        state.reduce_mut(Action::Dismiss(5));
        assert_eq!(state.focus_on(), before);
    }

    #[test]
    fn page_bodies_are_kept_for_the_visit_even_when_the_data_is_deleted() {
        let mut state = State { route: Route::Page("safety".into()), ..fresh() };
        state.reduce_mut(Action::BodyFailed("safety"));
        assert_eq!(state.page.body_failed, Some("safety"));
        state.reduce_mut(Action::RetryBody);
        assert_eq!((state.page.body_failed, state.bodies.attempt), (None, 1), "trying again fetches again");
        state.reduce_mut(Action::BodyLoaded { file: "safety", html: "<p>Safety</p>" });
        state.reduce_mut(Action::BodyLoaded { file: "safety", html: "<p>Safety</p>" });
        assert_eq!(state.bodies.fetched, vec![("safety", "<p>Safety</p>")]);

        state.check_in.results.push(finished(50, 4));
        state.reduce_mut(Action::DeleteEverything);
        assert!(state.check_in.results.is_empty());
        assert_eq!(state.bodies.get("safety"), Some("<p>Safety</p>"));
        state.reduce_mut(Action::DeletedElsewhere);
        assert_eq!(state.bodies.get("safety"), Some("<p>Safety</p>"));
    }

    #[test]
    fn does_not_apply_is_taken_only_where_a_statement_offers_it() {
        let mut state = State { route: Route::Quiz, ..fresh() };
        let offered = quiz_order().iter().find(|(_, i)| i.may_not_apply).unwrap().1;
        let not_offered = quiz_order().iter().find(|(_, i)| !i.may_not_apply).unwrap().1;
        for item in [offered, not_offered] {
            state.reduce_mut(Action::Answer { item: item.id, value: closer_core::NOT_APPLICABLE, advance: false });
        }
        assert_eq!(state.check_in.answers.get(offered.id), Some(&closer_core::NOT_APPLICABLE));
        assert_eq!(state.check_in.answers.get(not_offered.id), None);
        assert_eq!(state.check_in.answered(), 1, "does not apply counts as answered, so it is not listed as skipped");
    }

    #[test]
    fn a_waiting_update_is_offered_once_and_touches_no_answer() {
        let mut state = State { route: Route::Quiz, check_in: CheckIn { position: 3, ..CheckIn::default() }, ..fresh() };
        state.check_in.answers.insert(quiz_order()[0].1.id.to_string(), 2);
        let before = state.check_in.to_record();
        state.reduce_mut(Action::UpdateWaiting);
        state.reduce_mut(Action::UpdateWaiting);
        assert_eq!(state.notices, vec![Notice::UpdateWaiting]);
        assert_eq!((state.check_in.to_record(), state.route.clone(), state.check_in.position), (before, Route::Quiz, 3));
    }

    /// A locked link as a partner's Closer would make it (the frame only: the reducer never
    /// opens one, the browser does).
    fn locked_code() -> String {
        share::Locked { salt: [7; share::SALT_LEN], iv: [9; share::IV_LEN], sealed: vec![1; 40] }.code()
    }

    #[test]
    fn a_locked_link_is_kept_as_it_came_and_opened_only_in_memory() {
        let mut state = fresh();
        let code = locked_code();
        go(&mut state, Route::Compare(code.clone()), 100);
        assert_eq!(state.check_in.links.len(), 1, "kept, to be opened again next time");
        assert_eq!(state.opened_on_screen(), None);

        state.reduce_mut(Action::Passphrase("wrong words".into()));
        state.reduce_mut(Action::Busy);
        assert!(state.page.passphrase.busy);
        state.reduce_mut(Action::Unlocked { code: code.clone(), passphrase: "wrong words".into(), result: Err(Refused::Wrong) });
        assert_eq!((state.page.passphrase.busy, state.page.passphrase.refused), (false, Some(Refused::Wrong)));
        assert_eq!(state.focus_on(), FocusOn::Unchanged, "refused: the focus stays in the field");
        // Typing again clears the message; the right passphrase opens it.
        state.reduce_mut(Action::Passphrase("blue kettle".into()));
        assert_eq!(state.page.passphrase.refused, None);
        let theirs = finished(1, 2).shared(Some("Sam"));
        state.reduce_mut(Action::Unlocked { code: code.clone(), passphrase: "blue kettle".into(), result: Ok(theirs.clone()) });
        assert_eq!(state.opened_on_screen().map(|o| &o.result), Some(&theirs));
        assert_eq!(after(&state), Some(Closed::Unlocked), "the form is gone: the focus goes to the page's heading");

        // Neither the passphrase nor what the link holds is ever stored: the record has the link as it came.
        let record = state.check_in.to_record();
        assert_eq!(record.comparisons[0].code, code);
        let stored = record.to_json();
        assert!(!stored.contains("blue kettle") && !stored.contains("Sam"), "{stored}");
    }

    #[test]
    fn the_link_back_to_a_locked_link_is_locked_with_the_same_passphrase_by_default() {
        let mut state = fresh();
        let code = locked_code();
        go(&mut state, Route::Compare(code.clone()), 100);
        state.reduce_mut(Action::Passphrase("blue kettle".into()));
        state.reduce_mut(Action::Unlocked { code: code.clone(), passphrase: "blue kettle".into(), result: Ok(finished(1, 2).shared(None)) });
        // The blind wait: the check-in, then back to the comparison.
        state.reduce_mut(Action::StartOver);
        assert_eq!(state.page.passphrase, PassphraseForm::default(), "forgotten on leaving the page");
        state.check_in.answers = finished(0, 3).answers;
        state.reduce_mut(Action::Finish { date_ms: 200 });
        assert_eq!(state.route, Route::Compare(code));
        assert!(state.page.invite.lock);
        assert_eq!(state.page.passphrase.text, "blue kettle");
        // An open link's page offers an open link back.
        go(&mut state, Route::Compare(partner_code(1)), 300);
        assert!(!state.page.invite.lock);
        assert_eq!(state.page.passphrase.text, "");
    }

    #[test]
    fn a_locked_link_is_for_the_name_and_passphrase_it_was_made_with() {
        let mut state = State { check_in: CheckIn { results: vec![finished(50, 4)], ..CheckIn::default() }, route: Route::Results, ..fresh() };
        state.reduce_mut(Action::Lock(true));
        state.reduce_mut(Action::InviteName("Al".into()));
        state.reduce_mut(Action::Passphrase("one".into()));
        state.reduce_mut(Action::Busy);
        // Typed while the key was derived: the link made for "one" is not this form's.
        state.reduce_mut(Action::Passphrase("one two".into()));
        state.reduce_mut(Action::Locked { name: "Al".into(), passphrase: "one".into(), code: Ok("x".into()) });
        assert_eq!(state.page.invite.locked, None);
        assert_eq!(state.focus_on(), FocusOn::Unchanged, "the form stays: so does the focus");
        state.reduce_mut(Action::Locked { name: "Al".into(), passphrase: "one two".into(), code: Ok("y".into()) });
        assert_eq!(state.page.invite.locked.as_deref(), Some("y"));
        assert_eq!(after(&state), Some(Closed::Locked), "the form is gone: the focus goes to the locked link");
        assert!(!state.page.passphrase.busy);
        // A new name needs a new link; the lock stays chosen.
        state.reduce_mut(Action::InviteName("Alex".into()));
        assert_eq!((state.page.invite.locked.as_deref(), state.page.invite.lock), (None, true));
        // No WebCrypto here: said so.
        state.reduce_mut(Action::Locked { name: "Alex".into(), passphrase: "one two".into(), code: Err(Refused::Unavailable) });
        assert_eq!(state.page.passphrase.refused, Some(Refused::Unavailable));
    }

    #[test]
    fn once_everything_is_deleted_a_newer_versions_record_no_longer_stops_saving() {
        for delete in [Action::DeleteEverything, Action::DeletedElsewhere] {
            let mut state = State { storage: Storage { keeping: Keeping::Newer, ..Storage::default() }, ..fresh() };
            state.reduce_mut(delete);
            assert_eq!(state.storage.keeping, Keeping::Saved);
        }
        let mut full = State { storage: Storage { keeping: Keeping::Full, ..Storage::default() }, ..fresh() };
        full.reduce_mut(Action::DeletedElsewhere);
        assert_eq!(full.storage.keeping, Keeping::Full);
    }

    #[test]
    fn the_language_chosen_is_kept_with_the_record_and_forgotten_with_everything_else() {
        let mut record = Record::empty();
        record.language = Some("es".into());
        let mut state = State::from_record(Route::Home, record.clone(), Keeping::Saved, Vec::new());
        assert_eq!(state.check_in.language.as_deref(), Some("es"));
        assert_eq!(state.check_in.to_record(), record, "read and written back the same");
        // A record without a choice (version 2, or never chosen) leaves it to the browser.
        assert_eq!(State::from_record(Route::Home, Record::empty(), Keeping::Saved, Vec::new()).check_in.language, None);
        state.reduce_mut(Action::DeleteEverything);
        assert_eq!(state.check_in.to_record().language, None);
    }

    /// A result with the safety screen answered Disagree and the rest `value`.
    fn safe(date_ms: u64, value: u8) -> CompletedResult {
        let mut result = finished(date_ms, value);
        for item in BANK.screen.items {
            result.answers.insert(item.id.to_string(), 0);
        }
        result
    }

    #[test]
    fn a_plan_is_chosen_ticked_re_checked_and_kept_through_the_record() {
        let mut state = State { check_in: CheckIn { results: vec![safe(50, 1)], ..CheckIn::default() }, route: Route::Results, ..fresh() };
        state.reduce_mut(Action::ChoosePlan { area: "empathy", start_day: 20_000, together: false });
        assert_eq!(state.route, Route::Plan);
        let before = state.check_in.latest_score("empathy");
        assert_eq!(state.check_in.plan, Some(closer_core::Plan::new("empathy", 20_000, before, false)));
        state.reduce_mut(Action::Tick { day: 1, practice: 0 });
        state.reduce_mut(Action::Tick { day: 2, practice: 2 });
        assert!(state.check_in.plan.as_ref().is_some_and(|p| p.is_done(1, 0) && p.is_done(2, 2) && p.days_done() == 2));

        // The re-check: the area's statements and the safety screen, kept as a re-check.
        go(&mut state, Route::Recheck, 1);
        for item in crate::app::plan::recheck_items("empathy") {
            let value = if BANK.screen.items.iter().any(|i| i.id == item.id) { 0 } else { 3 };
            state.reduce_mut(Action::RecheckAnswer { item: item.id, value });
        }
        state.reduce_mut(Action::RecheckAnswer { item: "au7", value: 4 });
        assert!(!state.page.plan.answers.contains_key("au7"), "only the re-check's statements are taken");
        state.reduce_mut(Action::FinishRecheck { date_ms: 20_014 * 86_400_000 });
        assert_eq!(state.route, Route::Plan);
        assert_eq!(state.check_in.rechecks.len(), 1);
        assert!(state.check_in.plan_recheck(|ms| (ms / 86_400_000) as u32).is_some());
        assert_eq!(state.check_in.latest().map(|r| r.date_ms), Some(50), "a re-check is never the latest result");

        // Through the record and back: the plan, its ticks and the re-check are kept.
        let record = state.check_in.to_record();
        assert_eq!(record.results.iter().filter(|r| r.area.as_deref() == Some("empathy")).count(), 1);
        let back = CheckIn::from_record(record);
        assert_eq!(back.plan, state.check_in.plan);
        assert_eq!(back.rechecks, state.check_in.rechecks);
        assert_eq!(back.results, state.check_in.results);

        // Two more weeks from tomorrow, with the re-check's score as "before".
        let after = CheckIn::recheck_score(&state.check_in.rechecks[0]);
        state.reduce_mut(Action::KeepGoing { today: 20_014 });
        assert_eq!(state.check_in.plan, Some(closer_core::Plan::new("empathy", 20_015, after, false)));
        assert!(state.check_in.plan_recheck(|ms| (ms / 86_400_000) as u32).is_none(), "the new two weeks have no re-check yet");
        state.reduce_mut(Action::EndPlan);
        assert_eq!(state.check_in.plan, None);
    }

    #[test]
    fn no_plan_starts_under_the_full_safety_response() {
        let mut state = State { check_in: CheckIn { results: vec![finished(50, 4)], ..CheckIn::default() }, route: Route::Results, ..fresh() };
        assert!(state.check_in.safety_now().sets_aside_every_area());
        state.reduce_mut(Action::ChoosePlan { area: "empathy", start_day: 20_000, together: false });
        assert_eq!((state.check_in.plan.as_ref(), &state.route), (None, &Route::Results));
        assert_eq!(state.check_in.shared_plan(), None);
    }

    #[test]
    fn the_plan_forms_are_forgotten_on_leaving_the_page() {
        let mut state = State { check_in: CheckIn { results: vec![safe(50, 1)], ..CheckIn::default() }, route: Route::Plan, ..fresh() };
        state.reduce_mut(Action::PickArea("security"));
        state.reduce_mut(Action::ReminderTime("07:30".into()));
        state.reduce_mut(Action::PlanNotNow);
        go(&mut state, Route::Home, 1);
        assert_eq!(state.page.plan, PlanForm::default());
    }


    #[test]
    fn a_re_check_that_leaves_the_safety_screen_unanswered_keeps_the_check_in_s_response() {
        let gentle = BANK.screen.items.iter().find(|i| i.neutral_note).expect("a gentle statement");
        let mut result = safe(50, 1);
        result.answers.insert(gentle.id.to_string(), 2);
        let mut check_in = CheckIn { results: vec![result], ..CheckIn::default() };
        assert_eq!(check_in.safety_now(), SafetyResponse::Gentle);
        let area = BANK.dimensions.iter().find(|d| !BANK.screen.touches.contains(&d.id)).expect("an untouched area").id;
        check_in.plan = Some(closer_core::Plan::new(area, 1, None, false));
        // A newer re-check with no screen answer: still gentle.
        assert!(check_in.finish_recheck(Answers::from_iter([(BANK.dimension(area).unwrap().items[0].id.to_string(), 3)]), 60));
        assert_eq!(check_in.safety_now(), SafetyResponse::Gentle);
        // The re-check answers the gentle statement Disagree: lifted.
        let mut answers = Answers::new();
        answers.insert(gentle.id.to_string(), 0);
        assert!(check_in.finish_recheck(answers, 70));
        assert_eq!(check_in.safety_now(), SafetyResponse::None);
        // Agree on a screen statement in a re-check: the full response, whatever the check-in said.
        let mut answers = Answers::new();
        answers.insert(BANK.screen.items[0].id.to_string(), 4);
        assert!(check_in.finish_recheck(answers, 80));
        assert_eq!(check_in.safety_now(), SafetyResponse::Full);
    }

}
