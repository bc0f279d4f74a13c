//! Worked domains.
pub mod accounts;
pub mod subscriptions;
