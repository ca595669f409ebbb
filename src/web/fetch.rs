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
