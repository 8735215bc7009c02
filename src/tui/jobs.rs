//! Work the reader hands to threads so the interface never waits: searches, and the
//! cross-article questions asked from the reader. A [`Query`] names the claim; [`answer`]
//! loads what the question needs (findings records, the articles a search finds) and
//! hands it to the pure functions of `crossref::queries`.

use std::sync::Arc;

use super::backend::SearchBackend;
use crate::crossref::{
    ClaimRef, Finding, QuoteAt, Record, RecordKind, RelatedQuote, other_sides, speaker_quotations,
    wants_group,
};
use crate::index::{Findings, StoredArticle};

/// At most this many search results are shown (and searched for a speaker's quotations).
pub const SEARCH_LIMIT: usize = 50;

/// A question about the claim under the reader's cursor.
#[derive(Debug, Clone, PartialEq)]
pub enum Query {
    /// The speaker's quotations elsewhere, variants first.
    Related {
        article_id: String,
        start: usize,
        end: usize,
        speaker: Option<String>,
    },
    /// The other sides of the findings a figure is part of.
    OtherSide {
        article_id: String,
        start: usize,
        end: usize,
        /// The figure as written, for the answer's title.
        figure: String,
    },
}

/// The answer to a [`Query`].
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Related(Vec<RelatedQuote>),
    /// Each finding with its sides other than the figure, strongest first.
    OtherSide(Vec<(Finding, Vec<ClaimRef>)>),
}

/// Answers a question: loads the records and articles it needs, then asks `crossref`.
pub fn answer(query: &Query, backend: &dyn SearchBackend, records: &Findings) -> Answer {
    match query {
        Query::Related {
            article_id,
            start,
            end,
            speaker,
        } => {
            let of_article = records.of_article(article_id);
            let groups: Vec<_> = records
                .heads()
                .iter()
                .enumerate()
                .filter(|&(n, h)| {
                    matches!(h.kind, RecordKind::Related(_))
                        && wants_group(
                            speaker.as_deref(),
                            &h.title,
                            of_article.contains(&(n as u32)),
                        )
                })
                .filter_map(|(n, _)| match records.record(n) {
                    Ok(Record::Related(r)) => Some(r),
                    _ => None,
                })
                .collect();
            // The speaker's other quotations: other articles are found by searching
            // for the speaker's name; this article is searched last.
            let mut articles: Vec<Arc<StoredArticle>> = Vec::new();
            if let Some(name) = speaker {
                let query = format!("speaker:\"{}\"", name.replace('"', " "));
                let hits = backend
                    .search(&query, SEARCH_LIMIT)
                    .map(|r| r.hits)
                    .unwrap_or_default();
                articles.extend(
                    hits.iter()
                        .filter(|h| &h.id != article_id)
                        .filter_map(|h| backend.article(&h.id).map(Arc::new)),
                );
                articles.extend(backend.article(article_id).map(Arc::new));
            }
            let views: Vec<_> = articles.iter().map(|a| a.view()).collect();
            let at = QuoteAt {
                article_id,
                start: *start,
                end: *end,
                speaker: speaker.as_deref(),
            };
            Answer::Related(speaker_quotations(&at, &groups, &views))
        }
        Query::OtherSide {
            article_id,
            start,
            end,
            ..
        } => {
            let findings: Vec<Finding> = records
                .records_of(article_id, |k| matches!(k, RecordKind::Finding(_)))
                .into_iter()
                .filter_map(|r| match r {
                    Record::Finding(f) => Some(f),
                    _ => None,
                })
                .collect();
            let sides = other_sides(&findings, article_id, &(*start..*end));
            Answer::OtherSide(
                sides
                    .into_iter()
                    .map(|s| (s.finding.clone(), s.others.into_iter().cloned().collect()))
                    .collect(),
            )
        }
    }
}
