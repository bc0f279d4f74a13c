//! Worked domains.
pub mod poker;
pub mod poll;
