//! Where things go on the screen, shared by the state (to scroll to a claim, to map a click)
//! and the renderer (to draw), so both agree: the screen's areas, and text wrapped by
//! display width (wide characters, emoji and combining marks measured as the terminal
//! draws them, control characters as their inert stand-ins).

use std::ops::Range;

use ratatui::layout::Rect;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::text::inert_line;

/// Smallest usable window; below it the reader says the window is too small.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

/// Width of the reader's gutter (speaker names, finding markers) when there is room.
pub const GUTTER: u16 = 16;

/// Display width of text as it will be drawn (after control characters are made inert).
pub fn width(s: &str) -> usize {
    inert_line(s).width()
}

/// The text cut to `max` columns, with an ellipsis when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return inert_line(s).into_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut w = 0;
    for g in inert_line(s).graphemes(true) {
        let gw = g.width();
        if w + gw + 1 > max {
            break;
        }
        out.push_str(g);
        w += gw;
    }
    out.push('…');
    out
}

/// Wraps one paragraph to `max` columns at spaces (words longer than a line are cut).
/// Returns byte ranges of `text`, without the spaces where lines break.
pub fn wrap(text: &str, max: usize) -> Vec<Range<usize>> {
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut start = 0;
    let mut w = 0;
    // Where the current line may end and the next begin: after the last space seen.
    let mut brk: Option<(usize, usize)> = None;
    for (i, g) in text.grapheme_indices(true) {
        if g == " " {
            if w + 1 > max {
                lines.push(start..i);
                start = i + 1;
                w = 0;
                brk = None;
            } else {
                w += 1;
                brk = Some((i, i + 1));
            }
            continue;
        }
        let gw = width(g);
        if w + gw > max && w > 0 {
            match brk.take() {
                Some((end, next)) if next > start => {
                    lines.push(start..end);
                    start = next;
                    w = width(&text[start..i]);
                    if w + gw > max && w > 0 {
                        lines.push(start..i);
                        start = i;
                        w = 0;
                    }
                }
                _ => {
                    lines.push(start..i);
                    start = i;
                    w = 0;
                }
            }
        }
        w += gw;
    }
    if start < text.len() || lines.is_empty() {
        lines.push(start..text.len());
    }
    lines
}

/// One screen line of the reader's document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocLine {
    /// The space between paragraphs.
    Blank,
    /// A piece of the clean body: a byte range of `article.body`.
    Body(Range<usize>),
    /// A piece of line `line` (0-based) of the raw file: a byte range of that line.
    Raw { line: usize, range: Range<usize> },
}

/// The clean body wrapped to `max` columns, a blank line between paragraphs.
pub fn body_lines(body: &str, max: usize) -> Vec<DocLine> {
    let mut out = Vec::new();
    for (i, p) in crate::corpus::paragraph_ranges(body)
        .into_iter()
        .enumerate()
    {
        if i > 0 {
            out.push(DocLine::Blank);
        }
        for r in wrap(&body[p.clone()], max) {
            out.push(DocLine::Body(p.start + r.start..p.start + r.end));
        }
    }
    out
}

/// The raw file's lines wrapped to `max` columns.
pub fn raw_lines<S: AsRef<str>>(lines: &[S], max: usize) -> Vec<DocLine> {
    let mut out = Vec::new();
    for (n, l) in lines.iter().enumerate() {
        for r in wrap(l.as_ref(), max) {
            out.push(DocLine::Raw { line: n, range: r });
        }
    }
    out
}

/// The screen line on which a body byte offset stands.
pub fn line_of_offset(lines: &[DocLine], offset: usize) -> Option<usize> {
    let mut best = None;
    for (i, l) in lines.iter().enumerate() {
        if let DocLine::Body(r) = l {
            if r.start <= offset && offset <= r.end {
                return Some(i);
            }
            if r.start > offset {
                return best.or(Some(i));
            }
            best = Some(i);
        }
    }
    best
}

/// The screen's rows: tab bar, content, hint bar.
pub fn screen(area: Rect) -> (Rect, Rect, Rect) {
    let tabs = Rect {
        height: area.height.min(1),
        ..area
    };
    let hints = Rect {
        y: area.y + area.height.saturating_sub(1),
        height: area.height.min(1),
        ..area
    };
    let content = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(2),
        ..area
    };
    (tabs, content, hints)
}

/// The reader's parts inside the content area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReaderAreas {
    /// Title and the article's details (two lines).
    pub header: Rect,
    pub gutter: Rect,
    pub body: Rect,
    /// What the claim under the cursor is, and the keys that act on it.
    pub status: Rect,
}

pub fn reader(content: Rect) -> ReaderAreas {
    let header = Rect {
        height: content.height.min(2),
        ..content
    };
    let status = Rect {
        y: content.y + content.height.saturating_sub(1),
        height: content.height.saturating_sub(2).min(1),
        ..content
    };
    let middle_h = content.height.saturating_sub(3);
    let gutter_w = if content.width >= 60 { GUTTER } else { 0 };
    let gutter = Rect {
        x: content.x,
        y: content.y + 2,
        width: gutter_w,
        height: middle_h,
    };
    let body = Rect {
        x: content.x + gutter_w,
        y: content.y + 2,
        width: content.width.saturating_sub(gutter_w + 1).max(1),
        height: middle_h,
    };
    ReaderAreas {
        header,
        gutter,
        body,
        status,
    }
}

/// Lines of the findings view's detail pane (the selected side's sentence).
pub const FINDINGS_DETAIL: u16 = 5;

/// What the tab bar starts with.
pub const BRAND: &str = " crosscheck │";

/// Whether the window is big enough to draw the views.
pub fn fits(area: Rect) -> bool {
    area.width >= MIN_WIDTH && area.height >= MIN_HEIGHT
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrapped(text: &str, max: usize) -> Vec<&str> {
        wrap(text, max).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn wraps_at_spaces_and_cuts_long_words() {
        assert_eq!(
            wrapped("the quick brown fox", 10),
            vec!["the quick", "brown fox"]
        );
        assert_eq!(wrapped("abcdefghijkl", 5), vec!["abcde", "fghij", "kl"]);
        assert_eq!(wrapped("", 5), vec![""]);
        assert_eq!(
            wrapped("a bcdefghijkl", 5),
            vec!["a", "bcdef", "ghijk", "l"]
        );
    }

    #[test]
    fn wide_characters_and_emoji_count_two_columns() {
        // Each CJK character is two columns: three fit in six.
        assert_eq!(wrapped("日本語日本語", 6), vec!["日本語", "日本語"]);
        assert_eq!(wrapped("ab 👍👍 cd", 5), vec!["ab", "👍👍", "cd"]);
        // A combining accent takes no column.
        assert_eq!(
            wrapped("e\u{301}e\u{301}e\u{301}", 3),
            vec!["e\u{301}e\u{301}e\u{301}"]
        );
        for line in wrapped("日本語 the 👍🏽 quick é brown ␛ fox", 7) {
            assert!(width(line) <= 7, "{line}");
        }
    }

    #[test]
    fn control_characters_are_measured_as_drawn() {
        assert_eq!(width("a\x1bb"), 3);
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("日本語", 4), "日…");
    }

    #[test]
    fn offsets_map_to_lines() {
        let body = "one two three\n\nfour five";
        let lines = body_lines(body, 8);
        // "one two" / "three" / blank / "four" / "five"
        assert_eq!(lines.len(), 5);
        assert_eq!(lines[2], DocLine::Blank);
        assert_eq!(line_of_offset(&lines, body.find("three").unwrap()), Some(1));
        assert_eq!(line_of_offset(&lines, body.find("five").unwrap()), Some(4));
    }
}
