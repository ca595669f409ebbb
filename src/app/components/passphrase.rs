//! A passphrase form, for opening a locked link or locking one: a label, the field (hidden as it
//! is typed unless "show" is ticked), a hint, what went wrong last, and the button, which says
//! it is busy while the key is derived. Enter submits. What is typed lives in the state's
//! `PassphraseForm`, in memory only.

use yew::prelude::*;

use crate::app::context::Send;
use crate::app::state::{Action, PassphraseForm, Refused};
use crate::content::UI;

/// The form: `hint` under the field, `error` for what was refused, `button` and `busy` for the
/// button's words; `submit` is called with the passphrase, unless a key is being derived.
/// Not inlined: one copy serves both pages (inlined, each page carried the whole form).
#[inline(never)]
pub fn passphrase_form(
    form: &PassphraseForm,
    send: &Send,
    hint: &'static str,
    error: fn(Refused) -> &'static str,
    button: &'static str,
    busy: &'static str,
    submit: Callback<String>,
) -> Html {
    let on_input = {
        let s = send.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(text) = crate::web::input::value(&e) {
                s.emit(Action::Passphrase(text));
            }
        })
    };
    let toggle = {
        let s = send.clone();
        let shown = form.shown;
        Callback::from(move |_| s.emit(Action::ShowPassphrase(!shown)))
    };
    let on_submit = {
        let (busy, text) = (form.busy, form.text.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !busy {
                submit.emit(text.clone());
            }
        })
    };
    html! {
        <form class="lock" onsubmit={on_submit}>
            <div class="field">
                <label for="passphrase">{ UI.invite_passphrase_label() }</label>
                <input id="passphrase" type={ if form.shown { "text" } else { "password" } } autocomplete="off" autocapitalize="none" spellcheck="false"
                    value={form.text.clone()} oninput={on_input} aria-describedby="passphrase-hint" />
                <label class="check"><input type="checkbox" checked={form.shown} onchange={toggle} />{ UI.passphrase_show() }</label>
                <span class="hint" id="passphrase-hint">{ hint }</span>
            </div>
            if let Some(refused) = form.refused {
                <p class="error" role="alert">{ error(refused) }</p>
            }
            <button type="submit" class="primary" aria-busy={form.busy.to_string()}>{ if form.busy { busy } else { button } }</button>
        </form>
    }
}
