//! Where the subject of a cue verb is: the noun phrase before the verb (through
//! auxiliaries, an apposition "X, the head of Y, said", a parenthesis or a dashed aside),
//! after an inverted verb ("said X, role, …"), after "according to", or the subject of
//! the sentence for participles and coordinated verbs. What the phrase found is, is
//! decided by `names`.

use super::names::is_possessive;
use super::{Ctx, Np, NpKind, WINDOW};
use crate::claims::SpeakerKind;
use crate::claims::lexicon::{
    Pronoun, continues_before_article, is_article, is_aux_or_adverb_ly, is_clause_opener,
    is_cue_verb, is_determiner, is_finite_cue, is_fronted_participle, is_fronted_preposition,
    is_listener, is_name_connector, is_non_name_cap, is_np_stop, is_surname_before_verb,
    is_time_word, is_title, is_verb_only_cue, pronoun,
};
use crate::claims::tokens::is_cap;
use std::ops::Range;

impl<'a> Ctx<'a> {
    /// The subject of the verb at `v`, handling participles ("…, saying") and coordinated
    /// verbs ("… and said") by taking the sentence subject.
    pub(super) fn subject_before(&self, lo: usize, v: usize) -> Option<Np> {
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
                    .is_some_and(|p| is_cap(p) && !is_clause_opener(p) && !is_non_name_cap(p))
                || self.object_of_preposition(lo, e));
        // "Fiorina said, adding that …": a participle after a cue verb and its comma
        // shares that verb's subject.
        if participle
            && e >= lo + 2
            && self.punct(e - 1) == Some(',')
            && self.word(e - 2).is_some_and(is_verb_only_cue)
            && let Some(np) = self.subject_before(lo, e - 2)
            && !matches!(np.kind, NpKind::Pronoun(_))
            && !is_possessive(&self.body[np.name.clone()])
        {
            return Some(np);
        }
        // "with one of her ads asking, “…”": the noun of an absolute "with" phrase says it.
        if participle
            && !coordinated
            && let Some(np) = self.absolute_with(lo, e)
        {
            return Some(np);
        }
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
            let s = self.cap_run_start(lo, e);
            let governed = s > lo && self.word(s - 1).is_some_and(|p| matches!(p, "of" | "by"));
            if governed
                && let Some(np) = self.chunk_np(s, e, None)
                && matches!(np.kind, NpKind::Person { .. })
            {
                return Some(np);
            }
        }
        self.speech_noun_subject(lo, v)
            .or_else(|| self.backward_np(lo, v))
    }

    /// Start of the run of at most four capitalised words ending at `e`.
    fn cap_run_start(&self, lo: usize, e: usize) -> usize {
        let mut s = e;
        while s > lo && e - s < 4 && self.word(s - 1).is_some_and(is_cap) {
            s -= 1;
        }
        s
    }

    /// A "with" among the `n` words before `s`, with no punctuation between.
    fn with_before(&self, lo: usize, s: usize, n: usize) -> Option<usize> {
        (s.saturating_sub(n).max(lo)..s)
            .rev()
            .take_while(|&k| self.word(k).is_some())
            .find(|&k| self.word(k) == Some("with"))
    }

    /// The described noun phrase of a "with" a few words before `e`, when it ends there
    /// ("with one of her ads"); names are handled with other participles below.
    fn absolute_with(&self, lo: usize, e: usize) -> Option<Np> {
        let w = self.word(e.checked_sub(1)?)?;
        if is_cap(w) || is_np_stop(w) || e <= lo + 1 {
            return None;
        }
        let with = self.with_before(lo, e - 1, 5)?;
        let np = self.chunk_np(with + 1, e, None)?;
        matches!(np.kind, NpKind::Group).then_some(np)
    }

    /// "responded on Facebook writing", "a statement to Wired explaining": the name run
    /// ending at `e` follows a preposition, so it is that preposition's object and not the
    /// subject of the participle after it ("footage of Trump saying" and "with Trump
    /// yelling" are, see below).
    fn object_of_preposition(&self, lo: usize, e: usize) -> bool {
        let s = self.cap_run_start(lo, e);
        // "with the campaign of the senator from Pennsylvania saying": a "with" before
        // opens an absolute phrase whose noun is the participle's subject.
        let absolute = self.with_before(lo, s, 8).is_some();
        s < e
            && s > lo
            && !absolute
            && self
                .word(s - 1)
                .is_some_and(|p| matches!(p, "on" | "to" | "in" | "at" | "for" | "from" | "via"))
    }

    /// "Sanders delivered a snappy retort: “…”", "the council issued a statement": a
    /// speech word used as a noun (after a determiner and at most two modifiers) speaks
    /// for the subject of its clause, when that subject names someone.
    fn speech_noun_subject(&self, lo: usize, v: usize) -> Option<Np> {
        let det = (v.saturating_sub(3).max(lo)..v)
            .rev()
            .find(|&k| self.word(k).is_some_and(is_determiner))?;
        if !(det + 1..v).all(|k| self.word(k).is_some_and(|w| !is_cap(w) && !is_np_stop(w))) {
            return None;
        }
        // The noun is an object: a verb ("delivered", "issued") comes before its phrase,
        // and the quotation right after it ("the report says the company “…”" is a verb).
        let introduces = self.is_quote(v + 1) || matches!(self.punct(v + 1), Some(':' | ','));
        if !introduces
            || det == lo
            || !self
                .word(det - 1)
                .is_some_and(|w| !is_cap(w) && !is_np_stop(w) && !matches!(w, "and" | "or" | "but"))
        {
            return None;
        }
        let np = self.sentence_subject(lo, det)?;
        let named = match np.kind {
            NpKind::Person { .. } => true,
            NpKind::Group => self.is_named_group(&np),
            NpKind::Pronoun(_) => false,
        };
        named.then_some(np)
    }

    /// The subject at the start of the clause `lo..hi`, after a leading adverbial
    /// ("In August, several groups …", "During a speech, Trump …").
    pub(super) fn sentence_subject(&self, lo: usize, hi: usize) -> Option<Np> {
        let mut starts = vec![lo];
        let opener = self
            .word(lo)
            .is_some_and(|w| is_clause_opener(w) || is_fronted_participle(w, self.word(lo + 1)));
        if opener {
            starts.clear();
            // After a comma, or after a dash closing an aside ("-- complete with
            // teleprompter -- Trump told …").
            starts.extend(
                (lo..hi)
                    .filter(|&k| {
                        self.punct(k) == Some(',')
                            || (self.dash_before(lo, k + 1).is_some() && self.word(k + 1).is_some())
                    })
                    .take(4)
                    .map(|c| c + 1),
            );
            // "After saying it was “…,” she …": the comma sits inside the quote.
            if let Some(q) = (lo..hi).find(|&k| self.is_quote(k))
                && starts.first().is_none_or(|&c| c > q + 1)
            {
                starts.insert(0, q + 1);
            }
            // "And then Trump went on the attack, saying …": past the opening words.
            let mut k = lo + 1;
            while k < hi
                && self
                    .word(k)
                    .is_some_and(|w| is_clause_opener(&capitalised(w)) && !is_cap(w))
            {
                k += 1;
            }
            if !starts.contains(&k) {
                starts.push(k);
            }
        }
        // "At a conference in Aspen, Colo., the graduate ended …": after an opener, the
        // subject is the first chunk its verb follows, not one closed by another comma
        // (unless that is all there is: "In a statement, Smith, a senator, said").
        let mut first = None;
        for s in starts {
            if let Some(np) = self.subject_chunk(s, hi) {
                let end = self.token_after(s, np.name.end);
                if !opener || self.punct(end) != Some(',') {
                    return Some(np);
                }
                first.get_or_insert(np);
            }
        }
        first
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
            // "The senator from Vermont said": a described person and their place.
            let place = matches!(w, "from" | "of")
                && e > s + 1
                && self.word(s).is_some_and(is_determiner)
                && self.word(e - 1).is_some_and(|p| !is_cap(p))
                && self
                    .word(e + 1)
                    .is_some_and(|n| is_cap(n) && !is_possessive(n));
            if place {
                e += 2;
                while e < hi && e - s < 10 && self.word(e).is_some_and(is_cap) {
                    e += 1;
                }
                break;
            }
            if is_cue_verb(w) || (is_np_stop(w) && !(e == s && is_determiner(w))) {
                break;
            }
            // "The ad targets a …": a lower-case word before an article, after the first
            // word, is the verb (not "of a", "and the").
            if e > s
                && !is_cap(w)
                && self.word(e + 1).is_some_and(is_article)
                && !continues_before_article(w)
            {
                break;
            }
            if is_cap(w) {
                if !is_title(w) && !is_non_name_cap(w) {
                    seen_name = true;
                }
                poss |= is_possessive(w);
            } else {
                // "Her campaign quickly …", "The email goes on …", "Priebus later …": an
                // adverb, a time word or a main verb ends the subject.
                if e > s && (is_time_word(w) || ends_subject(w)) {
                    break;
                }
                // "The Tory leader said": after a determiner, a name used as an
                // adjective before a role word makes one description.
                let role_after_adjective = self.word(s).is_some_and(is_determiner)
                    && is_title(&capitalised(w))
                    && !self.word(e + 1).is_some_and(is_cap);
                if seen_name && !poss && !is_name_connector(w) && !role_after_adjective {
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
    pub(super) fn token_after(&self, from: usize, pos: usize) -> usize {
        let mut k = from;
        while k < self.toks.len() && self.toks[k].s < pos {
            k += 1;
        }
        k
    }

    /// First token of the sentence holding token `v`.
    pub(super) fn sentence_start(&self, v: usize) -> usize {
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
    /// The person opening the sentence of the quote at `q` as the subject of an action
    /// ("X scolded him: “…,” she said"), not of a copula right before the quote
    /// ("Deutsche Boerse is “…”, he said": the quote describes the subject).
    pub(crate) fn lead_subject(&self, q: usize) -> Option<Np> {
        self.lead_np(q).filter(|np| {
            let next = self.token_after(0, np.name.end);
            let copula = self.word(next).is_some_and(|w| {
                matches!(
                    w,
                    "is" | "was" | "are" | "were" | "has" | "had" | "have" | "will"
                )
            });
            matches!(np.kind, NpKind::Person { .. }) && !(copula && q <= next + 2)
        })
    }

    /// The subject at the start of the sentence holding the quote at `q`, before it.
    pub(crate) fn lead_np(&self, q: usize) -> Option<Np> {
        let s = self.sentence_start(q);
        if s >= q {
            return None;
        }
        let np = self.sentence_subject(s, q)?;
        // "Trump’s former campaign manager, Corey Lewandowski, ripped …": a description
        // with a name between commas after it is that person.
        if np.kind == NpKind::Group && np.role.is_none() {
            let c = self.token_after(s, np.name.end);
            if c < q
                && self.punct(c) == Some(',')
                && let Some(c2) = (c + 2..(c + 6).min(q)).find(|&k| self.punct(k) == Some(','))
                && (c + 1..c2).all(|k| self.word(k).is_some_and(is_cap))
                && self
                    .word(c2 + 1)
                    .is_some_and(|w| w.starts_with(|ch: char| ch.is_lowercase()))
            {
                let named = self.named_in_apposition(Np {
                    role: Some(self.bytes(c + 1, c2)),
                    ..np.clone()
                });
                if matches!(named.kind, NpKind::Person { .. }) {
                    return Some(named);
                }
            }
        }
        Some(np)
    }

    /// Whether a sentence's subject is an organisation, group or document that is named
    /// ("The Democratic National Committee released a statement offering “…”").
    pub(crate) fn is_named_group(&self, np: &Np) -> bool {
        let name = &self.body[np.name.clone()];
        let kind = super::speaker_kind(name, false);
        // Named ("the FBI", "The Washington Post"), not only described ("the sign on the
        // door read", "the plan would"): a description is too often the thing spoken of.
        let acronym = |w: &str| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase());
        // "Hoff’s letter": a document of a named writer.
        let of_named = name
            .split_whitespace()
            .next()
            .is_some_and(|w| is_cap(w) && (w.ends_with("’s") || w.ends_with("'s")));
        let named = name.split_whitespace().skip(1).any(is_cap)
            || name.split_whitespace().any(acronym)
            || of_named && kind == SpeakerKind::Document;
        np.kind == NpKind::Group
            && named
            && matches!(
                kind,
                SpeakerKind::Organisation | SpeakerKind::Document | SpeakerKind::Group
            )
    }

    /// A document described as a sentence's subject and followed by a verb in the present
    /// or the past ("the statement talked about", "The ad targets", "A footnote in the
    /// report makes that clear:"); not "the plan would", "the sign is".
    pub(crate) fn is_acting_document(&self, np: &Np) -> bool {
        let name = &self.body[np.name.clone()];
        if np.kind != NpKind::Group
            || super::speaker_kind(name, false) != SpeakerKind::Document
            || !name.split_whitespace().next().is_some_and(is_determiner)
        {
            return false;
        }
        let next = self.token_after(0, np.name.end);
        let verb = |w: &str| {
            !is_cap(w)
                && w.len() > 4
                && (w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss")))
                && !matches!(w, "was" | "has" | "does" | "needed" | "seemed" | "appeared")
        };
        self.word(next).is_some_and(verb)
            || (self.word(next).is_some_and(|w| w.ends_with("ly"))
                && self.word(next + 1).is_some_and(verb))
    }

    /// Where the clause holding token `v` starts (after a quote, `;`, `:` or sentence start).
    pub(super) fn clause_start(&self, v: usize) -> usize {
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
    pub(super) fn backward_np(&self, lo: usize, v: usize) -> Option<Np> {
        let mut e = v;
        while e > lo && self.word(e - 1).is_some_and(is_aux_or_adverb_ly) {
            e -= 1;
        }
        // "Sanders during a Sunday rally thanked", "Beck on Wednesday called": a time
        // phrase between the subject and its verb.
        if let Some(p) = (e.saturating_sub(5).max(lo + 1)..e).rev().find(|&k| {
            self.word(k)
                .is_some_and(|w| matches!(w, "on" | "during" | "at" | "in" | "last" | "this"))
        }) && (p + 1..e).any(|k| {
            self.word(k).is_some_and(|w| {
                crate::calendar::is_weekday(w) || crate::calendar::month_number(w).is_some()
            })
        }) && (p + 1..e).all(|k| {
            // "met the FA on Monday and Astiazaran added": a coordinator after the time
            // opens the verb's own clause.
            self.word(k).is_some_and(|w| {
                (!is_np_stop(w) || is_determiner(w)) && !matches!(w, "and" | "or" | "but")
            })
        }) && self.word(p - 1).is_some_and(is_cap)
        {
            e = p;
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
            // "A former candidate -- John McCain, who lost in 2008 -- said": the aside
            // names the person the description before it is.
            let mut k = open.end;
            while k < close.start && k < open.end + 4 && self.word(k).is_some_and(is_cap) {
                k += 1;
            }
            let described = open.start > lo
                && self.word(open.start - 1).is_some_and(|w| !is_cap(w))
                && (open.start.saturating_sub(6).max(lo)..open.start)
                    .take_while(|&j| self.word(j).is_some())
                    .any(|j| self.word(j).is_some_and(is_determiner));
            if described
                && k > open.end
                && (k == close.start || self.punct(k) == Some(','))
                && let Some(np) = self.chunk_np(open.end, k, None)
                && matches!(np.kind, NpKind::Person { .. })
            {
                return Some(np);
            }
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
        // "“…,” Will wrote": a modal or title word alone before a tensed verb is a name.
        let lone_name = e > lo
            && e == v
            && self.word(e - 1).is_some_and(is_surname_before_verb)
            && self.word(v).is_some_and(is_finite_cue)
            && !(e >= lo + 2
                && self
                    .word(e - 2)
                    .is_some_and(|p| is_determiner(p) || is_cap(p)));
        if lone_name {
            s = e - 1;
        }
        while !lone_name && s > lo && e - s < 14 {
            match self.word(s - 1) {
                // "…, and the report says": the coordinator joins clauses, not names.
                Some("and" | "or" | "but") if s < e && self.word(s).is_some_and(is_determiner) => {
                    break;
                }
                // "the Florida senator and Republican presidential candidate said": a
                // description ending on a common noun, after a determined one, is the
                // second half of one subject.
                Some("and")
                    if s < e
                        && s >= lo + 2
                        && self.word(e - 1).is_some_and(|w| !is_cap(w))
                        && self
                            .word(s - 2)
                            .is_some_and(|p| !is_cap(p) && !is_np_stop(p))
                        && (s.saturating_sub(6).max(lo)..s - 1)
                            .rev()
                            .take_while(|&k| self.word(k).is_some())
                            .any(|k| self.word(k).is_some_and(is_determiner)) =>
                {
                    s -= 1;
                }
                // "a woman asked for a photo and Clinton said": a name after a coordinator
                // that follows lowercase words opens a clause of its own.
                Some("and" | "or" | "but")
                    if s < e
                        && self.word(s).is_some_and(is_cap)
                        && s >= 2
                        && self.word(s - 2).is_some_and(|p| !is_cap(p)) =>
                {
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
        // "a senior official at the State Department told", "a staffer in the room
        // wondered": a description with a prepositional complement is one subject.
        if s > lo + 1
            && s < e
            && self
                .word(s - 1)
                .is_some_and(|p| matches!(p, "at" | "with" | "in" | "from" | "of" | "on"))
            && self
                .word(s - 2)
                .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()))
        {
            let p = s - 1;
            let mut k = p;
            while k > lo && p - k < 6 && self.word(k - 1).is_some_and(|w| !is_np_stop(w)) {
                k -= 1;
                if self.word(k).is_some_and(is_determiner) {
                    break;
                }
            }
            if k < p && self.word(k).is_some_and(is_determiner) {
                s = k;
            } else if k > lo && k < p && self.word(k - 1).is_some_and(is_determiner) {
                s = k - 1;
            }
        }
        // "former Gov. Jeb Bush of Florida said", "Senator John McCain of Arizona told":
        // a name with its home place is one subject.
        if s > lo + 1
            && s < e
            && e - s <= 3
            && self.word(s - 1).is_some_and(|p| matches!(p, "of" | "from"))
            && self.word(s - 2).is_some_and(is_cap)
            && (s..e).all(|k| self.word(k).is_some_and(is_cap))
        {
            let mut k = s - 1;
            while k > lo && s - 1 - k < 6 && self.word(k - 1).is_some_and(|w| !is_np_stop(w)) {
                k -= 1;
            }
            if k < s - 1 {
                s = k;
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
        let mut closed = false;
        while s > lo && last_comma - s < 60 {
            let t = s - 1;
            if self.is_quote(t) || self.is_punct(t, &[';', ':', '—', '–', '―']) {
                break;
            }
            // "… it is (Raphael Lemkin, who coined the word, once said, …": an open
            // parenthesis starts the clause; "Smith (R-Texas), …" keeps its own.
            closed |= self.punct(t) == Some(')');
            if self.punct(t) == Some('(') && !closed {
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
                // "In an interview, Steve Huhn, …, said": an adverbial is no speaker.
                if self.word(seg_start).is_some_and(|w| {
                    (is_fronted_preposition(w) && e > seg_start + 1)
                        || is_fronted_participle(w, self.word(seg_start + 1))
                }) {
                    seg_start = c + 1;
                    continue;
                }
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
                        return Some(self.named_in_apposition(Np {
                            role: role.or(np.role.clone()),
                            ..np
                        }));
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
    pub(super) fn according_np(&self, j: usize) -> Option<Np> {
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
    pub(super) fn forward_np(&self, j: usize) -> Option<Np> {
        let w = self.word(j)?;
        if let Some(p) = pronoun(w) {
            return Some(Np {
                kind: NpKind::Pronoun(p),
                name: self.bytes(j, j + 1),
                role: None,
            });
        }
        let mut t = j;
        // "said a person close to the Clintons", "said one adviser to Trump": a
        // description keeps its complement (up to two prepositions).
        let described = self.word(j).is_some_and(is_determiner);
        let mut preps = 0;
        while t < self.toks.len() && t < j + 12 {
            // "said the base chief known as Bob", "said a lawyer named Ann Lee": the
            // description names its person.
            let naming = match self.word(t) {
                Some("named") => 1,
                Some("known") if self.word(t + 1) == Some("as") => 2,
                _ => 0,
            };
            if described && naming > 0 && t > j + 1 {
                let a = t + naming;
                let mut b = a;
                while b < a + 4
                    && self
                        .word(b)
                        .is_some_and(|w| is_cap(w) && !is_non_name_cap(w))
                {
                    b += 1;
                }
                if b > a
                    && let Some(np) = self.chunk_np(a, b, Some(self.bytes(j, t)))
                    && matches!(np.kind, NpKind::Person { .. })
                {
                    return Some(np);
                }
            }
            match self.word(t) {
                Some(w)
                    if (!is_np_stop(w) || (t == j && is_determiner(w)))
                        && !is_time_word(w)
                        && !is_verb_only_cue(w) =>
                {
                    t += 1
                }
                Some(w @ ("to" | "with" | "for" | "of" | "from"))
                    if described
                        && preps < 2
                        && t > j + 1
                        && self.word(t - 1).is_some_and(|p| !is_cap(p))
                        && self.word(t + 1).is_some_and(|n| {
                            let stop = is_np_stop(n) && !is_determiner(n);
                            let listener = w == "to" && is_listener(n);
                            !stop && !is_time_word(n) && !listener
                        }) =>
                {
                    preps += 1;
                    t += 1;
                }
                _ => break,
            }
        }
        while t > j
            && self.word(t - 1).is_some_and(|w| {
                // A phrase never ends on a determiner or a preposition ("a strategist
                // for one of these candidates" keeps "a strategist").
                is_name_connector(w)
                    || is_determiner(w)
                    || (preps > 0 && matches!(w, "to" | "with" | "from"))
            })
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
            .map(|np| self.named_in_apposition(np))
    }

    /// "the bureau's director, James B. Comey": a description with a person's name in
    /// apposition is that person, the description their role.
    fn named_in_apposition(&self, np: Np) -> Np {
        if np.kind != NpKind::Group {
            return np;
        }
        let Some(role) = np.role.clone() else {
            return np;
        };
        let written = &self.body[np.name.clone()];
        let first = written.split(' ').next().unwrap_or("");
        // A description opens with a determiner or a lower-case word, not a name, or with
        // a possessive before a role ("Florida’s Republican attorney general, Pam Bondi").
        let possessive_role = (first.ends_with("’s") || first.ends_with("'s"))
            && written
                .split(' ')
                .skip(1)
                .any(|w| w.starts_with(|c: char| c.is_lowercase()));
        if !(is_determiner(first)
            || first.starts_with(|c: char| c.is_lowercase())
            || possessive_role)
        {
            return np;
        }
        let a = self.token_after(0, role.start);
        let mut e = a;
        while e < self.toks.len() && self.toks[e].e <= role.end && self.word(e).is_some() {
            e += 1;
        }
        match self.chunk_np(a, e, None) {
            Some(
                p @ Np {
                    kind: NpKind::Person { .. },
                    ..
                },
            ) => Np {
                kind: p.kind,
                name: p.name,
                role: Some(np.name),
            },
            _ => np,
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

    /// This lead-in when it names a document ("Partial transcript as follows:", "The
    /// full statement:").
    pub(crate) fn document_subject(&self) -> Option<Np> {
        if self.toks.is_empty() {
            return None;
        }
        // The words before "as follows", or the whole lead-in.
        let n = self.toks.len() - usize::from(self.ends_with_colon());
        let end = if n >= 2 && self.word(n - 2) == Some("as") && self.word(n - 1) == Some("follows")
        {
            n - 2
        } else {
            n
        };
        let np = self.chunk_np(0, end, None)?;
        (np.kind == NpKind::Group
            && super::speaker_kind(&self.body[np.name.clone()], false) == SpeakerKind::Document)
            .then_some(np)
    }
}

/// A lower-case word after a subject's first word that is no part of it: an adverb in
/// -ly, or a common verb form ("went", "sent", "goes", "began").
fn ends_subject(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ly") && !matches!(w, "family" | "ally" | "rally" | "belly"))
        || matches!(
            w,
            "went"
                | "goes"
                | "came"
                | "comes"
                | "left"
                | "put"
                | "puts"
                | "sent"
                | "sends"
                | "began"
                | "begins"
                | "took"
                | "takes"
                | "gave"
                | "gives"
                | "made"
                | "makes"
                | "got"
                | "gets"
                | "had"
                | "has"
                | "have"
                | "was"
                | "were"
                | "is"
                | "are"
                | "will"
                | "would"
                | "could"
                | "can"
                | "may"
                | "might"
                | "should"
                | "must"
                | "did"
                | "does"
                | "ends"
                | "ended"
                | "kept"
                | "held"
                | "brought"
                | "stood"
                | "spoke"
                | "ran"
                | "set"
                | "delivered"
                | "referenced"
                | "struck"
        )
}

/// `w` with its first letter upper-cased ("leader" → "Leader").
fn capitalised(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
