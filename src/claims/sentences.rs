//! English news sentence splitting.
//!
//! One linear pass over the body. Paragraphs (any newline) always end a sentence; inside a
//! paragraph a sentence ends at `.`, `!`, `?` or an ellipsis, followed by any closing quote
//! marks or brackets, whitespace, and something that can start a sentence. Abbreviations,
//! initials and decimals are recognised so that "Rep. Sarah McBride", "John F. Kennedy",
//! "As of Dec. 23" and "73.9%" do not split. Shared with the statistics extractor, so it
//! is public and allocation-light.

use std::ops::Range;

/// Byte ranges of the sentences of `body`, in order, trimmed of surrounding whitespace.
/// Every range lies on UTF-8 boundaries and no range crosses a newline.
pub fn sentence_ranges(body: &str) -> Vec<Range<usize>> {
    let b = body.as_bytes();
    let n = b.len();
    let mut out = Vec::with_capacity(n / 80 + 1);
    let mut start = skip_ws(b, 0);
    let mut i = start;
    while i < n {
        let c = b[i];
        if c == b'\n' || c == b'\r' {
            push_trimmed(&mut out, b, start, i);
            start = skip_ws(b, i + 1);
            i = start;
            continue;
        }
        let term_len = terminator_len(b, i);
        // A leading ellipsis ("… Democratic groups") opens a sentence; it does not end one.
        if term_len == 0 || i == start {
            i += term_len.max(1);
            continue;
        }
        // A run of terminators ("?!", "...", ".…") counts as one.
        let is_single_period = c == b'.' && terminator_len(b, i + 1) == 0;
        let mut j = i + term_len;
        let mut ellipsis = term_len > 1 || c != b'.' && c != b'!' && c != b'?';
        while j < n {
            let l = terminator_len(b, j);
            if l == 0 {
                break;
            }
            ellipsis = true;
            j += l;
        }
        // Closing quote marks and brackets belong to the sentence they close.
        j = skip_closers(b, j);
        if j >= n || b[j] == b'\n' || b[j] == b'\r' {
            i = j;
            continue; // the newline branch ends the sentence
        }
        if b[j] != b' ' && b[j] != b'\t' && !starts_with_nbsp(b, j) {
            // "73.9", "U.S.", "will.i.am", "(D-N.Y.)," — not an end.
            i = j.max(i + 1);
            continue;
        }
        let k = skip_spaces(b, j);
        if k >= n || b[k] == b'\n' || b[k] == b'\r' {
            i = k;
            continue;
        }
        if !can_start_sentence(body, k) {
            i = k;
            continue;
        }
        if is_single_period && !ellipsis && spaced_number(b, i, k) {
            i = k;
            continue;
        }
        if is_single_period && !ellipsis {
            let w = word_before(b, i);
            match abbreviation(w) {
                Abbrev::Never => {
                    i = k;
                    continue;
                }
                Abbrev::Maybe if !starts_with_sentence_word(b, k) => {
                    i = k;
                    continue;
                }
                _ => {}
            }
        }
        push_trimmed(&mut out, b, start, j);
        start = k;
        i = k;
    }
    push_trimmed(&mut out, b, start, n);
    out
}

/// The sentence containing byte `offset` (a range from [`sentence_ranges`]). An offset
/// between two sentences (in the whitespace) gets the following sentence of the same
/// paragraph, else the preceding one; an empty body gives `offset..offset`.
pub fn sentence_at(body: &str, ranges: &[Range<usize>], offset: usize) -> Range<usize> {
    match sentence_index(ranges, offset) {
        Some(i) => ranges[i].clone(),
        None => {
            let o = offset.min(body.len());
            o..o
        }
    }
}

/// The sentence containing `offset`, without splitting the whole body: only the offset's
/// paragraph is split (a window of it when the paragraph is huge), so one call per figure
/// stays cheap. Same rules as [`sentence_ranges`]; a drop-in for the statistics
/// extractor's `sentence_stub::sentence_range`.
pub fn sentence_range(body: &str, offset: usize) -> Range<usize> {
    const MAX_SPAN: usize = 8 * 1024;
    let b = body.as_bytes();
    let mut off = offset.min(b.len());
    while off > 0 && !body.is_char_boundary(off) {
        off -= 1;
    }
    // Paragraph (line) bounds, looked for no further than MAX_SPAN away.
    let lo_limit = off.saturating_sub(MAX_SPAN);
    let hi_limit = (off + MAX_SPAN).min(b.len());
    let mut ps = off;
    while ps > lo_limit && b[ps - 1] != b'\n' {
        ps -= 1;
    }
    let mut pe = off;
    while pe < hi_limit && b[pe] != b'\n' {
        pe += 1;
    }
    while ps < off && !body.is_char_boundary(ps) {
        ps += 1;
    }
    while pe < b.len() && !body.is_char_boundary(pe) {
        pe += 1;
    }
    let para = &body[ps..pe];
    let local = sentence_ranges(para);
    match sentence_index(&local, off - ps) {
        Some(i) => local[i].start + ps..local[i].end + ps,
        None => off..off,
    }
}

/// Index into `ranges` of the sentence containing `offset` (binary search), or the nearest
/// sentence starting after it, or the last one before it.
pub fn sentence_index(ranges: &[Range<usize>], offset: usize) -> Option<usize> {
    if ranges.is_empty() {
        return None;
    }
    // First sentence whose end is beyond the offset.
    let i = ranges.partition_point(|r| r.end <= offset);
    if i < ranges.len() {
        Some(i)
    } else {
        Some(ranges.len() - 1)
    }
}

fn push_trimmed(out: &mut Vec<Range<usize>>, b: &[u8], mut s: usize, mut e: usize) {
    while s < e && is_space_byte(b[s]) {
        s += 1;
    }
    while e > s && is_space_byte(b[e - 1]) {
        e -= 1;
    }
    if e > s {
        out.push(s..e);
    }
}

fn is_space_byte(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r')
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && is_space_byte(b[i]) {
        i += 1;
    }
    i
}

fn starts_with_nbsp(b: &[u8], i: usize) -> bool {
    b.len() > i + 1 && b[i] == 0xC2 && b[i + 1] == 0xA0
}

/// Spaces and tabs (and no-break spaces), not newlines.
fn skip_spaces(b: &[u8], mut i: usize) -> usize {
    loop {
        if i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
            i += 1;
        } else if starts_with_nbsp(b, i) {
            i += 2;
        } else {
            return i;
        }
    }
}

/// Length of a sentence terminator at `i`: `.`, `!`, `?` (1) or `…` (3), else 0.
fn terminator_len(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'.' | b'!' | b'?') => 1,
        Some(0xE2) if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0xA6) => 3,
        _ => 0,
    }
}

/// Skip closing quotes and brackets: `"`, `'`, `)`, `]`, `”`, `’`.
fn skip_closers(b: &[u8], mut i: usize) -> usize {
    loop {
        match b.get(i) {
            Some(b'"' | b'\'' | b')' | b']') => i += 1,
            Some(0xE2)
                if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x9D | 0x99)) =>
            {
                i += 3
            }
            _ => return i,
        }
    }
}

fn can_start_sentence(body: &str, k: usize) -> bool {
    let Some(ch) = body.get(k..).and_then(|s| s.chars().next()) else {
        return false;
    };
    ch.is_uppercase()
        || ch.is_ascii_digit()
        || matches!(
            ch,
            '"' | '\'' | '“' | '‘' | '`' | '(' | '[' | '¿' | '¡' | '—' | '–' | '•' | '*' | '…'
        )
}

/// A period that is part of a number whose text was tokenised and put back together
/// with a space after each point: "a crater two metres (6. 5 feet)", "a. 38-caliber
/// revolver" (for "a .38-caliber"). A digit after a number of one to three digits
/// (not a year) or after an article is such a number, not a sentence that opens with a
/// figure: style books spell out a number that opens a sentence.
fn spaced_number(b: &[u8], i: usize, k: usize) -> bool {
    if !b.get(k).is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let w = word_before(b, i);
    let short_number = (1..=3).contains(&w.len()) && w.iter().all(u8::is_ascii_digit);
    short_number || matches!(w, b"a" | b"an" | b"the")
}

/// The word (letters, digits, inner dots) immediately before the period at `i`.
fn word_before(b: &[u8], i: usize) -> &[u8] {
    let mut s = i;
    // Abbreviations are short; a bounded look-back keeps long tokens linear.
    while s > 0 && i - s < 12 {
        let c = b[s - 1];
        if c.is_ascii_alphanumeric() || c == b'.' || c == b'-' {
            s -= 1;
        } else {
            break;
        }
    }
    &b[s..i]
}

enum Abbrev {
    /// Not an abbreviation: a period after it ends the sentence.
    No,
    /// Titles and the like: never end a sentence.
    Never,
    /// "U.S.", "Inc.", "a.m.": end a sentence only before a typical sentence opener.
    Maybe,
}

fn abbreviation(w: &[u8]) -> Abbrev {
    if w.is_empty() {
        return Abbrev::No;
    }
    // Initials: "John F. Kennedy", "G.K." (the last letter of a dotted run).
    if w.len() == 1 && w[0].is_ascii_uppercase() {
        return Abbrev::Never;
    }
    if w.contains(&b'.') {
        // "U.S", "a.m", "D.C", "N.Y": dotted abbreviations; decimals never reach here.
        return Abbrev::Maybe;
    }
    let mut buf = [0u8; 8];
    if w.len() > buf.len() {
        return Abbrev::No;
    }
    for (d, s) in buf.iter_mut().zip(w) {
        *d = s.to_ascii_lowercase();
    }
    match &buf[..w.len()] {
        b"mr" | b"mrs" | b"ms" | b"dr" | b"gov" | b"govs" | b"rep" | b"reps" | b"sen" | b"sens"
        | b"sgt" | b"st" | b"lt" | b"col" | b"gen" | b"capt" | b"cmdr" | b"adm" | b"maj"
        | b"prof" | b"rev" | b"hon" | b"del" | b"pres" | b"supt" | b"atty" | b"messrs"
        | b"gens" | b"ft" | b"mt" | b"no" | b"nos" | b"vs" | b"v" | b"jan" | b"feb" | b"mar"
        | b"apr" | b"jun" | b"jul" | b"aug" | b"sep" | b"sept" | b"oct" | b"nov" | b"dec"
        | b"fig" | b"approx" | b"dept" | b"univ" | b"cpl" | b"pvt" | b"insp" | b"det" | b"sr"
        | b"mssrs" | b"rt" | b"ave" | b"blvd" | b"ariz" | b"calif" | b"colo" | b"conn" | b"fla"
        | b"ill" | b"ind" | b"kan" | b"mass" | b"mich" | b"minn" | b"miss" | b"nev" | b"okla"
        | b"ore" | b"penn" | b"tenn" | b"tex" | b"wash" | b"wis" | b"wyo" | b"va" | b"ga"
        | b"ky" | b"la" | b"md" | b"mo" | b"ala" | b"ark" => Abbrev::Never,
        b"inc" | b"corp" | b"co" | b"ltd" | b"jr" | b"llc" | b"etc" | b"bros" | b"plc" => {
            Abbrev::Maybe
        }
        _ => Abbrev::No,
    }
}

/// Whether the word at `k` is a common sentence opener ("The", "He", "But"…), used after
/// ambiguous abbreviations such as "U.S." or "Inc.".
fn starts_with_sentence_word(b: &[u8], k: usize) -> bool {
    let mut e = k;
    while e < b.len() && b[e].is_ascii_alphabetic() {
        e += 1;
    }
    if e == k {
        // A quote mark or digit after "U.S." is a new sentence more often than not.
        return true;
    }
    matches!(
        &b[k..e],
        b"The"
            | b"A"
            | b"An"
            | b"He"
            | b"She"
            | b"It"
            | b"They"
            | b"We"
            | b"I"
            | b"But"
            | b"And"
            | b"In"
            | b"On"
            | b"At"
            | b"This"
            | b"That"
            | b"These"
            | b"Those"
            | b"There"
            | b"His"
            | b"Her"
            | b"Their"
            | b"Its"
            | b"Our"
            | b"If"
            | b"When"
            | b"While"
            | b"As"
            | b"After"
            | b"Before"
            | b"Some"
            | b"Many"
            | b"Most"
            | b"So"
            | b"Yet"
            | b"Now"
            | b"Then"
            | b"However"
            | b"Still"
            | b"Meanwhile"
            | b"For"
            | b"Since"
            | b"During"
            | b"What"
            | b"Why"
            | b"How"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(body: &str) -> Vec<&str> {
        sentence_ranges(body)
            .into_iter()
            .map(|r| &body[r])
            .collect()
    }

    #[test]
    fn abbreviations_and_titles_do_not_split() {
        let s = split(
            "Rep. Sarah McBride (D-DE) said it. Gov. Ron DeSantis signed. Mr. Sloan and Dr. Who met Sen. Smith, Sgt. Tony Kingery and Jr. staff. They left.",
        );
        assert_eq!(s.len(), 4, "{s:?}");
        assert_eq!(s[0], "Rep. Sarah McBride (D-DE) said it.");
    }

    #[test]
    fn initials_months_and_times() {
        let s = split(
            "John F. Kennedy wrote on Dec. 23 at 9 a.m. in the morning. As of Feb. 1, No. 5 was open. It was St. Louis.",
        );
        assert_eq!(s.len(), 3, "{s:?}");
    }

    #[test]
    fn us_ends_sentence_only_before_an_opener() {
        let s = split(
            "He lives in the U.S. The move worked. U.S. Immigration and Customs Enforcement said so.",
        );
        assert_eq!(
            s,
            vec![
                "He lives in the U.S.",
                "The move worked.",
                "U.S. Immigration and Customs Enforcement said so."
            ]
        );
        let s = split("Acme Inc. said so. It works for Acme Corp. The end.");
        assert_eq!(s.len(), 3, "{s:?}");
    }

    #[test]
    fn numbers_put_back_with_a_space_after_the_point_do_not_split() {
        assert_eq!(
            split("He saw a crater about two metres (6. 5 feet) wide. It was deep."),
            [
                "He saw a crater about two metres (6. 5 feet) wide.",
                "It was deep."
            ]
        );
        assert_eq!(
            split("He pointed a. 38-caliber revolver at them. Police fired."),
            [
                "He pointed a. 38-caliber revolver at them.",
                "Police fired."
            ]
        );
        // A year ends a sentence before a figure; so does a word.
        assert_eq!(
            split("It was 2012. 2013 was worse."),
            ["It was 2012.", "2013 was worse."]
        );
        assert_eq!(split("He left. 12 stayed."), ["He left.", "12 stayed."]);
    }

    #[test]
    fn decimals_and_quote_marks_after_stop() {
        let s = split(
            "Owners were 73.9% of all. “We left.” He said \"fine.\" Then “Is it?” she asked.",
        );
        assert_eq!(
            s,
            vec![
                "Owners were 73.9% of all.",
                "“We left.”",
                "He said \"fine.\"",
                "Then “Is it?” she asked."
            ]
        );
    }

    #[test]
    fn ellipses_and_paragraphs() {
        let s = split(
            "It is one thing … and another. … Democratic groups, too.\n\nNew para... Next one.",
        );
        assert_eq!(
            s,
            vec![
                "It is one thing … and another.",
                "… Democratic groups, too.",
                "New para...",
                "Next one."
            ]
        );
    }

    #[test]
    fn sentence_at_finds_containing_sentence() {
        let body = "One two. Three four.\n\nFive.";
        let r = sentence_ranges(body);
        assert_eq!(&body[sentence_at(body, &r, 10)], "Three four.");
        assert_eq!(&body[sentence_at(body, &r, 8)], "Three four.");
        assert_eq!(&body[sentence_at(body, &r, 100)], "Five.");
        assert_eq!(sentence_at("", &[], 3), 0..0);
    }

    #[test]
    fn sentence_range_matches_full_split() {
        let body = "Rep. Sarah McBride said so. As of Dec. 23, ICE signed 1,255 deals.\n\nOwners were 73.9% of all. “We left.”";
        let all = sentence_ranges(body);
        for r in &all {
            for off in [r.start, r.end - 1] {
                assert_eq!(sentence_range(body, off), *r);
            }
        }
        let long = "word ".repeat(1_000_000);
        let r = sentence_range(&long, 2_500_000);
        assert!(r.end - r.start <= 16 * 1024);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for body in [
            "",
            ".",
            "...",
            "“",
            "a.\u{a0}B",
            "é. É. ”.",
            "\n\n\n",
            "x?!…” Y",
        ] {
            for r in sentence_ranges(body) {
                assert!(body.is_char_boundary(r.start) && body.is_char_boundary(r.end));
            }
        }
    }
}
