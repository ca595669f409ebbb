//! The explainer: a contents page and the pages themselves, written in Markdown in
//! `content/en/pages` and turned into markup at build time.

use closer_core::route::Route;
use yew::prelude::*;

use crate::app::root::{use_app, use_title};
use crate::app::pages::not_found::NotFound;
use crate::content::{fill, PAGES, UI};

#[function_component(Contents)]
pub fn contents() -> Html {
    use_title(UI.learn_title);
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
}

#[function_component(LearnPage)]
pub fn learn_page(props: &LearnPageProps) -> Html {
    let state = use_app();
    let index = PAGES.iter().position(|p| p.slug == props.slug);
    use_title(index.map_or(UI.not_found_title, |n| PAGES[n].title));
    let Some(index) = index else { return html! { <NotFound /> } };
    let page = &PAGES[index];
    let previous = index.checked_sub(1).map(|n| &PAGES[n]);
    let next = PAGES.get(index + 1);
    let link = |p: &closer_core::Page, template: &str, rel: &'static str| {
        html! { <a href={Route::Page(p.slug.into()).to_hash()} rel={rel}>{ fill(template, &[("title", p.title)]) }</a> }
    };
    html! {
        <article class="learn-page" data-slug={page.slug}>
            <h1 tabindex="-1">{ page.title }</h1>
            if page.dimension.is_some() && !state.results.is_empty() {
                <p class="back-to-results"><a href="#/results">{ UI.learn_back_to_results }</a></p>
            }
            // Markup written by us and made at build time; never from a URL or storage.
            <div class="prose">{ Html::from_html_unchecked(AttrValue::Static(page.html)) }</div>
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
