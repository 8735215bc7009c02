//! The attribution tokens, on the shared tokenizer (`claims::tokens`).
//!
//! A word here is letters and digits together, joined by inner `'’-.&/` and keeping the
//! period of an abbreviation ("U.S.", "Holtz-Eakin", "Sen.", "73.9"), because names,
//! titles and cue verbs are matched whole against the lexicon; each quoted span is one
//! `Quote` token. Offsets are absolute byte offsets into the body.

use crate::claims::tokens::{self, Grammar};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Punct(char),
    /// A collapsed quoted span (index into the span list).
    Quote(usize),
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub s: usize,
    pub e: usize,
    pub kind: Kind,
}

/// Id of a quoted span that is skipped by the tokeniser (a nickname inside a name:
/// `Marcia "Cia" Price`).
pub(crate) const HIDDEN: usize = usize::MAX;

/// Tokenise `body[a..b]`; `quotes` are `(id, open, close_end)` in order, inside `a..b`;
/// a quote with id `HIDDEN` is skipped without a token.
pub(crate) fn tokenize(
    body: &str,
    a: usize,
    b: usize,
    quotes: &[(usize, usize, usize)],
    out: &mut Vec<Tok>,
) {
    out.clear();
    let mut i = a;
    let mut qi = 0;
    while i < b {
        if let Some(&(id, o, ce)) = quotes.get(qi)
            && i >= o
        {
            if id != HIDDEN {
                out.push(Tok {
                    s: o,
                    e: ce,
                    kind: Kind::Quote(id),
                });
            }
            i = ce.max(i + 1);
            qi += 1;
            continue;
        }
        // The words up to the next quote.
        let limit = quotes.get(qi).map_or(b, |q| q.1.min(b));
        tokens::tokenize(body, i, limit, &Words, |t| {
            out.push(Tok {
                s: t.s,
                e: t.e,
                kind: t.kind,
            })
        });
        i = limit;
    }
}

/// Attribution's idea of a word: letters and digits together, see `scan_word`.
struct Words;

impl Grammar for Words {
    type Kind = Kind;

    fn word(&self, text: &str, i: usize, ch: char) -> Option<(usize, Kind)> {
        ch.is_alphanumeric()
            .then(|| (scan_word(text, i, text.len()), Kind::Word))
    }

    fn punct(&self, ch: char) -> Kind {
        Kind::Punct(ch)
    }
}

/// End of the word starting at `i`: letters and digits, with inner `'’-.&/` joining
/// ("don’t", "Holtz-Eakin", "U.S", "73.9") and a final period kept on abbreviations.
fn scan_word(body: &str, i: usize, limit: usize) -> usize {
    let mut j = i;
    let mut it = body[i..limit].char_indices().peekable();
    while let Some((off, ch)) = it.next() {
        let pos = i + off;
        if ch.is_alphanumeric() {
            j = pos + ch.len_utf8();
            continue;
        }
        if matches!(ch, '\'' | '’' | '-' | '.' | '&' | '/') {
            let next_alnum = it.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
            if next_alnum {
                j = pos + ch.len_utf8();
                continue;
            }
            // Keep the period of an abbreviation, and of "(D-Wis.)" / "Md.," which
            // cannot end a sentence.
            let before_close = it.peek().is_some_and(|&(_, n)| n == ')' || n == ',');
            if ch == '.' && (keeps_period(&body[i..pos]) || before_close) {
                j = pos + 1;
            }
        }
        break;
    }
    j
}

fn keeps_period(w: &str) -> bool {
    let b = w.as_bytes();
    (b.len() == 1 && b[0].is_ascii_uppercase())
        || w.contains('.')
        || matches!(
            w,
            "Mr" | "Mrs"
                | "Ms"
                | "Dr"
                | "Rep"
                | "Reps"
                | "Sen"
                | "Sens"
                | "Gov"
                | "Gen"
                | "Lt"
                | "Col"
                | "Sgt"
                | "Capt"
                | "Adm"
                | "Maj"
                | "Prof"
                | "Rev"
                | "Hon"
                | "Del"
                | "Jr"
                | "Sr"
                | "St"
                | "Inc"
                | "Corp"
                | "Co"
                | "No"
                | "Cpl"
                | "Pvt"
                | "Det"
                | "Insp"
                | "Supt"
                | "Atty"
                | "Jan"
                | "Feb"
                | "Aug"
                | "Sept"
                | "Oct"
                | "Nov"
                | "Dec"
                | "Ft"
        )
}
