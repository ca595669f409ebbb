//! Closer's pure core.
//!
//! The content model, scoring, bands and the order of the quiz. This crate knows nothing of
//! Yew, web-sys, gloo or storage: it is plain data and functions, tested by `cargo test`.
//! With the `parse` feature it also reads and validates the files in `content/` and splits them
//! into the shape the app compiles in and the words file it loads at start (`words.rs`).
//!
//! Bad input of any kind is an error, never a panic: outside tests, `unwrap`, `expect` and
//! indexing that can panic are refused by the compiler.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing))]

pub mod bounded;
pub mod compare;
pub mod content;
pub mod id_map;
pub mod plan;
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
#[cfg(feature = "parse")]
pub mod plans;

pub use content::*;
pub use plan::{Plan, MAX_PRACTICES, PLAN_DAYS};
pub use scoring::*;
