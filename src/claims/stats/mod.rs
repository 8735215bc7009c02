//! Statistics extraction: finds the figures an article states (counts, percentages,
//! money, fractions, ratios, ranges, ages, measures), and for each one what it counts,
//! how it is bounded ("more than", "about"), and when it holds.
//!
//! The body is cut into tokens (words, digit runs, single punctuation marks) in one
//! pass; every decision then looks at a bounded window of tokens around a figure,
//! so the whole extraction is linear in the body length and never recurses.
//!
//! The `Scanner` walks the tokens of one segment (a paragraph) and its work is split by
//! phase, one file each:
//! - `tokens`: the statistics' tokens and the scanner's view of them;
//! - `digits`: figures written with digits, and the digits that are no figure (glued
//!   identifiers, dates, years, list numbers);
//! - `number_words`: figures written in words ("six", "a third", "doubled", "half");
//! - `units`: a number completed into a figure: currency, scale, percent, unit, age,
//!   range, ratio;
//! - `anchors`: the qualifier before a figure ("more than") and the time anchor of its
//!   sentence ("since January");
//! - `subject`: what a figure counts;
//! - `words`: the closed word lists all of them consult.
//!
//! This file holds the entry point, the segmenting and the types the phases share.

mod anchors;
mod digits;
mod number_words;
mod subject;
mod tokens;
mod units;
mod words;

use std::ops::Range;

use super::{StatKind, Statistic};
use subject::{trim_verb_tail, with_event};
use tokens::{K, Tok, tokenize};

/// Paragraphs longer than this are cut (at whitespace) into pieces, which bounds the
/// token buffer's memory on pathological input (a 10 MB single line).
const SEGMENT_MAX: usize = 1 << 20;
/// Longest sentence text copied into a `Statistic`; longer ones are windowed around
/// the figure so that many figures in one giant "sentence" cannot copy it quadratically.
const SENTENCE_MAX: usize = 2000;
/// How far (in tokens) subject and qualifier searches may look.
const NP_MAX_TOKENS: usize = 24;

/// Extracts every statistic in `body`, in text order.
pub fn extract_statistics(body: &str) -> Vec<Statistic> {
    let mut out = Vec::new();
    let mut toks = Vec::new();
    let mut sent_cache = SentenceCache::default();
    let mut start = 0;
    while start < body.len() {
        let end = segment_end(body, start);
        let seg = &body[start..end];
        toks.clear();
        tokenize(seg, &mut toks);
        let sc = Scanner {
            seg,
            base: start,
            toks: &toks,
        };
        sc.run(body, &mut sent_cache, &mut out);
        start = end;
    }
    out
}

/// End of the segment starting at `start`: the next blank line, or a whitespace
/// (or, failing that, char boundary) near `SEGMENT_MAX` for overlong paragraphs.
fn segment_end(body: &str, start: usize) -> usize {
    let b = body.as_bytes();
    let limit = (start + SEGMENT_MAX).min(b.len());
    let mut i = start;
    while i + 1 < limit {
        if b[i] == b'\n' && b[i + 1] == b'\n' {
            return i + 2;
        }
        i += 1;
    }
    if limit >= b.len() {
        return b.len();
    }
    // Overlong paragraph: cut at the next whitespace, within another megabyte.
    let hard = (limit + SEGMENT_MAX).min(b.len());
    let mut j = limit;
    while j < hard && !b[j].is_ascii_whitespace() {
        j += 1;
    }
    while j < b.len() && !body.is_char_boundary(j) {
        j += 1;
    }
    j.max(start + 1)
}

/// A figure found in the tokens, before its context is read.
struct Fig {
    /// Token range of the text (`a..z`).
    a: usize,
    z: usize,
    value: f64,
    high: Option<f64>,
    unit: Option<String>,
    kind: StatKind,
    /// First token after the figure and any unit word, where the subject starts.
    after: usize,
}

/// What a number part looks like before units and context are read.
struct NumPart {
    a: usize,
    z: usize,
    value: f64,
    /// A scale word or suffix was applied ("million", "bn").
    scaled: bool,
    /// Plain integer digits without commas or decimals.
    bare_int: bool,
    /// Written in words.
    words: bool,
    digits_len: usize,
}

enum Step {
    Emit(Fig),
    /// Not a statistic; resume at this token.
    Skip(usize),
}

#[derive(Default)]
struct SentenceCache {
    range: Option<Range<usize>>,
    /// Time-anchor candidates in the cached sentence (absolute byte ranges).
    times: Vec<Range<usize>>,
}

struct Scanner<'a> {
    seg: &'a str,
    base: usize,
    toks: &'a [Tok],
}

impl<'a> Scanner<'a> {
    fn run(&self, body: &str, cache: &mut SentenceCache, out: &mut Vec<Statistic>) {
        let mut i = 0;
        while i < self.n() {
            let t = self.toks[i];
            let step = if t.url {
                None
            } else {
                match t.k {
                    K::Num => Some(self.at_digits(i)),
                    K::Word => self.at_word(i),
                    K::Punct => None,
                }
            };
            match step {
                None => i += 1,
                Some(Step::Skip(n)) => i = n.max(i + 1),
                Some(Step::Emit(fig)) => {
                    let next = fig.z.max(i + 1);
                    if let Some(st) = self.build(body, cache, fig, out.last()) {
                        out.push(st);
                    }
                    i = next;
                }
            }
        }
    }

    fn build(
        &self,
        body: &str,
        cache: &mut SentenceCache,
        fig: Fig,
        prev: Option<&Statistic>,
    ) -> Option<Statistic> {
        let start = self.base + self.toks.get(fig.a)?.s as usize;
        let end = self.base + self.toks.get(fig.z.checked_sub(1)?)?.e as usize;
        if end <= start {
            return None;
        }
        if self.is_label(&fig) {
            return None;
        }
        let text = body.get(start..end)?.to_string();
        let (qualifier, qa) = self.qualifier(fig.a);
        let mut fig = fig;
        let subject = if self.magnitude_before(qa) {
            // "a magnitude 7.8 earthquake", "a magnitude of 7.5": a measure of its own.
            fig.kind = StatKind::Measure;
            fig.unit = Some("magnitude".to_string());
            Some("magnitude".to_string())
        } else {
            let s = self
                .subject(&fig, qa, prev, start)
                .map(|s| trim_verb_tail(&s));
            with_event(s, self.event_verb(&fig, qa))
        };
        // "$700m (£374m)", "28 cts vs 29 cts", "8,049,000 dlrs from 6,380,000 dlrs": a
        // figure compared with the one before it counts the same thing.
        let subject = match prev {
            Some(p)
                if p.kind == fig.kind
                    && p.end <= start
                    && body.get(p.end..start).is_some_and(is_comparison_link)
                    && p.subject.as_deref().is_some_and(|s| !is_weak_subject(s))
                    && subject.as_deref().is_none_or(is_weak_subject) =>
            {
                p.subject.clone()
            }
            // "fell 7.5 pct in April to 517.4 billion yen", "sales up 21% at 8.6bn euros":
            // where a moved figure ends up is an amount of the same thing.
            Some(p)
                if p.end <= start
                    && body.get(p.end..start).is_some_and(is_sequence_link)
                    && p.subject.as_deref().is_some_and(|s| !is_weak_subject(s))
                    && subject.as_deref().is_none_or(is_weak_subject) =>
            {
                p.subject.clone()
            }
            _ => subject.filter(|s| !is_weak_subject(s)),
        };
        let srange = self.sentence(body, cache, start);
        let subject = match fig.unit.as_deref() {
            Some("days" | "nights" | "weeks") if fig.kind == StatKind::Measure => event_of_span(
                subject,
                body.get(srange.clone()).unwrap_or(""),
                start - srange.start,
            ),
            _ => subject,
        };
        let time = self.time_for(body, cache, start, end);
        let sentence = sentence_text(body, srange, start, end);
        Some(Statistic {
            value: fig.value,
            high: fig.high,
            text,
            unit: fig.unit,
            kind: fig.kind,
            subject,
            qualifier,
            time,
            start,
            end,
            sentence,
        })
    }
}

impl Scanner<'_> {
    /// A number that names rather than counts: a rank or shirt ("number eight", "world
    /// number three", "No 10", "No. 2") or a house number ("10 Downing Street").
    fn is_label(&self, fig: &Fig) -> bool {
        let a = fig.a;
        if fig.kind != StatKind::Count || fig.high.is_some() {
            return false;
        }
        let rank = a >= 1
            && (self.is_w(a - 1, "number")
                || self.txt(a - 1) == "No" && self.kind(a) == Some(K::Num)
                || a >= 2
                    && self.is_p(a - 1, ".")
                    && self.attached(a - 1)
                    && self.txt(a - 2) == "No"
                    && self.kind(a) == Some(K::Num));
        let z = fig.z;
        let street = self.kind(a) == Some(K::Num)
            && self.kind(z) == Some(K::Word)
            && self.capitalized(z)
            && self.kind(z + 1) == Some(K::Word)
            && matches!(
                self.txt(z + 1),
                "Street" | "Road" | "Avenue" | "Lane" | "Square" | "Drive" | "Boulevard"
            );
        rank || street
    }
}

/// What a span of days measures: its subject when that names an event ("eight days of
/// riots"), else the event noun of its sentence nearest to it ("Riots have overtaken
/// Greece for the sixth straight day" is six days of riots). `at` is the figure's offset
/// in the sentence.
fn event_of_span(subject: Option<String>, sentence: &str, at: usize) -> Option<String> {
    let is_event = |w: &str| words::event_noun(&w.to_lowercase());
    if subject
        .as_deref()
        .is_some_and(|s| s.split_whitespace().any(is_event))
    {
        return subject;
    }
    let mut best: Option<(usize, &str)> = None;
    let mut pos = 0;
    for w in sentence.split(|c: char| !c.is_alphanumeric() && c != '-') {
        let here = pos;
        pos += w.len() + 1;
        if w.is_empty() || !is_event(w) {
            continue;
        }
        let d = here.abs_diff(at);
        if best.is_none_or(|(b, _)| d < b) {
            best = Some((d, w));
        }
    }
    best.map(|(_, w)| w.to_lowercase()).or(subject)
}

/// The words between two figures that compare them: "vs", "from", "compared with", an
/// opening parenthesis (a converted currency), "or"; units of the first may stand
/// before ("cts vs", "dlrs, up from the").
fn is_comparison_link(between: &str) -> bool {
    if between.len() > 40 || between.contains([';', '!', '?']) {
        return false;
    }
    let t = between.trim_end();
    let t = t
        .strip_suffix(" the")
        .or_else(|| t.strip_suffix(" a"))
        .unwrap_or(t)
        .trim_end();
    if t.ends_with('(') {
        return true;
    }
    if t.contains('.') && !t.ends_with("vs.") {
        return false;
    }
    let mut last = t.split_whitespace().rev();
    let (w1, w2) = (last.next().unwrap_or(""), last.next().unwrap_or(""));
    let is = |w: &str, x: &str| w.eq_ignore_ascii_case(x);
    ["vs", "vs.", "versus", "from", "against", "or"]
        .iter()
        .any(|x| is(w1, x))
        || ((is(w1, "with") || is(w1, "to")) && is(w2, "compared"))
}

/// The words between a change and where it ends: "to", "at", after at most a short
/// time or comparison phrase (" in 2005 to ", " in April from March to ").
fn is_sequence_link(between: &str) -> bool {
    if between.len() > 30 || between.contains(['.', ',', ';', ':', '!', '?', '(', ')']) {
        return false;
    }
    let mut words = 0;
    let mut last = "";
    for w in between.split_whitespace() {
        words += 1;
        last = w;
    }
    words <= 5 && matches!(last, "to" | "at")
}

/// A subject that names no thing: a unit, a time word, a function word or a word
/// fragment ("pct", "prior", "year", "-month bills").
fn is_weak_subject(s: &str) -> bool {
    let mut words = s.split_whitespace();
    let first = words.next().unwrap_or("");
    let single = words.next().is_none();
    let mut buf = [0u8; 12];
    let lower = if first.len() <= buf.len() {
        buf[..first.len()].copy_from_slice(first.as_bytes());
        buf[..first.len()].make_ascii_lowercase();
        std::str::from_utf8(&buf[..first.len()]).unwrap_or("")
    } else {
        ""
    };
    // A unit or a comparison word never opens a subject ("pct to", "prior period").
    let never = matches!(
        lower,
        "pct"
            | "percent"
            | "dlrs"
            | "dlr"
            | "cts"
            | "stg"
            | "mln"
            | "billion"
            | "prior"
            | "previous"
            | "currently"
            | "amount"
            | "reported"
    );
    // A time word alone names no thing ("year"); with a noun it may ("February sales").
    let time_alone = single
        && (crate::calendar::month_number(first).is_some()
            || matches!(
                lower,
                "year" | "years" | "month" | "months" | "week" | "weeks" | "annual" | "normal"
            ));
    // A letter or two is a unit's or scale's remnant ("m" of "$7m"), no noun.
    let fragment = s.trim().chars().count() <= 2 && !s.chars().any(char::is_uppercase);
    s.starts_with('-') || never || time_alone || fragment
}

/// The sentence text for a figure, windowed around it if the sentence is huge.
fn sentence_text(body: &str, r: Range<usize>, start: usize, end: usize) -> String {
    let r = if r.end - r.start <= SENTENCE_MAX {
        r
    } else {
        let half = SENTENCE_MAX / 2;
        let mut s = start.saturating_sub(half).max(r.start);
        let mut e = (end + half).min(r.end);
        while s > 0 && !body.is_char_boundary(s) {
            s -= 1;
        }
        while e < body.len() && !body.is_char_boundary(e) {
            e += 1;
        }
        s..e
    };
    body.get(r).unwrap_or("").to_string()
}

#[cfg(test)]
mod tests;

/// Inputs found by fuzzing (`fuzz/`), kept as regression tests.
#[cfg(test)]
mod fuzz_regressions {
    use super::extract_statistics;

    fn check(body: &str) -> Vec<super::Statistic> {
        let stats = extract_statistics(body);
        for s in &stats {
            assert!(
                !s.text.is_empty(),
                "empty statistic at {} in {body:?}",
                s.start
            );
            assert_eq!(&body[s.start..s.end], s.text);
        }
        stats
    }

    #[test]
    fn article_before_a_refused_scale_word_is_no_figure() {
        // fuzz: statistics, "\x01a mn" gave a statistic with empty text (value 1).
        for body in ["\x01a mn", "(a mn", "(a tn of coal", "x a mn"] {
            assert!(check(body).is_empty(), "{body:?}");
        }
        // The figures it must keep.
        let s = check("(a million people and a bn more");
        assert_eq!(s.len(), 2, "{s:?}");
        assert_eq!(s[0].text, "a million");
        assert_eq!(s[1].text, "a bn");
    }
}
