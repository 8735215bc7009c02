//! Statistics extraction: finds the figures an article states (counts, percentages,
//! money, fractions, ratios, ranges, ages, measures), and for each one what it counts,
//! how it is bounded ("more than", "about"), and when it holds.
//!
//! The body is cut into tokens (words, digit runs, single punctuation marks) in one
//! pass; every decision then looks at a bounded window of tokens around a figure,
//! so the whole extraction is linear in the body length and never recurses.

use std::ops::Range;

use super::numbers::{self, NumWord};
use super::sentences::sentence_range;
use super::tokens::{self, char_at, is_cap};
use super::{Qualifier, StatKind, Statistic};

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

// ---------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum K {
    Word,
    Num,
    Punct,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    /// Byte offsets relative to the segment (segments are ≤ 2 MB, so u32 is ample).
    s: u32,
    e: u32,
    k: K,
    /// Whitespace before the token (or segment start).
    sp: bool,
    /// A line break before the token (or segment start).
    nl: bool,
    /// Part of a URL / e-mail / path-like chunk: never a statistic.
    url: bool,
}

fn tokenize(seg: &str, out: &mut Vec<Tok>) {
    tokens::tokenize(seg, 0, seg.len(), &Words, |t| {
        out.push(Tok {
            s: t.s as u32,
            e: t.e as u32,
            k: t.kind,
            sp: t.sp,
            nl: t.nl,
            url: false,
        })
    });
    mark_url_chunks(seg, out);
}

/// The statistics' idea of a word: letters (with an apostrophe inside, "city’s") apart
/// from digit runs, which take their thousands groups and one decimal part ("1,255.5").
struct Words;

impl tokens::Grammar for Words {
    type Kind = K;

    fn word(&self, seg: &str, start: usize, ch: char) -> Option<(usize, K)> {
        let b = seg.as_bytes();
        let mut i = start;
        if ch.is_ascii_digit() {
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            // Thousands groups: ",ddd" not followed by another digit.
            while i + 3 < b.len()
                && b[i] == b','
                && b[i + 1].is_ascii_digit()
                && b[i + 2].is_ascii_digit()
                && b[i + 3].is_ascii_digit()
                && (i + 4 >= b.len() || !b[i + 4].is_ascii_digit())
            {
                i += 4;
            }
            // One decimal part.
            if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
                i += 1;
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
            }
            return Some((i, K::Num));
        }
        if !ch.is_alphabetic() {
            return None;
        }
        while i < b.len() {
            let c = b[i];
            if c.is_ascii_alphabetic() {
                i += 1;
            } else if c >= 0x80 {
                let ch = char_at(seg, i);
                // Letters, and a typographic apostrophe inside a word ("city’s").
                if ch.is_alphabetic() || (ch == '’' && next_is_alpha(seg, i + ch.len_utf8())) {
                    i += ch.len_utf8();
                } else {
                    break;
                }
            } else if c == b'\'' && next_is_alpha(seg, i + 1) {
                i += 1;
            } else {
                break;
            }
        }
        Some((i, K::Word))
    }

    fn punct(&self, _: char) -> K {
        K::Punct
    }
}

fn next_is_alpha(s: &str, i: usize) -> bool {
    char_at(s, i).is_alphabetic()
}

/// Flags every token of a whitespace-delimited chunk that looks like a URL, an
/// e-mail address or a path, because digits there are never figures.
fn mark_url_chunks(seg: &str, toks: &mut [Tok]) {
    let mut i = 0;
    while i < toks.len() {
        let mut j = i + 1;
        while j < toks.len() && !toks[j].sp {
            j += 1;
        }
        let mut urlish = false;
        if j - i > 1 {
            // A slash between digits only ("24/7", "16-1/4") is not a path.
            let has_word = toks[i..j].iter().any(|t| t.k == K::Word);
            for t in &toks[i..j] {
                let txt = &seg[t.s as usize..t.e as usize];
                if matches!(txt, "@" | "_" | "=" | "\\" | "#")
                    || (txt == "/" && has_word)
                    || txt.eq_ignore_ascii_case("http")
                    || txt.eq_ignore_ascii_case("https")
                    || txt.eq_ignore_ascii_case("www")
                {
                    urlish = true;
                    break;
                }
            }
        }
        if urlish {
            for t in &mut toks[i..j] {
                t.url = true;
            }
        }
        i = j;
    }
}

/// A short lower-cased copy of a word (empty for long or non-word tokens).
struct Lw {
    buf: [u8; 24],
    len: usize,
}

impl Lw {
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

// ---------------------------------------------------------------------------
// Word lists

fn month(w: &str) -> bool {
    crate::calendar::month_number(w).is_some() && !w.ends_with('.')
}

fn weekday(w: &str) -> bool {
    crate::calendar::is_weekday(w)
}

/// Words that make a following "in/by/on/during" phrase a time anchor.
fn time_word(w: &str) -> bool {
    month(w)
        || weekday(w)
        || matches!(
            w,
            "year"
                | "years"
                | "month"
                | "months"
                | "week"
                | "weeks"
                | "quarter"
                | "decade"
                | "spring"
                | "summer"
                | "autumn"
                | "fall"
                | "winter"
                | "morning"
                | "afternoon"
                | "evening"
                | "night"
                | "weekend"
                | "today"
                | "yesterday"
                | "tomorrow"
                | "period"
                | "half"
                | "season"
                | "century"
                | "days"
                | "recent"
                | "past"
                | "coming"
                | "fiscal"
                | "financial"
                | "christmas"
                | "january-march"
        )
}

/// Determiners stripped from the front of a subject.
fn determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "our"
            | "their"
            | "its"
            | "his"
            | "her"
            | "my"
            | "your"
            | "these"
            | "those"
            | "this"
            | "that"
            | "all"
    )
}

/// Words that end a subject noun phrase (function words and frequent verbs).
fn np_stop(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            | "shall"
            | "should"
            | "do"
            | "does"
            | "did"
            | "not"
            | "no"
            | "to"
            | "for"
            | "by"
            | "at"
            | "on"
            | "off"
            | "over"
            | "under"
            | "into"
            | "onto"
            | "up"
            | "down"
            | "out"
            | "about"
            | "after"
            | "before"
            | "since"
            | "during"
            | "until"
            | "per"
            | "than"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "where"
            | "when"
            | "while"
            | "because"
            | "as"
            | "if"
            | "but"
            | "so"
            | "also"
            | "more"
            | "less"
            | "fewer"
            | "most"
            | "each"
            | "every"
            | "this"
            | "these"
            | "those"
            | "last"
            | "next"
            | "it"
            | "they"
            | "he"
            | "she"
            | "we"
            | "you"
            | "i"
            | "them"
            | "its"
            | "their"
            | "said"
            | "says"
            | "say"
            | "according"
            | "including"
            | "annually"
            | "only"
            | "just"
            | "even"
            | "still"
            | "already"
            | "now"
            | "then"
            | "there"
            | "here"
            | "though"
            | "although"
            | "against"
            | "between"
            | "like"
            | "via"
            | "through"
            | "toward"
            | "towards"
            | "without"
            | "vs"
            | "versus"
            | "rose"
            | "fell"
            | "grew"
            | "lost"
            | "won"
            | "made"
            | "took"
            | "got"
            | "went"
            | "came"
            | "saw"
            | "paid"
            | "spent"
            | "left"
            | "held"
            | "sold"
            | "bought"
            | "told"
            | "gave"
            | "brought"
            | "built"
            | "met"
            | "ran"
            | "fled"
            | "hit"
            | "cut"
            | "put"
            | "set"
            | "kept"
            | "became"
            | "began"
            | "died"
            | "remain"
            | "remains"
            | "face"
            | "faces"
            | "get"
            | "make"
            | "take"
            | "go"
            | "come"
            | "see"
            | "need"
            | "needs"
            | "want"
            | "wants"
            | "or"
            | "and"
            | "again"
            | "ago"
            | "earlier"
            | "later"
            | "yet"
            | "too"
            | "away"
            | "back"
            | "together"
            | "instead"
            | "compared"
            | "worth"
            | "what"
            | "how"
            | "why"
            | "all"
            | "both"
            | "any"
            | "some"
            | "such"
            | "own"
            | "other"
            | "another"
            | "same"
            | "well"
            | "very"
            | "much"
            | "many"
            | "from"
            | "in"
            | "with"
            | "of"
            | "across"
            | "within"
            | "among"
            | "amid"
    )
}

/// Prepositions that extend a subject with its scope ("agencies across Florida").
fn scope_prep(w: &str) -> bool {
    matches!(
        w,
        "of" | "across" | "in" | "from" | "with" | "within" | "among"
    )
}

/// Adverbs that may close a subject ("departments nationwide").
fn scope_adverb(w: &str) -> bool {
    matches!(
        w,
        "nationwide"
            | "worldwide"
            | "statewide"
            | "countrywide"
            | "overall"
            | "abroad"
            | "globally"
    )
}

/// Words before a bare integer that make it an identifier ("Section 8", "Flight 370").
fn id_keyword(w: &str) -> bool {
    matches!(
        w,
        "section"
            | "article"
            | "title"
            | "chapter"
            | "flight"
            | "route"
            | "highway"
            | "interstate"
            | "room"
            | "suite"
            | "page"
            | "pages"
            | "grade"
            | "level"
            | "phase"
            | "stage"
            | "round"
            | "vol"
            | "volume"
            | "version"
            | "model"
            | "form"
            | "rule"
            | "clause"
            | "amendment"
            | "proposition"
            | "prop"
            | "schedule"
            | "tier"
            | "category"
            | "class"
            | "type"
            | "apollo"
            | "formula"
            | "windows"
            | "iphone"
            | "boeing"
            | "airbus"
            | "channel"
            | "district"
            | "ward"
            | "precinct"
            | "platform"
            | "gate"
            | "terminal"
            | "exit"
            | "unit"
            | "block"
            | "floor"
            | "paragraph"
            | "figure"
            | "table"
            | "chart"
            | "exhibit"
            | "episode"
            | "series"
            | "season"
            | "psalm"
            | "verse"
            | "track"
            | "junction"
            | "lot"
            | "bus"
            | "appendix"
            | "annex"
            | "part"
            | "item"
            | "band"
            | "poor's"
            | "poor’s"
            | "ftse"
            | "fortune"
            | "nikkei"
            | "dax"
            | "cac"
            | "russell"
            | "stoxx"
            | "xetra"
            | "dow"
    )
}

/// Time-zone and clock words after a number ("9 GMT", "10 o'clock").
fn clock_word(w: &str) -> bool {
    matches!(
        w,
        "am" | "pm"
            | "gmt"
            | "bst"
            | "est"
            | "edt"
            | "et"
            | "pst"
            | "pdt"
            | "cet"
            | "utc"
            | "cst"
            | "cdt"
            | "o'clock"
            | "o’clock"
            | "hrs"
            | "hgmt"
            | "ist"
            | "jst"
    )
}

/// Words after "one" that show it is a pronoun or part of an idiom, not a count.
fn one_idiom_next(w: &str) -> bool {
    matches!(
        w,
        "of" | "another"
            | "day"
            | "point"
            | "way"
            | "thing"
            | "hand"
            | "side"
            | "who"
            | "that"
            | "which"
            | "too"
            | "is"
            | "was"
            | "can"
            | "could"
            | "would"
            | "will"
            | "must"
            | "should"
            | "has"
            | "had"
            | "by"
            | "on"
            | "to"
            | "else"
            | "or"
            | "and"
            | "at"
            | "time"
            | "stage"
            | "instance"
            | "occasion"
            | "another's"
            | "another’s"
            | "might"
            | "may"
            | "does"
            | "did"
            | "for"
            | "in"
            | "with"
            | "from"
            | "as"
            | "if"
            | "step"
            | "moment"
            | "morning"
            | "evening"
            | "night"
            | "place"
            | "thing's"
            | "more"
            | "less"
            | "such"
            | "hundred"
            | "another."
    )
}

fn one_idiom_prev(w: &str) -> bool {
    matches!(
        w,
        "no" | "any"
            | "every"
            | "the"
            | "that"
            | "this"
            | "which"
            | "each"
            | "some"
            | "at"
            | "in"
            | "one"
            | "someone"
            | "anyone"
            | "only"
            | "someday"
            | "little"
            | "big"
            | "new"
            | "old"
            | "right"
            | "wrong"
            | "last"
            | "first"
            | "next"
            | "another"
            | "such"
            | "loved"
            | "dear"
            | "chosen"
            | "young"
    )
}

/// Comparatives that make "N times" / "twice" a ratio ("three times as many").
fn comparative(w: &str) -> bool {
    matches!(
        w,
        "as" | "more"
            | "less"
            | "the"
            | "that"
            | "what"
            | "higher"
            | "lower"
            | "larger"
            | "smaller"
            | "greater"
            | "bigger"
            | "faster"
            | "slower"
            | "longer"
            | "its"
            | "their"
            | "his"
            | "her"
            | "fewer"
            | "likely"
            | "cheaper"
            | "better"
            | "worse"
            | "over"
    )
}

fn verbish(w: &str) -> bool {
    matches!(
        w,
        "is" | "was"
            | "are"
            | "were"
            | "has"
            | "have"
            | "had"
            | "been"
            | "be"
            | "stood"
            | "hit"
            | "reached"
            | "rose"
            | "fell"
            | "grew"
            | "risen"
            | "fallen"
            | "grown"
            | "totalled"
            | "totaled"
            | "reaching"
            | "rising"
            | "falling"
            | "growing"
            | "will"
            | "would"
            | "could"
            | "to"
            | "by"
            | "from"
            | "at"
            | "of"
            | "for"
            | "than"
            | "about"
            | "around"
            | "with"
            | "up"
            | "down"
            | "jumped"
            | "climbed"
            | "dropped"
            | "slumped"
            | "surged"
            | "soared"
            | "declined"
            | "increased"
            | "decreased"
            | "plunged"
            | "gained"
            | "lost"
            | "cut"
            | "raised"
            | "now"
            | "just"
            | "only"
            | "still"
            | "already"
            | "some"
    ) || (w.len() > 4 && (w.ends_with("ed") || w.ends_with("es")))
}

// ---------------------------------------------------------------------------
// Scanner

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
    fn n(&self) -> usize {
        self.toks.len()
    }

    fn txt(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) => self.seg.get(t.s as usize..t.e as usize).unwrap_or(""),
            None => "",
        }
    }

    fn kind(&self, i: usize) -> Option<K> {
        self.toks.get(i).map(|t| t.k)
    }

    fn lw(&self, i: usize) -> Lw {
        let mut l = Lw {
            buf: [0; 24],
            len: 0,
        };
        if let Some(t) = self.toks.get(i)
            && t.k == K::Word
        {
            let s = self.txt(i).as_bytes();
            if s.len() <= l.buf.len() {
                for (d, c) in l.buf.iter_mut().zip(s) {
                    *d = c.to_ascii_lowercase();
                }
                l.len = s.len();
            }
        }
        l
    }

    fn is_w(&self, i: usize, w: &str) -> bool {
        self.kind(i) == Some(K::Word) && self.txt(i).eq_ignore_ascii_case(w)
    }

    fn is_p(&self, i: usize, p: &str) -> bool {
        self.kind(i) == Some(K::Punct) && self.txt(i) == p
    }

    /// Token `i` exists and touches the previous token (no whitespace between).
    fn attached(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.sp) && i > 0
    }

    fn is_dash(&self, i: usize) -> bool {
        self.kind(i) == Some(K::Punct) && matches!(self.txt(i), "-" | "–" | "‑")
    }

    fn capitalized(&self, i: usize) -> bool {
        is_cap(self.txt(i))
    }

    fn all_caps(&self, i: usize) -> bool {
        let t = self.txt(i);
        t.len() > 1 && t.chars().all(|c| !c.is_lowercase())
    }

    /// Whether token `i` begins a sentence or line (ignoring opening quotes/brackets).
    fn sentence_initial(&self, i: usize) -> bool {
        let mut j = i;
        while j > 0
            && self.kind(j - 1) == Some(K::Punct)
            && matches!(self.txt(j - 1), "\"" | "“" | "‘" | "(" | "[" | "'")
        {
            j -= 1;
        }
        if j == 0 || self.toks[j].nl {
            return true;
        }
        matches!(
            self.txt(j - 1),
            "." | "!" | "?" | ":" | "•" | "*" | "—" | "–" | ";" | "|"
        ) || (self.is_dash(j - 1) && self.toks[j - 1].sp)
    }

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

    // -----------------------------------------------------------------------
    // Figures written with digits

    fn at_digits(&self, i: usize) -> Step {
        let txt = self.txt(i);
        let t = self.toks[i];
        // Glued to a word or another number: "G7", "A320", "COVID-19", "I-95".
        if t.sp || i == 0 {
            // fine
        } else {
            let p = self.txt(i - 1);
            let pk = self.kind(i - 1);
            if pk != Some(K::Punct) {
                return Step::Skip(self.skip_glued(i));
            }
            if (self.is_dash(i - 1) || p == "/" || p == ".")
                && i >= 2
                && !self.toks[i - 1].sp
                && self.kind(i - 2) != Some(K::Punct)
            {
                return Step::Skip(self.skip_glued(i));
            }
            if matches!(p, "#" | "+" | "№" | "'" | "’") {
                return Step::Skip(self.skip_glued(i));
            }
        }
        // Glued to what follows: "287(g)", "0:00", "24/7", "1.2.3", "21st", "1990s".
        if self.attached(i + 1) {
            let nx = self.txt(i + 1);
            if matches!(nx, "(" | ":" | "/" | "@" | "_" | "[") {
                return Step::Skip(self.skip_glued(i));
            }
            if nx == "." && self.attached(i + 2) && self.kind(i + 2) == Some(K::Num) {
                return Step::Skip(self.skip_glued(i));
            }
            if matches!(nx, "'" | "’") && self.attached(i + 2) && self.is_w(i + 2, "s") {
                return Step::Skip(i + 3);
            }
        }
        // List numbering: "1." / "2)" at the start of a line.
        if t.nl && self.attached(i + 1) && matches!(self.txt(i + 1), "." | ")") {
            return Step::Skip(i + 2);
        }
        if t.nl && i > 0 && self.is_p(i - 1, "(") && self.attached(i + 1) && self.is_p(i + 1, ")") {
            return Step::Skip(i + 2);
        }
        // Mixed fractions in market prose: "16-1/4 pct", "47-1/2".
        if (self.is_dash(i + 1) || self.is_p(i + 1, " "))
            && self.attached(i + 1)
            && self.kind(i + 2) == Some(K::Num)
            && self.attached(i + 2)
            && self.is_p(i + 3, "/")
            && self.attached(i + 3)
            && self.kind(i + 4) == Some(K::Num)
            && self.attached(i + 4)
        {
            let whole = numbers::parse_digits(txt).unwrap_or(0.0);
            let num = numbers::parse_digits(self.txt(i + 2)).unwrap_or(0.0);
            let den = numbers::parse_digits(self.txt(i + 4)).unwrap_or(0.0);
            if den >= 2.0 && num < den && den <= 64.0 {
                let np = NumPart {
                    a: i,
                    z: i + 5,
                    value: whole + num / den,
                    scaled: false,
                    bare_int: false,
                    words: false,
                    digits_len: 0,
                };
                return self.figure_from(np);
            }
        }
        // "02", "007": leading zeros mark codes, not quantities.
        if txt.len() > 1 && txt.starts_with('0') && !txt.starts_with("0.") {
            return Step::Skip(self.skip_glued(i));
        }
        // "386-based", "London-based": a qualifier naming a thing, not a figure.
        if self.is_dash(i + 1) && self.attached(i + 1) && self.is_w(i + 2, "based") {
            return Step::Skip(i + 3);
        }
        let Some(mut np) = self.digits_part(i) else {
            return Step::Skip(i + 1);
        };
        let int_digits = txt
            .bytes()
            .take_while(|c| *c != b'.')
            .filter(|c| c.is_ascii_digit())
            .count();
        np.digits_len = int_digits;
        self.figure_from(np)
    }

    /// Skips a glued chunk (identifier, time, date) up to the next whitespace.
    fn skip_glued(&self, i: usize) -> usize {
        let mut j = i + 1;
        while j < self.n() && !self.toks[j].sp {
            j += 1;
        }
        j
    }

    /// Parses digits at `i` plus a scale written after them.
    fn digits_part(&self, i: usize) -> Option<NumPart> {
        let txt = self.txt(i);
        let value = numbers::parse_digits(txt)?;
        let bare_int = txt.bytes().all(|c| c.is_ascii_digit());
        let mut np = NumPart {
            a: i,
            z: i + 1,
            value,
            scaled: false,
            bare_int,
            words: false,
            digits_len: 0,
        };
        let j = i + 1;
        if self.kind(j) == Some(K::Word) {
            let w = self.lw(j);
            let w = w.as_str();
            if self.attached(j) {
                if w == "m" && self.currency_before(i).is_none() && self.metres_context(i, j + 1) {
                    return Some(np); // "the 200m": metres, decided by `figure_from`
                }
                if let Some(s) = numbers::attached_scale(w) {
                    np.value *= s;
                    np.scaled = true;
                    np.z = j + 1;
                }
            } else if let Some(s) = numbers::scale_word(w)
                && (w != "mn" || self.currency_before(i).is_some())
            {
                np.value *= s;
                np.scaled = true;
                np.z = j + 1;
            }
        }
        Some(np)
    }

    /// Currency symbol (and country prefix) glued before token `i`: (code, first token).
    fn currency_before(&self, i: usize) -> Option<(&'static str, usize)> {
        if i == 0 || self.toks[i].sp || self.kind(i - 1) != Some(K::Punct) {
            return None;
        }
        let sym = self.txt(i - 1).chars().next()?;
        let mut code = numbers::currency_symbol(sym)?;
        let mut a = i - 1;
        if a > 0 && !self.toks[a].sp && self.kind(a - 1) == Some(K::Word) {
            let prefix = self.txt(a - 1);
            let c = match (sym, prefix) {
                ('$', "US" | "U.S") => Some("USD"),
                ('$', "A" | "AU") => Some("AUD"),
                ('$', "C" | "CA" | "Can") => Some("CAD"),
                ('$', "HK") => Some("HKD"),
                ('$', "NZ") => Some("NZD"),
                ('$', "S") => Some("SGD"),
                ('$', "R") => Some("BRL"),
                _ => None,
            };
            if let Some(c) = c {
                code = c;
                a -= 1;
            }
        }
        Some((code, a))
    }

    /// Completes a number part into a figure: currency, suffix, unit, range, filters.
    fn figure_from(&self, np: NumPart) -> Step {
        let i = np.a;
        let cur = if np.words {
            None
        } else {
            self.currency_before(i)
        };
        let a = cur.map_or(i, |c| c.1);
        let mut j = np.z;
        let value = np.value;
        let mut unit: Option<String> = cur.map(|c| c.0.to_string());
        let mut kind = if cur.is_some() {
            StatKind::Money
        } else {
            StatKind::Count
        };

        // Words glued to the digits ("21st", "1990s", "9am", "10km", "3x", "50p", "4G").
        if !np.words && np.z == i + 1 && self.kind(j) == Some(K::Word) && self.attached(j) {
            let w = self.lw(j);
            let w = w.as_str();
            match w {
                "st" | "nd" | "rd" | "th" | "s" => return Step::Skip(j + 1),
                "x" => return self.emit_simple(a, j + 1, value, None, StatKind::Ratio),
                "m" if cur.is_none() && self.metres_context(i, j + 1) => {
                    return self.finish(
                        a,
                        j + 1,
                        j + 1,
                        value,
                        None,
                        Some("m".into()),
                        StatKind::Measure,
                    );
                }
                "p" if cur.is_none() => {
                    return self.emit_simple(
                        a,
                        j + 1,
                        value,
                        Some("GBP pence".into()),
                        StatKind::Money,
                    );
                }
                _ if clock_word(w) => return Step::Skip(j + 1),
                _ => {
                    if let Some(u) = numbers::unit_word(w)
                        && !matches!(
                            u,
                            "years" | "months" | "weeks" | "days" | "hours" | "minutes" | "seconds"
                        )
                    {
                        return self.finish(
                            a,
                            j + 1,
                            j + 1,
                            value,
                            None,
                            Some(u.to_string()),
                            StatKind::Measure,
                        );
                    }
                    return Step::Skip(self.skip_glued(i));
                }
            }
        }

        // Clock times written apart: "9 a.m.", "8:15 am", "1400 GMT", "10 o'clock".
        if !np.scaled && cur.is_none() && self.kind(j) == Some(K::Word) {
            let w = self.lw(j);
            let w = w.as_str();
            if clock_word(w)
                || ((w == "a" || w == "p") && self.is_p(j + 1, ".") && self.attached(j + 1))
            {
                return Step::Skip(j + 1);
            }
        }

        // Dates and years (digits only).
        if !np.words
            && !np.scaled
            && cur.is_none()
            && np.bare_int
            && let Some(skip) = self.date_skip(i, value, np.digits_len)
        {
            return Step::Skip(skip);
        }
        // Identifiers: "Section 8", "Boeing 747", "No. 10".
        if !np.words && !np.scaled && cur.is_none() && np.bare_int && self.identifier_before(i) {
            return Step::Skip(i + 1);
        }
        // Phone numbers and scores: "555-1234", "2-1".
        if !np.words
            && cur.is_none()
            && self.is_dash(j)
            && self.attached(j)
            && self.kind(j + 1) == Some(K::Num)
            && self.attached(j + 1)
        {
            let second = numbers::parse_digits(self.txt(j + 1)).unwrap_or(0.0);
            if np.digits_len >= 3 && self.txt(j + 1).len() >= 3
                || self.is_dash(j + 2) && self.kind(j + 3) == Some(K::Num)
            {
                return Step::Skip(self.skip_glued(i));
            }
            if second <= value && !self.percent_at(j + 2).0 {
                return Step::Skip(j + 2); // a score or a vote tally
            }
        }

        // Suffixes that set the kind.
        let (pct, pz) = self.percent_at(j);
        if pct {
            kind = StatKind::Percent;
            unit = Some(if self.is_w(j, "percentage") {
                "percentage points".into()
            } else {
                "%".into()
            });
            j = pz;
        } else if let Some(code) = self
            .kind(j)
            .filter(|k| *k == K::Word)
            .and_then(|_| numbers::currency_word(self.lw(j).as_str()))
            && !(code == "GBP" && self.is_w(j, "pound") && !np.scaled)
        {
            kind = StatKind::Money;
            unit = Some(code.to_string());
            j += 1;
        }
        let text_end = j;
        let mut after = j;

        // Ages: "23-year-old", "23 years old", "aged 23".
        if kind == StatKind::Count {
            if self.is_dash(j)
                && self.is_w(j + 1, "year")
                && self.is_dash(j + 2)
                && self.is_w(j + 3, "old")
            {
                return self.finish(a, j + 4, j + 4, value, None, None, StatKind::Age);
            }
            if self.is_w(j, "years") && self.is_w(j + 1, "old") {
                return self.finish(a, text_end, j + 2, value, None, None, StatKind::Age);
            }
            if i > 0 && self.is_w(a.wrapping_sub(1), "aged") {
                return self.finish(a, text_end, text_end, value, None, None, StatKind::Age);
            }
        }

        // Ranges: "eight to 10", "8-10", "between 5 and 7", "5 to 10 per cent".
        if let Some(step) = self.range_from(&np, a, j, value, &unit, kind) {
            return step;
        }

        // Ratios: "3 times as many", "10-fold".
        if kind == StatKind::Count {
            if self.is_w(j, "times") {
                let ratio =
                    self.kind(j + 1) == Some(K::Word) && comparative(self.lw(j + 1).as_str());
                let k = if ratio {
                    StatKind::Ratio
                } else {
                    StatKind::Count
                };
                let u = if ratio {
                    None
                } else {
                    Some("times".to_string())
                };
                return self.finish(a, j + 1, j + 1, value, None, u, k);
            }
            if self.is_dash(j) && self.is_w(j + 1, "fold") {
                return self.finish(a, j + 2, j + 2, value, None, None, StatKind::Ratio);
            }
            if self.is_w(j, "fold") {
                return self.finish(a, j + 1, j + 1, value, None, None, StatKind::Ratio);
            }
        }

        // Measures: "10 km", "5-year", "500 barrels", "six months".
        if kind == StatKind::Count {
            let (uj, hy) = if self.is_dash(j) && self.attached(j) {
                (j + 1, true)
            } else {
                (j, false)
            };
            if self.kind(uj) == Some(K::Word) {
                let w = self.lw(uj);
                let mut w = w.as_str();
                let mut uz = uj + 1;
                let sq = w == "square" || w == "sq";
                let w2;
                if sq {
                    w2 = self.lw(uj + 1);
                    w = w2.as_str();
                    uz += 1;
                }
                if let Some(u) = numbers::unit_word(w) {
                    // "m" spaced after a number is metres only in measure contexts; skip it.
                    let ambiguous = u == "m" && !hy;
                    let single_word_second = u == "seconds" && w == "second" && !hy;
                    if !ambiguous && !single_word_second {
                        let unit = if sq { format!("sq {u}") } else { u.to_string() };
                        return self.finish(
                            a,
                            text_end,
                            uz,
                            value,
                            None,
                            Some(unit),
                            StatKind::Measure,
                        );
                    }
                }
            }
        }
        if kind == StatKind::Count
            && self.is_dash(j)
            && self.attached(j)
            && self.kind(j + 1) == Some(K::Word)
            && self.attached(j + 1)
        {
            // "three-member panel", "50-strong": still a count; the subject follows.
            after = j + 2;
        }
        self.finish(a, text_end, after, value, None, unit, kind)
    }

    /// Whether "200m" without a currency is a distance: a race name ("the 200m",
    /// "100m hurdles") rather than BBC-style millions ("5m people").
    fn metres_context(&self, i: usize, after: usize) -> bool {
        let nx = self.lw(after);
        if matches!(
            nx.as_str(),
            "race"
                | "final"
                | "sprint"
                | "freestyle"
                | "hurdles"
                | "butterfly"
                | "backstroke"
                | "breaststroke"
                | "relay"
                | "medley"
                | "heat"
                | "heats"
                | "semi-final"
                | "title"
                | "record"
                | "dash"
                | "champion"
                | "gold"
                | "silver"
                | "bronze"
                | "event"
        ) {
            return true;
        }
        i > 0 && self.is_w(i - 1, "the") && self.kind(after) != Some(K::Word)
    }

    /// "%", "per cent", "percent", "pct", "percentage point(s)" at `j`: (found, end).
    fn percent_at(&self, j: usize) -> (bool, usize) {
        if self.is_p(j, "%") {
            return (true, j + 1);
        }
        if self.kind(j) != Some(K::Word) {
            return (false, j);
        }
        let w = self.lw(j);
        match w.as_str() {
            "percent" | "pct" | "pc" => (true, j + 1),
            "per" if self.is_w(j + 1, "cent") => (true, j + 2),
            "percentage" if self.is_w(j + 1, "points") || self.is_w(j + 1, "point") => {
                (true, j + 2)
            }
            _ => (false, j),
        }
    }

    /// Dates and years at digit token `i` (bare integer): returns where to resume.
    fn date_skip(&self, i: usize, value: f64, digits: usize) -> Option<usize> {
        // Month before: "Dec. 23", "March 5", "April 1, 20125".
        let mut p = i;
        if p > 0 && self.is_p(p - 1, ".") {
            p -= 1;
        }
        if p > 0
            && self.kind(p - 1) == Some(K::Word)
            && self.capitalized(p - 1)
            && month(self.lw(p - 1).as_str())
        {
            let mut z = i + 1;
            // "October 15 and 16", "March 3-5": further days of the same date.
            while (self.is_w(z, "and")
                || self.is_w(z, "to")
                || self.is_dash(z)
                || self.is_p(z, ","))
                && self.kind(z + 1) == Some(K::Num)
                && self.txt(z + 1).len() <= 2
            {
                z += 2;
            }
            if self.is_p(z, ",") && self.kind(z + 1) == Some(K::Num) {
                z += 2;
            }
            if value <= 31.0 || (digits == 4 && (1800.0..=2100.0).contains(&value)) {
                return Some(z);
            }
        }
        // "1, 20125" after "Month": the year of a date already skipped by the rule above.
        // Day before month: "23 December", "5 Jan".
        if (1.0..=31.0).contains(&value)
            && self.kind(i + 1) == Some(K::Word)
            && self.capitalized(i + 1)
            && month(self.lw(i + 1).as_str())
        {
            let mut z = i + 2;
            if self.kind(z) == Some(K::Num) && self.txt(z).len() == 4 {
                z += 1;
            }
            return Some(z);
        }
        // Years: four digits 1800–2100, and year spans "2004-05", "2004/05".
        if digits == 4 && (1800.0..=2100.0).contains(&value) {
            let mut z = i + 1;
            if (self.is_dash(z) || self.is_p(z, "/"))
                && self.attached(z)
                && self.kind(z + 1) == Some(K::Num)
            {
                z += 2;
            }
            return Some(z);
        }
        None
    }

    /// Whether the word before bare integer `i` makes it a name or identifier.
    fn identifier_before(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let mut p = i - 1;
        if self.is_p(p, ".") && p > 0 {
            p -= 1;
            if self.is_w(p, "No")
                || self.is_w(p, "no")
                || self.is_w(p, "Nos")
                || self.is_w(p, "Vol")
                || self.is_w(p, "Art")
                || self.is_w(p, "Sec")
            {
                return true;
            }
            return false;
        }
        if self.kind(p) != Some(K::Word) {
            return false;
        }
        let w = self.lw(p);
        let w = w.as_str();
        if id_keyword(w) || self.txt(p) == "No" || self.txt(p) == "Number" {
            return true;
        }
        // A capitalised word inside a sentence ("Boeing 747", "Windows 7"), unless it is
        // a month, a possessive, all-caps (headlines, tickers) or sentence-initial.
        if self.capitalized(p)
            && !self.all_caps(p)
            && !self.sentence_initial(p)
            && !month(w)
            && !weekday(w)
            && !w.ends_with("'s")
            && !w.ends_with("’s")
        {
            let v = numbers::parse_digits(self.txt(i)).unwrap_or(0.0);
            let nx = self.lw(i + 1);
            let nx = nx.as_str();
            let next_unit = self.percent_at(i + 1).0
                || numbers::currency_word(nx).is_some()
                || numbers::scale_word(nx).is_some()
                || numbers::attached_scale(nx).is_some() && self.attached(i + 1);
            return v < 10000.0 && !next_unit;
        }
        false
    }

    /// A second number after a range connector at `j`, if the figure at `np` opens a range.
    fn range_from(
        &self,
        np: &NumPart,
        a: usize,
        j: usize,
        value: f64,
        unit: &Option<String>,
        kind: StatKind,
    ) -> Option<Step> {
        let between = a > 0 && self.is_w(a - 1, "between");
        let conn_to = self.is_w(j, "to");
        let conn_dash = self.is_dash(j);
        let conn_and = between && self.is_w(j, "and");
        if !(conn_to || conn_dash || conn_and) {
            return None;
        }
        if conn_to && a > 0 && (self.is_w(a - 1, "from") || self.is_w(a.saturating_sub(2), "from"))
        {
            return None;
        }
        // The second number, with its own currency symbol perhaps.
        let mut k = j + 1;
        let mut cur2 = None;
        if self.kind(k) == Some(K::Punct)
            && self
                .txt(k)
                .chars()
                .next()
                .and_then(numbers::currency_symbol)
                .is_some()
        {
            cur2 = self
                .txt(k)
                .chars()
                .next()
                .and_then(numbers::currency_symbol);
            k += 1;
        }
        let second = if self.kind(k) == Some(K::Num) {
            let mut p = self.digits_part(k)?;
            p.digits_len = self.txt(k).len();
            p
        } else if self.kind(k) == Some(K::Word) {
            self.words_part(k)?
        } else {
            return None;
        };
        let hi = second.value;
        let mut hz = second.z;
        let mut hunit: Option<String> = cur2.map(|c| c.to_string());
        let mut hkind = if cur2.is_some() {
            StatKind::Money
        } else {
            StatKind::Count
        };
        let (pct, pz) = self.percent_at(hz);
        if pct {
            hkind = StatKind::Percent;
            hunit = Some("%".into());
            hz = pz;
        } else if self.kind(hz) == Some(K::Word)
            && let Some(code) = numbers::currency_word(self.lw(hz).as_str())
        {
            hkind = StatKind::Money;
            hunit = Some(code.into());
            hz += 1;
        }
        let mut lo = value;
        // "$1 to $2 billion", "5 and 7 million": the low end shares the high end's scale.
        if second.scaled && !np.scaled && lo < second.value {
            let scale = second.value
                / numbers::parse_digits(self.txt(second.a))
                    .or_else(|| self.words_part(second.a).map(|p| p.value))
                    .unwrap_or(second.value)
                    .max(1e-300);
            if lo * scale < hi {
                lo *= scale;
            }
        }
        let (rkind, runit) = match (kind, hkind) {
            (StatKind::Count, k2) => (k2, hunit.clone()),
            (k1, StatKind::Count) => (k1, unit.clone()),
            (k1, k2) if k1 == k2 && *unit == hunit => (k1, unit.clone()),
            _ => return None,
        };
        if lo >= hi {
            return None;
        }
        if hi / lo.max(1e-9) > 1000.0 && !second.scaled {
            return None;
        }
        let mut after = hz;
        // A measure unit after the range: "5 to 10 km".
        let mut unit_out = runit;
        if rkind == StatKind::Count
            && self.kind(hz) == Some(K::Word)
            && let Some(u) = numbers::unit_word(self.lw(hz).as_str())
            && u != "m"
        {
            unit_out = Some(u.to_string());
            after = hz + 1;
        }
        Some(self.finish(a, hz, after, lo, Some(hi), unit_out, StatKind::Range))
    }

    fn emit_simple(
        &self,
        a: usize,
        z: usize,
        value: f64,
        unit: Option<String>,
        kind: StatKind,
    ) -> Step {
        self.finish(a, z, z, value, None, unit, kind)
    }

    #[allow(clippy::too_many_arguments)]
    fn finish(
        &self,
        a: usize,
        z: usize,
        after: usize,
        value: f64,
        high: Option<f64>,
        unit: Option<String>,
        kind: StatKind,
    ) -> Step {
        if !value.is_finite() || high.is_some_and(|h| !h.is_finite()) {
            return Step::Skip(z);
        }
        Step::Emit(Fig {
            a,
            z,
            value,
            high,
            unit,
            kind,
            after,
        })
    }

    // -----------------------------------------------------------------------
    // Figures written in words

    /// Number words from `i`: "six", "twenty-five", "one hundred and fifty", "a million",
    /// "1.5 million" is handled by `digits_part`.
    fn words_part(&self, i: usize) -> Option<NumPart> {
        let mut words: Vec<NumWord> = Vec::new();
        let mut k = i;
        let mut z = i;
        if self.is_w(i, "a") || self.is_w(i, "an") {
            let nx = self.lw(i + 1);
            match numbers::number_word(nx.as_str()) {
                Some(NumWord::Hundred | NumWord::Scale(_) | NumWord::Dozen) => {
                    words.push(NumWord::Unit(1.0));
                    k = i + 1;
                }
                _ => return None,
            }
        }
        while k < self.n() && words.len() < 12 {
            if self.kind(k) != Some(K::Word) {
                break;
            }
            let w = self.lw(k);
            let Some(nw) = numbers::number_word(w.as_str()) else {
                break;
            };
            if w.as_str() == "mn" || w.as_str() == "tn" || w.as_str() == "bn" && words.is_empty() {
                break;
            }
            words.push(nw);
            z = k + 1;
            // "twenty-five": hyphen glued on both sides between number words.
            if self.is_dash(k + 1)
                && self.attached(k + 1)
                && self.attached(k + 2)
                && numbers::number_word(self.lw(k + 2).as_str()).is_some()
            {
                k += 2;
                continue;
            }
            // "one hundred and fifty": "and" after hundred/scale.
            if matches!(nw, NumWord::Hundred | NumWord::Scale(_))
                && self.is_w(k + 1, "and")
                && matches!(
                    numbers::number_word(self.lw(k + 2).as_str()),
                    Some(NumWord::Unit(_) | NumWord::Tens(_))
                )
            {
                k += 2;
                continue;
            }
            k += 1;
        }
        // "a mn": the article takes a scale word the loop then refuses ("mn", "tn" are
        // also state codes), leaving no word of the figure at all.
        if words.is_empty() || z <= i {
            return None;
        }
        // A lone scale/hundred/dozen word ("thousand", "million") is not a figure.
        if words.len() == 1 && !matches!(words[0], NumWord::Unit(_) | NumWord::Tens(_)) {
            return None;
        }
        let mut value = numbers::combine_words(None, &words)?;
        // "two and a half": add the half.
        if self.is_w(z, "and") && self.is_w(z + 1, "a") && self.is_w(z + 2, "half") {
            value += 0.5;
            z += 3;
        }
        let scaled = words.iter().any(|w| matches!(w, NumWord::Scale(_)));
        Some(NumPart {
            a: i,
            z,
            value,
            scaled,
            bare_int: false,
            words: true,
            digits_len: 0,
        })
    }

    fn at_word(&self, i: usize) -> Option<Step> {
        let lw = self.lw(i);
        let w = lw.as_str();
        if w.is_empty() {
            return None;
        }
        let first = w.as_bytes()[0];
        // Cheap rejection: every word this function knows starts with one of these.
        if !b"abdefhmnoqrstz".contains(&first) {
            return None;
        }
        // Ratio verbs: "doubled", "more than quadrupled", "halved".
        if let Some(r) = numbers::ratio_verb(w) {
            return Some(self.finish(i, i + 1, i + 1, r, None, None, StatKind::Ratio));
        }
        if let Some(r) = numbers::ratio_verb_base(w) {
            let prev = self.lw(i.wrapping_sub(1));
            if i > 0
                && matches!(
                    prev.as_str(),
                    "to" | "will"
                        | "would"
                        | "could"
                        | "can"
                        | "may"
                        | "might"
                        | "should"
                        | "than"
                        | "nearly"
                        | "almost"
                        | "roughly"
                        | "expected"
                )
                && !(self.is_dash(i + 1) && self.attached(i + 1))
            {
                return Some(self.finish(i, i + 1, i + 1, r, None, None, StatKind::Ratio));
            }
            return None;
        }
        if w == "twice" {
            if self.kind(i + 1) == Some(K::Word) && comparative(self.lw(i + 1).as_str())
                || self.lw(i + 1).as_str().ends_with("er")
            {
                return Some(self.finish(i, i + 1, i + 1, 2.0, None, None, StatKind::Ratio));
            }
            return None;
        }
        if let Some(r) = numbers::fold_word(w) {
            return Some(self.finish(i, i + 1, i + 1, r, None, None, StatKind::Ratio));
        }
        if w == "half" {
            return self.half_at(i);
        }
        // "a third of", "a quarter of the".
        if (w == "a" || w == "one") && self.kind(i + 1) == Some(K::Word) {
            let nx = self.lw(i + 1);
            if let Some((d, false)) = numbers::fraction_word(nx.as_str())
                && d > 2.0
                && !self.attached(i + 2)
                && self.fraction_follow(i + 2)
            {
                return Some(self.finish(i, i + 2, i + 2, 1.0 / d, None, None, StatKind::Fraction));
            }
            if w == "a" {
                // "a million", "a dozen"
                let np = self.words_part(i)?;
                return Some(self.figure_from(np));
            }
        }
        let np = self.words_part(i)?;
        // "two-thirds", "three quarters of": a numerator before a plural fraction word.
        if np.z == i + 1 {
            let (fj, hy) = if self.is_dash(np.z) && self.attached(np.z) {
                (np.z + 1, true)
            } else {
                (np.z, false)
            };
            if let Some((d, plural)) = numbers::fraction_word(self.lw(fj).as_str())
                && d > 2.0
                && (plural || np.value == 1.0)
                && (hy || self.fraction_follow(fj + 1))
                && np.value < d
            {
                return Some(self.finish(
                    i,
                    fj + 1,
                    fj + 1,
                    np.value / d,
                    None,
                    None,
                    StatKind::Fraction,
                ));
            }
        }
        // Word numbers: filter pronoun "one", names ("Formula One", "Big Four"), "zero".
        if np.z == i + 1 {
            if w == "zero" {
                return None;
            }
            if self.capitalized(i) && !self.all_caps(i) && !self.sentence_initial(i) {
                return None;
            }
            if w == "one" {
                if self.one_is_pronoun(i) {
                    return None;
                }
                // "one in five": a proportion.
                if self.is_w(i + 1, "in") {
                    if let Some(d) = self.small_number(i + 2)
                        && d > 1.0
                        && d <= 1000.0
                    {
                        return Some(self.finish(
                            i,
                            i + 3,
                            i + 3,
                            1.0 / d,
                            None,
                            None,
                            StatKind::Fraction,
                        ));
                    }
                    return None;
                }
            }
        }
        Some(self.figure_from(np))
    }

    /// A small number (digits or one word) at `k`.
    fn small_number(&self, k: usize) -> Option<f64> {
        match self.kind(k)? {
            K::Num => numbers::parse_digits(self.txt(k)),
            K::Word => match numbers::number_word(self.lw(k).as_str())? {
                NumWord::Unit(v) | NumWord::Tens(v) => Some(v),
                _ => None,
            },
            K::Punct => None,
        }
    }

    /// Whether what follows a fraction word makes it a share of something.
    fn fraction_follow(&self, k: usize) -> bool {
        if self.kind(k) != Some(K::Word) {
            return false;
        }
        let w = self.lw(k);
        let w = w.as_str();
        w == "of"
            || determiner(w)
            || matches!(w, "all" | "them" | "it")
            || w.ends_with("'s")
            || w.ends_with("’s")
    }

    fn half_at(&self, i: usize) -> Option<Step> {
        // "half a million", "half a trillion dollars": a scaled figure.
        if self.is_w(i + 1, "a")
            && let Some(scale) = numbers::scale_word(self.lw(i + 2).as_str())
        {
            let np = NumPart {
                a: i,
                z: i + 3,
                value: 0.5 * scale,
                scaled: true,
                bare_int: false,
                words: true,
                digits_len: 0,
            };
            return Some(self.figure_from(np));
        }
        if self.is_dash(i + 1) && self.attached(i + 1) {
            return None; // "half-time", "half-year"
        }
        let prev = self.lw(i.wrapping_sub(1));
        let p = if i > 0 { prev.as_str() } else { "" };
        if matches!(
            p,
            "first"
                | "second"
                | "last"
                | "latter"
                | "other"
                | "the"
                | "this"
                | "a"
                | "next"
                | "past"
                | "each"
                | "one"
                | "its"
                | "and"
                | "her"
                | "his"
                | "their"
                | "second-half"
                | "by"
                | "in"
        ) {
            return None;
        }
        let qualified = matches!(
            p,
            "almost"
                | "nearly"
                | "about"
                | "over"
                | "than"
                | "roughly"
                | "some"
                | "around"
                | "just"
                | "only"
                | "least"
                | "barely"
                | "approximately"
        );
        if qualified || self.fraction_follow(i + 1) {
            return Some(self.finish(i, i + 1, i + 1, 0.5, None, None, StatKind::Fraction));
        }
        None
    }

    fn one_is_pronoun(&self, i: usize) -> bool {
        let prev = self.lw(i.wrapping_sub(1));
        if i > 0 && self.kind(i - 1) == Some(K::Word) && one_idiom_prev(prev.as_str()) {
            return true;
        }
        match self.kind(i + 1) {
            None | Some(K::Num) => true,
            Some(K::Punct) => {
                !(self.is_dash(i + 1)
                    && self.attached(i + 1)
                    && self.kind(i + 2) == Some(K::Word)
                    && numbers::unit_word(self.lw(i + 2).as_str()).is_some())
            }
            Some(K::Word) => {
                let nx = self.lw(i + 1);
                let nx = nx.as_str();
                if nx == "in" {
                    return false; // "one in five", decided by the caller
                }
                one_idiom_next(nx) || self.txt(i + 1).ends_with("'s") || nx.ends_with("self")
            }
        }
    }

    // -----------------------------------------------------------------------
    // Context: qualifier, subject, time

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
        let srange = self.sentence(body, cache, start);
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

    /// Qualifier words before token `a`; returns it and the first qualifier token.
    fn qualifier(&self, a: usize) -> (Option<Qualifier>, usize) {
        use Qualifier::*;
        let w1 = self.lw(a.wrapping_sub(1));
        let w2 = self.lw(a.wrapping_sub(2));
        let w3 = self.lw(a.wrapping_sub(3));
        let (w1, w2, w3) = (
            if a >= 1 { w1.as_str() } else { "" },
            if a >= 2 { w2.as_str() } else { "" },
            if a >= 3 { w3.as_str() } else { "" },
        );
        let three = match (w3, w2, w1) {
            ("as", "many" | "much" | "high", "as") => Some(UpperBound),
            ("no", "more" | "greater", "than") => Some(UpperBound),
            ("in", "excess", "of") => Some(LowerBound),
            ("a", "little", "over" | "more") => Some(LowerBound),
            _ => None,
        };
        if let Some(q) = three {
            return (Some(q), a - 3);
        }
        let two = match (w2, w1) {
            ("more" | "greater" | "higher" | "larger", "than") => Some(LowerBound),
            ("fewer" | "less" | "lower" | "smaller", "than") => Some(UpperBound),
            ("at", "least") => Some(LowerBound),
            ("at", "most") => Some(UpperBound),
            ("up", "to") => Some(UpperBound),
            ("upwards", "of") => Some(LowerBound),
            ("an", "estimated") => Some(Approximate),
            ("close", "to") => Some(Approximate),
            ("just" | "well" | "slightly", "over" | "above") => Some(LowerBound),
            ("just" | "slightly", "under" | "below") => Some(UpperBound),
            _ => None,
        };
        if let Some(q) = two {
            return (Some(q), a - 2);
        }
        let one = match w1 {
            "about" | "almost" | "nearly" | "some" | "roughly" | "around" | "approximately"
            | "approx" | "estimated" | "circa" | "c" | "approaching" => Some(Approximate),
            "over" | "above" => Some(LowerBound),
            "under" | "below" => Some(UpperBound),
            "all" | "exactly" | "precisely" => Some(Exact),
            _ => None,
        };
        match one {
            Some(q) => (Some(q), a - 1),
            None => (None, a),
        }
    }

    fn subject(
        &self,
        fig: &Fig,
        qa: usize,
        prev: Option<&Statistic>,
        start: usize,
    ) -> Option<String> {
        let j = fig.after;
        // Elliptical "eight to 10 more in March": the noun is the previous figure's.
        if self.is_w(j, "more") || self.is_w(j, "others") || self.is_w(j, "additional") {
            let nxt = self.lw(j + 1);
            if (self.kind(j + 1) != Some(K::Word) || np_stop(nxt.as_str()))
                && let Some(p) = prev
                && start.saturating_sub(p.end) < 600
                && let Some(s) = &p.subject
            {
                return Some(s.clone());
            }
        }
        let mut k = j;
        // Money/percent/measure: skip "annually" / "a year" and take "in/on/for X".
        if matches!(
            fig.kind,
            StatKind::Money | StatKind::Percent | StatKind::Measure | StatKind::Fraction
        ) {
            loop {
                let w = self.lw(k);
                match w.as_str() {
                    "annually" | "yearly" | "monthly" | "weekly" | "daily" => k += 1,
                    "a" | "per" | "each"
                        if matches!(
                            self.lw(k + 1).as_str(),
                            "year" | "month" | "week" | "day" | "annum"
                        ) =>
                    {
                        k += 2
                    }
                    _ => break,
                }
            }
            if matches!(fig.kind, StatKind::Money)
                && (self.is_w(k, "in") || self.is_w(k, "on") || self.is_w(k, "for"))
                && !self.time_starts(k + 1)
                && let Some(r) = self.np_forward(k + 1)
            {
                return Some(self.clean(r));
            }
        }
        if let Some(r) = self.np_forward(k) {
            return Some(self.clean(r));
        }
        if let Some(r) = self.clause_subject(qa) {
            return Some(self.clean(r));
        }
        if let Some(r) = self.number_of_before(qa) {
            return Some(self.clean(r));
        }
        self.np_backward(qa).map(|r| self.clean(r))
    }

    /// Noun phrase starting at token `k` (after "of", quotes and determiners).
    fn np_forward(&self, mut k: usize) -> Option<Range<usize>> {
        if self.is_w(k, "of") {
            k += 1;
        }
        // A quoted phrase right after the figure: the quote is the subject.
        if self.kind(k) == Some(K::Punct) && matches!(self.txt(k), "“" | "\"" | "‘") {
            let open = self.txt(k);
            let close: &[&str] = match open {
                "“" => &["”", "\""],
                "‘" => &["’"],
                _ => &["\"", "”"],
            };
            let mut m = k + 1;
            while m < self.n() && m < k + 60 {
                if self.kind(m) == Some(K::Punct) && close.contains(&self.txt(m)) && m > k + 1 {
                    return Some(self.toks[k + 1].s as usize..self.toks[m - 1].e as usize);
                }
                if self.is_p(m, ".")
                    && !self.attached(m + 1)
                    && self.toks.get(m + 1).is_some_and(|t| t.nl)
                {
                    break;
                }
                m += 1;
            }
            return None;
        }
        while self.kind(k) == Some(K::Word) && determiner(self.lw(k).as_str()) {
            k += 1;
        }
        let first = k;
        let mut last: Option<usize> = None;
        let mut words = 0;
        let mut prev_plural = false;
        let mut prev_ing = false;
        let mut after_prep = false;
        let limit = (k + NP_MAX_TOKENS).min(self.n());
        while k < limit {
            match self.kind(k) {
                Some(K::Word) => {
                    let lw = self.lw(k);
                    let w = lw.as_str();
                    let content = |s: &Self, m: usize| -> bool {
                        match s.kind(m) {
                            Some(K::Word) => {
                                let x = s.lw(m);
                                !np_stop(x.as_str()) || determiner(x.as_str())
                            }
                            Some(K::Num) => true,
                            _ => false,
                        }
                    };
                    if scope_adverb(w) && words > 0 {
                        last = Some(k);
                        k += 1;
                        continue;
                    }
                    if scope_prep(w) && words > 0 && !after_prep {
                        if w == "in" && self.time_starts(k + 1) {
                            break;
                        }
                        if !content(self, k + 1) {
                            break;
                        }
                        after_prep = true;
                        k += 1;
                        while self.kind(k) == Some(K::Word) && determiner(self.lw(k).as_str()) {
                            k += 1;
                        }
                        continue;
                    }
                    if (w == "and" || w == "or") && words > 0 {
                        if !content(self, k + 1) || self.kind(k + 1) == Some(K::Num) {
                            break;
                        }
                        k += 1;
                        continue;
                    }
                    if w == "being" && words > 0 {
                        k += 1;
                        continue;
                    }
                    if w == "as" && prev_ing {
                        k += 1;
                        continue;
                    }
                    if np_stop(w) || time_word_strict(w) && words > 0 {
                        break;
                    }
                    if numbers::number_word(w).is_some() && words > 0 {
                        break;
                    }
                    if words > 0 && prev_plural && w.len() > 3 && w.ends_with("ed") {
                        break; // "heads penned": a verb after the head noun
                    }
                    if words >= 10 {
                        break;
                    }
                    let raw = self.txt(k);
                    prev_plural = w.ends_with('s')
                        && !w.ends_with("ss")
                        && !raw.ends_with("'s")
                        && !raw.ends_with("’s");
                    prev_ing = w.ends_with("ing");
                    words += 1;
                    last = Some(k);
                    after_prep = false;
                    k += 1;
                }
                Some(K::Num) if after_prep => {
                    // "across 40 states"
                    k += 1;
                }
                Some(K::Num)
                    if self.is_p(k + 1, "(")
                        && self.attached(k + 1)
                        && self.attached(k + 2)
                        && self.is_p(k + 3, ")")
                        && self.attached(k + 3) =>
                {
                    // An identifier such as "287(g)" naming the thing counted.
                    words += 1;
                    last = Some(k + 3);
                    after_prep = false;
                    k += 4;
                }
                Some(K::Punct)
                    if self.is_dash(k) && self.attached(k) && self.attached(k + 1) && words > 0 =>
                {
                    // Hyphenated words are one word ("foreign-born", "Miami-Dade").
                    k += 1;
                    words -= 1;
                }
                Some(K::Punct) if self.txt(k) == "&" && words > 0 => k += 1,
                Some(K::Punct)
                    if self.txt(k) == "("
                        && self.attached(k + 1)
                        && self.attached(k + 2)
                        && self.is_p(k + 2, ")") =>
                {
                    // "287(g)" inside a name.
                    k += 3;
                }
                _ => break,
            }
        }
        let last = last?;
        if last < first {
            return None;
        }
        Some(self.toks[first].s as usize..self.toks[last].e as usize)
    }

    /// "The number of X has …" earlier in the sentence: X.
    fn number_of_before(&self, a: usize) -> Option<Range<usize>> {
        let lo = a.saturating_sub(60);
        let mut k = a;
        while k > lo {
            k -= 1;
            if self.kind(k) == Some(K::Punct)
                && matches!(self.txt(k), "." | "!" | "?")
                && !self.attached(k + 1)
            {
                break;
            }
            if self.is_w(k, "number") && self.is_w(k + 1, "of") {
                return self.np_forward(k + 2);
            }
        }
        None
    }

    /// Noun phrase before the figure ("unemployment rose to 5%", "a case for $150,000").
    /// "magnitude 7.8", "a magnitude of 7.5" before the figure.
    fn magnitude_before(&self, qa: usize) -> bool {
        qa >= 1 && self.is_w(qa - 1, "magnitude")
            || qa >= 2 && self.is_w(qa - 1, "of") && self.is_w(qa - 2, "magnitude")
    }

    /// The subject of "the death toll … rose to 4,300", "unemployment stood at 5%": the
    /// noun phrase that opens the clause whose verb moves the figure.
    fn clause_subject(&self, qa: usize) -> Option<Range<usize>> {
        if qa < 2 || self.kind(qa - 1) != Some(K::Word) {
            return None;
        }
        let w1 = self.lw(qa - 1);
        let w2 = self.lw(qa - 2);
        let verb_at = match (w2.as_str(), w1.as_str()) {
            (v, "to") if change_verb(v) => qa - 2,
            ("stood" | "stands" | "stand" | "was" | "is" | "were" | "are", "at") => qa - 2,
            (_, "reached" | "hit" | "topped" | "passed" | "exceeded" | "surpassed") => qa - 1,
            _ => return None,
        };
        // Back to the start of the clause: a sentence mark, or at most 40 tokens.
        let mut start = verb_at;
        let mut comma = None;
        while start > 0 && verb_at - start < 40 {
            let p = start - 1;
            if self.kind(p) == Some(K::Punct) {
                let t = self.txt(p);
                if matches!(t, "." | ";" | ":" | "!" | "?" | "“" | "”" | "\"") || self.is_dash(p)
                {
                    break;
                }
                if t == "," && comma.is_none() {
                    comma = Some(start);
                }
            }
            start -= 1;
        }
        // "On Tuesday, the death toll rose to…": the phrase after the comma, when it
        // opens with a determiner.
        if let Some(c) = comma
            && determiner(self.lw(c).as_str())
        {
            start = c;
        }
        let r = self.np_forward(start)?;
        let end_tok = self.toks.get(verb_at)?.s as usize;
        (r.end <= end_tok).then_some(r)
    }

    /// The event a count is of, from a verb next to it: "killing at least 1,300 people",
    /// "15,000 people injured", "200 were arrested" → "killed", "injured", "arrested".
    fn event_verb(&self, fig: &Fig, qa: usize) -> Option<&'static str> {
        if !matches!(fig.kind, StatKind::Count | StatKind::Range) {
            return None;
        }
        if qa >= 1
            && let Some(e) = event_participle(self.lw(qa - 1).as_str())
        {
            return Some(e);
        }
        // After the figure: its noun, then "were/have been" or directly the participle.
        for k in fig.after..fig.after + 5 {
            if self.kind(k) != Some(K::Word) {
                return None;
            }
            let w = self.lw(k);
            if let Some(e) = event_participle(w.as_str()) {
                let w = w.as_str();
                return (w.ends_with("ed") || w == "dead").then_some(e);
            }
        }
        None
    }

    fn np_backward(&self, a: usize) -> Option<Range<usize>> {
        let mut k = a;
        let mut skipped = 0;
        while k > 0 && skipped < 4 {
            if self.kind(k - 1) != Some(K::Word) {
                break;
            }
            let w = self.lw(k - 1);
            if verbish(w.as_str()) {
                k -= 1;
                skipped += 1;
            } else {
                break;
            }
        }
        let end = k;
        let mut words = 0;
        while k > 0 && words < 6 {
            let p = k - 1;
            match self.kind(p) {
                Some(K::Word) => {
                    let w = self.lw(p);
                    if np_stop(w.as_str())
                        || numbers::number_word(w.as_str()).is_some()
                        || verbish(w.as_str()) && words > 0
                    {
                        break;
                    }
                    words += 1;
                    k -= 1;
                }
                Some(K::Punct)
                    if self.is_dash(p) && !self.toks[p].sp && self.attached(p + 1) && words > 0 =>
                {
                    k -= 1
                }
                _ => break,
            }
        }
        if words == 0 || k >= end {
            return None;
        }
        Some(self.toks[k].s as usize..self.toks[end - 1].e as usize)
    }

    /// Whether a time phrase starts at token `k` ("February", "the past year", "2016").
    fn time_starts(&self, mut k: usize) -> bool {
        while self.kind(k) == Some(K::Word)
            && matches!(
                self.lw(k).as_str(),
                "the"
                    | "early"
                    | "late"
                    | "mid"
                    | "first"
                    | "second"
                    | "third"
                    | "fourth"
                    | "last"
                    | "past"
                    | "this"
                    | "next"
            )
        {
            k += 1;
        }
        match self.kind(k) {
            Some(K::Word) => {
                let w = self.lw(k);
                let w = w.as_str();
                time_word(w) && (!month(w) || self.capitalized(k))
            }
            Some(K::Num) => {
                let v = numbers::parse_digits(self.txt(k)).unwrap_or(0.0);
                let decade = self.attached(k + 1) && self.kind(k + 1) == Some(K::Word);
                self.txt(k).len() == 4 && (1800.0..=2100.0).contains(&v) && !decade
            }
            _ => false,
        }
    }

    /// Subject text without quote marks, with typographic apostrophes made plain.
    fn clean(&self, r: Range<usize>) -> String {
        let s = self.seg.get(r).unwrap_or("");
        let s: String = s
            .chars()
            .filter(|c| !matches!(c, '“' | '”' | '"'))
            .map(|c| if c == '’' { '\'' } else { c })
            .collect();
        s.trim().to_string()
    }

    fn sentence(&self, body: &str, cache: &mut SentenceCache, start: usize) -> Range<usize> {
        if let Some(r) = &cache.range
            && r.start <= start
            && start < r.end
        {
            return r.clone();
        }
        let r = sentence_range(body, start);
        let r = if r.start <= start && start <= r.end && r.end <= body.len() {
            r
        } else {
            start..start
        };
        cache.times = self.time_candidates(r.clone());
        cache.range = Some(r.clone());
        r
    }

    /// Time anchors in a sentence (absolute ranges, ordered, non-nested).
    fn time_candidates(&self, r: Range<usize>) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = Vec::new();
        let rs = r.start.saturating_sub(self.base);
        let re = r.end.saturating_sub(self.base);
        let first = self.toks.partition_point(|t| (t.s as usize) < rs);
        let last = self.toks.partition_point(|t| (t.s as usize) < re);
        let mut k = first;
        while k < last {
            let mut found: Option<usize> = None; // exclusive end token
            if self.kind(k) == Some(K::Word) {
                let w = self.lw(k);
                match w.as_str() {
                    "since" if self.time_starts(k + 1) => {
                        // "since 2000", "since January": just the time.
                        found = Some(self.time_phrase_end(k + 1, last));
                    }
                    "since" => {
                        // "since Trump took office in January": the clause, up to
                        // punctuation or a conjunction, if it names an event or a time.
                        let mut m = k + 1;
                        let mut has_time = false;
                        while m < last && m < k + 14 && self.kind(m) != Some(K::Punct) {
                            let x = self.lw(m);
                            if matches!(
                                x.as_str(),
                                "but"
                                    | "and"
                                    | "while"
                                    | "which"
                                    | "who"
                                    | "when"
                                    | "although"
                                    | "though"
                                    | "because"
                                    | "so"
                            ) {
                                break;
                            }
                            if self.time_starts(m)
                                || matches!(
                                    x.as_str(),
                                    "office"
                                        | "election"
                                        | "began"
                                        | "start"
                                        | "beginning"
                                        | "launch"
                                        | "pandemic"
                                        | "war"
                                        | "crisis"
                                )
                            {
                                has_time = true;
                            }
                            m += 1;
                        }
                        // "since Dec. 23": keep the abbreviation period and the day.
                        m = self.extend_date(m, last);
                        if has_time && m > k + 1 {
                            found = Some(m);
                        }
                    }
                    "as" if self.is_w(k + 1, "of") && self.time_starts(k + 2) => {
                        let m = self.time_phrase_end(k + 2, last);
                        found = Some(m);
                    }
                    "in" | "by" | "on" | "during" | "until" | "through" | "throughout"
                    | "before" | "after"
                        if self.time_starts(k + 1) =>
                    {
                        found = Some(self.time_phrase_end(k + 1, last));
                    }
                    "last" | "this" | "next" | "earlier" | "later" | "past"
                        if self.time_starts(k + 1) || self.time_starts(k) =>
                    {
                        found = Some(self.time_phrase_end(k, last));
                    }
                    "yesterday" | "today" if !self.capitalized(k) || self.sentence_initial(k) => {
                        found = Some(k + 1)
                    }
                    _ if weekday(w.as_str()) && self.capitalized(k) => {
                        found = Some(self.time_phrase_end(k, last));
                    }
                    _ => {}
                }
            }
            if let Some(m) = found {
                let m = m.min(last).max(k + 1);
                out.push(
                    self.base + self.toks[k].s as usize..self.base + self.toks[m - 1].e as usize,
                );
                k = m;
            } else {
                k += 1;
            }
        }
        out
    }

    /// End (exclusive token) of a time phrase starting at `k`: modifiers, the time
    /// word, and a following day/year ("Dec. 23", "January 2020", "Monday, Feb. 27").
    fn time_phrase_end(&self, mut k: usize, last: usize) -> usize {
        while k < last
            && self.kind(k) == Some(K::Word)
            && matches!(
                self.lw(k).as_str(),
                "the"
                    | "early"
                    | "late"
                    | "mid"
                    | "first"
                    | "second"
                    | "third"
                    | "fourth"
                    | "last"
                    | "past"
                    | "this"
                    | "next"
                    | "earlier"
                    | "later"
                    | "recent"
                    | "coming"
            )
        {
            k += 1;
        }
        if k >= last {
            return last;
        }
        k += 1;
        // "morning", "year", "quarter" after the first time word ("Tuesday morning", "fiscal year").
        if k < last
            && self.kind(k) == Some(K::Word)
            && matches!(
                self.lw(k).as_str(),
                "morning"
                    | "afternoon"
                    | "evening"
                    | "night"
                    | "year"
                    | "quarter"
                    | "months"
                    | "weeks"
                    | "years"
            )
        {
            k += 1;
        }
        self.extend_date(k, last)
    }

    /// Extends past ". 23", " 23", ", 2020" following a month or weekday.
    fn extend_date(&self, mut k: usize, last: usize) -> usize {
        // Only a month takes a day number after it ("Dec. 23", "January 5, 2020").
        let prev_month = k >= 1
            && self.kind(k - 1) == Some(K::Word)
            && self.capitalized(k - 1)
            && month(self.lw(k - 1).as_str());
        if !prev_month {
            return k;
        }
        if k < last && self.is_p(k, ".") && self.attached(k) && self.kind(k + 1) == Some(K::Num) {
            k += 1;
        }
        if k < last && self.kind(k) == Some(K::Num) && self.txt(k).len() <= 2 {
            k += 1;
            if k < last
                && self.kind(k) == Some(K::Word)
                && matches!(self.lw(k).as_str(), "st" | "nd" | "rd" | "th")
            {
                k += 1;
            }
        }
        if k + 1 < last
            && self.is_p(k, ",")
            && self.kind(k + 1) == Some(K::Num)
            && self.txt(k + 1).len() == 4
        {
            k += 2;
        }
        if k < last && self.kind(k) == Some(K::Num) && self.txt(k).len() == 4 {
            k += 1;
        }
        k
    }

    /// The time anchor nearest the figure (not overlapping it), if any.
    fn time_for(
        &self,
        body: &str,
        cache: &SentenceCache,
        start: usize,
        end: usize,
    ) -> Option<String> {
        let times = &cache.times;
        let idx = times.partition_point(|t| t.end <= start);
        let mut best: Option<(usize, &Range<usize>)> = None;
        let lo = idx.saturating_sub(2);
        let hi = (idx + 2).min(times.len());
        for t in &times[lo..hi] {
            if t.start < end && start < t.end {
                continue; // the figure is the time ("since 2016") — not an anchor for itself
            }
            let d = if t.end <= start {
                start - t.end
            } else {
                t.start.saturating_sub(end)
            };
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, t));
            }
        }
        best.and_then(|(_, t)| body.get(t.clone()))
            .map(str::to_string)
    }
}

/// Words that end a subject because they begin a time phrase.
fn time_word_strict(w: &str) -> bool {
    matches!(w, "yesterday" | "today" | "tomorrow") || weekday(w)
}

/// The sentence text for a figure, windowed around it if the sentence is huge.
/// Verbs that move a figure to a new value ("rose to", "climbed to").
fn change_verb(w: &str) -> bool {
    matches!(
        w,
        "rose"
            | "risen"
            | "rises"
            | "rising"
            | "climbed"
            | "climbs"
            | "increased"
            | "increases"
            | "grew"
            | "grown"
            | "jumped"
            | "fell"
            | "fallen"
            | "falls"
            | "dropped"
            | "declined"
            | "decreased"
            | "soared"
            | "surged"
            | "slipped"
            | "edged"
            | "swelled"
            | "doubled"
            | "reached"
            | "revised"
            | "raised"
            | "lowered"
            | "cut"
            | "amounted"
    )
}

/// The past participle of an event verb in any of its forms, if the word is one:
/// what distinguishes "people killed" from "people injured".
fn event_participle(w: &str) -> Option<&'static str> {
    const EVENTS: &[(&str, &str)] = &[
        ("kill", "killed"),
        ("injur", "injured"),
        ("wound", "wounded"),
        ("displac", "displaced"),
        ("evacuat", "evacuated"),
        ("arrest", "arrested"),
        ("rescu", "rescued"),
        ("hospitali", "hospitalized"),
        ("infect", "infected"),
        ("strand", "stranded"),
        ("detain", "detained"),
        ("deport", "deported"),
        ("dead", "killed"),
        ("died", "killed"),
    ];
    let (root, participle) = EVENTS.iter().find(|(root, _)| w.starts_with(root))?;
    let rest = &w[root.len()..];
    matches!(
        rest,
        "" | "e" | "ed" | "d" | "ing" | "ies" | "ied" | "s" | "zed" | "sed" | "zing" | "sing"
    )
    .then_some(*participle)
}

/// Cuts "people and injuring" to "people": a subject does not run on into the next verb.
fn trim_verb_tail(s: &str) -> String {
    let words: Vec<&str> = s.split(' ').collect();
    for i in 1..words.len() {
        if words[i - 1] == "and"
            && words[i].ends_with("ing")
            && event_participle(&words[i].to_lowercase()).is_some()
        {
            return words[..i - 1].join(" ");
        }
    }
    s.to_string()
}

/// Adds the event to the subject ("people" + "killed" → "people killed"); a subject that
/// is only the verb becomes the participle.
fn with_event(subject: Option<String>, event: Option<&'static str>) -> Option<String> {
    let Some(e) = event else { return subject };
    match subject {
        Some(s)
            if s.to_lowercase()
                .split(' ')
                .any(|w| event_participle(w) == Some(e)) =>
        {
            if s.to_lowercase().ends_with("ing") {
                Some(e.to_string())
            } else {
                Some(s)
            }
        }
        Some(s) if !s.is_empty() => Some(format!("{s} {e}")),
        _ => Some(e.to_string()),
    }
}

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
