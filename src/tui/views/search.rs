//! The search view: a query box and the hits of the latest query. Queries run on a
//! worker (the app hands them over); results of older queries are dropped.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{keep_visible, motion, step};
use crate::index::SearchResults;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::data::Ctx;
use crate::tui::view::{Component, Effect};

/// At most this many search results are shown.
pub const SEARCH_LIMIT: usize = 50;

#[derive(Debug, Clone, Default)]
pub struct SearchState {
    pub query: String,
    /// Whether keys go into the query box.
    pub editing: bool,
    /// Number of the latest query; results of older ones are dropped.
    pub generation: u64,
    /// A query waiting for the search worker.
    pub pending: Option<(u64, String)>,
    /// The generation whose results are shown.
    pub shown: u64,
    pub results: Option<Result<SearchResults, String>>,
    pub selected: usize,
    pub offset: usize,
}

const HINTS: &[(Action, &str)] = &[
    (Action::Open, "open"),
    (Action::Search, "edit query"),
    (Action::Down, "next"),
    (Action::Back, "back"),
    (Action::Help, "help"),
    (Action::Quit, "quit"),
];
const EDITING_HINTS: &[(Action, &str)] = &[
    (Action::Open, "open"),
    (Action::Down, "next result"),
    (Action::Back, "leave the box"),
];

impl SearchState {
    fn hits(&self) -> usize {
        match &self.results {
            Some(Ok(r)) => r.hits.len(),
            _ => 0,
        }
    }

    fn queue(&mut self) {
        self.generation += 1;
        if self.query.trim().is_empty() {
            self.pending = None;
            self.results = None;
            self.shown = self.generation;
        } else {
            self.pending = Some((self.generation, self.query.clone()));
        }
    }

    /// Results of query `generation` arrived; only the latest query's are shown.
    pub fn results_arrived(&mut self, generation: u64, result: Result<SearchResults, String>) {
        if generation == self.generation {
            self.results = Some(result);
            self.shown = generation;
            self.selected = 0;
            self.offset = 0;
        }
    }

    fn open(&mut self, ctx: &Ctx) -> Effect {
        let hit = match &self.results {
            Some(Ok(r)) => r.hits.get(self.selected).cloned(),
            _ => None,
        };
        let Some(hit) = hit else {
            self.editing = false;
            return Effect::None;
        };
        let Some(article) = ctx.data.index_of(&hit.id) else {
            return Effect::Message("that article is no longer in the index".into());
        };
        Effect::OpenHit {
            article,
            query: self.query.clone(),
            snippet_start: hit.snippet_start,
        }
    }
}

impl Component for SearchState {
    fn handle(&mut self, action: &Action, ctx: &Ctx) -> Effect {
        if let Some(delta) = motion(action, self.page(ctx)) {
            self.selected = step(self.selected, delta, self.hits());
            self.offset = keep_visible(self.offset, self.selected, ctx.search_rows());
            return Effect::None;
        }
        match action {
            Action::Insert(c) => {
                self.query.push(*c);
                self.queue();
            }
            Action::DeleteChar => {
                self.query.pop();
                self.queue();
            }
            Action::Back if self.editing => self.editing = false,
            Action::Open => return self.open(ctx),
            Action::Click { row, .. } => {
                let y = row.saturating_sub(ctx.content().y) as usize;
                if let Some(i) = y.checked_sub(4) {
                    let i = self.offset + i / 3;
                    if i < self.hits() {
                        self.editing = false;
                        if i == self.selected {
                            return self.open(ctx);
                        }
                        self.selected = i;
                    }
                } else {
                    self.editing = true;
                }
            }
            _ => return Effect::Unhandled,
        }
        Effect::None
    }

    fn draw(&self, app: &App, area: Rect, buf: &mut Buffer) {
        crate::tui::ui::library::search(app, area, buf);
    }

    fn hints(&self) -> &'static [(Action, &'static str)] {
        if self.editing { EDITING_HINTS } else { HINTS }
    }

    fn clamp(&mut self, ctx: &Ctx) {
        self.offset = keep_visible(self.offset, self.selected, ctx.search_rows());
    }

    fn editing(&self) -> bool {
        self.editing
    }

    fn page(&self, ctx: &Ctx) -> usize {
        ctx.search_rows()
    }
}
