//! Showdown and payout: side pots, split pots and odd chips, uncalled bets, folds, views.

use super::*;

#[test]
fn main_and_side_pots_go_to_the_best_hand_eligible_for_each() {
    // Button 0 (50 chips, queens) shoves; seat 1 (10, aces) and seat 2 (30, kings) call
    // all-in. Seat 0's last 20 are unmatched; the main pot of 3 x 10 goes to the aces, the
    // side pot of 2 x 20 to the kings.
    Scenario::<Poker>::new()
        .config(small_stakes())
        .dealt(
            &[50, 10, 30],
            &["Qh Qd", "Ah Ad", "Kh Kd"],
            "2c 7d 9h 3s Jc",
        )
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
        .dealt(
            &[100, 100, 100],
            &["2c 3d", "4s 5s", "2d 3c"],
            "Ah Kh Qh Jh Th",
        )
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
        .dealt(
            &[100, 100, 100],
            &["2c 3d", "4s 5s", "2d 3c"],
            "Ah Kh Qh Jh Th",
        )
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
