//! Figures written in words: "six", "twenty-five", "one hundred and fifty", "a million",
//! fractions ("a third", "two-thirds", "half", "one in five") and ratio words ("doubled",
//! "twice", "tenfold"), with the uses of "one" and "half" that are no figure.

use super::tokens::K;
use super::words::{comparative, determiner, one_idiom_next, one_idiom_prev};
use super::{NumPart, Scanner, Step};
use crate::claims::StatKind;
use crate::claims::numbers::{self, NumWord};

/// Nouns and participles of a casualty or arrest count, which "no" makes a count of
/// zero ("no injuries were reported", "no one was killed"): the tolls reports most often
/// disagree on, and where "none" against "12" is the disagreement.
const CASUALTY_WORDS: &[&str] = &[
    "injuries",
    "injured",
    "deaths",
    "dead",
    "casualties",
    "fatalities",
    "wounded",
    "killed",
    "hurt",
    "arrests",
    "arrested",
];

impl<'a> Scanner<'a> {
    /// "no injuries", "no one was killed", "no one has been hurt": a count of zero, its
    /// subject the casualty word.
    fn none_at(&self, i: usize) -> Option<Step> {
        let next = self.lw(i + 1);
        if CASUALTY_WORDS.contains(&next.as_str()) {
            return Some(self.finish(i, i + 1, i + 1, 0.0, None, None, StatKind::Count));
        }
        if next.as_str() != "one" {
            return None;
        }
        // "no one was killed", "no one had been hurt", "no one else was injured".
        let mut k = i + 2;
        let mut auxiliaries = 0;
        while auxiliaries < 3
            && matches!(
                self.lw(k).as_str(),
                "was" | "were" | "is" | "has" | "had" | "have" | "been" | "else" | "reportedly"
            )
        {
            k += 1;
            auxiliaries += 1;
        }
        let participle = self.lw(k);
        (auxiliaries > 0 && CASUALTY_WORDS.contains(&participle.as_str()))
            .then(|| self.finish(i, i + 2, k, 0.0, None, None, StatKind::Count))
    }

    /// Number words from `i`: "six", "twenty-five", "one hundred and fifty", "a million",
    /// "1.5 million" is handled by `digits_part`.
    pub(super) fn words_part(&self, i: usize) -> Option<NumPart> {
        let mut words: Vec<NumWord> = Vec::new();
        let mut k = i;
        let mut z = i;
        if self.is_w(i, "a") || self.is_w(i, "an") {
            let nx = self.lw(i + 1);
            match numbers::number_word(nx.as_str()) {
                Some(NumWord::Hundred | NumWord::Scale(_) | NumWord::Dozen) => {
                    words.push(NumWord::Unit(1.0));
                    k = i + 1;
                }
                _ => return None,
            }
        }
        while k < self.n() && words.len() < 12 {
            if self.kind(k) != Some(K::Word) {
                break;
            }
            let w = self.lw(k);
            let Some(nw) = numbers::number_word(w.as_str()) else {
                break;
            };
            // "four Six Nations captains": a capital after a lower-case number word
            // begins a name.
            if k > i && self.capitalized(k) && !self.capitalized(i) {
                break;
            }
            if w.as_str() == "mn" || w.as_str() == "tn" || w.as_str() == "bn" && words.is_empty() {
                break;
            }
            words.push(nw);
            z = k + 1;
            // "twenty-five": hyphen glued on both sides between number words.
            if self.is_dash(k + 1)
                && self.attached(k + 1)
                && self.attached(k + 2)
                && numbers::number_word(self.lw(k + 2).as_str()).is_some()
            {
                k += 2;
                continue;
            }
            // "one hundred and fifty": "and" after hundred/scale.
            if matches!(nw, NumWord::Hundred | NumWord::Scale(_))
                && self.is_w(k + 1, "and")
                && matches!(
                    numbers::number_word(self.lw(k + 2).as_str()),
                    Some(NumWord::Unit(_) | NumWord::Tens(_))
                )
            {
                k += 2;
                continue;
            }
            k += 1;
        }
        // "a mn": the article takes a scale word the loop then refuses ("mn", "tn" are
        // also state codes), leaving no word of the figure at all.
        if words.is_empty() || z <= i {
            return None;
        }
        // A lone scale/hundred/dozen word ("thousand", "million") is not a figure.
        if words.len() == 1 && !matches!(words[0], NumWord::Unit(_) | NumWord::Tens(_)) {
            return None;
        }
        let mut value = numbers::combine_words(None, &words)?;
        // "two and a half": add the half.
        if self.is_w(z, "and") && self.is_w(z + 1, "a") && self.is_w(z + 2, "half") {
            value += 0.5;
            z += 3;
        }
        let scaled = words.iter().any(|w| matches!(w, NumWord::Scale(_)));
        Some(NumPart {
            a: i,
            z,
            value,
            scaled,
            bare_int: false,
            words: true,
            digits_len: 0,
        })
    }

    /// A count of days told by its ordinal: "for the sixth straight day", "a third
    /// consecutive night", "on the eighth day of protests" is a span of six days, three
    /// nights, eight days so far. Without "straight" or "of …" an ordinal day is a date
    /// ("the second day", "the fifth week of March" are not counted).
    fn ordinal_days(&self, i: usize, w: &str) -> Option<Step> {
        // Every ordinal ends so; most words are rejected here, before any lookup.
        if !(w.ends_with("th") || w.ends_with("nd") || w.ends_with("rd")) {
            return None;
        }
        let n = ordinal_value(w)?;
        let mut j = i + 1;
        let run = matches!(
            self.lw(j).as_str(),
            "straight" | "consecutive" | "successive" | "continuous"
        );
        if run {
            j += 1;
        }
        let unit = match self.lw(j).as_str() {
            "day" => "days",
            "night" => "nights",
            "week" => "weeks",
            _ => return None,
        };
        let of_event = self.is_w(j + 1, "of")
            && self.kind(j + 2) == Some(K::Word)
            && !super::words::month(self.lw(j + 2).as_str());
        (run || of_event).then(|| {
            self.finish(
                i,
                i + 1,
                j + 1,
                n,
                None,
                Some(unit.to_string()),
                StatKind::Measure,
            )
        })
    }

    pub(super) fn at_word(&self, i: usize) -> Option<Step> {
        let lw = self.lw(i);
        let w = lw.as_str();
        if w.is_empty() {
            return None;
        }
        let first = w.as_bytes()[0];
        // Cheap rejection: every word this function knows starts with one of these.
        if !b"abdefhmnoqrstz".contains(&first) {
            return None;
        }
        if let Some(step) = self.ordinal_days(i, w) {
            return Some(step);
        }
        // Ratio verbs: "doubled", "more than quadrupled", "halved".
        if let Some(r) = numbers::ratio_verb(w) {
            return Some(self.finish(i, i + 1, i + 1, r, None, None, StatKind::Ratio));
        }
        if let Some(r) = numbers::ratio_verb_base(w) {
            let prev = self.lw(i.wrapping_sub(1));
            if i > 0
                && matches!(
                    prev.as_str(),
                    "to" | "will"
                        | "would"
                        | "could"
                        | "can"
                        | "may"
                        | "might"
                        | "should"
                        | "than"
                        | "nearly"
                        | "almost"
                        | "roughly"
                        | "expected"
                )
                && !(self.is_dash(i + 1) && self.attached(i + 1))
            {
                return Some(self.finish(i, i + 1, i + 1, r, None, None, StatKind::Ratio));
            }
            return None;
        }
        if w == "twice" {
            if self.kind(i + 1) == Some(K::Word) && comparative(self.lw(i + 1).as_str())
                || self.lw(i + 1).as_str().ends_with("er")
            {
                return Some(self.finish(i, i + 1, i + 1, 2.0, None, None, StatKind::Ratio));
            }
            return None;
        }
        if let Some(r) = numbers::fold_word(w) {
            return Some(self.finish(i, i + 1, i + 1, r, None, None, StatKind::Ratio));
        }
        if w == "half" {
            return self.half_at(i);
        }
        if w == "no" {
            return self.none_at(i);
        }
        // "a third of", "a quarter of the".
        if (w == "a" || w == "one") && self.kind(i + 1) == Some(K::Word) {
            let nx = self.lw(i + 1);
            if let Some((d, false)) = numbers::fraction_word(nx.as_str())
                && d > 2.0
                && !self.attached(i + 2)
                && self.fraction_follow(i + 2)
            {
                return Some(self.finish(i, i + 2, i + 2, 1.0 / d, None, None, StatKind::Fraction));
            }
            if w == "a" {
                // "a million", "a dozen"
                let np = self.words_part(i)?;
                return Some(self.figure_from(np));
            }
        }
        let np = self.words_part(i)?;
        // "two-thirds", "three quarters of": a numerator before a plural fraction word.
        if np.z == i + 1 {
            let (fj, hy) = if self.is_dash(np.z) && self.attached(np.z) {
                (np.z + 1, true)
            } else {
                (np.z, false)
            };
            if let Some((d, plural)) = numbers::fraction_word(self.lw(fj).as_str())
                && d > 2.0
                && (plural || np.value == 1.0)
                && (hy || self.fraction_follow(fj + 1))
                && np.value < d
            {
                return Some(self.finish(
                    i,
                    fj + 1,
                    fj + 1,
                    np.value / d,
                    None,
                    None,
                    StatKind::Fraction,
                ));
            }
        }
        // Word numbers: filter pronoun "one", names ("Formula One", "Big Four"), "zero".
        if np.z == i + 1 {
            if w == "zero" {
                return None;
            }
            if self.capitalized(i) && !self.all_caps(i) && !self.sentence_initial(i) {
                return None;
            }
            if w == "one" && self.one_is_pronoun(i) {
                return None;
            }
            // "one in five", "three in four": a proportion.
            if self.is_w(i + 1, "in") {
                if let Some(d) = self.small_number(i + 2)
                    && d > np.value
                    && d <= 1000.0
                {
                    return Some(self.finish(
                        i,
                        i + 3,
                        i + 3,
                        np.value / d,
                        None,
                        None,
                        StatKind::Fraction,
                    ));
                }
                if w == "one" {
                    return None;
                }
            }
        }
        Some(self.figure_from(np))
    }

    /// A small number (digits or one word) at `k`.
    fn small_number(&self, k: usize) -> Option<f64> {
        match self.kind(k)? {
            K::Num => numbers::parse_digits(self.txt(k)),
            K::Word => match numbers::number_word(self.lw(k).as_str())? {
                NumWord::Unit(v) | NumWord::Tens(v) => Some(v),
                _ => None,
            },
            K::Punct => None,
        }
    }

    /// Whether what follows a fraction word makes it a share of something.
    fn fraction_follow(&self, k: usize) -> bool {
        if self.kind(k) != Some(K::Word) {
            return false;
        }
        let w = self.lw(k);
        let w = w.as_str();
        w == "of"
            || determiner(w)
            || matches!(w, "all" | "them" | "it")
            || w.ends_with("'s")
            || w.ends_with("’s")
    }

    fn half_at(&self, i: usize) -> Option<Step> {
        // "half a million", "half a trillion dollars": a scaled figure.
        if self.is_w(i + 1, "a")
            && let Some(scale) = numbers::scale_word(self.lw(i + 2).as_str())
        {
            let np = NumPart {
                a: i,
                z: i + 3,
                value: 0.5 * scale,
                scaled: true,
                bare_int: false,
                words: true,
                digits_len: 0,
            };
            return Some(self.figure_from(np));
        }
        if self.is_dash(i + 1) && self.attached(i + 1) {
            return None; // "half-time", "half-year"
        }
        let prev = self.lw(i.wrapping_sub(1));
        let p = if i > 0 { prev.as_str() } else { "" };
        // "half of the members", "and half of all voters": a share, unless it is a part
        // of a period ("the first half of the season").
        if self.is_w(i + 1, "of")
            && !matches!(
                p,
                "first" | "second" | "last" | "latter" | "other" | "next" | "past" | "the"
            )
        {
            return Some(self.finish(i, i + 1, i + 1, 0.5, None, None, StatKind::Fraction));
        }
        if matches!(
            p,
            "first"
                | "second"
                | "last"
                | "latter"
                | "other"
                | "the"
                | "this"
                | "a"
                | "next"
                | "past"
                | "each"
                | "one"
                | "its"
                | "and"
                | "her"
                | "his"
                | "their"
                | "second-half"
                | "by"
                | "in"
        ) {
            return None;
        }
        let qualified = matches!(
            p,
            "almost"
                | "nearly"
                | "about"
                | "over"
                | "than"
                | "roughly"
                | "some"
                | "around"
                | "just"
                | "only"
                | "least"
                | "barely"
                | "approximately"
        );
        if qualified || self.fraction_follow(i + 1) {
            return Some(self.finish(i, i + 1, i + 1, 0.5, None, None, StatKind::Fraction));
        }
        None
    }

    fn one_is_pronoun(&self, i: usize) -> bool {
        let prev = self.lw(i.wrapping_sub(1));
        if i > 0 && self.kind(i - 1) == Some(K::Word) && one_idiom_prev(prev.as_str()) {
            return true;
        }
        match self.kind(i + 1) {
            None | Some(K::Num) => true,
            Some(K::Punct) => {
                !(self.is_dash(i + 1)
                    && self.attached(i + 1)
                    && self.kind(i + 2) == Some(K::Word)
                    && numbers::unit_word(self.lw(i + 2).as_str()).is_some())
            }
            Some(K::Word) => {
                let nx = self.lw(i + 1);
                let nx = nx.as_str();
                if nx == "in" {
                    return false; // "one in five", decided by the caller
                }
                one_idiom_next(nx) || self.txt(i + 1).ends_with("'s") || nx.ends_with("self")
            }
        }
    }
}

/// The value of an ordinal word from "second" to "thirtieth" ("first" is left out: the
/// first day of anything is no count).
fn ordinal_value(w: &str) -> Option<f64> {
    const ORDINALS: [&str; 19] = [
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    if let Some(k) = ORDINALS.iter().position(|o| *o == w) {
        return Some(k as f64 + 2.0);
    }
    let (tens, rest) = w.split_once('-')?;
    let t = match tens {
        "twenty" => 20.0,
        _ => return None,
    };
    let unit = ORDINALS[..8].iter().position(|o| *o == rest)? as f64 + 2.0;
    Some(t + unit)
}
