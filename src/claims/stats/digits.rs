//! Figures written with digits: a digit token read with a scale written after it
//! ("1.5 million", "3bn"), unless what it is glued to or stands next to makes it no
//! figure: identifiers ("G7", "287(g)", "Section 8", "Boeing 747"), clock times, list
//! numbers, codes with leading zeros, dates and years.

use super::tokens::K;
use super::words::{id_keyword, month, weekday};
use super::{NumPart, Scanner, Step};
use crate::claims::numbers;

impl<'a> Scanner<'a> {
    pub(super) fn at_digits(&self, i: usize) -> Step {
        let txt = self.txt(i);
        let t = self.toks[i];
        // Glued to a word or another number: "G7", "A320", "COVID-19", "I-95".
        if t.sp || i == 0 {
            // fine
        } else {
            let p = self.txt(i - 1);
            let pk = self.kind(i - 1);
            if pk != Some(K::Punct) {
                return Step::Skip(self.skip_glued(i));
            }
            if (self.is_dash(i - 1) || p == "/" || p == ".")
                && i >= 2
                && !self.toks[i - 1].sp
                && self.kind(i - 2) != Some(K::Punct)
            {
                return Step::Skip(self.skip_glued(i));
            }
            if matches!(p, "#" | "+" | "№" | "'" | "’") {
                return Step::Skip(self.skip_glued(i));
            }
        }
        // Glued to what follows: "287(g)", "0:00", "24/7", "1.2.3", "21st", "1990s".
        if self.attached(i + 1) {
            let nx = self.txt(i + 1);
            if matches!(nx, "(" | ":" | "/" | "@" | "_" | "[") {
                return Step::Skip(self.skip_glued(i));
            }
            if nx == "." && self.attached(i + 2) && self.kind(i + 2) == Some(K::Num) {
                return Step::Skip(self.skip_glued(i));
            }
            if matches!(nx, "'" | "’") && self.attached(i + 2) && self.is_w(i + 2, "s") {
                return Step::Skip(i + 3);
            }
        }
        // List numbering: "1." / "2)" at the start of a line.
        if t.nl && self.attached(i + 1) && matches!(self.txt(i + 1), "." | ")") {
            return Step::Skip(i + 2);
        }
        if t.nl && i > 0 && self.is_p(i - 1, "(") && self.attached(i + 1) && self.is_p(i + 1, ")") {
            return Step::Skip(i + 2);
        }
        // Mixed numbers: "4½ hours", "7 ½ minutes", "3 1/2 acres", and the same with the
        // slash spaced out ("4 1 / 2 hours", as tokenised text writes it).
        if let Some((frac, z)) = self.mixed_fraction(i) {
            let whole = numbers::parse_digits(txt).unwrap_or(0.0);
            let np = NumPart {
                a: i,
                z,
                value: whole + frac,
                scaled: false,
                bare_int: false,
                words: false,
                digits_len: 0,
            };
            return self.figure_from(np);
        }
        // Mixed fractions in market prose: "16-1/4 pct", "47-1/2".
        if (self.is_dash(i + 1) || self.is_p(i + 1, " "))
            && self.attached(i + 1)
            && self.kind(i + 2) == Some(K::Num)
            && self.attached(i + 2)
            && self.is_p(i + 3, "/")
            && self.attached(i + 3)
            && self.kind(i + 4) == Some(K::Num)
            && self.attached(i + 4)
        {
            let whole = numbers::parse_digits(txt).unwrap_or(0.0);
            let num = numbers::parse_digits(self.txt(i + 2)).unwrap_or(0.0);
            let den = numbers::parse_digits(self.txt(i + 4)).unwrap_or(0.0);
            if den >= 2.0 && num < den && den <= 64.0 {
                let np = NumPart {
                    a: i,
                    z: i + 5,
                    value: whole + num / den,
                    scaled: false,
                    bare_int: false,
                    words: false,
                    digits_len: 0,
                };
                return self.figure_from(np);
            }
        }
        // "02", "007": leading zeros mark codes, not quantities.
        if txt.len() > 1 && txt.starts_with('0') && !txt.starts_with("0.") {
            return Step::Skip(self.skip_glued(i));
        }
        // "386-based", "London-based": a qualifier naming a thing, not a figure.
        if self.is_dash(i + 1) && self.attached(i + 1) && self.is_w(i + 2, "based") {
            return Step::Skip(i + 3);
        }
        let Some(mut np) = self.digits_part(i) else {
            return Step::Skip(i + 1);
        };
        let int_digits = txt
            .bytes()
            .take_while(|c| *c != b'.')
            .filter(|c| c.is_ascii_digit())
            .count();
        np.digits_len = int_digits;
        self.figure_from(np)
    }

    /// The fraction that follows the whole number at `i`, and the token after it: a
    /// vulgar fraction glued or spaced ("4½", "7 ½"), or numerator, slash and
    /// denominator after a space ("3 1/2", "4 1 / 2") with a proper fraction of a small
    /// denominator. The whole number must be a plain integer.
    fn mixed_fraction(&self, i: usize) -> Option<(f64, usize)> {
        let txt = self.txt(i);
        if !txt.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let vulgar = |t: &str| -> Option<f64> {
            Some(match t {
                "½" => 0.5,
                "¼" => 0.25,
                "¾" => 0.75,
                "⅓" => 1.0 / 3.0,
                "⅔" => 2.0 / 3.0,
                "⅛" => 0.125,
                "⅜" => 0.375,
                "⅝" => 0.625,
                "⅞" => 0.875,
                _ => return None,
            })
        };
        if self.kind(i + 1) == Some(K::Punct)
            && let Some(f) = vulgar(self.txt(i + 1))
        {
            return Some((f, i + 2));
        }
        if self.kind(i + 1) != Some(K::Num)
            || self.attached(i + 1)
            || !self.is_p(i + 2, "/")
            || self.kind(i + 3) != Some(K::Num)
        {
            return None;
        }
        // "1/2" glued, or "1 / 2" spaced on both sides; never a slash glued on one side
        // only, and nothing glued after the denominator ("3 1/2/5").
        let glued = self.attached(i + 2) && self.attached(i + 3);
        let spaced = !self.attached(i + 2) && !self.attached(i + 3);
        if !(glued || spaced) || (self.attached(i + 4) && self.kind(i + 4) != Some(K::Punct)) {
            return None;
        }
        let (num, den) = (self.txt(i + 1), self.txt(i + 3));
        if !num.bytes().chain(den.bytes()).all(|c| c.is_ascii_digit()) {
            return None;
        }
        let (num, den) = (numbers::parse_digits(num)?, numbers::parse_digits(den)?);
        (num >= 1.0 && num < den && matches!(den as u32, 2 | 3 | 4 | 8 | 16))
            .then_some((num / den, i + 4))
    }

    /// Skips a glued chunk (identifier, time, date) up to the next whitespace.
    pub(super) fn skip_glued(&self, i: usize) -> usize {
        let mut j = i + 1;
        while j < self.n() && !self.toks[j].sp {
            j += 1;
        }
        j
    }

    /// Parses digits at `i` plus a scale written after them.
    pub(super) fn digits_part(&self, i: usize) -> Option<NumPart> {
        let txt = self.txt(i);
        let value = numbers::parse_digits(txt)?;
        let bare_int = txt.bytes().all(|c| c.is_ascii_digit());
        let mut np = NumPart {
            a: i,
            z: i + 1,
            value,
            scaled: false,
            bare_int,
            words: false,
            digits_len: 0,
        };
        if let Some(thousands) = self.spaced_thousands(i) {
            np.value = value * 1000.0 + thousands;
            np.z = i + 3;
        } else if let Some(fraction) = self.spaced_decimal(i) {
            np.value = value + fraction;
            np.z = i + 3;
            np.bare_int = false;
        } else if bare_int && self.point_before(i) {
            np.value = numbers::parse_digits(&format!("0.{txt}"))?;
            np.a = i - 1;
            np.bare_int = false;
        }
        let j = np.z;
        if self.kind(j) == Some(K::Word) {
            let w = self.lw(j);
            let w = w.as_str();
            if self.attached(j) {
                if w == "m" && self.currency_before(i).is_none() && self.metres_context(i, j + 1) {
                    return Some(np); // "the 200m": metres, decided by `figure_from`
                }
                if let Some(s) = numbers::attached_scale(w) {
                    np.value *= s;
                    np.scaled = true;
                    np.z = j + 1;
                }
            } else if let Some(s) = numbers::scale_word(w)
                && (w != "mn" || self.currency_before(i).is_some())
            {
                np.value *= s;
                np.scaled = true;
                np.z = j + 1;
            }
        }
        Some(np)
    }

    /// The digits after a separator (`,` or `.`) right after a number of one to three
    /// digits at `i`, when the text was tokenised and put back together with a space
    /// after the separator ("22, 000", "6. 5"), in no list with that separator ("5, 6,
    /// 100", "1. 2. 3.").
    fn spaced_group(&self, i: usize, sep: &str) -> Option<&'a str> {
        let lead = self.txt(i);
        let group = self.txt(i + 2);
        let fits = lead.len() <= 3
            && lead.bytes().all(|c| c.is_ascii_digit())
            && self.is_p(i + 1, sep)
            && self.attached(i + 1)
            && self.kind(i + 2) == Some(K::Num)
            && self.toks[i + 2].sp
            && group.bytes().all(|c| c.is_ascii_digit());
        let in_list = (i > 0 && self.is_p(i - 1, sep))
            || (self.is_p(i + 3, sep) && self.kind(i + 4) == Some(K::Num));
        (fits && !in_list).then_some(group)
    }

    /// The thousands group of a number whose comma was followed by a space ("more than
    /// 22, 000 refugees", "4, 183 yards"): exactly three digits, after no month ("March
    /// 5, 200 people" is a day and a count).
    fn spaced_thousands(&self, i: usize) -> Option<f64> {
        let group = self.spaced_group(i, ",").filter(|g| g.len() == 3)?;
        let after_month = i > 0 && month(self.lw(i - 1).as_str())
            || i > 1 && self.is_p(i - 1, ".") && month(self.lw(i - 2).as_str());
        (!after_month).then(|| numbers::parse_digits(group).unwrap_or(0.0))
    }

    /// The decimal part of a number whose point was followed by a space ("two metres
    /// (6. 5 feet)", "4. 5 hours").
    fn spaced_decimal(&self, i: usize) -> Option<f64> {
        let frac = self.spaced_group(i, ".")?;
        Some(numbers::parse_digits(&format!("0.{frac}")).unwrap_or(0.0))
    }

    /// Whether the point of a number written without its leading zero stands, detached,
    /// before digit token `i`: "a. 357 caliber revolver" for "a .357 caliber revolver".
    fn point_before(&self, i: usize) -> bool {
        i >= 2
            && self.is_p(i - 1, ".")
            && self.attached(i - 1)
            && self.toks[i].sp
            && matches!(self.lw(i - 2).as_str(), "a" | "an" | "the")
    }

    /// Dates and years at digit token `i` (bare integer): returns where to resume.
    pub(super) fn date_skip(&self, i: usize, value: f64, digits: usize) -> Option<usize> {
        // Month before: "Dec. 23", "March 5", "April 1, 20125".
        let mut p = i;
        if p > 0 && self.is_p(p - 1, ".") {
            p -= 1;
        }
        if p > 0
            && self.kind(p - 1) == Some(K::Word)
            && self.capitalized(p - 1)
            && month(self.lw(p - 1).as_str())
        {
            let mut z = i + 1;
            // "October 15 and 16", "March 3-5": further days of the same date.
            while (self.is_w(z, "and")
                || self.is_w(z, "to")
                || self.is_dash(z)
                || self.is_p(z, ","))
                && self.kind(z + 1) == Some(K::Num)
                && self.txt(z + 1).len() <= 2
            {
                z += 2;
            }
            if self.is_p(z, ",") && self.kind(z + 1) == Some(K::Num) {
                z += 2;
            }
            if value <= 31.0 || (digits == 4 && (1800.0..=2100.0).contains(&value)) {
                return Some(z);
            }
        }
        // "1, 20125" after "Month": the year of a date already skipped by the rule above.
        // Day before month: "23 December", "5 Jan".
        if (1.0..=31.0).contains(&value)
            && self.kind(i + 1) == Some(K::Word)
            && self.capitalized(i + 1)
            && month(self.lw(i + 1).as_str())
        {
            let mut z = i + 2;
            if self.kind(z) == Some(K::Num) && self.txt(z).len() == 4 {
                z += 1;
            }
            return Some(z);
        }
        // Years: four digits 1800–2100, and year spans "2004-05", "2004/05".
        if digits == 4 && (1800.0..=2100.0).contains(&value) && !self.year_is_count(i) {
            let mut z = i + 1;
            if (self.is_dash(z) || self.is_p(z, "/"))
                && self.attached(z)
                && self.kind(z + 1) == Some(K::Num)
            {
                z += 2;
            }
            return Some(z);
        }
        None
    }

    /// "cut 2000 jobs", "about 1900 people": a year-like number after a verb or a
    /// qualifier and before a plural noun counts it ("the 2016 elections", "in 2000
    /// voters" stay years).
    fn year_is_count(&self, i: usize) -> bool {
        if i == 0 || self.kind(i - 1) != Some(K::Word) || self.kind(i + 1) != Some(K::Word) {
            return false;
        }
        let next = self.txt(i + 1);
        let plural = next.len() > 3
            && next.ends_with('s')
            && !next.ends_with("ss")
            && next.starts_with(|c: char| c.is_ascii_lowercase());
        let prev = self.lw(i - 1);
        let prev = prev.as_str();
        let after_verb = self
            .txt(i - 1)
            .starts_with(|c: char| c.is_ascii_lowercase())
            && !crate::claims::lexicon::is_determiner(prev)
            // "said 1986 profits met expectations": a report of a year's figures.
            && !crate::claims::lexicon::is_cue_verb(prev)
            && !matches!(
                prev,
                "in" | "of"
                    | "since"
                    | "by"
                    | "from"
                    | "to"
                    | "until"
                    | "till"
                    | "before"
                    | "after"
                    | "during"
                    | "for"
                    | "between"
                    | "and"
                    | "or"
                    | "at"
                    | "on"
                    | "through"
                    | "around"
                    | "circa"
                    | "early"
                    | "late"
                    | "mid"
                    | "its"
                    | "his"
                    | "her"
                    | "their"
                    | "our"
                    | "whose"
            );
        plural && after_verb
    }

    /// Whether the word before bare integer `i` makes it a name or identifier.
    pub(super) fn identifier_before(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let mut p = i - 1;
        if self.is_p(p, ".") && p > 0 {
            p -= 1;
            if self.is_w(p, "No")
                || self.is_w(p, "no")
                || self.is_w(p, "Nos")
                || self.is_w(p, "Vol")
                || self.is_w(p, "Art")
                || self.is_w(p, "Sec")
            {
                return true;
            }
            return false;
        }
        if self.kind(p) != Some(K::Word) {
            return false;
        }
        let w = self.lw(p);
        let w = w.as_str();
        if id_keyword(w) || self.txt(p) == "No" || self.txt(p) == "Number" {
            return true;
        }
        // A capitalised word inside a sentence ("Boeing 747", "Windows 7"), unless it is
        // a month, a possessive, all-caps (headlines, tickers) or sentence-initial.
        if self.capitalized(p)
            && !self.all_caps(p)
            && !self.sentence_initial(p)
            && !month(w)
            && !weekday(w)
            && !w.ends_with("'s")
            && !w.ends_with("’s")
        {
            let v = numbers::parse_digits(self.txt(i)).unwrap_or(0.0);
            let nx = self.lw(i + 1);
            let nx = nx.as_str();
            let next_unit = self.percent_at(i + 1).0
                || numbers::currency_word(nx).is_some()
                || numbers::scale_word(nx).is_some()
                || numbers::attached_scale(nx).is_some() && self.attached(i + 1);
            return v < 10000.0 && !next_unit;
        }
        false
    }
}
