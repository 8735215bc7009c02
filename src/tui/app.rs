//! The reader's state, and the routing of actions. Each view owns its state and
//! behaviour (`views/`); the app keeps what crosses them: which view is shown, the
//! overlay, the history of places, the hint-bar message, the shared data, and the
//! questions waiting for the worker. [`App::update`] is the only place state changes;
//! nothing here draws or touches the terminal.
//!
//! An `App` is built from what the library lists (one summary per article), the
//! headings of the cross-article findings, and a [`SearchBackend`] that searches and
//! loads one article when it is opened, so start-up never loads the whole corpus.

use std::collections::BTreeSet;
use std::sync::Arc;

use crossterm::event::KeyEvent;

use super::action::{Action, Scope};
use super::backend::SearchBackend;
use super::data::{Ctx, Shared};
use super::jobs::{self, Query};
use super::keymap::{Key, KeyMap};
use super::overlay::{Outcome, Overlay};
use super::theme::Theme;
use super::view::{Component, Effect, Target, View};
use super::views::feeds::FeedsState;
use super::views::findings::FindingsState;
use super::views::library::LibraryState;
use super::views::notes::NotesState;
use super::views::reader::{Mark, ReaderState, answer_popup};
use super::views::search::{SEARCH_LIMIT, SearchState};
use super::views::statistics::StatisticsState;
use super::views::stories::StoriesState;
use crate::crossref::CrossRef;
use crate::index::{ArticleSummary, Findings, StoredArticle, StoredStory};

/// The one routing table: the component that is each view. Adding a view adds a line
/// here. `component!(self, view)` borrows it, `component!(self, view, mut)` mutably.
macro_rules! component {
    ($app:ident, $view:expr $(, $m:tt)?) => {{
        let c: & $($m)? dyn Component = match $view {
            View::Library => & $($m)? $app.library,
            View::Search => & $($m)? $app.search,
            View::Reader => & $($m)? $app.reader,
            View::Findings => & $($m)? $app.findings,
            View::Statistics => & $($m)? $app.statistics,
            View::Stories => & $($m)? $app.stories,
            View::Feeds => & $($m)? $app.feeds,
            View::Notes => & $($m)? $app.notes,
        };
        c
    }};
}

/// The context views get, borrowed field by field so a view can be borrowed mutably
/// beside it.
macro_rules! ctx {
    ($app:ident) => {
        Ctx {
            data: &$app.data,
            size: $app.size,
            theme: &$app.theme,
            keymap: &$app.keymap,
            read: &$app.read,
            empty_hint: &$app.empty_hint,
        }
    };
}

/// Where the user was, to come back to.
#[derive(Debug, Clone)]
pub struct Location {
    pub view: View,
    pub reader: Option<ReaderState>,
    pub library_selected: usize,
    pub findings_selected: usize,
    pub search_selected: usize,
}

/// How the reader is set up: keys, styles, remembered state, messages.
pub struct Options {
    pub keymap: KeyMap,
    pub theme: Theme,
    pub read: BTreeSet<String>,
    /// Shown once in the hint bar (a bad config…).
    pub notices: Vec<String>,
    /// What to say when the corpus is empty.
    pub empty_hint: String,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            keymap: KeyMap::default(),
            theme: Theme::default(),
            read: BTreeSet::new(),
            notices: Vec::new(),
            empty_hint: "No articles yet. Add .txt or .md files (a title line, then paragraphs) or saved web pages (.html) to a folder and run `crosscheck read FOLDER`, or list folders under `corpus` in $XDG_CONFIG_HOME/crosscheck/config.toml.".into(),
        }
    }
}

/// The reader's whole state.
pub struct App {
    /// What the views share: summaries, findings, the backend.
    pub data: Shared,
    pub keymap: KeyMap,
    pub theme: Theme,
    pub view: View,
    /// The terminal's size, for scrolling decisions; rendering uses the frame it is given.
    pub size: (u16, u16),
    pub library: LibraryState,
    pub search: SearchState,
    /// The reader view: the open article, if any.
    pub reader: Option<ReaderState>,
    pub findings: FindingsState,
    pub statistics: StatisticsState,
    pub stories: StoriesState,
    pub feeds: FeedsState,
    pub notes: NotesState,
    pub overlay: Option<Overlay>,
    pub history: Vec<Location>,
    pub read: BTreeSet<String>,
    /// Set when read marks changed and should be saved.
    pub read_dirty: bool,
    /// A one-line message for the hint bar.
    pub message: Option<String>,
    pub empty_hint: String,
    pub should_quit: bool,
    /// Set by `R`: the loop starts a fetch of the feeds.
    pub reload_requested: bool,
    /// A web address the loop is to open in the browser.
    pub open_request: Option<String>,
    /// A report the loop is to write: of this story (id), or of every annotated claim.
    pub export_request: Option<Option<String>>,
    /// Annotations changed in the reader, for the loop to save.
    pub annotation_changes: Vec<crate::user::annotations::Annotation>,
    /// Questions waiting for the worker, numbered.
    queries: Vec<(u64, Query)>,
    query_seq: u64,
    /// The question whose answer will be shown (older answers are dropped).
    awaiting: Option<u64>,
}

impl App {
    pub fn new(
        summaries: Vec<ArticleSummary>,
        records: Findings,
        backend: Arc<dyn SearchBackend>,
        options: Options,
    ) -> App {
        let data = Shared::new(summaries, records, backend);
        let mut app = App {
            findings: FindingsState::default(),
            data,
            keymap: options.keymap,
            theme: options.theme,
            view: View::Library,
            size: (80, 24),
            library: LibraryState::default(),
            search: SearchState::default(),
            reader: None,
            statistics: StatisticsState::default(),
            stories: StoriesState::default(),
            feeds: FeedsState::default(),
            notes: NotesState::default(),
            overlay: None,
            history: Vec::new(),
            read: options.read,
            read_dirty: false,
            message: (!options.notices.is_empty()).then(|| options.notices.join("; ")),
            empty_hint: options.empty_hint,
            should_quit: false,
            reload_requested: false,
            open_request: None,
            annotation_changes: Vec::new(),
            export_request: None,
            queries: Vec::new(),
            query_seq: 0,
            awaiting: None,
        };
        app.data_changed();
        app
    }

    /// An app over stored articles and their findings held in memory, searched by
    /// `backend` (tests, fixtures).
    pub fn in_memory(
        articles: &[StoredArticle],
        crossref: CrossRef,
        backend: Arc<dyn SearchBackend>,
        options: Options,
    ) -> App {
        let summaries: Vec<ArticleSummary> = articles.iter().map(ArticleSummary::of).collect();
        let views: Vec<crate::crossref::ArticleClaims<'_>> =
            articles.iter().map(StoredArticle::view).collect();
        let figures = crate::crossref::corpus_figures(&views);
        let stories = crate::crossref::stories(&views, &Default::default());
        let stories = crate::index::stored_stories(&stories, &views);
        let records = Findings::in_memory(crate::crossref::records(crossref), figures);
        let mut app = App::new(summaries, records, backend, options);
        app.set_stories(stories);
        app
    }

    /// Puts the stories of the corpus in place.
    pub fn set_stories(&mut self, stories: Vec<StoredStory>) {
        self.data.stories = stories;
        self.data_changed();
    }

    /// Puts new data in place (after an update), keeping what the user is looking at
    /// where the articles still exist.
    pub fn set_data(&mut self, summaries: Vec<ArticleSummary>, records: Findings) {
        let selected_id = self.library.selected_id(&self.data);
        let stale = self.data.findings_stale;
        let stories = std::mem::take(&mut self.data.stories);
        let edits = std::mem::take(&mut self.data.edits);
        let annotations = std::mem::take(&mut self.data.annotations);
        let verdicts = std::mem::take(&mut self.data.verdicts);
        self.data = Shared::new(summaries, records, Arc::clone(&self.data.backend));
        self.data.findings_stale = stale;
        self.data.stories = stories;
        self.data.edits = edits;
        self.data.annotations = annotations;
        self.data.verdicts = verdicts;
        // Places in articles follow their ids; places in articles that are gone are dropped.
        let by_id = &self.data.by_id;
        let remap = |r: &mut ReaderState| -> bool {
            match by_id.get(&r.doc.article.id) {
                Some(&i) => {
                    r.article = i;
                    true
                }
                None => false,
            }
        };
        if let Some(r) = self.reader.as_mut()
            && !remap(r)
        {
            self.reader = None;
            if self.view == View::Reader {
                self.view = View::Library;
            }
        }
        self.history
            .retain_mut(|l| l.reader.as_mut().is_none_or(remap));
        // The open article's file may have changed (a revised feed article): show the
        // new version.
        if let Some(r) = &self.reader
            && let Some(doc) = self.data.backend.article(&r.doc.article.id)
            && doc.article.body != r.doc.article.body
        {
            let i = r.article;
            self.reader = Some(ReaderState::open(i, doc, &self.data));
            // Keep what the fetch said ("… 1 updated …") beside it: both are news.
            let changed = "this article changed; showing its new version";
            self.message = Some(match self.message.take() {
                Some(before) if !before.is_empty() => format!("{before} · {changed}"),
                _ => changed.to_string(),
            });
        }
        self.data_changed();
        if let Some(id) = selected_id {
            self.library.reselect(&id, &self.data);
        }
    }

    fn data_changed(&mut self) {
        let ctx = ctx!(self);
        for v in View::ALL {
            component!(self, v, mut).data_changed(&ctx);
        }
    }

    /// The component that is a view, to draw it.
    pub fn component(&self, view: View) -> &dyn Component {
        component!(self, view)
    }

    /// What the views read.
    pub fn ctx(&self) -> Ctx<'_> {
        ctx!(self)
    }

    /// The article's title as lists show it.
    pub fn article_title(&self, i: usize) -> String {
        self.data.article_title(i)
    }

    /// The claim under the reader's cursor.
    pub fn cursor_mark(&self) -> Option<&Mark> {
        self.reader.as_ref()?.cursor_mark()
    }

    /// The hint bar's keys for what is on screen.
    pub fn hints(&self) -> &'static [(Action, &'static str)] {
        match &self.overlay {
            Some(o) => o.hints(),
            None => self.component(self.view).hints(),
        }
    }

    // ---- keys ---------------------------------------------------------------------------

    /// Whether keys go into a text box (the query or the library filter).
    pub fn editing(&self) -> bool {
        self.overlay.is_none() && self.component(self.view).editing()
    }

    fn scope(&self) -> Scope {
        if self.overlay.is_some() {
            return Scope::Global;
        }
        self.component(self.view).scope()
    }

    /// The action a key asks for in the current state, if any.
    pub fn action_for_key(&self, ev: KeyEvent) -> Option<Action> {
        use crossterm::event::{KeyCode, KeyModifiers};
        if ev.kind == crossterm::event::KeyEventKind::Release {
            return None;
        }
        let key = Key::from_event(ev);
        if key.mods.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            return Some(Action::Quit);
        }
        if self.editing() {
            match key.code {
                KeyCode::Char(c)
                    if !key
                        .mods
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                {
                    return Some(Action::Insert(c));
                }
                KeyCode::Backspace => return Some(Action::DeleteChar),
                KeyCode::Enter => return Some(Action::Open),
                KeyCode::Esc => return Some(Action::Back),
                KeyCode::Up => return Some(Action::Up),
                KeyCode::Down => return Some(Action::Down),
                KeyCode::Char(_) if key.mods.contains(KeyModifiers::ALT) => return None,
                KeyCode::Left | KeyCode::Right => return None,
                _ => {}
            }
        }
        self.keymap.actions(key, self.scope()).into_iter().next()
    }

    /// Handles a key: looks up its action and applies it.
    pub fn handle_key(&mut self, ev: KeyEvent) {
        if let Some(a) = self.action_for_key(ev) {
            self.update(a);
        }
    }

    /// Presses keys written as in the config ("j", "Ctrl-d", "Enter"); for tests. A
    /// question a key asks (related quotes, other side) is answered at once, as the
    /// worker would.
    pub fn press(&mut self, keys: &[&str]) {
        for k in keys {
            let key = Key::parse(k).unwrap_or_else(|| panic!("not a key: {k}"));
            self.handle_key(key.event());
            self.run_pending_queries();
        }
    }

    /// Types text into the focused box, one key per character; for tests.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.handle_key(KeyEvent::new(
                crossterm::event::KeyCode::Char(c),
                crossterm::event::KeyModifiers::NONE,
            ));
        }
    }

    /// The query waiting for the search worker, if any.
    pub fn take_search_request(&mut self) -> Option<(u64, String)> {
        self.search.pending.take()
    }

    /// Runs the waiting query here and now (tests; the program uses a worker thread).
    pub fn run_pending_search(&mut self) {
        if let Some((generation, query)) = self.take_search_request() {
            let result = self.data.backend.search(&query, SEARCH_LIMIT);
            self.update(Action::SearchDone { generation, result });
        }
    }

    /// The questions waiting for the worker.
    pub fn take_queries(&mut self) -> Vec<(u64, Query)> {
        std::mem::take(&mut self.queries)
    }

    /// Answers the waiting questions here and now (tests; the program uses a worker).
    pub fn run_pending_queries(&mut self) {
        for (id, query) in self.take_queries() {
            let answer = jobs::answer(&query, self.data.backend.as_ref(), &self.data.records);
            self.update(Action::QueryDone { id, query, answer });
        }
    }

    /// The backend, for the workers.
    pub fn backend(&self) -> Arc<dyn SearchBackend> {
        Arc::clone(&self.data.backend)
    }

    // ---- state changes ------------------------------------------------------------------

    /// Applies one action. The only place the state changes.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.clamp_all();
                return;
            }
            Action::SearchDone { generation, result } => {
                self.search.results_arrived(generation, result);
                return;
            }
            Action::QueryDone { id, query, answer } => {
                if self.awaiting == Some(id) {
                    self.awaiting = None;
                    if self.overlay.is_none() && self.view == View::Reader {
                        match answer_popup(&query, answer, &self.data) {
                            Ok(p) => self.overlay = Some(Overlay::Popup(p)),
                            Err(m) => self.message = Some(m),
                        }
                    }
                }
                return;
            }
            _ => {}
        }
        if !matches!(action, Action::Scroll(_)) {
            self.message = None;
        }
        if let Some(overlay) = &mut self.overlay {
            match overlay.handle(&action, self.size.1) {
                Outcome::Stay => {}
                Outcome::Close => self.overlay = None,
                Outcome::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
                Outcome::Jump(t) => {
                    self.overlay = None;
                    self.jump_to(t);
                }
            }
            return;
        }
        match action {
            Action::Quit => self.should_quit = true,
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::NextView | Action::PrevView => {
                let views: Vec<View> = View::ALL
                    .into_iter()
                    .filter(|v| *v != View::Reader || self.reader.is_some())
                    .collect();
                let i = views.iter().position(|v| *v == self.view).unwrap_or(0);
                let n = views.len();
                let j = if action == Action::NextView {
                    (i + 1) % n
                } else {
                    (i + n - 1) % n
                };
                self.show(views[j]);
            }
            Action::Show(View::Reader) if self.reader.is_none() => {
                self.message = Some(
                    "no article is open yet: choose one in the library (1) or search (/)".into(),
                );
            }
            Action::Show(v) => self.show(v),
            Action::Search => {
                self.view = View::Search;
                self.search.editing = true;
            }
            Action::Filter if self.view == View::Notes => self.notes.start_filter(),
            Action::Filter => {
                self.view = View::Library;
                self.library.start_filter();
            }
            Action::Reload => {
                self.reload_requested = true;
                self.feeds.progress = Some("fetching the feeds…".into());
                self.message = Some("fetching the feeds in the background…".into());
            }
            Action::Export => {
                let story = self
                    .reader
                    .as_ref()
                    .filter(|_| self.view == View::Reader)
                    .and_then(|r| {
                        let id = &r.doc.article.id;
                        self.data.stories.iter().find(|s| s.articles.contains(id))
                    })
                    .map(|s| s.id.clone());
                self.export_request = Some(story);
            }
            Action::OpenLink if self.view == View::Reader => {
                match self.reader.as_ref().and_then(|r| r.doc.article.url.clone()) {
                    Some(url) => self.open_request = Some(url),
                    None => self.message = Some("this article has no web address".into()),
                }
            }
            Action::Click { column, row: 0 } => {
                if let Some(v) = super::view::tab_at(column, self.size.0) {
                    self.show(v);
                }
            }
            Action::Click { row, .. } => {
                let content = self.ctx().content();
                if row >= content.y && row < content.y + content.height {
                    self.route(action);
                }
            }
            action => self.route(action),
        }
    }

    /// Hands an action to the current view and applies what it asks for.
    fn route(&mut self, action: Action) {
        let ctx = ctx!(self);
        let effect = component!(self, self.view, mut).handle(&action, &ctx);
        match effect {
            Effect::None => {}
            Effect::Unhandled => {
                if action == Action::Back {
                    self.back();
                }
            }
            Effect::Message(m) => self.message = Some(m),
            Effect::Open(i) => {
                let here = self.location();
                if self.open_article(i) {
                    self.history.push(here);
                }
            }
            Effect::OpenHit {
                article,
                query,
                snippet_start,
            } => {
                let here = self.location();
                if !self.open_article(article) {
                    return;
                }
                self.history.push(here);
                self.search.editing = false;
                let ctx = ctx!(self);
                let reader = self.reader.as_mut().expect("just opened");
                let matches = ctx
                    .data
                    .backend
                    .match_ranges(&query, &reader.doc.article.body);
                reader.show_matches(query, matches, snippet_start, &ctx);
            }
            Effect::JumpTo(t) => self.jump_to(t),
            Effect::Annotate(list) => self.annotate(list),
            Effect::AnnotateAt(targets, action) => self.annotate_at(targets, &action),
            Effect::FilterLibrary(filter) => {
                self.history.push(self.location());
                self.library.filter = filter;
                self.library.filtering = false;
                self.library.selected = 0;
                self.library.refresh(&self.data);
                self.view = View::Library;
            }
            Effect::ShowStory(id) => {
                let here = self.location();
                let ctx = ctx!(self);
                if self.stories.open_story(&id, &ctx) {
                    self.history.push(here);
                    self.view = View::Stories;
                } else {
                    self.message = Some(format!(
                        "story {} is not among the stories yet (they follow the next analysis)",
                        crate::text::inert_line(&id)
                    ));
                }
            }
            Effect::Query(q) => {
                self.query_seq += 1;
                self.awaiting = Some(self.query_seq);
                self.queries.push((self.query_seq, q));
            }
        }
    }

    fn show(&mut self, view: View) {
        if view == View::Reader && self.reader.is_none() {
            return;
        }
        self.view = view;
        if view == View::Search && self.search.query.is_empty() {
            self.search.editing = true;
        }
    }

    fn location(&self) -> Location {
        Location {
            view: self.view,
            reader: self.reader.clone(),
            library_selected: self.library.selected,
            findings_selected: self.findings.selected,
            search_selected: self.search.selected,
        }
    }

    /// Back, once the view had nothing of its own to leave: the previous place.
    fn back(&mut self) {
        if let Some(loc) = self.history.pop() {
            self.view = loc.view;
            if loc.reader.is_some() {
                self.reader = loc.reader;
            }
            self.library.selected = loc.library_selected;
            self.findings.selected = loc.findings_selected;
            self.search.selected = loc.search_selected;
            self.clamp_all();
        } else if self.view == View::Library && self.library.clear_filter(&self.data) {
        } else if self.view != View::Library {
            self.view = View::Library;
        }
    }

    /// Loads and opens article `i`; says so and returns false when it cannot be loaded.
    fn open_article(&mut self, i: usize) -> bool {
        let Some(summary) = self.data.summaries.get(i) else {
            return false;
        };
        let Some(doc) = self.data.backend.article(&summary.id) else {
            self.message = Some(format!(
                "{} is no longer in the index; it may have been removed",
                summary.path
            ));
            return false;
        };
        self.reader = Some(ReaderState::open(i, doc, &self.data));
        self.view = View::Reader;
        if self.read.insert(self.data.summaries[i].id.clone()) {
            self.read_dirty = true;
        }
        true
    }

    /// Opens an article at a claim, remembering where the user was.
    /// Keeps changed annotations and queues them to be saved.
    fn annotate(&mut self, list: Vec<crate::user::annotations::Annotation>) {
        if let Some(a) = list.first() {
            let mut m = annotation_message(a);
            if list.len() > 1 {
                m = format!("{} claims: {m}", list.len());
            }
            self.message = Some(m);
        }
        for a in list {
            crate::user::annotations::upsert(&mut self.data.annotations, a.clone());
            self.annotation_changes.push(a);
        }
    }

    /// A verdict, bookmark or note key on the claims at `targets`.
    fn annotate_at(&mut self, targets: Vec<Target>, action: &Action) {
        let list: Vec<_> = targets
            .iter()
            .filter_map(|t| {
                let doc = self
                    .data
                    .backend
                    .article(&self.data.summaries.get(t.article)?.id)?;
                crate::user::annotations::for_claim(
                    &doc.article,
                    &doc.claims,
                    t.start,
                    t.end,
                    &self.data.annotations,
                )
            })
            .collect();
        if list.is_empty() {
            self.message = Some("no claim there to annotate".into());
            return;
        }
        if *action == Action::Note {
            self.jump_to(targets[0].clone());
            if self.view == View::Reader
                && let Some(r) = self.reader.as_mut()
            {
                r.start_note(list);
            }
            return;
        }
        let list = super::views::changed(list, action, &self.data.verdicts);
        self.annotate(list);
    }

    pub fn jump_to(&mut self, t: Target) {
        let here = self.location();
        if !self.open_article(t.article) {
            return;
        }
        self.history.push(here);
        let ctx = ctx!(self);
        self.reader.as_mut().expect("open").go_to(&t, &ctx);
    }

    fn clamp_all(&mut self) {
        let ctx = ctx!(self);
        for v in View::ALL {
            component!(self, v, mut).clamp(&ctx);
        }
    }
}

/// What the hint bar says after a claim's annotation changed.
fn annotation_message(a: &crate::user::annotations::Annotation) -> String {
    let mut parts = Vec::new();
    parts.push(match &a.verdict {
        Some(v) => format!("verdict: {v}"),
        None => "no verdict".to_string(),
    });
    if a.bookmark {
        parts.push("bookmarked".into());
    }
    if a.note.is_some() {
        parts.push("has a note".into());
    }
    format!("saved: {}", parts.join(" · "))
}
