//! Numbers and plural forms as the browser's `Intl` writes them in a language (dates are in
//! `clock`).

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsValue;

/// `n` written in language `code`, such as "1,000" or "1000".
#[cfg(target_arch = "wasm32")]
pub fn number(code: &str, n: f64) -> String {
    js_sys::Number::from(n).to_locale_string(code).into()
}

/// Natively (prerendering at build time, where there is no `Intl`): the pages made then show
/// only small whole numbers (the count of statements), which every language here writes as plain
/// digits.
#[cfg(not(target_arch = "wasm32"))]
pub fn number(_code: &str, n: f64) -> String {
    closer_core::text::decimal(n as u64)
}

/// Natively: "one" is 1 in every language Closer has (English and Spanish).
#[cfg(not(target_arch = "wasm32"))]
pub fn is_one(_code: &str, n: f64) -> bool {
    n == 1.0
}

/// Whether language `code` says `n` of something in its "one" form ("1 answer", "1 respuesta").
#[cfg(target_arch = "wasm32")]
pub fn is_one(code: &str, n: f64) -> bool {
    let rules = js_sys::Intl::PluralRules::new(&js_sys::Array::of1(&JsValue::from_str(code)), &js_sys::Object::new());
    rules.select(n) == "one"
}
