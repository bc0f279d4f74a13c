//! Commands a creator platform accepts: subscriptions on one side, posts on the other.

use arrayvec::ArrayString;
use serde::{Deserialize, Serialize};

/// A subscriber's id.
pub type SubscriberId = u8;
/// A post's id.
pub type PostId = u8;
/// A post title as typed: inline and `Copy`; longer text does not deserialize.
pub type Title = ArrayString<24>;
/// The payment provider's key for an activated subscription (`pk_` + 8..=16 of `[a-z0-9]`).
pub type ProviderKey = ArrayString<24>;

/// A plan's currency. Added in schema 2; everything written before it was in dollars, so
/// the default is the one old actions and events are read as.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Currency {
    #[default]
    Usd,
    Eur,
    Gbp,
}

/// One command. Amounts are signed so hostile zero and negative prices are expressible and
/// refused with a reason.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SubscriptionAction {
    /// Schema 2 added `currency`; schema 1 logs are upcast to the default currency by
    /// [`super::upcast::upcast_action`].
    Subscribe {
        sub: SubscriberId,
        plan_cents: i64,
        currency: Currency,
    },
    Activate {
        sub: SubscriberId,
        provider_key: ProviderKey,
    },
    Cancel {
        sub: SubscriberId,
    },
    CreatePost {
        post: PostId,
        title: Title,
    },
    PublishPost {
        post: PostId,
    },
    UpdatePost {
        post: PostId,
        title: Title,
    },
    /// Pins a published post; the reactor unpins whichever post was pinned before.
    PinPost {
        post: PostId,
    },
    UnpinPost {
        post: PostId,
    },
    /// The mailer's message: send the welcome email of activation number `activation`. Only
    /// the outbox sends it (see [`super::mailer`]), late, out of order or more than once.
    SendWelcome {
        sub: SubscriberId,
        activation: u32,
    },
}

/// Inline text from a literal, truncated to the capacity (for bots and tests).
pub fn text<const N: usize>(literal: &str) -> ArrayString<N> {
    if let Ok(fits) = ArrayString::from(literal) {
        return fits;
    }
    let mut out = ArrayString::new();
    for ch in literal.chars() {
        if out.try_push(ch).is_err() {
            break;
        }
    }
    out
}
