//! The safety response, shown first on the results and before a comparison whatever the
//! scores: the full note when a screen statement was agreed with, a gentler one when the person
//! was unsure about fear or sexual pressure. Both have a quick exit.

use closer_core::route::Route;
use closer_core::SafetyResponse;
use yew::prelude::*;

use crate::app::components::site_link::site_link;
use crate::content::UI;
use crate::web::exit;

/// A button that leaves Closer at once for a neutral page (see `web::exit`); on a static page
/// (`as_link`), read perhaps without JavaScript, a plain link there.
pub fn quick_exit(as_link: bool) -> Html {
    if as_link {
        return html! {
            <p class="quick-exit no-print">
                <a class="button quick-exit-button" data-testid="quick-exit" href={UI.safety_exit_to()} rel="noreferrer" aria-describedby="quick-exit-hint">{ UI.safety_exit() }</a>
                <span class="hint" id="quick-exit-hint">{ UI.safety_exit_hint() }</span>
            </p>
        };
    }
    html! {
        <p class="quick-exit no-print">
            <button type="button" class="quick-exit-button" data-testid="quick-exit" aria-describedby="quick-exit-hint"
                onclick={Callback::from(|_| exit::leave(UI.safety_exit_to()))}>{ UI.safety_exit() }</button>
            <span class="hint" id="quick-exit-hint">{ UI.safety_exit_hint() }</span>
        </p>
    }
}

pub fn safety_note(response: SafetyResponse, embedded: bool) -> Html {
    let link = html! { <p>{ site_link(embedded, Route::Page("safety".into()), UI.safety_link()) }</p> };
    match response {
        SafetyResponse::None => html! {},
        SafetyResponse::Gentle => html! {
            <aside class="safety-note gentle" role="note" aria-labelledby="safety-heading" data-testid="safety-gentle">
                <h2 id="safety-heading">{ UI.safety_gentle_heading() }</h2>
                <p>{ UI.safety_gentle_body() }</p>
                { link }
                { quick_exit(false) }
            </aside>
        },
        SafetyResponse::Full => html! {
            <aside class="safety-note" role="note" aria-labelledby="safety-heading" data-testid="safety-note">
                <h2 id="safety-heading">{ UI.safety_heading() }</h2>
                <p>{ UI.safety_body() }</p>
                <p>{ UI.safety_emergency() }</p>
                { link }
                <p>{ UI.safety_device() }{" "}{ site_link(embedded, Route::Data, UI.safety_data_link()) }</p>
                { quick_exit(false) }
            </aside>
        },
    }
}
