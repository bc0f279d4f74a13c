//! Projections: folded over the whole stream or a prefix, equal to the ones folded live.

use rewind_engine::{Bugs, Engine, Model, Projection, RandomChoices, project};

use crate::ledger::{Ledger, LedgerConfig, WITHDRAW_IGNORED};
use crate::ledger_model::LedgerViews;
use crate::support::{bot_run, prefix_states};

#[test]
fn projecting_the_whole_stream_equals_folding_it_live() {
    let config = LedgerConfig::default();
    let mut engine = Engine::<Ledger>::new(config.clone(), 31, Bugs::NONE);
    let mut live = Ledger::projections(&config, Bugs::NONE);
    let mut choices = RandomChoices::new(31);
    for step in 0..1500 {
        let action = Ledger::next_action(engine.state(), &mut choices);
        if let Ok(range) = engine.dispatch(action) {
            for event in &engine.events()[range] {
                live.fold(event);
            }
        }
        if step % 100 == 0 {
            assert_eq!(
                project(LedgerViews::default(), engine.events()),
                live,
                "step {step}"
            );
        }
    }
    let rebuilt = project(LedgerViews::default(), engine.events());
    assert_eq!(rebuilt, live);
    assert_eq!(rebuilt.events, engine.events().len() as u64);
    assert_eq!(rebuilt.net(), engine.state().total());
    assert!(rebuilt.withdrawn > 0 && rebuilt.prizes > 0);
}

#[test]
fn projecting_a_prefix_folds_only_that_prefix() {
    let events = bot_run(32, Bugs::NONE, 1200).events().to_vec();
    let states = prefix_states(Bugs::NONE, &events);
    let mut by_hand = LedgerViews::default();
    for n in 0..=events.len() {
        let views = project(LedgerViews::default(), &events[..n]);
        assert_eq!(views, by_hand, "prefix of {n}");
        assert_eq!(views.net(), states[n].total(), "prefix of {n}");
        if let Some(event) = events.get(n) {
            by_hand.fold(event);
        }
    }
    let first_ten = project(LedgerViews::default(), &events[..10]);
    assert_eq!(first_ten.events, 10);
    assert_ne!(first_ten, project(LedgerViews::default(), &events));
}

#[test]
fn projecting_continues_from_the_value_it_is_given() {
    let events = bot_run(33, Bugs::NONE, 400).events().to_vec();
    let half = project(LedgerViews::default(), &events[..200]);
    assert_eq!(
        project(half, &events[200..]),
        project(LedgerViews::default(), &events)
    );
    // The unit projection folds nothing and is always available.
    project((), &events);
}

#[test]
fn the_stream_invariant_catches_a_bug_planted_in_apply() {
    let bugs = Bugs::NONE.with(WITHDRAW_IGNORED);
    let engine = bot_run(34, bugs, 300);
    let views = project(LedgerViews::default(), engine.events());
    let check = Ledger::invariants()[0].check;
    let message = check(engine.state(), &views).unwrap_err();
    assert!(message.contains(&views.net().to_string()), "{message}");
    let clean = bot_run(34, Bugs::NONE, 300);
    let views = project(LedgerViews::default(), clean.events());
    assert_eq!(check(clean.state(), &views), Ok(()));
}
