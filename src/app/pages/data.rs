//! Your data: what is stored and where, export, import, and delete everything.

use closer_core::record::MAX_RECORD_BYTES;
use yew::prelude::*;

use crate::app::components::notices::download_backup;
use crate::app::persist;
use crate::app::context::Send;
use crate::app::components::notices::reason;
use crate::app::state::{Action, CheckIn, Confirming, FileError, Keeping, OnPage, PageError, Storage};
use crate::content::{fill, number, plural, UI};
use crate::web::{clock, files};

/// What went wrong on this page, in words: every kind of error has its own (a new kind does not
/// compile until it has words).
fn error_text(error: &PageError) -> String {
    let import = |reason: &str| fill(UI.data_import_error(), &[("reason", reason)]);
    match error {
        PageError::ImportFile(FileError::TooLarge) => import(UI.notice_reason_too_large()),
        PageError::ImportFile(FileError::NoFile | FileError::NotText | FileError::Unreadable | FileError::Refused) => {
            import(UI.data_import_reason_unreadable())
        }
        PageError::ImportRecord(error) => import(reason(error)),
        PageError::DeleteFailed => UI.data_delete_failed().to_string(),
    }
}

/// The id of the "Delete everything" button, where the focus goes back when the question is kept.
pub const DELETE_ID: &str = "delete-everything";
/// The id of the question's safe answer, which takes the focus when it is asked.
pub const KEEP_ID: &str = "delete-everything-keep";

pub fn data_page(check_in: &CheckIn, storage: &Storage, on_page: &OnPage, send: &Send) -> Html {

    let export = {
        let record = check_in.to_record();
        Callback::from(move |_| {
            let name = ["closer-data-", &clock::today_iso(), ".json"].concat();
            let _ = files::download(&name, &persist::export_text(&record), "application/json");
        })
    };
    let import = {
        let s = send.clone();
        Callback::from(move |e: Event| {
            let s = s.clone();
            files::read_chosen(&e, MAX_RECORD_BYTES as f64, move |text| {
                let outcome = text.map_err(PageError::ImportFile).and_then(|t| persist::read(&t).map_err(PageError::ImportRecord));
                match outcome {
                    Ok(record) => s.emit(Action::Replace(record)),
                    Err(error) => s.emit(Action::PageError(error)),
                }
            });
        })
    };
    let ask = { let s = send.clone(); Callback::from(move |_| s.emit(Action::Confirm(Confirming::DeleteEverything))) };
    let cancel = { let s = send.clone(); Callback::from(move |_| s.emit(Action::Confirm(Confirming::Nothing))) };
    let delete = {
        let s = send.clone();
        Callback::from(move |_| {
            // The app's own files kept for use offline go too (they hold none of the person's data).
            crate::web::offline::forget();
            match persist::delete_everything() {
                Ok(()) => s.emit(Action::DeleteEverything),
                // Storage that cannot be used held nothing: clearing memory is all there is.
                Err(crate::web::storage::StorageError::Unavailable) => s.emit(Action::DeleteEverything),
                Err(_) => s.emit(Action::PageError(PageError::DeleteFailed)),
            }
        })
    };
    // Whether this browser keeps storage until it is deleted (asked at start, see `web::persistence`).
    let persistent = storage.persistent == Some(true);
    let count = |n: usize, one: &'static str, other: &'static str| fill(plural(n, one, other), &[("count", &number(n))]);
    let summary = fill(UI.data_summary(), &[
        ("results", &count(check_in.results.len(), UI.data_results_one(), UI.data_results_other())),
        ("answers", &count(check_in.answers.len(), UI.data_answers_one(), UI.data_answers_other())),
        ("links", &count(check_in.links.len(), UI.data_links_one(), UI.data_links_other())),
    ]);
    html! {
        <div class="data-page">
            <h1 tabindex="-1">{ UI.data_title() }</h1>
            <h2>{ UI.data_what_heading() }</h2>
            <p>{ UI.data_what_body() }</p>
            <p>{ UI.data_never_leaves() }</p>
            <p data-testid="data-summary">{ summary }</p>
            if storage.keeping == Keeping::Saved {
                <h2>{ UI.data_kept_heading() }</h2>
                <p data-testid="storage-kept" data-persistent={if persistent { "true" } else { "false" }}>
                    { if persistent { UI.data_kept_persistent() } else { UI.data_kept_may_clear() } }
                </p>
            }
            if let Some(error) = &on_page.error {
                <p class="error" role="alert">{ error_text(error) }</p>
            }
            <h2>{ UI.data_export_heading() }</h2>
            <p>{ UI.data_export_hint() }</p>
            <p><button onclick={export}>{ UI.data_export() }</button></p>
            <p>{ UI.data_import_hint() }</p>
            <p>
                <input id="import-file" class="visually-hidden" type="file" accept="application/json,.json" onchange={import} />
                <label class="button file-button" for="import-file">{ UI.data_import() }</label>
            </p>
            if storage.backups > 0 {
                <h2>{ UI.data_backups_heading() }</h2>
                <p>{ UI.data_backups_body() }</p>
                <ul class="backups">
                    { for (0..storage.backups).map(|index| html! {
                        <li><button onclick={Callback::from(move |_| download_backup(index))}>
                            { fill(UI.data_backup_download(), &[("number", &number(index + 1))]) }
                        </button></li>
                    }) }
                </ul>
            }
            <h2>{ UI.data_delete_heading() }</h2>
            <p>{ UI.data_delete_body() }</p>
            if on_page.confirming == Confirming::DeleteEverything {
                <div class="confirm" role="group" aria-label={UI.data_confirm()}>
                    <p>{ UI.data_confirm() }</p>
                    <button class="danger" onclick={delete}>{ UI.data_confirm_yes() }</button>
                    <button id={KEEP_ID} onclick={cancel}>{ UI.data_confirm_no() }</button>
                </div>
            } else {
                <p><button class="danger" id={DELETE_ID} onclick={ask}>{ UI.data_delete() }</button></p>
            }
        </div>
    }
}
