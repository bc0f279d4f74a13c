//! The bank under simulation: the correct rules survive 200 random runs, and each planted bug
//! is caught by the invariant written for it within a few hundred commands.

use rewind::cqrs_es::Rejected;
use rewind::{BugId, Bugs, Coverage, Engine, Model, RandomChoices, Refusal, run_seed};

use super::{BATCHED_CHECK_PAID_TWICE, Bank, EXPRESS_WITHDRAWAL_OVERDRAWS};
use crate::BankAccountCommand;

const MASTER: u64 = 0xBA4C;

/// What one run did: the first invariant broken (step, name, message) if any, and how many
/// commands were accepted and refused.
struct Outcome {
    broken: Option<(usize, &'static str, String)>,
    accepted: usize,
    refused: usize,
    coverage: Coverage,
}

/// Plays the bot for up to `steps` commands, checking every invariant after every one.
fn play(seed: u64, bugs: Bugs, steps: usize) -> Outcome {
    let mut engine = Engine::<Bank>::new((), seed, bugs);
    let mut choices = RandomChoices::new(seed);
    let mut outcome = Outcome {
        broken: None,
        accepted: 0,
        refused: 0,
        coverage: Coverage::new(Bank::COVERAGE.len()),
    };
    for step in 0..steps {
        let command = Bank::next_action(engine.state(), &mut choices);
        match engine.dispatch(command) {
            Ok(range) => {
                outcome.accepted += 1;
                for event in &engine.events()[range] {
                    Bank::cover(engine.state(), event, &mut outcome.coverage);
                }
            }
            Err(Refusal::Rejected(Rejected::Pending { .. })) => {
                panic!("seed {seed}: the fake services answer at once, yet handle waited")
            }
            Err(_) => outcome.refused += 1,
        }
        for invariant in Bank::invariants() {
            if let Err(message) = (invariant.check)(engine.state(), &()) {
                outcome.broken = Some((step, invariant.name, message));
                return outcome;
            }
        }
    }
    let replayed = Engine::<Bank>::replay_events(&(), bugs, engine.events());
    assert_eq!(
        &replayed,
        engine.state(),
        "seed {seed}: replay rebuilds the account"
    );
    outcome
}

#[test]
fn the_correct_rules_break_nothing_in_200_runs_of_100_commands() {
    let (mut accepted, mut refused) = (0, 0);
    let mut coverage = Coverage::new(Bank::COVERAGE.len());
    for run in 0..200 {
        let seed = run_seed(MASTER, run);
        let outcome = play(seed, Bugs::NONE, 100);
        assert_eq!(outcome.broken, None, "seed {seed}");
        accepted += outcome.accepted;
        refused += outcome.refused;
        coverage.merge(&outcome.coverage);
    }
    // Hostile commands are a small share, and every situation was reached.
    let share = refused * 100 / (accepted + refused);
    assert!((3..=25).contains(&share), "{share}% of commands refused");
    for (label, hits) in Bank::COVERAGE.iter().zip(coverage.counts()) {
        assert!(*hits > 0, "coverage label {label} never reached");
    }
}

/// Asserts that `bug` alone is caught by `expected` in each of the first ten runs, within
/// 300 commands.
fn caught_by(bug: BugId, expected: &str) {
    for run in 0..10 {
        let seed = run_seed(MASTER, run);
        let outcome = play(seed, Bugs::NONE.with(bug), 300);
        match outcome.broken {
            Some((_, name, message)) => assert_eq!(name, expected, "seed {seed}: {message}"),
            None => panic!("seed {seed}: {bug:?} went unnoticed for 300 commands"),
        }
    }
}

#[test]
fn express_withdrawals_that_overdraw_are_caught() {
    caught_by(EXPRESS_WITHDRAWAL_OVERDRAWS, "balance_never_negative");
}

#[test]
fn a_batched_check_paid_twice_is_caught() {
    caught_by(BATCHED_CHECK_PAID_TWICE, "each_check_paid_once");
}

#[test]
fn a_refusal_is_the_accounts_own_error_message() {
    let mut engine = Engine::<Bank>::new((), 1, Bugs::NONE);
    let refused = engine.dispatch(BankAccountCommand::DepositMoney { amount: 5 });
    assert_eq!(
        refused,
        Err(Refusal::Rejected(Rejected::Error(
            "the account is not open".to_string()
        )))
    );
    let overdrawn = [
        BankAccountCommand::OpenAccount {
            account_id: "acct-1".to_string(),
        },
        BankAccountCommand::WithdrawMoney {
            amount: 1,
            atm_id: "atm-1".to_string(),
        },
    ]
    .map(|command| {
        engine
            .dispatch(command)
            .map_err(|refusal| refusal.to_string())
    });
    assert_eq!(
        overdrawn[1],
        Err("funds not available: 1 cents asked, 0 cents held".to_string())
    );
}
