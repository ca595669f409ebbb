//! Fetching a text file that ships beside the app (the words file, an explainer page's body).
//! Promises are awaited with wasm-bindgen-futures, which frees its callbacks once they settle.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};

/// The text a fetch promise brings, or `Err(())` when the network, the server or the browser
/// said no.
async fn text_of(request: js_sys::Promise) -> Result<String, ()> {
    let response: web_sys::Response = JsFuture::from(request).await.map_err(drop)?.dyn_into().map_err(drop)?;
    if !response.ok() {
        return Err(());
    }
    let body = response.text().map_err(drop)?;
    JsFuture::from(body).await.map_err(drop)?.as_string().ok_or(())
}

/// Fetches `url` (relative to the page) as text, then calls `done` once with the text, or with
/// `Err(())` when the network, the server or the browser said no.
pub fn text(url: &str, done: impl FnOnce(Result<String, ()>) + 'static) {
    let Some(window) = web_sys::window() else { return done(Err(())) };
    let request = window.fetch_with_str(url);
    spawn_local(async move { done(text_of(request).await) });
}

/// Like [`text`], but first takes what the page's start-up script already asked for: a promise
/// of the text (or of `null`) under `window[global]`. The script asks while the wasm is still
/// loading, so the text is usually there when the app starts. Without such a promise (a debug
/// build has no such script), or if it brought nothing, this fetches `url` itself.
pub fn handed_over_or_text(global: &str, url: String, done: impl FnOnce(Result<String, ()>) + 'static) {
    let promise = web_sys::window()
        .and_then(|window| js_sys::Reflect::get(&window, &JsValue::from_str(global)).ok())
        .and_then(|value| value.dyn_into::<js_sys::Promise>().ok());
    let Some(promise) = promise else { return text(&url, done) };
    spawn_local(async move {
        match JsFuture::from(promise).await.ok().and_then(|v| v.as_string()) {
            Some(words) => done(Ok(words)),
            None => text(&url, done),
        }
    });
}
