//! Text shared between articles: wire copy and syndication, found by word shingles.
//!
//! Each paragraph becomes a set of hashed word 6-grams. Paragraphs of different articles
//! that share at least half of the smaller one's shingles are copies of one passage.
//! In a large corpus only a fixed fraction of shingles is indexed (chosen by hash, so the
//! same in every article), which keeps memory linear and small.

use std::collections::HashMap;

use super::ArticleClaims;

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

fn shingles(text: &str) -> Vec<u64> {
    let w = words(text);
    if w.len() < SHINGLE_WORDS {
        return Vec::new();
    }
    let mut out: Vec<u64> = w
        .windows(SHINGLE_WORDS)
        .map(|win| xxhash_rust::xxh3::xxh3_64(win.join(" ").as_bytes()))
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
pub fn find_shared(articles: &[ArticleClaims<'_>]) -> SharedText {
    let paragraphs: Vec<Vec<std::ops::Range<usize>>> = articles
        .iter()
        .map(|a| crate::corpus::paragraph_ranges(a.body))
        .collect();
    // Index every shingle in small corpora; a hash-chosen quarter in large ones.
    let sample = if articles.len() > 5_000 { 4 } else { 1 };
    let mut ids: Vec<ParaId> = Vec::new();
    let mut sets: Vec<Vec<u64>> = Vec::new();
    let mut postings: HashMap<u64, Vec<u32>> = HashMap::new();
    for (ai, a) in articles.iter().enumerate() {
        for (pi, r) in paragraphs[ai].iter().enumerate() {
            let sh = shingles(&a.body[r.clone()]);
            if sh.is_empty() {
                continue;
            }
            let node = ids.len() as u32;
            for &h in &sh {
                if h % sample == 0 {
                    postings.entry(h).or_default().push(node);
                }
            }
            ids.push((ai, pi));
            sets.push(sh);
        }
    }
    let mut parent: Vec<usize> = (0..ids.len()).collect();
    let mut checked: std::collections::HashSet<(u32, u32)> = Default::default();
    for list in postings.values() {
        if list.len() < 2 || list.len() > MAX_POSTINGS {
            continue;
        }
        for (i, &x) in list.iter().enumerate() {
            for &y in &list[i + 1..] {
                let (x, y) = (x.min(y), x.max(y));
                if ids[x as usize].0 == ids[y as usize].0 || !checked.insert((x, y)) {
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
    let mut by_root: HashMap<usize, Vec<ParaId>> = HashMap::new();
    for (i, id) in ids.iter().enumerate() {
        let r = find(&mut parent, i);
        by_root.entry(r).or_default().push(*id);
    }
    let mut groups: Vec<Vec<ParaId>> = by_root
        .into_values()
        .filter(|g| g.len() > 1)
        .map(|mut g| {
            g.sort_unstable();
            g
        })
        .collect();
    groups.sort();
    let mut group_of = HashMap::new();
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
