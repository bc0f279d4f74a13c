//! The bank under simulation, through rewind's own run loop (every invariant after every
//! command, the replay and the views rebuilt at the end): the correct rules survive 200 random
//! runs, each planted bug is caught by the invariant written for it, and the shrinker cuts
//! each down to the few commands that show it.

use rewind::cqrs_es::{Addressed, Rejected};
use rewind::harness::check::Checks;
use rewind::harness::run::{RunCounts, RunFailure, RunSpec, play};
use rewind::harness::shrink::shrink_failure;
use rewind::{
    BugId, Bugs, Coverage, Engine, Model, RandomChoices, Refusal, Step, Violation, run_seed,
};

use super::{
    APP_OPENS_AN_OPEN_ACCOUNT, ATM_WITHDRAWAL_WRITTEN_DESPITE_CONFLICT, BATCHED_CHECK_PAID_TWICE,
    Bank, EXPRESS_WITHDRAWAL_OVERDRAWS,
};
use crate::BankAccountCommand;

const MASTER: u64 = 0xBA4C;

fn spec<'a>(seed: u64, bugs: Bugs, steps: usize, checks: &'a Checks<Bank>) -> RunSpec<'a, Bank> {
    RunSpec {
        config: &(),
        seed,
        steps,
        bugs,
        swarm: false,
        deep: true,
        json: true,
        faults: false,
        concurrency: true,
        checks,
    }
}

#[test]
fn the_correct_rules_break_nothing_in_200_runs_of_100_commands() {
    let checks = Checks::all();
    let mut counts = RunCounts::default();
    let mut coverage = Coverage::new(Bank::COVERAGE.len());
    let mut accounts = 0;
    for run in 0..200 {
        let seed = run_seed(MASTER, run);
        let mut choices = RandomChoices::new(seed);
        let played = play(
            &spec(seed, Bugs::NONE, 100, &checks),
            &mut choices,
            &mut counts,
            &mut coverage,
        );
        assert_eq!(played.violation, None, "seed {seed}");
        accounts += played.engine.state().len();
    }
    // Hostile commands (and commits refused by a conflict) are a small share, several
    // accounts are in play, and every situation was reached.
    let share = counts.rejected * 100 / counts.dispatches;
    assert!((3..=30).contains(&share), "{share}% of commands refused");
    assert!(accounts >= 2 * 200, "{accounts} accounts in 200 runs");
    for (label, hits) in Bank::COVERAGE.iter().zip(coverage.counts()) {
        assert!(*hits > 0, "coverage label {label} never reached");
    }
}

/// Asserts that `bug` alone is caught by `expected` within 300 commands in each of the first
/// ten runs, and that the first run's failure shrinks to `shrunk` commands at most.
fn caught_by(bug: BugId, expected: &str, shrunk: usize) {
    let checks = Checks::all();
    let bugs = Bugs::NONE.with(bug);
    for run in 0..10 {
        let seed = run_seed(MASTER, run);
        let mut choices = RandomChoices::new(seed);
        let (mut counts, mut coverage) = (RunCounts::default(), Coverage::new(0));
        let played = play(
            &spec(seed, bugs, 300, &checks),
            &mut choices,
            &mut counts,
            &mut coverage,
        );
        let Some(failure) = played.failure() else {
            panic!("seed {seed}: {bug:?} went unnoticed for 300 commands")
        };
        assert_eq!(failure.violation.invariant, expected, "seed {seed}");
        if run == 0 {
            let small = shrink_failure::<Bank>(&(), seed, bugs, failure, &checks);
            assert_eq!(small.violation.invariant, expected);
            assert!(small.steps.len() <= shrunk, "{:#?}", small.steps);
            let Some(Step::Act(first)) = small.steps.first() else {
                panic!("{:#?}", small.steps)
            };
            assert_eq!(first.aggregate_id, "account-0", "ids renumbered from 0");
        }
    }
}

#[test]
fn express_withdrawals_that_overdraw_are_caught() {
    caught_by(EXPRESS_WITHDRAWAL_OVERDRAWS, "balance_never_negative", 2);
}

#[test]
fn a_batched_check_paid_twice_is_caught_on_the_statement() {
    caught_by(BATCHED_CHECK_PAID_TWICE, "each_check_paid_once", 4);
}

#[test]
fn an_account_opened_twice_is_caught_on_the_account_list() {
    caught_by(APP_OPENS_AN_OPEN_ACCOUNT, "opened_once", 2);
}

fn to(id: &str, command: BankAccountCommand) -> Addressed<BankAccountCommand> {
    Addressed {
        aggregate_id: id.to_string(),
        command,
    }
}

#[test]
fn a_refusal_is_the_accounts_own_error_message() {
    let mut engine = Engine::<Bank>::new((), 1, Bugs::NONE);
    let refused = engine.dispatch(to(
        "account-0",
        BankAccountCommand::DepositMoney { amount: 5 },
    ));
    assert_eq!(
        refused,
        Err(Refusal::Rejected(Rejected::Error(
            "the account is not open".to_string()
        )))
    );
    let open = BankAccountCommand::OpenAccount {
        account_id: "account-0".to_string(),
    };
    assert!(engine.dispatch(to("account-0", open)).is_ok());
    let overdrawn = engine.dispatch(to(
        "account-0",
        BankAccountCommand::WithdrawMoney {
            amount: 1,
            atm_id: "atm-1".to_string(),
        },
    ));
    assert_eq!(
        overdrawn.map_err(|refusal| refusal.to_string()),
        Err("funds not available: 1 cents asked, 0 cents held".to_string())
    );
    let elsewhere = engine.dispatch(to(
        "account-1",
        BankAccountCommand::DepositMoney { amount: 5 },
    ));
    assert!(elsewhere.is_err(), "account-1 is another account, not open");
}

#[test]
fn the_shrinker_renumbers_account_ids_with_the_id_an_opening_names() {
    let open = |id: &str| {
        to(
            id,
            BankAccountCommand::OpenAccount {
                account_id: id.to_string(),
            },
        )
    };
    let withdraw = to(
        "account-2",
        BankAccountCommand::WithdrawMoney {
            amount: 500,
            atm_id: "atm-3".to_string(),
        },
    );
    let steps = [open("account-1"), open("account-2"), withdraw].map(Step::Act);
    let failure = RunFailure::<Bank> {
        violation: Violation {
            invariant: "balance_never_negative".to_string(),
            step: 2,
            message: "account-2's balance is -500 cents".to_string(),
        },
        steps: steps.to_vec(),
    };
    let bugs = Bugs::NONE.with(EXPRESS_WITHDRAWAL_OVERDRAWS);
    let shrunk = shrink_failure::<Bank>(&(), 1, bugs, failure, &Checks::all());
    let expected = [
        open("account-0"),
        to(
            "account-0",
            BankAccountCommand::WithdrawMoney {
                amount: 1,
                atm_id: "atm-1".to_string(),
            },
        ),
    ];
    assert_eq!(shrunk.steps, expected.map(Step::Act));
}

/// Plays run `run` with `bugs` planted, concurrent clients on or off: what broke, if anything.
fn failure_of(run: u64, bugs: Bugs, concurrency: bool) -> Option<RunFailure<Bank>> {
    let checks = Checks::all();
    let seed = run_seed(MASTER, run);
    let mut spec = spec(seed, bugs, 100, &checks);
    spec.concurrency = concurrency;
    let (mut counts, mut coverage) = (RunCounts::default(), Coverage::new(0));
    play(
        &spec,
        &mut RandomChoices::new(seed),
        &mut counts,
        &mut coverage,
    )
    .failure()
}

#[test]
fn a_withdrawal_written_despite_a_conflict_is_caught_only_with_concurrent_clients() {
    let bugs = Bugs::NONE.with(ATM_WITHDRAWAL_WRITTEN_DESPITE_CONFLICT);
    for run in 0..300 {
        let failure = failure_of(run, bugs, false);
        assert!(failure.is_none(), "run {run} found it without clients");
    }
    let (run, failure) = (0..300)
        .find_map(|run| failure_of(run, bugs, true).map(|failure| (run, failure)))
        .expect("two concurrent withdrawals reveal it");
    assert_eq!(failure.violation.invariant, "commits_serializable");
    let seed = run_seed(MASTER, run);
    let small = shrink_failure::<Bank>(&(), seed, bugs, failure, &Checks::all());
    // The minimum, by hand: open, deposit, a client begins a withdrawal, the account moves
    // (any command that lands), and the drain commits the stale withdrawal.
    let shape: Vec<(Option<u32>, &str)> = small
        .steps
        .iter()
        .map(|step| {
            let kind = step
                .action()
                .map_or("commit", |a| Bank::ACTION_KINDS[Bank::action_kind(a)]);
            (step.client(), kind)
        })
        .collect();
    assert_eq!(small.steps.len(), 4, "{:#?}", small.steps);
    assert_eq!(
        shape[..3],
        [
            (None, Bank::ACTION_KINDS[0]),
            (None, Bank::ACTION_KINDS[1]),
            (Some(1), Bank::ACTION_KINDS[2])
        ],
        "{shape:?}"
    );
    assert!(
        small.violation.message.contains("met a conflict"),
        "{}",
        small.violation.message
    );
}
