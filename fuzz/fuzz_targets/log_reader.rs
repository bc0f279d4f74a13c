#![no_main]
//! Any bytes as a corpus log: a log that replays, or an error naming the file; never a panic.
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    rewind::fuzz::read_log_bytes(data, &rewind_domains::showcases())
});
