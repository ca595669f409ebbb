//! How much each dimension matters to the person, then on to the results.

use yew::prelude::*;

use crate::app::components::answer_group::answer_group;
use crate::app::context::Send;
use crate::app::state::{Action, CheckIn, Storage};
use crate::content::{BANK, UI};
use crate::web::clock;

pub fn importance(check_in: &CheckIn, storage: &Storage, send: &Send) -> Html {
    let groups = BANK.dimensions.iter().map(|d| {
        let s = send.clone();
        let on_choose = Callback::from(move |(value, _): (u8, bool)| s.emit(Action::Rate { dimension: d.id, value }));
        answer_group(&["importance-", d.id].concat(), d.importance_question, &BANK.importance_options,
            check_in.importance.get(d.id).copied(), &on_choose, "importance")
    });
    let finish = {
        let s = send.clone();
        let persistent = storage.persistent;
        Callback::from(move |_| {
            s.emit(Action::Finish { date_ms: clock::now_ms() });
            // Now there is a result worth keeping: ask the browser not to clear it by itself.
            if persistent != Some(true) {
                let s = s.clone();
                crate::web::persistence::ask(move |kept| s.emit(Action::Persistent(kept)));
            }
        })
    };
    html! {
        <div class="importance-page">
            <h1 tabindex="-1">{ UI.importance_title() }</h1>
            <p>{ UI.importance_lead() }</p>
            <div class="importance-form">
                { for groups }
                <div class="actions">
                    <button type="button" class="primary" disabled={check_in.answers.is_empty()} onclick={finish}>{ UI.importance_see_results() }</button>
                    <a class="button" href="#/review">{ UI.importance_back() }</a>
                </div>
            </div>
        </div>
    }
}
