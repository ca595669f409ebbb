//! Scores, bands and the focus list. (The safety screen is read by [`Bank::safety_response`]:
//! its statements belong to no dimension, so they change no score.)

use std::cmp::Reverse;

use crate::content::{Bank, BandId, Dimension};

/// Answers keyed by statement id: 0 = Strongly disagree … 4 = Strongly agree.
pub type Answers = crate::id_map::IdMap;

/// Importance ratings keyed by dimension id: 0 = Not at all … 4 = Extremely.
pub type Importance = crate::id_map::IdMap;

/// The result for one dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DimensionScore {
    /// 0–100: round(100 × mean points ÷ 4) over the answered statements ("does not apply"
    /// left out).
    Scored(u8),
    /// Fewer than half of the dimension's statements have an answer that counts.
    NotEnoughAnswers { answered: usize, total: usize },
}

impl DimensionScore {
    pub fn value(self) -> Option<u8> {
        match self {
            DimensionScore::Scored(v) => Some(v),
            DimensionScore::NotEnoughAnswers { .. } => None,
        }
    }
}

/// Scores for every dimension of a bank, in the bank's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scores {
    pub dimensions: Vec<(&'static str, DimensionScore)>,
}

impl Scores {
    pub fn get(&self, dimension: &str) -> Option<DimensionScore> {
        self.dimensions.iter().find(|(id, _)| *id == dimension).map(|(_, s)| *s)
    }

    /// The mean of the dimension scores (rounded), over the dimensions that have one.
    pub fn overall(&self) -> Option<u8> {
        let values: Vec<u32> = self.dimensions.iter().filter_map(|(_, s)| s.value()).map(u32::from).collect();
        if values.is_empty() {
            return None;
        }
        let n = values.len() as u32;
        let sum: u32 = values.iter().sum();
        Some(((2 * sum + n) / (2 * n)) as u8)
    }
}

/// round(100 × mean ÷ 4), rounding halves up, for `answered` statements earning `points` in all.
fn percent(points: u32, answered: u32) -> u8 {
    // 100·p / (4·n), plus one half, floored: (100·p + 2·n) / (4·n).
    ((100 * points + 2 * answered) / (4 * answered)) as u8
}

/// Scores one dimension from the answers given to its statements.
pub fn score_dimension(dimension: &Dimension, answers: &Answers) -> DimensionScore {
    let total = dimension.items.len();
    let points: Vec<u8> = dimension
        .items
        .iter()
        .filter_map(|item| answers.get(item.id).and_then(|&a| item.points(a)))
        .collect();
    let answered = points.len();
    if answered == 0 || answered * 2 < total {
        return DimensionScore::NotEnoughAnswers { answered, total };
    }
    let sum: u32 = points.iter().map(|&p| u32::from(p)).sum();
    DimensionScore::Scored(percent(sum, answered as u32))
}

impl Bank {
    pub fn score(&self, answers: &Answers) -> Scores {
        Scores { dimensions: self.dimensions.iter().map(|d| (d.id, score_dimension(d, answers))).collect() }
    }

    pub fn band_of(&self, score: u8) -> BandId {
        self.band_for(score).id
    }
}

/// Your focus: the dimensions you rated at least "Somewhat" important that are not yet a
/// strength (under 70), most important first and, among equals, lowest score first. At most
/// three. Empty when nothing stands out.
pub fn focus(bank: &Bank, scores: &Scores, importance: &Importance) -> Vec<&'static str> {
    let high_min = bank.band(BandId::High).min;
    let mut candidates: Vec<(usize, u8, u8, &'static str)> = scores
        .dimensions
        .iter()
        .enumerate()
        .filter_map(|(position, (id, score))| {
            let value = score.value()?;
            let rated = *importance.get(id)?;
            ((2..=4).contains(&rated) && value < high_min).then_some((position, rated, value, *id))
        })
        .collect();
    // Most important first, then lowest score; ties keep the order of the dimensions.
    candidates.sort_by_key(|&(_, rated, value, _)| (Reverse(rated), value));
    candidates.into_iter().take(3).map(|c| c.3).collect()
}
