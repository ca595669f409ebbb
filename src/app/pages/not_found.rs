use yew::prelude::*;

use crate::content::UI;

pub fn not_found() -> Html {
    html! {
        <div>
            <h1 tabindex="-1">{ UI.not_found_title() }</h1>
            <p>{ UI.not_found_body() }</p>
            <p><a href="#/">{ UI.not_found_home() }</a></p>
        </div>
    }
}
