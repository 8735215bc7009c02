//! Measures claim extraction alone, on one core: reads every article of a folder into
//! memory first, then times `claims::extract` over the clean bodies (median of 5 runs).
//!
//! cargo run --release --example extract_speed -- ../shared/corpora/bbc-news

use std::time::Instant;

use crosscheck::claims;
use crosscheck::corpus::{self, Limits};

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "seeds".into());
    let scan = corpus::scan(&[dir.clone().into()], &Limits::default());
    let texts: Vec<String> = scan
        .files
        .iter()
        .filter_map(|f| corpus::read_text(&f.path, &Limits::default()).ok())
        .map(|t| t.text)
        .collect();
    // Reading the article (cleaning, title, date, source) before extraction, timed once.
    let start = Instant::now();
    let bodies: Vec<String> = texts
        .iter()
        .map(|t| corpus::parse_article("x", t).body)
        .collect();
    let parse = start.elapsed().as_secs_f64();
    let raw: usize = texts.iter().map(String::len).sum();
    // Serialising article and claims as the index stores them, timed once.
    let start = Instant::now();
    let mut stored = 0;
    for (t, b) in texts.iter().zip(&bodies) {
        let a = corpus::parse_article("x", t);
        let c = claims::extract(b);
        stored += serde_json::to_vec(&(a, c)).map_or(0, |v| v.len());
    }
    let parse_extract_store = start.elapsed().as_secs_f64();
    let bytes: usize = bodies.iter().map(String::len).sum();
    let mut times = Vec::new();
    let mut found = (0, 0);
    for _ in 0..5 {
        let start = Instant::now();
        found = (0, 0);
        for b in &bodies {
            let c = claims::extract(b);
            found.0 += c.quotes.len();
            found.1 += c.statistics.len();
        }
        times.push(start.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let median = times[2];
    println!(
        "{} articles, {:.2} MB of clean text from {dir}: {} quotes, {} statistics",
        bodies.len(),
        bytes as f64 / 1e6,
        found.0,
        found.1
    );
    println!(
        "extraction on one core: median {:.3} s (min {:.3}, max {:.3}) = {:.1} MB/s",
        median,
        times[0],
        times[4],
        bytes as f64 / 1e6 / median
    );
    println!(
        "reading articles (parse_article) on one core: {parse:.3} s = {:.1} MB/s; parse + extract + JSON as stored: {parse_extract_store:.3} s ({:.1} MB stored)",
        raw as f64 / 1e6 / parse,
        stored as f64 / 1e6
    );
}
