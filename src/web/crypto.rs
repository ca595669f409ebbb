//! Locking and opening partner links with the browser's WebCrypto (`crypto.subtle`): AES-256-GCM
//! with a key from PBKDF2-HMAC-SHA256 of the passphrase, a random salt and IV for each link
//! (`crypto.getRandomValues`). The format is framed and read by `closer_core::share` (see its
//! docs); only the cryptography is here. Deriving the key (600,000 rounds) runs inside the
//! browser's crypto, off the page's thread: the promise is awaited with wasm-bindgen-futures, so
//! the page stays usable meanwhile. The passphrase is used here and nowhere else: never stored,
//! never sent.

use closer_core::share::{self, Locked, SharedResult, IV_LEN, LOCKED_ADDITIONAL_DATA, PBKDF2_ITERATIONS, SALT_LEN};
use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{AesGcmParams, AesKeyGenParams, CryptoKey, Pbkdf2Params, SubtleCrypto};

/// Why a passphrase did not lock or open a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// The passphrase is not the one the link was locked with.
    Wrong,
    /// No passphrase to lock with.
    Empty,
    /// This browser offers no WebCrypto here (a page not served over HTTPS), or it failed.
    Unavailable,
}

fn subtle() -> Result<SubtleCrypto, JsValue> {
    let crypto = web_sys::window().ok_or(JsValue::NULL)?.crypto()?;
    // Outside a secure context `crypto.subtle` is undefined.
    let subtle = crypto.subtle();
    if subtle.is_undefined() {
        return Err(JsValue::NULL);
    }
    Ok(subtle)
}

/// The AES-GCM key for `passphrase` (in Unicode form NFC, so the same words typed on two devices
/// give the same key) and `salt`.
async fn key(subtle: &SubtleCrypto, passphrase: &str, salt: &[u8]) -> Result<CryptoKey, JsValue> {
    let normalized = String::from(js_sys::JsString::from(passphrase).normalize("NFC"));
    let raw = Uint8Array::from(normalized.as_bytes());
    let base = JsFuture::from(subtle.import_key_with_str("raw", &raw, "PBKDF2", false, &Array::of1(&"deriveKey".into()))?).await?;
    let params = Pbkdf2Params::new_with_str("PBKDF2", "SHA-256", PBKDF2_ITERATIONS, &Uint8Array::from(salt));
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    let derived = subtle.derive_key_with_object_and_object(&params, &base.unchecked_into(), &AesKeyGenParams::new("AES-GCM", 256), false, &usages)?;
    Ok(JsFuture::from(derived).await?.unchecked_into())
}

fn gcm(iv: &[u8]) -> AesGcmParams {
    let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(iv));
    params.set_additional_data(&Uint8Array::from(&LOCKED_ADDITIONAL_DATA[..]));
    params
}

/// The locked code for `result` with this passphrase, salt and IV.
pub async fn lock_with(result: &SharedResult, passphrase: &str, salt: [u8; SALT_LEN], iv: [u8; IV_LEN]) -> Result<String, JsValue> {
    let subtle = subtle()?;
    let key = key(&subtle, passphrase, &salt).await?;
    let sealed = JsFuture::from(subtle.encrypt_with_object_and_u8_array(&gcm(&iv), &key, &share::plaintext(result))?).await?;
    Ok(Locked { salt, iv, sealed: Uint8Array::new(&sealed).to_vec() }.code())
}

/// What a locked link holds, if `passphrase` opens it.
pub async fn open_with(locked: &Locked, passphrase: &str) -> Result<SharedResult, Refused> {
    let subtle = subtle().map_err(|_| Refused::Unavailable)?;
    let key = key(&subtle, passphrase, &locked.salt).await.map_err(|_| Refused::Unavailable)?;
    let opening = subtle.decrypt_with_object_and_u8_array(&gcm(&locked.iv), &key, &locked.sealed).map_err(|_| Refused::Unavailable)?;
    // The tag does not verify: another passphrase.
    let plain = JsFuture::from(opening).await.map_err(|_| Refused::Wrong)?;
    // Behind a verified tag, only a Closer could have written what is inside.
    share::unlocked(&Uint8Array::new(&plain).to_vec()).map_err(|_| Refused::Unavailable)
}

/// Locks `result` with `passphrase` under a new random salt and IV, then calls `done` with the
/// code, or says why not.
pub fn lock(result: SharedResult, passphrase: String, done: impl FnOnce(Result<String, Refused>) + 'static) {
    if passphrase.is_empty() {
        return done(Err(Refused::Empty));
    }
    let (mut salt, mut iv) = ([0u8; SALT_LEN], [0u8; IV_LEN]);
    let random = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut salt).is_ok() && c.get_random_values_with_u8_array(&mut iv).is_ok());
    if !random {
        return done(Err(Refused::Unavailable));
    }
    spawn_local(async move { done(lock_with(&result, &passphrase, salt, iv).await.map_err(|_| Refused::Unavailable)) });
}

/// Opens `locked` with `passphrase`, then calls `done`.
pub fn open(locked: Locked, passphrase: String, done: impl FnOnce(Result<SharedResult, Refused>) + 'static) {
    spawn_local(async move { done(open_with(&locked, &passphrase).await) });
}
