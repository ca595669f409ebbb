//! One dimension's result: score, band, what it may mean, small steps, and its explainer page.
//! While the full safety response is on, every area is set aside (its score without band or
//! praise) and none offers things to try with the partner; under the gentle response, the areas
//! the safety screen touches offer none, and point to the safety page.

use closer_core::route::Route;
use closer_core::{BandId, Dimension, DimensionScore, SafetyResponse, Sign};

use crate::app::components::site_link::site_link;
use yew::prelude::*;

use crate::content::{fill, number, BANK, PAGES, UI};
use closer_core::text::Decimal;


/// The change since last time, in words.
pub fn change_text(now: u8, before: u8) -> String {
    let points = number(now.abs_diff(before).into());
    match now.cmp(&before) {
        std::cmp::Ordering::Greater => fill(UI.results_change_up(), &[("points", &points)]),
        std::cmp::Ordering::Less => fill(UI.results_change_down(), &[("points", &points)]),
        std::cmp::Ordering::Equal => UI.results_change_same().to_string(),
    }
}

/// The id of the heading of dimension `id`'s card (the results' in-page links lead there).
pub fn heading_id(id: &str) -> String {
    ["dimension-", id].concat()
}

/// One dimension's card; `previous` is its score last time, for the change since then;
/// `response`, what the result's safety screen calls for.
pub fn dimension_result(d: &'static Dimension, score: DimensionScore, previous: Option<u8>, embedded: bool, response: SafetyResponse) -> Html {
    let heading_id = heading_id(d.id);
    let page = PAGES.iter().find(|p| p.dimension == Some(d.id));
    let touched = BANK.screen.touches.contains(&d.id);
    let set_aside = response.sets_aside_every_area();
    let hides_steps = BANK.hides_steps(response, d.id);
    let mut low = false;
    let (score_attr, summary, meaning) = match score {
        DimensionScore::Scored(value) => {
            let band = BANK.band_for(value);
            low = band.id == BandId::Low;
            let name = if set_aside { UI.results_set_aside() } else { band.name };
            let mut line = [&fill(UI.results_score_of(), &[("score", &number(value.into()))]), " · ", name].concat();
            if let Some(before) = previous {
                line = [&line, " · ", &change_text(value, before)].concat();
            }
            let meaning = if set_aside { UI.results_set_aside_meaning() } else { d.band_text.get(band.id.index()).copied().unwrap_or_default() };
            (Some(value.decimal()), line, meaning.to_string())
        }
        DimensionScore::NotEnoughAnswers { answered, total } => (
            None,
            UI.results_not_enough().to_string(),
            fill(UI.results_not_enough_long(), &[("answered", &number(answered)), ("total", &number(total))]),
        ),
    };
    html! {
        <section key={d.id} class="dimension-result" data-dimension={d.id} data-score={score_attr}
            data-set-aside={set_aside.then_some("true")} aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id}>{ d.name }</h3>
            <p class="dimension-score">{ summary }</p>
            <p>{ meaning }</p>
            if touched && (low || hides_steps) {
                <p class="card-safety">{ site_link(embedded, Route::Page("safety".into()), UI.safety_link()) }</p>
            }
            if d.sign == Sign::Distance {
                <p class="dimension-sign">{ fill(UI.results_sign_of_distance(), &[("name", d.distance_name)]) }</p>
            }
            if !hides_steps {
                <h4>{ UI.results_steps_heading() }</h4>
                <ul class="steps">{ for d.steps.iter().map(|s| html! { <li>{ *s }</li> }) }</ul>
            }
            if let Some(page) = page {
                <p class="learn-more">{ site_link(embedded, Route::Page(page.slug.into()), &fill(UI.results_learn_more(), &[("name", d.name)])) }</p>
            }
        </section>
    }
}
