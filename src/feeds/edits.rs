//! The `edited` findings: for each stored feed article that has an earlier version, what
//! changed in its last revision (quotations, figures, paragraphs), by
//! [`crate::crossref::revisions::compare`].

use serde::Serialize;

use super::Store;
use crate::crossref::revisions::{RevisionDiff, compare};
use crate::index::StoredArticle;

/// One revised article and what its last revision changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Edited {
    /// Always `"edited"`: the kind of finding, as in `conflicts --json`.
    pub kind: &'static str,
    pub article_id: String,
    pub path: String,
    pub title: Option<String>,
    /// The earlier version compared with the current one.
    pub previous: String,
    /// How many earlier versions are kept.
    pub revisions: usize,
    pub explanation: String,
    #[serde(flatten)]
    pub changes: RevisionDiff,
}

/// The articles of an index that live in the store and have an earlier version.
pub fn revised_articles(
    store: &Store,
    idx: &crate::index::CorpusIndex,
) -> anyhow::Result<Vec<StoredArticle>> {
    let dir = crate::corpus::display_path(&store.articles_dir());
    let mut out = Vec::new();
    for s in idx.summaries()? {
        let Some(rel) = s.path.strip_prefix(&dir).map(|r| r.trim_start_matches('/')) else {
            continue;
        };
        if store.revisions_of(rel).is_empty() {
            continue;
        }
        if let Some(a) = idx.article(&s.id)? {
            out.push(a);
        }
    }
    Ok(out)
}

/// What changed in each revised article of an index, by article id (the reader's header).
pub fn edit_summaries(
    store: &Store,
    idx: &crate::index::CorpusIndex,
) -> std::collections::HashMap<String, String> {
    let revised = revised_articles(store, idx).unwrap_or_default();
    edits(store, &revised)
        .into_iter()
        .map(|e| (e.article_id, format!("revised: {}", e.changes.summary())))
        .collect()
}

/// The edits of the articles given that live in the store.
pub fn edits(store: &Store, articles: &[StoredArticle]) -> Vec<Edited> {
    let dir = store.articles_dir();
    let dir = crate::corpus::display_path(&dir);
    let mut out = Vec::new();
    for a in articles {
        let path = a.article.path.as_str();
        let Some(rel) = path.strip_prefix(&dir).map(|r| r.trim_start_matches('/')) else {
            continue;
        };
        let revisions = store.revisions_of(rel);
        let Some(previous) = revisions.last() else {
            continue;
        };
        let Ok(text) = std::fs::read_to_string(previous) else {
            continue;
        };
        let old = crate::corpus::parse_article(&crate::corpus::display_path(previous), &text);
        let old_claims = crate::claims::extract(&old.body);
        if let Some(changes) = compare(&old.body, &old_claims, &a.article.body, &a.claims) {
            out.push(Edited {
                kind: "edited",
                article_id: a.article.id.clone(),
                path: path.to_string(),
                title: a.article.title.clone(),
                previous: crate::corpus::display_path(previous),
                revisions: revisions.len(),
                explanation: format!(
                    "revised (seen {}): {}",
                    previous
                        .file_stem()
                        .map(|s| readable_stamp(&s.to_string_lossy()))
                        .unwrap_or_default(),
                    changes.summary()
                ),
                changes,
            });
        }
    }
    out
}

/// A revision file's time stamp ("2026-12-03T174236Z", maybe "-2") as "2026-12-03 17:42:36 UTC".
fn readable_stamp(stem: &str) -> String {
    let stamp = stem.split('-').take(3).collect::<Vec<_>>().join("-");
    match stamp.split_once('T') {
        Some((day, t)) if t.len() >= 6 && t[..6].bytes().all(|b| b.is_ascii_digit()) => {
            format!("{day} {}:{}:{} UTC", &t[0..2], &t[2..4], &t[4..6])
        }
        _ => stem.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn revision_stamps_read_as_times() {
        assert_eq!(
            super::readable_stamp("2026-12-03T174236Z"),
            "2026-12-03 17:42:36 UTC"
        );
        assert_eq!(
            super::readable_stamp("2026-12-03T174236Z-2"),
            "2026-12-03 17:42:36 UTC"
        );
        assert_eq!(super::readable_stamp("odd"), "odd");
    }
}
