//! The two-week plan: one area, three or four small practices, the days ticked off on a strip
//! (a record for the person, never a grade), a calendar file for reminders, and the re-check at
//! the end with before and after. Its practices and words are fetched when the page opens (the
//! plans file, `root.rs`). Under the full safety response no plan is shown, only the safety
//! note; under the gentle one, none for the areas the safety screen touches.

use closer_core::plan::{civil, Plan, PLAN_DAYS};
use closer_core::route::Route;
use closer_core::{AreaPlan, Every};
use yew::prelude::*;

use crate::app::address::Site;
use crate::app::components::answer_group::answer_group;
use crate::app::components::plan_offer::plan_offer;
use crate::app::components::safety_note::safety_note;
use crate::app::components::site_link::site_link;
use crate::app::context::Send;
use crate::app::plan::recheck_items;
use crate::app::state::{Action, Bodies, CalendarError, CheckIn, OnPage};
use crate::content::{fill, number, PlanWords, BANK, UI};
use crate::web::calendar::{Calendar, Event as CalendarEvent, Repeat};
use crate::web::{calendar, clock, embed, input};
use closer_core::text::Decimal;

/// The calendar file's name.
const CALENDAR_FILE: &str = "closer-plan.ics";
/// The reminders' time when none is picked.
const DEFAULT_TIME: &str = "19:00";
/// How many points of change read as a change, not as the same.
const CHANGE_AT: u8 = 5;

/// The id of a practice's tick box for a day.
pub fn tick_id(day: u8, practice: u8) -> String {
    ["tick-", &day.decimal(), "-", &practice.decimal()].concat()
}

/// The plan's page on `today` (days since 1970 in the person's calendar).
pub fn plan_page(check_in: &CheckIn, on_page: &OnPage, bodies: &Bodies, site: &Site, today: u32, send: &Send) -> Html {
    let Some(crate::app::state::PlansTaken(texts)) = bodies.plans else { return loading(on_page, send) };
    let w = &texts.words;
    let response = check_in.safety_now();
    if response.sets_aside_every_area() {
        return html! {
            <div class="plan" data-testid="plan-set-aside">
                <h1 tabindex="-1">{ UI.plan_nav_plan() }</h1>
                <p class="plan-set-aside">{ w.set_aside_full() }</p>
                { safety_note(response, site.embed) }
            </div>
        };
    }
    let Some(plan) = &check_in.plan else {
        if check_in.latest().is_none() {
            return html! {
                <div class="plan">
                    <h1 tabindex="-1">{ UI.plan_nav_plan() }</h1>
                    <p>{ UI.results_none() }</p>
                    <p><a class="button primary" href="#/quiz">{ UI.results_take_quiz() }</a></p>
                </div>
            };
        }
        return html! {
            <div class="plan">
                <h1 tabindex="-1">{ UI.plan_nav_plan() }</h1>
                if let Some(ended) = (on_page.closings > 0 && !on_page.plan.changing).then(|| w.ended()) { <p role="status">{ ended }</p> }
                { safety_note(response, site.embed) }
                { plan_offer(check_in, on_page, check_in.suggested_alone(), None, false, send) }
            </div>
        };
    };
    let Some(area) = BANK.dimension(&plan.area) else { return html! {} };
    let end = { let s = send.clone(); Callback::from(move |_| s.emit(Action::EndPlan)) };
    let change = { let s = send.clone(); Callback::from(move |_| s.emit(Action::ChangePlan)) };
    if !check_in.plan_offered(&plan.area) {
        return html! {
            <div class="plan" data-testid="plan-set-aside">
                <h1 tabindex="-1">{ UI.plan_nav_plan() }</h1>
                { safety_note(response, site.embed) }
                <p class="plan-set-aside">{ fill(w.set_aside_gentle(), &[("area", area.name)]) }</p>
                <p><button onclick={end}>{ w.end() }</button></p>
            </div>
        };
    }
    let Some(area_plan) = texts.area(area.id) else { return html! {} };
    let day = plan.day(today);
    let recheck = check_in.plan_recheck(clock::day_of);
    html! {
        <div class="plan" data-area={area.id}>
            <h1 tabindex="-1">{ fill(w.title(), &[("area", area.name)]) }</h1>
            { safety_note(response, site.embed) }
            <p class="plan-day" data-day={day.decimal()}>{
                if day == 0 {
                    fill(w.started(), &[("date", &clock::format_day(lang(), plan.start_day))])
                } else {
                    fill(w.day_of(), &[("day", &number(day.min(u32::from(PLAN_DAYS)) as usize))])
                }
            }</p>
            <p class="lead">{ area_plan.lead }</p>
            if plan.together { <p class="plan-together">{ w.lead_together() }</p> }
            if let Some(recheck) = recheck {
                { result(w, plan, CheckIn::recheck_score(recheck), area.name, site, today, send) }
            }
            { practices(w, area_plan) }
            { strip(w, plan, area_plan, on_page, today, send) }
            { reminders(w, plan, area_plan, area.name, on_page, site, send) }
            if recheck.is_none() { { recheck_offer(w, plan, area.name, today) } }
            <p class="actions no-print">
                <button onclick={change}>{ w.change() }</button>
                <button data-testid="plan-end" onclick={end}>{ w.end() }</button>
            </p>
        </div>
    }
}

/// The language shown, for dates.
fn lang() -> &'static str {
    crate::content::language().code
}

/// While the practices load, or after they could not be.
fn loading(on_page: &OnPage, send: &Send) -> Html {
    let retry = { let s = send.clone(); Callback::from(move |_| s.emit(Action::RetryPlanTexts)) };
    html! {
        <div class="plan" aria-busy={(!on_page.plan.texts_failed).then_some("true")}>
            <h1 tabindex="-1">{ UI.plan_nav_plan() }</h1>
            if on_page.plan.texts_failed {
                <div class="load-failed" role="alert">
                    <p>{ UI.learn_load_failed() }</p>
                    <button onclick={retry}>{ UI.learn_retry() }</button>
                </div>
            } else {
                <p class="loading">{ UI.learn_loading() }</p>
            }
        </div>
    }
}

/// The practices: what to do, how long, how often, and why it helps.
fn practices(w: &PlanWords, area_plan: &AreaPlan) -> Html {
    html! {
        <section class="plan-practices" aria-labelledby="practices-heading">
            <h2 id="practices-heading">{ w.practices_heading() }</h2>
            <ol class="practices">
                { for area_plan.practices.iter().map(|p| html! {
                    <li class="practice">
                        <h3>{ p.title }</h3>
                        <p class="practice-meta">
                            { fill(w.minutes(), &[("minutes", &number(p.minutes.into()))]) }{ " · " }
                            { if p.every == Every::Week { w.every_week() } else { w.every_day() } }
                        </p>
                        <p>{ p.what }</p>
                        <p class="practice-why"><strong>{ w.why() }</strong>{ " " }{ p.why }</p>
                    </li>
                }) }
            </ol>
        </section>
    }
}

/// The two weeks as a strip of days, each with what was done on it, and the tick boxes of the
/// day picked (today by default; no day after today).
fn strip(w: &PlanWords, plan: &Plan, area_plan: &AreaPlan, on_page: &OnPage, today: u32, send: &Send) -> Html {
    let current = plan.day(today).clamp(1, u32::from(PLAN_DAYS)) as u8;
    let started = plan.day(today) > 0;
    let picked = on_page.plan.day.filter(|d| u32::from(*d) <= plan.day(today)).unwrap_or(current);
    let date_of = |day: u8| clock::format_day(lang(), plan.calendar_day(day));
    let days = (1..=PLAN_DAYS).map(|day| {
        let done = plan.ticks(day).count_ones();
        let future = u32::from(day) > plan.day(today);
        let pick = { let s = send.clone(); Callback::from(move |_| s.emit(Action::PickDay(day))) };
        let label = fill(w.day_label(), &[("day", &number(day.into())), ("date", &date_of(day))]);
        html! {
            <li class="strip-day" data-day={day.decimal()} data-done={done.decimal()}>
                <button type="button" onclick={pick} disabled={future} aria-pressed={if started && day == picked { "true" } else { "false" }}
                    aria-label={label} aria-current={(u32::from(day) == plan.day(today)).then_some("date")}>
                    <span class="strip-number" aria-hidden="true">{ day.decimal() }</span>
                    <span class="strip-mark" aria-hidden="true">{ if done > 0 { "✓" } else { "" } }</span>
                </button>
            </li>
        }
    });
    html! {
        <section class="plan-strip" aria-labelledby="strip-heading">
            <h2 id="strip-heading">{ w.strip_heading() }</h2>
            <p>{ w.strip_hint() }</p>
            <ol class="strip">{ for days }</ol>
            if started {
                <fieldset class="ticks" data-day={picked.decimal()}>
                    <legend>{ fill(w.day_label(), &[("day", &number(picked.into())), ("date", &date_of(picked))]) }
                        if u32::from(picked) == plan.day(today) { { " · " }{ w.today() } }</legend>
                    { for area_plan.practices.iter().zip(0u8..).map(|(p, n)| {
                        let id = tick_id(picked, n);
                        let tick = { let s = send.clone(); Callback::from(move |_: Event| s.emit(Action::Tick { day: picked, practice: n })) };
                        html! {
                            <div class="tick">
                                <input type="checkbox" id={id.clone()} checked={plan.is_done(picked, n)} onchange={tick} />
                                <label for={id}>{ fill(w.done_label(), &[("practice", p.title), ("date", &date_of(picked))]) }</label>
                            </div>
                        }
                    }) }
                </fieldset>
            }
        </section>
    }
}

/// "Add to my calendar": a time, and the file with each practice and the re-check. Inside
/// another site's page, where a download may be blocked, the way to Closer's own page too.
fn reminders(w: &PlanWords, plan: &Plan, area_plan: &AreaPlan, area_name: &'static str, on_page: &OnPage, site: &Site, send: &Send) -> Html {
    let time = if on_page.plan.time.is_empty() { DEFAULT_TIME.to_string() } else { on_page.plan.time.clone() };
    let set_time = { let s = send.clone(); Callback::from(move |e: InputEvent| s.emit(Action::ReminderTime(input::value(&e).unwrap_or_default()))) };
    let make = {
        let s = send.clone();
        let calendar = calendar_of(w, plan, area_plan, area_name, &time);
        Callback::from(move |_| {
            let s = s.clone();
            calendar::download(CALENDAR_FILE, &calendar, move |made| s.emit(Action::CalendarMade(made)));
        })
    };
    html! {
        <section class="plan-reminders no-print" aria-labelledby="reminders-heading">
            <h2 id="reminders-heading">{ w.calendar_heading() }</h2>
            <p>{ w.calendar_lead() }</p>
            <p class="field">
                <label for="plan-time">{ w.calendar_time() }</label>
                <input type="time" id="plan-time" value={time} oninput={set_time} />
            </p>
            <p><button data-testid="plan-calendar" onclick={make}>{ w.calendar_button() }</button></p>
            if site.embed {
                <p class="plan-embed-note">{ w.calendar_embed() }{ " " }{ site_link(true, Route::Plan, UI.site_open_full()) }</p>
            }
            if let Some(Err(error)) = on_page.plan.calendar {
                <p class="error" role="alert" data-error={calendar_error_key(error)}>{ w.calendar_failed() }</p>
            }
        </section>
    }
}

/// The key of a calendar error, for tests (every kind is named).
fn calendar_error_key(error: CalendarError) -> &'static str {
    match error {
        CalendarError::Unwritten => "unwritten",
        CalendarError::Refused => "refused",
    }
}

/// The calendar of `plan` with reminders at `time` ("HH:MM"): each practice from the first day,
/// daily for two weeks or weekly twice, and the re-check on day 14, each leading back here.
pub fn calendar_of(w: &PlanWords, plan: &Plan, area_plan: &AreaPlan, area_name: &str, time: &str) -> Calendar {
    let (hour, minute) = parse_time(time).unwrap_or((19, 0));
    let at = |day: u32| {
        let (y, m, d) = civil(day);
        [u32::from(y), u32::from(m), u32::from(d), hour, minute]
    };
    let url = embed::full_site_url(&Route::Plan.to_hash());
    let mut events: Vec<CalendarEvent> = area_plan
        .practices
        .iter()
        .map(|p| CalendarEvent {
            title: p.title.to_string(),
            description: [p.what, "\n\n", &fill(w.event_practice(), &[("area", area_name)]), "\n", &url].concat(),
            url: url.clone(),
            start: at(plan.start_day),
            minutes: p.minutes.into(),
            repeat: Some(match p.every {
                Every::Day => Repeat { every: "day", count: PLAN_DAYS.into() },
                Every::Week => Repeat { every: "week", count: u32::from(PLAN_DAYS) / 7 },
            }),
        })
        .collect();
    let recheck_url = embed::full_site_url(&Route::Recheck.to_hash());
    events.push(CalendarEvent {
        title: fill(w.event_recheck(), &[("area", area_name)]),
        description: [&fill(w.event_recheck_text(), &[("area", area_name)]), "\n", &recheck_url].concat(),
        url: recheck_url,
        start: at(plan.recheck_day()),
        minutes: 15,
        repeat: None,
    });
    Calendar { name: UI.site_name().to_string(), events }
}

/// "07" as 7 (a time field's hours or minutes: two digits).
fn two_digits(text: &str) -> Option<u32> {
    match text.as_bytes() {
        [a @ b'0'..=b'9', b @ b'0'..=b'9'] => Some(u32::from(a - b'0') * 10 + u32::from(b - b'0')),
        _ => None,
    }
}

/// "19:30" as (19, 30).
fn parse_time(time: &str) -> Option<(u32, u32)> {
    let (h, m) = time.split_once(':')?;
    let (h, m) = (two_digits(h)?, two_digits(m.get(..2)?)?);
    (h < 24 && m < 60).then_some((h, m))
}

/// The way to the re-check: due from day 14, earlier if the person wants.
fn recheck_offer(w: &PlanWords, plan: &Plan, area_name: &str, today: u32) -> Html {
    html! {
        <section class="plan-recheck" aria-labelledby="recheck-heading">
            <h2 id="recheck-heading">{ w.recheck_heading() }</h2>
            <p>{ if plan.recheck_due(today) { fill(w.recheck_due(), &[("area", area_name)]) } else { w.recheck_early().to_string() } }</p>
            <p><a class="button" data-due={plan.recheck_due(today).then_some("true")} data-testid="plan-recheck" href={Route::Recheck.to_hash()}>
                { fill(w.recheck_start(), &[("area", area_name)]) }</a></p>
        </section>
    }
}

/// Before and after, side by side, and what next: keep going, another area, or, if things got
/// harder, the page about getting help.
fn result(w: &PlanWords, plan: &Plan, after: Option<u8>, area_name: &str, site: &Site, today: u32, send: &Send) -> Html {
    let score = |v: Option<u8>| v.map_or_else(|| UI.results_not_enough().to_string(), |v| fill(UI.results_overall_of(), &[("score", &number(v.into()))]));
    let change = plan.before.zip(after).map(|(before, after)| {
        if after >= before.saturating_add(CHANGE_AT) {
            ("better", w.better())
        } else if after.saturating_add(CHANGE_AT) <= before {
            ("worse", w.worse())
        } else {
            ("same", w.same())
        }
    });
    let keep = { let s = send.clone(); Callback::from(move |_| s.emit(Action::KeepGoing { today })) };
    let another = { let s = send.clone(); Callback::from(move |_| s.emit(Action::ChangePlan)) };
    html! {
        <section class="plan-result" aria-labelledby="result-heading" data-testid="plan-result">
            <h2 id="result-heading">{ w.result_heading() }</h2>
            <dl class="before-after">
                <div data-before={plan.before.map(|v| v.decimal())}><dt>{ w.before() }</dt><dd>{ score(plan.before) }</dd></div>
                <div data-after={after.map(|v| v.decimal())}><dt>{ w.after() }</dt><dd>{ score(after) }</dd></div>
            </dl>
            if let Some((key, text)) = change { <p class="plan-change" data-change={key}>{ fill(text, &[("area", area_name)]) }</p> }
            <h3>{ w.next_heading() }</h3>
            <p class="actions">
                <button class="primary" onclick={keep}>{ w.keep_going() }</button>
                <button onclick={another}>{ w.choose_another() }</button>
            </p>
            if matches!(change, Some(("worse", _))) {
                <p>{ site_link(site.embed, Route::Page("getting-help".into()), w.get_help()) }</p>
            }
        </section>
    }
}

/// The re-check: the plan's area's statements and the safety screen, on one page.
pub fn recheck(check_in: &CheckIn, on_page: &OnPage, bodies: &Bodies, send: &Send) -> Html {
    let Some(crate::app::state::PlansTaken(texts)) = bodies.plans else { return loading(on_page, send) };
    let w = &texts.words;
    let Some(plan) = check_in.plan_shown() else {
        return html! {
            <div class="plan">
                <h1 tabindex="-1">{ w.recheck_heading() }</h1>
                <p><a class="button" href={Route::Plan.to_hash()}>{ UI.plan_nav_plan() }</a></p>
            </div>
        };
    };
    let area_name = BANK.dimension(&plan.area).map_or("", |d| d.name);
    let [a, b, c, d, e] = BANK.answer_options;
    let with_not_applicable = [a, b, c, d, e, BANK.not_applicable_option];
    let items = recheck_items(&plan.area);
    let answered = items.iter().filter(|i| on_page.plan.answers.contains_key(i.id)).count();
    let finish = { let s = send.clone(); Callback::from(move |_| s.emit(Action::FinishRecheck { date_ms: clock::now_ms() })) };
    html! {
        <div class="plan recheck" data-area={plan.area.clone()}>
            <h1 tabindex="-1">{ fill(w.recheck_start(), &[("area", area_name)]) }</h1>
            { for items.iter().map(|item| {
                let id = item.id;
                let on_choose = { let s = send.clone(); Callback::from(move |(value, _): (u8, bool)| s.emit(Action::RecheckAnswer { item: id, value })) };
                let options: &[&'static str] = if item.may_not_apply { &with_not_applicable } else { &BANK.answer_options };
                answer_group(&["recheck-", item.id].concat(), item.text, options, on_page.plan.answers.get(item.id).copied(), &on_choose, "statement")
            }) }
            <p class="actions">
                <button class="primary" data-testid="recheck-finish" disabled={answered == 0} onclick={finish}>{ w.result_heading() }</button>
            </p>
        </div>
    }
}

/// Fetches the plans file of the language shown and reports it as an action: only the file made
/// at build time for this build is taken, as the browser checks by its Subresource Integrity
/// (from the words file: `content::plans_integrity`).
pub fn fetch_texts(done: impl FnOnce(Action) + 'static) {
    let file = crate::content::language().plans_file();
    crate::web::fetch::text_with_integrity(&file, crate::content::plans_integrity(), move |result| match result.ok().and_then(crate::content::take_plans) {
        Some(texts) => done(Action::PlanTextsLoaded(texts)),
        None => done(Action::PlanTextsFailed),
    });
}

#[cfg(test)]
mod tests {
    use super::parse_time;

    #[test]
    fn a_time_field_is_read_as_hours_and_minutes() {
        assert_eq!(parse_time("19:30"), Some((19, 30)));
        assert_eq!(parse_time("07:05:00"), Some((7, 5)));
        assert_eq!(parse_time("24:00"), None);
        assert_eq!(parse_time(""), None);
    }
}
