//! A partner's link: who invited, the blind wait until your own check-in is done, then both
//! results side by side with where you agree, where you differ, and what to talk about.

use closer_core::compare;
use closer_core::share::{self, DecodeError, SharedResult};
use yew::prelude::*;

use crate::app::components::compare_chart::compare_chart;
use crate::app::components::invite::invite;
use crate::app::context::AppContext;
use crate::app::state::{quiz_order, Action};
use crate::content::{fill, BANK, UI};
use closer_core::text::Decimal;

fn error_text(error: DecodeError) -> &'static str {
    match error.key() {
        "incomplete" => UI.compare_error_incomplete(),
        "altered" => UI.compare_error_altered(),
        "newer" => UI.compare_error_newer(),
        "empty" => UI.compare_error_empty(),
        _ => UI.compare_error_invalid(),
    }
}

/// The page for a partner's link `code`. Keeping the link and pinning the comparison to a
/// result happen in the state (`State::arrive`), whatever led here.
pub fn compare(state: &AppContext, code: &str) -> Html {
    let decoded = share::decode(code);
    let theirs = match decoded {
        Ok(theirs) => theirs,
        Err(error) => {
            return html! {
                <div class="compare">
                    <h1 tabindex="-1">{ UI.compare_error_title() }</h1>
                    <p class="error" role="alert" data-error={error.key()}>{ error_text(error) }</p>
                    <p><a class="button" href="#/">{ UI.compare_take_quiz() }</a></p>
                </div>
            };
        }
    };
    let partner = theirs.name.clone().unwrap_or_else(|| UI.compare_partner().to_string());
    let link = state.links.iter().find(|l| l.code == code);
    let revealed = link.is_some_and(|l| state.may_reveal(l));

    if !revealed {
        let total = quiz_order().len();
        let start = { let s = state.clone(); Callback::from(move |_| s.dispatch(Action::StartOver)) };
        let resume = { let s = state.clone(); Callback::from(move |_| s.dispatch(Action::Continue)) };
        return html! {
            <div class="compare">
                <h1 tabindex="-1">{ UI.compare_title() }</h1>
                // The name is only ever text.
                <p class="lead" data-testid="invited-by">{
                    match &theirs.name { Some(n) => fill(UI.compare_invited_by(), &[("name", n)]), None => UI.compare_invited().to_string() }
                }</p>
                <p>{ UI.compare_blind() }</p>
                <div class="actions">
                    if state.in_progress() {
                        <button class="primary" onclick={resume}>{ fill(UI.compare_continue(), &[("done", &state.answered().decimal()), ("total", &total.decimal())]) }</button>
                    } else {
                        <button class="primary" onclick={start}>{ UI.compare_start() }</button>
                    }
                </div>
            </div>
        };
    }

    // Our side: the result this link was compared with, or else the latest.
    let mine: Option<SharedResult> = link
        .and_then(|l| l.own_code.as_deref())
        .and_then(|c| share::decode(c).ok())
        .or_else(|| state.latest().map(|r| r.shared(false, None)));
    let Some(mine) = mine else { return html! {} };
    let c = compare::compare(&mine, &theirs);
    let name_of = |id: &str| BANK.dimension(id).map_or("", |d| d.name);
    let starter_ids: Vec<&'static str> = c.differ.iter().chain(c.shared_priorities.iter()).fold(Vec::new(), |mut v, id| {
        if !v.contains(id) && v.len() < 4 {
            v.push(*id);
        }
        v
    });
    html! {
        <div class="compare">
            <h1 tabindex="-1">{ UI.compare_title() }</h1>
            if c.versions_differ { <p class="notice">{ UI.compare_older_version() }</p> }
            <section aria-labelledby="side-heading">
                <h2 id="side-heading">{ UI.compare_chart_heading() }</h2>
                { compare_chart(&c, &partner) }
            </section>
            <section aria-labelledby="agree-heading">
                <h2 id="agree-heading">{ UI.compare_agree_heading() }</h2>
                if c.agree.is_empty() { <p>{ UI.compare_agree_none() }</p> } else {
                    <ul class="agree-list">{ for c.agree.iter().map(|id| html! { <li data-agree={*id}>{ name_of(id) }</li> }) }</ul>
                }
            </section>
            <section aria-labelledby="differ-heading">
                <h2 id="differ-heading">{ UI.compare_differ_heading() }</h2>
                if c.differ.is_empty() { <p>{ UI.compare_differ_none() }</p> } else {
                    <ul class="differ-list">{ for c.differ.iter().map(|id| {
                        let gap = c.rows.iter().find(|r| r.dimension == *id).and_then(|r| r.gap()).unwrap_or(0);
                        html! { <li data-differ={*id}>{ name_of(id) }{ ": " }{ fill(UI.compare_gap(), &[("points", &gap.decimal())]) }</li> }
                    }) }</ul>
                }
            </section>
            if !c.shared_priorities.is_empty() {
                <section aria-labelledby="priorities-heading">
                    <h2 id="priorities-heading">{ UI.compare_priorities_heading() }</h2>
                    <ul>{ for c.shared_priorities.iter().map(|id| html! { <li data-priority={*id}>{ name_of(id) }</li> }) }</ul>
                </section>
            }
            if !starter_ids.is_empty() {
                <section aria-labelledby="starters-heading" data-testid="starters">
                    <h2 id="starters-heading">{ UI.compare_starters_heading() }</h2>
                    <p>{ UI.compare_starters_lead() }</p>
                    { for starter_ids.iter().filter_map(|id| BANK.dimension(id)).map(|d| html! {
                        <div class="starters" data-dimension={d.id}>
                            <h3>{ d.name }</h3>
                            <ul>{ for d.starters.iter().map(|q| html! { <li>{ *q }</li> }) }</ul>
                        </div>
                    }) }
                </section>
            }
            if let Some(latest) = state.latest() {
                { invite(state, latest, UI.compare_send_back_heading(), UI.compare_send_back_lead()) }
            }
        </div>
    }
}
