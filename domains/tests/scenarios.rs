//! Given/when/then rule tests of every domain, one file each under `scenarios/`.

#[path = "scenarios/accounts.rs"]
mod accounts;
#[path = "scenarios/subscriptions.rs"]
mod subscriptions;
