//! Article metadata the text itself gives: the outlet and the publication date.

use serde::{Deserialize, Serialize};

use crate::calendar::month_number;

/// A publication date as written, with its normalised form when it is a real date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleDate {
    /// The date as written in the article ("April 1, 20125").
    pub text: String,
    /// `YYYY-MM-DD` when the text is a valid date.
    pub iso: Option<String>,
    /// The text looks like a date but is not a valid one (a typo in the year, day 32…).
    pub malformed: bool,
}

fn digits(s: &str) -> Option<&str> {
    (!s.is_empty() && s.chars().all(|c| c.is_ascii_digit())).then_some(s)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn make_date(text: String, year: &str, month: u32, day: &str) -> ArticleDate {
    let y: Option<i64> = year.parse().ok();
    let d: Option<u32> = day.parse().ok();
    let valid = match (y, d) {
        (Some(y), Some(d)) => {
            year.len() == 4 && (1800..=2200).contains(&y) && d >= 1 && d <= days_in_month(y, month)
        }
        _ => false,
    };
    ArticleDate {
        iso: valid.then(|| format!("{}-{:02}-{:02}", year, month, d.unwrap_or(0))),
        malformed: !valid,
        text,
    }
}

/// Finds a full date (with a year) in one line: "April 1, 2025", "Apr. 1, 2025",
/// "1 April 2025", "2025-04-01".
pub fn date_in_line(line: &str) -> Option<ArticleDate> {
    let words: Vec<&str> = line.split_whitespace().collect();
    for i in 0..words.len() {
        let w = words[i].trim_matches(|c: char| c == ',' || c == '(' || c == ')');
        // ISO date.
        let parts: Vec<&str> = w.split('-').collect();
        if parts.len() == 3
            && parts[0].len() == 4
            && parts[1].len() <= 2
            && parts[2].len() <= 2
            && let (Some(y), Some(m), Some(d)) =
                (digits(parts[0]), digits(parts[1]), digits(parts[2]))
            && let Ok(m) = m.parse::<u32>()
            && (1..=12).contains(&m)
        {
            return Some(make_date(w.to_string(), y, m, d));
        }
        // Month Day, Year ("June 11, 2012", "Jun 11th, 2012", "Jun 11th 2012")
        if let Some(m) = month_number(w)
            && i + 2 < words.len()
        {
            let day = words[i + 1].trim_end_matches(',');
            let (day, ordinal) = match ["st", "nd", "rd", "th"]
                .iter()
                .find_map(|s| day.strip_suffix(s))
            {
                Some(d) => (d, true),
                None => (day, false),
            };
            let year = words[i + 2].trim_end_matches([',', '.', ';', ')']);
            // Without the comma only an ordinal day and a plausible year make a date
            // ("on March 4 1500 troops…" is not one).
            let shaped = words[i + 1].ends_with(',')
                || ordinal
                    && year.len() == 4
                    && year
                        .parse::<u32>()
                        .is_ok_and(|y| (1900..=2100).contains(&y));
            if shaped
                && let (Some(d), Some(y)) = (digits(day), digits(year))
                && d.len() <= 2
                && (4..=5).contains(&y.len())
            {
                let text = format!("{} {} {}", words[i], words[i + 1], year);
                return Some(make_date(text, y, m, d));
            }
        }
        // Day Month Year
        if let Some(d) = digits(w)
            && d.len() <= 2
            && i + 2 < words.len()
            && let Some(m) = month_number(words[i + 1])
        {
            let year = words[i + 2].trim_end_matches([',', '.', ';', ')']);
            if let Some(y) = digits(year)
                && (4..=5).contains(&y.len())
            {
                let text = format!("{} {} {}", w, words[i + 1], year);
                return Some(make_date(text, y, m, d));
            }
        }
    }
    None
}

/// A date in a file's name ("fox_2018-01-23.txt", "2025_04_01-ice-agreements.md"): year,
/// month and day in that order, joined by `-`, `_` or `.`, standing apart from other
/// digits. Only a valid date counts: a name has no typo worth reporting.
pub fn date_in_file_name(path: &str) -> Option<ArticleDate> {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let b = name.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    for i in 0..b.len().saturating_sub(9) {
        let sep = b[i + 4];
        let shape = (0..4).all(|k| digit(i + k))
            && matches!(sep, b'-' | b'_' | b'.')
            && digit(i + 5)
            && digit(i + 6)
            && b[i + 7] == sep
            && digit(i + 8)
            && digit(i + 9)
            && !(i > 0 && digit(i - 1))
            && !digit(i + 10);
        if !shape {
            continue;
        }
        let text = &name[i..i + 10];
        let Ok(month) = text[5..7].parse::<u32>() else {
            continue;
        };
        if !(1..=12).contains(&month) {
            continue;
        }
        let d = make_date(text.to_string(), &text[..4], month, &text[8..10]);
        if d.iso.is_some() {
            return Some(d);
        }
    }
    None
}

/// The publication date: the first full date near the top of the file.
fn find_date(lines: &[&str]) -> Option<ArticleDate> {
    lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .take(12)
        .find_map(|l| date_in_line(l))
}

/// Lines this short that hold a date are a dateline or a byline ("By Jane Doe | April
/// 1, 2025"), not prose that mentions a date.
const DATELINE_WORDS: usize = 10;

/// The publication date of a file: a date on a dateline near the top, else one in the
/// file's name (put there by whoever saved it), else the first date the opening lines
/// mention (a lede's "on Tuesday, April 1, 2025"), which may be an older event's.
pub fn publication_date(path: &str, lines: &[&str]) -> Option<ArticleDate> {
    let top: Vec<&&str> = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .take(12)
        .collect();
    top.iter()
        .filter(|l| l.split_whitespace().count() <= DATELINE_WORDS)
        .find_map(|l| date_in_line(l))
        .or_else(|| date_in_file_name(path))
        .or_else(|| find_date(lines))
}

/// The date of a page's timestamp ("2024-03-05T08:30:00Z", "2024-03-05 08:30",
/// "Tue, 05 Mar 2024 08:30:00 GMT"); an ISO timestamp is told by its day alone.
pub fn date_in_timestamp(stamp: &str) -> Option<ArticleDate> {
    let stamp = stamp.trim();
    let day = stamp.split(['T', ' ']).next().unwrap_or(stamp);
    date_in_line(day)
        .filter(|d| d.iso.is_some())
        .or_else(|| date_in_line(stamp))
}

/// The site a web address is on, as an outlet's name: "https://www.reuters.com/world/…"
/// → "reuters.com".
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    let host = host
        .strip_prefix("www.")
        .unwrap_or(host)
        .to_ascii_lowercase();
    (host.contains('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-'))
    .then_some(host)
}

/// A page title without the site's name after a separator: "Storm closes ports | The
/// Daily Example" → "Storm closes ports".
pub fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    let title = title.trim();
    if let Some(site) = site.map(str::trim).filter(|s| !s.is_empty()) {
        for sep in [" | ", " - ", " – ", " — ", " :: ", " : ", " · "] {
            if let Some((head, tail)) = title.rsplit_once(sep)
                && tail.trim().eq_ignore_ascii_case(site)
                && !head.trim().is_empty()
            {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

fn clean_outlet(s: &str) -> Option<String> {
    let s = s
        .trim()
        .trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace());
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 {
        return None;
    }
    Some(words.join(" "))
}

/// The outlet from a copyright line: "© 2025 WLRN", "Copyright 2019 The Associated Press.
/// All rights reserved."
fn source_from_copyright(line: &str) -> Option<String> {
    let lower = line.to_ascii_lowercase();
    let rest = if let Some(r) = line.strip_prefix('©') {
        r
    } else if lower.starts_with("copyright") {
        let r = &line["copyright".len()..];
        r.trim_start().strip_prefix('©').unwrap_or(r)
    } else if lower.starts_with("(c)") {
        &line[3..]
    } else {
        return None;
    };
    let rest = rest.split(". ").next().unwrap_or(rest);
    let rest = rest
        .split_whitespace()
        .skip_while(|w| {
            w.chars()
                .all(|c| c.is_ascii_digit() || c == '-' || c == ',')
        })
        .collect::<Vec<_>>()
        .join(" ");
    let rest = rest
        .split(" All rights")
        .next()
        .unwrap_or(&rest)
        .to_string();
    clean_outlet(&rest)
}

/// The outlet named in a dateline: "WASHINGTON (Reuters) - …".
fn source_from_dateline(line: &str) -> Option<String> {
    let open = line.find(" (")?;
    let head = &line[..open];
    if head.is_empty() || head.chars().any(|c| c.is_lowercase()) || head.len() > 40 {
        return None;
    }
    let rest = &line[open + 2..];
    let close = rest.find(')')?;
    let after = rest[close + 1..].trim_start();
    if !(after.starts_with('-') || after.starts_with('—') || after.starts_with('–')) {
        return None;
    }
    clean_outlet(&rest[..close])
}

/// The domain of a newsroom e-mail address in the text.
fn source_from_email(line: &str) -> Option<String> {
    line.split_whitespace().find_map(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let (user, domain) = w.split_once('@')?;
        (!user.is_empty() && domain.contains('.') && !domain.starts_with('.'))
            .then(|| domain.to_ascii_lowercase())
    })
}

/// An outlet speaking of itself: "…, the Washington Examiner learned during a ride-along".
fn source_from_self_reference(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        let w = w.trim_end_matches([',', '.']);
        if !matches!(w, "learned" | "has learned") || i < 2 {
            continue;
        }
        // Walk back over capitalised words to "the".
        let mut j = i;
        while j > 0
            && words[j - 1].chars().next().is_some_and(char::is_uppercase)
            && words[j - 1] != "The"
        {
            j -= 1;
        }
        if j < i && j > 0 && words[j - 1].eq_ignore_ascii_case("the") && i - j <= 4 {
            return clean_outlet(&words[j..i].join(" "));
        }
    }
    None
}

/// Where the article tells its outlet: a copyright line, a dateline, or failing those a
/// newsroom e-mail address.
pub fn find_source(lines: &[&str]) -> Option<String> {
    let trimmed: Vec<&str> = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    trimmed
        .iter()
        .find_map(|l| source_from_copyright(l))
        .or_else(|| trimmed.iter().take(4).find_map(|l| source_from_dateline(l)))
        .or_else(|| {
            trimmed
                .iter()
                .rev()
                .take(6)
                .find_map(|l| source_from_email(l))
        })
        .or_else(|| trimmed.iter().find_map(|l| source_from_self_reference(l)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_timestamps_hosts_and_titles() {
        let d = date_in_timestamp("2024-03-05T08:30:00Z").unwrap();
        assert_eq!(d.iso.as_deref(), Some("2024-03-05"));
        assert_eq!(d.text, "2024-03-05");
        let d = date_in_timestamp("Tue, 05 Mar 2024 08:30:00 GMT").unwrap();
        assert_eq!(d.iso.as_deref(), Some("2024-03-05"));
        assert!(date_in_timestamp("yesterday").is_none());
        assert_eq!(
            host_of("https://www.reuters.com/world/x?y=1").as_deref(),
            Some("reuters.com")
        );
        assert_eq!(
            host_of("http://user@news.example.org:8080/").as_deref(),
            Some("news.example.org")
        );
        assert_eq!(host_of("not a url"), None);
        assert_eq!(
            strip_site_suffix(
                "Storm closes ports | The Daily Example",
                Some("the daily example")
            ),
            "Storm closes ports"
        );
        assert_eq!(strip_site_suffix("A - B", Some("C")), "A - B");
    }

    #[test]
    fn a_dateline_beats_the_file_name_which_beats_a_date_the_prose_mentions() {
        let prose = "After the Sept. 11, 2001 attacks the city changed, officials said on Monday in a long statement.";
        let iso = |path: &str, lines: &[&str]| publication_date(path, lines).and_then(|d| d.iso);
        assert_eq!(
            iso("nyt_2010-08-14.txt", &["Title", prose]).as_deref(),
            Some("2010-08-14")
        );
        assert_eq!(
            iso(
                "nyt_2010-08-14.txt",
                &["Title", "By Jane Doe | August 15, 2010", prose]
            )
            .as_deref(),
            Some("2010-08-15")
        );
        assert_eq!(
            iso("story.txt", &["Title", prose]).as_deref(),
            Some("2001-09-11")
        );
    }

    #[test]
    fn dates_with_ordinal_days_are_read() {
        let iso = |l: &str| date_in_line(l).and_then(|d| d.iso);
        assert_eq!(
            iso("posted Jun 11th, 2012 at 1:23 PM").as_deref(),
            Some("2012-06-11")
        );
        assert_eq!(
            iso("(10:27 am PDT, Jun 11th 2012) Following a refresh").as_deref(),
            Some("2012-06-11")
        );
        assert_eq!(
            iso("Report: Red Sox offer December 15th, 2008, 7:35 am").as_deref(),
            Some("2008-12-15")
        );
        assert_eq!(
            date_in_line("On March 4 1500 troops crossed the river."),
            None
        );
    }

    #[test]
    fn a_date_in_the_file_name_is_read_when_it_is_a_real_one() {
        let iso = |p: &str| date_in_file_name(p).and_then(|d| d.iso);
        assert_eq!(
            iso("news/fox_2018-01-23.txt").as_deref(),
            Some("2018-01-23")
        );
        assert_eq!(
            iso("2025_04_01-ice-agreements.md").as_deref(),
            Some("2025-04-01")
        );
        // Not a date: month 13, day 31 in April, digits run on, a folder's name.
        assert_eq!(iso("report-2018-13-01.txt"), None);
        assert_eq!(iso("2025-04-31.txt"), None);
        assert_eq!(iso("id_120180123456.txt"), None);
        assert_eq!(iso("x12018-01-23.txt"), None);
        assert_eq!(iso("2018-01-23/article.txt"), None);
    }

    #[test]
    fn malformed_year_is_kept_as_written_and_flagged() {
        let d =
            date_in_line("Immigrants in Florida on Tuesday, April 1, 20125, denounced").unwrap();
        assert_eq!(d.text, "April 1, 20125");
        assert!(d.malformed);
        assert_eq!(d.iso, None);
    }

    #[test]
    fn valid_dates_are_normalised() {
        assert_eq!(
            date_in_line("Posted Feb. 27, 2017 at noon")
                .unwrap()
                .iso
                .as_deref(),
            Some("2017-02-27")
        );
        assert_eq!(
            date_in_line("Published 3 March 2024")
                .unwrap()
                .iso
                .as_deref(),
            Some("2024-03-03")
        );
        assert_eq!(
            date_in_line("2024-11-05").unwrap().iso.as_deref(),
            Some("2024-11-05")
        );
        assert!(date_in_line("Feb. 30, 2017").unwrap().malformed);
    }

    #[test]
    fn a_day_without_a_year_is_not_a_publication_date() {
        assert_eq!(date_in_line("on Monday, Feb. 27, asking him to"), None);
    }

    #[test]
    fn outlet_from_copyright_dateline_and_email() {
        assert_eq!(
            find_source(&["© 2025 WLRN", "text"]).as_deref(),
            Some("WLRN")
        );
        assert_eq!(
            find_source(&["Copyright 2019 The Associated Press. All rights reserved."]).as_deref(),
            Some("The Associated Press")
        );
        assert_eq!(
            find_source(&["Title", "WASHINGTON (Reuters) - The Senate voted."]).as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            find_source(&["Body text.", "Reach him at jdoe@citynews.org"]).as_deref(),
            Some("citynews.org")
        );
        assert_eq!(find_source(&["Nothing here."]), None);
        assert_eq!(
            find_source(&[
                "Troopers had to call, the Washington Examiner learned during a ride-along."
            ])
            .as_deref(),
            Some("Washington Examiner")
        );
        assert_eq!(find_source(&["Officials learned of it later."]), None);
    }
}
