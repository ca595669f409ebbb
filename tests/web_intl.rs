//! Numbers in every language Closer has, in a real browser (headless Chromium through
//! wasm-bindgen-test): below 1000 the app writes plain digits without asking `Intl`
//! (`content::number`), which holds only while `Intl` writes them the same way.
#![cfg(target_arch = "wasm32")]

use closer::content::LANGUAGES;
use closer::web::intl;
use closer_core::text::decimal;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn below_1000_intl_writes_plain_digits_in_every_language() {
    for language in LANGUAGES {
        for n in (0..1000).step_by(7).chain([1, 44, 100, 999]) {
            assert_eq!(intl::number(language.code, n as f64), decimal(n), "{} in {}", n, language.code);
        }
    }
}

#[wasm_bindgen_test]
fn from_1000_intl_writes_the_number() {
    // English groups thousands; the app hands numbers this large to Intl.
    assert_eq!(intl::number("en", 1234.0), "1,234");
}
