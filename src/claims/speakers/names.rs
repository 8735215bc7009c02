//! Names: whether a word chunk is a pronoun, a person's name (titles stripped, role
//! kept) or a group, and the capitalised names of a sentence group, remembered so that
//! later surnames, titles and pronouns can be resolved (in `quotes`).

use super::{Ctx, Mention, Np, NpKind};
use crate::claims::lexicon::{
    continues_before_article, given_name_gender, honorific, is_article, is_determiner,
    is_finite_cue, is_name_connector, is_name_particle, is_non_name_cap, is_np_stop, is_org_word,
    is_party_member, is_surname_before_verb, is_title, is_verb_only_cue, pronoun, title_gender,
};
use crate::claims::tokens::is_cap;
use std::ops::Range;

impl<'a> Ctx<'a> {
    /// Classify the word chunk `a..b` (all words) as pronoun, person or group.
    pub(super) fn chunk_np(&self, a: usize, b: usize, role: Option<Range<usize>>) -> Option<Np> {
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
        // "King says Ali “…”", "“…,” Will wrote": a lone title word, modal or preposition
        // right before a tensed reporting verb is a surname; none of them can be the
        // subject of that verb as what it usually is.
        if words.len() == 1
            && is_surname_before_verb(words[0])
            && self.word(b).is_some_and(is_finite_cue)
        {
            return Some(Np {
                kind: NpKind::Person { single: true },
                name: self.bytes(a, b),
                role,
            });
        }
        // "a staffer in the room", "a spokesman for the campaign": a description opened
        // by a determiner may carry a prepositional complement.
        let described = words.len() >= 3 && is_determiner(words[0]);
        for (k, w) in words.iter().enumerate() {
            // "Officials at Homeland Security", "Smith from the ACLU"
            let prep_after_name =
                k > 0 && matches!(*w, "at" | "from" | "with") && is_cap(words[k - 1]);
            let prep_after_name = prep_after_name
                || (described
                    && k >= 2
                    && !is_cap(words[k - 1])
                    && matches!(
                        *w,
                        "in" | "for" | "of" | "on" | "at" | "from" | "with" | "to"
                    ));
            // "at the State Department": the complement's own determiner.
            let det_after_prep = k > 0
                && is_determiner(w)
                && matches!(
                    words[k - 1],
                    "at" | "from" | "with" | "in" | "for" | "of" | "on"
                );
            if k > 0 && is_article(w) && !det_after_prep {
                let prev = words[k - 1];
                // "Mrs. Clinton delivered a forceful": an article after a lower-case word
                // other than a preposition or a coordinator follows a verb; the phrase is
                // no speaker.
                if !is_cap(prev) && !continues_before_article(prev) {
                    return None;
                }
                // "Later the prime minister", "Mr Peston the prime minister": after a
                // capitalised word, an article followed by a few lower-case words opens
                // the phrase ("Save the Children" stays whole).
                if is_cap(prev)
                    && words.len() - k <= 5
                    && words[k + 1..]
                        .iter()
                        .all(|r| !is_cap(r) && !is_np_stop(r) && !is_determiner(r))
                {
                    return self.chunk_np(a + k, b, role);
                }
            }
            if is_verb_only_cue(w)
                || (is_np_stop(w)
                    && !((k == 0 && is_determiner(w)) || prep_after_name || det_after_prep))
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
        // "the White House", "the Senate": a determiner and title words name an
        // institution (or, "the President", a person described).
        let institution = words.len() >= 2
            && is_determiner(words[0])
            && words[1..].iter().all(|w| is_cap(w) && !w.ends_with('.'));
        if !after_honorific
            && !institution
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
        // A lowercase word before a title belongs to it: "former Gov. Jeb Bush of Florida".
        let mut lead = 0;
        while lead < words.len().min(2)
            && !is_cap(words[lead])
            && !is_determiner(words[lead])
            && words.get(lead + 1).is_some_and(|w| is_title(w))
        {
            lead += 1;
        }
        let mut k = lead;
        while k < words.len() && is_cap(words[k]) && !is_possessive(words[k]) {
            k += 1;
        }
        if k > lead && k < words.len() && matches!(words[k], "of" | "at" | "from" | "for" | "with")
        {
            let mut t0 = lead;
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
        // "undecided Republican voter Stephanie Hooton of Derry": a description, then a
        // full name with its place.
        if let Some(o) = (2..words.len())
            .find(|&k| matches!(words[k], "of" | "at" | "from") && is_cap(words[k - 1]))
        {
            let mut r = o;
            while r > 0 && is_cap(words[r - 1]) && !is_possessive(words[r - 1]) {
                r -= 1;
            }
            let mut t0 = r;
            while t0 < o && (is_title(words[t0]) || is_non_name_cap(words[t0])) {
                t0 += 1;
            }
            let plain = !words[..o].iter().any(|w| is_org_word(w) || is_all_caps(w));
            if r > 0 && o - t0 >= 2 && plain && !is_determiner(words[0]) {
                return Some(Np {
                    kind: NpKind::Person { single: false },
                    name: self.bytes(a + t0, a + o),
                    role: role.or_else(|| Some(self.bytes(a, a + t0))),
                });
            }
        }
        // Suffix run of capitalised words: "Trump campaign spokesman Jason Miller".
        let mut k = words.len();
        while k > 0 && is_cap(words[k - 1]) && !is_possessive(words[k - 1]) {
            k -= 1;
        }
        // "Speaking in Harrogate Mr Kennedy said": a courtesy title inside the run starts
        // the name; the capitalised words before it are not part of it.
        let mut cut = false;
        if let Some(h) = (k + 1..words.len().saturating_sub(1))
            .rev()
            .find(|&i| honorific(words[i]).is_some())
        {
            k = h;
            cut = true;
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
            // "one senior Democrat", "a young Tory": a party word after a lower-case
            // modifier describes a person; the whole phrase is the speaker.
            if core == 1 && t0 == k && k > 0 && !is_cap(words[k - 1]) && is_party_member(words[k]) {
                return Some(Np {
                    kind: NpKind::Group,
                    name: self.bytes(a, b),
                    role,
                });
            }
            if core >= 1 && !det_before {
                let role = role.or_else(|| (t0 > 0 && !cut).then(|| self.bytes(a, a + t0)));
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
            // "Harrogate Mr Kennedy": a courtesy title inside the run starts the name.
            let mut s = (i + 1..e.saturating_sub(1))
                .rev()
                .find(|&k| self.word(k).is_some_and(|w| honorific(w).is_some()))
                .unwrap_or(i);
            // "CNN President Jeff Zucker", "Welsh Health Minister Jane Hutt": what comes
            // before an office is its description, not part of the name, when a full
            // name (two words or more) follows it.
            if s == i
                && !is_title(w)
                && !is_non_name_cap(w)
                && let Some(t) =
                    (i + 1..e.saturating_sub(2)).find(|&k| self.word(k).is_some_and(is_title))
            {
                s = t;
            }
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
                    // "Roy Verley": a full name's given name.
                    given_gender: (e >= s + 2)
                        .then(|| self.word(s).and_then(given_name_gender))
                        .flatten(),
                    title: title.map(|t| self.bytes(t.start, t.end)),
                });
            }
            i = e.max(i + 1);
        }
    }
}

/// A word written all in capitals ("CONGRESS", "FBI"): a header, label or acronym.
fn is_all_caps(w: &str) -> bool {
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

pub(super) fn is_possessive(w: &str) -> bool {
    w.ends_with("’s") || w.ends_with("'s") || w.ends_with("s’") || w.ends_with("s'")
}

pub(crate) fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .unwrap_or(w)
}
