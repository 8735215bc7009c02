//! What a figure counts: the noun phrase after it ("250 police agencies across
//! Florida"), else the subject of the clause that moves it ("unemployment rose to 5%"),
//! "the number of X", or the noun phrase before it; and the event a count is of
//! ("1,300 people killed").

use std::ops::Range;

use super::tokens::K;
use super::words::{
    change_verb, determiner, event_participle, moves_by, np_stop, scope_adverb, scope_prep,
    time_word_strict, verbish,
};
use super::{Fig, NP_MAX_TOKENS, Scanner};
use crate::claims::numbers;
use crate::claims::{StatKind, Statistic};

impl<'a> Scanner<'a> {
    pub(super) fn subject(
        &self,
        fig: &Fig,
        qa: usize,
        prev: Option<&Statistic>,
        start: usize,
    ) -> Option<String> {
        let j = fig.after;
        // "Perle, 45,": an age in apposition is the named person's.
        if fig.kind == StatKind::Age
            && let Some(r) = self.name_before_comma(qa)
        {
            return Some(self.clean(r));
        }
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
        // Money/percent/measure: skip "annually" / "a year" / "a share" and take "in/on/for X".
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
                            "year" | "month" | "week" | "day" | "annum" | "share"
                        ) =>
                    {
                        k += 2
                    }
                    _ => break,
                }
            }
            // "to the tune of $3.5 billion": the amount of what comes before the idiom.
            if matches!(fig.kind, StatKind::Money)
                && qa >= 4
                && self.is_w(qa - 4, "to")
                && self.is_w(qa - 3, "the")
                && self.is_w(qa - 2, "tune")
                && self.is_w(qa - 1, "of")
            {
                let end = if qa >= 5 && self.is_p(qa - 5, ",") {
                    qa - 5
                } else {
                    qa - 4
                };
                if let Some(r) = self.np_backward(end) {
                    return Some(self.clean(r));
                }
            }
            // "$3.6 billion from military construction projects", "$5,687.75 on a retreat".
            if matches!(fig.kind, StatKind::Money)
                && (self.is_w(k, "in")
                    || self.is_w(k, "on")
                    || self.is_w(k, "for")
                    || self.is_w(k, "from") && self.kind(k + 1) == Some(K::Word))
                && !self.time_starts(k + 1)
                && let Some(r) = self.np_forward(k + 1)
                // "to 36.17p per share from the originally declared 35.18p": a figure it
                // is compared with, not a source.
                && !(self.is_w(k, "from")
                    && self
                        .toks
                        .iter()
                        .skip(k + 1)
                        .position(|t| t.s as usize >= r.end)
                        .is_some_and(|m| self.kind(k + 1 + m) == Some(K::Num)))
            {
                return Some(self.clean(r));
            }
        }
        if let Some(r) = self.np_forward(k) {
            // "a crowd of about 130 gathered": the verb after the figure is no noun.
            let text = self.seg.get(r.clone()).unwrap_or("");
            let lone_verb = !text.contains(' ') && text.len() > 4 && text.ends_with("ed");
            if lone_verb && let Some(of) = self.size_of(qa) {
                return Some(self.clean(of));
            }
            // "Production is expected to rise 3.5% this year": a time word after the
            // figure names no thing; what moves does.
            if super::is_weak_subject(text)
                && let Some(c) = self.clause_subject(qa)
            {
                return Some(self.clean(c));
            }
            return Some(self.clean(r));
        }
        if let Some(r) = self.clause_subject(qa) {
            return Some(self.clean(r));
        }
        if let Some(r) = self.number_of_before(qa) {
            return Some(self.clean(r));
        }
        // "prison sentences of between six and 75 years", "a crowd of 130": the noun the
        // figure is the size of.
        if let Some(r) = self.size_of(qa) {
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
        // "11 other men", "four more members", "six additional officers": the noun is
        // what is counted, the word before it only says these come on top of others.
        if self.kind(k) == Some(K::Word)
            && matches!(
                self.lw(k).as_str(),
                "other" | "more" | "additional" | "further" | "extra"
            )
            && self.kind(k + 1) == Some(K::Word)
            && !np_stop(self.lw(k + 1).as_str())
        {
            k += 1;
        }
        // "two most powerful figures": a superlative's adverb is no noun.
        if matches!(self.lw(k).as_str(), "most" | "least")
            && self.kind(k + 1) == Some(K::Word)
            && !np_stop(self.lw(k + 1).as_str())
        {
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

    /// The noun a figure is the size of: "a crowd of about 130", "prison sentences of
    /// between six and 75 years", "sentences ranging from seven to 75 years".
    fn size_of(&self, qa: usize) -> Option<Range<usize>> {
        let mut b = qa;
        if b >= 1 && self.is_w(b - 1, "between") {
            b -= 1;
        }
        if b >= 2
            && self.is_w(b - 1, "from")
            && matches!(
                self.lw(b - 2).as_str(),
                "ranging" | "ranged" | "varying" | "varied"
            )
        {
            b -= 2;
        } else if b >= 1 && self.is_w(b - 1, "of") {
            b -= 1;
        } else {
            return None;
        }
        let end = b;
        let mut k = b;
        while k > 0 && end - k < 4 && self.kind(k - 1) == Some(K::Word) {
            let w = self.lw(k - 1);
            let w = w.as_str();
            if np_stop(w)
                || numbers::number_word(w).is_some()
                || w.ends_with("ing")
                || w.ends_with("ed")
            {
                break;
            }
            k -= 1;
        }
        (k < end).then(|| self.toks[k].s as usize..self.toks[end - 1].e as usize)
    }

    /// The capitalised words before ", [now] 45": "Richard Perle" in "Richard Perle, 45,".
    fn name_before_comma(&self, qa: usize) -> Option<Range<usize>> {
        let mut b = qa;
        if b >= 1 && self.is_w(b - 1, "now") {
            b -= 1;
        }
        if b < 2 || !self.is_p(b - 1, ",") {
            return None;
        }
        let end = b - 1;
        let mut k = end;
        while k > 0 && end - k < 4 && self.kind(k - 1) == Some(K::Word) && self.capitalized(k - 1) {
            k -= 1;
        }
        (k < end).then(|| self.toks[k].s as usize..self.toks[end - 1].e as usize)
    }

    /// "magnitude 7.8", "a magnitude of 7.5" before the figure.
    pub(super) fn magnitude_before(&self, qa: usize) -> bool {
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
        let (w1, w2) = (w1.as_str(), w2.as_str());
        // "February sales rose 26.2 pct": the noun phrase right before the verb.
        let change = |w: &str| change_verb(w) || moves_by(w);
        if change(w1)
            && let Some(r) = self.words_before(qa - 1)
            && !self
                .seg
                .get(r.clone())
                .and_then(|t| t.rsplit(' ').next())
                // "is expected rise 3.5%": a participle is no noun (words_before
                // already stops at auxiliaries).
                .is_some_and(|w| w.ends_with("ed"))
        {
            return Some(r);
        }
        let copula = |w: &str| matches!(w, "was" | "is" | "were" | "are" | "be" | "been");
        let verb_at = match (w2, w1) {
            _ if change(w1) => qa - 1,
            (v, "to") if change(v) => qa - 2,
            ("stood" | "stands" | "stand" | "was" | "is" | "were" | "are", "at") => qa - 2,
            (_, "reached" | "hit" | "topped" | "passed" | "exceeded" | "surpassed") => qa - 1,
            // "Growth in industrial output … was 11.5%", "corn oil … was nominally 27 cents".
            (_, w) if copula(w) => qa - 1,
            (c, w) if copula(c) && w.len() > 4 && w.ends_with("ly") => qa - 2,
            // "Spending on housing will rise by 12%", "lowering its price by 0.50 cent":
            // what moves by the figure, the verb's object when it has one.
            (_, "by") => {
                let mut v = qa - 1;
                let verb = loop {
                    if v == 0 || qa - 1 - v >= 8 || self.kind(v - 1) != Some(K::Word) {
                        return None;
                    }
                    v -= 1;
                    if moves_by(self.lw(v).as_str()) {
                        break v;
                    }
                };
                if verb + 1 < qa - 1 {
                    let r = self.np_forward(verb + 1)?;
                    let by = self.toks.get(qa - 1)?.s as usize;
                    return (r.end <= by).then_some(r);
                }
                verb
            }
            _ => return None,
        };
        // Back to the start of the clause: a sentence mark, a reporting verb or "which", or
        // at most 40 tokens; an aside between dashes just before the verb is passed over.
        let mut start = verb_at;
        let mut comma = None;
        while start > 0 && verb_at - start < 40 {
            let p = start - 1;
            if self.kind(p) == Some(K::Punct) {
                let t = self.txt(p);
                if self.is_dash(p) && !self.attached(p) && p + 1 == verb_at {
                    let open = (p.saturating_sub(30)..p)
                        .rev()
                        .find(|&d| self.is_dash(d) && !self.attached(d));
                    if let Some(d) = open {
                        start = d;
                        continue;
                    }
                }
                if matches!(t, "." | ";" | ":" | "!" | "?" | "“" | "”" | "\"") || self.is_dash(p)
                {
                    break;
                }
                if t == "," && comma.is_none() {
                    comma = Some(start);
                }
            } else if self.kind(p) == Some(K::Word)
                && matches!(
                    self.lw(p).as_str(),
                    "said" | "says" | "say" | "told" | "which"
                )
            {
                // "income, which was 1,953,000 dlrs": the noun before the comma.
                if self.is_w(p, "which") && p >= 1 && self.is_p(p - 1, ",") {
                    return self.words_before(p - 1);
                }
                break;
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
    pub(super) fn event_verb(&self, fig: &Fig, qa: usize) -> Option<&'static str> {
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

    /// The words right before token `v`, up to a stop word, a number or punctuation (at
    /// most 6): "February sales" in "February sales rose".
    fn words_before(&self, v: usize) -> Option<Range<usize>> {
        let mut k = v;
        while k > 0 && v - k < 6 && self.kind(k - 1) == Some(K::Word) {
            let w = self.lw(k - 1);
            if np_stop(w.as_str()) || numbers::number_word(w.as_str()).is_some() {
                break;
            }
            k -= 1;
        }
        (k < v).then(|| self.toks[k].s as usize..self.toks[v - 1].e as usize)
    }

    /// Noun phrase before the figure ("unemployment rose to 5%", "a case for $150,000").
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
}

/// Cuts "people and injuring" to "people": a subject does not run on into the next verb.
pub(super) fn trim_verb_tail(s: &str) -> String {
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
pub(super) fn with_event(subject: Option<String>, event: Option<&'static str>) -> Option<String> {
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
