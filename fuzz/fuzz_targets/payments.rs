#![no_main]
//! The payments bot driven by libFuzzer's bytes; see `rewind_harness::fuzz`.

use rewind_domains::payments::Payments;
use rewind_harness::fuzz::{bugs_from_env, run_bytes};

libfuzzer_sys::fuzz_target!(
    init: {
        bugs_from_env::<Payments>();
    },
    |data: &[u8]| run_bytes::<Payments>(data)
);
