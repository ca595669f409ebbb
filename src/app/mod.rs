//! The Yew app: state and reducer (`state`), the root component and its effects (`root`),
//! one component per page (`pages`) and reusable widgets (`components`).

pub mod components;
pub mod pages;
mod persist;
mod root;
pub mod state;

pub use root::App;
