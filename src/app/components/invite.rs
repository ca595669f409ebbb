//! Making a partner link: an optional name, an optional lock with a passphrase, the link itself,
//! what it holds (scores and ratings, never an answer), and its QR code on request. While the
//! safety response is on, a plain caution comes first and the form opens only on request.

use closer_core::route::Route;
use closer_core::share::{self, SharedPlan, MAX_NAME_CHARS};
use yew::prelude::*;

use crate::app::context::Send;
use crate::app::components::passphrase::passphrase_form;
use crate::app::state::{Action, CompletedResult, Copied, OnPage, Refused};
use crate::content::{fill, UI};
use crate::web::{clock, crypto, embed, input, qr, share as sheet};
use closer_core::text::Decimal;

/// The id of the field with the link, where the focus goes once a locked link is made.
pub const LINK_ID: &str = "invite-link";

/// Why a link could not be locked, in words.
fn lock_refused(refused: Refused) -> &'static str {
    match refused {
        Refused::Empty => UI.invite_passphrase_empty(),
        Refused::Wrong | Refused::Unavailable => UI.invite_lock_failed(),
    }
}

/// The partner-link form for `result`, under `heading` and `lead`; with `caution`, behind a
/// caution and a choice to open it.
/// With `plan`, the link also holds the plan's area and first day (so a partner can follow it).
pub fn invite(on_page: &OnPage, send: &Send, result: &CompletedResult, plan: Option<SharedPlan>, heading: &'static str, lead: &'static str, caution: bool) -> Html {
    let form = &on_page.invite;
    let mut shared = result.shared(Some(form.name.as_str()));
    shared.plan = plan;
    // Locked: the link made for this name and passphrase, once it is made.
    let code = if form.lock { form.locked.clone() } else { Some(share::encode(&shared)) };
    let link = code.map(|code| embed::full_site_url(&Route::Compare(code).to_hash()));
    let mut holds = UI.invite_contains_scores().to_string();
    if let Some(n) = &shared.name {
        holds = [&holds, " ", &fill(UI.invite_contains_name(), &[("name", n)])].concat();
    }
    if shared.plan.is_some() {
        holds = [&holds, " ", UI.plan_link_holds_plan()].concat();
    }
    let lock_toggle = {
        let s = send.clone();
        let lock = form.lock;
        Callback::from(move |_| s.emit(Action::Lock(!lock)))
    };
    let make_locked = {
        let s = send.clone();
        let name = form.name.clone();
        Callback::from(move |passphrase: String| {
            s.emit(Action::Busy);
            let (s, name) = (s.clone(), name.clone());
            crypto::lock(shared.clone(), passphrase.clone(), move |code| s.emit(Action::Locked { name, passphrase, code }));
        })
    };
    let on_name = {
        let s = send.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(name) = input::value(&e) {
                s.emit(Action::InviteName(name));
            }
        })
    };
    let link = link.unwrap_or_default();
    let show_qr = {
        let link = link.clone();
        let s = send.clone();
        Callback::from(move |_| {
            // Showing the code is handing the link over, as copying it is.
            s.emit(Action::Shared { date_ms: clock::now_ms() });
            let s = s.clone();
            qr::draw(link.clone(), move |code| s.emit(Action::QrDrawn(code)));
        })
    };
    let drawn = match &form.qr {
        Some(Some(code)) if code.text == link => {
            let side = (code.size + 8).decimal();
            Some(html! {
                <figure class="qr" data-testid="qr">
                    <svg viewBox={["-4 -4 ", &side, " ", &side].concat()} role="img" aria-label={UI.invite_qr_label()}>
                        <path d={code.path.clone()} />
                    </svg>
                    <figcaption>{ UI.invite_qr_caption() }</figcaption>
                </figure>
            })
        }
        _ => None,
    };
    let copy = {
        let link = link.clone();
        let s = send.clone();
        Callback::from(move |_| {
            s.emit(Action::Shared { date_ms: clock::now_ms() });
            let s = s.clone();
            sheet::copy(&link, LINK_ID, move |ok| s.emit(Action::InviteCopied(if ok { Copied::Yes } else { Copied::Selected })));
        })
    };
    let share_now = {
        let link = link.clone();
        let s = send.clone();
        Callback::from(move |_| {
            s.emit(Action::Shared { date_ms: clock::now_ms() });
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
            <p><label class="check"><input type="checkbox" id="invite-lock" checked={form.lock} onchange={lock_toggle} />{ UI.invite_lock() }</label></p>
            if form.lock && link.is_empty() {
                { passphrase_form(&on_page.passphrase, send, UI.invite_passphrase_hint(), lock_refused, UI.invite_lock_button(), UI.invite_locking(), make_locked) }
            } else {
                <p class="field">
                    <label for={LINK_ID}>{ UI.invite_link_label() }</label>
                    <input id={LINK_ID} type="text" readonly=true value={link} aria-describedby="invite-holds" />
                </p>
                <p id="invite-holds" class="invite-holds" data-testid="invite-holds">{ holds }{" "}{ if form.lock { UI.invite_locked_holds() } else { UI.invite_anyone() } }</p>
                <div class="actions">
                    <button class="primary" onclick={copy}>{ UI.invite_copy() }</button>
                    if sheet::can_share() {
                        <button onclick={share_now}>{ UI.invite_share() }</button>
                    }
                    // (It stays once the code is shown: the keyboard's focus stays on it.)
                    <button onclick={show_qr}>{ UI.invite_qr_show() }</button>
                </div>
                <p class="copy-status" role="status">
                    { match form.copied { Copied::Not => "", Copied::Yes => UI.invite_copied(), Copied::Selected => UI.invite_copy_failed() } }
                    { " " }
                    { if form.qr == Some(None) { UI.invite_qr_failed() } else if drawn.is_some() { UI.invite_qr_shown() } else { "" } }
                </p>
            }
        </>
    };
    html! {
        <>
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
        // Outside the section, which does not print: the code does, for handing over on paper.
        // (One child, empty or not: a list growing at its end would pair the section with the
        // code, as Yew pairs unkeyed children from the end, and make it anew, focus and all.)
        { drawn.unwrap_or_default() }
        </>
    }
}
