//! `crosscheck note`, `crosscheck notes` and `crosscheck export`: the user's verdicts and
//! notes on claims, and the report of stories, findings, quotations and verdicts.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::{Context as _, Result};
use clap::{Args, ValueEnum};
use serde_json::{Value, json};

use crate::claims::ClaimKind;
use crate::context::Context;
use crate::crossref::{CrossRef, Finding, FindingKind};
use crate::index::{StoredArticle, StoredStory};
use crate::text::inert_line;
use crate::user::annotations::{self, Anchor, Annotation, ClaimAt};

#[derive(Debug, Args)]
pub struct NoteArgs {
    /// The claim's id (`id` of a quotation or statistic in `crosscheck claims --json`).
    pub claim_id: String,
    /// The corpus the claim is in, as given to `claims`; default: the configured corpus.
    pub paths: Vec<PathBuf>,
    /// A verdict: confirmed, disputed, false, unverified (or the labels under `[notes]`
    /// in the config); "" clears it.
    #[arg(long)]
    pub verdict: Option<String>,
    /// A free-text note; "" clears it.
    #[arg(long)]
    pub text: Option<String>,
    /// Bookmark the claim (`--bookmark=false` removes the bookmark).
    #[arg(long, num_args = 0..=1, default_missing_value = "true")]
    pub bookmark: Option<bool>,
    /// Remove the annotation.
    #[arg(long)]
    pub clear: bool,
}

#[derive(Debug, Args)]
pub struct NotesArgs {
    /// The corpus to find the annotated claims in; default: the configured corpus.
    pub paths: Vec<PathBuf>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Md,
    Json,
    Csv,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Files or folders of articles; default: the configured corpus.
    pub paths: Vec<PathBuf>,
    /// Only this story (an id from `crosscheck stories`).
    #[arg(long, value_name = "ID")]
    pub story: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Md)]
    pub format: Format,
    /// Only the claims with a verdict, a note or a bookmark.
    #[arg(long)]
    pub annotated: bool,
    /// Write to FILE instead of stdout (atomically).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// One claim of the corpus with what describes it in a report.
#[derive(Debug, Clone)]
struct ClaimRow<'a> {
    id: String,
    kind: ClaimKind,
    article: &'a StoredArticle,
    text: &'a str,
    sentence: &'a str,
    /// The speaker (quotations) or the statistic's subject.
    who_or_what: Option<&'a str>,
}

fn claim_rows(articles: &[StoredArticle]) -> Vec<ClaimRow<'_>> {
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

fn verdicts(ctx: &Context) -> Vec<String> {
    if ctx.config.notes.verdicts.is_empty() {
        annotations::DEFAULT_VERDICTS
            .iter()
            .map(|s| s.to_string())
            .collect()
    } else {
        ctx.config.notes.verdicts.clone()
    }
}

/// `crosscheck note CLAIM_ID …`
pub fn run_note(ctx: &Context, args: NoteArgs) -> Result<i32> {
    let path = annotations::annotations_path(&ctx.dirs.data);
    if let Some(v) = args.verdict.as_deref().filter(|v| !v.is_empty()) {
        let allowed = verdicts(ctx);
        if !allowed.iter().any(|a| a == v) {
            eprintln!(
                "crosscheck: {} is not a verdict; use one of {} (or set [notes] verdicts in the config)",
                inert_line(v),
                allowed.join(", ")
            );
            return Ok(2);
        }
    }
    let (idx, _) = super::open_updated(ctx, true)?;
    let articles = idx.articles()?;
    let rows = claim_rows(&articles);
    let Some(row) = rows.iter().find(|r| r.id == args.claim_id) else {
        // An orphaned annotation can still be changed or cleared by its id.
        let known = annotations::load(&path)
            .map_err(anyhow::Error::msg)?
            .into_iter()
            .find(|a| a.claim_id == args.claim_id);
        let Some(mut a) = known else {
            eprintln!(
                "crosscheck: no claim {} in the corpus (claim ids are in `crosscheck claims --json`)",
                inert_line(&args.claim_id)
            );
            return Ok(1);
        };
        apply(&mut a, &args);
        save(&path, a, args.clear)?;
        super::emit(&format!(
            "updated the note on {} (its claim is no longer in the corpus)",
            args.claim_id
        ))?;
        return Ok(0);
    };
    let existing = annotations::load(&path).unwrap_or_default();
    let mut a = existing
        .into_iter()
        .find(|a| a.claim_id == row.id)
        .unwrap_or_else(|| Annotation {
            claim_id: row.id.clone(),
            kind: row.kind,
            text: row.text.to_string(),
            sentence: row.sentence.to_string(),
            article_id: row.article.article.id.clone(),
            article_path: row.article.article.path.clone(),
            article_title: row.article.article.title.clone(),
            verdict: None,
            note: None,
            bookmark: false,
            updated: String::new(),
        });
    apply(&mut a, &args);
    let summary = describe(&a);
    save(&path, a, args.clear)?;
    super::emit(&if args.clear {
        format!("cleared the note on {}", row.id)
    } else {
        format!("{}: {summary}", row.id)
    })?;
    Ok(0)
}

fn apply(a: &mut Annotation, args: &NoteArgs) {
    let set = |slot: &mut Option<String>, v: &Option<String>| {
        if let Some(v) = v {
            *slot = (!v.trim().is_empty()).then(|| v.trim().to_string());
        }
    };
    set(&mut a.verdict, &args.verdict);
    set(&mut a.note, &args.text);
    if let Some(b) = args.bookmark {
        a.bookmark = b;
    }
    a.updated = crate::calendar::utc_timestamp(std::time::SystemTime::now());
}

fn save(path: &std::path::Path, a: Annotation, clear: bool) -> Result<()> {
    let id = a.claim_id.clone();
    let notice = annotations::update(path, move |list| {
        if clear {
            list.retain(|x| x.claim_id != id);
        } else {
            annotations::upsert(list, a);
        }
    })
    .map_err(anyhow::Error::msg)
    .context("saving the annotation")?;
    if let Some(n) = notice {
        eprintln!("crosscheck: {n}");
    }
    Ok(())
}

fn describe(a: &Annotation) -> String {
    let mut parts = Vec::new();
    if let Some(v) = &a.verdict {
        parts.push(format!("verdict {v}"));
    }
    if let Some(n) = &a.note {
        parts.push(format!("note “{}”", inert_line(n)));
    }
    if a.bookmark {
        parts.push("bookmarked".into());
    }
    if parts.is_empty() {
        "no annotation left".into()
    } else {
        parts.join(", ")
    }
}

/// Each annotation with where its claim is now (`None`: orphaned).
fn anchored<'a>(
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

/// `crosscheck notes [--json]`
pub fn run_notes(ctx: &Context, args: NotesArgs) -> Result<i32> {
    let path = annotations::annotations_path(&ctx.dirs.data);
    let list = match annotations::load(&path) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("crosscheck: {e}");
            return Ok(1);
        }
    };
    let (idx, _) = super::open_updated(ctx, true)?;
    let articles = idx.articles()?;
    let rows = claim_rows(&articles);
    let found = anchored(&list, &rows);
    if args.json {
        let out: Vec<Value> = found
            .iter()
            .map(|(a, row)| {
                let mut v = serde_json::to_value(a).unwrap_or(Value::Null);
                if let Value::Object(m) = &mut v {
                    m.insert("orphaned".into(), Value::Bool(row.is_none()));
                    if let Some(r) = row {
                        m.insert("claim_id".into(), Value::String(r.id.clone()));
                        m.insert(
                            "article_path".into(),
                            Value::String(r.article.article.path.clone()),
                        );
                    }
                }
                v
            })
            .collect();
        super::emit_json(serde_json::to_string_pretty(
            &json!({ "annotations": out }),
        )?)?;
    } else if found.is_empty() {
        super::emit(
            "no annotations yet: `crosscheck note CLAIM_ID --verdict disputed --text …` (claim ids are in `crosscheck claims --json`)",
        )?;
    } else {
        let mut out = String::new();
        for (a, row) in &found {
            let _ = writeln!(
                out,
                "{}  {}{}",
                a.claim_id,
                describe(a),
                if row.is_none() {
                    "  [orphaned: the claim is no longer in the corpus]"
                } else {
                    ""
                }
            );
            let _ = writeln!(
                out,
                "  “{}” in {}",
                inert_line(&a.text),
                inert_line(a.article_title.as_deref().unwrap_or(&a.article_path))
            );
        }
        super::emit(&out)?;
    }
    Ok(0)
}

/// `crosscheck export …`
pub fn run_export(ctx: &Context, args: ExportArgs) -> Result<i32> {
    let (idx, _) = super::open_updated(ctx, true)?;
    let all_articles = idx.articles()?;
    let stories = idx.stories()?;
    let crossref = idx.crossref()?;
    let story = match &args.story {
        Some(id) => match stories.iter().find(|s| &s.id == id) {
            Some(s) => Some(s),
            None => {
                eprintln!(
                    "crosscheck: no story {} (ids are in `crosscheck stories`)",
                    inert_line(id)
                );
                return Ok(1);
            }
        },
        None => None,
    };
    let articles: Vec<StoredArticle> = match story {
        Some(s) => all_articles
            .into_iter()
            .filter(|a| s.articles.contains(&a.article.id))
            .collect(),
        None => all_articles,
    };
    let stories: Vec<&StoredStory> = match story {
        Some(s) => vec![s],
        None => stories.iter().collect(),
    };
    let list =
        annotations::load(&annotations::annotations_path(&ctx.dirs.data)).unwrap_or_else(|e| {
            eprintln!("crosscheck: {e}; exporting without annotations");
            Vec::new()
        });
    let rows = claim_rows(&articles);
    let found = anchored(&list, &rows);
    let by_claim: HashMap<&str, &Annotation> = found
        .iter()
        .filter_map(|(a, r)| r.map(|r| (r.id.as_str(), *a)))
        .collect();
    let report = Report {
        stories: &stories,
        by_id: articles
            .iter()
            .map(|a| (a.article.id.as_str(), a))
            .collect(),
        findings: findings_of(&crossref, &articles),
        rows: &rows,
        found: &found,
        by_claim: &by_claim,
        annotated: args.annotated,
    };
    let text = match args.format {
        Format::Csv => export_csv(&rows, &by_claim, args.annotated)?,
        Format::Json => serde_json::to_string_pretty(&export_json(&report))?,
        Format::Md => export_md(&report),
    };
    match &args.output {
        Some(path) => {
            crate::fsutil::write_atomic(path, text.as_bytes())
                .with_context(|| format!("writing {}", path.display()))?;
            eprintln!("crosscheck: wrote {}", path.display());
        }
        None => super::emit(&text)?,
    }
    Ok(0)
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
) -> Result<String> {
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
