//! The views' names and their order in the tab bar and on the number keys.

use std::ops::Range;

use super::layout;

/// The views, in the order of the tab bar and the number keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Library,
    Search,
    Reader,
    Findings,
    Statistics,
    Stories,
    Feeds,
    Notes,
}

impl View {
    pub const ALL: [View; 8] = [
        View::Library,
        View::Search,
        View::Reader,
        View::Findings,
        View::Statistics,
        View::Stories,
        View::Feeds,
        View::Notes,
    ];

    pub fn title(self) -> &'static str {
        match self {
            View::Library => "Library",
            View::Search => "Search",
            View::Reader => "Reader",
            View::Findings => "Findings",
            View::Statistics => "Statistics",
            View::Stories => "Stories",
            View::Feeds => "Feeds",
            View::Notes => "Notes",
        }
    }

    /// The title in four letters at most, for a narrow tab bar.
    pub fn short_title(self) -> &'static str {
        match self {
            View::Library => "Lib",
            View::Search => "Srch",
            View::Reader => "Read",
            View::Findings => "Find",
            View::Statistics => "Stat",
            View::Stories => "Stor",
            View::Feeds => "Feed",
            View::Notes => "Note",
        }
    }
}

/// The tab bar's labels and the columns each takes, in a bar `width` columns wide: the
/// full titles when they fit, four-letter ones when they do not.
pub fn tabs(width: u16) -> Vec<(View, String, Range<u16>)> {
    let lay = |short: bool| -> Vec<(View, String, Range<u16>)> {
        let mut x = layout::BRAND.chars().count() as u16;
        View::ALL
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let title = if short { v.short_title() } else { v.title() };
                let label = format!(" {} {}", i + 1, title);
                let w = label.chars().count() as u16;
                let r = x..x + w;
                x += w + 1;
                (*v, label, r)
            })
            .collect()
    };
    let full = lay(false);
    let fits = full.last().is_none_or(|(_, _, r)| r.end <= width);
    if fits { full } else { lay(true) }
}

/// The view whose tab is at a column of a tab bar `width` columns wide.
pub fn tab_at(column: u16, width: u16) -> Option<View> {
    tabs(width)
        .into_iter()
        .find(|(_, _, r)| r.contains(&column))
        .map(|(v, ..)| v)
}
