//! Times the cross-article analysis alone: reads a corpus, extracts every article's claims
//! (in parallel, not timed), then runs `crossref::analyze` three times and prints the
//! median, with what it found. `CROSSCHECK_PROFILE=1` prints the time of each stage.
//!
//! cargo run --release --example crossref_scale -- /tmp/gen100k

use std::time::Instant;

use rayon::prelude::*;

use crosscheck::claims::{self, Claims};
use crosscheck::corpus::{self, Limits};
use crosscheck::crossref::{self, ArticleClaims};

fn main() {
    let dir = std::env::args().nth(1).expect("usage: crossref_scale DIR");
    let limits = Limits::default();
    let scan = corpus::scan(&[dir.clone().into()], &limits);
    let start = Instant::now();
    let articles: Vec<(corpus::Article, Claims)> = scan
        .files
        .par_iter()
        .filter_map(|f| corpus::read_text(&f.path, &limits).ok().map(|t| (f, t)))
        .map(|(f, t)| {
            let a = corpus::parse_article(&f.display, &t.text);
            let c = claims::extract(&a.body);
            (a, c)
        })
        .collect();
    let n_stats: usize = articles.iter().map(|(_, c)| c.statistics.len()).sum();
    let n_quotes: usize = articles.iter().map(|(_, c)| c.quotes.len()).sum();
    println!(
        "{} articles, {} statistics, {} quotations read and extracted in {:.1} s",
        articles.len(),
        n_stats,
        n_quotes,
        start.elapsed().as_secs_f64()
    );
    let views: Vec<ArticleClaims<'_>> = articles
        .iter()
        .map(|(a, c)| ArticleClaims {
            id: &a.id,
            path: &a.path,
            title: a.title.as_deref(),
            date: a.date.as_ref().and_then(|d| d.iso.as_deref()),
            body: &a.body,
            claims: c,
        })
        .collect();
    let profile = std::env::var_os("CROSSCHECK_PROFILE").is_some();
    let mut times = Vec::new();
    let mut result = None;
    for _ in 0..3 {
        let t = Instant::now();
        result = Some(crossref::analyze_timed(&views, &mut |stage, took| {
            if profile {
                eprintln!("crossref: {stage}: {:.3} s", took.as_secs_f64());
            }
        }));
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let r = result.unwrap();
    println!(
        "analysis: median {:.2} s (min {:.2}, max {:.2}): {} conflicts, {} corroborations, {} related quotes, {} shared passages",
        times[1],
        times[0],
        times[2],
        r.conflicts.len(),
        r.corroborations.len(),
        r.related_quotes.len(),
        r.shared_passages.len()
    );
}
