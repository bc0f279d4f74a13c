//! `Scenario`: given/when/then passes on correct expectations and panics with a readable
//! message (what was expected, what happened) on wrong ones.

use rewind_engine::{Bugs, Engine, Refusal, Scenario};

use crate::ledger::{
    DOUBLE_DEPOSIT, Ledger, LedgerAction, LedgerConfig, LedgerEvent, LedgerReject,
};
use crate::support::{assert_contains, panic_message};

fn funded(amount: i64) -> Scenario<Ledger> {
    Scenario::new().given([LedgerEvent::Deposited { account: 0, amount }])
}

fn withdraw(amount: i64) -> LedgerAction {
    LedgerAction::Withdraw { account: 0, amount }
}

fn withdrawn(amount: i64) -> LedgerEvent {
    LedgerEvent::Withdrawn { account: 0, amount }
}

#[test]
fn correct_expectations_pass() {
    funded(100)
        .when(withdraw(30))
        .then_events([withdrawn(30)])
        .and_state(|state| assert_eq!(state.balance(0), 70))
        .when(withdraw(71))
        .then_reject(LedgerReject::Insufficient {
            account: 0,
            balance: 70,
            amount: 71,
        })
        .and_state(|state| assert_eq!(state.balance(0), 70))
        .when(LedgerAction::Order {
            account: 0,
            price: 80,
        })
        .then_refused()
        .when(LedgerAction::Close { account: 0 })
        .then_events([withdrawn(70)])
        .when(LedgerAction::Close { account: 0 })
        .then_nothing()
        .and_state(|state| assert_eq!(state.balance(0), 0));
}

#[test]
fn given_actions_run_before_the_action_under_test() {
    let then = Scenario::<Ledger>::new()
        .given_actions([
            LedgerAction::Deposit {
                account: 1,
                amount: 5,
            },
            LedgerAction::Stamp,
        ])
        .when(LedgerAction::Stamp)
        .then_events([LedgerEvent::Stamped { now: 2 }]);
    assert_eq!(then.state().balance(1), 5);
    assert_eq!(then.engine().steps(), 3);
    assert_eq!(then.outcome(), &Ok(vec![LedgerEvent::Stamped { now: 2 }]));
}

#[test]
fn seed_config_and_planted_bugs_reach_the_engine() {
    let then = Scenario::<Ledger>::new()
        .seed(17)
        .when(LedgerAction::Lottery { account: 0 });
    let mut engine = Engine::<Ledger>::new(LedgerConfig::default(), 17, Bugs::NONE);
    engine
        .dispatch(LedgerAction::Lottery { account: 0 })
        .unwrap();
    then.then_events(engine.events().to_vec());

    Scenario::<Ledger>::new()
        .config(LedgerConfig { accounts: 2 })
        .when(LedgerAction::Stamp)
        .then_events([LedgerEvent::Stamped { now: 0 }])
        .when(LedgerAction::Close { account: 2 })
        .then_reject(LedgerReject::UnknownAccount { account: 2 });

    Scenario::<Ledger>::new()
        .planted(DOUBLE_DEPOSIT)
        .when(LedgerAction::Deposit {
            account: 0,
            amount: 4,
        })
        .then_events([LedgerEvent::Deposited {
            account: 0,
            amount: 8,
        }]);
}

#[test]
fn wrong_events_panic_showing_expected_and_actual() {
    let message = panic_message(|| {
        funded(100).when(withdraw(30)).then_events([withdrawn(31)]);
    });
    assert_contains(
        &message,
        &[
            "when Withdraw { account: 0, amount: 30 }",
            "expected events:\n  Withdrawn { account: 0, amount: 31 }",
            "but got:\n  Withdrawn { account: 0, amount: 30 }",
        ],
    );
}

#[test]
fn expecting_events_from_a_refused_action_panics_with_the_refusal() {
    let message = panic_message(|| {
        funded(10).when(withdraw(30)).then_events([withdrawn(30)]);
    });
    assert_contains(
        &message,
        &[
            "expected events:\n  Withdrawn { account: 0, amount: 30 }",
            "but it was refused: account 0 holds 10, cannot pay 30",
        ],
    );
}

#[test]
fn expecting_nothing_from_an_action_with_events_panics() {
    let message = panic_message(|| {
        funded(10)
            .when(LedgerAction::Close { account: 0 })
            .then_nothing();
    });
    assert_contains(
        &message,
        &[
            "expected events:\n  (no events)",
            "but got:\n  Withdrawn { account: 0, amount: 10 }",
        ],
    );
}

#[test]
fn a_wrong_reject_panics_showing_both_reasons() {
    let message = panic_message(|| {
        funded(10)
            .when(withdraw(30))
            .then_reject(LedgerReject::NotPositive { amount: 30 });
    });
    assert_contains(
        &message,
        &[
            "expected the reject NotPositive { amount: 30 }",
            "but it was refused with Rejected(Insufficient { account: 0, balance: 10, amount: 30 })",
        ],
    );
}

#[test]
fn expecting_a_reject_where_a_reactor_refused_panics() {
    let refused_by_reactor = Refusal::ReactorRejected {
        depth: 1,
        reason: LedgerReject::Insufficient {
            account: 0,
            balance: 10,
            amount: 30,
        },
    };
    let message = panic_message(|| {
        funded(10)
            .when(LedgerAction::Order {
                account: 0,
                price: 30,
            })
            .then_reject(LedgerReject::Insufficient {
                account: 0,
                balance: 10,
                amount: 30,
            });
    });
    assert_contains(
        &message,
        &[
            "expected the reject Insufficient",
            &format!("but it was refused with {refused_by_reactor:?}"),
        ],
    );
}

#[test]
fn expecting_a_reject_of_an_accepted_action_panics_with_its_events() {
    let message = panic_message(|| {
        funded(100)
            .when(withdraw(30))
            .then_reject(LedgerReject::NotPositive { amount: 30 });
    });
    assert_contains(
        &message,
        &[
            "expected the reject NotPositive { amount: 30 }",
            "but it was accepted with:\n  Withdrawn { account: 0, amount: 30 }",
        ],
    );
}

#[test]
fn expecting_a_refusal_of_an_accepted_action_panics_with_its_events() {
    let message = panic_message(|| {
        funded(100).when(withdraw(30)).then_refused();
    });
    assert_contains(
        &message,
        &[
            "when Withdraw { account: 0, amount: 30 }",
            "expected a refusal but it was accepted with:\n  Withdrawn { account: 0, amount: 30 }",
        ],
    );
}

#[test]
fn a_failing_state_check_panics_with_its_own_message() {
    let message = panic_message(|| {
        funded(100)
            .when(withdraw(30))
            .and_state(|state| assert_eq!(state.balance(0), 71, "balance after withdrawal"));
    });
    assert_contains(&message, &["balance after withdrawal", "70", "71"]);
}

#[test]
fn a_refused_given_action_panics_naming_it() {
    let message = panic_message(|| {
        Scenario::<Ledger>::new()
            .given_actions([LedgerAction::Stamp, withdraw(1)])
            .when(LedgerAction::Stamp);
    });
    assert_contains(
        &message,
        &[
            "given action #1 Withdraw { account: 0, amount: 1 } was refused",
            "account 0 holds 0, cannot pay 1",
        ],
    );
}

#[test]
fn a_scripted_draw_lands_in_the_events_and_a_clone_continues_apart() {
    let table = Scenario::<Ledger>::new().given_action_drawing(
        LedgerAction::Raffle { key: 1 },
        [rewind_engine::Draw::Number(11)],
    );
    let then = table
        .clone()
        .when_drawing(
            LedgerAction::Raffle { key: 2 },
            [rewind_engine::Draw::Number(22)],
        )
        .then_events([LedgerEvent::Raffled { key: 2, draw: 22 }]);
    assert_eq!(
        then.engine().step_events(0),
        [LedgerEvent::Raffled { key: 1, draw: 11 }]
    );
    // The clone taken before `when` is untouched by it, and goes on another way.
    let other = then.clone().when(LedgerAction::Stamp);
    table
        .when(LedgerAction::Stamp)
        .then_events([LedgerEvent::Stamped { now: 1 }]);
    assert_eq!(then.engine().steps(), 2);
    assert_eq!(other.engine().steps(), 3);
}

#[test]
fn a_scripted_draw_the_step_never_makes_fails_the_scenario() {
    let message = panic_message(|| {
        funded(10).when_drawing(withdraw(1), [rewind_engine::Draw::Number(4)]);
    });
    assert_contains(&message, &["scripted to draw [Number(4)]", "but drew []"]);
}
