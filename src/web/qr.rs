//! The QR code of a link, for a partner sitting nearby to scan. The encoder (lean-qr, from npm)
//! is not in the wasm nor in the first load: the build copies it beside the app
//! (`qr-<hash>.js`, scripts/post-build.mjs) and the page's start-up script imports it from this
//! site the first time a code is asked for (`window.closerQr`). It gives the code's size in
//! modules and an SVG path of its dark modules, which the app draws as an attribute, never as
//! markup. A debug build has no start-up script, so no code.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};

/// A QR code: `size` modules square, the dark ones drawn by the SVG path `path`.
#[derive(Debug, Clone, PartialEq)]
pub struct Qr {
    pub text: String,
    pub size: u32,
    pub path: String,
}

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// Draws the QR code of `text`, then calls `done` with it, or with `None` when the encoder could
/// not be loaded or the text does not fit a code.
pub fn draw(text: String, done: impl FnOnce(Option<Qr>) + 'static) {
    let encoder = web_sys::window().map(|w| get(&w, "closerQr")).and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(promise) = encoder.and_then(|f| f.call1(&JsValue::NULL, &text.as_str().into()).ok()).and_then(|p| p.dyn_into::<js_sys::Promise>().ok()) else {
        return done(None);
    };
    spawn_local(async move {
        let code = JsFuture::from(promise).await.ok();
        done(code.and_then(|c| Some(Qr { size: get(&c, "size").as_f64()? as u32, path: get(&c, "d").as_string()?, text })));
    });
}
