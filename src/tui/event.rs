//! One event queue: terminal input, search results, answers to the reader's questions
//! and the index's progress all arrive as an [`Event`] on one channel, and
//! [`EventLoop`] applies them to the [`App`] and draws. The loop blocks on the channel
//! (no polling). A test drives it with a `TestBackend`: send events, [`EventLoop::pump`],
//! then look at the app and the frame.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

use anyhow::Result;
use crossterm::event::{self as term, MouseButton, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::Backend;

use super::action::Action;
use super::app::App;
use super::backend::SearchBackend;
use super::jobs::{self, Query};
use super::ui;
use super::views::search::SEARCH_LIMIT;
use crate::index::{CorpusIndex, Findings, Progress, UpdateSummary};
use crate::user;

/// What the indexing thread reports.
#[derive(Debug)]
pub enum IndexEvent {
    /// An update begins that the loop did not start (the corpus changed on disk).
    Started,
    /// The index is open (rebuilt if it had to be, with why).
    Opened(Option<String>),
    Progress(Progress),
    Done(Result<UpdateSummary>),
}

/// What a fetch of the feeds started with `R` reports.
#[derive(Debug)]
pub enum FeedEvent {
    Progress(crate::feeds::FetchProgress),
    /// The fetch ended: the feeds' rows as they are now, a summary for the hint bar, and
    /// whether an index update follows (its events come next).
    Done {
        rows: Vec<crate::feeds::fetch::FeedRow>,
        summary: String,
        indexing: bool,
    },
}

/// Starts a fetch of the feeds that reports on the loop's channel.
pub type Reloader = Box<dyn Fn(Sender<Event>)>;

/// Everything the loop reacts to.
#[derive(Debug)]
pub enum Event {
    /// A key, a mouse event or a resize, from the terminal.
    Input(term::Event),
    Index(IndexEvent),
    Feeds(FeedEvent),
    /// Work done off the UI thread, as the action that takes its result in
    /// (`Action::SearchDone`, `Action::QueryDone`).
    Done(Action),
}

/// The action a terminal event asks for, if any.
pub fn input_action(ev: term::Event, app: &App) -> Option<Action> {
    match ev {
        term::Event::Key(k) => app.action_for_key(k),
        term::Event::Resize(w, h) => Some(Action::Resize(w, h)),
        term::Event::Mouse(m) => match m.kind {
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

/// Reads the terminal on a thread and sends what it reads as [`Event::Input`], until
/// the returned flag is set or the loop is gone.
pub fn spawn_input(tx: Sender<Event>) -> Result<Arc<AtomicBool>> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    std::thread::Builder::new()
        .name("crosscheck-input".into())
        .spawn(move || {
            while !flag.load(Ordering::Relaxed) {
                match term::poll(Duration::from_millis(100)) {
                    Ok(true) => match term::read() {
                        Ok(ev) => {
                            if tx.send(Event::Input(ev)).is_err() {
                                break;
                            }
                        }
                        Err(_) => break,
                    },
                    Ok(false) => {}
                    Err(_) => break,
                }
            }
        })?;
    Ok(stop)
}

/// Timings written to the file named by `CROSSCHECK_TIMINGS`, for measuring start-up
/// and search latency on a real terminal.
pub struct Timings {
    pub path: Option<PathBuf>,
    pub started: Instant,
    lines: Vec<String>,
}

impl Timings {
    pub fn from_env(started: Instant) -> Timings {
        Timings {
            path: std::env::var_os("CROSSCHECK_TIMINGS").map(Into::into),
            started,
            lines: Vec::new(),
        }
    }

    /// Notes how long since `since` (in ms) under a name.
    pub fn note(&mut self, what: &str, since: Instant) {
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
            let _ = crate::fsutil::write_atomic(p, (self.lines.join("\n") + "\n").as_bytes());
        }
    }
}

/// The threads that answer searches and questions.
struct Workers {
    search: Sender<(u64, String)>,
    queries: Sender<(u64, Query, Arc<Findings>)>,
}

impl Workers {
    fn spawn(backend: Arc<dyn SearchBackend>, tx: Sender<Event>) -> Result<Workers> {
        let (search, search_rx) = mpsc::channel::<(u64, String)>();
        let (queries, queries_rx) = mpsc::channel::<(u64, Query, Arc<Findings>)>();
        let (b, done) = (Arc::clone(&backend), tx.clone());
        // Only the newest waiting query is run; older ones are dropped unrun.
        std::thread::Builder::new()
            .name("crosscheck-search".into())
            .spawn(move || {
                while let Ok(mut job) = search_rx.recv() {
                    while let Ok(newer) = search_rx.try_recv() {
                        job = newer;
                    }
                    let result = b.search(&job.1, SEARCH_LIMIT);
                    let ev = Event::Done(Action::SearchDone {
                        generation: job.0,
                        result,
                    });
                    if done.send(ev).is_err() {
                        break;
                    }
                }
            })?;
        std::thread::Builder::new()
            .name("crosscheck-queries".into())
            .spawn(move || {
                while let Ok((id, query, records)) = queries_rx.recv() {
                    let answer = jobs::answer(&query, backend.as_ref(), &records);
                    if tx
                        .send(Event::Done(Action::QueryDone { id, query, answer }))
                        .is_err()
                    {
                        break;
                    }
                }
            })?;
        Ok(Workers { search, queries })
    }
}

/// Writes a report (Markdown) of a story, or of every annotated claim, under
/// `<data>/exports/`; the hint bar's message says where, or what went wrong.
fn export(
    index: &CorpusIndex,
    data_dir: &std::path::Path,
    annotations: &[crate::user::annotations::Annotation],
    story: Option<&str>,
) -> String {
    let run = || -> Result<PathBuf> {
        let articles = index.articles()?;
        let stories = index.stories()?;
        let crossref = index.crossref()?;
        let (articles, stories, name): (Vec<_>, Vec<_>, String) = match story {
            Some(id) => (
                articles
                    .into_iter()
                    .filter(|a| {
                        stories
                            .iter()
                            .any(|s| s.id == id && s.articles.contains(&a.article.id))
                    })
                    .collect(),
                stories.iter().filter(|s| s.id == id).collect(),
                format!("story-{id}"),
            ),
            None => (articles, stories.iter().collect(), "annotated".to_string()),
        };
        let text = crate::report::render(
            crate::report::Format::Md,
            &articles,
            &stories,
            &crossref,
            annotations,
            story.is_none(),
        )?;
        let stamp = crate::calendar::utc_timestamp(std::time::SystemTime::now()).replace(':', "");
        let path = data_dir.join("exports").join(format!("{name}-{stamp}.md"));
        crate::fsutil::write_atomic(&path, text.as_bytes())?;
        Ok(path)
    };
    match run() {
        Ok(p) => format!("wrote {}", p.display()),
        Err(e) => format!("the report was not written: {e:#}"),
    }
}

/// What the update's outcome adds to the hint bar.
pub fn update_notice(result: &Result<UpdateSummary>) -> Option<String> {
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

/// The reader's loop: events in, the app updated, a frame out.
pub struct EventLoop<B: Backend> {
    pub terminal: Terminal<B>,
    pub app: App,
    tx: Sender<Event>,
    rx: Receiver<Event>,
    /// Threads for searches and questions; without them (tests) they run in the loop.
    workers: Option<Workers>,
    /// The index to re-read when an update commits or ends.
    index: Option<Arc<CorpusIndex>>,
    /// Whether an update of the index is still running.
    pub updating: bool,
    /// Where read marks are saved when they change.
    marks_path: Option<PathBuf>,
    /// Where the user's annotations are saved when the reader changes one.
    annotations_path: Option<PathBuf>,
    /// The data folder whose feed store tells which articles were revised.
    data_dir: Option<PathBuf>,
    /// Starts a fetch of the feeds (`R`); none in tests that do not set one.
    reloader: Option<Reloader>,
    /// Whether a fetch of the feeds is running.
    pub fetching: bool,
    /// Called once after the first frame (lets the index update start).
    on_first_frame: Option<Box<dyn FnOnce()>>,
    pub timings: Option<Timings>,
    /// When each query generation was typed, to time keystroke → redrawn results.
    typed: Vec<(u64, Instant)>,
    dirty: bool,
}

impl<B: Backend> EventLoop<B>
where
    B::Error: Send + Sync + 'static,
{
    /// A loop over an app, reading events from `rx` (`tx` is its sending side, for the
    /// answers of jobs run in the loop). No workers, no index, nothing saved: the
    /// `with_*` methods add them.
    pub fn new(app: App, terminal: Terminal<B>, tx: Sender<Event>, rx: Receiver<Event>) -> Self {
        EventLoop {
            terminal,
            app,
            tx,
            rx,
            workers: None,
            index: None,
            updating: false,
            marks_path: None,
            reloader: None,
            data_dir: None,
            annotations_path: None,
            fetching: false,
            on_first_frame: None,
            timings: None,
            typed: Vec::new(),
            dirty: true,
        }
    }

    /// Runs searches and questions on worker threads.
    pub fn with_workers(mut self) -> Result<Self> {
        self.workers = Some(Workers::spawn(self.app.backend(), self.tx.clone())?);
        Ok(self)
    }

    /// Re-reads `index` when an update commits or ends.
    pub fn with_index(mut self, index: Arc<CorpusIndex>, updating: bool) -> Self {
        self.index = Some(index);
        self.updating = updating;
        self
    }

    /// Saves read marks to `path` when they change.
    pub fn with_read_marks(mut self, path: PathBuf) -> Self {
        self.marks_path = Some(path);
        self
    }

    /// Saves annotations changed in the reader to `path` (merged with what is there).
    pub fn with_annotations(mut self, path: PathBuf) -> Self {
        self.annotations_path = Some(path);
        self
    }

    /// Tells revised feed articles from the feed store in `data_dir`.
    pub fn with_data_dir(mut self, data_dir: PathBuf) -> Self {
        self.data_dir = Some(data_dir);
        self
    }

    /// Fetches the feeds with `reloader` when the user asks (`R`).
    pub fn with_reloader(mut self, reloader: Reloader) -> Self {
        self.reloader = Some(reloader);
        self
    }

    pub fn on_first_frame(mut self, f: impl FnOnce() + 'static) -> Self {
        self.on_first_frame = Some(Box::new(f));
        self
    }

    /// A sender of events into this loop.
    pub fn sender(&self) -> Sender<Event> {
        self.tx.clone()
    }

    /// Applies one event to the app.
    pub fn handle(&mut self, ev: Event) {
        match ev {
            Event::Input(ev) => {
                let at = Instant::now();
                if let Some(a) = input_action(ev, &self.app) {
                    let is_typing = matches!(a, Action::Insert(_) | Action::DeleteChar);
                    self.app.update(a);
                    if is_typing {
                        self.typed.push((self.app.search.generation, at));
                    }
                    self.dirty = true;
                }
            }
            Event::Done(action) => {
                self.app.update(action);
                self.dirty = true;
            }
            Event::Index(IndexEvent::Started) => {
                self.updating = true;
            }
            Event::Index(IndexEvent::Progress(Progress::Committed)) if self.updating => {
                // New and changed articles are searchable; findings follow.
                self.refresh();
                self.app.data.findings_stale = true;
                self.dirty = true;
            }
            Event::Index(IndexEvent::Done(r)) if self.updating => {
                self.updating = false;
                self.refresh();
                if let Some(n) = update_notice(&r) {
                    self.app.message = Some(n);
                }
                self.dirty = true;
            }
            Event::Index(_) => {}
            Event::Feeds(FeedEvent::Progress(p)) => {
                let text = match p {
                    crate::feeds::FetchProgress::Feeds { done, total } => {
                        format!("fetching feeds {done}/{total}")
                    }
                    crate::feeds::FetchProgress::Pages { done, total } => {
                        format!("fetching articles {done}/{total}")
                    }
                };
                self.app.feeds.progress = Some(text);
                self.dirty = true;
            }
            Event::Feeds(FeedEvent::Done {
                rows,
                summary,
                indexing,
            }) => {
                self.fetching = false;
                self.app.feeds.rows = rows;
                self.app.feeds.progress = None;
                self.app.feeds.last = Some(summary.clone());
                self.app.message = Some(summary);
                if indexing {
                    self.updating = true;
                }
                self.dirty = true;
            }
        }
    }

    /// Reads what the app shows from the index as it is now.
    fn refresh(&mut self) {
        let Some(index) = &self.index else { return };
        let read = || -> Result<_> {
            index.reload()?;
            let findings = index.findings();
            let stale = !index.findings_current(&findings);
            Ok((index.summaries()?, findings, stale))
        };
        match read() {
            Ok((summaries, findings, stale)) => {
                self.app.data.findings_stale = stale;
                self.app.set_data(summaries, findings);
                if let Some(dir) = &self.data_dir {
                    let store = crate::feeds::Store::new(dir);
                    self.app.data.edits = crate::feeds::edits::edit_summaries(&store, index);
                }
                self.app.set_stories(index.stored_stories());
            }
            Err(e) => self.app.message = Some(format!("cannot read the updated index: {e:#}")),
        }
    }

    /// After a batch of events: hands waiting work to the workers (or does it here) and
    /// saves read marks.
    fn dispatch(&mut self) {
        let search = self.app.take_search_request();
        let queries = self.app.take_queries();
        match &self.workers {
            Some(w) => {
                if let Some(job) = search {
                    let _ = w.search.send(job);
                }
                for (id, q) in queries {
                    let _ = w.queries.send((id, q, Arc::clone(&self.app.data.records)));
                }
            }
            None => {
                let backend = self.app.backend();
                if let Some((generation, query)) = search {
                    let result = backend.search(&query, SEARCH_LIMIT);
                    let _ = self
                        .tx
                        .send(Event::Done(Action::SearchDone { generation, result }));
                }
                for (id, query) in queries {
                    let answer = jobs::answer(&query, backend.as_ref(), &self.app.data.records);
                    let _ = self
                        .tx
                        .send(Event::Done(Action::QueryDone { id, query, answer }));
                }
            }
        }
        if std::mem::take(&mut self.app.reload_requested) {
            match &self.reloader {
                _ if self.fetching => {
                    self.app.message = Some("the feeds are being fetched already".into());
                }
                Some(start) => {
                    self.fetching = true;
                    start(self.tx.clone());
                }
                None => {
                    self.app.feeds.progress = None;
                    self.app.message = Some("feeds cannot be fetched from here".into());
                }
            }
            self.dirty = true;
        }
        if !self.app.annotation_changes.is_empty()
            && let Some(path) = &self.annotations_path
        {
            let changes = std::mem::take(&mut self.app.annotation_changes);
            match user::annotations::update(path, |list| {
                for a in changes {
                    user::annotations::upsert(list, a);
                }
            }) {
                Ok(notice) => {
                    if let Some(n) = notice {
                        self.app.message = Some(n);
                    }
                    // What other processes saved meanwhile, too.
                    if let Ok(list) = user::annotations::load(path) {
                        self.app.data.annotations = list;
                    }
                }
                Err(e) => self.app.message = Some(format!("the annotation was not saved: {e}")),
            }
            self.dirty = true;
        }
        if let Some(story) = self.app.export_request.take() {
            self.app.message = Some(match (&self.index, &self.data_dir) {
                (Some(index), Some(dir)) => {
                    export(index, dir, &self.app.data.annotations, story.as_deref())
                }
                _ => "reports cannot be written from here: use `crosscheck export`".into(),
            });
            self.dirty = true;
        }
        if let Some(url) = self.app.open_request.take() {
            self.app.message = Some(super::browser::open(&url));
            self.dirty = true;
        }
        if self.app.read_dirty
            && let Some(path) = &self.marks_path
        {
            self.app.read_dirty = false;
            let marks = user::ReadMarks {
                read: self.app.read.clone(),
            };
            if let Err(e) = marks.save(path) {
                self.app.message =
                    Some(format!("cannot save read marks to {}: {e}", path.display()));
                self.dirty = true;
            }
        }
    }

    /// Draws a frame if anything changed since the last.
    pub fn draw(&mut self) -> Result<()> {
        if !self.dirty {
            return Ok(());
        }
        self.terminal.draw(|f| ui::render(&self.app, f))?;
        self.dirty = false;
        if let Some(f) = self.on_first_frame.take() {
            if let Some(t) = self.timings.as_mut() {
                t.note("library_frame_ms", t.started);
            }
            f();
        }
        if let Some(t) = self.timings.as_mut() {
            let (shown, generation) = (self.app.search.shown, self.app.search.generation);
            self.typed.retain(|(g, at)| {
                if *g <= shown && shown == generation {
                    t.note("search_key_to_frame_ms", *at);
                    false
                } else {
                    true
                }
            });
        }
        Ok(())
    }

    /// Applies every event already queued (and those the work they start sends back
    /// when it runs in the loop), then draws. Does not wait.
    pub fn pump(&mut self) -> Result<()> {
        loop {
            let mut any = false;
            while let Ok(ev) = self.rx.try_recv() {
                self.handle(ev);
                any = true;
            }
            self.dispatch();
            if !any {
                break;
            }
        }
        self.draw()
    }

    /// Waits for an event, applies it and every other one queued, then draws. Returns
    /// false once the user quit (or nothing can send events any more).
    pub fn step(&mut self) -> Result<bool> {
        match self.rx.recv() {
            Ok(ev) => self.handle(ev),
            Err(_) => return Ok(false),
        }
        self.pump()?;
        Ok(!self.app.should_quit)
    }

    /// Draws, then runs until the user quits.
    pub fn run(&mut self) -> Result<()> {
        self.draw()?;
        while !self.app.should_quit && self.step()? {}
        Ok(())
    }
}
