//! The two-week plan on the check-in's data: which safety response applies now, which areas a
//! plan may be offered for and which one is suggested, the plan's re-check and its before and
//! after. Plain data and logic, tested natively (`state.rs`'s tests).

use closer_core::plan::{self, Plan};
use closer_core::{score_dimension, DimensionScore, SafetyResponse};

use super::state::{CheckIn, Recheck};
use crate::content::BANK;

impl CheckIn {
    /// The safety response that applies now: the safety screen's newest answer to each of its
    /// statements, from the latest check-in and, where it answered them, a newer re-check (a
    /// statement left unanswered in a re-check keeps the check-in's answer).
    pub fn safety_now(&self) -> SafetyResponse {
        let Some(latest) = self.latest() else {
            return self.rechecks.last().map_or(SafetyResponse::None, |r| BANK.safety_response(&r.answers));
        };
        let Some(recheck) = self.rechecks.last().filter(|r| r.date_ms > latest.date_ms) else {
            return BANK.safety_response(&latest.answers);
        };
        let mut answers = closer_core::Answers::new();
        for item in BANK.screen.items {
            if let Some(&value) = recheck.answers.get(item.id).or_else(|| latest.answers.get(item.id)) {
                answers.insert(item.id.to_string(), value);
            }
        }
        BANK.safety_response(&answers)
    }

    /// Whether a plan may be offered for `area` now (never under the full safety response; under
    /// the gentle one, not for the areas the safety screen touches).
    pub fn plan_offered(&self, area: &str) -> bool {
        plan::offered(&BANK, self.safety_now(), area)
    }

    /// The area's score in the latest check-in.
    pub fn latest_score(&self, area: &str) -> Option<u8> {
        let latest = self.latest()?;
        score_dimension(BANK.dimension(area)?, &latest.answers).value()
    }

    /// The area suggested to a person alone: among their lower scores, the one that matters most
    /// to them (if a plan may be offered for it).
    pub fn suggested_alone(&self) -> Option<&'static str> {
        let latest = self.latest()?;
        let scores = BANK.score(&latest.answers);
        // The focus list in order (most important, then lowest), skipping areas no plan may be
        // offered for; else the core's own choice, if a plan may be offered for it.
        closer_core::focus(&BANK, &scores, &latest.importance)
            .into_iter()
            .find(|area| self.plan_offered(area))
            .or_else(|| plan::suggest_alone(&BANK, &scores, &latest.importance).filter(|area| self.plan_offered(area)))
    }

    /// The plan being followed, unless the safety response sets it aside now.
    pub fn plan_shown(&self) -> Option<&Plan> {
        self.plan.as_ref().filter(|p| self.plan_offered(&p.area))
    }

    /// What a partner link holds of the plan: its area and first day, while a plan runs and may
    /// be shown (never under the full safety response).
    pub fn shared_plan(&self) -> Option<closer_core::share::SharedPlan> {
        let plan = self.plan_shown()?;
        Some(closer_core::share::SharedPlan { area: BANK.dimension(&plan.area)?.id, start_day: plan.start_day })
    }

    /// The re-check that ends the plan, if it was made: the latest re-check of its area on or
    /// after its first day (`day_of` tells the calendar day of a moment).
    pub fn plan_recheck(&self, day_of: impl Fn(u64) -> u32) -> Option<&Recheck> {
        let plan = self.plan.as_ref()?;
        self.rechecks.iter().rev().find(|r| r.area == plan.area).filter(|r| day_of(r.date_ms) >= plan.start_day)
    }

    /// The score of a re-check in its area.
    pub fn recheck_score(recheck: &Recheck) -> Option<u8> {
        BANK.dimension(recheck.area).map(|d| score_dimension(d, &recheck.answers)).and_then(DimensionScore::value)
    }

    /// Starts a plan for `area` on `start_day`, with the area's latest score as its "before".
    pub(super) fn choose_plan(&mut self, area: &'static str, start_day: u32, together: bool) -> bool {
        if BANK.dimension(area).is_none() || !self.plan_offered(area) {
            return false;
        }
        self.plan = Some(Plan::new(area, start_day, self.latest_score(area), together));
        true
    }

    /// Keeps the re-check's answers (its area's statements and the safety screen) at `date_ms`.
    pub(super) fn finish_recheck(&mut self, answers: closer_core::Answers, date_ms: u64) -> bool {
        let Some(area) = self.plan.as_ref().and_then(|p| BANK.dimension(&p.area)) else { return false };
        if answers.is_empty() {
            return false;
        }
        self.rechecks.push(Recheck { date_ms, content_version: BANK.content_version, area: area.id, answers });
        true
    }

    /// Two more weeks on the same area, from the day after `today`, with the re-check's score as
    /// the new "before".
    pub(super) fn keep_going(&mut self, today: u32) {
        let Some(plan) = &self.plan else { return };
        let before = self.rechecks.iter().rev().find(|r| r.area == plan.area).and_then(CheckIn::recheck_score).or(plan.before);
        self.plan = Some(Plan::new(&plan.area, today + 1, before, plan.together));
    }
}

/// The statements a re-check of `area` asks, in the check-in's order: the area's, then the safety
/// screen's.
pub fn recheck_items(area: &str) -> Vec<&'static closer_core::Item> {
    let Some(dimension) = BANK.dimension(area) else { return Vec::new() };
    dimension.items.iter().chain(BANK.screen.items.iter()).collect()
}
