//! `crosscheck feeds …` and `crosscheck fetch`: the feed list, and fetching into the store.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context as _, Result};
use clap::{Args, Subcommand};
use serde_json::json;

use crate::context::Context;
use crate::feeds::fetch::{FeedRow, feed_rows};
use crate::feeds::list::{is_web_url, parse_opml, to_opml};
use crate::feeds::{Feed, FeedList, FetchProgress, FetchSummary, Store, fetch_all, urls_path};
use crate::text::inert_line;
use crate::user::{ReadMarks, read_marks_path};

#[derive(Debug, Subcommand)]
pub enum FeedsCommand {
    /// Follow a feed (RSS, Atom or JSON Feed).
    Add {
        url: String,
        /// Your name for it (shown instead of the feed's title).
        #[arg(long)]
        name: Option<String>,
        /// A tag; give several times for several.
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
    },
    /// Stop following a feed (its fetched articles are kept).
    Remove { url: String },
    /// List the feeds with their article and unread counts and last error.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Follow the feeds of an OPML file (nested outlines become tags).
    Import { file: PathBuf },
    /// Print the feeds as OPML.
    Export,
}

#[derive(Debug, Args)]
pub struct FetchArgs {
    /// Print the summary as JSON.
    #[arg(long)]
    pub json: bool,
    /// Only fetch; leave indexing to the next command.
    #[arg(long)]
    pub no_index: bool,
}

fn load_list(path: &Path) -> Result<FeedList> {
    FeedList::load(path).with_context(|| format!("reading the feed list {}", path.display()))
}

fn save_list(list: &FeedList, path: &Path) -> Result<()> {
    list.save(path)
        .with_context(|| format!("writing the feed list {}", path.display()))
}

/// Runs a `feeds` subcommand; returns the exit code.
pub fn run_feeds(ctx: &Context, command: FeedsCommand) -> Result<i32> {
    let path = urls_path(&ctx.config_file);
    match command {
        FeedsCommand::Add { url, name, tags } => {
            let url = url.trim().to_string();
            if !is_web_url(&url) {
                eprintln!(
                    "crosscheck: {} is not an http or https address; only those are fetched",
                    inert_line(&url)
                );
                return Ok(2);
            }
            let mut list = load_list(&path)?;
            let is_new = list.add(Feed {
                url: url.clone(),
                name,
                tags,
            });
            save_list(&list, &path)?;
            super::emit(&format!(
                "{} {} in {}; `crosscheck fetch` fetches it",
                if is_new { "added" } else { "updated" },
                inert_line(&url),
                path.display()
            ))?;
            Ok(0)
        }
        FeedsCommand::Remove { url } => {
            let mut list = load_list(&path)?;
            if !list.remove(url.trim()) {
                eprintln!(
                    "crosscheck: {} is not in {}",
                    inert_line(&url),
                    path.display()
                );
                return Ok(1);
            }
            save_list(&list, &path)?;
            super::emit(&format!(
                "removed {}; its fetched articles are kept in {}",
                inert_line(&url),
                Store::new(&ctx.dirs.data).articles_dir().display()
            ))?;
            Ok(0)
        }
        FeedsCommand::List { json } => {
            let list = load_list(&path)?;
            let store = Store::new(&ctx.dirs.data);
            let (state, notice) = store.peek_state();
            if let Some(n) = notice {
                eprintln!("crosscheck: {n}");
            }
            let marks = ReadMarks::load(&read_marks_path(&ctx.dirs.data));
            let feeds: Vec<Feed> = list.feeds().cloned().collect();
            let rows = feed_rows(&feeds, &state, &store, &|id| marks.read.contains(id));
            if json {
                super::emit_json(serde_json::to_string_pretty(&json!({ "feeds": rows }))?)?;
            } else if rows.is_empty() {
                super::emit(&format!(
                    "no feeds yet: `crosscheck feeds add URL` or `crosscheck feeds import FILE.opml` (the list is {})",
                    path.display()
                ))?;
            } else {
                super::emit(&list_text(&rows))?;
            }
            Ok(0)
        }
        FeedsCommand::Import { file } => {
            let text =
                std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
            let feeds = match parse_opml(&String::from_utf8_lossy(&text)) {
                Ok(f) => f,
                Err(e) => {
                    eprintln!("crosscheck: {}: {e}", file.display());
                    return Ok(2);
                }
            };
            let mut list = load_list(&path)?;
            let (mut added, mut skipped) = (0, 0);
            for f in feeds {
                if !is_web_url(&f.url) {
                    eprintln!(
                        "crosscheck: skipped {}: not an http or https address",
                        inert_line(&f.url)
                    );
                    skipped += 1;
                    continue;
                }
                if list.add(f) {
                    added += 1;
                }
            }
            save_list(&list, &path)?;
            super::emit(&format!(
                "imported {added} new feed(s) into {}{}",
                path.display(),
                if skipped > 0 {
                    format!(", {skipped} skipped")
                } else {
                    String::new()
                }
            ))?;
            Ok(0)
        }
        FeedsCommand::Export => {
            let list = load_list(&path)?;
            let feeds: Vec<&Feed> = list.feeds().collect();
            super::emit(&to_opml(&feeds))?;
            Ok(0)
        }
    }
}

fn list_text(rows: &[FeedRow]) -> String {
    let mut out = String::new();
    for r in rows {
        let s = |v: &Option<String>| v.as_deref().map(|v| inert_line(v).into_owned());
        let title = s(&r.title).unwrap_or_else(|| "(not fetched yet)".into());
        out.push_str(&format!("{title}\n  {}\n", inert_line(&r.url)));
        let tags: Vec<String> = r.tags.iter().map(|t| inert_line(t).into_owned()).collect();
        let mut line = format!("  {} articles, {} unread", r.articles, r.unread);
        if !tags.is_empty() {
            line.push_str(&format!(" · tags: {}", tags.join(", ")));
        }
        match s(&r.last_fetch) {
            Some(t) => line.push_str(&format!(" · fetched {t}")),
            None => line.push_str(" · never fetched"),
        }
        out.push_str(&line);
        out.push('\n');
        if let Some(e) = s(&r.last_error) {
            out.push_str(&format!("  last error: {e}\n"));
        }
    }
    out
}

/// A progress line on stderr, only on a terminal.
fn progress_line() -> impl Fn(FetchProgress) + Sync {
    let enabled = std::io::stderr().is_terminal();
    let last = Mutex::new(std::time::Instant::now());
    move |p| {
        if !enabled {
            return;
        }
        let mut l = last.lock().unwrap_or_else(|e| e.into_inner());
        if l.elapsed() < std::time::Duration::from_millis(80) {
            return;
        }
        *l = std::time::Instant::now();
        let line = match p {
            FetchProgress::Feeds { done, total } => format!("fetching feeds {done}/{total}"),
            FetchProgress::Pages { done, total } => format!("fetching articles {done}/{total}"),
        };
        eprint!("\r\x1b[2K{line}");
    }
}

fn summary_text(s: &FetchSummary) -> String {
    format!(
        "fetched {} feed(s): {} new, {} updated, {} unchanged article(s); {} feed(s) not modified; {} error(s)",
        s.feeds,
        s.new,
        s.updated,
        s.unchanged,
        s.not_modified,
        s.errors.len()
    )
}

/// `crosscheck fetch`: fetches every feed into the store, then indexes the default
/// corpus (which holds the store) unless `--no-index`.
pub fn run_fetch(
    cli_index: Option<PathBuf>,
    cli_config: Option<PathBuf>,
    args: FetchArgs,
) -> Result<i32> {
    let ctx = Context::new(cli_index.clone(), cli_config.clone(), &[])?;
    super::print_notices(&ctx);
    let list = load_list(&urls_path(&ctx.config_file))?;
    let feeds: Vec<Feed> = list.feeds().cloned().collect();
    if feeds.is_empty() && !args.json {
        eprintln!(
            "crosscheck: no feeds to fetch: add one with `crosscheck feeds add URL` (the list is {})",
            urls_path(&ctx.config_file).display()
        );
    }
    let store = Store::new(&ctx.dirs.data);
    let progress = progress_line();
    let options = ctx.config.feeds.fetch_options();
    let result = fetch_all(&feeds, &store, &options, &progress);
    if std::io::stderr().is_terminal() {
        eprint!("\r\x1b[2K");
    }
    let (summary, notices) = match result {
        Ok(r) => r,
        Err(e) => {
            eprintln!("crosscheck: {e}");
            return Ok(1);
        }
    };
    for n in notices {
        eprintln!("crosscheck: {n}");
    }
    if args.json {
        super::emit_json(serde_json::to_string_pretty(&summary)?)?;
    } else {
        for e in &summary.errors {
            eprintln!(
                "crosscheck: {}: {}",
                inert_line(&e.url),
                inert_line(&e.error)
            );
        }
        super::emit(&summary_text(&summary))?;
    }
    if !args.no_index && (summary.new > 0 || summary.updated > 0 || store.articles_dir().is_dir()) {
        // The context again: the store's folder may exist only now.
        let mut ctx = Context::new(cli_index, cli_config, &[])?;
        // The fetch has just written articles: a check from before it is not trusted.
        ctx.always_check = true;
        super::open_updated(&ctx, args.json, crate::index::Analysis::Later)?;
    }
    let all_failed = summary.feeds > 0 && summary.errors.len() >= summary.feeds && summary.new == 0;
    Ok(if all_failed { 1 } else { 0 })
}
