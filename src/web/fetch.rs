//! Fetching a text file that ships beside the app (the words file, an explainer page's body).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Fetches `url` (relative to the page) as text, then calls `done` once with the text, or with
/// `Err(())` when the network, the server or the browser said no.
pub fn text(url: &str, done: impl FnOnce(Result<String, ()>) + 'static) {
    let Some(window) = web_sys::window() else { return done(Err(())) };
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let finish = {
        let done = done.clone();
        move |result: Result<String, ()>| {
            if let Some(done) = done.borrow_mut().take() {
                done(result);
            }
        }
    };
    let fail = { let finish = finish.clone(); Closure::once(move |_: JsValue| finish(Err(()))) };
    let got_response = {
        let finish = finish.clone();
        Closure::once(move |response: JsValue| {
            let promise = match response.dyn_into::<web_sys::Response>() {
                Ok(response) if response.ok() => response.text(),
                _ => return finish(Err(())),
            };
            let Ok(promise) = promise else { return finish(Err(())) };
            let got_text = { let finish = finish.clone(); Closure::once(move |text: JsValue| finish(text.as_string().ok_or(()))) };
            let failed = Closure::once(move |_: JsValue| finish(Err(())));
            let _ = promise.then2(&got_text, &failed);
            got_text.forget();
            failed.forget();
        })
    };
    let _ = window.fetch_with_str(url).then2(&got_response, &fail);
    // The browser calls each at most once; they live until the page goes.
    got_response.forget();
    fail.forget();
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
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let got = {
        let done = done.clone();
        Closure::once(move |value: JsValue| {
            let Some(done) = done.borrow_mut().take() else { return };
            match value.as_string() {
                Some(text) => done(Ok(text)),
                None => self::text(url, done),
            }
        })
    };
    let failed = Closure::once(move |_: JsValue| {
        if let Some(done) = done.borrow_mut().take() {
            text(url, done);
        }
    });
    let _ = promise.then2(&got, &failed);
    // The browser calls each at most once; they live until the page goes.
    got.forget();
    failed.forget();
}
