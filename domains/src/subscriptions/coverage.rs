//! Coverage labels: which corners of the subscription and post rules a run reached.

use rewind::Coverage;

use super::event::SubscriptionEvent as Event;
use super::state::SubscriptionsState;

pub const COVERAGE: &[&str] = &[
    "subscribed",
    "resubscribed_after_cancel",
    "activated",
    "cancelled_before_activation",
    "cancelled_after_activation",
    "post_created",
    "post_published",
    "post_updated",
    "post_pinned",
    "pin_moved",
    "post_unpinned",
    "welcome_sent",
    "welcome_dropped_after_cancel",
];

/// Marks the labels `event` reached; `state` is the state after the step.
pub fn cover(state: &SubscriptionsState, event: &Event, coverage: &mut Coverage) {
    match *event {
        Event::Subscribed { sub, .. } => {
            coverage.hit(0);
            if state.sub(sub).is_some_and(|s| s.cancellations > 0) {
                coverage.hit(1);
            }
        }
        Event::Activated { .. } => coverage.hit(2),
        Event::Cancelled { sub } => {
            let activated = state.sub(sub).is_some_and(|s| s.activated_at.is_some());
            coverage.hit(if activated { 4 } else { 3 });
        }
        Event::PostCreated { .. } => coverage.hit(5),
        Event::PostPublished { .. } => coverage.hit(6),
        Event::PostUpdated { .. } => coverage.hit(7),
        Event::PostPinned { .. } => coverage.hit(8),
        Event::PostUnpinned { .. } => {
            let other_pinned = state.posts.iter().any(|p| p.pinned);
            coverage.hit(if other_pinned { 9 } else { 10 });
        }
        Event::WelcomeSent { .. } => coverage.hit(11),
        Event::WelcomeDropped { .. } => coverage.hit(12),
    }
}
