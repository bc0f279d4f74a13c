//! Posts: created as drafts, published once, retitled (a no-op with the current title),
//! pinned one at a time by the reactor; publishing queues announcements in the outbox.

use rewind::{Bugs, Scenario, project};
use rewind_domains::subscriptions::bugs::PIN_KEEPS_OLD_PIN;
use rewind_domains::subscriptions::{
    Email, Outbox, SubscriptionAction as A, SubscriptionEvent as E, SubscriptionReject as R,
    Subscriptions, TitleProblem, text,
};

use super::{activated, subscribed};

fn created(post: u8, title: &str) -> E {
    E::PostCreated {
        post,
        title: text(title),
    }
}

fn published_posts() -> Vec<E> {
    vec![
        created(0, "Hello"),
        E::PostPublished { post: 0 },
        created(1, "Q and A"),
        E::PostPublished { post: 1 },
    ]
}

#[test]
fn a_post_is_created_as_a_draft_and_published_once() {
    Scenario::<Subscriptions>::new()
        .when(A::CreatePost {
            post: 0,
            title: text("Hello"),
        })
        .then_events([created(0, "Hello")])
        .when(A::PublishPost { post: 0 })
        .then_events([E::PostPublished { post: 0 }])
        .when(A::PublishPost { post: 0 })
        .then_nothing();
}

#[test]
fn blank_or_control_character_titles_are_refused() {
    let cases = [
        ("", TitleProblem::Blank),
        ("   ", TitleProblem::Blank),
        ("tab\there", TitleProblem::ControlCharacter { position: 3 }),
    ];
    for (title, problem) in cases {
        Scenario::<Subscriptions>::new()
            .when(A::CreatePost {
                post: 0,
                title: text(title),
            })
            .then_reject(R::InvalidTitle { problem });
        Scenario::<Subscriptions>::new()
            .given([created(0, "Hello")])
            .when(A::UpdatePost {
                post: 0,
                title: text(title),
            })
            .then_reject(R::InvalidTitle { problem });
    }
}

#[test]
fn posts_cannot_be_created_twice_or_outside_the_table() {
    Scenario::<Subscriptions>::new()
        .given([created(0, "Hello")])
        .when(A::CreatePost {
            post: 0,
            title: text("Again"),
        })
        .then_reject(R::PostExists { post: 0 })
        .when(A::CreatePost {
            post: 4,
            title: text("Far"),
        })
        .then_reject(R::UnknownPost { post: 4 });
}

#[test]
fn commands_on_unknown_posts_are_refused() {
    for post in [2, 4, u8::MAX] {
        for action in [
            A::PublishPost { post },
            A::UpdatePost {
                post,
                title: text("Hello"),
            },
            A::PinPost { post },
            A::UnpinPost { post },
        ] {
            Scenario::<Subscriptions>::new()
                .given([created(0, "Hello"), created(1, "Q and A")])
                .when(action)
                .then_reject(R::UnknownPost { post });
        }
    }
}

#[test]
fn updating_a_post_with_its_current_title_emits_nothing() {
    Scenario::<Subscriptions>::new()
        .given([created(0, "Hello")])
        .when(A::UpdatePost {
            post: 0,
            title: text("Hello"),
        })
        .then_nothing()
        .when(A::UpdatePost {
            post: 0,
            title: text("Hello again"),
        })
        .then_events([E::PostUpdated {
            post: 0,
            title: text("Hello again"),
        }]);
}

#[test]
fn only_published_posts_can_be_pinned() {
    Scenario::<Subscriptions>::new()
        .given([created(0, "Hello")])
        .when(A::PinPost { post: 0 })
        .then_reject(R::NotPublished { post: 0 });
}

#[test]
fn pinning_a_post_unpins_the_other_in_the_same_dispatch() {
    Scenario::<Subscriptions>::new()
        .given(published_posts())
        .given([E::PostPinned { post: 0 }])
        .when(A::PinPost { post: 1 })
        .then_events([E::PostPinned { post: 1 }, E::PostUnpinned { post: 0 }])
        .and_state(|s| {
            assert!(s.posts[1].pinned);
            assert!(!s.posts[0].pinned);
        });
}

#[test]
fn pinning_the_pinned_post_or_unpinning_an_unpinned_one_is_a_noop() {
    Scenario::<Subscriptions>::new()
        .given(published_posts())
        .given([E::PostPinned { post: 0 }])
        .when(A::PinPost { post: 0 })
        .then_nothing()
        .when(A::UnpinPost { post: 1 })
        .then_nothing()
        .when(A::UnpinPost { post: 0 })
        .then_events([E::PostUnpinned { post: 0 }]);
}

#[test]
fn publishing_queues_one_announcement_per_active_subscriber_and_sends_nothing() {
    let then = Scenario::<Subscriptions>::new()
        .given([
            subscribed(0),
            activated(0, 1),
            subscribed(2),
            activated(2, 2),
        ])
        .given([subscribed(3), created(0, "Hello")])
        .when(A::PublishPost { post: 0 });
    let outbox = project(Outbox::new(Bugs::NONE), then.engine().events());
    assert_eq!(outbox.announcements[0], 1);
    assert_eq!(outbox.welcomes, [1, 0, 1, 0]);
    let announced: Vec<Email> = outbox.recent.iter().skip(2).copied().collect();
    assert_eq!(
        announced,
        [
            Email::NewPost { sub: 0, post: 0 },
            Email::NewPost { sub: 2, post: 0 }
        ]
    );
}

#[test]
fn planted_pin_keeps_old_pin_leaves_two_posts_pinned() {
    Scenario::<Subscriptions>::new()
        .planted(PIN_KEEPS_OLD_PIN)
        .given(published_posts())
        .given([E::PostPinned { post: 0 }])
        .when(A::PinPost { post: 1 })
        .then_events([E::PostPinned { post: 1 }])
        .and_state(|s| assert!(s.posts[0].pinned && s.posts[1].pinned));
}
