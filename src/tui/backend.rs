//! What the reader reads through: searching, loading one article, and matching a query
//! in a body. The program uses the Tantivy index; tests use anything in memory.

use std::ops::Range;

use crate::index::{CorpusIndex, SearchError, SearchResults, StoredArticle};

/// What the reader searches with: the Tantivy index in the program, anything in tests.
pub trait SearchBackend: Send + Sync {
    /// Results for a query in the syntax of `crosscheck search`, or why it does not parse.
    fn search(&self, query: &str, limit: usize) -> Result<SearchResults, String>;
    /// Byte ranges of `body` the query matches, to highlight and move between in the reader.
    fn match_ranges(&self, query: &str, body: &str) -> Vec<Range<usize>>;
    /// One article with its claims, loaded when it is opened.
    fn article(&self, id: &str) -> Option<StoredArticle>;
}

impl SearchBackend for CorpusIndex {
    fn search(&self, query: &str, limit: usize) -> Result<SearchResults, String> {
        CorpusIndex::search(self, query, limit).map_err(|e| match e {
            SearchError::BadQuery(m) => m,
            SearchError::Other(e) => format!("search failed: {e:#}"),
        })
    }

    fn match_ranges(&self, query: &str, body: &str) -> Vec<Range<usize>> {
        CorpusIndex::match_ranges(self, query, body)
    }

    fn article(&self, id: &str) -> Option<StoredArticle> {
        CorpusIndex::article(self, id).ok().flatten()
    }
}
