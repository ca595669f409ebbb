//! Pointer or keyboard, in a real browser (headless Chromium through wasm-bindgen-test): the
//! last `pointerdown` or `keydown` decides, wherever on the page it happened.
#![cfg(target_arch = "wasm32")]

use closer::web::input;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn dispatch(kind: &str) {
    let body = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()).expect("a body");
    let event = web_sys::Event::new(kind).expect("an event");
    body.dispatch_event(&event).expect("dispatched");
}

#[wasm_bindgen_test]
fn the_last_pointerdown_or_keydown_decides() {
    input::watch();
    assert!(!input::last_was_pointer(), "before any input, a click is not taken as a pointer's");
    dispatch("pointerdown");
    assert!(input::last_was_pointer());
    // Other events change nothing.
    dispatch("click");
    dispatch("keyup");
    assert!(input::last_was_pointer());
    dispatch("keydown");
    assert!(!input::last_was_pointer());
    dispatch("pointerdown");
    assert!(input::last_was_pointer());
}
