//! subscriptions rules, written from the rulebook: the subscription lifecycle, activation
//! time, currencies and old events, no-op commands, and hostile or malformed commands.

use rewind::{Bugs, Engine, Scenario};
use rewind_domains::subscriptions::{
    Currency, KeyProblem, MAX_PLAN_CENTS, MIN_PLAN_CENTS, SubStatus, SubscriptionAction as A,
    SubscriptionEvent as E, SubscriptionReject as R, Subscriptions, text,
};

/// Posts: drafts, publishing, titles, the one-pin reactor and the outbox.
mod posts;

const KEY: &str = "pk_live0001";
const USD: Currency = Currency::Usd;

fn subscribed(sub: u8) -> E {
    E::Subscribed {
        sub,
        plan_cents: 500,
        currency: USD,
    }
}

fn activated(sub: u8, at: u64) -> E {
    E::Activated {
        sub,
        provider_key: text(KEY),
        at,
    }
}

#[test]
fn subscribing_starts_a_pending_subscription() {
    Scenario::<Subscriptions>::new()
        .when(A::Subscribe {
            sub: 0,
            plan_cents: 500,
            currency: USD,
        })
        .then_events([subscribed(0)])
        .and_state(|s| assert_eq!(s.subs[0].status, SubStatus::Pending));
}

#[test]
fn plans_out_of_range_are_refused() {
    for plan_cents in [
        0,
        -1,
        MIN_PLAN_CENTS - 1,
        MAX_PLAN_CENTS + 1,
        i64::MIN,
        i64::MAX,
    ] {
        Scenario::<Subscriptions>::new()
            .when(A::Subscribe {
                sub: 0,
                plan_cents,
                currency: USD,
            })
            .then_reject(R::PlanOutOfRange {
                plan_cents,
                minimum: MIN_PLAN_CENTS,
                maximum: MAX_PLAN_CENTS,
            });
    }
}

#[test]
fn unknown_subscribers_are_refused() {
    for sub in [4, 200, u8::MAX] {
        for action in [
            A::Subscribe {
                sub,
                plan_cents: 500,
                currency: USD,
            },
            A::Activate {
                sub,
                provider_key: text(KEY),
            },
            A::Cancel { sub },
        ] {
            Scenario::<Subscriptions>::new()
                .when(action)
                .then_reject(R::UnknownSubscriber { sub });
        }
    }
}

#[test]
fn subscribing_again_to_the_same_plan_is_a_noop_and_to_another_is_refused() {
    Scenario::<Subscriptions>::new()
        .given([subscribed(0)])
        .when(A::Subscribe {
            sub: 0,
            plan_cents: 500,
            currency: USD,
        })
        .then_nothing()
        .when(A::Subscribe {
            sub: 0,
            plan_cents: 1000,
            currency: USD,
        })
        .then_reject(R::AlreadySubscribed {
            sub: 0,
            plan_cents: 500,
            currency: USD,
        });
}

#[test]
fn a_cancelled_subscriber_can_subscribe_again() {
    Scenario::<Subscriptions>::new()
        .given([subscribed(0), E::Cancelled { sub: 0 }])
        .when(A::Subscribe {
            sub: 0,
            plan_cents: 1000,
            currency: USD,
        })
        .then_events([E::Subscribed {
            sub: 0,
            plan_cents: 1000,
            currency: USD,
        }]);
}

#[test]
fn activation_records_the_logical_time_it_was_decided_at() {
    Scenario::<Subscriptions>::new()
        .given_actions([
            A::Subscribe {
                sub: 0,
                plan_cents: 500,
                currency: USD,
            },
            A::CreatePost {
                post: 0,
                title: text("Hello"),
            },
        ])
        .when(A::Activate {
            sub: 0,
            provider_key: text(KEY),
        })
        .then_events([activated(0, 2)])
        .and_state(|s| {
            assert_eq!(s.subs[0].status, SubStatus::Active);
            assert_eq!(s.subs[0].activated_at, Some(2));
        });
}

#[test]
fn replaying_an_activation_keeps_its_recorded_time() {
    let events = [subscribed(0), activated(0, 42)];
    let state = Engine::<Subscriptions>::replay_events(&(), Bugs::NONE, &events);
    assert_eq!(state.subs[0].activated_at, Some(42));
    assert_eq!(
        Engine::<Subscriptions>::replay_events(&(), Bugs::NONE, &events),
        state,
        "replay is idempotent"
    );
}

#[test]
fn malformed_provider_keys_are_refused_with_what_is_wrong() {
    let cases = [
        ("", KeyProblem::MissingPrefix),
        ("sk_live0001", KeyProblem::MissingPrefix),
        ("pk_", KeyProblem::WrongLength { length: 0 }),
        ("pk_abc", KeyProblem::WrongLength { length: 3 }),
        ("pk_LIVE0001", KeyProblem::BadCharacter { position: 3 }),
        ("pk_live 001", KeyProblem::BadCharacter { position: 7 }),
    ];
    for (key, problem) in cases {
        Scenario::<Subscriptions>::new()
            .given([subscribed(0)])
            .when(A::Activate {
                sub: 0,
                provider_key: text(key),
            })
            .then_reject(R::InvalidProviderKey { problem });
    }
}

#[test]
fn activation_needs_a_live_subscription() {
    Scenario::<Subscriptions>::new()
        .when(A::Activate {
            sub: 1,
            provider_key: text(KEY),
        })
        .then_reject(R::NotSubscribed { sub: 1 });
    Scenario::<Subscriptions>::new()
        .given([subscribed(1), E::Cancelled { sub: 1 }])
        .when(A::Activate {
            sub: 1,
            provider_key: text(KEY),
        })
        .then_reject(R::SubscriptionCancelled { sub: 1 });
}

#[test]
fn activating_again_with_the_same_key_is_a_noop_and_with_another_is_refused() {
    Scenario::<Subscriptions>::new()
        .given([subscribed(0), activated(0, 1)])
        .when(A::Activate {
            sub: 0,
            provider_key: text(KEY),
        })
        .then_nothing()
        .when(A::Activate {
            sub: 0,
            provider_key: text("pk_test1234"),
        })
        .then_reject(R::AlreadyActive { sub: 0 });
}

#[test]
fn cancelling_is_a_noop_once_cancelled_and_refused_without_a_subscription() {
    Scenario::<Subscriptions>::new()
        .given([subscribed(0), activated(0, 1)])
        .when(A::Cancel { sub: 0 })
        .then_events([E::Cancelled { sub: 0 }])
        .when(A::Cancel { sub: 0 })
        .then_nothing()
        .when(A::Cancel { sub: 2 })
        .then_reject(R::NotSubscribed { sub: 2 });
}

#[test]
fn a_subscription_event_of_schema_1_without_currency_still_loads() {
    let old = r#"{"Subscribed":{"sub":1,"plan_cents":500}}"#;
    let event: E = serde_json::from_str(old).expect("schema 1 events load");
    assert_eq!(
        event,
        E::Subscribed {
            sub: 1,
            plan_cents: 500,
            currency: USD,
        }
    );
}

#[test]
fn the_same_plan_in_another_currency_is_a_different_plan() {
    Scenario::<Subscriptions>::new()
        .given([subscribed(0)])
        .when(A::Subscribe {
            sub: 0,
            plan_cents: 500,
            currency: Currency::Eur,
        })
        .then_reject(R::AlreadySubscribed {
            sub: 0,
            plan_cents: 500,
            currency: USD,
        });
}

#[test]
fn an_unknown_currency_does_not_deserialize() {
    let json = r#"{"Subscribe":{"sub":0,"plan_cents":500,"currency":"XYZ"}}"#;
    assert!(serde_json::from_str::<A>(json).is_err());
}
