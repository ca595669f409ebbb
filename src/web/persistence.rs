//! Whether this site's storage is kept until the person deletes it (`navigator.storage`).
//!
//! Without that, a browser may clear what a site stored: Safari deletes the storage of a site
//! not visited for 7 days, and any browser may when the disk runs low. `persist()` asks to keep
//! it (a browser may ask the person, or decide by itself); `persisted()` says whether it is kept.
//! Some browsers have neither (WebKitGTK; pages not served over HTTPS): then it is not kept.

use std::cell::Cell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;

thread_local! {
    static PERSISTENT: Cell<Option<bool>> = const { Cell::new(None) };
}

/// Whether storage is kept until deleted, as last heard from the browser; `None` before
/// [`check`] has heard.
pub fn persistent() -> Option<bool> {
    PERSISTENT.with(Cell::get)
}

/// Calls `persisted()` (or `persist()`), keeps what its promise gives (`false` if there is no
/// such method or it fails) for [`persistent`], then calls `done`.
fn call(ask: bool, done: Box<dyn FnOnce()>) {
    let settle = move |value: JsValue| {
        PERSISTENT.with(|p| p.set(Some(value.as_bool() == Some(true))));
        done();
    };
    // Without `navigator.storage`, the call throws, and is caught here.
    let storage = web_sys::window().map(|w| w.navigator().storage());
    let Some(Ok(promise)) = storage.map(|s| if ask { s.persist() } else { s.persisted() }) else { return settle(JsValue::FALSE) };
    // One handler for both outcomes: only a resolved `true` counts, and only one is ever called.
    let handler = Closure::once(settle);
    let _ = promise.then2(&handler, &handler);
    handler.forget();
}

/// Asks whether storage is kept until deleted, then calls `done`.
pub fn check(done: impl FnOnce() + 'static) {
    call(false, Box::new(done));
}

/// Asks the browser to keep this site's storage until the person deletes it, unless it already
/// does. Firefox asks the person; Chromium and Safari decide by themselves.
pub fn ask() {
    if persistent() != Some(true) {
        call(true, Box::new(|| {}));
    }
}
