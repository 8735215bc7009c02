//! `crosscheck note`, `crosscheck notes` and `crosscheck export`: the user's verdicts and
//! notes on claims, and the report of stories, findings, quotations and verdicts.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::{Context as _, Result};
use clap::{Args, ValueEnum};
use serde_json::{Value, json};

use crate::context::Context;
use crate::index::{StoredArticle, StoredStory};
use crate::report::{self, anchored, claim_rows};
use crate::text::inert_line;
use crate::user::annotations::{self, Annotation};

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
    let (idx, _) = super::open_updated(ctx, true, crate::index::Analysis::Later)?;
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
    let (idx, _) = super::open_updated(ctx, true, crate::index::Analysis::Later)?;
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
    let (idx, _) = super::open_updated(ctx, true, crate::index::Analysis::Later)?;
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
    let format = match args.format {
        Format::Md => report::Format::Md,
        Format::Json => report::Format::Json,
        Format::Csv => report::Format::Csv,
    };
    let text = report::render(
        format,
        &articles,
        &stories,
        &crossref,
        &list,
        args.annotated,
    )?;
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
