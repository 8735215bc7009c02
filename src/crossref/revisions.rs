//! What changed between two versions of one article (a fetched story that was revised):
//! quotations reworded, added or removed, figures changed, added or removed, paragraphs
//! added or removed. Pure: the caller reads both versions and extracts their claims.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::DiffPart;
use super::quotes::word_diff;
use crate::claims::Claims;

/// A quotation in one version only, or in both with other words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteEdit {
    pub speaker: Option<String>,
    /// The earlier wording (none when added).
    pub before: Option<String>,
    /// The later wording (none when removed).
    pub after: Option<String>,
    /// Word diff from before to after, for a reworded quotation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diff: Option<Vec<DiffPart>>,
}

/// A figure in one version only, or in both with another value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureEdit {
    pub before: Option<String>,
    pub after: Option<String>,
    pub subject: Option<String>,
    pub sentence_before: Option<String>,
    pub sentence_after: Option<String>,
}

/// How a later version of an article differs from an earlier one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RevisionDiff {
    pub quotes_reworded: Vec<QuoteEdit>,
    pub quotes_added: Vec<QuoteEdit>,
    pub quotes_removed: Vec<QuoteEdit>,
    pub figures_changed: Vec<FigureEdit>,
    pub figures_added: Vec<FigureEdit>,
    pub figures_removed: Vec<FigureEdit>,
    /// Paragraphs in both versions with some words changed: (before, after).
    pub paragraphs_changed: Vec<(String, String)>,
    pub paragraphs_added: Vec<String>,
    pub paragraphs_removed: Vec<String>,
}

/// Two wordings this alike (Dice coefficient of their words) are one statement reworded.
const SAME_STATEMENT: f32 = 0.5;
/// Two sentences this alike, their figures left out, give one figure.
const SAME_SENTENCE: f32 = 0.5;

fn words(s: &str) -> HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Words that are not figures.
fn prose_words(s: &str) -> HashSet<String> {
    words(s)
        .into_iter()
        .filter(|w| !w.chars().any(|c| c.is_ascii_digit()))
        .collect()
}

fn dice(a: &HashSet<String>, b: &HashSet<String>) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let shared = a.intersection(b).count() as f32;
    2.0 * shared / (a.len() + b.len()) as f32
}

/// Pairs the unmatched items of two lists, best match first, above a threshold.
fn pair(
    old: &[usize],
    new: &[usize],
    score: impl Fn(usize, usize) -> f32,
    min: f32,
) -> Vec<(usize, usize)> {
    let mut candidates: Vec<(f32, usize, usize)> = old
        .iter()
        .flat_map(|&o| new.iter().map(move |&n| (o, n)))
        .map(|(o, n)| (score(o, n), o, n))
        .filter(|(s, _, _)| *s >= min)
        .collect();
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (mut used_o, mut used_n) = (HashSet::new(), HashSet::new());
    let mut out = Vec::new();
    for (_, o, n) in candidates {
        if used_o.insert(o) {
            if used_n.insert(n) {
                out.push((o, n));
            } else {
                used_o.remove(&o);
            }
        }
    }
    out
}

/// What changed from `old` to `new`; `None` when the claims and paragraphs are the same.
pub fn compare(old_body: &str, old: &Claims, new_body: &str, new: &Claims) -> Option<RevisionDiff> {
    let mut d = RevisionDiff::default();

    // Paragraphs.
    let old_p: Vec<&str> = old_body
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .collect();
    let new_p: Vec<&str> = new_body
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .collect();
    let mut removed: Vec<usize> = Vec::new();
    let mut added: Vec<usize> = Vec::new();
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &old_p, &new_p) {
        let (_, old_range, new_range) = op.as_tag_tuple();
        match op {
            similar::DiffOp::Equal { .. } => {}
            _ => {
                removed.extend(old_range);
                added.extend(new_range);
            }
        }
    }
    // A paragraph removed and one added with mostly the same words are one paragraph
    // edited; the others were removed or added.
    let mut pairs = pair(
        &removed,
        &added,
        |o, n| dice(&words(old_p[o]), &words(new_p[n])),
        SAME_STATEMENT,
    );
    pairs.sort();
    let po: HashSet<usize> = pairs.iter().map(|p| p.0).collect();
    let pn: HashSet<usize> = pairs.iter().map(|p| p.1).collect();
    d.paragraphs_changed = pairs
        .iter()
        .map(|&(o, n)| (old_p[o].to_string(), new_p[n].to_string()))
        .collect();
    d.paragraphs_removed = removed
        .iter()
        .filter(|o| !po.contains(o))
        .map(|&o| old_p[o].to_string())
        .collect();
    d.paragraphs_added = added
        .iter()
        .filter(|n| !pn.contains(n))
        .map(|&n| new_p[n].to_string())
        .collect();

    // Quotations: the same words in both are unchanged; the rest are paired by wording.
    let new_texts: HashSet<&str> = new.quotes.iter().map(|q| q.text.as_str()).collect();
    let old_texts: HashSet<&str> = old.quotes.iter().map(|q| q.text.as_str()).collect();
    let gone: Vec<usize> = (0..old.quotes.len())
        .filter(|&i| !new_texts.contains(old.quotes[i].text.as_str()))
        .collect();
    let came: Vec<usize> = (0..new.quotes.len())
        .filter(|&i| !old_texts.contains(new.quotes[i].text.as_str()))
        .collect();
    let pairs = pair(
        &gone,
        &came,
        |o, n| dice(&words(&old.quotes[o].text), &words(&new.quotes[n].text)),
        SAME_STATEMENT,
    );
    for &(o, n) in &pairs {
        let (a, b) = (&old.quotes[o], &new.quotes[n]);
        d.quotes_reworded.push(QuoteEdit {
            speaker: b.speaker.clone().or_else(|| a.speaker.clone()),
            before: Some(a.text.clone()),
            after: Some(b.text.clone()),
            diff: Some(word_diff(&a.text, &b.text)),
        });
    }
    let paired_o: HashSet<usize> = pairs.iter().map(|p| p.0).collect();
    let paired_n: HashSet<usize> = pairs.iter().map(|p| p.1).collect();
    for &o in gone.iter().filter(|o| !paired_o.contains(o)) {
        let q = &old.quotes[o];
        d.quotes_removed.push(QuoteEdit {
            speaker: q.speaker.clone(),
            before: Some(q.text.clone()),
            after: None,
            diff: None,
        });
    }
    for &n in came.iter().filter(|n| !paired_n.contains(n)) {
        let q = &new.quotes[n];
        d.quotes_added.push(QuoteEdit {
            speaker: q.speaker.clone(),
            before: None,
            after: Some(q.text.clone()),
            diff: None,
        });
    }

    // Figures: the same figure in the same sentence is unchanged; the rest are paired by
    // their sentences' words, figures left out.
    let key = |s: &crate::claims::Statistic| (s.text.clone(), s.sentence.clone());
    let new_keys: HashSet<(String, String)> = new.statistics.iter().map(key).collect();
    let old_keys: HashSet<(String, String)> = old.statistics.iter().map(key).collect();
    let gone: Vec<usize> = (0..old.statistics.len())
        .filter(|&i| !new_keys.contains(&key(&old.statistics[i])))
        .collect();
    let came: Vec<usize> = (0..new.statistics.len())
        .filter(|&i| !old_keys.contains(&key(&new.statistics[i])))
        .collect();
    let pairs = pair(
        &gone,
        &came,
        |o, n| {
            let (a, b) = (&old.statistics[o], &new.statistics[n]);
            if a.unit != b.unit {
                return 0.0;
            }
            let subject_bonus = if a.subject.is_some() && a.subject == b.subject {
                0.2
            } else {
                0.0
            };
            dice(&prose_words(&a.sentence), &prose_words(&b.sentence)) + subject_bonus
        },
        SAME_SENTENCE,
    );
    for &(o, n) in &pairs {
        let (a, b) = (&old.statistics[o], &new.statistics[n]);
        // The same figure in a reworded sentence: the paragraphs tell that.
        if a.text == b.text {
            continue;
        }
        d.figures_changed.push(FigureEdit {
            before: Some(a.text.clone()),
            after: Some(b.text.clone()),
            subject: b.subject.clone().or_else(|| a.subject.clone()),
            sentence_before: Some(a.sentence.clone()),
            sentence_after: Some(b.sentence.clone()),
        });
    }
    let paired_o: HashSet<usize> = pairs.iter().map(|p| p.0).collect();
    let paired_n: HashSet<usize> = pairs.iter().map(|p| p.1).collect();
    for &o in gone.iter().filter(|o| !paired_o.contains(o)) {
        let s = &old.statistics[o];
        d.figures_removed.push(FigureEdit {
            before: Some(s.text.clone()),
            after: None,
            subject: s.subject.clone(),
            sentence_before: Some(s.sentence.clone()),
            sentence_after: None,
        });
    }
    for &n in came.iter().filter(|n| !paired_n.contains(n)) {
        let s = &new.statistics[n];
        d.figures_added.push(FigureEdit {
            before: None,
            after: Some(s.text.clone()),
            subject: s.subject.clone(),
            sentence_before: None,
            sentence_after: Some(s.sentence.clone()),
        });
    }

    (d != RevisionDiff::default()).then_some(d)
}

impl RevisionDiff {
    /// One sentence saying what changed, most telling first.
    pub fn summary(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let count =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        if !self.figures_changed.is_empty() {
            let shown: Vec<String> = self
                .figures_changed
                .iter()
                .take(3)
                .map(|f| {
                    let mut s = format!(
                        "{} → {}",
                        f.before.as_deref().unwrap_or("?"),
                        f.after.as_deref().unwrap_or("?")
                    );
                    if let Some(subj) = &f.subject {
                        s.push(' ');
                        s.push_str(subj);
                    }
                    s
                })
                .collect();
            parts.push(format!(
                "{} changed ({})",
                count(self.figures_changed.len(), "figure", "figures"),
                shown.join("; ")
            ));
        }
        if !self.quotes_reworded.is_empty() {
            parts.push(format!(
                "{} reworded",
                count(self.quotes_reworded.len(), "quotation", "quotations")
            ));
        }
        if !self.quotes_added.is_empty() {
            parts.push(format!(
                "{} added",
                count(self.quotes_added.len(), "quotation", "quotations")
            ));
        }
        if !self.quotes_removed.is_empty() {
            parts.push(format!(
                "{} removed",
                count(self.quotes_removed.len(), "quotation", "quotations")
            ));
        }
        if !self.figures_added.is_empty() {
            parts.push(format!(
                "{} added",
                count(self.figures_added.len(), "figure", "figures")
            ));
        }
        if !self.figures_removed.is_empty() {
            parts.push(format!(
                "{} removed",
                count(self.figures_removed.len(), "figure", "figures")
            ));
        }
        if !self.paragraphs_changed.is_empty() {
            parts.push(format!(
                "{} changed",
                count(self.paragraphs_changed.len(), "paragraph", "paragraphs")
            ));
        }
        if !self.paragraphs_added.is_empty() {
            parts.push(format!(
                "{} added",
                count(self.paragraphs_added.len(), "paragraph", "paragraphs")
            ));
        }
        if !self.paragraphs_removed.is_empty() {
            parts.push(format!(
                "{} removed",
                count(self.paragraphs_removed.len(), "paragraph", "paragraphs")
            ));
        }
        parts.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::extract;

    #[test]
    fn a_revised_story_tells_its_figures_quotes_and_paragraphs() {
        let old = "At least 70 people were injured in the storm on Sunday, officials said.\n\n\"We will rebuild every school,\" said Mayor Ana Ruiz.\n\nRoads were closed overnight.";
        let new = "At least 85 people were injured in the storm on Sunday, officials said.\n\n\"We will rebuild every single school,\" said Mayor Ana Ruiz.\n\nRoads were closed overnight.\n\n\"The sea wall held,\" said engineer Tom Baker.";
        let d = compare(old, &extract(old), new, &extract(new)).unwrap();
        assert_eq!(d.figures_changed.len(), 1, "{d:?}");
        assert_eq!(d.figures_changed[0].before.as_deref(), Some("70"));
        assert_eq!(d.figures_changed[0].after.as_deref(), Some("85"));
        assert_eq!(d.quotes_reworded.len(), 1);
        assert_eq!(d.quotes_reworded[0].speaker.as_deref(), Some("Ana Ruiz"));
        assert!(
            d.quotes_reworded[0]
                .diff
                .as_ref()
                .unwrap()
                .iter()
                .any(|p| p.op == "insert" && p.text.contains("single"))
        );
        assert_eq!(d.quotes_added.len(), 1);
        assert!(d.quotes_removed.is_empty());
        assert_eq!(d.paragraphs_changed.len(), 2, "{d:?}");
        assert_eq!(d.paragraphs_added.len(), 1);
        assert!(d.paragraphs_added[0].contains("sea wall"));
        assert!(d.paragraphs_removed.is_empty());
        let s = d.summary();
        assert!(s.starts_with("1 figure changed (70 → 85"), "{s}");
        assert!(
            s.contains("1 quotation reworded") && s.contains("1 quotation added"),
            "{s}"
        );
    }

    #[test]
    fn the_same_text_is_no_edit() {
        let t = "Officials said 12 people died.\n\nMore text here.";
        assert_eq!(compare(t, &extract(t), t, &extract(t)), None);
    }
}
