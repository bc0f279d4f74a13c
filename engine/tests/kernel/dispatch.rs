//! Dispatch: accepted actions append and apply their events; refused ones change nothing but
//! the action log; `env.now()` is the step index. Both paths: with reactors (ledger) and
//! without (counter).

use std::panic::{AssertUnwindSafe, catch_unwind};

use rewind_engine::{Bugs, Engine, Refusal};

use crate::counter::{Counter, CounterAction, CounterEvent, CounterReject};
use crate::ledger::{Ledger, LedgerAction, LedgerConfig, LedgerEvent, LedgerReject};

fn ledger() -> Engine<Ledger> {
    Engine::new(LedgerConfig::default(), 11, Bugs::NONE)
}

#[test]
fn accepted_actions_append_their_events_and_apply_them() {
    let mut engine = ledger();
    let range = engine
        .dispatch(LedgerAction::Deposit {
            account: 1,
            amount: 50,
        })
        .unwrap();
    assert_eq!(range, 0..1);
    let range = engine
        .dispatch(LedgerAction::Transfer {
            from: 1,
            to: 2,
            amount: 20,
        })
        .unwrap();
    assert_eq!(range, 1..3);
    let expected = [
        LedgerEvent::Deposited {
            account: 1,
            amount: 50,
        },
        LedgerEvent::Withdrawn {
            account: 1,
            amount: 20,
        },
        LedgerEvent::Deposited {
            account: 2,
            amount: 20,
        },
    ];
    assert_eq!(engine.events(), &expected);
    assert_eq!(engine.step_events(0), &expected[..1]);
    assert_eq!(engine.step_events(1), &expected[1..]);
    assert_eq!(engine.state().balance(1), 30);
    assert_eq!(engine.state().balance(2), 20);
    assert_eq!(engine.state().applied, 3);
    assert_eq!(engine.steps(), 2);
    assert_eq!(engine.step_events(2), &[], "no step 2 yet");
}

#[test]
fn a_refused_action_changes_nothing_but_the_action_log() {
    let mut engine = ledger();
    engine
        .dispatch(LedgerAction::Deposit {
            account: 0,
            amount: 10,
        })
        .unwrap();
    engine.dispatch(LedgerAction::Stamp).unwrap();
    let state = engine.state().clone();
    let events = engine.events().to_vec();
    let steps: Vec<Vec<LedgerEvent>> = (0..2).map(|s| engine.step_events(s).to_vec()).collect();

    // Transfer pushes both of its events before it finds the balance short.
    let short = LedgerAction::Transfer {
        from: 0,
        to: 3,
        amount: 11,
    };
    let refusal = engine.dispatch(short.clone()).unwrap_err();
    assert_eq!(
        refusal,
        Refusal::Rejected(LedgerReject::Insufficient {
            account: 0,
            balance: 10,
            amount: 11
        })
    );
    assert_eq!(engine.state(), &state);
    assert_eq!(engine.events(), &events[..]);
    assert_eq!(engine.step_events(2), &[]);
    for (step, before) in steps.iter().enumerate() {
        assert_eq!(engine.step_events(step), &before[..], "step {step}");
    }
    assert_eq!(engine.steps(), 3);
    assert_eq!(engine.actions().last(), Some(&short));

    // The next accepted step lands right after the refused one.
    let range = engine
        .dispatch(LedgerAction::Deposit {
            account: 0,
            amount: 1,
        })
        .unwrap();
    assert_eq!(range, events.len()..events.len() + 1);
    assert_eq!(
        engine.step_events(3),
        &[LedgerEvent::Deposited {
            account: 0,
            amount: 1
        }]
    );
}

#[test]
fn env_now_is_the_step_index_counting_refused_steps() {
    let mut engine = ledger();
    engine.dispatch(LedgerAction::Stamp).unwrap();
    let _ = engine
        .dispatch(LedgerAction::Withdraw {
            account: 0,
            amount: 5,
        })
        .unwrap_err();
    let _ = engine.dispatch(LedgerAction::Raffle { key: 1 }).unwrap();
    engine.dispatch(LedgerAction::Stamp).unwrap();
    assert_eq!(engine.step_events(0), &[LedgerEvent::Stamped { now: 0 }]);
    assert_eq!(engine.step_events(3), &[LedgerEvent::Stamped { now: 3 }]);
    assert_eq!(engine.state().last_stamp, Some(3));
}

#[test]
fn env_now_counts_steps_not_given_events() {
    let given = vec![LedgerEvent::Stamped { now: 40 }; 5];
    let mut engine = Engine::<Ledger>::resume(LedgerConfig::default(), 1, Bugs::NONE, given);
    engine.dispatch(LedgerAction::Stamp).unwrap();
    assert_eq!(engine.step_events(0), &[LedgerEvent::Stamped { now: 0 }]);
}

#[test]
fn without_reactors_a_refusal_discards_the_events_decide_pushed() {
    let mut engine = Engine::<Counter>::new((), 0, Bugs::NONE);
    engine
        .dispatch(CounterAction::AddEach { by: 2, times: 3 })
        .unwrap();
    let state = engine.state().clone();
    let refusal = engine
        .dispatch(CounterAction::AddEach { by: 2, times: 5 })
        .unwrap_err();
    assert_eq!(
        refusal,
        Refusal::Rejected(CounterReject::TooMany { times: 5 })
    );
    assert_eq!(engine.state(), &state);
    assert_eq!(engine.events(), &[CounterEvent::Added { by: 2 }; 3]);
    assert_eq!(engine.step_events(1), &[]);
    assert_eq!(engine.step_events(0).len(), 3);
    assert_eq!(engine.state().value, 6);
}

#[test]
fn react_is_not_consulted_when_the_domain_does_not_react() {
    // Counter::react asks for `Add { by: 0 }`, which would refuse the step if it ran.
    let mut engine = Engine::<Counter>::new((), 0, Bugs::NONE);
    assert_eq!(engine.dispatch(CounterAction::Add { by: 4 }), Ok(0..1));
    assert_eq!(engine.state().value, 4);
}

#[test]
fn a_panicking_step_leaves_its_action_at_the_end_of_the_action_log() {
    let mut engine = Engine::<Counter>::new((), 0, Bugs::NONE);
    engine.dispatch(CounterAction::Add { by: 1 }).unwrap();
    let panicked = catch_unwind(AssertUnwindSafe(|| {
        let _ = engine.dispatch(CounterAction::Explode);
    }));
    assert!(panicked.is_err());
    assert_eq!(engine.actions().last(), Some(&CounterAction::Explode));
    assert_eq!(engine.steps(), 2);
    assert_eq!(engine.step_events(1), &[]);
    assert_eq!(engine.state().value, 1);
}

#[test]
fn after_a_panic_the_engine_refuses_every_dispatch_until_restarted() {
    let mut engine = Engine::<Counter>::new((), 0, Bugs::NONE);
    let panicked = catch_unwind(AssertUnwindSafe(|| {
        let _ = engine.dispatch(CounterAction::Explode);
    }));
    assert!(panicked.is_err());
    assert_eq!(
        engine.dispatch(CounterAction::Add { by: 1 }),
        Err(Refusal::Poisoned)
    );
    assert_eq!(
        engine.steps(),
        1,
        "a refusal of a poisoned engine logs nothing"
    );
    assert!(
        Refusal::<CounterReject>::Poisoned
            .to_string()
            .contains("panicked")
    );
    engine.restart((), 0, Bugs::NONE);
    assert_eq!(engine.dispatch(CounterAction::Add { by: 1 }), Ok(0..1));
}

#[test]
fn the_engine_reports_what_it_was_built_with() {
    let bugs = Bugs::NONE.with(crate::ledger::DOUBLE_DEPOSIT);
    let config = LedgerConfig { accounts: 9 };
    let engine = Engine::<Ledger>::new(config.clone(), 77, bugs);
    assert_eq!(engine.config(), &config);
    assert_eq!(engine.seed(), 77);
    assert_eq!(engine.bugs(), bugs);
    assert_eq!(engine.state().accounts, 9);
    assert_eq!(engine.steps(), 0);
    assert!(engine.events().is_empty());
}

#[test]
fn reserving_room_changes_no_outcome() {
    let actions = [
        LedgerAction::Deposit {
            account: 0,
            amount: 9,
        },
        LedgerAction::Lottery { account: 0 },
        LedgerAction::Withdraw {
            account: 1,
            amount: 1,
        },
    ];
    let mut plain = ledger();
    let mut reserved = ledger();
    reserved.reserve(1000);
    assert_eq!((reserved.steps(), reserved.events().len()), (0, 0));
    for action in actions {
        assert_eq!(reserved.dispatch(action.clone()), plain.dispatch(action));
    }
    assert_eq!(reserved.events(), plain.events());
    assert_eq!(reserved.step_events(2), &[]);
    assert_eq!(reserved.state(), plain.state());
}
