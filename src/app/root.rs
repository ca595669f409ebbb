//! The root component: owns the state, listens to the address, and picks the page.

use closer_core::route::Route;
use yew::prelude::*;

use super::components::layout::Layout;
use super::pages;
use super::persist;
use super::state::{Action, Keeping, State};
use crate::web::{dom, location};

/// What every page receives: the state and a way to change it.
pub type AppContext = UseReducerHandle<State>;

#[function_component(App)]
pub fn app() -> Html {
    // Storage is read once, here, at start.
    let state = use_reducer(|| {
        let loaded = persist::load();
        let mut state = State::from_record(location::current(), loaded.record, loaded.keeping, loaded.notices);
        state.embed = crate::web::embed::requested();
        state
    });

    // Inside another site's page, tell it our height whenever it changes.
    use_effect_with(state.embed, |embed| {
        let reporter = embed.then(crate::web::embed::HeightReporter::start);
        move || drop(reporter)
    });

    // Every change to what is kept is written at once (never during render). The text last
    // written is remembered, so the same record is never written twice.
    let last_text = use_mut_ref(String::new);
    {
        let dispatcher = state.dispatcher();
        let last_text = last_text.clone();
        let record = state.to_record();
        let keeping = state.keeping;
        use_effect_with((record, keeping), move |(record, keeping)| {
            if *keeping == Keeping::Saved {
                let text = record.to_json();
                if *last_text.borrow() != text {
                    match persist::save(&text) {
                        Ok(()) => *last_text.borrow_mut() = text,
                        Err(lost) => dispatcher.dispatch(Action::StorageLost(lost)),
                    }
                }
            }
        });
    }

    // Another tab changed the record: take its changes in.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = crate::web::storage::on_change_elsewhere(closer_core::record::STORAGE_KEY, move |text| {
                match persist::from_other_tab(text) {
                    Some(Ok(record)) => dispatcher.dispatch(Action::Merge(record)),
                    None => dispatcher.dispatch(Action::DeletedElsewhere),
                    // Unreadable text from elsewhere: keep ours, which will be written again.
                    Some(Err(_)) => {}
                }
            });
            move || drop(listener)
        });
    }

    // The address bar drives the route: links, the back button and typed addresses.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = location::on_change(move |route| dispatcher.dispatch(Action::Navigate(route)));
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
        Route::Results => html! { <pages::results::Results /> },
        Route::Compare(code) => html! { <pages::compare::ComparePage code={code.clone()} /> },
        Route::History => html! { <pages::history::History /> },
        Route::Data => html! { <pages::data::DataPage /> },
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
