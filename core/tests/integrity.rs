//! Subresource Integrity of the files the build writes beside the app: each is fetched with
//! `integrity="sha384-…"`, the words file with the value the start-up script has from the build,
//! the page bodies and the plans file with the values at the words file's end.
#![cfg(feature = "parse")]
#![allow(clippy::disallowed_macros)] // build-time code or tests: never in the wasm

use std::path::{Path, PathBuf};
use std::process::Command;

use closer_core::codegen::integrity;
use closer_core::parse;

/// As browsers and `openssl dgst -sha384 -binary | base64` write it (these from Node's crypto,
/// which the post-build uses for the glue's and the stylesheet's integrity).
#[test]
fn integrity_is_sha384_in_base64_after_its_prefix() {
    assert_eq!(integrity(b""), "sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb");
    assert_eq!(integrity(b"abc"), "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn");
    assert_eq!(integrity(b"a\n"), "sha384-knsvA5XkzjJvSrdZx1ql/DmffWwwN7LetAlSecp87TynD2jzV0FIaA/FLWwVvIkU");
    use sha2::{Digest, Sha384};
    for text in ["", "a", "ab", "abc", "Closer\nCerca", "¿Qué?"] {
        let value = integrity(text.as_bytes());
        let digest = value.strip_prefix("sha384-").unwrap();
        assert_eq!(digest.len(), 64, "48 bytes in base64, no padding needed");
        assert_eq!(decode_base64(digest), Sha384::digest(text.as_bytes()).to_vec(), "{text:?}");
    }
}

/// Standard base64 read back, written here apart from the codegen's encoder.
fn decode_base64(text: &str) -> Vec<u8> {
    const ALPHABET: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let bits: String = text.trim_end_matches('=').chars().map(|c| format!("{:06b}", ALPHABET.find(c).unwrap())).collect();
    bits.as_bytes().chunks_exact(8).map(|b| u8::from_str_radix(std::str::from_utf8(b).unwrap(), 2).unwrap()).collect()
}

fn content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../content")
}

/// What `export-content` writes (the build runs it), read back from the disk: every file's
/// integrity is that of its bytes; each words file ends with its pages' and plans file's.
#[test]
fn each_file_written_is_named_in_a_words_file_by_the_integrity_of_its_bytes() {
    let out = std::env::temp_dir().join(format!("closer-integrity-{}", std::process::id()));
    let status = Command::new(env!("CARGO_BIN_EXE_export-content")).arg(content()).arg(&out).status().unwrap();
    assert!(status.success());
    let languages = parse::languages(&content()).unwrap_or_else(|e| panic!("{e}"));
    let refs: Vec<(&str, &parse::Language)> = languages.iter().map(|(code, l)| (code.as_str(), l)).collect();
    let generated = closer_core::codegen::languages(&refs).unwrap_or_else(|e| panic!("{e}"));
    let written = |name: &str| std::fs::read(out.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    for (((code, lang), words), plans) in languages.iter().zip(&generated.words).zip(&generated.plans) {
        let words_bytes = written(&words.name);
        assert_eq!(words.integrity, integrity(&words_bytes), "{code}");
        assert_eq!(plans.integrity, integrity(&written(&plans.name)), "{code}");
        let text = String::from_utf8(words_bytes).unwrap();
        let lines: Vec<&str> = text.split('\n').collect();
        let trailer = &lines[lines.len() - lang.pages.len() - 1..];
        let expected: Vec<String> = lang.pages.iter().map(|p| integrity(&written(p.page.file))).chain([integrity(&written(&plans.name))]).collect();
        assert_eq!(trailer, expected, "{code}: each page's body in order, then the plans file");
        for p in &lang.pages {
            assert_eq!(p.page.integrity, integrity(&written(p.page.file)), "{code}: {}", p.page.slug);
        }
    }
    std::fs::remove_dir_all(&out).unwrap();
}
