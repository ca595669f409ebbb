//! Locked partner links (format 2): the frame round-trips for any parts; a link locked here
//! with RustCrypto's AES-256-GCM and PBKDF2 (an implementation separate from the browser's
//! WebCrypto, which the app uses) opens with its passphrase and no other; the known-answer vector
//! the browser test also checks; and every way a locked link can be broken is refused without a
//! panic.
#![allow(clippy::disallowed_macros)] // build-time code or tests: never in the wasm

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use closer_core::share::{
    self, decode, encode, known_answer, read, seal, DecodeError, Link, Locked, SharedPlan, SharedResult, IV_LEN, LOCKED_ADDITIONAL_DATA,
    PBKDF2_ITERATIONS, SALT_LEN, TAG_LEN,
};
use proptest::prelude::*;

fn key(passphrase: &str, salt: &[u8; SALT_LEN]) -> Aes256Gcm {
    let mut key = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(passphrase.as_bytes(), salt, PBKDF2_ITERATIONS, &mut key);
    Aes256Gcm::new(&key.into())
}

/// Locks a result as the app's browser code does, with RustCrypto.
fn lock(r: &SharedResult, passphrase: &str, salt: [u8; SALT_LEN], iv: [u8; IV_LEN]) -> String {
    let plain = share::plaintext(r);
    let sealed = key(passphrase, &salt)
        .encrypt(Nonce::from_slice(&iv), Payload { msg: &plain, aad: &LOCKED_ADDITIONAL_DATA })
        .expect("AES-GCM encrypts any length the app uses");
    Locked { salt, iv, sealed }.code()
}

#[derive(Debug, PartialEq)]
enum Opened {
    Result(SharedResult),
    /// The tag did not verify: another passphrase (or altered behind a new checksum).
    Wrong,
    Bad(DecodeError),
    Open,
}

/// Opens a locked link as the app does: read the frame, derive the key, decrypt, read the result.
fn open(code: &str, passphrase: &str) -> Opened {
    let locked = match read(code) {
        Ok(Link::Locked(locked)) => locked,
        Ok(Link::Open(_)) => return Opened::Open,
        Err(e) => return Opened::Bad(e),
    };
    match key(passphrase, &locked.salt).decrypt(Nonce::from_slice(&locked.iv), Payload { msg: &locked.sealed, aad: &LOCKED_ADDITIONAL_DATA }) {
        Ok(plain) => share::unlocked(&plain).map_or_else(Opened::Bad, Opened::Result),
        Err(_) => Opened::Wrong,
    }
}

#[test]
fn the_known_answer_vector() {
    let code = lock(&known_answer::result(), known_answer::PASSPHRASE, known_answer::SALT, known_answer::IV);
    println!("known answer: {code}");
    assert_eq!(code, known_answer::CODE);
    assert_eq!(open(known_answer::CODE, known_answer::PASSPHRASE), Opened::Result(known_answer::result()));
    assert_eq!(
        code.len(),
        encode(&known_answer::result()).len() + 64,
        "a locked link is 48 bytes (64 characters) longer than the open one"
    );
}

#[test]
fn a_wrong_passphrase_is_refused_as_wrong_not_as_damage() {
    for wrong in ["", "correct horse battery stapl", "Correct horse battery staple", "correct horse battery staple "] {
        assert_eq!(open(known_answer::CODE, wrong), Opened::Wrong, "{wrong:?}");
    }
}

#[test]
fn a_cut_locked_link_is_refused_before_any_key_is_derived() {
    for len in 0..known_answer::CODE.len() {
        let cut = &known_answer::CODE[..len];
        let error = read(cut).expect_err(cut);
        assert!(
            matches!(error, DecodeError::Empty | DecodeError::Truncated | DecodeError::ChecksumMismatch),
            "{len}: {error:?}"
        );
        assert_ne!(error.key(), "invalid", "a cut link says it is incomplete or altered");
    }
}

#[test]
fn every_altered_character_is_refused_as_altered() {
    let code = known_answer::CODE.as_bytes();
    for at in 0..code.len() {
        for replacement in [b'A', b'z', b'-', b'7'] {
            if code[at] == replacement {
                continue;
            }
            let mut altered = code.to_vec();
            altered[at] = replacement;
            let altered = String::from_utf8(altered).unwrap();
            assert_eq!(read(&altered).map_err(|e| e.key()), Err("altered"), "{at}");
        }
    }
}

#[test]
fn ciphertext_altered_behind_a_new_checksum_is_caught_by_the_tag() {
    let Ok(Link::Locked(locked)) = read(known_answer::CODE) else { panic!("the vector is a locked link") };
    for at in 0..locked.sealed.len() {
        let mut altered = locked.clone();
        altered.sealed[at] ^= 0x01;
        assert_eq!(open(&altered.code(), known_answer::PASSPHRASE), Opened::Wrong, "{at}");
    }
    let mut other_salt = locked.clone();
    other_salt.salt[0] ^= 0x80;
    assert_eq!(open(&other_salt.code(), known_answer::PASSPHRASE), Opened::Wrong);
    let mut other_iv = locked;
    other_iv.iv[11] ^= 0x80;
    assert_eq!(open(&other_iv.code(), known_answer::PASSPHRASE), Opened::Wrong);
}

#[test]
fn every_version_byte_is_read_without_a_panic() {
    // A frame as long as a locked link's, under each version byte, with a good checksum.
    let Ok(Link::Locked(locked)) = read(known_answer::CODE) else { panic!("the vector is a locked link") };
    let frame_len = 1 + SALT_LEN + IV_LEN + locked.sealed.len();
    for version in 0..=255u8 {
        let mut frame = vec![0x5A; frame_len];
        frame[0] = version;
        let result = read(&seal(&frame));
        match version {
            0 => assert_eq!(result, Err(DecodeError::UnknownFormat(0))),
            1 | 3 => assert!(matches!(result, Err(DecodeError::Invalid(_) | DecodeError::Truncated)), "{result:?}"),
            2 => assert!(matches!(result, Ok(Link::Locked(_)))),
            v => assert_eq!(result, Err(DecodeError::NewerFormat(v))),
        }
    }
    // A locked frame too short to hold a tag and a result.
    for len in 1..1 + SALT_LEN + IV_LEN + TAG_LEN + 18 {
        let mut frame = vec![0x5A; len];
        frame[0] = 2;
        assert_eq!(read(&seal(&frame)), Err(DecodeError::Truncated), "{len}");
    }
}

#[test]
fn a_locked_link_read_as_an_open_one_says_so() {
    assert_eq!(decode(known_answer::CODE), Err(DecodeError::Locked));
}

#[test]
fn what_opens_must_be_an_open_result_with_a_good_checksum() {
    let plain = share::plaintext(&known_answer::result());
    assert_eq!(share::unlocked(&plain), Ok(known_answer::result()));
    let mut bad_checksum = plain.clone();
    *bad_checksum.last_mut().unwrap() ^= 1;
    assert_eq!(share::unlocked(&bad_checksum), Err(DecodeError::Invalid("locked result")));
    // A locked link inside a locked link is refused.
    let mut nested = plain;
    nested[0] = 2;
    assert_eq!(share::unlocked(&nested), Err(DecodeError::Invalid("locked result")));
    assert_eq!(share::unlocked(&[]), Err(DecodeError::Invalid("locked result")));
    // A result with a plan (format 3) opens with its plan.
    let with_plan = known_answer::result().with_plan(Some(SharedPlan { area: "security", start_day: 20_794 }));
    let plain = share::plaintext(&with_plan);
    assert_eq!(plain[0], 3);
    assert_eq!(share::unlocked(&plain), Ok(with_plan));
    // A newer open format inside is refused as well.
    let mut newer = plain;
    newer[0] = 4;
    assert_eq!(share::unlocked(&newer), Err(DecodeError::Invalid("locked result")));
}

#[test]
fn a_locked_link_with_a_plan_opens_to_it() {
    let r = known_answer::result().with_plan(Some(SharedPlan { area: "openness", start_day: 20_800 }));
    let code = lock(&r, known_answer::PASSPHRASE, known_answer::SALT, known_answer::IV);
    assert_eq!(code.len(), known_answer::CODE.len() + 6, "four bytes more");
    assert_eq!(open(&code, known_answer::PASSPHRASE), Opened::Result(r));
    assert_eq!(open(&code, "another"), Opened::Wrong);
}

fn any_result() -> impl Strategy<Value = SharedResult> {
    (
        any::<u16>(),
        proptest::array::uniform8(proptest::option::of(0u8..=100)),
        proptest::array::uniform8(proptest::option::of(0u8..=4)),
        proptest::option::of("[a-zA-Zéü😀 ]{0,40}"),
        proptest::option::of((proptest::sample::select(closer_core::DIMENSION_IDS.to_vec()), 0..=closer_core::plan::LATEST_START_DAY)),
    )
        .prop_map(|(content_version, scores, importance, name, plan)| SharedResult {
            content_version,
            scores,
            importance,
            answers: None,
            name: name.as_deref().and_then(share::normalize_name),
            plan: plan.map(|(area, start_day)| SharedPlan { area, start_day }),
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    /// The frame alone: any salt, IV and ciphertext reads back to the same parts, and the code
    /// is the only one for them.
    #[test]
    fn any_locked_frame_round_trips_exactly(
        salt in any::<[u8; SALT_LEN]>(),
        iv in any::<[u8; IV_LEN]>(),
        sealed in proptest::collection::vec(any::<u8>(), TAG_LEN + 18..300),
    ) {
        let locked = Locked { salt, iv, sealed };
        let code = locked.code();
        prop_assert_eq!(read(&code), Ok(Link::Locked(locked)));
    }
}

proptest! {
    // Each case derives two keys at 600,000 rounds.
    #![proptest_config(ProptestConfig { cases: 12, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any result locked with any passphrase opens with that passphrase to the same result, and
    /// not with another.
    #[test]
    fn any_result_and_passphrase_round_trip(
        r in any_result(),
        passphrase in "\\PC{0,30}",
        salt in any::<[u8; SALT_LEN]>(),
        iv in any::<[u8; IV_LEN]>(),
    ) {
        let code = lock(&r, &passphrase, salt, iv);
        prop_assert!(code.len() <= share::MAX_CODE_LEN);
        prop_assert_eq!(open(&code, &passphrase), Opened::Result(r));
        prop_assert_eq!(open(&code, &[&passphrase, "!"].concat()), Opened::Wrong);
    }
}

#[test]
fn the_longest_locked_link_fits_the_length_limit() {
    let r = SharedResult {
        content_version: u16::MAX,
        scores: [Some(100); 8],
        importance: [Some(4); 8],
        answers: Some(vec![Some(4); share::MAX_ANSWERS]),
        name: Some("😀".repeat(30)),
        plan: Some(SharedPlan { area: "physical", start_day: closer_core::plan::LATEST_START_DAY }),
    };
    let code = Locked { salt: [0; SALT_LEN], iv: [0; IV_LEN], sealed: vec![0; share::plaintext(&r).len() + TAG_LEN] }.code();
    println!("longest locked link: {} characters", code.len());
    assert!(code.len() <= share::MAX_CODE_LEN);
    assert!(matches!(read(&code), Ok(Link::Locked(_))));
}
