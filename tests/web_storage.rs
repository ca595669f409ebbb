//! The storage edge in a real browser (headless Chromium through wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use closer::web::storage::{self, StorageError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn what_is_written_reads_back_and_removing_it_leaves_nothing() {
    storage::write_text("closer.test.a", "{\"hello\":1} \u{0} é").expect("write");
    assert_eq!(storage::read("closer.test.a"), Ok(Some("{\"hello\":1} \u{0} é".to_string())), "text is kept byte for byte");
    storage::remove("closer.test.a").expect("remove");
    assert_eq!(storage::read("closer.test.a"), Ok(None));
}

#[wasm_bindgen_test]
fn a_record_is_saved_as_json_through_gloo_storage_and_reads_back() {
    let mut record = closer_core::record::Record::empty();
    record.shared_ms = Some(5);
    storage::save("closer.test.record", &record).expect("save");
    let text = storage::read("closer.test.record").unwrap().expect("stored");
    assert_eq!(text, record.to_json());
    assert_eq!(closer_core::record::Record::from_json(&text), Ok(record));
    storage::remove("closer.test.record").unwrap();
}

#[wasm_bindgen_test]
fn a_key_never_written_reads_as_none() {
    assert_eq!(storage::read("closer.test.never-written"), Ok(None));
}

#[wasm_bindgen_test]
fn a_full_storage_is_reported_as_full_not_a_crash() {
    // Chromium keeps about 5 MB per origin; 6 million characters (12 MB as UTF-16) cannot fit.
    let huge = "x".repeat(6_000_000);
    assert_eq!(storage::write_text("closer.test.huge", &huge), Err(StorageError::Full));
    assert_eq!(storage::save("closer.test.huge", &huge), Err(StorageError::Full), "gloo-storage's error is mapped too");
    assert_eq!(storage::read("closer.test.huge"), Ok(None), "nothing half-written is left behind");
}

fn storage_event(key: Option<&str>, new_value: Option<&str>) -> web_sys::StorageEvent {
    let init = web_sys::StorageEventInit::new();
    init.set_key(key);
    init.set_new_value(new_value);
    web_sys::StorageEvent::new_with_event_init_dict("storage", &init).expect("a storage event")
}

#[wasm_bindgen_test]
fn another_tab_changing_our_key_is_reported_and_other_keys_are_not() {
    use std::cell::RefCell;
    use std::rc::Rc;
    let seen: Rc<RefCell<Vec<Option<String>>>> = Rc::default();
    let listener = {
        let seen = seen.clone();
        storage::on_change_elsewhere("closer.test.key", move |text| seen.borrow_mut().push(text))
    };
    let window = web_sys::window().unwrap();
    window.dispatch_event(&storage_event(Some("closer.test.key"), Some("{\"version\":2}"))).unwrap();
    window.dispatch_event(&storage_event(Some("someone.else"), Some("x"))).unwrap();
    // `localStorage.clear()` in another tab: no key, and ours is gone too.
    window.dispatch_event(&storage_event(None, None)).unwrap();
    assert_eq!(*seen.borrow(), vec![Some("{\"version\":2}".to_string()), None]);
    drop(listener);
    window.dispatch_event(&storage_event(Some("closer.test.key"), Some("later"))).unwrap();
    assert_eq!(seen.borrow().len(), 2, "nothing is reported once the guard is dropped");
}
