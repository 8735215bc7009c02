//! Number vocabulary for the statistics extractor: parsing figures written in
//! digits ("1,255", "73.9") and the English words that write or scale numbers
//! ("twenty-five", "million", "two-thirds", "quadrupled").
//!
//! Everything here works on single tokens (or short token sequences) that the
//! scanner in `stats` has already cut out, so nothing here can run long.

/// Parses a run of ASCII digits with optional thousands commas and one decimal
/// point ("1,255", "73.9", "12,000.50"). Returns `None` for malformed groups and
/// for numbers too long to be a quantity (identifiers, digit walls): more than
/// 15 integer digits cannot be represented exactly and never is a news figure.
pub(crate) fn parse_digits(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    if b.is_empty() || !b[0].is_ascii_digit() {
        return None;
    }
    let mut int_digits = 0usize;
    let mut value: f64 = 0.0;
    let mut i = 0;
    let mut group_len = 0usize;
    let mut saw_comma = false;
    while i < b.len() {
        match b[i] {
            c @ b'0'..=b'9' => {
                int_digits += 1;
                group_len += 1;
                if int_digits > 15 {
                    return None;
                }
                value = value * 10.0 + f64::from(c - b'0');
            }
            b',' => {
                // A thousands group must be exactly three digits ("1,2345" is no number).
                if saw_comma && group_len != 3 {
                    return None;
                }
                if !saw_comma && group_len > 3 {
                    return None;
                }
                saw_comma = true;
                group_len = 0;
            }
            b'.' => break,
            _ => return None,
        }
        i += 1;
    }
    if saw_comma && group_len != 3 {
        return None;
    }
    if i < b.len() {
        // Decimal part.
        i += 1;
        if i >= b.len() || !b[i..].iter().all(u8::is_ascii_digit) {
            return None;
        }
        // Re-parse through the standard library for exact rounding of decimals
        // ("73.9" must be 73.9, not 73.900000001).
        let cleaned: String = s.chars().filter(|&c| c != ',').collect();
        return cleaned.parse::<f64>().ok();
    }
    Some(value)
}

/// The role a number word plays when words compose a figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum NumWord {
    /// zero … nineteen
    Unit(f64),
    /// twenty … ninety
    Tens(f64),
    /// hundred
    Hundred,
    /// thousand, million, billion, trillion (and their news abbreviations)
    Scale(f64),
    /// dozen (12, multiplies what precedes it)
    Dozen,
}

/// Cardinal number words, lower-case ASCII input.
pub(crate) fn number_word(w: &str) -> Option<NumWord> {
    use NumWord::*;
    Some(match w {
        "zero" => Unit(0.0),
        "one" => Unit(1.0),
        "two" => Unit(2.0),
        "three" => Unit(3.0),
        "four" => Unit(4.0),
        "five" => Unit(5.0),
        "six" => Unit(6.0),
        "seven" => Unit(7.0),
        "eight" => Unit(8.0),
        "nine" => Unit(9.0),
        "ten" => Unit(10.0),
        "eleven" => Unit(11.0),
        "twelve" => Unit(12.0),
        "thirteen" => Unit(13.0),
        "fourteen" => Unit(14.0),
        "fifteen" => Unit(15.0),
        "sixteen" => Unit(16.0),
        "seventeen" => Unit(17.0),
        "eighteen" => Unit(18.0),
        "nineteen" => Unit(19.0),
        "twenty" => Tens(20.0),
        "thirty" => Tens(30.0),
        "forty" => Tens(40.0),
        "fifty" => Tens(50.0),
        "sixty" => Tens(60.0),
        "seventy" => Tens(70.0),
        "eighty" => Tens(80.0),
        "ninety" => Tens(90.0),
        "hundred" => Hundred,
        "dozen" => Dozen,
        _ => return scale_word(w).map(Scale),
    })
}

/// Spelled-out scale words that may follow a figure ("1.5 million", "5.5 mln").
/// Attached abbreviations ("£600m", "$1.13bn") are handled by [`attached_scale`].
pub(crate) fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "thousand" => 1e3,
        "million" | "mln" | "mn" => 1e6,
        "billion" | "bln" | "bn" => 1e9,
        "trillion" | "tln" | "trn" | "tn" => 1e12,
        _ => return None,
    })
}

/// Scale suffixes written straight after the digits ("600m", "1.13bn", "5k").
pub(crate) fn attached_scale(w: &str) -> Option<f64> {
    Some(match w {
        "k" => 1e3,
        "m" | "mn" | "mln" => 1e6,
        "bn" | "b" | "bln" => 1e9,
        "tn" | "trn" => 1e12,
        _ => return None,
    })
}

/// Currency words written after a figure ("5.5 mln dlrs", "300 euros").
pub(crate) fn currency_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "dollar" | "dollars" | "dlr" | "dlrs" => "USD",
        "pound" | "pounds" | "sterling" | "stg" => "GBP",
        "euro" | "euros" => "EUR",
        "yen" => "JPY",
        "yuan" | "renminbi" => "CNY",
        "rupee" | "rupees" => "INR",
        "franc" | "francs" => "CHF",
        "marks" => "DEM",
        "cents" | "cent" | "cts" | "ct" => "USD cents",
        "pence" => "GBP pence",
        "lire" => "ITL",
        "guilders" => "NLG",
        "roubles" | "rubles" => "RUB",
        "pesos" => "MXN",
        "rand" => "ZAR",
        _ => return None,
    })
}

/// Currency symbols written before a figure.
pub(crate) fn currency_symbol(c: char) -> Option<&'static str> {
    Some(match c {
        '$' => "USD",
        '£' => "GBP",
        '€' => "EUR",
        '¥' => "JPY",
        '₹' => "INR",
        _ => return None,
    })
}

/// Measurement units (lower-case). Returns the unit as it should be reported.
pub(crate) fn unit_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "km" | "kms" | "kilometres" | "kilometers" | "kilometre" | "kilometer" => "km",
        "mile" | "miles" => "miles",
        "m" | "metre" | "metres" | "meter" | "meters" => "m",
        "cm" | "centimetres" | "centimeters" => "cm",
        "mm" | "millimetres" | "millimeters" => "mm",
        "ft" | "feet" | "foot" => "ft",
        "inch" | "inches" => "in",
        "yards" | "yard" => "yards",
        "kg" | "kgs" | "kilos" | "kilograms" | "kilogrammes" => "kg",
        "grams" | "grammes" => "g",
        "lb" | "lbs" => "lb",
        "ounce" | "ounces" | "oz" => "oz",
        "tonne" | "tonnes" | "ton" | "tons" => "tonnes",
        "barrel" | "barrels" | "bbl" => "barrels",
        "bpd" => "bpd",
        "gallon" | "gallons" => "gallons",
        "litre" | "litres" | "liter" | "liters" => "litres",
        "acre" | "acres" => "acres",
        "hectare" | "hectares" | "ha" => "hectares",
        "sq" => "sq",
        "mph" => "mph",
        "kph" | "km/h" => "km/h",
        "degrees" | "degree" => "degrees",
        "mw" | "megawatts" => "MW",
        "gw" | "gigawatts" => "GW",
        "kw" | "kilowatts" => "kW",
        "kwh" => "kWh",
        "mb" | "megabytes" => "MB",
        "gb" | "gigabytes" => "GB",
        "tb" | "terabytes" => "TB",
        "mbps" => "Mbps",
        "ghz" => "GHz",
        "mhz" => "MHz",
        "bushels" | "bushel" => "bushels",
        "bales" => "bales",
        "points" | "pts" => "points",
        "year" | "years" | "yr" | "yrs" => "years",
        "month" | "months" => "months",
        "week" | "weeks" => "weeks",
        "day" | "days" => "days",
        "night" | "nights" => "nights",
        "hour" | "hours" | "hrs" => "hours",
        "minute" | "minutes" | "mins" => "minutes",
        "second" | "seconds" | "secs" => "seconds",
        "decade" | "decades" => "decades",
        "century" | "centuries" => "centuries",
        _ => return None,
    })
}

/// Fraction denominators: "half", "third(s)", "quarter(s)", "fifth(s)" … "tenth(s)".
/// Returns the denominator and whether the word is plural.
pub(crate) fn fraction_word(w: &str) -> Option<(f64, bool)> {
    Some(match w {
        "half" => (2.0, false),
        "halves" => (2.0, true),
        "third" => (3.0, false),
        "thirds" => (3.0, true),
        "quarter" => (4.0, false),
        "quarters" => (4.0, true),
        "fifth" => (5.0, false),
        "fifths" => (5.0, true),
        "sixth" => (6.0, false),
        "sixths" => (6.0, true),
        "seventh" => (7.0, false),
        "sevenths" => (7.0, true),
        "eighth" => (8.0, false),
        "eighths" => (8.0, true),
        "ninth" => (9.0, false),
        "ninths" => (9.0, true),
        "tenth" => (10.0, false),
        "tenths" => (10.0, true),
        _ => return None,
    })
}

/// Verbs that state a ratio of change ("doubled" → 2, "halved" → 0.5).
pub(crate) fn ratio_verb(w: &str) -> Option<f64> {
    Some(match w {
        "doubled" | "doubling" => 2.0,
        "tripled" | "trebled" | "tripling" | "trebling" => 3.0,
        "quadrupled" | "quadrupling" => 4.0,
        "quintupled" | "quintupling" => 5.0,
        "halved" | "halving" => 0.5,
        _ => return None,
    })
}

/// Bare verb forms that are ratios only after a modal or "to" ("prices to double").
pub(crate) fn ratio_verb_base(w: &str) -> Option<f64> {
    Some(match w {
        "double" => 2.0,
        "triple" | "treble" => 3.0,
        "quadruple" => 4.0,
        _ => return None,
    })
}

/// "twofold", "threefold", "tenfold" …
pub(crate) fn fold_word(w: &str) -> Option<f64> {
    let stem = w.strip_suffix("fold")?;
    match number_word(stem)? {
        NumWord::Unit(v) | NumWord::Tens(v) if v >= 2.0 => Some(v),
        _ => None,
    }
}

/// Folds a sequence of number words into a value ("twenty five" → 25,
/// "one hundred and fifty thousand" → 150000, "two dozen" → 24).
/// `lead` is a leading value already parsed (digits, as in "1.5 million").
pub(crate) fn combine_words(lead: Option<f64>, words: &[NumWord]) -> Option<f64> {
    let mut total = 0.0;
    let mut current = lead.unwrap_or(0.0);
    let mut any = lead.is_some();
    for w in words {
        match *w {
            NumWord::Unit(v) | NumWord::Tens(v) => {
                current += v;
                any = true;
            }
            NumWord::Hundred => {
                current = if any && current > 0.0 {
                    current * 100.0
                } else {
                    100.0
                };
                any = true;
            }
            NumWord::Dozen => {
                current = if any && current > 0.0 {
                    current * 12.0
                } else {
                    12.0
                };
                any = true;
            }
            NumWord::Scale(s) => {
                let c = if any && (current > 0.0 || total > 0.0) {
                    current
                } else {
                    1.0
                };
                // "1.5 million" or "three hundred thousand": the scale applies to all so far
                // when it is bigger than what has been accumulated in `total`.
                if total > 0.0 && total < s {
                    total = (total + c) * s;
                } else {
                    total += c * s;
                }
                current = 0.0;
                any = true;
            }
        }
    }
    if !any {
        return None;
    }
    Some(total + current)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_with_commas_and_decimals() {
        assert_eq!(parse_digits("1,255"), Some(1255.0));
        assert_eq!(parse_digits("73.9"), Some(73.9));
        assert_eq!(parse_digits("12,000"), Some(12000.0));
        assert_eq!(parse_digits("5,678,000"), Some(5_678_000.0));
        assert_eq!(parse_digits("1,2345"), None);
        assert_eq!(parse_digits("12,34"), None);
    }

    #[test]
    fn digit_walls_are_not_numbers() {
        let wall = "9".repeat(100);
        assert_eq!(parse_digits(&wall), None);
    }

    #[test]
    fn words_combine() {
        use NumWord::*;
        assert_eq!(combine_words(None, &[Tens(20.0), Unit(5.0)]), Some(25.0));
        assert_eq!(
            combine_words(None, &[Unit(1.0), Hundred, Tens(50.0), Scale(1e3)]),
            Some(150_000.0)
        );
        assert_eq!(combine_words(Some(1.5), &[Scale(1e6)]), Some(1_500_000.0));
        assert_eq!(combine_words(None, &[Unit(2.0), Dozen]), Some(24.0));
    }

    #[test]
    fn vocabulary() {
        assert_eq!(fold_word("threefold"), Some(3.0));
        assert_eq!(ratio_verb("quadrupled"), Some(4.0));
        assert_eq!(fraction_word("thirds"), Some((3.0, true)));
        assert_eq!(currency_word("dlrs"), Some("USD"));
        assert_eq!(attached_scale("bn"), Some(1e9));
    }
}
