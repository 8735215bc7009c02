//! Claim extraction: from one article's clean body to its quotations and statistics.
//!
//! Everything here is pure: no I/O, no Tantivy, no terminal. Offsets are byte offsets
//! into the body the functions were given, always on UTF-8 boundaries, and
//! `&body[start..end]` is exactly the claim's `text`.

mod lexicon;
mod marks;
pub(crate) mod numbers;
pub mod quotes;
pub mod sentences;
mod speakers;
mod stats;
mod tokens;

use serde::{Deserialize, Serialize};

pub use quotes::extract_quotes;
pub use stats::extract_statistics;

/// Bumped whenever extraction (or reading a file into an article: its charset, its
/// furniture) changes what it finds, so stored articles and claims are re-extracted.
pub const EXTRACTOR_VERSION: u32 = 29;

/// Whether a quoted span is somebody's words or a quoted term ("sanctuary cities").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    Quote,
    Term,
}

/// A direct quotation (or a quoted term) and who said it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the quote marks.
    pub text: String,
    /// The speaker's full name (or the organisation / group) as introduced in the article.
    pub speaker: Option<String>,
    /// Role or apposition given with the speaker ("Executive Director of the Florida Immigrant Coalition").
    pub role: Option<String>,
    /// What the speaker is (person, organisation, document, group), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_kind: Option<SpeakerKind>,
    /// The attribution cue as written ("said", "added", "according to", "wrote").
    pub cue: Option<String>,
    pub kind: QuoteKind,
    /// Byte offsets of `text` in the body.
    pub start: usize,
    pub end: usize,
    /// The sentence the quotation stands in.
    pub sentence: String,
}

/// What a speaker is, from the words of its name (`speakers::kinds`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerKind {
    /// A named person, or one person described ("a spokesman", "the senator").
    Person,
    /// A company, outlet, agency, party, campaign…
    Organisation,
    /// A written or recorded source: a report, statement, email, ad, poll.
    Document,
    /// Several people: "officials", "the organizers", "the crowd".
    Group,
    /// None of these: a phrase taken for a subject. Never shown as a speaker.
    Unknown,
}

/// How the words around a figure bound it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// about, almost, nearly, some, roughly, around
    Approximate,
    /// more than, over, at least
    LowerBound,
    /// fewer than, under, up to, at most
    UpperBound,
    /// all, exactly
    Exact,
}

/// What sort of figure a statistic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatKind {
    Count,
    Percent,
    Money,
    /// "half", "a third", "two-thirds": value is the fraction (0.5).
    Fraction,
    /// "more than quadrupled", "doubled", "3 times": value is the factor.
    Ratio,
    /// "eight to 10": value is the low end, `high` the high end.
    Range,
    Age,
    /// A measurement with a unit that is none of the above (km, tonnes, degrees…).
    Measure,
}

/// A figure the article gives and what it counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statistic {
    /// Normalised value: `$4 billion` → 4e9, `55%` → 55, `half` → 0.5; for ranges the low end.
    pub value: f64,
    /// High end of a range ("eight to 10" → 10).
    pub high: Option<f64>,
    /// The figure as written ("about 650", "$4 billion", "eight to 10").
    pub text: String,
    /// `%`, a currency code (`USD`, `GBP`, `EUR`…), another unit, or none for plain counts.
    pub unit: Option<String>,
    pub kind: StatKind,
    /// What is counted, with its scope words ("287(g) agreements", "police agencies across Florida").
    pub subject: Option<String>,
    pub qualifier: Option<Qualifier>,
    /// The time the sentence anchors the figure to ("since Trump took office in January", "As of Dec. 23").
    pub time: Option<String>,
    /// Byte offsets of `text` in the body.
    pub start: usize,
    pub end: usize,
    pub sentence: String,
}

/// All claims of one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Claims {
    pub quotes: Vec<Quote>,
    pub statistics: Vec<Statistic>,
}

/// Extracts the quotations and statistics of one article body.
pub fn extract(body: &str) -> Claims {
    Claims {
        quotes: extract_quotes(body),
        statistics: extract_statistics(body),
    }
}

/// A claim's stable id: its article, its kind, its words and its sentence (white space
/// folded), not its byte offsets, so the id survives a re-extraction that moves it and a
/// revision that leaves its sentence alone. `q-…` for quotations, `s-…` for statistics.
pub fn claim_id(article_id: &str, kind: ClaimKind, text: &str, sentence: &str) -> String {
    let fold = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let key = format!("{article_id}\u{1}{}\u{1}{}", fold(text), fold(sentence));
    let prefix = match kind {
        ClaimKind::Quote => "q",
        ClaimKind::Statistic => "s",
    };
    format!(
        "{prefix}-{:016x}",
        xxhash_rust::xxh3::xxh3_64(key.as_bytes())
    )
}

/// The two kinds of claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    Quote,
    Statistic,
}

impl Quote {
    pub fn id(&self, article_id: &str) -> String {
        claim_id(article_id, ClaimKind::Quote, &self.text, &self.sentence)
    }
}

impl Statistic {
    pub fn id(&self, article_id: &str) -> String {
        claim_id(article_id, ClaimKind::Statistic, &self.text, &self.sentence)
    }
}

impl Claims {
    /// The ids of the quotations and of the statistics, in order; a claim whose words and
    /// sentence repeat an earlier one's in the article gets `-2`, `-3`… after its id.
    pub fn ids(&self, article_id: &str) -> (Vec<String>, Vec<String>) {
        let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let mut unique = |id: String| {
            let n = seen.entry(id.clone()).or_insert(0);
            *n += 1;
            if *n == 1 { id } else { format!("{id}-{n}") }
        };
        let quotes = self
            .quotes
            .iter()
            .map(|q| unique(q.id(article_id)))
            .collect();
        let stats = self
            .statistics
            .iter()
            .map(|s| unique(s.id(article_id)))
            .collect();
        (quotes, stats)
    }
}

#[cfg(test)]
mod id_tests {
    use super::*;

    #[test]
    fn claim_ids_ignore_offsets_and_spacing_and_are_unique_in_an_article() {
        let a = extract(
            "Officials said 12 people died and 12 people were hurt.\n\n\"We grieve,\" said Ana Ruiz.",
        );
        let b = extract(
            "A new first paragraph.\n\nOfficials said  12 people died and 12 people were hurt.\n\n\"We grieve,\" said Ana Ruiz.",
        );
        let (qa, sa) = a.ids("art");
        let (qb, sb) = b.ids("art");
        assert_eq!(qa, qb);
        assert!(qa[0].starts_with("q-"));
        assert_eq!(sa.len(), 2);
        assert_eq!(sa[1], format!("{}-2", sa[0]));
        assert_eq!(&sb[sb.len() - 2..], &sa[..]);
        assert_ne!(a.ids("other").0, qa, "the article is part of the id");
    }
}
