//! The explainer: a contents page and the pages themselves, written in Markdown in
//! `content/en/pages` and turned into markup at build time.

use closer_core::body_checksum;
use closer_core::route::Route;
use yew::prelude::*;

use crate::app::root::use_title;
use crate::app::pages::not_found::not_found;
use crate::content::{fill, PAGES, UI};
use crate::web::fetch;

pub fn contents() -> Html {
    html! {
        <div class="learn">
            <h1 tabindex="-1">{ UI.learn_title }</h1>
            <p class="lead">{ UI.learn_lead }</p>
            <nav aria-label={UI.learn_contents_label}>
                <ol class="contents">
                    { for PAGES.iter().map(|p| html! { <li><a href={Route::Page(p.slug.into()).to_hash()}>{ p.title }</a></li> }) }
                </ol>
            </nav>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct LearnPageProps {
    pub slug: String,
    /// Whether there are results to go back to.
    pub has_results: bool,
}

/// A page body as it stands: still coming, here (only if it is the markup made at build time),
/// or not to be had.
#[derive(Clone, PartialEq)]
enum Body {
    Loading,
    Ready(&'static str),
    Failed,
}

thread_local! {
    /// Bodies already fetched, by slug: each is fetched once per visit.
    static BODIES: std::cell::RefCell<Vec<(&'static str, &'static str)>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn cached(slug: &str) -> Option<&'static str> {
    BODIES.with(|b| b.borrow().iter().find(|(s, _)| *s == slug).map(|(_, body)| *body))
}

#[function_component(LearnPage)]
pub fn learn_page(props: &LearnPageProps) -> Html {
    let index = PAGES.iter().position(|p| p.slug == props.slug);
    use_title(index.map_or(UI.not_found_title, |n| PAGES[n].title));
    let body = use_state(|| Body::Loading);
    let attempt = use_state(|| 0u32);
    {
        let body = body.clone();
        use_effect_with((index, *attempt), move |(index, _)| {
            if let Some(page) = index.map(|n| &PAGES[n]) {
                if let Some(html) = cached(page.slug) {
                    body.set(Body::Ready(html));
                } else {
                    body.set(Body::Loading);
                    fetch::text(page.file, move |result| match result {
                        // Only the exact markup made at build time becomes markup.
                        Ok(text) if body_checksum(&text) == page.checksum => {
                            let html: &'static str = Box::leak(text.into_boxed_str());
                            BODIES.with(|b| b.borrow_mut().push((page.slug, html)));
                            body.set(Body::Ready(html));
                        }
                        _ => body.set(Body::Failed),
                    });
                }
            }
        });
    }
    let Some(index) = index else { return not_found() };
    let page = &PAGES[index];
    let previous = index.checked_sub(1).map(|n| &PAGES[n]);
    let next = PAGES.get(index + 1);
    let link = |p: &closer_core::Page, template: &str, rel: &'static str| {
        html! { <a href={Route::Page(p.slug.into()).to_hash()} rel={rel}>{ fill(template, &[("title", p.title)]) }</a> }
    };
    html! {
        <article class="learn-page" data-slug={page.slug}>
            <h1 tabindex="-1">{ page.title }</h1>
            if page.dimension.is_some() && props.has_results {
                <p class="back-to-results"><a href="#/results">{ UI.learn_back_to_results }</a></p>
            }
            <div class="prose" aria-busy={(*body == Body::Loading).then_some("true")}>{
                match &*body {
                    // Markup written by us and made at build time (its checksum is compiled in);
                    // never anything else from a URL or from storage.
                    Body::Ready(html) => Html::from_html_unchecked(AttrValue::Static(html)),
                    Body::Loading => html! { <p class="loading">{ UI.learn_loading }</p> },
                    Body::Failed => html! {
                        <div class="load-failed" role="alert">
                            <p>{ UI.learn_load_failed }</p>
                            <button onclick={{ let a = attempt.clone(); Callback::from(move |_| a.set(*a + 1)) }}>{ UI.learn_retry }</button>
                        </div>
                    },
                }
            }</div>
            <nav class="pager" aria-label={UI.learn_pager_label}>
                if let Some(p) = previous { { link(p, UI.learn_previous, "prev") } }
                if let Some(p) = next { { link(p, UI.learn_next, "next") } }
            </nav>
            <nav class="guide" aria-labelledby="guide-heading">
                <h2 id="guide-heading">{ UI.learn_contents_label }</h2>
                <ol class="contents">
                    { for PAGES.iter().map(|p| html! {
                        <li><a href={Route::Page(p.slug.into()).to_hash()} aria-current={(p.slug == page.slug).then_some("page")}>{ p.title }</a></li>
                    }) }
                </ol>
            </nav>
        </article>
    }
}
