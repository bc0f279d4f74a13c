//! The run loop of a domain with an outbox: the scheduler picks each step, the world takes
//! it, every invariant is checked after it, and at the end the bus drains and the
//! `eventually` invariants run.

use std::ops::Range;

use rewind_engine::{Choices, Coverage, Engine, Model, Step, Violation, project};

use super::{Outcome, World};
use crate::check::{self, Checks};
use crate::run::{
    Played, RunCounts, RunSpec, fold_accepted, next_action, run_ended, step_invariants, swarm_mask,
};

/// [`crate::run::play`] for a domain with an outbox.
pub(crate) fn play<M: Model>(
    mut engine: Engine<M>,
    spec: &RunSpec<'_, M>,
    choices: &mut dyn Choices,
    counts: &mut RunCounts,
    coverage: &mut Coverage,
) -> Played<M> {
    engine.reserve(spec.steps);
    let mut views = M::projections(spec.config, spec.bugs);
    let mask = swarm_mask::<M>(spec.seed, spec.swarm);
    let mut world = World::<M>::new(spec.faults).setting_aside(spec.checks);
    if !spec.concurrency {
        world = world.without_clients();
    }
    let mut steps: Vec<Step<M::Action>> = Vec::with_capacity(spec.steps);
    let mut current = 0;
    let outcome = crate::panic::catch(|| {
        while steps.len() < spec.steps && !choices.exhausted() {
            current = steps.len();
            let step = {
                let state = engine.state();
                world.next_step(state, choices, |choices| {
                    next_action::<M>(state, choices, mask)
                })
            };
            steps.push(step);
            let step = &steps[current];
            let appended = match take(&mut world, &mut engine, step, &mut views, coverage, counts) {
                Err(found) => return Some(at(found, current)),
                Ok(appended) => appended,
            };
            let found = match appended {
                // A restart rebuilt the state and lost its volatile parts: check everything.
                None => spec.checks.invariants(engine.state(), &views, current),
                Some(range) => {
                    let events = &engine.events()[range];
                    step_invariants(spec, engine.state(), &views, current, events)
                }
            };
            if found.is_some() {
                return found;
            }
        }
        current = steps.len();
        let settled = settle(
            &mut world,
            &mut engine,
            &mut views,
            spec.checks,
            coverage,
            counts,
        );
        if let Err(found) = settled {
            return Some(at(found, current));
        }
        // The engine counts dispatches, not steps (a restart dispatches nothing): place a
        // whole-history finding at the last step taken.
        check::history(&engine, &views, spec.depth(), spec.checks)
            .map(|found| at(found, steps.len().saturating_sub(1)))
    });
    Played {
        engine,
        violation: run_ended(outcome, current, counts, spec.checks),
        world_steps: Some(steps),
    }
}

/// `violation` placed at step `step`.
fn at(mut violation: Violation, step: usize) -> Violation {
    violation.step = step;
    violation
}

/// Takes one step and folds what it appended: the range of the event log it appended
/// (empty when nothing was), or `None` after a restart. A violation the world found (its
/// step not yet set) is the error.
pub(crate) fn take<M: Model>(
    world: &mut World<M>,
    engine: &mut Engine<M>,
    step: &Step<M::Action>,
    views: &mut M::Projections,
    coverage: &mut Coverage,
    counts: &mut RunCounts,
) -> Result<Option<Range<usize>>, Violation> {
    counts.dispatches += 1;
    match world.take(engine, step, &[], coverage)? {
        Outcome::Dispatched(Ok(range)) => {
            fold_accepted(engine, range.clone(), views, coverage, counts);
            Ok(Some(range))
        }
        Outcome::Dispatched(Err(_)) | Outcome::NotTaken(_) => {
            counts.rejected += 1;
            Ok(Some(0..0))
        }
        Outcome::Restarted => {
            *views = rebuilt_views::<M>(engine);
            Ok(None)
        }
        Outcome::Began { .. } | Outcome::Retried { .. } => Ok(Some(0..0)),
    }
}

/// The projections a restarted process folds again from the log it read back.
pub(crate) fn rebuilt_views<M: Model>(engine: &Engine<M>) -> M::Projections {
    project(
        M::projections(engine.config(), engine.bugs()),
        engine.events(),
    )
}

/// The end of a run: the bus delivers every message still waiting, oldest first (each
/// checked like any step), then the `eventually` invariants run. The violation's step is
/// left for the caller to set.
pub(crate) fn settle<M: Model>(
    world: &mut World<M>,
    engine: &mut Engine<M>,
    views: &mut M::Projections,
    checks: &Checks<M>,
    coverage: &mut Coverage,
    counts: &mut RunCounts,
) -> Result<(), Violation> {
    for _ in 0..super::MAX_DRAIN {
        let Some(step) = world.next_to_drain(engine.state()) else {
            break;
        };
        take(world, engine, &step, views, coverage, counts)?;
        if let Some(found) = checks.invariants(engine.state(), views, 0) {
            return Err(found);
        }
    }
    match checks.eventually(engine.state(), views) {
        Some(found) => Err(found),
        None => Ok(()),
    }
}
