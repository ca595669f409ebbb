//! An event listener on the window that lives as long as its guard.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Listens for `event` on the window until dropped.
pub struct WindowListener {
    event: &'static str,
    closure: Closure<dyn FnMut(web_sys::Event)>,
}

impl WindowListener {
    pub fn new(event: &'static str, handler: impl FnMut(web_sys::Event) + 'static) -> WindowListener {
        let closure = Closure::<dyn FnMut(web_sys::Event)>::new(handler);
        if let Some(window) = web_sys::window() {
            let _ = window.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
        }
        WindowListener { event, closure }
    }
}

impl Drop for WindowListener {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback(self.event, self.closure.as_ref().unchecked_ref());
        }
    }
}
