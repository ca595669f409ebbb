//! Decoding a partner-link code never panics, and whatever it accepts is canonical: encoding the
//! result gives back exactly the code.
//!
//! Each input is tried twice: as the code itself (when it is UTF-8), which exercises the length,
//! alphabet and checksum checks; and sealed with a good checksum (`share::seal`), which gets past
//! the checksum to the field parser, where almost every random code would otherwise stop.

#![no_main]

use closer_core::share::{decode, encode, seal};
use libfuzzer_sys::fuzz_target;

fn check(code: &str) {
    if let Ok(result) = decode(code) {
        assert_eq!(encode(&result), code, "accepted a code that is not canonical");
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(code) = std::str::from_utf8(data) {
        check(code);
    }
    // Mostly format 1, so the body parser gets most of the work; the first byte picks the version.
    let mut frame = data.to_vec();
    if let Some(version) = frame.first_mut() {
        if *version < 0xF0 {
            *version = 1;
        }
    }
    check(&seal(&frame));
});
