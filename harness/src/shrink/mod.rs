//! Shrinking: the shortest, simplest test case that still breaks the same invariant.
//!
//! A test case is its steps (the user's actions, and the world's deliveries, repeats and
//! restarts) and what each step drew (see [`Draw`]), so deleting an early poker hand leaves
//! the later hands' cards as they were. Passes, repeated while they make progress: cut
//! everything after the failing step; remove blocks of steps (halves, quarters, ... single
//! steps) and pairs of steps apart, faults like actions, pointing a delivery whose message a
//! removal renumbered at the message that waits instead (`retarget`); replace single actions
//! by the simpler variants the model offers and neighbouring pairs by one merged action;
//! renumber the ids the model declares and the concurrent clients; and simplify the draws (zero, an unshuffled deck).
//! When none of those helps, the model's bot plays shorter endings after a kept prefix
//! (`regenerate`). Every candidate is replayed thoroughly from the same seed. The work is bounded by [`MAX_ATTEMPTS`] replays and
//! [`MAX_ROUNDS`] rounds, never by time, so a shrink is as deterministic as the run it came
//! from.

mod regenerate;
mod remove;
mod renumber;
mod retarget;
mod simplify;

use rewind_engine::{Bugs, Draw, JSON_ROUND_TRIP, Model, Step, Violation};

use crate::check::{Checked, Checks, thorough_observed};
use crate::run::RunFailure;
use crate::text::plural;

/// The most candidates one shrink replays.
pub const MAX_ATTEMPTS: usize = 5_000;
/// The most rounds of passes one shrink runs.
pub const MAX_ROUNDS: usize = 12;

/// What shrinking did, pass by pass.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ShrinkReport {
    /// Steps before shrinking.
    pub from: usize,
    /// Steps after.
    pub to: usize,
    /// Candidates replayed.
    pub attempts: usize,
    /// What each pass did, in words, in the order they ran.
    pub passes: Vec<String>,
    /// False when the failure did not reproduce under the thorough replay (nothing shrunk;
    /// the passes say why).
    pub reproduced: bool,
}

/// A shrunk test case: the steps, what each drew, and the violation they give.
pub struct Shrunk<M: Model> {
    /// The shrunk case, up to and including the failing step.
    pub steps: Vec<Step<M::Action>>,
    /// `draws[i]`: what step `i` drew; as long as `steps`.
    pub draws: Vec<Vec<Draw>>,
    /// The violation the shrunk case gives: the same invariant, at its last step.
    pub violation: Violation,
    /// The checks its replay must set aside for `violation` to be the first thing that
    /// breaks: none, unless checks were set aside (`sim --skip`) and one of them breaks
    /// earlier on these steps.
    pub skip: Vec<String>,
    /// What shrinking did.
    pub report: ShrinkReport,
    /// False when the shrunk case, replayed with every check, breaks a JSON round trip
    /// before its target (see [`shrink`]).
    checked_in_full: bool,
}

/// The current test case and the replays spent on it.
struct Shrinker<'a, M: Model> {
    /// The checks of the run: the shrunk case must break the target first under them.
    checks: &'a Checks<M>,
    /// The checks each candidate is replayed with (see [`Checks::without_json`]).
    candidate_checks: Checks<M>,
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
        let checked = self.replay(&steps, draws, &self.candidate_checks);
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

    /// The thorough replay of a candidate with `checks` made.
    fn replay(
        &self,
        steps: &[Step<M::Action>],
        draws: &[Vec<Draw>],
        checks: &Checks<M>,
    ) -> Checked<M> {
        thorough_observed(
            self.config,
            self.seed,
            self.bugs,
            steps,
            draws,
            checks,
            &mut |_| {},
        )
    }

    /// The checks of those set aside that the current case needs set aside for the target to
    /// break first: each one that breaks earlier when it is made, found one replay at a time.
    fn needed_skip(&self) -> Vec<String> {
        let skipped = self.checks.skipped();
        if skipped.is_empty() {
            return Vec::new();
        }
        let mut needed: Vec<String> = Vec::new();
        for _ in 0..=skipped.len() {
            let Ok(checks) = Checks::<M>::skipping(&needed) else {
                break;
            };
            let found = self.replay(&self.steps, &self.draws, &checks).violation;
            match found {
                Some(v) if v.invariant == self.invariant && v.step == self.violation.step => {
                    return needed;
                }
                Some(v) if skipped.contains(&v.invariant) && !needed.contains(&v.invariant) => {
                    needed.push(v.invariant);
                }
                _ => break,
            }
        }
        skipped.to_vec()
    }

    fn len(&self) -> usize {
        self.steps.len()
    }

    fn out_of_attempts(&self) -> bool {
        self.attempts >= MAX_ATTEMPTS
    }
}

/// Shrinks a run that failed in simulation or fuzzing with `checks` made: its draws came from
/// the seed, and the first replay writes them down.
pub fn shrink_failure<M: Model>(
    config: &M::Config,
    seed: u64,
    bugs: Bugs,
    failure: RunFailure<M>,
    checks: &Checks<M>,
) -> Shrunk<M> {
    shrink::<M>(
        config,
        seed,
        bugs,
        failure.steps,
        Vec::new(),
        &failure.violation,
        checks,
    )
}

/// Shrinks `steps` (with `draws`, what each step drew; empty for "from the seed"), which
/// broke `target` from `seed` with `bugs` planted and `checks` made.
///
/// The thorough replay checks more after each step than a fast run does (a refusal changed
/// nothing, the step's events replay and survive JSON), so it may find something else break
/// first: then that is what the case shows, and what is shrunk, and the passes say so. When
/// nothing breaks step by step, the passes say what that points at, and the case is kept.
pub fn shrink<M: Model>(
    config: &M::Config,
    seed: u64,
    bugs: Bugs,
    steps: Vec<Step<M::Action>>,
    draws: Vec<Vec<Draw>>,
    target: &Violation,
    checks: &Checks<M>,
) -> Shrunk<M> {
    let case = (config, seed, bugs);
    let quick = shrink_with(case, steps.clone(), draws.clone(), target, checks, false);
    if quick.checked_in_full {
        return quick;
    }
    // The shrunk case breaks a JSON round trip first, which its candidates were not sent
    // through: shrink again with every check on every candidate.
    shrink_with(case, steps, draws, target, checks, true)
}

/// [`shrink`], with the JSON round trip made on every candidate or only on the shrunk case.
fn shrink_with<M: Model>(
    (config, seed, bugs): (&M::Config, u64, Bugs),
    steps: Vec<Step<M::Action>>,
    draws: Vec<Vec<Draw>>,
    target: &Violation,
    checks: &Checks<M>,
    json_on_every_candidate: bool,
) -> Shrunk<M> {
    let candidate_checks = if json_on_every_candidate || target.invariant == JSON_ROUND_TRIP {
        checks.clone()
    } else {
        checks.without_json()
    };
    let mut shrinker = Shrinker::<M> {
        checks,
        candidate_checks,
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
        let first = shrinker.replay(&steps, &draws, checks).violation;
        let broke_first = first.as_ref().map(|found| found.invariant.clone());
        let retargeted = first.filter(|found| {
            shrinker.invariant.clone_from(&found.invariant);
            if found.invariant == JSON_ROUND_TRIP {
                shrinker.candidate_checks = checks.clone();
            }
            shrinker.accept(steps.clone(), &draws)
        });
        match retargeted {
            Some(found) => {
                report.passes.push(format!(
                    "step by step, `{}` broke first, at step {} (the run found `{}` at step {}, \
                     checking less after each step): shrinking that",
                    found.invariant, found.step, target.invariant, target.step
                ));
            }
            None => {
                report.to = steps.len();
                report.attempts = shrinker.attempts;
                report.passes.push(match broke_first {
                    Some(other) => format!(
                        "not shrunk: replayed step by step, `{other}` broke first, and a replay \
                         of the case does not break it again the same way"
                    ),
                    None => format!(
                        "not shrunk: replayed step by step, the {} broke nothing, so the \
                         failure depends on something the steps do not carry (state kept \
                         between runs in a static or thread-local, a clock, OS randomness)",
                        plural(steps.len(), "step")
                    ),
                });
                return Shrunk {
                    steps,
                    draws,
                    violation: target.clone(),
                    skip: checks.skipped().to_vec(),
                    report,
                    checked_in_full: true,
                };
            }
        }
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
        note("renumbered clients", renumber::clients(&mut shrinker));
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
    let first = shrinker
        .replay(&shrinker.steps, &shrinker.draws, checks)
        .violation;
    let checked_in_full = !matches!(first, Some(v) if v.invariant == JSON_ROUND_TRIP && v.invariant != shrinker.invariant);
    let skip = shrinker.needed_skip();
    Shrunk {
        steps: shrinker.steps,
        draws: shrinker.draws,
        violation: shrinker.violation,
        skip,
        report,
        checked_in_full,
    }
}

#[cfg(test)]
mod tests;
