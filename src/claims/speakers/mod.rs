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
//!
//! One file per concern:
//! - `tokens`: the attribution tokens (words, punctuation, collapsed quotes);
//! - `cues`: the three cue shapes, which find the cue and where its subject is;
//! - `subjects`: the bounds of a subject noun phrase, before or after its verb, with its
//!   role (apposition, parentheses, dashes);
//! - `names`: what a noun phrase is (pronoun, person, group), and the capitalised names
//!   of a sentence group remembered for later back-references (resolved in `quotes`).
//!
//! This file holds the types they share and the token accessors.

mod cues;
mod kinds;
mod names;
mod subjects;
mod tokens;

pub(crate) use kinds::{is_modified_noun, speaker_kind};
pub(crate) use names::strip_possessive;
pub(crate) use tokens::{HIDDEN, Kind, Tok, tokenize};

use super::lexicon::{Gender, Pronoun, is_common_cue_verb};
use std::ops::Range;

/// How far (in tokens) a cue is looked for around a quote or a verb.
const WINDOW: usize = 80;

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
    /// From the given name of a full name ("Roy Verley"), weaker than a title: a
    /// family's members share the surname.
    pub given_gender: Option<Gender>,
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

/// The tokens of one sentence group, which the attribution grammar reads.
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

    /// Whether this token list ends with a colon (a cue sentence introducing a quote).
    pub(crate) fn ends_with_colon(&self) -> bool {
        self.toks.last().is_some_and(|t| t.kind == Kind::Punct(':'))
    }

    /// The bytes of the closing colon (see `ends_with_colon`), as a cue.
    pub(crate) fn colon_range(&self) -> Range<usize> {
        self.toks.last().map_or(0..0, |t| t.s..t.e)
    }

    pub(crate) fn len(&self) -> usize {
        self.toks.len()
    }

    /// A common reporting verb, or any speech word right before the closing colon ("as
    /// the foundation's website notes:").
    pub(crate) fn is_cue_at(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| {
            is_common_cue_verb(w)
                || (i + 2 == self.toks.len()
                    && self.ends_with_colon()
                    && crate::claims::lexicon::is_speech_form(w))
        })
    }
}
