//! The helplines in content/<lang>/helplines.toml: every entry checked against a source, every
//! number well formed, the safety page listing them by country, and a mistake refused at its line.
#![cfg(feature = "parse")]
#![allow(clippy::disallowed_macros)] // build-time code or tests: never in the wasm

use std::path::{Path, PathBuf};

use closer_core::helplines::{self, check_number, check_words, dial, Helplines, Kind};
use closer_core::parse;

fn content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../content")
}

fn file(code: &str) -> Helplines {
    helplines::read(&content().join(code).join("helplines.toml")).unwrap_or_else(|e| panic!("{e}"))
}

fn safety_html(code: &str) -> String {
    let lang = parse::language(&content().join(code)).unwrap_or_else(|e| panic!("{e}"));
    lang.pages.iter().find(|p| p.page.slug == "safety").expect("a safety page").html.to_string()
}

#[test]
fn both_files_parse_and_every_entry_has_a_source_a_date_and_a_well_formed_number() {
    for code in ["en", "es"] {
        let lines = file(code);
        assert!(!lines.entries.is_empty(), "{code}: no helplines");
        for e in &lines.entries {
            let at = format!("{code} line {}: {}", e.line, e.organisation);
            assert!(e.source.starts_with("https://") || e.source.starts_with("http://"), "{at}: source {}", e.source);
            assert_eq!(e.checked.len(), 10, "{at}: checked {}", e.checked);
            assert!(e.phone.is_some() || e.website.is_some(), "{at}: neither a number nor a website");
            for number in [&e.phone, &e.text, &e.whatsapp].into_iter().flatten() {
                assert_eq!(check_number(number), Ok(()), "{at}: {number}");
            }
            if let (Some(words), Some(phone)) = (&e.phone_words, &e.phone) {
                assert_eq!(check_words(words, phone), Ok(()), "{at}: {words}");
            }
            for url in [&e.website, &e.chat].into_iter().flatten() {
                assert!(url.starts_with("https://"), "{at}: {url}");
            }
        }
    }
}

#[test]
fn the_english_list_has_support_by_country_an_international_directory_and_a_line_for_people_who_use_abuse() {
    let lines = file("en");
    let countries = lines.countries(Kind::Support);
    for country in ["United Kingdom", "Ireland", "Canada", "Australia", "New Zealand", "South Africa"] {
        assert!(countries.contains(&country), "no support line for {country}: {countries:?}");
    }
    assert!(lines.entries.iter().any(|e| e.kind == Kind::Support && e.phone.is_none() && e.country == "Anywhere"), "no international directory");
    assert!(!lines.countries(Kind::UsesAbuse).is_empty(), "no line for people who use abuse");
}

#[test]
fn the_safety_page_lists_every_helpline_under_its_country_each_country_once() {
    for code in ["en", "es"] {
        let lines = file(code);
        let html = safety_html(code);
        assert!(!html.contains("{helplines"), "{code}: a marker was left in the page");
        for kind in Kind::ALL {
            let list_start = format!("<ul class=\"helplines\" data-kind=\"{}\">", kind.key());
            for country in lines.countries(kind) {
                let heading = format!("<h3>{country}</h3>\n{list_start}");
                assert_eq!(html.matches(&heading).count(), 1, "{code}: {country} ({}) should head one list", kind.key());
                let start = html.find(&heading).unwrap() + heading.len();
                let list = &html[start..start + html[start..].find("</ul>").unwrap()];
                for e in lines.entries.iter().filter(|e| e.kind == kind && e.country == country) {
                    let name = e.service.as_deref().unwrap_or(&e.organisation);
                    assert!(list.contains(&format!("<strong>{name}</strong>")), "{code}: {name} is not under {country}");
                    if let Some(phone) = &e.phone {
                        assert!(list.contains(&format!("href=\"tel:{}\"", dial(phone))), "{code}: no tel: link for {phone}");
                    }
                    if let Some(site) = &e.website {
                        assert!(list.contains(&format!("href=\"{site}\"")), "{code}: no link to {site}");
                    }
                }
                // Nothing of another country in this country's list.
                for other in lines.entries.iter().filter(|e| e.country != country) {
                    let name = other.service.as_deref().unwrap_or(&other.organisation);
                    if lines.entries.iter().all(|e| e.country != country || e.service.as_deref().unwrap_or(&e.organisation) != name) {
                        assert!(!list.contains(&format!("<strong>{name}</strong>")), "{code}: {name} of {} is listed under {country}", other.country);
                    }
                }
            }
        }
    }
}

#[test]
fn the_safety_page_puts_the_device_note_before_the_helplines_and_ends_with_help_for_people_who_use_abuse() {
    for (code, device, helplines, yourself) in
        [("en", "First, about this device", "Helplines", "If you recognise yourself here"), ("es", "Primero, sobre este dispositivo", "Líneas de ayuda", "Si te reconoces aquí")]
    {
        let html = safety_html(code);
        let at = |h: &str| html.find(&format!("<h2>{h}</h2>")).unwrap_or_else(|| panic!("{code}: no heading {h}"));
        assert!(at(device) < at(helplines) && at(helplines) < at(yourself), "{code}: the order of the sections");
        assert!(at(device) == html.find("<h2>").unwrap(), "{code}: the device note is not the first section");
        assert!(html.find("<ul class=\"helplines\" data-kind=\"support\">").unwrap() > at(helplines));
        if let Some(abuse) = html.find("<ul class=\"helplines\" data-kind=\"uses-abuse\">") {
            assert!(abuse > at(yourself), "{code}: the lines for people who use abuse stand outside their section");
        }
    }
}

const GOOD: &str = r#"
[labels]
call = "Call {number}"
text = "Text {number}"
text_keyword = "Text {keyword} to {number}"
whatsapp = "WhatsApp {number}"
chat = "Chat online"

[[helpline]]
country = "Testland"
kind = "support"
organisation = "A helpline"
phone = "0808 2000 247"
website = "https://example.org"
source = "https://example.org/contact"
checked = "2026-12-07"
"#;

fn refused(text: &str) -> parse::ContentError {
    helplines::from_str(Path::new("content/en/helplines.toml"), text).expect_err("this file should be refused")
}

#[test]
fn a_good_entry_is_read() {
    let lines = helplines::from_str(Path::new("x.toml"), GOOD).unwrap();
    assert_eq!(lines.entries[0].line, 9, "the line of its [[helpline]]");
    assert!(lines.render(Kind::Support).contains("<h3>Testland</h3>"));
    assert!(lines.render(Kind::Support).contains("Call <a href=\"tel:08082000247\">0808 2000 247</a>"));
    assert_eq!(lines.render(Kind::UsesAbuse), "");
}

#[test]
fn a_malformed_entry_is_refused_with_its_file_and_line() {
    let e = refused(&GOOD.replace("0808 2000 247", "0808 CALL NOW"));
    assert_eq!((e.file.as_path(), e.line), (Path::new("content/en/helplines.toml"), 13), "{e}");
    assert!(e.message.contains("phone_words"), "{e}");

    let e = refused(&GOOD.replace("source = \"https://example.org/contact\"\n", ""));
    assert!(e.message.contains("source") && e.line == 9, "{e}");

    let e = refused(&GOOD.replace("website = \"https://example.org\"", "website = \"http://example.org\""));
    assert_eq!(e.line, 14, "{e}");
    assert!(e.message.contains("https://"), "{e}");

    let e = refused(&GOOD.replace("2026-12-07", "7 December"));
    assert_eq!(e.line, 16, "{e}");

    let e = refused(&GOOD.replace("kind = \"support\"", "kind = \"other\""));
    assert_eq!(e.line, 11, "{e}");

    let e = refused(&GOOD.replace("phone = \"0808 2000 247\"", "phone = \"0808  2000\""));
    assert!(e.message.contains("two separators"), "{e}");

    let e = refused(&GOOD.replace("phone = \"0808 2000 247\"\nwebsite = \"https://example.org\"\n", ""));
    assert!(e.message.contains("phone") && e.line == 9, "{e}");

    let e = refused(&GOOD.replace("call = \"Call {number}\"", "call = \"Call\""));
    assert!(e.message.contains("labels.call"), "{e}");
}

#[test]
fn letters_in_a_number_must_spell_it() {
    assert_eq!(check_words("0800 REFUGE", "0800 733 843"), Ok(()));
    assert_eq!(check_words("1800RESPECT", "1800 737 732"), Ok(()), "a letter more than the number is ignored by the network");
    assert_eq!(check_words("800-799-SAFE", "1-800-799-7233"), Ok(()), "a leading 1 left out");
    assert!(check_words("0800 HELPME", "0800 733 843").is_err());
    assert!(check_words("0800 733 843", "0800 733 843").is_err(), "no letters: the number belongs in phone");
    let e = refused(&GOOD.replace("phone = \"0808 2000 247\"", "phone = \"0800 733 843\"\nphone_words = \"0800 REFUSE\""));
    assert_eq!(e.line, 14, "{e}");
}

#[test]
fn short_codes_and_international_numbers_are_numbers() {
    for good in ["016", "155", "1455", "+44 808 2000 247", "1-800-799-7233", "0458 737 732"] {
        assert_eq!(check_number(good), Ok(()), "{good}");
    }
    for bad in ["12", "", "+", "0808-", "08 08 2000 247 123 456 789", "*120*7867#", "0800 REFUGE", "0808 2000 247 (free)"] {
        assert!(check_number(bad).is_err(), "{bad}");
    }
    assert_eq!(dial("+44 808 2000 247"), "+448082000247");
}

#[test]
fn the_marker_is_checked_where_it_stands() {
    let front = "+++\nslug = \"x\"\ntitle = \"X\"\ndescription = \"A page made for a test, with a description long enough to pass.\"\norder = 1\n+++\n";
    let lines = helplines::from_str(Path::new("x.toml"), GOOD).unwrap();
    let page = |body: &str, with: Option<&Helplines>| parse::page_with(Path::new("content/en/pages/x.md"), &format!("{front}{body}"), with);

    let good = page("## Help\n\n{helplines:support}\n\nMore words.\n", Some(&lines)).unwrap();
    assert!(good.html.contains("<h2>Help</h2>\n<h3>Testland</h3>"), "{}", good.html);
    assert!(!good.text.contains("helplines") && !good.text.contains("Testland"), "the list is not prose to measure: {}", good.text);
    assert_eq!(good.page.integrity, closer_core::codegen::integrity(good.html.as_bytes()), "the integrity covers the list");

    let e = page("## Help\n\n{helplines:support}\n", None).expect_err("no helplines for this language");
    assert!(e.message.contains("helplines.toml") && e.line == 9, "{e}");
    let e = page("Intro.\n\n{helplines:support}\n", Some(&lines)).expect_err("not under a ## heading");
    assert!(e.message.contains("`##`") && e.line == 9, "{e}");
    let e = page("## Help\n\n{helplines:everyone}\n", Some(&lines)).expect_err("an unknown kind");
    assert_eq!(e.line, 9, "{e}");
    let e = page("## Help\n\nSee {helplines:support} here.\n", Some(&lines)).expect_err("not a paragraph of its own");
    assert_eq!(e.line, 9, "{e}");
    let e = page("## Help\n\n<b>raw</b>\n", Some(&lines)).expect_err("raw HTML stays refused");
    assert!(e.message.contains("raw HTML"), "{e}");
}
