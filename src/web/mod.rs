//! The edge: every browser API the app uses, each behind one small module. Nothing outside
//! `web` reaches web-sys or js-sys: `clippy.toml` disallows their types and methods, and this
//! module alone allows them.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

pub mod clock;
pub mod location;
pub mod share;
pub mod storage;
pub mod dom;
pub mod embed;
pub mod exit;
pub mod fetch;
pub mod json;
pub mod files;
pub mod listener;
pub mod input;
pub mod intl;
pub mod persistence;
pub mod offline;
pub mod crypto;
pub mod qr;
pub mod calendar;
