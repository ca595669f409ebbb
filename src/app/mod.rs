//! The Yew app: state and reducer (`state`), how links are written (`address`), how pages send
//! actions (`context`), the record in storage (`persist`), the root component and its effects
//! (`root`, the only component), pages as functions of the parts of the state they read
//! (`pages`) and reusable widgets, also functions (`components`).

pub mod address;
pub mod components;
pub mod context;
pub mod pages;
mod persist;
pub mod plan;
mod root;
pub mod state;

pub use root::{document_title, App, Props};
