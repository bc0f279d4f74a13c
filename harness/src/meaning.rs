//! What a log means: the hash its file name carries, so that one failure is stored once.
//!
//! Two logs mean the same when they replay the same: same domain, schema, config, planted
//! bug, steps, draws, checks set aside and invariant. The seed counts only when the replay
//! reads it (a step draws more than its recorded draws, or domain code reads
//! [`rewind_engine::Env::seed`]); a shrunk log records every draw its steps make, so the same
//! failure found from two seeds is usually one log.
//!
//! Two logs are of the same kind when they break the same invariant (with the same config,
//! bug and checks set aside) through the same kinds of steps, one for one, and differ only in
//! values: a price, a number of seats. The shrinker lowers values one action at a time, so
//! where values are tied (an amount paid must be the price times the seats) two runs of one
//! defect can end at other values. The corpus keeps one log of each kind.

use rewind_engine::{Log, LogError, Model, StableHasher, Step, TypedLog};

use crate::check::{log_checks, replay_log};

/// A log's meaning: its hash, whether the seed went into it, and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Meaning {
    /// [`Log::meaning_hash`]: its top 32 bits name the file.
    pub hash: u64,
    /// Whether the log's replay reads its seed (then the seed is part of what it means).
    pub reads_seed: bool,
    /// A hash of its kind: the invariant, config, bug, checks set aside and [`shape`].
    pub kind: u64,
}

impl Meaning {
    /// `<invariant>-<8 hex digits of the hash>.json`, the name the corpus stores it under.
    pub fn file_name(&self, log: &Log) -> String {
        log.file_name(self.reads_seed)
    }
}

/// The meaning of `log` (`typed`, decoded from it, read from `file`): replays it once, with
/// its bug planted, to see whether the replay reads the seed.
pub fn meaning<M: Model>(log: &Log, typed: &TypedLog<M>, file: &str) -> Result<Meaning, LogError> {
    log_checks(typed, file)?;
    let checked = replay_log(typed, typed.bugs(), &mut |_| {});
    let reads_seed = checked.engine.read_seed();
    let mut kind = StableHasher::default();
    let traits = (
        &log.domain,
        &log.config,
        &log.bug,
        &log.skip,
        &log.violation.invariant,
    );
    kind.write(&serde_json::to_vec(&traits).expect("logs serialize to JSON"));
    for (sort, action_kind) in shape::<M>(&typed.steps) {
        kind.write(&[sort]);
        kind.write(&(action_kind as u64).to_le_bytes());
    }
    kind.write(&[u8::from(typed.unreadable.is_some())]);
    Ok(Meaning {
        hash: log.meaning_hash(reads_seed),
        reads_seed,
        kind: kind.finish(),
    })
}

/// The kinds of a test case's steps: each step's sort (an action, a delivery, a redelivery,
/// a restart, a client's begin or commit) and its action's kind ([`Model::action_kind`]; a
/// commit's is its client).
pub fn shape<M: Model>(steps: &[Step<M::Action>]) -> Vec<(u8, usize)> {
    steps
        .iter()
        .map(|step| match step {
            Step::Act(action) => (0, M::action_kind(action)),
            Step::Deliver(message) => (1, M::action_kind(message)),
            Step::Redeliver(message) => (2, M::action_kind(message)),
            Step::Restart => (3, 0),
            Step::Begin { action, .. } => (4, M::action_kind(action)),
            Step::Commit(client) => (5, *client as usize),
        })
        .collect()
}
