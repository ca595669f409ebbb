//! Helplines as data: `content/<lang>/helplines.toml`, read and checked at build time and written
//! into the safety page's body where a line `{helplines:<kind>}` stands (see `parse::page_with`).
//! Every entry names the organisation's own page its number was read on (`source`) and the day
//! (`checked`); a number is digits, spaces, hyphens and a leading +, and letters only in
//! `phone_words`, which must spell the same number on a phone's keypad. The list costs the wasm
//! nothing: it is part of the page body, fetched when the page opens.
#![allow(clippy::disallowed_macros)] // build-time code or tests: never in the wasm

use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::parse::ContentError;

/// Who a line is for: people who are hurt or afraid, or people who see abusive or controlling
/// behaviour in themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Support,
    UsesAbuse,
}

impl Kind {
    pub const ALL: [Kind; 2] = [Kind::Support, Kind::UsesAbuse];

    pub fn key(self) -> &'static str {
        match self {
            Kind::Support => "support",
            Kind::UsesAbuse => "uses-abuse",
        }
    }

    pub fn from_key(key: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The line in a page that the build replaces with the list of this kind.
    pub fn marker(self) -> String {
        format!("{{helplines:{}}}", self.key())
    }
}

/// One helpline, as checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Helpline {
    pub country: String,
    pub kind: Kind,
    /// The line's own name, when it has one ("National Domestic Abuse Helpline").
    pub service: Option<String>,
    pub organisation: String,
    /// As the organisation writes it; digits, spaces, hyphens and a leading +.
    pub phone: Option<String>,
    /// The number in letters, as the organisation writes it ("0800 REFUGE").
    pub phone_words: Option<String>,
    pub text: Option<String>,
    pub text_keyword: Option<String>,
    pub whatsapp: Option<String>,
    pub chat: Option<String>,
    pub website: Option<String>,
    pub note: Option<String>,
    /// The organisation's own page the number was read on.
    pub source: String,
    /// The day it was read there, `YYYY-MM-DD`.
    pub checked: String,
    /// The line of the entry's `[[helpline]]` in its file.
    pub line: usize,
}

/// A language's helplines and the words around them.
#[derive(Debug, Clone, PartialEq)]
pub struct Helplines {
    pub labels: Labels,
    pub entries: Vec<Helpline>,
}

/// Words of the rendered list, each with `{number}` (and `{keyword}` in `text_keyword`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    pub call: String,
    pub text: String,
    pub text_keyword: String,
    pub whatsapp: String,
    pub chat: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    labels: Spanned<Labels>,
    helpline: Vec<Spanned<Entry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    country: Spanned<String>,
    kind: Spanned<String>,
    #[serde(default)]
    service: Option<Spanned<String>>,
    organisation: Spanned<String>,
    #[serde(default)]
    phone: Option<Spanned<String>>,
    #[serde(default)]
    phone_words: Option<Spanned<String>>,
    #[serde(default)]
    text: Option<Spanned<String>>,
    #[serde(default)]
    text_keyword: Option<Spanned<String>>,
    #[serde(default)]
    whatsapp: Option<Spanned<String>>,
    #[serde(default)]
    chat: Option<Spanned<String>>,
    #[serde(default)]
    website: Option<Spanned<String>>,
    #[serde(default)]
    note: Option<Spanned<String>>,
    source: Spanned<String>,
    checked: Spanned<String>,
}

fn at(path: &Path, raw: &str, span: Range<usize>, message: impl Into<String>) -> ContentError {
    let before = &raw[..span.start.min(raw.len())];
    ContentError {
        file: path.to_path_buf(),
        line: before.matches('\n').count() + 1,
        column: before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1,
        message: message.into(),
    }
}

/// Reads and checks a `helplines.toml`.
pub fn read(path: &Path) -> Result<Helplines, ContentError> {
    let raw = std::fs::read_to_string(path)
        .map_err(|e| ContentError { file: path.to_path_buf(), line: 0, column: 0, message: format!("cannot read the file: {e}") })?;
    from_str(path, &raw)
}

/// Checks helplines text; `path` names it in errors.
pub fn from_str(path: &Path, raw: &str) -> Result<Helplines, ContentError> {
    let file: File = toml::from_str(raw).map_err(|e| at(path, raw, e.span().unwrap_or(0..0), e.message().trim()))?;
    let err = |span: Range<usize>, message: String| at(path, raw, span, message);

    let labels = file.labels.get_ref().clone();
    for (name, value, wanted) in [
        ("call", &labels.call, &["number"][..]),
        ("text", &labels.text, &["number"]),
        ("text_keyword", &labels.text_keyword, &["keyword", "number"]),
        ("whatsapp", &labels.whatsapp, &["number"]),
        ("chat", &labels.chat, &[]),
    ] {
        let mut found: Vec<&str> = value.split('{').skip(1).filter_map(|r| r.split_once('}').map(|(n, _)| n)).collect();
        found.sort_unstable();
        if value.trim().is_empty() || found != wanted {
            let list = if wanted.is_empty() { "no placeholder".to_string() } else { format!("{{{}}}", wanted.join("}, {")) };
            return Err(err(file.labels.span(), format!("`labels.{name}` needs {list}, and words")));
        }
    }

    let mut entries = Vec::new();
    for spanned in &file.helpline {
        let e = spanned.get_ref();
        let line = at(path, raw, spanned.span(), "").line;
        let words = |field: &str, v: &Spanned<String>| -> Result<String, ContentError> {
            let t = v.get_ref().trim();
            if t.is_empty() {
                return Err(err(v.span(), format!("`{field}` is empty")));
            }
            if t.contains(['\n', '\r', '<', '>']) {
                return Err(err(v.span(), format!("`{field}` has a line break or a < or >: write plain words on one line")));
            }
            Ok(t.to_string())
        };
        let opt_words = |field: &str, v: &Option<Spanned<String>>| v.as_ref().map(|v| words(field, v)).transpose();
        let number = |field: &str, v: &Option<Spanned<String>>| -> Result<Option<String>, ContentError> {
            let Some(v) = v else { return Ok(None) };
            check_number(v.get_ref()).map_err(|why| err(v.span(), format!("`{field}` \"{}\" {why}", v.get_ref())))?;
            Ok(Some(v.get_ref().clone()))
        };
        let url = |field: &str, v: &Option<Spanned<String>>, schemes: &[&str]| -> Result<Option<String>, ContentError> {
            let Some(v) = v else { return Ok(None) };
            check_url(v.get_ref(), schemes).map_err(|why| err(v.span(), format!("`{field}` \"{}\" {why}", v.get_ref())))?;
            Ok(Some(v.get_ref().clone()))
        };

        let kind = Kind::from_key(e.kind.get_ref())
            .ok_or_else(|| err(e.kind.span(), format!("`kind` must be \"support\" or \"uses-abuse\", found \"{}\"", e.kind.get_ref())))?;
        let phone = number("phone", &e.phone)?;
        let phone_words = opt_words("phone_words", &e.phone_words)?;
        if let Some(w) = &e.phone_words {
            let Some(p) = &phone else { return Err(err(w.span(), "`phone_words` needs the `phone` it spells".into())) };
            check_words(w.get_ref(), p).map_err(|why| err(w.span(), format!("`phone_words` \"{}\" {why}", w.get_ref())))?;
        }
        let text = number("text", &e.text)?;
        let text_keyword = opt_words("text_keyword", &e.text_keyword)?;
        if let Some(k) = &e.text_keyword {
            if text.is_none() || !k.get_ref().chars().all(|c| c.is_alphanumeric()) {
                return Err(err(k.span(), "`text_keyword` is one word to send, and needs a `text` number".into()));
            }
        }
        let whatsapp = number("whatsapp", &e.whatsapp)?;
        let chat = url("chat", &e.chat, &["https://"])?;
        let website = url("website", &e.website, &["https://"])?;
        // The address exactly as it was read; an http one is kept as it was (it is never a link).
        let source = url("source", &Some(e.source.clone()), &["https://", "http://"])?.unwrap_or_default();
        let checked = e.checked.get_ref().clone();
        if !is_date(&checked) {
            return Err(err(e.checked.span(), format!("`checked` \"{checked}\" is not a date written YYYY-MM-DD")));
        }
        if phone.is_none() && website.is_none() {
            return Err(err(spanned.span(), "a helpline needs a `phone` or, for a directory, a `website`".into()));
        }
        entries.push(Helpline {
            country: words("country", &e.country)?,
            kind,
            service: opt_words("service", &e.service)?,
            organisation: words("organisation", &e.organisation)?,
            phone,
            phone_words,
            text,
            text_keyword,
            whatsapp,
            chat,
            website,
            note: opt_words("note", &e.note)?,
            source,
            checked,
            line,
        });
    }
    if entries.is_empty() {
        return Err(ContentError { file: path.to_path_buf(), line: 1, column: 1, message: "no [[helpline]] in the file".into() });
    }
    Ok(Helplines { labels, entries })
}

/// A number as an organisation publishes it: digits in groups split by single spaces or hyphens,
/// an optional leading +, 3 to 15 digits (a short code such as 016 up to a full international
/// number). Letters belong in `phone_words`.
pub fn check_number(s: &str) -> Result<(), &'static str> {
    let body = s.strip_prefix('+').unwrap_or(s);
    if !body.chars().all(|c| c.is_ascii_digit() || c == ' ' || c == '-') {
        return Err("may hold only digits, single spaces or hyphens between them, and a leading +; write letters in `phone_words`");
    }
    if body.is_empty() || !body.starts_with(|c: char| c.is_ascii_digit()) || !body.ends_with(|c: char| c.is_ascii_digit()) {
        return Err("must start (after an optional +) and end with a digit");
    }
    if body.contains("  ") || body.contains("--") || body.contains(" -") || body.contains("- ") {
        return Err("has two separators in a row");
    }
    let digits = body.chars().filter(char::is_ascii_digit).count();
    if !(3..=15).contains(&digits) {
        return Err("needs 3 to 15 digits");
    }
    Ok(())
}

/// The digits of a number, with its leading + (for a `tel:` address).
pub fn dial(s: &str) -> String {
    let plus = if s.starts_with('+') { "+" } else { "" };
    format!("{plus}{}", s.chars().filter(char::is_ascii_digit).collect::<String>())
}

/// The digit a phone's keypad gives a letter.
fn keypad(c: char) -> Option<char> {
    let pos = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".find(c.to_ascii_uppercase())?;
    b"22233344455566677778889999".get(pos).map(|&digit| char::from(digit))
}

/// Letters are allowed only where the organisation writes its number so ("0800 REFUGE",
/// "1800RESPECT"): on a keypad they must give the same number as `phone`, give or take a letter
/// more at the end (the network ignores it) or a leading 1 or 0 left out.
pub fn check_words(words: &str, phone: &str) -> Result<(), &'static str> {
    if !words.chars().any(|c| c.is_ascii_alphabetic()) {
        return Err("has no letters; the number alone goes in `phone`");
    }
    if !words.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-') {
        return Err("may hold only letters, digits, spaces and hyphens");
    }
    let spelled: String = words.chars().filter_map(|c| if c.is_ascii_digit() { Some(c) } else { keypad(c) }).collect();
    let digits = dial(phone).trim_start_matches('+').to_string();
    let same = spelled == digits
        || (spelled.starts_with(&digits) && spelled.len() <= digits.len() + 2)
        || (digits.ends_with(&spelled) && spelled.len() + 1 >= digits.len());
    if same {
        Ok(())
    } else {
        Err("does not spell the same number as `phone` on a keypad")
    }
}

fn check_url(s: &str, schemes: &[&str]) -> Result<(), String> {
    let Some(rest) = schemes.iter().find_map(|scheme| s.strip_prefix(scheme)) else {
        return Err(format!("must start with {}", schemes.join(" or ")));
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if !host.contains('.') || s.chars().any(|c| c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | '\\')) {
        return Err("is not a whole web address".into());
    }
    Ok(())
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    let number = |range: std::ops::Range<usize>| s.get(range).and_then(|n| n.parse::<u8>().ok()).unwrap_or(0);
    b.len() == 10
        && b.get(4) == Some(&b'-')
        && b.get(7) == Some(&b'-')
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&number(5..7))
        && (1..=31).contains(&number(8..10))
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A website's name as shown: its host without `www.`.
fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    host.strip_prefix("www.").unwrap_or(host)
}

impl Helplines {
    /// The countries with a line of `kind`, in the order the file first names them.
    pub fn countries(&self, kind: Kind) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for e in self.entries.iter().filter(|e| e.kind == kind) {
            if !out.contains(&e.country.as_str()) {
                out.push(&e.country);
            }
        }
        out
    }

    /// The lines of `kind` as markup, grouped by country: an `<h3>` for each country (the list
    /// stands under a `##` heading of the page), then its lines. Phone numbers are `tel:` links.
    pub fn render(&self, kind: Kind) -> String {
        let l = &self.labels;
        let mut html = String::new();
        for country in self.countries(kind) {
            html.push_str(&format!("<h3>{}</h3>\n<ul class=\"helplines\" data-kind=\"{}\">\n", escape(country), kind.key()));
            for e in self.entries.iter().filter(|e| e.kind == kind && e.country == country) {
                let name = match &e.service {
                    Some(service) if *service != e.organisation => format!("<strong>{}</strong> ({})", escape(service), escape(&e.organisation)),
                    _ => format!("<strong>{}</strong>", escape(&e.organisation)),
                };
                let mut ways = Vec::new();
                if let Some(phone) = &e.phone {
                    let shown = match &e.phone_words {
                        Some(words) => format!("{} ({})", escape(words), escape(phone)),
                        None => escape(phone),
                    };
                    ways.push(l.call.replace("{number}", &format!("<a href=\"tel:{}\">{shown}</a>", dial(phone))));
                }
                if let Some(text) = &e.text {
                    let link = format!("<a href=\"sms:{}\">{}</a>", dial(text), escape(text));
                    ways.push(match &e.text_keyword {
                        Some(k) => l.text_keyword.replace("{keyword}", &escape(k)).replace("{number}", &link),
                        None => l.text.replace("{number}", &link),
                    });
                }
                if let Some(w) = &e.whatsapp {
                    ways.push(l.whatsapp.replace("{number}", &escape(w)));
                }
                if let Some(chat) = &e.chat {
                    ways.push(format!("<a href=\"{}\">{}</a>", escape(chat), escape(&l.chat)));
                }
                if let Some(site) = &e.website {
                    ways.push(format!("<a href=\"{}\">{}</a>", escape(site), escape(host(site))));
                }
                let note = e.note.as_ref().map_or(String::new(), |n| format!(" {}", escape(n)));
                html.push_str(&format!("<li>{name}.{note}<br>{}</li>\n", ways.join(" · ")));
            }
            html.push_str("</ul>\n");
        }
        html
    }
}
