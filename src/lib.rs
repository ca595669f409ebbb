//! Closer in the browser: the Yew app (`app`) and the edge where it meets browser APIs (`web`).
//! The rules it applies (content, scoring, bands, routes) live in the pure `closer_core` crate.

pub mod app;
pub mod web;

/// The content of `content/en`, validated and compiled in by `build.rs`.
pub mod content {
    include!(concat!(env!("OUT_DIR"), "/content.rs"));

    /// Fills `{name}` placeholders in a string from `ui.toml`.
    pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
        let mut out = template.to_string();
        for (name, value) in values {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }
}

/// Mounts the app on the page's `<body>`.
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
