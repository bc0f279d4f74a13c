//! Reactor cascades: follow-ups run inside the same step, breadth first; a refused follow-up
//! or a runaway reactor undoes the whole step; the bounds are the documented ones.

use rewind_engine::{Bugs, Engine, MAX_CASCADE_ACTIONS, MAX_CASCADE_DEPTH, Refusal};

use crate::ledger::{Ledger, LedgerAction, LedgerConfig, LedgerEvent, LedgerReject, LedgerState};
use crate::ledger_rules::decide_calls;

fn funded(amount: i64) -> Engine<Ledger> {
    let mut engine = Engine::new(LedgerConfig::default(), 5, Bugs::NONE);
    engine
        .dispatch(LedgerAction::Deposit { account: 0, amount })
        .unwrap();
    engine
}

fn spawn(children: u32, depth: u32) -> LedgerAction {
    LedgerAction::Spawn {
        id: 1,
        children,
        depth,
    }
}

/// Dispatches `action`, which must be refused with `expected`, and checks the step left
/// state and events as they were.
#[track_caller]
fn assert_refused_whole(
    engine: &mut Engine<Ledger>,
    action: LedgerAction,
    expected: Refusal<LedgerReject>,
) {
    let state: LedgerState = engine.state().clone();
    let events = engine.events().to_vec();
    let step = engine.steps();
    assert_eq!(engine.dispatch(action.clone()), Err(expected));
    assert_eq!(engine.state(), &state, "the state must be as before");
    assert_eq!(
        engine.events(),
        &events[..],
        "the event log must be as before"
    );
    assert_eq!(engine.step_events(step), &[]);
    assert_eq!(engine.actions().last(), Some(&action));
}

#[test]
fn a_follow_up_runs_in_the_same_step() {
    let mut engine = funded(100);
    let range = engine
        .dispatch(LedgerAction::Order {
            account: 0,
            price: 30,
        })
        .unwrap();
    let expected = [
        LedgerEvent::Ordered {
            account: 0,
            price: 30,
        },
        LedgerEvent::Withdrawn {
            account: 0,
            amount: 30,
        },
    ];
    assert_eq!(&engine.events()[range], &expected);
    assert_eq!(engine.step_events(1), &expected);
    assert_eq!(engine.steps(), 2, "follow-ups are not steps of their own");
    assert_eq!(engine.actions().len(), 2, "nor entries in the action log");
    assert_eq!(engine.state().balance(0), 70);
    assert_eq!(engine.state().orders, 1);
}

#[test]
fn follow_ups_run_breadth_first() {
    let mut engine = Engine::<Ledger>::new(LedgerConfig::default(), 0, Bugs::NONE);
    engine.dispatch(spawn(2, 2)).unwrap();
    // Depth first would be 1, 101, 10101, 10102, 102, 10201, 10202.
    assert_eq!(
        engine.state().spawned,
        [1, 101, 102, 10101, 10102, 10201, 10202]
    );
    let ids: Vec<u64> = engine
        .step_events(0)
        .iter()
        .map(|event| match event {
            LedgerEvent::Spawned { id, .. } => *id,
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(ids, engine.state().spawned);
}

#[test]
fn a_refused_follow_up_undoes_the_whole_step() {
    let mut engine = funded(20);
    assert_refused_whole(
        &mut engine,
        LedgerAction::Order {
            account: 0,
            price: 21,
        },
        Refusal::ReactorRejected {
            depth: 1,
            reason: LedgerReject::Insufficient {
                account: 0,
                balance: 20,
                amount: 21,
            },
        },
    );
    assert_eq!(engine.state().orders, 0, "the applied `Ordered` was undone");
}

#[test]
fn a_refusal_two_levels_down_names_its_depth_and_undoes_every_level() {
    let mut engine = funded(20);
    assert_refused_whole(
        &mut engine,
        LedgerAction::Relay {
            account: 0,
            price: 50,
        },
        Refusal::ReactorRejected {
            depth: 2,
            reason: LedgerReject::Insufficient {
                account: 0,
                balance: 20,
                amount: 50,
            },
        },
    );
    assert_eq!((engine.state().relays, engine.state().orders), (0, 0));
    // The same relay, affordable, lands all three levels.
    engine
        .dispatch(LedgerAction::Relay {
            account: 0,
            price: 15,
        })
        .unwrap();
    assert_eq!(engine.step_events(2).len(), 3);
    assert_eq!(engine.state().balance(0), 5);
}

#[test]
fn a_refusal_of_the_action_itself_is_not_a_reactor_refusal() {
    let mut engine = funded(20);
    assert_refused_whole(
        &mut engine,
        LedgerAction::Order {
            account: 0,
            price: -1,
        },
        Refusal::Rejected(LedgerReject::NotPositive { amount: -1 }),
    );
}

#[test]
fn an_endless_reactor_overflows_within_the_depth_bound() {
    let mut engine = funded(20);
    let before = decide_calls();
    assert_refused_whole(
        &mut engine,
        LedgerAction::Echo { n: 0 },
        Refusal::CascadeOverflow,
    );
    let decided = decide_calls() - before;
    assert!(
        decided <= 1 + MAX_CASCADE_DEPTH,
        "{decided} decisions for a chain bounded at depth {MAX_CASCADE_DEPTH}"
    );
    assert_eq!(engine.state().echoes, 0);
    // The engine is not wedged: the next step is an ordinary one.
    engine.dispatch(LedgerAction::Stamp).unwrap();
    assert_eq!(engine.state().last_stamp, Some(2));
}

#[test]
fn an_endless_fan_out_overflows_within_the_action_bound() {
    let mut engine = funded(20);
    let before = decide_calls();
    assert_refused_whole(&mut engine, spawn(2, u32::MAX), Refusal::CascadeOverflow);
    let decided = decide_calls() - before;
    assert!(
        decided <= 1 + MAX_CASCADE_ACTIONS,
        "{decided} decisions for a cascade bounded at {MAX_CASCADE_ACTIONS} follow-ups"
    );
    assert!(engine.state().spawned.is_empty());
}

#[test]
fn a_cascade_exactly_at_the_depth_bound_is_accepted_and_one_deeper_is_not() {
    let depth = MAX_CASCADE_DEPTH as u32;
    let mut engine = Engine::<Ledger>::new(LedgerConfig::default(), 0, Bugs::NONE);
    engine.dispatch(spawn(1, depth)).unwrap();
    assert_eq!(engine.state().spawned.len(), MAX_CASCADE_DEPTH + 1);
    assert_refused_whole(&mut engine, spawn(1, depth + 1), Refusal::CascadeOverflow);
}

#[test]
fn a_cascade_exactly_at_the_action_bound_is_accepted_and_one_more_is_not() {
    let width = MAX_CASCADE_ACTIONS as u32;
    let mut engine = Engine::<Ledger>::new(LedgerConfig::default(), 0, Bugs::NONE);
    engine.dispatch(spawn(width, 1)).unwrap();
    assert_eq!(engine.state().spawned.len(), MAX_CASCADE_ACTIONS + 1);
    assert_refused_whole(&mut engine, spawn(width + 1, 1), Refusal::CascadeOverflow);
    // Spread over rounds: 2 + 4 + 8 + 16 + 32 = 62 follow-ups fit, one more round does not.
    engine.dispatch(spawn(2, 5)).unwrap();
    assert_eq!(engine.step_events(2).len(), 63);
    assert_refused_whole(&mut engine, spawn(2, 6), Refusal::CascadeOverflow);
}

#[test]
fn refusals_read_as_sentences() {
    let reactor: Refusal<LedgerReject> = Refusal::ReactorRejected {
        depth: 2,
        reason: LedgerReject::UnknownAccount { account: 7 },
    };
    assert_eq!(
        reactor.to_string(),
        "a reactor's follow-up at depth 2 was refused: no account 7"
    );
    let overflow: Refusal<LedgerReject> = Refusal::CascadeOverflow;
    let text = overflow.to_string();
    assert!(text.contains(&MAX_CASCADE_DEPTH.to_string()), "{text}");
    assert!(text.contains(&MAX_CASCADE_ACTIONS.to_string()), "{text}");
    let plain: Refusal<LedgerReject> = Refusal::Rejected(LedgerReject::NotPositive { amount: 0 });
    assert_eq!(plain.to_string(), "amount 0 is not positive");
}
