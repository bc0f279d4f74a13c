#![no_main]
//! The poker bot driven by libFuzzer's bytes; see `rewind_harness::fuzz`.

use rewind_domains::poker::Poker;
use rewind_harness::fuzz::{bugs_from_env, run_bytes};

libfuzzer_sys::fuzz_target!(
    init: {
        bugs_from_env::<Poker>();
    },
    |data: &[u8]| run_bytes::<Poker>(data)
);
