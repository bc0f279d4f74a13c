//! Worked domains.
pub mod poker;
