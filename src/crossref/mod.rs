//! Across articles: contradictions, figures that moved, corroborations, related quotes and
//! shared passages. Pure functions over the claims of many articles; no I/O.

use serde::{Deserialize, Serialize};

use crate::claims::{Claims, Qualifier};

/// What the cross-article analysis needs to know of one article.
#[derive(Debug, Clone, Copy)]
pub struct ArticleClaims<'a> {
    pub id: &'a str,
    pub path: &'a str,
    pub title: Option<&'a str>,
    /// Publication date, `YYYY-MM-DD`, when the article gives a valid one.
    pub date: Option<&'a str>,
    pub body: &'a str,
    pub claims: &'a Claims,
}

/// How the figures of one finding relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    Conflict,
    ChangedOverTime,
    MinorDiscrepancy,
    Corroboration,
}

/// One side of a finding: a statistic in its article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimRef {
    pub article_id: String,
    pub path: String,
    pub value: f64,
    pub high: Option<f64>,
    pub unit: Option<String>,
    pub text: String,
    pub sentence: String,
    pub qualifier: Option<Qualifier>,
    pub time: Option<String>,
    pub start: usize,
    pub end: usize,
    /// Set when this claim stands in text shared with another article of the finding.
    pub shared_text: bool,
}

/// A group of statistics from different articles that measure the same quantity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub kind: FindingKind,
    pub subject: String,
    /// One sentence a reader can check.
    pub explanation: String,
    pub claims: Vec<ClaimRef>,
}

/// How a speaker's quotations in different articles relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelatedKind {
    /// The same statement with different wording.
    Variant,
    /// The same statement word for word.
    Repeated,
    /// Different statements by the same speaker.
    SameSpeaker,
}

/// A quotation in its article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteRef {
    pub article_id: String,
    pub path: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// One word-level edit between two wordings of a statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffPart {
    /// `equal`, `delete` (only in the first quote) or `insert` (only in the second).
    pub op: String,
    pub text: String,
}

/// Quotations of one speaker across articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelatedQuotes {
    pub speaker: String,
    pub kind: RelatedKind,
    pub quotes: Vec<QuoteRef>,
    /// Word diff from the first quote to the second, for variants.
    pub diff: Option<Vec<DiffPart>>,
}

/// A passage that appears in several articles (wire copy, syndication).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedPassage {
    pub paths: Vec<String>,
    pub article_ids: Vec<String>,
    pub text: String,
}

/// Everything the cross-article analysis found.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CrossRef {
    pub conflicts: Vec<Finding>,
    pub corroborations: Vec<Finding>,
    pub related_quotes: Vec<RelatedQuotes>,
    pub shared_passages: Vec<SharedPassage>,
}

/// Puts each article's claims beside the others'.
pub fn analyze(_articles: &[ArticleClaims<'_>]) -> CrossRef {
    CrossRef::default()
}
