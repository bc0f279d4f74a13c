//! Given/when/then rule tests of every domain: one integration-test binary.

#[path = "scenarios/poker.rs"]
mod poker;
