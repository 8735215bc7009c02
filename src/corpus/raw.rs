//! An article's file as it is on disk, beside the clean text: what the reader's raw view
//! shows, with the lines that were removed as page furniture marked.

use std::collections::HashMap;

use super::Article;

/// The raw file of an article, with the lines that were removed as page furniture.
#[derive(Debug, Clone, PartialEq)]
pub struct RawText {
    pub lines: Vec<String>,
    /// Per line: why it was removed, if it was.
    pub removed: Vec<Option<String>>,
    /// Said above the text when the file could not be read.
    pub note: Option<String>,
}

/// The article's file as it is on disk, with the removed page furniture marked; when the
/// file cannot be read, the removed lines alone.
pub fn raw_text(article: &Article) -> RawText {
    let by_line: HashMap<usize, &str> = article
        .removed
        .iter()
        .map(|r| (r.line, r.reason.as_str()))
        .collect();
    match std::fs::read(&article.path) {
        Ok(bytes) => {
            let text = String::from_utf8_lossy(&bytes);
            let lines: Vec<String> = text.lines().map(str::to_string).collect();
            let removed = (1..=lines.len())
                .map(|n| by_line.get(&n).map(|r| r.to_string()))
                .collect();
            RawText {
                lines,
                removed,
                note: None,
            }
        }
        Err(e) => RawText {
            lines: article
                .removed
                .iter()
                .map(|r| format!("{:>5}  {}", r.line, r.text))
                .collect(),
            removed: article
                .removed
                .iter()
                .map(|r| Some(r.reason.clone()))
                .collect(),
            note: Some(format!(
                "cannot read {} ({e}); showing the removed lines only",
                article.path
            )),
        },
    }
}
