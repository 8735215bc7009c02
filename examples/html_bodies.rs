//! Reads every web page of a folder as crosscheck does (charset, readability extractor,
//! furniture rules) and prints `{"<file stem>": {"articleBody": …, "title": …, "source": …,
//! "date": …}}` on stdout, for scoring against an article-extraction benchmark's ground
//! truth (bench/eval/html_bodies.py); coverage and speed go to stderr.
//!
//! cargo run --release --example html_bodies -- PAGES_DIR > bodies.json
//! (with SHOW_REMOVED=1, each line the furniture rules removed is listed on stderr)

use std::collections::BTreeMap;
use std::time::Instant;

use crosscheck::corpus::{self, Limits};

fn main() {
    let dir = std::env::args().nth(1).expect("a folder of .html pages");
    let scan = corpus::scan(&[dir.into()], &Limits::default());
    let mut out = BTreeMap::new();
    let (mut bytes, mut secs) = (0usize, 0.0f64);
    let (mut titled, mut sourced, mut dated, mut empty) = (0, 0, 0, 0);
    for f in &scan.files {
        let text = match corpus::read_text(&f.path, &Limits::default()) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{}: {e}", f.display);
                continue;
            }
        };
        bytes += text.bytes.len();
        let start = Instant::now();
        let a = corpus::parse_article(&f.display, &text.text);
        secs += start.elapsed().as_secs_f64();
        if std::env::var_os("SHOW_REMOVED").is_some() {
            for r in &a.removed {
                eprintln!("{}: removed ({}): {}", f.display, r.reason, r.text);
            }
        }
        titled += usize::from(a.title.is_some());
        sourced += usize::from(a.source.is_some());
        dated += usize::from(a.date.as_ref().is_some_and(|d| d.iso.is_some()));
        empty += usize::from(a.body.is_empty());
        let stem = f
            .path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let stem = stem.split('.').next().unwrap_or(stem).to_string();
        let record = serde_json::json!({
            "articleBody": a.body,
            "title": a.title,
            "source": a.source,
            "date": a.date.and_then(|d| d.iso),
        });
        out.insert(stem, record);
    }
    eprintln!(
        "{} pages read: {titled} with a title, {sourced} with a source, {dated} with a date, {empty} empty; {:.1} MB in {secs:.2} s ({:.1} MB/s, one core)",
        out.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs
    );
    println!("{}", serde_json::to_string(&out).expect("JSON"));
}
