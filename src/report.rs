//! Reports of a corpus for the fact-checker: its stories, their findings with both sides'
//! sentences, outlets and dates, quotations by speaker, and the user's verdicts and notes,
//! as Markdown, JSON or CSV (one row per claim). Used by `crosscheck export` and the
//! reader's export key. Pure: the caller loads the articles, findings and annotations.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use serde_json::{Value, json};

use crate::claims::ClaimKind;
use crate::crossref::{CrossRef, Finding, FindingKind};
use crate::index::{StoredArticle, StoredStory};
use crate::text::inert_line;
use crate::user::annotations::{self, Anchor, Annotation, ClaimAt};

/// The report's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Md,
    Json,
    Csv,
}

/// A report of `articles` (and of the `stories` they are in) with the user's annotations;
/// `annotated` keeps only annotated claims.
pub fn render(
    format: Format,
    articles: &[StoredArticle],
    stories: &[&StoredStory],
    crossref: &CrossRef,
    annotations: &[Annotation],
    annotated: bool,
) -> anyhow::Result<String> {
    let rows = claim_rows(articles);
    let found = anchored(annotations, &rows);
    let by_claim: HashMap<&str, &Annotation> = found
        .iter()
        .filter_map(|(a, r)| r.map(|r| (r.id.as_str(), *a)))
        .collect();
    let report = Report {
        stories,
        by_id: articles
            .iter()
            .map(|a| (a.article.id.as_str(), a))
            .collect(),
        findings: findings_of(crossref, articles),
        rows: &rows,
        found: &found,
        by_claim: &by_claim,
        annotated,
    };
    Ok(match format {
        Format::Csv => export_csv(&rows, &by_claim, annotated)?,
        Format::Json => serde_json::to_string_pretty(&export_json(&report))?,
        Format::Md => export_md(&report),
    })
}

/// One claim of the corpus with what describes it in a report.
#[derive(Debug, Clone)]
pub(crate) struct ClaimRow<'a> {
    pub id: String,
    pub kind: ClaimKind,
    pub article: &'a StoredArticle,
    pub text: &'a str,
    pub sentence: &'a str,
    /// The speaker (quotations) or the statistic's subject.
    pub who_or_what: Option<&'a str>,
}

pub(crate) fn claim_rows(articles: &[StoredArticle]) -> Vec<ClaimRow<'_>> {
    let mut out = Vec::new();
    for a in articles {
        let (qids, sids) = a.claims.ids(&a.article.id);
        for (q, id) in a.claims.quotes.iter().zip(qids) {
            out.push(ClaimRow {
                id,
                kind: ClaimKind::Quote,
                article: a,
                text: &q.text,
                sentence: &q.sentence,
                who_or_what: q.speaker.as_deref(),
            });
        }
        for (s, id) in a.claims.statistics.iter().zip(sids) {
            out.push(ClaimRow {
                id,
                kind: ClaimKind::Statistic,
                article: a,
                text: &s.text,
                sentence: &s.sentence,
                who_or_what: s.subject.as_deref(),
            });
        }
    }
    out
}

fn claims_at<'a>(rows: &'a [ClaimRow<'a>]) -> Vec<ClaimAt<'a>> {
    rows.iter()
        .map(|r| ClaimAt {
            id: &r.id,
            kind: r.kind,
            text: r.text,
            sentence: r.sentence,
            article_id: &r.article.article.id,
            article_path: &r.article.article.path,
        })
        .collect()
}

/// Each annotation with where its claim is now (`None`: orphaned).
pub(crate) fn anchored<'a>(
    list: &'a [Annotation],
    rows: &'a [ClaimRow<'a>],
) -> Vec<(&'a Annotation, Option<&'a ClaimRow<'a>>)> {
    let at = claims_at(rows);
    list.iter()
        .map(|a| match annotations::anchor(a, &at) {
            Anchor::Found(i, _) => (a, Some(&rows[i])),
            Anchor::Orphaned => (a, None),
        })
        .collect()
}

fn outlet(a: &StoredArticle) -> &str {
    a.article.source.as_deref().unwrap_or("")
}

fn date(a: &StoredArticle) -> String {
    a.article
        .date
        .as_ref()
        .map(|d| d.iso.clone().unwrap_or_else(|| d.text.clone()))
        .unwrap_or_default()
}

fn title(a: &StoredArticle) -> String {
    a.article
        .title
        .clone()
        .unwrap_or_else(|| a.article.path.clone())
}

fn kind_word(k: ClaimKind) -> &'static str {
    match k {
        ClaimKind::Quote => "quote",
        ClaimKind::Statistic => "statistic",
    }
}

fn export_csv(
    rows: &[ClaimRow],
    by_claim: &HashMap<&str, &Annotation>,
    annotated: bool,
) -> anyhow::Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "claim_id",
        "article",
        "path",
        "outlet",
        "date",
        "kind",
        "text",
        "speaker_or_subject",
        "sentence",
        "verdict",
        "note",
        "bookmark",
    ])?;
    for r in rows {
        let a = by_claim.get(r.id.as_str());
        if annotated && a.is_none() {
            continue;
        }
        w.write_record([
            r.id.as_str(),
            &title(r.article),
            &r.article.article.path,
            outlet(r.article),
            &date(r.article),
            kind_word(r.kind),
            r.text,
            r.who_or_what.unwrap_or(""),
            r.sentence,
            a.and_then(|a| a.verdict.as_deref()).unwrap_or(""),
            a.and_then(|a| a.note.as_deref()).unwrap_or(""),
            if a.is_some_and(|a| a.bookmark) {
                "yes"
            } else {
                ""
            },
        ])?;
    }
    Ok(String::from_utf8(
        w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?,
    )?)
}

/// The findings whose sides are all among `articles`.
fn findings_of<'a>(crossref: &'a CrossRef, articles: &[StoredArticle]) -> Vec<&'a Finding> {
    let ids: std::collections::HashSet<&str> =
        articles.iter().map(|a| a.article.id.as_str()).collect();
    crossref
        .conflicts
        .iter()
        .chain(&crossref.corroborations)
        .filter(|f| f.claims.iter().all(|c| ids.contains(c.article_id.as_str())))
        .collect()
}

fn side_claim_id(c: &crate::crossref::ClaimRef) -> String {
    crate::claims::claim_id(&c.article_id, ClaimKind::Statistic, &c.text, &c.sentence)
}

fn finding_kind_word(k: FindingKind) -> &'static str {
    match k {
        FindingKind::Conflict => "conflict",
        FindingKind::ChangedOverTime => "changed over time",
        FindingKind::MinorDiscrepancy => "minor discrepancy",
        FindingKind::Corroboration => "corroborated",
    }
}

/// What a report is made of: the stories and articles it covers, their findings, every
/// claim, and the user's annotations with where their claims are.
struct Report<'a> {
    stories: &'a [&'a StoredStory],
    by_id: HashMap<&'a str, &'a StoredArticle>,
    findings: Vec<&'a Finding>,
    rows: &'a [ClaimRow<'a>],
    found: &'a [(&'a Annotation, Option<&'a ClaimRow<'a>>)],
    by_claim: &'a HashMap<&'a str, &'a Annotation>,
    annotated: bool,
}

impl<'a> Report<'a> {
    fn members(&self, s: &StoredStory) -> Vec<&'a StoredArticle> {
        s.articles
            .iter()
            .filter_map(|id| self.by_id.get(id.as_str()).copied())
            .collect()
    }
}

fn annotation_json(a: &Annotation) -> Value {
    json!({"verdict": a.verdict, "note": a.note, "bookmark": a.bookmark, "updated": a.updated})
}

fn export_json(r: &Report) -> Value {
    let (stories, by_id, findings, rows, found, by_claim, annotated) = (
        r.stories,
        &r.by_id,
        &r.findings,
        r.rows,
        r.found,
        r.by_claim,
        r.annotated,
    );
    let story_json: Vec<Value> = stories
        .iter()
        .map(|s| {
            let members = r.members(s);
            let fs: Vec<Value> = findings
                .iter()
                .filter(|f| f.story.as_deref() == Some(s.id.as_str()))
                .map(|f| {
                    json!({
                        "kind": finding_kind_word(f.kind),
                        "subject": f.subject,
                        "explanation": f.explanation,
                        "sides": f.claims.iter().map(|c| {
                            let a = by_id.get(c.article_id.as_str());
                            let id = side_claim_id(c);
                            json!({
                                "claim_id": id,
                                "text": c.text, "sentence": c.sentence, "path": c.path,
                                "outlet": a.map(|a| outlet(a)), "date": a.map(|a| date(a)),
                                "annotation": by_claim.get(id.as_str()).map(|a| annotation_json(a)),
                            })
                        }).collect::<Vec<_>>(),
                    })
                })
                .collect();
            json!({
                "id": s.id, "title": s.title, "keywords": s.keywords,
                "articles": members.iter().map(|a| json!({"id": a.article.id, "path": a.article.path, "title": title(a), "outlet": outlet(a), "date": date(a)})).collect::<Vec<_>>(),
                "findings": fs,
            })
        })
        .collect();
    let claims: Vec<Value> = rows
        .iter()
        .filter(|r| !annotated || by_claim.contains_key(r.id.as_str()))
        .map(|r| {
            json!({
                "claim_id": r.id, "kind": kind_word(r.kind), "article": title(r.article), "path": r.article.article.path,
                "outlet": outlet(r.article), "date": date(r.article), "text": r.text, "sentence": r.sentence,
                "speaker_or_subject": r.who_or_what,
                "annotation": by_claim.get(r.id.as_str()).map(|a| annotation_json(a)),
            })
        })
        .collect();
    let orphaned: Vec<Value> = found
        .iter()
        .filter(|(_, r)| r.is_none())
        .map(|(a, _)| serde_json::to_value(a).unwrap_or(Value::Null))
        .collect();
    json!({"stories": story_json, "claims": claims, "orphaned_annotations": orphaned})
}

/// Markdown text with the characters that would start markup escaped, on one line.
fn md(s: &str) -> String {
    let mut out = String::new();
    for c in inert_line(s).chars() {
        if "\\`*_[]<>#|".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn export_md(r: &Report) -> String {
    let (stories, by_id, findings, rows, found, by_claim, annotated) = (
        r.stories,
        &r.by_id,
        &r.findings,
        r.rows,
        r.found,
        r.by_claim,
        r.annotated,
    );
    let note_line = |a: &Annotation| {
        let mut parts = Vec::new();
        if let Some(v) = &a.verdict {
            parts.push(format!("**verdict: {}**", md(v)));
        }
        if let Some(n) = &a.note {
            parts.push(format!("note: {}", md(n)));
        }
        if a.bookmark {
            parts.push("bookmarked".into());
        }
        parts.join(" · ")
    };
    let mut out = String::from("# crosscheck report\n\n");
    let _ = writeln!(
        out,
        "{} articles, {} stories, {} findings, {} annotated claims.\n",
        by_id.len(),
        stories.len(),
        findings.len(),
        found.len()
    );
    for s in stories {
        let members = r.members(s);
        if members.is_empty() {
            continue;
        }
        let fs: Vec<&&Finding> = findings
            .iter()
            .filter(|f| f.story.as_deref() == Some(s.id.as_str()))
            .collect();
        let story_rows: Vec<&ClaimRow> = rows
            .iter()
            .filter(|r| s.articles.contains(&r.article.article.id))
            .collect();
        let any_note = story_rows
            .iter()
            .any(|r| by_claim.contains_key(r.id.as_str()));
        if annotated && !any_note {
            continue;
        }
        let _ = writeln!(out, "## {} (story {})\n", md(&s.title), md(&s.id));
        for a in &members {
            let _ = writeln!(
                out,
                "- {} — {}, {}",
                md(&title(a)),
                md(outlet(a)),
                md(&date(a))
            );
        }
        out.push('\n');
        if !fs.is_empty() {
            out.push_str("### Findings\n\n");
            for f in fs {
                let _ = writeln!(
                    out,
                    "**{}: {}**. {}\n",
                    finding_kind_word(f.kind),
                    md(&f.subject),
                    md(&f.explanation)
                );
                for c in &f.claims {
                    let a = by_id.get(c.article_id.as_str());
                    let _ = writeln!(
                        out,
                        "- **{}** in {} ({}, {}): {}",
                        md(&c.text),
                        md(&a.map(|a| title(a)).unwrap_or_default()),
                        md(a.map(|a| outlet(a)).unwrap_or("")),
                        md(&a.map(|a| date(a)).unwrap_or_default()),
                        md(&c.sentence)
                    );
                    if let Some(n) = by_claim.get(side_claim_id(c).as_str()) {
                        let _ = writeln!(out, "  - {}", note_line(n));
                    }
                }
                out.push('\n');
            }
        }
        let mut by_speaker: BTreeMap<String, Vec<&ClaimRow>> = BTreeMap::new();
        for r in story_rows.iter().filter(|r| r.kind == ClaimKind::Quote) {
            if annotated && !by_claim.contains_key(r.id.as_str()) {
                continue;
            }
            by_speaker
                .entry(r.who_or_what.unwrap_or("unattributed").to_string())
                .or_default()
                .push(r);
        }
        if !by_speaker.is_empty() {
            out.push_str("### Quotations by speaker\n\n");
            for (speaker, qs) in by_speaker {
                let _ = writeln!(out, "**{}**\n", md(&speaker));
                for q in qs {
                    let _ = writeln!(
                        out,
                        "- “{}” — {}, {}",
                        md(q.text),
                        md(outlet(q.article)),
                        md(&date(q.article))
                    );
                    if let Some(n) = by_claim.get(q.id.as_str()) {
                        let _ = writeln!(out, "  - {}", note_line(n));
                    }
                }
                out.push('\n');
            }
        }
    }
    if !found.is_empty() {
        out.push_str("## Verdicts and notes\n\n");
        for (a, row) in found {
            let place = match row {
                Some(r) => format!("{}, {}", md(&title(r.article)), md(outlet(r.article))),
                None => format!(
                    "{} (orphaned: the claim is no longer in the corpus)",
                    md(a.article_title.as_deref().unwrap_or(&a.article_path))
                ),
            };
            let _ = writeln!(
                out,
                "- {} “{}” in {}: {}",
                kind_word(a.kind),
                md(&a.text),
                place,
                note_line(a)
            );
        }
    }
    out
}
