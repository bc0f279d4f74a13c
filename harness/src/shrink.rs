//! Shrinking: the shortest, simplest action sequence that still breaks the same invariant.
//!
//! Passes, repeated while they make progress: cut everything after the failing step, remove
//! chunks (halves, quarters, ... single actions), then replace single actions by the simpler
//! variants the model offers. Every candidate is replayed thoroughly from the same seed. The
//! work is bounded by [`MAX_ATTEMPTS`] replays and [`MAX_ROUNDS`] rounds, never by time, so a
//! shrink is as deterministic as the run it came from.

use rewind_engine::{Bugs, Model, Violation};

use crate::check::thorough;

pub const MAX_ATTEMPTS: usize = 5_000;
pub const MAX_ROUNDS: usize = 12;

/// What shrinking did, pass by pass.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ShrinkReport {
    pub from: usize,
    pub to: usize,
    pub attempts: usize,
    pub passes: Vec<String>,
    /// False when the failure did not reproduce under the thorough replay (nothing shrunk).
    pub reproduced: bool,
}

pub struct Shrunk<M: Model> {
    pub actions: Vec<M::Action>,
    pub violation: Violation,
    pub report: ShrinkReport,
}

struct Shrinker<'a, M: Model> {
    config: &'a M::Config,
    seed: u64,
    bugs: Bugs,
    invariant: &'a str,
    attempts: usize,
}

impl<M: Model> Shrinker<'_, M> {
    /// Replays `candidate`; the violation when it still breaks the same invariant.
    fn fails(&mut self, candidate: &[M::Action]) -> Option<Violation> {
        if self.attempts >= MAX_ATTEMPTS {
            return None;
        }
        self.attempts += 1;
        thorough::<M>(self.config, self.seed, self.bugs, candidate)
            .violation
            .filter(|violation| violation.invariant == self.invariant)
    }
}

/// Shrinks `actions`, which broke `target` from `seed` with `bugs` planted.
pub fn shrink<M: Model>(
    config: &M::Config,
    seed: u64,
    bugs: Bugs,
    actions: Vec<M::Action>,
    target: &Violation,
) -> Shrunk<M> {
    let mut shrinker = Shrinker::<M> {
        config,
        seed,
        bugs,
        invariant: &target.invariant,
        attempts: 0,
    };
    let mut report = ShrinkReport {
        from: actions.len(),
        ..ShrinkReport::default()
    };
    let Some(mut violation) = shrinker.fails(&actions) else {
        report.to = actions.len();
        report.attempts = shrinker.attempts;
        report
            .passes
            .push("the failure did not reproduce step by step; kept the run as it was".into());
        return Shrunk {
            actions,
            violation: target.clone(),
            report,
        };
    };
    report.reproduced = true;
    let mut current = actions;
    let before = current.len();
    current.truncate(violation.step + 1);
    report.passes.push(format!(
        "cut after the failing step: {before} → {} actions",
        current.len()
    ));

    for round in 0..MAX_ROUNDS {
        let before = current.len();
        remove_chunks(&mut shrinker, &mut current, &mut violation);
        let removed = before - current.len();
        let simplified = simplify_actions(&mut shrinker, &mut current, &mut violation);
        if removed > 0 || simplified > 0 {
            report.passes.push(format!(
                "round {}: removed {removed} actions ({before} → {}), simplified {simplified}",
                round + 1,
                current.len()
            ));
        } else {
            break;
        }
    }
    if shrinker.attempts >= MAX_ATTEMPTS {
        report
            .passes
            .push(format!("stopped at the bound of {MAX_ATTEMPTS} replays"));
    }
    report.to = current.len();
    report.attempts = shrinker.attempts;
    Shrunk {
        actions: current,
        violation,
        report,
    }
}

/// Removes chunks of halving size wherever the failure survives without them.
fn remove_chunks<M: Model>(
    shrinker: &mut Shrinker<'_, M>,
    current: &mut Vec<M::Action>,
    violation: &mut Violation,
) {
    let mut size = (current.len() / 2).max(1);
    loop {
        let mut start = 0;
        while start < current.len() {
            let end = (start + size).min(current.len());
            let mut candidate = Vec::with_capacity(current.len() - (end - start));
            candidate.extend_from_slice(&current[..start]);
            candidate.extend_from_slice(&current[end..]);
            match shrinker.fails(&candidate) {
                Some(found) => {
                    candidate.truncate(found.step + 1);
                    *current = candidate;
                    *violation = found;
                }
                None => start += size,
            }
        }
        if size == 1 {
            break;
        }
        size /= 2;
    }
}

/// Replaces single actions by simpler variants wherever the failure survives; returns how
/// many it replaced.
fn simplify_actions<M: Model>(
    shrinker: &mut Shrinker<'_, M>,
    current: &mut Vec<M::Action>,
    violation: &mut Violation,
) -> usize {
    let mut simplified = 0;
    let mut index = 0;
    while index < current.len() {
        for variant in M::shrink_action(&current[index]) {
            let mut candidate = current.clone();
            candidate[index] = variant;
            if let Some(found) = shrinker.fails(&candidate) {
                candidate.truncate(found.step + 1);
                *current = candidate;
                *violation = found;
                simplified += 1;
                break;
            }
        }
        index += 1;
    }
    simplified
}
