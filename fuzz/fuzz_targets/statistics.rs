//! Any text → extract_statistics, with the statistic invariants checked.
#![no_main]

mod common;

use crosscheck::claims;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &str| {
    let stats = claims::extract_statistics(body);
    common::check_statistics(body, &stats);
});
