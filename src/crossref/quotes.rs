//! Linking the same speaker's quotations across articles: repeated word for word,
//! reported with different wording (variants, with a word diff), or simply other
//! statements by the same person.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::passages::words;
use super::{ArticleClaims, DiffPart, QuoteRef, RelatedKind, RelatedQuotes};
use crate::claims::{Quote, QuoteKind};

/// Share of the shorter quotation's words the longer must hold to be the same statement.
const VARIANT_OVERLAP: f64 = 0.6;
/// Quotations shorter than this are too short to call variants.
const MIN_VARIANT_WORDS: usize = 5;
/// At most this many quotations listed for one speaker's "same speaker" entry.
const MAX_LISTED: usize = 50;

/// Name tokens of a speaker, without titles.
fn name_tokens(name: &str) -> Vec<String> {
    const TITLES: &[&str] = &[
        "mr",
        "mrs",
        "ms",
        "dr",
        "rep",
        "sen",
        "gov",
        "president",
        "the",
        "sgt",
        "prof",
        "jr",
        "sr",
    ];
    name.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .filter(|t| !TITLES.contains(&t.as_str()))
        .collect()
}

/// Merges speaker names across articles: "Petit" joins "Tessa Petit"; "Tessa Petit" and
/// "Marie Petit" stay apart. Returns name → canonical (longest) name.
fn merge_speakers(names: &[String]) -> HashMap<String, String> {
    let mut by_last: BTreeMap<String, Vec<&String>> = BTreeMap::new();
    for n in names {
        if let Some(last) = name_tokens(n).last() {
            by_last.entry(last.clone()).or_default().push(n);
        }
    }
    let mut out = HashMap::new();
    for (_, mut group) in by_last {
        group.sort_by_key(|n| std::cmp::Reverse(name_tokens(n).len()));
        group.dedup();
        let full: Vec<&String> = group
            .iter()
            .copied()
            .filter(|n| name_tokens(n).len() > 1)
            .collect();
        for n in &group {
            let t = name_tokens(n);
            // Full names that contain this one; a bare surname joins only when one full
            // name carries it, so two people sharing a surname are never merged.
            let candidates: Vec<&&String> = full
                .iter()
                .filter(|f| {
                    let ft = name_tokens(f);
                    t.iter().all(|x| ft.contains(x))
                })
                .collect();
            let canonical = match candidates.as_slice() {
                [one] => (**one).clone(),
                _ => (*n).clone(),
            };
            out.insert((*n).clone(), canonical);
        }
    }
    out
}

fn overlap(a: &[String], b: &[String]) -> f64 {
    let sa: HashSet<&String> = a.iter().collect();
    let sb: HashSet<&String> = b.iter().collect();
    let common = sa.intersection(&sb).count();
    common as f64 / sa.len().min(sb.len()).max(1) as f64
}

/// The word-level edits from one wording to another.
pub fn word_diff(a: &str, b: &str) -> Vec<DiffPart> {
    let diff = similar::TextDiff::from_words(a, b);
    let mut out: Vec<DiffPart> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            similar::ChangeTag::Equal => "equal",
            similar::ChangeTag::Delete => "delete",
            similar::ChangeTag::Insert => "insert",
        };
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(change.value()),
            _ => out.push(DiffPart {
                op: op.to_string(),
                text: change.value().to_string(),
            }),
        }
    }
    out
}

/// Variant pairs reported per speaker at most.
const MAX_VARIANTS_PER_SPEAKER: usize = 200;

fn quote_ref(a: &ArticleClaims<'_>, q: &Quote) -> QuoteRef {
    QuoteRef {
        article_id: a.id.to_string(),
        path: a.path.to_string(),
        text: q.text.clone(),
        start: q.start,
        end: q.end,
    }
}

/// One wording of a statement and every place it occurs.
struct Wording<'a> {
    words: Vec<String>,
    places: Vec<(usize, &'a Quote)>,
}

/// Links each speaker's quotations across articles.
///
/// Identical wordings are grouped first (a statement repeated in many articles is one
/// "repeated" entry, not every pair of them); distinct wordings are then compared only
/// when they share a word trigram, so long lists of quotations stay cheap.
pub fn relate(articles: &[ArticleClaims<'_>]) -> Vec<RelatedQuotes> {
    let names: Vec<String> = articles
        .iter()
        .flat_map(|a| a.claims.quotes.iter())
        .filter(|q| q.kind == QuoteKind::Quote)
        .filter_map(|q| q.speaker.clone())
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let canonical = merge_speakers(&names);
    let mut by_speaker: BTreeMap<String, Vec<(usize, &Quote)>> = BTreeMap::new();
    for (ai, a) in articles.iter().enumerate() {
        for q in &a.claims.quotes {
            if q.kind != QuoteKind::Quote {
                continue;
            }
            let Some(name) = q.speaker.as_ref().and_then(|s| canonical.get(s)) else {
                continue;
            };
            by_speaker.entry(name.clone()).or_default().push((ai, q));
        }
    }
    let mut out = Vec::new();
    for (speaker, said) in by_speaker {
        let arts: HashSet<usize> = said.iter().map(|s| s.0).collect();
        if arts.len() < 2 {
            continue;
        }
        let mut index: HashMap<Vec<String>, usize> = HashMap::new();
        let mut wordings: Vec<Wording<'_>> = Vec::new();
        for &(ai, q) in &said {
            let w = words(&q.text);
            let k = *index.entry(w.clone()).or_insert_with(|| {
                wordings.push(Wording {
                    words: w,
                    places: Vec::new(),
                });
                wordings.len() - 1
            });
            wordings[k].places.push((ai, q));
        }
        // The same words in several articles: repeated.
        for w in &wordings {
            let arts: HashSet<usize> = w.places.iter().map(|p| p.0).collect();
            if arts.len() >= 2 && w.words.len() >= MIN_VARIANT_WORDS {
                out.push(RelatedQuotes {
                    speaker: speaker.clone(),
                    kind: RelatedKind::Repeated,
                    quotes: w
                        .places
                        .iter()
                        .take(MAX_LISTED)
                        .map(|&(ai, q)| quote_ref(&articles[ai], q))
                        .collect(),
                    diff: None,
                });
            }
        }
        // Different words for the same statement: variants, compared by trigram blocks.
        let mut tri: HashMap<u64, Vec<usize>> = HashMap::new();
        for (i, w) in wordings.iter().enumerate() {
            for t in w.words.windows(3) {
                let h = xxhash_rust::xxh3::xxh3_64(t.join(" ").as_bytes());
                let list = tri.entry(h).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        let mut pairs: Vec<(usize, usize)> = tri
            .values()
            .filter(|l| l.len() <= 200)
            .flat_map(|l| {
                l.iter()
                    .enumerate()
                    .flat_map(move |(k, &i)| l[k + 1..].iter().map(move |&j| (i, j)))
            })
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        let mut variants = 0;
        for (i, j) in pairs {
            let (a, b) = (&wordings[i], &wordings[j]);
            if a.words.len().min(b.words.len()) < MIN_VARIANT_WORDS
                || overlap(&a.words, &b.words) < VARIANT_OVERLAP
            {
                continue;
            }
            // One occurrence of each wording, from different articles.
            let Some(&(ai, qa)) = a.places.first() else {
                continue;
            };
            let Some(&(bi, qb)) = b.places.iter().find(|p| p.0 != ai) else {
                continue;
            };
            out.push(RelatedQuotes {
                speaker: speaker.clone(),
                kind: RelatedKind::Variant,
                quotes: vec![quote_ref(&articles[ai], qa), quote_ref(&articles[bi], qb)],
                diff: Some(word_diff(&qa.text, &qb.text)),
            });
            variants += 1;
            if variants >= MAX_VARIANTS_PER_SPEAKER {
                break;
            }
        }
        out.push(RelatedQuotes {
            speaker: speaker.clone(),
            kind: RelatedKind::SameSpeaker,
            quotes: said
                .iter()
                .take(MAX_LISTED)
                .map(|&(ai, q)| quote_ref(&articles[ai], q))
                .collect(),
            diff: None,
        });
    }
    out.sort_by_key(|r| match r.kind {
        RelatedKind::Variant => 0,
        RelatedKind::Repeated => 1,
        RelatedKind::SameSpeaker => 2,
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surname_joins_the_one_full_name_that_carries_it() {
        let names = vec!["Tessa Petit".to_string(), "Petit".to_string()];
        let m = merge_speakers(&names);
        assert_eq!(m["Petit"], "Tessa Petit");
    }

    #[test]
    fn two_people_sharing_a_surname_stay_apart() {
        let names = vec![
            "Tessa Petit".to_string(),
            "Marie Petit".to_string(),
            "Petit".to_string(),
        ];
        let m = merge_speakers(&names);
        assert_eq!(m["Tessa Petit"], "Tessa Petit");
        assert_eq!(m["Marie Petit"], "Marie Petit");
        // Ambiguous: stays on its own rather than joining the wrong person.
        assert_eq!(m["Petit"], "Petit");
    }

    #[test]
    fn word_diff_marks_changed_words() {
        let d = word_diff(
            "taxpayers should also not foot the bill",
            "taxpayers should not foot the bill",
        );
        assert!(
            d.iter()
                .any(|p| p.op == "delete" && p.text.contains("also"))
        );
        assert!(d.iter().all(|p| p.op != "insert"));
    }
}
