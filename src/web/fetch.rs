//! Fetching a text file that ships beside the app (the words file, an explainer page's body,
//! the plans file), always with its Subresource Integrity: the browser refuses any other bytes
//! (the fetch rejects), so the app takes only the files this build wrote. Promises are awaited
//! with wasm-bindgen-futures, which frees its callbacks once they settle.

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

/// Fetches `url` (relative to the page) as text with Subresource Integrity `integrity`
/// (`sha384-…`), then calls `done` once with the text, or with `Err(())` when the network, the
/// server or the browser said no, or the bytes are not those the integrity names. An empty
/// integrity, which would check nothing, is refused without a fetch.
pub fn text_with_integrity(url: &str, integrity: &str, done: impl FnOnce(Result<String, ()>) + 'static) {
    let Some(window) = web_sys::window().filter(|_| !integrity.is_empty()) else { return done(Err(())) };
    let init = web_sys::RequestInit::new();
    init.set_integrity(integrity);
    let request = window.fetch_with_str_and_init(url, &init);
    spawn_local(async move { done(text_of(request).await) });
}

/// A string the page's start-up script left under `window[global]`.
fn global_string(global: &str) -> Option<String> {
    web_sys::window().and_then(|window| js_sys::Reflect::get(&window, &JsValue::from_str(global)).ok()).and_then(|v| v.as_string())
}

/// Like [`text_with_integrity`], but first takes what the page's start-up script already asked
/// for (with the file's integrity, from the build): a promise of the text (or of `null`) under
/// `window[global]`. The script asks while the wasm is still loading, so the text is usually there
/// when the app starts. Without such a promise, or if it brought nothing, this fetches `url`
/// itself, with the integrity the start-up script left under `window[integrity_global]` (the
/// wasm compiles in no hash); without one, it fetches nothing.
pub fn handed_over_or_text(global: &str, url: String, integrity_global: &str, done: impl FnOnce(Result<String, ()>) + 'static) {
    let integrity = global_string(integrity_global).unwrap_or_default();
    let promise = web_sys::window()
        .and_then(|window| js_sys::Reflect::get(&window, &JsValue::from_str(global)).ok())
        .and_then(|value| value.dyn_into::<js_sys::Promise>().ok());
    let Some(promise) = promise else { return text_with_integrity(&url, &integrity, done) };
    spawn_local(async move {
        match JsFuture::from(promise).await.ok().and_then(|v| v.as_string()) {
            Some(words) => done(Ok(words)),
            None => text_with_integrity(&url, &integrity, done),
        }
    });
}
