//! A two-week plan for one area: the area a person chose to work on, the day it started, which of
//! its practices were done on which day, and calendar days as numbers.
//!
//! # Days
//!
//! A calendar day is a `u32`: the days since 1970-01-01 in the person's own calendar (the app
//! reads the local date; the core never sees a clock or a time zone). A plan's days are day 1 …
//! day [`PLAN_DAYS`], that is `start_day` … `start_day + 13`. The re-check is due from day 14 on
//! ([`Plan::recheck_due`]); the person may ask for it earlier.
//!
//! [`civil`] and [`day_number`] turn a day into a date and back with Howard Hinnant's
//! "days from civil" algorithms (the proleptic Gregorian calendar), in whole numbers only.
//!
//! # Ticks
//!
//! `done[d]` holds the practices done on day `d + 1` as bits: bit `p` set when practice `p` (its
//! position in the area's plan) was done that day. The list is never longer than the plan's 14
//! days and holds no bit at or past [`MAX_PRACTICES`] (the record refuses one that does); days
//! after the last ticked one are left out, so a plan with nothing done has an empty list.

use serde::{Deserialize, Serialize};

use crate::bounded;
use crate::content::{Bank, BandId, SafetyResponse, DIMENSION_IDS};
use crate::scoring::{focus, Importance, Scores};

/// The days a plan lasts. The re-check is due on its last day.
pub const PLAN_DAYS: u8 = 14;

/// The most practices an area's plan has (the content has three or four).
pub const MAX_PRACTICES: u8 = 4;

/// The longest area id a stored plan may hold (the ids are far shorter; a longer one is not
/// something Closer wrote and is refused as it is read).
pub const MAX_AREA_LEN: usize = 32;

/// The latest day a plan may start: 9999-12-31, the end of the dates the record keeps (a
/// later one is not something Closer wrote).
pub const LATEST_START_DAY: u32 = 2_932_896;

/// [`PLAN_DAYS`] as a cap on the `done` list, checked as it is read.
const MAX_DONE: usize = PLAN_DAYS as usize;

/// The highest score an area can have.
const MAX_SCORE: u8 = 100;

/// A two-week plan for one area, as kept in the record (`Record::plan`, version 4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The area, one of [`DIMENSION_IDS`] (the record refuses any other).
    #[serde(deserialize_with = "bounded::string::<_, MAX_AREA_LEN>")]
    pub area: String,
    /// The calendar day of day 1 (see the module's docs).
    pub start_day: u32,
    /// Index = day − 1 (0–13), value = the practices done that day as bits (bit `p` =
    /// practice `p`, `p` < [`MAX_PRACTICES`]). At most 14 entries; nothing after the last
    /// ticked day.
    #[serde(default, deserialize_with = "bounded::list::<_, _, MAX_DONE>")]
    pub done: Vec<u8>,
    /// The area's score (0–100) when the plan was chosen, if it had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<u8>,
    /// Chosen from a comparison, or received in a partner link: the partners share it.
    #[serde(default)]
    pub together: bool,
}

impl Plan {
    /// A plan for `area` starting on the calendar day `start_day`, with nothing done yet.
    /// `before` is the area's score when it was chosen (`None` when it had none, or over 100).
    pub fn new(area: &str, start_day: u32, before: Option<u8>, together: bool) -> Plan {
        Plan { area: area.to_string(), start_day, done: Vec::new(), before: before.filter(|&b| b <= MAX_SCORE), together }
    }

    /// The plan's day number on the calendar day `today`: 1 on the day it starts, 14 on its
    /// last, more after it; 0 before it starts (a clock set back).
    pub fn day(&self, today: u32) -> u32 {
        match today.checked_sub(self.start_day) {
            Some(past) => past.saturating_add(1),
            None => 0,
        }
    }

    /// Whether the re-check is due on `today`: from day 14 on.
    pub fn recheck_due(&self, today: u32) -> bool {
        self.day(today) >= u32::from(PLAN_DAYS)
    }

    /// The calendar day of the plan's last day (day 14), when the re-check is due.
    pub fn recheck_day(&self) -> u32 {
        self.start_day.saturating_add(u32::from(PLAN_DAYS) - 1)
    }

    /// The calendar day of the plan's day `day` (1–14; others are counted on the same way).
    pub fn calendar_day(&self, day: u8) -> u32 {
        (self.start_day.saturating_add(u32::from(day))).saturating_sub(1)
    }

    /// The practices done on day `day` (1–14) as bits; 0 for any other day.
    pub fn ticks(&self, day: u8) -> u8 {
        match day.checked_sub(1) {
            Some(index) if day <= PLAN_DAYS => self.done.get(usize::from(index)).copied().unwrap_or(0),
            _ => 0,
        }
    }

    /// Whether practice `practice` (0-based) was done on day `day` (1–14). False for any day or
    /// practice out of range.
    pub fn is_done(&self, day: u8, practice: u8) -> bool {
        practice < MAX_PRACTICES && self.ticks(day) & (1 << practice) != 0
    }

    /// Ticks practice `practice` on day `day`, or clears the tick if it was there. A day outside
    /// 1–14 or a practice at or past [`MAX_PRACTICES`] changes nothing.
    pub fn toggle(&mut self, day: u8, practice: u8) {
        if practice >= MAX_PRACTICES || day == 0 || day > PLAN_DAYS {
            return;
        }
        let index = usize::from(day - 1);
        if self.done.len() <= index {
            self.done.resize(index + 1, 0);
        }
        if let Some(ticks) = self.done.get_mut(index) {
            *ticks ^= 1 << practice;
        }
        self.trim();
    }

    /// The days with at least one practice done (never a score: the strip shows which days).
    pub fn days_done(&self) -> u8 {
        self.done.iter().take(MAX_DONE).filter(|&&ticks| ticks != 0).count() as u8
    }

    /// Whether this is the same plan as `other`: the same area, started the same day (two tabs'
    /// records, or two partners' copies, hold one plan when it is).
    pub fn same_plan(&self, other: &Plan) -> bool {
        self.area == other.area && self.start_day == other.start_day
    }

    /// Takes in the ticks of the same plan kept elsewhere (another tab): a practice is done on a
    /// day when either copy says so. Nothing else changes; call it only when
    /// [`Plan::same_plan`] holds.
    pub fn unite_ticks(&mut self, other: &Plan) {
        if self.done.len() < other.done.len() {
            self.done.resize(other.done.len(), 0);
        }
        for (mine, theirs) in self.done.iter_mut().zip(&other.done) {
            *mine |= theirs;
        }
        self.done.truncate(MAX_DONE);
        self.trim();
    }

    /// What is wrong with the plan, if anything: an area that is not one of [`DIMENSION_IDS`],
    /// a start after [`LATEST_START_DAY`], more than 14 days, a tick for a practice at or past
    /// [`MAX_PRACTICES`], a score over 100. The record refuses such a plan as a bad value.
    pub fn problem(&self) -> Option<&'static str> {
        if !DIMENSION_IDS.contains(&self.area.as_str()) {
            return Some("plan area");
        }
        if self.start_day > LATEST_START_DAY {
            return Some("plan start day");
        }
        if self.done.len() > MAX_DONE {
            return Some("plan days");
        }
        if self.done.iter().any(|&ticks| ticks >> MAX_PRACTICES != 0) {
            return Some("plan practice");
        }
        if self.before.is_some_and(|b| b > MAX_SCORE) {
            return Some("plan score before");
        }
        None
    }

    /// Leaves out the days after the last ticked one.
    fn trim(&mut self) {
        while self.done.last() == Some(&0) {
            self.done.pop();
        }
    }
}

/// The area to suggest to a person alone, from their result: the first of their focus
/// ([`focus`]: the areas that matter most to them among those not yet a strength), else the
/// lowest-scored area below the high band (the first in the bank's order among equals), else
/// none (every area a strength, or none scored).
pub fn suggest_alone(bank: &Bank, scores: &Scores, importance: &Importance) -> Option<&'static str> {
    if let Some(&first) = focus(bank, scores, importance).first() {
        return Some(first);
    }
    let high_min = bank.band(BandId::High).min;
    scores
        .dimensions
        .iter()
        .filter_map(|&(id, score)| score.value().filter(|&v| v < high_min).map(|v| (v, id)))
        // `min_by_key` keeps the first of equals.
        .min_by_key(|&(value, _)| value)
        .map(|(_, id)| id)
}

/// Whether a plan for `area` may be offered under the safety screen's `response`: never under
/// the full response, not for the areas the screen touches under the gentle one
/// ([`Bank::hides_steps`]), and not for an area the bank does not have.
pub fn offered(bank: &Bank, response: SafetyResponse, area: &str) -> bool {
    bank.dimension(area).is_some() && !bank.hides_steps(response, area)
}

/// The last day [`civil`] and [`day_number`] know: 65535-12-31, far past any day Closer keeps.
pub const LAST_DAY: u32 = 23_217_003;

/// The date of a calendar day: (year, month 1–12, day of the month 1–31). Days after
/// [`LAST_DAY`] give its date.
pub fn civil(day: u32) -> (u16, u8, u8) {
    // Howard Hinnant's civil_from_days, for days since 1970-01-01, in eras of 400 years
    // (146 097 days) counted from 0000-03-01, so the leap day ends a year.
    let z = day.min(LAST_DAY) + 719_468;
    let era = z / 146_097;
    let day_of_era = z % 146_097; // 0–146 096
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365; // 0–399
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100); // 0–365, from March
    let month_from_march = (5 * day_of_year + 2) / 153; // 0–11
    let day_of_month = day_of_year - (153 * month_from_march + 2) / 5 + 1; // 1–31
    let month = if month_from_march < 10 { month_from_march + 3 } else { month_from_march - 9 }; // 1–12
    let year = year_of_era + era * 400 + u32::from(month <= 2);
    (year as u16, month as u8, day_of_month as u8)
}

/// The calendar day of a date, or `None` when the date does not exist (month 0 or 13, the 31st
/// of a 30-day month, 29 February outside a leap year) or is before 1970-01-01.
pub fn day_number(year: u16, month: u8, day: u8) -> Option<u32> {
    if year < 1970 || !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    // Howard Hinnant's days_from_civil: the year counted from March.
    let year = u32::from(year) - u32::from(month <= 2);
    let era = year / 400;
    let year_of_era = year % 400; // 0–399
    let month_from_march = if month > 2 { u32::from(month) - 3 } else { u32::from(month) + 9 }; // 0–11
    let day_of_year = (153 * month_from_march + 2) / 5 + u32::from(day) - 1; // 0–365
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year; // 0–146 096
    (era * 146_097 + day_of_era).checked_sub(719_468)
}

/// Whether `year` has a 29 February.
pub fn is_leap_year(year: u16) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

/// The days in `month` (1–12) of `year`; 0 for a month out of range.
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_macros)] // tests: never in the wasm (proptest's assertions format)
mod tests {
    use super::*;
    use crate::content::{Band, Dimension, Item, Screen, Sign};
    use crate::scoring::DimensionScore;
    use proptest::prelude::*;

    const fn dimension(id: &'static str) -> Dimension {
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
            items: &[],
        }
    }

    static BANK: Bank = Bank {
        content_version: 1,
        answer_options: ["", "", "", "", ""],
        not_applicable_option: "",
        importance_options: ["", "", "", "", ""],
        bands: [
            Band { id: BandId::Low, min: 0, max: 39, name: "" },
            Band { id: BandId::Middle, min: 40, max: 69, name: "" },
            Band { id: BandId::High, min: 70, max: 100, name: "" },
        ],
        dimensions: &[dimension("authenticity"), dimension("quality_time"), dimension("support"), dimension("security")],
        screen: Screen { items: &[] as &[Item], touches: &["security"] },
    };

    fn scores(values: &[(&'static str, Option<u8>)]) -> Scores {
        Scores {
            dimensions: values
                .iter()
                .map(|&(id, v)| (id, v.map_or(DimensionScore::NotEnoughAnswers { answered: 0, total: 4 }, DimensionScore::Scored)))
                .collect(),
        }
    }

    fn ratings(pairs: &[(&str, u8)]) -> Importance {
        pairs.iter().map(|(id, v)| (id.to_string(), *v)).collect()
    }

    #[test]
    fn a_new_plan_has_nothing_done() {
        let plan = Plan::new("support", 20_000, Some(45), true);
        assert_eq!(plan, Plan { area: "support".into(), start_day: 20_000, done: vec![], before: Some(45), together: true });
        assert_eq!(plan.days_done(), 0);
        assert_eq!(Plan::new("support", 0, Some(101), false).before, None, "a score over 100 is no score");
    }

    #[test]
    fn days_count_from_1_on_the_start_day() {
        let plan = Plan::new("support", 20_000, None, false);
        assert_eq!(plan.day(19_999), 0);
        assert_eq!(plan.day(0), 0);
        assert_eq!(plan.day(20_000), 1);
        assert_eq!(plan.day(20_013), 14);
        assert_eq!(plan.day(20_100), 101);
        assert_eq!(Plan::new("support", 0, None, false).day(u32::MAX), u32::MAX, "saturates");
        assert_eq!(plan.recheck_day(), 20_013);
        assert_eq!(plan.calendar_day(1), 20_000);
        assert_eq!(plan.calendar_day(14), 20_013);
    }

    #[test]
    fn the_recheck_is_due_from_day_14() {
        let plan = Plan::new("support", 20_000, None, false);
        assert!(!plan.recheck_due(19_000));
        assert!(!plan.recheck_due(20_000));
        assert!(!plan.recheck_due(20_012), "day 13");
        assert!(plan.recheck_due(20_013), "day 14");
        assert!(plan.recheck_due(20_500));
        assert!(!Plan::new("support", u32::MAX, None, false).recheck_due(u32::MAX), "day 1 at the end of time");
    }

    #[test]
    fn toggle_ticks_and_clears_and_is_done_reads_it() {
        let mut plan = Plan::new("support", 20_000, None, false);
        plan.toggle(1, 0);
        plan.toggle(3, 2);
        plan.toggle(3, 3);
        assert_eq!(plan.done, [0b0001, 0, 0b1100]);
        assert!(plan.is_done(1, 0));
        assert!(!plan.is_done(1, 1));
        assert!(plan.is_done(3, 2) && plan.is_done(3, 3));
        assert!(!plan.is_done(2, 0));
        assert_eq!(plan.ticks(3), 0b1100);
        plan.toggle(3, 2);
        plan.toggle(3, 3);
        assert_eq!(plan.done, [0b0001], "days after the last ticked one are left out");
        plan.toggle(1, 0);
        assert!(plan.done.is_empty());
        plan.toggle(14, 3);
        assert_eq!(plan.done.len(), 14);
        assert!(plan.is_done(14, 3));
    }

    #[test]
    fn out_of_range_days_and_practices_change_nothing() {
        let mut plan = Plan::new("support", 20_000, None, false);
        plan.toggle(2, 1);
        let before = plan.clone();
        for (day, practice) in [(0, 0), (15, 0), (255, 0), (1, 4), (1, 7), (1, 8), (1, 255)] {
            plan.toggle(day, practice);
            assert_eq!(plan, before, "day {day}, practice {practice}");
            assert!(!plan.is_done(day, practice));
        }
        assert_eq!(plan.ticks(0), 0);
        assert_eq!(plan.ticks(15), 0);
        // Bits past the practices, in a plan built by hand, are never read as done.
        let odd = Plan { done: vec![0xF0], ..plan };
        assert!((0..8).all(|p| !odd.is_done(1, p)));
    }

    #[test]
    fn days_done_counts_days_with_any_tick() {
        let mut plan = Plan::new("support", 20_000, None, false);
        for (day, practice) in [(1, 0), (1, 1), (2, 3), (5, 0), (14, 2)] {
            plan.toggle(day, practice);
        }
        assert_eq!(plan.days_done(), 4);
        plan.toggle(2, 3);
        assert_eq!(plan.days_done(), 3);
        assert_eq!(Plan { done: vec![0, 1, 0, 2], ..plan }.days_done(), 2);
    }

    #[test]
    fn uniting_ticks_keeps_every_tick_of_either() {
        let mut mine = Plan::new("support", 20_000, None, false);
        mine.toggle(1, 0);
        mine.toggle(2, 1);
        let mut theirs = mine.clone();
        theirs.done.clear();
        theirs.toggle(2, 2);
        theirs.toggle(9, 0);
        assert!(mine.same_plan(&theirs));
        mine.unite_ticks(&theirs);
        assert_eq!(mine.done, [0b001, 0b110, 0, 0, 0, 0, 0, 0, 0b001]);
        let other = Plan::new("support", 20_001, None, false);
        assert!(!mine.same_plan(&other));
        assert!(!mine.same_plan(&Plan::new("security", 20_000, None, false)));
    }

    #[test]
    fn a_problem_is_named() {
        let good = Plan { done: vec![0b1111; 14], before: Some(100), ..Plan::new("physical", 1, None, false) };
        assert_eq!(good.problem(), None);
        for area in DIMENSION_IDS {
            assert_eq!(Plan::new(area, 0, None, true).problem(), None);
        }
        assert_eq!(Plan { area: "trust".into(), ..good.clone() }.problem(), Some("plan area"));
        assert_eq!(Plan { area: "".into(), ..good.clone() }.problem(), Some("plan area"));
        assert_eq!(Plan { done: vec![0; 15], ..good.clone() }.problem(), Some("plan days"));
        assert_eq!(Plan { done: vec![0b1_0000], ..good.clone() }.problem(), Some("plan practice"));
        assert_eq!(Plan { done: vec![0, 0x80], ..good.clone() }.problem(), Some("plan practice"));
        assert_eq!(Plan { before: Some(101), ..good.clone() }.problem(), Some("plan score before"));
        assert_eq!(Plan { start_day: LATEST_START_DAY, ..good.clone() }.problem(), None);
        assert_eq!(Plan { start_day: LATEST_START_DAY + 1, ..good }.problem(), Some("plan start day"));
    }

    #[test]
    fn alone_the_first_of_the_focus_is_suggested() {
        let s = scores(&[("authenticity", Some(30)), ("quality_time", Some(60)), ("support", Some(20)), ("security", Some(80))]);
        // Quality time matters most (4) and is not a strength.
        assert_eq!(suggest_alone(&BANK, &s, &ratings(&[("authenticity", 2), ("quality_time", 4), ("support", 3)])), Some("quality_time"));
        // A strength is never the focus, however much it matters.
        assert_eq!(suggest_alone(&BANK, &s, &ratings(&[("security", 4), ("authenticity", 2)])), Some("authenticity"));
    }

    #[test]
    fn alone_without_a_focus_the_lowest_score_below_a_strength_is_suggested() {
        let s = scores(&[("authenticity", Some(30)), ("quality_time", None), ("support", Some(20)), ("security", Some(80))]);
        assert_eq!(suggest_alone(&BANK, &s, &Importance::new()), Some("support"));
        // Rated "A little" (1) is no focus.
        assert_eq!(suggest_alone(&BANK, &s, &ratings(&[("authenticity", 1)])), Some("support"));
        // Among equals, the first in the bank's order.
        let tied = scores(&[("authenticity", Some(50)), ("quality_time", Some(50)), ("support", Some(69))]);
        assert_eq!(suggest_alone(&BANK, &tied, &Importance::new()), Some("authenticity"));
    }

    #[test]
    fn alone_nothing_is_suggested_when_every_score_is_a_strength_or_missing() {
        let strong = scores(&[("authenticity", Some(70)), ("quality_time", None), ("support", Some(100))]);
        assert_eq!(suggest_alone(&BANK, &strong, &ratings(&[("support", 4)])), None);
        assert_eq!(suggest_alone(&BANK, &scores(&[]), &Importance::new()), None);
    }

    #[test]
    fn a_plan_is_offered_unless_the_safety_screen_sets_the_area_aside() {
        for area in ["authenticity", "quality_time", "support", "security"] {
            assert!(offered(&BANK, SafetyResponse::None, area), "{area}");
            assert!(!offered(&BANK, SafetyResponse::Full, area), "{area}");
        }
        assert!(offered(&BANK, SafetyResponse::Gentle, "support"));
        assert!(!offered(&BANK, SafetyResponse::Gentle, "security"), "the screen touches it");
        assert!(!offered(&BANK, SafetyResponse::None, "physical"), "not in this bank");
        assert!(!offered(&BANK, SafetyResponse::None, "trust"));
    }

    #[test]
    fn known_dates() {
        for (day, date) in [
            (0, (1970, 1, 1)),
            (1, (1970, 1, 2)),
            (31, (1970, 2, 1)),
            (59, (1970, 3, 1)),
            (365, (1971, 1, 1)),
            (789, (1972, 2, 29)),
            (10_957, (2000, 1, 1)),
            (11_016, (2000, 2, 29)),
            (11_017, (2000, 3, 1)),
            (11_322, (2000, 12, 31)),
            (19_723, (2024, 1, 1)),
            (19_782, (2024, 2, 29)),
            (20_429, (2025, 12, 7)),
            (20_794, (2026, 12, 7)),
            (20_818, (2026, 12, 31)),
            (47_540, (2100, 2, 28)),
            (47_541, (2100, 3, 1)),
            (LATEST_START_DAY, (9999, 12, 31)),
            (LAST_DAY, (65_535, 12, 31)),
        ] {
            assert_eq!(civil(day), date, "day {day}");
            assert_eq!(day_number(date.0, date.1, date.2), Some(day), "{date:?}");
        }
        assert_eq!(civil(LAST_DAY + 1), (65_535, 12, 31));
        assert_eq!(civil(u32::MAX), (65_535, 12, 31));
    }

    #[test]
    fn dates_that_do_not_exist_or_come_before_1970_have_no_day() {
        for (y, m, d) in [
            (2026, 0, 1),
            (2026, 13, 1),
            (2026, 1, 0),
            (2026, 1, 32),
            (2026, 4, 31),
            (2026, 2, 29),
            (1900, 2, 29),
            (2100, 2, 29),
            (1969, 12, 31),
            (0, 1, 1),
            (0, 3, 1),
        ] {
            assert_eq!(day_number(y, m, d), None, "{y}-{m}-{d}");
        }
        assert_eq!(day_number(2000, 2, 29), Some(11_016));
        assert_eq!(day_number(2024, 2, 29), Some(19_782));
    }

    #[test]
    fn leap_years_and_month_lengths() {
        assert!(is_leap_year(2000) && is_leap_year(2024) && is_leap_year(0));
        assert!(!is_leap_year(1900) && !is_leap_year(2100) && !is_leap_year(2026));
        let lengths: Vec<u8> = (1..=12).map(|m| days_in_month(2026, m)).collect();
        assert_eq!(lengths, [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!((days_in_month(2026, 0), days_in_month(2026, 13)), (0, 0));
    }

    proptest! {
        #[test]
        fn every_day_round_trips_through_its_date(day in 0..=LAST_DAY) {
            let (y, m, d) = civil(day);
            prop_assert!((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m));
            prop_assert_eq!(day_number(y, m, d), Some(day));
        }

        #[test]
        fn the_next_day_is_the_next_date(day in 0..LAST_DAY) {
            let (y, m, d) = civil(day);
            let next = if d < days_in_month(y, m) { (y, m, d + 1) } else if m < 12 { (y, m + 1, 1) } else { (y + 1, 1, 1) };
            prop_assert_eq!(civil(day + 1), next);
        }

        #[test]
        fn every_date_since_1970_round_trips_through_its_day(y in 1970u16..=65_535, m in 1u8..=12, d in 1u8..=31) {
            match day_number(y, m, d) {
                Some(day) => prop_assert_eq!(civil(day), (y, m, d)),
                None => prop_assert!(d > days_in_month(y, m)),
            }
        }

        #[test]
        fn toggling_twice_changes_nothing(
            ticks in proptest::collection::vec((0u8..20, 0u8..10), 0..40),
            day in any::<u8>(),
            practice in any::<u8>(),
        ) {
            let mut plan = Plan::new("support", 20_000, None, false);
            for (d, p) in ticks {
                plan.toggle(d, p);
            }
            let before = plan.clone();
            plan.toggle(day, practice);
            plan.toggle(day, practice);
            prop_assert_eq!(&plan, &before);
            prop_assert_eq!(plan.problem(), None);
            prop_assert!(plan.done.last() != Some(&0));
        }
    }
}
