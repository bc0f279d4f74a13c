//! The fuzz glue (`rewind::fuzz`) on the poll: the same bytes play the same run, and a
//! planted bug is found from random bytes and reported with its readable actions.

use rewind::Bugs;
use rewind::harness::fuzz::{crash_report, play_bytes};

use super::{Poll, SECOND_VOTE_COUNTS};

#[test]
fn the_same_bytes_play_the_same_run() {
    let data: Vec<u8> = (0..=255).cycle().take(600).collect();
    let first = play_bytes::<Poll>(&data, Bugs::NONE);
    let second = play_bytes::<Poll>(&data, Bugs::NONE);
    assert!(first.violation.is_none(), "{:?}", first.violation);
    assert!(first.engine.steps() > 10, "{} steps", first.engine.steps());
    assert_eq!(first.engine.actions(), second.engine.actions());
    assert_eq!(first.engine.seed(), second.engine.seed());
}

#[test]
fn empty_input_plays_nothing_and_breaks_nothing() {
    let played = play_bytes::<Poll>(&[], Bugs::NONE);
    assert_eq!(played.engine.steps(), 0);
    assert!(played.violation.is_none());
}

#[test]
fn a_planted_bug_breaks_some_input_and_is_reported_with_its_actions() {
    let bugs = Bugs::NONE.with(SECOND_VOTE_COUNTS);
    let broken = (0u64..2_000)
        .map(|seed| {
            let mut rng = rewind::SeededRng::new(seed, 0);
            (0..400).map(|_| rng.next_u32() as u8).collect::<Vec<u8>>()
        })
        .find(|data| play_bytes::<Poll>(data, bugs).violation.is_some())
        .expect("random bytes find a second vote");
    let played = play_bytes::<Poll>(&broken, bugs);
    let violation = played.violation.clone().expect("it broke");
    assert_eq!(violation.invariant, "one_ballot_per_voter");
    assert!(
        play_bytes::<Poll>(&broken, Bugs::NONE).violation.is_none(),
        "with the bug off the same bytes break nothing"
    );
    let report = crash_report(&played, Some("second_vote_counts")).expect("a report");
    assert!(
        report.contains("`one_ballot_per_voter` broke at step"),
        "{report}"
    );
    assert!(report.contains(r#"{"Vote":{"#), "{report}");
    assert!(report.contains("--bug second_vote_counts"), "{report}");
}
