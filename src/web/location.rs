//! The address bar: the route lives in the fragment (`#/…`), which never reaches a server.

use closer_core::route::Route;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

/// The route the address shows now.
pub fn current() -> Route {
    Route::parse(&location().and_then(|l| l.hash().ok()).unwrap_or_default())
}

/// Shows `route` in the address bar (a new history entry) unless it is already there.
pub fn show(route: &Route) {
    if let Some(location) = location() {
        let hash = route.to_hash();
        if location.hash().ok().as_deref().map(Route::parse).as_ref() != Some(route) {
            let _ = location.set_hash(&hash);
        }
    }
}

/// Calls `on_change` whenever the fragment changes, until the returned guard is dropped.
pub struct HashListener {
    closure: Closure<dyn FnMut()>,
}

impl HashListener {
    pub fn new(mut on_change: impl FnMut(Route) + 'static) -> HashListener {
        let closure = Closure::<dyn FnMut()>::new(move || on_change(current()));
        if let Some(window) = web_sys::window() {
            let _ = window.add_event_listener_with_callback("hashchange", closure.as_ref().unchecked_ref());
        }
        HashListener { closure }
    }
}

impl Drop for HashListener {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback("hashchange", self.closure.as_ref().unchecked_ref());
        }
    }
}
