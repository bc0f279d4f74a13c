#![no_main]
//! The poll's bot driven by libFuzzer's bytes; see `rewind_harness::fuzz`.

use rewind_domains::poll::Poll;
use rewind_harness::fuzz::{bugs_from_env, run_bytes};

libfuzzer_sys::fuzz_target!(
    init: {
        bugs_from_env::<Poll>();
    },
    |data: &[u8]| run_bytes::<Poll>(data)
);
