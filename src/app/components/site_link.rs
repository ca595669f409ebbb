//! A link to a page of the full site: in place normally, in a new tab when embedded.

use closer_core::route::Route;
use yew::prelude::*;

use crate::app::root::use_app;
use crate::web::embed;

#[derive(Properties, PartialEq)]
pub struct SiteLinkProps {
    pub to: Route,
    pub children: Html,
    #[prop_or_default]
    pub class: Classes,
}

#[function_component(SiteLink)]
pub fn site_link(props: &SiteLinkProps) -> Html {
    let state = use_app();
    let hash = props.to.to_hash();
    if state.embed {
        html! { <a class={props.class.clone()} href={embed::full_site_url(&hash)} target="_blank" rel="noopener">{ props.children.clone() }</a> }
    } else {
        html! { <a class={props.class.clone()} href={hash}>{ props.children.clone() }</a> }
    }
}
