//! Hostile input: a corpus full of things that are not articles (binary files, invalid
//! UTF-8, a file name that is not UTF-8, empty files, a sparse 50 MB file, 10,000 tiny
//! files, 100 levels of folders, symlink loops, a dangling symlink, a named pipe, a
//! socket, a folder named like an article) next to normal articles. `crosscheck index`
//! finishes with exit code 0, reports every problem exactly once, and the normal
//! articles are searchable. The configured limits say so when they are hit, and a file
//! deleted or rewritten between the scan and the read is reported or read fresh.
//!
//! The 10,000 tiny files keep the test quick in a debug build; 100,000 were measured by
//! hand (see the pull request) with the same result.

mod common;
mod support;

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::{Sandbox, file_names};
use support::{article_text, marker, output_within, running_as_root, seed_paragraphs};

const LIMIT: Duration = Duration::from_secs(120);
const TINY_FILES: usize = 10_000;
const DEPTH: usize = 100;

/// What the hostile corpus holds and what `index` must say about it.
struct Hostile {
    root: PathBuf,
    /// Files that must be indexed and found by their marker word: (marker, file name).
    normal: Vec<(String, String)>,
    /// Problems that must be reported exactly once: (path suffix, words of the reason).
    problems: Vec<(String, &'static str)>,
    /// Files read with a warning: (path suffix, words of the message).
    warnings: Vec<(String, &'static str)>,
    /// How many articles the index must hold.
    articles: usize,
}

fn build_hostile(root: &Path) -> Hostile {
    let paragraphs = seed_paragraphs();
    std::fs::create_dir_all(root).unwrap();
    let mut h = Hostile {
        root: root.to_path_buf(),
        normal: Vec::new(),
        problems: Vec::new(),
        warnings: Vec::new(),
        articles: 0,
    };
    let normal = |path: PathBuf, n: usize, h: &mut Hostile| {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, article_text(&paragraphs, n, 0)).unwrap();
        h.normal.push((
            marker(n),
            path.file_name().unwrap().to_string_lossy().into_owned(),
        ));
        h.articles += 1;
    };

    // Normal articles, at the top, in a folder named like an article, and at the bottom
    // of 100 nested folders.
    for n in 0..5 {
        normal(root.join(format!("normal{n}.txt")), n, &mut h);
    }
    normal(root.join("folder.txt").join("inside.md"), 5, &mut h);
    let mut deep = root.join("deep");
    for i in 0..DEPTH {
        deep = deep.join(format!("l{i}"));
    }
    normal(deep.join("bottom.txt"), 6, &mut h);

    // Two names that are not UTF-8 and would look the same decoded lossily ("caf�.txt").
    for (byte, n) in [(0xe9u8, 7), (0xe8u8, 8)] {
        let mut name = b"caf".to_vec();
        name.push(byte);
        name.extend_from_slice(b".txt");
        normal(root.join(OsStr::from_bytes(&name)), n, &mut h);
    }

    // Invalid UTF-8 content: read lossily, with one warning.
    std::fs::write(
        root.join("latin1.txt"),
        b"Caf\xe9 owners protest the new parking rules\n\nThe owners of the caf\xe9 said the marzipanworks would close on Monday.\n",
    )
    .unwrap();
    h.articles += 1;
    h.warnings.push(("latin1.txt".into(), "not valid UTF-8"));

    // Binary files.
    std::fs::write(root.join("nul.txt"), b"Title\n\nText with a NUL \0 byte.\n").unwrap();
    h.problems.push(("nul.txt".into(), "binary file"));
    std::fs::write(
        root.join("image.txt"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0\x1f\x15\xc4\x89",
    )
    .unwrap();
    h.problems.push(("image.txt".into(), "binary file"));

    // Empty files.
    std::fs::write(root.join("empty.txt"), b"").unwrap();
    h.problems.push(("empty.txt".into(), "empty file"));
    std::fs::write(root.join("blank.md"), b"  \n\n\t\n").unwrap();
    h.problems.push(("blank.md".into(), "empty file"));

    // A 50 MB file (sparse), over the default 4 MiB limit.
    let big = std::fs::File::create(root.join("big.txt")).unwrap();
    big.set_len(50 * 1024 * 1024).unwrap();
    h.problems.push(("big.txt".into(), "too large"));

    // A symlink to an ancestor folder (a loop), one to itself, and a dangling one.
    std::fs::create_dir_all(root.join("loop")).unwrap();
    std::os::unix::fs::symlink("..", root.join("loop").join("up")).unwrap();
    h.problems.push(("loop/up".into(), "symlink loop"));
    std::os::unix::fs::symlink("self.txt", root.join("self.txt")).unwrap();
    h.problems.push(("self.txt".into(), "symlink"));
    std::os::unix::fs::symlink("no-such-file.txt", root.join("dangling.txt")).unwrap();
    h.problems.push(("dangling.txt".into(), "dangling symlink"));

    // A named pipe and a socket named like articles: reported, never opened (opening
    // the pipe would wait forever for a writer).
    let fifo = root.join("pipe.txt");
    match Command::new("mkfifo").arg(&fifo).status() {
        Ok(s) if s.success() => h.problems.push(("pipe.txt".into(), "not a regular file")),
        _ => eprintln!("mkfifo is not available: the named pipe case is not tested"),
    }
    let _socket = std::os::unix::net::UnixListener::bind(root.join("socket.md")).unwrap();
    h.problems.push(("socket.md".into(), "not a regular file"));

    // A file this user cannot read. Root reads everything, so then it is left out.
    if running_as_root() {
        eprintln!(
            "running as root: the unreadable-file case is not tested (root reads mode 000 files)"
        );
    } else {
        use std::os::unix::fs::PermissionsExt;
        let p = root.join("secret.txt");
        std::fs::write(
            &p,
            "Secret title\n\nSecret text that nobody may read today.\n",
        )
        .unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
        h.problems.push(("secret.txt".into(), "permission denied"));
    }

    // Files that are not articles are ignored silently.
    std::fs::write(root.join("photo.jpg"), b"\xff\xd8\xff\xe0\0\x10JFIF").unwrap();
    std::fs::write(root.join("notes"), b"no extension").unwrap();

    // Many tiny articles.
    let tiny = root.join("tiny");
    std::fs::create_dir_all(&tiny).unwrap();
    for i in 0..TINY_FILES {
        std::fs::write(
            tiny.join(format!("t{i:05}.txt")),
            format!("Note {i}: the council met on Tuesday.\n"),
        )
        .unwrap();
    }
    h.articles += TINY_FILES;
    h
}

fn index_cmd(sb: &Sandbox, index: &Path, args: &[&str]) -> Command {
    let mut c = sb.command();
    c.arg("--index").arg(index).args(args);
    c
}

fn strings(v: &serde_json::Value, key: &str) -> Vec<(String, String)> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["path"].as_str().unwrap().to_string(),
                e[key].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Every expected entry appears exactly once, and nothing else is reported.
fn assert_reported_once(
    what: &str,
    got: &[(String, String)],
    expected: &[(String, &'static str)],
    root: &Path,
) {
    for (suffix, words) in expected {
        let hits: Vec<&(String, String)> = got
            .iter()
            .filter(|(p, _)| p.ends_with(suffix.as_str()))
            .collect();
        assert_eq!(
            hits.len(),
            1,
            "{what}: {suffix} must be reported exactly once; got {got:#?}"
        );
        assert!(
            hits[0].1.contains(words),
            "{what}: {suffix} reported as {:?}, expected it to say {words:?}",
            hits[0].1
        );
        assert!(
            hits[0].0.starts_with(&root.display().to_string()),
            "{what}: the path {:?} does not name the file in the corpus",
            hits[0].0
        );
    }
    assert_eq!(
        got.len(),
        expected.len(),
        "{what}: unexpected extra reports: {got:#?}"
    );
}

#[test]
fn a_hostile_corpus_is_indexed_and_every_problem_is_reported_once() {
    let sb = Sandbox::new();
    let h = build_hostile(&sb.path("corpus"));
    let corpus = h.root.display().to_string();

    // --json: the summary lists each problem once.
    let out = output_within(
        index_cmd(&sb, &sb.index_dir(), &["index", "--json", &corpus]),
        LIMIT,
        "crosscheck index --json on the hostile corpus",
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("index --json");
    assert_eq!(v["indexed"], h.articles, "{}", v["skipped"]);
    assert_reported_once(
        "skipped",
        &strings(&v["skipped"], "reason"),
        &h.problems,
        &h.root,
    );
    assert_reported_once(
        "warnings",
        &strings(&v["warnings"], "message"),
        &h.warnings,
        &h.root,
    );

    // The normal articles are searchable, including the deep one, the one in a folder
    // named like an article and both names that are not UTF-8.
    for (word, file) in &h.normal {
        let r = sb.json(&["search", word, &corpus, "--json"]);
        let names = file_names(&r["hits"]);
        assert_eq!(names.len(), 1, "{word}: {names:?}");
        if file.is_ascii() {
            assert_eq!(&names[0], file);
        } else {
            // The stored path keeps the undecodable byte visible, so the two names differ.
            assert!(names[0].contains("\\xE"), "{names:?}");
        }
    }
    let r = sb.json(&["search", "marzipanworks", &corpus, "--json"]);
    assert_eq!(file_names(&r["hits"]), vec!["latin1.txt"]);
    let r = sb.json(&["search", "council", &corpus, "--json"]);
    assert_eq!(r["total"], TINY_FILES);

    // Plain text: one line on stderr per problem, and a summary on stdout.
    let out = output_within(
        index_cmd(&sb, &sb.path("index-text"), &["index", &corpus]),
        LIMIT,
        "crosscheck index on the hostile corpus",
    );
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    for (suffix, words) in &h.problems {
        let lines: Vec<&str> = stderr
            .lines()
            .filter(|l| l.starts_with("crosscheck: skipped ") && l.contains(suffix.as_str()))
            .collect();
        assert_eq!(lines.len(), 1, "{suffix}: {stderr}");
        assert!(lines[0].contains(words), "{}", lines[0]);
    }
    let warned: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("crosscheck: warning: "))
        .collect();
    assert_eq!(warned.len(), 1, "{stderr}");
    assert!(warned[0].contains("latin1.txt"));
    assert!(
        stdout.starts_with(&format!(
            "indexed {}, unchanged 0, removed 0, skipped {}",
            h.articles,
            h.problems.len()
        )),
        "{stdout}"
    );

    // An update reports the problems again, once each, and re-indexes nothing.
    let out = output_within(
        index_cmd(&sb, &sb.index_dir(), &["index", "--json", &corpus]),
        LIMIT,
        "crosscheck index --json, second run",
    );
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["indexed"], 0);
    assert_eq!(v["removed"], 0);
    assert_eq!(v["unchanged"], h.articles);
    assert_reported_once(
        "skipped",
        &strings(&v["skipped"], "reason"),
        &h.problems,
        &h.root,
    );
}

#[test]
fn a_named_pipe_given_on_the_command_line_is_reported_not_opened() {
    let sb = Sandbox::new();
    let fifo = sb.path("pipe.txt");
    if !Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        eprintln!("mkfifo is not available: skipping");
        return;
    }
    let out = output_within(
        index_cmd(
            &sb,
            &sb.index_dir(),
            &["index", "--json", &fifo.display().to_string()],
        ),
        Duration::from_secs(30),
        "crosscheck index on a named pipe",
    );
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let skipped = strings(&v["skipped"], "reason");
    assert_eq!(skipped.len(), 1, "{skipped:?}");
    assert!(skipped[0].1.contains("not a regular file"), "{skipped:?}");
}

fn write_config(sb: &Sandbox, text: &str) -> String {
    let p = sb.path("limits.toml");
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

#[test]
fn configured_limits_say_so_when_they_are_hit() {
    let sb = Sandbox::new();
    let corpus = sb.path("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    // Five small articles and one of 3,000 bytes.
    for n in 0..5 {
        std::fs::write(
            corpus.join(format!("small{n}.txt")),
            format!(
                "Small article number {n}\n\nThe council met today and voted on {} proposals.\n",
                marker(n)
            ),
        )
        .unwrap();
    }
    std::fs::write(
        corpus.join("large.txt"),
        format!(
            "A large article\n\n{}\n",
            "The council met again today. ".repeat(100)
        ),
    )
    .unwrap();
    let config = write_config(&sb, "max_file_bytes = 2000\nmax_articles = 3\n");
    let c = corpus.display().to_string();

    let out = sb.run(&["--config", &config, "index", "--json", &c]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["indexed"], 3);
    let skipped = strings(&v["skipped"], "reason");
    let large: Vec<_> = skipped
        .iter()
        .filter(|(p, _)| p.ends_with("large.txt"))
        .collect();
    assert_eq!(large.len(), 1, "{skipped:?}");
    assert!(
        large[0].1.contains("too large") && large[0].1.contains("the limit is 2000 bytes"),
        "{:?}",
        large[0]
    );
    assert!(large[0].1.contains("max_file_bytes"), "{:?}", large[0]);
    let over: Vec<_> = skipped
        .iter()
        .filter(|(_, r)| r.contains("over the article limit of 3"))
        .collect();
    assert_eq!(over.len(), 2, "{skipped:?}");
    assert!(over.iter().all(|(_, r)| r.contains("max_articles")));

    // The same in plain text, on stderr and in the summary.
    let out = sb
        .command()
        .args(["--index", &sb.path("index-text").display().to_string()])
        .args(["--config", &config, "index", &c])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stderr
            .lines()
            .filter(|l| l.contains("large.txt: too large"))
            .count(),
        1,
        "{stderr}"
    );
    assert_eq!(
        stderr
            .lines()
            .filter(|l| l.contains("over the article limit of 3 per run"))
            .count(),
        2,
        "{stderr}"
    );
    assert!(stdout.contains("skipped 1: too large"), "{stdout}");
    assert!(
        stdout.contains("skipped 2: over the article limit of 3 per run"),
        "{stdout}"
    );
}

#[test]
fn a_file_that_changes_after_the_scan_is_reported_or_read_fresh() {
    use crosscheck::corpus::{Limits, read_text, scan};

    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    std::fs::create_dir_all(&root).unwrap();
    let names = [
        "deleted",
        "rewritten",
        "grown",
        "piped",
        "foldered",
        "emptied",
    ];
    for name in names {
        std::fs::write(
            root.join(format!("{name}.txt")),
            format!("The {name} article\n\nThe original text of the {name} article.\n"),
        )
        .unwrap();
    }
    let limits = Limits {
        max_file_bytes: 1000,
        ..Limits::default()
    };
    let found = scan(std::slice::from_ref(&root), &limits);
    assert!(found.skipped.is_empty(), "{:?}", found.skipped);
    let entry = |name: &str| -> PathBuf {
        found
            .files
            .iter()
            .find(|f| f.display.ends_with(&format!("/{name}.txt")))
            .unwrap_or_else(|| panic!("{name} was not found by the scan"))
            .path
            .clone()
    };
    assert_eq!(found.files.len(), names.len());

    // Changed between the scan and the read.
    std::fs::remove_file(entry("deleted")).unwrap();
    std::fs::write(
        entry("rewritten"),
        "The rewritten article\n\nA brand new text replaced the original.\n",
    )
    .unwrap();
    std::fs::write(entry("grown"), "x".repeat(5000)).unwrap();
    std::fs::remove_file(entry("piped")).unwrap();
    let has_mkfifo = Command::new("mkfifo")
        .arg(entry("piped"))
        .status()
        .is_ok_and(|s| s.success());
    std::fs::remove_file(entry("foldered")).unwrap();
    std::fs::create_dir(entry("foldered")).unwrap();
    std::fs::write(entry("emptied"), "").unwrap();

    let err = read_text(&entry("deleted"), &limits).unwrap_err();
    assert!(err.contains("vanished"), "{err}");
    let t = read_text(&entry("rewritten"), &limits).unwrap();
    assert!(t.text.contains("brand new text"), "{}", t.text);
    let err = read_text(&entry("grown"), &limits).unwrap_err();
    assert!(err.contains("too large"), "{err}");
    let err = read_text(&entry("foldered"), &limits).unwrap_err();
    assert!(err.contains("not a regular file"), "{err}");
    let err = read_text(&entry("emptied"), &limits).unwrap_err();
    assert!(err.contains("empty"), "{err}");
    if has_mkfifo {
        // Reading must not wait for a writer that never comes.
        let p = entry("piped");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(read_text(&p, &limits));
        });
        let r = rx
            .recv_timeout(Duration::from_secs(10))
            .expect("read_text blocked on a named pipe");
        let err = r.unwrap_err();
        assert!(err.contains("not a regular file"), "{err}");
    }

    // Through the binary: the index follows the changes on the next run.
    let sb = Sandbox::new();
    let c = root.display().to_string();
    let config = write_config(&sb, "max_file_bytes = 1000\n");
    let v = sb.json(&["--config", &config, "index", "--json", &c]);
    assert_eq!(v["indexed"], 1, "{v}");
    let skipped: BTreeMap<String, String> = strings(&v["skipped"], "reason")
        .into_iter()
        .map(|(p, r)| {
            (
                Path::new(&p)
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                r,
            )
        })
        .collect();
    assert!(skipped["grown.txt"].contains("too large"), "{skipped:?}");
    assert!(skipped["emptied.txt"].contains("empty"), "{skipped:?}");
    if has_mkfifo {
        assert!(
            skipped["piped.txt"].contains("not a regular file"),
            "{skipped:?}"
        );
    }
    assert!(!skipped.contains_key("deleted.txt"), "{skipped:?}");
    let r = sb.json(&["search", "\"brand new text\"", &c, "--json"]);
    assert_eq!(file_names(&r["hits"]), vec!["rewritten.txt"]);
}
