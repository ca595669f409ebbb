//! "12 of 36", as words and as a bar.

use yew::prelude::*;

use crate::content::{fill, number, UI};
use closer_core::text::Decimal;

/// Progress through the statements: `current` is the number of the one on screen, from 1.
pub fn progress(current: usize, total: usize) -> Html {
    let text = fill(UI.quiz_progress(), &[("done", &number(current)), ("total", &number(total))]);
    html! {
        <div class="progress">
            <p class="progress-text" id="progress-text">{ text }</p>
            <progress max={total.decimal()} value={current.decimal()} aria-labelledby="progress-text"></progress>
        </div>
    }
}
