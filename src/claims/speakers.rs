//! Finding who is credited with a quotation inside its sentence.
//!
//! The sentence is tokenised with every quoted span collapsed into one `Quote` token, so
//! the attribution grammar only sees the reporter's words. Three cue shapes are tried in
//! order of reliability:
//! 1. right after the quote: `“…,” said X` / `“…,” X, role, said` / `“…,” according to X`;
//! 2. right before it: `X said: “…”` / `said X, “…”`;
//! 3. anywhere else in the sentence: `X said the “…”`, `…, says the ACLU, would … “…”`.
//!
//! Noun phrases are bounded chunks (between a quote, a comma or a clause word and the
//! verb), classified by capitalisation and the closed lists in `lexicon`: a person's name
//! with titles stripped, a pronoun, or a descriptive/organisation phrase.

use super::lexicon::{
    Gender, Pronoun, honorific, is_aux_or_adverb, is_cue_verb, is_determiner, is_invertible_cue,
    is_name_connector, is_non_name_cap, is_np_stop, is_org_word, is_title, is_verb_only_cue,
    pronoun, title_gender,
};
use super::tokens::{self, is_cap};
use std::ops::Range;

/// How far (in tokens) a cue is looked for around a quote or a verb.
const WINDOW: usize = 80;

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

impl tokens::Grammar for Words {
    type Kind = Kind;

    fn word(&self, text: &str, i: usize, ch: char) -> Option<(usize, Kind)> {
        ch.is_alphanumeric()
            .then(|| (scan_word(text, i, text.len()), Kind::Word))
    }

    fn punct(&self, ch: char) -> Kind {
        Kind::Punct(ch)
    }
}

/// End of the word starting at `i`: letters and digits, with inner `'’-.&` joining
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

/// A speaker noun phrase found in the text.
#[derive(Debug, Clone)]
pub(crate) struct Np {
    pub kind: NpKind,
    /// The name or description as written (titles stripped for persons).
    pub name: Range<usize>,
    pub role: Option<Range<usize>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NpKind {
    Pronoun(Pronoun),
    /// A person's name; `single` names (a surname) are resolved against earlier mentions.
    Person {
        single: bool,
    },
    /// An organisation, group, document or description ("the organizers", "the letter").
    Group,
}

/// A capitalised name found in the text (see `Ctx::names`).
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub full: Range<usize>,
    /// The surname, possessive stripped.
    pub last: Range<usize>,
    /// More than one name word: a full name later surnames expand to.
    pub multi: bool,
    /// From a courtesy title or a gendered title word before the name.
    pub gender: Option<Gender>,
    /// The office title right before the name ("President", "Sen.").
    pub title: Option<Range<usize>>,
}

/// A cue and its subject.
#[derive(Debug, Clone)]
pub(crate) struct Attribution {
    pub np: Np,
    pub cue: Range<usize>,
    /// Found right next to the quote (shapes 1 and 2), not just somewhere in the sentence.
    pub adjacent: bool,
}

pub(crate) struct Ctx<'a> {
    pub body: &'a str,
    pub toks: &'a [Tok],
    /// Byte offsets where the sentences of this group start.
    pub sent_starts: &'a [usize],
}

impl<'a> Ctx<'a> {
    fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        (t.kind == Kind::Word).then(|| &self.body[t.s..t.e])
    }
    fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }
    fn is_punct(&self, i: usize, set: &[char]) -> bool {
        self.punct(i).is_some_and(|c| set.contains(&c))
    }
    fn is_quote(&self, i: usize) -> bool {
        matches!(self.toks.get(i).map(|t| t.kind), Some(Kind::Quote(_)))
    }
    fn bytes(&self, a: usize, b: usize) -> Range<usize> {
        self.toks[a].s..self.toks[b - 1].e
    }

    /// Attribution for the quote token at `q`.
    pub(crate) fn attribute(&self, q: usize) -> Option<Attribution> {
        self.after_quote(q)
            .or_else(|| self.before_quote(q))
            .or_else(|| self.anywhere(q))
    }

    /// `“…,” said X` / `“…,” X (role) said` / `“…,” according to X` / `“…” ― X`.
    fn after_quote(&self, q: usize) -> Option<Attribution> {
        let mut j = q + 1;
        let mut dash = None;
        while let Some(c) = self.punct(j) {
            if !matches!(c, ',' | '—' | '–' | '-' | '―') {
                break;
            }
            if c != ',' {
                dash = Some(j);
            }
            j += 1;
        }
        let w = self.word(j)?;
        if is_invertible_cue(w) {
            let np = self.forward_np(j + 1)?;
            return Some(Attribution {
                np,
                cue: self.bytes(j, j + 1),
                adjacent: true,
            });
        }
        if w.eq_ignore_ascii_case("according") && self.word(j + 1) == Some("to") {
            let np = self.according_np(j + 2)?;
            return Some(Attribution {
                np,
                cue: self.bytes(j, j + 2),
                adjacent: true,
            });
        }
        // "…,” when Y blasted him": a subordinate clause after the quote is not its cue;
        // only a main clause after it may be ("…,” when asked, Smith said).
        let j = if is_subordinator(w) {
            let mut c = j + 1;
            while c < self.toks.len()
                && c < j + 25
                && !self.is_quote(c)
                && !self.is_punct(c, &[',', '.', '!', '?', ';', ':'])
            {
                c += 1;
            }
            if self.punct(c) != Some(',') {
                return None;
            }
            c + 1
        } else {
            j
        };
        let w = self.word(j)?;
        // "…,” as X put it / as X said.
        let as_clause = w == "as";
        let j = if as_clause { j + 1 } else { j };
        // Subject first: look for the verb within a short window.
        let mut v = j;
        while v < self.toks.len() && v < j + 40 {
            if self.is_quote(v) || self.is_punct(v, &['.', '!', '?', ';', ':']) {
                break;
            }
            if let Some(w) = self.word(v) {
                let put = as_clause && matches!(w, "put" | "puts");
                if is_cue_verb(w) || put {
                    if v > j && self.word(v - 1) == Some("to") {
                        return None;
                    }
                    if self.quote_ends_sentence(q) && !self.bare_cue_tail(v) {
                        return None;
                    }
                    let np = self.backward_np(j, v)?;
                    return Some(Attribution {
                        np,
                        cue: self.bytes(v, v + 1),
                        adjacent: true,
                    });
                }
            }
            v += 1;
        }
        // Byline dash: “…” ― Sonya Herridge.
        let d = dash?;
        if !self.word(d + 1).is_some_and(is_cap) {
            return None;
        }
        let mut e = d + 1;
        while self.word(e).is_some() && e < d + 8 {
            e += 1;
        }
        let at_end = e >= self.toks.len() || self.is_punct(e, &['.', ',', ';', '(']);
        if !at_end {
            return None;
        }
        let np = self.chunk_np(d + 1, e, None)?;
        matches!(np.kind, NpKind::Person { .. }).then(|| Attribution {
            np,
            cue: self.bytes(d, d + 1),
            adjacent: true,
        })
    }

    /// Whether the quote at `q` ends a sentence ("…?” Vitter demanded." / "….” The …").
    fn quote_ends_sentence(&self, q: usize) -> bool {
        let t = self.toks[q];
        let inner = self.body[t.s..t.e].trim_end_matches(['"', '\'', '”', '’', '`', ' ']);
        inner.ends_with(['.', '?', '!', '…']) && self.word(q + 1).is_some_and(is_cap)
    }

    /// After a sentence-ending quote only a bare cue sentence attributes it: the verb is
    /// followed by the end, or a short adverbial ("in a statement", "on Twitter").
    fn bare_cue_tail(&self, v: usize) -> bool {
        for k in v + 1..(v + 8).min(self.toks.len() + 1) {
            if k >= self.toks.len() || self.is_punct(k, &['.', '!', '?']) {
                return true;
            }
            let adverbial = self.word(k).is_some_and(|w| {
                matches!(
                    w,
                    "in" | "on"
                        | "at"
                        | "to"
                        | "during"
                        | "after"
                        | "before"
                        | "from"
                        | "with"
                        | "of"
                        | "reporters"
                        | "later"
                        | "then"
                ) || crate::calendar::is_weekday(w)
            });
            if k == v + 1 && !adverbial {
                return false;
            }
            if self.is_quote(k) {
                return false;
            }
        }
        false
    }

    /// `X said: “…”`, `X said “…”`, `said X, “…”`, `according to X, “…”`, `X: “…”`.
    fn before_quote(&self, q: usize) -> Option<Attribution> {
        let mut j = q;
        let mut sep = None;
        while j > 0 && q - j < 2 && self.is_punct(j - 1, &[':', ',', '—', '–', '-', '―']) {
            j -= 1;
            sep = self.punct(j);
        }
        if j == 0 {
            return None;
        }
        // "X told me, “…”" / "X told reporters: “…”": the listener sits between verb and quote.
        let v = match self.word(j - 1) {
            Some(w) if is_cue_verb(w) => Some(j - 1),
            Some(w) if sep.is_some() && j >= 2 && is_listener(w) => {
                self.word(j - 2).filter(|v| is_cue_verb(v)).map(|_| j - 2)
            }
            _ => None,
        };
        if let Some(v) = v {
            if v >= 1 && self.word(v - 1) == Some("to") {
                return None;
            }
            let lo = self.clause_start(v);
            let np = self.subject_before(lo, v)?;
            return Some(Attribution {
                np,
                cue: self.bytes(v, v + 1),
                adjacent: true,
            });
        }
        // Inverted or "according to": NP right before the quote, cue before the NP.
        let mut s = j;
        while s > 0
            && s + 12 > j
            && self
                .word(s - 1)
                .is_some_and(|w| !is_np_stop(w) && !is_cue_verb(w))
        {
            s -= 1;
        }
        if s == j {
            return None;
        }
        let cue_word = if s > 0 { self.word(s - 1) } else { None };
        if let Some(w) = cue_word {
            if sep.is_some() && is_invertible_cue(w) {
                let np = self.chunk_np(s, j, None)?;
                return Some(Attribution {
                    np,
                    cue: self.bytes(s - 1, s),
                    adjacent: true,
                });
            }
            if w == "to"
                && s >= 2
                && self
                    .word(s - 2)
                    .is_some_and(|a| a.eq_ignore_ascii_case("according"))
            {
                let np = self.chunk_np(s, j, None)?;
                return Some(Attribution {
                    np,
                    cue: self.bytes(s - 2, s),
                    adjacent: true,
                });
            }
        }
        // "Sen. Smith: “…”" / "Mitt Romney -- “…”": a bare name introducing the quote.
        if matches!(sep, Some(':' | '—' | '–' | '-' | '―')) {
            let np = self.chunk_np(s, j, None)?;
            // The name must open its clause: not "supportive of Mr. Smith -- “…”".
            if matches!(np.kind, NpKind::Person { .. }) && (s == 0 || self.word(s - 1).is_none()) {
                return Some(Attribution {
                    np,
                    cue: self.bytes(j, j + 1),
                    adjacent: true,
                });
            }
        }
        None
    }

    /// Any cue in the sentence, nearest first (before the quote, then after it).
    fn anywhere(&self, q: usize) -> Option<Attribution> {
        // Bounded windows keep a pathological one-sentence body linear.
        let before = (q.saturating_sub(WINDOW)..q).rev();
        let after = q + 1..(q + 1 + WINDOW).min(self.toks.len());
        for v in before.chain(after) {
            let Some(w) = self.word(v) else { continue };
            if w.eq_ignore_ascii_case("according") && self.word(v + 1) == Some("to") {
                if let Some(np) = self.according_np(v + 2) {
                    return Some(Attribution {
                        np,
                        cue: self.bytes(v, v + 2),
                        adjacent: false,
                    });
                }
                continue;
            }
            // "…,” per the party's bylaws." — "per" after a comma names a source like
            // "according to"; "per year" / "$5 per share" have no determiner or name.
            if w == "per"
                && v > 0
                && (self.punct(v - 1) == Some(',') || self.is_quote(v - 1))
                && self
                    .word(v + 1)
                    .is_some_and(|n| is_determiner(n) || is_cap(n))
            {
                if let Some(np) = self.according_np(v + 1) {
                    return Some(Attribution {
                        np,
                        cue: self.bytes(v, v + 1),
                        adjacent: false,
                    });
                }
                continue;
            }
            let put_it = matches!(w, "put" | "puts") && self.word(v + 1) == Some("it");
            if !is_cue_verb(w) && !put_it {
                continue;
            }
            if let Some(a) = self.subject_of(v) {
                return Some(a);
            }
        }
        None
    }

    /// The subject of the cue verb at `v`: before it, or after it when inverted
    /// ("…, says the ACLU, …").
    pub(crate) fn subject_of(&self, v: usize) -> Option<Attribution> {
        let w = self.word(v)?;
        if v > 0 && self.word(v - 1) == Some("to") {
            return None; // "to tell": an infinitive has no subject of its own
        }
        let lo = self.clause_start(v);
        let np = self.subject_before(lo, v).filter(|np| {
            // "the county report", "his claims": a noun-like cue needs a named subject.
            is_verb_only_cue(w)
                || match np.kind {
                    NpKind::Group => {
                        let name = &self.body[np.name.clone()];
                        is_cap(name) || name.split_whitespace().skip(1).any(is_cap)
                    }
                    _ => true,
                }
        });
        if let Some(np) = np {
            // "what it called": a mid-sentence "it"/"they" is usually the sentence subject.
            let ss = self.sentence_start(v);
            if np.kind == NpKind::Pronoun(Pronoun::Group)
                && np.name.start > self.toks[ss].s
                && let Some(s) = self.sentence_subject(ss, v)
                && !matches!(s.kind, NpKind::Pronoun(_))
            {
                return Some(Attribution {
                    np: s,
                    cue: self.bytes(v, v + 1),
                    adjacent: false,
                });
            }
            return Some(Attribution {
                np,
                cue: self.bytes(v, v + 1),
                adjacent: false,
            });
        }
        let inverted_slot =
            v == 0 || self.is_punct(v - 1, &[',', '—', '–', '(']) || self.is_quote(v - 1);
        if is_invertible_cue(w) && inverted_slot {
            let np = self.forward_np(v + 1)?;
            // The inverted subject must close its clause: "…, says the ACLU, would …".
            let end = self.token_after(v, np.name.end);
            let closes = end >= self.toks.len()
                || self.is_punct(end, &[',', '.', ';', '!', '?', '(', '—', '–'])
                || np.role.is_some();
            if closes {
                return Some(Attribution {
                    np,
                    cue: self.bytes(v, v + 1),
                    adjacent: false,
                });
            }
        }
        None
    }

    /// The subject of the verb at `v`, handling participles ("…, saying") and coordinated
    /// verbs ("… and said") by taking the sentence subject.
    fn subject_before(&self, lo: usize, v: usize) -> Option<Np> {
        let w = self.word(v)?;
        let mut e = v;
        while e > lo && self.word(e - 1).is_some_and(is_aux_or_adverb_ly) {
            e -= 1;
        }
        let coordinated = e > lo
            && self
                .word(e - 1)
                .is_some_and(|p| matches!(p, "and" | "or" | "but"));
        let participle = w.ends_with("ing")
            && (e == lo
                || !self
                    .word(e - 1)
                    .is_some_and(|p| is_cap(p) && !is_clause_opener(p) && !is_non_name_cap(p)));
        if coordinated || participle {
            let ss = self.sentence_start(v);
            // "After saying …, she …": the subject follows the participial opener.
            let hi = if participle
                && (e == ss || (e == ss + 1 && self.word(ss).is_some_and(is_clause_opener)))
            {
                (v + WINDOW).min(self.toks.len())
            } else {
                v
            };
            return self.sentence_subject(ss, hi);
        }
        // "footage of Trump saying", "a video of Mayor Lee telling": the name right before
        // a participle is its subject, whatever governs the name.
        if w.ends_with("ing") && e > lo {
            let mut s = e;
            while s > lo && e - s < 4 && self.word(s - 1).is_some_and(is_cap) {
                s -= 1;
            }
            let governed = s > lo && self.word(s - 1).is_some_and(|p| matches!(p, "of" | "by"));
            if governed
                && let Some(np) = self.chunk_np(s, e, None)
                && matches!(np.kind, NpKind::Person { .. })
            {
                return Some(np);
            }
        }
        self.backward_np(lo, v)
    }

    /// The subject at the start of the clause `lo..hi`, after a leading adverbial
    /// ("In August, several groups …", "During a speech, Trump …").
    fn sentence_subject(&self, lo: usize, hi: usize) -> Option<Np> {
        let mut starts = vec![lo];
        if self.word(lo).is_some_and(is_clause_opener) {
            starts.clear();
            starts.extend(
                (lo..hi)
                    .filter(|&k| self.punct(k) == Some(','))
                    .take(3)
                    .map(|c| c + 1),
            );
            // "After saying it was “…,” she …": the comma sits inside the quote.
            if let Some(q) = (lo..hi).find(|&k| self.is_quote(k))
                && starts.first().is_none_or(|&c| c > q + 1)
            {
                starts.insert(0, q + 1);
            }
            if starts.is_empty() {
                starts.push(lo + 1);
            }
        }
        for s in starts {
            if let Some(np) = self.subject_chunk(s, hi) {
                return Some(np);
            }
        }
        None
    }

    fn subject_chunk(&self, s: usize, hi: usize) -> Option<Np> {
        if s < hi
            && let Some(p) = self.word(s).and_then(pronoun)
        {
            return Some(Np {
                kind: NpKind::Pronoun(p),
                name: self.bytes(s, s + 1),
                role: None,
            });
        }
        let mut e = s;
        let mut seen_name = false;
        let mut poss = false;
        while e < hi && e - s < 10 {
            let Some(w) = self.word(e) else { break };
            if is_cue_verb(w) || (is_np_stop(w) && !(e == s && is_determiner(w))) {
                break;
            }
            if is_cap(w) {
                if !is_title(w) && !is_non_name_cap(w) {
                    seen_name = true;
                }
                poss |= is_possessive(w);
            } else {
                if seen_name && !poss && !is_name_connector(w) {
                    break;
                }
                if (!seen_name || poss) && e > s && w.ends_with("ed") {
                    break;
                }
            }
            e += 1;
        }
        while e > s && self.word(e - 1).is_some_and(is_name_connector) {
            e -= 1;
        }
        let np = self.chunk_np(s, e, None)?;
        let ok = match np.kind {
            NpKind::Group => self.word(s).is_some_and(|w| is_cap(w) || is_determiner(w)),
            _ => true,
        };
        ok.then_some(np)
    }

    /// Index of the first token at or after `from` starting at or after byte `pos`.
    fn token_after(&self, from: usize, pos: usize) -> usize {
        let mut k = from;
        while k < self.toks.len() && self.toks[k].s < pos {
            k += 1;
        }
        k
    }

    /// First token of the sentence holding token `v`.
    fn sentence_start(&self, v: usize) -> usize {
        let pos = self.toks[v].s;
        let i = self.sent_starts.partition_point(|&s| s <= pos);
        let start = if i > 0 { self.sent_starts[i - 1] } else { 0 };
        let mut k = v;
        while k > 0 && v - k < WINDOW && self.toks[k - 1].e > start {
            k -= 1;
        }
        k
    }

    /// A person named as the subject at the start of the sentence holding the quote at
    /// `q`, before it ("Sen. Claire McCaskill scolded him: “…”").
    pub(crate) fn lead_subject(&self, q: usize) -> Option<Np> {
        let s = self.sentence_start(q);
        if s >= q {
            return None;
        }
        let np = self.sentence_subject(s, q)?;
        matches!(np.kind, NpKind::Person { .. }).then_some(np)
    }

    /// Where the clause holding token `v` starts (after a quote, `;`, `:` or sentence start).
    fn clause_start(&self, v: usize) -> usize {
        let mut s = v;
        while s > 0
            && v - s < WINDOW
            && !self.is_quote(s - 1)
            && !self.is_punct(s - 1, &[';', ':', '.', '?', '!'])
        {
            s -= 1;
        }
        s
    }

    /// The subject ending right before the verb at `v`, not reaching before `lo`.
    fn backward_np(&self, lo: usize, v: usize) -> Option<Np> {
        let mut e = v;
        while e > lo && self.word(e - 1).is_some_and(is_aux_or_adverb_ly) {
            e -= 1;
        }
        let mut role = None;
        // "X, the head of Y -- a firm that … -- told me": skip the dashed aside.
        if let Some(close) = self.dash_before(lo, e)
            && let Some(open) = (lo..close.start)
                .rev()
                .take(40)
                .filter_map(|k| self.dash_before(lo, k + 1).filter(|d| d.end == k + 1))
                .next()
            && open.start > lo
        {
            if open.end < close.start {
                role = Some(self.bytes(open.end, close.start));
            }
            e = open.start;
            // The dash closes an apposition like a comma: "X, the head of Y -- … -- said".
            let last = if self.punct(e - 1) == Some(',') {
                e - 1
            } else {
                e
            };
            if let Some(np) = self.appositive_subject(lo, last) {
                return Some(Np {
                    role: np.role.or(role),
                    ..np
                });
            }
            if last < e {
                return None;
            }
        }
        if e > lo && self.punct(e - 1) == Some(')') {
            let p = (lo..e - 1)
                .rev()
                .take(15)
                .find(|&k| self.punct(k) == Some('('))?;
            if p + 1 < e - 1 {
                role = Some(self.bytes(p + 1, e - 1));
            }
            e = p;
        }
        if e > lo && self.punct(e - 1) == Some(',') {
            return self.appositive_subject(lo, e - 1);
        }
        let mut s = e;
        while s > lo && e - s < 14 {
            match self.word(s - 1) {
                // "…, and the report says": the coordinator joins clauses, not names.
                Some("and" | "or" | "but") if s < e && self.word(s).is_some_and(is_determiner) => {
                    break;
                }
                Some(w) if !is_np_stop(w) => s -= 1,
                Some(w) if is_determiner(w) => {
                    s -= 1;
                    break;
                }
                _ => break,
            }
        }
        // "“…,” she said": a personal pronoun right before the verb.
        if s == e
            && e > lo
            && let Some(w) = self.word(e - 1)
            && pronoun(w) == Some(Pronoun::Person)
        {
            return Some(Np {
                kind: NpKind::Pronoun(Pronoun::Person),
                name: self.bytes(e - 1, e),
                role,
            });
        }
        if s == e || e - s >= 14 {
            return None;
        }
        self.chunk_np(s, e, role)
    }

    /// The dash (`—`, `–` or `--`) ending right before token `e`, as a token range.
    fn dash_before(&self, lo: usize, e: usize) -> Option<Range<usize>> {
        if e <= lo {
            return None;
        }
        match self.punct(e - 1)? {
            '—' | '–' | '―' => Some(e - 1..e),
            '-' if e - 1 > lo && self.punct(e - 2) == Some('-') => Some(e - 2..e),
            _ => None,
        }
    }

    /// `NAME, ROLE[, ROLE…], said`: the comma-separated segments between the clause start
    /// and the comma at `last_comma`; the first segment that is a name is the subject and
    /// the rest its role.
    fn appositive_subject(&self, lo: usize, last_comma: usize) -> Option<Np> {
        let mut commas = Vec::new();
        let mut k = last_comma;
        let mut s = last_comma;
        while s > lo && last_comma - s < 60 {
            let t = s - 1;
            if self.is_quote(t) || self.is_punct(t, &[';', ':', '—', '–', '―']) {
                break;
            }
            // "--" (two hyphens) is a dash too.
            if self.punct(t) == Some('-') && t > lo && self.punct(t - 1) == Some('-') {
                break;
            }
            if self.punct(t) == Some(',') {
                commas.push(t);
            }
            s -= 1;
        }
        commas.reverse();
        commas.push(last_comma);
        let mut seg_start = s;
        for &c in commas.iter().take(7) {
            let mut e = c;
            if e > seg_start
                && self.punct(e - 1) == Some(')')
                && let Some(p) = (seg_start..e - 1)
                    .rev()
                    .find(|&x| self.punct(x) == Some('('))
            {
                e = p;
            }
            if e > seg_start && (seg_start..e).all(|x| self.word(x).is_some()) {
                // Skip a leading clause word: "Then, Smith, …" / "But Smith, …"
                let mut a = seg_start;
                while a < e
                    && self
                        .word(a)
                        .is_some_and(|w| is_clause_opener(w) || matches!(w, "and" | "but"))
                {
                    a += 1;
                }
                if let Some(np) = self.chunk_np(a, e, None) {
                    let name_like = match np.kind {
                        NpKind::Person { .. } => true,
                        NpKind::Group => {
                            self.word(a).is_some_and(|w| is_cap(w) || is_determiner(w))
                        }
                        NpKind::Pronoun(_) => true,
                    };
                    if name_like {
                        let role = (c + 1 < last_comma).then(|| self.bytes(c + 1, last_comma));
                        return Some(Np {
                            role: role.or(np.role.clone()),
                            ..np
                        });
                    }
                }
            }
            k = c;
            seg_start = c + 1;
        }
        let _ = k;
        None
    }

    /// The source after "according to": up to the next comma or sentence end, kept whole
    /// when it is a long description ("a 52-count civil complaint filed by the SEC").
    fn according_np(&self, j: usize) -> Option<Np> {
        if let Some(np) = self.forward_np(j) {
            let end = self.token_after(j, np.name.end);
            if np.role.is_some() || end >= self.toks.len() || self.punct(end).is_some() {
                return Some(np);
            }
        }
        let mut e = j;
        while e < self.toks.len() && e < j + 25 && self.word(e).is_some() {
            e += 1;
        }
        if e == j || !self.word(j).is_some_and(|w| is_cap(w) || is_determiner(w)) {
            return None;
        }
        Some(Np {
            kind: NpKind::Group,
            name: self.bytes(j, e),
            role: None,
        })
    }

    /// The subject starting at `j` after an inverted verb ("said Tessa Petit, Executive
    /// Director of …, in a statement").
    fn forward_np(&self, j: usize) -> Option<Np> {
        let w = self.word(j)?;
        if let Some(p) = pronoun(w) {
            return Some(Np {
                kind: NpKind::Pronoun(p),
                name: self.bytes(j, j + 1),
                role: None,
            });
        }
        let mut t = j;
        while t < self.toks.len() && t < j + 12 {
            match self.word(t) {
                Some(w)
                    if (!is_np_stop(w) || (t == j && is_determiner(w)))
                        && !is_time_word(w)
                        && !is_verb_only_cue(w) =>
                {
                    t += 1
                }
                _ => break,
            }
        }
        while t > j
            && self
                .word(t - 1)
                .is_some_and(|w| is_name_connector(w) || w == "a")
        {
            t -= 1;
        }
        if t == j {
            return None;
        }
        let mut role = None;
        if self.punct(t) == Some(',') {
            let r = t + 1;
            if let Some(first) = self.word(r) {
                let ok = !first.ends_with("ing")
                    && !is_cue_verb(first)
                    && !matches!(
                        first,
                        "in" | "on"
                            | "at"
                            | "during"
                            | "after"
                            | "before"
                            | "while"
                            | "when"
                            | "and"
                            | "but"
                            | "as"
                            | "according"
                            | "referring"
                            | "who"
                            | "which"
                            | "because"
                            | "though"
                            | "although"
                            | "if"
                            | "so"
                            | "then"
                            | "to"
                    );
                if ok {
                    let mut k = r;
                    while k < self.toks.len()
                        && k < r + 30
                        && !self.is_quote(k)
                        && !self.is_punct(k, &[',', '.', ';', ':', '!', '?', '—', '–'])
                    {
                        k += 1;
                    }
                    if k > r {
                        role = Some(self.bytes(r, k));
                    }
                }
            }
        } else if self.punct(t) == Some('(')
            && let Some(p) = (t + 1..self.toks.len())
                .take(15)
                .find(|&k| self.punct(k) == Some(')'))
            && p > t + 1
        {
            role = Some(self.bytes(t + 1, p));
        }
        self.chunk_np(j, t, role)
    }

    /// Classify the word chunk `a..b` (all words) as pronoun, person or group.
    fn chunk_np(&self, a: usize, b: usize, role: Option<Range<usize>>) -> Option<Np> {
        if a >= b || b - a > 13 {
            return None;
        }
        let words: Option<Vec<&str>> = (a..b).map(|i| self.word(i)).collect();
        let words = words?;
        if words.len() == 1
            && let Some(p) = pronoun(words[0])
        {
            return Some(Np {
                kind: NpKind::Pronoun(p),
                name: self.bytes(a, b),
                role,
            });
        }
        for (k, w) in words.iter().enumerate() {
            // "Officials at Homeland Security", "Smith from the ACLU"
            let prep_after_name =
                k > 0 && matches!(*w, "at" | "from" | "with") && is_cap(words[k - 1]);
            if is_verb_only_cue(w)
                || (is_np_stop(w) && !(k == 0 && is_determiner(w)) && !prep_after_name)
            {
                return None;
            }
        }
        let last = words[words.len() - 1];
        if is_determiner(last) || is_name_connector(last) {
            return None;
        }
        // "Mr. King", "Ms. Major": after a courtesy title, a title word is the surname.
        let after_honorific =
            words.len() >= 2 && honorific(words[words.len() - 2]).is_some() && is_cap(last);
        if !after_honorific
            && words.iter().all(|w| {
                is_determiner(w) || is_name_connector(w) || is_non_name_cap(w) || is_title(w)
            })
        {
            return None;
        }
        // Runs of capitals are headers and transcript labels ("CONGRESS HAS ACTED —",
        // "PENCE:"), never a speaker's name; a lone acronym may still be an organisation.
        let caps = words.iter().filter(|w| is_all_caps(w)).count();
        let header = caps > 0
            && (self.word(b).is_some_and(is_all_caps)
                || (a > 0 && self.word(a - 1).is_some_and(is_all_caps)));
        if header || (caps >= 2 && words.iter().filter(|w| is_cap(w)).count() == caps) {
            return None;
        }
        let org = words.iter().any(|w| is_org_word(w));
        // Prefix name and an "of/at/from/for" role: "Michelle Guido of the OPD".
        let mut k = 0;
        while k < words.len() && is_cap(words[k]) && !is_possessive(words[k]) {
            k += 1;
        }
        if k > 0 && k < words.len() && matches!(words[k], "of" | "at" | "from" | "for" | "with") {
            let mut t0 = 0;
            while t0 < k && (is_title(words[t0]) || is_non_name_cap(words[t0])) {
                t0 += 1;
            }
            let head_org = words[..k].iter().any(|w| is_org_word(w));
            if t0 < k && !head_org && !words[t0..k].iter().all(|w| is_all_caps(w)) {
                return Some(Np {
                    kind: NpKind::Person {
                        single: k - t0 == 1,
                    },
                    name: self.bytes(a + t0, a + k),
                    role: role.or_else(|| Some(self.bytes(a + k, b))),
                });
            }
        }
        // Suffix run of capitalised words: "Trump campaign spokesman Jason Miller".
        let mut k = words.len();
        while k > 0 && is_cap(words[k - 1]) && !is_possessive(words[k - 1]) {
            k -= 1;
        }
        if !org && k < words.len() {
            let mut t0 = k;
            while t0 < words.len() && (is_title(words[t0]) || is_non_name_cap(words[t0])) {
                t0 += 1;
            }
            // "Mr. King", "Judge Major": a surname that is also a title word.
            if t0 == words.len() && t0 > k && is_title(words[k]) && words[k].ends_with('.') {
                t0 = words.len() - 1;
            }
            let core = words.len() - t0;
            if core >= 1 && words[t0..].iter().all(|w| is_all_caps(w)) {
                // A short acronym is an organisation ("NAACP"); a long capitalised word
                // is a header or a label ("CONGRESS", "WALLACE:").
                let acronym = core == 1 && words[t0].chars().count() <= 5;
                return acronym.then(|| Np {
                    kind: NpKind::Group,
                    name: self.bytes(a, b),
                    role,
                });
            }
            // "the OPD", "a Democrat", "of New York": a determiner or preposition right
            // before the run makes a description or a place, not a person's name.
            let det_before = k > 0
                && t0 == k
                && (is_determiner(words[k - 1])
                    || matches!(words[k - 1], "of" | "for" | "in" | "from" | "at"));
            if core >= 1 && !det_before {
                let role = role.or_else(|| (t0 > 0).then(|| self.bytes(a, a + t0)));
                return Some(Np {
                    kind: NpKind::Person { single: core == 1 },
                    name: self.bytes(a + t0, b),
                    role,
                });
            }
        }
        // Descriptions and organisations are kept whole ("the organizers", "the letter").
        // A chunk of plain lower-case words with no determiner is rarely a subject
        // ("immigration duties"); allow plural heads ("officials", "sources", "critics").
        if !org && !is_cap(words[0]) && !is_determiner(words[0]) {
            let last = words[words.len() - 1];
            if !(last.ends_with('s') && words.len() <= 3) {
                return None;
            }
        }
        Some(Np {
            kind: NpKind::Group,
            name: self.bytes(a, b),
            role,
        })
    }

    /// Capitalised name runs in this token list: full names (two or more name words after
    /// titles) for resolving later surnames, and titled surnames ("Mr. King", "President
    /// Obama") for gender and for descriptions ("the president").
    pub(crate) fn names(&self, out: &mut Vec<Mention>) {
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            let Some(w) = self.word(i) else {
                i += 1;
                continue;
            };
            if !is_cap(w) {
                i += 1;
                continue;
            }
            let mut e = i;
            while e < n {
                if self.word(e).is_some_and(is_cap) {
                    e += 1;
                    if self.word(e - 1).is_some_and(is_possessive) {
                        break;
                    }
                } else if e > i
                    && self.word(e).is_some_and(is_name_particle)
                    && self.word(e + 1).is_some_and(is_cap)
                {
                    e += 2; // "Bill de Blasio", "Ludwig van Beethoven"
                } else {
                    break;
                }
            }
            let mut s = i;
            let mut gender = None;
            let mut title = None;
            while s < e
                && let Some(w) = self.word(s)
                && (is_title(w) || is_non_name_cap(w))
            {
                if let Some(h) = honorific(w) {
                    gender = h;
                    title = None;
                    s += 1;
                    // "Mr. King": whatever follows a courtesy title is the name.
                    break;
                }
                if is_title(w) {
                    gender = gender.or(title_gender(w));
                    // The office is the last title word, with a modifier that changes it
                    // ("Vice President", "Former Gov."), not a party label before it.
                    let modified = title.as_ref().is_some_and(|t: &Range<usize>| {
                        t.end == s
                            && self.word(s - 1).is_some_and(|m| {
                                matches!(
                                    m,
                                    "Vice"
                                        | "Former"
                                        | "Deputy"
                                        | "Acting"
                                        | "Interim"
                                        | "Lieutenant"
                                        | "Assistant"
                                        | "Retired"
                                        | "Attorney"
                                        | "Prime"
                                )
                            })
                    });
                    title = Some(if modified { s - 1 } else { s }..s + 1);
                }
                s += 1;
            }
            let org = (s..e).any(|k| self.word(k).is_some_and(is_org_word));
            let shouted = (s..e).all(|k| self.word(k).is_some_and(is_all_caps));
            let titled = gender.is_some() || title.is_some();
            if e > s && e - s <= 4 && !org && !shouted && (e - s >= 2 || titled) {
                let last = &self.toks[e - 1];
                let lw = &self.body[last.s..last.e];
                let core = strip_possessive(lw);
                out.push(Mention {
                    full: self.toks[s].s..last.s + core.len(),
                    last: last.s..last.s + core.len(),
                    multi: e - s >= 2,
                    gender,
                    title: title.map(|t| self.bytes(t.start, t.end)),
                });
            }
            i = e.max(i + 1);
        }
    }

    /// The person named as the subject of this (single) sentence: "Sen. Jo Roe (Vt.), who …,
    /// identified …".
    pub(crate) fn person_subject(&self) -> Option<Np> {
        if self.toks.is_empty() {
            return None;
        }
        let np = self.sentence_subject(0, self.toks.len())?;
        matches!(np.kind, NpKind::Person { .. }).then_some(np)
    }

    /// Whether this token list ends with a colon (a cue sentence introducing a quote).
    pub(crate) fn ends_with_colon(&self) -> bool {
        self.toks.last().is_some_and(|t| t.kind == Kind::Punct(':'))
    }

    pub(crate) fn len(&self) -> usize {
        self.toks.len()
    }

    pub(crate) fn is_cue_at(&self, i: usize) -> bool {
        self.word(i).is_some_and(is_cue_verb)
    }
}

fn is_aux_or_adverb_ly(w: &str) -> bool {
    is_aux_or_adverb(w) || (w.len() > 4 && w.ends_with("ly") && !is_cap(w) && w != "family")
}

/// Words that open an adverbial or a clause before the subject ("In August, …").
fn is_clause_opener(w: &str) -> bool {
    matches!(
        w,
        "In" | "On"
            | "At"
            | "During"
            | "After"
            | "Before"
            | "Though"
            | "Although"
            | "When"
            | "While"
            | "Since"
            | "As"
            | "However"
            | "Meanwhile"
            | "Last"
            | "Earlier"
            | "Later"
            | "Also"
            | "But"
            | "And"
            | "Yet"
            | "So"
            | "Still"
            | "Speaking"
            | "Asked"
            | "Instead"
            | "Despite"
            | "Following"
            | "Over"
            | "Under"
            | "With"
            | "Without"
            | "For"
            | "From"
            | "Like"
            | "Unlike"
            | "Until"
            | "Because"
            | "If"
            | "Once"
            | "Now"
            | "Then"
            | "Today"
            | "Yesterday"
            | "Separately"
            | "Previously"
            | "Overall"
            | "Indeed"
            | "Still,"
            | "Moreover"
            | "Furthermore"
            | "Having"
            | "Nevertheless"
            | "Afterward"
            | "Afterwards"
            | "Thus"
    )
}

/// Lower-case particles inside a person's name ("de Blasio", "van Gogh").
fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "van" | "von" | "der" | "den" | "la" | "le" | "del" | "da" | "di" | "du" | "dos"
    )
}

/// Words opening a subordinate clause ("…,” when Y said / because Y argued).
fn is_subordinator(w: &str) -> bool {
    matches!(
        w,
        "when"
            | "because"
            | "if"
            | "while"
            | "after"
            | "before"
            | "since"
            | "although"
            | "though"
            | "until"
            | "unless"
            | "whereas"
            | "where"
            | "whether"
    )
}

/// The hearer of a speech verb, between it and the quote ("told me, “…”").
fn is_listener(w: &str) -> bool {
    matches!(
        w,
        "me" | "us"
            | "him"
            | "her"
            | "them"
            | "reporters"
            | "journalists"
            | "supporters"
            | "listeners"
            | "viewers"
            | "voters"
            | "lawmakers"
            | "colleagues"
            | "students"
            | "delegates"
            | "crowd"
            | "audience"
    )
}

/// A word written all in capitals ("CONGRESS", "FBI"): a header, label or acronym.
pub(crate) fn is_all_caps(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "yesterday"
            | "today"
            | "tonight"
            | "last"
            | "earlier"
            | "recently"
            | "later"
            | "this"
            | "Monday,"
            | "in"
            | "on"
    ) || is_cap(w) && crate::calendar::is_weekday(w)
}

fn is_possessive(w: &str) -> bool {
    w.ends_with("’s") || w.ends_with("'s") || w.ends_with("s’") || w.ends_with("s'")
}

pub(crate) fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .unwrap_or(w)
}
