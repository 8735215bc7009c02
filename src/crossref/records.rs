//! Findings as records: what is stored one per line so a reader can load the headings of
//! every finding and fetch a finding's details only when it is shown. Also the corpus-wide
//! figures the statistics view shows. Pure: no I/O.

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use super::SharedPassage;
use super::{ArticleClaims, CrossRef, Finding, FindingKind, RelatedKind, RelatedQuotes};
use crate::claims::QuoteKind;

/// One stored finding, related-quotes group or shared passage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "record", rename_all = "snake_case")]
pub enum Record {
    Finding(Finding),
    Related(RelatedQuotes),
    Passage(SharedPassage),
}

/// What kind of record a heading stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    Finding(FindingKind),
    Related(RelatedKind),
    Passage,
}

/// The heading of a record: enough to list it and to know which articles it touches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordHead {
    pub kind: RecordKind,
    /// The finding's subject, the speaker, or the start of the passage.
    pub title: String,
    /// The finding's explanation; empty for the others.
    pub note: String,
    /// The articles it touches, as [`article_key`]s, without repeats.
    pub articles: Vec<u64>,
    /// How many claims, quotations or articles it holds.
    pub len: usize,
}

/// A compact key for an article id (ids are 16 hex digits; anything else is hashed).
pub fn article_key(id: &str) -> u64 {
    if id.len() == 16
        && let Ok(k) = u64::from_str_radix(id, 16)
    {
        return k;
    }
    xxhash_rust::xxh3::xxh3_64(id.as_bytes())
}

impl Record {
    pub fn head(&self) -> RecordHead {
        fn keys<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<u64> {
            let mut seen = BTreeSet::new();
            ids.map(article_key).filter(|k| seen.insert(*k)).collect()
        }
        match self {
            Record::Finding(f) => RecordHead {
                kind: RecordKind::Finding(f.kind),
                title: f.subject.clone(),
                note: f.explanation.clone(),
                articles: keys(f.claims.iter().map(|c| c.article_id.as_str())),
                len: f.claims.len(),
            },
            Record::Related(r) => RecordHead {
                kind: RecordKind::Related(r.kind),
                title: r.speaker.clone(),
                note: String::new(),
                articles: keys(r.quotes.iter().map(|q| q.article_id.as_str())),
                len: r.quotes.len(),
            },
            Record::Passage(p) => RecordHead {
                kind: RecordKind::Passage,
                title: p.text.chars().take(80).collect(),
                note: String::new(),
                articles: keys(p.article_ids.iter().map(String::as_str)),
                len: p.article_ids.len(),
            },
        }
    }
}

/// The records of an analysis, in the order they are listed: conflicts (the analysis
/// already puts the headline ones first), corroborations, related quotations (variants,
/// then repeats, then the rest), shared passages.
pub fn records(c: CrossRef) -> Vec<Record> {
    let CrossRef {
        conflicts,
        corroborations,
        mut related_quotes,
        shared_passages,
    } = c;
    related_quotes.sort_by_key(|r| related_rank(r.kind));
    conflicts
        .into_iter()
        .chain(corroborations)
        .map(Record::Finding)
        .chain(related_quotes.into_iter().map(Record::Related))
        .chain(shared_passages.into_iter().map(Record::Passage))
        .collect()
}

/// Puts records back together as the analysis gave them.
pub fn from_records(records: impl IntoIterator<Item = Record>) -> CrossRef {
    let mut c = CrossRef::default();
    for r in records {
        match r {
            Record::Finding(f) if f.kind == FindingKind::Corroboration => c.corroborations.push(f),
            Record::Finding(f) => c.conflicts.push(f),
            Record::Related(r) => c.related_quotes.push(r),
            Record::Passage(p) => c.shared_passages.push(p),
        }
    }
    c
}

pub fn related_rank(k: RelatedKind) -> u8 {
    match k {
        RelatedKind::Variant => 0,
        RelatedKind::Repeated => 1,
        RelatedKind::SameSpeaker => 2,
    }
}

/// Figures about the whole corpus, for the statistics view.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CorpusFigures {
    pub articles: usize,
    pub quotes: usize,
    pub speakers: usize,
    pub statistics: usize,
    /// Speakers by number of quotations, most first (the first 100).
    pub per_speaker: Vec<(String, usize)>,
    /// Figures (as written, with their subject) by the number of articles giving them
    /// (the first 20).
    pub most_cited: Vec<(String, usize)>,
}

/// Counts quotations, speakers and figures over the corpus.
pub fn corpus_figures(articles: &[ArticleClaims<'_>]) -> CorpusFigures {
    let mut per_speaker: HashMap<String, (String, usize)> = HashMap::new();
    let mut figures: HashMap<String, BTreeSet<usize>> = HashMap::new();
    let mut quotes = 0;
    let mut statistics = 0;
    for (i, a) in articles.iter().enumerate() {
        for q in a
            .claims
            .quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Quote)
        {
            quotes += 1;
            if let Some(sp) = &q.speaker {
                per_speaker
                    .entry(speaker_key(sp))
                    .or_insert_with(|| (sp.clone(), 0))
                    .1 += 1;
            }
        }
        for st in &a.claims.statistics {
            statistics += 1;
            let key = match &st.subject {
                Some(sub) => format!("{} {}", st.text, sub),
                None => st.text.clone(),
            };
            figures.entry(key).or_default().insert(i);
        }
    }
    let speakers = per_speaker.len();
    let mut per_speaker: Vec<(String, usize)> = per_speaker.into_values().collect();
    per_speaker.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    per_speaker.truncate(100);
    let mut most_cited: Vec<(String, usize)> =
        figures.into_iter().map(|(k, v)| (k, v.len())).collect();
    most_cited.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    most_cited.truncate(20);
    CorpusFigures {
        articles: articles.len(),
        quotes,
        speakers,
        statistics,
        per_speaker,
        most_cited,
    }
}

/// A speaker's name folded for comparison: spaces collapsed, lower case.
pub fn speaker_key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}
