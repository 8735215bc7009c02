//! Text shared between articles: wire copy and syndication, found by word shingles.
//!
//! Each paragraph becomes a set of hashed word 6-grams. Paragraphs of different articles
//! that share at least half of the smaller one's shingles are copies of one passage.
//! In a large corpus only a fixed fraction of shingles is indexed (chosen by hash, so the
//! same in every article), which keeps memory linear and small.

use rustc_hash::{FxHashMap as HashMap, FxHashSet};

use super::topics::Tokens;

const SHINGLE_WORDS: usize = 6;
/// Shingles found in more paragraphs than this are boilerplate, not copying.
const MAX_POSTINGS: usize = 64;
/// Fraction of the smaller paragraph's shingles that must be shared.
const MIN_OVERLAP: f64 = 0.5;

/// A paragraph: article index and paragraph index.
pub type ParaId = (usize, usize);

/// The paragraphs of each article and which of them are copies of each other.
pub struct SharedText {
    /// Byte ranges of each article's paragraphs.
    pub paragraphs: Vec<Vec<std::ops::Range<usize>>>,
    /// Paragraph → group of copies it belongs to (only paragraphs that have copies).
    pub group_of: HashMap<ParaId, usize>,
    /// Each group's members, sorted.
    pub groups: Vec<Vec<ParaId>>,
}

impl SharedText {
    /// The paragraph of an article holding a byte offset.
    pub fn paragraph_at(&self, article: usize, offset: usize) -> Option<usize> {
        let paras = &self.paragraphs[article];
        let i = paras.partition_point(|r| r.end < offset);
        (i < paras.len() && paras[i].start <= offset).then_some(i)
    }

    /// The copy group of the paragraph holding `offset` in `article`.
    pub fn group_at(&self, article: usize, offset: usize) -> Option<usize> {
        let p = self.paragraph_at(article, offset)?;
        self.group_of.get(&(article, p)).copied()
    }
}

/// Lower-case words of a text, letters and digits only.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Hashed word 6-grams of a paragraph, sorted and unique.
fn shingles(words: &[u64]) -> Vec<u64> {
    if words.len() < SHINGLE_WORDS {
        return Vec::new();
    }
    let mut out: Vec<u64> = words
        .windows(SHINGLE_WORDS)
        .map(|win| {
            win.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &w| {
                (h ^ w).wrapping_mul(0x0000_0100_0000_01b3).rotate_left(29)
            })
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Finds the paragraphs copied between articles.
///
/// Identical paragraphs are grouped first by a hash of their words (wire copy is mostly
/// verbatim); only distinct paragraphs are then compared by shingles, to find copies
/// that were lightly edited.
pub fn find_shared(tokens: &[Tokens]) -> SharedText {
    use rayon::prelude::*;
    let paragraphs: Vec<Vec<std::ops::Range<usize>>> =
        tokens.iter().map(|t| t.paragraphs.clone()).collect();
    // Every paragraph's fingerprint, in parallel.
    // A paragraph that is largely quotation is reported speech: outlets quoting the same
    // speaker have not copied each other, so such paragraphs get no shingles.
    let empty: Vec<u64> = Vec::new();
    let hashed: Vec<Vec<(u64, &Vec<u64>)>> = tokens
        .par_iter()
        .map(|t| {
            t.paragraph_words
                .iter()
                .zip(&t.paragraph_lengths)
                .map(|(w, &len)| {
                    // Unquoted words must be at least 60% of the paragraph.
                    let w = if w.len() * 5 < len * 3 { &empty } else { w };
                    (w.iter().fold(0u64, |h, &x| h.rotate_left(7) ^ x), w)
                })
                .collect()
        })
        .collect();
    // Distinct paragraphs (long enough to shingle) and the places each occurs.
    let mut distinct: HashMap<u64, usize> = HashMap::default();
    let mut members: Vec<Vec<ParaId>> = Vec::new();
    let mut words_of: Vec<&[u64]> = Vec::new();
    for (ai, paras) in hashed.iter().enumerate() {
        for (pi, (fp, w)) in paras.iter().enumerate() {
            if w.len() < SHINGLE_WORDS {
                continue;
            }
            let node = *distinct.entry(*fp).or_insert_with(|| {
                members.push(Vec::new());
                words_of.push(w.as_slice());
                members.len() - 1
            });
            members[node].push((ai, pi));
        }
    }
    let sets: Vec<Vec<u64>> = words_of.par_iter().map(|w| shingles(w)).collect();
    // Index every shingle in small corpora; a hash-chosen quarter in large ones.
    let sample = if sets.len() > 50_000 { 4 } else { 1 };
    let mut postings: HashMap<u64, Vec<u32>> = HashMap::default();
    for (node, sh) in sets.iter().enumerate() {
        for &h in sh {
            if h % sample == 0 {
                postings.entry(h).or_default().push(node as u32);
            }
        }
    }
    let mut parent: Vec<usize> = (0..sets.len()).collect();
    let mut checked: FxHashSet<(u32, u32)> = Default::default();
    for list in postings.values() {
        if list.len() < 2 || list.len() > MAX_POSTINGS {
            continue;
        }
        for (i, &x) in list.iter().enumerate() {
            for &y in &list[i + 1..] {
                let (x, y) = (x.min(y), x.max(y));
                if !checked.insert((x, y)) {
                    continue;
                }
                let (a, b) = (&sets[x as usize], &sets[y as usize]);
                let shared = count_common(a, b);
                if shared as f64 >= MIN_OVERLAP * a.len().min(b.len()) as f64 {
                    let (rx, ry) = (find(&mut parent, x as usize), find(&mut parent, y as usize));
                    if rx != ry {
                        parent[rx] = ry;
                    }
                }
            }
        }
    }
    let mut by_root: HashMap<usize, Vec<ParaId>> = HashMap::default();
    for (node, places) in members.iter().enumerate() {
        let r = find(&mut parent, node);
        by_root.entry(r).or_default().extend(places.iter().copied());
    }
    let mut groups: Vec<Vec<ParaId>> = by_root
        .into_values()
        .map(|mut g| {
            g.sort_unstable();
            g
        })
        // Copies within one article (a pull quote) are not shared between articles.
        .filter(|g| g.iter().any(|p| p.0 != g[0].0))
        .collect();
    groups.sort();
    let mut group_of = HashMap::default();
    for (gi, g) in groups.iter().enumerate() {
        for &p in g {
            group_of.insert(p, gi);
        }
    }
    SharedText {
        paragraphs,
        group_of,
        groups,
    }
}

fn count_common(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}
