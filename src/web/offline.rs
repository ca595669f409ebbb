//! Closer kept for use offline: the service worker that keeps this build's files in Cache
//! Storage (written by the build, `scripts/offline.mjs`) is registered and looked after by the
//! page's start-up script (`scripts/post-build.mjs`). The app talks to it with window events: it
//! hears that a new version is waiting, lets it take over, and has what was kept removed. (Doing
//! the last in Rust, with web-sys's Cache Storage and service worker bindings awaited through
//! wasm-bindgen-futures, cost 0.7 KB gzip of wasm; the script does it in a few lines.)

use wasm_bindgen::JsValue;

use super::listener::WindowListener;

fn raise(name: &str) {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(name)) {
        let _ = window.dispatch_event(&event);
    }
}

/// Whether a new version was already waiting when the app started.
pub fn update_waiting() -> bool {
    web_sys::window().and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("closerUpdate")).ok()).is_some_and(|v| v.is_truthy())
}

/// Calls `waiting` each time the start-up script finds a new version waiting, until dropped.
pub fn on_update_waiting(mut waiting: impl FnMut() + 'static) -> WindowListener {
    WindowListener::new("closer-update", move |_| waiting())
}

/// Lets the waiting version take over; the start-up script then reloads the page.
pub fn take_update() {
    raise("closer-update-apply");
}

/// Removes what Closer kept for use offline: the start-up script unregisters this page's service
/// worker, then deletes every cache a Closer worker keeps on this site (as its stored data is the
/// whole site's). The next visit keeps the files again.
pub fn forget() {
    raise("closer-forget");
}
