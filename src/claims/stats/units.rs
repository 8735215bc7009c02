//! From a number to a figure. Every number, in digits or in words, ends in
//! `figure_from`: the currency before it, the suffix or unit after it ("%", "per cent",
//! "km", "50p"), and the shapes that change its kind: ages ("23-year-old"), ranges
//! ("eight to 10", "between 5 and 7"), ratios ("3 times as many", "10-fold") and
//! measures. The filters that need the number's whole shape (clock times, dates,
//! identifiers, phone numbers and scores) run here too, on the tests in `digits`.

use super::tokens::K;
use super::words::{clock_word, comparative};
use super::{Fig, NumPart, Scanner, Step};
use crate::claims::StatKind;
use crate::claims::numbers;

impl<'a> Scanner<'a> {
    /// Currency symbol (and country prefix) glued before token `i`: (code, first token).
    pub(super) fn currency_before(&self, i: usize) -> Option<(&'static str, usize)> {
        if i == 0 || self.toks[i].sp || self.kind(i - 1) != Some(K::Punct) {
            return None;
        }
        let sym = self.txt(i - 1).chars().next()?;
        let mut code = numbers::currency_symbol(sym)?;
        let mut a = i - 1;
        if a > 0 && !self.toks[a].sp && self.kind(a - 1) == Some(K::Word) {
            let prefix = self.txt(a - 1);
            let c = match (sym, prefix) {
                ('$', "US" | "U.S") => Some("USD"),
                ('$', "A" | "AU") => Some("AUD"),
                ('$', "C" | "CA" | "Can") => Some("CAD"),
                ('$', "HK") => Some("HKD"),
                ('$', "NZ") => Some("NZD"),
                ('$', "S") => Some("SGD"),
                ('$', "R") => Some("BRL"),
                _ => None,
            };
            if let Some(c) = c {
                code = c;
                a -= 1;
            }
        }
        Some((code, a))
    }

    /// Completes a number part into a figure: currency, suffix, unit, range, filters.
    pub(super) fn figure_from(&self, np: NumPart) -> Step {
        let i = np.a;
        let cur = if np.words {
            None
        } else {
            self.currency_before(i)
        };
        let a = cur.map_or(i, |c| c.1);
        let mut j = np.z;
        let value = np.value;
        let mut unit: Option<String> = cur.map(|c| c.0.to_string());
        let mut kind = if cur.is_some() {
            StatKind::Money
        } else {
            StatKind::Count
        };

        // Words glued to the digits ("21st", "1990s", "9am", "10km", "3x", "50p", "4G").
        if !np.words && np.z == i + 1 && self.kind(j) == Some(K::Word) && self.attached(j) {
            let w = self.lw(j);
            let w = w.as_str();
            match w {
                "st" | "nd" | "rd" | "th" | "s" => return Step::Skip(j + 1),
                "x" => return self.emit_simple(a, j + 1, value, None, StatKind::Ratio),
                "m" if cur.is_none() && self.metres_context(i, j + 1) => {
                    return self.finish(
                        a,
                        j + 1,
                        j + 1,
                        value,
                        None,
                        Some("m".into()),
                        StatKind::Measure,
                    );
                }
                "p" if cur.is_none() => {
                    return self.emit_simple(
                        a,
                        j + 1,
                        value,
                        Some("GBP pence".into()),
                        StatKind::Money,
                    );
                }
                _ if clock_word(w) => return Step::Skip(j + 1),
                _ => {
                    if let Some(u) = numbers::unit_word(w)
                        && !matches!(
                            u,
                            "years"
                                | "months"
                                | "weeks"
                                | "days"
                                | "nights"
                                | "hours"
                                | "minutes"
                                | "seconds"
                        )
                    {
                        return self.finish(
                            a,
                            j + 1,
                            j + 1,
                            value,
                            None,
                            Some(u.to_string()),
                            StatKind::Measure,
                        );
                    }
                    return Step::Skip(self.skip_glued(i));
                }
            }
        }

        // Clock times written apart: "9 a.m.", "8:15 am", "1400 GMT", "10 o'clock".
        if !np.scaled && cur.is_none() && self.kind(j) == Some(K::Word) {
            let w = self.lw(j);
            let w = w.as_str();
            if clock_word(w)
                || ((w == "a" || w == "p") && self.is_p(j + 1, ".") && self.attached(j + 1))
            {
                return Step::Skip(j + 1);
            }
        }

        // Dates and years (digits only).
        if !np.words
            && !np.scaled
            && cur.is_none()
            && np.bare_int
            && let Some(skip) = self.date_skip(i, value, np.digits_len)
        {
            return Step::Skip(skip);
        }
        // Identifiers: "Section 8", "Boeing 747", "No. 10".
        if !np.words && !np.scaled && cur.is_none() && np.bare_int && self.identifier_before(i) {
            return Step::Skip(i + 1);
        }
        // Phone numbers and scores: "555-1234", "2-1".
        if !np.words
            && cur.is_none()
            && self.is_dash(j)
            && self.attached(j)
            && self.kind(j + 1) == Some(K::Num)
            && self.attached(j + 1)
        {
            let second = numbers::parse_digits(self.txt(j + 1)).unwrap_or(0.0);
            if np.digits_len >= 3 && self.txt(j + 1).len() >= 3
                || self.is_dash(j + 2) && self.kind(j + 3) == Some(K::Num)
            {
                return Step::Skip(self.skip_glued(i));
            }
            if second <= value && !self.percent_at(j + 2).0 {
                return Step::Skip(j + 2); // a score or a vote tally
            }
        }

        // Suffixes that set the kind.
        let (pct, pz) = self.percent_at(j);
        if pct {
            kind = StatKind::Percent;
            unit = Some(if self.is_w(j, "percentage") {
                "percentage points".into()
            } else {
                "%".into()
            });
            j = pz;
        } else if let Some(code) = self
            .kind(j)
            .filter(|k| *k == K::Word)
            .and_then(|_| numbers::currency_word(self.lw(j).as_str()))
            && !(code == "GBP" && self.is_w(j, "pound") && !np.scaled)
        {
            kind = StatKind::Money;
            unit = Some(code.to_string());
            j += 1;
        } else if let Some((code, len)) = self.national_currency(j) {
            // "5.5 billion Canadian dlrs", "20 mln Hong Kong dollars".
            kind = StatKind::Money;
            unit = Some(code.to_string());
            j += len;
        }
        let text_end = j;
        let mut after = j;

        // Ages: "23-year-old", "23 years old", "aged 23", and as written in haste: "the
        // 11-year old girl", "23-years-old", "a 5 year old".
        if kind == StatKind::Count {
            let year = |k: usize| self.is_w(k, "year") || self.is_w(k, "years");
            if self.is_dash(j) && year(j + 1) && self.is_dash(j + 2) && self.is_w(j + 3, "old") {
                return self.finish(a, j + 4, j + 4, value, None, None, StatKind::Age);
            }
            if self.is_dash(j) && year(j + 1) && self.is_w(j + 2, "old") {
                return self.finish(a, j + 3, j + 3, value, None, None, StatKind::Age);
            }
            if year(j) && self.is_w(j + 1, "old") {
                return self.finish(a, text_end, j + 2, value, None, None, StatKind::Age);
            }
            if i > 0 && self.is_w(a.wrapping_sub(1), "aged") {
                return self.finish(a, text_end, text_end, value, None, None, StatKind::Age);
            }
            // "Perle, 45, told reporters", "Agassi, now 34, has": a whole number between
            // commas right after a name is the person's age.
            if self.appositive_age(a, j, value) {
                return self.finish(a, text_end, text_end, value, None, None, StatKind::Age);
            }
        }

        // Ranges: "eight to 10", "8-10", "between 5 and 7", "5 to 10 per cent".
        if let Some(step) = self.range_from(&np, a, j, value, &unit, kind) {
            return step;
        }

        // Ratios: "3 times as many", "10-fold".
        if kind == StatKind::Count {
            if self.is_w(j, "times") {
                let ratio =
                    self.kind(j + 1) == Some(K::Word) && comparative(self.lw(j + 1).as_str());
                let k = if ratio {
                    StatKind::Ratio
                } else {
                    StatKind::Count
                };
                let u = if ratio {
                    None
                } else {
                    Some("times".to_string())
                };
                return self.finish(a, j + 1, j + 1, value, None, u, k);
            }
            if self.is_dash(j) && self.is_w(j + 1, "fold") {
                return self.finish(a, j + 2, j + 2, value, None, None, StatKind::Ratio);
            }
            if self.is_w(j, "fold") {
                return self.finish(a, j + 1, j + 1, value, None, None, StatKind::Ratio);
            }
        }

        // Measures: "10 km", "5-year", "500 barrels", "six months".
        if kind == StatKind::Count {
            let (uj, hy) = if self.is_dash(j) && self.attached(j) {
                (j + 1, true)
            } else {
                (j, false)
            };
            if self.kind(uj) == Some(K::Word) {
                let w = self.lw(uj);
                let mut w = w.as_str();
                let mut uz = uj + 1;
                let sq = w == "square" || w == "sq";
                let w2;
                if sq {
                    w2 = self.lw(uj + 1);
                    w = w2.as_str();
                    uz += 1;
                }
                if let Some(u) = numbers::unit_word(w) {
                    // "m" spaced after a number is metres only in measure contexts; skip it.
                    let ambiguous = u == "m" && !hy;
                    let single_word_second = u == "seconds" && w == "second" && !hy;
                    if !ambiguous && !single_word_second {
                        let unit = if sq { format!("sq {u}") } else { u.to_string() };
                        return self.finish(
                            a,
                            text_end,
                            uz,
                            value,
                            None,
                            Some(unit),
                            StatKind::Measure,
                        );
                    }
                }
            }
        }
        if kind == StatKind::Count
            && self.is_dash(j)
            && self.attached(j)
            && self.kind(j + 1) == Some(K::Word)
            && self.attached(j + 1)
        {
            // "three-member panel", "50-strong": still a count; the subject follows.
            after = j + 2;
        }
        self.finish(a, text_end, after, value, None, unit, kind)
    }

    /// A country's dollar or franc written after a figure: its code and its length in
    /// tokens ("Canadian dlrs" → CAD, 2; "Hong Kong dollars" → HKD, 3).
    fn national_currency(&self, j: usize) -> Option<(&'static str, usize)> {
        let dollar =
            |k: usize| matches!(self.lw(k).as_str(), "dlrs" | "dlr" | "dollars" | "dollar");
        let franc = |k: usize| matches!(self.lw(k).as_str(), "francs" | "franc");
        let one = match self.txt(j) {
            "Canadian" => Some("CAD"),
            "Australian" => Some("AUD"),
            "Singapore" => Some("SGD"),
            "Taiwan" => Some("TWD"),
            "American" | "US" => Some("USD"),
            _ => None,
        };
        if let Some(code) = one
            && dollar(j + 1)
        {
            return Some((code, 2));
        }
        let two = match (self.txt(j), self.txt(j + 1)) {
            ("Hong", "Kong") => Some("HKD"),
            ("New", "Zealand") => Some("NZD"),
            _ => None,
        };
        if let Some(code) = two
            && dollar(j + 2)
        {
            return Some((code, 3));
        }
        let code = match self.txt(j) {
            "French" => "FRF",
            "Swiss" => "CHF",
            "Belgian" => "BEF",
            _ => return None,
        };
        franc(j + 1).then_some((code, 2))
    }

    /// A plain whole number in a person's range of ages between commas after a
    /// capitalised word that is no calendar word ("Newgard, 42, had been").
    fn appositive_age(&self, a: usize, j: usize, value: f64) -> bool {
        if value.fract() != 0.0 || !(1.0..=110.0).contains(&value) || !self.is_p(j, ",") {
            return false;
        }
        let mut b = a;
        if b >= 1 && self.is_w(b - 1, "now") {
            b -= 1;
        }
        b >= 2
            && self.is_p(b - 1, ",")
            && self.kind(b - 2) == Some(K::Word)
            && self.capitalized(b - 2)
            && crate::calendar::month_number(self.txt(b - 2)).is_none()
            && !crate::calendar::is_weekday(self.txt(b - 2))
            // A list of figures ("Britain, 45, France, 30") counts, it does not age.
            && !self.follows_listed_number(b - 2)
            && !(self.kind(j + 1) == Some(K::Word)
                && self.capitalized(j + 1)
                && self.is_p(j + 2, ",")
                && self.kind(j + 3) == Some(K::Num))
    }

    /// Whether the token at `k` follows a number and a comma: it is part of a list of
    /// figures ("15, 18 or 20", "Britain, 45, France, 30").
    fn follows_listed_number(&self, k: usize) -> bool {
        k >= 2 && self.is_p(k - 1, ",") && self.kind(k - 2) == Some(K::Num)
    }

    /// Whether "200m" without a currency is a distance: a race name ("the 200m",
    /// "100m hurdles") rather than BBC-style millions ("5m people"), or
    /// a length ("300m long", "stretches for about 300m").
    pub(super) fn metres_context(&self, i: usize, after: usize) -> bool {
        let nx = self.lw(after);
        if matches!(
            nx.as_str(),
            "race"
                | "final"
                | "sprint"
                | "freestyle"
                | "hurdles"
                | "butterfly"
                | "backstroke"
                | "breaststroke"
                | "relay"
                | "medley"
                | "heat"
                | "heats"
                | "semi-final"
                | "title"
                | "record"
                | "dash"
                | "champion"
                | "gold"
                | "silver"
                | "bronze"
                | "event"
                | "world"
                | "indoor"
                | "indoors"
                | "outdoor"
                | "penalty"
                | "kick"
                | "putt"
                | "run"
                | "swim"
                | "hurdle"
                | "long"
                | "high"
                | "deep"
                | "wide"
                | "tall"
                | "away"
                | "along"
                | "underground"
                | "offshore"
        ) {
            return true;
        }
        let measured = |k: usize| {
            let w = self.lw(k);
            let w = w.as_str();
            w.starts_with("stretch") || w.starts_with("measur") || w.starts_with("extend")
        };
        if (i.saturating_sub(4)..i).any(measured) {
            return true;
        }
        i > 0 && self.is_w(i - 1, "the") && self.kind(after) != Some(K::Word)
    }

    /// "%", "per cent", "percent", "pct", "percentage point(s)" at `j`: (found, end).
    pub(super) fn percent_at(&self, j: usize) -> (bool, usize) {
        if self.is_p(j, "%") {
            return (true, j + 1);
        }
        if self.kind(j) != Some(K::Word) {
            return (false, j);
        }
        let w = self.lw(j);
        match w.as_str() {
            "percent" | "pct" | "pc" => (true, j + 1),
            "per" if self.is_w(j + 1, "cent") => (true, j + 2),
            "percentage" if self.is_w(j + 1, "points") || self.is_w(j + 1, "point") => {
                (true, j + 2)
            }
            _ => (false, j),
        }
    }

    /// A second number after a range connector at `j`, if the figure at `np` opens a range.
    fn range_from(
        &self,
        np: &NumPart,
        a: usize,
        j: usize,
        value: f64,
        unit: &Option<String>,
        kind: StatKind,
    ) -> Option<Step> {
        let between = a > 0 && self.is_w(a - 1, "between");
        let conn_to = self.is_w(j, "to");
        let conn_dash = self.is_dash(j);
        let conn_and = between && self.is_w(j, "and");
        // "one or two of his colleagues", "four or five defenders": alternatives that
        // give a range.
        // Not the last two of a list ("15, 18 or 20", "£30m, £40m or £50m").
        let conn_or = self.is_w(j, "or") && !self.follows_listed_number(a);
        if !(conn_to || conn_dash || conn_and || conn_or) {
            return None;
        }
        // "rose from 5 to 7" is a change; "ranging from 7 to 75 years" is a range.
        let from_at = if a > 0 && self.is_w(a - 1, "from") {
            Some(a - 1)
        } else if a > 1 && self.is_w(a - 2, "from") {
            Some(a - 2)
        } else {
            None
        };
        if conn_to
            && let Some(f) = from_at
            && !(f > 0
                && matches!(
                    self.lw(f - 1).as_str(),
                    "ranging" | "ranged" | "range" | "ranges" | "varying" | "varied" | "vary"
                ))
        {
            return None;
        }
        // "lowering its price by 0.50 cent to 65.50 cents", "Allianz dropped 20 marks to
        // 1,845": a change with its unit and where it ends, not a range ("rose 5 to 10
        // pct" stays one).
        if conn_to
            && a > 0
            && (unit.is_some() || kind != StatKind::Count)
            && (self.is_w(a - 1, "by") || super::words::change_verb(self.lw(a - 1).as_str()))
        {
            return None;
        }
        // The second number, with its own currency symbol perhaps.
        let mut k = j + 1;
        let mut cur2 = None;
        if self.kind(k) == Some(K::Punct)
            && self
                .txt(k)
                .chars()
                .next()
                .and_then(numbers::currency_symbol)
                .is_some()
        {
            cur2 = self
                .txt(k)
                .chars()
                .next()
                .and_then(numbers::currency_symbol);
            k += 1;
        }
        let second = if self.kind(k) == Some(K::Num) {
            let mut p = self.digits_part(k)?;
            p.digits_len = self.txt(k).len();
            p
        } else if self.kind(k) == Some(K::Word) {
            self.words_part(k)?
        } else {
            return None;
        };
        let hi = second.value;
        let mut hz = second.z;
        let mut hunit: Option<String> = cur2.map(|c| c.to_string());
        let mut hkind = if cur2.is_some() {
            StatKind::Money
        } else {
            StatKind::Count
        };
        let (pct, pz) = self.percent_at(hz);
        if pct {
            hkind = StatKind::Percent;
            hunit = Some("%".into());
            hz = pz;
        } else if self.kind(hz) == Some(K::Word)
            && let Some(code) = numbers::currency_word(self.lw(hz).as_str())
        {
            hkind = StatKind::Money;
            hunit = Some(code.into());
            hz += 1;
        }
        let mut lo = value;
        // "$1 to $2 billion", "5 and 7 million": the low end shares the high end's scale.
        if second.scaled && !np.scaled && lo < second.value {
            let scale = second.value
                / numbers::parse_digits(self.txt(second.a))
                    .or_else(|| match numbers::number_word(self.lw(second.a).as_str()) {
                        // "five to seven mln boxes": the word before the scale.
                        Some(numbers::NumWord::Unit(v) | numbers::NumWord::Tens(v)) => Some(v),
                        _ => self.words_part(second.a).map(|p| p.value),
                    })
                    .unwrap_or(second.value)
                    .max(1e-300);
            if lo * scale < hi {
                lo *= scale;
            }
        }
        let (rkind, runit) = match (kind, hkind) {
            (StatKind::Count, k2) => (k2, hunit.clone()),
            (k1, StatKind::Count) => (k1, unit.clone()),
            (k1, k2) if k1 == k2 && *unit == hunit => (k1, unit.clone()),
            _ => return None,
        };
        if lo >= hi || conn_or && (hi > lo * 3.0 || second.scaled != np.scaled) {
            return None;
        }
        if hi / lo.max(1e-9) > 1000.0 && !second.scaled {
            return None;
        }
        let mut after = hz;
        // A measure unit after the range: "5 to 10 km".
        let mut unit_out = runit;
        if rkind == StatKind::Count
            && self.kind(hz) == Some(K::Word)
            && let Some(u) = numbers::unit_word(self.lw(hz).as_str())
            && u != "m"
        {
            unit_out = Some(u.to_string());
            after = hz + 1;
        }
        Some(self.finish(a, hz, after, lo, Some(hi), unit_out, StatKind::Range))
    }

    fn emit_simple(
        &self,
        a: usize,
        z: usize,
        value: f64,
        unit: Option<String>,
        kind: StatKind,
    ) -> Step {
        self.finish(a, z, z, value, None, unit, kind)
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn finish(
        &self,
        a: usize,
        z: usize,
        after: usize,
        value: f64,
        high: Option<f64>,
        unit: Option<String>,
        kind: StatKind,
    ) -> Step {
        if !value.is_finite() || high.is_some_and(|h| !h.is_finite()) {
            return Step::Skip(z);
        }
        Step::Emit(Fig {
            a,
            z,
            value,
            high,
            unit,
            kind,
            after,
        })
    }
}
