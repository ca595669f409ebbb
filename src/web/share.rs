//! Handing a link to the person: the clipboard, with a fallback that selects the text, and the
//! system share sheet where the browser has one.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

fn navigator() -> Option<web_sys::Navigator> {
    web_sys::window().map(|w| w.navigator())
}

/// Copies `text`, then calls `done(true)`; if the clipboard is not available or refuses, selects
/// the text in the input with id `fallback_input` and calls `done(false)`.
pub fn copy(text: &str, fallback_input: &'static str, done: impl Fn(bool) + 'static) {
    let select = move || {
        if let Some(input) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(fallback_input))
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            let _ = input.focus();
            input.select();
        }
    };
    let Some(clipboard) = navigator().and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()).ok()).filter(|c| !c.is_undefined()) else {
        select();
        return done(false);
    };
    let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
    let done = std::rc::Rc::new(done);
    let ok = { let done = done.clone(); Closure::once(move |_: JsValue| done(true)) };
    let failed = Closure::once(move |_: JsValue| {
        select();
        done(false)
    });
    let _ = clipboard.write_text(text).then2(&ok, &failed);
    ok.forget();
    failed.forget();
}

/// Whether the browser can open a share sheet.
pub fn can_share() -> bool {
    navigator().is_some_and(|n| js_sys::Reflect::has(&n, &"share".into()).unwrap_or(false))
}

/// Opens the share sheet with a title, a line of text and a link. A dismissed sheet is fine.
pub fn share(title: &str, text: &str, url: &str) {
    let Some(navigator) = navigator() else { return };
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_text(text);
    data.set_url(url);
    let ignore = Closure::once(|_: JsValue| {});
    let _ = navigator.share_with_data(&data).catch(&ignore);
    ignore.forget();
}
