//! The tokenizer the claim extractors share: a text cut into words, numbers and single
//! punctuation marks, with byte offsets.
//!
//! `stats` and `speakers` do the same job here and agree on all of it but one point:
//! - white space (ASCII, and Unicode such as the no-break space) separates tokens and is
//!   never one; each token records whether white space, and whether a line break, came
//!   before it;
//! - a char that is neither white space nor the start of a word is a punctuation token of
//!   its own;
//! - offsets are byte offsets into the text given, always on char boundaries.
//!
//! The one point is what a *word* is, and there they differ on purpose, so each passes
//! its own [`Grammar`]:
//! - statistics read letters and digits apart, and a digit run with its thousands groups
//!   and one decimal part as one number ("1,255", "3.5"): "G7", "3.5m", "$4bn", "9am"
//!   come apart into the pieces the figure grammar glues back together, and a glued
//!   letter decides what the digits are (`stats::tokens`);
//! - attribution reads letters and digits as one word, joined by inner `'’-.&/` and with
//!   the period of an abbreviation ("U.S.", "Holtz-Eakin", "Sen.", "73.9"), because names,
//!   titles and cue verbs are matched whole against the lexicon (`speakers::tokens`).
//!
//! Each extractor also keeps the tokens in its own form, because it needs different
//! things of them: statistics store segment-relative `u32` offsets (a paragraph is at most
//! a few megabytes) and flag the tokens of URL-like chunks; attribution stores absolute
//! offsets and the punctuation char, and collapses each quoted span into one token, so its
//! cue grammar sees only the reporter's words.

/// One token: bytes `s..e` of the text, its kind, and the white space before it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Token<K> {
    pub s: usize,
    pub e: usize,
    pub kind: K,
    /// White space before the token (or the start of the text).
    pub sp: bool,
    /// A line break before the token (or the start of the text).
    pub nl: bool,
}

/// What an extractor takes for a word, and how it names its token kinds.
pub(super) trait Grammar {
    type Kind;
    /// The word (or number) starting at byte `i` of `text`, whose first char is `ch`
    /// (never white space): its end and kind, or `None` when `ch` is punctuation.
    /// `text` ends where the tokenizer stops, so the word cannot run past it.
    fn word(&self, text: &str, i: usize, ch: char) -> Option<(usize, Self::Kind)>;
    /// The kind of the punctuation token `ch`.
    fn punct(&self, ch: char) -> Self::Kind;
}

/// Cuts `text[a..b]` into tokens and hands them to `emit` in text order. The first token
/// counts as having white space and a line break before it.
pub(super) fn tokenize<G: Grammar>(
    text: &str,
    a: usize,
    b: usize,
    grammar: &G,
    mut emit: impl FnMut(Token<G::Kind>),
) {
    let text = &text[..b];
    let bytes = text.as_bytes();
    let mut i = a;
    let mut sp = true;
    let mut nl = true;
    while i < b {
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            if c == b'\n' {
                nl = true;
            }
            sp = true;
            i += 1;
            continue;
        }
        let ch = if c.is_ascii() {
            c as char
        } else {
            char_at(text, i)
        };
        let (e, kind) = match grammar.word(text, i, ch) {
            Some(word) => word,
            // Non-ASCII spaces (no-break space) separate like ASCII ones.
            None if ch.is_whitespace() => {
                sp = true;
                i += ch.len_utf8();
                continue;
            }
            None => (i + ch.len_utf8(), grammar.punct(ch)),
        };
        emit(Token {
            s: i,
            e,
            kind,
            sp,
            nl,
        });
        i = e;
        sp = false;
        nl = false;
    }
}

/// The char at byte `i` of `s` (a space past the end or off a char boundary).
pub(super) fn char_at(s: &str, i: usize) -> char {
    s.get(i..).and_then(|t| t.chars().next()).unwrap_or(' ')
}

/// Whether a word starts with a capital letter.
pub(super) fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}
