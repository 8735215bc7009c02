//! The cue of a quotation: the three shapes of the module doc, tried in order, and the
//! subject of a cue verb anywhere in the sentence.

use super::{Attribution, Ctx, Np, NpKind, WINDOW};
use crate::claims::SpeakerKind;
use crate::claims::lexicon::{
    Pronoun, is_common_cue_verb, is_cue_verb, is_determiner, is_invertible_cue, is_listener,
    is_np_stop, is_speech_form, is_subordinator, is_verb_only_cue,
};
use crate::claims::tokens::is_cap;

impl<'a> Ctx<'a> {
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
        // "“…,” read the statement", "“…,” reads an editorial in …", "“…,” begins a
        // message that …": "read" or "begin" inverted before a document.
        if matches!(w, "read" | "reads" | "begins" | "began")
            && let Some(np) = self.forward_np(j + 1)
            && super::speaker_kind(&self.body[np.name.clone()], false) == SpeakerKind::Document
        {
            return Some(Attribution {
                np,
                cue: self.bytes(j, j + 1),
                adjacent: true,
            });
        }
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
        // `he "cannot walk down the street" without reporters asking`: a quote that runs
        // on into its sentence, with no closing punctuation or comma, is not reported by
        // the words right after it.
        // `the "rigged economy" that he says is …` and "… as X put it" still may.
        // A quoted term of three words or fewer keeps the clause after it (`she said a
        // delay would be "disastrous" and she accused …`).
        let run_on = j == q + 1
            && !self.quote_closes_clause(q)
            && self.quoted_words(q) > 3
            && !matches!(w, "that" | "which" | "as");
        let j = if run_on {
            // A cue before it in the sentence reports it ("Sanders said he “…” without
            // reporters asking").
            let ss = self.sentence_start(q);
            if (ss..q).any(|k| self.word(k).is_some_and(is_verb_only_cue)) {
                return None;
            }
            // "…” fostered by Trump, the groups say.": only a clause after a comma may.
            let c = (j..self.toks.len().min(j + 40))
                .take_while(|&k| !self.is_quote(k) && !self.is_punct(k, &['.', '!', '?', ';']))
                .find(|&k| self.punct(k) == Some(','))?;
            c + 1
        } else {
            j
        };
        // "…,” as X put it / as X said.
        let as_clause = w == "as";
        let j = if as_clause { j + 1 } else { j };
        // Subject first: look for the verb within a short window.
        let mut v = j;
        while v < self.toks.len() && v < j + 40 {
            // "…,” Texas delegate Bill Eastland, wearing “Ted Cruz” pins, said": a quoted
            // term inside the subject's aside does not end the search.
            let term = self.is_quote(v) && v > j && self.quoted_words(v) <= 3;
            if (self.is_quote(v) && !term) || self.is_punct(v, &['.', '!', '?', ';', ':']) {
                break;
            }
            if let Some(w) = self.word(v) {
                let put = as_clause && matches!(w, "put" | "puts");
                // "…,” the editorial read": the past of "read" after a document.
                let read = || {
                    w == "read"
                        && v > j
                        && (v + 1 >= self.toks.len() || self.is_punct(v + 1, &['.', ',', ';']))
                        && self.backward_np(j, v).is_some_and(|np| {
                            super::speaker_kind(&self.body[np.name.clone()], false)
                                == SpeakerKind::Document
                        })
                };
                // "…” a welcome message on the website reads": a speech noun in the
                // subject yields to the verb after it.
                // "…,” the email read": "read" is the verb of a document too.
                let noun_in_subject = || {
                    !is_verb_only_cue(w)
                        && (v + 1..self.toks.len().min(j + 40))
                            .take_while(|&k| {
                                !self.is_quote(k)
                                    && !self.is_punct(k, &['.', '!', '?', ';', ':', ','])
                            })
                            .any(|k| {
                                self.word(k).is_some_and(|n| {
                                    is_verb_only_cue(n) || matches!(n, "read" | "reads")
                                })
                            })
                };
                // "…, Mrs. Clinton struck many of the same notes": a noun form after a
                // determiner is the noun ("the document states" is still the verb).
                let noun = || v > j && self.is_noun_use(v);
                if (is_speech_form(w) && !noun_in_subject() && !noun()) || put || read() {
                    // "…” to discuss his rival, Hillary Clinton, saying": a participle
                    // there has the sentence's subject, not the words before it.
                    let participle = run_on && w.ends_with("ing");
                    if (v > j && self.word(v - 1) == Some("to")) || self.is_passive(v) || participle
                    {
                        return None;
                    }
                    if self.quote_ends_sentence(q) && !self.bare_cue_tail(v) {
                        return None;
                    }
                    let np = match self.backward_np(j, v) {
                        Some(np) if !matches!(np.kind, NpKind::Group) => Some(np),
                        other => self.name_before_aside(j, v).or(other),
                    }?;
                    return Some(Attribution {
                        np,
                        cue: self.bytes(v, v + 1),
                        adjacent: true,
                    });
                }
            }
            v += 1;
        }
        if let Some(a) = self.past_verb_cue(q, j) {
            return Some(a);
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

    /// "“France will always be France,” an angry Hollande retaliated.", "“Why?” Hannity
    /// pressed.": after a quote that ends on a comma or a question, a subject and a past-tense verb closing the clause report it,
    /// whatever the verb.
    fn past_verb_cue(&self, q: usize, j: usize) -> Option<Attribution> {
        let t = self.toks[q];
        let inner = self.body[t.s..t.e].trim_end_matches(['"', '\'', '”', '’', '`', ' ']);
        if !inner.ends_with([',', '?', '!']) {
            return None;
        }
        let v = (j + 1..(j + 8).min(self.toks.len())).find(|&k| self.word(k).is_none())?;
        let v = v - 1;
        let w = self.word(v)?;
        let closes = v + 1 >= self.toks.len() || self.is_punct(v + 1, &['.', ',', ';']);
        if !closes || !w.ends_with("ed") || w.len() < 5 || is_cap(w) || self.is_passive(v) {
            return None;
        }
        let np = self.backward_np(j, v)?;
        let who = match np.kind {
            NpKind::Person { .. } | NpKind::Pronoun(Pronoun::Person) => true,
            NpKind::Group => self.word(j).is_some_and(|d| is_determiner(d) || is_cap(d)),
            NpKind::Pronoun(_) => false,
        };
        who.then(|| Attribution {
            np,
            cue: self.bytes(v, v + 1),
            adjacent: true,
        })
    }

    /// Whether the speech word at `k` is used as a noun: one that is also a common noun
    /// ("report", "notes", "remarks") right after a determiner ("the report", "the same
    /// notes").
    fn is_noun_use(&self, k: usize) -> bool {
        k > 0
            && self.word(k).is_some_and(|w| !is_verb_only_cue(w))
            && self.word(k - 1).is_some_and(|p| {
                is_determiner(p) || matches!(p, "same" | "its" | "our" | "my" | "your")
            })
    }

    /// Whether the quoted words at `q` end on punctuation ("…,”", "…?”", "…—”").
    fn quote_closes_clause(&self, q: usize) -> bool {
        let t = self.toks[q];
        let inner = self.body[t.s..t.e].trim_end_matches(['"', '\'', '”', '’', '`', ' ']);
        inner.ends_with([',', '.', '?', '!', '…', ';', ':', '—', '–', '-'])
    }

    /// The words inside the quote token at `q`.
    fn quoted_words(&self, q: usize) -> usize {
        let t = self.toks[q];
        self.body[t.s..t.e].split_whitespace().count()
    }

    /// "…,” Nate Silver, the polling guru who founded the site, tweeted": a person's name
    /// right after the quote, closed by a comma, whose aside runs on to the verb at `v`.
    fn name_before_aside(&self, j: usize, v: usize) -> Option<Np> {
        let c = (j + 1..v).find(|&k| self.punct(k) == Some(','))?;
        let np = self.chunk_np(j, c, Some(self.bytes(c + 1, v)))?;
        matches!(np.kind, NpKind::Person { .. }).then_some(np)
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
        // A common reporting verb may have a longer adverbial ("asked reporters during a
        // news conference late last month").
        let reach = if self.word(v).is_some_and(is_common_cue_verb) {
            24
        } else {
            8
        };
        // "Students would continue to take tests": an infinitive is no adverbial.
        if self.word(v + 1) == Some("to")
            && self
                .word(v + 2)
                .is_some_and(|n| !is_cap(n) && !is_determiner(n) && !is_listener(n))
        {
            return false;
        }
        for k in v + 1..(v + reach).min(self.toks.len() + 1) {
            if k >= self.toks.len() || self.is_punct(k, &['.', '!', '?']) {
                return true;
            }
            // "…” Trump said in a statement that the bill …": a reported clause of its own.
            if self.word(k) == Some("that") {
                return false;
            }
            let adverbial = self.word(k).is_some_and(|w| {
                (w.len() > 4 && w.ends_with("ly") && !is_cap(w))
                    || matches!(
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
                        // "…?” Clinton asks as a maintenance guy walks in": a subordinate
                        // clause or a participle after the verb leaves the cue bare.
                        | "as"
                        | "while"
                        | "when"
                        | "because"
                        | "adding"
                        | "noting"
                        | "referring"
                        | "pointing"
                        | "explaining"
                    )
                    || crate::calendar::is_weekday(w)
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
            // "From the report: “…”": after a determiner, "report" is the noun.
            Some(w) if is_cue_verb(w) && !self.is_noun_use(j - 1) => Some(j - 1),
            // "Smith shot back: “…”"
            Some("back" | "out") if j >= 2 && self.is_phrasal_cue(j - 2) => Some(j - 2),
            Some(w) if sep.is_some() && j >= 2 && is_listener(w) => {
                self.word(j - 2).filter(|v| is_cue_verb(v)).map(|_| j - 2)
            }
            // "Axelrod said of Sanders: “…”": who the words are about sits between verb
            // and quote.
            Some(w) if sep == Some(':') && is_cap(w) => {
                let mut k = j - 1;
                while k > 0 && j - k < 4 && self.word(k - 1).is_some_and(is_cap) {
                    k -= 1;
                }
                (k >= 2 && self.word(k - 1) == Some("of"))
                    .then(|| k - 2)
                    .filter(|&v| self.word(v).is_some_and(is_cue_verb))
            }
            _ => None,
        };
        if let Some(v) = v {
            if self.is_passive(v) {
                return None;
            }
            if v >= 1 && self.word(v - 1) == Some("to") {
                // "The email went on to say: “…”", "Trump was prompted to say, “…”": the
                // infinitive's speaker is its clause's subject.
                let lo = self.clause_start(v);
                // "… so subdued that Mr. Trump was prompted to say": the subject before
                // the auxiliary of the verb that governs the infinitive.
                let governed = (v.saturating_sub(5).max(lo)..v - 1)
                    .rev()
                    .find(|&k| {
                        self.word(k).is_some_and(|w| {
                            matches!(w, "was" | "were" | "is" | "are" | "has" | "had" | "have")
                        })
                    })
                    .and_then(|k| self.backward_np(lo, k))
                    .filter(|np| matches!(np.kind, NpKind::Person { .. }));
                let np = match governed {
                    Some(np) => np,
                    None => self.sentence_subject(lo, v - 1)?,
                };
                return self.is_named(&np).then(|| Attribution {
                    np,
                    cue: self.bytes(v, v + 1),
                    adjacent: true,
                });
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
                .is_some_and(|w| !is_np_stop(w) && (!is_cue_verb(w) || self.is_noun_use(s - 1)))
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
            // "From the report: “…”": a document the lead-in quotes from.
            if sep == Some(':')
                && w.eq_ignore_ascii_case("from")
                && (s == 1 || self.word(s - 2).is_none())
                && let Some(np) = self.chunk_np(s, j, None)
                && super::speaker_kind(&self.body[np.name.clone()], false) == SpeakerKind::Document
            {
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
            // "…, a consultant, notes that …": a noun-like form followed by "that", a
            // colon or the quote is the verb.
            let verb_slot = self.word(v + 1) == Some("that")
                || self.punct(v + 1) == Some(':')
                || self.is_quote(v + 1);
            // "Rubio will continue to be “…”": "continue" before an infinitive is no
            // speech ("vowed to punish “…”" still is).
            let infinitive = v < q
                && w.starts_with("continu")
                && self.word(v + 1) == Some("to")
                && self.word(v + 2).is_some_and(|n| !is_cap(n));
            let cue = (is_cue_verb(w) && !infinitive)
                || put_it
                || (verb_slot && is_speech_form(w))
                || self.is_phrasal_cue(v);
            if !cue {
                continue;
            }
            if let Some(a) = self.subject_of(v) {
                return Some(a);
            }
        }
        None
    }

    /// Whether a subject names someone: a person or pronoun, or a group phrase with a
    /// capitalised word ("the ACLU", not "the county report").
    fn is_named(&self, np: &Np) -> bool {
        match np.kind {
            NpKind::Group => self.body[np.name.clone()].split_whitespace().any(is_cap),
            _ => true,
        }
    }

    /// "fired back", "shot back", "lashed out": a verb that reports speech only with its
    /// particle.
    fn is_phrasal_cue(&self, v: usize) -> bool {
        let particle = self.word(v + 1);
        self.word(v).is_some_and(|w| match particle {
            Some("back") => matches!(
                w,
                "fired"
                    | "fires"
                    | "firing"
                    | "shot"
                    | "shoots"
                    | "shooting"
                    | "hit"
                    | "hits"
                    | "hitting"
                    | "pushed"
                    | "pushes"
                    | "pushing"
                    | "snapped"
                    | "wrote"
            ),
            Some("out") => matches!(w, "lashed" | "lashes" | "lashing" | "spoke" | "speaks"),
            Some("up") => matches!(w, "spoke" | "speaks" | "piped"),
            // "“…,” Trump went on."
            Some("on") => matches!(w, "went" | "goes" | "going") && self.word(v + 2).is_none(),
            _ => false,
        })
    }

    /// Whether the cue at `v` is a passive participle ("were told", "was widely quoted"):
    /// its grammatical subject is the listener or the words, not the speaker.
    fn is_passive(&self, v: usize) -> bool {
        let Some(w) = self.word(v) else { return false };
        if !(w.ends_with("ed") || matches!(w, "told" | "said" | "written" | "read" | "asked")) {
            return false;
        }
        let mut k = v;
        while k > 0 && self.word(k - 1).is_some_and(|a| a.ends_with("ly")) {
            k -= 1;
        }
        k > 0
            && self.word(k - 1).is_some_and(|a| {
                matches!(
                    a,
                    "was" | "were" | "is" | "are" | "be" | "been" | "being" | "get" | "got"
                )
            })
    }

    /// The subject of the cue verb at `v`: before it, or after it when inverted
    /// ("…, says the ACLU, …").
    pub(crate) fn subject_of(&self, v: usize) -> Option<Attribution> {
        let w = self.word(v)?;
        if v > 0 && self.word(v - 1) == Some("to") {
            return None; // "to tell": an infinitive has no subject of its own
        }
        if self.is_passive(v) {
            return None; // "his staff were told", "the post was retweeted"
        }
        let lo = self.clause_start(v);
        let np = self.subject_before(lo, v).filter(|np| {
            // "the county report", "his claims": a noun-like cue needs a named subject.
            is_verb_only_cue(w) || self.is_named(np)
        });
        // "The paradox of Nancy, says Carl Anthony, a historian, is that …": an inverted
        // cue between commas names a person after it rather than the phrase before it.
        if !np
            .as_ref()
            .is_some_and(|np| matches!(np.kind, NpKind::Person { .. }))
            && is_invertible_cue(w)
            && v > 0
            && self.punct(v - 1) == Some(',')
            && let Some(inv) = self.inverted_subject(v)
            && matches!(inv.kind, NpKind::Person { .. })
        {
            return Some(Attribution {
                np: inv,
                cue: self.bytes(v, v + 1),
                adjacent: false,
            });
        }
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
            let np = self.inverted_subject(v)?;
            return Some(Attribution {
                np,
                cue: self.bytes(v, v + 1),
                adjacent: false,
            });
        }
        None
    }

    /// The subject after the inverted cue at `v`, when it closes its clause: "…, says the
    /// ACLU, would …".
    fn inverted_subject(&self, v: usize) -> Option<Np> {
        let np = self.forward_np(v + 1)?;
        let end = self.token_after(v, np.name.end);
        let closes = end >= self.toks.len()
            || self.is_punct(end, &[',', '.', ';', '!', '?', '(', '—', '–'])
            || np.role.is_some();
        closes.then_some(np)
    }
}
