//! The calm note shown at the top of the results when an answer points to fear, pressure,
//! insults or control, whatever the scores.

use closer_core::route::Route;
use yew::prelude::*;

use crate::app::components::site_link::site_link;
use crate::content::UI;

pub fn safety_note(embedded: bool) -> Html {
    html! {
        <aside class="safety-note" role="note" aria-labelledby="safety-heading" data-testid="safety-note">
            <h2 id="safety-heading">{ UI.safety_heading() }</h2>
            <p>{ UI.safety_body() }</p>
            <p>{ UI.safety_emergency() }</p>
            <p>{ site_link(embedded, Route::Page("safety".into()), UI.safety_link()) }</p>
        </aside>
    }
}
