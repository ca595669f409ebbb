//! The step before the results: which statements were skipped, with a way back to each.

use yew::prelude::*;

use crate::app::context::Send;
use crate::app::state::{quiz_order, Action, CheckIn};
use crate::content::{fill, number, plural, UI};

pub fn review(check_in: &CheckIn, send: &Send) -> Html {
    let skipped = check_in.skipped();
    let back = { let s = send.clone(); Callback::from(move |_| s.emit(Action::Back)) };
    let list = skipped.iter().filter_map(|&position| Some((position, quiz_order().get(position)?.1))).map(|(position, item)| {
        let go = { let s = send.clone(); Callback::from(move |_| s.emit(Action::GoTo(position))) };
        html! {
            <li data-item={item.id}>
                <span class="skipped-text">{ item.text }</span>
                <button onclick={go} aria-label={[UI.review_answer_this(), ": ", item.text].concat()}>{ UI.review_answer_this() }</button>
            </li>
        }
    });
    html! {
        <div class="review">
            <h1 tabindex="-1">{ UI.review_title() }</h1>
            if skipped.is_empty() {
                <p>{ UI.review_all_answered() }</p>
            } else {
                <p>{ fill(plural(skipped.len(), UI.review_one_skipped(), UI.review_some_skipped()), &[("count", &number(skipped.len()))]) }</p>
                <h2>{ UI.review_skipped_heading() }</h2>
                <ul class="skipped">{ for list }</ul>
            }
            <div class="actions">
                <a class="button primary" href="#/importance">{ UI.review_continue() }</a>
                <button onclick={back}>{ UI.review_back() }</button>
            </div>
        </div>
    }
}
