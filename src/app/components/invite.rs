//! Making a partner link: what to share, an optional name, the link itself, and what it holds.

use closer_core::route::Route;
use closer_core::share::{self, MAX_NAME_CHARS};
use yew::prelude::*;

use crate::app::root::AppContext;
use crate::app::state::{Action, CompletedResult};
use crate::content::{fill, UI};
use crate::web::{clock, embed, share as sheet};

#[derive(Properties, PartialEq)]
pub struct InviteProps {
    pub state: AppContext,
    pub result: CompletedResult,
    pub heading: AttrValue,
    pub lead: AttrValue,
}

#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Not,
    Yes,
    Selected,
}

#[function_component(Invite)]
pub fn invite(props: &InviteProps) -> Html {
    let state = &props.state;
    let with_answers = use_state(|| false);
    let name = use_state(String::new);
    let copied = use_state(|| Copied::Not);

    let shared = props.result.shared(*with_answers, Some(name.as_str()));
    let link = embed::full_site_url(&Route::Compare(share::encode(&shared)).to_hash());
    let mut holds = if *with_answers { UI.invite_contains_answers.to_string() } else { UI.invite_contains_scores.to_string() };
    if let Some(n) = &shared.name {
        holds = format!("{holds} {}", fill(UI.invite_contains_name, &[("name", n)]));
    }

    let choose = |value: bool| {
        let w = with_answers.clone();
        let c = copied.clone();
        Callback::from(move |_| { w.set(value); c.set(Copied::Not); })
    };
    let on_name = {
        let n = name.clone();
        let c = copied.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                n.set(input.value());
                c.set(Copied::Not);
            }
        })
    };
    let copy = {
        let link = link.clone();
        let copied = copied.clone();
        let s = state.clone();
        Callback::from(move |_| {
            s.dispatch(Action::Shared { date_ms: clock::now_ms() });
            let copied = copied.clone();
            sheet::copy(&link, "invite-link", move |ok| copied.set(if ok { Copied::Yes } else { Copied::Selected }));
        })
    };
    let share_now = {
        let link = link.clone();
        let s = state.clone();
        Callback::from(move |_| {
            s.dispatch(Action::Shared { date_ms: clock::now_ms() });
            sheet::share(UI.invite_share_title, UI.invite_share_text, &link);
        })
    };
    html! {
        <section class="invite no-print" aria-labelledby="invite-heading">
            <h2 id="invite-heading">{ props.heading.clone() }</h2>
            <p>{ props.lead.clone() }</p>
            <fieldset class="invite-choice">
                <legend>{ UI.invite_what_to_share }</legend>
                <div class="choice">
                    <input type="radio" id="share-scores" name="share-what" checked={!*with_answers} onchange={choose(false)} />
                    <label for="share-scores">{ UI.invite_scores_only }</label>
                </div>
                <div class="choice">
                    <input type="radio" id="share-answers" name="share-what" checked={*with_answers} onchange={choose(true)} />
                    <label for="share-answers">{ UI.invite_with_answers }</label>
                </div>
            </fieldset>
            <p class="field">
                <label for="invite-name">{ UI.invite_name_label }</label>
                <input id="invite-name" type="text" autocomplete="given-name" maxlength={MAX_NAME_CHARS.to_string()}
                    value={(*name).clone()} oninput={on_name} aria-describedby="invite-name-hint" />
                <span class="hint" id="invite-name-hint">{ UI.invite_name_hint }</span>
            </p>
            <p class="field">
                <label for="invite-link">{ UI.invite_link_label }</label>
                <input id="invite-link" type="text" readonly=true value={link} aria-describedby="invite-holds" />
            </p>
            <p id="invite-holds" class="invite-holds" data-testid="invite-holds">{ holds }{" "}{ UI.invite_anyone }</p>
            <div class="actions">
                <button class="primary" onclick={copy}>{ UI.invite_copy }</button>
                if sheet::can_share() {
                    <button onclick={share_now}>{ UI.invite_share }</button>
                }
            </div>
            <p class="copy-status" role="status">
                { match *copied { Copied::Not => "", Copied::Yes => UI.invite_copied, Copied::Selected => UI.invite_copy_failed } }
            </p>
        </section>
    }
}
