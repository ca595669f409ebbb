//! Quick exit: leaving Closer at once for a neutral page, by a plain navigation that replaces
//! this page in the back history (`location.replace`, not a fetch). Earlier Closer pages of this
//! visit are still in the tab's history; the start-up script (`scripts/post-build.mjs`) sends
//! anyone who comes back to them with the back button straight on to the same neutral page,
//! using the address this writes to the tab's sessionStorage.

/// The sessionStorage key the start-up script reads.
const KEY: &str = "closer.left";

/// Leaves for `to` now. Inside another site's frame, the whole page leaves where the browser
/// lets it (a click allows it unless the frame is sandboxed); otherwise the frame does.
pub fn leave(to: &str) {
    let Some(window) = web_sys::window() else { return };
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
