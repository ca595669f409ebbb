//! The document: its title, focus and scrolling, and telling the page the app cannot start.

use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Sets the tab's title.
pub fn set_title(title: &str) {
    if let Some(document) = document() {
        document.set_title(title);
    }
}

fn focus(element: web_sys::Element) -> bool {
    element.dyn_into::<web_sys::HtmlElement>().is_ok_and(|element| element.focus().is_ok())
}

/// Moves keyboard focus to the first element there is of the ids `ids`, in order of preference.
/// (Each id is a constant or function of the component that renders the element.) True if one was
/// there.
pub fn focus_id(ids: &[&str]) -> bool {
    let Some(document) = document() else { return false };
    ids.iter().any(|id| document.get_element_by_id(id).is_some_and(focus))
}

/// Moves keyboard focus to the page's heading: the first `<h1>` inside the element of id `main`
/// (`components::layout::MAIN_ID`; every page has one heading, focusable with `tabindex="-1"`).
pub fn focus_heading(main: &str) {
    let heading = document().and_then(|d| d.get_element_by_id(main)).and_then(|m| m.query_selector("h1").ok().flatten());
    if let Some(heading) = heading {
        focus(heading);
    }
}

/// Whether the keyboard's focus is on some element of the page (not nowhere, nor the page itself).
pub fn focus_is_somewhere() -> bool {
    document().is_some_and(|document| matches!(document.query_selector(":focus"), Ok(Some(_))))
}

/// Whether the page's `<body>` has the attribute `name` (such as `data-prerendered`, which the
/// start-up script leaves on a prerendered page the app mounts over).
pub fn body_has(name: &str) -> bool {
    document().and_then(|d| d.body()).is_some_and(|body| body.has_attribute(name))
}

/// Scrolls to the top of the page.
pub fn scroll_to_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Tells the page around the app that the app cannot start: its start-up script shows a message
/// with a way to reload (see `scripts/post-build.mjs`).
pub fn failed_to_start() {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new("closer-failed-to-start")) {
        let _ = window.dispatch_event(&event);
    }
}

/// Tells the page around the app that the app is running with the person's own state: clicks
/// made on the prerendered page before that are handed to it now (see `scripts/post-build.mjs`).
pub fn ready() {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new("closer-ready")) {
        let _ = window.dispatch_event(&event);
    }
}
