//! Stories: articles grouped by the real-world event they report, before anything is
//! compared across articles.
//!
//! Two reports of one kind of event (two games of one team, two quakes in one region)
//! share most of their vocabulary; what tells them apart is what is particular to each:
//! the names and places (capitalised words inside a sentence), the figures (scores,
//! tolls, magnitudes, years) and the headline's words. Each article becomes a TF-IDF
//! vector in which those count more (the IDF smoothed, ln(1 + N/df), so that in a folder
//! of one event the words every report shares still hold it together), and articles join stories one at a time: an
//! article joins the story whose centroid is most like it when the cosine reaches
//! [`JOIN`], and founds a new one otherwise; then each article moves to the story it is
//! closest to, once over; last, a story whose articles fall into two halves less alike
//! than one event's reports are (two-means over its members) splits in two: two product
//! launches years apart, a day's news and the next day's sequel, each half telling its
//! own names and figures. The grouping depends only on the articles (an index updated
//! step by step finds what a fresh one finds); ids are inherited from the previous
//! grouping by majority, so a story keeps its id when articles join or leave it, and a
//! new story's id is derived from the article that founded it.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use super::ArticleClaims;
use super::topics::{STOPWORDS, word_hash};
use crate::calendar::WEEKDAYS;

/// Cosine between an article and a story's centroid from which the article joins it.
pub const JOIN: f32 = 0.25;

/// Reports published this many days apart or less are on one footing; beyond it, an
/// article joins a story only if it is the more like it the further apart they are.
const DATE_GRACE_DAYS: i64 = 3;
/// How much more alike, per week beyond the grace, an article must be to join a story
/// whose reports were published that far from it: two events of one kind weeks apart
/// (two quakes, two games, two shutdowns) read alike, and their dates tell them apart.
const DATE_STEP_PER_WEEK: f32 = 0.05;

/// The cosine an article must reach to join a story whose nearest report is `gap` days
/// from it.
fn join_threshold(gap: i64) -> f32 {
    JOIN + DATE_STEP_PER_WEEK * (gap - DATE_GRACE_DAYS).max(0) as f32 / 7.0
}

/// The IDF is computed as if the corpus had at least this many articles. In a small
/// folder of one event, the words every report shares would otherwise weigh next to
/// nothing against the details only two reports share, and one event would split into
/// several stories (30 of the 135 dev clusters did, alone in their folder; 13 with this).
const MIN_IDF_ARTICLES: f32 = 1000.0;

/// Terms kept per article vector.
const TERMS: usize = 256;
/// An article's heaviest terms, through which candidate stories are found.
const PROBE_TERMS: usize = 30;
/// A term in more stories than this is not used to find candidates.
const MAX_POSTING: usize = 256;
/// Stories compared with each article (those sharing most of its heaviest terms).
const CANDIDATES: usize = 24;
/// Refinement passes (one is as good as two on the dev clusters: stories F1 0.91 both).
const PASSES: usize = 1;
/// Keywords reported per story.
const KEYWORDS: usize = 6;

/// A word in at most this many articles, or in at most one in [`DISTINCT_SHARE`] of
/// them, is distinctive: one event's reports share at least one such word.
const DISTINCT_MIN_DF: usize = 24;
const DISTINCT_SHARE: usize = 1000;

const WEIGHT_TITLE: f32 = 3.0;
const WEIGHT_NAME: f32 = 3.0;
const WEIGHT_FIGURE: f32 = 3.0;

/// Honorifics, left out besides the analysis's stop words and the weekdays (every story
/// has them).
const HONORIFICS: &[&str] = &["mr", "mrs", "ms"];

fn stop(word: &str) -> bool {
    static SET: std::sync::LazyLock<HashSet<&'static str>> = std::sync::LazyLock::new(|| {
        [STOPWORDS, WEEKDAYS, HONORIFICS]
            .into_iter()
            .flatten()
            .copied()
            .collect()
    });
    SET.contains(word)
}

/// Terms are already hashes (xxh3): a map keyed by them need not hash them again.
#[derive(Default)]
struct TermHasher(u64);

impl Hasher for TermHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type TermMap<V> = HashMap<u64, V, BuildHasherDefault<TermHasher>>;

/// A story: its id, a title (its founding article's), its heaviest terms, and its
/// articles (indices into the input).
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    pub id: String,
    pub title: String,
    pub keywords: Vec<String>,
    pub articles: Vec<usize>,
}

/// The id of a story founded by an article.
pub fn story_id(article_id: &str) -> String {
    format!("s{:012x}", word_hash(article_id) >> 16)
}

/// A term of an article: its weight, whether it is a word (not a figure), and where it
/// first stands (to spell it as a keyword).
#[derive(Debug, Clone, Copy)]
struct Term {
    weight: f32,
    letters: bool,
    in_title: bool,
    start: u32,
    end: u32,
}

/// An article's weighted terms, by hash.
type Terms = TermMap<Term>;

/// An article's heaviest terms with their TF-IDF weights, heaviest first, of unit length.
type Vector = Vec<(u64, f32)>;

/// The article's terms: headline words, names and figures weighted up.
fn terms(title: Option<&str>, body: &str) -> Terms {
    let mut t = Terms::default();
    if let Some(title) = title {
        add_terms(&mut t, title, true, WEIGHT_TITLE);
    }
    add_terms(&mut t, body, false, 1.0);
    t
}

/// A word as a term: lower case, "’" as "'", without a possessive "'s".
fn normalize(word: &str, low: &mut String) {
    low.clear();
    if word.is_ascii() {
        low.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    } else {
        // `str::to_lowercase` knows a final sigma, which `char`'s does not.
        low.push_str(&word.to_lowercase().replace('’', "'"));
    }
    if low.ends_with("'s") {
        low.truncate(low.len() - 2);
    }
}

/// How a term is spelled (its first occurrence, normalized).
fn spelling(term: &Term, title: Option<&str>, body: &str) -> String {
    let text = if term.in_title {
        title.unwrap_or_default()
    } else {
        body
    };
    let mut low = String::new();
    normalize(&text[term.start as usize..term.end as usize], &mut low);
    low
}

fn add_terms(t: &mut Terms, text: &str, in_title: bool, weight: f32) {
    let mut sentence_start = true;
    // The lower-case word, in one buffer for the whole text.
    let mut low = String::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphabetic() || c.is_ascii_digit() {
            let digit = c.is_ascii_digit();
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                let inner = if digit {
                    // 31-24, 7.6, 1,255, 10:30
                    d.is_ascii_digit()
                        || (matches!(d, '.' | ',' | '-' | ':')
                            && text[j + 1..]
                                .chars()
                                .next()
                                .is_some_and(|n| n.is_ascii_digit()))
                } else {
                    d.is_alphanumeric()
                        || (matches!(d, '\'' | '’' | '-')
                            && text[j + d.len_utf8()..]
                                .chars()
                                .next()
                                .is_some_and(char::is_alphabetic))
                };
                if !inner {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            normalize(&text[i..end], &mut low);
            let w = if digit {
                weight * WEIGHT_FIGURE
            } else if low.chars().count() < 3 || stop(&low) {
                0.0
            } else if c.is_uppercase() && !sentence_start {
                weight * WEIGHT_NAME
            } else {
                weight
            };
            if w > 0.0 {
                t.entry(word_hash(&low))
                    .or_insert(Term {
                        weight: 0.0,
                        letters: !digit,
                        in_title,
                        start: i as u32,
                        end: end as u32,
                    })
                    .weight += w;
            }
            sentence_start = false;
        } else if matches!(c, '.' | '!' | '?' | '"' | '“' | '\n' | ':') {
            sentence_start = true;
        }
    }
}

/// A story as it is being built: its centroid (sum of member vectors) and members.
struct Building {
    id: String,
    founder: usize,
    centroid: TermMap<f32>,
    norm2: f32,
    members: Vec<usize>,
    /// The publication days of its dated members, with how many on each.
    days: Days,
    /// The days of the year of its members known only by a wire dateline ("LONDON,
    /// March 4 -").
    dateline_days: Days,
}

/// When an article was published, as far as it tells: a full date, or only the month
/// and day of a wire dateline.
#[derive(Debug, Clone, Copy, Default)]
struct When {
    day: Option<i64>,
    day_of_year: Option<i64>,
}

/// Days with how many members on each.
#[derive(Debug, Default)]
struct Days(std::collections::BTreeMap<i64, u32>);

impl Days {
    fn add(&mut self, d: Option<i64>) {
        if let Some(d) = d {
            *self.0.entry(d).or_default() += 1;
        }
    }

    fn remove(&mut self, d: Option<i64>) {
        if let Some(d) = d
            && let Some(n) = self.0.get_mut(&d)
        {
            *n -= 1;
            if *n == 0 {
                self.0.remove(&d);
            }
        }
    }

    /// Days from `d` to the nearest one, going round the year when `year` is set (days
    /// of the year from datelines); `None` when there is none.
    fn nearest(&self, d: i64, year: Option<i64>) -> Option<i64> {
        let after = self.0.range(d..).next().map(|(&x, _)| x - d);
        let before = self.0.range(..d).next_back().map(|(&x, _)| d - x);
        let mut best = match (before, after) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        if let (Some(len), Some((&first, _)), Some((&last, _))) =
            (year, self.0.first_key_value(), self.0.last_key_value())
        {
            let round = (first + len - d).min(d + len - last);
            best = best.map(|b| b.min(round));
        }
        best
    }
}

impl Building {
    /// Days from an article's date to the nearest member's (0 when nothing compares:
    /// the article or every member undated).
    fn gap(&self, when: When) -> i64 {
        if let Some(d) = when.day
            && let Some(g) = self.days.nearest(d, None)
        {
            return g;
        }
        if let Some(d) = when.day_of_year
            && let Some(g) = self.dateline_days.nearest(d, Some(365))
        {
            return g;
        }
        0
    }

    fn add_day(&mut self, when: When) {
        self.days.add(when.day);
        self.dateline_days.add(when.day_of_year);
    }

    fn remove_day(&mut self, when: When) {
        self.days.remove(when.day);
        self.dateline_days.remove(when.day_of_year);
    }

    fn add(&mut self, i: usize, v: &[(u64, f32)]) {
        for &(t, w) in v {
            let c = self.centroid.entry(t).or_default();
            self.norm2 += (*c + w) * (*c + w) - *c * *c;
            *c += w;
        }
        self.members.push(i);
    }

    fn remove(&mut self, i: usize, v: &[(u64, f32)]) {
        for &(t, w) in v {
            if let Some(c) = self.centroid.get_mut(&t) {
                self.norm2 += (*c - w) * (*c - w) - *c * *c;
                *c -= w;
            }
        }
        self.members.retain(|&m| m != i);
    }

    /// Whether the story holds one of the article's distinctive terms (those of its
    /// vector that are distinctive).
    fn shares(&self, distinct: &[u64]) -> bool {
        distinct
            .iter()
            .any(|t| self.centroid.get(t).is_some_and(|&c| c > 1e-6))
    }

    /// Cosine of a unit vector with the centroid, leaving out `without` (a member's own
    /// vector) when given.
    fn similarity(&self, v: &[(u64, f32)], without: bool) -> f32 {
        let mut dot = 0.0;
        let mut norm2 = self.norm2;
        for &(t, w) in v {
            let c = self.centroid.get(&t).copied().unwrap_or(0.0);
            if without {
                dot += w * (c - w);
                norm2 += (c - w) * (c - w) - c * c;
            } else {
                dot += w * c;
            }
        }
        if norm2 <= 1e-9 {
            0.0
        } else {
            dot / norm2.sqrt()
        }
    }
}

/// The stories an article is compared with: those sharing the most of its heaviest
/// terms, at most [`CANDIDATES`], `except` left out; in index order.
/// Scratch space for counting the probe terms an article shares with each story, kept
/// between articles so counting allocates nothing.
#[derive(Default)]
struct Tally {
    counts: Vec<u32>,
    touched: Vec<usize>,
}

/// The stories whose members have a term among their heaviest, up to one more than
/// [`MAX_POSTING`] (a term past it is not used to look, and stories never leave it).
#[derive(Default)]
struct Posting(Vec<usize>);

impl Posting {
    fn insert(&mut self, s: usize) {
        if self.0.len() <= MAX_POSTING && !self.0.contains(&s) {
            self.0.push(s);
        }
    }
}

fn candidates(
    probe: &TermMap<Posting>,
    v: &[(u64, f32)],
    except: usize,
    tally: &mut Tally,
) -> Vec<usize> {
    for (t, _) in v.iter().take(PROBE_TERMS) {
        let Some(Posting(set)) = probe.get(t) else {
            continue;
        };
        // A term of many stories says little about which one.
        if set.len() > MAX_POSTING {
            continue;
        }
        for &s in set {
            if s == except {
                continue;
            }
            if s >= tally.counts.len() {
                tally.counts.resize(s + 1, 0);
            }
            if tally.counts[s] == 0 {
                tally.touched.push(s);
            }
            tally.counts[s] += 1;
        }
    }
    let counts = &mut tally.counts;
    let mut by_count: Vec<(usize, u32)> = tally
        .touched
        .drain(..)
        .map(|s| (s, std::mem::take(&mut counts[s])))
        .collect();
    let order = |a: &(usize, u32), b: &(usize, u32)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
    if by_count.len() > CANDIDATES {
        by_count.select_nth_unstable_by(CANDIDATES, order);
        by_count.truncate(CANDIDATES);
    }
    let mut out: Vec<usize> = by_count.into_iter().map(|x| x.0).collect();
    out.sort_unstable();
    out
}

/// Founds a story with id `id` for article `founder`; returns its index.
fn found(
    built: &mut Vec<Building>,
    by_id: &mut HashMap<String, usize>,
    id: String,
    founder: usize,
) -> usize {
    by_id.insert(id.clone(), built.len());
    built.push(Building {
        id,
        founder,
        centroid: TermMap::default(),
        norm2: 0.0,
        members: Vec::new(),
        days: Days::default(),
        dateline_days: Days::default(),
    });
    built.len() - 1
}

/// Groups articles into stories. Every article is in exactly one story, and the grouping
/// depends only on the articles, never on what was grouped before, so an index updated
/// step by step finds what a fresh one finds. `previous` maps article ids to the story
/// ids they had (from an earlier run): a story takes the earlier id most of its articles
/// had, so ids survive updates; a story with none takes its founding article's.
pub fn stories(articles: &[ArticleClaims<'_>], previous: &HashMap<String, String>) -> Vec<Story> {
    use rayon::prelude::*;
    let terms: Vec<Terms> = articles
        .par_iter()
        .map(|a| terms(a.title, a.body))
        .collect();
    let mut df: TermMap<u32> = TermMap::default();
    for t in &terms {
        for &h in t.keys() {
            *df.entry(h).or_default() += 1;
        }
    }
    let n = (articles.len() as f32).max(MIN_IDF_ARTICLES);
    // Each article's vector, and each of its terms' spelling (`Term`, in the same order).
    let (vectors, spelled): (Vec<Vector>, Vec<Vec<Term>>) = terms
        .into_par_iter()
        .map(|t| {
            let mut v: Vec<(u64, f32)> = t
                .iter()
                .filter(|(h, _)| df[h] >= 2)
                .map(|(&h, t)| {
                    let w = t.weight;
                    (h, (1.0 + w.ln().max(0.0)) * (1.0 + n / df[&h] as f32).ln())
                })
                .filter(|&(_, w)| w > 0.0)
                .collect();
            v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            v.truncate(TERMS);
            let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt().max(1e-9);
            for x in &mut v {
                x.1 /= norm;
            }
            let spelled = v.iter().map(|(h, _)| t[h]).collect();
            (v, spelled)
        })
        .unzip();
    // Words few articles use (names, places, the event's own terms): an article joins
    // only a story that shares one of them, however alike the rest of their words (two
    // companies' quarterly results, filed in one template, share none).
    let rare = DISTINCT_MIN_DF.max(articles.len() / DISTINCT_SHARE);
    // Per article, the terms of its vector that are distinctive.
    let distinct: Vec<Vec<u64>> = vectors
        .iter()
        .zip(&spelled)
        .map(|(v, terms)| {
            v.iter()
                .zip(terms)
                .filter(|((h, _), t)| {
                    let n = df.get(h).copied().unwrap_or(0) as usize;
                    (2..=rare).contains(&n) && t.letters
                })
                .map(|((h, _), _)| *h)
                .collect()
        })
        .collect();
    drop(df);
    // Days of the year (not counting 29 February) of wire datelines.
    const BEFORE_MONTH: [i64; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let day: Vec<When> = articles
        .iter()
        .map(|a| {
            let day = a.date.and_then(crate::calendar::day_number);
            let day_of_year = match day {
                Some(_) => None,
                None => crate::calendar::dateline_day(a.body)
                    .map(|(m, d)| BEFORE_MONTH[m as usize - 1] + i64::from(d)),
            };
            When { day, day_of_year }
        })
        .collect();
    // The order articles join in: by date, then path.
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&articles[a], &articles[b]);
        (x.date, x.path).cmp(&(y.date, y.path))
    });
    let mut built: Vec<Building> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut probe: TermMap<Posting> = TermMap::default();
    let mut story_of = vec![usize::MAX; articles.len()];
    let probes =
        |v: &[(u64, f32)]| -> Vec<u64> { v.iter().take(PROBE_TERMS).map(|x| x.0).collect() };
    let index_probe = |probe: &mut TermMap<Posting>, v: &[(u64, f32)], s: usize| {
        for t in probes(v) {
            probe.entry(t).or_default().insert(s);
        }
    };
    let mut tally = Tally::default();
    for &i in &order {
        let v = &vectors[i];
        // A story without a distinctive word of the article is not even measured.
        let best = candidates(&probe, v, usize::MAX, &mut tally)
            .into_iter()
            .filter(|&s| built[s].shares(&distinct[i]))
            .map(|s| (s, built[s].similarity(v, false)))
            .filter(|&(s, sim)| sim >= join_threshold(built[s].gap(day[i])))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        let s = match best {
            Some((s, _)) => s,
            None => {
                let mut id = story_id(articles[i].id);
                while by_id.contains_key(&id) {
                    id.push('x');
                }
                found(&mut built, &mut by_id, id, i)
            }
        };
        built[s].add(i, v);
        built[s].add_day(day[i]);
        story_of[i] = s;
        index_probe(&mut probe, v, s);
    }
    // Refinement: each article is compared with the stories as they stand after joining
    // (in parallel: the centroids do not move while it looks), then the moves are made.
    for _ in 0..PASSES {
        let moves: Vec<(usize, usize)> = order
            .par_iter()
            .map_init(Tally::default, |tally, &i| {
                let v = &vectors[i];
                let cur = story_of[i];
                if built[cur].members.len() == 1 {
                    return None;
                }
                let here = built[cur].similarity(v, true);
                candidates(&probe, v, cur, tally)
                    .into_iter()
                    .filter(|&s| !built[s].members.is_empty() && built[s].shares(&distinct[i]))
                    .map(|s| (s, built[s].similarity(v, false)))
                    .filter(|&(s, sim)| sim >= join_threshold(built[s].gap(day[i])) && sim > here)
                    .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
                    .map(|(s, _)| (i, s))
            })
            .flatten()
            .collect();
        for (i, s) in moves {
            let v = &vectors[i];
            let cur = story_of[i];
            built[cur].remove(i, v);
            built[cur].remove_day(day[i]);
            built[s].add(i, v);
            built[s].add_day(day[i]);
            story_of[i] = s;
            index_probe(&mut probe, v, s);
        }
    }
    // A story that holds two events of one kind splits in two when its members fall
    // into two groups that are less alike than one event's reports are.
    let splits: Vec<(usize, Vec<usize>)> = {
        use rayon::prelude::*;
        (0..built.len())
            .into_par_iter()
            .filter(|&s| built[s].members.len() >= 2 * SPLIT_MIN_HALF)
            .filter_map(|s| {
                let members = &built[s].members;
                let vs: Vec<&[(u64, f32)]> =
                    members.iter().map(|&m| vectors[m].as_slice()).collect();
                let split = bisect(&vs)?;
                let moved: Vec<usize> = members
                    .iter()
                    .zip(&split)
                    .filter(|&(_, &x)| x)
                    .map(|(&m, _)| m)
                    .collect();
                Some((s, moved))
            })
            .collect()
    };
    for (s, moved) in splits {
        // The half without the founder moves to a story of its own, founded by its
        // earliest article.
        let founder = built[s].founder;
        let moved: Vec<usize> = if moved.contains(&founder) {
            built[s]
                .members
                .iter()
                .copied()
                .filter(|m| !moved.contains(m))
                .collect()
        } else {
            moved
        };
        let Some(&first) = order.iter().find(|i| moved.contains(i)) else {
            continue;
        };
        let mut id = story_id(articles[first].id);
        while by_id.contains_key(&id) {
            id.push('x');
        }
        let t = found(&mut built, &mut by_id, id, first);
        for i in moved {
            let v = &vectors[i];
            built[s].remove(i, v);
            built[s].remove_day(day[i]);
            built[t].add(i, v);
            built[t].add_day(day[i]);
            story_of[i] = t;
        }
    }
    let mut out: Vec<Story> = built
        .into_iter()
        .filter(|b| !b.members.is_empty())
        .map(|b| {
            let mut members = b.members;
            members.sort_unstable();
            let founder = if members.contains(&b.founder) {
                b.founder
            } else {
                members[0]
            };
            let mut top: Vec<(u64, f32)> = b.centroid.into_iter().filter(|x| x.1 > 1e-6).collect();
            top.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let mut seen = HashSet::new();
            let keywords = top
                .iter()
                .filter_map(|(h, _)| {
                    members.iter().find_map(|&m| {
                        let a = &articles[m];
                        let at = vectors[m].iter().position(|x| x.0 == *h)?;
                        Some(spelling(&spelled[m][at], a.title, a.body))
                    })
                })
                .filter(|w| seen.insert(w.clone()))
                .take(KEYWORDS)
                .collect();
            // The founder's headline, else the first member's that has one.
            let titled = std::iter::once(founder)
                .chain(members.iter().copied())
                .find(|&m| articles[m].title.is_some())
                .unwrap_or(founder);
            let a = &articles[titled];
            Story {
                id: b.id,
                title: a
                    .title
                    .map(str::to_string)
                    .unwrap_or_else(|| a.path.rsplit('/').next().unwrap_or(a.path).to_string()),
                keywords,
                articles: members,
            }
        })
        .collect();
    inherit_ids(&mut out, articles, previous);
    // Largest first, then by id.
    out.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then(a.id.cmp(&b.id))
    });
    out
}

/// Gives each story the earlier id most of its articles had, the stories with the most
/// such articles first; the others keep their founder's id (made unique).
fn inherit_ids(
    stories: &mut [Story],
    articles: &[ArticleClaims<'_>],
    previous: &HashMap<String, String>,
) {
    if previous.is_empty() {
        return;
    }
    let mut claims: Vec<(usize, usize, &str)> = Vec::new();
    for (s, st) in stories.iter().enumerate() {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for &a in &st.articles {
            if let Some(id) = previous.get(articles[a].id) {
                *counts.entry(id.as_str()).or_default() += 1;
            }
        }
        claims.extend(counts.into_iter().map(|(id, n)| (n, s, id)));
    }
    claims.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(b.2)));
    let mut given: Vec<Option<String>> = vec![None; stories.len()];
    let mut taken: HashSet<String> = HashSet::new();
    for (_, s, id) in claims {
        if given[s].is_none() && !taken.contains(id) {
            given[s] = Some(id.to_string());
            taken.insert(id.to_string());
        }
    }
    for (st, id) in stories.iter_mut().zip(given) {
        match id {
            Some(id) => st.id = id,
            None => {
                while taken.contains(&st.id) {
                    st.id.push('x');
                }
                taken.insert(st.id.clone());
            }
        }
    }
}

/// Per article, the index of its story in `stories`.
pub fn story_of(stories: &[Story], articles: usize) -> Vec<usize> {
    let mut of = vec![usize::MAX; articles];
    for (s, st) in stories.iter().enumerate() {
        for &a in &st.articles {
            of[a] = s;
        }
    }
    of
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::Claims;

    fn view<'a>(
        id: &'a str,
        title: &'a str,
        body: &'a str,
        claims: &'a Claims,
    ) -> ArticleClaims<'a> {
        ArticleClaims {
            id,
            path: id,
            title: Some(title),
            date: None,
            body,
            claims,
        }
    }

    const QUAKE_A: &str = "A magnitude 6.1 earthquake struck near the town of Ludian in Yunnan on Sunday, killing 398 people. Rescuers in Ludian searched the rubble. Officials in Yunnan said 398 had died and 1,800 were hurt.";
    const QUAKE_A2: &str = "Rescue teams reached Ludian after the 6.1 earthquake in Yunnan. The toll rose to 398, officials said, with 1,800 hurt across Ludian county.";
    const QUAKE_B: &str = "A magnitude 7.0 earthquake hit Lushan in Sichuan, killing 196 people. Rescuers in Lushan dug through rubble as officials in Sichuan counted 196 dead and 11,000 hurt.";
    const QUAKE_B2: &str = "The 7.0 earthquake in Sichuan left 196 dead in Lushan county, officials said; 11,000 were hurt and Lushan was cut off.";
    const FOOTBALL: &str = "The Colts beat the Jaguars 31-24 in Jacksonville to clinch a playoff berth, with Peyton Manning throwing for 364 yards.";
    const FOOTBALL2: &str = "Peyton Manning threw for 364 yards as the Colts won 31-24 over the Jaguars in Jacksonville and clinched a playoff place.";

    #[test]
    fn two_quakes_of_one_kind_are_two_stories_and_each_report_joins_its_own() {
        let c = Claims::default();
        let arts = vec![
            view("a1", "Quake kills 398 in Yunnan", QUAKE_A, &c),
            view("b1", "Sichuan quake kills 196", QUAKE_B, &c),
            view("f1", "Colts clinch berth", FOOTBALL, &c),
            view("a2", "Ludian toll rises", QUAKE_A2, &c),
            view("b2", "Lushan cut off after quake", QUAKE_B2, &c),
            view("f2", "Manning leads Colts", FOOTBALL2, &c),
        ];
        let st = stories(&arts, &HashMap::new());
        let of = story_of(&st, arts.len());
        assert_eq!(of[0], of[3], "{st:?}");
        assert_eq!(of[1], of[4], "{st:?}");
        assert_eq!(of[2], of[5], "{st:?}");
        assert_ne!(of[0], of[1], "{st:?}");
        assert_ne!(of[0], of[2], "{st:?}");
        assert_eq!(
            st.iter().map(|s| s.articles.len()).sum::<usize>(),
            arts.len()
        );
    }

    #[test]
    fn results_of_different_companies_in_one_template_are_not_one_story() {
        // Thirty companies' quarterly results in the wire's template: they share every
        // word but the company's name, which no other report gives. The second report
        // on the first company joins its story; no story holds two companies.
        let c = Claims::default();
        let name = |i: usize| {
            let letters: Vec<char> = "bcdfghjklmnpqrstvwxz".chars().collect();
            format!("Vo{}{}ra", letters[i % 20], letters[i / 20])
        };
        let mut texts: Vec<(String, String)> = (0..30)
            .map(|i| {
                let n = name(i);
                (
                    format!("{} Inc quarterly results", n.to_uppercase()),
                    format!(
                        "{n} Inc said its fourth quarter net profit rose to {}.{} mln dlrs from {} mln dlrs a year earlier. Revenues rose to {} mln dlrs, the company said, and it expects growth to continue in the current quarter.",
                        i + 3,
                        i % 10,
                        i + 1,
                        i * 11 + 40
                    ),
                )
            })
            .collect();
        texts.push((
            format!("{} shares rise", name(0).to_uppercase()),
            format!(
                "Shares of {} Inc rose after the company said its fourth quarter net profit rose to 3.0 mln dlrs. Analysts said {} Inc had beaten forecasts.",
                name(0),
                name(0)
            ),
        ));
        let ids: Vec<String> = (0..texts.len()).map(|i| format!("r{i}")).collect();
        let arts: Vec<ArticleClaims<'_>> = texts
            .iter()
            .zip(&ids)
            .map(|((t, b), id)| view(id, t, b, &c))
            .collect();
        let st = stories(&arts, &HashMap::new());
        let of = story_of(&st, arts.len());
        assert_eq!(of[0], of[30], "{st:?}");
        for i in 0..30 {
            for j in i + 1..30 {
                assert_ne!(of[i], of[j], "companies {i} and {j} in one story: {st:?}");
            }
        }
    }

    #[test]
    fn a_folder_of_one_event_is_one_story_though_its_reports_fall_in_two_camps() {
        // Six reports of one riot: all tell the event, and each half shares details the
        // other half never gives (a trade body's count; the government's response). In
        // a folder this small the event's words would weigh next to nothing against the
        // details without the IDF floor, and the folder would split in two; nor is it
        // two events, since the halves tell one event in its own names.
        let c = Claims::default();
        let event = [
            "Riots spread across Athens for a third night after police shot dead a teenager in Exarchia.",
            "Youths hurled petrol bombs at riot police in central Athens, and shops on Stadiou street burned.",
            "The shooting of the boy in Exarchia has set off the worst unrest Greece has seen in decades.",
        ];
        let shops = "Krokidis of the traders federation counted 565 shops wrecked.";
        let state = "Karamanlis pledged compensation to shopkeepers from a state fund.";
        let bodies: Vec<String> = (0..6)
            .map(|i| {
                let (a, b) = (event[i % 3], event[(i + 1) % 3]);
                format!("{a} {b}\n\n{}", if i < 3 { shops } else { state })
            })
            .collect();
        let ids = ["r1", "r2", "r3", "r4", "r5", "r6"];
        let arts: Vec<ArticleClaims> = ids
            .iter()
            .zip(&bodies)
            .map(|(id, b)| view(id, "Greek riots", b, &c))
            .collect();
        let st = stories(&arts, &HashMap::new());
        assert_eq!(st.len(), 1, "{st:?}");
    }

    #[test]
    fn a_story_that_holds_two_events_of_one_kind_splits_in_two() {
        // Two ferry disasters off one coast, years apart and undated: they share the
        // kind of event and its words (ferry, sank, coast guard, passengers), which
        // brings them into one story as the articles join; their names, places and
        // figures tell them apart.
        let c = Claims::default();
        let a = [
            "The ferry Aurora sank off Cebu in a storm, and the coast guard said 112 passengers drowned. Captain Ramos was arrested in Cebu. Divers searched the Aurora hull near Bantayan island.",
            "Divers reached the hull of the Aurora off Bantayan island, where the ferry sank with 112 passengers lost. The coast guard in Cebu blamed the storm; Captain Ramos is in custody.",
            "Families waited in Cebu for news of the Aurora. The coast guard said 112 passengers died when the ferry sank near Bantayan, and Ramos, its captain, faces charges.",
        ];
        let b = [
            "The ferry Santa Lucia capsized near Samar after its engine failed, and the coast guard said 47 passengers drowned. Owner Delgado Lines suspended sailings from Catbalogan.",
            "Delgado Lines halted its Catbalogan sailings after the Santa Lucia capsized near Samar. The coast guard counted 47 passengers dead from the ferry, whose engine had failed.",
            "In Catbalogan relatives of the 47 passengers lost on the Santa Lucia blamed Delgado Lines. The ferry capsized off Samar when its engine failed, the coast guard said.",
        ];
        let ids = ["a1", "a2", "a3", "b1", "b2", "b3"];
        let arts: Vec<ArticleClaims> = ids
            .iter()
            .zip(a.iter().chain(&b))
            .map(|(id, body)| view(id, "Ferry sinks, passengers drown", body, &c))
            .collect();
        let of = story_of(&stories(&arts, &HashMap::new()), 6);
        assert!(of[0] == of[1] && of[1] == of[2], "{of:?}");
        assert!(of[3] == of[4] && of[4] == of[5], "{of:?}");
        assert_ne!(of[0], of[3], "two events are two stories");
    }

    #[test]
    fn reports_of_one_kind_published_months_apart_are_two_stories() {
        let c = Claims::default();
        // Two games of one team read alike; only the dates tell them apart.
        let dated = |id: &'static str, body: &'static str, date: &'static str| ArticleClaims {
            date: Some(date),
            ..view(id, "Colts beat Jaguars", body, &c)
        };
        let near = vec![
            dated("f1", FOOTBALL, "2008-12-18"),
            dated("f2", FOOTBALL2, "2008-12-19"),
        ];
        let of = story_of(&stories(&near, &HashMap::new()), 2);
        assert_eq!(of[0], of[1], "reports a day apart are one story");
        let far = vec![
            dated("f1", FOOTBALL, "2008-12-18"),
            dated("f2", FOOTBALL2, "2009-10-04"),
        ];
        let of = story_of(&stories(&far, &HashMap::new()), 2);
        assert_ne!(of[0], of[1], "reports ten months apart are two stories");
        assert!(join_threshold(1) == JOIN && join_threshold(300) > 1.0);
    }

    #[test]
    fn ids_survive_an_update_and_a_new_article_joins_its_story() {
        let c = Claims::default();
        let first = vec![
            view("a1", "Quake kills 398 in Yunnan", QUAKE_A, &c),
            view("a2", "Ludian toll rises", QUAKE_A2, &c),
            view("b1", "Sichuan quake kills 196", QUAKE_B, &c),
            view("b2", "Lushan cut off after quake", QUAKE_B2, &c),
            view("f1", "Colts clinch berth", FOOTBALL, &c),
        ];
        let st = stories(&first, &HashMap::new());
        let previous: HashMap<String, String> = st
            .iter()
            .flat_map(|s| {
                s.articles
                    .iter()
                    .map(|&a| (first[a].id.to_string(), s.id.clone()))
            })
            .collect();
        let mut second = first.clone();
        second.push(view("f2", "Manning leads Colts", FOOTBALL2, &c));
        let again = stories(&second, &previous);
        let id_of = |sts: &[Story], arts: &[ArticleClaims], id: &str| {
            let i = arts.iter().position(|a| a.id == id).unwrap();
            sts.iter()
                .find(|s| s.articles.contains(&i))
                .unwrap()
                .id
                .clone()
        };
        for a in &first {
            assert_eq!(
                id_of(&st, &first, a.id),
                id_of(&again, &second, a.id),
                "{}",
                a.id
            );
        }
        assert_eq!(id_of(&again, &second, "f2"), id_of(&again, &second, "f1"));
        // Without the earlier ids, the same grouping (it depends on the articles only).
        let fresh = stories(&second, &HashMap::new());
        let groups = |sts: &[Story]| {
            let mut g: Vec<Vec<usize>> = sts.iter().map(|s| s.articles.clone()).collect();
            g.sort();
            g
        };
        assert_eq!(groups(&fresh), groups(&again));
    }
}

/// A sparse vector being summed, with its squared norm kept up to date.
#[derive(Default)]
struct Sum {
    terms: TermMap<f32>,
    norm2: f32,
}

impl Sum {
    fn add(&mut self, v: &[(u64, f32)], sign: f32) {
        for &(t, w) in v {
            let c = self.terms.entry(t).or_default();
            self.norm2 += (*c + sign * w) * (*c + sign * w) - *c * *c;
            *c += sign * w;
        }
    }

    fn dot(&self, v: &[(u64, f32)]) -> f32 {
        v.iter()
            .map(|(t, w)| w * self.terms.get(t).copied().unwrap_or(0.0))
            .sum()
    }

    /// Cosine of a unit vector with the sum, the vector's own part left out when it is
    /// a member.
    fn cosine(&self, v: &[(u64, f32)], member: bool) -> f32 {
        let d = self.dot(v);
        let (dot, norm2) = if member {
            (d - 1.0, self.norm2 - 2.0 * d + 1.0)
        } else {
            (d, self.norm2)
        };
        if norm2 <= 1e-6 {
            0.0
        } else {
            dot / norm2.sqrt()
        }
    }
}

/// Each half of a split story has at least this many articles.
const SPLIT_MIN_HALF: usize = 2;
/// A story splits when the centroids of its two halves are less alike than this...
const SPLIT_COSINE: f32 = 0.40;
/// ...or when they are less alike than this and its members are, on average, this much
/// more like their own half than like the whole story.
const SPLIT_COSINE_WITH_GAIN: f32 = 0.50;
const SPLIT_GAIN: f32 = 0.05;
/// Rounds of two-means.
const SPLIT_ROUNDS: usize = 6;

/// Two-means over a story's member vectors (unit length): which members form the second
/// half, when the story is two events rather than one; `None` when it is one.
fn bisect(vs: &[&[(u64, f32)]]) -> Option<Vec<bool>> {
    let mut all = Sum::default();
    for v in vs {
        all.add(v, 1.0);
    }
    let whole: Vec<f32> = vs.iter().map(|v| all.cosine(v, true)).collect();
    // Seeds: the member least like the story, and the member least like that one.
    let a = (0..vs.len()).min_by(|&x, &y| whole[x].total_cmp(&whole[y]).then(x.cmp(&y)))?;
    let mut seed = Sum::default();
    seed.add(vs[a], 1.0);
    let b = (0..vs.len())
        .filter(|&x| x != a)
        .min_by(|&x, &y| seed.dot(vs[x]).total_cmp(&seed.dot(vs[y])).then(x.cmp(&y)))?;
    let mut halves = [seed, Sum::default()];
    halves[1].add(vs[b], 1.0);
    let mut side = vec![false; vs.len()];
    for _ in 0..SPLIT_ROUNDS {
        let next: Vec<bool> = vs
            .iter()
            .map(|v| halves[1].cosine(v, false) > halves[0].cosine(v, false))
            .collect();
        let settled = next == side;
        side = next;
        halves = [Sum::default(), Sum::default()];
        for (v, &x) in vs.iter().zip(&side) {
            halves[usize::from(x)].add(v, 1.0);
        }
        if settled {
            break;
        }
    }
    let second = side.iter().filter(|&&x| x).count();
    if second < SPLIT_MIN_HALF || vs.len() - second < SPLIT_MIN_HALF {
        return None;
    }
    let between = halves[0]
        .terms
        .iter()
        .map(|(t, w)| w * halves[1].terms.get(t).copied().unwrap_or(0.0))
        .sum::<f32>()
        / (halves[0].norm2 * halves[1].norm2).sqrt().max(1e-9);
    let gain = vs
        .iter()
        .zip(&side)
        .zip(&whole)
        .map(|((v, &x), w)| halves[usize::from(x)].cosine(v, true) - w)
        .sum::<f32>()
        / vs.len() as f32;
    let two = between < SPLIT_COSINE || (between < SPLIT_COSINE_WITH_GAIN && gain >= SPLIT_GAIN);
    two.then_some(side)
}
