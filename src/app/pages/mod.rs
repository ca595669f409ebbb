//! One module per page. Pages render the state and send actions; nothing more. A page is a
//! function of the state unless it has hooks of its own (see ARCHITECTURE.md).

pub mod compare;
pub mod data;
pub mod history;
pub mod home;
pub mod importance;
pub mod learn;
pub mod not_found;
pub mod quiz;
pub mod results;
pub mod review;

#[cfg(all(test, feature = "ssr"))]
mod tests;
