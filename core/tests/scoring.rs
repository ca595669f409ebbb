//! Scoring, bands, partial answers, "does not apply", the focus list, the quiz order and the
//! safety screen, on a small bank built here so every number can be worked out by hand.

#![allow(clippy::disallowed_macros)] // build-time code or tests: never in the wasm

use closer_core::*;
use proptest::prelude::*;

const fn item(id: &'static str, reverse: bool, may_not_apply: bool) -> Item {
    Item { id, text: "A statement for the test.", reverse, may_not_apply, neutral_note: false }
}

const fn screen_item(id: &'static str, neutral_note: bool) -> Item {
    Item { id, text: "A screen statement for the test.", reverse: false, may_not_apply: false, neutral_note }
}

const fn dimension(id: &'static str, items: &'static [Item]) -> Dimension {
    Dimension {
        id,
        name: id,
        sign: Sign::Closeness,
        distance_name: "",
        summary: "",
        importance_question: "",
        band_text: ["low", "middle", "high"],
        steps: &[],
        appreciation: "",
        starters: &[],
        items,
    }
}

static BANK: Bank = Bank {
    content_version: 1,
    answer_options: ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"],
    not_applicable_option: "Does not apply to us",
    importance_options: ["Not at all", "A little", "Somewhat", "Very", "Extremely"],
    bands: [
        Band { id: BandId::Low, min: 0, max: 39, name: "Room to grow" },
        Band { id: BandId::Middle, min: 40, max: 69, name: "Steady in places" },
        Band { id: BandId::High, min: 70, max: 100, name: "A strength" },
    ],
    dimensions: &[
        dimension("a", &[item("a1", false, false), item("a2", true, false), item("a3", false, false), item("a4", false, false)]),
        dimension("b", &[item("b1", false, false), item("b2", true, false), item("b3", false, false), item("b4", true, true)]),
        dimension("c", &[item("c1", false, false), item("c2", false, false), item("c3", true, false), item("c4", false, false), item("c5", false, false)]),
    ],
    screen: Screen {
        // x1: fear (Neutral brings the gentler note), x2: insults, x3: control.
        items: &[screen_item("x1", true), screen_item("x2", false), screen_item("x3", false)],
        touches: &["b"],
    },
};

const SD: u8 = 0;
const D: u8 = 1;
const N: u8 = 2;
const A: u8 = 3;
const SA: u8 = 4;

fn answers(pairs: &[(&str, u8)]) -> Answers {
    pairs.iter().map(|(id, v)| (id.to_string(), *v)).collect()
}

fn all(value: u8) -> Answers {
    BANK.dimensions.iter().flat_map(|d| d.items).map(|i| (i.id.to_string(), value)).collect()
}

/// The best answer to every scored statement: agreeing with the straight ones, disagreeing with
/// the reverse-worded ones.
fn favourable() -> Answers {
    BANK.dimensions.iter().flat_map(|d| d.items).map(|i| (i.id.to_string(), if i.reverse { SD } else { SA })).collect()
}

#[test]
fn straight_statements_score_0_to_4_and_reverse_ones_4_to_0() {
    let straight = item("s", false, false);
    let reverse = item("r", true, false);
    assert_eq!((0..5).map(|a| straight.points(a).unwrap()).collect::<Vec<_>>(), [0, 1, 2, 3, 4]);
    assert_eq!((0..5).map(|a| reverse.points(a).unwrap()).collect::<Vec<_>>(), [4, 3, 2, 1, 0]);
    assert_eq!(straight.points(5), None, "an answer outside the scale earns nothing");
}

#[test]
fn agreeing_with_everything_is_not_a_perfect_score_because_of_reverse_wording() {
    let scores = BANK.score(&all(SA));
    // a: 4 + 0 + 4 + 4 = 12 of 16 → 75. b: 4 + 0 + 4 + 0 = 8 of 16 → 50.
    assert_eq!(scores.get("a"), Some(DimensionScore::Scored(75)));
    assert_eq!(scores.get("b"), Some(DimensionScore::Scored(50)));
}

#[test]
fn neutral_on_every_statement_gives_50_everywhere() {
    let scores = BANK.score(&all(N));
    for (id, score) in &scores.dimensions {
        assert_eq!(*score, DimensionScore::Scored(50), "dimension {id}");
    }
    assert_eq!(scores.overall(), Some(50));
}

#[test]
fn scores_round_half_up() {
    // c: 3 + 4 + 2 (reverse of Neutral) = 9 points over 3 answered → 100 × 3 ÷ 4 = 75.
    assert_eq!(score_dimension(&BANK.dimensions[2], &answers(&[("c1", A), ("c2", SA), ("c3", N)])), DimensionScore::Scored(75));
    // a: 4 + 3 (reverse of Disagree) = 7 of 8 → 87.5 → 88.
    assert_eq!(score_dimension(&BANK.dimensions[0], &answers(&[("a1", SA), ("a2", D)])), DimensionScore::Scored(88));
    // c: 1 + 0 + 0 = 1 over 3 → 8.33 → 8.
    assert_eq!(score_dimension(&BANK.dimensions[2], &answers(&[("c1", D), ("c2", SD), ("c3", SA)])), DimensionScore::Scored(8));
    // c: 1 + 1 + 1 + 1 + 2 = 6 over 5 → 30.
    let five = answers(&[("c1", D), ("c2", D), ("c3", A), ("c4", D), ("c5", N)]);
    assert_eq!(score_dimension(&BANK.dimensions[2], &five), DimensionScore::Scored(30));
}

#[test]
fn under_half_answered_gives_not_enough_answers() {
    let a = &BANK.dimensions[0]; // 4 statements: 2 answered is half, enough
    assert_eq!(score_dimension(a, &answers(&[("a1", SA), ("a3", SA)])), DimensionScore::Scored(100));
    assert_eq!(score_dimension(a, &answers(&[("a1", SA)])), DimensionScore::NotEnoughAnswers { answered: 1, total: 4 });
    assert_eq!(score_dimension(a, &Answers::new()), DimensionScore::NotEnoughAnswers { answered: 0, total: 4 });
    let c = &BANK.dimensions[2]; // 5 statements: 2 is under half, 3 is enough
    assert!(score_dimension(c, &answers(&[("c1", A), ("c2", A)])).value().is_none());
    assert!(score_dimension(c, &answers(&[("c1", A), ("c2", A), ("c4", A)])).value().is_some());
}

#[test]
fn the_overall_score_is_the_mean_of_the_dimensions_that_have_one() {
    // a = 100, b has too few answers, c = 0 (straight SD, reverse SA).
    let given = answers(&[("a1", SA), ("a2", SD), ("a3", SA), ("b1", SA), ("c1", SD), ("c2", SD), ("c3", SA)]);
    let scores = BANK.score(&given);
    assert_eq!(scores.get("a"), Some(DimensionScore::Scored(100)));
    assert!(scores.get("b").unwrap().value().is_none());
    assert_eq!(scores.get("c"), Some(DimensionScore::Scored(0)));
    assert_eq!(scores.overall(), Some(50));
    assert_eq!(BANK.score(&Answers::new()).overall(), None);
}

#[test]
fn bands_meet_at_39_40_and_69_70() {
    let band = |s| BANK.band_of(s);
    assert_eq!([band(0), band(39), band(40), band(69), band(70), band(100)], [
        BandId::Low,
        BandId::Low,
        BandId::Middle,
        BandId::Middle,
        BandId::High,
        BandId::High
    ]);
}

#[test]
fn focus_is_what_matters_most_and_scored_lowest() {
    let scores = Scores {
        dimensions: vec![
            ("a", DimensionScore::Scored(30)),
            ("b", DimensionScore::Scored(60)),
            ("c", DimensionScore::Scored(20)),
        ],
    };
    let importance: Importance = [("a", 4), ("b", 4), ("c", 3)].iter().map(|(k, v)| (k.to_string(), *v)).collect();
    // Most important first (a and b, Extremely), the lower score first among them; then c.
    assert_eq!(focus(&BANK, &scores, &importance), ["a", "b", "c"]);

    // What is already a strength, or rated under "Somewhat", is not a focus.
    let strong = Scores { dimensions: vec![("a", DimensionScore::Scored(90)), ("b", DimensionScore::Scored(10)), ("c", DimensionScore::Scored(50))] };
    let rated: Importance = [("a", 4), ("b", 1), ("c", 2)].iter().map(|(k, v)| (k.to_string(), *v)).collect();
    assert_eq!(focus(&BANK, &strong, &rated), ["c"]);
    assert!(focus(&BANK, &strong, &Importance::new()).is_empty());
}

#[test]
fn does_not_apply_is_left_out_of_the_score_and_offered_only_where_a_statement_may_not_apply() {
    // b: 4 + 0 + 4 with b4 left out: 8 of 12 → 67. With b4 at Strongly agree (reverse): 8 of 16 → 50.
    let mut given = answers(&[("b1", SA), ("b2", SA), ("b3", SA), ("b4", NOT_APPLICABLE)]);
    assert_eq!(BANK.score(&given).get("b"), Some(DimensionScore::Scored(67)));
    given.insert("b4".into(), SA);
    assert_eq!(BANK.score(&given).get("b"), Some(DimensionScore::Scored(50)));
    // Left out means not counted toward "enough answers" either.
    let mostly_not = answers(&[("b1", SA), ("b4", NOT_APPLICABLE)]);
    assert_eq!(BANK.score(&mostly_not).get("b"), Some(DimensionScore::NotEnoughAnswers { answered: 1, total: 4 }));
    let b4 = &BANK.dimensions[1].items[3];
    let b1 = &BANK.dimensions[1].items[0];
    assert!(b4.accepts(NOT_APPLICABLE) && !b1.accepts(NOT_APPLICABLE));
    assert!((0..5).all(|a| b1.accepts(a) && b4.accepts(a)));
    assert!(!b4.accepts(6));
    assert_eq!(b4.points(NOT_APPLICABLE), None);
}

#[test]
fn agreeing_with_any_screen_statement_brings_the_full_response_whatever_the_scores() {
    let mut given = favourable();
    for id in ["x1", "x2", "x3"] {
        given.insert(id.into(), SD);
    }
    assert_eq!(BANK.safety_response(&given), SafetyResponse::None);
    for id in ["x1", "x2", "x3"] {
        for (answer, expected) in [(A, SafetyResponse::Full), (SA, SafetyResponse::Full), (D, SafetyResponse::None)] {
            let mut one = given.clone();
            one.insert(id.into(), answer);
            assert_eq!(BANK.safety_response(&one), expected, "{id} at {answer}");
        }
    }
}

#[test]
fn neutral_on_fear_brings_the_gentler_note_and_neutral_elsewhere_nothing() {
    let neutral = |id: &str| BANK.safety_response(&answers(&[(id, N)]));
    assert_eq!(neutral("x1"), SafetyResponse::Gentle);
    assert_eq!(neutral("x2"), SafetyResponse::None);
    assert_eq!(neutral("x3"), SafetyResponse::None);
    // The full response wins over the gentler note.
    assert_eq!(BANK.safety_response(&answers(&[("x1", N), ("x2", A)])), SafetyResponse::Full);
    assert_eq!(BANK.safety_response(&Answers::new()), SafetyResponse::None, "nothing answered");
}

#[test]
fn the_screen_statements_are_not_scored_or_counted() {
    assert_eq!(BANK.item_count(), 13);
    assert_eq!(BANK.item("x2").map(|i| i.id), Some("x2"), "found as a statement, so progress keeps its answer");
    assert_eq!(BANK.item("b4").map(|i| i.id), Some("b4"));
    assert!(BANK.item("nope").is_none());
}

/// Any answer to any statement: the scale, "does not apply", or none.
fn any_answers() -> impl Strategy<Value = Answers> {
    let ids: Vec<&'static str> = BANK.quiz_order().iter().map(|(_, i)| i.id).collect();
    proptest::collection::vec(proptest::option::of(0u8..=5), ids.len()).prop_map(move |values| {
        ids.iter().zip(values).filter_map(|(id, v)| v.map(|v| (id.to_string(), v))).collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn screen_answers_change_no_score(given in any_answers(), screen in proptest::collection::vec(proptest::option::of(0u8..=4), 3)) {
        let mut changed = given.clone();
        for (item, answer) in BANK.screen.items.iter().zip(screen) {
            match answer {
                Some(a) => {
                    changed.insert(item.id.to_string(), a);
                }
                None => changed.retain(|id, _| id != item.id),
            }
        }
        prop_assert_eq!(BANK.score(&changed), BANK.score(&given));
    }
}

#[test]
fn the_quiz_order_takes_one_statement_from_each_dimension_in_turn_and_spreads_the_screen() {
    let order: Vec<&str> = BANK.quiz_order().iter().map(|(_, i)| i.id).collect();
    // 13 scored statements, 3 screen ones after the 3rd, 6th and 9th: ⌊k·13 ÷ 4⌋ for k = 1, 2, 3.
    assert_eq!(order, ["a1", "b1", "c1", "x1", "a2", "b2", "c2", "x2", "a3", "b3", "c3", "x3", "a4", "b4", "c4", "c5"]);
    assert!(BANK.quiz_order().iter().all(|(d, i)| d.is_none() == i.id.starts_with('x')));
}
