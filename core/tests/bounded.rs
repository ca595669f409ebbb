//! A hostile record costs little to refuse: caps are checked while it is read (the 501st answer,
//! an overlong id or string, the 1001st result), not after the whole of it is built, and maps
//! and sorts are the standard library's, O(n log n) whatever order the ids come in.
//!
//! The record of issue 27: 1.9 MB whose answers' ids come in reverse order, in progress and in
//! a result. Before the caps moved into the reader and `IdMap` became a `BTreeMap`, reading it
//! took seconds (each id inserted at the front of a sorted vector); now it is refused at the
//! 501st answer. Timings are measured with `Instant` in the test build (the core is built with
//! opt-level 2 in tests, Cargo.toml) and asserted well over what they take, so that a loaded
//! machine does not fail them but a quadratic reader would.
#![allow(clippy::disallowed_macros)] // build-time code or tests: never in the wasm

use std::time::{Duration, Instant};

use closer_core::record::*;

/// Target size of a hostile record: just under what is read at all (`MAX_RECORD_BYTES`).
const SIZE: usize = 1_900_000;
/// What refusing or reading any of these records may take, natively.
const BOUND: Duration = Duration::from_millis(100);

/// An id of 40 bytes (under the 64 kept), numbered so that a larger `n` sorts later.
fn id(n: usize) -> String {
    format!("a-rather-long-statement-identifier-{n:05}")
}

/// A JSON object of `count` ids to answers, the ids in descending order.
fn descending(count: usize) -> String {
    let mut s = String::with_capacity(count * 46 + 2);
    s.push('{');
    for n in (0..count).rev() {
        if n + 1 != count {
            s.push(',');
        }
        s.push('"');
        s.push_str(&id(n));
        s.push_str("\":");
        s.push_str(&(n % 5).to_string());
    }
    s.push('}');
    s
}

/// Entries of `descending` that fit in `bytes`.
fn entries_in(bytes: usize) -> usize {
    bytes / (id(0).len() + 5)
}

/// The record of issue 27: about 1.9 MB, half of it answers in progress and half a result's
/// answers, every id in descending order.
pub fn hostile_record() -> String {
    let half = entries_in(SIZE / 2);
    let text = format!(
        r#"{{"version":3,"progress":{{"content_version":1,"answers":{},"importance":{{}},"position":0}},"results":[{{"date_ms":1790000000000,"content_version":1,"answers":{},"importance":{{}}}}],"comparisons":[],"shared_ms":null}}"#,
        descending(half),
        descending(half)
    );
    assert!(text.len() > SIZE - 10_000 && text.len() < MAX_RECORD_BYTES, "{} bytes", text.len());
    text
}

/// Reads `text` five times and gives the result and the fastest time (on a machine busy with
/// other work the slower runs measure that work; a quadratic reader is slow every time), and
/// prints every time.
fn timed(what: &str, text: &str) -> (Result<Record, RecordError>, Duration) {
    let mut times = Vec::new();
    let mut outcome = Record::from_json("");
    for _ in 0..5 {
        let start = Instant::now();
        outcome = Record::from_json(text);
        times.push(start.elapsed());
    }
    eprintln!("{what}: {} bytes, {}: {times:?}", text.len(), if outcome.is_ok() { "read" } else { "refused" });
    (outcome, times.into_iter().min().unwrap_or_default())
}

fn refused_quickly(what: &str, text: &str) -> RecordError {
    let (outcome, took) = timed(what, text);
    let error = outcome.expect_err(what);
    assert!(took < BOUND, "{what}: {took:?}");
    error
}

#[test]
fn the_reverse_ordered_record_is_refused_at_once() {
    let error = refused_quickly("1.9 MB, ids in reverse order", &hostile_record());
    assert_eq!(error.key(), "bad_value", "{error}");
    assert!(error.to_string().contains("501"), "{error}");
}

#[test]
fn a_result_with_too_many_answers_is_refused_at_once() {
    let answers = descending(entries_in(SIZE));
    let text = format!(r#"{{"version":3,"results":[{{"date_ms":1,"content_version":1,"answers":{answers}}}]}}"#);
    assert_eq!(refused_quickly("one result's answers", &text).key(), "bad_value");
    let text = format!(r#"{{"version":3,"progress":{{"content_version":1,"answers":{{}},"importance":{answers}}}}}"#);
    assert_eq!(refused_quickly("importance in progress", &text).key(), "bad_value");
    // Version 1 has a map of answers of its own.
    let text = format!(r#"{{"version":1,"content_version":1,"answers":{answers}}}"#);
    assert_eq!(refused_quickly("version 1 answers", &text).key(), "bad_value");
}

#[test]
fn overlong_ids_and_strings_are_refused_when_read() {
    let long = "x".repeat(SIZE);
    let cases = [
        ("an id", format!(r#"{{"version":3,"progress":{{"content_version":1,"answers":{{"{long}":1}}}}}}"#)),
        ("a link", format!(r#"{{"version":3,"comparisons":[{{"received_ms":1,"code":"{long}"}}]}}"#)),
        ("the own link", format!(r#"{{"version":3,"comparisons":[{{"received_ms":1,"code":"a","own_code":"{long}"}}]}}"#)),
        ("the language", format!(r#"{{"version":3,"language":"{long}"}}"#)),
        ("the plan's area", format!(r#"{{"version":4,"plan":{{"area":"{long}","start_day":1}}}}"#)),
        ("a re-check's area", format!(r#"{{"version":4,"results":[{{"date_ms":1,"content_version":1,"answers":{{}},"area":"{long}"}}]}}"#)),
    ];
    for (what, text) in cases {
        assert_eq!(refused_quickly(what, &text).key(), "bad_value", "{what}");
    }
}

#[test]
fn too_many_results_or_comparisons_are_refused_when_read() {
    let result = r#"{"date_ms":1,"content_version":1,"answers":{"au1":1}}"#;
    let results = vec![result; SIZE / (result.len() + 1)].join(",");
    let text = format!(r#"{{"version":3,"results":[{results}]}}"#);
    assert_eq!(refused_quickly("results", &text).key(), "bad_value");
    let text = format!(r#"{{"version":1,"content_version":1,"results":[{}]}}"#, results.replace(r#""content_version":1,"#, ""));
    assert_eq!(refused_quickly("version 1 results", &text).key(), "bad_value");
    let comparison = r#"{"received_ms":1,"code":"AbC"}"#;
    let comparisons = vec![comparison; SIZE / (comparison.len() + 1)].join(",");
    let text = format!(r#"{{"version":3,"comparisons":[{comparisons}]}}"#);
    assert_eq!(refused_quickly("comparisons", &text).key(), "bad_value");
}

#[test]
fn a_plan_with_more_than_14_days_is_refused_when_read() {
    let days = vec!["1"; SIZE / 2].join(",");
    let text = format!(r#"{{"version":4,"plan":{{"area":"support","start_day":1,"done":[{days}]}}}}"#);
    let error = refused_quickly("a plan's days", &text);
    assert_eq!(error.key(), "bad_value");
    assert!(error.to_string().contains("14"), "{error}");
}

/// The worst record that is read, not refused: as many results as fit in 1.9 MB, each with the
/// most answers kept (500) in reverse order. Read in O(n log n), and kept whole.
#[test]
fn the_largest_readable_record_is_read_quickly() {
    let result = format!(r#"{{"date_ms":1,"content_version":1,"answers":{}}}"#, descending(500));
    let count = SIZE / (result.len() + 1);
    let text = format!(r#"{{"version":3,"results":[{}]}}"#, vec![result.as_str(); count].join(","));
    let (outcome, took) = timed(&format!("{count} results of 500 answers"), &text);
    let record = outcome.expect("a record within every cap is read");
    assert_eq!(record.results.len(), count);
    assert!(record.results.iter().all(|r| r.answers.len() == 500 && r.answers.iter().next().map(|(id, _)| id.as_str()) == Some(id(0).as_str())));
    assert!(took < BOUND * 5, "{took:?}");
}

/// The caps themselves: 500 answers are kept and the 501st refused; an id of 64 bytes is kept
/// and one of 65 refused (as before, both with the reason "out of range").
#[test]
fn the_caps_are_where_they_were() {
    let with = |answers: &str| format!(r#"{{"version":3,"progress":{{"content_version":1,"answers":{answers}}}}}"#);
    assert_eq!(Record::from_json(&with(&descending(500))).map(|r| r.progress.map(|p| p.answers.len())), Ok(Some(500)));
    assert_eq!(Record::from_json(&with(&descending(501))).map_err(|e| e.key()), Err("bad_value"));
    // A repeated id is one entry: the last one counts.
    let repeated = descending(500).replacen('{', &format!(r#"{{"{}":4,"#, id(0)), 1);
    assert_eq!(Record::from_json(&with(&repeated)).map(|r| r.progress.map(|p| p.answers.len())), Ok(Some(500)));
    assert_eq!(Record::from_json(&with(&format!(r#"{{"{}":1}}"#, "é".repeat(32)))).map(|r| r.progress.is_some()), Ok(true));
    assert_eq!(Record::from_json(&with(&format!(r#"{{"{}a":1}}"#, "é".repeat(32)))).map_err(|e| e.key()), Err("bad_value"));
}

