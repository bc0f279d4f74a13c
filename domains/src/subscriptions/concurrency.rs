//! Concurrency control: each subscriber is a stream, and so is each post. A decision reads
//! the one stream its command names (a pin's unpinning of the old pin is a reactor's
//! follow-up, decided afresh at the commit). A command that meets a conflict decides again,
//! up to three times.

use rewind::{Bugs, OnConflict, Stream};

use super::action::SubscriptionAction;
use super::bugs::{ACTIVATE_RETRY_RESENDS, SUBSCRIBE_EXPECTS_NOTHING};
use super::event::SubscriptionEvent;
use super::state::SubscriptionsState;

const SUBSCRIBER: &str = "subscriber";
const POST: &str = "post";

pub fn reads(
    _state: &SubscriptionsState,
    action: &SubscriptionAction,
    bugs: Bugs,
    out: &mut Vec<Stream>,
) {
    use SubscriptionAction::*;
    match *action {
        Subscribe { .. } if bugs.has(SUBSCRIBE_EXPECTS_NOTHING) => {}
        Subscribe { sub, .. } | Activate { sub, .. } | Cancel { sub } | SendWelcome { sub, .. } => {
            out.push(Stream::new(SUBSCRIBER, u64::from(sub)))
        }
        CreatePost { post, .. }
        | PublishPost { post }
        | UpdatePost { post, .. }
        | PinPost { post }
        | UnpinPost { post } => out.push(Stream::new(POST, u64::from(post))),
    }
}

pub fn in_stream(event: &SubscriptionEvent, stream: &Stream) -> bool {
    use SubscriptionEvent::*;
    let (kind, id) = match *event {
        Subscribed { sub, .. }
        | Activated { sub, .. }
        | Cancelled { sub }
        | WelcomeSent { sub, .. }
        | WelcomeDropped { sub, .. } => (SUBSCRIBER, sub),
        PostCreated { post, .. }
        | PostPublished { post }
        | PostUpdated { post, .. }
        | PostPinned { post }
        | PostUnpinned { post } => (POST, post),
    };
    stream.kind == kind && stream.id == u64::from(id)
}

pub fn on_conflict(action: &SubscriptionAction, bugs: Bugs) -> OnConflict {
    match action {
        SubscriptionAction::Activate { .. } if bugs.has(ACTIVATE_RETRY_RESENDS) => {
            OnConflict::Resend
        }
        _ => OnConflict::Retry { attempts: 3 },
    }
}
