//! Worked domains.
pub mod accounts;
pub mod poll;
pub mod subscriptions;
