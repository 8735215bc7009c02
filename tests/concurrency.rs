//! Concurrent use of one index: searches running while an indexer adds articles never
//! fail and never see a damaged index; a second indexer is refused with a message naming
//! the lock file; a lock file left by a killed indexer does not block the next run.

mod common;
mod support;

use std::fs;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use common::{Sandbox, file_names};
use support::{article_name, flock_held, marker, output_within, wait_or_kill, write_corpus};

const LIMIT: Duration = Duration::from_secs(120);

fn cmd(sb: &Sandbox, args: &[&str], corpus: &Path) -> Command {
    let mut c = sb.command();
    c.arg("--index").arg(sb.index_dir()).args(args).arg(corpus);
    c
}

fn index_fully(sb: &Sandbox, corpus: &Path) {
    let out = output_within(
        cmd(sb, &["index", "--wait-findings"], corpus),
        LIMIT,
        "crosscheck index",
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn spawn_indexer(sb: &Sandbox, corpus: &Path) -> Child {
    cmd(sb, &["index", "--wait-findings"], corpus)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Waits until the child holds the index's writer lock, watching /proc/locks so the test
/// never takes the lock itself. Returns false where /proc/locks is not available (then
/// the caller just goes on) and panics if the child ends without ever holding it.
fn wait_for_lock(sb: &Sandbox, child: &mut Child) -> bool {
    let lock = sb.index_dir().join("crosscheck.lock");
    let start = Instant::now();
    loop {
        match flock_held(&lock) {
            None => return false,
            Some(true) => return true,
            Some(false) => {}
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the indexer ended ({status}) before it was seen holding the lock");
        }
        assert!(start.elapsed() < LIMIT, "the indexer never took the lock");
        std::thread::sleep(Duration::from_millis(2));
    }
}

fn finish(child: Child, what: &str) -> (Option<i32>, String, String) {
    let mut child = child;
    let status = wait_or_kill(&mut child, LIMIT, what);
    let mut out = String::new();
    let mut err = String::new();
    use std::io::Read;
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    (status.code(), out, err)
}

#[test]
fn searches_never_fail_while_an_indexer_adds_articles() {
    let sb = Sandbox::new();
    let corpus = sb.path("corpus");
    write_corpus(&corpus, 0..1000);
    index_fully(&sb, &corpus);
    write_corpus(&corpus, 1000..1200);

    let mut indexer = spawn_indexer(&sb, &corpus);
    let watched = wait_for_lock(&sb, &mut indexer);
    let done = Arc::new(AtomicBool::new(false));
    let readers: Vec<_> = (0..2)
        .map(|r| {
            let done = done.clone();
            let index = sb.index_dir();
            let corpus = corpus.clone();
            let base = sb.dir.path().to_path_buf();
            std::thread::spawn(move || {
                let mut runs = Vec::new();
                // Keep searching until the indexer is done, then once more.
                let mut last = false;
                while !last {
                    last = done.load(Ordering::SeqCst);
                    let mut c = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
                    c.env("XDG_CONFIG_HOME", base.join("config"))
                        .env("XDG_CACHE_HOME", base.join("cache"))
                        .env("XDG_DATA_HOME", base.join("data"))
                        .env("HOME", &base)
                        .env("CROSSCHECK_RECHECK_SECS", "0")
                        .arg("--index")
                        .arg(&index)
                        .args(["search", "county", "-n", "3", "--json"])
                        .arg(&corpus);
                    let out = output_within(c, LIMIT, &format!("reader {r}"));
                    runs.push(out);
                }
                runs
            })
        })
        .collect();
    let (code, stdout, stderr) = finish(indexer, "the indexer");
    done.store(true, Ordering::SeqCst);
    assert_eq!(code, Some(0), "the indexer failed: {stderr}");
    assert!(
        stdout.starts_with("indexed 200, unchanged 1000"),
        "{stdout}"
    );

    let mut during = 0;
    let mut total_runs = 0;
    for r in readers {
        for out in r.join().expect("a reader thread panicked") {
            total_runs += 1;
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(0), "a search failed: {err}");
            for bad in [
                "damaged",
                "could not be opened",
                "rebuil",
                "panicked",
                "corrupt",
            ] {
                assert!(!err.contains(bad), "a search saw a broken index: {err}");
            }
            let v: serde_json::Value = serde_json::from_slice(&out.stdout)
                .unwrap_or_else(|e| panic!("a search printed no JSON ({e}): {err}"));
            let total = v["total"].as_u64().unwrap();
            assert!(
                total == 1000 || total == 1200,
                "a search saw {total} articles: a commit must be all or nothing"
            );
            if err.contains("another crosscheck is updating") {
                assert!(err.contains("using the index as it is"), "{err}");
                during += 1;
            }
        }
    }
    eprintln!("{total_runs} searches, {during} of them while the indexer held the lock");
    if watched {
        assert!(during > 0, "no search ran while the indexer held the lock");
    }

    // Afterwards every new article is found.
    for n in [1000, 1100, 1199] {
        let r = sb.json(&[
            "search",
            &marker(n),
            &corpus.display().to_string(),
            "--json",
        ]);
        assert_eq!(file_names(&r["hits"]), vec![article_name(n)]);
    }
}

#[test]
fn a_second_indexer_is_refused_while_the_first_runs() {
    let sb = Sandbox::new();
    let corpus = sb.path("corpus");
    write_corpus(&corpus, 0..1500);
    let mut first = spawn_indexer(&sb, &corpus);
    if !wait_for_lock(&sb, &mut first) {
        eprintln!(
            "/proc/locks is not available: cannot tell when the first indexer holds the lock; skipping"
        );
        let _ = first.kill();
        let _ = first.wait();
        return;
    }
    let second = output_within(cmd(&sb, &["index"], &corpus), LIMIT, "the second indexer");
    let first_still_running = first.try_wait().unwrap().is_none();
    let (code, stdout, stderr) = finish(first, "the first indexer");
    assert_eq!(code, Some(0), "the first indexer failed: {stderr}");
    assert!(stdout.starts_with("indexed 1500"), "{stdout}");
    assert!(
        first_still_running,
        "the first indexer finished before the second one was refused: make the corpus larger"
    );

    let err = String::from_utf8_lossy(&second.stderr);
    assert_ne!(
        second.status.code(),
        Some(0),
        "the second indexer ran: {err}"
    );
    assert!(
        err.contains("another crosscheck is updating this index"),
        "{err}"
    );
    assert!(err.contains("crosscheck.lock"), "{err}");
    assert!(
        err.contains(&sb.index_dir().join("crosscheck.lock").display().to_string()),
        "the message should name the lock file's full path: {err}"
    );
    assert!(
        second.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&second.stdout)
    );
}

#[test]
fn a_lock_file_left_by_a_killed_indexer_does_not_block_the_next_run() {
    let sb = Sandbox::new();
    let corpus = sb.path("corpus");
    write_corpus(&corpus, 0..1500);
    let mut first = spawn_indexer(&sb, &corpus);
    wait_for_lock(&sb, &mut first);
    first.kill().unwrap(); // SIGKILL: no unlock, no clean-up
    first.wait().unwrap();
    let lock = sb.index_dir().join("crosscheck.lock");
    assert!(
        lock.exists(),
        "the killed indexer left no lock file to test with"
    );
    // A lock file with something in it, as other tools might leave.
    fs::write(&lock, "pid 99999\n").unwrap();

    let out = output_within(
        cmd(&sb, &["index", "--json"], &corpus),
        LIMIT,
        "the next indexer",
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(!err.contains("another crosscheck"), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["indexed"].as_u64().unwrap() + v["unchanged"].as_u64().unwrap(),
        1500
    );
    let r = sb.json(&[
        "search",
        &marker(1234),
        &corpus.display().to_string(),
        "--json",
    ]);
    assert_eq!(file_names(&r["hits"]), vec![article_name(1234)]);
}

#[test]
fn findings_computed_by_a_reader_during_an_update_are_not_kept_as_current() {
    use crosscheck::index::CorpusIndex;

    // The interleaving: a reader (a `conflicts` run that found the lock taken) opened the
    // index before an indexer's commit and computes the findings after it, before the
    // indexer has written its own. The disk then holds the new commit and the old
    // findings file, which is the state rebuilt here step by step.
    let sb = Sandbox::new();
    let corpus = sb.path("corpus");
    write_corpus(&corpus, 0..300);
    index_fully(&sb, &corpus);
    let reader = CorpusIndex::open(&sb.index_dir(), std::slice::from_ref(&corpus)).unwrap();
    // The findings files (headings, records, article table) as they were.
    let findings_files = |dir: &std::path::Path| -> Vec<(std::path::PathBuf, Vec<u8>)> {
        fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("findings"))
            })
            .map(|p| {
                let bytes = fs::read(&p).unwrap();
                (p, bytes)
            })
            .collect()
    };
    let old_findings = findings_files(&sb.index_dir());
    assert!(!old_findings.is_empty());

    write_corpus(&corpus, 300..400);
    index_fully(&sb, &corpus);
    // The moment between the indexer's commit and its findings write.
    for (p, bytes) in &old_findings {
        fs::write(p, bytes).unwrap();
    }
    reader.crossref().unwrap();

    // The indexer (or any later run) now takes the reader's findings as current.
    index_fully(&sb, &corpus);
    let c = corpus.display().to_string();
    let after = sb.run(&["conflicts", "--json", &c]);
    let fresh = sb
        .command()
        .arg("--index")
        .arg(sb.path("index-clean"))
        .args(["conflicts", "--json", &c])
        .output()
        .unwrap();
    // Story ids are inherited across an update and founded afresh by a new index, so
    // they may differ; everything else must not.
    fn without_story_ids(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                m.remove("story");
                m.values_mut().for_each(without_story_ids);
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(without_story_ids),
            _ => {}
        }
    }
    let mut after: serde_json::Value = serde_json::from_slice(&after.stdout).unwrap();
    let mut fresh: serde_json::Value = serde_json::from_slice(&fresh.stdout).unwrap();
    without_story_ids(&mut after);
    without_story_ids(&mut fresh);
    assert!(
        after == fresh,
        "`conflicts --json` still shows the findings of the 300 articles before the update"
    );
}
