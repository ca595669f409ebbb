//! The stored record: round trips, migration from versions 1, 2 and 3, every corrupt form,
//! content version changes, the plan, and two tabs merging.
#![allow(clippy::disallowed_macros)] // build-time code or tests: never in the wasm

use closer_core::plan::Plan;
use closer_core::record::*;
use closer_core::{Answers, Importance};

fn answers(pairs: &[(&str, u8)]) -> Answers {
    pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
}

fn sample() -> Record {
    Record {
        version: RECORD_VERSION,
        progress: Some(Progress { content_version: 1, answers: answers(&[("au1", 3), ("qt1", 0)]), importance: answers(&[("support", 4)]), position: 2 }),
        results: vec![
            StoredResult { date_ms: 1_790_000_000_000, content_version: 1, answers: answers(&[("au1", 4)]), importance: Importance::new(), area: None },
            StoredResult { date_ms: 1_791_200_000_000, content_version: 1, answers: answers(&[("su1", 3)]), importance: Importance::new(), area: Some("support".into()) },
        ],
        comparisons: vec![StoredComparison { received_ms: 1_790_000_100_000, code: "AbC_-9".into(), own_code: None }],
        shared_ms: Some(1_790_000_200_000),
        language: Some("es".into()),
        plan: Some(Plan { area: "support".into(), start_day: 20_794, done: vec![1, 0, 5], before: Some(45), together: false }),
    }
}

#[test]
fn a_record_round_trips_through_json() {
    let r = sample();
    assert_eq!(Record::from_json(&r.to_json()), Ok(r.clone()));
    assert_eq!(Record::from_json(&r.to_json_pretty()), Ok(r));
}

#[test]
fn a_version_1_record_migrates_with_nothing_lost() {
    let v1 = r#"{"version":1,"content_version":1,
        "answers":{"au1":3,"su2":1},
        "results":[{"date_ms":1780000000000,"answers":{"au1":4,"em1":0}}]}"#;
    let r = Record::from_json(v1).expect("version 1 migrates");
    assert_eq!(r.version, RECORD_VERSION);
    let p = r.progress.expect("progress kept");
    assert_eq!(p.answers, answers(&[("au1", 3), ("su2", 1)]));
    assert_eq!(p.content_version, 1);
    assert_eq!(r.results.len(), 1);
    assert_eq!(r.results[0].answers, answers(&[("au1", 4), ("em1", 0)]));
    assert_eq!(r.results[0].date_ms, 1_780_000_000_000);
}

#[test]
fn every_corrupt_form_is_refused_with_its_reason() {
    let huge = format!(r#"{{"version":2,"results":[],"x":"{}"}}"#, "a".repeat(MAX_RECORD_BYTES));
    let cases: Vec<(String, &str)> = vec![
        ("this is not json".into(), "not_json"),
        ("".into(), "not_json"),
        ("{\"version\":2".into(), "not_json"),
        ("[1,2,3]".into(), "wrong_shape"),
        ("{}".into(), "wrong_shape"),
        (r#"{"version":"2"}"#.into(), "wrong_shape"),
        (r#"{"version":2,"results":"none"}"#.into(), "wrong_shape"),
        (r#"{"version":2,"progress":{"content_version":1,"answers":{"au1":"Agree"}}}"#.into(), "wrong_shape"),
        (r#"{"version":2,"surprise":true}"#.into(), "wrong_shape"),
        (r#"{"version":99,"anything":1}"#.into(), "future_version"),
        (r#"{"version":0}"#.into(), "wrong_shape"),
        (huge, "too_large"),
        (r#"{"version":2,"progress":{"content_version":1,"answers":{"au1":9}}}"#.into(), "bad_value"),
        (r#"{"version":2,"progress":{"content_version":1,"answers":{},"position":100000}}"#.into(), "bad_value"),
        (r#"{"version":2,"results":[{"date_ms":-5,"content_version":1,"answers":{}}]}"#.into(), "wrong_shape"),
        (r#"{"version":2,"results":[{"date_ms":1e300,"content_version":1,"answers":{}}]}"#.into(), "wrong_shape"),
        (r#"{"version":2,"results":[{"date_ms":999999999999999999,"content_version":1,"answers":{}}]}"#.into(), "bad_value"),
        (r#"{"version":2,"progress":{"content_version":99999999,"answers":{}}}"#.into(), "wrong_shape"),
    ];
    for (text, key) in cases {
        let e = Record::from_json(&text).expect_err(&text[..text.len().min(80)]);
        assert_eq!(e.key(), key, "{} → {e}", &text[..text.len().min(80)]);
    }
}

#[test]
fn merging_another_tabs_record_keeps_both_sets_of_answers() {
    let mut mine = Record::empty();
    mine.progress = Some(Progress { content_version: 1, answers: answers(&[("au1", 1), ("qt1", 2)]), ..Default::default() });
    let mut theirs = Record::empty();
    theirs.progress = Some(Progress { content_version: 1, answers: answers(&[("su1", 4), ("qt1", 3)]), ..Default::default() });
    mine.merge_from(theirs);
    assert_eq!(mine.progress.unwrap().answers, answers(&[("au1", 1), ("qt1", 3), ("su1", 4)]));
}

#[test]
fn a_result_deleted_in_another_tab_stays_deleted_and_a_new_one_here_is_kept() {
    let result = |ms: u64| StoredResult { date_ms: ms, content_version: 1, answers: answers(&[("au1", 2)]), importance: Importance::new(), area: None };
    let mut mine = Record { results: vec![result(1), result(2), result(5)], ..Record::empty() };
    let theirs = Record { results: vec![result(2), result(3)], ..Record::empty() };
    mine.merge_from(theirs);
    assert_eq!(mine.results.iter().map(|r| r.date_ms).collect::<Vec<_>>(), [2, 3, 5]);
}

#[test]
fn a_check_in_finished_in_another_tab_is_not_left_in_progress_here() {
    let done = answers(&[("au1", 2), ("qt1", 4)]);
    let mut mine = Record::empty();
    mine.progress = Some(Progress { content_version: 1, answers: done.clone(), ..Default::default() });
    let theirs = Record { results: vec![StoredResult { date_ms: 9, content_version: 1, answers: done, importance: Importance::new(), area: None }], ..Record::empty() };
    mine.merge_from(theirs);
    assert_eq!(mine.progress, None);
    assert_eq!(mine.results.len(), 1);
}

// The format written is the one Closer has always written: stored records and export files from
// every earlier version are the same bytes.

/// A record with every kind of field filled, and an id that needs every kind of escape.
fn every_field() -> Record {
    Record {
        version: RECORD_VERSION,
        progress: Some(Progress {
            content_version: 1,
            answers: answers(&[("au1", 3), ("qt1", 0), ("é\"\\/\n\r\t\u{8}\u{c}\u{1}\u{1f}😀", 1)]),
            importance: answers(&[("support", 4)]),
            position: 2,
        }),
        results: vec![
            StoredResult { date_ms: 1_790_000_000_000, content_version: 1, answers: answers(&[("au1", 4)]), importance: Importance::new(), area: None },
            StoredResult { date_ms: 0, content_version: 65535, answers: Answers::new(), importance: answers(&[("a", 0)]), area: Some("physical".into()) },
        ],
        comparisons: vec![
            StoredComparison { received_ms: 1_790_000_100_000, code: "AbC_-9".into(), own_code: None },
            StoredComparison { received_ms: 5, code: "".into(), own_code: Some("x\u{0}y".into()) },
        ],
        shared_ms: Some(1_790_000_200_000),
        language: Some("es".into()),
        plan: Some(Plan { area: "empathy".into(), start_day: 20_794, done: vec![0, 15, 0, 8], before: Some(0), together: true }),
    }
}

#[test]
fn the_json_written_is_byte_for_byte_the_stored_format() {
    assert_eq!(Record::empty().to_json(), r#"{"version":4,"progress":null,"results":[],"comparisons":[],"shared_ms":null}"#);
    assert_eq!(
        Record { progress: Some(Progress::default()), ..Record::empty() }.to_json(),
        r#"{"version":4,"progress":{"content_version":0,"answers":{},"importance":{},"position":0},"results":[],"comparisons":[],"shared_ms":null}"#
    );
    assert_eq!(
        every_field().to_json(),
        r#"{"version":4,"progress":{"content_version":1,"answers":{"au1":3,"qt1":0,"é\"\\/\n\r\t\b\f\u0001\u001f😀":1},"importance":{"support":4},"position":2},"results":[{"date_ms":1790000000000,"content_version":1,"answers":{"au1":4},"importance":{}},{"date_ms":0,"content_version":65535,"answers":{},"importance":{"a":0},"area":"physical"}],"comparisons":[{"received_ms":1790000100000,"code":"AbC_-9","own_code":null},{"received_ms":5,"code":"","own_code":"x\u0000y"}],"shared_ms":1790000200000,"language":"es","plan":{"area":"empathy","start_day":20794,"done":[0,15,0,8],"before":0,"together":true}}"#
    );
    // Only `"`, `\` and control characters are escaped; DEL and U+2028 are written as they are.
    let odd = Record { comparisons: vec![StoredComparison { received_ms: 1, code: "\u{7f}\u{2028}".into(), own_code: None }], ..Record::empty() };
    assert!(odd.to_json().contains("\"code\":\"\u{7f}\u{2028}\""));
}

#[test]
fn the_pretty_json_is_indented_by_two_spaces() {
    assert_eq!(
        Record::empty().to_json_pretty(),
        r#"{
  "version": 4,
  "progress": null,
  "results": [],
  "comparisons": [],
  "shared_ms": null
}"#
    );
    assert_eq!(
        every_field().to_json_pretty(),
        r#"{
  "version": 4,
  "progress": {
    "content_version": 1,
    "answers": {
      "au1": 3,
      "qt1": 0,
      "é\"\\/\n\r\t\b\f\u0001\u001f😀": 1
    },
    "importance": {
      "support": 4
    },
    "position": 2
  },
  "results": [
    {
      "date_ms": 1790000000000,
      "content_version": 1,
      "answers": {
        "au1": 4
      },
      "importance": {}
    },
    {
      "date_ms": 0,
      "content_version": 65535,
      "answers": {},
      "importance": {
        "a": 0
      },
      "area": "physical"
    }
  ],
  "comparisons": [
    {
      "received_ms": 1790000100000,
      "code": "AbC_-9",
      "own_code": null
    },
    {
      "received_ms": 5,
      "code": "",
      "own_code": "x\u0000y"
    }
  ],
  "shared_ms": 1790000200000,
  "language": "es",
  "plan": {
    "area": "empathy",
    "start_day": 20794,
    "done": [
      0,
      15,
      0,
      8
    ],
    "before": 0,
    "together": true
  }
}"#
    );
    let r = every_field();
    assert_eq!(Record::from_json(&r.to_json()), Ok(r.clone()));
    assert_eq!(Record::from_json(&r.to_json_pretty()), Ok(r));
}

#[test]
fn what_may_be_left_out_or_null_is_read_as_before() {
    let read = |t: &str| Record::from_json(t).unwrap_or_else(|e| panic!("{t} → {e}"));
    assert_eq!(read(r#"{"version":2}"#), Record::empty());
    assert_eq!(read(r#" {"version" : 2 , "progress" : null , "shared_ms" : null } "#), Record::empty());
    let p = read(r#"{"version":2,"progress":{"content_version":3,"answers":{"au1":4,"au1":1}}}"#).progress.unwrap();
    // Where an id is written twice, the last one counts; what was left out is empty.
    assert_eq!(p, Progress { content_version: 3, answers: answers(&[("au1", 1)]), importance: Importance::new(), position: 0 });
    let c = read(r#"{"version":2,"comparisons":[{"received_ms":1,"code":"\uD83D\uDE00\u00e9\/","own_code":null},{"received_ms":2,"code":"b"}]}"#).comparisons;
    assert_eq!(c, [StoredComparison { received_ms: 1, code: "😀é/".into(), own_code: None }, StoredComparison { received_ms: 2, code: "b".into(), own_code: None }]);
    let r = read(r#"{"version":1,"content_version":4}"#);
    assert_eq!(r, Record::empty());
}

#[test]
fn more_corrupt_forms_are_refused_as_before() {
    let deep = format!(r#"{{"version":2,"x":{}{}}}"#, "[".repeat(1000), "]".repeat(1000));
    let cases: Vec<(String, &str)> = vec![
        // Not JSON: trailing commas, leading zeros, bad numbers, bad escapes, raw control
        // characters in strings, text after the value, unclosed things.
        (r#"{"version":2,}"#.into(), "not_json"),
        (r#"{"version":2,"results":[,]}"#.into(), "not_json"),
        (r#"{"version":02}"#.into(), "not_json"),
        (r#"{"version":2.}"#.into(), "not_json"),
        (r#"{"version":+2}"#.into(), "not_json"),
        (r#"{"version":-}"#.into(), "not_json"),
        (r#"{"version":2e}"#.into(), "not_json"),
        (r#"{"version":2,"comparisons":[{"received_ms":1,"code":"\x"}]}"#.into(), "not_json"),
        (r#"{"version":2,"comparisons":[{"received_ms":1,"code":"\u12"}]}"#.into(), "not_json"),
        ("{\"version\":2,\"comparisons\":[{\"received_ms\":1,\"code\":\"a\nb\"}]}".into(), "not_json"),
        (r#"{"version":2} x"#.into(), "not_json"),
        ("\u{feff}{\"version\":2}".into(), "not_json"),
        (r#"{"version":2,"x":"\ud800"#.into(), "not_json"),
        (r#"{"version":tru}"#.into(), "not_json"),
        // JSON, but not a record this version reads. (Deep nesting is skipped without
        // recursion, so it cannot exhaust the stack.)
        (deep, "wrong_shape"),
        (format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)), "wrong_shape"),
        ("null".into(), "wrong_shape"),
        ("2".into(), "wrong_shape"),
        ("[2]".into(), "wrong_shape"),
        (r#"{"version":null}"#.into(), "wrong_shape"),
        (r#"{"version":2,"version":2}"#.into(), "wrong_shape"),
        (r#"{"version":-1}"#.into(), "wrong_shape"),
        (r#"{"version":2.0}"#.into(), "wrong_shape"),
        (r#"{"version":2,"results":null}"#.into(), "wrong_shape"),
        (r#"{"version":2,"progress":[1,{},{},9999]}"#.into(), "bad_value"),
        (r#"{"version":2,"progress":{"content_version":1}}"#.into(), "wrong_shape"),
        (r#"{"version":2,"progress":{"content_version":1,"answers":{},"importance":null}}"#.into(), "wrong_shape"),
        (r#"{"version":2,"progress":{"content_version":1,"answers":{},"position":-1}}"#.into(), "wrong_shape"),
        (r#"{"version":2,"progress":{"content_version":1,"answers":{},"position":1.5}}"#.into(), "wrong_shape"),
        (r#"{"version":2,"progress":{"content_version":1,"answers":{},"answers":{}}}"#.into(), "wrong_shape"),
        (r#"{"version":2,"progress":{"content_version":1,"answers":{"au1":256}}}"#.into(), "wrong_shape"),
        (r#"{"version":2,"progress":{"content_version":1,"answers":{"au1":-1}}}"#.into(), "wrong_shape"),
        (r#"{"version":2,"results":[{"date_ms":18446744073709551616,"content_version":1,"answers":{}}]}"#.into(), "wrong_shape"),
        (r#"{"version":2,"results":[{"date_ms":1,"content_version":1,"answers":{},"extra":0}]}"#.into(), "wrong_shape"),
        (r#"{"version":2,"comparisons":[{"received_ms":1}]}"#.into(), "wrong_shape"),
        (r#"{"version":2,"comparisons":[{"received_ms":1,"code":5}]}"#.into(), "wrong_shape"),
        (r#"{"version":2,"comparisons":[{"received_ms":1,"code":"a","own_code":5}]}"#.into(), "wrong_shape"),
        (r#"{"version":2,"comparisons":[{"received_ms":1,"code":"\ud800"}]}"#.into(), "wrong_shape"),
        (r#"{"version":2,"comparisons":[{"received_ms":1,"code":"\udc00\ud800"}]}"#.into(), "wrong_shape"),
        (r#"{"version":1}"#.into(), "wrong_shape"),
        (r#"{"version":1,"content_version":1,"progress":null}"#.into(), "wrong_shape"),
        (r#"{"version":1,"content_version":1,"results":[{"date_ms":1}]}"#.into(), "wrong_shape"),
        // Newer than this version, whatever else it holds.
        (r#"{"version":5,"x":"\ud800"}"#.into(), "future_version"),
        (r#"{"version":3,"language":5}"#.into(), "wrong_shape"),
        (r#"{"version":18446744073709551615}"#.into(), "future_version"),
        // Read, but out of range ("does not apply" is an answer, not a rating).
        (r#"{"version":2,"progress":{"content_version":1,"answers":{},"importance":{"support":5}}}"#.into(), "bad_value"),
        (r#"{"version":2,"progress":{"content_version":1,"answers":{"au1":255}}}"#.into(), "bad_value"),
        (r#"{"version":2,"progress":{"content_version":1,"answers":{"au1":6}}}"#.into(), "bad_value"),
        (r#"{"version":2,"progress":{"content_version":1,"answers":{},"position":4294967296}}"#.into(), "bad_value"),
        (format!(r#"{{"version":2,"progress":{{"content_version":1,"answers":{{"{}":1}}}}}}"#, "a".repeat(65)), "bad_value"),
    ];
    for (text, key) in cases {
        let e = Record::from_json(&text).expect_err(&text[..text.len().min(80)]);
        assert_eq!(e.key(), key, "{} → {e}", &text[..text.len().min(80)]);
    }
    assert_eq!(Record::from_json(r#"{"version":4294967296}"#), Err(RecordError::FutureVersion(u32::MAX)));
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    fn ids() -> impl Strategy<Value = Answers> {
        // Any characters, up to 16 (so at most 64 bytes, the longest id kept).
        prop::collection::btree_map("\\PC{0,16}|[\\x00-\\x1f\"\\\\/\u{7f}\u{2028}😀]{0,6}", 0u8..5, 0..6)
            .prop_map(|m| m.into_iter().collect())
    }

    fn date() -> impl Strategy<Value = u64> {
        prop_oneof![Just(0u64), Just(253_402_300_799_999u64), 0u64..=253_402_300_799_999]
    }

    fn record() -> impl Strategy<Value = Record> {
        let progress = (any::<u16>(), ids(), ids(), 0usize..=500)
            .prop_map(|(content_version, answers, importance, position)| Progress { content_version, answers, importance, position });
        let result = (date(), any::<u16>(), ids(), ids(), prop::option::of(area()))
            .prop_map(|(date_ms, content_version, answers, importance, area)| StoredResult { date_ms, content_version, answers, importance, area });
        let comparison = (date(), "\\PC{0,40}|[\\x00-\\x1f\"\\\\]{0,8}", prop::option::of("\\PC{0,40}"))
            .prop_map(|(received_ms, code, own_code)| StoredComparison { received_ms, code, own_code });
        (
            prop::option::of(progress),
            prop::collection::vec(result, 0..4),
            prop::collection::vec(comparison, 0..4),
            prop::option::of(any::<u64>()),
            prop::option::of("[a-z]{2}(-[A-Z]{2})?"),
            prop::option::of(plan()),
        )
            .prop_map(|(progress, results, comparisons, shared_ms, language, plan)| Record { version: RECORD_VERSION, progress, results, comparisons, shared_ms, language, plan })
    }

    fn area() -> impl Strategy<Value = String> {
        prop::sample::select(closer_core::DIMENSION_IDS.to_vec()).prop_map(str::to_string)
    }

    /// Any plan the record keeps: a known area, a start up to the end of 9999, up to 14 days of
    /// ticks of up to four practices (as `toggle` leaves them, or with trailing empty days).
    fn plan() -> impl Strategy<Value = Plan> {
        (area(), 0..=closer_core::plan::LATEST_START_DAY, prop::collection::vec(0u8..16, 0..=14), prop::option::of(0u8..=100), any::<bool>())
            .prop_map(|(area, start_day, done, before, together)| Plan { area, start_day, done, before, together })
    }

    /// Cuts, insertions and replacements at random places in a text.
    fn mutate(text: &str, edits: Vec<(prop::sample::Index, u8, String)>) -> String {
        let mut chars: Vec<char> = text.chars().collect();
        for (at, how, piece) in edits {
            let i = at.index(chars.len() + 1);
            let end = (i + 1 + usize::from(how % 4)).min(chars.len());
            match how % 3 {
                0 => drop(chars.splice(i..end, [])),
                1 => drop(chars.splice(i..i, piece.chars())),
                _ => drop(chars.splice(i..end, piece.chars())),
            }
        }
        chars.into_iter().collect()
    }

    fn piece() -> impl Strategy<Value = String> {
        prop_oneof!["[\\[\\]{}\":,0-9a-z\\\\ .eE+\\-]{1,3}", "\\PC{1,2}", Just("\\ud800".to_string()), Just("null".to_string()), Just("99999999999999999999".to_string())]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 500, .. ProptestConfig::default() })]

        #[test]
        fn any_record_round_trips(r in record()) {
            prop_assert_eq!(Record::from_json(&r.to_json()), Ok(r.clone()));
            prop_assert_eq!(Record::from_json(&r.to_json_pretty()), Ok(r));
        }

        #[test]
        fn a_damaged_record_is_read_or_refused(r in record(), pretty in any::<bool>(), edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), piece()), 1..4)) {
            let text = if pretty { r.to_json_pretty() } else { r.to_json() };
            let damaged = mutate(&text, edits);
            if let Ok(read) = Record::from_json(&damaged) {
                // Whatever is read back is a record that writes and reads back as itself.
                prop_assert_eq!(Record::from_json(&read.to_json()), Ok(read));
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, .. ProptestConfig::default() })]

        #[test]
        fn any_text_is_read_or_refused(text in "\\PC{0,200}|[\\[\\]{}\":,0-9a-z\\\\ .eE+\\-\t\n]{0,200}") {
            let _ = Record::from_json(&text);
        }
    }
}

#[test]
fn does_not_apply_is_a_stored_answer() {
    let text = r#"{"version":2,"progress":{"content_version":2,"answers":{"ph3":5,"au1":4},"importance":{},"position":3}}"#;
    let r = Record::from_json(text).expect("an answer of 5, does not apply, is kept");
    assert_eq!(r.progress.unwrap().answers, answers(&[("au1", 4), ("ph3", 5)]));
}

#[test]
fn a_version_2_record_reads_as_version_3_with_no_language_chosen_and_a_chosen_one_is_kept() {
    let v2 = r#"{"version":2,"progress":null,"results":[{"date_ms":5,"content_version":2,"answers":{"au1":3}}],"comparisons":[],"shared_ms":null}"#;
    let r = Record::from_json(v2).expect("version 2 reads");
    assert_eq!((r.version, r.language.as_deref(), r.results.len()), (RECORD_VERSION, None, 1));
    // Version 2 never had a language: one there is not a record Closer wrote.
    assert_eq!(Record::from_json(r#"{"version":2,"language":"es"}"#).map_err(|e| e.key()), Err("wrong_shape"));
    let chosen = Record { language: Some("es".into()), ..Record::empty() };
    assert_eq!(Record::from_json(&chosen.to_json()), Ok(chosen.clone()));
    assert_eq!(Record::from_json(&format!(r#"{{"version":3,"language":"{}"}}"#, "x".repeat(40))).map_err(|e| e.key()), Err("bad_value"));
    // The language another tab chose is the person's latest choice; none chosen there keeps ours.
    let mut mine = Record::empty();
    mine.merge_from(chosen.clone());
    assert_eq!(mine.language.as_deref(), Some("es"));
    mine.merge_from(Record::empty());
    assert_eq!(mine.language.as_deref(), Some("es"));
}

// Version 4: the plan and re-checks.

fn plan(area: &str, start_day: u32, done: &[u8]) -> Plan {
    Plan { area: area.into(), start_day, done: done.to_vec(), before: None, together: false }
}

#[test]
fn a_version_3_record_reads_as_version_4_with_no_plan_and_no_recheck() {
    let v3 = r#"{"version":3,"progress":null,"results":[{"date_ms":5,"content_version":2,"answers":{"au1":3},"importance":{}}],"comparisons":[],"shared_ms":null,"language":"es"}"#;
    let r = Record::from_json(v3).expect("version 3 reads");
    assert_eq!(r.version, RECORD_VERSION);
    assert_eq!(r.plan, None);
    assert_eq!(r.language.as_deref(), Some("es"));
    assert_eq!(r.results.iter().map(|r| (r.date_ms, r.area.clone())).collect::<Vec<_>>(), [(5, None)]);
    // Written back, it is a version 4 record with nothing new in it.
    assert_eq!(
        r.to_json(),
        r#"{"version":4,"progress":null,"results":[{"date_ms":5,"content_version":2,"answers":{"au1":3},"importance":{}}],"comparisons":[],"shared_ms":null,"language":"es"}"#
    );
    // Versions 2 and 3 never had a plan or a re-check: one there is not a record Closer wrote.
    for old in [
        r#"{"version":3,"plan":{"area":"support","start_day":1}}"#,
        r#"{"version":2,"plan":{"area":"support","start_day":1}}"#,
        r#"{"version":3,"results":[{"date_ms":5,"content_version":2,"answers":{},"area":"support"}]}"#,
        r#"{"version":2,"results":[{"date_ms":5,"content_version":2,"answers":{},"area":"support"}]}"#,
        r#"{"version":1,"content_version":1,"plan":{"area":"support","start_day":1}}"#,
        r#"{"version":1,"content_version":1,"results":[{"date_ms":5,"answers":{},"area":"support"}]}"#,
    ] {
        assert_eq!(Record::from_json(old).map_err(|e| e.key()), Err("wrong_shape"), "{old}");
    }
    // A plan or a re-check of `null` is none, in any version that reads the shape.
    assert_eq!(Record::from_json(r#"{"version":3,"plan":null}"#), Ok(Record::empty()));
    assert_eq!(Record::from_json(r#"{"version":4,"plan":null}"#), Ok(Record::empty()));
}

#[test]
fn versions_1_and_2_migrate_to_version_4_with_no_plan_and_no_recheck() {
    let v1 = r#"{"version":1,"content_version":1,"answers":{"au1":3},"results":[{"date_ms":7,"answers":{"au1":4}}]}"#;
    let r = Record::from_json(v1).expect("version 1 migrates");
    assert_eq!((r.version, &r.plan), (4, &None));
    assert!(r.results.iter().all(|r| r.area.is_none()));
    let v2 = r#"{"version":2,"results":[{"date_ms":7,"content_version":1,"answers":{"au1":4},"importance":{}}]}"#;
    let r = Record::from_json(v2).expect("version 2 migrates");
    assert_eq!((r.version, &r.plan, r.results[0].area.as_deref()), (4, &None, None));
}

#[test]
fn a_plan_and_a_recheck_round_trip() {
    let r = sample();
    assert_eq!(Record::from_json(&r.to_json()), Ok(r.clone()));
    let text = r.to_json();
    assert!(text.ends_with(r#""language":"es","plan":{"area":"support","start_day":20794,"done":[1,0,5],"before":45,"together":false}}"#), "{text}");
    assert!(text.contains(r#""importance":{},"area":"support"}"#), "{text}");
    // No score before: left out.
    let r = Record { plan: Some(plan("physical", 0, &[])), ..Record::empty() };
    assert_eq!(r.to_json(), r#"{"version":4,"progress":null,"results":[],"comparisons":[],"shared_ms":null,"plan":{"area":"physical","start_day":0,"done":[],"together":false}}"#);
    assert_eq!(Record::from_json(&r.to_json()), Ok(r));
}

#[test]
fn what_a_plan_may_leave_out_is_read_as_nothing() {
    let read = |t: &str| Record::from_json(t).unwrap_or_else(|e| panic!("{t} → {e}")).plan;
    assert_eq!(read(r#"{"version":4,"plan":{"area":"support","start_day":20794}}"#), Some(plan("support", 20_794, &[])));
    assert_eq!(
        read(r#"{"version":4,"plan":{"area":"support","start_day":20794,"done":[0,3],"before":null,"together":true}}"#),
        Some(Plan { together: true, ..plan("support", 20_794, &[0, 3]) })
    );
    // Fourteen days, every practice, a start on the last day of 9999.
    let full = format!(r#"{{"version":4,"plan":{{"area":"quality_time","start_day":2932896,"done":[{}],"before":100}}}}"#, vec!["15"; 14].join(","));
    assert_eq!(read(&full), Some(Plan { before: Some(100), ..plan("quality_time", 2_932_896, &[15; 14]) }));
}

#[test]
fn a_bad_plan_or_recheck_is_refused_as_a_bad_value() {
    let long = "x".repeat(33);
    let fifteen = vec!["0"; 15].join(",");
    let cases: Vec<(String, &str)> = vec![
        // Out of range: the app keeps a copy and says so.
        (r#"{"version":4,"plan":{"area":"trust","start_day":1}}"#.into(), "bad_value"),
        (r#"{"version":4,"plan":{"area":"","start_day":1}}"#.into(), "bad_value"),
        (r#"{"version":4,"plan":{"area":"Support","start_day":1}}"#.into(), "bad_value"),
        (format!(r#"{{"version":4,"plan":{{"area":"{long}","start_day":1}}}}"#), "bad_value"),
        (format!(r#"{{"version":4,"plan":{{"area":"support","start_day":1,"done":[{fifteen}]}}}}"#), "bad_value"),
        (r#"{"version":4,"plan":{"area":"support","start_day":1,"done":[16]}}"#.into(), "bad_value"),
        (r#"{"version":4,"plan":{"area":"support","start_day":1,"done":[0,0,128]}}"#.into(), "bad_value"),
        (r#"{"version":4,"plan":{"area":"support","start_day":1,"before":101}}"#.into(), "bad_value"),
        (r#"{"version":4,"plan":{"area":"support","start_day":2932897}}"#.into(), "bad_value"),
        (r#"{"version":4,"results":[{"date_ms":1,"content_version":1,"answers":{},"area":"trust"}]}"#.into(), "bad_value"),
        (format!(r#"{{"version":4,"results":[{{"date_ms":1,"content_version":1,"answers":{{}},"area":"{long}"}}]}}"#), "bad_value"),
        // Not the shape of a plan.
        (r#"{"version":4,"plan":{"area":"support"}}"#.into(), "wrong_shape"),
        (r#"{"version":4,"plan":{"start_day":1}}"#.into(), "wrong_shape"),
        (r#"{"version":4,"plan":{"area":"support","start_day":-1}}"#.into(), "wrong_shape"),
        (r#"{"version":4,"plan":{"area":"support","start_day":4294967296}}"#.into(), "wrong_shape"),
        (r#"{"version":4,"plan":{"area":"support","start_day":1,"done":[256]}}"#.into(), "wrong_shape"),
        (r#"{"version":4,"plan":{"area":"support","start_day":1,"done":null}}"#.into(), "wrong_shape"),
        (r#"{"version":4,"plan":{"area":"support","start_day":1,"before":256}}"#.into(), "wrong_shape"),
        (r#"{"version":4,"plan":{"area":"support","start_day":1,"together":1}}"#.into(), "wrong_shape"),
        (r#"{"version":4,"plan":{"area":"support","start_day":1,"extra":0}}"#.into(), "wrong_shape"),
        (r#"{"version":4,"plan":{"area":5,"start_day":1}}"#.into(), "wrong_shape"),
        (r#"{"version":4,"plan":[]}"#.into(), "wrong_shape"),
        (r#"{"version":4,"results":[{"date_ms":1,"content_version":1,"answers":{},"area":5}]}"#.into(), "wrong_shape"),
    ];
    for (text, key) in cases {
        let e = Record::from_json(&text).expect_err(&text);
        assert_eq!(e.key(), key, "{text} → {e}");
    }
}

#[test]
fn two_tabs_holding_the_same_plan_unite_their_ticks() {
    let mut mine = Record { plan: Some(plan("support", 20_794, &[1, 0, 2])), ..Record::empty() };
    let theirs = Record { plan: Some(Plan { together: true, before: Some(40), ..plan("support", 20_794, &[4, 0, 0, 0, 8]) }), ..Record::empty() };
    mine.merge_from(theirs);
    assert_eq!(mine.plan, Some(Plan { together: true, before: Some(40), ..plan("support", 20_794, &[5, 0, 2, 0, 8]) }));
    // Merged again with itself, nothing changes.
    let again = mine.clone();
    mine.merge_from(again.clone());
    assert_eq!(mine, again);
}

#[test]
fn two_tabs_holding_different_plans_keep_the_one_started_later() {
    let merged = |mine: Option<Plan>, theirs: Option<Plan>| {
        let mut record = Record { plan: mine, ..Record::empty() };
        record.merge_from(Record { plan: theirs, ..Record::empty() });
        record.plan
    };
    let older = plan("support", 20_000, &[1]);
    let newer = plan("security", 20_010, &[2]);
    assert_eq!(merged(Some(older.clone()), Some(newer.clone())), Some(newer.clone()));
    assert_eq!(merged(Some(newer.clone()), Some(older.clone())), Some(newer.clone()));
    // The same area started on another day is another plan: the later one, its ticks alone.
    let restarted = plan("support", 20_020, &[]);
    assert_eq!(merged(Some(older.clone()), Some(restarted.clone())), Some(restarted.clone()));
    assert_eq!(merged(Some(restarted.clone()), Some(older.clone())), Some(restarted));
    // Started the same day: the other tab's, the latest choice.
    let same_day = plan("empathy", 20_000, &[]);
    assert_eq!(merged(Some(older.clone()), Some(same_day.clone())), Some(same_day));
    // One tab alone holds a plan: the other tab's record decides (ended there, chosen there).
    assert_eq!(merged(Some(older.clone()), None), None);
    assert_eq!(merged(None, Some(older.clone())), Some(older));
    assert_eq!(merged(None, None), None);
}

#[test]
fn a_recheck_merges_like_any_result() {
    let result = |ms: u64, area: Option<&str>| StoredResult { date_ms: ms, content_version: 1, answers: answers(&[("su1", 2)]), importance: Importance::new(), area: area.map(str::to_string) };
    let mut mine = Record { results: vec![result(1, None), result(5, Some("support"))], ..Record::empty() };
    mine.merge_from(Record { results: vec![result(1, None), result(3, Some("support"))], ..Record::empty() });
    assert_eq!(mine.results, [result(1, None), result(3, Some("support")), result(5, Some("support"))]);
}

#[test]
fn the_version_4_example_in_the_modules_docs_reads() {
    let example = r#"{"version":4,"progress":null,
 "results":[{"date_ms":1790000000000,"content_version":2,"answers":{"su1":3},"importance":{}},
            {"date_ms":1791200000000,"content_version":2,"answers":{"su1":4},"importance":{},"area":"support"}],
 "comparisons":[],"shared_ms":null,"language":"es",
 "plan":{"area":"support","start_day":20794,"done":[1,0,5],"before":45,"together":false}}"#;
    let r = Record::from_json(example).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.plan, Some(Plan { before: Some(45), ..plan("support", 20_794, &[1, 0, 5]) }));
    assert_eq!(r.results[1].area.as_deref(), Some("support"));
    // The same text, without its line breaks, is what the record writes.
    let one_line: String = example.split('\n').map(str::trim_start).collect();
    assert_eq!(r.to_json(), one_line);
}
