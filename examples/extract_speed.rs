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
    let bodies: Vec<String> = scan
        .files
        .iter()
        .filter_map(|f| corpus::read_text(&f.path, &Limits::default()).ok())
        .map(|t| corpus::parse_article("x", &t.text).body)
        .collect();
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
}
