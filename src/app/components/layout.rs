//! The frame around every page: skip link, header with the quick exit and navigation, main,
//! footer. In an embed, the quick exit at the top and a footer line.

use closer_core::route::Route;
use yew::prelude::*;

use crate::app::components::notices::notices;
use crate::app::components::safety_note::quick_exit;
use crate::app::address::Site;
use crate::app::components::site_link::site_link;
use crate::app::context::Send;
use crate::app::state::State;
use crate::content::UI;

/// The id of the page's `<main>`, which holds the page's heading (`web::dom::focus_heading`).
pub const MAIN_ID: &str = "main";

/// The frame around `page`: it reads the route, the site, whether there are results, storage and
/// the notices.
pub fn layout(state: &State, send: &Send, page: Html) -> Html {
    let (route, site, check_in) = (&state.route, &state.site, &state.check_in);
    let current = |matches: bool| if matches { Some("page") } else { None };
    let in_quiz = matches!(route, Route::Quiz | Route::Review | Route::Importance);
    let in_learn = matches!(route, Route::Learn | Route::Page(_));
    if site.embed {
        // Inside another site's page: no site header or footer, compact spacing.
        return html! {
            <div class="app embed">
                // Landmarks, so that a screen reader finds everything in one (the quick exit in
                // a header, the closing lines in a footer).
                <header class="embed-header">{ quick_exit(false) }</header>
                <main id={MAIN_ID} tabindex="-1">
                    { notices(&state.notices, &state.storage, &state.site, &state.route, send) }
                    { page }
                </main>
                <footer class="embed-footer-area">
                    <p class="embed-footer">
                        { site_link(true, Route::Home, UI.site_open_full()) }
                        {" · "}{ UI.site_footer_privacy() }
                    </p>
                    { languages(&state.site, &state.route) }
                </footer>
            </div>
        };
    }
    html! {
        <>
            <a class="skip-link" href="#main" onclick={Callback::from(|e: MouseEvent| {
                e.prevent_default();
                crate::web::dom::focus_id(&[MAIN_ID]);
            })}>{ UI.site_skip_link() }</a>
            <header class="site-header">
                { quick_exit(site.is_static_page()) }
                <a class="brand" href={site.link("#/")} aria-current={current(*route == Route::Home)}>{ UI.site_name() }</a>
                <nav aria-label={UI.site_nav_label()}>
                    <ul>
                        <li><a href={site.link("#/quiz")} aria-current={current(in_quiz)}>{ UI.site_nav_quiz() }</a></li>
                        <li><a href={site.link("#/learn")} aria-current={current(in_learn)}>{ UI.site_nav_learn() }</a></li>
                        if !check_in.results.is_empty() {
                            <li><a href={site.link("#/results")} aria-current={current(*route == Route::Results)}>{ UI.site_nav_results() }</a></li>
                            <li><a href={site.link("#/history")} aria-current={current(*route == Route::History)}>{ UI.site_nav_history() }</a></li>
                        }
                        if check_in.plan_shown().is_some() {
                            <li><a href={site.link("#/plan")} aria-current={current(matches!(route, Route::Plan | Route::Recheck))}>{ UI.plan_nav_plan() }</a></li>
                        }
                    </ul>
                </nav>
                { languages(&state.site, &state.route) }
            </header>
            <main id={MAIN_ID} tabindex="-1">
                { notices(&state.notices, &state.storage, &state.site, &state.route, send) }
                { page }
            </main>
            <footer class="site-footer">
                <p>{ UI.site_footer_privacy() }{" "}{ UI.site_footer_not_diagnosis() }</p>
                <p class="footer-links">
                    <a href={site.link("#/learn/privacy")}>{ UI.site_footer_privacy_link() }</a>
                    <a href={site.link("#/learn/safety")}>{ UI.site_footer_safety_link() }</a>
                    <a href={site.link("#/learn/how-it-works")}>{ UI.site_footer_how_link() }</a>
                    <a href={site.link("#/data")} aria-current={current(*route == Route::Data)}>{ UI.site_footer_data_link() }</a>
                </p>
            </footer>
        </>
    }
}

/// The language switch: a link for every other language, named in itself ("Español" on a page
/// in English). It opens this page again with `?hl=<code>`: the page's start-up script takes
/// that language's words, and the app keeps the choice with the record (`CheckIn::language`), so
/// it holds on later visits too.
fn languages(site: &Site, route: &Route) -> Html {
    let shown = crate::content::language().code;
    html! {
        <p class="languages">
            { for crate::content::LANGUAGES.iter().filter(|l| l.code != shown).map(|l| html! {
                <a href={site.in_language(route, l.code)} lang={l.code} hreflang={l.code}>{ l.name }</a>
            }) }
        </p>
    }
}
