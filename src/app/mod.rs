//! The Yew app: state and reducer (`state`), what pages are handed (`context`), the root
//! component and its effects (`root`, the only component), pages as functions of the state
//! (`pages`) and reusable widgets, also functions (`components`).

pub mod address;
pub mod components;
pub mod context;
pub mod pages;
mod persist;
mod root;
pub mod state;

pub use root::{document_title, App, Props};
