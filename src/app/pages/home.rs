//! The start page: what Closer is, how long it takes, the privacy promise, and the way in.

use yew::prelude::*;

use crate::app::context::Send;
use crate::app::state::{quiz_order, Action, CheckIn};
use crate::content::{fill, number, UI};

pub fn home(check_in: &CheckIn, send: &Send) -> Html {
    let total = quiz_order().len();
    let start = { let s = send.clone(); Callback::from(move |_| s.emit(Action::StartOver)) };
    let resume = { let s = send.clone(); Callback::from(move |_| s.emit(Action::Continue)) };
    html! {
        <div class="home">
            <h1 tabindex="-1">{ UI.home_title() }</h1>
            <p class="lead">{ UI.home_lead() }</p>
            <p>{ UI.home_what_you_get() }</p>
            <p>{ fill(UI.home_duration(), &[("count", &number(total))]) }</p>
            <p class="privacy-line">{ UI.home_privacy() }</p>
            if check_in.in_progress() {
                <p>{ UI.home_in_progress() }</p>
                <div class="actions">
                    <button class="primary" onclick={resume}>
                        { fill(UI.home_continue(), &[("done", &number(check_in.answered())), ("total", &number(total))]) }
                    </button>
                    <button onclick={start}>{ UI.home_start_over() }</button>
                </div>
            } else {
                <div class="actions">
                    <button class="primary" onclick={start}>{ UI.home_start() }</button>
                    if !check_in.results.is_empty() {
                        <a class="button" href="#/results">{ UI.home_last_result() }</a>
                    }
                </div>
            }
            <section class="home-learn" aria-labelledby="home-learn-heading">
                <h2 id="home-learn-heading">{ UI.home_learn_heading() }</h2>
                <p>{ UI.home_learn_lead() }</p>
                <p><a href="#/learn">{ UI.home_learn_link() }</a></p>
            </section>
        </div>
    }
}
