//! The bot: a table of ordinary players. They sit down, rebuy, sit out and come back, leave
//! (sometimes mid-hand), and play by hand strength: value bets and continuation bets when
//! checked to, min-raises, bigger raises, shoves and the odd timeout. About 2% of actions are
//! illegal on purpose (wrong seat, bad amounts, wrong moment), because the rejection paths are
//! rules too.

use rewind::Choices;

use super::action::PokerAction;
use super::cards::rank;
use super::eval::{Category, Hand};
use super::state::{NO_SEAT, Phase, PokerState};

/// Chance, in percent per open seat, that the next action is a newcomer sitting down: an
/// empty table fills in about 50 actions, and a seat given up is soon taken again.
const NEWCOMER_PERCENT_PER_OPEN_SEAT: u32 = 3;

/// Chance, in percent, that the next action is a busted player (out of the hand with less
/// than a big blind) rebuying or leaving, rather than sitting through hands they cannot play.
///
/// With these two rates a six-seat table over 100-action runs deals 24% of its hands
/// heads-up, 22% three-handed, 27% four, 21% five and 7% six. When only ordinary table
/// management (5% of actions) seated newcomers and topped up the busted, 59% of hands were
/// heads-up and under 1% six-handed, so multi-way pots went nearly untested.
const BUSTED_ACT_PERCENT: u32 = 30;

pub fn next_action(s: &PokerState, c: &mut dyn Choices) -> PokerAction {
    if c.chance(2, 100) {
        return hostile(s, c);
    }
    let open_seats = open_seats(s);
    if open_seats != 0
        && c.chance(
            NEWCOMER_PERCENT_PER_OPEN_SEAT * open_seats.count_ones(),
            100,
        )
    {
        return sit_down(s, open_seats, c);
    }
    let busted = busted_seats(s);
    if busted != 0 && c.chance(BUSTED_ACT_PERCENT, 100) {
        return rebuy_or_leave(s, busted, c);
    }
    if (s.to_act == NO_SEAT || c.chance(5, 100))
        && let Some(action) = manage(s, c)
    {
        return action;
    }
    if s.to_act != NO_SEAT {
        return play(s, c);
    }
    hostile(s, c)
}

/// Masks of seats by situation.
fn seats_where(s: &PokerState, keep: impl Fn(usize) -> bool) -> u16 {
    (0..usize::from(s.seat_count()))
        .filter(|&i| keep(i))
        .fold(0, |m, i| m | 1 << i)
}

fn pick_seat(mask: u16, c: &mut dyn Choices) -> u8 {
    let nth = c.below(mask.count_ones());
    (0..16u8)
        .filter(|&i| mask & (1 << i) != 0)
        .nth(nth as usize)
        .unwrap_or(0)
}

fn open_seats(s: &PokerState) -> u16 {
    seats_where(s, |i| !s.seats[i].occupied)
}

/// Seats dealt into the running hand; none between hands.
fn dealt_in(s: &PokerState) -> u16 {
    if s.hand_running() { s.players } else { 0 }
}

/// Seats whose player is out of the hand with less than a big blind.
fn busted_seats(s: &PokerState) -> u16 {
    let dealt = dealt_in(s);
    seats_where(s, |i| {
        s.seats[i].occupied && s.seats[i].stack < s.config.big_blind && dealt & (1 << i) == 0
    })
}

/// Table management: sitting down, rebuys, leaving, sitting out and in.
fn manage(s: &PokerState, c: &mut dyn Choices) -> Option<PokerAction> {
    let cfg = s.config;
    let dealt = dealt_in(s);
    let empty = open_seats(s);
    let occupied = seats_where(s, |i| s.seats[i].occupied);
    let busted = busted_seats(s);
    let short = seats_where(s, |i| {
        s.seats[i].occupied && s.seats[i].stack < cfg.max_buy_in && dealt & (1 << i) == 0
    });
    let out = seats_where(s, |i| s.seats[i].occupied && s.seats[i].sitting_out);
    let idle = !s.hand_running();
    let few = occupied.count_ones() < 3;
    let weights = [
        if empty == 0 {
            0
        } else if few {
            60
        } else {
            20
        },
        if busted == 0 { 0 } else { 30 },
        if occupied == 0 { 0 } else { 3 },
        if (occupied & !out) == 0 { 0 } else { 2 },
        if out == 0 {
            0
        } else if idle {
            40
        } else {
            10
        },
        if short == 0 { 0 } else { 3 },
    ];
    let action = match c.weighted(&weights) {
        _ if weights.iter().all(|&w| w == 0) => return None,
        0 => sit_down(s, empty, c),
        1 => rebuy_or_leave(s, busted, c),
        2 => PokerAction::StandUp {
            seat: pick_seat(occupied, c),
        },
        3 => PokerAction::SitOut {
            seat: pick_seat(occupied & !out, c),
        },
        4 => PokerAction::SitIn {
            seat: pick_seat(out, c),
        },
        _ => {
            let seat = pick_seat(short, c);
            let room = cfg.max_buy_in - s.seats[usize::from(seat)].stack.min(cfg.max_buy_in);
            PokerAction::AddChips {
                seat,
                amount: c.between(1, room.max(1)) as i64,
            }
        }
    };
    Some(action)
}

/// A player in one of the `busted` seats tops up, or one time in five leaves.
fn rebuy_or_leave(s: &PokerState, busted: u16, c: &mut dyn Choices) -> PokerAction {
    let cfg = s.config;
    let seat = pick_seat(busted, c);
    if c.chance(1, 5) {
        return PokerAction::StandUp { seat };
    }
    let room = cfg.max_buy_in - s.seats[usize::from(seat)].stack.min(cfg.max_buy_in);
    PokerAction::AddChips {
        seat,
        amount: c.between(room.min(cfg.min_buy_in).max(1), room.max(1)) as i64,
    }
}

/// A newcomer takes one of the `empty` seats.
fn sit_down(s: &PokerState, empty: u16, c: &mut dyn Choices) -> PokerAction {
    let cfg = s.config;
    let buy_in = if c.chance(1, 4) {
        cfg.min_buy_in
    } else {
        c.between(cfg.min_buy_in, cfg.max_buy_in)
    };
    PokerAction::SitDown {
        seat: pick_seat(empty, c),
        buy_in: buy_in as i64,
        post_big_blind: c.chance(1, 2),
    }
}

/// How good the hand looks to its holder, roughly 0..100.
fn hand_value(s: &PokerState, seat: usize) -> u32 {
    let hole = s.seats[seat].hole;
    if s.phase == Phase::Preflop {
        let (a, b) = (u32::from(rank(hole[0]) % 13), u32::from(rank(hole[1]) % 13));
        let (hi, lo) = (a.max(b), a.min(b));
        if hi == lo {
            return 50 + 4 * hi;
        }
        let suited = if hole[0] % 4 == hole[1] % 4 { 5 } else { 0 };
        let connected = if hi - lo == 1 { 3 } else { 0 };
        return hi * 3 + lo * 2 + suited + connected;
    }
    let board = &s.board[..usize::from(s.board_len).min(5)];
    let hand = board
        .iter()
        .chain(&hole)
        .fold(Hand::EMPTY, |h, &c| h.with(c % 52));
    match hand.strength().category() {
        Category::HighCard => 15,
        Category::Pair => 45,
        Category::TwoPair => 68,
        Category::Trips => 78,
        _ => 92,
    }
}

/// The player to act decides.
fn play(s: &PokerState, c: &mut dyn Choices) -> PokerAction {
    let seat = s.to_act;
    let i = usize::from(seat);
    let me = &s.seats[i];
    let to_call = s.to_call(i);
    let all_in_to = me.street_bet + me.stack;
    let passive = |c: &mut dyn Choices| -> PokerAction {
        if to_call == 0 {
            PokerAction::Check { seat }
        } else if c.chance(1, 3) {
            PokerAction::Call { seat }
        } else {
            PokerAction::Fold { seat }
        }
    };
    if c.chance(1, 100) {
        // A timeout: the clock folds, or checks when it is free.
        return if to_call == 0 {
            PokerAction::Check { seat }
        } else {
            PokerAction::Fold { seat }
        };
    }
    let value = hand_value(s, i) + c.below(20);
    // Checked to after the flop, players bet: a pair or better for value half the time, a
    // continuation bet or a stab with nothing a quarter of the time.
    let checked_to = to_call == 0 && s.phase != Phase::Preflop;
    let aggressive = c.chance(3, 100)
        || (value >= 70 && c.chance(3, 5))
        || (value < 30 && c.chance(1, 20))
        || (checked_to && ((value >= 40 && c.chance(1, 2)) || c.chance(1, 4)));
    if aggressive && to_call < me.stack {
        let big_blind = s.config.big_blind;
        let target = match c.weighted(&[40, 35, 20, 5]) {
            0 => s.current_bet + s.min_raise.max(big_blind),
            1 => (s.current_bet * 3).max(big_blind * 3) + s.pot / 2,
            2 => all_in_to,
            _ => s.current_bet + big_blind, // a careless raise of one big blind
        };
        let to = target.min(all_in_to).max(1);
        return if s.current_bet == 0 {
            PokerAction::Bet {
                seat,
                amount: (to - me.street_bet).max(1) as i64,
            }
        } else {
            PokerAction::RaiseTo {
                seat,
                amount: to as i64,
            }
        };
    }
    if value >= 40 {
        if to_call == 0 {
            return PokerAction::Check { seat };
        }
        if to_call <= me.stack / 3 || c.chance(1, 2) {
            return PokerAction::Call { seat };
        }
        return PokerAction::Fold { seat };
    }
    passive(c)
}

/// An illegal or hostile action: wrong seat, bad amount, wrong moment.
fn hostile(s: &PokerState, c: &mut dyn Choices) -> PokerAction {
    let n = s.seat_count();
    let seat = match c.below(4) {
        0 if s.to_act != NO_SEAT => s.to_act,
        1 => 200,
        _ => c.below(u32::from(n) + 2) as u8,
    };
    let amount = *c.pick(&[
        0,
        -1,
        -1_000,
        i64::MIN,
        i64::MAX,
        1,
        s.config.big_blind as i64 - 1,
        s.current_bet as i64,
        s.config.max_buy_in as i64 + 1,
    ]);
    match c.below(10) {
        0 => PokerAction::SitDown {
            seat,
            buy_in: amount,
            post_big_blind: false,
        },
        1 => PokerAction::StandUp { seat },
        2 => PokerAction::AddChips { seat, amount },
        3 => PokerAction::SitOut { seat },
        4 => PokerAction::SitIn { seat },
        5 => PokerAction::Fold { seat },
        6 => PokerAction::Check { seat },
        7 => PokerAction::Call { seat },
        8 => PokerAction::Bet { seat, amount },
        _ => PokerAction::RaiseTo { seat, amount },
    }
}
