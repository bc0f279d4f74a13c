#![no_main]
//! The subscriptions bot driven by libFuzzer's bytes; see `rewind_harness::fuzz`.

use rewind_domains::subscriptions::Subscriptions;
use rewind_harness::fuzz::{bugs_from_env, run_bytes};

libfuzzer_sys::fuzz_target!(
    init: {
        bugs_from_env::<Subscriptions>();
    },
    |data: &[u8]| run_bytes::<Subscriptions>(data)
);
