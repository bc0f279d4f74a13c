//! Concurrent clients on a small domain built for them: the wallets of
//! `test_domain::wallets`, correct and with each planted bug.

use rewind_engine::{Bugs, Coverage, Model, Step};

use super::{CLIENT_LABELS, COMMITS_SERIALIZABLE, coverage_labels};
use crate::check::{Checks, StepView, thorough, thorough_observed};
use crate::shrink::shrink;
use crate::test_domain::wallets::{Cash, SPEND_EXPECTS_NOTHING, SPEND_RESENDS, Wallets};

const DEPOSIT: Cash = Cash::Deposit {
    wallet: 0,
    amount: 1,
};
const SPEND: Cash = Cash::Spend {
    wallet: 0,
    amount: 1,
};

fn begin(client: u32, action: Cash) -> Step<Cash> {
    Step::Begin { client, action }
}

/// The lost update by hand: one coin, two clients spending it.
fn lost_update() -> Vec<Step<Cash>> {
    vec![
        Step::Act(DEPOSIT),
        begin(1, SPEND),
        begin(2, SPEND),
        Step::Commit(1),
        Step::Commit(2),
    ]
}

/// Each step's refusal (by the domain, the bus or a conflict), the drain's included.
fn refusals(steps: &[Step<Cash>], bugs: Bugs) -> Vec<Option<String>> {
    let mut seen = Vec::new();
    let checks = Checks::all();
    thorough_observed::<Wallets>(&(), 1, bugs, steps, &[], &checks, &mut |view: StepView<
        '_,
        Wallets,
    >| {
        seen.push(view.refusal);
    });
    seen
}

#[test]
fn a_correct_domain_decides_again_after_a_conflict_and_refuses_the_second_spend() {
    let checked = thorough::<Wallets>(&(), 1, Bugs::NONE, &lost_update(), &[]);
    assert_eq!(checked.violation, None);
    assert_eq!(*checked.engine.state(), [0, 0]);
    let seen = refusals(&lost_update(), Bugs::NONE);
    assert_eq!(seen[..4], [None, None, None, None]);
    let conflict = seen[4].as_deref().expect("the second commit conflicts");
    assert!(
        conflict.contains("wallet-0 moved from version 1 to 2"),
        "{conflict}"
    );
    // The drain commits client 2's second decision: the wallet is empty now.
    assert_eq!(seen.len(), 6, "{seen:?}");
    let refused = seen[5].as_deref().expect("the retry is refused");
    assert!(refused.contains("holds 0, less than 1"), "{refused}");
}

#[test]
fn a_spend_that_expects_nothing_is_a_stale_commit_at_the_second_append() {
    let bugs = Bugs::NONE.with(SPEND_EXPECTS_NOTHING);
    let violation = thorough::<Wallets>(&(), 1, bugs, &lost_update(), &[])
        .violation
        .expect("the second spend is stale");
    assert_eq!(violation.invariant, COMMITS_SERIALIZABLE);
    assert_eq!(violation.step, 4);
    assert!(
        violation.message.contains("client 2 committed Spend")
            && violation.message.contains("as decided at step 2")
            && violation.message.contains("[Out { wallet: 0, amount: 1 }]")
            && violation
                .message
                .contains("gives a refusal (wallet 0 holds 0, less than 1)")
            && violation.message.contains("declared no stream"),
        "{}",
        violation.message
    );
}

#[test]
fn a_spend_that_resends_after_a_conflict_is_a_stale_commit_that_names_the_conflict() {
    let bugs = Bugs::NONE.with(SPEND_RESENDS);
    let violation = thorough::<Wallets>(&(), 1, bugs, &lost_update(), &[])
        .violation
        .expect("the resent spend is stale");
    assert_eq!(violation.invariant, COMMITS_SERIALIZABLE);
    assert_eq!(violation.step, 4);
    assert!(
        violation
            .message
            .contains("met a conflict (wallet-0 moved from version 1 to 2")
            && violation.message.contains("first decision again"),
        "{}",
        violation.message
    );
}

#[test]
fn the_check_set_aside_lets_the_invariant_see_the_overdraft() {
    let bugs = Bugs::NONE.with(SPEND_EXPECTS_NOTHING);
    let checks = Checks::<Wallets>::skipping(&[COMMITS_SERIALIZABLE.into()]).unwrap();
    let checked =
        thorough_observed::<Wallets>(&(), 1, bugs, &lost_update(), &[], &checks, &mut |_| {});
    let violation = checked.violation.expect("the wallet is overdrawn");
    assert_eq!(violation.invariant, "no_overdraft");
    assert_eq!(violation.step, 4);
}

#[test]
fn a_client_step_the_world_cannot_take_is_refused_and_changes_nothing() {
    let steps = [
        Step::Commit(1),
        begin(4, DEPOSIT),
        begin(1, DEPOSIT),
        begin(1, DEPOSIT),
        Step::Commit(1),
        Step::Commit(1),
    ];
    let seen = refusals(&steps, Bugs::NONE);
    let reasons: Vec<&str> = seen.iter().map(|r| r.as_deref().unwrap_or("-")).collect();
    assert_eq!(
        reasons,
        [
            "client 1 has no command in flight",
            "there is no client 4: a run has clients 1 to 3",
            "-",
            "client 1 already has a command in flight",
            "-",
            "client 1 has no command in flight",
        ]
    );
    let checked = thorough::<Wallets>(&(), 1, Bugs::NONE, &steps, &[]);
    assert_eq!((checked.violation, *checked.engine.state()), (None, [1, 0]));
}

fn played(seed: u64, concurrency: bool, bugs: Bugs) -> (Vec<Step<Cash>>, Coverage, Option<String>) {
    super::tests::play_run::<Wallets>(seed, 60, (true, concurrency), bugs)
}

#[test]
fn clients_interleave_as_the_seed_says_and_every_label_fires_on_a_correct_domain() {
    let mut coverage = Coverage::new(coverage_labels::<Wallets>().len());
    for seed in 0..64 {
        let (steps, run, broke) = played(seed, true, Bugs::NONE);
        assert_eq!(broke, None, "seed {seed}: {steps:?}");
        assert_eq!(steps, played(seed, true, Bugs::NONE).0, "seed {seed}");
        coverage.merge(&run);
    }
    let clients = &coverage.counts()[Wallets::COVERAGE.len()..];
    for (label, hits) in CLIENT_LABELS.iter().zip(clients) {
        assert!(*hits > 0, "{label} never fired");
    }
}

/// The minimum of each bug, written down by hand before the shrinker ran. The drain at the
/// end commits what is still in flight, so a last commit needs no step of its own.
fn minimum(bug: rewind_engine::BugId) -> Vec<Step<Cash>> {
    if bug == SPEND_EXPECTS_NOTHING {
        // A spend refused on an empty wallet, a deposit, then the commit of the stale
        // refusal: deciding now would spend.
        vec![begin(1, SPEND), Step::Act(DEPOSIT)]
    } else {
        // A spend decided on one coin, another spend of it, then the resent first decision.
        vec![Step::Act(DEPOSIT), begin(1, SPEND), Step::Act(SPEND)]
    }
}

#[test]
fn each_bug_is_found_only_with_concurrency_and_shrinks_to_its_minimum() {
    for bug in [SPEND_EXPECTS_NOTHING, SPEND_RESENDS] {
        let bugs = Bugs::NONE.with(bug);
        for seed in 0..200 {
            let (steps, _, broke) = played(seed, false, bugs);
            assert_eq!(broke, None, "seed {seed} without clients: {steps:?}");
            assert!(steps.iter().all(|step| step.client().is_none()));
        }
        let (steps, _, broke) = (0..200)
            .map(|seed| played(seed, true, bugs))
            .find(|(_, _, broke)| broke.is_some())
            .expect("two clients reveal it");
        assert_eq!(broke.as_deref(), Some(COMMITS_SERIALIZABLE));
        let target = thorough::<Wallets>(&(), 1, bugs, &steps, &[])
            .violation
            .expect("replays");
        let shrunk = shrink::<Wallets>(&(), 1, bugs, steps, Vec::new(), &target, &Checks::all());
        // The shape and the clients are the minimum's; the amounts may be any that fail
        // (simplifying one alone would let the failure go).
        let shape = |steps: &[Step<Cash>]| -> Vec<(usize, Option<u32>)> {
            let kinds = steps
                .iter()
                .map(|s| s.action().map_or(9, Wallets::action_kind));
            kinds.zip(steps.iter().map(Step::client)).collect()
        };
        assert_eq!(
            shape(&shrunk.steps),
            shape(&minimum(bug)),
            "{:?}",
            shrunk.steps
        );
    }
}
