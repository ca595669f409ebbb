//! localStorage, behind one small module. Every call reports failure instead of throwing:
//! storage may be blocked (a sandboxed iframe, private mode), full, or hold anything at all.

use std::fmt;

use super::listener::WindowListener;

/// Why storage could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// No localStorage here, or the browser refused access to it.
    Unavailable,
    /// The browser would not keep more (the quota is full).
    Full,
    /// Another failure, with the browser's message.
    Failed(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable => write!(f, "storage is unavailable"),
            StorageError::Full => write!(f, "storage is full"),
            StorageError::Failed(message) => write!(f, "storage failed: {message}"),
        }
    }
}

fn local_storage() -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or(StorageError::Unavailable)?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        _ => Err(StorageError::Unavailable),
    }
}

fn describe(error: wasm_bindgen::JsValue) -> StorageError {
    let name = js_sys::Reflect::get(&error, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        return StorageError::Full;
    }
    if name == "SecurityError" {
        return StorageError::Unavailable;
    }
    let message = js_sys::Reflect::get(&error, &"message".into()).ok().and_then(|m| m.as_string());
    StorageError::Failed(message.unwrap_or(name))
}

/// The text stored under `key`, or `None` when there is none.
pub fn read(key: &str) -> Result<Option<String>, StorageError> {
    local_storage()?.get_item(key).map_err(describe)
}

/// Stores `value` under `key`.
pub fn write(key: &str, value: &str) -> Result<(), StorageError> {
    local_storage()?.set_item(key, value).map_err(describe)
}

/// Removes whatever is stored under `key`.
pub fn remove(key: &str) -> Result<(), StorageError> {
    local_storage()?.remove_item(key).map_err(describe)
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
