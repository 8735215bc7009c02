//! Any text → extract_quotes, with the quote invariants checked.
#![no_main]

mod common;

use crosscheck::claims;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &str| {
    let quotes = claims::extract_quotes(body);
    common::check_quotes(body, &quotes);
});
