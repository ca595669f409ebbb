//! Files in and out: downloading text as a file, and reading a file the person picked.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};

/// Why a file could not be read or offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileError {
    NoFile,
    TooLarge,
    NotText,
    Unreadable,
    /// The browser would not make the download.
    Refused,
}

/// How long a download's object URL is kept. Firefox and Safari may start reading it only
/// after `click()` has returned; a minute is far longer than any of them waits.
const KEEP_URL_MS: i32 = 60_000;

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, text: &str, mime: &str) -> Result<(), FileError> {
    let window = web_sys::window().ok_or(FileError::Refused)?;
    let document = window.document().ok_or(FileError::Refused)?;
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| FileError::Refused)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| FileError::Refused)?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a").map_err(|_| FileError::Refused)?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    // Freed later, not now: the browser may not have started reading it yet. (A closure made
    // by `once_into_js` frees itself when called.)
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), KEEP_URL_MS);
    Ok(())
}

/// Reads the first file chosen in the file input that `event` came from as text, empties the
/// input (so the same file can be chosen again), then calls `done` once with the text or why it
/// could not be read.
pub fn read_chosen(event: &web_sys::Event, max_bytes: f64, done: impl FnOnce(Result<String, FileError>) + 'static) {
    let Some(input) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
        return done(Err(FileError::NoFile));
    };
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    let Some(file) = file else { return done(Err(FileError::NoFile)) };
    if file.size() > max_bytes {
        return done(Err(FileError::TooLarge));
    }
    let reading = file.text();
    spawn_local(async move {
        let text = match JsFuture::from(reading).await {
            Ok(text) => text.as_string().ok_or(FileError::NotText),
            Err(_) => Err(FileError::Unreadable),
        };
        done(text);
    });
}
