//! Shrinking: the shortest, simplest test case that still breaks the same invariant.
//!
//! A test case is its steps (the user's actions, and the world's deliveries, repeats and
//! restarts) and what each step drew (see [`Draw`]), so deleting an early poker hand leaves
//! the later hands' cards as they were. Passes, repeated while they make progress: cut
//! everything after the failing step; remove blocks of steps (halves, quarters, ... single
//! steps) and pairs of steps apart, faults like actions, pointing a delivery whose message a
//! removal renumbered at the message that waits instead (`retarget`); replace single actions
//! by the simpler variants the model offers and neighbouring pairs by one merged action;
//! renumber the ids the model declares; and simplify the draws (zero, an unshuffled deck).
//! When none of those helps, the model's bot plays shorter endings after a kept prefix
//! (`regenerate`). Every candidate is replayed thoroughly from the same seed. The work is bounded by [`MAX_ATTEMPTS`] replays and
//! [`MAX_ROUNDS`] rounds, never by time, so a shrink is as deterministic as the run it came
//! from.

mod regenerate;
mod remove;
mod renumber;
mod retarget;
mod simplify;

use rewind_engine::{Bugs, Draw, Model, Step, Violation};

use crate::check::thorough;
use crate::run::RunFailure;
use crate::text::plural;

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

/// A shrunk test case: the steps, what each drew, and the violation they give.
pub struct Shrunk<M: Model> {
    pub steps: Vec<Step<M::Action>>,
    /// `draws[i]`: what step `i` drew; as long as `steps`.
    pub draws: Vec<Vec<Draw>>,
    pub violation: Violation,
    pub report: ShrinkReport,
}

/// The current test case and the replays spent on it.
struct Shrinker<'a, M: Model> {
    config: &'a M::Config,
    seed: u64,
    bugs: Bugs,
    invariant: String,
    attempts: usize,
    steps: Vec<Step<M::Action>>,
    draws: Vec<Vec<Draw>>,
    violation: Violation,
}

impl<M: Model> Shrinker<'_, M> {
    /// Replays a candidate; when it still breaks the same invariant it becomes the current
    /// case, cut after its failing step and with the draws its steps actually made.
    fn accept(&mut self, steps: Vec<Step<M::Action>>, draws: &[Vec<Draw>]) -> bool {
        if self.attempts >= MAX_ATTEMPTS {
            return false;
        }
        self.attempts += 1;
        let checked = thorough::<M>(self.config, self.seed, self.bugs, &steps, draws);
        let Some(violation) = checked
            .violation
            .filter(|violation| violation.invariant == self.invariant)
        else {
            return false;
        };
        let end = (violation.step + 1).min(steps.len());
        self.draws = checked.draws;
        self.draws.resize(end, Vec::new());
        self.steps = steps;
        self.steps.truncate(end);
        self.violation = violation;
        true
    }

    /// [`Shrinker::accept`], and when the candidate fails, the candidate with its refused
    /// deliveries pointed at the messages that wait instead (see [`retarget`]).
    fn accept_retargeting(&mut self, steps: Vec<Step<M::Action>>, draws: &[Vec<Draw>]) -> bool {
        if !M::ASYNC {
            return self.accept(steps, draws);
        }
        if self.accept(steps.clone(), draws) {
            return true;
        }
        retarget::retargeted(self, &steps, draws).is_some_and(|steps| self.accept(steps, draws))
    }

    fn len(&self) -> usize {
        self.steps.len()
    }

    fn out_of_attempts(&self) -> bool {
        self.attempts >= MAX_ATTEMPTS
    }
}

/// Shrinks a run that failed in simulation or fuzzing: its draws came from the seed, and the
/// first replay writes them down.
pub fn shrink_failure<M: Model>(
    config: &M::Config,
    seed: u64,
    bugs: Bugs,
    failure: RunFailure<M>,
) -> Shrunk<M> {
    shrink::<M>(
        config,
        seed,
        bugs,
        failure.steps,
        Vec::new(),
        &failure.violation,
    )
}

/// Shrinks `steps` (with `draws`, what each step drew; empty for "from the seed"), which
/// broke `target` from `seed` with `bugs` planted.
pub fn shrink<M: Model>(
    config: &M::Config,
    seed: u64,
    bugs: Bugs,
    steps: Vec<Step<M::Action>>,
    draws: Vec<Vec<Draw>>,
    target: &Violation,
) -> Shrunk<M> {
    let mut shrinker = Shrinker::<M> {
        config,
        seed,
        bugs,
        invariant: target.invariant.clone(),
        attempts: 0,
        steps: Vec::new(),
        draws: Vec::new(),
        violation: target.clone(),
    };
    let mut report = ShrinkReport {
        from: steps.len(),
        ..ShrinkReport::default()
    };
    if !shrinker.accept(steps.clone(), &draws) {
        report.to = steps.len();
        report.attempts = shrinker.attempts;
        report
            .passes
            .push("the failure did not reproduce step by step; kept the run as it was".into());
        return Shrunk {
            steps,
            draws,
            violation: target.clone(),
            report,
        };
    }
    report.reproduced = true;
    report.passes.push(format!(
        "cut after the failing step: {} → {}",
        report.from,
        plural(shrinker.len(), "step")
    ));

    for round in 0..MAX_ROUNDS {
        let before = shrinker.len();
        let mut done = Vec::new();
        let mut note = |name: &str, count: usize| {
            if count > 0 {
                done.push(format!("{name} {count}"));
            }
        };
        note("removed in blocks", remove::blocks(&mut shrinker));
        note("removed in pairs", remove::pairs(&mut shrinker));
        note("simplified", simplify::actions(&mut shrinker));
        note("merged pairs", simplify::merges(&mut shrinker));
        note("renumbered ids of", renumber::ids(&mut shrinker));
        note("simplified draws", simplify::draws(&mut shrinker));
        if shrinker.len() == before {
            // Only when nothing cheaper shortened the case: the bot plays a shorter ending.
            let saved = regenerate::tails(&mut shrinker);
            if saved > 0 {
                done.push(format!("regenerated a shorter ending, {saved} fewer"));
            }
        }
        if done.is_empty() {
            break;
        }
        report.passes.push(format!(
            "round {}: {} ({before} → {})",
            round + 1,
            done.join(", "),
            plural(shrinker.len(), "step")
        ));
    }
    if shrinker.out_of_attempts() {
        report
            .passes
            .push(format!("stopped at the bound of {MAX_ATTEMPTS} replays"));
    }
    report.to = shrinker.len();
    report.attempts = shrinker.attempts;
    Shrunk {
        steps: shrinker.steps,
        draws: shrinker.draws,
        violation: shrinker.violation,
        report,
    }
}

#[cfg(test)]
mod tests;
