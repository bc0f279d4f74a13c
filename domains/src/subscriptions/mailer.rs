//! The mailer: an asynchronous reactor. Each activation puts its welcome email in the outbox
//! (part of the state, so it survives replay and restarts); the bus delivers it later as a
//! [`SubscriptionAction::SendWelcome`], possibly after other actions and possibly twice.
//!
//! The rules that make it safe: a welcome is sent once per activation (a repeat is
//! acknowledged and dropped), and a welcome that arrives after the subscription was
//! cancelled is dropped rather than sent.

use rewind::Env;

use super::action::{SubscriberId, SubscriptionAction};
use super::bugs::{REDELIVERED_WELCOME_SENT_TWICE, WELCOME_SENT_AFTER_CANCEL};
use super::event::SubscriptionEvent as Event;
use super::reject::SubscriptionReject as Reject;
use super::state::{SubStatus, SubscriptionsState};

/// The messages waiting: one welcome per subscriber at most, by subscriber.
pub fn outbox(state: &SubscriptionsState, out: &mut Vec<SubscriptionAction>) {
    for (sub, subscription) in state.subs.iter().enumerate() {
        if let Some(activation) = subscription.welcome_due {
            out.push(SubscriptionAction::SendWelcome {
                sub: sub as SubscriberId,
                activation,
            });
        }
    }
}

/// Sends, drops or acknowledges the welcome of activation `activation`.
pub fn send_welcome(
    state: &SubscriptionsState,
    sub: SubscriberId,
    activation: u32,
    env: &Env,
    out: &mut Vec<Event>,
) -> Result<(), Reject> {
    let subscription = state.sub(sub).ok_or(Reject::UnknownSubscriber { sub })?;
    if activation == 0 || activation > subscription.activations {
        return Err(Reject::NoSuchWelcome { sub, activation });
    }
    if subscription.welcome_due != Some(activation) {
        // Sent, dropped or superseded already: a redelivery, acknowledged and ignored.
        if env.planted(REDELIVERED_WELCOME_SENT_TWICE) {
            out.push(Event::WelcomeSent { sub, activation });
        }
        return Ok(());
    }
    let active = subscription.status == SubStatus::Active;
    out.push(if active || env.planted(WELCOME_SENT_AFTER_CANCEL) {
        Event::WelcomeSent { sub, activation }
    } else {
        Event::WelcomeDropped { sub, activation }
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use rewind::{Bugs, Scenario};

    use super::super::{Subscriptions, bot::KEYS, text};
    use super::*;
    use crate::subscriptions::Currency;

    /// Subscriber 1 subscribes and activates.
    fn activation() -> [SubscriptionAction; 2] {
        [
            SubscriptionAction::Subscribe {
                sub: 1,
                plan_cents: 500,
                currency: Currency::Usd,
            },
            SubscriptionAction::Activate {
                sub: 1,
                provider_key: text(KEYS[0]),
            },
        ]
    }

    fn subscribed_and_active() -> Scenario<Subscriptions> {
        Scenario::<Subscriptions>::new().given_actions(activation())
    }

    #[test]
    fn an_activation_queues_one_welcome_and_sending_it_empties_the_outbox() {
        let mut engine = rewind::Engine::<Subscriptions>::new((), 0, Bugs::NONE);
        for action in activation() {
            engine.dispatch(action).expect("accepted");
        }
        let mut waiting = Vec::new();
        outbox(engine.state(), &mut waiting);
        let welcome = SubscriptionAction::SendWelcome {
            sub: 1,
            activation: 1,
        };
        assert_eq!(waiting, [welcome]);
        engine.dispatch(welcome).expect("sent");
        waiting.clear();
        outbox(engine.state(), &mut waiting);
        assert!(waiting.is_empty(), "{waiting:?}");
        // Delivered again: acknowledged, nothing sent.
        let range = engine.dispatch(welcome).expect("acknowledged");
        assert!(range.is_empty());
        assert_eq!(engine.state().subs[1].welcomes_sent, 1);
    }

    #[test]
    fn a_welcome_after_cancel_is_dropped_and_a_forged_one_refused() {
        subscribed_and_active()
            .given_actions([SubscriptionAction::Cancel { sub: 1 }])
            .when(SubscriptionAction::SendWelcome {
                sub: 1,
                activation: 1,
            })
            .then_events([Event::WelcomeDropped {
                sub: 1,
                activation: 1,
            }]);
        subscribed_and_active()
            .when(SubscriptionAction::SendWelcome {
                sub: 1,
                activation: 2,
            })
            .then_reject(Reject::NoSuchWelcome {
                sub: 1,
                activation: 2,
            });
    }
}
