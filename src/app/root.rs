//! The root component: owns the state, listens to the address, and picks the page.

use closer_core::route::Route;
use yew::prelude::*;

use super::components::invite::LINK_ID;
use super::components::layout::{layout, MAIN_ID};
use super::context::Send;
use super::components::notices::dismiss_id;
use super::pages;
use super::persist::{self, Elsewhere};
use super::state::{Action, Closed, Confirming, FocusOn, Keeping, State};
use crate::content::{PAGES, UI};
use crate::web::{clock, dom, location};

/// How the app starts.
#[derive(Properties, PartialEq, Default)]
pub struct Props {
    /// Prerendering a page at build time, natively, with this state (`src/bin/prerender.rs`).
    /// In the browser there is none: the app starts with storage and the address, read at once.
    #[cfg(feature = "ssr")]
    #[prop_or_default]
    pub prerendered: Option<State>,
}

/// The state read at start: storage (read once; reading writes nothing: text found there that
/// could not be read is handed back for the first write, which keeps it as a backup first), the
/// address and embed mode.
fn read_at_start() -> (State, Option<String>) {
    let loaded = persist::load();
    let mut state = State::from_record(location::current(), loaded.record, loaded.keeping, loaded.notices);
    // Read from the address: never written back to it (by the time the first render's effects
    // run, the address may have moved on; the listener below takes that in).
    state.route_from_address = true;
    state.storage.backups = loaded.backups;
    state.site.embed = crate::web::embed::requested();
    // The page was opened with the switch (`?hl=<code>`): the choice is kept with the record.
    if location::asked("hl", crate::content::language().code) {
        state.check_in.language = Some(crate::content::language().code.to_string());
    }
    state.arrive(clock::now_ms());
    (state, loaded.unreadable)
}

#[function_component(App)]
pub fn app(props: &Props) -> Html {
    let unreadable = use_mut_ref(|| None::<String>);
    // Without prerendering (the wasm) there is nothing in the props.
    #[cfg(not(feature = "ssr"))]
    let _ = props;
    let state = use_reducer({
        let unreadable = unreadable.clone();
        #[cfg(feature = "ssr")]
        let prerendered = props.prerendered.clone();
        move || {
            #[cfg(feature = "ssr")]
            if let Some(state) = prerendered {
                return state;
            }
            let (state, text) = read_at_start();
            *unreadable.borrow_mut() = text;
            state
        }
    });

    // Every change to what is kept is written at once (in an effect, never during render). The
    // record last written is remembered, so the same record is never written twice.
    let last_saved = use_mut_ref(|| None::<closer_core::record::Record>);
    {
        let dispatcher = state.dispatcher();
        let record = state.check_in.to_record();
        let keeping = state.storage.keeping;
        use_effect_with((record, keeping), move |(record, keeping)| {
            if *keeping != Keeping::Saved {
                return;
            }
            // Nothing is written over unreadable text before it is kept as a backup.
            let pending = unreadable.borrow_mut().take();
            if let Some(text) = pending {
                if let Err(lost) = persist::keep_backup(&text) {
                    return dispatcher.dispatch(Action::StorageLost(lost));
                }
            }
            if last_saved.borrow().as_ref() != Some(record) {
                match persist::save(record) {
                    Ok(()) => *last_saved.borrow_mut() = Some(record.clone()),
                    Err(lost) => dispatcher.dispatch(Action::StorageLost(lost)),
                }
            }
        });
    }

    // For as long as the app runs: another tab changing the record, the address bar (links, the
    // back button, typed addresses), Shift pressed three times (the quick exit), and, inside
    // another site's page, our height for it.
    {
        let dispatcher = state.dispatcher();
        let embed = state.site.embed;
        // (This effect runs once: the route of the first render is the one read at start.)
        let route_at_start = state.route.clone();
        use_effect_with((), move |_| {
            let from_elsewhere = {
                let dispatcher = dispatcher.clone();
                crate::web::storage::on_change_elsewhere(closer_core::record::STORAGE_KEY, move |text| {
                    match persist::from_other_tab(text) {
                        Elsewhere::Wrote(record) => dispatcher.dispatch(Action::Merge(*record)),
                        Elsewhere::Removed => dispatcher.dispatch(Action::DeletedElsewhere),
                        // A newer Closer's record is never merged into ours, nor overwritten.
                        Elsewhere::Newer => dispatcher.dispatch(Action::StorageLost(Keeping::Newer)),
                        // Unreadable text from elsewhere: keep ours, which will be written again.
                        Elsewhere::Unreadable => {}
                    }
                })
            };
            // Whether the browser keeps what is stored here until it is deleted, for the pages about data.
            {
                let dispatcher = dispatcher.clone();
                crate::web::persistence::check(move |kept| dispatcher.dispatch(Action::Persistent(kept)));
            }
            // A new version of Closer waiting to take over (the start-up script registers the
            // worker that finds it): waiting already, or from now on.
            if crate::web::offline::update_waiting() {
                dispatcher.dispatch(Action::UpdateWaiting);
            }
            let update = {
                let dispatcher = dispatcher.clone();
                crate::web::offline::on_update_waiting(move || dispatcher.dispatch(Action::UpdateWaiting))
            };
            let address = {
                let dispatcher = dispatcher.clone();
                location::on_change(move |route| dispatcher.dispatch(Action::Navigate { route, at_ms: clock::now_ms() }))
            };
            // The address may have changed between its reading at start and this listener: Yew
            // may give the browser a turn between the first render and its effects, and a
            // `hashchange` then finds no listener (a reload followed at once by another address).
            // What was missed is taken in now.
            let now = location::current();
            if now != route_at_start {
                dispatcher.dispatch(Action::Navigate { route: now, at_ms: clock::now_ms() });
            }
            let height = embed.then(crate::web::embed::HeightReporter::start);
            // Shift pressed three times within a few seconds leaves, as the quick exit does.
            let exit = crate::web::exit::on_shift_three_times(UI.safety_exit_to());
            // Running with the person's state: what was done on the prerendered page is handed over.
            crate::web::dom::ready();
            move || drop((from_elsewhere, address, height, update, exit))
        });
    }

    // A route chosen by an action (such as finishing the quiz) is shown in the address bar, the
    // title follows, and each new page starts at the top with focus on its heading.
    {
        let first = use_mut_ref(|| true);
        let from_address = state.route_from_address;
        use_effect_with(state.route.clone(), move |route| {
            // A route that came from the address is already there, or the address has moved on
            // since (two quick changes, back pressed twice): writing it back would undo that.
            if !from_address {
                location::show(route);
            }
            dom::set_title(&document_title(route));
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                dom::scroll_to_top();
                if *route != Route::Quiz {
                    dom::focus_heading(MAIN_ID);
                }
            }
        });
    }

    // The focus follows the state (`State::focus_on`), not lost with the elements it was on: to
    // an element by its id, which the component that renders it exports, or to the page's heading. On
    // the quiz, each new statement takes it: its chosen answer, or else its first option. Not for
    // the first statement the app shows over a prerendered page (`check-in/`) where the person has
    // already put the focus (the start-up script has put it back on the app's same element): the
    // app's start does not take it from them. A question asked before deleting takes it on its
    // safe answer; once closed, it goes back to the button that asked, or after a deletion to the
    // page's heading. A notice dismissed leaves it on the next notice's dismiss button, else on
    // the heading; the passphrase form, once it has done its work, on the locked link it made or
    // on the heading of the page a link opened.
    {
        // (Read at the first render in the browser; when prerendering there is no page to read.)
        let over_prerendered = use_mut_ref(|| !cfg!(feature = "ssr") && state.route == Route::Quiz && dom::body_has("data-prerendered"));
        let focus = state.focus_on();
        let statement = pages::quiz::focus_ids(&state.check_in);
        use_effect_with(focus, move |focus| {
            let focus_or_heading = |id: &str| {
                if !dom::focus_id(&[id]) {
                    dom::focus_heading(MAIN_ID);
                }
            };
            match *focus {
                FocusOn::Unchanged
                | FocusOn::Question(Confirming::Nothing)
                | FocusOn::After(Closed::Nothing | Closed::Kept(Confirming::Nothing), _) => {}
                FocusOn::Statement(_) => {
                    if !(std::mem::replace(&mut *over_prerendered.borrow_mut(), false) && dom::focus_is_somewhere()) {
                        let [chosen, first] = &statement;
                        dom::focus_id(&[chosen, first]);
                    }
                }
                FocusOn::Question(Confirming::DeleteEverything) => { dom::focus_id(&[pages::data::KEEP_ID]); }
                FocusOn::Question(Confirming::DeleteResult { date_ms }) => { dom::focus_id(&[&pages::history::keep_id(date_ms)]); }
                FocusOn::After(Closed::Kept(Confirming::DeleteEverything), _) => focus_or_heading(pages::data::DELETE_ID),
                FocusOn::After(Closed::Kept(Confirming::DeleteResult { date_ms }), _) => {
                    dom::focus_id(&[&pages::history::delete_id(date_ms)]);
                }
                FocusOn::After(Closed::Deleted | Closed::Unlocked, _) => dom::focus_heading(MAIN_ID),
                // The notice that is first now (the next one), else the heading.
                FocusOn::After(Closed::Dismissed, _) => focus_or_heading(&dismiss_id(0)),
                FocusOn::After(Closed::Locked, _) => { dom::focus_id(&[LINK_ID]); }
            }
        });
    }

    // An explainer page's body is fetched when the page opens (or is asked for again), unless
    // it was fetched before in this visit.
    {
        let dispatcher = state.dispatcher();
        let wanted = match &state.route {
            Route::Page(slug) => PAGES.iter().find(|p| p.slug == slug).filter(|p| state.bodies.get(p.file).is_none()),
            _ => None,
        };
        use_effect_with((state.route.clone(), state.bodies.attempt), move |_| {
            if let Some(page) = wanted {
                pages::learn::fetch_body(page, move |action| dispatcher.dispatch(action));
            }
        });
    }

    // The plans' practices and words are fetched when a plan's page opens (or is asked for
    // again), unless they were fetched before in this visit.
    {
        let dispatcher = state.dispatcher();
        let wanted = matches!(state.route, Route::Plan | Route::Recheck) && state.bodies.plans.is_none();
        use_effect_with((state.route.clone(), state.bodies.attempt), move |_| {
            if wanted {
                pages::plan::fetch_texts(move |action| dispatcher.dispatch(action));
            }
        });
    }

    // Every page is a plain function of the parts of the state it reads, and sends actions: each
    // component type costs code of its own in the wasm, and what pages would keep in hooks lives
    // in the state instead (`OnPage`).
    let send: Send = {
        let dispatcher = state.dispatcher();
        Callback::from(move |action| dispatcher.dispatch(action))
    };
    let s = &*state;
    let page = match &s.route {
        Route::Home => pages::home::home(&s.check_in, &send),
        Route::Quiz => pages::quiz::quiz(&s.check_in, &send),
        Route::Review => pages::review::review(&s.check_in, &send),
        Route::Importance => pages::importance::importance(&s.check_in, &s.storage, &send),
        Route::Results => pages::results::results(&s.check_in, &s.page, &s.site, &send),
        Route::Compare(code) => pages::compare::compare(code, &s.check_in, &s.page, &s.site, &send),
        Route::History => pages::history::history(&s.check_in, &s.page, &s.storage, &send),
        Route::Data => pages::data::data_page(&s.check_in, &s.storage, &s.page, &send),
        Route::Learn => pages::learn::contents(&s.site),
        Route::Page(slug) => pages::learn::learn_page(slug, &s.check_in, &s.page, &s.bodies, &s.site, &send),
        Route::Plan => pages::plan::plan_page(&s.check_in, &s.page, &s.bodies, &s.site, clock::today(), &send),
        Route::Recheck => pages::plan::recheck(&s.check_in, &s.page, &s.bodies, &send),
        Route::NotFound(_) => pages::not_found::not_found(),
    };
    layout(s, &send, page)
}

/// The document title of a route.
fn title_of(route: &Route) -> &'static str {
    match route {
        Route::Home => "",
        Route::Quiz => UI.quiz_title(),
        Route::Review => UI.review_title(),
        Route::Importance => UI.importance_title(),
        Route::Results => UI.results_title(),
        Route::History => UI.history_title(),
        Route::Data => UI.data_title(),
        Route::Learn => UI.learn_title(),
        Route::NotFound(_) => UI.not_found_title(),
        Route::Plan | Route::Recheck => UI.plan_nav_plan(),
        Route::Compare(code) if closer_core::share::read(code).is_ok() => UI.compare_title(),
        Route::Compare(_) => UI.compare_error_title(),
        Route::Page(slug) => PAGES.iter().find(|p| p.slug == slug).map_or(UI.not_found_title(), |p| p.title),
    }
}

/// The document title of a route: "Page · Closer", or the site name alone for the start page.
pub fn document_title(route: &Route) -> String {
    full_title(title_of(route))
}

/// "Page · Closer", or the site name alone for the start page.
fn full_title(title: &str) -> String {
    if title.is_empty() {
        UI.site_name().to_string()
    } else {
        [title, " · ", UI.site_name()].concat()
    }
}
