//! The app's pages as addresses in the URL fragment (`#/…`), so any static host serves every
//! page without rewrite rules. Parsing is pure and total: any string gives a route.

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Route {
    #[default]
    Home,
    Quiz,
    Review,
    Importance,
    Results,
    /// The explainer's contents page.
    Learn,
    /// One explainer page, by slug.
    Page(String),
    History,
    Data,
    /// A partner link; the code is only ever treated as data.
    Compare(String),
    /// The two-week plan: choosing an area, the practices, the days ticked, the calendar file.
    Plan,
    /// The plan's re-check: its area's statements and the safety screen again.
    Recheck,
    NotFound(String),
}

impl Route {
    /// Reads a `location.hash` such as `#/learn/safety`. Query-like tails (`?x`) are ignored.
    pub fn parse(hash: &str) -> Route {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        let path = path.split('?').next().unwrap_or("");
        let path = path.trim_start_matches('/').trim_end_matches('/');
        let mut parts = path.splitn(2, '/');
        let head = parts.next().unwrap_or("");
        let rest = parts.next();
        match (head, rest) {
            ("", None) => Route::Home,
            ("quiz", None) => Route::Quiz,
            ("review", None) => Route::Review,
            ("importance", None) => Route::Importance,
            ("results", None) => Route::Results,
            ("learn", None) => Route::Learn,
            ("learn", Some(slug)) if is_slug(slug) => Route::Page(slug.to_string()),
            ("history", None) => Route::History,
            ("data", None) => Route::Data,
            ("compare", Some(code)) if !code.is_empty() => Route::Compare(code.to_string()),
            ("plan", None) => Route::Plan,
            ("plan", Some("recheck")) => Route::Recheck,
            _ => Route::NotFound(path.to_string()),
        }
    }

    /// The fragment that leads to this route, starting with `#/`.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::Quiz => "#/quiz".into(),
            Route::Review => "#/review".into(),
            Route::Importance => "#/importance".into(),
            Route::Results => "#/results".into(),
            Route::Learn => "#/learn".into(),
            Route::Page(slug) => ["#/learn/", slug].concat(),
            Route::History => "#/history".into(),
            Route::Data => "#/data".into(),
            Route::Compare(code) => ["#/compare/", code].concat(),
            Route::Plan => "#/plan".into(),
            Route::Recheck => "#/plan/recheck".into(),
            Route::NotFound(path) => ["#/", path].concat(),
        }
    }
}

fn is_slug(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_route_and_round_trips() {
        for route in [
            Route::Home,
            Route::Quiz,
            Route::Review,
            Route::Importance,
            Route::Results,
            Route::Learn,
            Route::Page("safety".into()),
            Route::History,
            Route::Data,
            Route::Compare("AbC-_9".into()),
            Route::Plan,
            Route::Recheck,
        ] {
            assert_eq!(Route::parse(&route.to_hash()), route);
        }
    }

    #[test]
    fn empty_and_odd_fragments_are_handled() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#"), Route::Home);
        assert_eq!(Route::parse("#/quiz/"), Route::Quiz);
        assert_eq!(Route::parse("#/learn/<script>"), Route::NotFound("learn/<script>".into()));
        assert_eq!(Route::parse("#/nowhere"), Route::NotFound("nowhere".into()));
    }
}
