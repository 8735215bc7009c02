//! Helpers for the reliability tests (hostile input, crashes, concurrency, terminal
//! safety): deterministic synthetic corpora made by recombining the seeds' paragraphs
//! with varied numbers, and running the binary with a deadline so a hang fails the test
//! instead of stalling it.

#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::time::{Duration, Instant};

/// A small deterministic random number generator (SplitMix64): the same seed gives the
/// same corpus on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// The paragraphs of the seed articles (lines of eight words or more).
pub fn seed_paragraphs() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("seeds folder")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for line in text.lines() {
            let line = line.trim();
            if line.split_whitespace().count() >= 8 {
                out.push(line.to_string());
            }
        }
    }
    assert!(out.len() > 20, "the seeds have too few paragraphs");
    out
}

/// Replaces every run of digits with a nearby number, so figures differ between articles
/// (which gives the cross-article analysis something to find).
fn vary_numbers(p: &str, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(p.len());
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String, rng: &mut Rng| {
        if !digits.is_empty() {
            let n: u64 = digits.parse().unwrap_or(0);
            out.push_str(&(n.saturating_add(rng.below(3))).to_string());
            digits.clear();
        }
    };
    for c in p.chars() {
        if c.is_ascii_digit() && digits.len() < 15 {
            digits.push(c);
        } else {
            flush(&mut digits, &mut out, rng);
            out.push(c);
        }
    }
    flush(&mut digits, &mut out, rng);
    out
}

/// The unique search word of synthetic article `n` ("ref12x").
pub fn marker(n: usize) -> String {
    format!("ref{n}x")
}

/// The text of synthetic article `n`: a headline, four to nine seed paragraphs with
/// varied numbers, and a closing line with the article's unique marker word.
/// `edition` changes the text for the same `n` (a rewritten article).
pub fn article_text(paragraphs: &[String], n: usize, edition: u64) -> String {
    let mut rng = Rng::new(((n as u64) << 16) | edition);
    let k = 4 + rng.below(6) as usize;
    let mut out = format!("County Officials Weigh Agreement Number {n}\n\n");
    for _ in 0..k {
        let p = &paragraphs[rng.below(paragraphs.len() as u64) as usize];
        out.push_str(&vary_numbers(p, &mut rng));
        out.push_str("\n\n");
    }
    out.push_str(&format!(
        "The reference code of this report is {} in edition {edition}.\n",
        marker(n)
    ));
    out
}

/// File name of synthetic article `n`.
pub fn article_name(n: usize) -> String {
    format!("a{n:05}.txt")
}

/// Writes synthetic articles `range` into `dir` (edition 0).
pub fn write_corpus(dir: &Path, range: std::ops::Range<usize>) {
    std::fs::create_dir_all(dir).unwrap();
    let paragraphs = seed_paragraphs();
    for n in range {
        std::fs::write(dir.join(article_name(n)), article_text(&paragraphs, n, 0)).unwrap();
    }
}

/// Waits for a child, killing it (SIGKILL) and failing the test after `limit`.
pub fn wait_or_kill(child: &mut Child, limit: Duration, what: &str) -> ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("waiting for crosscheck") {
            return status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what} did not finish within {limit:?} (hung?); killed it");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Runs a command to completion with a deadline, collecting its output.
pub fn output_within(mut cmd: Command, limit: Duration, what: &str) -> Output {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start crosscheck");
    let mut out_pipe = child.stdout.take().unwrap();
    let mut err_pipe = child.stderr.take().unwrap();
    let out_thread = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out_pipe.read_to_end(&mut v);
        v
    });
    let err_thread = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err_pipe.read_to_end(&mut v);
        v
    });
    let status = wait_or_kill(&mut child, limit, what);
    Output {
        status,
        stdout: out_thread.join().unwrap(),
        stderr: err_thread.join().unwrap(),
    }
}

/// Whether this process runs as root (then file permissions do not stop it reading).
pub fn running_as_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("probe");
    std::fs::write(&p, b"x").unwrap();
    std::fs::metadata(&p).unwrap().uid() == 0
}

/// Whether another process holds an flock on `path` right now, read from /proc/locks
/// without touching the lock. `None` where /proc/locks does not exist.
pub fn flock_held(path: &Path) -> Option<bool> {
    use std::os::unix::fs::MetadataExt;
    let locks = std::fs::read_to_string("/proc/locks").ok()?;
    let Ok(md) = std::fs::metadata(path) else {
        return Some(false);
    };
    let ino = md.ino();
    // Lines look like "1: FLOCK  ADVISORY  WRITE 1234 08:01:5678 0 EOF".
    Some(locks.lines().any(|l| {
        l.split_whitespace().any(|field| {
            field.rsplit(':').next() == Some(&ino.to_string()) && field.matches(':').count() == 2
        })
    }))
}
