//! Addresses: where a link to a route leads from the page being rendered. In the app, a route's
//! fragment (`#/quiz`); from a page prerendered at a real path (an explainer page, read without
//! the app), the real address of that route's page, or of the app's folder with the route. Kept
//! with the route and apart from the state: the state says which page is on screen, this says how
//! to write a link to another one.

use closer_core::route::Route;

/// How the page on screen is rendered, which decides how its links are written: inside another
/// site's page or not, and whether it is a static page of its own. Set once at start (or by the
/// prerender for each page it writes) and never changed by an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Site {
    /// Shown inside another site's page (`?embed=1`).
    pub embed: bool,
    /// Prerendered as a page of its own at a real path (an explainer page, read without the
    /// app): the way from it to the app's folder (`../../`). Its links lead there, and to other
    /// explainer pages by their real paths, instead of to routes in this page's fragment.
    pub static_root: Option<&'static str>,
}

impl Site {
    /// A link to `route`: its fragment (`#/quiz`), or from a static page, its real address.
    /// (Static pages are made only at build time: the wasm has no need of their links.)
    pub fn href(&self, route: &Route) -> String {
        #[cfg(feature = "ssr")]
        if let Some(root) = self.static_root {
            return static_href(root, route, crate::content::language().code);
        }
        route.to_hash()
    }

    /// A link to the app's page at `hash` (such as `#/quiz`): as it is, or from a static page,
    /// its real address.
    pub fn link(&self, hash: &'static str) -> yew::AttrValue {
        #[cfg(feature = "ssr")]
        if self.static_root.is_some() {
            return self.href(&Route::parse(hash)).into();
        }
        yew::AttrValue::Static(hash)
    }

    /// A link to the page of `route` in language `code`: in the app, this page again with
    /// `?hl=<code>` (keeping embed mode); from a static page, that language's static page.
    pub fn in_language(&self, route: &Route, code: &str) -> String {
        #[cfg(feature = "ssr")]
        if let Some(root) = self.static_root {
            return static_href(root, route, code);
        }
        let search = if self.embed { "?embed=1&hl=" } else { "?hl=" };
        [search, code, &route.to_hash()].concat()
    }

    /// Whether this is a static page of its own (made at build time only).
    pub fn is_static_page(&self) -> bool {
        cfg!(feature = "ssr") && self.static_root.is_some()
    }

    /// Where the static page of `route` lives in the language shown, from the app's folder
    /// (`learn/empathy/`, `es/learn/empathy/`): the one rule the prerender writes files by.
    #[cfg(feature = "ssr")]
    pub fn static_path(route: &Route) -> String {
        static_href("", route, crate::content::language().code)
    }
}

/// The real address of `route` from a static page in language `code`, `root` being the way up
/// to the app's folder: English's explainer pages are at `learn/<slug>/`, another language's at
/// `<code>/learn/<slug>/`; the app's own pages are its routes, opened in that language.
#[cfg(feature = "ssr")]
fn static_href(root: &str, route: &Route, code: &str) -> String {
    let english = crate::content::LANGUAGES.first().is_some_and(|l| l.code == code);
    let folder = if english { String::new() } else { [code, "/"].concat() };
    let hl = if english { String::new() } else { ["?hl=", code].concat() };
    match route {
        // The front page (`index.html`, in English) and the check-in's first statement are
        // prerendered at a real path of their own in every language.
        Route::Home => [root, &folder].concat(),
        Route::Quiz => [root, &folder, "check-in/"].concat(),
        Route::Learn => [root, &folder, "learn/"].concat(),
        Route::Page(slug) => [root, &folder, "learn/", slug, "/"].concat(),
        _ => [root, &hl, &route.to_hash()].concat(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_in_the_app_are_fragments() {
        crate::content::load_for_tests();
        assert_eq!(Site::default().href(&Route::Page("safety".into())), "#/learn/safety");
        assert_eq!(Site::default().in_language(&Route::History, "es"), "?hl=es#/history");
        assert_eq!(Site { embed: true, ..Site::default() }.in_language(&Route::Quiz, "es"), "?embed=1&hl=es#/quiz");
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn links_from_a_static_page_lead_to_real_paths_and_to_the_app_s_folder() {
        crate::content::load_for_tests();
        let page = Site { static_root: Some("../../"), ..Site::default() };
        assert_eq!(page.href(&Route::Page("safety".into())), "../../learn/safety/");
        assert_eq!(page.href(&Route::Learn), "../../learn/");
        assert_eq!(page.href(&Route::Home), "../../");
        assert_eq!(page.href(&Route::Quiz), "../../check-in/");
        assert_eq!(page.href(&Route::Results), "../../#/results");
        // The same page in Spanish is in the Spanish folder, and the app opens in Spanish from there.
        assert_eq!(page.in_language(&Route::Page("safety".into()), "es"), "../../es/learn/safety/");
        assert_eq!(static_href("../../../", &Route::Page("empathy".into()), "es"), "../../../es/learn/empathy/");
        assert_eq!(static_href("../../../", &Route::Quiz, "es"), "../../../es/check-in/");
        assert_eq!(static_href("../../../", &Route::Home, "es"), "../../../es/");
        assert_eq!(static_href("../../../", &Route::History, "es"), "../../../?hl=es#/history");
        assert_eq!(static_href("../../../", &Route::Page("empathy".into()), "en"), "../../../learn/empathy/");
    }
}
