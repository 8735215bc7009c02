//! Calendar words shared by the corpus reader, the extractors and the analysis: month and
//! weekday names, so each rule that must not take "March" or "Monday" for a name, a
//! subject or an owner asks the same place.

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// The weekdays, lower case.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The month a word names, in any case, full or abbreviated, with or without a full
/// stop ("Dec." → 12).
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.strip_suffix('.').unwrap_or(word);
    MONTHS
        .iter()
        .find(|(m, _)| m.eq_ignore_ascii_case(w))
        .map(|&(_, n)| n)
}

/// Whether a word names a month, in full, in any case ("May", "march").
pub fn is_full_month(word: &str) -> bool {
    MONTHS[..12]
        .iter()
        .any(|(m, _)| m.eq_ignore_ascii_case(word))
}

/// Whether a word names a day of the week, in any case.
pub fn is_weekday(word: &str) -> bool {
    WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_weekdays() {
        assert_eq!(month_number("Dec."), Some(12));
        assert_eq!(month_number("sept"), Some(9));
        assert_eq!(month_number("Decade"), None);
        assert!(is_full_month("May") && !is_full_month("Dec"));
        assert!(is_weekday("Monday") && is_weekday("sunday") && !is_weekday("Mon"));
    }
}

/// The day number of a `YYYY-MM-DD` date (days since 1970-01-01), to measure the days
/// between two dates.
pub fn day_number(iso: &str) -> Option<i64> {
    let mut parts = iso.splitn(3, '-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.get(..2)?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Days from civil (H. Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod day_tests {
    use super::day_number;

    #[test]
    fn day_numbers_count_days() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2000-03-01"), Some(11_017));
        let a = day_number("2018-12-31").unwrap();
        assert_eq!(day_number("2019-01-01"), Some(a + 1));
        assert_eq!(
            day_number("2024-03-01").unwrap() - day_number("2024-02-28").unwrap(),
            2
        );
        assert_eq!(day_number("2019-13-01"), None);
        assert_eq!(day_number("soon"), None);
    }
}

/// The month and day of a wire dateline opening an article ("LONDON, March 4 -",
/// "PORTLAND, Ore., Feb 26 -", "New Orleans, April 1 -", "ATHENS, Greece, Dec. 8 (AP)
/// —"): a place in capitalised words,
/// then a month and a day, then a dash or the agency. Wire copy gives the day but not the
/// year; two reports of a recurring figure (a weekly auction, a monthly index) on
/// different days are told apart by it.
pub fn dateline_day(body: &str) -> Option<(u32, u32)> {
    let words: Vec<&str> = body.split_whitespace().take(10).collect();
    let first = words.first()?.trim_end_matches(',');
    if first.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return None;
    }
    for i in 1..words.len().saturating_sub(2) {
        // The place: capitalised words ("LONDON,", "New Orleans,", "Calif.,").
        if !words[i - 1]
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase)
        {
            return None;
        }
        let Some(month) = month_number(words[i]) else {
            continue;
        };
        // Only place words before the month: "Ore.,", "Greece,", "Calif.,".
        if !words[i - 1].ends_with(',') {
            return None;
        }
        let day = words[i + 1].trim_end_matches(',');
        let Ok(day) = day.parse::<u32>() else {
            return None;
        };
        let next = words[i + 2];
        let closes = matches!(next, "-" | "—" | "–" | "--") || next.starts_with('(');
        return ((1..=31).contains(&day) && closes).then_some((month, day));
    }
    None
}

#[cfg(test)]
mod dateline_tests {
    use super::dateline_day;

    #[test]
    fn wire_datelines_give_their_day() {
        assert_eq!(
            dateline_day("LONDON, March 4 - A total 60,500 tonnes"),
            Some((3, 4))
        );
        assert_eq!(
            dateline_day("PORTLAND, Ore., Feb 26 - Red Lion Inns said"),
            Some((2, 26))
        );
        assert_eq!(
            dateline_day("ATHENS, Greece, Dec. 8 (AP) — Rioting spread"),
            Some((12, 8))
        );
        assert_eq!(
            dateline_day("New Orleans, April 7 - Nine grain ships were loading"),
            Some((4, 7))
        );
        // Prose that starts with a month, a name in capitals without a date, a lower-case
        // opening.
        assert_eq!(
            dateline_day("March 4 was the day the talks began - again."),
            None
        );
        assert_eq!(
            dateline_day("WASHINGTON (Reuters) - The Senate voted"),
            None
        );
        assert_eq!(dateline_day("The board met on March 4 - and agreed"), None);
        assert_eq!(dateline_day("Paris officials, March 4 - again"), None);
    }
}

/// The civil date of a day number (the inverse of [`day_number`]).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// A moment as an RFC 3339 UTC timestamp ("2026-12-03T17:05:09Z").
pub fn utc_timestamp(t: std::time::SystemTime) -> String {
    let secs = t
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

#[cfg(test)]
mod timestamp_tests {
    use super::*;
    use std::time::{Duration, UNIX_EPOCH};

    #[test]
    fn timestamps_invert_day_numbers() {
        assert_eq!(utc_timestamp(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        let t = UNIX_EPOCH + Duration::from_secs(1_796_317_509);
        let stamp = utc_timestamp(t);
        assert_eq!(day_number(&stamp[..10]), Some(1_796_317_509 / 86_400));
        for day in [-1000_i64, 0, 11_017, 20_000, 60_000] {
            let (y, m, d) = civil_from_days(day);
            assert_eq!(day_number(&format!("{y:04}-{m:02}-{d:02}")), Some(day));
        }
    }
}
