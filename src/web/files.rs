//! Files in and out: downloading text as a file, and reading a file the person picked.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

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

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, text: &str, mime: &str) -> Result<(), FileError> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or(FileError::Refused)?;
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| FileError::Refused)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| FileError::Refused)?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a").map_err(|_| FileError::Refused)?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Reads the first file chosen in a file input as text, then calls `done` once with the text
/// or why it could not be read.
pub fn read_chosen_file(input: &web_sys::HtmlInputElement, max_bytes: f64, done: impl FnOnce(Result<String, FileError>) + 'static) {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return done(Err(FileError::NoFile));
    };
    if file.size() > max_bytes {
        return done(Err(FileError::TooLarge));
    }
    let Ok(reader) = web_sys::FileReader::new() else {
        return done(Err(FileError::Unreadable));
    };
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let on_load = {
        let reader = reader.clone();
        let done = done.clone();
        Closure::once(move || {
            let text = reader.result().ok().and_then(|v| v.as_string());
            if let Some(done) = done.borrow_mut().take() {
                done(text.ok_or(FileError::NotText));
            }
        })
    };
    let on_error = Closure::once(move || {
        if let Some(done) = done.borrow_mut().take() {
            done(Err(FileError::Unreadable));
        }
    });
    reader.set_onload(Some(on_load.as_ref().unchecked_ref()));
    reader.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_load.forget();
    on_error.forget();
    if reader.read_as_text(&file).is_err() {
        // onerror will not fire; nothing else to do but report it.
    }
}
