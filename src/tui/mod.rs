//! The reader: a terminal interface to search, read and cross-check articles by keyboard.
//!
//! Each view owns its state and behaviour (`views/`, a [`view::Component`] each); [`App`]
//! routes actions to them and keeps what crosses views. Keys become an [`Action`] through
//! the [`KeyMap`], drawing is a pure function of `&App` (`ui/`), and every input, result
//! and progress report arrives as one [`Event`] on one channel for the [`EventLoop`]
//! (`event.rs`). This file only sets up: the terminal (restored on quit, error and
//! panic), the index update on a thread (the library shows what the index already holds
//! at once, and takes in new articles and findings when the update commits and ends; a
//! progress gauge only while the index is empty), then the loop.

pub mod action;
pub mod app;
pub mod backend;
pub mod browser;
pub mod data;
pub mod event;
pub mod jobs;
pub mod keymap;
pub mod layout;
pub mod overlay;
pub mod tab;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod view;
pub mod views;
pub mod watch;

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use crossterm::event as term;

pub use action::Action;
pub use app::{App, Options};
pub use backend::SearchBackend;
pub use event::{Event, EventLoop, IndexEvent};
pub use keymap::KeyMap;
pub use terminal::restore_terminal;
pub use theme::Theme;
pub use view::View;

use crate::context::Context;
use crate::index::{Analysis, CorpusIndex, Progress, UpdateSummary};
use crate::user;

/// Opens the index and brings it up to date, reporting as it goes.
/// When the index already has articles, waits for `go` (the library is on screen) before
/// updating, so the first frame does not share the machine with the update.
fn update_index(
    ctx: &Context,
    tx: &Sender<Event>,
    go: &mpsc::Receiver<()>,
) -> Result<UpdateSummary> {
    let mut idx = CorpusIndex::open_or_rebuild(&ctx.index_dir, &ctx.roots)?;
    let _ = tx.send(Event::Index(IndexEvent::Opened(
        idx.rebuilt().map(str::to_string),
    )));
    if !idx.is_empty() {
        let _ = go.recv_timeout(Duration::from_secs(2));
    }
    let progress_tx = tx.clone();
    idx.update(
        &ctx.roots,
        &ctx.config.limits(),
        Analysis::Now,
        &mut move |p| {
            let _ = progress_tx.send(Event::Index(IndexEvent::Progress(p)));
        },
    )
}

/// Waits on the event queue until the index has articles to show (or the update ended),
/// drawing a gauge meanwhile. `None` when the user quit first.
fn wait_for_index<B: ratatui::backend::Backend>(
    terminal: &mut ratatui::Terminal<B>,
    rx: &Receiver<Event>,
    ctx: &Context,
    notices: &mut Vec<String>,
) -> Result<Option<(CorpusIndex, bool)>>
where
    B::Error: Send + Sync + 'static,
{
    let roots: Vec<String> = ctx.roots.iter().map(|r| r.display().to_string()).collect();
    let mut last = None;
    loop {
        terminal.draw(|f| ui::loading::loading(&roots, last, f.area(), f.buffer_mut()))?;
        let Ok(ev) = rx.recv() else {
            anyhow::bail!("the indexing thread stopped unexpectedly")
        };
        match ev {
            Event::Index(IndexEvent::Opened(rebuilt)) => {
                notices.extend(rebuilt);
                let index = CorpusIndex::open(&ctx.index_dir, &ctx.roots)?;
                if !index.is_empty() {
                    return Ok(Some((index, true)));
                }
            }
            Event::Index(IndexEvent::Progress(Progress::Committed)) => {
                return Ok(Some((CorpusIndex::open(&ctx.index_dir, &ctx.roots)?, true)));
            }
            Event::Index(IndexEvent::Progress(p)) => last = Some(p),
            Event::Index(IndexEvent::Done(r)) => {
                let r = match r {
                    Err(e) if !format!("{e}").contains(crate::index::LOCK_HELD) => {
                        return Err(e);
                    }
                    r => r,
                };
                notices.extend(event::update_notice(&r));
                return Ok(Some((
                    CorpusIndex::open(&ctx.index_dir, &ctx.roots)?,
                    false,
                )));
            }
            Event::Input(term::Event::Key(k))
                if k.code == term::KeyCode::Char('q')
                    || (k.code == term::KeyCode::Char('c')
                        && k.modifiers.contains(term::KeyModifiers::CONTROL)) =>
            {
                return Ok(None);
            }
            _ => {}
        }
    }
}

/// Runs index updates one at a time (the first one, the watcher's, the one after a fetch)
/// on a pool that leaves a core to the interface, each reporting on the loop's channel.
#[derive(Clone)]
struct Updater {
    ctx: Arc<Context>,
    lock: Arc<std::sync::Mutex<()>>,
    pool: Option<Arc<rayon::ThreadPool>>,
}

impl Updater {
    fn new(ctx: &Context) -> Updater {
        // Leave a core to the interface and the search worker: an update's extraction and
        // analysis run on the others.
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .saturating_sub(1)
            .max(1);
        Updater {
            ctx: Arc::new(ctx.clone()),
            lock: Arc::default(),
            pool: rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .ok()
                .map(Arc::new),
        }
    }

    /// One update, waiting for any other to end first; `go` as for [`update_index`].
    fn run(&self, tx: &Sender<Event>, go: Receiver<()>) {
        let _one_at_a_time = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        let work = move || {
            let r = update_index(&self.ctx, tx, &go);
            let _ = tx.send(Event::Index(IndexEvent::Done(r)));
        };
        match &self.pool {
            Some(pool) => pool.install(work),
            None => work(),
        }
    }

    /// An update that starts at once (no first frame to wait for), announced first so the
    /// loop takes its results in.
    fn run_now(&self, tx: &Sender<Event>) {
        let (_, go) = mpsc::channel();
        let _ = tx.send(Event::Index(IndexEvent::Started));
        self.run(tx, go);
    }
}

/// Starts the first index update on a thread of its own.
fn spawn_index_update(updater: &Updater, tx: Sender<Event>, go: Receiver<()>) -> Result<()> {
    let updater = updater.clone();
    std::thread::Builder::new()
        .name("crosscheck-index".into())
        .spawn(move || updater.run(&tx, go))
        .context("starting the indexing thread")?;
    Ok(())
}

/// The feeds followed, as the Feeds view lists them.
fn feed_rows(
    ctx: &Context,
    read: &std::collections::BTreeSet<String>,
) -> Vec<crate::feeds::fetch::FeedRow> {
    let list = crate::feeds::FeedList::load(&crate::feeds::urls_path(&ctx.config_file))
        .unwrap_or_default();
    let feeds: Vec<crate::feeds::Feed> = list.feeds().cloned().collect();
    let store = crate::feeds::Store::new(&ctx.dirs.data);
    let (state, _) = store.peek_state();
    crate::feeds::fetch::feed_rows(&feeds, &state, &store, &|id| read.contains(id))
}

/// What `R` runs: a fetch of every feed on a thread of its own, reporting as it goes,
/// then an update of the index when the stored feed articles are part of the corpus.
fn reloader(updater: &Updater) -> event::Reloader {
    let updater = updater.clone();
    Box::new(move |tx: Sender<Event>| {
        let updater = updater.clone();
        let ctx = Arc::clone(&updater.ctx);
        let failed_tx = tx.clone();
        let spawned = std::thread::Builder::new()
            .name("crosscheck-fetch".into())
            .spawn(move || {
                let list = crate::feeds::FeedList::load(&crate::feeds::urls_path(&ctx.config_file))
                    .unwrap_or_default();
                let feeds: Vec<crate::feeds::Feed> = list.feeds().cloned().collect();
                let store = crate::feeds::Store::new(&ctx.dirs.data);
                let progress_tx = std::sync::Mutex::new(tx.clone());
                let progress = move |p| {
                    let _ = progress_tx
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .send(Event::Feeds(event::FeedEvent::Progress(p)));
                };
                let options = ctx.config.feeds.fetch_options();
                let result = if feeds.is_empty() {
                    Err("no feeds to fetch: add one with `crosscheck feeds add URL`".to_string())
                } else {
                    crate::feeds::fetch_all(&feeds, &store, &options, &progress)
                };
                let in_corpus = ctx.roots.contains(&store.articles_dir());
                let (summary, changed) = match &result {
                    Ok((s, _)) => {
                        let mut text = format!(
                            "fetched {} feeds: {} new, {} updated articles; {} errors",
                            s.feeds,
                            s.new,
                            s.updated,
                            s.errors.len()
                        );
                        if !in_corpus && s.new + s.updated > 0 {
                            text.push_str(" · the reader shows the folder it was opened on: `crosscheck` alone reads the feeds");
                        }
                        (text, s.new + s.updated > 0)
                    }
                    Err(e) => (e.clone(), false),
                };
                let read = crate::user::ReadMarks::load(&user::read_marks_path(&ctx.dirs.data)).read;
                let indexing = changed && in_corpus;
                let _ = tx.send(Event::Feeds(event::FeedEvent::Done {
                    rows: feed_rows(&ctx, &read),
                    summary,
                    indexing,
                }));
                if indexing {
                    let (_, go) = mpsc::channel();
                    updater.run(&tx, go);
                }
            });
        if let Err(e) = spawned {
            let _ = failed_tx.send(Event::Feeds(event::FeedEvent::Done {
                rows: Vec::new(),
                summary: format!("cannot start fetching: {e}"),
                indexing: false,
            }));
        }
    })
}

/// Opens the reader on a corpus; returns the exit code.
pub fn run(ctx: &Context, started: Instant) -> Result<i32> {
    let mut timings = event::Timings::from_env(started);
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let (keymap, key_problems) = KeyMap::with_overrides(&ctx.config.keys);
    let (theme, theme_problems) = Theme::new(&ctx.config.theme, no_color);
    let mut notices = ctx.notices.clone();
    notices.extend(key_problems);
    notices.extend(theme_problems);
    let marks_path = user::read_marks_path(&ctx.dirs.data);
    let marks = user::ReadMarks::load(&marks_path);

    let (_guard, mut terminal) = terminal::setup_terminal()?;
    let (tx, rx) = mpsc::channel();
    let stop_input = event::spawn_input(tx.clone())?;
    let (go_tx, go_rx) = mpsc::channel();
    let updater = Updater::new(ctx);
    spawn_index_update(&updater, tx.clone(), go_rx)?;
    let roots: Vec<String> = ctx.roots.iter().map(|r| r.display().to_string()).collect();
    terminal.draw(|f| ui::loading::loading(&roots, None, f.area(), f.buffer_mut()))?;
    timings.note("first_frame_ms", timings.started);
    let Some((index, updating)) = wait_for_index(&mut terminal, &rx, ctx, &mut notices)? else {
        stop_input.store(true, Ordering::Relaxed);
        return Ok(0);
    };
    let options = Options {
        keymap,
        theme,
        read: marks.read,
        notices,
        empty_hint: format!(
            "No articles in {}. Add .txt or .md files (a title line, then paragraphs) or saved web pages (.html) there ( folders are read recursively), or open another folder with `crosscheck read FOLDER`, or list folders under `corpus` in $XDG_CONFIG_HOME/crosscheck/config.toml. Press q to quit.",
            if roots.is_empty() {
                "the corpus".to_string()
            } else {
                roots.join(", ")
            }
        ),
    };
    let index = Arc::new(index);
    timings.note("index_open_ms", timings.started);
    let summaries = index.summaries()?;
    timings.note("summaries_ms", timings.started);
    let findings = index.findings();
    timings.note("findings_ms", timings.started);
    let stale = updating || !index.findings_current(&findings);
    let backend: Arc<dyn SearchBackend> = Arc::clone(&index) as Arc<dyn SearchBackend>;
    let mut app = App::new(summaries, findings, backend, options);
    timings.note("app_ms", timings.started);
    app.data.findings_stale = stale;
    app.set_stories(index.stored_stories());
    app.data.edits =
        crate::feeds::edits::edit_summaries(&crate::feeds::Store::new(&ctx.dirs.data), &index);
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));

    app.feeds.rows = feed_rows(ctx, &app.read);
    let annotations_path = user::annotations::annotations_path(&ctx.dirs.data);
    match user::annotations::load(&annotations_path) {
        Ok(list) => app.data.annotations = list,
        Err(e) => app.message = Some(format!("{e}; annotations are not shown")),
    }
    if !ctx.config.notes.verdicts.is_empty() {
        app.data.verdicts = ctx.config.notes.verdicts.clone();
    }
    let mut event_loop = EventLoop::new(app, terminal, tx, rx)
        .with_workers()?
        .with_index(index, updating)
        .with_read_marks(marks_path)
        .with_reloader(reloader(&updater))
        .with_data_dir(ctx.dirs.data.clone())
        .with_annotations(annotations_path)
        .on_first_frame(move || {
            let _ = go_tx.send(());
        });
    event_loop.timings = Some(timings);
    // Changes to the corpus while the reader is open are indexed as they happen.
    let watcher_updater = updater.clone();
    let watch_tx = event_loop.sender();
    let _watch = match watch::start(&ctx.roots, vec![ctx.index_dir.clone()], move || {
        watcher_updater.run_now(&watch_tx)
    }) {
        Ok(w) => Some(w),
        Err(e) => {
            event_loop.app.message = Some(format!(
                "{e}; changes to the corpus are taken in when the reader next opens"
            ));
            None
        }
    };
    let result = event_loop.run();
    stop_input.store(true, Ordering::Relaxed);
    drop(event_loop);
    let _ = io::stdout().flush();
    result.map(|()| 0)
}
