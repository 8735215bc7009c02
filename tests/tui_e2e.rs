//! End to end: the real binary in a real terminal (tmux), on the seeds. It opens, searches,
//! shows the findings view and quits with exit code 0, leaving no tmux session behind.
//! Synchronisation is by polling the screen text against a deadline, never by sleeping.
//! Skipped, with a message, when tmux is not installed (`.ci/run` installs it).

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::tmux::{DEADLINE, Tmux, quote};

fn wait_for_file(path: &Path) -> String {
    let start = Instant::now();
    loop {
        if let Ok(s) = std::fs::read_to_string(path)
            && s.ends_with('\n')
        {
            return s;
        }
        assert!(
            start.elapsed() < DEADLINE,
            "{} never appeared",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(25));
    }
}

/// The reader on `corpus`, with its XDG folders and index under `dir`.
fn reader_command(dir: &Path, corpus: &Path) -> String {
    let p = |rel: &str| -> PathBuf { dir.join(rel) };
    format!(
        "env -u NO_COLOR XDG_CONFIG_HOME={} XDG_CACHE_HOME={} XDG_DATA_HOME={} HOME={} {} --index {} read {}",
        quote(&p("config")),
        quote(&p("cache")),
        quote(&p("data")),
        quote(dir),
        quote(Path::new(env!("CARGO_BIN_EXE_crosscheck"))),
        quote(&p("index")),
        quote(corpus),
    )
}

#[test]
fn the_reader_opens_searches_shows_findings_and_quits() {
    if !common::tmux::available() {
        eprintln!(
            "tmux is not installed: skipping the end-to-end reader test (.ci/run installs it)"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let p = |rel: &str| -> PathBuf { dir.path().join(rel) };
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let exit_file = p("exit");
    let command = format!(
        "{}; echo EXIT=$? > {}",
        reader_command(dir.path(), &seeds),
        quote(&exit_file)
    );
    let tmux = Tmux::new(dir.path(), "e2e");
    tmux.start(100, 30, &command);

    // It opens on the library (after indexing the seeds).
    tmux.wait_for(&["1 Library", "5 articles", "Police Chiefs to Trump"]);

    // It searches as you type, and Enter opens the hit at the match.
    tmux.send(&["/"]);
    tmux.wait_for(&["Type to search"]);
    tmux.type_text("McBride");
    tmux.wait_for(&[
        "1 result for",
        "Washington Examiner",
        "Sarah McBride (D-DE)",
    ]);
    tmux.send(&["Enter"]);
    tmux.wait_for(&["match 1/", "Sarah McBride"]);

    // The findings view.
    tmux.send(&["4"]);
    let screen = tmux.wait_for(&["Conflicts, figures that moved", "Corroborations ("]);
    // The headline finding: the figure that moved from about 650 to 1,255.
    assert!(
        screen.contains("650") && screen.contains("1,255"),
        "{screen}"
    );

    // q quits with exit code 0, and the session ends with the program.
    tmux.send(&["q"]);
    assert_eq!(wait_for_file(&exit_file).trim(), "EXIT=0");
    let start = Instant::now();
    while tmux.alive() {
        assert!(
            start.elapsed() < DEADLINE,
            "the tmux session outlived the reader"
        );
        std::thread::sleep(Duration::from_millis(25));
    }
}

#[test]
fn a_file_saved_while_the_reader_is_open_is_indexed_and_found() {
    if !common::tmux::available() {
        eprintln!("tmux is not installed: skipping (.ci/run installs it)");
        return;
    }
    let sb = common::Sandbox::new();
    let corpus = sb.copy_seeds();
    let tmux = Tmux::new(sb.dir.path(), "watch");
    tmux.start(100, 30, &reader_command(sb.dir.path(), &corpus));
    tmux.wait_for(&["1 Library", "5 articles"]);
    // A new article appears in the folder: the library takes it in without a key.
    std::fs::write(
        corpus.join("zz-new.txt"),
        "Zygomorphic orchids bloom early\n\nThe zygomorphic orchids bloomed two weeks early this spring, growers said.\n",
    )
    .unwrap();
    tmux.wait_for(&["6 articles", "Zygomorphic orchids bloom early"]);
    tmux.send(&["/"]);
    tmux.type_text("zygomorphic");
    tmux.wait_for(&["1 result for"]);
    tmux.send(&["Escape", "q"]);
}
