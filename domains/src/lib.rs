//! Worked domains.
pub mod poll;
