//! What every view is to the app: a [`Component`] that owns its state, turns the
//! actions meant for it into state changes and an [`Effect`] for the app, and draws
//! itself. The app only routes (see the `component!` table in `app.rs`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::action::{Action, Scope};
use super::data::Ctx;
use super::jobs::Query;
pub use super::tab::{View, tab_at, tabs};

/// A place in an article to jump to.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub article: usize,
    pub start: usize,
    pub end: usize,
}

/// What a view asks of the app after handling an action: things that cross views.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Nothing more to do.
    None,
    /// The view does not act on this action; the app applies its default (for Back:
    /// the previous place in the history).
    Unhandled,
    /// A one-line message for the hint bar.
    Message(String),
    /// Open article `i` of the library in the reader, remembering where the user was.
    Open(usize),
    /// Open a search hit with its query's matches highlighted.
    OpenHit {
        article: usize,
        query: String,
        snippet_start: usize,
    },
    /// Open an article at a claim, remembering where the user was.
    JumpTo(Target),
    /// Show a story (by id) in the stories view, remembering where the user was.
    ShowStory(String),
    /// Claims' annotations changed: keep them and save them.
    Annotate(Vec<crate::user::annotations::Annotation>),
    /// A verdict, bookmark or note key on the claims at these places (a finding's
    /// sides): the app loads their articles and applies it (a note opens the editor at
    /// the first).
    AnnotateAt(Vec<Target>, Action),
    /// Show the library with this filter (a feed's articles).
    FilterLibrary(String),
    /// Ask a cross-article question off the UI thread; the answer comes back as
    /// `Action::QueryDone` and opens a popup.
    Query(Query),
}

/// A view: its state, what it does with an action, and its drawing.
pub trait Component {
    /// Applies an action meant for this view (the app has handled the global ones).
    fn handle(&mut self, action: &Action, ctx: &Ctx) -> Effect;

    /// Draws the view into the content area (between the tab bar and the hint bar).
    fn draw(&self, ctx: &Ctx, area: Rect, buf: &mut Buffer);

    /// The hint bar's keys for this view in its current state.
    fn hints(&self) -> &'static [(Action, &'static str)];

    /// Called after the terminal was resized: keeps offsets valid.
    fn clamp(&mut self, _ctx: &Ctx) {}

    /// Called after the shared data changed (an update of the index).
    fn data_changed(&mut self, _ctx: &Ctx) {}

    /// Whether keys go into a text box of this view.
    fn editing(&self) -> bool {
        false
    }

    /// Which keymap bindings apply first in this view.
    fn scope(&self) -> Scope {
        Scope::Global
    }

    /// Rows a page key moves.
    fn page(&self, _ctx: &Ctx) -> usize {
        10
    }
}
