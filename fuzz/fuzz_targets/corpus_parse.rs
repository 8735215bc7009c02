//! Bytes as read from a file → decode → parse_article → extract, with the claim invariants
//! checked on the clean body.
#![no_main]

mod common;

use crosscheck::{claims, corpus};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(file) = corpus::decode(data.to_vec()) else {
        return;
    };
    let article = corpus::parse_article("fuzz.txt", &file.text);
    for p in article.body.split("\n\n") {
        assert!(!p.contains('\n'), "newline inside a paragraph");
    }
    for r in article.paragraph_ranges() {
        assert!(article.body.get(r).is_some(), "paragraph range off a char boundary");
    }
    let c = claims::extract(&article.body);
    common::check_quotes(&article.body, &c.quotes);
    common::check_statistics(&article.body, &c.statistics);
});
