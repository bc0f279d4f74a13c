//! Given/when/then rule tests for every domain: the domains crate's one integration-test binary.

mod accounts;
mod payments;
mod poll;
mod subscriptions;
