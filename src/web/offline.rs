//! Closer kept for use offline: the service worker the page's start-up script registers, which
//! keeps this build's files in Cache Storage (both written by the build: `scripts/offline.mjs`,
//! `scripts/post-build.mjs`). The app hears from the start-up script that a new version is
//! waiting, asks for it, and removes what was kept.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};

use super::listener::WindowListener;

/// The start of the names of the caches Closer's workers keep (followed by their scope and version).
const CACHE_PREFIX: &str = "closer ";

/// `window[name]` as a `T`, or `None` where it is missing (an insecure page has no `caches` and
/// no `serviceWorker`) or refused (a sandboxed frame throws).
fn global<T: JsCast>(from: &JsValue, name: &str) -> Option<T> {
    js_sys::Reflect::get(from, &JsValue::from_str(name)).ok()?.dyn_into().ok()
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
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new("closer-update-apply")) {
        let _ = window.dispatch_event(&event);
    }
}

/// Removes what Closer kept for use offline: this page's service worker, then every cache a
/// Closer worker keeps on this site (as its stored data is the whole site's). The next visit
/// keeps the files again.
pub fn forget() {
    let Some(window) = web_sys::window() else { return };
    let workers = global::<web_sys::ServiceWorkerContainer>(&window.navigator(), "serviceWorker");
    let caches = global::<web_sys::CacheStorage>(&window, "caches");
    spawn_local(async move {
        if let Some(workers) = workers {
            let registration = JsFuture::from(workers.get_registration()).await.ok().and_then(|r| r.dyn_into::<web_sys::ServiceWorkerRegistration>().ok());
            if let Some(promise) = registration.and_then(|r| r.unregister().ok()) {
                let _ = JsFuture::from(promise).await;
            }
        }
        let Some(caches) = caches else { return };
        let Ok(names) = JsFuture::from(caches.keys()).await else { return };
        for name in js_sys::Array::from(&names).iter().filter_map(|n| n.as_string()) {
            if name.starts_with(CACHE_PREFIX) {
                let _ = JsFuture::from(caches.delete(&name)).await;
            }
        }
    });
}
