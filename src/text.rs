//! Making untrusted article text safe to put on a terminal.
//!
//! Article text comes from the web. Control characters, escape sequences (CSI, OSC — title
//! changes, clipboard writes), BEL, backspace, carriage returns and bidirectional overrides
//! must never reach the terminal; they are shown as visible, inert symbols instead.

use std::borrow::Cow;

/// The visible stand-in for a character that must not reach a terminal, if it is one.
pub fn inert_char(c: char) -> Option<char> {
    match c {
        '\n' => None,
        '\t' => Some(' '),
        // C0 controls become their Unicode "control picture" (ESC → ␛, BEL → ␇).
        '\0'..='\x1f' => char::from_u32(0x2400 + c as u32),
        '\x7f' => Some('␡'),
        // C1 controls (8-bit CSI, OSC…), bidirectional embeddings, overrides and isolates,
        // and line/paragraph separators that some terminals act on.
        '\u{80}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{2028}'
        | '\u{2029}'
        | '\u{feff}' => Some('\u{fffd}'),
        _ => None,
    }
}

/// The text with every control character replaced by a visible symbol (newlines kept).
pub fn inert(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| inert_char(c).is_some()) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(|c| inert_char(c).unwrap_or(c)).collect())
}

/// Makes serialised JSON safe to print on a terminal: every character that
/// [`inert_char`] would replace (DEL, C1 controls, bidirectional controls, line and
/// paragraph separators) is written as a `\uXXXX` escape. JSON already escapes C0
/// controls; such characters only occur inside strings, so the JSON means the same.
pub fn json_escape_controls(json: String) -> String {
    if !json.chars().any(|c| c > '\x7e' && inert_char(c).is_some()) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if c > '\x7e' && inert_char(c).is_some() {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Like [`inert`], and newlines become spaces: for one-line displays such as snippets.
pub fn inert_line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c == '\n' || inert_char(c).is_some()) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| {
                if c == '\n' {
                    ' '
                } else {
                    inert_char(c).unwrap_or(c)
                }
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_escapes_c1_and_bidi_controls_and_still_parses() {
        let v = serde_json::json!({"t": "a\u{9b}31m b\u{202e}c\u{7f}d é ✓"});
        let s = json_escape_controls(serde_json::to_string(&v).unwrap());
        assert!(s.is_ascii() || !s.chars().any(|c| ('\u{7f}'..='\u{9f}').contains(&c)));
        assert!(
            s.contains("\\u009b") && s.contains("\\u202e") && s.contains("\\u007f"),
            "{s}"
        );
        assert!(s.contains("é ✓"), "other characters stay as they are: {s}");
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn escape_sequences_become_visible() {
        let s = "a\x1b]52;c;ZXZpbA==\x07b\x1b[2Jc\u{202e}d\re\x08";
        let out = inert(s);
        assert!(!out.chars().any(|c| c.is_control()));
        assert!(out.contains('␛'));
        assert!(out.contains('␇'));
        assert!(out.contains("[2J"));
    }

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(inert("plain “text” é"), Cow::Borrowed(_)));
        assert_eq!(inert_line("a\nb"), "a b");
    }
}
