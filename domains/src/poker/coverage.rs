//! Coverage labels: which situations a run reached.

use rewind::Coverage;

use super::event::{Blind, Commit, PokerEvent, Street};
use super::state::PokerState;

pub const COVERAGE: &[&str] = &[
    "hand_started",
    "heads_up_hand",
    "six_or_more_players",
    "ante_posted",
    "newcomer_posted_big_blind",
    "showdown",
    "everyone_folded",
    "side_pot_2",
    "side_pot_3",
    "split_pot",
    "odd_chip",
    "incomplete_all_in_raise",
    "call_all_in",
    "full_raise",
    "uncalled_bet_returned",
    "stood_up_mid_hand",
    "chips_added",
    "sat_out",
    "sat_in",
    "river_dealt",
    "reopened_by_short_all_ins",
];

/// Labels from single events; `reopened_by_short_all_ins` also reads the step's final state
/// (a raise by a seat that had acted: only short all-ins adding up can have reopened it).
pub fn cover(state: &PokerState, event: &PokerEvent, coverage: &mut Coverage) {
    match *event {
        PokerEvent::HandStarted { players, .. } => {
            coverage.hit(0);
            match players.count_ones() {
                2 => coverage.hit(1),
                6.. => coverage.hit(2),
                _ => {}
            }
        }
        PokerEvent::AntePosted { .. } => coverage.hit(3),
        PokerEvent::BlindPosted {
            blind: Blind::Newcomer,
            ..
        } => coverage.hit(4),
        PokerEvent::HandEnded { showdown, .. } => coverage.hit(if showdown { 5 } else { 6 }),
        PokerEvent::PotAwarded {
            pot,
            tied,
            odd_chip,
            ..
        } => {
            if pot >= 1 {
                coverage.hit(7);
            }
            if pot >= 2 {
                coverage.hit(8);
            }
            if tied >= 2 {
                coverage.hit(9);
            }
            if odd_chip {
                coverage.hit(10);
            }
        }
        PokerEvent::ChipsCommitted { commit, all_in, .. } => match commit {
            Commit::IncompleteRaise => coverage.hit(11),
            Commit::Call if all_in => coverage.hit(12),
            Commit::Raise => {
                coverage.hit(13);
                if state.last_raise.is_some_and(|r| r.had_acted) {
                    coverage.hit(20);
                }
            }
            _ => {}
        },
        PokerEvent::BetReturned { .. } => coverage.hit(14),
        PokerEvent::StoodUp { mid_hand: true, .. } => coverage.hit(15),
        PokerEvent::ChipsAdded { .. } => coverage.hit(16),
        PokerEvent::SatOut { .. } => coverage.hit(17),
        PokerEvent::SatIn { .. } => coverage.hit(18),
        PokerEvent::BoardDealt {
            street: Street::River,
            ..
        } => coverage.hit(19),
        _ => {}
    }
}
