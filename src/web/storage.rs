//! localStorage, through gloo-storage, behind one small module. Every call reports failure
//! instead of throwing: storage may be blocked (a sandboxed iframe, some private modes), full,
//! or hold anything at all.
//!
//! gloo-storage reaches localStorage with `LocalStorage::raw()`, which throws a JavaScript
//! exception where the browser refuses access; so each call first asks [`usable`], and none is
//! made through gloo-storage unless it says yes. Values are written by gloo-storage as JSON
//! (serde); text is read as it is, so that unreadable text can be kept byte for byte.

use gloo_storage::errors::StorageError as GlooError;
use gloo_storage::{LocalStorage, Storage};

use super::listener::WindowListener;

/// Why storage could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// No localStorage here, or the browser refused access to it.
    Unavailable,
    /// The browser would not keep more (the quota is full).
    Full,
    /// Another failure, with the browser's error name.
    Failed(String),
}

/// Whether localStorage can be reached here at all: the one check made before gloo-storage is
/// used (reaching it throws in a sandboxed frame and where the person blocked site data).
fn usable() -> Result<web_sys::Storage, StorageError> {
    match web_sys::window().map(|w| w.local_storage()) {
        Some(Ok(Some(_))) => Ok(LocalStorage::raw()),
        _ => Err(StorageError::Unavailable),
    }
}

fn from_name(name: &str) -> StorageError {
    match name {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageError::Full,
        "SecurityError" => StorageError::Unavailable,
        _ => StorageError::Failed(name.to_owned()),
    }
}

fn describe(error: wasm_bindgen::JsValue) -> StorageError {
    let name = js_sys::Reflect::get(&error, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
    from_name(&name)
}

/// The text stored under `key`, exactly as stored, or `None` when there is none.
pub fn read(key: &str) -> Result<Option<String>, StorageError> {
    usable()?.get_item(key).map_err(describe)
}

/// Stores `value` under `key` as JSON (gloo-storage writes it with serde).
pub fn save(key: &str, value: &impl serde::Serialize) -> Result<(), StorageError> {
    usable()?;
    LocalStorage::set(key, value).map_err(|error| match error {
        GlooError::JsError(error) => from_name(&error.name),
        // Plain data always serializes; were it not to, nothing was written.
        _ => StorageError::Failed("serialize".into()),
    })
}

/// Stores `text` under `key` exactly as it is (a backup of text that could not be read).
pub fn write_text(key: &str, text: &str) -> Result<(), StorageError> {
    usable()?.set_item(key, text).map_err(describe)
}

/// Removes whatever is stored under `key`.
pub fn remove(key: &str) -> Result<(), StorageError> {
    usable()?.remove_item(key).map_err(describe)
}

/// Calls `on_change` with the new text whenever another tab changes `key` (the `storage`
/// event), until the returned guard is dropped.
pub fn on_change_elsewhere(key: &'static str, mut on_change: impl FnMut(Option<String>) + 'static) -> WindowListener {
    use wasm_bindgen::JsCast;
    WindowListener::new("storage", move |e| {
        let Ok(e) = e.dyn_into::<web_sys::StorageEvent>() else { return };
        // A `clear()` elsewhere has no key; it removed ours too.
        match e.key() {
            Some(k) if k == key => on_change(e.new_value()),
            None => on_change(None),
            _ => {}
        }
    })
}
