//! A unit-test helper for every domain: the bot plays the rules under the engine with every
//! invariant after every dispatch, a refusal must change nothing, and each run's events must
//! replay to its state and re-dispatch to themselves. (The harness does all this at scale; this
//! keeps a domain's own `cargo test -p rewind-domains` honest without naming the harness.)

use rewind::{Bugs, Coverage, Engine, Model, Projection, RandomChoices, run_seed};

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
            let before = engine.state().clone();
            match engine.dispatch(action) {
                Ok(range) => {
                    for event in &engine.events()[range] {
                        views.fold(event);
                        M::cover(engine.state(), event, coverage);
                    }
                }
                Err(_) => assert_eq!(&before, engine.state(), "a refusal changed state"),
            }
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
/// reach every one of its coverage labels.
pub(crate) fn assert_clean_and_covering<M: Model>(runs: u64, steps: usize) {
    let mut coverage = Coverage::new(M::COVERAGE.len());
    assert_eq!(
        self_check::<M>(Bugs::NONE, runs, steps, &mut coverage),
        None
    );
    for (label, hits) in M::COVERAGE.iter().zip(coverage.counts()) {
        assert!(*hits > 0, "the bot never reached {label}");
    }
}

/// Asserts that planted bug `i` of `M` has id `i` and, planted alone, breaks exactly
/// `expected[i]` within `runs` bot games of `steps` steps.
pub(crate) fn assert_each_bug_caught_by<M: Model>(expected: &[&str], runs: u64, steps: usize) {
    assert_eq!(expected.len(), M::BUGS.len());
    for (index, bug) in M::BUGS.iter().enumerate() {
        assert_eq!(bug.id, rewind::BugId(index as u8));
        let caught = self_check::<M>(
            Bugs::NONE.with(bug.id),
            runs,
            steps,
            &mut Coverage::new(M::COVERAGE.len()),
        );
        assert_eq!(caught, Some(expected[index]), "bug {}", bug.name);
    }
}
