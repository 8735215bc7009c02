//! Front matter: the `---`-fenced block of `key: value` lines at the top of a Markdown or
//! text file, as written by static site generators, note-taking web clippers and
//! crosscheck's own feed store. Only the keys that describe an article are read; the rest
//! of the block is left alone. A file without a well-formed block has no front matter and
//! is read as plain text.

/// What a file's front matter says about its article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub source: Option<String>,
    pub date: Option<String>,
    pub byline: Option<String>,
    pub url: Option<String>,
    /// The feed the article came from (crosscheck's feed store).
    pub feed: Option<String>,
    /// The feed entry's id (crosscheck's feed store).
    pub guid: Option<String>,
    /// The text was taken out of a web page by a readability extractor, so it is cleaned
    /// as extracted text.
    pub extracted: bool,
    /// How many lines the block takes, fences included.
    pub lines: usize,
}

/// A block longer than this is not front matter (a file that merely starts with a rule).
const MAX_LINES: usize = 80;

/// The front matter at the top of `lines`, if there is a well-formed block.
pub fn front_matter(lines: &[&str]) -> Option<FrontMatter> {
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return None;
    }
    let end = lines
        .iter()
        .take(MAX_LINES)
        .skip(1)
        .position(|l| matches!(l.trim_end(), "---" | "..."))?
        + 1;
    let mut fm = FrontMatter {
        lines: end + 1,
        ..FrontMatter::default()
    };
    let mut last_key: Option<String> = None;
    for line in &lines[1..end] {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        // A list item under the key before it: `author:` then `  - "[[Jane Roe]]"`.
        if let Some(item) = line.trim_start().strip_prefix("- ")
            && line.starts_with([' ', '\t', '-'])
        {
            if let Some(key) = last_key.as_deref() {
                fm.set(key, &scalar(item));
            }
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            // Not YAML key-value lines: not a block this reader understands.
            return None;
        };
        if key.starts_with([' ', '\t']) {
            continue;
        }
        let key = key.trim().to_ascii_lowercase();
        let value = scalar(value);
        if !value.is_empty() {
            fm.set(&key, &value);
        }
        last_key = Some(key);
    }
    Some(fm)
}

impl FrontMatter {
    fn set(&mut self, key: &str, value: &str) {
        let value = value.trim_start_matches("[[").trim_end_matches("]]").trim();
        if value.is_empty() {
            return;
        }
        let looks_like_url = value.starts_with("http://") || value.starts_with("https://");
        let slot = match key {
            "title" | "headline" => &mut self.title,
            // Web clippers write the page's address as `source`.
            "source" | "source_url" | "url" | "link" | "canonical" | "permalink"
                if looks_like_url =>
            {
                &mut self.url
            }
            "source" | "site" | "site_name" | "publisher" | "outlet" | "publication" => {
                &mut self.source
            }
            "date" | "published" | "pubdate" | "published_at" | "created" => &mut self.date,
            "author" | "authors" | "byline" | "by" => &mut self.byline,
            "feed" => &mut self.feed,
            "guid" => &mut self.guid,
            "extracted" => {
                self.extracted = !matches!(value, "false" | "no");
                return;
            }
            _ => return,
        };
        if slot.is_none() {
            *slot = Some(value.to_string());
        }
    }
}

impl FrontMatter {
    /// The block as [`front_matter`] reads it back: each value double-quoted on one line.
    pub fn render(&self) -> String {
        let mut out = String::from("---\n");
        let fields = [
            ("title", &self.title),
            ("source", &self.source),
            ("date", &self.date),
            ("byline", &self.byline),
            ("url", &self.url),
            ("feed", &self.feed),
            ("guid", &self.guid),
        ];
        for (key, value) in fields {
            if let Some(v) = value
                .as_deref()
                .map(super::clean::normalize_space)
                .filter(|v| !v.is_empty())
            {
                out.push_str(&format!("{key}: {}\n", quoted(&v)));
            }
        }
        if self.extracted {
            out.push_str("extracted: readability\n");
        }
        out.push_str("---\n");
        out
    }
}

/// A YAML scalar's text: quotes removed and a double-quoted string's escapes read.
fn scalar(raw: &str) -> String {
    let v = raw.trim();
    if v.len() >= 2 && v.starts_with('"') && v.ends_with('"') {
        if let Ok(s) = serde_json::from_str::<String>(v) {
            return s;
        }
        return v[1..v.len() - 1].to_string();
    }
    if v.len() >= 2 && v.starts_with('\'') && v.ends_with('\'') {
        return v[1..v.len() - 1].replace("''", "'");
    }
    // A comment after a plain scalar.
    match v.find(" #") {
        Some(i) => v[..i].trim_end().to_string(),
        None => v.to_string(),
    }
}

/// A value written so that [`front_matter`] reads it back as it was: a double-quoted,
/// escaped string on one line.
pub fn quoted(value: &str) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "\"\"".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<&str> {
        s.lines().collect()
    }

    #[test]
    fn a_clipped_page_gives_its_metadata() {
        let text = "---\ntitle: \"Quake hits: \\\"two dead\\\"\"\nsource: https://example.com/a\nauthor:\n  - \"[[Jane Roe]]\"\npublished: 2026-11-30\ntags: [news]\n---\n# Quake hits\n\nText.";
        let fm = front_matter(&lines(text)).unwrap();
        assert_eq!(fm.title.as_deref(), Some("Quake hits: \"two dead\""));
        assert_eq!(fm.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(fm.source, None);
        assert_eq!(fm.byline.as_deref(), Some("Jane Roe"));
        assert_eq!(fm.date.as_deref(), Some("2026-11-30"));
        assert_eq!(fm.lines, 8);
        assert!(!fm.extracted);
    }

    #[test]
    fn an_outlet_name_is_a_source_and_quoted_values_round_trip() {
        let title = "It's \"fine\": a\\b";
        let text = format!(
            "---\nsource: 'The Daily Planet'\ntitle: {}\nextracted: readability\n---\nBody.",
            quoted(title)
        );
        let fm = front_matter(&lines(&text)).unwrap();
        assert_eq!(fm.source.as_deref(), Some("The Daily Planet"));
        assert_eq!(fm.title.as_deref(), Some(title));
        assert!(fm.extracted);
    }

    #[test]
    fn a_rule_or_prose_is_not_front_matter() {
        assert_eq!(front_matter(&lines("Title\n---\nBody")), None);
        assert_eq!(front_matter(&lines("---\nno closing fence\n")), None);
        assert_eq!(
            front_matter(&lines("---\nThis is a sentence without a colon\n---\n")),
            None
        );
    }
}
