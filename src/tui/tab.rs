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
}

impl View {
    pub const ALL: [View; 6] = [
        View::Library,
        View::Search,
        View::Reader,
        View::Findings,
        View::Statistics,
        View::Stories,
    ];

    pub fn title(self) -> &'static str {
        match self {
            View::Library => "Library",
            View::Search => "Search",
            View::Reader => "Reader",
            View::Findings => "Findings",
            View::Statistics => "Statistics",
            View::Stories => "Stories",
        }
    }
}

/// The tab bar's labels and the columns each takes.
pub fn tabs() -> Vec<(View, String, Range<u16>)> {
    let mut x = layout::BRAND.chars().count() as u16;
    View::ALL
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let label = format!(" {} {} ", i + 1, v.title());
            let w = label.chars().count() as u16;
            let r = x..x + w;
            x += w + 1;
            (*v, label, r)
        })
        .collect()
}

/// The view whose tab is at a column of the tab bar.
pub fn tab_at(column: u16, _has_reader: bool) -> Option<View> {
    tabs()
        .into_iter()
        .find(|(_, _, r)| r.contains(&column))
        .map(|(v, ..)| v)
}
