use yew::prelude::*;

use crate::app::root::use_title;
use crate::content::UI;

#[function_component(NotFound)]
pub fn not_found() -> Html {
    use_title(UI.not_found_title);
    html! {
        <div>
            <h1 tabindex="-1">{ UI.not_found_title }</h1>
            <p>{ UI.not_found_body }</p>
            <p><a href="#/">{ UI.not_found_home }</a></p>
        </div>
    }
}
