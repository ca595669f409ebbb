//! Closer in the browser: the Yew app (`app`) and the edge where it meets browser APIs (`web`).
//! The rules it applies (content, scoring, bands, routes) live in the pure `closer_core` crate.
//!
//! Bad input of any kind is an error, never a panic: outside tests, `unwrap`, `expect` and
//! indexing that can panic are refused by the compiler.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing))]

pub mod app;
pub mod web;

/// The content of `content/`: its shape validated and compiled in by `build.rs` (one shape for
/// every language), the words of the language shown loaded at start from its words file beside
/// the app (`take`). Another language is another visit of the page: the switch reloads it.
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
        // The one `expect` outside tests: nothing renders before `take` has set every `Loaded`
        // (`crate::start` mounts the app only then; the prerender and the tests take the words first).
        #[allow(clippy::expect_used)]
        fn deref(&self) -> &T {
            self.0.get().expect("the words are loaded before the app starts")
        }
    }

    pub static BANK: Loaded<closer_core::Bank> = Loaded(OnceLock::new());
    pub static UI: Loaded<Ui> = Loaded(OnceLock::new());
    pub static PAGES: Loaded<&'static [closer_core::Page]> = Loaded(OnceLock::new());
    /// The language shown: the one whose words file was taken, with its plans file's Subresource
    /// Integrity from the end of that words file (one static rather than two: a `Loaded` of
    /// another type is code of its own in the wasm).
    static SHOWN: Loaded<(&'static closer_core::words::LanguageFiles, &'static str)> = Loaded(OnceLock::new());

    /// The language shown.
    pub fn language() -> &'static closer_core::words::LanguageFiles {
        (*SHOWN).0
    }

    /// Takes in a words file of this build, whichever language's it is, and shows that language
    /// (the start-up script that picked it has set `<html lang>` and the description). The
    /// browser has already checked the file by its Subresource Integrity (the start-up script
    /// fetched it with its integrity from the build; `start` too); its checksum only tells which
    /// language's it is. `false`, and nothing changes, if it is no words file of this build or
    /// does not fit the shape.
    pub fn take(text: String) -> bool {
        let checksum = closer_core::body_checksum(&text);
        let Some(files) = LANGUAGES.iter().find(|l| l.checksum == checksum) else { return false };
        // Read once per visit and kept for it, as compiled-in words would be.
        let Some(content) = SHAPE.build(text.leak(), files.pages) else { return false };
        let Ok(ui) = content.ui.try_into() else { return false };
        // A second load (only tests do that) keeps the first: the same build, the same words.
        let _ = (BANK.0.set(content.bank), UI.0.set(Ui(ui)), PAGES.0.set(content.pages), SHOWN.0.set((files, content.plans_integrity)));
        true
    }

    /// The Subresource Integrity of the plans file of the language shown, which it is fetched
    /// with: the words file taken names it, so the wasm compiles in no hash.
    pub fn plans_integrity() -> &'static str {
        SHOWN.1
    }

    /// A whole number written for the language shown: below 1000 as plain digits, which is what
    /// `Intl` writes for them in every language Closer has (a browser test holds each language
    /// to it: `tests/web_intl.rs`), and above that by the browser's `Intl`. The first number
    /// `Intl` writes in a page costs 15–27 ms at 1× CPU (its number formatter starting), which
    /// was on the way to the first statement ("1 of 44").
    pub fn number(n: usize) -> String {
        if n < 1000 {
            closer_core::text::decimal(n as u64)
        } else {
            crate::web::intl::number(language().code, n as f64)
        }
    }

    /// `one` or `other`, as the language shown says `n` of something (the browser's `Intl`).
    pub fn plural(n: usize, one: &'static str, other: &'static str) -> &'static str {
        if crate::web::intl::is_one(language().code, n as f64) {
            one
        } else {
            other
        }
    }

    /// A date written for the language shown, such as "25 nov 2026".
    pub fn date(ms: u64) -> String {
        crate::web::clock::format_date(language().code, ms)
    }

    /// The English words file of this build, for native tests (the app fetches it instead).
    #[cfg(test)]
    pub fn load_for_tests() {
        let text = include_str!(concat!(env!("OUT_DIR"), "/words-en.txt")).to_string();
        if BANK.0.get().is_none() {
            let content = SHAPE.build(text.leak(), LANGUAGES[0].pages).expect("the English words fit");
            let _ = (BANK.0.set(content.bank), UI.0.set(Ui(content.ui.try_into().expect("every ui text"))), PAGES.0.set(content.pages));
            let _ = SHOWN.0.set((&LANGUAGES[0], content.plans_integrity));
        }
    }

    /// The two-week plans of the language shown (`content/<language>/plans.toml`), with their
    /// page's words: not in the words file, but in a plans file of their own beside the app
    /// (`language().plans_file()`), fetched when a plan's page first opens and taken in by
    /// [`take_plans`]; then kept for the visit.
    #[derive(Debug, PartialEq)]
    pub struct Plans {
        /// The plan page's words: one method per `[words]` key of `plans.toml`.
        pub words: PlanWords,
        /// One per area, in `closer_core::DIMENSION_IDS`'s order.
        pub areas: &'static [closer_core::AreaPlan],
    }

    impl Plans {
        /// The plan for an area, by its id.
        pub fn area(&self, dimension: &str) -> Option<&'static closer_core::AreaPlan> {
            self.areas.iter().find(|a| a.dimension == dimension)
        }
    }

    static PLANS: OnceLock<Plans> = OnceLock::new();

    /// The plans, once taken in ([`take_plans`]) in this visit.
    pub fn plans() -> Option<&'static Plans> {
        PLANS.get()
    }

    /// Takes in the plans file of the language shown, fetched from `language().plans_file()`
    /// with its Subresource Integrity ([`plans_integrity`]: the browser gave only the bytes this
    /// build wrote for that language), and keeps the plans for the visit. `None`, and nothing
    /// changes, if it does not fit the compiled shape.
    pub fn take_plans(text: String) -> Option<&'static Plans> {
        if let Some(taken) = PLANS.get() {
            return Some(taken);
        }
        // Read once per visit and kept for it, as the words file is.
        let content = PLANS_SHAPE.build(text.leak())?;
        let words = PlanWords(content.words.try_into().ok()?);
        Some(PLANS.get_or_init(|| Plans { words, areas: content.areas }))
    }

    /// The English plans file of this build, taken in, for native tests (the app fetches it
    /// instead); the English words too ([`load_for_tests`]).
    #[cfg(test)]
    pub fn load_plans_for_tests() -> &'static Plans {
        load_for_tests();
        take_plans(include_str!(concat!(env!("OUT_DIR"), "/plans-en.txt")).to_string()).expect("the English plans fit")
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
        use super::{fill, load_for_tests, load_plans_for_tests, plans_integrity, take_plans, LANGUAGES};

        #[test]
        fn the_plans_file_of_the_language_shown_is_taken_and_no_other() {
            let plans = load_plans_for_tests();
            assert!(plans.areas.iter().map(|a| a.dimension).eq(closer_core::DIMENSION_IDS), "one plan an area, in order");
            assert!(!plans.words.title().is_empty());
            for a in plans.areas {
                assert_eq!(plans.area(a.dimension), Some(a));
            }
            assert!(take_plans(include_str!(concat!(env!("OUT_DIR"), "/plans-en.txt")).to_string()).is_some(), "the same file again");
            assert_eq!(LANGUAGES.iter().map(|l| l.code).collect::<Vec<_>>(), ["en", "es"]);
        }

        #[test]
        fn the_plans_file_is_fetched_with_the_integrity_the_words_file_names() {
            load_for_tests();
            let value = plans_integrity();
            assert!(value.starts_with("sha384-") && value.len() == 71, "{value}");
            // The one closer-core's build test checks against the plans file's bytes
            // (core/tests/integrity.rs); here, that the words taken carried the English one.
            let words = include_str!(concat!(env!("OUT_DIR"), "/words-en.txt"));
            assert_eq!(words.lines().last(), Some(value));
            assert!(crate::content::PAGES.iter().all(|p| p.integrity.starts_with("sha384-") && words.contains(p.integrity)));
        }

        #[test]
        fn placeholders_are_filled_once_and_unknown_ones_are_kept() {
            assert_eq!(fill("{name} and {other}, {name}", &[("name", "Sam"), ("other", "Alex")]), "Sam and Alex, Sam");
            assert_eq!(fill("From {name} on {date}", &[("name", "{date}"), ("date", "3 May")]), "From {date} on 3 May");
            assert_eq!(fill("{missing} { {name}} {", &[("name", "Sam")]), "{missing} { Sam} {");
            assert_eq!(fill("no placeholders", &[]), "no placeholders");
        }
    }
}

/// Takes in the words of the language the page's start-up script chose (the person's saved
/// choice, the embed's `data-lang`, the browser's languages, else English; it asked for them
/// beside the wasm with their integrity, see `startup/main.js`; or else English's are fetched
/// now, with the integrity the start-up script left for them), then mounts
/// the app on the page's `<body>`. Without its words the app cannot show anything: the page
/// around it says so instead, in words of its own (`content/<language>/shell.toml`).
pub fn start() {
    web::input::watch();
    // English's words, should the start-up script have asked for none.
    let Some(english) = content::LANGUAGES.first() else { return web::dom::failed_to_start() };
    web::fetch::handed_over_or_text("closerWords", english.words_file(), "closerEnglishIntegrity", |result| {
        if result.is_ok_and(content::take) {
            mount();
        } else {
            web::dom::failed_to_start();
        }
    });
}

/// The app is mounted afresh with the person's state over the prerendered markup, replacing it
/// (for a first visit, the same markup); what the person did meanwhile, a click or the focus, is
/// handed over by the start-up script (`web::dom::ready`).
fn mount() {
    yew::Renderer::<app::App>::new().render();
}
