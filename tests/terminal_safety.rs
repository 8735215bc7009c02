//! Terminal safety: an article whose title and text carry escape sequences (CSI colour,
//! screen clear and cursor moves, OSC 0/2 title changes, OSC 52 clipboard writes, 8-bit
//! CSI), BEL, backspaces, carriage returns and bidirectional controls never acts on the
//! terminal. End to end in tmux: the reader (library, article, raw view) and the `index`,
//! `search` and `claims` commands printing to the terminal leave the pane title and the
//! clipboard alone, clear nothing, colour nothing red, and show the inert stand-ins
//! (␛, ␇, ␈, ␍, �) instead. Without a terminal, `--json` output stays valid JSON with the
//! controls escaped and plain output carries no raw control bytes.
//!
//! The tmux test is skipped, with a message, when tmux is not installed (`.ci/run`
//! installs it). A canary pane first checks that this tmux does act on the sequences, so
//! the assertions are not vacuous.

mod common;

use std::path::{Path, PathBuf};

use common::Sandbox;
use common::tmux::{Tmux, quote};

const ESC: char = '\x1b';
const BEL: char = '\x07';

/// The hostile article: every paragraph has plain words on both sides of its attack, so
/// the screen shows whether anything was cleared or overwritten.
fn hostile_article() -> String {
    let title = format!(
        "Harbor Council Votes {ESC}]0;PWNED{BEL} On The Ferry {ESC}[31mBudget{ESC}[0m Plan"
    );
    let paragraphs = [
        format!(
            "The harbor council met on Tuesday and said {ESC}[31mRED ALERT{ESC}[0m the ferry budget would rise by 12 percent this year."
        ),
        format!(
            "Before the clear {ESC}[2J{ESC}[H after the clear the council approved 40 new benches for the waterfront park."
        ),
        format!(
            "Cursor games {ESC}[10;10H{ESC}[5A{ESC}[2K here, and the mayor said 300 residents attended the meeting."
        ),
        format!(
            "A title change {ESC}]2;PWNED{ESC}\\ sat in this sentence, which also mentions 75 parking spaces."
        ),
        format!(
            "“We will not be silenced {ESC}]52;c;SGVsbG8={BEL} by anyone,” said Mayor Jane Doe, who leads 14 departments."
        ),
        format!(
            "A bell {BEL} rang and back\x08\x08\x08spaces and a carriage\rOVERWRITE return appear in this 9 item list."
        ),
        "Bidi tricks \u{202e}evil\u{202c} and isolates \u{2066}a\u{2067}b\u{2068}c\u{2069} end here with 5 examples."
            .to_string(),
        "An eight-bit CSI \u{9b}31m stays inert in this sentence about 6 ferries.".to_string(),
    ];
    format!("{title}\n\n{}\n", paragraphs.join("\n\n"))
}

/// A corpus with the hostile article, and an empty file whose name is itself an attack
/// (so `index` reports it by name).
fn hostile_corpus(dir: &Path) -> PathBuf {
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(corpus.join("hostile.txt"), hostile_article()).unwrap();
    std::fs::write(corpus.join(format!("evil{ESC}]2;PWNED{BEL}.txt")), "").unwrap();
    corpus
}

/// Bytes and characters that must never reach a terminal from article text.
fn raw_controls(s: &str) -> Vec<char> {
    s.chars()
        .filter(|&c| {
            matches!(c, '\x00'..='\x08' | '\x0b'..='\x1f' | '\x7f' | '\u{80}'..='\u{9f}')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

#[test]
fn json_output_escapes_the_controls_and_plain_output_has_none() {
    let sb = Sandbox::new();
    let corpus = hostile_corpus(sb.dir.path());
    let c = corpus.display().to_string();

    let index = sb.run(&["index", &c]);
    assert_eq!(index.status.code(), Some(0));
    for (what, bytes) in [
        ("index stdout", &index.stdout),
        ("index stderr", &index.stderr),
    ] {
        let s = String::from_utf8_lossy(bytes);
        assert!(raw_controls(&s).is_empty(), "{what}: {s:?}");
    }
    assert!(
        String::from_utf8_lossy(&index.stderr).contains("evil␛]2;PWNED␇.txt: empty file"),
        "{}",
        String::from_utf8_lossy(&index.stderr)
    );

    // --json: valid, with C0 controls escaped, and the text itself kept for scripts.
    for args in [
        vec!["search", "ferry", "--json"],
        vec!["claims", "--json"],
        vec!["conflicts", "--json"],
        vec!["index", "--json"],
    ] {
        let mut a = args.clone();
        a.push(&c);
        let out = sb.run(&a);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(
            !out.stdout
                .iter()
                .any(|&b| b < 0x20 && b != b'\n' && b != b' '),
            "{args:?}: a raw C0 control byte in JSON output"
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{args:?}: not JSON ({e})"));
        if args[0] == "claims" {
            let a = &v["articles"][0];
            assert!(a["title"].as_str().unwrap().contains("\x1b]0;PWNED\x07"));
            assert!(a["body"].as_str().unwrap().contains("\x1b[2J"));
            assert!(
                a["quotes"][0]["text"]
                    .as_str()
                    .unwrap()
                    .contains("\x1b]52;c;SGVsbG8=\x07")
            );
        }
        if args[0] == "search" {
            assert_eq!(v["total"], 1);
            assert!(v["hits"][0]["title"].as_str().unwrap().contains('\x1b'));
        }
    }

    // Plain text through a pipe: no raw controls, the stand-ins instead.
    for args in [
        vec!["search", "ferry"],
        vec!["search", "alert"],
        vec!["claims"],
        vec!["conflicts"],
        vec!["read"],
    ] {
        let mut a = args.clone();
        a.push(&c);
        let out = sb.run(&a);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(raw_controls(&stdout).is_empty(), "{args:?}: {stdout:?}");
        assert!(raw_controls(&stderr).is_empty(), "{args:?}: {stderr:?}");
        if args[0] == "claims" {
            for inert in ["␛]0;PWNED␇", "␛[31mBudget␛[0m", "␛]52;c;SGVsbG8=␇"] {
                assert!(stdout.contains(inert), "{inert} missing: {stdout}");
            }
        }
        if args[0] == "search" {
            assert!(
                stdout.contains("Harbor Council Votes ␛]0;PWNED␇"),
                "{stdout}"
            );
        }
    }
}

#[test]
fn json_output_escapes_c1_controls_too() {
    let sb = Sandbox::new();
    let corpus = hostile_corpus(sb.dir.path());
    let c = corpus.display().to_string();
    for command in ["search", "claims", "conflicts"] {
        let mut a = vec![command];
        if command == "search" {
            a.push("ferry");
        }
        a.extend(["--json", &c]);
        let out = sb.run(&a);
        let s = String::from_utf8(out.stdout).unwrap();
        let raw = raw_controls(&s);
        assert!(raw.is_empty(), "{command} --json prints raw {raw:?}");
    }
}

/// SGR sequences on a captured screen that set a red foreground (31, 91, or the palette's
/// red 1 and 9).
fn red_sgr(captured: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = captured;
    while let Some(i) = rest.find("\x1b[") {
        rest = &rest[i + 2..];
        let end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == ';' || c == ':'))
            .unwrap_or(rest.len());
        if rest[end..].starts_with('m') {
            let params: Vec<&str> = rest[..end].split([';', ':']).collect();
            let red = params.iter().any(|p| *p == "31" || *p == "91")
                || params
                    .windows(3)
                    .any(|w| w[0] == "38" && w[1] == "5" && (w[2] == "1" || w[2] == "9"));
            if red {
                out.push(rest[..end].to_string());
            }
        }
    }
    out
}

/// Checks that this tmux acts on the sequences the test looks for; otherwise the
/// assertions about them would prove nothing.
fn canary(dir: &Path) -> (bool, bool, bool) {
    let tmux = Tmux::new(dir, "canary");
    tmux.start(
        80,
        10,
        r"printf 'CANARY\n'; printf '\033]2;CANARYTITLE\033\\'; printf '\033]52;c;Q0FOQVJZ\007'; printf '\033[31mRED\033[0m\nDONE\n'; sleep 60",
    );
    tmux.wait_for(&["DONE"]);
    let title = tmux.pane_title() == "CANARYTITLE";
    let clipboard = tmux.buffer().as_deref() == Some("CANARY");
    let red = !red_sgr(&tmux.capture(true)).is_empty();
    (title, clipboard, red)
}

#[test]
fn hostile_text_never_acts_on_the_terminal() {
    if !common::tmux::available() {
        eprintln!("tmux is not installed: skipping the terminal safety test (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let p = |rel: &str| -> PathBuf { dir.path().join(rel) };
    let corpus = hostile_corpus(dir.path());

    let (title_works, clipboard_works, red_works) = canary(dir.path());
    if !(title_works && clipboard_works && red_works) {
        eprintln!(
            "this tmux ignores some sequences (title {title_works}, clipboard {clipboard_works}, colour {red_works}): those checks prove less"
        );
    }

    let cc = format!(
        "env NO_COLOR=1 XDG_CONFIG_HOME={} XDG_CACHE_HOME={} XDG_DATA_HOME={} HOME={} {} --index {}",
        quote(&p("config")),
        quote(&p("cache")),
        quote(&p("data")),
        quote(dir.path()),
        quote(Path::new(env!("CARGO_BIN_EXE_crosscheck"))),
        quote(&p("index")),
    );
    let c = quote(&corpus);
    let exit_file = p("exit");
    // The shell waits for Enter between the steps, so the test can look at each.
    let command = format!(
        "printf 'READY\\n'; read x; printf 'BEFORE-MARKER\\n'; {cc} index {c}; {cc} search ferry {c}; {cc} claims {c}; printf 'AFTER-MARKER\\n'; read x; {cc} read {c}; echo EXIT=$? > {}; printf 'SHELL-BACK\\n'; read x",
        quote(&exit_file)
    );
    let tmux = Tmux::new(dir.path(), "safety");
    tmux.start(160, 60, &command);
    tmux.wait_for(&["READY"]);
    tmux.set_pane_title("SAFE-TITLE");
    assert_eq!(tmux.pane_title(), "SAFE-TITLE");
    assert_eq!(tmux.buffer(), None);

    // The commands print to the terminal.
    tmux.send(&["Enter"]);
    let screen = tmux.wait_for(&["AFTER-MARKER"]);
    let colours = tmux.capture(true);
    for needle in [
        "BEFORE-MARKER",
        // index: the attacking file name, inert.
        "evil␛]2;PWNED␇.txt: empty file",
        // search: the title, inert.
        "Harbor Council Votes ␛]0;PWNED␇ On The Ferry ␛[31mBudget␛[0m Plan",
        // claims: the quotation with the clipboard write, inert.
        "We will not be silenced ␛]52;c;SGVsbG8=␇ by anyone",
    ] {
        assert!(
            screen.contains(needle),
            "{needle:?} is not on the screen:\n{screen}"
        );
    }
    assert_eq!(
        tmux.pane_title(),
        "SAFE-TITLE",
        "the commands changed the pane title"
    );
    assert_eq!(tmux.buffer(), None, "the commands wrote the clipboard");
    assert_eq!(
        red_sgr(&colours),
        Vec::<String>::new(),
        "red text:\n{colours}"
    );

    // The reader: the library, then the article (Enter opens the selected one).
    tmux.send(&["Enter"]);
    tmux.wait_for(&["1 Library", "Harbor Council Votes ␛]0;PWNED␇"]);
    tmux.send(&["Enter"]);
    // Waiting for every needle: a frame may be captured half drawn.
    tmux.wait_for(&[
        "said ␛[31mRED ALERT␛[0m the ferry",
        "Before the clear ␛[2J␛[H after the clear",
        "Cursor games ␛[10;10H␛[5A␛[2K here",
        "title change ␛]2;PWNED␛\\ sat",
        "silenced ␛]52;c;SGVsbG8=␇ by anyone",
        // The cleaner turns a carriage return into a space; the raw view shows it.
        "A bell ␇ rang and back␈␈␈spaces and a carriage OVERWRITE return",
        "Bidi tricks �evil� and isolates �a�b�c� end here",
        "eight-bit CSI �31m stays inert",
    ]);
    let colours = tmux.capture(true);
    assert_eq!(
        red_sgr(&colours),
        Vec::<String>::new(),
        "red text:\n{colours}"
    );
    assert_eq!(
        tmux.pane_title(),
        "SAFE-TITLE",
        "the reader changed the pane title"
    );
    assert_eq!(tmux.buffer(), None, "the reader wrote the clipboard");

    // The raw view shows the file as it is on disk: inert too.
    tmux.send(&["v"]);
    let raw = tmux.wait_for(&["␛]0;PWNED␇", "RED ALERT"]);
    assert!(
        raw.contains("Before the clear ␛[2J␛[H after the clear"),
        "{raw}"
    );
    let colours = tmux.capture(true);
    assert_eq!(
        red_sgr(&colours),
        Vec::<String>::new(),
        "red text:\n{colours}"
    );
    assert_eq!(
        tmux.pane_title(),
        "SAFE-TITLE",
        "the raw view changed the pane title"
    );
    assert_eq!(tmux.buffer(), None, "the raw view wrote the clipboard");

    // Quit: exit code 0, and the shell's screen is back with the earlier output intact.
    tmux.send(&["q"]);
    let screen = tmux.wait_for(&["SHELL-BACK"]);
    assert!(screen.contains("BEFORE-MARKER"), "{screen}");
    assert_eq!(
        std::fs::read_to_string(&exit_file).unwrap().trim(),
        "EXIT=0"
    );
    assert_eq!(tmux.pane_title(), "SAFE-TITLE");
    assert_eq!(tmux.buffer(), None);
}
