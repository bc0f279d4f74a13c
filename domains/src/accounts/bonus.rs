//! The login bonus: the player actor follows the user's stream through the bus. Each of a
//! user's first 64 successful logins earns one bonus life; the login puts the bonus in the
//! outbox (part of the state), and the bus delivers it later as
//! [`AccountAction::GrantBonus`], late, out of order or more than once.
//!
//! The rules that make it safe: a bonus is granted once per login, and the record of which
//! were granted is durable state, rebuilt from the log after a restart, so a bonus
//! redelivered after a crash is still recognised as a repeat.

use rewind::Env;

use super::action::{AccountAction, UserId};
use super::bugs::{BONUS_GRANTED_TWICE, BONUS_RECORD_IN_MEMORY};
use super::event::AccountEvent;
use super::ledger::LivesLedger;
use super::reject::AccountReject;
use super::state::AccountsState;

/// Logins that earn a bonus: the first this many.
pub const BONUS_LOGINS: u32 = 64;

/// The bit of login `login` (1-based) in the bonus masks; none past [`BONUS_LOGINS`].
pub fn bit(login: u32) -> u64 {
    match login {
        1..=BONUS_LOGINS => 1 << (login - 1),
        _ => 0,
    }
}

/// The bonuses waiting, user by user, oldest login first.
pub fn outbox(state: &AccountsState, out: &mut Vec<AccountAction>) {
    for (user, player) in state.players.iter().enumerate() {
        let mut due = player.bonus_due;
        while due != 0 {
            let login = due.trailing_zeros() + 1;
            due &= due - 1;
            out.push(AccountAction::GrantBonus {
                user: user as UserId,
                login,
            });
        }
    }
}

/// Grants the bonus of `login`, unless the record says it was granted already.
pub fn grant(
    state: &AccountsState,
    user: UserId,
    login: u32,
    env: &Env,
    out: &mut Vec<AccountEvent>,
) -> Result<(), AccountReject> {
    let index = usize::from(user);
    let (Some(stream), Some(player)) = (state.users.get(index), state.players.get(index)) else {
        return Err(AccountReject::UnknownUser { user });
    };
    if bit(login) == 0 || login > player.logins {
        return Err(AccountReject::NoSuchBonus { user, login });
    }
    if player.bonus_granted & bit(login) != 0 && !env.planted(BONUS_GRANTED_TWICE) {
        return Ok(()); // a repeat, acknowledged
    }
    out.push(AccountEvent::BonusGranted {
        user,
        login,
        version: stream.version + 1,
    });
    Ok(())
}

/// What a restart loses: with [`BONUS_RECORD_IN_MEMORY`] planted, the record of granted
/// bonuses (correct code keeps it in the state the log rebuilds, and loses nothing).
pub fn forget_volatile(state: &mut AccountsState) {
    if state.bugs.has(BONUS_RECORD_IN_MEMORY) {
        for player in &mut state.players {
            player.bonus_granted = 0;
        }
    }
}

/// However often the bus delivers a bonus, one life per login.
pub fn one_bonus_per_login(state: &AccountsState, _: &LivesLedger) -> Result<(), String> {
    for (user, player) in state.players.iter().enumerate() {
        if player.bonuses > player.logins.min(BONUS_LOGINS) {
            return Err(format!(
                "player {user} got {} bonus lives for {} logins",
                player.bonuses, player.logins
            ));
        }
    }
    Ok(())
}

/// Once the bus has drained, every login that earns a bonus got it.
pub fn every_login_bonus_granted(state: &AccountsState, _: &LivesLedger) -> Result<(), String> {
    for (user, player) in state.players.iter().enumerate() {
        if player.bonus_due != 0 || player.bonuses != player.logins.min(BONUS_LOGINS) {
            return Err(format!(
                "player {user}: {} bonus lives for {} logins, {} still waiting",
                player.bonuses,
                player.logins,
                player.bonus_due.count_ones()
            ));
        }
    }
    Ok(())
}
