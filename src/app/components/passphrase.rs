//! A passphrase field, for opening a locked link or locking one: a label, the field (hidden as
//! it is typed unless "show" is ticked), a hint under it. Enter submits the form around it. What
//! is typed lives in the state's `PassphraseForm`, in memory only.

use yew::prelude::*;

use crate::app::context::AppContext;
use crate::app::state::Action;
use crate::content::UI;

/// The field with id `id`, described by `hint`.
pub fn passphrase_field(state: &AppContext, id: &'static str, hint: &'static str) -> Html {
    let form = &state.passphrase;
    let on_input = {
        let s = state.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                s.dispatch(Action::Passphrase(input.value()));
            }
        })
    };
    let toggle = {
        let s = state.clone();
        let shown = form.shown;
        Callback::from(move |_| s.dispatch(Action::ShowPassphrase(!shown)))
    };
    html! {
        <div class="field passphrase">
            <label for={id}>{ UI.invite_passphrase_label() }</label>
            <input {id} type={ if form.shown { "text" } else { "password" } } autocomplete="off" autocapitalize="none" spellcheck="false"
                value={form.text.clone()} oninput={on_input} aria-describedby="passphrase-hint" />
            <label class="check"><input type="checkbox" checked={form.shown} onchange={toggle} />{ UI.passphrase_show() }</label>
            <span class="hint" id="passphrase-hint">{ hint }</span>
        </div>
    }
}
