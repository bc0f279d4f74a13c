//! `decide` and `execute`: check an action against the rules, emit its events, then let the
//! dealer move the hand along. The dealer has to see what each event changed, so every event
//! is applied as it is emitted: `execute` (the engine's dispatch) does that on the live
//! state, after all the checks, so a refused action touches nothing; `decide`, which must
//! not change the state, runs the same code on a scratch copy.

use rewind::Env;

use super::action::PokerAction;
use super::bugs;
use super::dealer::{advance, emit};
use super::event::{Commit, PokerEvent};
use super::reject::PokerReject;
use super::state::{NO_SEAT, PokerState};

/// The pure form: the events `action` leads to, worked out on a copy of `state`.
pub fn decide(
    state: &PokerState,
    action: &PokerAction,
    env: &mut Env,
    out: &mut Vec<PokerEvent>,
) -> Result<(), PokerReject> {
    execute(&mut state.clone(), action, env, out)
}

/// The engine's form: checks `action`, then emits its events and the dealer's onto `state`,
/// each applied as it is emitted. A refusal comes before anything is applied.
pub fn execute(
    state: &mut PokerState,
    action: &PokerAction,
    env: &mut Env,
    out: &mut Vec<PokerEvent>,
) -> Result<(), PokerReject> {
    let event = check(state, action, env)?;
    emit(state, out, event);
    advance(state, env, out);
    Ok(())
}

/// The action's own event, or why it is refused.
fn check(state: &PokerState, action: &PokerAction, env: &Env) -> Result<PokerEvent, PokerReject> {
    let seat = action.seat();
    if seat >= state.seat_count() {
        return Err(PokerReject::NoSuchSeat { seat });
    }
    let event = match *action {
        PokerAction::SitDown {
            buy_in,
            post_big_blind,
            ..
        } => sit_down(state, seat, buy_in, post_big_blind)?,
        _ if !state.seats[usize::from(seat)].occupied => {
            return Err(PokerReject::EmptySeat { seat });
        }
        PokerAction::StandUp { .. } => PokerEvent::StoodUp {
            seat,
            cashed_out: state.seats[usize::from(seat)].stack,
            mid_hand: state.is_in_hand(usize::from(seat)),
        },
        PokerAction::AddChips { amount, .. } => add_chips(state, seat, amount)?,
        PokerAction::SitOut { .. } => {
            if state.seats[usize::from(seat)].sitting_out {
                return Err(PokerReject::AlreadySittingOut { seat });
            }
            PokerEvent::SatOut { seat }
        }
        PokerAction::SitIn { .. } => {
            if !state.seats[usize::from(seat)].sitting_out {
                return Err(PokerReject::NotSittingOut { seat });
            }
            PokerEvent::SatIn { seat }
        }
        _ => bet(state, action, env)?,
    };
    Ok(event)
}

fn positive(amount: i64) -> Result<u64, PokerReject> {
    if amount <= 0 {
        return Err(PokerReject::NonPositiveAmount { amount });
    }
    Ok(amount as u64)
}

fn sit_down(
    s: &PokerState,
    seat: u8,
    buy_in: i64,
    post_big_blind: bool,
) -> Result<PokerEvent, PokerReject> {
    if s.seats[usize::from(seat)].occupied {
        return Err(PokerReject::SeatTaken { seat });
    }
    let buy_in = positive(buy_in)?;
    if buy_in < s.config.min_buy_in {
        return Err(PokerReject::BelowMinimumBuyIn {
            minimum: s.config.min_buy_in,
        });
    }
    if buy_in > s.config.max_buy_in {
        return Err(PokerReject::AboveMaximumBuyIn {
            maximum: s.config.max_buy_in,
        });
    }
    Ok(PokerEvent::SatDown {
        seat,
        buy_in,
        waits_for_big_blind: !post_big_blind,
    })
}

fn add_chips(s: &PokerState, seat: u8, amount: i64) -> Result<PokerEvent, PokerReject> {
    let amount = positive(amount)?;
    let slot = &s.seats[usize::from(seat)];
    // Dealt in: in this hand's players and not a newcomer who took a vacated seat since.
    let newcomer = slot.waiting || slot.posts_big_blind;
    if s.hand_running() && s.players & (1 << seat) != 0 && !newcomer {
        return Err(PokerReject::DealtIn { seat });
    }
    if slot.stack.saturating_add(amount) > s.config.max_buy_in {
        return Err(PokerReject::AboveMaximumBuyIn {
            maximum: s.config.max_buy_in,
        });
    }
    Ok(PokerEvent::ChipsAdded { seat, amount })
}

/// Fold, check, call, bet and raise: only the seat to act, only within the betting rules.
fn bet(s: &PokerState, action: &PokerAction, env: &Env) -> Result<PokerEvent, PokerReject> {
    let seat = action.seat();
    if !s.hand_running() {
        return Err(PokerReject::NoHandInProgress);
    }
    if seat != s.to_act || s.to_act == NO_SEAT {
        return Err(PokerReject::OutOfTurn {
            seat,
            to_act: s.to_act,
        });
    }
    let i = usize::from(seat);
    let slot = &s.seats[i];
    let to_call = s.to_call(i);
    let all_in_to = slot.street_bet + slot.stack;
    let commit = |amount: u64, commit: Commit| PokerEvent::ChipsCommitted {
        seat,
        amount,
        commit,
        all_in: amount == slot.stack,
    };
    match *action {
        PokerAction::Fold { .. } => Ok(PokerEvent::Folded { seat }),
        PokerAction::Check { .. } if to_call > 0 => {
            Err(PokerReject::CannotCheckFacingBet { to_call })
        }
        PokerAction::Check { .. } => Ok(PokerEvent::Checked { seat }),
        PokerAction::Call { .. } if to_call == 0 => Err(PokerReject::NothingToCall),
        PokerAction::Call { .. } => Ok(commit(to_call.min(slot.stack), Commit::Call)),
        PokerAction::Bet { amount, .. } => {
            if s.current_bet > 0 {
                return Err(PokerReject::CannotBetFacingBet {
                    current_bet: s.current_bet,
                });
            }
            let amount = positive(amount)?;
            if amount > slot.stack {
                return Err(PokerReject::AboveStack {
                    maximum: slot.stack,
                });
            }
            let minimum = s.config.big_blind;
            if amount < minimum && amount < slot.stack {
                return Err(PokerReject::BelowMinimum { minimum });
            }
            let kind = if amount >= minimum {
                Commit::Bet
            } else {
                Commit::IncompleteRaise
            };
            Ok(commit(amount, kind))
        }
        PokerAction::RaiseTo { amount, .. } => {
            if s.current_bet == 0 {
                return Err(PokerReject::NothingToRaise);
            }
            let to = positive(amount)?;
            if to > all_in_to {
                return Err(PokerReject::AboveStack { maximum: all_in_to });
            }
            let min_raise = if env.planted(bugs::MIN_RAISE_IS_BIG_BLIND) {
                s.config.big_blind
            } else {
                s.min_raise
            };
            if all_in_to <= s.current_bet {
                return Err(PokerReject::TooShortToRaise { all_in: all_in_to });
            }
            let minimum = s.current_bet + min_raise;
            if to <= s.current_bet || (to < minimum && to < all_in_to) {
                return Err(PokerReject::BelowMinimum {
                    minimum: minimum.min(all_in_to),
                });
            }
            if !s.may_raise(i) && !env.planted(bugs::INCOMPLETE_ALL_IN_REOPENS) {
                return Err(PokerReject::BettingNotReopened);
            }
            let kind = if to - s.current_bet >= s.min_raise {
                Commit::Raise
            } else {
                Commit::IncompleteRaise
            };
            Ok(commit(to - slot.street_bet, kind))
        }
        _ => Err(PokerReject::NoHandInProgress),
    }
}
