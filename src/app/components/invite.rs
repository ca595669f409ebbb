//! Making a partner link: an optional name, the link itself, and what it holds (scores and
//! ratings, never an answer). While the safety response is on, a plain caution comes first and
//! the form opens only on request.

use closer_core::route::Route;
use closer_core::share::{self, MAX_NAME_CHARS};
use yew::prelude::*;

use crate::app::context::AppContext;
use crate::app::state::{Action, CompletedResult, Copied};
use crate::content::{fill, UI};
use crate::web::{clock, embed, share as sheet};
use closer_core::text::Decimal;

/// The partner-link form for `result`, under `heading` and `lead`; with `caution`, behind a
/// caution and a choice to open it.
pub fn invite(state: &AppContext, result: &CompletedResult, heading: &'static str, lead: &'static str, caution: bool) -> Html {
    let form = &state.invite;
    let shared = result.shared(Some(form.name.as_str()));
    let link = embed::full_site_url(&Route::Compare(share::encode(&shared)).to_hash());
    let mut holds = UI.invite_contains_scores().to_string();
    if let Some(n) = &shared.name {
        holds = [&holds, " ", &fill(UI.invite_contains_name(), &[("name", n)])].concat();
    }
    let on_name = {
        let s = state.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                s.dispatch(Action::InviteName(input.value()));
            }
        })
    };
    let copy = {
        let link = link.clone();
        let s = state.clone();
        Callback::from(move |_| {
            s.dispatch(Action::Shared { date_ms: clock::now_ms() });
            let s = s.clone();
            sheet::copy(&link, "invite-link", move |ok| s.dispatch(Action::InviteCopied(if ok { Copied::Yes } else { Copied::Selected })));
        })
    };
    let share_now = {
        let link = link.clone();
        let s = state.clone();
        Callback::from(move |_| {
            s.dispatch(Action::Shared { date_ms: clock::now_ms() });
            sheet::share(UI.invite_share_title(), UI.invite_share_text(), &link);
        })
    };
    let body = html! {
        <>
            <p>{ lead }</p>
            <p class="field">
                <label for="invite-name">{ UI.invite_name_label() }</label>
                <input id="invite-name" type="text" autocomplete="given-name" maxlength={MAX_NAME_CHARS.decimal()}
                    value={form.name.clone()} oninput={on_name} aria-describedby="invite-name-hint" />
                <span class="hint" id="invite-name-hint">{ UI.invite_name_hint() }</span>
            </p>
            <p class="field">
                <label for="invite-link">{ UI.invite_link_label() }</label>
                <input id="invite-link" type="text" readonly=true value={link} aria-describedby="invite-holds" />
            </p>
            <p id="invite-holds" class="invite-holds" data-testid="invite-holds">{ holds }{" "}{ UI.invite_anyone() }</p>
            <div class="actions">
                <button class="primary" onclick={copy}>{ UI.invite_copy() }</button>
                if sheet::can_share() {
                    <button onclick={share_now}>{ UI.invite_share() }</button>
                }
            </div>
            <p class="copy-status" role="status">
                { match form.copied { Copied::Not => "", Copied::Yes => UI.invite_copied(), Copied::Selected => UI.invite_copy_failed() } }
            </p>
        </>
    };
    html! {
        <section class="invite no-print" aria-labelledby="invite-heading">
            <h2 id="invite-heading">{ heading }</h2>
            if caution {
                <p class="caution" data-testid="invite-caution">{ UI.invite_caution() }</p>
                <details class="invite-details">
                    <summary>{ UI.invite_caution_open() }</summary>
                    { body }
                </details>
            } else {
                { body }
            }
        </section>
    }
}
