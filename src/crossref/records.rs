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

/// The heading of a record: enough to list it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordHead {
    pub kind: RecordKind,
    /// The finding's subject, the speaker, or the start of the passage.
    pub title: String,
    /// How many claims, quotations or articles it holds.
    pub len: usize,
    /// A finding's strength (0 for the other records).
    #[serde(default)]
    pub strength: f32,
    /// A finding's story.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
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
        match self {
            Record::Finding(f) => RecordHead {
                kind: RecordKind::Finding(f.kind),
                title: f.subject.clone(),
                len: f.claims.len(),
                strength: f.strength,
                story: f.story.clone(),
            },
            Record::Related(r) => RecordHead {
                kind: RecordKind::Related(r.kind),
                title: r.speaker.clone(),
                len: r.quotes.len(),
                strength: 0.0,
                story: None,
            },
            Record::Passage(p) => RecordHead {
                kind: RecordKind::Passage,
                title: p.text.chars().take(80).collect(),
                len: p.article_ids.len(),
                strength: 0.0,
                story: None,
            },
        }
    }

    /// The articles it touches, as [`article_key`]s, without repeats.
    pub fn article_keys(&self) -> Vec<u64> {
        let ids: Vec<&str> = match self {
            Record::Finding(f) => f.claims.iter().map(|c| c.article_id.as_str()).collect(),
            Record::Related(r) => r.quotes.iter().map(|q| q.article_id.as_str()).collect(),
            Record::Passage(p) => p.article_ids.iter().map(String::as_str).collect(),
        };
        let mut seen = BTreeSet::new();
        ids.into_iter()
            .map(article_key)
            .filter(|k| seen.insert(*k))
            .collect()
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

/// Which records touch each article: article keys in ascending order, each with the
/// numbers of its records (ascending). Built once per analysis; a reader looks an article
/// up by binary search.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleRecords {
    /// (article key, first index into `records`, count)
    pub keys: Vec<(u64, u32, u32)>,
    pub records: Vec<u32>,
}

impl ArticleRecords {
    pub fn build(records: &[Record]) -> ArticleRecords {
        let mut pairs: Vec<(u64, u32)> = records
            .iter()
            .enumerate()
            .flat_map(|(n, r)| r.article_keys().into_iter().map(move |k| (k, n as u32)))
            .collect();
        pairs.sort_unstable();
        let mut out = ArticleRecords {
            keys: Vec::new(),
            records: Vec::with_capacity(pairs.len()),
        };
        for (k, n) in pairs {
            match out.keys.last_mut() {
                Some(last) if last.0 == k => last.2 += 1,
                _ => out.keys.push((k, out.records.len() as u32, 1)),
            }
            out.records.push(n);
        }
        out
    }

    /// The records that touch the article with this id.
    pub fn of(&self, id: &str) -> &[u32] {
        let key = article_key(id);
        match self.keys.binary_search_by_key(&key, |e| e.0) {
            Ok(i) => {
                let (_, start, len) = self.keys[i];
                self.records
                    .get(start as usize..start as usize + len as usize)
                    .unwrap_or(&[])
            }
            Err(_) => &[],
        }
    }

    /// As bytes, little-endian: the number of keys, the keys, then the record numbers.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(8 + self.keys.len() * 16 + self.records.len() * 4);
        b.extend_from_slice(&(self.keys.len() as u64).to_le_bytes());
        for &(k, s, l) in &self.keys {
            b.extend_from_slice(&k.to_le_bytes());
            b.extend_from_slice(&s.to_le_bytes());
            b.extend_from_slice(&l.to_le_bytes());
        }
        for &r in &self.records {
            b.extend_from_slice(&r.to_le_bytes());
        }
        b
    }

    /// Reads [`ArticleRecords::to_bytes`]; `None` when the bytes are not such a table.
    pub fn from_bytes(b: &[u8]) -> Option<ArticleRecords> {
        let n = u64::from_le_bytes(b.get(..8)?.try_into().ok()?) as usize;
        let keys_end = n.checked_mul(16)?.checked_add(8)?;
        let key_bytes = b.get(8..keys_end)?;
        let rest = &b[keys_end..];
        if !rest.len().is_multiple_of(4) {
            return None;
        }
        let keys: Vec<(u64, u32, u32)> = key_bytes
            .chunks_exact(16)
            .map(|c| {
                (
                    u64::from_le_bytes(c[..8].try_into().expect("8 bytes")),
                    u32::from_le_bytes(c[8..12].try_into().expect("4 bytes")),
                    u32::from_le_bytes(c[12..].try_into().expect("4 bytes")),
                )
            })
            .collect();
        let records: Vec<u32> = rest
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes(c.try_into().expect("4 bytes")))
            .collect();
        let sorted = keys.windows(2).all(|w| w[0].0 < w[1].0);
        let in_bounds = keys
            .iter()
            .all(|&(_, s, l)| s as usize + l as usize <= records.len());
        (sorted && in_bounds).then_some(ArticleRecords { keys, records })
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crossref::{ClaimRef, SharedPassage};

    fn claim(id: &str) -> ClaimRef {
        ClaimRef {
            article_id: id.into(),
            path: format!("/{id}.txt"),
            value: 1.0,
            high: None,
            unit: None,
            text: "1".into(),
            sentence: "1.".into(),
            qualifier: None,
            time: None,
            start: 0,
            end: 1,
            shared_text: false,
        }
    }

    #[test]
    fn article_records_find_every_record_of_an_article_and_survive_bytes() {
        let a = "00000000000000aa";
        let b = "00000000000000bb";
        let records = vec![
            Record::Finding(Finding {
                kind: FindingKind::Conflict,
                subject: "x".into(),
                explanation: String::new(),
                claims: vec![claim(a), claim(b), claim(a)],
                story: Some("s1".into()),
                strength: 0.5,
                matched: vec!["x".into()],
            }),
            Record::Passage(SharedPassage {
                paths: vec![],
                article_ids: vec![b.into(), "not hex".into()],
                text: "t".into(),
            }),
        ];
        let t = ArticleRecords::build(&records);
        assert_eq!(t.of(a), &[0]);
        assert_eq!(t.of(b), &[0, 1]);
        assert_eq!(t.of("not hex"), &[1]);
        assert!(t.of("00000000000000cc").is_empty());
        let back = ArticleRecords::from_bytes(&t.to_bytes()).expect("round trip");
        assert_eq!(back, t);
        let mut bad = t.to_bytes();
        bad.truncate(bad.len() - 3);
        assert!(ArticleRecords::from_bytes(&bad).is_none());
    }
}
