#![no_main]
rewind::fuzz_target!(shop::Order);
