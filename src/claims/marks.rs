//! Finding quoted spans: which characters are quote marks and which pairs they form.
//!
//! Scans each paragraph once, left to right, with a tiny state machine (no recursion, no
//! backtracking), so it is linear on any input. Recognised pairs: straight `"…"`, curly
//! `“…”`, newswire `''…''`, TeX-style ``` ``…'' ```, and mismatched `“…"`. Single quotes
//! (`‘…’`, `'…'`) are apostrophes or nested quotes and only count at the very start of a
//! paragraph (headline style). A quote never crosses a paragraph: an unclosed one is cut at
//! the paragraph end, and linked to the next paragraph when that opens with a mark (the
//! newsroom convention for a quotation running over several paragraphs).

/// One quoted span inside one paragraph.
#[derive(Debug, Clone)]
pub(crate) struct Span {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Text start and end (marks and surrounding whitespace excluded).
    pub start: usize,
    pub end: usize,
    /// End of the closing mark (equal to the paragraph end when unclosed).
    pub close_end: usize,
    /// The quote continues from the previous paragraph's unclosed quote.
    pub cont_prev: bool,
    /// The quote is unclosed and the next paragraph opens with a mark.
    pub cont_next: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    Straight,
    Curly,
    /// ``` `` ``` or `''`, closed by `''` or `’’`.
    Doubled,
}

/// All quoted spans of `body`, in order, together with the paragraph ranges.
pub(crate) fn find_spans(body: &str) -> (Vec<Span>, Vec<(usize, usize)>) {
    let paras = paragraphs(body);
    let mut spans = Vec::new();
    let mut carried = false;
    for (pi, &(ps, pe)) in paras.iter().enumerate() {
        let next_opens = paras
            .get(pi + 1)
            .is_some_and(|&(ns, ne)| opens_with_double_mark(&body[ns..ne]));
        carried = scan_paragraph(body, ps, pe, carried, next_opens, &mut spans);
    }
    (spans, paras)
}

/// Paragraph byte ranges: maximal runs between newlines, trimmed, non-empty.
pub(crate) fn paragraphs(body: &str) -> Vec<(usize, usize)> {
    let b = body.as_bytes();
    let mut out = Vec::new();
    let mut s = 0;
    for (i, &c) in b.iter().enumerate() {
        if c == b'\n' {
            push_para(b, s, i, &mut out);
            s = i + 1;
        }
    }
    push_para(b, s, b.len(), &mut out);
    out
}

fn push_para(b: &[u8], mut s: usize, mut e: usize, out: &mut Vec<(usize, usize)>) {
    while s < e && matches!(b[s], b' ' | b'\t' | b'\r') {
        s += 1;
    }
    while e > s && matches!(b[e - 1], b' ' | b'\t' | b'\r') {
        e -= 1;
    }
    if e > s {
        out.push((s, e));
    }
}

fn opens_with_double_mark(p: &str) -> bool {
    p.starts_with('“') || p.starts_with('"') || p.starts_with("``") || p.starts_with("''")
}

/// Scan one paragraph; returns whether an unclosed quote carries into the next paragraph.
fn scan_paragraph(
    body: &str,
    ps: usize,
    pe: usize,
    cont_prev_para: bool,
    next_opens: bool,
    spans: &mut Vec<Span>,
) -> bool {
    let text = &body[ps..pe];
    let b = text.as_bytes();
    // (kind, offset of mark, offset of text start, nesting depth of inner curly quotes)
    let mut cur: Option<(Open, usize, usize, u32)> = None;
    let mut first = true;
    let mut i = 0;
    // Whether curly marks balance in this paragraph: then an opener inside an open quote is
    // a nested quotation; otherwise it means the previous closer is missing.
    let balanced = text.matches('“').count() == text.matches('”').count();
    // Headline-style single quotes at the start of a paragraph: 'Dignity, not discrimination':
    if let Some(l) = single_open_len(text)
        && let Some((cs, ce)) = find_single_close(text, l)
    {
        push(spans, body, ps, 0, l, cs, ce, false, false);
        i = ce;
    }
    // A quote closed inside the paragraph: only the first may continue the previous one,
    // or one whose part before was cut at a lost paragraph break (`linked`).
    let mut linked = false;
    let close = |spans: &mut Vec<Span>,
                 first: &mut bool,
                 linked: &mut bool,
                 o: usize,
                 s: usize,
                 e: usize,
                 close_end: usize| {
        let cont = (*first && cont_prev_para) || *linked;
        push(spans, body, ps, o, s, e, close_end, cont, false);
        *first = false;
        *linked = false;
    };
    while i < b.len() {
        let c = b[i];
        // Fast skip of ordinary ASCII bytes.
        if c != b'"' && c != b'\'' && c != b'`' && c != 0xE2 {
            i += 1;
            continue;
        }
        let (mark, len) = classify(b, i);
        match (cur, mark) {
            (_, Mark::None) => {}
            (None, Mark::Curly(true)) | (None, Mark::DoubledOpen) => {
                let k = if mark == Mark::DoubledOpen {
                    Open::Doubled
                } else {
                    Open::Curly
                };
                cur = Some((k, i, i + len, 0));
            }
            (None, Mark::Curly(false))
                if (i == 0 || b[i - 1].is_ascii_whitespace())
                    && b.get(i + len).is_some_and(|x| !x.is_ascii_whitespace()) =>
            {
                // A closing mark typed where an opener belongs (”Fear. I am …”).
                cur = Some((Open::Curly, i, i + len, 0));
            }
            (None, Mark::Straight) => {
                // An inch mark after a digit (6" pipe) or a lone mark before a space is no opener.
                let prev_digit = i > 0 && b[i - 1].is_ascii_digit();
                let next_space = b.get(i + 1).is_none_or(|x| x.is_ascii_whitespace());
                if !prev_digit && !next_space {
                    cur = Some((Open::Straight, i, i + len, 0));
                }
            }
            (None, Mark::DoubledClose) if (i == 0 || b[i - 1].is_ascii_whitespace())
                // `''` at a word start opens a newswire quote.
                && b.get(i + len).is_some_and(|x| !x.is_ascii_whitespace()) => {
                    cur = Some((Open::Doubled, i, i + len, 0));
                }
            (Some((Open::Straight, o, s, d)), Mark::Curly(true)) => {
                cur = Some((Open::Straight, o, s, d + 1));
            }
            (Some((Open::Straight, o, s, d)), Mark::Curly(false)) if d > 0 => {
                cur = Some((Open::Straight, o, s, d - 1));
            }
            (Some((Open::Straight, o, s, _)), Mark::Straight) if reopens(b, i) => {
                // `"… in goal. "It's a …`: a mark shaped as an opener after a finished
                // sentence starts a new paragraph of the same quotation whose break was
                // lost; the quote so far ends and the next part continues it.
                let cont = (first && cont_prev_para) || linked;
                push(spans, body, ps, o, s, i, i, cont, true);
                first = false;
                linked = true;
                cur = Some((Open::Straight, i, i + len, 0));
            }
            (Some((Open::Straight, o, s, _)), Mark::Straight | Mark::Curly(false)) => {
                // `"…”` closes like `“…"`.
                close(spans, &mut first, &mut linked, o, s, i, i + len);
                cur = None;
            }
            (Some((Open::Curly, o, s, d)), Mark::Curly(false)) if d > 0 => {
                cur = Some((Open::Curly, o, s, d - 1));
            }
            (Some((Open::Curly, o, s, _)), Mark::Curly(false)) => {
                close(spans, &mut first, &mut linked, o, s, i, i + len);
                cur = None;
            }
            (Some((Open::Curly, o, s, _)), Mark::Straight)
                // Mismatched pair “…" — a straight mark right after text closes.
                if i > 0 && !b[i - 1].is_ascii_whitespace() => {
                    close(spans, &mut first, &mut linked, o, s, i, i + len);
                    cur = None;
                }
            (Some((Open::Curly, o, s, 0)), Mark::Curly(true))
                // An opener typed where the closer belongs: `“It's unusual,“ said …`.
                if i > 0
                    && !b[i - 1].is_ascii_whitespace()
                    && b.get(i + len).is_none_or(|x| x.is_ascii_whitespace()) =>
            {
                close(spans, &mut first, &mut linked, o, s, i, i + len);
                cur = None;
            }
            (Some((Open::Curly, o, s, d)), Mark::Curly(true)) if balanced => {
                cur = Some((Open::Curly, o, s, d + 1));
            }
            (Some((Open::Curly, o, s, _)), Mark::Curly(true)) => {
                // A second opener before any closer: the first quote was never closed. Cut it
                // here so one missing mark does not shift every later pair.
                close(spans, &mut first, &mut linked, o, s, i, i);
                cur = Some((Open::Curly, i, i + len, 0));
            }
            (Some((Open::Doubled, o, s, _)), Mark::DoubledClose) => {
                // `'Fox and Friends,'''`: a nested quotation's closer, then the quote's.
                let i = if b.get(i + len) == Some(&b'\'') && len == 2 {
                    i + 1
                } else {
                    i
                };
                close(spans, &mut first, &mut linked, o, s, i, i + len);
                cur = None;
            }
            _ => {}
        }
        i += len.max(1);
    }
    if let Some((_, o, s, _)) = cur {
        // Unclosed: cap at the paragraph end; link when the next paragraph opens with a mark.
        push(
            spans,
            body,
            ps,
            o,
            s,
            b.len(),
            b.len(),
            (first && cont_prev_para) || linked,
            next_opens,
        );
        return next_opens;
    }
    false
}

/// Whether the straight mark at `i` opens rather than closes: a space before it, a
/// letter or digit after it, and a sentence ended before the space.
fn reopens(b: &[u8], i: usize) -> bool {
    if i < 2
        || !b[i - 1].is_ascii_whitespace()
        || !b.get(i + 1).is_some_and(|x| x.is_ascii_alphanumeric())
    {
        return false;
    }
    let mut k = i - 1;
    while k > 0 && b[k - 1].is_ascii_whitespace() {
        k -= 1;
    }
    k > 0 && matches!(b[k - 1], b'.' | b'?' | b'!')
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mark {
    None,
    Straight,
    /// true = opening “
    Curly(bool),
    /// ``` `` ```
    DoubledOpen,
    /// `''` or `’’`
    DoubledClose,
}

fn classify(b: &[u8], i: usize) -> (Mark, usize) {
    match b[i] {
        b'"' => (Mark::Straight, 1),
        b'`' if b.get(i + 1) == Some(&b'`') => (Mark::DoubledOpen, 2),
        b'\'' if b.get(i + 1) == Some(&b'\'') => (Mark::DoubledClose, 2),
        0xE2 if b.get(i + 1) == Some(&0x80) => match b.get(i + 2) {
            Some(0x9C) => (Mark::Curly(true), 3),
            Some(0x9D) => (Mark::Curly(false), 3),
            Some(0x99) if b.get(i + 3..i + 6) == Some(&[0xE2, 0x80, 0x99]) => {
                (Mark::DoubledClose, 6)
            }
            _ => (Mark::None, 3),
        },
        _ => (Mark::None, 1),
    }
}

/// Length of a single opening quote at the paragraph start (`‘` or `'`), if any.
fn single_open_len(text: &str) -> Option<usize> {
    let l = if text.starts_with('‘') {
        3
    } else if text.starts_with('\'') && !text.starts_with("''") {
        1
    } else {
        return None;
    };
    // A following letter, not a space or a digit ('90s).
    text[l..]
        .chars()
        .next()
        .filter(|c| c.is_alphabetic() || *c == '[')
        .map(|_| l)
}

/// The matching single closer: `’` or `'` after a non-space and before a non-letter.
fn find_single_close(text: &str, from: usize) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let mut i = from;
    while i < b.len() {
        let l = if b[i] == b'\'' {
            1
        } else if b[i..].starts_with("’".as_bytes()) {
            3
        } else if b[i] == b'"' || b[i..].starts_with("“".as_bytes()) {
            return None; // a double quote first: not a headline-style quote
        } else {
            i += 1;
            continue;
        };
        let prev_ok = i > 0 && !b[i - 1].is_ascii_whitespace();
        let next_letter = text[i + l..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric());
        if prev_ok && !next_letter {
            return Some((i, i + l));
        }
        i += l;
    }
    None
}

#[allow(clippy::too_many_arguments)]
fn push(
    spans: &mut Vec<Span>,
    body: &str,
    ps: usize,
    open: usize,
    s: usize,
    e: usize,
    close_end: usize,
    cont_prev: bool,
    cont_next: bool,
) {
    // Trim whitespace inside the marks; offsets are relative to the paragraph start.
    let seg = &body[ps + s..ps + e];
    let lead = seg.len() - seg.trim_start().len();
    let trimmed = seg.trim();
    let start = ps + s + lead;
    let end = start + trimmed.len();
    if end <= start {
        return;
    }
    spans.push(Span {
        open: ps + open,
        start,
        end,
        close_end: ps + close_end,
        cont_prev,
        cont_next,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(body: &str) -> Vec<&str> {
        find_spans(body)
            .0
            .iter()
            .map(|s| &body[s.start..s.end])
            .collect()
    }

    #[test]
    fn all_pair_styles() {
        assert_eq!(
            texts("He said “a b” and \"c d\" and ``e f'' and ''g h''."),
            vec!["a b", "c d", "e f", "g h"]
        );
        assert_eq!(texts("“mismatched pair.\" Then."), vec!["mismatched pair."]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert!(texts("Texas' rules don’t fit the ’90s, O'Neill's rock 'n' roll.").is_empty());
    }

    #[test]
    fn nested_single_quotes_stay_inside() {
        assert_eq!(
            texts("“You say you ‘accept responsibility,’ but no,” he said."),
            vec!["You say you ‘accept responsibility,’ but no,"]
        );
    }

    #[test]
    fn headline_single_quote_at_paragraph_start() {
        assert_eq!(
            texts("'Dignity, not discrimination': Advocates urge Miami"),
            vec!["Dignity, not discrimination"]
        );
        assert_eq!(texts("‘in Their Heads.’ said"), vec!["in Their Heads."]);
    }

    #[test]
    fn an_opener_after_a_finished_sentence_starts_the_next_part() {
        // Paragraph breaks lost inside a straight-quoted statement: each part reopens.
        let body = "Lee said: \"We won. \"It was hard. \"Next week is harder.\" Then.";
        let (spans, _) = find_spans(body);
        let t: Vec<&str> = spans.iter().map(|s| &body[s.start..s.end]).collect();
        assert_eq!(t, vec!["We won.", "It was hard.", "Next week is harder."]);
        assert!(spans[0].cont_next && !spans[0].cont_prev);
        assert!(spans[1].cont_prev && spans[1].cont_next);
        assert!(spans[2].cont_prev && !spans[2].cont_next);
        // A closing mark after the words it closes stays a closer.
        assert_eq!(texts("\"Yes,\" she said. \"No.\""), vec!["Yes,", "No."]);
    }

    #[test]
    fn unclosed_is_capped_and_multi_paragraph_linked() {
        let body = "“First part\n\n“Second part.”\n\nNo quote \"here\n\nPlain.";
        let (spans, _) = find_spans(body);
        assert_eq!(spans.len(), 3);
        assert!(spans[0].cont_next && !spans[0].cont_prev);
        assert!(spans[1].cont_prev && !spans[1].cont_next);
        assert_eq!(&body[spans[2].start..spans[2].end], "here");
        assert!(!spans[2].cont_next);
    }
}
