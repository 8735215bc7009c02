//! Telling article text from page furniture: navigation, players, forms, teasers, captions.
//!
//! Web pages saved as text keep the page around the article. The rules here are general
//! shapes of such lines (short lines without sentence punctuation, media timestamps, form
//! placeholders, all-caps teaser links, repeated captions, comment-form footers, contact
//! bios), never lists of particular strings.

use serde::{Deserialize, Serialize};

/// A line that was judged not to be article text, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    /// Line number in the file, from 1.
    pub line: usize,
    pub text: String,
    pub reason: String,
}

/// The result of cleaning a file's lines.
#[derive(Debug, Default)]
pub struct Cleaned {
    pub title: Option<String>,
    pub paragraphs: Vec<String>,
    pub removed: Vec<Removed>,
}

/// Under this many words, a line without sentence punctuation is furniture, not a paragraph.
const SHORT_LINE_WORDS: usize = 8;
/// A trailing block of lines this short may be a page footer.
const FOOTER_LINE_WORDS: usize = 16;

/// Collapses runs of whitespace (including no-break spaces) to one space and trims.
pub fn normalize_space(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut pending_space = false;
    for c in line.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Words, counting a run of Chinese or Japanese characters (written without spaces) as
/// one word per two characters.
fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_alphanumeric()))
        .map(|w| {
            let ideographs = w.chars().filter(|&c| is_cjk(c)).count();
            if ideographs > 1 {
                ideographs.div_ceil(2)
            } else {
                1
            }
        })
        .sum()
}

/// Han, kana: scripts written without spaces between words.
fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

/// Ends like a sentence: a full stop, question or exclamation mark, possibly inside a
/// closing quote or bracket.
fn ends_like_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '”', '’', '\'', ')', ']', '*', ' ', '」', '』', '）']);
    t.ends_with(['.', '!', '?', '…', '。', '！', '？'])
}

/// Ends with any mark that closes speech or a sentence.
fn has_terminal_punctuation(s: &str) -> bool {
    ends_like_sentence(s) || s.ends_with(['"', '”', '’', '…'])
}

fn is_list_item(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some('•' | '·' | '▪' | '◦' | '‣' | '–' | '-' | '*') => {
            chars.next().is_some_and(char::is_whitespace)
        }
        Some(c) if c.is_ascii_digit() => {
            let rest = s.trim_start_matches(|c: char| c.is_ascii_digit());
            (rest.starts_with(". ") || rest.starts_with(") ")) && s.len() - rest.len() <= 3
        }
        _ => false,
    }
}

/// Mostly capitalised words: a headline, not a sentence.
fn is_title_case(s: &str) -> bool {
    let words: Vec<&str> = s
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 3)
        .collect();
    if words.is_empty() {
        return false;
    }
    let caps = words
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
        .count();
    caps * 20 >= words.len() * 17
}

fn is_all_caps(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 6 && letters.iter().all(|c| !c.is_lowercase())
}

fn is_timestamp_token(t: &str) -> bool {
    let parts: Vec<&str> = t.split(':').collect();
    parts.len() >= 2
        && parts.len() <= 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 2 && p.chars().all(|c| c.is_ascii_digit()))
}

fn has_email(s: &str) -> bool {
    s.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        match w.split_once('@') {
            Some((user, domain)) => {
                !user.is_empty() && domain.contains('.') && !domain.starts_with('.')
            }
            None => false,
        }
    })
}

/// Rules that mark a line as furniture wherever it stands.
fn furniture_reason(line: &str) -> Option<&'static str> {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.iter().all(|w| is_timestamp_token(w)) {
        return Some("media player timestamp");
    }
    if line.starts_with('©')
        || line.to_ascii_lowercase().starts_with("(c) ")
        || line.to_ascii_lowercase().starts_with("copyright ")
    {
        return Some("copyright line");
    }
    // "[First Name] [Last Name]", "[The Form Label field is hidden …]"
    if line.starts_with('[') && line.ends_with(']') && !line[1..line.len() - 1].contains("] ") {
        return Some("form placeholder");
    }
    if line.starts_with('[')
        && line.ends_with(']')
        && line
            .split("] ")
            .all(|p| p.starts_with('[') && !p[1..].contains('['))
    {
        return Some("form placeholder");
    }
    // "READ MORE: Another headline", "RELATED: …": a capitalised label and a link text.
    if let Some((label, rest)) = line.split_once(':') {
        let label_words = label.split_whitespace().count();
        if (1..=3).contains(&label_words)
            && label.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && label.chars().all(|c| !c.is_lowercase())
            && !rest.trim().is_empty()
            && !ends_like_sentence(rest)
        {
            return Some("teaser link");
        }
    }
    if is_all_caps(line) && !ends_like_sentence(line) && word_count(line) >= 2 {
        return Some("all-caps teaser or heading");
    }
    // Form text ends with the required-field asterisk ("Email *"); a paragraph ending on a
    // footnote mark is text.
    if line.ends_with('*') && !line.ends_with("**") && word_count(line) < FOOTER_LINE_WORDS {
        return Some("form text");
    }
    None
}

fn is_short_without_punctuation(line: &str) -> bool {
    let words = word_count(line);
    // A sentence that introduces a list ends with a colon; "Next Up:" does not count.
    let introduces_list = line.ends_with(':') && words >= 5;
    words < SHORT_LINE_WORDS
        && !has_terminal_punctuation(line)
        && !is_list_item(line)
        && !introduces_list
}

/// Text for comparing paragraphs: letters and digits only, lower case.
fn fingerprint(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A body sentence starts the article proper: a line of several words that ends like a
/// sentence and is not a headline.
fn is_body_sentence(line: &str) -> bool {
    let words = word_count(line);
    words >= 6 && ends_like_sentence(line) && !(words <= 20 && is_title_case(line)) || words >= 30
}

struct Line {
    no: usize,
    text: String,
}

/// Separates a file's lines into title, paragraphs and removed furniture.
pub fn clean_lines(raw: &[&str]) -> Cleaned {
    clean(raw, Origin::Text)
}

/// The same for an article a readability extractor took out of a web page: the page's
/// navigation is gone already, so a short line inside the article is a subheading or a
/// list item, not furniture; short lines before the article starts still go.
pub fn clean_extracted(raw: &[&str]) -> Cleaned {
    clean(raw, Origin::Extracted)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Origin {
    Text,
    Extracted,
}

fn clean(raw: &[&str], origin: Origin) -> Cleaned {
    let mut out = Cleaned::default();
    let blocky = raw.iter().any(|l| l.trim().is_empty());
    // Non-empty lines, whitespace normalised; hard-wrapped lines of a block are joined.
    let mut lines: Vec<Line> = Vec::new();
    let mut prev_blank = true;
    for (i, l) in raw.iter().enumerate() {
        let text = normalize_space(l.trim_start_matches('#'));
        if text.is_empty() {
            prev_blank = true;
            continue;
        }
        if blocky
            && !prev_blank
            && let Some(last) = lines.last_mut()
        {
            let continues = text
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
            if last.text.len() >= 50
                && !has_terminal_punctuation(&last.text)
                && continues
                && !is_list_item(&text)
            {
                last.text.push(' ');
                last.text.push_str(&text);
                continue;
            }
        }
        prev_blank = false;
        lines.push(Line { no: i + 1, text });
    }

    // Title: the longest headline-like line before the article proper starts.
    let first_body = lines
        .iter()
        .position(|l| is_body_sentence(&l.text) && furniture_reason(&l.text).is_none())
        .unwrap_or(lines.len());
    // With no sentence at all, only the first line can be the headline.
    let title_zone = if first_body == lines.len() {
        lines.len().min(1)
    } else {
        first_body
    };
    // The headline is the first candidate of five words or more (navigation labels such
    // as "Play Live Radio" are shorter); failing that, the longest candidate.
    let candidates: Vec<usize> = (0..title_zone)
        .filter(|&i| {
            let l = &lines[i].text;
            word_count(l) >= 2
                && !matches!(
                    furniture_reason(l),
                    Some(r) if r != "all-caps teaser or heading"
                )
        })
        .collect();
    let title_at = candidates
        .iter()
        .copied()
        .find(|&i| word_count(&lines[i].text) >= 5)
        .or_else(|| {
            candidates
                .iter()
                .copied()
                .max_by_key(|&i| (word_count(&lines[i].text), std::cmp::Reverse(i)))
        });
    if let Some(i) = title_at {
        out.title = Some(lines[i].text.clone());
    }

    // Decide each line: None = keep, Some(reason) = furniture.
    let mut verdict: Vec<Option<&'static str>> = vec![None; lines.len()];
    for (i, l) in lines.iter().enumerate() {
        if Some(i) == title_at {
            continue;
        }
        // Inside an extracted article only one-word lines (a gallery's "Close",
        // "Caption") are taken as furniture by their shortness.
        let inside = i > first_body && origin == Origin::Extracted && word_count(&l.text) >= 2;
        // "Wallnau wrote:" before a quoted paragraph introduces it.
        let leads_quote = l.text.ends_with(':')
            && l.text
                .split_whitespace()
                .any(|w| w.starts_with(char::is_lowercase))
            && lines
                .get(i + 1)
                .is_some_and(|n| n.text.starts_with(['"', '“', '\'', '‘', '`']));
        verdict[i] = furniture_reason(&l.text).or_else(|| {
            (!inside && !leads_quote && is_short_without_punctuation(&l.text)).then_some(
                if i < first_body {
                    "page furniture before the article"
                } else {
                    "short line without sentence punctuation"
                },
            )
        });
    }

    // Repeated paragraphs: a caption repeated next to its image (both go), or a pull
    // quote repeating the text (the later copy goes).
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for i in 0..lines.len() {
        if verdict[i].is_some() || Some(i) == title_at {
            continue;
        }
        let fp = fingerprint(&lines[i].text);
        if fp.len() < 20 {
            continue;
        }
        if let Some(&j) = seen.get(&fp) {
            let near = i - j <= 6 && (j + 1..i).all(|k| verdict[k].is_some());
            if near {
                verdict[j] = Some("photo caption (repeated)");
            }
            verdict[i] = Some("repeats an earlier paragraph");
        } else {
            seen.insert(fp, i);
        }
    }

    // Footer: in a trailing block of short lines, a line standing between furniture
    // lines (a comment form's small print between its heading and "Back to top") is
    // part of the page footer too.
    let mut block_start = lines.len();
    while block_start > 0 {
        let l = &lines[block_start - 1];
        if verdict[block_start - 1].is_some() || word_count(&l.text) < FOOTER_LINE_WORDS {
            block_start -= 1;
        } else {
            break;
        }
    }
    let anchors: Vec<usize> = (block_start..lines.len())
        .filter(|&k| {
            verdict[k].is_some_and(|r| !r.starts_with("repeats") && !r.starts_with("photo caption"))
        })
        .collect();
    if let (Some(&first), Some(&last)) = (anchors.first(), anchors.last()) {
        for v in verdict.iter_mut().take(last).skip(first + 1) {
            if v.is_none() {
                *v = Some("page footer");
            }
        }
    }

    // A contact line with an e-mail address among the last paragraphs is an author bio.
    let kept: Vec<usize> = (0..lines.len())
        .filter(|&k| verdict[k].is_none() && Some(k) != title_at)
        .collect();
    for &k in kept.iter().rev().take(3) {
        if has_email(&lines[k].text) {
            verdict[k] = Some("author bio or contact line");
        }
    }

    for (i, l) in lines.into_iter().enumerate() {
        if Some(i) == title_at {
            continue;
        }
        match verdict[i] {
            None => out.paragraphs.push(l.text),
            Some(reason) => out.removed.push(Removed {
                line: l.no,
                text: l.text,
                reason: reason.to_string(),
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(text: &str) -> Cleaned {
        let lines: Vec<&str> = text.lines().collect();
        clean_lines(&lines)
    }

    #[test]
    fn headline_then_blank_line_is_the_title() {
        let c = clean(
            "Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant TimeWarner jumped 76% to $1.13bn.\n",
        );
        assert_eq!(
            c.title.as_deref(),
            Some("Ad sales boost Time Warner profit")
        );
        assert_eq!(c.paragraphs.len(), 1);
    }

    #[test]
    fn a_file_that_starts_with_a_sentence_has_no_title() {
        let c = clean(
            "Officials said on Tuesday that the bridge would close for repairs.\nIt will reopen in May after the work is done.\n",
        );
        assert_eq!(c.title, None);
        assert_eq!(c.paragraphs.len(), 2);
    }

    #[test]
    fn title_case_headline_with_a_full_stop_is_a_title() {
        let c = clean(
            "Poll: Wealthy Voters Abandon Republican Party for Hillary Clinton.\n\nA poll shows that voters living in households making more have abandoned the party.\n",
        );
        assert_eq!(
            c.title.as_deref(),
            Some("Poll: Wealthy Voters Abandon Republican Party for Hillary Clinton.")
        );
    }

    #[test]
    fn navigation_before_the_headline_is_furniture() {
        let c = clean(
            "Site Menu\n\nPolice Chiefs Tell The Mayor They Will Not Help With The Plan\n\nThe chiefs wrote a letter to the mayor on Monday asking him to stop.\n",
        );
        assert_eq!(
            c.title.as_deref(),
            Some("Police Chiefs Tell The Mayor They Will Not Help With The Plan")
        );
        assert_eq!(c.removed[0].text, "Site Menu");
    }

    #[test]
    fn a_short_lead_in_before_a_quoted_paragraph_is_kept() {
        let c = clean(
            "A headline about the council\n\nThe council met on Tuesday to discuss the budget for next year.\nWallnau wrote:\n\"We cannot keep paying for roads nobody uses.\"\nLatest headlines\n\"Next story\"\n",
        );
        let texts: Vec<&str> = c.paragraphs.iter().map(String::as_str).collect();
        assert!(texts.contains(&"Wallnau wrote:"), "{texts:?}");
        // Furniture stays furniture: no colon, no lower-case word.
        assert!(!texts.contains(&"Latest headlines"), "{texts:?}");
    }

    #[test]
    fn timestamps_placeholders_and_teasers_are_removed() {
        let text = "A headline about the council\n\nThe council met on Tuesday to discuss the budget for next year.\n1:02\n0:00 3:15\n[First Name] [Last Name]\nSEE ALSO: Another story about something else\nThe mayor said the plan would pass.\n";
        let c = clean(text);
        assert_eq!(c.paragraphs.len(), 2, "{:?}", c.paragraphs);
        let reasons: Vec<&str> = c.removed.iter().map(|r| r.reason.as_str()).collect();
        assert!(reasons.contains(&"media player timestamp"));
        assert!(reasons.contains(&"form placeholder"));
        assert!(reasons.contains(&"teaser link"));
    }

    #[test]
    fn repeated_caption_goes_both_times_and_pull_quote_once() {
        let text = "Headline of the story here\n\nProtesters gathered outside city hall on Monday evening.\nPhoto Agency\nProtesters gathered outside city hall on Monday evening.\nThe protest lasted three hours and ended peacefully.\nOfficials expect more protests later this month.\nThe protest lasted three hours and ended peacefully.\n";
        let c = clean(text);
        assert_eq!(
            c.paragraphs,
            vec![
                "The protest lasted three hours and ended peacefully.",
                "Officials expect more protests later this month."
            ]
        );
    }

    #[test]
    fn list_items_and_quotes_are_kept() {
        let c = clean(
            "A headline for the list\n\nThe consequences are severe when they do:\n• Wasted taxpayer dollars\n1. Vote no on the plan\n“This must stop.”\n",
        );
        assert_eq!(c.paragraphs.len(), 4, "{:?}", c.removed);
    }

    #[test]
    fn comment_footer_and_contact_bio_are_removed() {
        let text = "A headline for the story\n\nThe mayor said the plan would cost more than expected this year.\nJane Roe covers city hall. Reach her at jroe@example.org\nLeave a Reply\nYour email address will not be published. Required fields are marked *\nThis site uses a filter to reduce spam.\nBack to top\n";
        let c = clean(text);
        assert_eq!(
            c.paragraphs,
            vec!["The mayor said the plan would cost more than expected this year."]
        );
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let text = "Headline words here\n\nThe committee said on Thursday that the new rules would take effect\nnext month, after a long review.\n\nSecond paragraph is here and ends.\n";
        let c = clean(text);
        assert_eq!(c.paragraphs.len(), 2);
        assert!(c.paragraphs[0].ends_with("after a long review."));
    }

    #[test]
    fn no_break_spaces_are_normalised() {
        assert_eq!(normalize_space("  a\u{a0}\u{a0}b  c "), "a b c");
    }
}
