#![no_main]
//! Any bytes as a corpus log of the shop: a log that replays, or an error naming the file;
//! never a panic. ClusterFuzzLite seeds it with the stored logs of corpus/.
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    rewind::fuzz::read_log_bytes(data, &[rewind::domain::<shop::Order>()])
});
