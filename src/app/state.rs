//! The app's state as plain data, the actions that change it, and the reducer.
//! Nothing here touches the browser: storage and location are read and written at the edge
//! (`app::persist`, `web`) and by effects in `root.rs`.

use std::rc::Rc;
use std::sync::OnceLock;

use closer_core::record::{Progress, Record, RecordError, StoredComparison, StoredResult, RECORD_VERSION};
use closer_core::route::Route;
use closer_core::share::{self, SharedResult};

pub use crate::web::crypto::Refused;
pub use crate::web::files::FileError;
use crate::web::qr::Qr;
use closer_core::{Answers, Dimension, Importance, Item, SafetyResponse, SCALE_COUNT};
use yew::Reducible;

use crate::content::BANK;

/// The statements in the order they are asked (the safety screen's without a dimension),
/// computed once.
pub fn quiz_order() -> &'static [(Option<&'static Dimension>, &'static Item)] {
    static ORDER: OnceLock<Vec<(Option<&'static Dimension>, &'static Item)>> = OnceLock::new();
    ORDER.get_or_init(|| BANK.quiz_order())
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
/// whether it is to be locked (with the passphrase in [`State::passphrase`]) and the locked link
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

#[derive(Debug, Clone, PartialEq, Default)]
pub struct State {
    pub route: Route,
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
    pub keeping: Keeping,
    pub notices: Vec<Notice>,
    /// How many copies of stored text that could not be read are kept (newest first).
    pub backups: usize,
    /// Whether the browser keeps this site's storage until the person deletes it (`None` until
    /// it has said; see `web::persistence`).
    pub persistent: Option<bool>,
    /// Shown inside another site's page (`?embed=1`).
    pub embed: bool,
    /// When a link to this person's own result was last copied or shared.
    pub shared_ms: Option<u64>,
    /// A question on screen waiting for yes or no.
    pub confirming: Confirming,
    /// What the person last closed on this page (where the focus goes).
    pub closed: Closed,
    /// How many things were closed so far (wrapping): each closing is a change of `focus_on`.
    pub closings: u8,
    /// What went wrong with the last thing asked of the page on screen (an import, a deletion).
    pub page_error: Option<PageError>,
    /// The partner-link form on screen.
    pub invite: InviteForm,
    /// The passphrase field on screen.
    pub passphrase: PassphraseForm,
    /// Locked links opened in this visit.
    pub opened: Vec<Opened>,
    /// Explainer page bodies fetched so far, by file (each language's body has its own): each
    /// is fetched once per visit. Only the
    /// exact markup made at build time gets here (its checksum is checked on arrival).
    pub bodies: Vec<(&'static str, &'static str)>,
    /// The explainer page on screen whose body could not be loaded.
    pub body_failed: Option<&'static str>,
    /// Counts "try again", so that asking again fetches again.
    pub body_attempt: u32,
    /// The language the person chose with the switch ("en", "es"), kept with the record; `None`
    /// lets the browser's languages decide.
    pub language: Option<String>,
    /// The route on screen came from the address bar (a link, back, typing), so it must not be
    /// written back: by then the address may already have moved on.
    pub route_from_address: bool,
    /// Prerendered as a page of its own at a real path (an explainer page, read without the
    /// app): the way from it to the app's folder (`../../`). Its links lead there, and to other
    /// explainer pages by their real paths, instead of to routes in this page's fragment.
    pub static_root: Option<&'static str>,
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
}

impl State {
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

    /// Whether the comparison with a received link may be shown: this person has finished a
    /// check-in since the link arrived, or is the one who sent theirs first (blind reveal).
    pub fn may_reveal(&self, link: &ReceivedLink) -> bool {
        link.own_code.is_some()
            || self.latest().is_some_and(|r| r.date_ms >= link.received_ms || self.shared_ms.is_some_and(|s| s <= link.received_ms))
    }

    /// The body in `file` (a page's body in one language), if it has been fetched.
    pub fn body(&self, file: &str) -> Option<&'static str> {
        self.bodies.iter().find(|(f, _)| *f == file).map(|(_, html)| *html)
    }

    /// The result a received link was compared with (the one its pinned code was made from),
    /// or else the latest.
    pub fn compared_result(&self, link: Option<&ReceivedLink>) -> Option<&CompletedResult> {
        let pinned = link.and_then(|l| l.own_code.as_deref());
        pinned
            .and_then(|code| self.results.iter().rev().find(|r| share::encode(&r.shared(None)) == code))
            .or_else(|| self.latest())
    }

    /// The locked link on screen, if it was opened in this visit.
    pub fn opened_on_screen(&self) -> Option<&Opened> {
        let Route::Compare(code) = &self.route else { return None };
        self.opened.iter().find(|o| o.code == *code)
    }

    /// The result before the latest one, to show the change since last time.
    pub fn previous(&self) -> Option<&CompletedResult> {
        self.results.len().checked_sub(2).and_then(|n| self.results.get(n))
    }

    pub fn reduce_mut(&mut self, action: Action) {
        let total = quiz_order().len();
        let route_before = self.route.clone();
        let from_address = matches!(action, Action::Navigate { .. });
        match action {
            Action::Navigate { route, at_ms } => {
                self.route = route;
                self.route_from_address = true;
                self.arrive(at_ms);
            }
            Action::StartOver => {
                self.answers.clear();
                self.importance.clear();
                self.position = 0;
                self.route = Route::Quiz;
            }
            Action::Continue => {
                self.position = self.skipped().first().copied().unwrap_or(total);
                self.route = if self.position < total { Route::Quiz } else { Route::Review };
            }
            Action::Answer { item: item_id, value, advance } => {
                // The answer belongs to the statement it was given for, even if a late event
                // arrives after the quiz has moved on.
                let Some((position, (_, item))) = quiz_order().iter().enumerate().find(|(_, (_, item))| item.id == item_id) else { return };
                if item.accepts(value) {
                    self.answers.insert(item_id.to_string(), value);
                    if advance && position == self.position {
                        self.next(total);
                    }
                }
            }
            Action::Next => self.next(total),
            Action::Back => {
                if self.route == Route::Review {
                    self.position = total.saturating_sub(1);
                    self.route = Route::Quiz;
                } else {
                    self.position = self.position.saturating_sub(1);
                }
            }
            Action::GoTo(position) => {
                self.position = position.min(total.saturating_sub(1));
                self.route = Route::Quiz;
            }
            Action::Rate { dimension, value } => {
                if value < SCALE_COUNT && BANK.dimension(dimension).is_some() {
                    self.importance.insert(dimension.to_string(), value);
                }
            }
            Action::Merge(record) => {
                let mut mine = self.to_record();
                mine.merge_from(record);
                self.apply_record(mine);
            }
            Action::Replace(record) => {
                self.apply_record(record);
                self.page_error = None;
                self.notices = vec![Notice::Imported];
            }
            Action::InviteName(name) => {
                self.invite = InviteForm { name, lock: self.invite.lock, ..InviteForm::default() };
            }
            Action::InviteCopied(copied) => self.invite.copied = copied,
            Action::BodyLoaded { file, html } => {
                if self.body(file).is_none() {
                    self.bodies.push((file, html));
                }
                if self.body_failed == Some(file) {
                    self.body_failed = None;
                }
            }
            Action::BodyFailed(file) => self.body_failed = Some(file),
            Action::RetryBody => {
                self.body_failed = None;
                self.body_attempt += 1;
            }
            Action::Confirm(question) => {
                if question == Confirming::Nothing {
                    self.close(Closed::Kept(self.confirming));
                }
                self.confirming = question;
            }
            Action::PageError(message) => {
                self.page_error = Some(message);
                if self.confirming != Confirming::Nothing {
                    self.close(Closed::Kept(self.confirming));
                }
                self.confirming = Confirming::Nothing;
            }
            Action::DeleteResult { date_ms } => {
                self.results.retain(|r| r.date_ms != date_ms);
                self.close(Closed::Deleted);
                self.confirming = Confirming::Nothing;
            }
            Action::DeleteEverything => {
                // What was fetched from this site (the explainer bodies) is not the person's data: kept.
                let bodies = std::mem::take(&mut self.bodies);
                *self = State { route: Route::Data, keeping: self.keeping.after_deletion(), embed: self.embed, persistent: self.persistent, notices: vec![Notice::Deleted], bodies, closed: Closed::Deleted, ..State::default() };
            }
            Action::DeletedElsewhere => {
                let bodies = std::mem::take(&mut self.bodies);
                *self = State { route: self.route.clone(), keeping: self.keeping.after_deletion(), embed: self.embed, persistent: self.persistent, bodies, ..State::default() };
            }
            Action::StorageLost(keeping) => self.keeping = keeping,
            Action::Persistent(kept) => self.persistent = Some(kept),
            Action::Dismiss(index) => {
                if index < self.notices.len() {
                    self.notices.remove(index);
                    self.close(Closed::Dismissed);
                }
            }
            Action::Finish { date_ms } => {
                if self.answers.is_empty() {
                    return;
                }
                let result = CompletedResult {
                    date_ms,
                    content_version: BANK.content_version,
                    answers: std::mem::take(&mut self.answers),
                    importance: std::mem::take(&mut self.importance),
                };
                self.position = 0;
                self.route = Route::Results;
                // A partner's link waiting for this result: compare with it now.
                if let Some(link) = self.links.iter_mut().rev().find(|l| l.own_code.is_none()) {
                    link.own_code = Some(share::encode(&result.shared(None)));
                    self.route = Route::Compare(link.code.clone());
                }
                self.results.push(result);
            }
            Action::Shared { date_ms } => self.shared_ms = Some(date_ms),
            Action::UpdateWaiting => {
                if !self.notices.contains(&Notice::UpdateWaiting) {
                    self.notices.push(Notice::UpdateWaiting);
                }
            }
            Action::Passphrase(text) => {
                // A new passphrase needs a new locked link (and its own QR code).
                self.passphrase = PassphraseForm { text, shown: self.passphrase.shown, ..PassphraseForm::default() };
                self.invite = InviteForm { name: std::mem::take(&mut self.invite.name), lock: self.invite.lock, ..InviteForm::default() };
            }
            Action::ShowPassphrase(shown) => self.passphrase.shown = shown,
            Action::Busy => {
                self.passphrase.busy = true;
                self.passphrase.refused = None;
            }
            Action::Unlocked { code, passphrase, result } => {
                // The page may have moved on while the key was derived: its form is not this one.
                let on_screen = self.route == Route::Compare(code.clone());
                match result {
                    Ok(result) => {
                        if !self.opened.iter().any(|o| o.code == code) {
                            self.opened.push(Opened { code, result, passphrase });
                        }
                        // The link back is locked by default, with the passphrase still typed.
                        self.invite.lock |= on_screen;
                        if on_screen {
                            self.close(Closed::Unlocked);
                        }
                    }
                    Err(refused) if on_screen => self.passphrase.refused = Some(refused),
                    Err(_) => {}
                }
                self.passphrase.busy &= !on_screen;
            }
            Action::Lock(lock) => {
                self.invite = InviteForm { name: std::mem::take(&mut self.invite.name), lock, ..InviteForm::default() };
                self.passphrase.refused = None;
            }
            Action::Locked { name, passphrase, code } => {
                self.passphrase.busy = false;
                match code {
                    // Only for what is still on screen: a name or passphrase typed since needs another.
                    Ok(code) if name == self.invite.name && passphrase == self.passphrase.text => {
                        self.invite.locked = Some(code);
                        self.close(Closed::Locked);
                    }
                    Ok(_) => {}
                    Err(refused) => self.passphrase.refused = Some(refused),
                }
            }
            Action::QrDrawn(qr) => self.invite.qr = Some(qr),
        }
        // Questions and errors belong to the page they were asked on.
        if self.route != route_before {
            self.route_from_address = from_address;
            self.confirming = Confirming::Nothing;
            self.closed = Closed::Nothing;
            self.page_error = None;
            self.invite = InviteForm::default();
            self.passphrase = PassphraseForm::default();
            self.body_failed = None;
            // The link back to a locked link is locked by default, with the same passphrase.
            if let Some(opened) = self.opened_on_screen() {
                self.passphrase.text = opened.passphrase.clone();
                self.invite.lock = true;
            }
        }
        self.pin_link_on_screen();
    }

    /// Arriving at the route on screen at `at_ms`: a partner's link that can be read is kept
    /// (once, with when it was first opened), so the comparison is there next time.
    pub fn arrive(&mut self, at_ms: u64) {
        if let Route::Compare(code) = &self.route {
            if share::read(code).is_ok() && !self.links.iter().any(|l| l.code == *code) {
                self.links.push(ReceivedLink { received_ms: at_ms, code: code.clone(), own_code: None });
            }
        }
        self.pin_link_on_screen();
    }

    /// Once a comparison may be shown, it stays with the result it was first shown with, so a
    /// later check-in does not change it (or get taken for the answer to this link).
    fn pin_link_on_screen(&mut self) {
        let Route::Compare(code) = &self.route else { return };
        let waiting = |l: &ReceivedLink| l.code == *code && l.own_code.is_none();
        let Some(link) = self.links.iter().find(|l| waiting(l)) else { return };
        if !self.may_reveal(link) {
            return;
        }
        let Some(own_code) = self.latest().map(|latest| share::encode(&latest.shared(None))) else { return };
        if let Some(link) = self.links.iter_mut().find(|l| waiting(l)) {
            link.own_code = Some(own_code);
        }
    }

    /// The state a page is prerendered with at build time for `route`: nothing stored, nothing
    /// from the address (its route is the page's: it is never written back to the address).
    pub fn prerendered(route: Route) -> State {
        State { route, route_from_address: true, ..State::default() }
    }

    /// A link to `route`: its fragment (`#/quiz`), or from a static page, its real address.
    /// (Static pages are made only at build time: the wasm has no need of their links.)
    pub fn href(&self, route: &Route) -> String {
        #[cfg(feature = "ssr")]
        if let Some(root) = self.static_root {
            return static_href(root, route, crate::content::language().code);
        }
        route.to_hash()
    }

    /// Where the static page of `route` lives in the language shown, from the app's folder
    /// (`learn/empathy/`, `es/learn/empathy/`): the one rule the prerender writes files by.
    #[cfg(feature = "ssr")]
    pub fn static_path(route: &Route) -> String {
        static_href("", route, crate::content::language().code)
    }

    /// A link to this page in language `code`: in the app, this page again with `?hl=<code>`
    /// after `search` (which keeps embed mode); from a static page, that language's static page.
    pub fn in_language(&self, code: &str, search: &str) -> String {
        #[cfg(feature = "ssr")]
        if let Some(root) = self.static_root {
            return static_href(root, &self.route, code);
        }
        [search, code, &self.route.to_hash()].concat()
    }

    /// A link to the app's page at `hash` (such as `#/quiz`): as it is, or from a static page,
    /// its real address.
    pub fn link(&self, hash: &'static str) -> yew::AttrValue {
        #[cfg(feature = "ssr")]
        if self.static_root.is_some() {
            return self.href(&Route::parse(hash)).into();
        }
        yew::AttrValue::Static(hash)
    }

    /// Whether this is a static page of its own (made at build time only).
    pub fn is_static_page(&self) -> bool {
        cfg!(feature = "ssr") && self.static_root.is_some()
    }

    /// The state at start: what was stored, adapted to this content version.
    pub fn from_record(route: Route, mut record: Record, keeping: Keeping, mut notices: Vec<Notice>) -> State {
        let dropped = record.adapt_to(&BANK);
        if dropped > 0 {
            notices.push(Notice::AnswersDropped(dropped));
        }
        let mut state = State { route, keeping, notices, ..State::default() };
        state.apply_record(record);
        state
    }

    fn apply_record(&mut self, record: Record) {
        let progress = record.progress.unwrap_or_default();
        self.answers = progress.answers;
        self.importance = progress.importance;
        self.position = progress.position.min(quiz_order().len());
        self.results = record
            .results
            .into_iter()
            .map(|r| CompletedResult { date_ms: r.date_ms, content_version: r.content_version, answers: r.answers, importance: r.importance })
            .collect();
        self.results.sort_by_key(|r| r.date_ms);
        self.shared_ms = record.shared_ms;
        self.language = record.language;
        self.links = record
            .comparisons
            .into_iter()
            .map(|c| ReceivedLink { received_ms: c.received_ms, code: c.code, own_code: c.own_code })
            .collect();
    }

    /// Where the keyboard's focus belongs: on the check-in, its statement; elsewhere, an open
    /// question's safe answer, or where what was last closed left it.
    pub fn focus_on(&self) -> FocusOn {
        match (&self.route, self.confirming, self.closed) {
            (Route::Quiz, _, _) => FocusOn::Statement(self.position),
            (_, Confirming::Nothing, Closed::Nothing) => FocusOn::Unchanged,
            (_, Confirming::Nothing, closed) => FocusOn::After(closed, self.closings),
            (_, question, _) => FocusOn::Question(question),
        }
    }

    /// Records what the person just closed (`State::focus_on`).
    fn close(&mut self, what: Closed) {
        self.closed = what;
        self.closings = self.closings.wrapping_add(1);
    }

    /// What is kept: everything but the route, the notices and the storage status.
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
                .map(|r| StoredResult { date_ms: r.date_ms, content_version: r.content_version, answers: r.answers.clone(), importance: r.importance.clone() })
                .collect(),
            comparisons: self
                .links
                .iter()
                .map(|l| StoredComparison { received_ms: l.received_ms, code: l.code.clone(), own_code: l.own_code.clone() })
                .collect(),
            shared_ms: self.shared_ms,
            language: self.language.clone(),
        }
    }

    fn next(&mut self, total: usize) {
        if self.position + 1 >= total {
            self.position = total;
            self.route = Route::Review;
        } else {
            self.position += 1;
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

/// The real address of `route` from a static page in language `code`, `root` being the way up
/// to the app's folder: English's explainer pages are at `learn/<slug>/`, another language's at
/// `<code>/learn/<slug>/`; the app's own pages are its routes, opened in that language.
#[cfg(feature = "ssr")]
fn static_href(root: &str, route: &Route, code: &str) -> String {
    let english = crate::content::LANGUAGES.first().is_some_and(|l| l.code == code);
    let folder = if english { String::new() } else { [code, "/"].concat() };
    let hl = if english { String::new() } else { ["?hl=", code].concat() };
    match route {
        // The front page (`index.html`, in English) and the check-in's first statement are
        // prerendered at a real path of their own in every language.
        Route::Home => [root, &folder].concat(),
        Route::Quiz => [root, &folder, "check-in/"].concat(),
        Route::Learn => [root, &folder, "learn/"].concat(),
        Route::Page(slug) => [root, &folder, "learn/", slug, "/"].concat(),
        _ => [root, &hl, &route.to_hash()].concat(),
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
        assert_eq!(state.links, vec![ReceivedLink { received_ms: 100, code, own_code: None }]);

        go(&mut state, Route::Compare("not-a-link".into()), 300);
        assert_eq!(state.links.len(), 1, "an unreadable link is not kept");
    }

    #[test]
    fn the_comparison_waits_for_a_check_in_then_stays_with_the_first_result_it_was_shown_with() {
        let mut state = fresh();
        let code = partner_code(1);
        go(&mut state, Route::Compare(code.clone()), 100);
        assert!(!state.may_reveal(&state.links[0]), "blind until this person has a result");

        // Finishing a check-in answers the link.
        state.answers = finished(0, 3).answers;
        state.reduce_mut(Action::Finish { date_ms: 200 });
        let pinned = state.links[0].own_code.clone().expect("the link now compares with this result");
        assert_eq!(pinned, share::encode(&state.latest().unwrap().shared(None)));

        // A later check-in does not change what the link compares with.
        state.answers = finished(0, 0).answers;
        state.reduce_mut(Action::Finish { date_ms: 300 });
        go(&mut state, Route::Compare(code), 400);
        assert_eq!(state.links[0].own_code.as_ref(), Some(&pinned));
    }

    #[test]
    fn someone_who_shared_first_sees_the_reply_at_once_pinned_to_their_latest_result() {
        let mut state = State { results: vec![finished(50, 4)], shared_ms: Some(60), ..fresh() };
        go(&mut state, Route::Compare(partner_code(2)), 100);
        assert_eq!(state.links[0].own_code, Some(share::encode(&finished(50, 4).shared(None))));
    }

    #[test]
    fn questions_errors_and_the_link_form_are_forgotten_on_leaving_the_page() {
        let mut state = State { results: vec![finished(50, 4)], route: Route::History, ..fresh() };
        state.reduce_mut(Action::PageError(PageError::ImportRecord(RecordError::NotJson)));
        state.reduce_mut(Action::Confirm(Confirming::DeleteResult { date_ms: 50 }));
        state.reduce_mut(Action::InviteName("Alex".into()));
        state.reduce_mut(Action::InviteCopied(Copied::Yes));
        assert_eq!(state.invite, InviteForm { name: "Alex".into(), copied: Copied::Yes, ..InviteForm::default() });

        // Staying on the page keeps them; a new choice in the form forgets "copied".
        go(&mut state, Route::History, 1);
        assert_eq!(state.confirming, Confirming::DeleteResult { date_ms: 50 });
        state.reduce_mut(Action::InviteName("Al".into()));
        assert_eq!(state.invite.copied, Copied::Not);

        go(&mut state, Route::Results, 2);
        assert_eq!(state.confirming, Confirming::Nothing);
        assert_eq!(state.page_error, None);
        assert_eq!(state.invite, InviteForm::default());
    }

    #[test]
    fn a_failure_closes_the_question_it_answered() {
        let mut state = State { route: Route::Data, ..fresh() };
        state.reduce_mut(Action::Confirm(Confirming::DeleteEverything));
        state.reduce_mut(Action::PageError(PageError::DeleteFailed));
        assert_eq!(state.confirming, Confirming::Nothing);
        assert_eq!(state.page_error, Some(PageError::DeleteFailed));
    }

    #[test]
    fn deleting_a_result_answers_the_question() {
        let mut state = State { results: vec![finished(50, 4), finished(60, 1)], route: Route::History, ..fresh() };
        state.reduce_mut(Action::Confirm(Confirming::DeleteResult { date_ms: 50 }));
        state.reduce_mut(Action::DeleteResult { date_ms: 50 });
        assert_eq!(state.results.iter().map(|r| r.date_ms).collect::<Vec<_>>(), vec![60]);
        assert_eq!(state.confirming, Confirming::Nothing);
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
        let mut state = State { results: vec![finished(50, 4), finished(60, 1), finished(70, 2)], route: Route::History, ..fresh() };
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
        assert_eq!(state.focus_on(), FocusOn::Statement(state.position));
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
        assert_eq!(state.body_failed, Some("safety"));
        state.reduce_mut(Action::RetryBody);
        assert_eq!((state.body_failed, state.body_attempt), (None, 1), "trying again fetches again");
        state.reduce_mut(Action::BodyLoaded { file: "safety", html: "<p>Safety</p>" });
        state.reduce_mut(Action::BodyLoaded { file: "safety", html: "<p>Safety</p>" });
        assert_eq!(state.bodies, vec![("safety", "<p>Safety</p>")]);

        state.results.push(finished(50, 4));
        state.reduce_mut(Action::DeleteEverything);
        assert!(state.results.is_empty());
        assert_eq!(state.body("safety"), Some("<p>Safety</p>"));
        state.reduce_mut(Action::DeletedElsewhere);
        assert_eq!(state.body("safety"), Some("<p>Safety</p>"));
    }

    #[test]
    fn does_not_apply_is_taken_only_where_a_statement_offers_it() {
        let mut state = State { route: Route::Quiz, ..fresh() };
        let offered = quiz_order().iter().find(|(_, i)| i.may_not_apply).unwrap().1;
        let not_offered = quiz_order().iter().find(|(_, i)| !i.may_not_apply).unwrap().1;
        for item in [offered, not_offered] {
            state.reduce_mut(Action::Answer { item: item.id, value: closer_core::NOT_APPLICABLE, advance: false });
        }
        assert_eq!(state.answers.get(offered.id), Some(&closer_core::NOT_APPLICABLE));
        assert_eq!(state.answers.get(not_offered.id), None);
        assert_eq!(state.answered(), 1, "does not apply counts as answered, so it is not listed as skipped");
    }

    #[test]
    fn a_waiting_update_is_offered_once_and_touches_no_answer() {
        let mut state = State { route: Route::Quiz, position: 3, ..fresh() };
        state.answers.insert(quiz_order()[0].1.id.to_string(), 2);
        let before = state.to_record();
        state.reduce_mut(Action::UpdateWaiting);
        state.reduce_mut(Action::UpdateWaiting);
        assert_eq!(state.notices, vec![Notice::UpdateWaiting]);
        assert_eq!((state.to_record(), state.route.clone(), state.position), (before, Route::Quiz, 3));
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
        assert_eq!(state.links.len(), 1, "kept, to be opened again next time");
        assert_eq!(state.opened_on_screen(), None);

        state.reduce_mut(Action::Passphrase("wrong words".into()));
        state.reduce_mut(Action::Busy);
        assert!(state.passphrase.busy);
        state.reduce_mut(Action::Unlocked { code: code.clone(), passphrase: "wrong words".into(), result: Err(Refused::Wrong) });
        assert_eq!((state.passphrase.busy, state.passphrase.refused), (false, Some(Refused::Wrong)));
        assert_eq!(state.focus_on(), FocusOn::Unchanged, "refused: the focus stays in the field");
        // Typing again clears the message; the right passphrase opens it.
        state.reduce_mut(Action::Passphrase("blue kettle".into()));
        assert_eq!(state.passphrase.refused, None);
        let theirs = finished(1, 2).shared(Some("Sam"));
        state.reduce_mut(Action::Unlocked { code: code.clone(), passphrase: "blue kettle".into(), result: Ok(theirs.clone()) });
        assert_eq!(state.opened_on_screen().map(|o| &o.result), Some(&theirs));
        assert_eq!(after(&state), Some(Closed::Unlocked), "the form is gone: the focus goes to the page's heading");

        // Neither the passphrase nor what the link holds is ever stored: the record has the link as it came.
        let record = state.to_record();
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
        assert_eq!(state.passphrase, PassphraseForm::default(), "forgotten on leaving the page");
        state.answers = finished(0, 3).answers;
        state.reduce_mut(Action::Finish { date_ms: 200 });
        assert_eq!(state.route, Route::Compare(code));
        assert!(state.invite.lock);
        assert_eq!(state.passphrase.text, "blue kettle");
        // An open link's page offers an open link back.
        go(&mut state, Route::Compare(partner_code(1)), 300);
        assert!(!state.invite.lock);
        assert_eq!(state.passphrase.text, "");
    }

    #[test]
    fn a_locked_link_is_for_the_name_and_passphrase_it_was_made_with() {
        let mut state = State { results: vec![finished(50, 4)], route: Route::Results, ..fresh() };
        state.reduce_mut(Action::Lock(true));
        state.reduce_mut(Action::InviteName("Al".into()));
        state.reduce_mut(Action::Passphrase("one".into()));
        state.reduce_mut(Action::Busy);
        // Typed while the key was derived: the link made for "one" is not this form's.
        state.reduce_mut(Action::Passphrase("one two".into()));
        state.reduce_mut(Action::Locked { name: "Al".into(), passphrase: "one".into(), code: Ok("x".into()) });
        assert_eq!(state.invite.locked, None);
        assert_eq!(state.focus_on(), FocusOn::Unchanged, "the form stays: so does the focus");
        state.reduce_mut(Action::Locked { name: "Al".into(), passphrase: "one two".into(), code: Ok("y".into()) });
        assert_eq!(state.invite.locked.as_deref(), Some("y"));
        assert_eq!(after(&state), Some(Closed::Locked), "the form is gone: the focus goes to the locked link");
        assert!(!state.passphrase.busy);
        // A new name needs a new link; the lock stays chosen.
        state.reduce_mut(Action::InviteName("Alex".into()));
        assert_eq!((state.invite.locked.as_deref(), state.invite.lock), (None, true));
        // No WebCrypto here: said so.
        state.reduce_mut(Action::Locked { name: "Alex".into(), passphrase: "one two".into(), code: Err(Refused::Unavailable) });
        assert_eq!(state.passphrase.refused, Some(Refused::Unavailable));
    }

    #[test]
    fn once_everything_is_deleted_a_newer_versions_record_no_longer_stops_saving() {
        for delete in [Action::DeleteEverything, Action::DeletedElsewhere] {
            let mut state = State { keeping: Keeping::Newer, ..fresh() };
            state.reduce_mut(delete);
            assert_eq!(state.keeping, Keeping::Saved);
        }
        let mut full = State { keeping: Keeping::Full, ..fresh() };
        full.reduce_mut(Action::DeletedElsewhere);
        assert_eq!(full.keeping, Keeping::Full);
    }

    #[test]
    fn the_language_chosen_is_kept_with_the_record_and_forgotten_with_everything_else() {
        let mut record = Record::empty();
        record.language = Some("es".into());
        let mut state = State::from_record(Route::Home, record.clone(), Keeping::Saved, Vec::new());
        assert_eq!(state.language.as_deref(), Some("es"));
        assert_eq!(state.to_record(), record, "read and written back the same");
        // A record without a choice (version 2, or never chosen) leaves it to the browser.
        assert_eq!(State::from_record(Route::Home, Record::empty(), Keeping::Saved, Vec::new()).language, None);
        state.reduce_mut(Action::DeleteEverything);
        assert_eq!(state.to_record().language, None);
    }

    #[test]
    fn links_in_the_app_are_fragments() {
        assert_eq!(fresh().href(&Route::Page("safety".into())), "#/learn/safety");
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn links_from_a_static_page_lead_to_real_paths_and_to_the_app_s_folder() {
        let page = State { static_root: Some("../../"), ..fresh() };
        assert_eq!(page.href(&Route::Page("safety".into())), "../../learn/safety/");
        assert_eq!(page.href(&Route::Learn), "../../learn/");
        assert_eq!(page.href(&Route::Home), "../../");
        assert_eq!(page.href(&Route::Quiz), "../../check-in/");
        assert_eq!(page.href(&Route::Results), "../../#/results");
        // The same page in Spanish is in the Spanish folder, and the app opens in Spanish from there.
        let page = State { route: Route::Page("safety".into()), ..page };
        assert_eq!(page.in_language("es", "?hl="), "../../es/learn/safety/");
        assert_eq!(static_href("../../../", &Route::Page("empathy".into()), "es"), "../../../es/learn/empathy/");
        assert_eq!(static_href("../../../", &Route::Quiz, "es"), "../../../es/check-in/");
        assert_eq!(static_href("../../../", &Route::Home, "es"), "../../../es/");
        assert_eq!(static_href("../../../", &Route::History, "es"), "../../../?hl=es#/history");
        assert_eq!(static_href("../../../", &Route::Page("empathy".into()), "en"), "../../../learn/empathy/");
    }
}
