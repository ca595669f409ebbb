//! The browser's clock.

/// Milliseconds since 1970.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// A date as the browser's `Intl` writes it in language `code`, such as "25 Nov 2026" or
/// "25 nov 2026".
#[cfg(target_arch = "wasm32")]
pub fn format_date(code: &str, ms: u64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    let options = js_sys::Object::new();
    for (key, value) in [("day", "numeric"), ("month", "short"), ("year", "numeric")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    date.to_locale_date_string(code, &options).into()
}

/// Natively (the native tests that render pages; there is no `Intl`): the date as `YYYY-MM-DD`.
#[cfg(not(target_arch = "wasm32"))]
pub fn format_date(_code: &str, ms: u64) -> String {
    use closer_core::text::decimal;
    // Days since 1970 to a civil date (Howard Hinnant's algorithm).
    let z = ms / 86_400_000 + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    let two = |n: u64| if n < 10 { ["0", &decimal(n)].concat() } else { decimal(n) };
    [decimal(year), two(month), two(day)].join("-")
}

/// Today's date as `YYYY-MM-DD` (UTC), for file names.
pub fn today_iso() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.get(..10).unwrap_or("today").to_owned()
}

/// Today in the person's own calendar: days since 1970-01-01 (the day a plan's days count from).
#[cfg(target_arch = "wasm32")]
pub fn today() -> u32 {
    let now = js_sys::Date::new_0();
    let local_ms = now.get_time() - now.get_timezone_offset() * 60_000.0;
    (local_ms / 86_400_000.0).floor().max(0.0) as u32
}

/// A calendar day (days since 1970) as `Intl` writes it in language `code`, such as "Mon 7 Dec".
#[cfg(target_arch = "wasm32")]
pub fn format_day(code: &str, day: u32) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(f64::from(day) * 86_400_000.0));
    let options = js_sys::Object::new();
    for (key, value) in [("weekday", "short"), ("day", "numeric"), ("month", "short"), ("timeZone", "UTC")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    date.to_locale_date_string(code, &options).into()
}

/// Natively (the page render tests): the day as `YYYY-MM-DD`.
#[cfg(not(target_arch = "wasm32"))]
pub fn format_day(code: &str, day: u32) -> String {
    format_date(code, u64::from(day) * 86_400_000)
}

/// The calendar day (days since 1970, in the person's own calendar) of the moment `ms`.
#[cfg(target_arch = "wasm32")]
pub fn day_of(ms: u64) -> u32 {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    let local_ms = ms as f64 - date.get_timezone_offset() * 60_000.0;
    (local_ms / 86_400_000.0).floor().max(0.0) as u32
}

/// Natively (the page render tests): the day in UTC.
#[cfg(not(target_arch = "wasm32"))]
pub fn day_of(ms: u64) -> u32 {
    u32::try_from(ms / 86_400_000).unwrap_or(u32::MAX)
}

/// Natively (the page render tests): today in UTC.
#[cfg(not(target_arch = "wasm32"))]
pub fn today() -> u32 {
    let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    u32::try_from(since.as_secs() / 86_400).unwrap_or(0)
}
