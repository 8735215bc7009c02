//! The library: every article, sortable and filterable.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{keep_visible, motion, step};
use crate::text::inert_line;
use crate::tui::action::{Action, Scope};
use crate::tui::data::{Ctx, Shared};
use crate::tui::view::{Component, Effect};
use ratatui::layout::Constraint;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, StatefulWidget, Table, TableState, Widget, Wrap};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Date,
    Source,
    Title,
    Findings,
}

impl SortKey {
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Date => "date",
            SortKey::Source => "source",
            SortKey::Title => "title",
            SortKey::Findings => "findings",
        }
    }

    fn next(self) -> SortKey {
        match self {
            SortKey::Date => SortKey::Source,
            SortKey::Source => SortKey::Title,
            SortKey::Title => SortKey::Findings,
            SortKey::Findings => SortKey::Date,
        }
    }
}

#[derive(Debug, Clone)]
pub struct LibraryState {
    /// Article indices in the shown order (sorted, filtered).
    pub order: Vec<usize>,
    pub selected: usize,
    pub offset: usize,
    pub sort: SortKey,
    pub filter: String,
    pub filtering: bool,
}

impl Default for LibraryState {
    fn default() -> Self {
        LibraryState {
            order: Vec::new(),
            selected: 0,
            offset: 0,
            sort: SortKey::Date,
            filter: String::new(),
            filtering: false,
        }
    }
}

/// Whether `hay` contains `needle` (already lower case), ignoring case; without
/// allocating when both are ASCII, as titles and paths mostly are.
fn contains_folded(hay: &str, needle: &str) -> bool {
    if hay.is_ascii() && needle.is_ascii() {
        let (h, n) = (hay.as_bytes(), needle.as_bytes());
        return n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n));
    }
    hay.to_lowercase().contains(needle)
}

const HINTS: &[(Action, &str)] = &[
    (Action::Open, "read"),
    (Action::Search, "search"),
    (Action::Filter, "filter"),
    (Action::Sort, "sort"),
    (Action::NextView, "views"),
    (Action::Help, "help"),
    (Action::Quit, "quit"),
];
const FILTER_HINTS: &[(Action, &str)] = &[(Action::Open, "done"), (Action::Back, "done")];

impl LibraryState {
    /// The id of the selected article, to find it again after an update.
    pub fn selected_id(&self, data: &Shared) -> Option<String> {
        self.order
            .get(self.selected)
            .and_then(|&i| data.summaries.get(i))
            .map(|s| s.id.clone())
    }

    /// Selects an article by id, where it is shown.
    pub fn reselect(&mut self, id: &str, data: &Shared) {
        if let Some(i) = data.index_of(id)
            && let Some(pos) = self.order.iter().position(|&o| o == i)
        {
            self.selected = pos;
        }
    }

    /// Starts typing a filter.
    pub fn start_filter(&mut self) {
        self.filtering = true;
    }

    /// Drops the filter (Back with nothing left in the history).
    pub fn clear_filter(&mut self, data: &Shared) -> bool {
        if self.filter.is_empty() {
            return false;
        }
        self.filter.clear();
        self.refresh(data);
        true
    }

    /// Sorts and filters the list again.
    pub fn refresh(&mut self, data: &Shared) {
        let needle = self.filter.to_lowercase();
        let mut order: Vec<usize> = (0..data.summaries.len())
            .filter(|&i| {
                if needle.is_empty() {
                    return true;
                }
                let a = &data.summaries[i];
                [
                    a.title.as_deref(),
                    a.source.as_deref(),
                    Some(a.path.as_str()),
                ]
                .into_iter()
                .flatten()
                .any(|s| contains_folded(s, &needle))
            })
            .collect();
        let arts = &data.summaries;
        match self.sort {
            SortKey::Date => {
                order.sort_by(|&a, &b| arts[b].date_iso.cmp(&arts[a].date_iso).then(a.cmp(&b)))
            }
            SortKey::Source => order.sort_by_key(|&i| {
                let source = arts[i].source.as_deref().map(str::to_lowercase);
                (source.is_none(), source, i)
            }),
            SortKey::Title => order.sort_by_key(|&i| (data.article_title(i).to_lowercase(), i)),
            SortKey::Findings => {
                order.sort_by_key(|&i| (std::cmp::Reverse(data.finding_counts[i]), i))
            }
        }
        self.order = order;
        self.selected = self.selected.min(self.order.len().saturating_sub(1));
        self.offset = self.offset.min(self.selected);
    }

    fn open(&mut self) -> Effect {
        if self.filtering {
            self.filtering = false;
            return Effect::None;
        }
        match self.order.get(self.selected) {
            Some(&i) => Effect::Open(i),
            None => Effect::None,
        }
    }
}

impl Component for LibraryState {
    fn handle(&mut self, action: &Action, ctx: &Ctx) -> Effect {
        if let Some(delta) = motion(action, self.page(ctx)) {
            self.selected = step(self.selected, delta, self.order.len());
            self.offset = keep_visible(self.offset, self.selected, ctx.library_rows());
            return Effect::None;
        }
        match action {
            Action::Insert(c) => {
                self.filter.push(*c);
                self.selected = 0;
                self.refresh(ctx.data);
            }
            Action::DeleteChar => {
                self.filter.pop();
                self.refresh(ctx.data);
            }
            Action::Open => return self.open(),
            Action::Back if self.filtering => self.filtering = false,
            Action::Sort => {
                self.sort = self.sort.next();
                self.refresh(ctx.data);
                return Effect::Message(format!("sorted by {}", self.sort.label()));
            }
            Action::Click { row, .. } => {
                let y = row.saturating_sub(ctx.content().y) as usize;
                if let Some(i) = y.checked_sub(2) {
                    let i = self.offset + i;
                    if i < self.order.len() {
                        if i == self.selected {
                            return self.open();
                        }
                        self.selected = i;
                    }
                }
            }
            _ => return Effect::Unhandled,
        }
        Effect::None
    }

    fn draw(&self, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
        draw(self, ctx, area, buf);
    }

    fn hints(&self) -> &'static [(Action, &'static str)] {
        if self.filtering { FILTER_HINTS } else { HINTS }
    }

    fn clamp(&mut self, ctx: &Ctx) {
        self.offset = keep_visible(self.offset, self.selected, ctx.library_rows());
    }

    fn data_changed(&mut self, ctx: &Ctx) {
        self.refresh(ctx.data);
    }

    fn editing(&self) -> bool {
        self.filtering
    }

    fn scope(&self) -> Scope {
        Scope::Library
    }

    fn page(&self, ctx: &Ctx) -> usize {
        ctx.library_rows()
    }
}

// ---- drawing ----------------------------------------------------------------------------

fn draw(lib: &LibraryState, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let t = ctx.theme;
    if ctx.data.summaries.is_empty() {
        Paragraph::new(vec![
            Line::styled("The corpus is empty.", t.title),
            Line::raw(""),
            Line::raw(ctx.empty_hint.to_string()),
        ])
        .wrap(Wrap { trim: true })
        .render(area, buf);
        return;
    }
    let unread = ctx
        .data
        .summaries
        .iter()
        .filter(|s| !ctx.read.contains(&s.id))
        .count();
    let mut info = vec![Span::styled(
        format!(
            " {} articles, {unread} unread · sorted by {}",
            ctx.data.summaries.len(),
            lib.sort.label()
        ),
        t.dim,
    )];
    if ctx.data.findings_stale {
        info.push(Span::styled(" · findings being updated…", t.accent));
    }
    if lib.filtering || !lib.filter.is_empty() {
        info.push(Span::styled(" · filter: ", t.dim));
        info.push(Span::styled(inert_line(&lib.filter).into_owned(), t.accent));
        if lib.filtering {
            info.push(Span::styled("▏", t.accent));
        }
        info.push(Span::styled(format!(" ({} shown)", lib.order.len()), t.dim));
    }
    Line::from(info).render(Rect { height: 1, ..area }, buf);

    let header = Row::new(["", "Date", "Source", "Title", "Quot", "Fig", "Find"]).style(t.accent);
    // Only the rows on screen are built: the corpus may hold 100,000 articles.
    let height = area.height.saturating_sub(2) as usize;
    let offset = lib.offset.min(lib.order.len());
    let date_of = |i: usize| {
        let a = &ctx.data.summaries[i];
        inert_line(a.date_iso.as_deref().or(a.date.as_deref()).unwrap_or("")).into_owned()
    };
    // The date column fits the dates on screen (a date as written, "April 1, 20125", is
    // wider than an ISO one), up to 16 columns.
    let date_width = lib.order[offset..]
        .iter()
        .take(height.max(1))
        .map(|&i| crate::tui::layout::width(&date_of(i)))
        .max()
        .unwrap_or(0)
        .clamp(10, 16) as u16;
    let rows: Vec<Row> = lib.order[offset..]
        .iter()
        .take(height.max(1))
        .map(|&i| {
            let a = &ctx.data.summaries[i];
            let n_findings = ctx.data.finding_counts[i];
            let unread = !ctx.read.contains(&a.id);
            let title_style = if unread { t.title } else { Style::new() };
            let findings = if n_findings > 0 {
                Span::styled(n_findings.to_string(), t.conflict)
            } else {
                Span::raw("0")
            };
            Row::new(vec![
                Cell::from(if unread { "●" } else { " " }).style(t.accent),
                Cell::from(date_of(i)),
                Cell::from(inert_line(a.source.as_deref().unwrap_or("")).into_owned()).style(t.dim),
                Cell::from(inert_line(&ctx.data.article_title(i)).into_owned()).style(title_style),
                Cell::from(format!("{:>4}", a.quotes)),
                Cell::from(format!("{:>3}", a.figures)),
                Cell::from(Line::from(findings).right_aligned()),
            ])
        })
        .collect();
    let table = Table::new(
        rows,
        [
            Constraint::Length(1),
            Constraint::Length(date_width),
            Constraint::Length(14),
            Constraint::Fill(1),
            Constraint::Length(4),
            Constraint::Length(3),
            Constraint::Length(4),
        ],
    )
    .header(header)
    .row_highlight_style(t.selected);
    let mut state = TableState::default()
        .with_offset(0)
        .with_selected(lib.selected.checked_sub(offset));
    StatefulWidget::render(
        table,
        Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(1),
            ..area
        },
        buf,
        &mut state,
    );
}

#[cfg(test)]
mod filter_tests {
    use super::contains_folded;

    #[test]
    fn the_library_filter_ignores_case_in_ascii_and_beyond() {
        assert!(contains_folded("Police Chiefs to Trump", "chiefs"));
        assert!(contains_folded("/tmp/BBC/001.txt", "bbc/0"));
        assert!(!contains_folded("Police", "polices"));
        assert!(contains_folded("anything", ""));
        assert!(contains_folded("ÉCOLE à Paris", "école"));
        assert!(!contains_folded("École", "ecole"));
    }
}
