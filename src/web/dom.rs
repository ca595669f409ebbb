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

/// Moves keyboard focus to the first element matching any of `selectors`, in order of preference.
pub fn focus_first(selectors: &[&str]) {
    let Some(document) = document() else { return };
    for selector in selectors {
        if let Ok(Some(element)) = document.query_selector(selector) {
            if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                let _ = element.focus();
                return;
            }
        }
    }
}

/// Whether an element of the page matches `selector`.
pub fn exists(selector: &str) -> bool {
    document().is_some_and(|document| matches!(document.query_selector(selector), Ok(Some(_))))
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
