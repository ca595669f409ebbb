//! A link to a page of the full site: in place normally, in a new tab when embedded.

use closer_core::route::Route;
use yew::prelude::*;

use crate::web::embed;

/// A link to `to`; when `embedded`, to the full site in a new tab.
pub fn site_link(embedded: bool, to: Route, text: &str) -> Html {
    let hash = to.to_hash();
    if embedded {
        html! { <a href={embed::full_site_url(&hash)} target="_blank" rel="noopener">{ text }</a> }
    } else {
        html! { <a href={hash}>{ text }</a> }
    }
}
