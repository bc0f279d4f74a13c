//! The table as `rewind replay` shows it: a line for the hand, a line per seat in play, cards
//! by name. The state itself is arrays and bit masks (nine seats, a 52-card deck order) whose
//! `{:#?}` runs to hundreds of lines; `rewind replay --raw` still prints that.

use std::fmt::Write as _;

use super::cards::{self, Card, NO_CARD};
use super::event::PokerEvent;
use super::ledger::{HandBook, HandLedger};
use super::state::{MAX_SEATS, NO_SEAT, PokerState};

/// The table, one fact to a line.
pub fn describe(s: &PokerState) -> String {
    let mut out = String::new();
    if s.hand_running() {
        let _ = writeln!(
            out,
            "hand {} · {:?} · button {} · small blind {} · big blind {} · pot {}",
            s.hand,
            s.phase,
            seat_name(s.button),
            seat_name(s.small_blind),
            seat_name(s.big_blind),
            s.pot
        );
        let _ = writeln!(
            out,
            "to act: {} · current bet {} · min raise {}",
            seat_name(s.to_act),
            s.current_bet,
            s.min_raise
        );
        let board = &s.board[..usize::from(s.board_len).min(s.board.len())];
        let _ = writeln!(out, "board: {}", card_names(board.iter().copied()));
        let next = s.deck.get(usize::from(s.next_card)).copied();
        let _ = writeln!(
            out,
            "deck: {} left, next {} · muck: {}",
            s.deck_rest.count_ones(),
            cards::name(next.unwrap_or(NO_CARD)),
            card_names(mask_cards(s.muck))
        );
        if let Some(r) = s.last_raise {
            let _ = writeln!(
                out,
                "last raise: seat {} from {} to {}{}",
                r.seat,
                r.current_bet_before,
                r.raised_to,
                if r.all_in { ", all-in" } else { "" }
            );
        }
    } else {
        let _ = writeln!(
            out,
            "between hands · {} played · last button {}",
            s.hand,
            seat_name(s.button)
        );
    }
    let _ = writeln!(
        out,
        "previous button {} · previous big blind {}{}",
        seat_name(s.previous_button),
        seat_name(s.previous_big_blind),
        if s.big_blind_left {
            " (since left)"
        } else {
            ""
        }
    );
    for (i, seat) in s.seats.iter().enumerate() {
        if !seat.occupied && seat.contributed == 0 {
            continue;
        }
        let _ = write!(
            out,
            "seat {i}: {} chips · bet {} ({} this hand)",
            seat.stack, seat.street_bet, seat.contributed
        );
        if seat.hole[0] != NO_CARD {
            let _ = write!(out, " · {}", card_names(seat.hole.iter().copied()));
        }
        let _ = writeln!(out, " · {}", seat_status(s, i));
    }
    let _ = writeln!(
        out,
        "chips: {} bought in · {} cashed out · {} on the table",
        s.bought_in,
        s.cashed_out,
        s.chips_on_table()
    );
    out
}

/// What a seat is doing, in words.
fn seat_status(s: &PokerState, i: usize) -> String {
    let seat = &s.seats[i];
    let bit = 1u16 << i;
    let mut said: Vec<&str> = Vec::new();
    if !seat.occupied {
        said.push("left mid-hand, chips stay in the pot");
    } else if s.hand_running() && s.players & bit != 0 {
        if s.in_hand & bit == 0 {
            said.push("folded");
        } else if seat.stack == 0 {
            said.push("all-in");
        } else {
            said.push("in the hand");
        }
        if s.acted & bit != 0 {
            said.push("acted");
        }
        if s.shown & bit != 0 {
            said.push("shown");
        }
    } else if s.hand_running() {
        said.push("not dealt in");
    } else {
        said.push("seated");
    }
    if seat.sitting_out {
        said.push("sitting out");
    }
    if seat.waiting {
        said.push("waiting for the big blind");
    }
    if seat.posts_big_blind {
        said.push("posts a big blind to come in");
    }
    said.join(", ")
}

/// An event with its cards named (`HoleCardsDealt { seat: 4, cards: Qc 8h }`) and the seats
/// dealt in listed rather than given as a bit mask.
pub fn describe_event(event: &PokerEvent) -> String {
    match event {
        PokerEvent::DeckShuffled { order } => {
            format!(
                "DeckShuffled {{ order: {} }}",
                card_names(order.iter().copied())
            )
        }
        PokerEvent::HandStarted {
            hand,
            button,
            small_blind,
            big_blind,
            players,
        } => format!(
            "HandStarted {{ hand: {hand}, button: {button}, small_blind: {small_blind}, \
             big_blind: {big_blind}, players: seats {} }}",
            seat_list(*players)
        ),
        PokerEvent::HoleCardsDealt { seat, cards } => format!(
            "HoleCardsDealt {{ seat: {seat}, cards: {} }}",
            card_names(cards.iter().copied())
        ),
        PokerEvent::BoardDealt {
            street,
            burned,
            cards,
        } => format!(
            "BoardDealt {{ street: {street:?}, burned: {}, cards: {} }}",
            cards::name(*burned),
            card_names(cards.iter().copied())
        ),
        PokerEvent::HandShown { seat, cards } => format!(
            "HandShown {{ seat: {seat}, cards: {} }}",
            card_names(cards.iter().copied())
        ),
        other => format!("{other:?}"),
    }
}

/// The ledger: hands started, and the books of this hand and the last.
pub fn describe_ledger(ledger: &HandLedger) -> String {
    let mut out = format!("hands started: {}\n", ledger.hands_started);
    let _ = writeln!(out, "this hand: {}", book(&ledger.current));
    let _ = writeln!(
        out,
        "last hand: {}{}",
        book(&ledger.last),
        if ledger.fresh { " (just ended)" } else { "" }
    );
    let _ = match &ledger.expected {
        Ok(pots) => {
            let pots: Vec<String> = pots
                .iter()
                .map(|p| {
                    format!(
                        "{} for seats {} to seats {}",
                        p.amount,
                        seat_list(p.eligible),
                        seat_list(p.winners)
                    )
                })
                .collect();
            writeln!(
                out,
                "last hand should have paid: {}",
                or_none(&pots.join("; "))
            )
        }
        Err(why) => writeln!(out, "last hand could not have ended as it did: {why}"),
    };
    out
}

fn book(b: &HandBook) -> String {
    let put_in: Vec<String> = (0..MAX_SEATS)
        .filter(|&i| b.contributed[i] != 0 || b.returned[i] != 0)
        .map(|i| match b.returned[i] {
            0 => format!("{i}:{}", b.contributed[i]),
            back => format!("{i}:{} ({back} back)", b.contributed[i]),
        })
        .collect();
    let paid: Vec<String> = b.pots[..usize::from(b.pot_count).min(b.pots.len())]
        .iter()
        .map(|p| format!("{} to seats {}", p.amount, seat_list(p.winners)))
        .collect();
    format!(
        "hand {} · button {} · dealt {} · folded {} · put in {} · board {} · paid {}",
        b.hand,
        b.button,
        seat_list(b.players),
        seat_list(b.folded),
        or_none(&put_in.join(" ")),
        card_names(
            b.board[..usize::from(b.board_len).min(b.board.len())]
                .iter()
                .copied()
        ),
        or_none(&paid.join("; "))
    )
}

fn seat_name(seat: u8) -> String {
    if seat == NO_SEAT {
        "none".to_string()
    } else {
        format!("seat {seat}")
    }
}

/// The seats of a mask, "2 5 7", or "—".
pub(super) fn seat_list(mask: u16) -> String {
    let seats: Vec<String> = (0..16)
        .filter(|i| mask & (1 << i) != 0)
        .map(|i| i.to_string())
        .collect();
    or_none(&seats.join(" "))
}

fn mask_cards(mask: u64) -> impl Iterator<Item = Card> {
    (0..cards::DECK_SIZE as u8).filter(move |&c| mask & (1 << c) != 0)
}

/// Card names separated by spaces, or "—".
fn card_names(cards: impl Iterator<Item = Card>) -> String {
    let names: Vec<String> = cards.map(cards::name).collect();
    or_none(&names.join(" "))
}

fn or_none(text: &str) -> String {
    if text.is_empty() {
        "—".to_string()
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use rewind::{Bugs, Engine};

    use super::*;
    use crate::poker::{Poker, PokerAction, TableConfig};

    /// Two players seated and a hand dealt: the blinds, the cards by name and each seat's
    /// chips read off the table, and no seat that is empty shows up.
    #[test]
    fn a_dealt_hand_reads_as_a_table() {
        let mut engine = Engine::<Poker>::new(TableConfig::default(), 3, Bugs::NONE);
        for seat in [1, 4] {
            let sit = PokerAction::SitDown {
                seat,
                buy_in: 100,
                post_big_blind: false,
            };
            assert!(engine.dispatch(sit).is_ok());
        }
        let s = engine.state();
        let text = describe(s);
        assert!(text.starts_with("hand 1 · Preflop"), "{text}");
        assert!(text.contains("pot 3"), "{text}");
        let hole = card_names(s.seats[1].hole.iter().copied());
        assert!(text.contains(&format!("seat 1: 99 chips · bet 1 (1 this hand) · {hole}")));
        assert!(
            text.contains("seat 4: 98 chips · bet 2 (2 this hand)"),
            "{text}"
        );
        assert!(!text.contains("seat 0:"), "{text}");
        assert!(text.contains("chips: 200 bought in · 0 cashed out · 200 on the table"));
    }

    #[test]
    fn events_name_their_cards() {
        let dealt = PokerEvent::HoleCardsDealt {
            seat: 4,
            cards: [cards::parse("Qc").unwrap(), cards::parse("8h").unwrap()],
        };
        assert_eq!(
            describe_event(&dealt),
            "HoleCardsDealt { seat: 4, cards: Qc 8h }"
        );
        let folded = PokerEvent::Folded { seat: 2 };
        assert_eq!(describe_event(&folded), format!("{folded:?}"));
    }

    #[test]
    fn an_empty_table_and_an_empty_ledger_say_so() {
        let s = PokerState::new(TableConfig::default(), Bugs::NONE);
        assert!(describe(&s).starts_with("between hands · 0 played · last button none"));
        let ledger = describe_ledger(&HandLedger::default());
        assert!(ledger.contains("this hand: hand 0 · button 0 · dealt — · folded —"));
        assert!(ledger.contains("last hand should have paid: —"), "{ledger}");
    }
}
