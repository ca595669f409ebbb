//! The results of the latest check-in: the safety response first if the screen calls for it,
//! overall score and band, your focus, the chart, one card per dimension, the partner link and
//! the disclaimer. While the full safety response is on, there is no overall score or focus, every
//! area is set aside (no band, no praise, no step to do with the partner), and the partner link
//! comes behind a caution; under the gentle response, the partner link comes behind the caution
//! and the areas the safety screen touches offer no steps.

use closer_core::focus;
use closer_core::route::Route;
use yew::prelude::*;

use crate::app::components::dimension_result::{change_text, dimension_result, heading_id};
use crate::app::components::invite::invite;
use crate::app::components::nothing_yet::nothing_yet;
use crate::app::components::plan_offer::plan_offer;
use crate::app::components::safety_note::safety_note;
use crate::app::components::site_link::site_link;
use crate::app::components::score_chart::score_chart;
use crate::app::address::Site;
use crate::app::context::Send;
use crate::app::state::{Action, CheckIn, OnPage};
use crate::content::{date, fill, number, BANK, UI};
use crate::web::dom;
use closer_core::text::Decimal;

pub fn results(check_in: &CheckIn, on_page: &OnPage, site: &Site, send: &Send) -> Html {
    let Some(latest) = check_in.latest() else {
        return nothing_yet(UI.results_title(), UI.results_none());
    };
    let scores = BANK.score(&latest.answers);
    let previous = check_in.previous().map(|p| BANK.score(&p.answers));
    let overall = scores.overall();
    let response = latest.safety();
    let safety_first = response.sets_aside_every_area();
    let focus_ids = focus(&BANK, &scores, &latest.importance);
    let again = { let s = send.clone(); Callback::from(move |_| s.emit(Action::StartOver)) };

    let focus_section = if safety_first {
        html! { <p>{ UI.results_focus_safety() }</p> }
    } else if latest.importance.is_empty() {
        html! { <p>{ UI.results_focus_unrated() }</p> }
    } else if focus_ids.is_empty() {
        html! { <p>{ UI.results_focus_none() }</p> }
    } else {
        html! {
            <>
                <p>{ UI.results_focus_lead() }</p>
                <ul class="focus-list">
                    { for focus_ids.iter().filter_map(|id| BANK.dimension(id)).map(|d| html! {
                        <li data-focus={d.id}><a href={["#", &heading_id(d.id)].concat()} onclick={jump_to(d.id)}>{ d.name }</a></li>
                    }) }
                </ul>
            </>
        }
    };

    html! {
        <div class="results">
            <h1 tabindex="-1">{ UI.results_title() }</h1>
            <p class="result-date">{ fill(UI.results_dated(), &[("date", &date(latest.date_ms))]) }</p>
            { safety_note(response, site.embed) }
            <section class="overall" aria-labelledby="overall-heading">
                <h2 id="overall-heading">{ UI.results_overall() }</h2>
                if safety_first {
                    <p class="overall-score" data-set-aside="true">{ UI.results_overall_set_aside() }</p>
                } else if let Some(value) = overall {
                    <p class="overall-score" data-overall={value.decimal()}>
                        <span class="overall-number">{ fill(UI.results_overall_of(), &[("score", &number(value.into()))]) }</span>
                        <span class="overall-band">{ BANK.band_for(value).name }</span>
                        if let Some(before) = previous.as_ref().and_then(|p| p.overall()) {
                            <span class="overall-change">{ change_text(value, before) }</span>
                        }
                    </p>
                } else {
                    <p class="overall-score">{ UI.results_not_enough() }</p>
                }
            </section>
            <section class="focus" aria-labelledby="focus-heading">
                <h2 id="focus-heading">{ UI.results_focus_heading() }</h2>
                { focus_section }
            </section>
            <section class="chart" aria-labelledby="chart-heading">
                <h2 id="chart-heading">{ UI.results_chart_heading() }</h2>
                { score_chart(&scores, safety_first) }
            </section>
            if safety_first { <p class="steps-set-aside">{ UI.results_steps_set_aside() }</p> }
            <div class="dimension-results">
                { for BANK.dimensions.iter().map(|d| html! {
                    dimension_result(d, scores.get(d.id).unwrap_or(closer_core::DimensionScore::NotEnoughAnswers { answered: 0, total: d.items.len() }),
                        previous.as_ref().and_then(|p| p.get(d.id)).and_then(|s| s.value()), site.embed, response)
                }) }
            </div>
            { plan_offer(check_in, on_page, check_in.suggested_alone(), None, false, send) }
            { invite(on_page, send, latest, check_in.shared_plan(), UI.invite_heading(), UI.invite_lead(), response.cautions_before_sharing()) }
            <p class="disclaimer">{ UI.results_disclaimer() }</p>
            <nav class="read-more no-print" aria-labelledby="read-more-heading">
                <h2 id="read-more-heading">{ UI.results_read_more() }</h2>
                <ul>
                    <li>{ site_link(site.embed, Route::Page("how-it-works".into()), UI.results_read_how()) }</li>
                    <li>{ site_link(site.embed, Route::Page("getting-help".into()), UI.results_read_help()) }</li>
                    <li>{ site_link(site.embed, Route::Learn, UI.results_read_all()) }</li>
                </ul>
            </nav>
            <div class="actions no-print">
                <button onclick={Callback::from(|_| dom::print())}>{ UI.results_print() }</button>
                <button onclick={again}>{ UI.results_again() }</button>
            </div>
        </div>
    }
}

/// In-page links would change the route, so they scroll and focus instead.
fn jump_to(id: &'static str) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        dom::focus_id(&[&heading_id(id)]);
    })
}
