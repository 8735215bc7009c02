//! Pathological inputs must stay linear: builds hostile article files in memory (a 10 MB
//! single line, a quotation left open across 10,000 paragraphs, 100,000 digits in a row,
//! deeply nested brackets, a megabyte of nothing but quote marks), runs `parse_article`
//! and `claims::extract` on each at full and half size, and prints time, the ratio of the
//! two times (about 2 when linear), the claims found and the peak memory.
//!
//! Each case runs in a child process of this example (`--case NAME N`), so every peak
//! RSS (VmHWM) is the case's own and a stack overflow shows as a crashed row.
//!
//! cargo run --release --example pathological
//! cargo run --release --example pathological -- --only digits

use std::process::Command;
use std::time::{Duration, Instant};

use crosscheck::claims;
use crosscheck::corpus;

/// (name, full-size parameter, what the parameter counts).
const CASES: &[(&str, usize, &str)] = &[
    ("long_line", 10_000_000, "bytes on one line, with sentences"),
    (
        "long_sentence",
        10_000_000,
        "bytes on one line, no full stop",
    ),
    (
        "unclosed",
        10_000,
        "paragraphs, each opening a quote never closed",
    ),
    (
        "digits",
        100_000,
        "digits in a row (plain, grouped, decimal)",
    ),
    ("brackets", 1_000, "nested ( and [ with words"),
    ("brackets_deep", 100_000, "nested ( and [ with words"),
    ("quote_marks", 1_000_000, "bytes of quote marks on one line"),
    (
        "quote_lines",
        1_000_000,
        "bytes of quote marks in short paragraphs",
    ),
];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() >= 4 && args[1] == "--case" {
        let n: usize = args[3].parse().expect("size");
        child(&args[2], n);
        return;
    }
    let only = match args.get(1).map(String::as_str) {
        Some("--only") => args.get(2).cloned(),
        _ => None,
    };
    let exe = std::env::current_exe().expect("own path");
    println!(
        "{:<14} {:>10} {:>10} {:>10} {:>7} {:>8} {:>8} {:>9}  note",
        "input", "size", "body", "time", "ratio", "quotes", "stats", "peak RSS"
    );
    for &(name, full, what) in CASES {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let mut half_time = None;
        for n in [full / 2, full] {
            let out = Command::new(&exe)
                .args(["--case", name, &n.to_string()])
                .output()
                .expect("spawn child");
            let line = String::from_utf8_lossy(&out.stdout);
            let fields: Vec<&str> = line.split_whitespace().collect();
            if !out.status.success() || fields.len() != 7 {
                println!(
                    "{name:<14} n={n}: CRASHED ({}) {}",
                    out.status,
                    String::from_utf8_lossy(&out.stderr)
                        .lines()
                        .last()
                        .unwrap_or("")
                );
                continue;
            }
            let size: usize = fields[0].parse().unwrap();
            let body: usize = fields[1].parse().unwrap();
            let secs: f64 = fields[2].parse().unwrap();
            let ratio = match half_time {
                Some(h) if n == full => format!("{:.2}", secs / h),
                _ => "-".to_string(),
            };
            half_time = Some(secs);
            println!(
                "{:<14} {:>10} {:>10} {:>10} {:>7} {:>8} {:>8} {:>9}  {}{}",
                name,
                human(size),
                human(body),
                format!("{:.2} ms", secs * 1e3),
                ratio,
                fields[3],
                fields[4],
                format!("{:.1} MB", fields[5].parse::<f64>().unwrap() / 1024.0),
                if n == full { what } else { "half size" },
                if fields[6] == "ok" {
                    ""
                } else {
                    "  INVARIANT BROKEN"
                },
            );
        }
    }
}

fn human(bytes: usize) -> String {
    if bytes >= 1 << 20 {
        format!("{:.1} MB", bytes as f64 / (1 << 20) as f64)
    } else if bytes >= 1 << 10 {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    } else {
        format!("{bytes} B")
    }
}

/// Runs one case; prints `size body_len seconds quotes statistics vmhwm_kb ok|bad`.
fn child(name: &str, n: usize) {
    let text = build(name, n);
    // Small inputs are repeated for a stable time; the fastest run counts.
    let began = Instant::now();
    let mut best = Duration::MAX;
    let mut result = None;
    while result.is_none() || (began.elapsed() < Duration::from_millis(300)) {
        let t = Instant::now();
        let article = corpus::parse_article("pathological.txt", &text);
        let claims = claims::extract(&article.body);
        best = best.min(t.elapsed());
        result = Some((article, claims));
    }
    let (article, claims) = result.unwrap();
    let ok = invariants_hold(&article.body, &claims);
    println!(
        "{} {} {:.6} {} {} {} {}",
        text.len(),
        article.body.len(),
        best.as_secs_f64(),
        claims.quotes.len(),
        claims.statistics.len(),
        vm_hwm_kb(),
        if ok { "ok" } else { "bad" }
    );
}

fn invariants_hold(body: &str, c: &claims::Claims) -> bool {
    let span_ok = |s: usize, e: usize, text: &str| {
        s <= e
            && e <= body.len()
            && body.is_char_boundary(s)
            && body.is_char_boundary(e)
            && &body[s..e] == text
    };
    c.quotes.iter().all(|q| span_ok(q.start, q.end, &q.text))
        && c.statistics
            .iter()
            .all(|s| span_ok(s.start, s.end, &s.text))
}

/// Peak resident set size of this process, in KiB (0 where /proc is missing).
fn vm_hwm_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

/// A small deterministic generator (no dependency, same input every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

fn build(name: &str, n: usize) -> String {
    match name {
        "long_line" => repeat_to(
            "Officials said “the figure rose 12.5% to $1,200 in March,” Ann Smith said. About 40 people, according to police, left. ",
            n,
        ),
        "long_sentence" => repeat_to(
            "officials said “the figure rose 12,5 to $1,200 in March,” Ann Smith said, with about 40 people and “more” according to police ",
            n,
        ),
        "unclosed" => {
            let mut s = String::from("A headline for a story that never closes its quote\n\n");
            for i in 0..n {
                s.push_str(&format!(
                    "“Paragraph {i} of the quotation goes on with 12 people and 3.5% more, said Ann Smith of the council\n\n"
                ));
            }
            s
        }
        "digits" => {
            let mut s = String::from("A headline about a very long number\n\n");
            s.push_str("The total was ");
            s.extend((0..n).map(|i| char::from(b'0' + (i % 10) as u8)));
            s.push_str(" people counted in the survey this year.\n\n");
            s.push_str("The grouped total was $1");
            for i in 0..n / 3 {
                s.push(',');
                s.push_str(["234", "567", "890"][i % 3]);
            }
            s.push_str(" million in the survey this year.\n\n");
            s.push_str("The rate was 0.");
            s.extend((0..n).map(|i| char::from(b'0' + (i % 7) as u8)));
            s.push_str("% of the people counted this year.\n\n");
            s
        }
        "brackets" | "brackets_deep" => {
            let mut s = String::from("Ann Smith said the plan ");
            for i in 0..n {
                s.push(if i % 2 == 0 { '(' } else { '[' });
                s.push_str(match i % 5 {
                    0 => "word ",
                    1 => "12 people ",
                    2 => "“said Ann” ",
                    3 => "Rep. Jo Lee said ",
                    _ => "",
                });
            }
            s.push_str("$5 million");
            for i in (0..n).rev() {
                s.push(if i % 2 == 0 { ')' } else { ']' });
            }
            s.push_str(" would cost 40% more, she said.\n");
            s
        }
        "quote_marks" | "quote_lines" => {
            const MARKS: &[&str] = &[
                "\"", "“", "”", "‘", "’", "'", "`", "''", "``", "«", "»", "„",
            ];
            let mut rng = Lcg(7);
            let mut s = String::with_capacity(n + 8);
            let mut line = 0;
            while s.len() < n {
                let m = MARKS[rng.next() % MARKS.len()];
                s.push_str(m);
                line += m.len();
                if name == "quote_lines" && line >= 60 {
                    s.push_str("”\n\n");
                    line = 0;
                }
            }
            s.push('”');
            s
        }
        _ => panic!("unknown case {name}"),
    }
}

/// `unit` repeated up to about `n` bytes, on one line.
fn repeat_to(unit: &str, n: usize) -> String {
    let mut s = unit.repeat(n / unit.len() + 1);
    let mut cut = n.min(s.len());
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    s
}
