//! The proptest glue (`rewind::proptest`) on the poll: proptest finds each planted bug
//! through the bot and shrinks it, and rewind's shrinker finishes what proptest leaves.

use proptest::test_runner::{TestError, TestRunner};
use rewind::harness::check::{Checks, thorough};
use rewind::harness::shrink::shrink;
use rewind::proptest::{Setup, bot_steps, check_in, config, steps_in};
use rewind::{BugId, Bugs, Step};

use super::{Poll, PollAction, SECOND_VOTE_COUNTS, VOTE_AFTER_CLOSE_ACCEPTED};

/// Runs the property with `bug` planted from a fixed seed; the shrunk failing sequence.
fn find_planted(bug: BugId) -> (String, Vec<Step<PollAction>>) {
    let setup = Setup::<Poll> {
        bugs: Bugs::NONE.with(bug),
        ..Setup::default()
    };
    let mut runner = TestRunner::new(config(256));
    let strategy = steps_in(setup.clone(), 120);
    match runner.run(&strategy, |actions| check_in(&setup, &actions)) {
        Err(TestError::Fail(reason, minimal)) => (reason.to_string(), minimal),
        other => panic!("proptest did not find the planted bug: {other:?}"),
    }
}

#[test]
fn proptest_finds_a_second_vote_and_shrinks_it() {
    let (reason, minimal) = find_planted(SECOND_VOTE_COUNTS);
    assert!(reason.contains("`one_ballot_per_voter` broke"), "{reason}");
    // Open, vote, vote again is the shortest; proptest shrinks the numbers, not the
    // actions, so it may stop one refused action above that.
    assert!((3..=4).contains(&minimal.len()), "{minimal:?}");
    let voters: Vec<_> = minimal
        .iter()
        .filter_map(|step| match step {
            Step::Act(PollAction::Vote { voter, .. }) => Some(*voter),
            _ => None,
        })
        .collect();
    assert!(voters.len() == 2 && voters[0] == voters[1], "{minimal:?}");
}

#[test]
fn proptest_finds_a_vote_after_close_and_rewinds_shrinker_finishes_it() {
    let (reason, minimal) = find_planted(VOTE_AFTER_CLOSE_ACCEPTED);
    assert!(
        reason.contains("`closed_poll_accepts_nothing` broke"),
        "{reason}"
    );
    // proptest shrinks the choice vector towards zeros, and the rare StopVoting needs one
    // particular draw, so it keeps a longer sequence; rewind's own shrinker, which removes
    // and simplifies actions, takes it down to open, stop, vote.
    let bugs = Bugs::NONE.with(VOTE_AFTER_CLOSE_ACCEPTED);
    let setup = Setup::<Poll>::default();
    let violation = thorough::<Poll>(&(), setup.seed, bugs, &minimal, &[])
        .violation
        .expect("proptest's minimal sequence breaks an invariant");
    let shrunk = shrink::<Poll>(
        &(),
        setup.seed,
        bugs,
        minimal.clone(),
        Vec::new(),
        &violation,
        &Checks::all(),
    );
    assert_eq!(
        shrunk.steps.len(),
        3,
        "from {minimal:?} to {:?}",
        shrunk.steps
    );
    assert_eq!(shrunk.violation.invariant, "closed_poll_accepts_nothing");
}

#[test]
fn the_vector_drives_the_bot_and_running_out_ends_the_sequence() {
    let setup = Setup::<Poll>::default();
    assert!(bot_steps(&setup, &[], 10).is_empty());
    let some = bot_steps(&setup, &[0; 12], 10);
    assert!(!some.is_empty() && some.len() <= 10, "{some:?}");
    assert_eq!(some, bot_steps(&setup, &[0; 12], 10), "deterministic");
}
