//! Times what the reader does before its library frame, without a terminal: open the
//! index, read the article summaries, load the findings' headings, build the app.
//! `cargo run --release --example reader_load -- INDEX_DIR CORPUS [--runs N]`
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use crosscheck::index::CorpusIndex;
use crosscheck::tui::{App, Options, SearchBackend};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = PathBuf::from(args.first().expect("INDEX_DIR"));
    let roots = vec![PathBuf::from(args.get(1).expect("CORPUS"))];
    let runs: usize = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(5);
    let mut totals = Vec::new();
    for run in 0..runs {
        let t = Instant::now();
        let index = Arc::new(CorpusIndex::open(&dir, &roots)?);
        let open = t.elapsed();
        let summaries = index.summaries()?;
        let sums = t.elapsed();
        let findings = index.findings();
        let finds = t.elapsed();
        let n = summaries.len();
        let backend: Arc<dyn SearchBackend> = index;
        let mut app = App::new(summaries, findings, backend, Options::default());
        app.update(crosscheck::tui::Action::Resize(100, 30));
        let total = t.elapsed();
        println!(
            "run {run}: {n} articles · open {:.1} ms · summaries {:.1} ms · findings {:.1} ms · app {:.1} ms",
            open.as_secs_f64() * 1e3,
            (sums - open).as_secs_f64() * 1e3,
            (finds - sums).as_secs_f64() * 1e3,
            (total - finds).as_secs_f64() * 1e3,
        );
        totals.push(total.as_secs_f64() * 1e3);
    }
    totals.sort_by(f64::total_cmp);
    println!(
        "to a built app: median {:.1} ms (min {:.1}, max {:.1}) over {runs} runs",
        totals[totals.len() / 2],
        totals[0],
        totals[totals.len() - 1]
    );
    Ok(())
}
