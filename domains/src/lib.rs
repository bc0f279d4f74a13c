//! rewind-domains: the showcases, worked systems built on the public `rewind` crate only,
//! one folder each, as a user's own crate builds its domains.

pub mod accounts;
pub mod payments;
pub mod poker;
pub mod poll;
#[cfg(test)]
mod property_tests;
#[cfg(test)]
mod self_check;
pub mod short_name;
pub mod subscriptions;

pub use short_name::ShortName;

/// Every showcase, in the order `rewind sim all` plays them: what this repository's binary
/// and its corpus tests hand to the library, as a user's crate hands its own domains.
pub fn showcases() -> Vec<&'static dyn rewind::DomainEntry> {
    vec![
        rewind::domain::<poll::Poll>(),
        rewind::domain::<payments::Payments>(),
        rewind::domain::<accounts::Accounts>(),
        rewind::domain::<subscriptions::Subscriptions>(),
        rewind::domain::<poker::Poker>(),
    ]
}
