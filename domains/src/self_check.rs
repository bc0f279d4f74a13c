//! A unit-test helper for every domain: the bot plays the rules under the engine with every
//! invariant after every dispatch, a refusal must change nothing, and each run's events must
//! replay to its state and re-dispatch to themselves. (The harness does all this at scale; this
//! keeps a domain's own `cargo test -p rewind-domains` honest without naming the harness.)
//! Messages in an outbox are delivered at once, in order, exactly once, as in a system with
//! no faults: the bugs only faults reveal stay hidden here, which the tests below state.

use std::ops::Range;

use rewind::{Bugs, Coverage, Engine, Model, Projection, RandomChoices, run_seed};

/// Deliveries one action may lead to, at most.
const MAX_DELIVERIES: usize = 64;

/// Dispatches `action`, then each message the outbox holds, oldest first, until it is empty
/// (or [`MAX_DELIVERIES`]); `accepted` sees each accepted dispatch's range of the event log.
/// A refusal must change nothing.
pub(crate) fn dispatch_delivering<M: Model>(
    engine: &mut Engine<M>,
    action: M::Action,
    accepted: &mut dyn FnMut(&Engine<M>, Range<usize>),
) {
    let mut next = Some(action);
    let mut pending = Vec::new();
    for _ in 0..=MAX_DELIVERIES {
        let Some(action) = next.take() else {
            return;
        };
        let before = engine.state().clone();
        match engine.dispatch(action) {
            Ok(range) => accepted(engine, range),
            Err(_) => assert_eq!(&before, engine.state(), "a refusal changed state"),
        }
        pending.clear();
        M::outbox(engine.state(), &mut pending);
        next = pending.first().cloned();
    }
}

/// Plays `runs` bot games of `steps` steps of `M` with its default config and `bugs` planted;
/// the name of the first invariant broken, if any. Adds to `coverage`.
pub(crate) fn self_check<M: Model>(
    bugs: Bugs,
    runs: u64,
    steps: usize,
    coverage: &mut Coverage,
) -> Option<&'static str> {
    for run in 0..runs {
        let seed = run_seed(7, run);
        let config = M::Config::default();
        let mut engine = Engine::<M>::new(config.clone(), seed, bugs);
        let mut views = M::projections(&config, bugs);
        let mut choices = RandomChoices::new(seed);
        for _ in 0..steps {
            let action = M::next_action(engine.state(), &mut choices);
            dispatch_delivering(&mut engine, action, &mut |engine, range| {
                for event in &engine.events()[range] {
                    views.fold(event);
                    M::cover(engine.state(), event, coverage);
                }
            });
            for invariant in M::invariants() {
                if (invariant.check)(engine.state(), &views).is_err() {
                    return Some(invariant.name);
                }
            }
        }
        let rebuilt = Engine::<M>::replay_events(&config, bugs, engine.events());
        assert_eq!(&rebuilt, engine.state(), "replay must rebuild the state");
        assert_eq!(engine.redispatch().events(), engine.events());
    }
    None
}

/// Asserts that `runs` clean bot games of `steps` steps keep every invariant of `M` and
/// reach every one of its coverage labels but `only_with_faults` (which these fault-free
/// games must not reach).
pub(crate) fn assert_clean_and_covering<M: Model>(
    runs: u64,
    steps: usize,
    only_with_faults: &[&str],
) {
    let mut coverage = Coverage::new(M::COVERAGE.len());
    assert_eq!(
        self_check::<M>(Bugs::NONE, runs, steps, &mut coverage),
        None
    );
    for (label, hits) in M::COVERAGE.iter().zip(coverage.counts()) {
        let reached = *hits > 0;
        let expected = !only_with_faults.contains(label);
        assert_eq!(reached, expected, "{label} reached {hits} times");
    }
}

/// Asserts that planted bug `i` of `M` has id `i` and, planted alone, breaks exactly
/// `expected[i]` within `runs` bot games of `steps` steps; `None` for a bug only delivery
/// faults or a crash reveal, which these fault-free games must not catch.
pub(crate) fn assert_each_bug_caught_by<M: Model>(
    expected: &[Option<&str>],
    runs: u64,
    steps: usize,
) {
    assert_eq!(expected.len(), M::BUGS.len());
    for (index, bug) in M::BUGS.iter().enumerate() {
        assert_eq!(bug.id, rewind::BugId(index as u8));
        let caught = self_check::<M>(
            Bugs::NONE.with(bug.id),
            runs,
            steps,
            &mut Coverage::new(M::COVERAGE.len()),
        );
        assert_eq!(caught, expected[index], "bug {}", bug.name);
    }
}
