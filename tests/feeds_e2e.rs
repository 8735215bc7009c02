//! End to end with feeds: a feed served on 127.0.0.1 by the test, fetched by the real
//! binary, then read in a real terminal (tmux): the Feeds view, a feed's articles, the
//! article's address opened by `$BROWSER` (as one argument), and `R` fetching a revised
//! story in the background. Skipped, with a message, when tmux is not installed.

mod common;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::http::{Reply, Request, Server};
use common::tmux::{DEADLINE, Tmux, quote};

fn page(figure: u32) -> String {
    format!(
        "<html><head><title>Bridge closed | Valley Post</title><meta property=\"og:site_name\" content=\"Valley Post\"></head><body><nav>Home News</nav><article>\
         <p>Engineers closed the river bridge on Tuesday after finding {figure} cracks in its main span, the county said.</p>\
         <p>\"Nobody will cross it until it is safe,\" said county engineer Maria Lopez at the site.</p>\
         <p>Traffic was diverted through the northern villages, adding about twenty minutes to most journeys, drivers said.</p>\
         <p>The bridge carries some 14,000 vehicles a day and was last inspected two years ago, records show.</p></article></body></html>"
    )
}

#[test]
fn a_fetched_feed_is_read_opened_in_the_browser_and_reloaded() {
    if !common::tmux::available() {
        eprintln!(
            "tmux is not installed: skipping the feeds end-to-end test (.ci/run installs it)"
        );
        return;
    }
    let figure = Arc::new(Mutex::new(3u32));
    let base = Arc::new(Mutex::new(String::new()));
    let server = {
        let (figure, base) = (figure.clone(), base.clone());
        Server::start(move |r: &Request| {
            let b = base.lock().unwrap().clone();
            let f = *figure.lock().unwrap();
            match r.path.as_str() {
                "/feed.xml" => Reply::ok(
                    "application/rss+xml",
                    format!(
                        "<rss version=\"2.0\"><channel><title>Valley Post</title><item><title>Bridge closed after cracks found</title><link>{b}/bridge.html</link><guid>bridge-1</guid><description>Cracks: {f}</description></item></channel></rss>"
                    ),
                ),
                "/bridge.html" => Reply::ok("text/html", page(f)),
                _ => Reply::status(404),
            }
        })
    };
    *base.lock().unwrap() = server.base.clone();

    let dir = tempfile::tempdir().unwrap();
    let p = |rel: &str| -> PathBuf { dir.path().join(rel) };
    let bin = Path::new(env!("CARGO_BIN_EXE_crosscheck"));
    let run = |args: &[&str]| {
        let out = std::process::Command::new(bin)
            .env("XDG_CONFIG_HOME", p("config"))
            .env("XDG_CACHE_HOME", p("cache"))
            .env("XDG_DATA_HOME", p("data"))
            .env("HOME", dir.path())
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(&[
        "feeds",
        "add",
        &server.url("/feed.xml"),
        "--name",
        "Valley Post feed",
    ]);
    run(&["fetch"]);

    // $BROWSER is a script that writes each argument it gets on a line of its own.
    let browser = p("browser.sh");
    let opened = p("opened.txt");
    std::fs::write(
        &browser,
        format!(
            "#!/bin/sh\nfor a in \"$@\"; do echo \"ARG:$a\" >> {}; done\n",
            quote(&opened)
        ),
    )
    .unwrap();
    std::fs::set_permissions(
        &browser,
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .unwrap();

    let command = format!(
        "env -u NO_COLOR XDG_CONFIG_HOME={} XDG_CACHE_HOME={} XDG_DATA_HOME={} HOME={} BROWSER={} {}; echo EXIT=$? > {}",
        quote(&p("config")),
        quote(&p("cache")),
        quote(&p("data")),
        quote(dir.path()),
        quote(&browser),
        quote(bin),
        quote(&p("exit")),
    );
    let tmux = Tmux::new(dir.path(), "feeds");
    tmux.start(110, 30, &command);
    tmux.wait_for(&["1 Library", "Bridge closed after cracks found"]);

    tmux.send(&["7"]);
    tmux.wait_for(&["7 Feeds", "Valley Post feed", "1 feeds, 1 unread"]);
    tmux.send(&["Enter"]);
    tmux.wait_for(&["filter: 127.0.0.1_", "(1 shown)"]);
    tmux.send(&["Enter"]);
    tmux.wait_for(&[
        "Valley Post · via Valley Post feed",
        "O open http://127.0.0.1",
    ]);
    tmux.send(&["O"]);
    tmux.wait_for(&["opened http://127.0.0.1"]);
    let start = Instant::now();
    while !std::fs::read_to_string(&opened).is_ok_and(|s| s.ends_with('\n')) {
        assert!(start.elapsed() < DEADLINE, "the browser was never started");
        std::thread::sleep(Duration::from_millis(25));
    }
    assert_eq!(
        std::fs::read_to_string(&opened).unwrap(),
        format!("ARG:{}\n", server.url("/bridge.html")),
        "the address is one argument"
    );

    // The story is revised; R fetches it in the background and the reader says what changed.
    *figure.lock().unwrap() = 5;
    tmux.send(&["R"]);
    tmux.wait_for(&["0 new, 1 updated"]);
    tmux.send(&["1"]);
    tmux.send(&["Enter"]);
    tmux.wait_for(&["revised: 1 figure changed (3 → 5", "finding 5 cracks"]);
    // The Findings view lists it as an `edited` finding; Enter opens the article.
    tmux.send(&["4"]);
    tmux.wait_for(&[
        "Edited: fetched articles revised since an earlier version (1)",
        "1 figure changed (3 → 5",
    ]);
    // E in the article writes its story's report and says where.
    tmux.send(&["3"]);
    tmux.send(&["E"]);
    tmux.wait_for(&["wrote ", "/exports/story-"]);
    let exports: Vec<PathBuf> = std::fs::read_dir(p("data/crosscheck/exports"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(exports.len(), 1);
    let report = std::fs::read_to_string(&exports[0]).unwrap();
    assert!(report.starts_with("# crosscheck report"), "{report}");
    assert!(
        report.contains("Bridge closed after cracks found") && report.contains("Maria Lopez"),
        "{report}"
    );
    tmux.send(&["q"]);
    let start = Instant::now();
    while !std::fs::read_to_string(p("exit")).is_ok_and(|s| s.ends_with('\n')) {
        assert!(start.elapsed() < DEADLINE, "the reader did not quit");
        std::thread::sleep(Duration::from_millis(25));
    }
    assert_eq!(std::fs::read_to_string(p("exit")).unwrap().trim(), "EXIT=0");
}
