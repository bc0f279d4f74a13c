//! rewind-engine: the contract a domain implements and the deterministic kernel that runs it.
//!
//! A domain is one type implementing two traits:
//! - [`Domain`]: the rules. `decide` turns an action into events (or a reject) without touching
//!   state; `apply` folds one event into state and is the only code that changes it.
//! - [`Model`]: what the harness needs to test the rules: a bot speaking through [`Choices`],
//!   named [`Invariant`]s, coverage labels, planted [`Bug`]s.
//!
//! [`Engine`] dispatches actions atomically, [`Timeline`] steps through a recorded history,
//! [`Projection`]s fold read models, [`Scenario`] writes given/when/then rule tests, and [`Log`]
//! is the JSON form of a failing run that the corpus stores.
//!
//! Everything here is deterministic: the only randomness is the seeded ChaCha8 in [`Env`] and
//! the bot's [`Choices`], and no code iterates a hash map.

#![warn(missing_docs)]

mod bugs;
mod choices;
mod concurrency;
mod domain;
mod draw;
mod engine;
mod env;
mod faults;
mod hash;
mod log;
mod model;
mod projection;
mod rng;
mod scenario;
mod seed;
mod step;
mod timeline;
mod touched;

pub use bugs::{Bug, BugId, Bugs};
pub use choices::{Choices, RandomChoices, ReplayedChoices};
pub use concurrency::{CommitRecord, Conflict, MAX_ATTEMPTS, OnConflict, Pending, Stream};
pub use domain::Domain;
pub use draw::{Draw, Draws};
pub use engine::{Engine, MAX_CASCADE_ACTIONS, MAX_CASCADE_DEPTH, Refusal};
pub use env::Env;
pub use faults::Faults;
pub use hash::{StableHasher, hash_events};
pub use log::{JSON_ROUND_TRIP, LOG_FORMAT, Log, LogError, TypedLog, Unreadable, Violation};
pub use model::{Coverage, Invariant, Model, rename_id};
pub use projection::{Projection, project};
pub use rng::SeededRng;
pub use scenario::{Scenario, Then};
pub use seed::{run_seed, splitmix64};
pub use step::{RawStep, Step};
pub use timeline::{Cursor, Timeline};
pub use touched::Touched;
