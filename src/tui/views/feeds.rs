//! The Feeds view: the feeds followed, with their article and unread counts, tags, last
//! fetch and last error; `R` fetches them all in the background; Enter shows a feed's
//! articles in the library.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, StatefulWidget, Table, TableState, Widget, Wrap};

use super::{keep_visible, motion, step};
use crate::feeds::fetch::FeedRow;
use crate::text::inert_line;
use crate::tui::action::Action;
use crate::tui::data::Ctx;
use crate::tui::view::{Component, Effect};

#[derive(Debug, Clone, Default)]
pub struct FeedsState {
    pub rows: Vec<FeedRow>,
    pub selected: usize,
    pub offset: usize,
    /// What a running fetch is doing ("fetching feeds 3/10"), while it runs.
    pub progress: Option<String>,
    /// The last fetch's summary.
    pub last: Option<String>,
}

const HINTS: &[(Action, &str)] = &[
    (Action::Reload, "fetch all"),
    (Action::Open, "its articles"),
    (Action::NextView, "views"),
    (Action::Help, "help"),
    (Action::Quit, "quit"),
];

impl FeedsState {
    /// The library filter that shows a feed's articles: the folder they are stored in.
    fn filter_of(row: &FeedRow) -> String {
        let file = crate::feeds::store::Store::entry_file(&row.url, "");
        file.split('/').next().unwrap_or_default().to_string()
    }

    fn rows_shown(ctx: &Ctx) -> usize {
        Self::rows_shown_in(ctx.content())
    }

    /// Feed rows that fit in the view: below the info line and column headers, above the
    /// selected feed's address.
    fn rows_shown_in(area: Rect) -> usize {
        area.height.saturating_sub(3).max(1) as usize
    }
}

impl Component for FeedsState {
    fn handle(&mut self, action: &Action, ctx: &Ctx) -> Effect {
        if let Some(delta) = motion(action, self.page(ctx)) {
            self.selected = step(self.selected, delta, self.rows.len());
            self.offset = keep_visible(self.offset, self.selected, Self::rows_shown(ctx));
            return Effect::None;
        }
        match action {
            Action::Open => match self.rows.get(self.selected) {
                Some(r) if r.articles > 0 => Effect::FilterLibrary(Self::filter_of(r)),
                Some(_) => Effect::Message("no articles from this feed yet: R fetches it".into()),
                None => Effect::None,
            },
            _ => Effect::Unhandled,
        }
    }

    fn draw(&self, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
        draw(self, ctx, area, buf);
    }

    fn hints(&self) -> &'static [(Action, &'static str)] {
        HINTS
    }

    fn clamp(&mut self, ctx: &Ctx) {
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        self.offset = keep_visible(self.offset, self.selected, Self::rows_shown(ctx));
    }

    fn page(&self, ctx: &Ctx) -> usize {
        Self::rows_shown(ctx)
    }
}

fn draw(st: &FeedsState, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let t = ctx.theme;
    let reload = ctx.keymap.first_label(&Action::Reload).unwrap_or_default();
    if st.rows.is_empty() {
        let mut lines = vec![Line::styled("No feeds yet.", t.title)];
        if let Some(p) = st.progress.as_ref().or(st.last.as_ref()) {
            lines.push(Line::styled(inert_line(p).into_owned(), t.accent));
        }
        lines.extend([
            Line::raw(""),
            Line::raw(""),
            Line::raw(format!(
                "Follow one with `crosscheck feeds add URL` (or import OPML with `crosscheck feeds import FILE.opml`), then press {reload} here to fetch. Fetched articles join the library."
            )),
        ]);
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .render(area, buf);
        return;
    }
    let unread_of = |r: &FeedRow| {
        r.article_ids
            .iter()
            .filter(|id| !ctx.read.contains(*id))
            .count()
    };
    let unread: usize = st.rows.iter().map(unread_of).sum();
    let errors = st.rows.iter().filter(|r| r.last_error.is_some()).count();
    let mut info = vec![Span::styled(
        format!(
            " {} feeds, {unread} unread · {errors} with errors · {reload} fetch all",
            st.rows.len()
        ),
        t.dim,
    )];
    if let Some(p) = &st.progress {
        info.push(Span::styled(format!(" · {p}"), t.accent));
    } else if let Some(l) = &st.last {
        info.push(Span::styled(format!(" · {}", inert_line(l)), t.dim));
    }
    Line::from(info).render(Rect { height: 1, ..area }, buf);

    let height = FeedsState::rows_shown_in(area);
    let offset = st.offset.min(st.rows.len());
    let header = Row::new([
        "Feed",
        "Unread",
        "Articles",
        "Tags",
        "Fetched",
        "Last error",
    ])
    .style(t.accent);
    let rows: Vec<Row> = st.rows[offset..]
        .iter()
        .take(height)
        .map(|r| {
            let title = r.title.as_deref().unwrap_or(&r.url);
            let unread = unread_of(r);
            let unread_style = if unread > 0 { t.title } else { Style::new() };
            Row::new(vec![
                Cell::from(inert_line(title).into_owned()).style(unread_style),
                Cell::from(format!("{unread:>6}")).style(unread_style),
                Cell::from(format!("{:>8}", r.articles)),
                Cell::from(inert_line(&r.tags.join(", ")).into_owned()).style(t.dim),
                Cell::from(r.last_fetch.as_deref().map_or("never".to_string(), |f| {
                    f.replace('T', " ").trim_end_matches('Z').to_string()
                }))
                .style(t.dim),
                Cell::from(inert_line(r.last_error.as_deref().unwrap_or("")).into_owned())
                    .style(t.error),
            ])
        })
        .collect();
    let table = Table::new(
        rows,
        [
            Constraint::Fill(2),
            Constraint::Length(6),
            Constraint::Length(8),
            Constraint::Length(12),
            Constraint::Length(19),
            Constraint::Fill(2),
        ],
    )
    .header(header)
    .row_highlight_style(t.selected);
    let mut state = TableState::default().with_selected(st.selected.checked_sub(offset));
    StatefulWidget::render(
        table,
        Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(2),
            ..area
        },
        buf,
        &mut state,
    );
    // The selected feed's address at the bottom.
    if let Some(r) = st.rows.get(st.selected)
        && area.height > 3
    {
        Line::styled(format!(" {}", inert_line(&r.url)), t.dim).render(
            Rect {
                y: area.y + area.height - 1,
                height: 1,
                ..area
            },
            buf,
        );
    }
}
