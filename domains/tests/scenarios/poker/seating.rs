//! Seating, the button and the blinds: buy-ins, chips between hands, sitting out, antes,
//! heads-up order, the moving button, newcomers and players leaving mid-hand.

use super::*;

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

#[test]
fn a_newcomer_in_a_seat_vacated_mid_hand_may_add_chips() {
    // Seat 0 leaves hand 1 mid-hand; a newcomer takes the seat and tops up at once.
    Scenario::<Poker>::new()
        .given([sat(0, 100), sat(1, 100)])
        .given_actions([sit(2, 100), StandUp { seat: 0 }, sit(0, 50)])
        .when(AddChips {
            seat: 0,
            amount: 50,
        })
        .then_events([PokerEvent::ChipsAdded {
            seat: 0,
            amount: 50,
        }]);
}
