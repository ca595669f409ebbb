//! Quick exit, after GOV.UK's "Exit this page": leaving Closer at once for a neutral page, by
//! its button in the header of every page or by pressing Shift three times within a few seconds.
//! The page is blanked first (nothing of Closer shows while the neutral page loads, nor if the
//! browser later restores this page from its back-forward cache), then replaced by a plain
//! navigation (`location.replace`, not a fetch), so this page's entry in the back history is the
//! neutral page's. Earlier Closer pages of this visit are still in the tab's history; the
//! start-up script (`startup/exit.js`) sends anyone who comes back to them with the back
//! button straight on to the same neutral page, using the address this writes to the tab's
//! sessionStorage. None of this clears the browser's history, and the words say so.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;

use crate::web::listener::WindowListener;

/// The sessionStorage key the start-up script reads (one definition for both).
const KEY: &str = closer_core::record::LEFT_KEY;

/// How many presses of Shift, with no other key between them, leave.
const PRESSES: u32 = 3;
/// Within how long of the first of them (GOV.UK's component allows five seconds).
const WITHIN_MS: f64 = 5_000.0;

/// Hides everything on the page and empties its title, at once. (The `hidden` attribute, not a
/// style attribute, which the page's CSP refuses.)
fn blank(window: &web_sys::Window) {
    let Some(document) = window.document() else { return };
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("hidden", "");
    }
    document.set_title("");
}

/// Leaves for `to` now. Inside another site's frame, the whole page leaves where the browser
/// lets it (a click or a key allows it unless the frame is sandboxed); otherwise the frame,
/// already blank, does.
pub fn leave(to: &str) {
    let Some(window) = web_sys::window() else { return };
    blank(&window);
    if let Ok(Some(session)) = window.session_storage() {
        let _ = session.set_item(KEY, to);
    }
    if let Ok(Some(top)) = window.top() {
        if top.location().replace(to).is_ok() {
            return;
        }
    }
    let _ = window.location().replace(to);
}

/// Counts presses of Shift: the third within [`WITHIN_MS`] of the first, with no other key
/// between them, is a request to leave.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct ShiftPresses {
    count: u32,
    first_ms: f64,
}

impl ShiftPresses {
    /// Takes in one key pressed at `at_ms` (`shift`: whether it was Shift itself; a key held
    /// down and repeating is not pressed again). True when it is time to leave.
    pub fn press(&mut self, shift: bool, at_ms: f64) -> bool {
        if !shift {
            *self = ShiftPresses::default();
            return false;
        }
        if self.count == 0 || at_ms - self.first_ms > WITHIN_MS {
            *self = ShiftPresses { count: 0, first_ms: at_ms };
        }
        self.count += 1;
        if self.count >= PRESSES {
            *self = ShiftPresses::default();
            return true;
        }
        false
    }
}

/// Leaves for `to` when Shift is pressed three times within a few seconds, for as long as the
/// guard lives.
pub fn on_shift_three_times(to: &'static str) -> WindowListener {
    let presses = Rc::new(Cell::new(ShiftPresses::default()));
    WindowListener::new("keydown", move |event| {
        let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
        if key.repeat() {
            return;
        }
        let mut now = presses.get();
        let leave_now = now.press(key.key() == "Shift", event.time_stamp());
        presses.set(now);
        if leave_now {
            leave(to);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::ShiftPresses;

    #[test]
    fn three_shifts_within_five_seconds_leave() {
        let mut p = ShiftPresses::default();
        assert!(!p.press(true, 0.0));
        assert!(!p.press(true, 1_000.0));
        assert!(p.press(true, 4_900.0));
    }

    #[test]
    fn another_key_between_them_or_a_slow_third_does_not() {
        // Typing capitals: Shift, a letter, Shift, a letter, Shift.
        let mut p = ShiftPresses::default();
        for (n, shift) in [true, false, true, false, true].into_iter().enumerate() {
            assert!(!p.press(shift, n as f64 * 100.0));
        }
        let mut p = ShiftPresses::default();
        assert!(!p.press(true, 0.0));
        assert!(!p.press(true, 1_000.0));
        // Too late for the first: this starts a new count, which the next two complete.
        assert!(!p.press(true, 6_000.0));
        assert!(!p.press(true, 6_500.0));
        assert!(p.press(true, 7_000.0));
    }
}
