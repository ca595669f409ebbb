//! Messages at the top of every page: storage that cannot keep progress, and one-off notices
//! (unreadable data kept as a backup, answers dropped by a content change, import, deletion).

use closer_core::record::RecordError;
use yew::prelude::*;

use crate::app::components::site_link::site_link;
use crate::app::persist;
use crate::app::address::Site;
use crate::app::context::Send;
use closer_core::route::Route;
use crate::app::state::{Action, Keeping, Notice, Storage};
use crate::content::{fill, number, plural, UI};
use crate::web::{files, offline};
use closer_core::text::Decimal;

/// Why stored or imported text could not be read, in words: every kind of `RecordError` has its
/// own (a new kind does not compile until it has words).
pub fn reason(error: &RecordError) -> &'static str {
    match error {
        RecordError::NotJson => UI.notice_reason_not_json(),
        RecordError::WrongShape => UI.notice_reason_wrong_shape(),
        RecordError::FutureVersion(_) => UI.notice_reason_future_version(),
        RecordError::TooLarge(_) => UI.notice_reason_too_large(),
        RecordError::BadValue(_) => UI.notice_reason_bad_value(),
    }
}

/// Offers the kept copy at `index` (0 is the newest) as a file, exactly as it was stored.
pub fn download_backup(index: usize) {
    if let Some(text) = persist::backup(index) {
        let name = ["closer-backup-", &(index + 1).decimal(), ".txt"].concat();
        let _ = files::download(&name, &text, "text/plain");
    }
}

/// The id of the dismiss button of the notice at `index` (0 is the first), where the focus goes
/// once a notice before it is dismissed.
pub fn dismiss_id(index: usize) -> String {
    ["notice-dismiss-", &index.decimal()].concat()
}

/// The notices on the page at `route`, and whether what happens is kept.
pub fn notices(notices: &[Notice], storage: &Storage, site: &Site, route: &Route, send: &Send) -> Html {
    let keeping = match storage.keeping {
        Keeping::Saved => None,
        Keeping::Unavailable => Some(UI.notice_unavailable()),
        Keeping::Full => Some(UI.notice_full()),
        Keeping::Newer => Some(UI.notice_newer()),
    };
    let items = notices.iter().enumerate().map(|(index, notice)| {
        let dismiss = { let s = send.clone(); Callback::from(move |_| s.emit(Action::Dismiss(index))) };
        let body = match notice {
            Notice::BackupKept(error) => html! {
                <>
                    <p>{ fill(UI.notice_backup_kept(), &[("reason", reason(error))]) }</p>
                    <button onclick={Callback::from(|_| download_backup(0))}>{ UI.notice_backup_download() }</button>
                </>
            },
            Notice::AnswersDropped(n) => html! { <p>{ fill(plural(*n, UI.notice_answer_dropped(), UI.notice_answers_dropped()), &[("count", &number(*n))]) }</p> },
            Notice::Imported => html! { <p>{ UI.notice_imported() }</p> },
            Notice::Deleted => html! { <p>{ UI.notice_deleted() }</p> },
            // Reloading keeps every answer only while they are saved; else the new version waits
            // for the next visit.
            Notice::UpdateWaiting if storage.keeping == Keeping::Saved => html! {
                <>
                    <p>{ UI.notice_update_waiting() }</p>
                    <button onclick={Callback::from(|_| offline::take_update())}>{ UI.notice_update_reload() }</button>
                </>
            },
            Notice::UpdateWaiting => html! { <p>{ UI.notice_update_next_time() }</p> },
        };
        html! {
            <div class="notice" role="status">
                { body }
                <button class="notice-dismiss" id={dismiss_id(index)} onclick={dismiss}>{ UI.notice_dismiss() }</button>
            </div>
        }
    });
    html! {
        <div class="notices" aria-label={UI.notice_label()}>
            if let Some(text) = keeping {
                <div class="notice notice-keeping" role="status" data-testid="not-kept">
                    <p>{ text }</p>
                    if site.embed {
                        { site_link(true, route.clone(), UI.notice_open_full_site()) }
                    }
                </div>
            }
            { for items }
        </div>
    }
}
