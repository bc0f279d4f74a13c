//! Each table invariant fires on the corruption it exists to catch. A table is played to
//! the middle of a hand, one fact is broken by hand, and the named check must pass before
//! and fail after. The invariants are written for speed (masks, one pass, no branches), so
//! these tests keep each one honest about what it still sees.

use rewind::{Bugs, Engine, Model, Projection};

use super::cards::NO_CARD;
use super::state::{NO_SEAT, Phase, PokerState};
use super::{HandLedger, Poker, PokerAction, TableConfig, bugs};

/// Players at seats 0, 1 and 3 of a six-seat table: the first hand runs, preflop, someone to act.
fn mid_hand(planted: Bugs) -> (PokerState, HandLedger) {
    let mut engine = Engine::<Poker>::new(TableConfig::default(), 1, planted);
    let mut ledger = HandLedger::default();
    for seat in [0, 1, 3] {
        let range = engine
            .dispatch(PokerAction::SitDown {
                seat,
                buy_in: 100,
                post_big_blind: false,
            })
            .expect("an empty seat takes a legal buy-in");
        for event in &engine.events()[range] {
            ledger.fold(event);
        }
    }
    let state = engine.state().clone();
    assert_eq!(state.phase, Phase::Preflop, "three players start a hand");
    assert_ne!(state.to_act, NO_SEAT);
    (state, ledger)
}

fn check(name: &str, state: &PokerState, ledger: &HandLedger) -> Result<(), String> {
    let invariant = Poker::invariants()
        .iter()
        .find(|invariant| invariant.name == name)
        .unwrap_or_else(|| panic!("no invariant named {name}"));
    (invariant.check)(state, ledger)
}

/// `name` holds mid-hand and fails once `break_it` has changed the state.
fn fires(name: &str, break_it: impl FnOnce(&mut PokerState)) -> String {
    let (mut state, ledger) = mid_hand(Bugs::NONE);
    check(name, &state, &ledger).unwrap_or_else(|m| panic!("{name} failed unbroken: {m}"));
    break_it(&mut state);
    match check(name, &state, &ledger) {
        Err(message) => message,
        Ok(()) => panic!("{name} did not notice the corruption"),
    }
}

/// The first seat in the hand, and a seat that is not.
fn in_and_out(s: &PokerState) -> (usize, usize) {
    let seated = (0..6)
        .find(|&i| s.is_in_hand(i))
        .expect("a seat in the hand");
    let empty = (0..6)
        .find(|&i| !s.seats[i].occupied)
        .expect("an empty seat");
    (seated, empty)
}

#[test]
fn chips_conserved_sees_a_chip_from_nowhere() {
    fires("chips_conserved", |s| s.seats[0].stack += 1);
}

#[test]
fn pot_equals_contributions_sees_a_pot_that_grew_alone() {
    fires("pot_equals_contributions", |s| s.pot += 1);
}

#[test]
fn no_negative_stack_sees_a_wrapped_stack() {
    let message = fires("no_negative_stack", |s| {
        s.seats[3].stack = s.seats[3].stack.wrapping_sub(1_000)
    });
    assert!(message.starts_with("seat 3"), "{message}");
}

#[test]
fn cards_distinct_sees_a_card_dealt_twice() {
    fires("cards_distinct", |s| {
        let (a, _) = in_and_out(s);
        let other = (a + 1..6).find(|&i| s.is_in_hand(i)).unwrap();
        s.seats[other].hole[0] = s.seats[a].hole[0];
    });
}

#[test]
fn cards_distinct_sees_a_card_lost() {
    fires("cards_distinct", |s| s.deck_rest &= s.deck_rest - 1);
}

#[test]
fn to_act_iff_round_open_sees_the_turn_on_an_empty_seat() {
    fires("to_act_iff_round_open", |s| {
        let (_, empty) = in_and_out(s);
        s.to_act = empty as u8;
    });
}

#[test]
fn to_act_iff_round_open_sees_a_hand_waiting_on_no_one() {
    fires("to_act_iff_round_open", |s| {
        for seat in &mut s.seats {
            seat.street_bet = s.current_bet;
        }
        s.acted = 0xFF;
    });
}

#[test]
fn hole_cards_only_in_hand_sees_cards_at_an_empty_seat() {
    let message = fires("hole_cards_only_in_hand", |s| {
        let (_, empty) = in_and_out(s);
        s.seats[empty].hole = [7, 9];
    });
    assert!(
        message.contains("holds cards but is not in the hand"),
        "{message}"
    );
}

#[test]
fn hole_cards_only_in_hand_sees_a_player_without_cards() {
    let message = fires("hole_cards_only_in_hand", |s| {
        let (seated, _) = in_and_out(s);
        s.seats[seated].hole[1] = NO_CARD;
    });
    assert!(message.contains("without two hole cards"), "{message}");
}

#[test]
fn hole_cards_only_in_hand_sees_an_empty_seat_in_the_hand() {
    let message = fires("hole_cards_only_in_hand", |s| {
        let (seated, _) = in_and_out(s);
        s.seats[seated].occupied = false;
    });
    assert!(message.contains("not seated"), "{message}");
}

#[test]
fn board_matches_street_sees_a_flop_before_the_flop() {
    fires("board_matches_street", |s| s.board_len = 3);
}

#[test]
fn blinds_and_button_legal_sees_a_big_blind_posted_twice() {
    fires("blinds_and_button_legal", |s| {
        s.previous_big_blind = s.big_blind
    });
}

#[test]
fn hand_number_grows_sees_a_skipped_number() {
    fires("hand_number_grows", |s| s.hand += 1);
}

#[test]
fn view_hides_hole_cards_sees_a_leaking_view() {
    let (mut state, ledger) = mid_hand(Bugs::NONE);
    check("view_hides_hole_cards", &state, &ledger).unwrap();
    state.bugs = Bugs::NONE.with(bugs::VIEW_LEAKS_HOLE_CARDS);
    let message = check("view_hides_hole_cards", &state, &ledger).unwrap_err();
    assert!(message.contains("before showdown"), "{message}");
}

#[test]
fn bet_sizes_legal_sees_a_raise_below_the_minimum() {
    fires("bet_sizes_legal", |s| {
        s.last_raise = Some(super::state::RaiseRecord {
            seat: 0,
            had_acted: false,
            faced_raise: 0,
            current_bet_before: 2,
            min_raise_before: 2,
            raised_to: 3,
            all_in: false,
        });
    });
}

#[test]
fn a_viewer_beyond_the_table_sees_no_hole_cards_and_breaks_nothing() {
    let (state, _) = mid_hand(Bugs::NONE);
    for viewer in [6, 9, 16, 255] {
        let view = super::view(&state, viewer);
        assert!(
            view.seats.iter().all(|seat| seat.hole.is_none()),
            "viewer {viewer}"
        );
    }
    let (leaky, _) = mid_hand(Bugs::NONE.with(bugs::VIEW_LEAKS_HOLE_CARDS));
    let _ = super::view(&leaky, 255);
}
