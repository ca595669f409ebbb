//! Prints, as JSON, what the start-up script (`startup/`, bundled by `scripts/build/startup.mjs`)
//! knows of the Rust definitions, so that the stored record's shape has one source:
//!
//!   cargo run -p closer-core --features parse --bin startup-settings -- <content folder>
//!
//! - `storageKey`, `recordVersion`: where the record is kept and the newest version this build
//!   reads (a newer record is one the app sets aside, and so does the start-up script);
//! - `fields`: the names under which `Record` and `Progress` serialize the fields the start-up
//!   script reads (the version, the language chosen, the check-in in progress and its answers),
//!   found by serializing records that differ in that field alone, so a `#[serde(rename)]` or a
//!   renamed field changes them here too;
//! - `leftKey`: the quick exit's sessionStorage key;
//! - `languages`: the content's languages, the default first;
//! - `routes`: the routes whose first screen is prerendered (the front page, the first
//!   statement), as the address's fragment.
#![allow(clippy::disallowed_macros)] // build-time code: `format!` is fine here

use closer_core::record::{Progress, Record, LEFT_KEY, RECORD_VERSION, STORAGE_KEY};
use closer_core::route::Route;
use serde_json::{json, Map, Value};
use std::path::Path;

fn fail(message: String) -> ! {
    eprintln!("startup-settings: {message}");
    std::process::exit(1);
}

fn object<T: serde::Serialize>(value: &T) -> Map<String, Value> {
    match serde_json::to_value(value) {
        Ok(Value::Object(map)) => map,
        other => fail(format!("a record does not serialize as a JSON object: {other:?}")),
    }
}

/// The one key under which `a` and `b` serialize differently.
fn differing<T: serde::Serialize>(a: &T, b: &T, what: &str) -> String {
    let (a, b) = (object(a), object(b));
    let mut keys: Vec<&String> = a.keys().chain(b.keys()).filter(|k| a.get(*k) != b.get(*k)).collect();
    keys.sort();
    keys.dedup();
    match keys.as_slice() {
        [one] => (*one).clone(),
        _ => fail(format!("{what}: expected one field to differ, found {keys:?}")),
    }
}

/// The settings, for the languages given.
fn settings(languages: &[String]) -> Value {
    let base = Record { version: RECORD_VERSION, ..Record::default() };
    let version = differing(&base, &Record { version: RECORD_VERSION + 1, ..base.clone() }, "the record's version");
    let language = differing(&base, &Record { language: Some("xx".into()), ..base.clone() }, "the record's language");
    let progress = differing(&base, &Record { progress: Some(Progress::default()), ..base.clone() }, "the record's check-in in progress");
    let mut answered = Progress::default();
    answered.answers.insert("x1".into(), 1);
    let answers = differing(&Progress::default(), &answered, "the check-in's answers");
    json!({
        "storageKey": STORAGE_KEY,
        "recordVersion": RECORD_VERSION,
        "fields": { "version": version, "language": language, "progress": progress, "answers": answers },
        "leftKey": LEFT_KEY,
        "languages": languages,
        "routes": { "home": Route::Home.to_hash(), "quiz": Route::Quiz.to_hash() },
    })
}

fn main() {
    let Some(content) = std::env::args().nth(1) else {
        eprintln!("usage: startup-settings <content folder>");
        std::process::exit(2);
    };
    let languages = closer_core::parse::languages(Path::new(&content)).unwrap_or_else(|e| fail(format!("content error: {e}")));
    let codes: Vec<String> = languages.into_iter().map(|(code, _)| code).collect();
    println!("{}", settings(&codes));
}

#[cfg(test)]
mod tests {
    use super::settings;

    #[test]
    fn the_fields_are_the_records_serialized_names() {
        let s = settings(&["en".into(), "es".into()]);
        assert_eq!(s["storageKey"], "closer.v1");
        assert_eq!(s["fields"]["version"], "version");
        assert_eq!(s["fields"]["language"], "language");
        assert_eq!(s["fields"]["progress"], "progress");
        assert_eq!(s["fields"]["answers"], "answers");
        assert_eq!(s["routes"]["home"], "#/");
        assert_eq!(s["routes"]["quiz"], "#/quiz");
        assert_eq!(s["languages"][0], "en");
    }
}
