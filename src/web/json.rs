//! The browser's own JSON: `JSON.parse` reads stored and imported text, and serde-wasm-bindgen
//! turns what it made into Rust types; `JSON.stringify` indents an export file. So the wasm
//! carries no JSON parser of its own (serde_json's reader cost 7.4 KB gzip of wasm more than
//! this way: docs/decisions.md), only serde_json's writer, which gloo-storage uses to store values.

use closer_core::record::Source;
use wasm_bindgen::JsValue;

/// JSON text as the browser parsed it, to be read as any serde type.
pub struct Parsed(JsValue);

/// Parses `text`; `None` when it is not JSON.
pub fn parse(text: &str) -> Option<Parsed> {
    js_sys::JSON::parse(text).ok().map(Parsed)
}

impl Parsed {
    /// Whether the text was a JSON object (not an array, a string, a number, `true` or `null`).
    pub fn is_object(&self) -> bool {
        self.0.is_object() && !js_sys::Array::is_array(&self.0)
    }
}

impl Source for Parsed {
    fn read<T: serde::de::DeserializeOwned>(&self) -> Result<T, String> {
        serde_wasm_bindgen::from_value(self.0.clone()).map_err(|e| e.to_string())
    }
}

/// JSON text indented by two spaces, for a file a person may open; the text as it was if it
/// is not JSON.
pub fn indent(text: &str) -> String {
    js_sys::JSON::parse(text)
        .and_then(|value| js_sys::JSON::stringify_with_replacer_and_space(&value, &JsValue::NULL, &JsValue::from(2)))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| text.to_owned())
}
