//! The storage edge in a real browser (headless Chromium through wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use closer::web::storage::{self, StorageError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn what_is_written_reads_back_and_removing_it_leaves_nothing() {
    storage::write("closer.test.a", "{\"hello\":1}").expect("write");
    assert_eq!(storage::read("closer.test.a"), Ok(Some("{\"hello\":1}".to_string())));
    storage::remove("closer.test.a").expect("remove");
    assert_eq!(storage::read("closer.test.a"), Ok(None));
}

#[wasm_bindgen_test]
fn a_key_never_written_reads_as_none() {
    assert_eq!(storage::read("closer.test.never-written"), Ok(None));
}

#[wasm_bindgen_test]
fn a_full_storage_is_reported_as_full_not_a_crash() {
    // Chromium keeps about 5 MB per origin; 6 million characters (12 MB as UTF-16) cannot fit.
    let huge = "x".repeat(6_000_000);
    assert_eq!(storage::write("closer.test.huge", &huge), Err(StorageError::Full));
    assert_eq!(storage::read("closer.test.huge"), Ok(None), "nothing half-written is left behind");
}
