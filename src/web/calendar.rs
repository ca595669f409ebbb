//! The plan's calendar file. The writer (the `ics` package, from npm) is not in the wasm nor in
//! the first load: the build bundles it beside the app (`calendar-<hash>.js`, scripts/build/qr.mjs)
//! and the start-up script imports it the first time a file is asked for (`window.closerCalendar`).
//! The app describes the events (as JSON, by serde_json's writer, already in the wasm for storage);
//! the module writes RFC 5545 text, which is offered as a download.
//! A debug build has no start-up script, so no file.

use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};

/// A calendar: its name and events, as `startup/calendar.js` takes them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Calendar {
    pub name: String,
    pub events: Vec<Event>,
}

/// One event, at the person's local clock time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub title: String,
    pub description: String,
    /// Closer's own address, where the event leads back to.
    pub url: String,
    /// Year, month (1–12), day, hour, minute.
    pub start: [u32; 5],
    pub minutes: u32,
    pub repeat: Option<Repeat>,
}

/// How an event repeats: every day or every week, `count` times in all.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Repeat {
    pub every: &'static str,
    pub count: u32,
}

/// Why no file was offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalendarError {
    /// The writer could not be loaded (a debug build, or the file is missing offline) or refused
    /// the events.
    Unwritten,
    /// The browser would not make the download.
    Refused,
}

/// Writes `calendar` as an `.ics` file and offers it as the download `file_name`, then calls
/// `done` with what became of it.
pub fn download(file_name: &'static str, calendar: &Calendar, done: impl FnOnce(Result<(), CalendarError>) + 'static) {
    let writer = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("closerCalendar")).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let promise = writer
        .zip(serde_json::to_string(calendar).ok())
        .and_then(|(f, json)| f.call1(&JsValue::NULL, &JsValue::from_str(&json)).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let Some(promise) = promise else { return done(Err(CalendarError::Unwritten)) };
    spawn_local(async move {
        let text = JsFuture::from(promise).await.ok().and_then(|v| v.as_string());
        done(match text {
            Some(text) => super::files::download(file_name, &text, "text/calendar").map_err(|_| CalendarError::Refused),
            None => Err(CalendarError::Unwritten),
        });
    });
}
