//! Reading a partner-link code never panics, and whatever it accepts is canonical: encoding the
//! result (an open link) or the parts (a locked link) gives back exactly the code. What a locked
//! link opens to is read by `share::unlocked`, which must never panic either.
//!
//! Each input is tried three times: as the code itself (when it is UTF-8), which exercises the
//! length, alphabet and checksum checks; sealed with a good checksum (`share::seal`), which gets
//! past the checksum to the field parsers, where almost every random code would otherwise stop
//! (the first byte picks the format: mostly 1, open, 3, open with a plan, or 2, locked); and as
//! the bytes a locked link opened to.

#![no_main]

use closer_core::share::{encode, read, seal, unlocked, Link};
use libfuzzer_sys::fuzz_target;

fn check(code: &str) {
    match read(code) {
        Ok(Link::Open(result)) => assert_eq!(encode(&result), code, "accepted an open code that is not canonical"),
        Ok(Link::Locked(locked)) => assert_eq!(locked.code(), code, "accepted a locked code that is not canonical"),
        Err(_) => {}
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(code) = std::str::from_utf8(data) {
        check(code);
    }
    let mut frame = data.to_vec();
    if let Some(version) = frame.first_mut() {
        *version = match *version {
            0..=0x4F => 1,
            0x50..=0x9F => 3,
            0xA0..=0xEF => 2,
            other => other,
        };
    }
    check(&seal(&frame));
    if let Ok(result) = unlocked(data) {
        assert_eq!(closer_core::share::plaintext(&result), data, "opened to bytes that are not canonical");
    }
});
