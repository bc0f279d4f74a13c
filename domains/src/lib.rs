//! Worked domains.

pub mod payments;
