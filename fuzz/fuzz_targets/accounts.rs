#![no_main]
//! The accounts bot driven by libFuzzer's bytes; see `rewind_harness::fuzz`.

use rewind_domains::accounts::Accounts;
use rewind_harness::fuzz::{bugs_from_env, run_bytes};

libfuzzer_sys::fuzz_target!(
    init: {
        bugs_from_env::<Accounts>();
    },
    |data: &[u8]| run_bytes::<Accounts>(data)
);
