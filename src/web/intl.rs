//! Numbers and plural forms as the browser's `Intl` writes them in a language (dates are in
//! `clock`).

use wasm_bindgen::JsValue;

/// `n` written in language `code`, such as "1,000" or "1000".
pub fn number(code: &str, n: f64) -> String {
    js_sys::Number::from(n).to_locale_string(code).into()
}

/// Whether language `code` says `n` of something in its "one" form ("1 answer", "1 respuesta").
pub fn is_one(code: &str, n: f64) -> bool {
    let rules = js_sys::Intl::PluralRules::new(&js_sys::Array::of1(&JsValue::from_str(code)), &js_sys::Object::new());
    rules.select(n) == "one"
}
