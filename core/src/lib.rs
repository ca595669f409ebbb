//! Closer's pure core.
//!
//! The content model, scoring, bands and the order of the quiz. This crate knows nothing of
//! Yew, web-sys, gloo or storage: it is plain data and functions, tested by `cargo test`.
//! With the `parse` feature it also reads and validates the files in `content/` and splits them
//! into the shape the app compiles in and the words file it loads at start (`words.rs`).

pub mod bounded;
pub mod compare;
pub mod content;
pub mod id_map;
pub mod readability;
pub mod record;
pub mod route;
pub mod scoring;
pub mod share;
pub mod text;
pub mod words;

#[cfg(feature = "parse")]
pub mod codegen;
#[cfg(feature = "parse")]
pub mod helplines;
#[cfg(feature = "parse")]
pub mod parse;

pub use content::*;
pub use scoring::*;
