//! rewind: deterministic simulation and fuzz testing for event-sourced systems.
//!
//! Write a domain as one type implementing two traits, [`Domain`] (the rules: actions are
//! decided into events, events are applied to state) and [`Model`] (how to test them: a bot,
//! invariants, planted bugs). Then two small `main`s give it the whole tool:
//!
//! ```no_run
//! # fn domains() -> Vec<&'static dyn rewind::DomainEntry> { Vec::new() }
//! // src/main.rs: `sim`, `replay`, `view`, `shrink`, `hunt`, `import`, `corpus check`, ...
//! fn main() -> std::process::ExitCode {
//!     rewind::cli::main(&domains()) // domains() = vec![rewind::domain::<shop::Order>()]
//! }
//! ```
//!
//! ```no_run
//! # fn domains() -> Vec<&'static dyn rewind::DomainEntry> { Vec::new() }
//! // tests/corpus.rs, with `harness = false`: one named test per log under corpus/.
//! fn main() {
//!     rewind::CorpusTests::new(&domains()).main();
//! }
//! ```
//!
//! Everything of the engine is re-exported at the root ([`Engine`], [`Scenario`],
//! [`Timeline`], [`Log`], ...); the harness's building blocks are under [`harness`].
//! Optional parts are features: `proptest` (`rewind::proptest`, a proptest `Strategy` of
//! action sequences) and `cqrs-es` (`rewind::cqrs_es`, an adapter for that library's
//! aggregates).

pub use rewind_engine::*;
/// The harness's building blocks: run loop, checks, shrinker, corpus files, traces.
pub use rewind_harness as harness;
pub use rewind_harness::{CorpusTests, DomainEntry, cli, domain};

#[cfg(feature = "proptest")]
pub use rewind_harness::proptest;

/// The glue of a cargo-fuzz target; [`fuzz_target!`] writes it for you.
pub mod fuzz {
    pub use rewind_harness::fuzz::{BUG_VARIABLE, bugs_from_env, play_bytes, run_bytes};
    pub use rewind_harness::fuzz_log::read_log_bytes;
}

/// A cargo-fuzz target for a domain, in one line:
///
/// ```text
/// #![no_main]
/// rewind::fuzz_target!(shop::Order);
/// ```
///
/// libFuzzer's bytes drive the domain's bot; every invariant is checked after every
/// dispatch, and a violation is a crash whose artifact `import` turns into a corpus log.
/// `REWIND_BUG=<name>` plants a bug for the run; a name the domain lacks stops it at once.
///
/// It expands to `libfuzzer_sys::fuzz_target!`, whose expansion names the crate
/// `libfuzzer_sys` from the root, so the fuzz crate depends on `libfuzzer-sys` itself, as
/// `cargo fuzz init` writes it.
#[macro_export]
macro_rules! fuzz_target {
    ($domain:ty) => {
        ::libfuzzer_sys::fuzz_target!(
            init: {
                $crate::fuzz::bugs_from_env::<$domain>();
            },
            |data: &[u8]| $crate::fuzz::run_bytes::<$domain>(data)
        );
    };
}

#[cfg(feature = "cqrs-es")]
pub mod cqrs_es;
