//! An article's file as it is on disk, beside the clean text: what the reader's raw view
//! shows, with the lines that were removed as page furniture marked.

use std::collections::HashMap;

use super::{Article, Limits, html, is_html_path};

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
    if is_html_path(&article.path) {
        let limits = Limits::default();
        if let Ok(page) = super::read_text(std::path::Path::new(&article.path), &limits) {
            return page_raw_text(article, &page.text);
        }
    }
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

/// Said of a page's line that is neither the article's text nor removed by a rule.
const NOT_THE_ARTICLE: &str = "page only (left out of the article by the readability extractor)";

/// A web page's visible text, each line marked: the article's own lines unmarked, lines
/// the furniture rules removed with their reason, the rest of the page (menus, links,
/// teasers) as left out by the extractor.
pub fn page_raw_text(article: &Article, markup: &str) -> RawText {
    let by_text: HashMap<&str, &str> = article
        .removed
        .iter()
        .map(|r| (r.text.as_str(), r.reason.as_str()))
        .collect();
    let paragraphs: std::collections::HashSet<&str> =
        article.body.split("\n\n").map(str::trim).collect();
    let lines = html::page_lines(markup);
    let removed = lines
        .iter()
        .map(|l| {
            let kept = paragraphs.contains(l.as_str())
                || article.title.as_deref() == Some(l.as_str())
                || (l.split_whitespace().count() >= 8 && article.body.contains(l.as_str()));
            if kept {
                None
            } else {
                Some(
                    by_text
                        .get(l.as_str())
                        .copied()
                        .unwrap_or(NOT_THE_ARTICLE)
                        .to_string(),
                )
            }
        })
        .collect();
    RawText {
        lines,
        removed,
        note: None,
    }
}
