//! Whether two articles are about the same story: TF-IDF vectors of their words,
//! compared by cosine. Figures are only compared between articles on one story, so a
//! corpus of many stories does not pair "a cheque for $150,000" in one with "a cheque
//! for $1.5m" in another.

use std::collections::HashMap;

use super::ArticleClaims;

/// Terms kept per article vector.
const TERMS_PER_ARTICLE: usize = 256;

const STOPWORDS: &[&str] = &[
    "the", "and", "for", "that", "with", "was", "are", "were", "has", "have", "had", "this",
    "from", "but", "not", "they", "their", "said", "says", "will", "would", "its", "his", "her",
    "she", "him", "who", "which", "been", "being", "also", "more", "than", "about", "after",
    "into", "over", "can", "could", "there", "what", "when", "where", "all", "one", "two", "out",
    "our", "you", "your", "some", "other", "such", "any", "may", "just", "like", "very", "most",
    "only", "them", "these", "those", "then", "now", "new", "year", "years", "last", "first",
    "told", "how", "did", "does", "should", "because", "while", "many", "much", "people",
];

/// A sparse, unit-length TF-IDF vector, sorted by term.
pub type TopicVector = Vec<(u64, f32)>;

/// What the analysis knows of an article's words.
pub struct Topic {
    pub vector: TopicVector,
    /// The article's heaviest terms, for blocking: articles on one story share some.
    pub top: Vec<u64>,
    /// Every word of the article (lower case, singular), hashed and sorted.
    pub words: Vec<u64>,
}

/// Terms used for blocking per article.
const TOP_TERMS: usize = 4;

/// The hash of a word as [`Topic::words`] holds it.
pub fn word_hash(word: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(super::figures::singular(&word.to_lowercase()).as_bytes())
}

impl Topic {
    /// Whether the article uses the word (in any case, singular or plural).
    pub fn has_word(&self, word: &str) -> bool {
        self.words.binary_search(&word_hash(word)).is_ok()
    }
}

fn terms(body: &str) -> (HashMap<u64, u32>, Vec<u64>) {
    let mut tf: HashMap<u64, u32> = HashMap::new();
    let mut words = Vec::new();
    for w in body.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '(' && c != ')') {
        let w = w.trim_matches('-');
        if w.is_empty() {
            continue;
        }
        words.push(word_hash(w));
        if w.len() < 3 || w.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let lower = w.to_lowercase();
        if STOPWORDS.contains(&lower.as_str()) {
            continue;
        }
        *tf.entry(xxhash_rust::xxh3::xxh3_64(lower.as_bytes()))
            .or_default() += 1;
    }
    words.sort_unstable();
    words.dedup();
    (tf, words)
}

/// One topic per article.
pub fn topics(articles: &[ArticleClaims<'_>]) -> Vec<Topic> {
    use rayon::prelude::*;
    let (tfs, words): (Vec<HashMap<u64, u32>>, Vec<Vec<u64>>) =
        articles.par_iter().map(|a| terms(a.body)).unzip();
    let mut df: HashMap<u64, u32> = HashMap::new();
    for tf in &tfs {
        for &t in tf.keys() {
            *df.entry(t).or_default() += 1;
        }
    }
    let n = articles.len().max(1) as f32;
    tfs.par_iter()
        .zip(words.into_par_iter())
        .map(|(tf, words)| {
            let mut v: Vec<(u64, f32)> = tf
                .iter()
                .map(|(&t, &c)| {
                    let idf = (1.0 + n / df[&t] as f32).ln();
                    (t, (1.0 + (c as f32).ln()) * idf)
                })
                .collect();
            v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            v.truncate(TERMS_PER_ARTICLE);
            let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt().max(1e-9);
            for x in &mut v {
                x.1 /= norm;
            }
            let top = v.iter().take(TOP_TERMS).map(|x| x.0).collect();
            v.sort_by_key(|x| x.0);
            Topic {
                vector: v,
                top,
                words,
            }
        })
        .collect()
}

/// Cosine similarity of two vectors.
pub fn cosine(a: &TopicVector, b: &TopicVector) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}
