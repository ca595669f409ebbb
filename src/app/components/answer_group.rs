//! A question as a radio group: the fieldset's legend is the statement, each option a real
//! radio with its label. A pointer click chooses and moves on; arrow keys only choose.

use yew::prelude::*;
use closer_core::text::Decimal;

/// The id of option `n` (from 0) of the radio group named `name`.
pub fn option_id(name: &str, n: usize) -> String {
    [name, "-", &n.decimal()].concat()
}

/// A radio group named `name` (unique on the page, and its key) whose legend is `legend`.
/// `kind` ("statement" or "importance") is its `data-kind`, for styles and tests.
/// `on_choose` gets the chosen answer (its index in `options`) and whether to move on.
pub fn answer_group(name: &str, legend: &'static str, options: &[&'static str], selected: Option<u8>, on_choose: &Callback<(u8, bool)>, kind: &'static str) -> Html {
    let options = options.iter().enumerate().map(|(n, label)| {
        let value = n as u8;
        let id = option_id(name, n);
        // A click a pointer made moves on; one the keyboard caused only chooses. Not the click's
        // `detail`, on which engines disagree (see `web::input`).
        let on_click = on_choose.reform(move |_: MouseEvent| (value, crate::web::input::last_was_pointer()));
        let on_change = on_choose.reform(move |_: Event| (value, false));
        html! {
            <div class="option">
                <input type="radio" id={id.clone()} name={name.to_string()} value={n.decimal()}
                    checked={selected == Some(value)} onclick={on_click} onchange={on_change} />
                <label for={id}>
                    <span class="option-key" aria-hidden="true">{ (n + 1).decimal() }</span>
                    <span class="option-label">{ *label }</span>
                </label>
            </div>
        }
    });
    html! {
        <fieldset key={name.to_string()} class="answer-group" data-kind={kind} role="radiogroup">
            <legend>{ legend }</legend>
            <div class="options">{ for options }</div>
        </fieldset>
    }
}
