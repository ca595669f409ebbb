//! Running inside another site's page (`?embed=1`): telling the host page our height, and
//! addresses of the full site to open in a new tab.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Whether the address asks for embed mode (`?embed=1`).
pub fn requested() -> bool {
    super::location::asked("embed", "1")
}

/// The full site's address for a fragment such as `#/learn/safety`: this page without `?embed=1`.
#[cfg(target_arch = "wasm32")]
pub fn full_site_url(hash: &str) -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else { return hash.to_string() };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    [origin.as_str(), path.as_str(), hash].concat()
}

/// Natively (the native tests that render pages) there is no page: the fragment alone.
#[cfg(not(target_arch = "wasm32"))]
pub fn full_site_url(hash: &str) -> String {
    hash.to_string()
}

/// Sends `{type: "closer:height", height}` to the host page whenever the document's height
/// changes, growing or shrinking, until dropped.
pub struct HeightReporter {
    observer: Option<web_sys::ResizeObserver>,
    _closure: Closure<dyn FnMut()>,
}

impl HeightReporter {
    pub fn start() -> HeightReporter {
        let mut last = -1.0;
        let closure = Closure::<dyn FnMut()>::new(move || {
            let Some(window) = web_sys::window() else { return };
            let Some(body) = window.document().and_then(|d| d.body()) else { return };
            // The body's own height, not the frame's: so the frame can shrink too.
            let height = body.get_bounding_client_rect().height().ceil();
            if height == last {
                return;
            }
            last = height;
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &"closer:height".into());
            let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
            if let Ok(Some(parent)) = window.parent() {
                let _ = parent.post_message(&message, "*");
            }
        });
        let observer = web_sys::ResizeObserver::new(closure.as_ref().unchecked_ref()).ok();
        if let (Some(observer), Some(body)) = (&observer, web_sys::window().and_then(|w| w.document()).and_then(|d| d.body())) {
            observer.observe(&body);
        }
        HeightReporter { observer, _closure: closure }
    }
}

impl Drop for HeightReporter {
    fn drop(&mut self) {
        if let Some(observer) = &self.observer {
            observer.disconnect();
        }
    }
}
