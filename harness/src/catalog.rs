//! The domains rewind knows: the one place that names them.

use rewind_domains::accounts::Accounts;
use rewind_domains::payments::Payments;
use rewind_domains::poker::Poker;
use rewind_domains::poll::Poll;
use rewind_domains::subscriptions::Subscriptions;

use crate::{DomainEntry, Entry};

/// Every domain, in the order `rewind sim all` plays them.
pub fn all() -> &'static [&'static dyn DomainEntry] {
    &[
        &Entry::<Poll>::NEW,
        &Entry::<Payments>::NEW,
        &Entry::<Accounts>::NEW,
        &Entry::<Subscriptions>::NEW,
        &Entry::<Poker>::NEW,
    ]
}

/// The domain called `name`, or an error listing the known ones.
pub fn find(name: &str) -> Result<&'static dyn DomainEntry, String> {
    all()
        .iter()
        .copied()
        .find(|entry| entry.info().name == name)
        .ok_or_else(|| {
            let known: Vec<&str> = all().iter().map(|entry| entry.info().name).collect();
            format!(
                "unknown domain `{name}`; rewind knows: {}",
                known.join(", ")
            )
        })
}
