//! Handing a link to the person: the clipboard, with a fallback that selects the text, and the
//! system share sheet where the browser has one. Promises are awaited with wasm-bindgen-futures
//! (which frees its callbacks once they settle).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};

fn navigator() -> Option<web_sys::Navigator> {
    web_sys::window().map(|w| w.navigator())
}

/// Selects the text in the input with id `input`, so that the person can copy it themselves.
fn select(input: &str) {
    if let Some(input) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(input))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        let _ = input.focus();
        input.select();
    }
}

/// Copies `text`, then calls `done(true)`; if the clipboard is not available or refuses, selects
/// the text in the input with id `fallback_input` and calls `done(false)`.
pub fn copy(text: &str, fallback_input: &'static str, done: impl FnOnce(bool) + 'static) {
    let clipboard = navigator().and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()).ok()).filter(|c| !c.is_undefined());
    let Some(clipboard) = clipboard else {
        select(fallback_input);
        return done(false);
    };
    let written = clipboard.unchecked_into::<web_sys::Clipboard>().write_text(text);
    spawn_local(async move {
        let copied = JsFuture::from(written).await.is_ok();
        if !copied {
            select(fallback_input);
        }
        done(copied);
    });
}

/// Whether the browser can open a share sheet (natively, in the native tests that render
/// pages, none can).
#[cfg(not(target_arch = "wasm32"))]
pub fn can_share() -> bool {
    false
}

/// Whether the browser can open a share sheet.
#[cfg(target_arch = "wasm32")]
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
    let shown = navigator.share_with_data(&data);
    // Dismissing the sheet rejects the promise; that is not an error.
    spawn_local(async move { drop(JsFuture::from(shown).await) });
}
