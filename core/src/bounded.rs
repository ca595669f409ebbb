//! Caps checked while input is read: a string longer than its cap, or a list or map with more
//! entries than its cap, is refused as soon as the reader reaches it, before anything past it is
//! built. So reading any stored, imported or other-tab record costs at most O(n log n) in its
//! length, whatever it holds (the caps are in `record.rs` and `id_map.rs`).
//!
//! A refusal is a serde error whose message starts with [`OVER_A_CAP`], so that the record can
//! tell "a value out of range" (a cap) from "not the shape of a record" (anything else the
//! reader refuses): serde's errors carry only a message across the reader, whichever it is
//! (serde_json natively, serde-wasm-bindgen in the browser).

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

use crate::text::decimal;

/// The start of the message of an error raised by a cap.
pub const OVER_A_CAP: &str = "over a cap: ";

/// The error a cap raises: `what` says which.
pub fn over_a_cap<E: de::Error>(what: &[&str]) -> E {
    E::custom([&[OVER_A_CAP][..], what].concat().concat())
}

/// A string of at most `N` bytes (UTF-8), refused as it is read when longer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Capped<const N: usize>(pub String);

impl<'de, const N: usize> de::Deserialize<'de> for Capped<N> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Text<const N: usize>;
        impl<const N: usize> Text<N> {
            fn check<E: de::Error>(text: &str) -> Result<(), E> {
                if text.len() > N {
                    return Err(over_a_cap(&["a text of ", &decimal(text.len() as u64), " bytes (at most ", &decimal(N as u64), ")"]));
                }
                Ok(())
            }
        }
        impl<const N: usize> Visitor<'_> for Text<N> {
            type Value = Capped<N>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Capped<N>, E> {
                Text::<N>::check(text)?;
                Ok(Capped(text.to_owned()))
            }
            fn visit_string<E: de::Error>(self, text: String) -> Result<Capped<N>, E> {
                Text::<N>::check(&text)?;
                Ok(Capped(text))
            }
        }
        deserializer.deserialize_string(Text::<N>)
    }
}

/// A string of at most `N` bytes, for `#[serde(deserialize_with = "…")]`.
pub fn string<'de, D: Deserializer<'de>, const N: usize>(deserializer: D) -> Result<String, D::Error> {
    de::Deserialize::deserialize(deserializer).map(|Capped::<N>(text)| text)
}

/// A string of at most `N` bytes or `null`, for `#[serde(deserialize_with = "…")]`.
pub fn optional_string<'de, D: Deserializer<'de>, const N: usize>(deserializer: D) -> Result<Option<String>, D::Error> {
    de::Deserialize::deserialize(deserializer).map(|text: Option<Capped<N>>| text.map(|Capped(text)| text))
}

/// A list of at most `N` items, refused at the item after the `N`th, for
/// `#[serde(deserialize_with = "…")]`.
pub fn list<'de, D: Deserializer<'de>, T: de::Deserialize<'de>, const N: usize>(deserializer: D) -> Result<Vec<T>, D::Error> {
    struct Items<T, const N: usize>(PhantomData<T>);
    impl<'de, T: de::Deserialize<'de>, const N: usize> Visitor<'de> for Items<T, N> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Vec<T>, A::Error> {
            let mut list = Vec::new();
            while let Some(item) = items.next_element()? {
                if list.len() == N {
                    return Err(over_a_cap(&["a list of more than ", &decimal(N as u64), " items"]));
                }
                list.push(item);
            }
            Ok(list)
        }
    }
    deserializer.deserialize_seq(Items::<T, N>(PhantomData))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Sample {
        #[serde(deserialize_with = "string::<_, 3>")]
        name: String,
        #[serde(default, deserialize_with = "optional_string::<_, 3>")]
        other: Option<String>,
        #[serde(default, deserialize_with = "list::<_, _, 2>")]
        items: Vec<u8>,
    }

    fn read(text: &str) -> Result<Sample, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    #[test]
    fn what_is_within_a_cap_is_read() {
        assert_eq!(read(r#"{"name":"abc","other":"d\u00e9","items":[1,2]}"#), Ok(Sample { name: "abc".into(), other: Some("dé".into()), items: vec![1, 2] }));
        assert_eq!(read(r#"{"name":"","other":null}"#), Ok(Sample { name: "".into(), other: None, items: vec![] }));
    }

    #[test]
    fn what_is_over_a_cap_is_refused_with_the_mark() {
        for text in [r#"{"name":"abcd"}"#, r#"{"name":"a","other":"éé"}"#, r#"{"name":"a","items":[1,2,3]}"#] {
            let message = read(text).expect_err(text);
            assert!(message.starts_with(OVER_A_CAP), "{message}");
        }
        // Anything else is not marked.
        for text in [r#"{"name":5}"#, r#"{"name":"a","items":[1,2,300]}"#, r#"{"name":"a","other":[]}"#] {
            let message = read(text).expect_err(text);
            assert!(!message.contains(OVER_A_CAP), "{message}");
        }
    }
}
