//! Property tests: whatever bytes or text arrive, reading, cleaning and claim extraction
//! never panic, and every claim's offsets are byte offsets into the body, on UTF-8
//! boundaries, with `&body[start..end] == text` (the contract of `claims`).
//!
//! Two kinds of input: arbitrary Unicode (and arbitrary bytes), and "news-like" text
//! concatenated from fragments that exercise the extractors (quote marks of every style,
//! figures with commas, decimals, `%` and currencies, cue words, capitalised names,
//! brackets, paragraph breaks, control characters, emoji, combining marks, right-to-left
//! text, and characters whose lower case has a different length).
//!
//! Case counts are set explicitly so `cargo test --test properties` stays fast in a
//! debug build.

use crosscheck::claims::{self, Claims, sentences};
use crosscheck::corpus;
use crosscheck::text;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{Index, select};

// ---------------------------------------------------------------------------
// Generators

#[rustfmt::skip]
const QUOTE_MARKS: &[&str] = &[
    "“", "”", "\"", "'", "‘", "’", "``", "''", "’’", "«", "»", "„", "‹", "›", "「", "」", "\" ",
    " \"", " “", "” ", "’s ",
];

#[rustfmt::skip]
const WORDS: &[&str] = &[
    "said", "says", "said:", "according to", "told", "told reporters", "added", "wrote",
    "asked", "he", "she", "they", "it", "we", "the", "The", "a", "of", "and", "about",
    "more than", "nearly", "at least", "up to", "half", "a third", "two-thirds", "doubled",
    "tripled", "twenty-five", "one", "percent", "per cent", "people", "since", "as of", "in",
    "last year", "on Monday", "January", "Dec.", "Mr.", "Ms.", "Dr.", "Sen.", "Rep.", "Gov.",
    "U.S.", "Inc.", "the president", "the mayor", "officials", "police", "killed", "rose",
    "fell", "to", "from", "per", "who", "when", "put it", "the report", "a statement", "an",
    "mn", "tn", "bn", "mln", "dlrs", "stg", "a dozen", "one hundred and", "and a half",
];

#[rustfmt::skip]
const NAMES: &[&str] = &[
    "Ann Smith", "Bob Jones", "Smith", "Jones", "Maria Gomez", "Bill de Blasio",
    "Marcia “Cia” Brown", "Jo Park", "the ACLU", "Acme Corp.", "John F. Kennedy", "O'Neill",
    "İstanbul", "ǅemal", "Ωmega", "K", "ẞ",
];

#[rustfmt::skip]
const PUNCT: &[&str] = &[
    ".", ",", ":", ";", "!", "?", "…", "...", " — ", " – ", "-", "--", "―", "(", ")", "[", "]",
    "{", "}", "/", "@", "#", "*", "•", "&", "%", "$", "£", "€", "¥", "₹", "·",
];

#[rustfmt::skip]
const SPACES: &[&str] = &[
    " ", " ", " ", "  ", "\n", "\n\n", "\n\n\n", "\r\n", "\r", "\t", "\u{a0}", "\u{2028}",
    "\u{2029}", "\u{3000}", " \n ",
];

#[rustfmt::skip]
const ODD: &[&str] = &[
    "\u{0}", "\u{1b}[31m", "\u{7}", "\u{8}", "\u{7f}", "\u{85}", "\u{9b}", "\u{200b}",
    "\u{feff}", "\u{202e}", "\u{2066}", "\u{200f}", "😀", "👍🏽", "👨‍👩‍👧", "🇬🇧", "e\u{301}",
    "\u{301}", "a\u{308}\u{330}", "שלום", "مرحبا ٣٤٥", "\u{661}\u{662}", "٫", "¼", "²", "①",
    "ﬁ", "ＡＢＣ１２３", "中文", "\u{fffd}", "#", "##", "* ", "• ", "1. ", "©",
];

fn pick(list: &'static [&'static str]) -> impl Strategy<Value = String> {
    select(list).prop_map(str::to_string)
}

/// One figure as news writes it.
fn figure() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{1,4}",
        "[1-9][0-9]{0,2}(,[0-9]{3}){1,3}",
        "[0-9]{1,3}\\.[0-9]{1,3}",
        "[0-9]{1,3}(\\.[0-9])?%",
        "[$£€][0-9]{1,3}(\\.[0-9]{1,2})?( ?(million|billion|bn|m|k))?",
        "[0-9]{1,2}(-| to )[0-9]{1,3}",
        "(19|20)[0-9]{2}",
        "[0-9]{5,24}",
        "[0-9]{1,3}(,[0-9]{1,4}){1,3}(\\.[0-9]{0,2})?",
        "[0-9]{1,2}:[0-9]{2}",
    ]
}

#[rustfmt::skip]
const CUES: &[&str] = &[
    "said", "says", "added", "told reporters", "wrote", "said in a statement", "continued",
    "asked", "explained",
];

/// A quotation in one of the shapes news attributes quotes ("“…,” X said." and so on),
/// with marks that may or may not match.
fn attributed_quote() -> impl Strategy<Value = String> {
    (
        select(&["“", "\"", "``", "''", "‘", "”"][..]),
        vec(prop_oneof![pick(WORDS), "[a-z]{1,8}", figure()], 1..12),
        select(&["”", "\"", "''", "’", "“", ""][..]),
        pick(NAMES),
        pick(CUES),
        0..5u8,
    )
        .prop_map(|(open, words, close, name, cue, shape)| {
            let words = words.join(" ");
            match shape {
                0 => format!("{open}{words},{close} {name} {cue}."),
                1 => format!("{name} {cue}: {open}{words}.{close}"),
                2 => format!(
                    "{open}{words},{close} {cue} {name}, a spokeswoman. {open}{words}{close}"
                ),
                3 => format!("According to {name}, {open}{words}.{close}"),
                _ => format!("{open}{words}.{close}\n\n{open}{words},{close} {name} {cue}."),
            }
        })
}

/// One fragment of news-like text.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => attributed_quote(),
        8 => pick(SPACES),
        8 => pick(WORDS),
        5 => pick(QUOTE_MARKS),
        4 => figure(),
        4 => pick(PUNCT),
        3 => pick(NAMES),
        2 => "[A-Z][a-z]{1,8}",
        2 => "[a-z]{1,10}",
        2 => pick(ODD),
    ]
}

/// What follows a fragment: mostly a space, sometimes nothing (glued tokens) or any
/// other whitespace.
fn separator() -> impl Strategy<Value = &'static str> {
    prop_oneof![6 => Just(" "), 2 => Just(""), 1 => select(SPACES)]
}

/// News-like text: fragments concatenated.
fn news_like() -> impl Strategy<Value = String> {
    vec((fragment(), separator()), 0..160).prop_map(|parts| {
        parts
            .into_iter()
            .flat_map(|(f, sep)| [f, sep.to_string()])
            .collect()
    })
}

/// One overlong paragraph (20–40 KB, no newline): past the 8 KB window of the sentence
/// lookup and the sentence-text windows of both extractors.
fn long_paragraph() -> impl Strategy<Value = String> {
    (vec((fragment(), separator()), 20..80), 20_000..40_000usize).prop_map(|(parts, len)| {
        let unit: String = parts
            .into_iter()
            .flat_map(|(f, sep)| [f, sep.to_string()])
            .collect::<String>()
            .replace(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}'], " ");
        let mut s = String::with_capacity(len + unit.len());
        while s.len() < len && !unit.is_empty() {
            s.push_str(&unit);
        }
        s
    })
}

/// Arbitrary Unicode scalar values, control characters included.
fn any_text() -> impl Strategy<Value = String> {
    vec(any::<char>(), 0..400).prop_map(String::from_iter)
}

/// Any byte, mostly printable ASCII and UTF-8 lead/continuation bytes so that most
/// inputs pass the binary-file check and reach the (lossy) decoder and the extractors.
fn some_byte() -> impl Strategy<Value = u8> {
    prop_oneof![4 => 0x20u8..0x7f, 1 => Just(b'\n'), 2 => 0x80u8..=0xff, 1 => any::<u8>()]
}

/// News-like bytes with a few bytes overwritten (often breaking UTF-8), or truncated.
fn mangled_bytes() -> impl Strategy<Value = Vec<u8>> {
    (
        news_like(),
        vec((any::<Index>(), any::<u8>()), 0..6),
        any::<Option<Index>>(),
    )
        .prop_map(|(s, edits, cut)| {
            let mut b = s.into_bytes();
            if !b.is_empty() {
                for (at, byte) in edits {
                    let i = at.index(b.len());
                    b[i] = byte;
                }
                if let Some(cut) = cut {
                    b.truncate(cut.index(b.len()));
                }
            }
            b
        })
}

/// Markup: news-like and arbitrary text inside tags of every kind, some left open, some
/// closed out of order, with attributes, comments, entities and scripts.
fn html_like() -> impl Strategy<Value = String> {
    const TAGS: &[&str] = &[
        "p",
        "div",
        "article",
        "nav",
        "span",
        "a href=\"/x\"",
        "h1",
        "h2",
        "li",
        "ul",
        "br",
        "script",
        "style",
        "table",
        "td",
        "tr",
        "meta charset=\"utf-8\"",
        "title",
        "body",
        "html",
        "head",
        "!--",
        "img src=x",
        "section class=\"story-body\"",
        "footer",
        "meta property=\"article:published_time\" content=\"2024-03-05T08:30:00Z\"",
    ];
    vec(
        (
            select(TAGS),
            prop_oneof![3 => news_like(), 1 => any_text(), 1 => Just("&amp; &#x27; &bogus; &#99999999;".to_string())],
            any::<u8>(),
        ),
        0..30,
    )
    .prop_map(|parts| {
        let mut out = String::new();
        for (tag, text, how) in parts {
            out.push('<');
            out.push_str(tag);
            out.push('>');
            out.push_str(&text);
            let name = tag.split(' ').next().unwrap_or(tag);
            match how % 4 {
                0 => {}
                1 => out.push_str(&format!("</{name}>")),
                2 => out.push_str("</div></p>"),
                _ => out.push_str("-->"),
            }
        }
        out
    })
}

// ---------------------------------------------------------------------------
// Invariants

/// Offsets of one claim: in the body, on char boundaries, and the text they cut.
fn check_span(
    body: &str,
    start: usize,
    end: usize,
    text: &str,
    what: &str,
) -> Result<(), TestCaseError> {
    prop_assert!(
        start <= end && end <= body.len(),
        "{what} {start}..{end} out of a {}-byte body",
        body.len()
    );
    prop_assert!(
        body.is_char_boundary(start) && body.is_char_boundary(end),
        "{what} {start}..{end} not on char boundaries"
    );
    prop_assert_eq!(
        &body[start..end],
        text,
        "{} text differs from its offsets",
        what
    );
    Ok(())
}

fn check_claims(body: &str, c: &Claims) -> Result<(), TestCaseError> {
    for q in &c.quotes {
        check_span(body, q.start, q.end, &q.text, "quote")?;
        prop_assert!(!q.text.is_empty(), "empty quote at {}", q.start);
        // The sentence a quotation stands in holds the quotation.
        prop_assert!(
            q.sentence.contains(&q.text),
            "quote sentence {:?} lacks {:?}",
            q.sentence,
            q.text
        );
        prop_assert!(body.contains(&q.sentence), "quote sentence not in the body");
    }
    for s in &c.statistics {
        check_span(body, s.start, s.end, &s.text, "statistic")?;
        prop_assert!(!s.text.is_empty(), "empty statistic at {}", s.start);
        prop_assert!(
            body.contains(&s.sentence),
            "statistic sentence not in the body"
        );
    }
    // Text order.
    prop_assert!(c.quotes.windows(2).all(|w| w[0].start <= w[1].start));
    prop_assert!(c.statistics.windows(2).all(|w| w[0].start <= w[1].start));
    Ok(())
}

/// The clean body: paragraphs (no newline inside, trimmed, not empty) joined by "\n\n".
fn check_article(text: &str, a: &corpus::Article) -> Result<(), TestCaseError> {
    if !a.body.is_empty() {
        for p in a.body.split("\n\n") {
            prop_assert!(!p.is_empty(), "empty paragraph in {:?}", a.body);
            prop_assert!(!p.contains('\n'), "newline inside paragraph {:?}", p);
            prop_assert_eq!(p.trim(), p, "paragraph not trimmed");
        }
    }
    let lines = text.lines().count();
    for r in &a.removed {
        prop_assert!(
            r.line >= 1 && r.line <= lines,
            "removed line {} of {lines}",
            r.line
        );
    }
    if let Some(t) = &a.title {
        prop_assert!(!t.contains('\n'));
    }
    Ok(())
}

/// The whole pipeline on text: parse, extract on the clean body, and extract on the raw
/// text too (the extractors take any `&str`, not only clean bodies).
fn pipeline(text: &str) -> Result<(), TestCaseError> {
    let a = corpus::parse_article("prop.txt", text);
    check_article(text, &a)?;
    check_claims(&a.body, &claims::extract(&a.body))?;
    check_claims(text, &claims::extract(text))?;
    Ok(())
}

fn check_sentences(body: &str) -> Result<(), TestCaseError> {
    let ranges = sentences::sentence_ranges(body);
    let mut prev_end = 0;
    for r in &ranges {
        prop_assert!(prev_end <= r.start && r.start < r.end && r.end <= body.len());
        prop_assert!(body.is_char_boundary(r.start) && body.is_char_boundary(r.end));
        let s = &body[r.clone()];
        prop_assert!(!s.contains('\n'), "sentence crosses a newline: {:?}", s);
        prop_assert!(
            !s.starts_with([' ', '\t', '\r']) && !s.ends_with([' ', '\t', '\r']),
            "sentence not trimmed: {:?}",
            s
        );
        prev_end = r.end;
    }
    // The one-sentence lookup agrees with the full split (paragraphs here are < 8 KB).
    for r in &ranges {
        for off in [r.start, (r.start + r.end) / 2, r.end - 1] {
            if body.is_char_boundary(off) {
                prop_assert_eq!(
                    sentences::sentence_range(body, off),
                    r.clone(),
                    "sentence_range({}) in {:?}",
                    off,
                    body
                );
            }
        }
    }
    Ok(())
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        // Shrinking a failure stays quick.
        max_shrink_iters: 2000,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------
// Properties

proptest! {
    #![proptest_config(config(1000))]

    #[test]
    fn arbitrary_text_never_panics_and_offsets_hold(text in any_text()) {
        pipeline(&text)?;
    }

    #[test]
    fn news_like_text_never_panics_and_offsets_hold(text in news_like()) {
        pipeline(&text)?;
    }
}

proptest! {
    #![proptest_config(config(40))]

    #[test]
    fn overlong_paragraphs_keep_offsets(text in long_paragraph()) {
        pipeline(&text)?;
    }
}

proptest! {
    #![proptest_config(config(500))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in vec(some_byte(), 0..1500)) {
        if let Ok(t) = corpus::decode(bytes) {
            prop_assert!(!t.text.starts_with('\u{feff}'), "BOM kept");
            pipeline(&t.text)?;
        }
    }

    #[test]
    fn mangled_news_bytes_never_panic(bytes in mangled_bytes()) {
        let valid = std::str::from_utf8(&bytes).is_ok();
        if let Ok(t) = corpus::decode(bytes) {
            prop_assert_eq!(t.warning.is_some(), !valid);
            pipeline(&t.text)?;
        }
    }

    #[test]
    fn web_pages_never_panic_and_give_clean_paragraphs(page in html_like()) {
        let a = corpus::parse_article("prop.html", &page);
        if !a.body.is_empty() {
            for p in a.body.split("\n\n") {
                prop_assert!(!p.is_empty() && !p.contains('\n') && p.trim() == p, "{:?}", a.body);
            }
        }
        check_claims(&a.body, &claims::extract(&a.body))?;
        let lines = corpus::page_lines(&page);
        prop_assert!(lines.iter().all(|l| !l.is_empty() && !l.contains('\n')));
    }

    #[test]
    fn web_page_bytes_in_any_charset_never_panic(bytes in vec(some_byte(), 0..1500), charset in select(&["utf-8", "iso-8859-1", "shift_jis", "utf-16le", "bogus", ""][..])) {
        let mut page = format!("<meta charset=\"{charset}\">").into_bytes();
        page.extend(bytes);
        if let Ok(t) = corpus::decode_page(page, None) {
            prop_assert!(!t.text.starts_with('\u{feff}'), "BOM kept");
            let a = corpus::parse_article("prop.html", &t.text);
            check_claims(&a.body, &claims::extract(&a.body))?;
        }
    }

    #[test]
    fn sentence_split_holds_its_contract(text in news_like()) {
        check_sentences(&text)?;
    }

    #[test]
    fn extraction_is_deterministic(text in news_like()) {
        prop_assert_eq!(claims::extract(&text), claims::extract(&text));
        let a = corpus::parse_article("prop.txt", &text);
        prop_assert_eq!(&a, &corpus::parse_article("prop.txt", &text));
    }

    #[test]
    fn inert_text_holds_no_terminal_controls(text in prop_oneof![any_text(), news_like()]) {
        let out = text::inert(&text);
        prop_assert!(
            !out.chars().any(|c| (c.is_control() && c != '\n')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')),
            "{:?}",
            out
        );
        let line = text::inert_line(&text);
        prop_assert!(!line.contains('\n'));
    }
}

// ---------------------------------------------------------------------------
// Feeds: the parser under `catch_quietly` never takes the process down, whatever a
// server sends; every entry it returns has a key and only web links.

#[rustfmt::skip]
const FEED_PIECES: &[&str] = &[
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>", "<rss version=\"2.0\">", "<channel>", "</channel>", "</rss>",
    "<item>", "</item>", "<title>", "</title>", "<link>", "</link>", "<guid>", "</guid>",
    "<description>", "</description>", "<pubDate>Mon, 30 Nov 2026 09:00:00 GMT</pubDate>",
    "<pubDate>yesterday</pubDate>", "<![CDATA[", "]]>", "&", "&amp;", "&#x26;", "&nbsp;", "&#0;",
    "<feed xmlns=\"http://www.w3.org/2005/Atom\">", "</feed>", "<entry>", "</entry>",
    "<id>tag:x,2026:1</id>", "<updated>2026-12-01T00:00:00Z</updated>", "<link href=\"/a\"/>",
    "<link rel=\"alternate\" href=\"javascript:alert(1)\"/>", "<content type=\"html\">", "</content>",
    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\">",
    "</rdf:RDF>", "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[", "{\"id\":1,\"url\":\"https://x.example\"}",
    "]}", "https://news.example/a?b=1&c=2", "Quake hits", "\u{0}", "\u{1b}[2J", "é", "“", "<", ">", "\"", " ",
];

fn feed_like() -> impl Strategy<Value = Vec<u8>> {
    (
        vec(select(FEED_PIECES), 0..40),
        vec((any::<Index>(), any::<u8>()), 0..4),
    )
        .prop_map(|(pieces, edits)| {
            let mut b = pieces.concat().into_bytes();
            if !b.is_empty() {
                for (at, byte) in edits {
                    let i = at.index(b.len());
                    b[i] = byte;
                }
            }
            b
        })
}

proptest! {
    #![proptest_config(config(1500))]

    #[test]
    fn feeds_never_panic_and_keep_only_web_links(bytes in prop_oneof![feed_like(), vec(some_byte(), 0..600)]) {
        if let Ok(feed) = crosscheck::feeds::parse::parse_feed(&bytes, Some("https://feed.example/rss")) {
            for e in &feed.entries {
                prop_assert!(!e.key.is_empty());
                if let Some(l) = &e.link {
                    prop_assert!(crosscheck::feeds::list::is_web_url(l), "{}", l);
                }
            }
        }
        let repaired = crosscheck::feeds::parse::repair_ampersands(&bytes);
        prop_assert!(repaired.len() >= bytes.len());
    }
}
