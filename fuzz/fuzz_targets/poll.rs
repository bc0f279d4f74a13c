#![no_main]
//! The poll bot driven by libFuzzer's bytes, every invariant checked after every dispatch.
rewind::fuzz_target!(rewind_domains::poll::Poll);
