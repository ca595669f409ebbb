//! Past results, newest first, a small trend for each dimension, and deleting one result. A
//! result whose safety screen called for the full response shows no overall score and adds no
//! point to any trend: it is set aside there as on its results.

use closer_core::route::Route;
use closer_core::share;
use closer_core::DimensionScore;
use yew::prelude::*;

use crate::app::components::nothing_yet::nothing_yet;
use crate::app::context::Send;
use crate::app::state::{by_date, Action, CheckIn, Confirming, Keeping, OnPage, Storage};
use crate::content::{date, fill, number, BANK, UI};
use closer_core::text::Decimal;

const W: u32 = 120;
const H: u32 = 32;

/// A small line of a dimension's scores over time, with the values in its accessible name.
/// Whole-number coordinates: no float formatting in the wasm.
fn trend(name: &str, values: &[Option<u8>]) -> Html {
    let n = values.len() as u32;
    let point = |i: usize, v: u8| {
        let x = if n > 1 { i as u32 * W / (n - 1) } else { W / 2 };
        (x, H - 2 - u32::from(v) * (H - 4) / 100)
    };
    let known: Vec<(u32, u32)> = values.iter().enumerate().filter_map(|(i, v)| v.map(|v| point(i, v))).collect();
    let points = known.iter().map(|(x, y)| [x.decimal(), y.decimal()].join(",")).collect::<Vec<_>>().join(" ");
    let words = values.iter().map(|v| v.map_or("–".to_string(), |v| number(v.into()))).collect::<Vec<_>>().join(", ");
    html! {
        <svg class="trend" viewBox={["0 0 ", &W.decimal(), " ", &H.decimal()].concat()} width="120" height="32" role="img"
            aria-label={fill(UI.history_trend_label(), &[("name", name), ("values", &words)])}>
            <line x1="0" y1={(H / 2).decimal()} x2={W.decimal()} y2={(H / 2).decimal()} class="trend-mid" />
            <polyline points={points} class="trend-line" />
            if let Some((x, y)) = known.last() { <circle cx={x.decimal()} cy={y.decimal()} r="3" class="trend-dot" /> }
        </svg>
    }
}

/// The id of the button that asks to delete the result of `date_ms`, where the focus goes back
/// when the question is kept.
pub fn delete_id(date_ms: u64) -> String {
    ["delete-", &date_ms.decimal()].concat()
}

/// The id of the safe answer of the question about the result of `date_ms`, which takes the
/// focus when it is asked.
pub fn keep_id(date_ms: u64) -> String {
    ["keep-", &date_ms.decimal()].concat()
}

pub fn history(check_in: &CheckIn, on_page: &OnPage, storage: &Storage, send: &Send) -> Html {
    if check_in.results.is_empty() && check_in.rechecks.is_empty() {
        return nothing_yet(UI.history_title(), UI.history_none());
    }
    let all_scores: Vec<_> = check_in.results.iter().map(|r| BANK.score(&r.answers)).collect();
    let set_aside: Vec<bool> = check_in.results.iter().map(|r| r.safety().sets_aside_every_area()).collect();
    let mut rows: Vec<(u64, Html)> = check_in.results.iter().zip(&all_scores).zip(&set_aside).map(|((r, scores), &set_aside)| {
        let date = date(r.date_ms);
        let date_ms = r.date_ms;
        let overall = match scores.overall() {
            _ if set_aside => UI.history_set_aside().to_string(),
            Some(v) => fill(UI.history_overall(), &[("score", &number(v.into()))]),
            None => UI.results_not_enough().to_string(),
        };
        let ask = { let s = send.clone(); Callback::from(move |_| s.emit(Action::Confirm(Confirming::DeleteResult { date_ms }))) };
        let cancel = { let s = send.clone(); Callback::from(move |_| s.emit(Action::Confirm(Confirming::Nothing))) };
        let delete = { let s = send.clone(); Callback::from(move |_| s.emit(Action::DeleteResult { date_ms })) };
        (date_ms, html! {
            <li class="history-row" data-date={date_ms.decimal()}>
                <span class="history-date">{ date.clone() }</span>
                <span class="history-overall" data-set-aside={set_aside.then_some("true")}>{ overall }</span>
                if on_page.confirming == (Confirming::DeleteResult { date_ms }) {
                    <span class="confirm" role="group" aria-label={fill(UI.history_confirm(), &[("date", &date)])}>
                        <span>{ fill(UI.history_confirm(), &[("date", &date)]) }</span>
                        <button class="danger" onclick={delete}>{ UI.history_confirm_yes() }</button>
                        <button id={keep_id(date_ms)} onclick={cancel}>{ UI.history_confirm_no() }</button>
                    </span>
                } else {
                    <button id={delete_id(date_ms)} onclick={ask} aria-label={fill(UI.history_delete_label(), &[("date", &date)])}>{ UI.history_delete() }</button>
                }
            </li>
        })
    }).collect();
    // A plan's re-checks among the check-ins, by date: one area's score, no overall score.
    rows.extend(check_in.rechecks.iter().map(|r| {
        let name = BANK.dimension(r.area).map_or("", |d| d.name);
        let set_aside = BANK.safety_response(&r.answers).sets_aside_every_area();
        let score = match CheckIn::recheck_score(r) {
            _ if set_aside => UI.history_set_aside().to_string(),
            Some(v) => fill(UI.results_overall_of(), &[("score", &number(v.into()))]),
            None => UI.results_not_enough().to_string(),
        };
        (r.date_ms, html! {
            <li class="history-row recheck-row" data-area={r.area} data-recheck={r.date_ms.decimal()}>
                <span class="history-date">{ date(r.date_ms) }</span>
                <span class="history-overall">{ fill(UI.plan_history_recheck(), &[("area", name)]) }{ " · " }{ score }</span>
            </li>
        })
    }));
    let rows = by_date(rows, |&(date_ms, _)| date_ms).into_iter().rev().map(|(_, row)| row);
    // Each area's trend: every check-in's score, and its plan's re-checks in their place by date
    // (a re-check whose safety screen calls for the full response adds nothing, as a check-in).
    let trends = BANK.dimensions.iter().map(|d| {
        let mut dated: Vec<(u64, Option<u8>)> = check_in
            .results
            .iter()
            .zip(&all_scores)
            .zip(&set_aside)
            .map(|((r, s), &set_aside)| (r.date_ms, if set_aside { None } else { s.get(d.id).and_then(DimensionScore::value) }))
            .collect();
        dated.extend(check_in.rechecks.iter().filter(|r| r.area == d.id).map(|r| {
            let set_aside = BANK.safety_response(&r.answers).sets_aside_every_area();
            (r.date_ms, if set_aside { None } else { CheckIn::recheck_score(r) })
        }));
        let values: Vec<Option<u8>> = by_date(dated, |&(date_ms, _)| date_ms).into_iter().map(|(_, v)| v).collect();
        html! { <li class="trend-row" data-dimension={d.id}><span>{ d.name }</span>{ trend(d.name, &values) }</li> }
    });
    html! {
        <div class="history">
            <h1 tabindex="-1">{ UI.history_title() }</h1>
            <p>{ UI.history_lead() }</p>
            if storage.keeping == Keeping::Saved && storage.persistent != Some(true) {
                <p class="may-clear" data-testid="may-clear">{ UI.history_may_clear() }{ " " }<a href="#/data">{ UI.history_may_clear_export() }</a></p>
            }
            <ul class="history-list">{ for rows }</ul>
            <h2>{ UI.history_trend_heading() }</h2>
            <ul class="trends">{ for trends }</ul>
            if !check_in.links.is_empty() {
                <h2>{ UI.compare_saved_heading() }</h2>
                <ul class="comparisons">{ for check_in.links.iter().rev().map(|link| {
                    // The name is data from a link: shown as text only.
                    let name = share::decode(&link.code).ok().and_then(|r| r.name).unwrap_or_else(|| UI.compare_partner().to_string());
                    let text = fill(UI.history_comparison(), &[("name", &name), ("date", &date(link.received_ms))]);
                    html! { <li><a href={Route::Compare(link.code.clone()).to_hash()}>{ text }</a></li> }
                }) }</ul>
            }
        </div>
    }
}
