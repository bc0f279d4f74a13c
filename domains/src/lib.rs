//! Worked domains.
