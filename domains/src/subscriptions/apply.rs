//! The calculator: the only code that changes subscriptions state. It also notes the first
//! event that changed nothing, which only a command that should have been a no-op emits.

use super::bugs::ACTIVATION_TIME_RECOMPUTED;
use super::event::SubscriptionEvent as Event;
use super::state::{Post, PostStatus, SubStatus, Subscription, SubscriptionsState};

pub fn apply(state: &mut SubscriptionsState, event: &Event) {
    state.applied += 1;
    let changed = match *event {
        Event::Subscribed {
            sub,
            plan_cents,
            currency,
        } => with_sub(state, sub, |s| {
            let changed = !matches!(s.status, SubStatus::Pending | SubStatus::Active)
                || s.plan_cents != plan_cents
                || s.currency != currency;
            s.status = SubStatus::Pending;
            s.plan_cents = plan_cents;
            s.currency = currency;
            s.provider_key = None;
            s.activated_at = None;
            changed
        }),
        Event::Activated {
            sub,
            provider_key,
            at,
        } => {
            let recomputed = state.bugs.has(ACTIVATION_TIME_RECOMPUTED);
            let applied = state.applied;
            with_sub(state, sub, |s| {
                let changed = s.status != SubStatus::Active || s.provider_key != Some(provider_key);
                s.status = SubStatus::Active;
                s.provider_key = Some(provider_key);
                s.activated_at = Some(if recomputed { applied } else { at });
                s.activations += 1;
                if s.welcome_due.is_some() {
                    s.welcomes_dropped += 1;
                }
                s.welcome_due = Some(s.activations);
                changed
            })
        }
        Event::WelcomeSent { sub, activation } => with_sub(state, sub, |s| {
            if s.welcome_due == Some(activation) {
                s.welcome_due = None;
            }
            s.welcomes_sent += 1;
            if s.status != SubStatus::Active {
                s.welcomes_to_inactive += 1;
            }
            true
        }),
        Event::WelcomeDropped { sub, activation } => with_sub(state, sub, |s| {
            let changed = s.welcome_due == Some(activation);
            if changed {
                s.welcome_due = None;
                s.welcomes_dropped += 1;
            }
            changed
        }),
        Event::Cancelled { sub } => with_sub(state, sub, |s| {
            let changed = s.status != SubStatus::Cancelled;
            s.status = SubStatus::Cancelled;
            s.cancellations += 1;
            changed
        }),
        Event::PostCreated { post, title } => with_post(state, post, |p| {
            let changed = p.status != PostStatus::Draft || p.title != title;
            p.status = PostStatus::Draft;
            p.title = title;
            p.pinned = false;
            changed
        }),
        Event::PostPublished { post } => with_post(state, post, |p| {
            let changed = p.status != PostStatus::Published;
            p.status = PostStatus::Published;
            changed
        }),
        Event::PostUpdated { post, title } => with_post(state, post, |p| {
            let changed = p.title != title;
            p.title = title;
            changed
        }),
        Event::PostPinned { post } => with_post(state, post, |p| {
            let changed = !p.pinned;
            p.pinned = true;
            changed
        }),
        Event::PostUnpinned { post } => with_post(state, post, |p| {
            let changed = p.pinned;
            p.pinned = false;
            changed
        }),
    };
    if !changed && state.first_noop.is_none() {
        state.first_noop = Some(*event);
    }
}

/// Runs `change` on subscription `sub`; an unknown id (never emitted) changes nothing.
fn with_sub(
    state: &mut SubscriptionsState,
    sub: u8,
    change: impl FnOnce(&mut Subscription) -> bool,
) -> bool {
    state.subs.get_mut(usize::from(sub)).is_none_or(change)
}

fn with_post(
    state: &mut SubscriptionsState,
    post: u8,
    change: impl FnOnce(&mut Post) -> bool,
) -> bool {
    state.posts.get_mut(usize::from(post)).is_none_or(change)
}
