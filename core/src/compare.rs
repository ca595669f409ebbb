//! Two people's results side by side: where they agree, where they differ most, and what to
//! talk about.

use crate::content::DIMENSION_IDS;
use crate::share::SharedResult;

/// A difference under this many points counts as agreeing.
pub const AGREE_WITHIN: u8 = 10;

/// One dimension, both sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub dimension: &'static str,
    pub mine: Option<u8>,
    pub theirs: Option<u8>,
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
    /// Dimensions where both scored within [`AGREE_WITHIN`] points.
    pub agree: Vec<&'static str>,
    /// Up to three dimensions with the largest gaps (of at least [`AGREE_WITHIN`]), largest first.
    pub differ: Vec<&'static str>,
    /// Dimensions both rated "Very" or "Extremely" important, most important to both first.
    pub shared_priorities: Vec<&'static str>,
    /// Whether the two results come from different content versions (scores still compare).
    pub versions_differ: bool,
}

/// Compares two shared results (each side as a link would carry it).
pub fn compare(mine: &SharedResult, theirs: &SharedResult) -> Comparison {
    let rows: Vec<Row> = DIMENSION_IDS
        .iter()
        .enumerate()
        .map(|(i, &dimension)| Row { dimension, mine: mine.scores[i], theirs: theirs.scores[i] })
        .collect();
    let agree = rows.iter().filter(|r| r.gap().is_some_and(|g| g < AGREE_WITHIN)).map(|r| r.dimension).collect();
    let mut gaps: Vec<(usize, u8)> = rows.iter().enumerate().filter_map(|(i, r)| r.gap().filter(|&g| g >= AGREE_WITHIN).map(|g| (i, g))).collect();
    crate::sort::sort_by(&mut gaps, |a, b| a.1 > b.1);
    let differ = gaps.iter().take(3).map(|&(i, _)| DIMENSION_IDS[i]).collect();
    let mut priorities: Vec<(usize, u8)> = (0..DIMENSION_IDS.len())
        .filter_map(|i| {
            let both = mine.importance[i]?.min(theirs.importance[i]?);
            (both >= 3).then_some((i, both))
        })
        .collect();
    crate::sort::sort_by(&mut priorities, |a, b| a.1 > b.1);
    Comparison {
        rows,
        agree,
        differ,
        shared_priorities: priorities.iter().map(|&(i, _)| DIMENSION_IDS[i]).collect(),
        versions_differ: mine.content_version != theirs.content_version,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(scores: [Option<u8>; 8], importance: [Option<u8>; 8]) -> SharedResult {
        SharedResult { content_version: 1, scores, importance, answers: None, name: None }
    }

    #[test]
    fn agreement_gaps_and_shared_priorities() {
        let a = result(
            [Some(80), Some(50), Some(30), Some(90), None, Some(60), Some(10), Some(70)],
            [Some(4), Some(3), Some(2), Some(4), Some(4), None, Some(3), Some(1)],
        );
        let b = result(
            [Some(75), Some(59), Some(70), Some(40), Some(50), Some(60), Some(35), Some(60)],
            [Some(4), Some(4), Some(4), Some(3), Some(4), Some(4), Some(2), Some(4)],
        );
        let c = compare(&a, &b);
        // Under 10 points apart: authenticity (5), quality_time (9), empathy (0). physical is 10: not.
        assert_eq!(c.agree, ["authenticity", "quality_time", "empathy"]);
        // Largest gaps: boundaries 50, support 40, security 25 (physical 10 is fourth).
        assert_eq!(c.differ, ["boundaries", "support", "security"]);
        // Both at least "Very": authenticity and openness (4 and 4), then quality_time and boundaries (3).
        assert_eq!(c.shared_priorities, ["authenticity", "openness", "quality_time", "boundaries"]);
        assert_eq!(c.rows[4].gap(), None, "no score on one side: no gap");
        assert!(!c.versions_differ);
    }

    #[test]
    fn different_content_versions_still_compare_scores() {
        let a = result([Some(50); 8], [None; 8]);
        let mut b = result([Some(52); 8], [None; 8]);
        b.content_version = 2;
        let c = compare(&a, &b);
        assert!(c.versions_differ);
        assert_eq!(c.agree.len(), 8);
        assert!(c.differ.is_empty() && c.shared_priorities.is_empty());
    }
}
