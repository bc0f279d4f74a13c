//! proptest glue: a `Strategy` of test cases for any domain, built on the bot.
//!
//! proptest generates a vector of numbers; [`ReplayedChoices`] feeds it to the domain's bot
//! (and, for a domain with an outbox, to the scheduler that delivers its messages late, out
//! of order or twice, and crashes it), which plays it against the engine and yields the
//! steps. When a property fails, proptest shrinks the vector (fewer numbers, each towards
//! 0), and since a bot lists its simplest option first and the scheduler's lowest numbers
//! mean "the bot acts", the case shrinks with it: shorter, simpler, still failing.
//!
//! A property test for your own domain is a few lines (`examples/shop/tests/properties.rs`
//! in the repository is one). Here it is over any domain `M`:
//!
//! ```
//! use proptest::prelude::*;
//! use rewind_harness::proptest::{check, config, steps};
//!
//! fn keeps_every_invariant<M: rewind_engine::Model>() {
//!     proptest!(config(32), |(sequence in steps::<M>(40))| {
//!         check::<M>(&sequence)?;
//!     });
//! }
//! ```

use ::proptest::collection::vec;
use ::proptest::prelude::{Strategy, any};
use ::proptest::test_runner::{Config, RngAlgorithm, RngSeed, TestCaseError};
use rewind_engine::{Bugs, Coverage, Model, ReplayedChoices, Step};

use crate::check::{Checks, thorough};
use crate::run::{RunCounts, RunSpec, play};

/// How many numbers the generated vector holds per step at most: enough for a bot that
/// makes a few choices per action; a vector that runs out simply ends the sequence.
pub const CHOICES_PER_STEP: usize = 4;

/// Where sequences are generated and checked: the domain's config, the engine's seed and the
/// planted bugs (none, for a real property test).
pub struct Setup<M: Model> {
    /// The domain's config.
    pub config: M::Config,
    /// The seed of the engine's [`rewind_engine::Env`].
    pub seed: u64,
    /// The planted bugs switched on.
    pub bugs: Bugs,
}

impl<M: Model> Clone for Setup<M> {
    fn clone(&self) -> Self {
        Setup {
            config: self.config.clone(),
            ..*self
        }
    }
}

impl<M: Model> Default for Setup<M> {
    fn default() -> Self {
        Setup {
            config: M::Config::default(),
            seed: 0,
            bugs: Bugs::NONE,
        }
    }
}

/// A deterministic proptest config: `cases` cases from a fixed ChaCha seed, no regression
/// files. The same run on every machine; set `PROPTEST_CASES` or write your own for more.
pub fn config(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: None,
        rng_algorithm: RngAlgorithm::ChaCha,
        rng_seed: RngSeed::Fixed(0x7265_7769_6e64),
        ..Config::default()
    }
}

/// Cases of up to `max_steps` steps that `M`'s bot (and scheduler) plays on the correct
/// rules.
pub fn steps<M: Model>(max_steps: usize) -> impl Strategy<Value = Vec<Step<M::Action>>> {
    steps_in(Setup::<M>::default(), max_steps)
}

/// [`steps`] in a given setup (the bot sees the state that setup's rules build).
pub fn steps_in<M: Model>(
    setup: Setup<M>,
    max_steps: usize,
) -> impl Strategy<Value = Vec<Step<M::Action>>> {
    let numbers = max_steps.saturating_mul(CHOICES_PER_STEP);
    vec(any::<u32>(), 0..=numbers).prop_map(move |values| bot_steps(&setup, &values, max_steps))
}

/// The steps `M`'s bot and scheduler play from `values` (through the same run loop as a
/// simulation), ending when the values run out, at `max_steps`, or at the step that broke
/// something.
pub fn bot_steps<M: Model>(
    setup: &Setup<M>,
    values: &[u32],
    max_steps: usize,
) -> Vec<Step<M::Action>> {
    let spec = RunSpec::<M> {
        config: &setup.config,
        seed: setup.seed,
        steps: max_steps,
        bugs: setup.bugs,
        swarm: false,
        // Short runs, replayed again and again: check determinism on every one.
        deep: true,
        json: true,
        faults: true,
        concurrency: true,
        checks: &Checks::all(),
    };
    let mut choices = ReplayedChoices::new(values);
    let mut counts = RunCounts::default();
    let played = play(&spec, &mut choices, &mut counts, &mut Coverage::new(0));
    played.steps()
}

/// Replays `steps` on the correct rules with every check after every step (as the corpus
/// does); a failure names the invariant, the step and the steps as JSON.
pub fn check<M: Model>(steps: &[Step<M::Action>]) -> Result<(), TestCaseError> {
    check_in(&Setup::<M>::default(), steps)
}

/// [`check`] in a given setup.
pub fn check_in<M: Model>(
    setup: &Setup<M>,
    steps: &[Step<M::Action>],
) -> Result<(), TestCaseError> {
    let checked = thorough::<M>(&setup.config, setup.seed, setup.bugs, steps, &[]);
    let Some(violation) = checked.violation else {
        return Ok(());
    };
    let shown: Vec<String> = steps
        .iter()
        .take(violation.step + 1)
        .map(|step| serde_json::to_string(step).expect("actions serialize to JSON"))
        .collect();
    Err(TestCaseError::fail(format!(
        "{} `{}` broke at step {}: {}\nsteps:\n  {}",
        M::NAME,
        violation.invariant,
        violation.step,
        violation.message,
        shown.join("\n  ")
    )))
}
