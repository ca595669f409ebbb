//! What the person typed or pressed: the value of the field an event came from, whether a key
//! was pressed in a field, and whether the last input was a pointer (mouse, pen, finger) or the
//! keyboard.
//!
//! A click on an answer moves on only when a pointer made it; a click the keyboard caused (an
//! arrow key or the space bar on a radio) only chooses. The click's own `detail` cannot tell:
//! WebKit gives the click that a label forwards to its radio `detail` 0, Chromium 1. So we look
//! at what came before the click instead: every engine sends `pointerdown` for a pointer and
//! `keydown` for a key, and they are watched here from the start, before any other handler.

use std::cell::Cell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::events::{InputEvent, KeyboardEvent, TargetCast};

thread_local! {
    static POINTER: Cell<bool> = const { Cell::new(false) };
}

/// Starts watching `pointerdown` and `keydown` on the window (capture phase), for as long as
/// the page lives. Call once, at start.
pub fn watch() {
    let Some(window) = web_sys::window() else { return };
    for (event, pointer) in [("pointerdown", true), ("keydown", false)] {
        let closure = Closure::<dyn FnMut()>::new(move || POINTER.with(|p| p.set(pointer)));
        let _ = window.add_event_listener_with_callback_and_bool(event, closure.as_ref().unchecked_ref(), true);
        closure.forget();
    }
}

/// Whether the last `pointerdown` came after the last `keydown`: a click now is a pointer's.
pub fn last_was_pointer() -> bool {
    POINTER.with(Cell::get)
}

/// The text in the field (`<input>`) an event came from, if it came from one.
pub fn value(event: &InputEvent) -> Option<String> {
    event.target_dyn_into::<web_sys::HtmlInputElement>().map(|input| input.value())
}

/// Whether a key was pressed in a field (`<input>`, such as a radio button).
pub fn in_field(event: &KeyboardEvent) -> bool {
    event.target_dyn_into::<web_sys::HtmlInputElement>().is_some()
}
