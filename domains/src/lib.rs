//! Worked domains.
pub mod accounts;
