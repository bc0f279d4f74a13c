//! `Timeline`: `state_at(n)` equals replaying the first `n` events, for every `n` and several
//! snapshot intervals; cursors agree with it; positions past the end are clamped.

use std::sync::OnceLock;

use rewind_engine::{Bugs, Timeline};

use crate::ledger::{Ledger, LedgerConfig, LedgerEvent, LedgerState, WITHDRAW_IGNORED};
use crate::support::{bot_run, prefix_states};

const INTERVALS: [usize; 4] = [1, 7, 1024, 5000];

/// A few thousand events from the bot, with the state after every prefix.
fn history() -> &'static (Vec<LedgerEvent>, Vec<LedgerState>) {
    static HISTORY: OnceLock<(Vec<LedgerEvent>, Vec<LedgerState>)> = OnceLock::new();
    HISTORY.get_or_init(|| {
        let events = bot_run(21, Bugs::NONE, 3000).events().to_vec();
        let states = prefix_states(Bugs::NONE, &events);
        (events, states)
    })
}

fn timeline(every: usize) -> Timeline<Ledger> {
    let (events, _) = history();
    Timeline::new(&LedgerConfig::default(), Bugs::NONE, events.clone(), every)
}

#[test]
fn state_at_equals_replaying_the_prefix_for_every_n() {
    let (events, states) = history();
    assert!(events.len() >= 3000);
    for every in INTERVALS {
        let timeline = timeline(every);
        assert_eq!(timeline.len(), events.len());
        assert_eq!(timeline.events(), &events[..]);
        for (n, expected) in states.iter().enumerate() {
            assert!(
                timeline.state_at(n) == *expected,
                "state_at({n}) with a snapshot every {every} events differs from the replay"
            );
        }
    }
}

#[test]
fn state_at_clamps_past_the_end() {
    let (events, states) = history();
    for every in INTERVALS {
        let timeline = timeline(every);
        let last = states.last().unwrap();
        assert_eq!(&timeline.state_at(events.len() + 1), last);
        assert_eq!(&timeline.state_at(usize::MAX), last);
    }
}

#[test]
fn an_interval_of_zero_is_treated_as_one() {
    let (events, states) = history();
    let zero = Timeline::<Ledger>::new(&LedgerConfig::default(), Bugs::NONE, events.clone(), 0);
    for n in [0, 1, 2, 999, events.len()] {
        assert_eq!(zero.state_at(n), states[n]);
    }
}

#[test]
fn an_empty_timeline_has_only_the_initial_state() {
    let empty = Timeline::<Ledger>::new(&LedgerConfig::default(), Bugs::NONE, Vec::new(), 7);
    assert!(empty.is_empty());
    assert_eq!(empty.len(), 0);
    assert_eq!(empty.state_at(3), history().1[0]);
    let mut cursor = empty.cursor();
    assert!(cursor.forward().is_none());
    assert!(!cursor.back());
}

#[test]
fn a_cursor_steps_forward_then_back_through_every_position() {
    let (events, states) = history();
    for every in INTERVALS {
        let timeline = timeline(every);
        let mut cursor = timeline.cursor();
        assert_eq!(cursor.position(), 0);
        assert_eq!(cursor.state(), &states[0]);
        assert!(!cursor.back(), "back at the start");
        for n in 1..=events.len() {
            assert_eq!(cursor.forward(), Some(&events[n - 1]));
            assert_eq!(cursor.position(), n);
            assert!(
                cursor.state() == &states[n],
                "forward to {n}, every {every}"
            );
        }
        assert_eq!(cursor.forward(), None);
        assert_eq!(cursor.position(), events.len(), "forward past the end");
        assert!(cursor.state() == states.last().unwrap());
        for n in (0..events.len()).rev() {
            assert!(cursor.back());
            assert_eq!(cursor.position(), n);
            assert!(cursor.state() == &states[n], "back to {n}, every {every}");
        }
    }
}

#[test]
fn a_cursor_seeks_anywhere_and_clamps_past_the_end() {
    let (events, states) = history();
    let len = events.len();
    for every in INTERVALS {
        let timeline = timeline(every);
        let mut cursor = timeline.cursor();
        let mut n = 0usize;
        for _ in 0..200 {
            n = (n * 7919 + 104_729) % (len + 1);
            cursor.seek(n);
            assert_eq!(cursor.position(), n);
            assert!(cursor.state() == &states[n], "seek {n}, every {every}");
        }
        cursor.seek(len + 10);
        assert_eq!(cursor.position(), len);
        assert!(cursor.state() == &states[len]);
        cursor.seek(0);
        assert!(cursor.state() == &states[0]);
        // Forward after a seek continues from there.
        cursor.seek(1500);
        assert_eq!(cursor.forward(), Some(&events[1500]));
        assert!(cursor.state() == &states[1501]);
    }
}

#[test]
fn a_timeline_replays_with_the_bugs_it_was_given() {
    let bugs = Bugs::NONE.with(WITHDRAW_IGNORED);
    let events = bot_run(22, bugs, 800).events().to_vec();
    let states = prefix_states(bugs, &events);
    let timeline = Timeline::<Ledger>::new(&LedgerConfig::default(), bugs, events.clone(), 64);
    for n in [0, 63, 64, 65, 500, events.len()] {
        assert_eq!(timeline.state_at(n), states[n], "n = {n}");
    }
}
