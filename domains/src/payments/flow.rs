//! The domain's own declaration of its flow: which events each action may emit and which
//! reactors those events trigger. `graph::dot` draws it; a test in `graph` runs the bot and
//! checks the code never takes an edge missing here, and takes every edge declared.

/// Per action kind, the event kinds its `decide` may emit.
pub const EMITS: &[(&str, &[&str])] = &[
    ("create_payment", &["payment_created"]),
    (
        "request_auth",
        &[
            "auth_approved",
            "auth_declined",
            "auth_timed_out",
            "fraud_check_pending",
        ],
    ),
    ("retry_auth", &["auth_retried"]),
    (
        "fraud_webhook",
        &["fraud_approved", "fraud_declined", "webhook_ignored"],
    ),
    ("capture", &["captured", "capture_failed"]),
    ("refund", &["refunded", "refund_failed"]),
    ("void", &["auth_voided"]),
    ("archive", &["payment_archived"]),
    ("settle", &["settled"]),
];

/// A synchronous reactor: the event kinds it listens to and the action kinds it asks for.
pub struct Reactor {
    pub name: &'static str,
    /// When it asks, in a few words (drawn under its name).
    pub when: &'static str,
    pub on: &'static [&'static str],
    pub asks: &'static [&'static str],
}

pub const REACTORS: &[Reactor] = &[
    Reactor {
        name: "authoriser",
        when: "always",
        on: &["payment_created", "auth_retried"],
        asks: &["request_auth"],
    },
    Reactor {
        name: "archiver",
        when: "if the payment is terminal",
        on: &["auth_declined", "fraud_declined", "auth_voided", "refunded"],
        asks: &["archive"],
    },
];

/// Whether `action` is declared to possibly emit `event`.
pub fn declares_emit(action: &str, event: &str) -> bool {
    EMITS
        .iter()
        .any(|&(from, events)| from == action && events.contains(&event))
}

/// Whether some reactor is declared to answer `event` with `action`.
pub fn declares_reaction(event: &str, action: &str) -> bool {
    REACTORS
        .iter()
        .any(|reactor| reactor.on.contains(&event) && reactor.asks.contains(&action))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::payments::action::ACTION_KINDS;
    use crate::payments::event::EVENT_KINDS;

    #[test]
    fn declarations_name_real_kinds() {
        assert_eq!(EMITS.len(), ACTION_KINDS.len());
        for (&(action, events), &kind) in EMITS.iter().zip(ACTION_KINDS) {
            assert_eq!(action, kind, "EMITS follows ACTION_KINDS order");
            for event in events {
                assert!(
                    EVENT_KINDS.contains(event),
                    "{action} emits unknown {event}"
                );
            }
        }
        for reactor in REACTORS {
            for event in reactor.on {
                assert!(EVENT_KINDS.contains(event), "{}: {event}", reactor.name);
            }
            for action in reactor.asks {
                assert!(ACTION_KINDS.contains(action), "{}: {action}", reactor.name);
            }
        }
        // Only a planted bug skips a settlement; the correct rules never emit it.
        for event in EVENT_KINDS.iter().filter(|&&e| e != "settlement_skipped") {
            assert!(
                EMITS.iter().any(|(_, events)| events.contains(event)),
                "no action emits {event}"
            );
        }
    }
}
