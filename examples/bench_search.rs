//! Search latency over a fixed set of queries, in process, against `rg` (ripgrep)
//! scanning the same files for the same words.
//!
//! Each query runs as the reader runs it (top 50 with snippets): warm-up, then `--iters`
//! times; p50, p99 and max are reported. For `rg`, each query becomes the closest
//! ripgrep command (fixed strings, whole words, case-insensitive, files with matches; an
//! AND of two words is two passes, the second over the files the first listed), run
//! `--rg-runs` times; the median is reported. Also the whole `crosscheck search`
//! process, with and without `--no-update`.
//!
//! `cargo run --release --example bench_search -- INDEX_DIR CORPUS [--iters N] [--rg-runs N] [--bin PATH]`

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crosscheck::index::CorpusIndex;

/// (label, crosscheck query, rg passes: each pass is (pattern, is_phrase))
const QUERIES: &[(&str, &str, &[&str])] = &[
    ("common term", "government", &["government"]),
    ("common term", "said", &["said"]),
    ("rare term", "zimbabwe", &["zimbabwe"]),
    ("two terms (AND)", "oil prices", &["oil", "prices"]),
    ("phrase", "\"interest rates\"", &["interest rates"]),
    ("phrase", "\"prime minister\"", &["prime minister"]),
    ("field: title", "title:economy", &["economy"]),
    ("field: speaker", "speaker:brown", &["brown"]),
    ("field: figure", "figure:jobs", &["jobs"]),
    ("negation", "market -stock", &["market"]),
];

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Files `rg` finds for all the passes (AND), and how long that took.
fn rg(corpus: &PathBuf, passes: &[&str]) -> (usize, Duration) {
    let start = Instant::now();
    let mut files: Option<Vec<String>> = None;
    for pat in passes {
        let mut cmd = Command::new("rg");
        cmd.args(["-l", "-i", "-w", "-F", "--no-messages", "-e", pat]);
        match &files {
            None => {
                cmd.arg(corpus);
            }
            Some(f) if f.is_empty() => break,
            Some(f) => {
                cmd.args(f);
            }
        }
        let out = cmd.stderr(Stdio::null()).output().expect("running rg");
        files = Some(
            String::from_utf8_lossy(&out.stdout)
                .lines()
                .map(str::to_string)
                .collect(),
        );
    }
    (files.map_or(0, |f| f.len()), start.elapsed())
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = PathBuf::from(args.first().expect("INDEX_DIR"));
    let corpus = PathBuf::from(args.get(1).expect("CORPUS"));
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let iters: usize = value("--iters").and_then(|n| n.parse().ok()).unwrap_or(200);
    let rg_runs: usize = value("--rg-runs").and_then(|n| n.parse().ok()).unwrap_or(5);
    let bin = value("--bin").unwrap_or_else(|| "target/release/crosscheck".into());
    let index = CorpusIndex::open(&dir, std::slice::from_ref(&corpus))?;
    println!(
        "{} articles; {iters} runs per query after 10 warm-up runs; rg median of {rg_runs}\n",
        index.len()
    );
    println!(
        "| query | kind | hits | p50 ms | p99 ms | max ms | rg files | rg median ms | rg / p50 |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    let mut all = Vec::new();
    let mut ratios = Vec::new();
    for (kind, q, passes) in QUERIES {
        for _ in 0..10 {
            index.search(q, 50).map_err(|e| anyhow::anyhow!("{e}"))?;
        }
        let mut times = Vec::with_capacity(iters);
        let mut hits = 0;
        for _ in 0..iters {
            let t = Instant::now();
            let r = index.search(q, 50).map_err(|e| anyhow::anyhow!("{e}"))?;
            times.push(t.elapsed());
            hits = r.total;
        }
        times.sort();
        all.extend(times.iter().copied());
        let mut rg_times = Vec::new();
        let mut rg_files = 0;
        for _ in 0..rg_runs {
            let (n, t) = rg(&corpus, passes);
            rg_files = n;
            rg_times.push(t);
        }
        rg_times.sort();
        let rg_med = rg_times[rg_times.len() / 2];
        let p50 = percentile(&times, 0.5);
        let ratio = rg_med.as_secs_f64() / p50.as_secs_f64();
        ratios.push(ratio);
        println!(
            "| `{q}` | {kind} | {hits} | {:.2} | {:.2} | {:.2} | {rg_files} | {:.0} | {ratio:.0}× |",
            ms(p50),
            ms(percentile(&times, 0.99)),
            ms(*times.last().expect("runs")),
            ms(rg_med),
        );
    }
    all.sort();
    ratios.sort_by(f64::total_cmp);
    println!(
        "\nall queries: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms; rg / crosscheck p50: min {:.0}×, median {:.0}×",
        ms(percentile(&all, 0.5)),
        ms(percentile(&all, 0.99)),
        ms(*all.last().expect("runs")),
        ratios[0],
        ratios[ratios.len() / 2]
    );

    // The whole process, as a script would run it.
    for no_update in [false, true] {
        let mut times = Vec::new();
        for _ in 0..10 {
            let mut cmd = Command::new(&bin);
            cmd.arg("--index").arg(&dir);
            if no_update {
                cmd.arg("--no-update");
            }
            cmd.args(["search", "government"])
                .arg(&corpus)
                .stdout(Stdio::null())
                .stderr(Stdio::null());
            let t = Instant::now();
            let status = cmd.status()?;
            times.push(t.elapsed());
            anyhow::ensure!(status.success(), "crosscheck search failed");
        }
        times.sort();
        println!(
            "`crosscheck search government` process{}: median {:.1} ms (min {:.1}, max {:.1}) over 10",
            if no_update { " with --no-update" } else { "" },
            ms(times[5]),
            ms(times[0]),
            ms(times[9])
        );
    }
    Ok(())
}
