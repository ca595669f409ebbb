//! The partner-link code: round trips, length, every way a code can be broken, and that decoding
//! anything at all never panics.
#![allow(clippy::disallowed_macros)] // build-time code or tests: never in the wasm

use closer_core::plan::LATEST_START_DAY;
use closer_core::share::{self, decode, encode, normalize_name, DecodeError, SharedPlan, SharedResult, MAX_CODE_LEN};
use closer_core::DIMENSION_IDS;
use proptest::prelude::*;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// A base64url encoder written separately from the one under test.
fn base64url(bytes: &[u8]) -> String {
    let mut bits = String::new();
    for b in bytes {
        bits.push_str(&format!("{b:08b}"));
    }
    bits.as_bytes()
        .chunks(6)
        .map(|six| {
            let six = format!("{:0<6}", std::str::from_utf8(six).unwrap());
            char::from(ALPHABET[usize::from_str_radix(&six, 2).unwrap()])
        })
        .collect()
}

fn full_result(name: Option<&str>) -> SharedResult {
    SharedResult {
        content_version: 3,
        scores: [Some(0), Some(100), None, Some(55), Some(70), Some(39), Some(1), None],
        importance: [Some(0), Some(4), None, Some(2), Some(3), Some(1), None, Some(4)],
        answers: Some((0..36).map(|i| if i % 7 == 6 { None } else { Some((i * 3 % 5) as u8) }).collect()),
        name: name.map(str::to_string),
        plan: None,
    }
}

/// A result with a plan, as a person following one shares it (no answers).
fn with_a_plan(name: Option<&str>) -> SharedResult {
    SharedResult { answers: None, plan: Some(SharedPlan { area: "support", start_day: 20_794 }), ..full_result(name) }
}

/// Decodes, and if the code is accepted checks it is exactly the one `encode` writes for the
/// result, so no two codes mean the same thing.
fn decode_canonical(code: &str) -> Result<SharedResult, DecodeError> {
    let decoded = decode(code);
    if let Ok(r) = &decoded {
        assert_eq!(encode(r), code, "an accepted code is not canonical");
    }
    decoded
}

#[test]
fn a_full_result_with_answers_and_a_name_round_trips() {
    let r = full_result(Some("Sam"));
    let code = encode(&r);
    assert!(code.bytes().all(|b| ALPHABET.contains(&b)), "{code}");
    assert_eq!(decode(&code), Ok(r));
}

#[test]
fn a_full_result_with_36_answers_and_a_10_character_name_is_under_80_characters() {
    let code = encode(&full_result(Some("Alexandria")));
    println!("full result with 36 answers and a 10-character name: {} characters: {code}", code.len());
    assert!(code.len() < 80, "{} characters", code.len());
    let no_name = encode(&full_result(None));
    println!("full result with 36 answers, no name: {} characters", no_name.len());
}

#[test]
fn scores_only_is_shorter() {
    let with_answers = full_result(Some("Sam"));
    let scores_only = SharedResult { answers: None, ..with_answers.clone() };
    let (long, short) = (encode(&with_answers), encode(&scores_only));
    println!("scores only with a 3-character name: {} characters, with answers: {}", short.len(), long.len());
    assert!(short.len() < long.len());
    assert_eq!(decode(&short), Ok(scores_only));
}

#[test]
fn nothing_answered_round_trips() {
    let r = SharedResult::default();
    assert_eq!(decode(&encode(&r)), Ok(r));
    let r = SharedResult { answers: Some(vec![]), ..SharedResult::default() };
    assert_eq!(decode(&encode(&r)), Ok(r));
    let r = SharedResult { content_version: u16::MAX, answers: Some(vec![None; 255]), ..SharedResult::default() };
    assert_eq!(decode(&encode(&r)), Ok(r));
}

#[test]
fn an_empty_code_is_empty() {
    assert_eq!(decode(""), Err(DecodeError::Empty));
    assert_eq!(DecodeError::Empty.key(), "empty");
}

#[test]
fn a_code_longer_than_the_maximum_is_refused() {
    assert_eq!(decode(&"A".repeat(MAX_CODE_LEN + 1)), Err(DecodeError::TooLong));
    assert_eq!(decode(&"é".repeat(MAX_CODE_LEN)), Err(DecodeError::TooLong));
    assert_ne!(decode(&"A".repeat(MAX_CODE_LEN)), Err(DecodeError::TooLong));
    // The longest code encode can write still decodes.
    let longest =
        SharedResult { answers: Some(vec![Some(4); 300]), name: Some("😀".repeat(40)), ..full_result(None) };
    let code = encode(&longest);
    println!("longest code: {} characters", code.len());
    assert!(code.len() <= MAX_CODE_LEN);
    let decoded = decode(&code).unwrap();
    assert_eq!(decoded.answers.map(|a| a.len()), Some(255));
    assert_eq!(decoded.name, Some("😀".repeat(30)));
}

#[test]
fn a_character_outside_base64url_is_not_base64() {
    let code = encode(&full_result(Some("Sam")));
    for bad in ['+', '/', '=', ' ', '.', '#', '\n', 'é', '\0', '😀'] {
        for at in [0, 10, code.len() - 1, code.len()] {
            let mut broken = code.clone();
            broken.insert(at, bad);
            assert_eq!(decode(&broken), Err(DecodeError::NotBase64), "{bad:?} at {at}");
        }
    }
    // Padding is not written and not accepted.
    assert_eq!(decode(&format!("{code}=")), Err(DecodeError::NotBase64));
}

#[test]
fn a_cut_code_is_truncated() {
    for r in [full_result(Some("Alexandria")), full_result(None), SharedResult::default(), with_a_plan(Some("Sam")), with_a_plan(None)] {
        let code = encode(&r);
        for keep in 0..code.len() {
            let expected = if keep == 0 { DecodeError::Empty } else { DecodeError::Truncated };
            assert_eq!(decode(&code[..keep]), Err(expected), "{keep} of {} characters of {code}", code.len());
        }
        assert_eq!(DecodeError::Truncated.key(), "incomplete");
    }
}

#[test]
fn every_single_altered_character_is_caught() {
    for r in [full_result(Some("Alexandria")), full_result(None), SharedResult::default(), with_a_plan(Some("Sam"))] {
        let code = encode(&r);
        for at in 0..code.len() {
            for &replacement in ALPHABET {
                if code.as_bytes()[at] == replacement {
                    continue;
                }
                let mut altered = code.clone().into_bytes();
                altered[at] = replacement;
                let altered = String::from_utf8(altered).unwrap();
                // A CRC-24 catches every change of up to 24 neighbouring bits; one character is 6.
                match decode(&altered) {
                    Err(DecodeError::ChecksumMismatch | DecodeError::Truncated) => {}
                    other => panic!("{altered} (position {at}) gave {other:?}"),
                }
            }
        }
    }
    assert_eq!(DecodeError::ChecksumMismatch.key(), "altered");
}

#[test]
fn a_newer_format_is_named_and_an_unknown_one_refused() {
    // A frame from a later Closer: version 4 (2 is a locked link, 3 a result with a plan), a
    // body this one cannot read, a good checksum.
    let newer = share::seal(&[4, 0xAB, 0xCD, 0xEF, 0x01]);
    assert_eq!(decode(&newer), Err(DecodeError::NewerFormat(4)));
    assert_eq!(DecodeError::NewerFormat(4).key(), "newer");
    assert_eq!(decode(&share::seal(&[255, 0xAB])), Err(DecodeError::NewerFormat(255)));
    assert_eq!(decode(&share::seal(&[0, 1, 2, 3])), Err(DecodeError::UnknownFormat(0)));
    assert_eq!(DecodeError::UnknownFormat(0).key(), "invalid");
}

#[test]
fn the_checksum_is_crc_24_over_the_frame() {
    // Built here byte by byte: version 1, content version 3, eight scores of 127 (7 bits each),
    // eight ratings of 7 (3 bits each), no answers, no name, zero padding.
    let mut bits = format!("{:08b}{:016b}", 1, 3);
    bits.push_str(&"1".repeat(7 * 8 + 3 * 8));
    bits.push_str(&"0".repeat(1 + 8));
    while bits.len() % 8 != 0 {
        bits.push('0');
    }
    let frame: Vec<u8> =
        bits.as_bytes().chunks(8).map(|b| u8::from_str_radix(std::str::from_utf8(b).unwrap(), 2).unwrap()).collect();
    let mut crc: u32 = 0xB704CE;
    for &b in &frame {
        crc ^= u32::from(b) << 16;
        for _ in 0..8 {
            crc = (if crc & 0x80_0000 != 0 { (crc << 1) ^ 0x86_4CFB } else { crc << 1 }) & 0xFF_FFFF;
        }
    }
    let mut bytes = frame;
    bytes.extend_from_slice(&crc.to_be_bytes()[1..]);
    let code = base64url(&bytes);
    assert_eq!(encode(&SharedResult { content_version: 3, ..SharedResult::default() }), code);
    assert_eq!(share::seal(&bytes[..bytes.len() - 3]), code);
}

#[test]
fn names_are_trimmed_cleaned_and_cut() {
    let name_after_trip = |name: &str| {
        decode(&encode(&SharedResult { name: Some(name.into()), ..SharedResult::default() })).unwrap().name
    };
    assert_eq!(name_after_trip(&"a".repeat(41)), Some("a".repeat(40)));
    assert_eq!(name_after_trip(&"é".repeat(41)), Some("é".repeat(40)));
    assert_eq!(name_after_trip("  Ana  "), Some("Ana".into()));
    assert_eq!(name_after_trip("A\u{0}n\u{7}n\na\t\u{1b}[31m"), Some("Anna[31m".into()));
    assert_eq!(name_after_trip("An\u{202E}na\u{2066}\u{200F}"), Some("Anna".into()));
    assert_eq!(name_after_trip("Zoë 🌻"), Some("Zoë 🌻".into()));
    assert_eq!(name_after_trip("\n \t "), None);
    assert_eq!(name_after_trip(""), None);
    // Cut at 40 characters, then trimmed again.
    assert_eq!(name_after_trip(&format!("{} b", "a".repeat(39))), Some("a".repeat(39)));
    // Four-byte characters: cut at 120 bytes.
    assert_eq!(name_after_trip(&"😀".repeat(40)), Some("😀".repeat(30)));
    assert_eq!(normalize_name(" <b>Ana</b> "), Some("<b>Ana</b>".into()), "the name is data, not markup");
}

#[test]
fn out_of_range_values_travel_as_missing() {
    let r = SharedResult {
        content_version: 1,
        scores: [Some(101), Some(255), Some(100), None, Some(0), Some(127), Some(50), Some(50)],
        importance: [Some(5), Some(255), Some(4), None, Some(0), Some(7), Some(2), Some(2)],
        answers: Some(vec![Some(5), Some(4), None, Some(255), Some(0)]),
        name: None,
        plan: None,
    };
    let decoded = decode(&encode(&r)).unwrap();
    assert_eq!(decoded.scores, [None, None, Some(100), None, Some(0), None, Some(50), Some(50)]);
    assert_eq!(decoded.importance, [None, None, Some(4), None, Some(0), None, Some(2), Some(2)]);
    assert_eq!(decoded.answers, Some(vec![None, Some(4), None, None, Some(0)]));
}

#[test]
fn every_error_has_a_stable_key() {
    use DecodeError::*;
    let keys: Vec<_> =
        [Empty, TooLong, NotBase64, Truncated, ChecksumMismatch, NewerFormat(9), UnknownFormat(0), Invalid("score")]
            .iter()
            .map(DecodeError::key)
            .collect();
    assert_eq!(keys, ["empty", "invalid", "invalid", "incomplete", "altered", "newer", "invalid", "invalid"]);
}

#[cfg(feature = "parse")]
mod with_the_real_bank {
    use std::path::Path;
    use std::sync::OnceLock;

    use closer_core::share::{decode, encode, SharedPlan, SharedResult};
    use closer_core::*;
    use proptest::prelude::*;

    fn bank() -> &'static Bank {
        static BANK: OnceLock<Bank> = OnceLock::new();
        BANK.get_or_init(|| {
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content/en/assessment.toml");
            parse::assessment(&path).unwrap_or_else(|e| panic!("{e}"))
        })
    }

    /// Answers every statement, the screen's included, and rates most dimensions.
    fn answered(bank: &Bank) -> (Answers, Importance) {
        let answers =
            bank.quiz_order().iter().enumerate().map(|(i, (_, item))| (item.id.to_string(), (i % 5) as u8)).collect();
        let importance =
            DIMENSION_IDS.iter().take(6).enumerate().map(|(i, id)| (id.to_string(), (i % 5) as u8)).collect();
        (answers, importance)
    }

    #[test]
    fn a_shared_result_has_the_sharers_scores_and_ratings_and_no_answer() {
        let bank = bank();
        let (answers, importance) = answered(bank);
        let r = SharedResult::from_answers(bank, &answers, &importance, Some("  Sam\n"));
        let code = encode(&r);
        println!("real bank, every statement answered, name \"Sam\": {} characters", code.len());
        assert!(code.len() < 40);
        let decoded = decode(&code).unwrap();
        assert_eq!(decoded, r);
        assert_eq!(decoded.content_version, bank.content_version);
        assert_eq!(decoded.name.as_deref(), Some("Sam"));
        assert_eq!(decoded.answers, None, "no single answer travels");
        let scores = bank.score(&answers);
        for (i, id) in DIMENSION_IDS.iter().enumerate() {
            assert_eq!(decoded.scores[i], scores.get(id).and_then(|s| s.value()), "{id}");
        }
        assert_eq!(decoded.importance_map(), importance);
    }

    #[test]
    fn a_link_from_an_older_closer_with_answers_still_opens() {
        // Content version 1 let people share their 36 answers, the safety statements among them.
        let old = SharedResult {
            content_version: 1,
            scores: [Some(60); 8],
            importance: [Some(3); 8],
            answers: Some(vec![Some(3); 36]),
            name: Some("Ana".into()),
            plan: None,
        };
        let decoded = decode(&encode(&old)).unwrap();
        assert_eq!(decoded.scores, [Some(60); 8]);
        assert_eq!(decoded.answers.map(|a| a.len()), Some(36));
    }

    /// Any answer or none to every statement (the scale, "does not apply" and values out of
    /// range), any ratings, any name.
    fn any_answers() -> impl Strategy<Value = (Answers, Importance, Option<String>)> {
        let ids: Vec<&'static str> = bank().quiz_order().iter().map(|(_, i)| i.id).collect();
        let n = ids.len();
        (
            proptest::collection::vec(proptest::option::of(0u8..=7), n),
            proptest::collection::vec(proptest::option::of(0u8..=5), 8),
            proptest::option::of("\\PC{0,12}"),
        )
            .prop_map(move |(values, ratings, name)| {
                let answers = ids.iter().zip(values).filter_map(|(id, v)| v.map(|v| (id.to_string(), v))).collect();
                let importance =
                    DIMENSION_IDS.iter().zip(ratings).filter_map(|(id, v)| v.map(|v| (id.to_string(), v))).collect();
                (answers, importance, name)
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 1000, failure_persistence: None, ..ProptestConfig::default() })]

        /// A link of any kind (the invitation with or without a name or a plan, the link back,
        /// the code a comparison is pinned to) is made by `from_answers` (and `with_plan`):
        /// whatever the screen's answers, it is the same code, and it holds no answer at all.
        #[test]
        fn a_link_carries_no_screen_answer(
            (answers, importance, name) in any_answers(),
            screen in proptest::collection::vec(proptest::option::of(0u8..=4), 7),
            area in proptest::sample::select(DIMENSION_IDS.to_vec()),
            start_day in 0u32..100_000,
        ) {
            let bank = bank();
            let mut other = answers.clone();
            for (item, answer) in bank.screen.items.iter().zip(screen) {
                other.retain(|id, _| id != item.id);
                if let Some(a) = answer {
                    other.insert(item.id.to_string(), a);
                }
            }
            for name in [None, name.as_deref()] {
                for plan in [None, Some(SharedPlan { area, start_day })] {
                    let code = encode(&SharedResult::from_answers(bank, &answers, &importance, name).with_plan(plan));
                    prop_assert_eq!(&code, &encode(&SharedResult::from_answers(bank, &other, &importance, name).with_plan(plan)));
                    let decoded = decode(&code).unwrap();
                    prop_assert_eq!(decoded.answers, None);
                    prop_assert_eq!(decoded.plan, plan);
                }
            }
        }
    }
}

fn any_result() -> impl Strategy<Value = SharedResult> {
    let score = proptest::option::of(0u8..=100);
    let rating = proptest::option::of(0u8..=4);
    let answers = proptest::option::of(proptest::collection::vec(proptest::option::of(0u8..=4), 0..=255));
    let name = proptest::option::of(proptest::collection::vec(any::<char>(), 0..=40));
    (any::<u16>(), proptest::array::uniform8(score), proptest::array::uniform8(rating), answers, name, proptest::option::of(any_plan())).prop_map(
        |(content_version, scores, importance, answers, name, plan)| SharedResult {
            content_version,
            scores,
            importance,
            answers,
            name: name.and_then(|chars| normalize_name(&chars.into_iter().collect::<String>())),
            plan,
        },
    )
}

/// Any plan a link can carry: a known area, a first day up to the end of 9999.
fn any_plan() -> impl Strategy<Value = SharedPlan> {
    let day = prop_oneof![Just(0), Just(LATEST_START_DAY), 20_000..21_000u32, 0..=LATEST_START_DAY];
    (proptest::sample::select(DIMENSION_IDS.to_vec()), day).prop_map(|(area, start_day)| SharedPlan { area, start_day })
}

/// A change to a code: replace, insert or delete a character, or cut the code.
#[derive(Debug, Clone)]
enum Mutation {
    Replace(usize, char),
    Insert(usize, char),
    Delete(usize),
    Cut(usize),
    FlipBit(usize, u8),
}

fn any_mutation() -> impl Strategy<Value = Mutation> {
    let c = prop_oneof![3 => proptest::sample::select(ALPHABET.to_vec()).prop_map(char::from), 1 => any::<char>()];
    prop_oneof![
        (any::<usize>(), c.clone()).prop_map(|(i, c)| Mutation::Replace(i, c)),
        (any::<usize>(), c).prop_map(|(i, c)| Mutation::Insert(i, c)),
        any::<usize>().prop_map(Mutation::Delete),
        any::<usize>().prop_map(Mutation::Cut),
        (any::<usize>(), 0u8..6).prop_map(|(i, bit)| Mutation::FlipBit(i, bit)),
    ]
}

fn mutate(code: &str, mutation: &Mutation) -> String {
    let mut chars: Vec<char> = code.chars().collect();
    let len = chars.len().max(1);
    match *mutation {
        Mutation::Replace(i, c) => {
            if let Some(slot) = chars.get_mut(i % len) {
                *slot = c;
            }
        }
        Mutation::Insert(i, c) => chars.insert(i % (chars.len() + 1), c),
        Mutation::Delete(i) => {
            if !chars.is_empty() {
                chars.remove(i % len);
            }
        }
        Mutation::Cut(i) => chars.truncate(i % len),
        Mutation::FlipBit(i, bit) => {
            if let Some(slot) = chars.get_mut(i % len) {
                if let Some(value) = ALPHABET.iter().position(|&a| char::from(a) == *slot) {
                    *slot = char::from(ALPHABET[value ^ (1 << bit)]);
                }
            }
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_valid_result_round_trips_exactly(r in any_result()) {
        let code = encode(&r);
        prop_assert!(code.len() <= MAX_CODE_LEN);
        prop_assert_eq!(decode(&code), Ok(r));
    }

    #[test]
    fn any_string_decodes_without_panicking(code in any::<String>()) {
        let _ = decode_canonical(&code);
    }

    #[test]
    fn any_printable_string_decodes_without_panicking(code in "\\PC{0,600}") {
        let _ = decode_canonical(&code);
    }

    #[test]
    fn any_base64url_string_decodes_without_panicking(code in "[A-Za-z0-9_-]{0,600}") {
        let _ = decode_canonical(&code);
    }

    #[test]
    fn any_bytes_in_base64url_decode_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = decode_canonical(&base64url(&bytes));
    }

    /// Past the checksum: any body behind a good checksum and version 1 or 3 is read or refused.
    #[test]
    fn any_sealed_frame_decodes_without_panicking(version in prop_oneof![Just(1u8), Just(3u8)], body in proptest::collection::vec(any::<u8>(), 0..300)) {
        let mut frame = vec![version];
        frame.extend(body);
        if let Ok(r) = decode_canonical(&share::seal(&frame)) {
            prop_assert_eq!(r.plan.is_some(), version == 3);
        }
    }

    /// Past the checksum, closer to real codes: a valid frame with a few bytes changed.
    #[test]
    fn changed_valid_frames_behind_a_good_checksum_decode_without_panicking(
        r in any_result(),
        changes in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..4),
    ) {
        let code = encode(&r);
        // Take the frame back out of the code: decode base64url, drop the checksum.
        let mut bytes = Vec::new();
        let mut acc = 0u32;
        let mut bits = 0;
        for c in code.bytes() {
            acc = (acc << 6) | ALPHABET.iter().position(|&a| a == c).unwrap() as u32;
            bits += 6;
            if bits >= 8 {
                bits -= 8;
                bytes.push((acc >> bits) as u8);
                acc &= (1 << bits) - 1;
            }
        }
        bytes.truncate(bytes.len() - 3);
        for (at, value) in changes {
            let len = bytes.len();
            bytes[1 + at % (len - 1)] = value;
        }
        let _ = decode_canonical(&share::seal(&bytes));
    }

    #[test]
    fn mutated_valid_codes_decode_without_panicking(
        r in any_result(),
        mutations in proptest::collection::vec(any_mutation(), 1..5),
    ) {
        let code = encode(&r);
        let mutated = mutations.iter().fold(code.clone(), |code, m| mutate(&code, m));
        let decoded = decode_canonical(&mutated);
        // One changed character (up to 6 neighbouring bits) or a cut is always caught. An inserted
        // or deleted character shifts the checksum, which then only fails to catch it 1 time in 2^24.
        let always_caught = matches!(mutations[..], [Mutation::Replace(..) | Mutation::FlipBit(..) | Mutation::Cut(_)]);
        if always_caught && mutated != code {
            prop_assert!(decoded.is_err(), "{:?} of {} gave {:?}", mutations, code, decoded);
        }
    }
}

// Plans (format 3), and links made before them.

/// Codes written by the encoder before plans existed (format 1), with the results they hold:
/// they decode to the same results, and a result without a plan is still written as the same
/// code, byte for byte.
#[test]
fn codes_from_before_plans_still_open_and_are_still_written() {
    let fixed = [
        ("AQAA_____________wAAC64g", SharedResult::default()),
        ("AQACoLf4zIAhspwU5wGgtzCAufZY", share::known_answer::result()),
        (
            "AQADAZP7eMnA_xOmfIKUqBK034dWQeE_GXbXZ0U",
            SharedResult {
                content_version: 3,
                scores: [Some(0), Some(100), None, Some(55), Some(70), Some(39), Some(1), None],
                importance: [Some(0), Some(4), None, Some(2), Some(3), Some(1), None, Some(4)],
                answers: Some(vec![Some(0), None, Some(4), Some(2), Some(1)]),
                name: Some("Zoë 🌻".into()),
                plan: None,
            },
        ),
    ];
    for (code, result) in fixed {
        assert_eq!(decode(code), Ok(result.clone()), "{code}");
        assert_eq!(encode(&result), code);
        let mut plain = share::plaintext(&result);
        plain.truncate(plain.len() - 3);
        assert_eq!(share::seal(&plain), code, "a locked link holds the same bytes");
    }
}

#[test]
fn a_result_with_a_plan_round_trips_as_format_3() {
    for r in [with_a_plan(Some("Sam")), with_a_plan(None), SharedResult { plan: Some(SharedPlan { area: "authenticity", start_day: 0 }), ..full_result(Some("Ana")) }] {
        let code = encode(&r);
        // Format 3 in the first byte: its first six bits are 000000, the next two 11.
        assert!(code.starts_with('A') && matches!(code.as_bytes()[1], b'w'..=b'z' | b'0'..=b'9' | b'-' | b'_'), "{code}");
        assert_eq!(decode(&code), Ok(r.clone()));
        let no_plan = SharedResult { plan: None, ..r.clone() };
        let plain = encode(&no_plan);
        assert!(plain.starts_with("AQ"), "format 1: {plain}");
        println!("with a plan: {} characters, without: {}", code.len(), plain.len());
        assert!(code.len() <= plain.len() + 6);
    }
}

#[test]
fn the_format_3_layout_is_format_1_then_the_area_and_the_day() {
    // Built here bit by bit: version 3, content version 3, eight scores of 127, eight ratings of
    // 7, no answers, no name, the area "support" (position 2), day 20794 in 24 bits, zero padding.
    let mut bits = format!("{:08b}{:016b}", 3, 3);
    bits.push_str(&"1".repeat(7 * 8 + 3 * 8));
    bits.push_str(&"0".repeat(1 + 8));
    bits.push_str(&format!("{:08b}{:024b}", 2, 20_794));
    while bits.len() % 8 != 0 {
        bits.push('0');
    }
    let frame: Vec<u8> =
        bits.as_bytes().chunks(8).map(|b| u8::from_str_radix(std::str::from_utf8(b).unwrap(), 2).unwrap()).collect();
    let r = SharedResult { content_version: 3, plan: Some(SharedPlan { area: "support", start_day: 20_794 }), ..SharedResult::default() };
    assert_eq!(encode(&r), share::seal(&frame));
    assert_eq!(decode(&share::seal(&frame)), Ok(r));
}

#[test]
fn a_plan_at_each_area_and_at_the_edges_of_the_days_round_trips() {
    for area in DIMENSION_IDS {
        for start_day in [0, 1, 20_794, 65_535, 65_536, LATEST_START_DAY] {
            let r = SharedResult { plan: Some(SharedPlan { area, start_day }), ..SharedResult::default() };
            assert_eq!(decode_canonical(&encode(&r)), Ok(r));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, failure_persistence: None, ..ProptestConfig::default() })]

    /// A result with a plan and the same result without it differ only in the version byte and
    /// the plan's four bytes (give or take the padding): the result's own bits are the same.
    #[test]
    fn a_plan_changes_only_the_version_and_adds_the_plan(r in any_result(), plan in any_plan()) {
        let without = SharedResult { plan: None, ..r.clone() };
        let with = SharedResult { plan: Some(plan), ..r };
        let (a, b) = (share::plaintext(&without), share::plaintext(&with));
        prop_assert_eq!(a[0], 1);
        prop_assert_eq!(b[0], 3);
        prop_assert_eq!(b.len(), a.len() + 4);
        let body = a.len() - 3; // without the checksum
        prop_assert_eq!(&a[1..body - 1], &b[1..body - 1]);
        prop_assert_eq!(decode(&encode(&with)).map(|r| r.plan), Ok(Some(plan)));
    }
}
