#![no_main]
//! The payments bot driven by libFuzzer's bytes, every invariant checked after every dispatch.
rewind::fuzz_target!(rewind_domains::payments::Payments);
