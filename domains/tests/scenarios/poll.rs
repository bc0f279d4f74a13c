//! The poll's rules, as the organiser and the voters would state them.

use rewind::{Bugs, Choices, Engine, Model, Projection, RandomChoices, Scenario, project};
use rewind_domains::ShortName;
use rewind_domains::poll::{
    Ballots, Phase, Poll, PollAction, PollEvent, PollReject, PollViews, RawTally,
    SECOND_VOTE_COUNTS, VOTE_AFTER_CLOSE_ACCEPTED, ValidTally, first_votes,
};

fn name(text: &str) -> ShortName {
    ShortName::of(text)
}

fn opened(choices: &[&str]) -> PollEvent {
    PollEvent::PollOpened {
        choices: choices.iter().map(|c| name(c)).collect(),
    }
}

fn vote(voter: u32, choice: &str) -> PollAction {
    PollAction::Vote {
        voter,
        choice: name(choice),
    }
}

fn cast(voter: u32, choice: &str) -> PollEvent {
    PollEvent::VoteCast {
        voter,
        choice: name(choice),
    }
}

fn open(choices: &[&str]) -> PollAction {
    PollAction::OpenPoll {
        choices: choices.iter().map(|c| name(c)).collect(),
    }
}

#[test]
fn opening_offers_the_choices() {
    Scenario::<Poll>::new()
        .when(open(&["tea", "coffee"]))
        .then_events([opened(&["tea", "coffee"])])
        .and_state(|state| assert_eq!(state.phase, Phase::Open));
}

#[test]
fn a_poll_opens_once() {
    Scenario::<Poll>::new()
        .given([opened(&["tea"])])
        .when(open(&["coffee"]))
        .then_reject(PollReject::AlreadyOpened);
}

#[test]
fn a_poll_needs_well_formed_distinct_choices_and_not_too_many() {
    Scenario::<Poll>::new()
        .when(open(&[]))
        .then_reject(PollReject::NoChoices);
    Scenario::<Poll>::new()
        .when(open(&["tea", "tea"]))
        .then_reject(PollReject::DuplicateChoice(name("tea")));
    Scenario::<Poll>::new()
        .when(open(&["tea", " tea"]))
        .then_reject(PollReject::MalformedChoice(name(" tea")));
    let nine = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    Scenario::<Poll>::new()
        .when(open(&nine))
        .then_reject(PollReject::TooManyChoices { offered: 9 });
}

#[test]
fn every_vote_is_recorded_even_a_second_one_or_a_typo() {
    Scenario::<Poll>::new()
        .given([opened(&["tea", "coffee"]), cast(1, "tea")])
        .when(vote(1, "coffee"))
        .then_events([cast(1, "coffee")])
        .when(vote(2, "cofee"))
        .then_events([cast(2, "cofee")])
        .and_state(|state| assert_eq!(state.votes_cast, 3));
}

#[test]
fn votes_before_opening_or_after_stopping_are_refused() {
    Scenario::<Poll>::new()
        .when(vote(1, "tea"))
        .then_reject(PollReject::NotOpenYet);
    Scenario::<Poll>::new()
        .given([opened(&["tea"]), PollEvent::VotingStopped])
        .when(vote(1, "tea"))
        .then_reject(PollReject::Closed)
        .when(PollAction::StopVoting)
        .then_reject(PollReject::Closed)
        .when(open(&["tea"]))
        .then_reject(PollReject::AlreadyOpened);
}

#[test]
fn stopping_needs_an_open_poll() {
    Scenario::<Poll>::new()
        .when(PollAction::StopVoting)
        .then_reject(PollReject::NotOpenYet);
    Scenario::<Poll>::new()
        .given([opened(&["tea"])])
        .when(PollAction::StopVoting)
        .then_events([PollEvent::VotingStopped])
        .and_state(|state| assert_eq!(state.votes_at_close, Some(0)));
}

#[test]
fn junk_votes_are_refused_with_a_reason() {
    let given = [opened(&["tea"])];
    Scenario::<Poll>::new()
        .given(given.clone())
        .when(vote(0, "tea"))
        .then_reject(PollReject::NoSuchVoter);
    Scenario::<Poll>::new()
        .given(given.clone())
        .when(vote(1, ""))
        .then_reject(PollReject::MalformedChoice(name("")));
    Scenario::<Poll>::new()
        .given(given)
        .when(vote(1, "tea\n"))
        .then_reject(PollReject::MalformedChoice(name("tea\n")));
}

#[test]
fn a_hostile_log_with_a_long_name_is_refused_at_parse_time() {
    let long =
        serde_json::json!({"Vote": {"voter": 1, "choice": "a name far longer than sixteen bytes"}});
    assert!(serde_json::from_value::<PollAction>(long).is_err());
    let negative = serde_json::json!({"Vote": {"voter": -1, "choice": "tea"}});
    assert!(serde_json::from_value::<PollAction>(negative).is_err());
}

#[test]
fn with_the_bug_planted_a_vote_after_close_lands() {
    Scenario::<Poll>::new()
        .planted(VOTE_AFTER_CLOSE_ACCEPTED)
        .given([opened(&["tea"]), PollEvent::VotingStopped])
        .when(vote(1, "tea"))
        .then_events([cast(1, "tea")]);
}

fn stream() -> Vec<PollEvent> {
    vec![
        opened(&["tea", "coffee"]),
        cast(1, "tea"),
        cast(2, "cofee"),
        cast(1, "coffee"),
        cast(3, "coffee"),
        PollEvent::VotingStopped,
    ]
}

#[test]
fn projections_decide_what_counts() {
    let raw = project(RawTally::default(), &stream());
    assert_eq!(
        (
            raw.0.total(),
            raw.0.get("tea"),
            raw.0.get("coffee"),
            raw.0.get("cofee")
        ),
        (4, 1, 2, 1)
    );
    let ballots = project(Ballots::default(), &stream());
    assert_eq!(ballots.voters.len(), 3, "voters 1, 2, 3");
    assert_eq!(
        (
            ballots.tally.get("tea"),
            ballots.tally.get("coffee"),
            ballots.tally.get("cofee")
        ),
        (1, 1, 1),
        "first votes only"
    );
    let valid = project(ValidTally::default(), &stream());
    assert_eq!(
        (
            valid.tally.total(),
            valid.tally.get("tea"),
            valid.tally.get("coffee")
        ),
        (2, 1, 1),
        "the typo's ballot does not count"
    );
}

#[test]
fn the_first_n_votes_are_a_projection_over_a_prefix() {
    assert_eq!(first_votes(&stream(), 0).0.total(), 0);
    let two = first_votes(&stream(), 2);
    assert_eq!(
        (two.0.total(), two.0.get("tea"), two.0.get("cofee")),
        (2, 1, 1)
    );
    assert_eq!(
        first_votes(&stream(), 99).0.total(),
        4,
        "asking past the end counts every vote"
    );
}

#[test]
fn with_the_bug_planted_ballots_count_second_votes() {
    let mut views = PollViews::new(Bugs::NONE.with(SECOND_VOTE_COUNTS));
    for event in &stream() {
        views.fold(event);
    }
    assert_eq!(views.ballots.tally.total(), 4);
    assert_eq!(views.ballots.voters.len(), 3);
}

#[test]
fn every_invariant_holds_along_a_long_correct_run() {
    let mut engine = Engine::<Poll>::new((), 77, Bugs::NONE);
    let mut views = Poll::projections(&(), Bugs::NONE);
    let mut choices = RandomChoices::new(77);
    for _ in 0..5_000 {
        let action = Poll::next_action(engine.state(), &mut choices as &mut dyn Choices);
        if let Ok(range) = engine.dispatch(action) {
            for event in &engine.events()[range] {
                views.fold(event);
            }
        }
        for invariant in Poll::invariants() {
            (invariant.check)(engine.state(), &views)
                .unwrap_or_else(|m| panic!("{}: {m}", invariant.name));
        }
    }
    assert!(engine.state().votes_cast > 0, "the bot voted");
}
