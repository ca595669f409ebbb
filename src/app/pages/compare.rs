//! A partner's link: a locked one asks for its passphrase first and shows nothing before it is
//! right; then who invited, the blind wait until your own check-in is done, then the
//! safety response first if your answers call for it, both results side by side with each area
//! marked (shared strength, shared growth area, or a difference), and a guide to talk it through.

use closer_core::compare::{self, Comparison, Mark};
use closer_core::route::Route;
use closer_core::share::{self, DecodeError, Link, Locked, SharedResult};
use closer_core::{BandId, Dimension, SafetyResponse};

use yew::prelude::*;

use crate::app::components::compare_chart::compare_chart;
use crate::app::components::invite::invite;
use crate::app::components::passphrase::passphrase_form;
use crate::app::components::plan_offer::plan_offer;
use crate::app::components::safety_note::safety_note;
use crate::app::components::site_link::site_link;
use crate::app::address::Site;
use crate::app::context::Send;
use crate::app::state::{quiz_order, Action, CheckIn, OnPage, Refused};
use crate::content::{fill, number, BANK, UI};

/// Why a link cannot be read, in words: every kind of `DecodeError` is named (a new kind does not
/// compile until it has words).
fn error_text(error: DecodeError) -> &'static str {
    match error {
        DecodeError::Truncated => UI.compare_error_incomplete(),
        DecodeError::ChecksumMismatch => UI.compare_error_altered(),
        DecodeError::NewerFormat(_) => UI.compare_error_newer(),
        DecodeError::Empty => UI.compare_error_empty(),
        DecodeError::TooLong | DecodeError::NotBase64 | DecodeError::UnknownFormat(_) | DecodeError::Invalid(_) | DecodeError::Locked => {
            UI.compare_error_invalid()
        }
    }
}

/// Why a passphrase did not open a link, in words.
fn unlock_refused(refused: Refused) -> &'static str {
    match refused {
        Refused::Wrong => UI.unlock_wrong(),
        Refused::Empty | Refused::Unavailable => UI.unlock_failed(),
    }
}

/// The page for a partner's link `code`. Keeping the link and pinning the comparison to a
/// result happen in the state (`State::arrive`), whatever led here.
pub fn compare(code: &str, check_in: &CheckIn, on_page: &OnPage, site: &Site, send: &Send) -> Html {
    let theirs = match share::read(code) {
        Ok(Link::Open(theirs)) => theirs,
        Ok(Link::Locked(locked)) => match check_in.opened(code) {
            Some(opened) => opened.result.clone(),
            None => return unlock(code, locked, on_page, send),
        },
        Err(error) => {
            return html! {
                <div class="compare">
                    <h1 tabindex="-1">{ UI.compare_error_title() }</h1>
                    <p class="error" role="alert" data-error={error.key()}>{ error_text(error) }</p>
                    <p><a class="button" href="#/">{ UI.compare_take_quiz() }</a></p>
                </div>
            };
        }
    };
    let partner = theirs.name.clone().unwrap_or_else(|| UI.compare_partner().to_string());
    let link = check_in.links.iter().find(|l| l.code == code);
    let revealed = link.is_some_and(|l| check_in.may_reveal(l));

    if !revealed {
        let total = quiz_order().len();
        let start = { let s = send.clone(); Callback::from(move |_| s.emit(Action::StartOver)) };
        let resume = { let s = send.clone(); Callback::from(move |_| s.emit(Action::Continue)) };
        return html! {
            <div class="compare">
                <h1 tabindex="-1">{ UI.compare_title() }</h1>
                // The name is only ever text.
                <p class="lead" data-testid="invited-by">{
                    match &theirs.name { Some(n) => fill(UI.compare_invited_by(), &[("name", n)]), None => UI.compare_invited().to_string() }
                }</p>
                <p>{ UI.compare_blind() }</p>
                <div class="actions">
                    if check_in.in_progress() {
                        <button class="primary" onclick={resume}>{ fill(UI.compare_continue(), &[("done", &number(check_in.answered())), ("total", &number(total))]) }</button>
                    } else {
                        <button class="primary" onclick={start}>{ UI.compare_start() }</button>
                    }
                </div>
            </div>
        };
    }

    // Our side: the result this link was compared with, or else the latest.
    let Some(own) = check_in.compared_result(link) else { return html! {} };
    let mine: SharedResult = link
        .and_then(|l| l.own_code.as_deref())
        .and_then(|c| share::decode(c).ok())
        .unwrap_or_else(|| own.shared(None));
    // The safety response comes first, before the comparison and any link back.
    let response = own.safety();
    // Under the full response every area is set aside: no shared strength or growth area, no
    // talk guide. (Each person's view follows their own answers: the screen never travels.)
    let safety_first = response.sets_aside_every_area();
    let c = compare::compare(&mine, &theirs, BANK.band(BandId::High).min);
    let name_of = |id: &str| BANK.dimension(id).map_or("", |d| d.name);
    let marks = c.rows.iter().map(|row| {
        let set_aside = safety_first && row.mark != Mark::Missing;
        let (key, label) = match row.mark {
            _ if set_aside => ("set-aside", UI.results_set_aside().to_string()),
            Mark::SharedStrength => ("strength", UI.compare_mark_strength().to_string()),
            Mark::SharedGrowth => ("growth", UI.compare_mark_growth().to_string()),
            Mark::Difference(points) => ("difference", fill(UI.compare_mark_difference(), &[("points", &number(points.into()))])),
            Mark::Missing => ("missing", UI.compare_mark_missing().to_string()),
        };
        html! { <li data-area={row.dimension} data-mark={key}><span class="mark-name">{ name_of(row.dimension) }</span>{ " · " }<span class="mark">{ label }</span></li> }
    });
    html! {
        <div class="compare">
            <h1 tabindex="-1">{ UI.compare_title() }</h1>
            { safety_note(response, site.embed) }
            if c.versions_differ { <p class="notice">{ UI.compare_older_version() }</p> }
            <section aria-labelledby="side-heading">
                <h2 id="side-heading">{ UI.compare_chart_heading() }</h2>
                { compare_chart(&c, &partner) }
            </section>
            <section aria-labelledby="marks-heading" class="marks">
                <h2 id="marks-heading">{ UI.compare_marks_heading() }</h2>
                <p>{ UI.compare_marks_lead() }{ " " }{ site_link(site.embed, Route::Page("how-it-works".into()), UI.compare_marks_how()) }</p>
                <ul class="mark-list">{ for marks }</ul>
            </section>
            if !safety_first && !c.shared_priorities.is_empty() {
                <section aria-labelledby="priorities-heading">
                    <h2 id="priorities-heading">{ UI.compare_priorities_heading() }</h2>
                    <ul>{ for c.shared_priorities.iter().map(|id| html! { <li data-priority={*id}>{ name_of(id) }</li> }) }</ul>
                </section>
            }
            if safety_first {
                <p class="talk-set-aside" data-testid="talk-set-aside">{ UI.talk_set_aside() }</p>
            } else {
                { talk_guide(&c, response, site.embed) }
            }
            if !safety_first {
                { plan_offer(check_in, on_page, together_area(&c, &theirs, response), theirs.plan.as_ref().map(|p| p.start_day), true, send) }
            }
            { invite(on_page, send, own, check_in.shared_plan(), UI.compare_send_back_heading(), UI.compare_send_back_lead(), response.cautions_before_sharing()) }
        </div>
    }
}

/// The area suggested to two people: the one the partner's plan is on, if their link holds one;
/// else the topic the talk guide starts with (one a plan may be offered for).
fn together_area(c: &Comparison, theirs: &SharedResult, response: SafetyResponse) -> Option<&'static str> {
    let offered = |id: &&'static str| !BANK.hides_steps(response, id);
    theirs.plan.as_ref().map(|p| p.area).filter(offered).or_else(|| c.topics().into_iter().find(offered))
}

/// A locked link not yet opened in this visit: its passphrase, and nothing of what it holds.
fn unlock(code: &str, locked: Locked, on_page: &OnPage, send: &Send) -> Html {
    let submit = {
        let s = send.clone();
        let code = code.to_string();
        Callback::from(move |passphrase: String| {
            s.emit(Action::Busy);
            let (s, code) = (s.clone(), code.clone());
            crate::web::crypto::open(locked.clone(), passphrase.clone(), move |result| s.emit(Action::Unlocked { code, passphrase, result }));
        })
    };
    html! {
        <div class="compare">
            <h1 tabindex="-1">{ UI.unlock_title() }</h1>
            <p class="lead">{ UI.unlock_lead() }</p>
            { passphrase_form(&on_page.passphrase, send, UI.unlock_stays(), unlock_refused, UI.unlock_open(), UI.unlock_opening(), submit) }
        </div>
    }
}

/// The "talk it through" guide: ground rules, a shared strength to start from, one topic at a
/// time with its prompts (appreciation first), and what to do if one of you does not want to
/// talk. It prints on pages of its own. Under the gentle safety response, the areas the safety
/// screen touches are left out of it.
fn talk_guide(c: &Comparison, response: SafetyResponse, embedded: bool) -> Html {
    let offered = |id: &&'static str| !BANK.hides_steps(response, id);
    let strengths: Vec<&'static str> = c.strengths().into_iter().filter(offered).collect();
    let start = strengths.first().and_then(|id| BANK.dimension(id));
    let mut topics: Vec<&'static str> = c.topics().into_iter().filter(offered).collect();
    let all_strong = topics.is_empty();
    if all_strong {
        topics = strengths.clone();
    }
    let mark_of = |id: &str| c.rows.iter().find(|r| r.dimension == id).map(|r| r.mark);
    let topic = |d: &'static Dimension| {
        let mark = match mark_of(d.id) {
            Some(Mark::Difference(points)) => fill(UI.compare_mark_difference(), &[("points", &number(points.into()))]),
            Some(Mark::SharedStrength) => UI.compare_mark_strength().to_string(),
            _ => UI.compare_mark_growth().to_string(),
        };
        html! {
            <div class="topic" data-area={d.id}>
                <h4>{ d.name }<span class="topic-mark">{ " · " }{ mark }</span></h4>
                <ul class="prompts">
                    <li class="appreciation">{ d.appreciation }</li>
                    { for d.starters.iter().map(|q| html! { <li>{ *q }</li> }) }
                </ul>
            </div>
        }
    };
    html! {
        <section class="talk" aria-labelledby="talk-heading" data-testid="talk">
            <h2 id="talk-heading">{ UI.talk_heading() }</h2>
            <p>{ UI.talk_lead() }</p>
            <h3>{ UI.talk_rules_heading() }</h3>
            <ul class="rules">
                <li>{ UI.talk_rule_time() }</li>
                <li>{ UI.talk_rule_topic() }</li>
                <li>{ UI.talk_rule_speaker() }</li>
                <li>{ UI.talk_rule_listener() }</li>
                <li>{ UI.talk_rule_pause() }</li>
                <li>{ UI.talk_rule_scores() }</li>
                <li>{ UI.talk_rule_verdict() }</li>
            </ul>
            <h3>{ UI.talk_start_heading() }</h3>
            if let Some(d) = start {
                <p data-testid="talk-start" data-area={d.id}>{ fill(UI.talk_start_strength(), &[("name", d.name)]) }{ " " }{ d.appreciation }</p>
            } else {
                <p data-testid="talk-start">{ UI.talk_start_none() }</p>
            }
            <h3>{ UI.talk_topics_heading() }</h3>
            <p>{ if all_strong { UI.talk_topics_all_strong() } else { UI.talk_topics_lead() } }</p>
            { for topics.iter().filter_map(|id| BANK.dimension(id)).map(topic) }
            <h3>{ UI.talk_end_heading() }</h3>
            <p data-testid="talk-end">{ UI.talk_end() }</p>
            <h3>{ UI.talk_not_ready_heading() }</h3>
            <p>{ UI.talk_not_ready() }</p>
            <p class="no-print">{ site_link(embedded, Route::Page("safety".into()), UI.safety_link()) }</p>
        </section>
    }
}
