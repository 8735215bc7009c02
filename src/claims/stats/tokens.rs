//! The statistics' tokens, on the shared tokenizer (`claims::tokens`), and the
//! scanner's view of them.
//!
//! A word here is letters only, and a number a digit run with its thousands groups and
//! one decimal part: "G7", "3.5m", "9am" come apart into pieces the figure grammar
//! glues back together ("glued" below: no white space between). Tokens are stored with
//! offsets relative to their segment, in `u32` (a segment is at most a few megabytes),
//! with a flag for the chunks that look like URLs, whose digits are never figures.

use super::Scanner;
use crate::claims::tokens::{self, char_at, is_cap};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum K {
    Word,
    Num,
    Punct,
}

/// A token of a segment.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    /// Byte offsets relative to the segment (segments are ≤ 2 MB, so u32 is ample).
    pub(super) s: u32,
    pub(super) e: u32,
    pub(super) k: K,
    /// Whitespace before the token (or segment start).
    pub(super) sp: bool,
    /// A line break before the token (or segment start).
    pub(super) nl: bool,
    /// Part of a URL / e-mail / path-like chunk: never a statistic.
    pub(super) url: bool,
}

/// Appends the tokens of `seg` to `out`, URL-like chunks flagged.
pub(super) fn tokenize(seg: &str, out: &mut Vec<Tok>) {
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
pub(super) struct Lw {
    buf: [u8; 24],
    len: usize,
}

impl Lw {
    pub(super) fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

impl<'a> Scanner<'a> {
    pub(super) fn n(&self) -> usize {
        self.toks.len()
    }

    pub(super) fn txt(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) => self.seg.get(t.s as usize..t.e as usize).unwrap_or(""),
            None => "",
        }
    }

    pub(super) fn kind(&self, i: usize) -> Option<K> {
        self.toks.get(i).map(|t| t.k)
    }

    pub(super) fn lw(&self, i: usize) -> Lw {
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

    pub(super) fn is_w(&self, i: usize, w: &str) -> bool {
        self.kind(i) == Some(K::Word) && self.txt(i).eq_ignore_ascii_case(w)
    }

    pub(super) fn is_p(&self, i: usize, p: &str) -> bool {
        self.kind(i) == Some(K::Punct) && self.txt(i) == p
    }

    /// Token `i` exists and touches the previous token (no whitespace between).
    pub(super) fn attached(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.sp) && i > 0
    }

    pub(super) fn is_dash(&self, i: usize) -> bool {
        self.kind(i) == Some(K::Punct) && matches!(self.txt(i), "-" | "–" | "‑")
    }

    pub(super) fn capitalized(&self, i: usize) -> bool {
        is_cap(self.txt(i))
    }

    pub(super) fn all_caps(&self, i: usize) -> bool {
        let t = self.txt(i);
        t.len() > 1 && t.chars().all(|c| !c.is_lowercase())
    }

    /// Whether token `i` begins a sentence or line (ignoring opening quotes/brackets).
    pub(super) fn sentence_initial(&self, i: usize) -> bool {
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
}
