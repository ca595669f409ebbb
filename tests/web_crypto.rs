//! Locked partner links in a real browser's WebCrypto (headless Chromium through
//! wasm-bindgen-test): the known-answer vector that RustCrypto's crates give natively
//! (core/tests/locked.rs) comes out of `crypto.subtle` too, opens, and refuses another passphrase.
#![cfg(target_arch = "wasm32")]

use closer::web::crypto::{self, Refused};
use closer_core::share::{self, known_answer, Link};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn the_vector() -> share::Locked {
    match share::read(known_answer::CODE) {
        Ok(Link::Locked(locked)) => locked,
        other => panic!("the known answer is a locked link: {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn webcrypto_gives_the_known_answer() {
    let code = crypto::lock_with(&known_answer::result(), known_answer::PASSPHRASE, known_answer::SALT, known_answer::IV).await.expect("WebCrypto locks");
    assert_eq!(code, known_answer::CODE);
}

#[wasm_bindgen_test]
async fn webcrypto_opens_the_known_answer_with_its_passphrase_only() {
    assert_eq!(crypto::open_with(&the_vector(), known_answer::PASSPHRASE).await, Ok(known_answer::result()));
    assert_eq!(crypto::open_with(&the_vector(), "correct horse battery stapler").await, Err(Refused::Wrong));
    assert_eq!(crypto::open_with(&the_vector(), "").await, Err(Refused::Wrong));
}

#[wasm_bindgen_test]
async fn the_passphrase_is_read_in_one_unicode_form() {
    // "é" typed as one character or as "e" and a combining accent is the same passphrase.
    let composed = crypto::lock_with(&known_answer::result(), "caf\u{e9}", known_answer::SALT, known_answer::IV).await.unwrap();
    let Ok(Link::Locked(locked)) = share::read(&composed) else { panic!("a locked link") };
    assert_eq!(crypto::open_with(&locked, "cafe\u{301}").await, Ok(known_answer::result()));
}

#[wasm_bindgen_test]
async fn two_locks_of_the_same_result_differ_but_both_open() {
    let (tx, rx) = futures_channel();
    crypto::lock(known_answer::result(), "same words".into(), {
        let tx = tx.clone();
        move |code| tx.borrow_mut().push(code.ok())
    });
    crypto::lock(known_answer::result(), "same words".into(), move |code| tx.borrow_mut().push(code.ok()));
    let codes = until_two(rx).await;
    assert_ne!(codes[0], codes[1], "a fresh salt and IV each time");
    for code in codes {
        let Ok(Link::Locked(locked)) = share::read(&code) else { panic!("a locked link") };
        assert_eq!(crypto::open_with(&locked, "same words").await, Ok(known_answer::result()));
    }
}

type Codes = std::rc::Rc<std::cell::RefCell<Vec<Option<String>>>>;

fn futures_channel() -> (Codes, Codes) {
    let codes = Codes::default();
    (codes.clone(), codes)
}

/// Waits, a macrotask at a time, until both locks have called back.
async fn until_two(codes: Codes) -> Vec<String> {
    loop {
        if codes.borrow().len() == 2 {
            return codes.borrow().iter().map(|c| c.clone().expect("WebCrypto locks")).collect();
        }
        let tick = js_sys::Promise::new(&mut |resolve, _| {
            let _ = web_sys::window().unwrap().set_timeout_with_callback(&resolve);
        });
        wasm_bindgen_futures::JsFuture::from(tick).await.unwrap();
    }
}
