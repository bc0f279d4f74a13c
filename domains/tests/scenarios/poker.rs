//! Poker rules as given/when/then scenarios, written from the rulebook: seating, button and
//! blinds, betting limits, incomplete all-ins, side pots, odd chips, uncalled bets, rejects.

use rewind_domains::poker::bugs;
use rewind_domains::poker::cards::{self, Card};
use rewind_domains::poker::{
    Blind, Commit, NO_SEAT, Phase, Poker, PokerAction, PokerEvent, PokerReject, Street,
    TableConfig, view,
};
use rewind_engine::{Scenario, Then};

use PokerAction::{AddChips, Bet, Call, Check, Fold, RaiseTo, SitIn, SitOut, StandUp};

/// Assertions on the whole event list of a step, for steps whose shuffle is random.
trait ThenExt {
    fn then_events_where(self, check: impl FnOnce(&[PokerEvent]) -> bool) -> Self;
}

impl ThenExt for Then<Poker> {
    #[track_caller]
    fn then_events_where(self, check: impl FnOnce(&[PokerEvent]) -> bool) -> Self {
        let events: Vec<PokerEvent> = match self.outcome() {
            Ok(events) => events
                .iter()
                .filter(|e| {
                    !matches!(
                        e,
                        PokerEvent::DeckShuffled { .. } | PokerEvent::HoleCardsDealt { .. }
                    )
                })
                .cloned()
                .collect(),
            Err(refusal) => panic!("refused: {refusal}"),
        };
        assert!(check(&events), "unexpected events:\n{events:#?}");
        self
    }
}

fn sit(seat: u8, buy_in: i64) -> PokerAction {
    PokerAction::SitDown {
        seat,
        buy_in,
        post_big_blind: false,
    }
}

fn sat(seat: u8, buy_in: u64) -> PokerEvent {
    PokerEvent::SatDown {
        seat,
        buy_in,
        waits_for_big_blind: true,
    }
}

/// A table where small stacks are allowed: buy in for 2 to 1000.
fn small_stakes() -> TableConfig {
    TableConfig {
        min_buy_in: 2,
        max_buy_in: 1000,
        ..TableConfig::default()
    }
}

/// The events of the step without the random ones (the shuffle and the hole cards).
fn facts(then: &Then<Poker>) -> Vec<PokerEvent> {
    let events = then.outcome().clone().expect("the action was accepted");
    events
        .into_iter()
        .filter(|e| {
            !matches!(
                e,
                PokerEvent::DeckShuffled { .. } | PokerEvent::HoleCardsDealt { .. }
            )
        })
        .collect()
}

fn parse(text: &str) -> Vec<Card> {
    text.split_whitespace()
        .map(|c| cards::parse(c).expect("a card"))
        .collect()
}

/// Seats `0..stacks.len()` sit down and hand 1 is dealt with the button on seat 0 (heads-up
/// it posts the small blind; otherwise seats 1 and 2 post), hole cards `holes[seat]`, and a
/// deck arranged so the board comes out as `board` (each street after a burn card).
fn dealt(stacks: &[u64], holes: &[&str], board: &str) -> Vec<PokerEvent> {
    let n = stacks.len() as u8;
    let (sb, bb) = if n == 2 { (0, 1) } else { (1, 2) };
    let mut events: Vec<PokerEvent> = (0..n).map(|i| sat(i, stacks[usize::from(i)])).collect();
    events.push(PokerEvent::HandStarted {
        hand: 1,
        button: 0,
        small_blind: sb,
        big_blind: bb,
        players: (1 << n) - 1,
    });
    let dealing: Vec<u8> = (1..n).chain([0]).collect();
    let mut order: Vec<Card> = dealing
        .iter()
        .flat_map(|&s| parse(holes[usize::from(s)]))
        .collect();
    let board = parse(board);
    let unused = |order: &Vec<Card>, board: &Vec<Card>| {
        (0..52)
            .find(|c| !order.contains(c) && !board.contains(c))
            .unwrap()
    };
    for street in [&board[..3], &board[3..4], &board[4..5]] {
        let burn = unused(&order, &board);
        order.push(burn);
        order.extend_from_slice(street);
    }
    while order.len() < 52 {
        let next = unused(&order, &board);
        order.push(next);
    }
    events.push(PokerEvent::DeckShuffled {
        order: order.iter().copied().collect(),
    });
    events.push(PokerEvent::BlindPosted {
        seat: sb,
        amount: 1,
        blind: Blind::Small,
    });
    events.push(PokerEvent::BlindPosted {
        seat: bb,
        amount: 2,
        blind: Blind::Big,
    });
    for (k, &seat) in dealing.iter().enumerate() {
        events.push(PokerEvent::HoleCardsDealt {
            seat,
            cards: [order[2 * k], order[2 * k + 1]],
        });
    }
    events
}

// ---- seating ----

#[test]
fn a_lone_player_waits_for_company() {
    Scenario::<Poker>::new()
        .when(sit(3, 100))
        .then_events([PokerEvent::SatDown {
            seat: 3,
            buy_in: 100,
            waits_for_big_blind: true,
        }])
        .and_state(|s| assert_eq!(s.phase, Phase::Idle));
}

#[test]
fn buy_ins_outside_the_table_limits_are_refused() {
    let refused = |action, reason| Scenario::<Poker>::new().when(action).then_reject(reason);
    refused(sit(0, 19), PokerReject::BelowMinimumBuyIn { minimum: 20 });
    refused(sit(0, 201), PokerReject::AboveMaximumBuyIn { maximum: 200 });
    refused(sit(0, 0), PokerReject::NonPositiveAmount { amount: 0 });
    refused(sit(0, -50), PokerReject::NonPositiveAmount { amount: -50 });
    refused(sit(6, 100), PokerReject::NoSuchSeat { seat: 6 });
    Scenario::<Poker>::new()
        .given_actions([sit(0, 100)])
        .when(sit(0, 100))
        .then_reject(PokerReject::SeatTaken { seat: 0 });
}

#[test]
fn chips_are_added_between_hands_only_and_up_to_the_maximum() {
    let table = || Scenario::<Poker>::new().given_actions([sit(0, 100), sit(1, 100)]);
    table()
        .when(AddChips {
            seat: 0,
            amount: 10,
        })
        .then_reject(PokerReject::DealtIn { seat: 0 });
    table()
        .when(AddChips {
            seat: 4,
            amount: 10,
        })
        .then_reject(PokerReject::EmptySeat { seat: 4 });
    Scenario::<Poker>::new()
        .given_actions([sit(0, 150)])
        .when(AddChips {
            seat: 0,
            amount: 51,
        })
        .then_reject(PokerReject::AboveMaximumBuyIn { maximum: 200 })
        .when(AddChips { seat: 0, amount: 0 })
        .then_reject(PokerReject::NonPositiveAmount { amount: 0 })
        .when(AddChips {
            seat: 0,
            amount: 50,
        })
        .then_events([PokerEvent::ChipsAdded {
            seat: 0,
            amount: 50,
        }]);
}

#[test]
fn a_player_sitting_out_is_not_dealt_in_until_they_sit_in() {
    Scenario::<Poker>::new()
        .given_actions([sit(0, 100), sit(1, 100), sit(2, 100), SitOut { seat: 2 }])
        .when(SitOut { seat: 2 })
        .then_reject(PokerReject::AlreadySittingOut { seat: 2 })
        .when(SitIn { seat: 1 })
        .then_reject(PokerReject::NotSittingOut { seat: 1 })
        // Hand 1 is heads-up between 0 and 1: the button folds, the next hand starts without 2.
        .when(Fold { seat: 0 })
        .and_state(|s| assert_eq!((s.hand, s.players), (2, 0b011)))
        .when(SitIn { seat: 2 })
        .then_events([PokerEvent::SatIn { seat: 2 }])
        .when(Fold { seat: 1 })
        .and_state(|s| assert_eq!((s.hand, s.players), (3, 0b111)));
}

#[test]
fn antes_are_posted_by_everyone_dealt_in_before_the_blinds() {
    let config = TableConfig {
        ante: 1,
        ..TableConfig::default()
    };
    let then = Scenario::<Poker>::new()
        .config(config)
        .given([sat(0, 100), sat(1, 100)])
        .when(sit(2, 100));
    assert_eq!(
        facts(&then),
        [
            PokerEvent::SatDown {
                seat: 2,
                buy_in: 100,
                waits_for_big_blind: true
            },
            PokerEvent::HandStarted {
                hand: 1,
                button: 0,
                small_blind: 1,
                big_blind: 2,
                players: 0b111
            },
            PokerEvent::AntePosted { seat: 1, amount: 1 },
            PokerEvent::AntePosted { seat: 2, amount: 1 },
            PokerEvent::AntePosted { seat: 0, amount: 1 },
            PokerEvent::BlindPosted {
                seat: 1,
                amount: 1,
                blind: Blind::Small
            },
            PokerEvent::BlindPosted {
                seat: 2,
                amount: 2,
                blind: Blind::Big
            },
        ]
    );
    then.and_state(|s| assert_eq!((s.pot, s.to_act), (6, 0)));
}

// ---- button, blinds, heads-up ----

#[test]
fn heads_up_the_button_posts_the_small_blind_and_acts_first_before_the_flop() {
    let then = Scenario::<Poker>::new()
        .given_actions([sit(0, 100)])
        .when(sit(1, 100));
    assert_eq!(
        facts(&then)[1..],
        [
            PokerEvent::HandStarted {
                hand: 1,
                button: 0,
                small_blind: 0,
                big_blind: 1,
                players: 0b11
            },
            PokerEvent::BlindPosted {
                seat: 0,
                amount: 1,
                blind: Blind::Small
            },
            PokerEvent::BlindPosted {
                seat: 1,
                amount: 2,
                blind: Blind::Big
            },
        ]
    );
    then.and_state(|s| assert_eq!(s.to_act, 0));
}

#[test]
fn heads_up_the_button_acts_last_after_the_flop() {
    let then = Scenario::<Poker>::new()
        .given_actions([sit(0, 100), sit(1, 100), Call { seat: 0 }])
        .when(Check { seat: 1 });
    assert!(matches!(
        facts(&then)[1],
        PokerEvent::BoardDealt {
            street: Street::Flop,
            ..
        }
    ));
    then.and_state(|s| assert_eq!((s.phase, s.to_act), (Phase::Flop, 1)));
}

#[test]
fn the_button_moves_every_hand_and_the_big_blind_gets_its_unmatched_part_back() {
    Scenario::<Poker>::new()
        .given_actions([sit(0, 100), sit(1, 100)])
        .when(Fold { seat: 0 })
        .then_events_where(|events| {
            events
                == [
                    PokerEvent::Folded { seat: 0 },
                    PokerEvent::BetReturned { seat: 1, amount: 1 },
                    PokerEvent::PotAwarded {
                        pot: 0,
                        seat: 1,
                        amount: 2,
                        tied: 1,
                        odd_chip: false,
                    },
                    PokerEvent::HandEnded {
                        hand: 1,
                        showdown: false,
                    },
                    PokerEvent::HandStarted {
                        hand: 2,
                        button: 1,
                        small_blind: 1,
                        big_blind: 0,
                        players: 0b11,
                    },
                    PokerEvent::BlindPosted {
                        seat: 1,
                        amount: 1,
                        blind: Blind::Small,
                    },
                    PokerEvent::BlindPosted {
                        seat: 0,
                        amount: 2,
                        blind: Blind::Big,
                    },
                ]
        });
}

#[test]
fn nobody_posts_the_big_blind_twice_in_a_row_when_play_shrinks_to_heads_up() {
    // Hand 1: button 0, blinds 1 and 2. The button leaves; plain rotation would make seat 1
    // the button and seat 2 the big blind again.
    Scenario::<Poker>::new()
        .given([sat(0, 100), sat(1, 100)])
        .given_actions([sit(2, 100), StandUp { seat: 0 }])
        .when(Fold { seat: 1 })
        .then_events_where(|events| {
            events.contains(&PokerEvent::HandStarted {
                hand: 2,
                button: 2,
                small_blind: 2,
                big_blind: 1,
                players: 0b110,
            })
        });
}

#[test]
fn a_newcomer_waits_until_the_big_blind_reaches_them() {
    // Seats 0, 2, 4 play; seat 1 arrives during hand 1 (button 0, blinds 2 and 4).
    Scenario::<Poker>::new()
        .given([sat(0, 100), sat(2, 100)])
        .given_actions([sit(4, 100), sit(1, 100), Fold { seat: 0 }])
        .when(Fold { seat: 2 })
        .and_state(|s| {
            // Hand 2: button 2, blinds 4 and 0; the big blind has not reached seat 1 yet.
            assert_eq!(
                (s.hand, s.button, s.small_blind, s.big_blind, s.players),
                (2, 2, 4, 0, 0b10101)
            );
        })
        .when(Fold { seat: 2 })
        .and_state(|s| assert_eq!(s.to_act, 4))
        .when(Fold { seat: 4 })
        .then_events_where(|events| {
            events.contains(&PokerEvent::HandStarted {
                hand: 3,
                button: 4,
                small_blind: 0,
                big_blind: 1,
                players: 0b10111,
            })
        });
}

#[test]
fn a_newcomer_may_post_a_big_blind_to_be_dealt_in_at_once() {
    let newcomer = PokerAction::SitDown {
        seat: 1,
        buy_in: 100,
        post_big_blind: true,
    };
    Scenario::<Poker>::new()
        .given([sat(0, 100), sat(2, 100)])
        .given_actions([sit(4, 100), newcomer, Fold { seat: 0 }])
        .when(Fold { seat: 2 })
        .then_events_where(|events| {
            events.contains(&PokerEvent::HandStarted {
                hand: 2,
                button: 2,
                small_blind: 4,
                big_blind: 0,
                players: 0b10111,
            }) && events.contains(&PokerEvent::BlindPosted {
                seat: 1,
                amount: 2,
                blind: Blind::Newcomer,
            })
        });
}

#[test]
fn a_player_standing_up_mid_hand_forfeits_and_their_chips_stay_in_the_pot() {
    Scenario::<Poker>::new()
        .given([sat(0, 100), sat(1, 100)])
        .given_actions([sit(2, 100), RaiseTo { seat: 0, amount: 6 }])
        .when(StandUp { seat: 0 })
        .then_events([PokerEvent::StoodUp {
            seat: 0,
            cashed_out: 94,
            mid_hand: true,
        }])
        .and_state(|s| {
            assert_eq!(s.pot, 9);
            assert_eq!(s.seats[0].contributed, 6);
            assert_eq!(s.to_act, 1);
        })
        // Seat 1 folds: seat 2 wins the 6 the leaver put in, and the blinds.
        .when(Fold { seat: 1 })
        .then_events_where(|events| {
            events[..3]
                == [
                    PokerEvent::Folded { seat: 1 },
                    PokerEvent::PotAwarded {
                        pot: 0,
                        seat: 2,
                        amount: 9,
                        tied: 1,
                        odd_chip: false,
                    },
                    PokerEvent::HandEnded {
                        hand: 1,
                        showdown: false,
                    },
                ]
        });
}

// ---- betting ----

/// Three players at a fresh table: hand 1 has the button on 0, blinds on 1 and 2, and seat 0
/// to act first before the flop.
fn three_handed(config: TableConfig, stacks: [u64; 3]) -> Scenario<Poker> {
    Scenario::<Poker>::new()
        .config(config)
        .given([sat(0, stacks[0]), sat(1, stacks[1])])
        .given_actions([sit(2, stacks[2] as i64)])
}

#[test]
fn only_the_player_to_act_may_act() {
    let table = || three_handed(TableConfig::default(), [100, 100, 100]);
    table()
        .when(Call { seat: 1 })
        .then_reject(PokerReject::OutOfTurn { seat: 1, to_act: 0 });
    table()
        .when(Fold { seat: 4 })
        .then_reject(PokerReject::EmptySeat { seat: 4 });
    table()
        .when(Fold { seat: 9 })
        .then_reject(PokerReject::NoSuchSeat { seat: 9 });
    Scenario::<Poker>::new()
        .given_actions([sit(0, 100)])
        .when(Check { seat: 0 })
        .then_reject(PokerReject::NoHandInProgress);
}

#[test]
fn checks_calls_and_bets_must_fit_the_situation() {
    let table = || three_handed(TableConfig::default(), [100, 100, 100]);
    table()
        .when(Check { seat: 0 })
        .then_reject(PokerReject::CannotCheckFacingBet { to_call: 2 });
    table()
        .when(Bet {
            seat: 0,
            amount: 10,
        })
        .then_reject(PokerReject::CannotBetFacingBet { current_bet: 2 });
    // After the flop the big blind (first to act heads-up) has nothing to call or raise.
    let flop = || {
        Scenario::<Poker>::new().given_actions([
            sit(0, 100),
            sit(1, 100),
            Call { seat: 0 },
            Check { seat: 1 },
        ])
    };
    flop()
        .when(Call { seat: 1 })
        .then_reject(PokerReject::NothingToCall);
    flop()
        .when(RaiseTo { seat: 1, amount: 4 })
        .then_reject(PokerReject::NothingToRaise);
    flop()
        .when(Bet { seat: 1, amount: 1 })
        .then_reject(PokerReject::BelowMinimum { minimum: 2 });
    flop()
        .when(Bet { seat: 1, amount: 0 })
        .then_reject(PokerReject::NonPositiveAmount { amount: 0 });
    flop()
        .when(Bet {
            seat: 1,
            amount: -3,
        })
        .then_reject(PokerReject::NonPositiveAmount { amount: -3 });
    flop()
        .when(Bet {
            seat: 1,
            amount: 99,
        })
        .then_reject(PokerReject::AboveStack { maximum: 98 });
    flop()
        .when(Bet { seat: 1, amount: 2 })
        .then_events([PokerEvent::ChipsCommitted {
            seat: 1,
            amount: 2,
            commit: Commit::Bet,
            all_in: false,
        }]);
}

#[test]
fn a_raise_is_at_least_the_largest_bet_or_raise_of_the_street() {
    let table = || three_handed(TableConfig::default(), [100, 100, 100]);
    table()
        .when(RaiseTo { seat: 0, amount: 3 })
        .then_reject(PokerReject::BelowMinimum { minimum: 4 });
    table()
        .when(RaiseTo { seat: 0, amount: 0 })
        .then_reject(PokerReject::NonPositiveAmount { amount: 0 });
    table()
        .when(RaiseTo {
            seat: 0,
            amount: i64::MAX,
        })
        .then_reject(PokerReject::AboveStack { maximum: 100 });
    table()
        .when(RaiseTo {
            seat: 0,
            amount: 10,
        })
        .then_events([PokerEvent::ChipsCommitted {
            seat: 0,
            amount: 10,
            commit: Commit::Raise,
            all_in: false,
        }])
        // The raise was 8, so the small blind must raise to at least 18.
        .when(RaiseTo {
            seat: 1,
            amount: 17,
        })
        .then_reject(PokerReject::BelowMinimum { minimum: 18 })
        .when(RaiseTo {
            seat: 1,
            amount: 18,
        })
        .then_events([PokerEvent::ChipsCommitted {
            seat: 1,
            amount: 17,
            commit: Commit::Raise,
            all_in: false,
        }]);
}

#[test]
fn a_bet_all_in_for_less_than_the_big_blind_is_allowed() {
    Scenario::<Poker>::new()
        .config(small_stakes())
        .given_actions([sit(0, 100), sit(1, 3), Call { seat: 0 }, Check { seat: 1 }])
        .when(Bet { seat: 1, amount: 1 })
        .then_events_where(|events| {
            events[0]
                == PokerEvent::ChipsCommitted {
                    seat: 1,
                    amount: 1,
                    commit: Commit::IncompleteRaise,
                    all_in: true,
                }
        });
}

#[test]
fn an_incomplete_all_in_raise_does_not_reopen_the_betting() {
    // Seat 0 raises to 8 (a full raise of 6), seat 1 calls, the big blind moves all-in to 13:
    // a raise of 5, less than 6. Those who acted may call or fold, not raise.
    three_handed(small_stakes(), [100, 100, 13])
        .when(RaiseTo { seat: 0, amount: 8 })
        .when(Call { seat: 1 })
        .when(RaiseTo {
            seat: 2,
            amount: 13,
        })
        .then_events([PokerEvent::ChipsCommitted {
            seat: 2,
            amount: 11,
            commit: Commit::IncompleteRaise,
            all_in: true,
        }])
        .when(RaiseTo {
            seat: 0,
            amount: 30,
        })
        .then_reject(PokerReject::BettingNotReopened)
        .when(Call { seat: 0 })
        .then_events([PokerEvent::ChipsCommitted {
            seat: 0,
            amount: 5,
            commit: Commit::Call,
            all_in: false,
        }])
        .when(RaiseTo {
            seat: 1,
            amount: 30,
        })
        .then_reject(PokerReject::BettingNotReopened)
        .when(Call { seat: 1 })
        .then_events_where(|events| {
            matches!(
                events[1],
                PokerEvent::BoardDealt {
                    street: Street::Flop,
                    ..
                }
            )
        });
}

#[test]
fn short_all_ins_that_add_up_to_a_full_raise_reopen_the_betting() {
    // Four players: button 0 (14 chips), blinds 1 (19) and 2; seat 3 raises to 10 (a raise
    // of 8). Seat 0 all-in to 14 (+4), seat 1 all-in to 19 (+5): together +9 over seat 3.
    Scenario::<Poker>::new()
        .config(small_stakes())
        .given([sat(0, 14), sat(1, 19), sat(2, 100)])
        .given_actions([
            sit(3, 100),
            RaiseTo {
                seat: 3,
                amount: 10,
            },
        ])
        .when(RaiseTo {
            seat: 0,
            amount: 14,
        })
        .then_events([PokerEvent::ChipsCommitted {
            seat: 0,
            amount: 14,
            commit: Commit::IncompleteRaise,
            all_in: true,
        }])
        .when(RaiseTo {
            seat: 1,
            amount: 19,
        })
        .then_events([PokerEvent::ChipsCommitted {
            seat: 1,
            amount: 18,
            commit: Commit::IncompleteRaise,
            all_in: true,
        }])
        .when(Call { seat: 2 })
        .when(RaiseTo {
            seat: 3,
            amount: 26,
        })
        .then_reject(PokerReject::BelowMinimum { minimum: 27 })
        .when(RaiseTo {
            seat: 3,
            amount: 40,
        })
        .then_events([PokerEvent::ChipsCommitted {
            seat: 3,
            amount: 30,
            commit: Commit::Raise,
            all_in: false,
        }]);
}

#[test]
fn calling_all_in_for_less_is_allowed_and_the_excess_goes_back() {
    Scenario::<Poker>::new()
        .config(small_stakes())
        .given_actions([
            sit(0, 100),
            sit(1, 10),
            RaiseTo {
                seat: 0,
                amount: 50,
            },
        ])
        .when(Call { seat: 1 })
        .then_events_where(|events| {
            events[0]
                == PokerEvent::ChipsCommitted {
                    seat: 1,
                    amount: 8,
                    commit: Commit::Call,
                    all_in: true,
                }
                && events.contains(&PokerEvent::BetReturned {
                    seat: 0,
                    amount: 40,
                })
                && events.contains(&PokerEvent::HandEnded {
                    hand: 1,
                    showdown: true,
                })
        });
}

// ---- showdown ----

#[test]
fn main_and_side_pots_go_to_the_best_hand_eligible_for_each() {
    // Button 0 (50 chips, queens) shoves; seat 1 (10, aces) and seat 2 (30, kings) call
    // all-in. Seat 0's last 20 are unmatched; the main pot of 3 x 10 goes to the aces, the
    // side pot of 2 x 20 to the kings.
    Scenario::<Poker>::new()
        .config(small_stakes())
        .given(dealt(
            &[50, 10, 30],
            &["Qh Qd", "Ah Ad", "Kh Kd"],
            "2c 7d 9h 3s Jc",
        ))
        .given_actions([
            RaiseTo {
                seat: 0,
                amount: 50,
            },
            Call { seat: 1 },
        ])
        .when(Call { seat: 2 })
        .then_events_where(|events| {
            let end = events
                .iter()
                .position(|e| matches!(e, PokerEvent::HandEnded { .. }))
                .unwrap();
            events[4..=end]
                == [
                    PokerEvent::BetReturned {
                        seat: 0,
                        amount: 20,
                    },
                    PokerEvent::HandShown {
                        seat: 1,
                        cards: [cards::parse("Ah").unwrap(), cards::parse("Ad").unwrap()],
                    },
                    PokerEvent::HandShown {
                        seat: 2,
                        cards: [cards::parse("Kh").unwrap(), cards::parse("Kd").unwrap()],
                    },
                    PokerEvent::HandShown {
                        seat: 0,
                        cards: [cards::parse("Qh").unwrap(), cards::parse("Qd").unwrap()],
                    },
                    PokerEvent::PotAwarded {
                        pot: 0,
                        seat: 1,
                        amount: 30,
                        tied: 1,
                        odd_chip: false,
                    },
                    PokerEvent::PotAwarded {
                        pot: 1,
                        seat: 2,
                        amount: 40,
                        tied: 1,
                        odd_chip: false,
                    },
                    PokerEvent::HandEnded {
                        hand: 1,
                        showdown: true,
                    },
                ]
        })
        .and_state(|s| {
            let stacks: Vec<u64> = s.seats[..3]
                .iter()
                .map(|x| x.stack + x.contributed)
                .collect();
            assert_eq!(stacks, [20, 30, 40]);
        });
}

#[test]
fn a_split_pot_gives_the_odd_chip_to_the_first_winner_left_of_the_button() {
    // The board is a royal flush: seats 0 and 2 split a pot of 5 (seat 1 folded its blind).
    // Left of the button, seat 1 is out, so seat 2 gets the odd chip.
    let mut then = Scenario::<Poker>::new()
        .given(dealt(
            &[100, 100, 100],
            &["2c 3d", "4s 5s", "2d 3c"],
            "Ah Kh Qh Jh Th",
        ))
        .given_actions([Call { seat: 0 }, Fold { seat: 1 }, Check { seat: 2 }])
        .when(Check { seat: 2 });
    for seat in [0, 2, 0, 2] {
        then = then.when(Check { seat });
    }
    then.when(Check { seat: 0 }).then_events_where(|events| {
        events.contains(&PokerEvent::PotAwarded {
            pot: 0,
            seat: 2,
            amount: 3,
            tied: 2,
            odd_chip: true,
        }) && events.contains(&PokerEvent::PotAwarded {
            pot: 0,
            seat: 0,
            amount: 2,
            tied: 2,
            odd_chip: false,
        })
    });
}

#[test]
fn when_everyone_folds_the_last_player_wins_without_showing() {
    three_handed(TableConfig::default(), [100, 100, 100])
        .when(Fold { seat: 0 })
        .when(Fold { seat: 1 })
        .then_events_where(|events| {
            events[..4]
                == [
                    PokerEvent::Folded { seat: 1 },
                    PokerEvent::BetReturned { seat: 2, amount: 1 },
                    PokerEvent::PotAwarded {
                        pot: 0,
                        seat: 2,
                        amount: 2,
                        tied: 1,
                        odd_chip: false,
                    },
                    PokerEvent::HandEnded {
                        hand: 1,
                        showdown: false,
                    },
                ]
                && !events
                    .iter()
                    .any(|e| matches!(e, PokerEvent::HandShown { .. }))
        });
}

#[test]
fn an_uncalled_bet_goes_back_to_the_bettor() {
    Scenario::<Poker>::new()
        .given_actions([
            sit(0, 100),
            sit(1, 100),
            Call { seat: 0 },
            Check { seat: 1 },
            Bet {
                seat: 1,
                amount: 10,
            },
        ])
        .when(Fold { seat: 0 })
        .then_events_where(|events| {
            events[..3]
                == [
                    PokerEvent::Folded { seat: 0 },
                    PokerEvent::BetReturned {
                        seat: 1,
                        amount: 10,
                    },
                    PokerEvent::PotAwarded {
                        pot: 0,
                        seat: 1,
                        amount: 4,
                        tied: 1,
                        odd_chip: false,
                    },
                ]
        });
}

#[test]
fn a_player_sees_their_own_hole_cards_and_nobody_else_s() {
    Scenario::<Poker>::new()
        .given(dealt(
            &[100, 100, 100],
            &["2c 3d", "4s 5s", "2d 3c"],
            "Ah Kh Qh Jh Th",
        ))
        .when(Call { seat: 0 })
        .and_state(|s| {
            let seen = view(s, 0);
            assert_eq!(
                seen.seats[0].hole,
                Some([cards::parse("2c").unwrap(), cards::parse("3d").unwrap()])
            );
            assert_eq!(seen.seats[1].hole, None);
            assert_eq!(seen.seats[2].hole, None);
            assert_eq!(view(s, 1).seats[0].hole, None);
            assert_eq!(s.to_act, 1);
            assert_ne!(s.to_act, NO_SEAT);
        });
}

// ---- the planted bugs break these very rules ----

#[test]
fn with_the_odd_chip_bug_planted_the_chip_goes_to_the_wrong_seat() {
    let mut then = Scenario::<Poker>::new()
        .planted(bugs::ODD_CHIP_WRONG_SEAT)
        .given(dealt(
            &[100, 100, 100],
            &["2c 3d", "4s 5s", "2d 3c"],
            "Ah Kh Qh Jh Th",
        ))
        .given_actions([Call { seat: 0 }, Fold { seat: 1 }, Check { seat: 2 }])
        .when(Check { seat: 2 });
    for seat in [0, 2, 0, 2] {
        then = then.when(Check { seat });
    }
    then.when(Check { seat: 0 }).then_events_where(|events| {
        events.contains(&PokerEvent::PotAwarded {
            pot: 0,
            seat: 0,
            amount: 3,
            tied: 2,
            odd_chip: true,
        })
    });
}

#[test]
fn with_the_heads_up_bug_planted_the_button_posts_the_big_blind() {
    Scenario::<Poker>::new()
        .planted(bugs::HEADS_UP_BLINDS_REVERSED)
        .given_actions([sit(0, 100)])
        .when(sit(1, 100))
        .then_events_where(|events| {
            events.contains(&PokerEvent::BlindPosted {
                seat: 0,
                amount: 2,
                blind: Blind::Big,
            })
        });
}
