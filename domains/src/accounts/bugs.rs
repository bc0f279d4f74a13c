//! Planted bugs: mistakes the accounts domain can switch on to prove the harness finds them.

use rewind::{Bug, BugId};

pub const LOCKOUT_COUNTER_NEVER_RESETS: BugId = BugId(0);
pub const TOKEN_ISSUED_WHILE_LOCKED: BugId = BugId(1);
pub const DEATH_SPENDS_TWO_LIVES: BugId = BugId(2);
pub const DEATH_AT_ZERO_LIVES: BugId = BugId(3);
pub const VERSION_NOT_BUMPED_ON_FAILURE: BugId = BugId(4);
pub const BONUS_GRANTED_TWICE: BugId = BugId(5);
pub const BONUS_RECORD_IN_MEMORY: BugId = BugId(6);
/// A death's append expects no version: the command declares no stream it read.
pub const DEATH_EXPECTS_NOTHING: BugId = BugId(7);
/// A login whose append meets a conflict sends its first decision again.
pub const LOGIN_RETRY_RESENDS: BugId = BugId(8);

pub const BUGS: &[Bug] = &[
    Bug {
        id: LOCKOUT_COUNTER_NEVER_RESETS,
        name: "lockout_counter_never_resets",
        effect: "decide keeps counting failures after the window ran out, so failures far apart lock the account",
    },
    Bug {
        id: TOKEN_ISSUED_WHILE_LOCKED,
        name: "token_issued_while_locked",
        effect: "decide skips the lock check when the password is right, issuing a session on a locked account",
    },
    Bug {
        id: DEATH_SPENDS_TWO_LIVES,
        name: "death_spends_two_lives",
        effect: "apply subtracts two lives per death",
    },
    Bug {
        id: DEATH_AT_ZERO_LIVES,
        name: "death_at_zero_lives",
        effect: "decide lets a player with no lives left die, driving lives below zero",
    },
    Bug {
        id: VERSION_NOT_BUMPED_ON_FAILURE,
        name: "version_not_bumped_on_failure",
        effect: "a failed login is recorded at the stream's current version instead of the next",
    },
    Bug {
        id: BONUS_GRANTED_TWICE,
        name: "bonus_granted_twice",
        effect: "the player actor does not check its record of granted bonuses, so a redelivered login grants a second life",
    },
    Bug {
        id: BONUS_RECORD_IN_MEMORY,
        name: "bonus_record_in_memory",
        effect: "the record of granted bonuses is kept in memory only, so after a restart a redelivered login grants again",
    },
    Bug {
        id: DEATH_EXPECTS_NOTHING,
        name: "death_expects_nothing",
        effect: "a death declares no stream its decision read, so two concurrent deaths both append and the last life is spent twice",
    },
    Bug {
        id: LOGIN_RETRY_RESENDS,
        name: "login_retry_resends",
        effect: "a login that meets a conflict appends its first decision again, at a stream version already taken",
    },
];
