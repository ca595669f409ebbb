//! Each page rendered natively from a state made for it (`cargo test -p closer --lib --features
//! ssr`): the same `App` and Yew's server renderer the prerender uses, with the page's own inputs
//! (the route and the parts of the state it reads), and what it must show checked in the markup.
//! The reducer's rules are tested in `state.rs`; the pages in a browser by the e2e suite.

use closer_core::route::Route;
use closer_core::share::{self, Locked};
use closer_core::{Answers, Importance};

use crate::app::address::Site;
use crate::app::state::{quiz_order, CheckIn, CompletedResult, Confirming, Keeping, OnPage, PageError, ReceivedLink, State, Storage};
use crate::app::{App, Props};
use crate::content::{BANK, PAGES, UI};

/// The page's markup as the app renders it from `state`.
fn render(state: State) -> String {
    crate::content::load_for_tests();
    let runtime = tokio::runtime::Builder::new_current_thread().build().expect("a runtime");
    let renderer = yew::LocalServerRenderer::<App>::with_props(Props { prerendered: Some(state) }).hydratable(false);
    runtime.block_on(tokio::task::LocalSet::new().run_until(renderer.render()))
}

/// A state on `route` with this check-in.
fn on(route: Route, check_in: CheckIn) -> State {
    crate::content::load_for_tests();
    State { route, check_in, ..State::default() }
}

/// Every statement answered `value` at `date_ms`.
fn finished(date_ms: u64, value: u8) -> CompletedResult {
    crate::content::load_for_tests();
    let mut answers = Answers::new();
    answers.extend(quiz_order().iter().map(|(_, item)| (item.id.to_string(), value)));
    CompletedResult { date_ms, content_version: BANK.content_version, answers, importance: Importance::new() }
}

/// The safety screen's statements answered Disagree, the others `value`: no safety response.
fn safe(date_ms: u64, value: u8) -> CompletedResult {
    let mut result = finished(date_ms, value);
    for item in BANK.screen.items {
        result.answers.insert(item.id.to_string(), 0);
    }
    result
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

#[test]
fn home_offers_to_start_or_to_continue() {
    let html = render(on(Route::Home, CheckIn::default()));
    assert!(html.contains(r#"class="home""#) && count(&html, "<button") >= 1, "{html}");
    let mut check_in = CheckIn::default();
    check_in.answers.insert(quiz_order()[0].1.id.to_string(), 2);
    assert!(render(on(Route::Home, check_in)).contains(UI.home_in_progress()));
}

#[test]
fn the_check_in_shows_the_statement_at_its_position_with_its_answer_chosen() {
    let (_, item) = quiz_order()[2];
    let mut check_in = CheckIn { position: 2, ..CheckIn::default() };
    check_in.answers.insert(item.id.to_string(), 3);
    let html = render(on(Route::Quiz, check_in));
    assert_eq!(count(&html, r#"type="radio""#), if item.may_not_apply { 6 } else { 5 });
    assert!(html.contains(&["id=\"answer-", item.id, "-3\""].concat()), "{html}");
    assert_eq!(count(&html, "checked"), 1);
}

#[test]
fn the_review_lists_every_skipped_statement() {
    let mut check_in = CheckIn::default();
    for (_, item) in quiz_order().iter().skip(2) {
        check_in.answers.insert(item.id.to_string(), 1);
    }
    let html = render(on(Route::Review, check_in));
    assert_eq!(count(&html, "data-item="), 2, "{html}");
    assert!(html.contains(&["data-item=\"", quiz_order()[0].1.id, "\""].concat()));
}

#[test]
fn importance_asks_one_question_per_area() {
    let html = render(on(Route::Importance, CheckIn::default()));
    assert_eq!(count(&html, r#"data-kind="importance""#), BANK.dimensions.len());
}

#[test]
fn results_show_the_latest_result_or_set_every_area_aside() {
    let html = render(on(Route::Results, CheckIn { results: vec![safe(50, 4)], ..CheckIn::default() }));
    assert!(html.contains("data-overall="), "{html}");
    assert_eq!(count(&html, r#"class="dimension-result""#), BANK.dimensions.len());
    assert!(html.contains(r#"id="invite-link""#));
    // Agree on every screen statement: the full safety response, and no overall score.
    let html = render(on(Route::Results, CheckIn { results: vec![finished(50, 4)], ..CheckIn::default() }));
    assert!(html.contains(r#"data-testid="safety-note""#) && html.contains(r#"data-set-aside="true""#), "{html}");
    assert!(!html.contains("data-overall="));
    // None yet: the way in.
    assert!(render(on(Route::Results, CheckIn::default())).contains(r#"class="nothing-yet""#));
}

#[test]
fn the_comparison_waits_for_a_check_in_then_marks_every_area() {
    let code = share::encode(&safe(1, 2).shared(Some("Sam")));
    let link = ReceivedLink { received_ms: 100, code: code.clone(), own_code: None };
    let html = render(on(Route::Compare(code.clone()), CheckIn { links: vec![link.clone()], ..CheckIn::default() }));
    assert!(html.contains(r#"data-testid="invited-by""#) && !html.contains("mark-list"), "{html}");
    let html = render(on(Route::Compare(code), CheckIn { links: vec![link], results: vec![safe(200, 3)], ..CheckIn::default() }));
    assert_eq!(count(&html, "data-mark="), BANK.dimensions.len(), "{html}");
    // A locked link asks for its passphrase and shows nothing of what it holds.
    let locked = Locked { salt: [7; share::SALT_LEN], iv: [9; share::IV_LEN], sealed: vec![1; 40] }.code();
    let html = render(on(Route::Compare(locked), CheckIn::default()));
    assert!(html.contains(r#"id="passphrase""#) && !html.contains("data-mark="));
    // A damaged one says why.
    assert!(render(on(Route::Compare("AAAA".into()), CheckIn::default())).contains("data-error="));
}

#[test]
fn history_lists_each_result_newest_first_and_asks_before_deleting() {
    let check_in = CheckIn { results: vec![safe(50, 4), safe(60, 1)], ..CheckIn::default() };
    let html = render(on(Route::History, check_in.clone()));
    assert_eq!(count(&html, r#"class="history-row""#), 2);
    assert!(html.find(r#"data-date="60""#) < html.find(r#"data-date="50""#), "newest first");
    let asking = State { page: OnPage { confirming: Confirming::DeleteResult { date_ms: 60 }, ..OnPage::default() }, ..on(Route::History, check_in) };
    let html = render(asking);
    assert!(html.contains(r#"id="keep-60""#) && html.contains(r#"id="delete-50""#) && !html.contains(r#"id="delete-60""#), "{html}");
}

#[test]
fn your_data_says_what_is_kept_and_what_went_wrong() {
    let state = State {
        storage: Storage { keeping: Keeping::Saved, backups: 2, persistent: Some(true) },
        page: OnPage { error: Some(PageError::DeleteFailed), ..OnPage::default() },
        ..on(Route::Data, CheckIn { results: vec![safe(50, 4)], ..CheckIn::default() })
    };
    let html = render(state);
    assert!(html.contains(r#"data-persistent="true""#), "{html}");
    assert_eq!(count(&html, "<li><button"), 2, "a download per backup");
    assert!(html.contains(r#"role="alert""#) && html.contains(r#"id="delete-everything""#));
    let asking = State { page: OnPage { confirming: Confirming::DeleteEverything, ..OnPage::default() }, ..on(Route::Data, CheckIn::default()) };
    assert!(render(asking).contains(r#"id="delete-everything-keep""#));
}

#[test]
fn the_explainer_lists_its_pages_and_shows_a_body_once_fetched() {
    let html = render(on(Route::Learn, CheckIn::default()));
    for page in PAGES.iter() {
        assert!(html.contains(&["href=\"#/learn/", page.slug, "\""].concat()), "{}", page.slug);
    }
    let Some(page) = PAGES.first() else { panic!("no explainer page") };
    let route = Route::Page(page.slug.into());
    assert!(render(on(route.clone(), CheckIn::default())).contains(r#"class="loading""#));
    let mut state = on(route.clone(), CheckIn::default());
    state.bodies.fetched.push((page.file, "<p id=\"fetched\">Body</p>"));
    assert!(render(state).contains(r#"<p id="fetched">Body</p>"#));
    let failed = State { page: OnPage { body_failed: Some(page.file), ..OnPage::default() }, ..on(route, CheckIn::default()) };
    assert!(render(failed).contains(r#"class="load-failed""#));
    // An unknown page is not found.
    assert!(render(on(Route::Page("no-such-page".into()), CheckIn::default())).contains(UI.not_found_title()));
}

#[test]
fn a_static_page_links_to_real_paths_and_an_embed_to_the_full_site() {
    let page = State { site: Site { static_root: Some("../../"), embed: false }, ..on(Route::Learn, CheckIn::default()) };
    let html = render(page);
    assert!(html.contains(r#"href="../../check-in/""#) && html.contains(r#"href="../../learn/safety/""#), "{html}");
    let embedded = State { site: Site { embed: true, static_root: None }, ..on(Route::Home, CheckIn::default()) };
    let html = render(embedded);
    assert!(html.contains(r#"class="app embed""#) && html.contains(r#"target="_blank""#), "{html}");
}

/// A state on the plan's page with the plans taken in.
fn on_plan(route: Route, check_in: CheckIn) -> State {
    let plans = crate::content::load_plans_for_tests();
    let mut state = on(route, check_in);
    state.bodies.plans = Some(crate::app::state::PlansTaken(plans));
    state
}

/// A safe result (no safety response) and a plan for `area` that started `days_ago` days ago.
fn planning(area: &str, days_ago: u32) -> CheckIn {
    let today = crate::web::clock::today();
    CheckIn {
        results: vec![safe(1, 1)],
        plan: Some(closer_core::Plan::new(area, today - days_ago, Some(40), false)),
        ..CheckIn::default()
    }
}

#[test]
fn the_plan_shows_its_area_practices_the_day_and_the_two_weeks() {
    let mut check_in = planning("empathy", 2);
    if let Some(plan) = &mut check_in.plan {
        plan.toggle(1, 0);
        plan.toggle(2, 1);
    }
    let html = render(on_plan(Route::Plan, check_in));
    let plans = crate::content::load_plans_for_tests();
    let area = plans.area("empathy").expect("a plan for empathy");
    assert!(html.contains(r#"data-area="empathy""#) && html.contains(r#"data-day="3""#), "{html}");
    assert!(area.practices.iter().all(|p| html.contains(p.title)), "every practice is shown");
    assert_eq!(count(&html, r#"class="strip-day""#), 14);
    assert!(html.contains(r#"data-day="1" data-done="1""#) && html.contains(r#"data-day="2" data-done="1""#), "{html}");
    assert!(!html.contains(r#"data-testid="plan-result""#), "no re-check yet");
}

#[test]
fn no_plan_is_shown_under_the_full_safety_response_and_none_for_a_touched_area_under_the_gentle_one() {
    let mut check_in = planning("empathy", 0);
    check_in.results = vec![finished(1, 4)];
    let html = render(on_plan(Route::Plan, check_in));
    assert!(html.contains(r#"data-testid="plan-set-aside""#) && !html.contains("strip-day"), "{html}");
    assert!(!render(on(Route::Results, CheckIn { results: vec![finished(1, 4)], ..CheckIn::default() })).contains("plan-offer"));

    // Neutral on a gentle statement: a touched area has no plan; another still does.
    let gentle = BANK.screen.items.iter().find(|i| i.neutral_note).expect("a gentle statement");
    let mut result = safe(1, 1);
    result.answers.insert(gentle.id.to_string(), 2);
    let touched = BANK.screen.touches[0];
    let mut check_in = planning(touched, 0);
    check_in.results = vec![result.clone()];
    assert!(render(on_plan(Route::Plan, check_in)).contains(r#"data-testid="plan-set-aside""#));
    let results = render(on(Route::Results, CheckIn { results: vec![result], ..CheckIn::default() }));
    assert!(results.contains("plan-offer") && !results.contains(&["value=\"", touched, "\""].concat()), "{results}");
}
