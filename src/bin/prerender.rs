//! Prerenders every page with fixed content at build time, natively, with Yew's server renderer
//! and the app's own component (`closer::app::App`): the same code renders them here and in the
//! browser, so there is no second template. Run by the post-build's "prerender" step
//! (scripts/build/prerender.mjs), in release builds only:
//!
//!   cargo run --features ssr --bin prerender -- <words file> <language folder>
//!
//! It prints, as JSON, one entry per page: the file it goes to, the route it shows, its title
//! and description, the way back to the app's folder, and its body's markup. The front page goes
//! into index.html (the app mounts over it, replacing it with the same markup), and the check-in's first
//! statement into `check-in/index.html` (`es/check-in/` for Spanish), a copy of it (`"app":
//! true`) over which the app mounts the same way, as it does over the front page in another
//! language than English (`es/index.html`); the explainer pages are pages of
//! their own at real paths (`learn/<slug>/`), read with or without JavaScript, whose links lead
//! to each other's real paths and to the app's routes in its folder.
//!
//! A second language is a second run with its own words file and folder: its pages go to a
//! folder of its own (`es/learn/<slug>/`), and each entry carries its language and a key shared
//! by the same page in every language (for `hreflang` links).
#![allow(clippy::disallowed_macros)] // build-time code: `format!` is fine here

use closer::app::address::Site;
use closer::app::state::State;
use closer::app::{document_title, App, Props};
use closer::content::{PAGES, UI};
use closer_core::route::Route;
use serde_json::json;
use std::path::Path;

fn fail(message: String) -> ! {
    eprintln!("prerender: {message}");
    std::process::exit(1);
}

/// The body's markup of `state`, as the app renders it.
fn render(state: State) -> String {
    let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap_or_else(|e| fail(format!("no runtime: {e}")));
    let renderer = yew::LocalServerRenderer::<App>::with_props(Props { prerendered: Some(state) }).hydratable(false);
    runtime.block_on(tokio::task::LocalSet::new().run_until(renderer.render()))
}

/// A page body's links to the app (`#/…`, written in Markdown) as `state` leads to them: from a
/// static page, to real paths.
fn relink(html: &str, state: &State) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("href=\"#/") {
        let start = at + "href=\"".len();
        let Some(len) = rest[start..].find('"') else { break };
        out.push_str(&rest[..start]);
        out.push_str(&state.site.href(&Route::parse(&rest[start..start + len])));
        rest = &rest[start + len..];
    }
    out.push_str(rest);
    out
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(words), Some(language)) = (args.next(), args.next()) else {
        eprintln!("usage: prerender <words file> <language folder>");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&words).unwrap_or_else(|e| fail(format!("cannot read {words}: {e}")));
    if !closer::content::take(text) {
        fail(format!("{words} is not the words file of this build"));
    }
    let source = closer_core::parse::language(Path::new(&language)).unwrap_or_else(|e| fail(format!("content error: {e}")));
    let lang = Path::new(&language).file_name().and_then(|n| n.to_str()).unwrap_or("en").to_string();

    let english = lang == closer::content::LANGUAGES[0].code;
    // A static page's way up to the app's folder: one step per folder of its path.
    let up = |path: &str| -> &'static str { Box::leak("../".repeat(path.matches('/').count()).into_boxed_str()) };

    let mut pages = Vec::new();
    // The front page, over which the app mounts: index.html, in English
    // (the start-up script picks the reader's language: in another, the app renders in it), and
    // in every other language a copy of it at a real path (`es/`) as the check-in's below.
    if english {
        let home = State::prerendered(Route::Home);
        pages.push(json!({
            "file": "index.html", "path": "", "key": "", "lang": lang, "route": Route::Home.to_hash(), "root": "./",
            "title": document_title(&Route::Home), "body": render(home),
        }));
    }
    // The app's own pages at real paths, for links straight to them: the front page in a
    // language other than English (`es/`) and the check-in's first statement (`check-in/`,
    // `es/check-in/`). Each is index.html with that route's markup, scripts and all, its links
    // as the app has them (the start-up script moves the address to the app's folder, with the
    // language asked for when it is not English, before anything is fetched).
    let app_pages = if english { vec![(Route::Quiz, "check-in/")] } else { vec![(Route::Home, ""), (Route::Quiz, "check-in/")] };
    for (route, key) in app_pages {
        let path = Site::static_path(&route);
        pages.push(json!({
            "file": format!("{path}index.html"), "path": path, "key": key, "lang": lang, "route": route.to_hash(),
            "root": up(&path), "app": true, "title": document_title(&route), "body": render(State::prerendered(route)),
        }));
    }
    // The explainer's contents, and each explainer page, at real paths.
    let path = Site::static_path(&Route::Learn);
    let root = up(&path);
    let learn = State { site: Site { static_root: Some(root), ..Site::default() }, ..State::prerendered(Route::Learn) };
    pages.push(json!({
        "file": format!("{path}index.html"), "path": path, "key": "learn/", "lang": lang, "root": root,
        "title": document_title(&Route::Learn), "description": UI.learn_lead(), "body": render(learn),
    }));
    for page in PAGES.iter() {
        let read = source.pages.iter().find(|p| p.page.slug == page.slug).unwrap_or_else(|| fail(format!("no page {}", page.slug)));
        let route = Route::Page(page.slug.into());
        let path = Site::static_path(&route);
        let root = up(&path);
        let mut state = State { site: Site { static_root: Some(root), ..Site::default() }, ..State::prerendered(route.clone()) };
        let body: &'static str = Box::leak(relink(read.html, &state).into_boxed_str());
        state.bodies.fetched.push((page.file, body));
        pages.push(json!({
            "file": format!("{path}index.html"), "path": path,
            "key": format!("learn/{}/", page.slug), "lang": lang, "root": root,
            "title": document_title(&route), "description": read.description, "body": render(state),
        }));
    }
    println!("{}", serde_json::Value::Array(pages));
}
