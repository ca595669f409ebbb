//! What a page about results shows before there are any: a heading, a line, and the way in.

use yew::prelude::*;

use crate::content::UI;

pub fn nothing_yet(title: &'static str, text: &'static str) -> Html {
    html! {
        <div class="nothing-yet">
            <h1 tabindex="-1">{ title }</h1>
            <p>{ text }</p>
            <p><a class="button primary" href="#/quiz">{ UI.results_take_quiz() }</a></p>
        </div>
    }
}
