//! The environment `decide` may read: seeded randomness, a logical clock, planted bugs.

use std::cell::Cell;

use crate::{BugId, Bugs, Draw, Draws, SeededRng};

/// Everything outside the state that a decision may depend on, all of it reproducible from
/// the run's seed. Randomness drawn here must be recorded in the events it leads to (a
/// shuffled deck lands in `DeckShuffled { order }`), so replaying events needs no `Env`.
///
/// Each draw can also be scripted and recorded, one step at a time (see [`Draw`]): the
/// engine hands a step its scripted draws and keeps what it drew, so a log can store them.
///
/// ```
/// # use rewind_engine as rewind;
/// use rewind::{BugId, Bugs, Env};
///
/// let mut env = Env::new(7, Bugs::NONE.with(BugId(1)));
/// let mut deck: Vec<u8> = (0..52).collect();
/// env.fork(3).shuffle(&mut deck); // hand 3's deck: the same whatever came before
/// let token = env.rng().next_u64(); // the shared stream
/// let roll = env.rng().below(6);
/// assert!(roll < 6);
/// assert_eq!(env.now(), 0); // no action dispatched before this one
/// assert!(env.planted(BugId(1)) && !env.planted(BugId(0)));
/// assert_eq!(env.seed(), 7);
/// # let _ = token;
/// ```
#[derive(Clone, Debug)]
pub struct Env {
    seed: u64,
    rng: SeededRng,
    now: u64,
    bugs: Bugs,
    /// The current step's scripted draws, taken in order from `next`.
    script: Vec<Draw>,
    next: usize,
    /// What the current step drew, when the engine keeps draws.
    recorded: Option<Vec<Draw>>,
    /// Whether anything was taken from the seed: a draw that no script supplied, or the seed
    /// itself. A log whose replay never reads its seed means the same under any seed, so its
    /// file name leaves the seed out. A `Cell` because [`Env::seed`] reads through `&self`.
    seed_read: Cell<bool>,
}

/// The ChaCha8 stream of a seed that `Env` draws from (the bot uses stream 0).
const ENV_STREAM: u64 = 1;

impl Env {
    /// The environment of a run seeded with `seed`, with `bugs` planted, at time 0. The
    /// engine makes one; build one yourself only to call `decide` outside an engine.
    pub fn new(seed: u64, bugs: Bugs) -> Self {
        Env {
            seed,
            rng: SeededRng::new(seed, ENV_STREAM),
            now: 0,
            bugs,
            script: Vec::new(),
            next: 0,
            recorded: None,
            seed_read: Cell::new(false),
        }
    }

    /// The run's seed. Reading it makes what a step does depend on the seed, as an unscripted
    /// draw does (see [`Env::read_seed`]).
    pub fn seed(&self) -> u64 {
        self.seed_read.set(true);
        self.seed
    }

    /// The run's seed, for the engine's own bookkeeping: not a read by domain code.
    pub(crate) fn seed_unread(&self) -> u64 {
        self.seed
    }

    /// Whether anything so far depended on the seed: a draw no script supplied, or a call of
    /// [`Env::seed`]. False means the same steps and scripts replay alike under any seed.
    pub fn read_seed(&self) -> bool {
        self.seed_read.get()
    }

    /// Notes that a value came from the seed rather than from a script.
    #[inline]
    pub(crate) fn note_seed_read(&self) {
        self.seed_read.set(true);
    }

    /// Draws from the shared random stream: each draw depends on every draw before it.
    #[inline]
    pub fn rng(&mut self) -> Draws<'_> {
        Draws::new(self, None)
    }

    /// Draws from an independent stream keyed by `key` (a hand number, a payment id). Keying
    /// randomness by what it is for keeps it stable when shrinking removes unrelated actions.
    #[inline]
    pub fn fork(&mut self, key: u64) -> Draws<'_> {
        let forked = SeededRng::new(self.seed ^ crate::splitmix64(key), ENV_STREAM + 1);
        Draws::new(self, Some(forked))
    }

    #[inline]
    pub(crate) fn shared_rng(&mut self) -> &mut SeededRng {
        &mut self.rng
    }

    /// The next scripted draw of this step, if any is left.
    #[inline]
    pub(crate) fn next_scripted(&mut self) -> Option<Draw> {
        let draw = self.script.get(self.next)?.clone();
        self.next += 1;
        Some(draw)
    }

    #[inline]
    pub(crate) fn recording(&self) -> bool {
        self.recorded.is_some()
    }

    /// Writes down a draw when draws are being kept; `draw` is only built then.
    #[inline]
    pub(crate) fn record(&mut self, draw: impl FnOnce() -> Draw) {
        if let Some(recorded) = &mut self.recorded {
            recorded.push(draw());
        }
    }

    /// Starts a step whose draws are kept: `script` is what it draws first.
    pub(crate) fn begin_step(&mut self, script: &[Draw]) {
        self.script.clear();
        self.script.extend_from_slice(script);
        self.next = 0;
        self.recorded = Some(Vec::new());
    }

    /// Ends a step: what it drew, when draws were kept.
    pub(crate) fn end_step(&mut self) -> Vec<Draw> {
        self.script.clear();
        self.recorded.take().unwrap_or_default()
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

    /// Every planted bug switched on for this run.
    pub fn bugs(&self) -> Bugs {
        self.bugs
    }
}
