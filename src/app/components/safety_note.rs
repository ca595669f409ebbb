//! The safety response, shown first on the results and before a comparison whatever the
//! scores: the full note when a screen statement was agreed with, a gentler one when the person
//! was unsure about fear, sexual pressure or threats. Both say where the quick exit is.

use closer_core::route::Route;
use closer_core::SafetyResponse;
use yew::prelude::*;

use crate::app::components::site_link::site_link;
use crate::content::UI;
use crate::web::exit;

/// The quick exit in the header of every page (and at the top of the embed): a button that
/// leaves Closer at once for a neutral page (see `web::exit`; pressing Shift three times does the
/// same); on a static page (`as_link`), read perhaps without JavaScript, a plain link there. Its
/// description, for screen readers, says what it does and what it cannot do.
pub fn quick_exit(as_link: bool) -> Html {
    let hint = html! { <span class="visually-hidden" id="quick-exit-hint">{ UI.safety_exit_hint() }</span> };
    if as_link {
        return html! {
            <p class="quick-exit no-print">
                <a class="button quick-exit-button" data-testid="quick-exit" href={UI.safety_exit_to()} rel="noreferrer" aria-describedby="quick-exit-hint">{ UI.safety_exit() }</a>
                { hint }
            </p>
        };
    }
    html! {
        <p class="quick-exit no-print">
            <button type="button" class="quick-exit-button" data-testid="quick-exit" aria-describedby="quick-exit-hint"
                onclick={Callback::from(|_| exit::leave(UI.safety_exit_to()))}>{ UI.safety_exit() }</button>
            { hint }
        </p>
    }
}

/// Where the quick exit is, and what it does and does not do, in words: on the safety page and
/// in the safety notes.
pub fn quick_exit_note() -> Html {
    html! { <p class="quick-exit-note" data-testid="quick-exit-note">{ UI.safety_exit_note() }{ " " }{ UI.safety_exit_hint() }</p> }
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
                { quick_exit_note() }
            </aside>
        },
        SafetyResponse::Full => html! {
            <aside class="safety-note" role="note" aria-labelledby="safety-heading" data-testid="safety-note">
                <h2 id="safety-heading">{ UI.safety_heading() }</h2>
                <p>{ UI.safety_body() }</p>
                <p>{ UI.safety_emergency() }</p>
                { link }
                <p>{ UI.safety_device() }{" "}{ site_link(embedded, Route::Data, UI.safety_data_link()) }</p>
                { quick_exit_note() }
            </aside>
        },
    }
}
