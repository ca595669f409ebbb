//! The browser's clock.

/// Milliseconds since 1970.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// A date as the browser's `Intl` writes it in language `code`, such as "25 Nov 2026" or
/// "25 nov 2026".
pub fn format_date(code: &str, ms: u64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    let options = js_sys::Object::new();
    for (key, value) in [("day", "numeric"), ("month", "short"), ("year", "numeric")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    date.to_locale_date_string(code, &options).into()
}

/// Today's date as `YYYY-MM-DD` (UTC), for file names.
pub fn today_iso() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.get(..10).unwrap_or("today").to_owned()
}
