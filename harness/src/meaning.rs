//! What a log means: the hash its file name carries, so that one failure is stored once.
//!
//! Two logs mean the same when they replay the same: same domain, schema, config, planted
//! bug, steps, draws, checks set aside and invariant. The seed counts only when the replay
//! reads it (a step draws more than its recorded draws, or domain code reads
//! [`rewind_engine::Env::seed`]); a shrunk log records every draw its steps make, so the same
//! failure found from two seeds is usually one log.

use rewind_engine::{Log, LogError, Model, TypedLog};

use crate::check::{log_checks, replay_log};

/// A log's meaning: its hash, and whether the seed went into it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Meaning {
    /// [`Log::meaning_hash`]: its top 32 bits name the file.
    pub hash: u64,
    /// Whether the log's replay reads its seed (then the seed is part of what it means).
    pub reads_seed: bool,
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
    Ok(Meaning {
        hash: log.meaning_hash(reads_seed),
        reads_seed,
    })
}
