//! How a trace and the view page show the world: its steps, and the messages waiting.

use rewind_engine::{Model, Step};

/// The most waiting messages a trace line names; the rest are counted.
pub const WAITING_SHOWN: usize = 8;

/// The messages waiting in `state`'s outbox, oldest first, each as its `{:?}`; none for a
/// domain without an outbox. A trace shows them after each step, so a delay (a cancel that
/// overtakes a waiting shipment) is visible even where the domain's `describe` leaves its
/// outbox out.
pub fn waiting<M: Model>(state: &M::State) -> Vec<String> {
    if !M::ASYNC {
        return Vec::new();
    }
    let mut outbox = Vec::new();
    M::outbox(state, &mut outbox);
    outbox
        .iter()
        .map(|message| format!("{message:?}"))
        .collect()
}

/// `waiting: A, B` for a trace line: the first [`WAITING_SHOWN`] messages, then how many
/// more; `None` when nothing waits. (`view/page.js`, `waitingText`, writes the same.)
pub fn waiting_line(messages: &[String]) -> Option<String> {
    let (shown, more) = messages.split_at(messages.len().min(WAITING_SHOWN));
    match (shown, more.len()) {
        ([], _) => None,
        (shown, 0) => Some(format!("waiting: {}", shown.join(", "))),
        (shown, more) => Some(format!("waiting: {} and {more} more", shown.join(", "))),
    }
}

/// A step as a trace shows it: an action as its `{:?}`, the world's steps named.
pub fn describe_step<A: std::fmt::Debug>(step: &Step<A>) -> String {
    match step {
        Step::Act(action) => format!("{action:?}"),
        Step::Deliver(message) => format!("deliver {message:?}"),
        Step::Redeliver(message) => format!("redeliver {message:?}"),
        Step::Restart => "restart: crash, then rebuild from the serialized log".into(),
        Step::Begin { client, action } => format!("client {client} begins {action:?}"),
        Step::Commit(client) => format!("client {client} commits"),
    }
}

#[cfg(test)]
mod tests {
    use super::{WAITING_SHOWN, waiting_line};

    #[test]
    fn a_waiting_line_names_the_first_messages_and_counts_the_rest() {
        assert_eq!(waiting_line(&[]), None);
        let messages: Vec<String> = (0..WAITING_SHOWN + 2).map(|n| format!("M{n}")).collect();
        assert_eq!(
            waiting_line(&messages[..2]).as_deref(),
            Some("waiting: M0, M1")
        );
        assert_eq!(
            waiting_line(&messages).as_deref(),
            Some("waiting: M0, M1, M2, M3, M4, M5, M6, M7 and 2 more")
        );
    }
}
