//! Invariants every fuzz target checks on what extraction returns.
#![allow(dead_code)]

use crosscheck::claims::{Quote, Statistic};

/// Offsets are byte offsets into `body`, on char boundaries, and cut out exactly `text`.
pub fn check_span(body: &str, start: usize, end: usize, text: &str, what: &str) {
    assert!(
        start <= end && end <= body.len(),
        "{what} {start}..{end} out of a {}-byte body",
        body.len()
    );
    assert!(
        body.is_char_boundary(start) && body.is_char_boundary(end),
        "{what} {start}..{end} not on char boundaries"
    );
    assert_eq!(&body[start..end], text, "{what} text differs from its offsets");
}

pub fn check_quotes(body: &str, quotes: &[Quote]) {
    for q in quotes {
        check_span(body, q.start, q.end, &q.text, "quote");
        assert!(!q.text.is_empty(), "empty quote at {}", q.start);
        assert!(q.sentence.contains(&q.text), "quote sentence lacks the quote");
    }
    assert!(quotes.windows(2).all(|w| w[0].start <= w[1].start), "quotes out of order");
}

pub fn check_statistics(body: &str, stats: &[Statistic]) {
    for s in stats {
        check_span(body, s.start, s.end, &s.text, "statistic");
        assert!(!s.text.is_empty(), "empty statistic at {}", s.start);
    }
    assert!(stats.windows(2).all(|w| w[0].start <= w[1].start), "statistics out of order");
}
