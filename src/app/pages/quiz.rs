//! One statement at a time, with progress, back and skip, and keyboard answering:
//! 1–5 (and 6, "does not apply", where offered) choose and move on, arrow keys choose, Enter
//! moves on.

use yew::prelude::*;

use crate::app::components::answer_group::{answer_group, option_id};
use crate::app::components::progress::progress;
use crate::app::context::Send;
use crate::app::state::{quiz_order, Action, CheckIn};
use crate::content::{BANK, UI};

/// The position on screen (the last statement after it: the review is next).
fn on_screen(check_in: &CheckIn) -> usize {
    check_in.position.min(quiz_order().len().saturating_sub(1))
}

/// The name of the radio group of statement `id`.
fn group_name(id: &str) -> String {
    ["answer-", id].concat()
}

/// Where the focus goes on each new statement (the app's effect, see `root.rs`): the ids of its
/// chosen answer, if any, and of its first option.
pub fn focus_ids(check_in: &CheckIn) -> [String; 2] {
    let Some((_, item)) = quiz_order().get(on_screen(check_in)) else { return Default::default() };
    let name = group_name(item.id);
    let chosen = check_in.answers.get(item.id).map_or(0, |&v| usize::from(v));
    [option_id(&name, chosen), option_id(&name, 0)]
}

/// Each new statement takes the focus (the app's effect on `position`, see `root.rs`).
pub fn quiz(check_in: &CheckIn, send: &Send) -> Html {
    let order = quiz_order();
    let position = on_screen(check_in);
    let Some(&(_, item)) = order.get(position) else { return html! {} };
    let selected = check_in.answers.get(item.id).copied();
    // "Does not apply to us" only where a statement may not fit every couple.
    let [a, b, c, d, e] = BANK.answer_options;
    let with_not_applicable = [a, b, c, d, e, BANK.not_applicable_option];
    let options: &[&'static str] = if item.may_not_apply { &with_not_applicable } else { &BANK.answer_options };
    let count = options.len() as u8;

    let on_choose = {
        let s = send.clone();
        Callback::from(move |(value, advance): (u8, bool)| s.emit(Action::Answer { item: item.id, value, advance }))
    };
    let on_keydown = {
        let s = send.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            let key = e.key();
            if let Some(n) = key.parse::<u8>().ok().filter(|n| (1..=count).contains(n)) {
                e.prevent_default();
                s.emit(Action::Answer { item: item.id, value: n - 1, advance: true });
            } else if key == "Enter" && crate::web::input::in_field(&e) {
                e.prevent_default();
                s.emit(Action::Next);
            }
        })
    };
    // Buttons, not form submission: a sandboxed frame without allow-forms blocks submitting.
    let next = { let s = send.clone(); Callback::from(move |_| s.emit(Action::Next)) };
    let back = { let s = send.clone(); Callback::from(move |_| s.emit(Action::Back)) };

    html! {
        <div class="quiz">
            <h1 class="visually-hidden">{ UI.quiz_title() }</h1>
            { progress(position + 1, order.len()) }
            <p class="instructions" id="quiz-instructions">{ UI.quiz_instructions() }</p>
            <div id="quiz-form" onkeydown={on_keydown} aria-describedby="quiz-instructions">
                { answer_group(&group_name(item.id), item.text, options, selected, &on_choose, "statement") }
                <div class="quiz-actions">
                    <button type="button" onclick={back} disabled={position == 0}>{ UI.quiz_back() }</button>
                    if selected.is_some() {
                        <button type="button" class="primary" onclick={next}>{ if position + 1 == order.len() { UI.quiz_review() } else { UI.quiz_next() } }</button>
                    } else {
                        <button type="button" onclick={next}>{ UI.quiz_skip() }</button>
                    }
                </div>
            </div>
        </div>
    }
}
