//! Scoring, bands, partial answers, the focus list and the safety check, on a small bank
//! built here so every number can be worked out by hand.

use closer_core::*;

const fn item(id: &'static str, reverse: bool, safety: bool) -> Item {
    Item { id, text: "A statement for the test.", reverse, safety }
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
        starters: &[],
        items,
    }
}

static BANK: Bank = Bank {
    content_version: 1,
    answer_options: ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"],
    importance_options: ["Not at all", "A little", "Somewhat", "Very", "Extremely"],
    bands: [
        Band { id: BandId::Low, min: 0, max: 39, name: "Room to grow" },
        Band { id: BandId::Middle, min: 40, max: 69, name: "Steady in places" },
        Band { id: BandId::High, min: 70, max: 100, name: "A strength" },
    ],
    dimensions: &[
        dimension("a", &[item("a1", false, false), item("a2", true, false), item("a3", false, false), item("a4", false, false)]),
        dimension("b", &[item("b1", false, false), item("b2", true, true), item("b3", false, false), item("b4", true, false)]),
        dimension("c", &[item("c1", false, false), item("c2", false, false), item("c3", true, false), item("c4", false, false), item("c5", false, false)]),
    ],
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
fn agreeing_with_a_safety_statement_is_a_concern_whatever_the_scores() {
    // Everything else at its best, b2 ("agree" with a safety statement) at Agree.
    let mut given = all(SA);
    for d in BANK.dimensions {
        for i in d.items {
            given.insert(i.id.to_string(), if i.reverse { SD } else { SA });
        }
    }
    assert!(BANK.safety_concerns(&given).is_empty());
    given.insert("b2".into(), A);
    assert_eq!(BANK.safety_concerns(&given).iter().map(|i| i.id).collect::<Vec<_>>(), ["b2"]);
    given.insert("b2".into(), N);
    assert!(BANK.safety_concerns(&given).is_empty(), "Neutral is not a concern");
}

#[test]
fn the_quiz_order_takes_one_statement_from_each_dimension_in_turn() {
    let order: Vec<&str> = BANK.quiz_order().iter().map(|(_, i)| i.id).collect();
    assert_eq!(order, ["a1", "b1", "c1", "a2", "b2", "c2", "a3", "b3", "c3", "a4", "b4", "c4", "c5"]);
}
