//! The root component: owns the state, listens to the address, and picks the page.

use closer_core::route::Route;
use yew::prelude::*;

use super::components::layout::Layout;
use super::pages;
use super::state::{Action, State};
use crate::web::{dom, location};

/// What every page receives: the state and a way to change it.
pub type AppContext = UseReducerHandle<State>;

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| State { route: location::current(), ..State::default() });

    // The address bar drives the route: links, the back button and typed addresses.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = location::HashListener::new(move |route| dispatcher.dispatch(Action::Navigate(route)));
            move || drop(listener)
        });
    }

    // A route chosen by an action (such as finishing the quiz) is shown in the address bar, and
    // each new page starts at the top with focus on its heading.
    {
        let first = use_mut_ref(|| true);
        use_effect_with(state.route.clone(), move |route| {
            location::show(route);
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                dom::scroll_to_top();
                if *route != Route::Quiz {
                    dom::focus_first(&["main h1"]);
                }
            }
        });
    }

    let page = match &state.route {
        Route::Home => html! { <pages::home::Home /> },
        Route::Quiz => html! { <pages::quiz::Quiz /> },
        Route::Review => html! { <pages::review::Review /> },
        Route::Importance => html! { <pages::importance::ImportancePage /> },
        Route::Results | Route::History | Route::Data | Route::Compare(_) => html! { <pages::results::Results /> },
        Route::Learn => html! { <pages::learn::Contents /> },
        Route::Page(slug) => html! { <pages::learn::LearnPage slug={slug.clone()} /> },
        Route::NotFound(_) => html! { <pages::not_found::NotFound /> },
    };

    html! {
        <ContextProvider<AppContext> context={state}>
            <Layout>{ page }</Layout>
        </ContextProvider<AppContext>>
    }
}

/// The state and dispatcher, for a page or widget.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("every page is rendered inside App")
}

/// Sets the document title for the page being shown.
#[hook]
pub fn use_title(title: &str) {
    let full = if title.is_empty() {
        crate::content::UI.site_name.to_string()
    } else {
        format!("{title} · {}", crate::content::UI.site_name)
    };
    use_effect_with(full, |full| dom::set_title(full));
}
