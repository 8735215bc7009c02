//! The reader: a terminal interface to search, read and cross-check articles by keyboard.
//!
//! State lives in [`App`] (`app.rs`), keys become an [`Action`] through the [`KeyMap`]
//! (`keymap.rs`), and drawing is a pure function of `&App` (`ui/`). This file is the run
//! loop: terminal setup and restore (also on error and panic), the index update on a
//! thread (the library shows what the index already holds at once, and takes in the new
//! articles and findings when the update commits and finishes; a progress gauge only
//! when the index is empty), and a search worker so typing never waits for Tantivy.

pub mod action;
pub mod app;
pub mod keymap;
pub mod layout;
pub mod theme;
pub mod ui;

use std::io::{self, Stdout, Write};
use std::sync::Arc;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use crossterm::event::{self, Event, MouseButton, MouseEventKind};
use crossterm::{execute, terminal};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Gauge, Paragraph, Widget, Wrap};

pub use action::Action;
pub use app::{App, MemorySearch, Options, SearchBackend, View};
pub use keymap::KeyMap;
pub use theme::Theme;

use crate::context::Context;
use crate::index::{CorpusIndex, Progress, SearchResults, UpdateSummary};
use crate::user;

/// Puts the terminal back as it was: raw mode off, main screen, cursor shown, mouse off.
/// Safe to call more than once.
pub fn restore_terminal() {
    let _ = terminal::disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        event::DisableMouseCapture,
        terminal::LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

/// Restores the terminal when dropped, so every way out of the reader (quit, error,
/// unwinding panic) leaves a usable shell.
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

fn setup_terminal() -> Result<(TerminalGuard, Terminal<CrosstermBackend<Stdout>>)> {
    // A panic prints its message after the terminal is restored, not into the alternate
    // screen where it would vanish.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
    terminal::enable_raw_mode().context("switching the terminal to raw mode")?;
    let guard = TerminalGuard;
    execute!(
        io::stdout(),
        terminal::EnterAlternateScreen,
        event::EnableMouseCapture
    )
    .context("entering the alternate screen")?;
    let terminal =
        Terminal::new(CrosstermBackend::new(io::stdout())).context("opening the terminal")?;
    Ok((guard, terminal))
}

/// Timings written to the file named by `CROSSCHECK_TIMINGS`, for measuring start-up and
/// search latency on a real terminal.
struct Timings {
    path: Option<std::path::PathBuf>,
    started: Instant,
    lines: Vec<String>,
}

impl Timings {
    fn note(&mut self, what: &str, since: Instant) {
        if self.path.is_some() {
            self.lines.push(format!(
                "{what} {:.2}",
                since.elapsed().as_secs_f64() * 1000.0
            ));
        }
    }
}

impl Drop for Timings {
    fn drop(&mut self) {
        if let Some(p) = &self.path {
            let _ = std::fs::write(p, self.lines.join("\n") + "\n");
        }
    }
}

/// What the indexing thread reports.
enum Loaded {
    /// The index is open (rebuilt if it had to be, with why).
    Opened(Option<String>),
    Progress(Progress),
    Done(Result<UpdateSummary>),
}

/// Opens the index and brings it up to date, reporting as it goes.
/// When the index already has articles, waits for `go` (the library is on screen) before
/// updating, so the first frame does not share the machine with the update.
fn update_index(
    ctx: &Context,
    tx: &Sender<Loaded>,
    go: &mpsc::Receiver<()>,
) -> Result<UpdateSummary> {
    let mut idx = CorpusIndex::open_or_rebuild(&ctx.index_dir, &ctx.roots)?;
    let _ = tx.send(Loaded::Opened(idx.rebuilt().map(str::to_string)));
    if !idx.is_empty() {
        let _ = go.recv_timeout(Duration::from_secs(2));
    }
    let progress_tx = tx.clone();
    idx.update(&ctx.roots, &ctx.config.limits(), &mut move |p| {
        let _ = progress_tx.send(Loaded::Progress(p));
    })
}

/// What the update's outcome adds to the hint bar.
fn update_notice(result: &Result<UpdateSummary>) -> Option<String> {
    match result {
        Ok(summary) => {
            let problems = summary.skipped.len() + summary.warnings.len();
            (problems > 0).then(|| {
                format!(
                    "{problems} files skipped or read with warnings; `crosscheck index` lists them"
                )
            })
        }
        Err(e) if format!("{e}").contains(crate::index::LOCK_HELD) => {
            Some(format!("{e:#}; showing the index as it is"))
        }
        Err(e) => Some(format!("the index could not be updated: {e:#}")),
    }
}

/// Reads what the app shows from the index as it is now.
fn refresh(app: &mut App, index: &CorpusIndex) -> Result<()> {
    index.reload()?;
    let findings = index.findings();
    app.findings_stale = !index.findings_current(&findings);
    app.set_data(index.summaries()?, findings);
    Ok(())
}

fn draw_progress(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    ctx: &Context,
    p: Option<Progress>,
) -> Result<()> {
    let roots: Vec<String> = ctx.roots.iter().map(|r| r.display().to_string()).collect();
    terminal.draw(|f| {
        let area = f.area();
        let b = Rect::new(
            area.x + 2.min(area.width),
            area.y + area.height / 3,
            area.width.saturating_sub(4),
            5.min(area.height),
        );
        let (ratio, label) = match p {
            None => (0.0, "opening the index…".to_string()),
            Some(Progress::Scanned { files }) => (0.0, format!("found {files} files")),
            Some(Progress::Indexed { done, total }) => (
                done as f64 / total.max(1) as f64,
                format!("indexing {done}/{total}"),
            ),
            Some(Progress::Committed) | Some(Progress::Analyzing) => {
                (1.0, "comparing claims across articles…".to_string())
            }
        };
        let block = Block::default().borders(Borders::ALL).title(" crosscheck ");
        let inner = block.inner(b);
        block.render(b, f.buffer_mut());
        Paragraph::new(Line::raw(
            crate::text::inert_line(&roots.join(", ")).into_owned(),
        ))
        .wrap(Wrap { trim: true })
        .render(
            Rect {
                height: inner.height.min(1),
                ..inner
            },
            f.buffer_mut(),
        );
        if inner.height > 1 {
            Gauge::default()
                .ratio(ratio.clamp(0.0, 1.0))
                .label(label)
                .render(
                    Rect {
                        y: inner.y + inner.height - 1,
                        height: 1,
                        ..inner
                    },
                    f.buffer_mut(),
                );
        }
    })?;
    Ok(())
}

/// Runs searches off the UI thread; only the newest waiting query is run, older ones are
/// dropped unrun.
fn spawn_search_worker(
    backend: Arc<dyn SearchBackend>,
    done: Sender<(u64, Result<SearchResults, String>)>,
) -> Sender<(u64, String)> {
    let (tx, rx) = mpsc::channel::<(u64, String)>();
    std::thread::Builder::new()
        .name("crosscheck-search".into())
        .spawn(move || {
            while let Ok(mut job) = rx.recv() {
                while let Ok(newer) = rx.try_recv() {
                    job = newer;
                }
                let result = backend.search(&job.1, app::SEARCH_LIMIT);
                if done.send((job.0, result)).is_err() {
                    break;
                }
            }
        })
        .expect("spawning the search thread");
    tx
}

fn to_action(ev: Event, app: &App) -> Option<Action> {
    match ev {
        Event::Key(k) => app.action_for_key(k),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Scroll(3)),
            MouseEventKind::ScrollUp => Some(Action::Scroll(-3)),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: m.column,
                row: m.row,
            }),
            _ => None,
        },
        _ => None,
    }
}

/// Opens the reader on a corpus; returns the exit code.
pub fn run(ctx: &Context, started: Instant) -> Result<i32> {
    let mut timings = Timings {
        path: std::env::var_os("CROSSCHECK_TIMINGS").map(Into::into),
        started,
        lines: Vec::new(),
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let (keymap, key_problems) = KeyMap::with_overrides(&ctx.config.keys);
    let (theme, theme_problems) = Theme::new(&ctx.config.theme, no_color);
    let mut notices = ctx.notices.clone();
    notices.extend(key_problems);
    notices.extend(theme_problems);
    let marks_path = user::read_marks_path(&ctx.dirs.data);
    let marks = user::ReadMarks::load(&marks_path);

    let (_guard, mut terminal) = setup_terminal()?;

    // Update the index on a thread. The library opens as soon as the index has articles;
    // until then, a gauge.
    let (tx, rx) = mpsc::channel();
    let (go_tx, go_rx) = mpsc::channel();
    let ctx_clone = Context {
        config: ctx.config.clone(),
        dirs: ctx.dirs.clone(),
        roots: ctx.roots.clone(),
        index_dir: ctx.index_dir.clone(),
        notices: Vec::new(),
        no_update: false,
    };
    std::thread::Builder::new()
        .name("crosscheck-index".into())
        .spawn(move || {
            // Leave a core to the interface and the search worker: an update's
            // extraction and analysis run on the others.
            let threads = std::thread::available_parallelism()
                .map_or(1, |n| n.get())
                .saturating_sub(1)
                .max(1);
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build();
            let run = move || {
                let r = update_index(&ctx_clone, &tx, &go_rx);
                let _ = tx.send(Loaded::Done(r));
            };
            match pool {
                Ok(pool) => pool.install(run),
                Err(_) => run(),
            }
        })
        .context("starting the indexing thread")?;
    draw_progress(&mut terminal, ctx, None)?;
    timings.note("first_frame_ms", timings.started);
    let mut last = None;
    let mut updating = true;
    let index = loop {
        match rx.recv_timeout(Duration::from_millis(50)) {
            Ok(Loaded::Opened(rebuilt)) => {
                notices.extend(rebuilt);
                let index = CorpusIndex::open(&ctx.index_dir, &ctx.roots)?;
                if !index.is_empty() {
                    break index;
                }
            }
            Ok(Loaded::Progress(Progress::Committed)) => {
                break CorpusIndex::open(&ctx.index_dir, &ctx.roots)?;
            }
            Ok(Loaded::Progress(p)) => last = Some(p),
            Ok(Loaded::Done(r)) => {
                let r = match r {
                    Err(e) if !format!("{e}").contains(crate::index::LOCK_HELD) => {
                        return Err(e);
                    }
                    r => r,
                };
                notices.extend(update_notice(&r));
                updating = false;
                break CorpusIndex::open(&ctx.index_dir, &ctx.roots)?;
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => {
                anyhow::bail!("the indexing thread stopped unexpectedly")
            }
        }
        while event::poll(Duration::ZERO)? {
            if let Event::Key(k) = event::read()?
                && (k.code == event::KeyCode::Char('q')
                    || (k.code == event::KeyCode::Char('c')
                        && k.modifiers.contains(event::KeyModifiers::CONTROL)))
            {
                return Ok(0);
            }
        }
        draw_progress(&mut terminal, ctx, last)?;
    };
    let roots: Vec<String> = ctx.roots.iter().map(|r| r.display().to_string()).collect();
    let options = Options {
        keymap,
        theme,
        read: marks.read,
        notices,
        empty_hint: format!(
            "No articles in {}. Add .txt or .md files there (a title line, then paragraphs; folders are read recursively), or open another folder with `crosscheck read FOLDER`, or list folders under `corpus` in $XDG_CONFIG_HOME/crosscheck/config.toml. Press q to quit.",
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
    let mut app = App::new(summaries, findings, Arc::clone(&backend), options);
    timings.note("app_ms", timings.started);
    app.findings_stale = stale;
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));

    let (done_tx, done_rx) = mpsc::channel();
    let search_tx = spawn_search_worker(backend, done_tx);
    let mut dirty = true;
    let mut first = true;
    // When each query generation was typed, to time keystroke → redrawn results.
    let mut typed: Vec<(u64, Instant)> = Vec::new();
    loop {
        if dirty {
            terminal.draw(|f| ui::render(&app, f))?;
            dirty = false;
            if first {
                timings.note("library_frame_ms", timings.started);
                first = false;
                let _ = go_tx.send(());
            }
            typed.retain(|(generation, at)| {
                if *generation <= app.search.shown && app.search.shown == app.search.generation {
                    if timings.path.is_some() {
                        timings.lines.push(format!(
                            "search_key_to_frame_ms {:.2}",
                            at.elapsed().as_secs_f64() * 1000.0
                        ));
                    }
                    false
                } else {
                    true
                }
            });
        }
        if app.should_quit {
            break;
        }
        let wait = if app.search.pending.is_some() || app.search.shown != app.search.generation {
            Duration::from_millis(2)
        } else {
            Duration::from_millis(100)
        };
        if event::poll(wait)? {
            // Apply every waiting event before drawing again.
            loop {
                let ev = event::read()?;
                let at = Instant::now();
                if let Some(a) = to_action(ev, &app) {
                    let is_typing = matches!(a, Action::Insert(_) | Action::DeleteChar);
                    app.update(a);
                    if is_typing {
                        typed.push((app.search.generation, at));
                    }
                    dirty = true;
                }
                if !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        while updating && let Ok(msg) = rx.try_recv() {
            match msg {
                Loaded::Progress(Progress::Committed) => {
                    // New and changed articles are searchable; findings follow.
                    if let Err(e) = refresh(&mut app, &index) {
                        app.message = Some(format!("cannot read the updated index: {e:#}"));
                    }
                    app.findings_stale = true;
                    dirty = true;
                }
                Loaded::Done(r) => {
                    updating = false;
                    if let Err(e) = refresh(&mut app, &index) {
                        app.message = Some(format!("cannot read the updated index: {e:#}"));
                    }
                    if let Some(n) = update_notice(&r) {
                        app.message = Some(n);
                    }
                    dirty = true;
                }
                _ => {}
            }
        }
        while let Ok((generation, result)) = done_rx.try_recv() {
            app.update(Action::SearchDone { generation, result });
            dirty = true;
        }
        if let Some(job) = app.take_search_request() {
            let _ = search_tx.send(job);
        }
        if app.read_dirty {
            app.read_dirty = false;
            let marks = user::ReadMarks {
                read: app.read.clone(),
            };
            if let Err(e) = marks.save(&marks_path) {
                app.message = Some(format!(
                    "cannot save read marks to {}: {e}",
                    marks_path.display()
                ));
                dirty = true;
            }
        }
    }
    drop(terminal);
    let _ = io::stdout().flush();
    Ok(0)
}
