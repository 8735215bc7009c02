//! STAND-IN for the sentence splitter another helper is writing (`sentences.rs`).
//! Swap this file for theirs; `stats.rs` only uses `sentence_range` through one
//! `use` line. It is deliberately small: line breaks and ". " / "! " / "? " end
//! sentences, except after a few common abbreviations and initials.

use std::ops::Range;

/// The byte range of the sentence containing `offset` (clamped into the body).
/// Scans only the sentence itself, so calling it once per sentence is linear.
pub(super) fn sentence_range(body: &str, offset: usize) -> Range<usize> {
    let b = body.as_bytes();
    let mut off = offset.min(b.len());
    while off > 0 && !body.is_char_boundary(off) {
        off -= 1;
    }
    // Backwards: the sentence starts after the nearest boundary before `off`.
    let mut start = off;
    while start > 0 {
        let c = b[start - 1];
        if c == b'\n' {
            break;
        }
        if (c == b' ' || c == b'\t') && start >= 2 && ends_sentence(b, start - 1) {
            break;
        }
        start -= 1;
    }
    // Forwards: up to and including the terminator (and closing quotes).
    let mut end = off;
    while end < b.len() {
        let c = b[end];
        if c == b'\n' {
            break;
        }
        if (c == b' ' || c == b'\t') && ends_sentence(b, end) {
            break;
        }
        end += 1;
    }
    // Trim surrounding whitespace (ASCII only, so boundaries stay valid).
    while start < end && b[start].is_ascii_whitespace() {
        start += 1;
    }
    while end > start && b[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    if start > off || end < off {
        // Offset sits in whitespace between sentences: return an empty range there.
        return off..off;
    }
    start..end
}

/// Whether the text just before the whitespace at `ws` ends a sentence.
fn ends_sentence(b: &[u8], ws: usize) -> bool {
    let mut i = ws;
    // Skip closing quotes/brackets: ASCII and the UTF-8 right quotes (E2 80 9D / 99).
    loop {
        if i >= 1 && matches!(b[i - 1], b'"' | b'\'' | b')') {
            i -= 1;
        } else if i >= 3 && b[i - 3] == 0xE2 && b[i - 2] == 0x80 && matches!(b[i - 1], 0x9D | 0x99)
        {
            i -= 3;
        } else {
            break;
        }
    }
    if i == 0 {
        return false;
    }
    match b[i - 1] {
        b'!' | b'?' => true,
        b'.' => {
            // The word before the period.
            let mut w = i - 1;
            while w > 0 && b[w - 1].is_ascii_alphabetic() {
                w -= 1;
            }
            let word = &b[w..i - 1];
            if word.len() == 1 && word[0].is_ascii_uppercase() {
                return false; // initials: "J. Smith", "U.S." handled below too
            }
            if w > 0 && b[w - 1] == b'.' {
                return false; // "U.S.", "a.m." mid-sentence
            }
            if word.is_empty() && i >= 2 && b[i - 2].is_ascii_digit() {
                // "1." as list numbering at the start of a line is not a sentence end.
                let mut d = i - 2;
                while d > 0 && b[d - 1].is_ascii_digit() {
                    d -= 1;
                }
                if d == 0 || b[d - 1] == b'\n' || b[d - 1] == b' ' && line_start(b, d - 1) {
                    return false;
                }
            }
            !matches!(
                word,
                b"Mr"
                    | b"Mrs"
                    | b"Ms"
                    | b"Dr"
                    | b"St"
                    | b"Jan"
                    | b"Feb"
                    | b"Mar"
                    | b"Apr"
                    | b"Jun"
                    | b"Jul"
                    | b"Aug"
                    | b"Sep"
                    | b"Sept"
                    | b"Oct"
                    | b"Nov"
                    | b"Dec"
                    | b"Gov"
                    | b"Sen"
                    | b"Rep"
                    | b"Sgt"
                    | b"Lt"
                    | b"Col"
                    | b"Gen"
                    | b"No"
                    | b"vs"
                    | b"Inc"
                    | b"Corp"
                    | b"Co"
                    | b"Jr"
                    | b"Sr"
                    | b"Prof"
                    | b"Mt"
                    | b"Ft"
                    | b"Ave"
            )
        }
        _ => false,
    }
}

/// Whether only spaces separate position `i` from the start of its line.
fn line_start(b: &[u8], mut i: usize) -> bool {
    while i > 0 && b[i - 1] == b' ' {
        i -= 1;
    }
    i == 0 || b[i - 1] == b'\n'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_period_space() {
        let s = "One sentence here. As of Dec. 23, ICE signed 1,255. Next.";
        let r = sentence_range(s, 30);
        assert_eq!(&s[r], "As of Dec. 23, ICE signed 1,255.");
    }
}
