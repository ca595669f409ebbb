//! Whether this site's storage is kept until the person deletes it (`navigator.storage`).
//!
//! Without that, a browser may clear what a site stored: Safari deletes the storage of a site
//! not visited for 7 days, and any browser may when the disk runs low. `persist()` asks to keep
//! it (a browser may ask the person, or decide by itself); `persisted()` says whether it is kept.
//! Some browsers have neither (WebKitGTK; pages not served over HTTPS): then it is not kept.

use wasm_bindgen_futures::{spawn_local, JsFuture};

/// Calls `persisted()` (or, with `ask`, `persist()`), then `done` with whether storage is kept
/// (`false` if there is no such method or it fails).
fn call(ask: bool, done: impl FnOnce(bool) + 'static) {
    // Without `navigator.storage`, the call throws, and is caught here.
    let storage = web_sys::window().map(|w| w.navigator().storage());
    let Some(Ok(promise)) = storage.map(|s| if ask { s.persist() } else { s.persisted() }) else { return done(false) };
    spawn_local(async move { done(JsFuture::from(promise).await.ok().and_then(|v| v.as_bool()) == Some(true)) });
}

/// Asks whether storage is kept until deleted, then calls `done` with the answer.
pub fn check(done: impl FnOnce(bool) + 'static) {
    call(false, done);
}

/// Asks the browser to keep this site's storage until the person deletes it, then calls `done`
/// with whether it is kept. Firefox asks the person; Chromium and Safari decide by themselves.
pub fn ask(done: impl FnOnce(bool) + 'static) {
    call(true, done);
}
