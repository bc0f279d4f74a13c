//! rewind-harness: plays random action sequences against a domain, checks every invariant
//! after every dispatch, shrinks each failure, stores it in the corpus, and replays it.
//!
//! Everything here is generic over [`rewind_engine::Model`]; [`catalog`] is the one place that
//! names the domains, for the `rewind` command and the corpus regression suite.

pub mod catalog;
pub mod check;
pub mod corpus;
pub mod entry;
pub mod fuzz;
pub mod fuzz_choices;
pub mod hunt;
pub mod panic;
pub mod proptest;
pub mod regression;
pub mod run;
pub mod shrink;
pub mod sim;
pub mod summary;
pub mod trace;

pub use entry::{DomainEntry, DomainInfo, Entry};
