//! The headless subcommands: `index`, `search`, `claims`, `conflicts`, `stories`, as readable text
//! or, with `--json`, as a stable contract for scripts.

mod feeds;
mod notes;
mod output;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::Result;
use clap::{Args, Parser, Subcommand};

pub use crate::context::Context;
use crate::index::{Analysis, CorpusIndex, Progress, SearchError, UpdateSummary};

/// crosscheck: a terminal news reader that annotates claims.
///
/// With no command, opens the reader on the configured corpus (by default the bundled
/// demo articles).
#[derive(Debug, Parser)]
#[command(name = "crosscheck", version, about, long_about = None)]
pub struct Cli {
    /// Keep the index in DIR instead of the cache directory.
    #[arg(long, global = true, value_name = "DIR")]
    pub index: Option<PathBuf>,
    /// Read this config file instead of $XDG_CONFIG_HOME/crosscheck/config.toml.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Use the index as it is, without checking the corpus for changed files first
    /// (search, claims, conflicts; on a large corpus the check takes longer than the
    /// query).
    #[arg(long, global = true)]
    pub no_update: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build or update the index of a corpus.
    Index(IndexArgs),
    /// Search the corpus (BM25; phrases, AND/OR/NOT, +/-, title:, source:, speaker:).
    Search(SearchArgs),
    /// Print each article's quotations (with speakers) and statistics.
    Claims(CorpusArgs),
    /// Print where articles contradict each other, figures that moved, corroborations,
    /// related quotes and shared passages.
    Conflicts(CorpusArgs),
    /// Group the articles into stories (one real-world event each) and list them, largest
    /// first, with their articles and how many findings each holds.
    Stories(CorpusArgs),
    /// Manage the feeds you follow (add, remove, list, import, export).
    #[command(subcommand)]
    Feeds(feeds::FeedsCommand),
    /// Fetch every feed and each new entry's article, store and index them.
    Fetch(feeds::FetchArgs),
    /// Set a verdict, a note or a bookmark on a claim (ids in `claims --json`).
    Note(notes::NoteArgs),
    /// List your verdicts, notes and bookmarks, with orphaned ones marked.
    Notes(notes::NotesArgs),
    /// A report of the stories, findings, quotations by speaker and your verdicts and
    /// notes, as Markdown, JSON or CSV (one row per claim).
    Export(notes::ExportArgs),
    /// Open the reader (the default command).
    Read(ReadArgs),
}

#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Files or folders of articles (.txt, .md, .html); default: the configured corpus.
    pub paths: Vec<PathBuf>,
    /// Print the summary as JSON.
    #[arg(long)]
    pub json: bool,
    /// Also compute the cross-article findings before returning (otherwise `index`
    /// returns once the corpus is searchable, and the first command that shows findings
    /// computes them).
    #[arg(long)]
    pub wait_findings: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query, e.g. '"sanctuary cities" AND title:miami'.
    pub query: String,
    /// Files or folders of articles; default: the configured corpus.
    pub paths: Vec<PathBuf>,
    /// Show at most N hits.
    #[arg(long, short = 'n', default_value_t = 10, value_name = "N")]
    pub limit: usize,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct CorpusArgs {
    /// Files or folders of articles; default: the configured corpus.
    pub paths: Vec<PathBuf>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ReadArgs {
    /// Files or folders of articles; default: the configured corpus.
    pub paths: Vec<PathBuf>,
}

/// A progress bar on stderr, drawn only on a terminal and only once an update takes
/// more than a moment.
pub struct ProgressBar {
    start: Instant,
    last: Instant,
    enabled: bool,
    drawn: bool,
}

impl ProgressBar {
    pub fn new() -> ProgressBar {
        ProgressBar {
            start: Instant::now(),
            last: Instant::now(),
            enabled: std::io::stderr().is_terminal(),
            drawn: false,
        }
    }

    pub fn update(&mut self, p: Progress) {
        if !self.enabled || self.start.elapsed() < Duration::from_millis(400) {
            return;
        }
        if self.drawn && self.last.elapsed() < Duration::from_millis(80) {
            return;
        }
        self.last = Instant::now();
        let line = match p {
            Progress::Scanned { files } => format!("scanning: {files} files"),
            Progress::Indexed { done, total } => {
                let width = 30;
                let filled = (done * width)
                    .checked_div(total)
                    .unwrap_or(width)
                    .min(width);
                format!(
                    "indexing [{}{}] {done}/{total}",
                    "=".repeat(filled),
                    " ".repeat(width - filled)
                )
            }
            Progress::Committed => "indexed; searchable now".to_string(),
            Progress::Analyzing => "analysing across articles…".to_string(),
        };
        let mut err = std::io::stderr();
        let _ = write!(err, "\r\x1b[2K{line}");
        let _ = err.flush();
        self.drawn = true;
    }

    pub fn finish(&mut self) {
        if self.drawn {
            let _ = write!(std::io::stderr(), "\r\x1b[2K");
            self.drawn = false;
        }
    }
}

impl Default for ProgressBar {
    fn default() -> Self {
        ProgressBar::new()
    }
}

/// Opens the index and brings it up to date. When another process holds the writer
/// lock, the index is used as it is, with a note.
/// The findings are not recomputed here (`Analysis::Later`) unless `analysis` says so: the
/// commands that show them recompute them when they are out of date.
pub fn open_updated(
    ctx: &Context,
    quiet: bool,
    analysis: Analysis,
) -> Result<(CorpusIndex, Option<UpdateSummary>)> {
    let mut idx = CorpusIndex::open_or_rebuild(&ctx.index_dir, &ctx.roots)?;
    if let Some(why) = idx.rebuilt() {
        eprintln!("crosscheck: {why}");
    }
    if ctx.no_update && !idx.is_empty() && idx.rebuilt().is_none() {
        return Ok((idx, None));
    }
    // A check a moment ago (a script's previous command) is trusted; `index` always checks.
    if ctx
        .recheck_window()
        .is_some_and(|w| idx.checked_within(w, &ctx.roots))
        && !idx.is_empty()
        && idx.rebuilt().is_none()
    {
        return Ok((idx, None));
    }
    let started = std::time::SystemTime::now();
    let mut bar = ProgressBar::new();
    let result = idx.update(&ctx.roots, &ctx.config.limits(), analysis, &mut |p| {
        bar.update(p)
    });
    bar.finish();
    match result {
        Ok(summary) => {
            idx.record_check(&ctx.roots, started);
            if !quiet {
                report_problems(&summary);
            }
            Ok((idx, Some(summary)))
        }
        Err(e) if format!("{e}").contains(crate::index::LOCK_HELD) => {
            eprintln!("crosscheck: {e:#}; using the index as it is");
            Ok((idx, None))
        }
        Err(e) => Err(e),
    }
}

fn print_notices(ctx: &Context) {
    for n in &ctx.notices {
        eprintln!("crosscheck: {n}");
    }
}

/// Files skipped for one reason beyond this many are summed up in one line.
const SKIPPED_LISTED: usize = 10;

fn report_problems(summary: &UpdateSummary) {
    let mut by_reason: Vec<(&str, Vec<&str>)> = Vec::new();
    for s in &summary.skipped {
        match by_reason.iter_mut().find(|(r, _)| *r == s.reason) {
            Some((_, paths)) => paths.push(&s.path),
            None => by_reason.push((&s.reason, vec![&s.path])),
        }
    }
    for (reason, paths) in by_reason {
        for p in paths.iter().take(SKIPPED_LISTED) {
            eprintln!(
                "crosscheck: skipped {}: {reason}",
                crate::text::inert_line(p)
            );
        }
        if paths.len() > SKIPPED_LISTED {
            eprintln!(
                "crosscheck: skipped {} more files: {reason} (`crosscheck index --json` lists them all)",
                paths.len() - SKIPPED_LISTED
            );
        }
    }
    for w in &summary.warnings {
        eprintln!(
            "crosscheck: warning: {}: {}",
            crate::text::inert_line(&w.path),
            w.message
        );
    }
}

fn empty_corpus_message(ctx: &Context) -> String {
    let roots: Vec<String> = ctx.roots.iter().map(|r| r.display().to_string()).collect();
    format!(
        "no articles found in {}: add .txt or .md files (a title line, then paragraphs) or saved web pages (.html) or give another folder",
        if roots.is_empty() {
            "the corpus".to_string()
        } else {
            roots.join(", ")
        }
    )
}

/// Writes a command's output (a newline is added when missing). A reader of a pipe that
/// went away (`crosscheck search … | head`) ends the output quietly.
fn emit(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    let written = out
        .write_all(text.as_bytes())
        .and_then(|()| {
            if text.ends_with('\n') || text.is_empty() {
                Ok(())
            } else {
                out.write_all(b"\n")
            }
        })
        .and_then(|()| out.flush());
    quiet_pipe(written)
}

/// Writes JSON output with the controls a terminal could act on escaped.
fn emit_json(json: String) -> Result<()> {
    emit(&crate::text::json_escape_controls(json))
}

fn quiet_pipe(r: std::io::Result<()>) -> Result<()> {
    match r {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => Ok(anyhow::Context::context(r, "writing the output")?),
    }
}

/// Runs a headless command; returns the process exit code.
pub fn run_command(
    cli_index: Option<PathBuf>,
    cli_config: Option<PathBuf>,
    no_update: bool,
    command: Command,
) -> Result<i32> {
    let new_context = |paths: &[PathBuf]| -> Result<Context> {
        let mut ctx = Context::new(cli_index.clone(), cli_config.clone(), paths)?;
        ctx.no_update = no_update;
        Ok(ctx)
    };
    match command {
        Command::Index(args) => {
            let mut ctx = new_context(&args.paths)?;
            print_notices(&ctx);
            let analysis = if args.wait_findings {
                Analysis::Now
            } else {
                Analysis::Later
            };
            ctx.always_check = true;
            let (idx, summary) = open_updated(&ctx, args.json, analysis)?;
            let Some(summary) = summary else { return Ok(1) };
            let current = idx.findings_current(&idx.findings());
            if args.json {
                emit_json(serde_json::to_string_pretty(&output::index_json(
                    &summary, current,
                ))?)?;
            } else {
                emit(&output::index_text(&summary, idx.len(), idx.dir(), current))?;
            }
            if idx.is_empty() {
                eprintln!("crosscheck: {}", empty_corpus_message(&ctx));
            }
            Ok(0)
        }
        Command::Search(args) => {
            let ctx = new_context(&args.paths)?;
            print_notices(&ctx);
            let (idx, _) = open_updated(&ctx, true, Analysis::Later)?;
            if idx.is_empty() {
                eprintln!("crosscheck: {}", empty_corpus_message(&ctx));
            }
            match idx.search(&args.query, args.limit) {
                Ok(results) => {
                    if args.json {
                        emit_json(serde_json::to_string_pretty(&output::search_json(
                            &results,
                        ))?)?;
                    } else {
                        emit(&output::search_text(&results, output::Style::for_stdout()))?;
                    }
                    Ok(0)
                }
                Err(SearchError::BadQuery(msg)) => {
                    eprintln!("crosscheck: {msg}");
                    Ok(2)
                }
                Err(SearchError::Other(e)) => Err(e),
            }
        }
        Command::Claims(args) => {
            let ctx = new_context(&args.paths)?;
            print_notices(&ctx);
            let (idx, _) = open_updated(&ctx, true, Analysis::Later)?;
            let articles = idx.articles()?;
            if articles.is_empty() {
                eprintln!("crosscheck: {}", empty_corpus_message(&ctx));
            }
            if args.json {
                emit_json(serde_json::to_string(&output::claims_json(&articles))?)?;
            } else {
                emit(&output::claims_text(&articles, output::Style::for_stdout()))?;
            }
            Ok(0)
        }
        Command::Conflicts(args) => {
            let ctx = new_context(&args.paths)?;
            print_notices(&ctx);
            let (idx, _) = open_updated(&ctx, true, Analysis::Later)?;
            let crossref = idx.crossref()?;
            let store = crate::feeds::Store::new(&ctx.dirs.data);
            let revised = crate::feeds::edits::revised_articles(&store, &idx)?;
            let edited = crate::feeds::edits::edits(&store, &revised);
            if args.json {
                emit_json(serde_json::to_string_pretty(&output::conflicts_json(
                    &crossref, &edited,
                ))?)?;
            } else {
                emit(&output::conflicts_text(
                    &crossref,
                    &edited,
                    output::Style::for_stdout(),
                ))?;
            }
            Ok(0)
        }
        Command::Stories(args) => {
            let ctx = new_context(&args.paths)?;
            print_notices(&ctx);
            let (idx, _) = open_updated(&ctx, true, Analysis::Later)?;
            let stories = idx.stories()?;
            let summaries = idx.summaries()?;
            let findings = idx.findings();
            let by_id: std::collections::HashMap<&str, &crate::index::ArticleSummary> =
                summaries.iter().map(|s| (s.id.as_str(), s)).collect();
            let reports: Vec<output::StoryReport> = stories
                .iter()
                .map(|st| {
                    let records: std::collections::BTreeSet<u32> = st
                        .articles
                        .iter()
                        .flat_map(|a| findings.of_article(a).iter().copied())
                        .filter(|&n| {
                            findings.heads().get(n as usize).is_some_and(|h| {
                                matches!(h.kind, crate::crossref::RecordKind::Finding(_))
                            })
                        })
                        .collect();
                    output::StoryReport {
                        story: st,
                        articles: st
                            .articles
                            .iter()
                            .filter_map(|a| by_id.get(a.as_str()).copied())
                            .collect(),
                        findings: records.len(),
                    }
                })
                .collect();
            if args.json {
                emit_json(serde_json::to_string_pretty(&output::stories_json(
                    &reports,
                ))?)?;
            } else {
                emit(&output::stories_text(&reports, output::Style::for_stdout()))?;
            }
            Ok(0)
        }
        Command::Feeds(cmd) => {
            let ctx = new_context(&[])?;
            print_notices(&ctx);
            feeds::run_feeds(&ctx, cmd)
        }
        Command::Fetch(args) => feeds::run_fetch(cli_index, cli_config, args),
        Command::Note(args) => {
            let ctx = new_context(&args.paths)?;
            print_notices(&ctx);
            notes::run_note(&ctx, args)
        }
        Command::Notes(args) => {
            let ctx = new_context(&args.paths)?;
            print_notices(&ctx);
            notes::run_notes(&ctx, args)
        }
        Command::Export(args) => {
            let ctx = new_context(&args.paths)?;
            print_notices(&ctx);
            notes::run_export(&ctx, args)
        }
        Command::Read(_) => unreachable!("the reader is started by main"),
    }
}

/// Opens the reader on the corpus (the paths given, else the configured corpus, else
/// the bundled seeds), indexing first where needed. Without a terminal it prints the
/// findings instead.
pub fn run_reader(
    cli_index: Option<PathBuf>,
    cli_config: Option<PathBuf>,
    paths: &[PathBuf],
) -> Result<i32> {
    let started = Instant::now();
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        // Piped or scripted: no screen to draw on, so print what the reader would show first.
        return run_command(
            cli_index,
            cli_config,
            false,
            Command::Conflicts(CorpusArgs {
                paths: paths.to_vec(),
                json: false,
            }),
        );
    }
    let ctx = Context::new(cli_index, cli_config, paths)?;
    crate::tui::run(&ctx, started)
}
