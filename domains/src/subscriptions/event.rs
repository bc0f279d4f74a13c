//! The facts of the creator platform.

use serde::{Deserialize, Serialize};

use super::action::{Currency, PostId, ProviderKey, SubscriberId, Title};

#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SubscriptionEvent {
    /// `currency` was added in schema 2: an event stored before it has none and loads in
    /// the default currency (dollars), which is what it meant.
    Subscribed {
        sub: SubscriberId,
        plan_cents: u64,
        #[serde(default)]
        currency: Currency,
    },
    /// `at` is the logical time `decide` read from the `Env`: state takes the activation time
    /// from here, so replaying the events reproduces it without a clock.
    Activated {
        sub: SubscriberId,
        provider_key: ProviderKey,
        at: u64,
    },
    Cancelled {
        sub: SubscriberId,
    },
    PostCreated {
        post: PostId,
        title: Title,
    },
    PostPublished {
        post: PostId,
    },
    PostUpdated {
        post: PostId,
        title: Title,
    },
    PostPinned {
        post: PostId,
    },
    PostUnpinned {
        post: PostId,
    },
    /// The welcome email of activation `activation` went out.
    WelcomeSent {
        sub: SubscriberId,
        activation: u32,
    },
    /// The welcome email of activation `activation` was not sent: the subscription was
    /// cancelled before the mailer got to it.
    WelcomeDropped {
        sub: SubscriberId,
        activation: u32,
    },
}
