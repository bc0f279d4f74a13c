//! The platform's state: a fixed table of subscriptions and one of posts (all `Copy`, so the
//! scratch copy an atomic cascade needs is one memcpy).

use rewind::Bugs;

use super::action::{Currency, ProviderKey, Title};
use super::event::SubscriptionEvent;

/// Subscriber ids at or above this are unknown.
pub const MAX_SUBS: usize = 4;
/// Post ids at or above this are unknown.
pub const MAX_POSTS: usize = 4;

#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum SubStatus {
    #[default]
    None,
    Pending,
    Active,
    Cancelled,
}

#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Subscription {
    pub status: SubStatus,
    pub plan_cents: u64,
    pub currency: Currency,
    pub provider_key: Option<ProviderKey>,
    /// When the current activation happened, as its event says.
    pub activated_at: Option<u64>,
    pub activations: u32,
    pub cancellations: u32,
    /// The activation whose welcome email waits in the outbox, if any.
    pub welcome_due: Option<u32>,
    pub welcomes_sent: u32,
    /// Welcomes not sent: cancelled before the mailer got to them, or superseded by a newer
    /// activation.
    pub welcomes_dropped: u32,
    /// Welcomes that went out while the subscription was not active.
    pub welcomes_to_inactive: u32,
}

#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum PostStatus {
    #[default]
    Absent,
    Draft,
    Published,
}

#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Post {
    pub status: PostStatus,
    pub title: Title,
    pub pinned: bool,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct SubscriptionsState {
    /// Planted bugs, for those that live in `apply` and the reactor.
    pub bugs: Bugs,
    pub subs: [Subscription; MAX_SUBS],
    pub posts: [Post; MAX_POSTS],
    /// Events applied so far (what a clock-less `apply` could wrongly mistake for time).
    pub applied: u64,
    /// The first event that changed nothing when applied: a command that should have been
    /// a no-op emitted it.
    pub first_noop: Option<SubscriptionEvent>,
}

impl SubscriptionsState {
    pub fn new(bugs: Bugs) -> Self {
        SubscriptionsState {
            bugs,
            subs: [Subscription::default(); MAX_SUBS],
            posts: [Post::default(); MAX_POSTS],
            applied: 0,
            first_noop: None,
        }
    }

    pub fn sub(&self, sub: u8) -> Option<&Subscription> {
        self.subs.get(usize::from(sub))
    }

    pub fn post(&self, post: u8) -> Option<&Post> {
        self.posts
            .get(usize::from(post))
            .filter(|post| post.status != PostStatus::Absent)
    }
}
