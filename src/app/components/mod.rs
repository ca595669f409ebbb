//! Reusable widgets, one a file. They render what they are given and report choices through
//! callbacks; none reads storage or the address.

pub mod answer_group;
pub mod compare_chart;
pub mod dimension_result;
pub mod invite;
pub mod layout;
pub mod nothing_yet;
pub mod notices;
pub mod passphrase;
pub mod plan_offer;
pub mod progress;
pub mod safety_note;
pub mod score_chart;
pub mod site_link;
