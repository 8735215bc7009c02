//! What bounds a figure and when it holds: the qualifier words right before it ("more
//! than", "about", "up to") and the time anchors of its sentence ("since Trump took
//! office in January", "As of Dec. 23"), found once per sentence and cached.

use std::ops::Range;

use super::tokens::K;
use super::words::{month, time_modifier, time_phrase_modifier, time_word, weekday};
use super::{Scanner, SentenceCache};
use crate::claims::Qualifier;
use crate::claims::numbers;
use crate::claims::sentences::sentence_range;

impl<'a> Scanner<'a> {
    /// Qualifier words before token `a`; returns it and the first qualifier token.
    pub(super) fn qualifier(&self, a: usize) -> (Option<Qualifier>, usize) {
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

    /// Whether a time phrase starts at token `k` ("February", "the past year", "2016").
    pub(super) fn time_starts(&self, mut k: usize) -> bool {
        while self.kind(k) == Some(K::Word) && time_modifier(self.lw(k).as_str()) {
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

    /// The sentence holding byte `start` of the body: the cached one, or found and
    /// cached with its time anchors.
    pub(super) fn sentence(
        &self,
        body: &str,
        cache: &mut SentenceCache,
        start: usize,
    ) -> Range<usize> {
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
        while k < last && self.kind(k) == Some(K::Word) && time_phrase_modifier(self.lw(k).as_str())
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
    pub(super) fn time_for(
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
