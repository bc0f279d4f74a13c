//! Worked domains.

pub mod payments;
pub mod poll;
