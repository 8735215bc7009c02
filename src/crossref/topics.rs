//! What the figure comparison knows of each article's words: every word (to check that a
//! modifier one figure's subject has occurs in the other article) and the heaviest
//! TF-IDF terms (to split a large block of figures by what their articles are about).
//! Which articles are on one story is decided earlier, in `stories`.

use rustc_hash::FxHashMap as HashMap;

/// Words too common in news to tell stories apart.
pub const STOPWORDS: &[&str] = &[
    "the", "and", "for", "that", "with", "was", "are", "were", "has", "have", "had", "this",
    "from", "but", "not", "they", "their", "said", "says", "will", "would", "its", "his", "her",
    "she", "him", "who", "which", "been", "being", "also", "more", "than", "about", "after",
    "into", "over", "can", "could", "there", "what", "when", "where", "all", "one", "two", "out",
    "our", "you", "your", "some", "other", "such", "any", "may", "just", "like", "very", "most",
    "only", "them", "these", "those", "then", "now", "new", "year", "years", "last", "first",
    "told", "how", "did", "does", "should", "because", "while", "many", "much", "people",
];

/// Whether a lower-case word is one of [`STOPWORDS`] (a set: the tokenizers ask for
/// every word of the corpus).
pub fn is_stopword(word: &str) -> bool {
    static SET: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
        std::sync::LazyLock::new(|| STOPWORDS.iter().copied().collect());
    SET.contains(word)
}

/// What the analysis knows of an article's words.
pub struct Topic {
    /// The article's heaviest terms, for blocking: articles on one story share some.
    pub top: Vec<u64>,
    /// Every word of the article (lower case), hashed and sorted.
    pub words: Vec<u64>,
}

/// Terms used for blocking per article.
const TOP_TERMS: usize = 4;

/// The hash of a lower-case word.
pub fn word_hash(word: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(word.as_bytes())
}

impl Topic {
    /// Whether the article uses a word (given lower case and singular), or its plural, or
    /// (for a participle such as "damaged", "wounded") the word it is made from.
    /// A word with punctuation inside ("287(g)", "foreign-born") counts when all its
    /// parts occur.
    pub fn has_word(&self, word: &str) -> bool {
        let has = |w: &str| self.words.binary_search(&word_hash(w)).is_ok();
        let parts: Vec<&str> = word
            .split(|c: char| !c.is_alphanumeric())
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() > 1 {
            return parts.iter().all(|p| has(p));
        }
        has(word)
            || has(&format!("{word}s"))
            || has(&format!("{word}es"))
            || word
                .strip_suffix('y')
                .is_some_and(|stem| has(&format!("{stem}ies")))
            || word.strip_suffix("ed").is_some_and(|stem| {
                stem.len() >= 3
                    && (has(stem) || has(&format!("{stem}e")) || has(&format!("{stem}s")))
            })
    }
}

/// One pass over an article's text, shared by the analysis stages.
pub struct Tokens {
    /// Byte ranges of the paragraphs.
    pub paragraphs: Vec<std::ops::Range<usize>>,
    /// Hashes of each paragraph's lower-case words outside quotation marks, in order:
    /// two outlets quoting the same statement have not copied each other's text.
    pub paragraph_words: Vec<Vec<u64>>,
    /// How many words each paragraph has, quoted or not.
    pub paragraph_lengths: Vec<usize>,
    /// Every word's hash, quoted or not: sorted and unique.
    words: Vec<u64>,
    /// Term counts of the content words (no stop words, numbers or short words).
    tf: HashMap<u64, u32>,
}

/// Splits an article into paragraphs and hashed words.
pub fn tokenize(body: &str) -> Tokens {
    let paragraphs = crate::corpus::paragraph_ranges(body);
    let mut tf: HashMap<u64, u32> = HashMap::default();
    let mut all = Vec::new();
    let mut buf = String::new();
    let mut paragraph_lengths = Vec::with_capacity(paragraphs.len());
    let paragraph_words = paragraphs
        .iter()
        .map(|r| {
            let before = all.len();
            let mut words = Vec::new();
            let mut quoted = false;
            let text = &body[r.clone()];
            let mut flush = |buf: &mut String, quoted: bool, words: &mut Vec<u64>| {
                if buf.is_empty() {
                    return;
                }
                let h = word_hash(buf);
                all.push(h);
                if !quoted {
                    words.push(h);
                }
                if buf.len() >= 3 && !buf.chars().all(|c| c.is_ascii_digit()) && !is_stopword(buf) {
                    *tf.entry(h).or_default() += 1;
                }
                buf.clear();
            };
            for c in text.chars() {
                if c.is_alphanumeric() {
                    buf.extend(c.to_lowercase());
                    continue;
                }
                flush(&mut buf, quoted, &mut words);
                match c {
                    '“' => quoted = true,
                    '”' => quoted = false,
                    '"' => quoted = !quoted,
                    _ => {}
                }
            }
            flush(&mut buf, quoted, &mut words);
            paragraph_lengths.push(all.len() - before);
            words
        })
        .collect();
    all.sort_unstable();
    all.dedup();
    all.shrink_to_fit();
    Tokens {
        paragraphs,
        paragraph_words,
        paragraph_lengths,
        words: all,
        tf,
    }
}

/// One topic per article (each article's words move from its tokens to its topic).
pub fn topics(tokens: &mut [Tokens]) -> Vec<Topic> {
    use rayon::prelude::*;
    let words: Vec<Vec<u64>> = tokens
        .iter_mut()
        .map(|t| std::mem::take(&mut t.words))
        .collect();
    let tfs: Vec<&HashMap<u64, u32>> = tokens.iter().map(|t| &t.tf).collect();
    let mut df: HashMap<u64, u32> = HashMap::default();
    for tf in &tfs {
        for &t in tf.keys() {
            *df.entry(t).or_default() += 1;
        }
    }
    let n = tokens.len().max(1) as f32;
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
            let order = |a: &(u64, f32), b: &(u64, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
            if v.len() > TOP_TERMS {
                v.select_nth_unstable_by(TOP_TERMS, order);
                v.truncate(TOP_TERMS);
            }
            v.sort_by(order);
            let top = v.iter().map(|x| x.0).collect();
            Topic { top, words }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_found_under_its_plural_and_a_participle_under_its_stem() {
        let mut tokens = vec![tokenize(
            "The riots caused damage to 565 shops; wounds were treated and stories told.",
        )];
        let t = &topics(&mut tokens)[0];
        assert!(t.has_word("shop"));
        assert!(t.has_word("story"));
        assert!(t.has_word("damaged"), "damaged → damage");
        assert!(t.has_word("wounded"), "wounded → wounds");
        assert!(!t.has_word("burned"));
        assert!(!t.has_word("bed"), "too short a stem is not taken");
    }
}
