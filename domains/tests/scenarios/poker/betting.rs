//! Betting: whose turn it is, what a bet or raise must be, all-ins for less.

use super::*;

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

#[test]
fn a_stack_that_cannot_beat_the_bet_calls_rather_than_raises() {
    // Seat 1 has 10 chips and faces a raise to 50: its all-in is a call.
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
        .when(RaiseTo {
            seat: 1,
            amount: 10,
        })
        .then_reject(PokerReject::TooShortToRaise { all_in: 10 });
}
