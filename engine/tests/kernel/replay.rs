//! Replay at both levels: re-applying events rebuilds the state; re-dispatching the actions
//! reproduces the event log bit for bit, env draws included; `resume` starts from events.

use rewind_engine::{Bugs, Engine, hash_events};

use crate::ledger::{Ledger, LedgerAction, LedgerConfig, LedgerEvent, WITHDRAW_IGNORED};
use crate::support::bot_run;

fn count(events: &[LedgerEvent], matches: fn(&LedgerEvent) -> bool) -> usize {
    events.iter().filter(|event| matches(event)).count()
}

#[test]
fn the_bot_run_exercises_draws_cascades_and_refusals() {
    // Guards the tests below: they prove little on a run without these.
    let engine = bot_run(3, Bugs::NONE, 2000);
    let events = engine.events();
    assert!(count(events, |e| matches!(e, LedgerEvent::Won { .. })) > 20);
    assert!(count(events, |e| matches!(e, LedgerEvent::Raffled { .. })) > 20);
    assert!(count(events, |e| matches!(e, LedgerEvent::Ordered { .. })) > 20);
    assert!(count(events, |e| matches!(e, LedgerEvent::Relayed { .. })) > 5);
    let refused = (0..engine.steps())
        .filter(|&step| engine.step_events(step).is_empty())
        .count();
    assert!(refused > 100, "only {refused} refused steps");
}

#[test]
fn replaying_the_events_rebuilds_the_live_state() {
    for seed in [1, 2, 3] {
        let engine = bot_run(seed, Bugs::NONE, 2000);
        let rebuilt = Engine::<Ledger>::replay_events(engine.config(), Bugs::NONE, engine.events());
        assert_eq!(&rebuilt, engine.state(), "seed {seed}");
    }
}

#[test]
fn replay_plants_the_bugs_it_is_given() {
    let engine = bot_run(4, Bugs::NONE.with(WITHDRAW_IGNORED), 500);
    let config = engine.config();
    let with_bug = Engine::<Ledger>::replay_events(config, engine.bugs(), engine.events());
    let without = Engine::<Ledger>::replay_events(config, Bugs::NONE, engine.events());
    assert_eq!(&with_bug, engine.state());
    assert_ne!(without.balances, with_bug.balances);
}

#[test]
fn redispatching_reproduces_the_event_log_bit_for_bit() {
    for seed in [5, 6] {
        let engine = bot_run(seed, Bugs::NONE, 2000);
        let replica = engine.redispatch();
        assert_eq!(replica.actions(), engine.actions());
        assert_eq!(replica.events(), engine.events());
        assert_eq!(
            serde_json::to_string(replica.events()).unwrap(),
            serde_json::to_string(engine.events()).unwrap()
        );
        assert_eq!(hash_events(replica.events()), hash_events(engine.events()));
        assert_eq!(replica.state(), engine.state());
        for step in 0..engine.steps() {
            assert_eq!(replica.step_events(step), engine.step_events(step));
        }
    }
}

#[test]
fn the_draws_depend_on_the_seed_so_redispatch_is_a_real_check() {
    let engine = bot_run(7, Bugs::NONE, 1000);
    let mut other = Engine::<Ledger>::new(engine.config().clone(), 8, Bugs::NONE);
    for action in engine.actions() {
        let _ = other.dispatch(action.clone());
    }
    assert_ne!(other.events(), engine.events());
}

#[test]
fn resume_starts_from_the_given_events() {
    let original = bot_run(9, Bugs::NONE, 600);
    let given = original.events()[..300].to_vec();
    let mut engine =
        Engine::<Ledger>::resume(LedgerConfig::default(), 9, Bugs::NONE, given.clone());
    assert_eq!(
        engine.state(),
        &Engine::<Ledger>::replay_events(&LedgerConfig::default(), Bugs::NONE, &given)
    );
    assert_eq!(engine.events(), &given[..]);
    assert_eq!(engine.steps(), 0);
    assert_eq!(engine.step_events(0), &[]);

    let range = engine
        .dispatch(LedgerAction::Deposit {
            account: 2,
            amount: 5,
        })
        .unwrap();
    assert_eq!(range, 300..301);
    assert_eq!(
        engine.step_events(0),
        &[LedgerEvent::Deposited {
            account: 2,
            amount: 5
        }],
        "step 0 holds only what it appended, not the given events"
    );
    let _ = engine.dispatch(LedgerAction::Lottery { account: 1 });
    let _ = engine.dispatch(LedgerAction::Withdraw {
        account: 3,
        amount: 1_000_000,
    });

    let replica = engine.redispatch();
    assert_eq!(replica.events(), engine.events());
    assert_eq!(replica.state(), engine.state());
    assert_eq!(replica.step_events(0), engine.step_events(0));
    assert_eq!(
        &Engine::<Ledger>::replay_events(engine.config(), Bugs::NONE, engine.events()),
        engine.state()
    );
}

#[test]
fn a_cloned_engine_continues_exactly_like_the_original() {
    // `Ledger` is a bare unit struct: the engine must be Clone and Debug all the same.
    let mut engine = bot_run(10, Bugs::NONE, 300);
    let mut clone = engine.clone();
    assert!(format!("{clone:?}").starts_with("Engine {"));
    for action in [
        LedgerAction::Lottery { account: 0 },
        LedgerAction::Stamp,
        LedgerAction::Lottery { account: 2 },
    ] {
        assert_eq!(clone.dispatch(action.clone()), engine.dispatch(action));
    }
    assert_eq!(clone.events(), engine.events());
    assert_eq!(clone.state(), engine.state());
}
