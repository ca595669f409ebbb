//! One module per page: a function of the parts of the state it reads (the check-in, the page's
//! own `OnPage`, storage, the explainer's bodies, the site), which renders them and sends actions
//! through `context::Send`. No page has hooks: what it would keep in them is in `OnPage`.

pub mod compare;
pub mod data;
pub mod history;
pub mod home;
pub mod importance;
pub mod learn;
pub mod not_found;
pub mod plan;
pub mod quiz;
pub mod results;
pub mod review;

#[cfg(all(test, feature = "ssr"))]
mod tests;
