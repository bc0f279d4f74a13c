//! Given/when/then rule tests for every domain, a module each (`mod <name>;` below).

mod accounts;
mod payments;
mod poker;
mod poll;
mod subscriptions;
