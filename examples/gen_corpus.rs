//! Generates a realistic benchmark corpus by recombining the paragraphs of a source
//! corpus: each article keeps a source article's headline and most of its paragraphs,
//! borrows a few from other articles (so shared passages occur, as with wire copy), and
//! has some of its figures changed (so conflicts and figures that moved occur).
//! Deterministic for a given `--seed`.
//!
//! cargo run --release --example gen_corpus -- --articles 100000 --out /tmp/gen100k \
//!     [--from ../shared/corpora/bbc-news] [--seed 1]

use std::path::PathBuf;

use crosscheck::corpus::{self, Limits};

/// A small deterministic generator (xorshift64*), so no dependency is needed.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// Changes some whole numbers in a paragraph by up to ±25%, keeping their format.
fn vary_numbers(text: &str, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(text.len());
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String, rng: &mut Rng| {
        if digits.is_empty() {
            return;
        }
        let plain: String = digits.chars().filter(|c| *c != ',').collect();
        let year_like = plain.len() == 4 && (plain.starts_with("19") || plain.starts_with("20"));
        match plain.parse::<u64>() {
            Ok(v) if v >= 5 && !year_like && rng.chance(30) => {
                let factor = 75 + rng.below(51) as u64;
                let nv = (v * factor / 100).max(1);
                if digits.contains(',') {
                    let s = nv.to_string();
                    let mut grouped = String::new();
                    for (i, c) in s.chars().enumerate() {
                        if i > 0 && (s.len() - i).is_multiple_of(3) {
                            grouped.push(',');
                        }
                        grouped.push(c);
                    }
                    out.push_str(&grouped);
                } else {
                    out.push_str(&nv.to_string());
                }
            }
            _ => out.push_str(digits),
        }
        digits.clear();
    };
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let in_number = c.is_ascii_digit()
            || (c == ','
                && !digits.is_empty()
                && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit()));
        if in_number {
            digits.push(c);
        } else {
            flush(&mut digits, &mut out, rng);
            out.push(c);
        }
    }
    flush(&mut digits, &mut out, rng);
    out
}

fn main() {
    let mut articles = 1000usize;
    let mut out = PathBuf::from("target/gen-corpus");
    let mut from = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"));
    let mut seed = 1u64;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < args.len() {
        let value = args.get(i + 1).cloned().unwrap_or_default();
        match args[i].as_str() {
            "--articles" => articles = value.parse().expect("--articles N"),
            "--out" => out = value.into(),
            "--from" => from = value.into(),
            "--seed" => seed = value.parse().expect("--seed N"),
            other => panic!("unknown argument {other}"),
        }
        i += 2;
    }
    let limits = Limits::default();
    let scan = corpus::scan(&[from.clone()], &limits);
    let sources: Vec<(String, Vec<String>)> = scan
        .files
        .iter()
        .filter_map(|f| corpus::read_text(&f.path, &limits).ok())
        .map(|t| corpus::parse_article("source", &t.text))
        .filter(|a| !a.body.is_empty())
        .map(|a| {
            let title = a.title.unwrap_or_else(|| "Untitled report".to_string());
            (title, a.body.split("\n\n").map(str::to_string).collect())
        })
        .collect();
    assert!(
        !sources.is_empty(),
        "no source articles in {}",
        from.display()
    );
    let mut bytes = 0usize;
    for n in 0..articles {
        let mut rng = Rng::new(seed ^ (n as u64).wrapping_mul(0x1000_0000_01B3));
        let (title, paras) = &sources[rng.below(sources.len())];
        let mut text = format!("{title}\n\n");
        for p in paras {
            if rng.chance(10) {
                continue;
            }
            let p = if rng.chance(12) {
                let (_, other) = &sources[rng.below(sources.len())];
                other[rng.below(other.len())].clone()
            } else {
                p.clone()
            };
            text.push_str(&vary_numbers(&p, &mut rng));
            text.push_str("\n\n");
        }
        let dir = out.join(format!("{:04}", n / 1000));
        if n % 1000 == 0 {
            std::fs::create_dir_all(&dir).expect("create output folder");
        }
        let path = dir.join(format!("{n:07}.txt"));
        std::fs::write(&path, &text).expect("write article");
        bytes += text.len();
    }
    println!(
        "wrote {articles} articles ({:.1} MB) from {} source articles in {} to {}",
        bytes as f64 / 1e6,
        sources.len(),
        from.display(),
        out.display()
    );
}
