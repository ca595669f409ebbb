//! Fetching a text file that ships beside the app (the words file, an explainer page's body).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Calls `done` once when `promise` settles: `Ok` with its value, or `Err(())` if it rejects.
fn settled(promise: &js_sys::Promise, done: impl FnOnce(Result<JsValue, ()>) + 'static) {
    settled_boxed(promise, Box::new(done));
}

// One copy in the wasm for every caller.
fn settled_boxed(promise: &js_sys::Promise, done: Box<dyn FnOnce(Result<JsValue, ()>)>) {
    let done = Rc::new(RefCell::new(Some(done)));
    let finish = move |result: Result<JsValue, ()>| {
        if let Some(done) = done.borrow_mut().take() {
            done(result);
        }
    };
    let resolved = { let finish = finish.clone(); Closure::once(move |value: JsValue| finish(Ok(value))) };
    let rejected = Closure::once(move |_: JsValue| finish(Err(())));
    let _ = promise.then2(&resolved, &rejected);
    // The browser calls at most one of them, once; they live until the page goes.
    resolved.forget();
    rejected.forget();
}

/// Fetches `url` (relative to the page) as text, then calls `done` once with the text, or with
/// `Err(())` when the network, the server or the browser said no.
pub fn text(url: &str, done: impl FnOnce(Result<String, ()>) + 'static) {
    let Some(window) = web_sys::window() else { return done(Err(())) };
    settled(&window.fetch_with_str(url), move |response| {
        let body = match response.map(JsCast::dyn_into::<web_sys::Response>) {
            Ok(Ok(response)) if response.ok() => response.text(),
            _ => return done(Err(())),
        };
        match body {
            Ok(body) => settled(&body, move |text| done(text.and_then(|t| t.as_string().ok_or(())))),
            Err(_) => done(Err(())),
        }
    });
}

/// Like [`text`], but first takes what the page's start-up script already asked for: a promise
/// of the text (or of `null`) under `window[global]`. The script asks while the wasm is still
/// loading, so the text is usually there when the app starts. Without such a promise (a debug
/// build has no such script), or if it brought nothing, this fetches `url` itself.
pub fn handed_over_or_text(global: &str, url: &'static str, done: impl FnOnce(Result<String, ()>) + 'static) {
    let promise = web_sys::window()
        .and_then(|window| js_sys::Reflect::get(&window, &JsValue::from_str(global)).ok())
        .and_then(|value| value.dyn_into::<js_sys::Promise>().ok());
    let Some(promise) = promise else { return text(url, done) };
    settled(&promise, move |value| match value.ok().and_then(|v| v.as_string()) {
        Some(words) => done(Ok(words)),
        None => text(url, done),
    });
}
