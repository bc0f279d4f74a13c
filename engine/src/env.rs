//! The environment `decide` may read: seeded randomness, a logical clock, planted bugs.

use crate::{BugId, Bugs, SeededRng};

/// Everything outside the state that a decision may depend on, all of it reproducible from
/// the run's seed. Randomness drawn here must be recorded in the events it leads to (a
/// shuffled deck lands in `DeckShuffled { order }`), so replaying events needs no `Env`.
#[derive(Clone, Debug)]
pub struct Env {
    seed: u64,
    rng: SeededRng,
    now: u64,
    bugs: Bugs,
}

/// The ChaCha8 stream of a seed that `Env` draws from (the bot uses stream 0).
const ENV_STREAM: u64 = 1;

impl Env {
    pub fn new(seed: u64, bugs: Bugs) -> Self {
        Env {
            seed,
            rng: SeededRng::new(seed, ENV_STREAM),
            now: 0,
            bugs,
        }
    }

    /// The run's seed.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The shared random stream: each draw depends on every draw before it.
    #[inline]
    pub fn rng(&mut self) -> &mut SeededRng {
        &mut self.rng
    }

    /// An independent stream keyed by `key` (a hand number, a payment id). Keying randomness
    /// by what it is for keeps it stable when shrinking removes unrelated actions.
    pub fn fork(&self, key: u64) -> SeededRng {
        SeededRng::new(self.seed ^ crate::splitmix64(key), ENV_STREAM + 1)
    }

    /// Logical time: the number of actions dispatched before this one. Never a wall clock.
    #[inline]
    pub fn now(&self) -> u64 {
        self.now
    }

    pub(crate) fn set_now(&mut self, now: u64) {
        self.now = now;
    }

    /// Whether a planted bug is switched on for this run.
    #[inline]
    pub fn planted(&self, bug: BugId) -> bool {
        self.bugs.has(bug)
    }

    pub fn bugs(&self) -> Bugs {
        self.bugs
    }
}
