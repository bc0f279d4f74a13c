//! Why a subscriptions command was refused: bad attributes first, then the state.

use std::fmt;

use super::action::{Currency, PostId, SubscriberId};

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum SubscriptionReject {
    UnknownSubscriber {
        sub: SubscriberId,
    },
    PlanOutOfRange {
        plan_cents: i64,
        minimum: i64,
        maximum: i64,
    },
    InvalidProviderKey {
        problem: KeyProblem,
    },
    AlreadySubscribed {
        sub: SubscriberId,
        plan_cents: u64,
        currency: Currency,
    },
    NotSubscribed {
        sub: SubscriberId,
    },
    SubscriptionCancelled {
        sub: SubscriberId,
    },
    AlreadyActive {
        sub: SubscriberId,
    },
    UnknownPost {
        post: PostId,
    },
    InvalidTitle {
        problem: TitleProblem,
    },
    PostExists {
        post: PostId,
    },
    NotPublished {
        post: PostId,
    },
    /// A welcome for an activation that never happened.
    NoSuchWelcome {
        sub: SubscriberId,
        activation: u32,
    },
}

/// What is wrong with a provider key.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum KeyProblem {
    MissingPrefix,
    WrongLength { length: usize },
    BadCharacter { position: usize },
}

/// What is wrong with a post title.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum TitleProblem {
    Blank,
    ControlCharacter { position: usize },
}

impl fmt::Display for SubscriptionReject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use SubscriptionReject::*;
        match *self {
            UnknownSubscriber { sub } => write!(f, "subscriber {sub} does not exist"),
            PlanOutOfRange {
                plan_cents,
                minimum,
                maximum,
            } => write!(
                f,
                "a plan of {plan_cents} cents is out of range; it must be {minimum}..={maximum}"
            ),
            InvalidProviderKey { problem } => write!(f, "invalid provider key: {problem}"),
            AlreadySubscribed {
                sub,
                plan_cents,
                currency,
            } => write!(
                f,
                "subscriber {sub} already holds a plan of {plan_cents} cents in {currency:?}; cancel it first"
            ),
            NotSubscribed { sub } => write!(f, "subscriber {sub} has no subscription"),
            SubscriptionCancelled { sub } => {
                write!(f, "subscriber {sub}'s subscription is cancelled")
            }
            AlreadyActive { sub } => write!(
                f,
                "subscriber {sub} is already active with another provider key"
            ),
            UnknownPost { post } => write!(f, "post {post} does not exist"),
            InvalidTitle { problem } => write!(f, "invalid title: {problem}"),
            PostExists { post } => write!(f, "post {post} already exists"),
            NotPublished { post } => write!(f, "post {post} is a draft; publish it first"),
            NoSuchWelcome { sub, activation } => write!(
                f,
                "subscriber {sub} has no activation {activation} to welcome"
            ),
        }
    }
}

impl fmt::Display for KeyProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            KeyProblem::MissingPrefix => write!(f, "it must start with `pk_`"),
            KeyProblem::WrongLength { length } => {
                write!(f, "{length} characters after `pk_`; 8..=16 are needed")
            }
            KeyProblem::BadCharacter { position } => {
                write!(f, "character {position} is not a lowercase letter or digit")
            }
        }
    }
}

impl fmt::Display for TitleProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            TitleProblem::Blank => write!(f, "it is empty or only whitespace"),
            TitleProblem::ControlCharacter { position } => {
                write!(f, "character {position} is a control character")
            }
        }
    }
}
