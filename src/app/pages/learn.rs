//! The explainer: a contents page and the pages themselves, written in Markdown in
//! `content/en/pages` and turned into markup at build time.

use closer_core::route::Route;
use yew::prelude::*;

use crate::app::components::safety_note::quick_exit_note;
use crate::app::address::Site;
use crate::app::context::Send;
use crate::app::state::{Action, Bodies, CheckIn, OnPage};
use crate::app::pages::not_found::not_found;
use crate::content::{fill, PAGES, UI};
use crate::web::fetch;

pub fn contents(site: &Site) -> Html {
    html! {
        <div class="learn">
            <h1 tabindex="-1">{ UI.learn_title() }</h1>
            <p class="lead">{ UI.learn_lead() }</p>
            <nav aria-label={UI.learn_contents_label()}>
                <ol class="contents">
                    { for PAGES.iter().map(|p| html! { <li><a href={site.href(&Route::Page(p.slug.into()))}>{ p.title }</a></li> }) }
                </ol>
            </nav>
        </div>
    }
}

/// Explainer page `slug`. Its body is fetched by the app (`root.rs`) when the page opens.
pub fn learn_page(slug: &str, check_in: &CheckIn, on_page: &OnPage, bodies: &Bodies, site: &Site, send: &Send) -> Html {
    let Some((index, page)) = PAGES.iter().enumerate().find(|(_, p)| p.slug == slug) else { return not_found() };
    let body = bodies.get(page.file);
    let failed = body.is_none() && on_page.body_failed == Some(page.file);
    let previous = index.checked_sub(1).and_then(|n| PAGES.get(n));
    let next = PAGES.get(index + 1);
    let link = |p: &closer_core::Page, template: &str, rel: &'static str| {
        html! { <a href={site.href(&Route::Page(p.slug.into()))} rel={rel}>{ fill(template, &[("title", p.title)]) }</a> }
    };
    let retry = { let s = send.clone(); Callback::from(move |_| s.emit(Action::RetryBody)) };
    html! {
        <article class="learn-page" data-slug={page.slug}>
            <h1 tabindex="-1">{ page.title }</h1>
            if page.slug == "safety" { { quick_exit_note() } }
            if page.dimension.is_some() && !check_in.results.is_empty() {
                <p class="back-to-results"><a href="#/results">{ UI.learn_back_to_results() }</a></p>
            }
            <div class="prose" aria-busy={(body.is_none() && !failed).then_some("true")}>{
                match body {
                    Some(html) => trusted_body(html),
                    None if failed => html! {
                        <div class="load-failed" role="alert">
                            <p>{ UI.learn_load_failed() }</p>
                            <button onclick={retry}>{ UI.learn_retry() }</button>
                        </div>
                    },
                    None => html! { <p class="loading">{ UI.learn_loading() }</p> },
                }
            }</div>
            <nav class="pager" aria-label={UI.learn_pager_label()}>
                if let Some(p) = previous { { link(p, UI.learn_previous(), "prev") } }
                if let Some(p) = next { { link(p, UI.learn_next(), "next") } }
            </nav>
            <nav class="guide" aria-labelledby="guide-heading">
                <h2 id="guide-heading">{ UI.learn_contents_label() }</h2>
                <ol class="contents">
                    { for PAGES.iter().map(|p| html! {
                        <li><a href={site.href(&Route::Page(p.slug.into()))} aria-current={(p.slug == page.slug).then_some("page")}>{ p.title }</a></li>
                    }) }
                </ol>
            </nav>
        </article>
    }
}

/// An explainer page's body as markup: the one place text becomes markup (`clippy.toml` disallows
/// `from_html_unchecked` everywhere else). Only ever markup written by us and made at build time,
/// which [`fetch_body`] fetched with the integrity the words file names (so the browser gave it
/// only the bytes written at build time); never anything from a URL or from storage.
#[allow(clippy::disallowed_methods)]
fn trusted_body(html: &'static str) -> Html {
    Html::from_html_unchecked(AttrValue::Static(html))
}

/// Fetches the body of `page` and reports it as an action: only the exact markup made at build
/// time is taken, as the browser checks by its Subresource Integrity (from the words file, which
/// was itself fetched with its integrity: `content::take`).
pub fn fetch_body(page: &'static closer_core::Page, done: impl FnOnce(Action) + 'static) {
    fetch::text_with_integrity(page.file, page.integrity, move |result| match result {
        Ok(text) => {
            // Fetched once per visit and kept for it: leaking gives the `&'static str` the
            // state holds, and the bodies together are a few KB.
            let html: &'static str = Box::leak(text.into_boxed_str());
            done(Action::BodyLoaded { file: page.file, html });
        }
        _ => done(Action::BodyFailed(page.file)),
    });
}
