//! "12 of 36", as words and as a bar.

use yew::prelude::*;

use crate::content::{fill, UI};

#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    /// The number of the statement on screen, from 1.
    pub current: usize,
    pub total: usize,
}

#[function_component(Progress)]
pub fn progress(props: &ProgressProps) -> Html {
    let text = fill(UI.quiz_progress, &[("done", &props.current.to_string()), ("total", &props.total.to_string())]);
    html! {
        <div class="progress">
            <p class="progress-text" id="progress-text">{ text }</p>
            <progress max={props.total.to_string()} value={props.current.to_string()} aria-labelledby="progress-text"></progress>
        </div>
    }
}
