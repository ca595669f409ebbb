//! The offer of a two-week plan under a result (alone) or a comparison (together): one area to
//! work on, the suggested one first picked, any other the person prefers, or none. While a plan
//! runs, a link to it instead. Never under the full safety response; under the gentle one, only
//! the areas the safety screen does not touch.

use closer_core::route::Route;
use yew::prelude::*;

use crate::app::context::Send;
use crate::app::state::{Action, CheckIn, OnPage};
use crate::content::{fill, BANK, UI};

/// The id of the offer's heading.
pub const OFFER_HEADING_ID: &str = "plan-offer-heading";

/// The offer. `suggested` is the area Closer suggests (alone: the one that matters most among the
/// lower scores; together: the comparison's first topic); `start_day` the day the plan would
/// start (the day a partner's plan started; else today, when the button is pressed); `together`
/// whether it is a couple's plan.
pub fn plan_offer(check_in: &CheckIn, on_page: &OnPage, suggested: Option<&'static str>, start_day: Option<u32>, together: bool, send: &Send) -> Html {
    if check_in.safety_now().sets_aside_every_area() {
        return html! {};
    }
    if let Some(plan) = &check_in.plan {
        let name = BANK.dimension(&plan.area).map_or("", |d| d.name);
        return html! {
            <section class="plan-offer no-print" aria-labelledby={OFFER_HEADING_ID} data-testid="plan-offer">
                <h2 id={OFFER_HEADING_ID}>{ UI.plan_offer_heading() }</h2>
                <p><a class="button" href={Route::Plan.to_hash()}>{ fill(UI.plan_open_plan(), &[("area", name)]) }</a></p>
            </section>
        };
    }
    if on_page.plan.not_now {
        return html! {};
    }
    let not_now = { let s = send.clone(); Callback::from(move |_| s.emit(Action::PlanNotNow)) };
    let offered: Vec<&'static closer_core::Dimension> = BANK.dimensions.iter().filter(|d| check_in.plan_offered(d.id)).collect();
    if offered.is_empty() {
        return html! {};
    }
    let suggested = suggested.filter(|area| offered.iter().any(|d| d.id == *area));
    let picked = on_page.plan.area.or(suggested).or_else(|| offered.first().map(|d| d.id));
    let Some(picked) = picked.and_then(|area| BANK.dimension(area)) else { return html! {} };
    let start = {
        let s = send.clone();
        let area = picked.id;
        Callback::from(move |_| s.emit(Action::ChoosePlan { area, start_day: start_day.unwrap_or_else(crate::web::clock::today), together }))
    };
    let why = if together { UI.plan_offer_why_together() } else { UI.plan_offer_why_alone() };
    html! {
        <section class="plan-offer no-print" aria-labelledby={OFFER_HEADING_ID} data-testid="plan-offer">
            <h2 id={OFFER_HEADING_ID}>{ UI.plan_offer_heading() }</h2>
            <p>{ UI.plan_offer_lead() }</p>
            if let Some(area) = suggested.and_then(|a| BANK.dimension(a)) {
                <p class="plan-suggested" data-suggested={area.id}>{ fill(UI.plan_offer_suggested(), &[("area", area.name)]) }{ " " }{ why }</p>
            }
            <fieldset class="plan-areas">
                <legend>{ UI.plan_offer_other_label() }</legend>
                { for offered.iter().map(|d| {
                    let id = ["plan-area-", d.id].concat();
                    let area = d.id;
                    let pick = { let s = send.clone(); Callback::from(move |_: Event| s.emit(Action::PickArea(area))) };
                    html! {
                        <div class="option">
                            <input type="radio" name="plan-area" id={id.clone()} value={d.id} checked={d.id == picked.id} onchange={pick} />
                            <label for={id}>{ d.name }</label>
                        </div>
                    }
                }) }
            </fieldset>
            <p class="actions">
                <button class="primary" data-testid="plan-start" onclick={start}>{ fill(UI.plan_offer_start(), &[("area", picked.name)]) }</button>
            </p>
            <p class="plan-not-now"><button type="button" onclick={not_now}>{ UI.plan_offer_not_now() }</button></p>
        </section>
    }
}
