//! Unit checks beside the code: the bot under the engine keeps every invariant, replay
//! rebuilds state, and each planted bug trips the invariant it is meant to.

use rewind_engine::{BugId, Bugs, Coverage, Engine, Model, RandomChoices};

use super::*;

/// Runs `runs` bot games of `steps` steps; returns the first invariant broken, if any.
fn simulate(bugs: Bugs, runs: u64, steps: usize) -> Option<&'static str> {
    simulate_covering(
        bugs,
        runs,
        steps,
        &mut Coverage::new(Subscriptions::COVERAGE.len()),
    )
}

fn simulate_covering(
    bugs: Bugs,
    runs: u64,
    steps: usize,
    coverage: &mut Coverage,
) -> Option<&'static str> {
    crate::self_check::self_check::<Subscriptions>(bugs, runs, steps, coverage)
}

#[test]
fn the_bot_keeps_every_invariant() {
    let mut coverage = Coverage::new(Subscriptions::COVERAGE.len());
    assert_eq!(simulate_covering(Bugs::NONE, 300, 200, &mut coverage), None);
    for (label, hits) in Subscriptions::COVERAGE.iter().zip(coverage.counts()) {
        assert!(*hits > 0, "the bot never reached {label}");
    }
}

#[test]
fn every_planted_bug_is_caught_by_its_invariant() {
    let expected = [
        "at_most_one_pinned_post",
        "noop_command_emits_nothing",
        "active_subscription_has_provider_key",
        "activation_time_from_event",
        "outbox_matches_lifecycle",
    ];
    assert_eq!(expected.len(), Subscriptions::BUGS.len());
    for (index, bug) in Subscriptions::BUGS.iter().enumerate() {
        assert_eq!(bug.id, BugId(index as u8));
        let caught = simulate(Bugs::NONE.with(bug.id), 300, 200);
        assert_eq!(caught, Some(expected[index]), "bug {}", bug.name);
    }
}

#[test]
fn shrinking_offers_only_simpler_different_actions() {
    let action = SubscriptionAction::Subscribe {
        sub: 3,
        plan_cents: 2500,
        currency: Currency::Gbp,
    };
    let simpler = Subscriptions::shrink_action(&action);
    assert!(!simpler.is_empty());
    assert!(!simpler.contains(&action));
    assert_eq!(
        Subscriptions::shrink_action(&SubscriptionAction::PinPost { post: 0 }),
        vec![]
    );
}

/// A fixed seed's event log hash, pinned: a silent change of the rules or the bot fails here.
/// If a change is intended, update the constant and say why in the commit.
#[test]
fn golden_event_log_hash() {
    let mut engine = Engine::<Subscriptions>::new((), 2024, Bugs::NONE);
    let mut choices = RandomChoices::new(2024);
    for _ in 0..2_000 {
        let action = Subscriptions::next_action(engine.state(), &mut choices);
        let _ = engine.dispatch(action);
    }
    assert_eq!(
        format!("{:#018x}", rewind_engine::hash_events(engine.events())),
        "0xb25d5624ea36c60c"
    );
}
