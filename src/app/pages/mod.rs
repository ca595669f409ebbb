//! One component per page. Pages render the state and send actions; nothing more.

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
