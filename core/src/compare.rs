//! Two people's results side by side: each area marked as a shared strength, a shared growth
//! area or a difference, what both care about most, and the order to talk about them in.

use std::cmp::Reverse;

use crate::content::DIMENSION_IDS;
use crate::share::SharedResult;

/// Two scores at least this many points apart count as a difference; a smaller gap is noise.
/// One answer one step further along the scale moves a score of four statements by about 6
/// points (5 with five statements), and people often answer a step apart from one day to the
/// next, so a gap only means something once it is more than two such steps.
pub const DIFFERENCE_AT: u8 = 15;

/// What an area is for the two of you.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Both scores are strengths (at least the high band's lowest score), within the noise.
    SharedStrength,
    /// Within the noise of each other, and not both strengths: room for both to grow.
    SharedGrowth,
    /// At least [`DIFFERENCE_AT`] points apart: you see this area differently.
    Difference(u8),
    /// One of you has no score here.
    Missing,
}

/// One dimension, both sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub dimension: &'static str,
    pub mine: Option<u8>,
    pub theirs: Option<u8>,
    pub mark: Mark,
}

impl Row {
    /// The difference in points, when both have a score.
    pub fn gap(&self) -> Option<u8> {
        Some(self.mine?.abs_diff(self.theirs?))
    }
}

/// The comparison of two results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// Every dimension, in [`DIMENSION_IDS`] order.
    pub rows: Vec<Row>,
    /// Dimensions both rated "Very" or "Extremely" important, most important to both first.
    pub shared_priorities: Vec<&'static str>,
    /// Whether the two results come from different content versions (scores still compare).
    pub versions_differ: bool,
}

impl Comparison {
    /// The shared strengths, highest lower score first: where a talk may start.
    pub fn strengths(&self) -> Vec<&'static str> {
        let mut rows: Vec<(u8, &'static str)> = self
            .rows
            .iter()
            .filter(|r| r.mark == Mark::SharedStrength)
            .filter_map(|r| Some((r.mine?.min(r.theirs?), r.dimension)))
            .collect();
        rows.sort_by_key(|&(lowest, _)| Reverse(lowest));
        rows.into_iter().map(|(_, d)| d).collect()
    }

    /// The areas to talk about, one at a time, easiest first: the shared growth areas (both see
    /// room to grow, so the talk starts from agreement), the closest to a strength first; then
    /// the differences, smallest gap first. A talk that goes well makes the next one easier.
    pub fn topics(&self) -> Vec<&'static str> {
        let mut rows: Vec<(u8, u16, &'static str)> = self
            .rows
            .iter()
            .filter_map(|r| match r.mark {
                Mark::SharedGrowth => Some((0, 200 - u16::from(r.mine?) - u16::from(r.theirs?), r.dimension)),
                Mark::Difference(gap) => Some((1, u16::from(gap), r.dimension)),
                Mark::SharedStrength | Mark::Missing => None,
            })
            .collect();
        rows.sort_by_key(|&(group, order, _)| (group, order));
        rows.into_iter().map(|(_, _, d)| d).collect()
    }
}

/// Compares two shared results (each side as a link would carry it). `strength_min` is the
/// lowest score of the high band ("A strength").
pub fn compare(mine: &SharedResult, theirs: &SharedResult, strength_min: u8) -> Comparison {
    let rows: Vec<Row> = DIMENSION_IDS
        .iter()
        .zip(mine.scores.iter().zip(&theirs.scores))
        .map(|(&dimension, (&a, &b))| {
            let mark = match (a, b) {
                (Some(a), Some(b)) if a.abs_diff(b) >= DIFFERENCE_AT => Mark::Difference(a.abs_diff(b)),
                (Some(a), Some(b)) if a.min(b) >= strength_min => Mark::SharedStrength,
                (Some(_), Some(_)) => Mark::SharedGrowth,
                _ => Mark::Missing,
            };
            Row { dimension, mine: a, theirs: b, mark }
        })
        .collect();
    let mut priorities: Vec<(&'static str, u8)> = DIMENSION_IDS
        .iter()
        .zip(mine.importance.iter().zip(&theirs.importance))
        .filter_map(|(&dimension, (a, b))| {
            let both = (*a)?.min((*b)?);
            (both >= 3).then_some((dimension, both))
        })
        .collect();
    priorities.sort_by_key(|&(_, both)| Reverse(both));
    Comparison {
        rows,
        shared_priorities: priorities.iter().map(|&(dimension, _)| dimension).collect(),
        versions_differ: mine.content_version != theirs.content_version,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(scores: [Option<u8>; 8], importance: [Option<u8>; 8]) -> SharedResult {
        SharedResult { content_version: 2, scores, importance, answers: None, name: None, plan: None }
    }

    #[test]
    fn each_area_is_a_shared_strength_a_shared_growth_area_or_a_difference() {
        let a = result(
            [Some(80), Some(50), Some(30), Some(90), None, Some(60), Some(70), Some(72)],
            [Some(4), Some(3), Some(2), Some(4), Some(4), None, Some(3), Some(1)],
        );
        let b = result(
            [Some(75), Some(64), Some(70), Some(40), Some(50), Some(60), Some(84), Some(65)],
            [Some(4), Some(4), Some(4), Some(3), Some(4), Some(4), Some(2), Some(4)],
        );
        let c = compare(&a, &b, 70);
        let marks: Vec<Mark> = c.rows.iter().map(|r| r.mark).collect();
        assert_eq!(marks, [
            Mark::SharedStrength,  // 80 and 75: both strengths, 5 apart
            Mark::SharedGrowth,    // 50 and 64: 14 apart is noise, neither a strength
            Mark::Difference(40),  // 30 and 70
            Mark::Difference(50),  // 90 and 40
            Mark::Missing,         // no score on one side
            Mark::SharedGrowth,    // 60 and 60
            Mark::SharedStrength,  // 70 and 84: 14 apart, both strengths
            Mark::SharedGrowth,    // 72 and 65: 7 apart, but 65 is no strength
        ]);
        assert_eq!(c.rows[4].gap(), None);
        assert_eq!(c.rows[2].gap(), Some(40));
        // Start from the strength both see most clearly; then the easiest topics: shared growth
        // areas, closest to a strength first (137, 120, 114), then differences, smallest first.
        assert_eq!(c.strengths(), ["authenticity", "security"]);
        assert_eq!(c.topics(), ["physical", "empathy", "quality_time", "support", "boundaries"]);
        // Both at least "Very": authenticity and openness (4 and 4), then quality_time and boundaries (3).
        assert_eq!(c.shared_priorities, ["authenticity", "openness", "quality_time", "boundaries"]);
        assert!(!c.versions_differ);
    }

    #[test]
    fn a_gap_of_exactly_15_is_a_difference_and_14_is_not() {
        let a = result([Some(50); 8], [None; 8]);
        let mut b = result([Some(64); 8], [None; 8]);
        b.scores[0] = Some(65);
        let c = compare(&a, &b, 70);
        assert_eq!(c.rows[0].mark, Mark::Difference(DIFFERENCE_AT));
        assert_eq!(c.rows[1].mark, Mark::SharedGrowth);
    }

    #[test]
    fn different_content_versions_still_compare_scores() {
        let a = result([Some(50); 8], [None; 8]);
        let mut b = result([Some(52); 8], [None; 8]);
        b.content_version = 1;
        let c = compare(&a, &b, 70);
        assert!(c.versions_differ);
        assert!(c.rows.iter().all(|r| r.mark == Mark::SharedGrowth));
        assert!(c.strengths().is_empty() && c.shared_priorities.is_empty());
    }
}
