//! The address bar: the route lives in the fragment (`#/…`), which never reaches a server.

use closer_core::route::Route;
use super::listener::WindowListener;

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

/// The route the address shows now.
pub fn current() -> Route {
    Route::parse(&location().and_then(|l| l.hash().ok()).unwrap_or_default())
}

/// Whether the address's query has `name=value` (such as `?hl=es`).
pub fn asked(name: &str, value: &str) -> bool {
    let pair = [name, "=", value].concat();
    location().and_then(|l| l.search().ok()).is_some_and(|search| search.trim_start_matches('?').split('&').any(|p| p == pair))
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
pub fn on_change(mut on_change: impl FnMut(Route) + 'static) -> WindowListener {
    WindowListener::new("hashchange", move |_| on_change(current()))
}
