//! What the user (or the program) asks the reader to do. Keys become an [`Action`] through
//! the keymap; `App::update` is the only place state changes.

use super::jobs::{Answer, Query};
use super::tab::View;
use crate::index::SearchResults;

/// Where a key-bound action applies. A key bound to several actions (Tab: next claim and
/// next view) triggers the one of the current view first, then the global one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Global,
    Library,
    Reader,
}

/// Something to do. The key-bound ones have a name (for `[keys]` in the config) and a
/// description (for the help overlay); the others come from the terminal or the workers.
#[derive(Debug, Clone)]
pub enum Action {
    Quit,
    Help,
    NextView,
    PrevView,
    /// Switches to a view.
    Show(View),
    Up,
    Down,
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    Top,
    Bottom,
    Open,
    Back,
    /// Opens the search view with the query box focused.
    Search,
    NextClaim,
    PrevClaim,
    RelatedQuotes,
    OtherSide,
    NextMatch,
    PrevMatch,
    ToggleRaw,
    /// On a finding, or in an article: its story in the stories view.
    Story,
    Sort,
    Filter,
    /// Fetches every feed in the background, then indexes what came.
    Reload,
    /// Opens the article's web address in the browser.
    OpenLink,
    /// On a claim: the next verdict (none, then each label in turn).
    Verdict,
    /// On a claim: bookmark it, or remove the bookmark.
    Bookmark,
    /// On a claim: write or change its note.
    Note,
    /// Writes a report: of the open article's story in the reader, else of every
    /// annotated claim.
    Export,
    // Not bound to keys:
    /// A character typed into the focused query or filter box.
    Insert(char),
    /// Backspace in the focused query or filter box.
    DeleteChar,
    /// The terminal's new size.
    Resize(u16, u16),
    /// Mouse wheel: positive is down.
    Scroll(i32),
    /// A left click at a terminal cell.
    Click {
        column: u16,
        row: u16,
    },
    /// Results of the search with this generation number (older ones are dropped).
    SearchDone {
        generation: u64,
        result: Result<SearchResults, String>,
    },
    /// The answer to question `id` asked from the reader (older ones are dropped).
    QueryDone {
        id: u64,
        query: Query,
        answer: Answer,
    },
}

impl PartialEq for Action {
    /// Search results compare by their generation: the results themselves are not
    /// comparable, and the generation is what identifies them.
    fn eq(&self, other: &Self) -> bool {
        use Action::*;
        match (self, other) {
            (Insert(a), Insert(b)) => a == b,
            (Show(a), Show(b)) => a == b,
            (Resize(a, b), Resize(c, d)) => a == c && b == d,
            (Scroll(a), Scroll(b)) => a == b,
            (Click { column: a, row: b }, Click { column: c, row: d }) => a == c && b == d,
            (SearchDone { generation: a, .. }, SearchDone { generation: b, .. }) => a == b,
            (QueryDone { id: a, .. }, QueryDone { id: b, .. }) => a == b,
            _ => std::mem::discriminant(self) == std::mem::discriminant(other),
        }
    }
}

/// The key-bound actions: name in the config, description in the help, scope.
pub const NAMED: &[(Action, &str, &str, Scope)] = &[
    (
        Action::Quit,
        "quit",
        "quit (closes an overlay first)",
        Scope::Global,
    ),
    (
        Action::Help,
        "help",
        "show or hide this help",
        Scope::Global,
    ),
    (Action::NextView, "next_view", "next view", Scope::Global),
    (
        Action::PrevView,
        "prev_view",
        "previous view",
        Scope::Global,
    ),
    (
        Action::Show(View::Library),
        "library",
        "library: every article",
        Scope::Global,
    ),
    (
        Action::Show(View::Search),
        "search_view",
        "search results",
        Scope::Global,
    ),
    (
        Action::Show(View::Reader),
        "reader",
        "reader: the open article",
        Scope::Global,
    ),
    (
        Action::Show(View::Findings),
        "findings",
        "findings: conflicts, moved figures, corroborations",
        Scope::Global,
    ),
    (
        Action::Show(View::Statistics),
        "statistics",
        "statistics of the corpus",
        Scope::Global,
    ),
    (
        Action::Show(View::Stories),
        "stories",
        "stories: the articles grouped by event",
        Scope::Global,
    ),
    (
        Action::Show(View::Feeds),
        "feeds",
        "feeds: the feeds followed, unread counts, errors",
        Scope::Global,
    ),
    (
        Action::Show(View::Notes),
        "notes",
        "notes: your verdicts, notes and bookmarks",
        Scope::Global,
    ),
    (
        Action::Reload,
        "reload",
        "fetch every feed now (in the background)",
        Scope::Global,
    ),
    (
        Action::OpenLink,
        "open_link",
        "open the article's web address in the browser",
        Scope::Reader,
    ),
    (
        Action::Verdict,
        "verdict",
        "claim, side or note: next verdict (confirmed, disputed, …)",
        Scope::Global,
    ),
    (
        Action::Bookmark,
        "bookmark",
        "claim, side or note: bookmark it / remove the bookmark",
        Scope::Global,
    ),
    (
        Action::Note,
        "note",
        "claim, side or note: its note (Enter saves, Esc cancels)",
        Scope::Global,
    ),
    (
        Action::Export,
        "export",
        "write a report: the open article's story, or every annotated claim",
        Scope::Global,
    ),
    (Action::Up, "up", "up one line / item", Scope::Global),
    (Action::Down, "down", "down one line / item", Scope::Global),
    (Action::PageUp, "page_up", "up one page", Scope::Global),
    (
        Action::PageDown,
        "page_down",
        "down one page",
        Scope::Global,
    ),
    (
        Action::HalfPageUp,
        "half_page_up",
        "up half a page",
        Scope::Global,
    ),
    (
        Action::HalfPageDown,
        "half_page_down",
        "down half a page",
        Scope::Global,
    ),
    (Action::Top, "top", "go to the top", Scope::Global),
    (Action::Bottom, "bottom", "go to the bottom", Scope::Global),
    (
        Action::Open,
        "open",
        "open / jump to the selection",
        Scope::Global,
    ),
    (
        Action::Back,
        "back",
        "back along the jump history; close an overlay",
        Scope::Global,
    ),
    (
        Action::Search,
        "search",
        "search (the syntax of `crosscheck search`)",
        Scope::Global,
    ),
    (
        Action::NextClaim,
        "next_claim",
        "next claim (quotation or figure)",
        Scope::Reader,
    ),
    (
        Action::PrevClaim,
        "prev_claim",
        "previous claim",
        Scope::Reader,
    ),
    (
        Action::RelatedQuotes,
        "related_quotes",
        "on a quotation: the speaker's quotations elsewhere",
        Scope::Reader,
    ),
    (
        Action::OtherSide,
        "other_side",
        "on a figure in a finding: the other side(s)",
        Scope::Reader,
    ),
    (
        Action::NextMatch,
        "next_match",
        "next search match",
        Scope::Reader,
    ),
    (
        Action::PrevMatch,
        "prev_match",
        "previous search match",
        Scope::Reader,
    ),
    (
        Action::ToggleRaw,
        "toggle_raw",
        "raw text with the page furniture / clean text",
        Scope::Reader,
    ),
    (
        Action::Story,
        "story",
        "on a finding or in an article: its story",
        Scope::Global,
    ),
    (
        Action::Sort,
        "sort",
        "sort by date, source, title, findings",
        Scope::Library,
    ),
    (
        Action::Filter,
        "filter",
        "filter by title, source or path",
        Scope::Library,
    ),
];

impl Action {
    /// The config name of a key-bound action.
    pub fn name(&self) -> Option<&'static str> {
        NAMED.iter().find(|(a, ..)| a == self).map(|(_, n, ..)| *n)
    }

    pub fn from_name(name: &str) -> Option<Action> {
        NAMED
            .iter()
            .find(|(_, n, ..)| *n == name)
            .map(|(a, ..)| a.clone())
    }

    pub fn scope(&self) -> Scope {
        NAMED
            .iter()
            .find(|(a, ..)| a == self)
            .map_or(Scope::Global, |(.., s)| *s)
    }
}
