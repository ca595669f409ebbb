//! A question as a radio group: the fieldset's legend is the statement, each option a real
//! radio with its label. A pointer click chooses and moves on; arrow keys only choose.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AnswerGroupProps {
    /// The radio group's name, unique on the page.
    pub name: AttrValue,
    /// The statement or question: the group's accessible name.
    pub legend: AttrValue,
    pub options: [&'static str; 5],
    pub selected: Option<u8>,
    /// Called with the chosen answer (0–4) and whether to move on.
    pub on_choose: Callback<(u8, bool)>,
    #[prop_or_default]
    pub class: Classes,
}

#[function_component(AnswerGroup)]
pub fn answer_group(props: &AnswerGroupProps) -> Html {
    let options = props.options.iter().enumerate().map(|(n, label)| {
        let value = n as u8;
        let id = format!("{}-{n}", props.name);
        // A click from a pointer has detail ≥ 1; one caused by the keyboard has detail 0.
        let on_click = props.on_choose.reform(move |e: MouseEvent| (value, e.detail() > 0));
        let on_change = props.on_choose.reform(move |_: Event| (value, false));
        html! {
            <div class="option">
                <input type="radio" id={id.clone()} name={props.name.clone()} value={n.to_string()}
                    checked={props.selected == Some(value)} onclick={on_click} onchange={on_change} />
                <label for={id}>
                    <span class="option-key" aria-hidden="true">{ n + 1 }</span>
                    <span class="option-label">{ *label }</span>
                </label>
            </div>
        }
    });
    html! {
        <fieldset class={classes!("answer-group", props.class.clone())} role="radiogroup">
            <legend>{ props.legend.clone() }</legend>
            <div class="options">{ for options }</div>
        </fieldset>
    }
}
