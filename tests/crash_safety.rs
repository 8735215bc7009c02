//! Crash safety: an indexer killed with SIGKILL at any moment leaves an index that opens
//! and answers searches (with the articles of the last finished run, never half of a
//! run), no lock that blocks the next run, and, once an update runs to completion, the
//! same claims and findings as a clean build. The reader's state file is replaced whole.

mod common;
mod support;

use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::Sandbox;
use support::{article_name, article_text, output_within, seed_paragraphs, write_corpus};

const ARTICLES: usize = 1500;
const LIMIT: Duration = Duration::from_secs(180);

fn index_cmd(sb: &Sandbox, dir: &Path, corpus: &Path) -> Command {
    let mut c = sb.command();
    c.arg("--index")
        .arg(dir)
        .args(["index", "--wait-findings"])
        .arg(corpus);
    c
}

/// Runs `index` to completion and returns how long it took.
fn index_fully(sb: &Sandbox, dir: &Path, corpus: &Path) -> Duration {
    let start = Instant::now();
    let out = output_within(index_cmd(sb, dir, corpus), LIMIT, "crosscheck index");
    assert_eq!(
        out.status.code(),
        Some(0),
        "index failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    start.elapsed()
}

/// Number of article files in the corpus.
fn corpus_len(corpus: &Path) -> usize {
    fs::read_dir(corpus).unwrap().count()
}

/// After a kill: the lock is free, the index opens and a search over it succeeds. The
/// test holds the writer lock itself while searching, so the search cannot update the
/// index and shows it exactly as the killed run left it. Returns the number of articles.
fn check_after_kill(
    sb: &Sandbox,
    dir: &Path,
    corpus: &Path,
    allowed: &[usize],
    what: &str,
) -> usize {
    fs::create_dir_all(dir).unwrap();
    let lock = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join("crosscheck.lock"))
        .unwrap();
    lock.try_lock()
        .unwrap_or_else(|e| panic!("{what}: the killed indexer left the lock held: {e:?}"));
    let mut c = sb.command();
    c.arg("--index")
        .arg(dir)
        .args(["search", "title:county", "-n", "1", "--json"])
        .arg(corpus);
    let out = output_within(c, LIMIT, "crosscheck search after a kill");
    drop(lock);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{what}: search on the killed index failed: {stderr}"
    );
    for bad in ["damaged", "could not be opened", "panicked", "corrupt"] {
        assert!(!stderr.contains(bad), "{what}: {stderr}");
    }
    if stderr.contains("rebuilding") {
        // Only possible when the very first run was killed between creating the Tantivy
        // folder and writing the version file: an empty index is recreated.
        assert!(
            stderr.contains("no readable version file") || stderr.contains("incomplete"),
            "{what}: {stderr}"
        );
    }
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{what}: no JSON ({e}): {stderr}"));
    let total = v["total"].as_u64().unwrap() as usize;
    assert!(
        allowed.contains(&total),
        "{what}: the index holds {total} articles, expected one of {allowed:?} (a commit must be all or nothing)"
    );
    total
}

/// Rewrites, deletes and adds a few articles (deterministically, by round).
fn change_corpus(corpus: &Path, paragraphs: &[String], round: usize, next_new: &mut usize) {
    for k in 0..30 {
        let n = (round * 97 + k * 41) % ARTICLES;
        let p = corpus.join(article_name(n));
        if p.exists() {
            fs::write(&p, article_text(paragraphs, n, round as u64 + 1)).unwrap();
        }
    }
    for k in 0..3 {
        let n = (round * 53 + k * 331 + 7) % ARTICLES;
        let _ = fs::remove_file(corpus.join(article_name(n)));
    }
    for _ in 0..5 {
        let n = *next_new;
        *next_new += 1;
        fs::write(corpus.join(article_name(n)), article_text(paragraphs, n, 0)).unwrap();
    }
}

/// The JSON with every finding's `story` field removed.
fn without_story_ids(bytes: &[u8]) -> serde_json::Value {
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                m.remove("story");
                m.values_mut().for_each(strip);
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v: serde_json::Value = serde_json::from_slice(bytes).expect("JSON");
    strip(&mut v);
    v
}

fn run_json(sb: &Sandbox, dir: &Path, corpus: &Path, command: &str) -> Vec<u8> {
    let mut c = sb.command();
    c.arg("--index")
        .arg(dir)
        .args([command, "--json"])
        .arg(corpus);
    let out = output_within(c, LIMIT, command);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{command}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<serde_json::Value>(&out.stdout).expect("JSON");
    out.stdout
}

/// Kills an indexer of `corpus` into `dir` after `delay`; says whether it had already
/// finished.
fn kill_after(sb: &Sandbox, dir: &Path, corpus: &Path, delay: Duration) -> bool {
    let mut child = index_cmd(sb, dir, corpus)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(delay);
    let finished = child.try_wait().unwrap().is_some();
    // SIGKILL on Unix: no destructor, no flush, no unlock runs.
    let _ = child.kill();
    child.wait().unwrap();
    finished
}

fn fractions(n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| 0.05 + 0.90 * i as f64 / (n - 1) as f64)
        .collect()
}

#[test]
fn an_indexer_killed_at_any_moment_loses_nothing() {
    let sb = Sandbox::new();
    let paragraphs = seed_paragraphs();
    let corpus = sb.path("corpus");
    write_corpus(&corpus, 0..ARTICLES);
    let mut next_new = ARTICLES;
    let dir = sb.path("index-killed");

    // How long a clean build takes here, to spread the kills over it.
    let full = index_fully(&sb, &sb.path("index-measure"), &corpus);
    eprintln!("a clean build of {ARTICLES} articles takes {full:?}");

    // Phase 1: a first build killed at 5%..95% of its duration. Tantivy commits once at
    // the end, so the index holds nothing or everything.
    let mut finished_early = 0;
    for f in fractions(7) {
        let delay = full.mul_f64(f);
        if kill_after(&sb, &dir, &corpus, delay) {
            finished_early += 1;
        }
        check_after_kill(
            &sb,
            &dir,
            &corpus,
            &[0, corpus_len(&corpus)],
            &format!("first build killed after {delay:?}"),
        );
    }

    // Phase 2: incremental updates (changed, deleted and added files) killed at 5%..95%
    // of an update's duration; the corpus changes again between kills.
    index_fully(&sb, &dir, &corpus);
    change_corpus(&corpus, &paragraphs, 1, &mut next_new);
    let update = index_fully(&sb, &dir, &corpus);
    eprintln!("an incremental update takes {update:?}");
    let mut committed = corpus_len(&corpus);
    change_corpus(&corpus, &paragraphs, 2, &mut next_new);
    for (i, f) in fractions(8).into_iter().enumerate() {
        let delay = update.mul_f64(f);
        if kill_after(&sb, &dir, &corpus, delay) {
            finished_early += 1;
        }
        committed = check_after_kill(
            &sb,
            &dir,
            &corpus,
            &[committed, corpus_len(&corpus)],
            &format!("update {i} killed after {delay:?}"),
        );
        change_corpus(&corpus, &paragraphs, i + 3, &mut next_new);
    }
    eprintln!("{finished_early} of 15 runs had finished before the kill");

    // The killed index, brought up to date, says exactly what a clean build says.
    index_fully(&sb, &dir, &corpus);
    let clean = sb.path("index-clean");
    index_fully(&sb, &clean, &corpus);
    // Story ids are the one thing allowed to differ: an updated index keeps the ids its
    // stories had (ids survive updates), a clean build gives each story its founder's.
    // What is in each story is compared through the findings themselves.
    for command in ["claims", "conflicts"] {
        let killed = without_story_ids(&run_json(&sb, &dir, &corpus, command));
        let fresh = without_story_ids(&run_json(&sb, &clean, &corpus, command));
        if killed != fresh {
            let (k, f) = (killed.to_string(), fresh.to_string());
            let at = k.bytes().zip(f.bytes()).take_while(|(a, b)| a == b).count();
            let from = at.saturating_sub(300);
            panic!(
                "`{command} --json` differs between the index that was killed 15 times and a clean build, from byte {at}:\nkilled: {}\nclean:  {}",
                &k[from..(at + 300).min(k.len())],
                &f[from..(at + 300).min(f.len())]
            );
        }
    }
}

#[test]
fn a_clean_build_is_deterministic() {
    // What the comparison above relies on: two clean builds print the same bytes.
    let sb = Sandbox::new();
    let corpus = sb.path("corpus");
    write_corpus(&corpus, 0..300);
    for command in ["claims", "conflicts"] {
        let a = run_json(&sb, &sb.path("a"), &corpus, command);
        let b = run_json(&sb, &sb.path("b"), &corpus, command);
        assert!(a == b, "two clean builds differ in `{command} --json`");
    }
}

#[test]
fn read_marks_are_replaced_whole() {
    use crosscheck::user::{ReadMarks, read_marks_path};

    let dir = tempfile::tempdir().unwrap();
    let path = read_marks_path(dir.path());
    let mut marks = ReadMarks::default();
    marks.save(&path).unwrap();

    // A reader polling the file while it is rewritten never sees half a file.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let watcher = {
        let (path, stop) = (path.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut reads = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let bytes = fs::read(&path).expect("the marks file is always there");
                serde_json::from_slice::<ReadMarks>(&bytes).unwrap_or_else(|e| {
                    panic!(
                        "a half-written marks file ({e}): {:?}",
                        String::from_utf8_lossy(&bytes)
                    )
                });
                reads += 1;
            }
            reads
        })
    };
    for i in 0..300 {
        // Large enough that a plain write would take several write calls.
        for k in 0..50 {
            marks
                .read
                .insert(format!("{i:04}-{k:02}-{}", "x".repeat(40)));
        }
        marks.save(&path).unwrap();
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let reads = watcher.join().expect("the watcher saw a broken file");
    assert!(reads > 0);

    // The last save is what loads, and no temporary file is left behind.
    assert_eq!(ReadMarks::load(&path), marks);
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["read.json".to_string()]);

    // A temporary file left by a writer that was killed does not stop a load or a save.
    fs::write(
        dir.path().join(".read.json.99999.tmp"),
        "{\"read\": [\"half",
    )
    .unwrap();
    assert_eq!(ReadMarks::load(&path), marks);
    marks.read.insert("after".into());
    marks.save(&path).unwrap();
    assert_eq!(ReadMarks::load(&path), marks);
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    let sb = Sandbox::new();
    let corpus = sb.path("corpus");
    // Enough output to overflow a pipe's buffer with every command.
    write_corpus(&corpus, 0..600);
    index_fully(&sb, &sb.index_dir(), &corpus);
    for args in [
        vec!["search", "county", "-n", "600"],
        vec!["search", "county", "-n", "600", "--json"],
        vec!["claims"],
        vec!["claims", "--json"],
        vec!["conflicts"],
        vec!["conflicts", "--json"],
    ] {
        // Like `crosscheck … | head -c 1`: the reader of the pipe goes away early.
        let mut child = sb
            .command()
            .arg("--index")
            .arg(sb.index_dir())
            .args(&args)
            .arg(&corpus)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 1];
        stdout.read_exact(&mut first).unwrap();
        drop(stdout);
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
        let status = child.wait().unwrap();
        assert!(
            !stderr.contains("panicked"),
            "crosscheck {args:?} | head panicked: {stderr}"
        );
        assert_ne!(status.code(), Some(101), "{args:?}: {stderr}");
    }
}
