//! The baseline for indexing speed: plain Tantivy over the same files, without claims or
//! findings, next to `crosscheck index` on the same corpus.
//!
//! The baseline reads the files exactly as crosscheck does (`corpus::scan`, `read_text`,
//! in parallel), takes the first non-empty line as the title and the rest as the body,
//! and indexes both with the same tokenizer (`en_stem`, frequencies and positions), the
//! same writer threads and memory budget, then commits and waits for merges. It stores
//! nothing, so the difference is everything crosscheck adds: cleaning, extraction,
//! the stored article and claims, the per-article columns, the analysis and its files.
//!
//! `cargo run --release --example plain_tantivy -- CORPUS [--runs N] [--bin PATH]`
//! (`--bin` defaults to `target/release/crosscheck`; build it first).

use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use rayon::prelude::*;
use tantivy::Index;
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions};

use crosscheck::corpus::{self, Limits};

fn plain_index(roots: &[PathBuf], out: &std::path::Path) -> anyhow::Result<(f64, u64)> {
    let start = Instant::now();
    let mut b = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("en_stem")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let title = b.add_text_field("title", text.clone());
    let body = b.add_text_field("body", text);
    let index = Index::create_in_dir(out, b.build())?;
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4);
    let writer = index.writer_with_num_threads(threads, 100_000_000)?;
    let limits = Limits::default();
    let scan = corpus::scan(roots, &limits);
    let bytes: u64 = scan
        .files
        .par_iter()
        .map(|f| {
            let Ok(ft) = corpus::read_text(&f.path, &limits) else {
                return 0;
            };
            let mut lines = ft.text.splitn(2, '\n');
            let mut t = lines.next().unwrap_or("");
            let mut rest = lines.next().unwrap_or("");
            while t.trim().is_empty() && !rest.is_empty() {
                let mut l = rest.splitn(2, '\n');
                t = l.next().unwrap_or("");
                rest = l.next().unwrap_or("");
            }
            let mut doc = tantivy::TantivyDocument::default();
            doc.add_text(title, t);
            doc.add_text(body, rest);
            let _ = writer.add_document(doc);
            ft.bytes.len() as u64
        })
        .sum();
    let mut writer = writer;
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok((start.elapsed().as_secs_f64(), bytes))
}

/// Runs a command and returns its wall time and peak RSS (KB) from /usr/bin/time.
fn timed(cmd: &mut Command) -> anyhow::Result<(f64, u64)> {
    let rss_file = tempfile_path("rss");
    let start = Instant::now();
    let status = Command::new("/usr/bin/time")
        .arg("-f")
        .arg("%M")
        .arg("-o")
        .arg(&rss_file)
        .arg(cmd.get_program())
        .args(cmd.get_args())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()?;
    let wall = start.elapsed().as_secs_f64();
    anyhow::ensure!(status.success(), "{cmd:?} failed");
    let rss = std::fs::read_to_string(&rss_file)?
        .lines()
        .last()
        .unwrap_or("0")
        .trim()
        .parse()
        .unwrap_or(0);
    let _ = std::fs::remove_file(&rss_file);
    Ok((wall, rss))
}

fn tempfile_path(what: &str) -> PathBuf {
    std::env::temp_dir().join(format!("plain-tantivy-{what}-{}", std::process::id()))
}

fn summary(name: &str, v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    let median = v[v.len() / 2];
    println!(
        "| {name} | {median:.2} | {:.2} | {:.2} |",
        v[0],
        v[v.len() - 1]
    );
    median
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--child") {
        plain_index(&[PathBuf::from(&args[1])], std::path::Path::new(&args[2]))?;
        return Ok(());
    }
    let corpus = PathBuf::from(args.first().expect("CORPUS"));
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let runs: usize = value("--runs").and_then(|n| n.parse().ok()).unwrap_or(3);
    let bin = value("--bin").unwrap_or_else(|| "target/release/crosscheck".into());
    let roots = vec![corpus.clone()];

    let mut plain = Vec::new();
    let mut ours = Vec::new();
    let mut plain_rss = 0;
    let mut ours_rss = 0;
    let mut mb = 0.0;
    for _ in 0..runs {
        // The baseline, in a child process of its own so its peak memory is its own.
        let dir = tempfile_path("plain");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)?;
        let (wall, rss) = timed(
            Command::new(std::env::current_exe()?)
                .arg("--child")
                .arg(&corpus)
                .arg(&dir),
        )?;
        plain.push(wall);
        plain_rss = plain_rss.max(rss);
        let _ = std::fs::remove_dir_all(&dir);

        let dir = tempfile_path("crosscheck");
        let _ = std::fs::remove_dir_all(&dir);
        let (wall, rss) = timed(
            Command::new(&bin)
                .arg("--index")
                .arg(&dir)
                .arg("index")
                .arg(&corpus),
        )?;
        ours.push(wall);
        ours_rss = ours_rss.max(rss);
        let _ = std::fs::remove_dir_all(&dir);
    }
    // One more baseline run in this process, for the corpus size.
    let dir = tempfile_path("size");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let (_, bytes) = plain_index(&roots, &dir)?;
    let _ = std::fs::remove_dir_all(&dir);
    mb += bytes as f64 / 1e6;

    println!(
        "{} ({mb:.1} MB), {runs} runs each, wall seconds\n",
        corpus.display()
    );
    println!("| indexing | median | min | max |\n| --- | --- | --- | --- |");
    let p = summary("plain Tantivy (title + body)", &mut plain);
    let o = summary("crosscheck index (claims, findings)", &mut ours);
    println!(
        "\nratio crosscheck / plain: {:.2}×; throughput {:.1} MB/s vs {:.1} MB/s; peak RSS {} MB vs {} MB",
        o / p,
        mb / o,
        mb / p,
        ours_rss / 1024,
        plain_rss / 1024
    );
    Ok(())
}
