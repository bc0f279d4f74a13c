//! Concurrency control: each user is a stream, and so is the clock. A decision reads the
//! user's stream; a login also reads the clock (its failure window), and a tick reads the
//! clock and every user (whose lock it may lift). A command that meets a conflict decides
//! again, up to three times.

use rewind::{Bugs, OnConflict, Stream};

use super::action::AccountAction;
use super::bugs::{DEATH_EXPECTS_NOTHING, LOGIN_RETRY_RESENDS};
use super::event::AccountEvent;
use super::state::{AccountsState, MAX_USERS};

const USER: &str = "user";
const CLOCK: Stream = Stream::new("clock", 0);

fn user(id: u8) -> Stream {
    Stream::new(USER, u64::from(id))
}

pub fn reads(_state: &AccountsState, action: &AccountAction, bugs: Bugs, out: &mut Vec<Stream>) {
    match *action {
        AccountAction::Die { .. } if bugs.has(DEATH_EXPECTS_NOTHING) => {}
        AccountAction::LogIn { user: id, .. } => out.extend([user(id), CLOCK]),
        AccountAction::SignUp { user: id, .. }
        | AccountAction::PayForLives { user: id, .. }
        | AccountAction::Die { user: id, .. }
        | AccountAction::GrantBonus { user: id, .. } => out.push(user(id)),
        AccountAction::Tick { .. } => {
            out.push(CLOCK);
            out.extend((0..MAX_USERS as u8).map(user));
        }
    }
}

pub fn in_stream(event: &AccountEvent, stream: &Stream) -> bool {
    match event.stream() {
        Some((id, _)) => stream.kind == USER && stream.id == u64::from(id),
        None => *stream == CLOCK,
    }
}

pub fn on_conflict(action: &AccountAction, bugs: Bugs) -> OnConflict {
    match action {
        AccountAction::LogIn { .. } if bugs.has(LOGIN_RETRY_RESENDS) => OnConflict::Resend,
        _ => OnConflict::Retry { attempts: 3 },
    }
}
