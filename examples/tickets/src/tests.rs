//! The bot plays the box office under `rewind::Engine`: it reaches every coverage label, a
//! refused action changes nothing, and the events alone rebuild the state. These hold with
//! the defects in or fixed, so no invariant is asked here: `sim tickets` and the property
//! test do that.

use rewind::{Bugs, Coverage, Engine, Model, RandomChoices, run_seed};

use super::BoxOffice;

const RUNS: u64 = 300;
const STEPS: usize = 100;

#[test]
fn the_bot_reaches_every_corner_and_refusals_change_nothing() {
    let mut coverage = Coverage::new(BoxOffice::COVERAGE.len());
    let mut refused = 0;
    for run in 0..RUNS {
        let seed = run_seed(11, run);
        let mut engine = Engine::<BoxOffice>::new((), seed, Bugs::NONE);
        let mut choices = RandomChoices::new(seed);
        for _ in 0..STEPS {
            let action = BoxOffice::next_action(engine.state(), &mut choices);
            let before = engine.state().clone();
            match engine.dispatch(action) {
                Ok(range) => {
                    for event in &engine.events()[range] {
                        BoxOffice::cover(engine.state(), event, &mut coverage);
                    }
                }
                Err(refusal) => {
                    refused += 1;
                    assert_eq!(&before, engine.state(), "{refusal} changed the state");
                }
            }
        }
        let rebuilt = Engine::<BoxOffice>::replay_events(&(), Bugs::NONE, engine.events());
        assert_eq!(
            &rebuilt,
            engine.state(),
            "run {run}: the events rebuild the state"
        );
    }
    for (label, hits) in BoxOffice::COVERAGE.iter().zip(coverage.counts()) {
        assert!(*hits > 0, "no run reached `{label}`");
    }
    let dispatched = RUNS * STEPS as u64;
    assert!(
        (dispatched / 50..dispatched / 3).contains(&refused),
        "{refused} of {dispatched} refused: the bot should be mostly sensible, now and then not"
    );
}
