//! Planted bugs: mistakes the subscriptions domain can switch on to prove the harness finds them.

use rewind::{Bug, BugId};

pub const PIN_KEEPS_OLD_PIN: BugId = BugId(0);
pub const UPDATE_SAME_TITLE_EMITS_EVENT: BugId = BugId(1);
pub const ACTIVATE_WITHOUT_KEY: BugId = BugId(2);
pub const ACTIVATION_TIME_RECOMPUTED: BugId = BugId(3);
pub const OUTBOX_ANNOUNCES_DRAFTS: BugId = BugId(4);
pub const REDELIVERED_WELCOME_SENT_TWICE: BugId = BugId(5);
pub const WELCOME_SENT_AFTER_CANCEL: BugId = BugId(6);
/// A subscribe's append expects no version: it declares no stream its decision read.
pub const SUBSCRIBE_EXPECTS_NOTHING: BugId = BugId(7);
/// An activation whose append meets a conflict sends its first decision again.
pub const ACTIVATE_RETRY_RESENDS: BugId = BugId(8);

pub const BUGS: &[Bug] = &[
    Bug {
        id: PIN_KEEPS_OLD_PIN,
        name: "pin_keeps_old_pin",
        effect: "the pin reactor does nothing, so pinning a second post leaves two pinned",
    },
    Bug {
        id: UPDATE_SAME_TITLE_EMITS_EVENT,
        name: "update_same_title_emits_event",
        effect: "updating a post with its current title emits PostUpdated instead of nothing",
    },
    Bug {
        id: ACTIVATE_WITHOUT_KEY,
        name: "activate_without_key",
        effect: "Activate skips the provider key check, so a subscription goes active with a malformed key",
    },
    Bug {
        id: ACTIVATION_TIME_RECOMPUTED,
        name: "activation_time_recomputed",
        effect: "apply takes the activation time from its own count of applied events instead of the event",
    },
    Bug {
        id: OUTBOX_ANNOUNCES_DRAFTS,
        name: "outbox_announces_drafts",
        effect: "the outbox queues a new-post announcement when a draft is created, not when it is published",
    },
    Bug {
        id: REDELIVERED_WELCOME_SENT_TWICE,
        name: "redelivered_welcome_sent_twice",
        effect: "the mailer does not remember which welcomes it sent, so a redelivered message sends a second email",
    },
    Bug {
        id: WELCOME_SENT_AFTER_CANCEL,
        name: "welcome_sent_after_cancel",
        effect: "a welcome delivered after the subscription was cancelled is sent instead of dropped",
    },
    Bug {
        id: SUBSCRIBE_EXPECTS_NOTHING,
        name: "subscribe_expects_nothing",
        effect: "a subscribe declares no stream its decision read, so two concurrent subscribes both land and the second overwrites the first's plan",
    },
    Bug {
        id: ACTIVATE_RETRY_RESENDS,
        name: "activate_retry_resends",
        effect: "an activation that meets a conflict appends its first decision again, activating an active subscription a second time",
    },
];
