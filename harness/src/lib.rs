//! rewind-harness: plays random action sequences against a domain, checks every invariant
//! after every dispatch, shrinks each failure, stores it in the corpus, and replays it.
//!
//! Everything here is generic over [`rewind_engine::Model`] and names no domain: a user's
//! binary hands its list of domains to [`cli::main`], and its corpus test to
//! [`corpus_tests::CorpusTests`]. Users depend on the `rewind` crate, which re-exports this.

#![warn(missing_docs)]

pub mod catalog;
pub mod check;
pub mod cli;
pub mod corpus;
pub mod corpus_tests;
pub mod entry;
pub mod fuzz;
pub mod fuzz_choices;
pub mod fuzz_log;
pub mod hunt;
pub mod meaning;
pub mod outline;
pub mod panic;
#[cfg(feature = "proptest")]
pub mod proptest;
pub mod regression;
pub mod report;
pub mod run;
#[cfg(test)]
mod scratch;
pub mod shrink;
pub mod sim;
pub mod summary;
#[cfg(test)]
mod test_domain;
#[cfg(test)]
mod test_till;
pub mod text;
pub mod trace;
pub mod view;
pub mod world;

pub use catalog::Catalog;
pub use corpus_tests::CorpusTests;
pub use entry::{DomainEntry, DomainInfo, Entry, domain};
pub use libtest_mimic;
