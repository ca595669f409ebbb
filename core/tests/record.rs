//! The stored record: round trips, migration from version 1, every corrupt form, content
//! version changes, and two tabs merging.

use closer_core::record::*;
use closer_core::{Answers, Importance};

fn answers(pairs: &[(&str, u8)]) -> Answers {
    pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
}

fn sample() -> Record {
    Record {
        version: RECORD_VERSION,
        progress: Some(Progress { content_version: 1, answers: answers(&[("au1", 3), ("qt1", 0)]), importance: answers(&[("support", 4)]), position: 2 }),
        results: vec![StoredResult { date_ms: 1_790_000_000_000, content_version: 1, answers: answers(&[("au1", 4)]), importance: Importance::new() }],
        comparisons: vec![StoredComparison { received_ms: 1_790_000_100_000, code: "AbC_-9".into(), own_code: None }],
        shared_ms: Some(1_790_000_200_000),
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
    let result = |ms: u64| StoredResult { date_ms: ms, content_version: 1, answers: answers(&[("au1", 2)]), importance: Importance::new() };
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
    let theirs = Record { results: vec![StoredResult { date_ms: 9, content_version: 1, answers: done, importance: Importance::new() }], ..Record::empty() };
    mine.merge_from(theirs);
    assert_eq!(mine.progress, None);
    assert_eq!(mine.results.len(), 1);
}
