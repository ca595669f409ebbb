//! Closer in the browser: the Yew app (`app`) and the edge where it meets browser APIs (`web`).
//! The rules it applies (content, scoring, bands, routes) live in the pure `closer_core` crate.

pub mod app;
pub mod web;

/// The content of `content/en`: its shape validated and compiled in by `build.rs`, its words
/// loaded at start from the words file beside the app (`load`).
pub mod content {
    use std::ops::Deref;
    use std::sync::OnceLock;

    include!(concat!(env!("OUT_DIR"), "/content.rs"));

    /// Content made once the words have arrived; the app starts only after that (`crate::start`).
    pub struct Loaded<T>(OnceLock<T>);

    impl<T> Deref for Loaded<T> {
        type Target = T;
        // Not inlined: a call is a smaller read than a check at each of the many uses.
        #[inline(never)]
        fn deref(&self) -> &T {
            self.0.get().expect("the words are loaded before the app starts")
        }
    }

    pub static BANK: Loaded<closer_core::Bank> = Loaded(OnceLock::new());
    pub static UI: Loaded<Ui> = Loaded(OnceLock::new());
    pub static PAGES: Loaded<&'static [closer_core::Page]> = Loaded(OnceLock::new());

    /// Takes in the words file's text. `false`, and nothing changes, if it is not the file this
    /// build was made with (a damaged download, a stale cache, the wrong file).
    pub fn load(text: String) -> bool {
        if closer_core::body_checksum(&text) != WORDS_CHECKSUM {
            return false;
        }
        // Read once per visit and kept for it, as compiled-in words would be.
        let Some(content) = SHAPE.build(text.leak()) else { return false };
        let Ok(ui) = content.ui.try_into() else { return false };
        // A second load (only tests do that) keeps the first: the same build, the same words.
        let _ = (BANK.0.set(content.bank), UI.0.set(Ui(ui)), PAGES.0.set(content.pages));
        true
    }

    /// The words file of this build, for native tests (the app fetches it instead).
    #[cfg(test)]
    pub fn load_for_tests() {
        assert!(load(include_str!(concat!(env!("OUT_DIR"), "/words.txt")).to_string()));
    }

    /// Fills `{name}` placeholders in a string from `ui.toml`, in one pass: a value is never
    /// read again for placeholders (a partner named "{date}" stays "{date}"), and a placeholder
    /// with no value is left as it is.
    pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
        let mut out = String::with_capacity(template.len());
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let named = after.find('}').and_then(|close| {
                values.iter().find(|(name, _)| *name == &after[..close]).map(|(_, value)| (close, value))
            });
            match named {
                Some((close, value)) => {
                    out.push_str(value);
                    rest = &after[close + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    #[cfg(test)]
    mod tests {
        use super::fill;

        #[test]
        fn placeholders_are_filled_once_and_unknown_ones_are_kept() {
            assert_eq!(fill("{name} and {other}, {name}", &[("name", "Sam"), ("other", "Alex")]), "Sam and Alex, Sam");
            assert_eq!(fill("From {name} on {date}", &[("name", "{date}"), ("date", "3 May")]), "From {date} on 3 May");
            assert_eq!(fill("{missing} { {name}} {", &[("name", "Sam")]), "{missing} { Sam} {");
            assert_eq!(fill("no placeholders", &[]), "no placeholders");
        }
    }
}

/// Takes in the words (the page's start-up script asked for them beside the wasm, see
/// `scripts/post-build.mjs`; or else they are fetched now), then mounts the app on the page's
/// `<body>`. Without its words the app cannot show anything: the page around it says so
/// instead, in words of its own (`content/en/shell.toml`).
pub fn start() {
    web::input::watch();
    web::fetch::handed_over_or_text("closerWords", content::WORDS_FILE, |result| {
        if result.is_ok_and(content::load) {
            mount();
        } else {
            web::dom::failed_to_start();
        }
    });
}

/// With the `hydration` feature, a page prerendered for the route the address shows is hydrated
/// (not in embed mode, another layout): its first render is exactly the prerendered state, and
/// storage and the address are taken in right after (`app::App`). Otherwise, and always without
/// the feature, the app is mounted afresh with the person's state, replacing the page's markup
/// (for a first visit, the same markup).
#[cfg(feature = "hydration")]
fn mount() {
    let route = closer_core::route::Route::parse;
    let prerendered = web::dom::prerendered().map(|hash| route(&hash)).filter(|r| *r == web::location::current() && !web::embed::requested());
    match prerendered {
        Some(r) => {
            let props = app::Props { prerendered: Some(app::state::State::prerendered(r)) };
            yew::Renderer::<app::App>::with_props(props).hydrate();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}

#[cfg(not(feature = "hydration"))]
fn mount() {
    yew::Renderer::<app::App>::new().render();
}
