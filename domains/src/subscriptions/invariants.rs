//! What must hold after every dispatch. Each check is O(subscriptions + posts).

use rewind::Invariant;

use super::Subscriptions;
use super::outbox::Outbox;
use super::state::{PostStatus, SubStatus, SubscriptionsState};
use super::validate;

pub static INVARIANTS: &[Invariant<Subscriptions>] = &[
    Invariant {
        name: "at_most_one_pinned_post",
        check: at_most_one_pinned_post,
    },
    Invariant {
        name: "noop_command_emits_nothing",
        check: noop_command_emits_nothing,
    },
    Invariant {
        name: "active_subscription_has_provider_key",
        check: active_subscription_has_provider_key,
    },
    Invariant {
        name: "activation_time_from_event",
        check: activation_time_from_event,
    },
    Invariant {
        name: "outbox_matches_lifecycle",
        check: outbox_matches_lifecycle,
    },
    Invariant {
        name: "one_welcome_per_activation",
        check: one_welcome_per_activation,
    },
    Invariant {
        name: "no_welcome_to_an_inactive_subscriber",
        check: no_welcome_to_an_inactive_subscriber,
    },
];

/// Checked once the bus has drained.
pub static EVENTUALLY: &[Invariant<Subscriptions>] = &[Invariant {
    name: "every_activation_welcomed_or_dropped",
    check: every_activation_welcomed_or_dropped,
}];

/// However often the bus delivers a welcome, at most one email goes out per activation.
fn one_welcome_per_activation(state: &SubscriptionsState, _: &Outbox) -> Result<(), String> {
    for (id, sub) in state.subs.iter().enumerate() {
        if sub.welcomes_sent > sub.activations {
            return Err(format!(
                "subscriber {id} got {} welcome emails for {} activations",
                sub.welcomes_sent, sub.activations
            ));
        }
    }
    Ok(())
}

/// A welcome that arrives after a cancellation is dropped, not sent.
fn no_welcome_to_an_inactive_subscriber(
    state: &SubscriptionsState,
    _: &Outbox,
) -> Result<(), String> {
    for (id, sub) in state.subs.iter().enumerate() {
        if sub.welcomes_to_inactive > 0 {
            return Err(format!(
                "subscriber {id} got a welcome email while {:?}",
                sub.status
            ));
        }
    }
    Ok(())
}

/// Once every message is delivered, each activation was welcomed or its welcome dropped,
/// exactly once, and no welcome waits.
fn every_activation_welcomed_or_dropped(
    state: &SubscriptionsState,
    _: &Outbox,
) -> Result<(), String> {
    for (id, sub) in state.subs.iter().enumerate() {
        if let Some(activation) = sub.welcome_due {
            return Err(format!(
                "subscriber {id}'s welcome for activation {activation} is still waiting"
            ));
        }
        if sub.welcomes_sent + sub.welcomes_dropped != sub.activations {
            return Err(format!(
                "subscriber {id}: {} welcomes sent and {} dropped for {} activations",
                sub.welcomes_sent, sub.welcomes_dropped, sub.activations
            ));
        }
    }
    Ok(())
}

/// The reactor unpins the old post in the same dispatch that pins the new one.
fn at_most_one_pinned_post(state: &SubscriptionsState, _: &Outbox) -> Result<(), String> {
    let mut pinned = state.posts.iter().enumerate().filter(|(_, p)| p.pinned);
    if let (Some((first, _)), Some((second, _))) = (pinned.next(), pinned.next()) {
        return Err(format!("posts {first} and {second} are both pinned"));
    }
    Ok(())
}

/// Every applied event changed something: commands that would change nothing emit nothing.
fn noop_command_emits_nothing(state: &SubscriptionsState, _: &Outbox) -> Result<(), String> {
    match state.first_noop {
        None => Ok(()),
        Some(event) => Err(format!("{event:?} changed nothing but was emitted")),
    }
}

/// An active subscription holds a well-formed provider key.
fn active_subscription_has_provider_key(
    state: &SubscriptionsState,
    _: &Outbox,
) -> Result<(), String> {
    for (id, sub) in state.subs.iter().enumerate() {
        if sub.status != SubStatus::Active {
            continue;
        }
        match sub.provider_key {
            None => return Err(format!("subscriber {id} is active without a provider key")),
            Some(key) => {
                if let Err(problem) = validate::provider_key(&key) {
                    return Err(format!(
                        "subscriber {id} is active with provider key {key:?}: {problem}"
                    ));
                }
            }
        }
    }
    Ok(())
}

/// An active subscription's activation time is the one its `Activated` event carried (as
/// the outbox's welcome email quoted it), never one `apply` made up.
fn activation_time_from_event(state: &SubscriptionsState, outbox: &Outbox) -> Result<(), String> {
    for (id, sub) in state.subs.iter().enumerate() {
        if sub.status == SubStatus::Active && sub.activated_at != outbox.welcomed_at[id] {
            return Err(format!(
                "subscriber {id} activated at {:?} in state but at {:?} in its event",
                sub.activated_at, outbox.welcomed_at[id]
            ));
        }
    }
    Ok(())
}

/// One welcome per activation, one goodbye per cancellation, one announcement per published
/// post and none for drafts.
fn outbox_matches_lifecycle(state: &SubscriptionsState, outbox: &Outbox) -> Result<(), String> {
    for (id, sub) in state.subs.iter().enumerate() {
        if outbox.welcomes[id] != sub.activations || outbox.goodbyes[id] != sub.cancellations {
            return Err(format!(
                "subscriber {id}: {} welcomes for {} activations, {} goodbyes for {} cancellations",
                outbox.welcomes[id], sub.activations, outbox.goodbyes[id], sub.cancellations
            ));
        }
    }
    for (id, post) in state.posts.iter().enumerate() {
        let expected = u32::from(post.status == PostStatus::Published);
        if outbox.announcements[id] != expected {
            return Err(format!(
                "post {id} ({:?}) was announced {} times; expected {expected}",
                post.status, outbox.announcements[id]
            ));
        }
    }
    Ok(())
}
