//! Given/when/then rule tests for every domain: the domains crate's one integration-test binary.

mod accounts;
mod payments;
mod poker;
mod poll;
mod subscriptions;
