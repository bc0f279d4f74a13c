//! rewind-domains: worked systems built on rewind-engine, one folder each.

pub mod accounts;
pub mod payments;
pub mod poker;
pub mod poll;
#[cfg(test)]
mod self_check;
pub mod short_name;
pub mod subscriptions;

pub use short_name::ShortName;
