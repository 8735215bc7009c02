//! Hostile inputs, smaller than those of `examples/pathological.rs` so they run in a debug
//! build: reading and extraction must not panic or overflow the stack, and every claim's
//! offsets must still cut its text out of the body. Nothing here asserts on time; the
//! example measures scaling in a release build.

use crosscheck::claims::{self, Claims};
use crosscheck::corpus;

fn check(body: &str, c: &Claims) {
    let ok = |s: usize, e: usize, text: &str| {
        s <= e
            && e <= body.len()
            && body.is_char_boundary(s)
            && body.is_char_boundary(e)
            && &body[s..e] == text
    };
    for q in &c.quotes {
        assert!(ok(q.start, q.end, &q.text), "quote {}..{}", q.start, q.end);
        assert!(
            q.sentence.contains(&q.text),
            "quote sentence at {}",
            q.start
        );
    }
    for s in &c.statistics {
        assert!(
            ok(s.start, s.end, &s.text),
            "statistic {}..{}",
            s.start,
            s.end
        );
    }
}

/// Parses `text` as a file, extracts from the clean body and from the raw text, checks
/// both, and returns the claims of the clean body.
fn run(text: &str) -> (corpus::Article, Claims) {
    let article = corpus::parse_article("pathological.txt", text);
    let c = claims::extract(&article.body);
    check(&article.body, &c);
    check(text, &claims::extract(text));
    (article, c)
}

fn repeat_to(unit: &str, n: usize) -> String {
    let mut s = unit.repeat(n / unit.len() + 1);
    let mut cut = n.min(s.len());
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    s
}

#[test]
fn one_megabyte_line_with_sentences() {
    let text = repeat_to(
        "Officials said “the figure rose 12.5% to $1,200 in March,” Ann Smith said. About 40 people, according to police, left. ",
        1 << 20,
    );
    let (a, c) = run(&text);
    assert!(a.body.len() > 1_000_000);
    assert!(c.quotes.len() > 1000 && c.statistics.len() > 1000);
}

#[test]
fn one_megabyte_line_without_a_full_stop() {
    let text = repeat_to(
        "officials said “the figure rose 12,5 to $1,200 in March,” Ann Smith said, with about 40 people and “more” according to police ",
        1 << 20,
    );
    let (_, c) = run(&text);
    assert!(c.quotes.len() > 1000 && c.statistics.len() > 1000);
}

#[test]
fn quote_left_open_across_two_thousand_paragraphs() {
    let mut text = String::from("A headline for a story that never closes its quote\n\n");
    for i in 0..2000 {
        text.push_str(&format!(
            "“Paragraph {i} of the quotation goes on with 12 people and 3.5% more, said Ann Smith of the council\n\n"
        ));
    }
    let (_, c) = run(&text);
    assert_eq!(c.quotes.len(), 2000);
    // One mark opened and never closed, then plain paragraphs: the quote stops at its
    // paragraph's end.
    let mut once = String::from(
        "A headline for the story\n\n“This opens a quotation that is never closed, said Ann Smith\n\n",
    );
    for i in 0..2000 {
        once.push_str(&format!(
            "Plain paragraph number {i} has no quote marks in it at all today.\n\n"
        ));
    }
    let (_, c) = run(&once);
    assert_eq!(c.quotes.len(), 1);
    assert!(!c.quotes[0].text.contains('\n'));
}

#[test]
fn twenty_thousand_digits() {
    let mut text = String::from("A headline about a very long number\n\nThe total was ");
    text.extend((0..20_000).map(|i| char::from(b'0' + (i % 10) as u8)));
    text.push_str(" people counted in the survey this year.\n\nThe grouped total was $1");
    for i in 0..20_000 / 3 {
        text.push(',');
        text.push_str(["234", "567", "890"][i % 3]);
    }
    text.push_str(" million in the survey this year.\n\nThe rate was 0.");
    text.extend((0..20_000).map(|i| char::from(b'0' + (i % 7) as u8)));
    text.push_str("% of the people counted this year.\n");
    run(&text);
    // Digits alone, and digits glued to every kind of suffix.
    run(&"9".repeat(20_000));
    run(&format!("{}%", "1".repeat(20_000)));
    run(&format!("${}bn", "1,000".repeat(4000)));
}

#[test]
fn a_thousand_nested_brackets() {
    let mut text = String::from("Ann Smith said the plan ");
    for i in 0..1000 {
        text.push(if i % 2 == 0 { '(' } else { '[' });
        text.push_str(match i % 5 {
            0 => "word ",
            1 => "12 people ",
            2 => "“said Ann” ",
            3 => "Rep. Jo Lee said ",
            _ => "",
        });
    }
    text.push_str("$5 million");
    for i in (0..1000).rev() {
        text.push(if i % 2 == 0 { ')' } else { ']' });
    }
    text.push_str(" would cost 40% more, she said.\n");
    let (_, c) = run(&text);
    assert!(!c.quotes.is_empty() && !c.statistics.is_empty());
    // Bare runs, unbalanced both ways, much deeper.
    run(&format!("He said {} 5 people.", "(".repeat(100_000)));
    run(&format!(
        "{} said “the 5 people” {}",
        "[".repeat(50_000),
        ")".repeat(50_000)
    ));
}

#[test]
fn two_hundred_kilobytes_of_quote_marks() {
    const MARKS: &[&str] = &[
        "\"", "“", "”", "‘", "’", "'", "`", "''", "``", "«", "»", "„",
    ];
    let mut x: u64 = 7;
    let mut one_line = String::new();
    let mut short_lines = String::new();
    let mut line = 0;
    while one_line.len() < 200 * 1024 {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let m = MARKS[(x >> 33) as usize % MARKS.len()];
        one_line.push_str(m);
        short_lines.push_str(m);
        line += m.len();
        if line >= 60 {
            short_lines.push_str("”\n\n");
            line = 0;
        }
    }
    one_line.push('”');
    let (_, c) = run(&one_line);
    assert!(!c.quotes.is_empty());
    run(&short_lines);
    // One kind of mark only.
    for m in ["\"", "“", "”", "'", "’", "`"] {
        run(&m.repeat(50_000));
    }
}
