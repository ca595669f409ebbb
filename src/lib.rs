//! Closer in the browser: the Yew app (`app`) and the edge where it meets browser APIs (`web`).
//! The rules it applies (content, scoring, bands, routes) live in the pure `closer_core` crate.

pub mod app;
pub mod web;

/// The content of `content/`: its shape validated and compiled in by `build.rs` (one shape for
/// every language), the words of the language shown loaded from its words file beside the app
/// (`load`), at start and when the person picks another language.
pub mod content {
    use std::ops::Deref;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::OnceLock;

    include!(concat!(env!("OUT_DIR"), "/content.rs"));

    const LANGUAGE_COUNT: usize = LANGUAGES.len();

    /// The language shown: its place in [`LANGUAGES`].
    static SHOWN: AtomicUsize = AtomicUsize::new(0);

    /// Content made once a language's words have arrived, one for each language; the app starts
    /// only after the first (`crate::start`), and shows the language [`show`]n last.
    pub struct Loaded<T>([OnceLock<T>; LANGUAGE_COUNT]);

    impl<T> Deref for Loaded<T> {
        type Target = T;
        // Not inlined: a call is a smaller read than a check at each of the many uses.
        #[inline(never)]
        fn deref(&self) -> &T {
            self.0[SHOWN.load(Ordering::Relaxed)].get().expect("the words are loaded before they are shown")
        }
    }

    pub static BANK: Loaded<closer_core::Bank> = Loaded([const { OnceLock::new() }; LANGUAGE_COUNT]);
    pub static UI: Loaded<Ui> = Loaded([const { OnceLock::new() }; LANGUAGE_COUNT]);
    pub static PAGES: Loaded<&'static [closer_core::Page]> = Loaded([const { OnceLock::new() }; LANGUAGE_COUNT]);

    /// The language shown.
    pub fn language() -> &'static closer_core::words::LanguageFiles {
        &LANGUAGES[shown()]
    }

    /// The place in [`LANGUAGES`] of the language shown.
    pub fn shown() -> usize {
        SHOWN.load(Ordering::Relaxed)
    }

    /// The place in [`LANGUAGES`] of a language tag such as "es" or "es-MX", if Closer has it.
    pub fn language_index(tag: &str) -> Option<usize> {
        let code = tag.get(..2)?;
        LANGUAGES.iter().position(|l| l.code.eq_ignore_ascii_case(code) && (tag.len() == 2 || tag[2..].starts_with('-')))
    }

    /// Whether language `index`'s words have been taken in.
    pub fn is_loaded(index: usize) -> bool {
        UI.0.get(index).is_some_and(|ui| ui.get().is_some())
    }

    /// Shows language `index` from now on, if its words have been taken in.
    pub fn show(index: usize) -> bool {
        is_loaded(index) && {
            SHOWN.store(index, Ordering::Relaxed);
            true
        }
    }

    /// Takes in language `index`'s words file. `false`, and nothing changes, if it is not the
    /// file this build was made with (a damaged download, a stale cache, the wrong file).
    pub fn load(index: usize, text: String) -> bool {
        let Some(files) = LANGUAGES.get(index) else { return false };
        if closer_core::body_checksum(&text) != files.checksum {
            return false;
        }
        // Read once per visit and kept for it, as compiled-in words would be.
        let Some(content) = SHAPE.build(text.leak(), files.pages) else { return false };
        let Ok(ui) = content.ui.try_into() else { return false };
        // A second load of the same language keeps the first: the same build, the same words.
        let _ = (BANK.0[index].set(content.bank), UI.0[index].set(Ui(ui)), PAGES.0[index].set(content.pages));
        true
    }

    /// A whole number written for the language shown (the browser's `Intl`).
    pub fn number(n: usize) -> String {
        crate::web::intl::number(language().code, n as f64)
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

    /// The words files of this build, for native tests (the app fetches them instead); the
    /// default language is shown.
    #[cfg(test)]
    pub fn load_for_tests() {
        assert!(load(0, include_str!(concat!(env!("OUT_DIR"), "/words-en.txt")).to_string()));
        assert!(load(1, include_str!(concat!(env!("OUT_DIR"), "/words-es.txt")).to_string()));
        assert!(show(0));
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

/// Takes in the words of the language the page's start-up script chose (the person's saved
/// choice, the embed's `data-lang`, the browser's languages, else English; it asked for them
/// beside the wasm, see `scripts/post-build.mjs`; or else they are fetched now), then mounts the
/// app on the page's `<body>`. Without its words the app cannot show anything: the page around
/// it says so instead, in words of its own (`content/<language>/shell.toml`).
pub fn start() {
    web::input::watch();
    let index = web::fetch::handed_over_string("closerLang").and_then(|tag| content::language_index(&tag)).unwrap_or(0);
    web::fetch::handed_over_or_text("closerWords", content::LANGUAGES[index].words_file, move |result| {
        if result.is_ok_and(|text| content::load(index, text)) && content::show(index) {
            web::dom::set_language(content::language().code, content::UI.site_description());
            yew::Renderer::<app::App>::new().render();
        } else {
            web::dom::failed_to_start();
        }
    });
}
