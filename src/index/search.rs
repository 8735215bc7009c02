//! Full-text search over the index: BM25 ranking, Tantivy's query syntax, snippets with
//! highlight ranges.

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use tantivy::TantivyDocument;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::QueryParser;
use tantivy::schema::Value;
use tantivy::snippet::SnippetGenerator;

use super::CorpusIndex;

/// Longest snippet, in characters.
const SNIPPET_CHARS: usize = 180;

/// One search result.
#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    pub id: String,
    pub path: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub date: Option<String>,
    pub score: f32,
    /// A passage of the body around the best match.
    pub snippet: String,
    /// Byte ranges of the matched terms in `snippet`.
    pub highlights: Vec<[usize; 2]>,
    /// Byte offset of `snippet` in the article body, to open the article at the match.
    pub snippet_start: usize,
}

/// The results of one query.
#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    pub query: String,
    pub total: usize,
    pub hits: Vec<SearchHit>,
}

/// Why a search failed.
#[derive(Debug)]
pub enum SearchError {
    /// The query does not parse; the message says how to fix it.
    BadQuery(String),
    Other(anyhow::Error),
}

impl std::fmt::Display for SearchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SearchError::BadQuery(m) => write!(f, "{m}"),
            SearchError::Other(e) => write!(f, "{e:#}"),
        }
    }
}

impl std::error::Error for SearchError {}

impl From<tantivy::TantivyError> for SearchError {
    fn from(e: tantivy::TantivyError) -> Self {
        SearchError::Other(e.into())
    }
}

impl From<anyhow::Error> for SearchError {
    fn from(e: anyhow::Error) -> Self {
        SearchError::Other(e)
    }
}

/// Rewrites words that Tantivy's grammar would misread but a user means literally:
/// `287(g)` or `Title(IX)` become the phrase `"287(g)"`.
pub fn prepare_query(q: &str) -> String {
    let mut out = String::with_capacity(q.len() + 8);
    let mut in_quotes = false;
    for (i, part) in q.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let quotes = part.matches('"').count();
        let word_with_parens = !in_quotes
            && quotes == 0
            && !part.contains(':')
            && part.contains('(')
            && part.ends_with(')')
            && !part.starts_with('(')
            && !part.starts_with(['+', '-']);
        if word_with_parens {
            out.push('"');
            out.push_str(part);
            out.push('"');
        } else {
            out.push_str(part);
        }
        if quotes % 2 == 1 {
            in_quotes = !in_quotes;
        }
    }
    out
}

fn explain(err: &tantivy::query::QueryParserError) -> String {
    use tantivy::query::QueryParserError as E;
    match err {
        E::FieldDoesNotExist(f) => format!(
            "there is no field `{f}`; use title:, body:, source:, date:, speaker:, quote: or figure:"
        ),
        E::SyntaxError(s) => format!(
            "the query does not parse ({s}); check quotes and parentheses, or put a phrase in double quotes"
        ),
        E::AllButQueryForbidden => {
            "a query cannot only exclude terms; add a term to search for".to_string()
        }
        other => format!("the query does not parse: {other}"),
    }
}

/// The parts of a stored article a search hit shows; the claims stored beside them are
/// skipped, not built.
#[derive(Deserialize)]
struct HitDoc {
    article: HitArticle,
}

#[derive(Deserialize)]
struct HitArticle {
    id: String,
    path: String,
    title: Option<String>,
    source: Option<String>,
    date: Option<crate::corpus::ArticleDate>,
    body: String,
}

impl CorpusIndex {
    fn hit_from_doc(&self, doc: &TantivyDocument) -> Result<HitArticle> {
        let bytes = doc
            .get_first(self.fields.data)
            .and_then(|v| v.as_bytes())
            .context("an indexed article has no stored data")?;
        let d: HitDoc = serde_json::from_slice(bytes).context("reading a stored article")?;
        Ok(d.article)
    }

    /// Parses a query in the syntax of `crosscheck search`, explaining any mistake.
    pub fn parse_query(&self, query: &str) -> Result<Box<dyn tantivy::query::Query>, SearchError> {
        let f = &self.fields;
        let mut parser =
            QueryParser::for_index(&self.index, vec![f.title, f.body, f.quote, f.speaker]);
        parser.set_conjunction_by_default();
        parser.set_field_boost(f.title, 2.0);
        parser.set_field_boost(f.speaker, 1.5);
        parser
            .parse_query(&prepare_query(query))
            .map_err(|e| SearchError::BadQuery(explain(&e)))
    }

    /// Searches the index: BM25-ranked hits with a highlighted snippet each.
    pub fn search(&self, query: &str, limit: usize) -> Result<SearchResults, SearchError> {
        let parsed = self.parse_query(query)?;
        let searcher = self.reader.searcher();
        let (top, total) = searcher.search(
            &parsed,
            &(TopDocs::with_limit(limit.max(1)).order_by_score(), Count),
        )?;
        let mut snippets = SnippetGenerator::create(&searcher, &*parsed, self.fields.body)?;
        snippets.set_max_num_chars(SNIPPET_CHARS);
        let mut hits = Vec::with_capacity(top.len());
        for (score, addr) in top.into_iter().take(limit) {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let a = self.hit_from_doc(&doc)?;
            let snip = snippets.snippet(&a.body);
            let (snippet, highlights, snippet_start) = if snip.fragment().is_empty() {
                let end = a
                    .body
                    .char_indices()
                    .nth(SNIPPET_CHARS)
                    .map_or(a.body.len(), |(i, _)| i);
                (a.body[..end].to_string(), Vec::new(), 0)
            } else {
                let range = snip.fragment_range();
                let start = word_start(&a.body, range.start);
                let shift = range.start - start;
                (
                    a.body[start..range.end].to_string(),
                    snip.highlighted()
                        .iter()
                        .map(|r| [r.start + shift, r.end + shift])
                        .collect(),
                    start,
                )
            };
            hits.push(SearchHit {
                id: a.id,
                path: a.path,
                title: a.title,
                source: a.source,
                date: a.date.map(|d| d.text),
                score,
                snippet,
                highlights,
                snippet_start,
            });
        }
        Ok(SearchResults {
            query: query.to_string(),
            total,
            hits,
        })
    }

    /// Byte ranges in `body` of the terms the query matches, for highlighting in the reader
    /// and moving from match to match.
    pub fn match_ranges(&self, query: &str, body: &str) -> Vec<std::ops::Range<usize>> {
        let Ok(parsed) = self.parse_query(query) else {
            return Vec::new();
        };
        let searcher = self.reader.searcher();
        let Ok(mut generator) = SnippetGenerator::create(&searcher, &*parsed, self.fields.body)
        else {
            return Vec::new();
        };
        generator.set_max_num_chars(body.len().max(1));
        let snip = generator.snippet(body);
        let base = snip.fragment_range().start;
        snip.highlighted()
            .iter()
            .map(|r| base + r.start..base + r.end)
            .collect()
    }
}

/// The start of the word `at` falls in: a snippet that Tantivy begins inside a word
/// ("g) agreements" of "287(g) agreements") begins at the word instead. Looks back at most
/// 32 bytes, and only to a character boundary.
fn word_start(body: &str, at: usize) -> usize {
    let mut start = at.min(body.len());
    let floor = start.saturating_sub(32);
    while start > floor {
        let Some(c) = body[..start].chars().next_back() else {
            break;
        };
        if c.is_whitespace() {
            break;
        }
        start -= c.len_utf8();
    }
    if start == floor && floor > 0 {
        at
    } else {
        start
    }
}

#[cfg(test)]
mod tests {
    use super::{prepare_query, word_start};

    #[test]
    fn a_snippet_starts_at_the_start_of_a_word() {
        let body = "The number of 287(g) agreements grew.";
        let g = body.find("g)").unwrap();
        assert_eq!(&body[word_start(body, g)..g + 2], "287(g)");
        let number = body.find("number").unwrap();
        assert_eq!(word_start(body, number), number);
        assert_eq!(word_start(body, 0), 0);
        // A run with no space in reach is left as it is.
        let long = format!("x {}", "y".repeat(100));
        assert_eq!(word_start(&long, 80), 80);
        // Multi-byte characters are stepped over whole.
        let accents = "café’s menu";
        let s = accents.find('s').unwrap();
        assert_eq!(word_start(accents, s), 0);
    }

    #[test]
    fn identifiers_with_parentheses_become_phrases() {
        assert_eq!(prepare_query("287(g)"), "\"287(g)\"");
        assert_eq!(prepare_query("287(g) AND police"), "\"287(g)\" AND police");
        assert_eq!(prepare_query("(a OR b)"), "(a OR b)");
        assert_eq!(
            prepare_query("\"the 287(g) program\""),
            "\"the 287(g) program\""
        );
        assert_eq!(prepare_query("title:(a b)"), "title:(a b)");
    }
}
