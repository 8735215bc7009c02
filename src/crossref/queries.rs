//! Questions asked of the findings about one claim, as pure functions from data to
//! answers: the speaker's quotations elsewhere (variants first), and the other sides of
//! a figure's findings. The reader asks them off its UI thread; the CLI and an export can
//! ask the same ones. Loading the data (records, the articles a search finds) is the
//! caller's business.

use std::collections::BTreeSet;
use std::ops::Range;

use super::{ArticleClaims, ClaimRef, DiffPart, Finding, FindingKind, RelatedKind, RelatedQuotes};
use crate::claims::QuoteKind;

/// Whether two byte ranges overlap (ranges that start together always do, even empty).
pub fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end || a.start == b.start
}

impl FindingKind {
    /// How much a finding of this kind matters, 0 first: conflicts, figures that moved,
    /// minor discrepancies, corroborations.
    pub fn rank(self) -> u8 {
        match self {
            FindingKind::Conflict => 0,
            FindingKind::ChangedOverTime => 1,
            FindingKind::MinorDiscrepancy => 2,
            FindingKind::Corroboration => 3,
        }
    }
}

/// A quotation asked about: where it stands, and who said it.
#[derive(Debug, Clone, Copy)]
pub struct QuoteAt<'a> {
    pub article_id: &'a str,
    pub start: usize,
    pub end: usize,
    pub speaker: Option<&'a str>,
}

impl QuoteAt<'_> {
    fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether a quotation of a group is this one.
    fn is(&self, article_id: &str, range: &Range<usize>) -> bool {
        article_id == self.article_id && overlaps(range, &self.range())
    }
}

/// How a quotation found elsewhere relates to the one asked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// The same statement in other words.
    Variant,
    /// The same statement word for word.
    Repeated,
    /// A variant among the speaker's other statements.
    OtherVariant,
    /// A statement of the speaker's repeated elsewhere.
    OtherRepeated,
    /// Another quotation of the speaker.
    SameSpeaker,
    /// Another quotation of the speaker in the same article.
    SameArticle,
}

impl Relation {
    pub fn label(self) -> &'static str {
        match self {
            Relation::Variant => "variant of this quotation",
            Relation::Repeated => "repeated word for word",
            Relation::OtherVariant => "variant (another statement)",
            Relation::OtherRepeated => "repeated (another statement)",
            Relation::SameSpeaker => "same speaker",
            Relation::SameArticle => "also in this article",
        }
    }
}

/// A quotation related to the one asked about.
#[derive(Debug, Clone, PartialEq)]
pub struct RelatedQuote {
    pub relation: Relation,
    pub article_id: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// For a variant of this quotation: how the wording differs.
    pub diff: Option<Vec<DiffPart>>,
}

/// Whether a related-quotes group is worth loading for a quotation: it holds the
/// quotation (per the article's records) or its speaker is the quotation's.
pub fn wants_group(speaker: Option<&str>, group_speaker: &str, holds_article: bool) -> bool {
    holds_article
        || speaker.is_some_and(|s| super::speaker_key(s) == super::speaker_key(group_speaker))
}

fn kind_order(k: RelatedKind) -> u8 {
    match k {
        RelatedKind::Variant => 0,
        RelatedKind::Repeated => 1,
        RelatedKind::SameSpeaker => 2,
    }
}

/// The speaker's quotations elsewhere, variants first: first the related-quotes groups
/// that hold this quotation or are the speaker's (variants, then word-for-word repeats,
/// then the rest), then the speaker's other quotations in `articles` (other articles
/// first, then this one). The quotation itself and duplicates are left out.
///
/// `groups` are the candidate groups (more is fine: the ones that neither hold the
/// quotation nor are its speaker's are ignored); `articles` are the articles in which the
/// speaker may be quoted, this one among them where it should be searched too.
pub fn speaker_quotations(
    at: &QuoteAt,
    groups: &[RelatedQuotes],
    articles: &[ArticleClaims],
) -> Vec<RelatedQuote> {
    let key = at.speaker.map(super::speaker_key);
    let mut seen: BTreeSet<(&str, usize)> = BTreeSet::new();
    seen.insert((at.article_id, at.start));
    let mut out = Vec::new();
    let mut groups: Vec<&RelatedQuotes> = groups
        .iter()
        .filter(|g| {
            g.quotes
                .iter()
                .any(|q| at.is(&q.article_id, &(q.start..q.end)))
                || key
                    .as_deref()
                    .is_some_and(|k| super::speaker_key(&g.speaker) == k)
        })
        .collect();
    groups.sort_by_key(|g| kind_order(g.kind));
    for g in groups {
        let holds_this = g
            .quotes
            .iter()
            .any(|q| at.is(&q.article_id, &(q.start..q.end)));
        let relation = match (g.kind, holds_this) {
            (RelatedKind::Variant, true) => Relation::Variant,
            (RelatedKind::Repeated, true) => Relation::Repeated,
            (RelatedKind::Variant, false) => Relation::OtherVariant,
            (RelatedKind::Repeated, false) => Relation::OtherRepeated,
            (RelatedKind::SameSpeaker, _) => Relation::SameSpeaker,
        };
        for q in &g.quotes {
            if !seen.insert((&q.article_id, q.start)) {
                continue;
            }
            out.push(RelatedQuote {
                relation,
                article_id: q.article_id.clone(),
                text: q.text.clone(),
                start: q.start,
                end: q.end,
                diff: if g.kind == RelatedKind::Variant && holds_this {
                    g.diff.clone()
                } else {
                    None
                },
            });
        }
    }
    let Some(key) = key else { return out };
    let mut same_article = Vec::new();
    for a in articles {
        for q in a
            .claims
            .quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Quote)
        {
            if q.speaker.as_deref().map(super::speaker_key).as_deref() != Some(key.as_str()) {
                continue;
            }
            let valid = q.start <= q.end
                && q.end <= a.body.len()
                && a.body.is_char_boundary(q.start)
                && a.body.is_char_boundary(q.end);
            if !valid || !seen.insert((a.id, q.start)) {
                continue;
            }
            let here = a.id == at.article_id;
            let item = RelatedQuote {
                relation: if here {
                    Relation::SameArticle
                } else {
                    Relation::SameSpeaker
                },
                article_id: a.id.to_string(),
                text: q.text.clone(),
                start: q.start,
                end: q.end,
                diff: None,
            };
            if here {
                same_article.push(item);
            } else {
                out.push(item);
            }
        }
    }
    out.extend(same_article);
    out
}

/// A finding a figure is part of, with its other sides.
#[derive(Debug, Clone, PartialEq)]
pub struct FindingSides<'a> {
    pub finding: &'a Finding,
    /// The finding's figures other than the one asked about.
    pub others: Vec<&'a ClaimRef>,
}

/// The findings the figure at `range` of an article is part of, the strongest kind
/// first, each with its other sides.
pub fn other_sides<'a>(
    findings: &'a [Finding],
    article_id: &str,
    range: &Range<usize>,
) -> Vec<FindingSides<'a>> {
    let is_this = |c: &ClaimRef| c.article_id == article_id && overlaps(&(c.start..c.end), range);
    let mut out: Vec<FindingSides> = findings
        .iter()
        .filter(|f| f.claims.iter().any(is_this))
        .map(|f| FindingSides {
            finding: f,
            others: f.claims.iter().filter(|c| !is_this(c)).collect(),
        })
        .collect();
    out.sort_by_key(|s| s.finding.kind.rank());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::{Claims, Quote};
    use crate::crossref::QuoteRef;

    fn quote(text: &str, speaker: &str, start: usize) -> Quote {
        Quote {
            text: text.into(),
            speaker: Some(speaker.into()),
            role: None,
            speaker_kind: None,
            cue: Some("said".into()),
            kind: QuoteKind::Quote,
            start,
            end: start + text.len(),
            sentence: text.into(),
        }
    }

    fn qref(article: &str, text: &str, start: usize) -> QuoteRef {
        QuoteRef {
            article_id: article.into(),
            path: format!("{article}.txt"),
            text: text.into(),
            start,
            end: start + text.len(),
            speaker: None,
        }
    }

    fn claim(article: &str, start: usize, end: usize) -> ClaimRef {
        ClaimRef {
            article_id: article.into(),
            path: format!("{article}.txt"),
            value: 1.0,
            high: None,
            unit: None,
            text: "x".into(),
            sentence: "x".into(),
            qualifier: None,
            time: None,
            start,
            end,
            shared_text: false,
        }
    }

    #[test]
    fn variants_come_first_then_other_articles_then_this_one() {
        let body_a = "0123456789 We will fight this. And more words. We stand firm.";
        let body_b = "Another article where she said We will fight it.";
        let claims_a = Claims {
            quotes: vec![
                quote("We will fight this.", "Jane Doe", 11),
                quote("We stand firm.", "Jane Doe", 47),
            ],
            statistics: Vec::new(),
        };
        let claims_b = Claims {
            quotes: vec![quote("We will fight it.", "Jane Doe", 31)],
            statistics: Vec::new(),
        };
        let view = |id: &'static str, body: &'static str, claims: &'static Claims| ArticleClaims {
            id,
            path: id,
            title: None,
            date: None,
            body,
            claims,
        };
        let claims_a: &'static Claims = Box::leak(Box::new(claims_a));
        let claims_b: &'static Claims = Box::leak(Box::new(claims_b));
        let groups = vec![
            RelatedQuotes {
                speaker: "Jane Doe".into(),
                kind: RelatedKind::SameSpeaker,
                quotes: vec![qref("c", "Unrelated words here.", 5)],
                diff: None,
            },
            RelatedQuotes {
                speaker: "Jane Doe".into(),
                kind: RelatedKind::Variant,
                quotes: vec![
                    qref("a", "We will fight this.", 11),
                    qref("b", "We will fight it.", 31),
                ],
                diff: Some(vec![DiffPart {
                    op: "delete".into(),
                    text: "this".into(),
                }]),
            },
            RelatedQuotes {
                speaker: "Somebody Else".into(),
                kind: RelatedKind::Variant,
                quotes: vec![qref("d", "Not hers.", 0)],
                diff: None,
            },
        ];
        let at = QuoteAt {
            article_id: "a",
            start: 11,
            end: 30,
            speaker: Some("Jane Doe"),
        };
        let got = speaker_quotations(
            &at,
            &groups,
            &[view("b", body_b, claims_b), view("a", body_a, claims_a)],
        );
        let summary: Vec<(Relation, &str, usize)> = got
            .iter()
            .map(|q| (q.relation, q.article_id.as_str(), q.start))
            .collect();
        assert_eq!(
            summary,
            vec![
                (Relation::Variant, "b", 31),
                (Relation::SameSpeaker, "c", 5),
                (Relation::SameArticle, "a", 47),
            ]
        );
        assert!(
            got[0].diff.is_some(),
            "a variant of this quotation carries its diff"
        );
        assert!(got[1].diff.is_none());
    }

    #[test]
    fn without_a_speaker_only_the_groups_holding_the_quotation_count() {
        let groups = vec![RelatedQuotes {
            speaker: "Jane Doe".into(),
            kind: RelatedKind::Repeated,
            quotes: vec![qref("a", "Same words.", 0), qref("b", "Same words.", 9)],
            diff: None,
        }];
        let at = QuoteAt {
            article_id: "a",
            start: 0,
            end: 11,
            speaker: None,
        };
        let got = speaker_quotations(&at, &groups, &[]);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].relation, Relation::Repeated);
        let elsewhere = QuoteAt {
            article_id: "z",
            ..at
        };
        assert!(speaker_quotations(&elsewhere, &groups, &[]).is_empty());
    }

    #[test]
    fn other_sides_rank_conflicts_first_and_leave_the_figure_out() {
        let finding = |kind, claims| Finding {
            kind,
            subject: "agreements".into(),
            explanation: "why".into(),
            claims,
            story: None,
            strength: 0.5,
            matched: vec!["agreement".into()],
        };
        let findings = vec![
            finding(
                FindingKind::Corroboration,
                vec![claim("a", 10, 13), claim("c", 1, 4)],
            ),
            finding(
                FindingKind::Conflict,
                vec![claim("b", 5, 8), claim("a", 11, 12)],
            ),
            finding(
                FindingKind::Conflict,
                vec![claim("b", 0, 2), claim("c", 3, 5)],
            ),
        ];
        let got = other_sides(&findings, "a", &(10..13));
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].finding.kind, FindingKind::Conflict);
        assert_eq!(got[0].others.len(), 1);
        assert_eq!(got[0].others[0].article_id, "b");
        assert_eq!(got[1].others[0].article_id, "c");
        assert!(other_sides(&findings, "a", &(20..25)).is_empty());
    }
}
