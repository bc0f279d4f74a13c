//! rewind: deterministic simulation and fuzz testing for event-sourced systems.
//!
//! Write a domain as one type implementing two traits, [`Domain`] (the rules: actions are
//! decided into events, events are applied to state) and [`Model`] (how to test them: a bot,
//! invariants, planted bugs). Then two small `main`s give it the whole tool: `sim`, `replay`,
//! `view`, `shrink`, `import`, `corpus check`, `domains`, `hunt` and `graph` on the command
//! line, and one named test per stored failure under `cargo test`.
//!
//! Everything of the engine is re-exported at the root ([`Engine`], [`Scenario`],
//! [`Timeline`], [`Log`], ...); the harness's building blocks are under [`harness`].
//! Optional parts are features: `proptest` (`rewind::proptest`, a proptest `Strategy` of
//! test cases from the bot) and `cqrs-es` (`rewind::cqrs_es`, an adapter for that library's
//! aggregates).
//!
//! # A complete domain
//!
//! A bank account in a crate called `bank`: deposits and withdrawals of up to a configured
//! amount, and a balance that must never go below zero. It depends on `rewind` and on
//! `serde` with its `derive` feature. Every block below is compiled and run as a test.
//!
//! ## 1. The types
//!
//! The config, the state, the actions a user takes, the events that record what happened,
//! the reasons for a refusal, and the id of one planted bug.
//!
//! ```
#![doc = include_str!("../doc/bank/types.rs")]
//! ```
//!
//! ## 2. The rules: [`Domain`]
//!
//! `decide` reads the state and pushes events or refuses; it may draw randomness and ask
//! whether a bug is planted through the [`Env`], and it never changes the state. `apply` is
//! the only code that does, so replaying the events rebuilds the state exactly.
//!
//! ```
//! # mod types { include!("../doc/bank/types.rs"); }
//! # use types::*;
#![doc = include_str!("../doc/bank/domain.rs")]
//! ```
//!
//! ## 3. How to test them: [`Model`]
//!
//! The bot picks the next action through [`Choices`], the one source of randomness it sees,
//! so the same bot runs under simulation, fuzzing and proptest. The invariants are checked
//! after every step; `action_kind` names each action's kind for swarm testing.
//!
//! ```
//! # mod bank {
//! #     include!("../doc/bank/types.rs");
//! #     include!("../doc/bank/domain.rs");
//! # }
//! # use bank::*;
#![doc = include_str!("../doc/bank/model.rs")]
//! ```
//!
//! ## 4. Play it
//!
//! `rewind sim account` plays runs like these on every core. Here a few are played through
//! the harness's own run loop: on the correct rules nothing breaks; with the bug planted a
//! run breaks `balance_never_negative`, and the shrinker cuts it down to one withdrawal of 1.
//!
//! ```
//! # mod bank {
//! #     include!("../doc/bank/types.rs");
//! #     include!("../doc/bank/domain.rs");
//! #     include!("../doc/bank/model.rs");
//! # }
//! use bank::{Account, AccountAction, Limits, OVERDRAW};
//! use rewind::harness::check::Checks;
//! use rewind::harness::run::{RunCounts, RunSpec, play};
//! use rewind::harness::shrink::shrink_failure;
//! use rewind::{Bugs, Coverage, Model, RandomChoices, Step, run_seed};
//!
//! let limits = Limits::default();
//! let checks = Checks::all();
//! let spec = |seed, bugs| RunSpec::<Account> {
//!     config: &limits,
//!     seed,
//!     steps: 50,
//!     bugs,
//!     swarm: false,
//!     deep: true,
//!     json: true,
//!     faults: true,
//!     concurrency: true,
//!     checks: &checks,
//! };
//! let mut counts = RunCounts::default();
//! let mut coverage = Coverage::new(Account::COVERAGE.len());
//!
//! for run in 0..100 {
//!     let seed = run_seed(1, run);
//!     let mut choices = RandomChoices::new(seed);
//!     let played = play(&spec(seed, Bugs::NONE), &mut choices, &mut counts, &mut coverage);
//!     assert_eq!(played.violation, None);
//! }
//! assert_eq!(counts.runs, 100);
//! assert!(counts.rejected > 0, "the bot's bad amounts were refused");
//! assert!(coverage.counts()[0] > 0, "some run emptied the account");
//!
//! let bugs = Bugs::NONE.with(OVERDRAW);
//! let (seed, failure) = (0..100)
//!     .find_map(|run| {
//!         let seed = run_seed(1, run);
//!         let mut choices = RandomChoices::new(seed);
//!         let played = play(&spec(seed, bugs), &mut choices, &mut counts, &mut coverage);
//!         played.failure().map(|failure| (seed, failure))
//!     })
//!     .expect("a run overdraws");
//! assert_eq!(failure.violation.invariant, "balance_never_negative");
//! let shrunk = shrink_failure::<Account>(&limits, seed, bugs, failure, &checks);
//! assert_eq!(shrunk.steps, [Step::Act(AccountAction::Withdraw { amount: 1 })]);
//! ```
//!
//! ## 5. The glue
//!
//! The command line is the crate's binary:
//!
//! ```no_run
//! # mod bank {
//! #     include!("../doc/bank/types.rs");
//! #     include!("../doc/bank/domain.rs");
//! #     include!("../doc/bank/model.rs");
//! # }
//! // src/main.rs
//! fn main() -> std::process::ExitCode {
//!     rewind::cli::main(&[rewind::domain::<bank::Account>()])
//! }
//! ```
//!
//! and the stored failures are tests, in a test target with `harness = false`
//! (`[[test]] name = "corpus"` and `harness = false` in `Cargo.toml`):
//!
//! ```no_run
//! # mod bank {
//! #     include!("../doc/bank/types.rs");
//! #     include!("../doc/bank/domain.rs");
//! #     include!("../doc/bank/model.rs");
//! # }
//! // tests/corpus.rs
//! fn main() {
//!     rewind::CorpusTests::new(&[rewind::domain::<bank::Account>()]).main();
//! }
//! ```
//!
//! Then `cargo run --release -- sim account` plays 10,000 runs, and
//! `cargo run --release -- sim account --bug overdraw` finds the planted bug, shrinks it and
//! stores the log under `corpus/account/`, where `cargo test` replays it from then on.
//!
//! # Where the rest is
//!
//! - [`Domain`] and [`Model`]: every item, required or optional, with its default.
//! - [`Choices`], [`Env`] and [`Draws`]: the randomness a bot and `decide` may use.
//! - [`Invariant`], [`Touched`], [`Coverage`], [`Bug`], [`BugId`], [`Bugs`], [`Faults`],
//!   [`Projection`]: what a model declares.
//! - [`Stream`] and [`OnConflict`]: a domain's concurrency control, for concurrent clients
//!   ([`Domain::CONCURRENT`]; [`Engine::begin`] shows a lost update stopped).
//! - [`Scenario`]: given/when/then tests of single rules.
//! - [`harness`]: the run loop, the checks, the shrinker, the corpus, simulation and hunting,
//!   as library functions.
//! - `cargo doc -p rewind --open` builds these pages locally.

#![warn(missing_docs)]

pub use rewind_engine::*;
/// The harness's building blocks: run loop, checks, shrinker, corpus files, traces.
#[doc(inline)]
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
