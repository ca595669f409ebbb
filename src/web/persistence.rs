//! Whether this site's storage is kept until the person deletes it (`navigator.storage`).
//!
//! Without that, a browser may clear what a site stored: Safari deletes the storage of a site
//! not visited for 7 days, and any browser may when the disk runs low. `persist()` asks to keep
//! it (a browser may ask the person, or decide by itself); `persisted()` says whether it is kept.
//! Some browsers have neither (WebKitGTK, pages not served over HTTPS): then it is not kept.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    static PERSISTENT: Cell<Option<bool>> = const { Cell::new(None) };
}

/// Whether storage is kept until deleted, as last heard from the browser; `None` before
/// [`check`] has heard.
pub fn persistent() -> Option<bool> {
    PERSISTENT.with(Cell::get)
}

/// Calls `navigator.storage[method]()` and then `done` once with what its promise gave, or with
/// `false` if there is no such method or it failed. The answer is also kept for [`persistent`].
fn call(method: &str, done: Box<dyn FnOnce(bool)>) {
    let promise = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &JsValue::from_str("storage")).ok())
        .filter(JsValue::is_object)
        .and_then(|storage| {
            let f = js_sys::Reflect::get(&storage, &JsValue::from_str(method)).ok()?.dyn_into::<js_sys::Function>().ok()?;
            f.call0(&storage).ok()?.dyn_into::<js_sys::Promise>().ok()
        });
    let done = Rc::new(RefCell::new(Some(done)));
    let settle = move |kept: bool| {
        PERSISTENT.with(|p| p.set(Some(kept)));
        if let Some(done) = done.borrow_mut().take() {
            done(kept);
        }
    };
    let Some(promise) = promise else { return settle(false) };
    let resolved = { let settle = settle.clone(); Closure::once(move |value: JsValue| settle(value.is_truthy())) };
    let rejected = Closure::once(move |_: JsValue| settle(false));
    let _ = promise.then2(&resolved, &rejected);
    // The browser calls one of them, once; they live until the page goes.
    resolved.forget();
    rejected.forget();
}

/// Asks whether storage is kept until deleted, then calls `done`.
pub fn check(done: impl FnOnce() + 'static) {
    call("persisted", Box::new(move |_| done()));
}

/// Asks the browser to keep this site's storage until the person deletes it, unless it already
/// does. Firefox asks the person; Chromium and Safari decide by themselves.
pub fn ask() {
    if persistent() != Some(true) {
        call("persist", Box::new(|_| {}));
    }
}
