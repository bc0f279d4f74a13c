#![no_main]
//! The subscriptions bot driven by libFuzzer's bytes, every invariant checked after every dispatch.
rewind::fuzz_target!(rewind_domains::subscriptions::Subscriptions);
