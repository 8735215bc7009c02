//! The stories view: the corpus grouped by event, largest and most recent first; Enter
//! on a story lists its articles by date and outlet side by side, Enter on an article
//! opens it, Back returns to the stories.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, StatefulWidget, Table, TableState, Widget, Wrap};

use super::{keep_visible, motion, step};
use crate::crossref::RecordKind;
use crate::text::inert_line;
use crate::tui::action::Action;
use crate::tui::data::{Ctx, Shared};
use crate::tui::view::{Component, Effect};

/// A story as the view lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryRow {
    pub id: String,
    pub title: String,
    pub keywords: Vec<String>,
    /// Library indices of its articles, by date, then outlet.
    pub articles: Vec<usize>,
    /// Findings that touch its articles.
    pub findings: usize,
    /// Those findings' record numbers, in the order the findings are listed (conflicts
    /// first, the strongest first).
    pub finding_records: Vec<u32>,
    /// Its latest article's date (`YYYY-MM-DD`), if any is dated.
    pub latest: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct StoriesState {
    pub rows: Vec<StoryRow>,
    pub selected: usize,
    pub offset: usize,
    /// The story whose articles are listed, and the selected article.
    pub open: Option<(usize, usize)>,
    /// Set when the open story was reached from elsewhere (a finding, an article): Back
    /// returns there rather than to the list of stories.
    pub jumped: bool,
}

const HINTS: &[(Action, &str)] = &[
    (Action::Open, "its articles"),
    (Action::Down, "next"),
    (Action::NextView, "views"),
    (Action::Help, "help"),
    (Action::Quit, "quit"),
];
const OPEN_HINTS: &[(Action, &str)] = &[
    (Action::Open, "read"),
    (Action::Down, "next"),
    (Action::Back, "all stories"),
    (Action::Help, "help"),
    (Action::Quit, "quit"),
];

fn rows(data: &Shared) -> Vec<StoryRow> {
    let mut rows: Vec<StoryRow> = data
        .stories
        .iter()
        .map(|s| {
            let mut articles: Vec<usize> = s
                .articles
                .iter()
                .filter_map(|id| data.index_of(id))
                .collect();
            let key = |&i: &usize| {
                let a = &data.summaries[i];
                (a.date_iso.clone(), a.source.clone(), i)
            };
            articles.sort_by_key(key);
            let mut records: Vec<u32> = articles
                .iter()
                .flat_map(|&i| {
                    data.records
                        .of_article(&data.summaries[i].id)
                        .iter()
                        .copied()
                })
                .filter(|&n| {
                    data.records
                        .heads()
                        .get(n as usize)
                        .is_some_and(|h| matches!(h.kind, RecordKind::Finding(_)))
                })
                .collect();
            records.sort_unstable();
            records.dedup();
            let latest = articles
                .iter()
                .filter_map(|&i| data.summaries[i].date_iso.clone())
                .max();
            StoryRow {
                id: s.id.clone(),
                title: s.title.clone(),
                keywords: s.keywords.clone(),
                articles,
                findings: records.len(),
                finding_records: records,
                latest,
            }
        })
        .filter(|r| !r.articles.is_empty())
        .collect();
    rows.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then(b.latest.cmp(&a.latest))
            .then(a.id.cmp(&b.id))
    });
    rows
}

impl StoriesState {
    /// Lists the articles of story `id`, selected in the list; false when there is no
    /// such story.
    pub fn open_story(&mut self, id: &str, ctx: &Ctx) -> bool {
        if self.rows.is_empty() {
            self.rows = rows(ctx.data);
        }
        let Some(s) = self.rows.iter().position(|r| r.id == id) else {
            return false;
        };
        self.selected = s;
        self.offset = keep_visible(self.offset, s, self.page(ctx));
        self.open = Some((s, 0));
        self.jumped = true;
        true
    }

    fn len(&self) -> usize {
        match self.open {
            Some((s, _)) => self.rows.get(s).map_or(0, |r| r.articles.len()),
            None => self.rows.len(),
        }
    }
}

impl Component for StoriesState {
    fn handle(&mut self, action: &Action, ctx: &Ctx) -> Effect {
        let page = self.page(ctx);
        if let Some(delta) = motion(action, page) {
            let n = self.len();
            match &mut self.open {
                Some((_, a)) => *a = step(*a, delta, n),
                None => {
                    self.selected = step(self.selected, delta, n);
                    self.offset = keep_visible(self.offset, self.selected, page);
                }
            }
            return Effect::None;
        }
        match action {
            Action::Open => match self.open {
                Some((s, a)) => match self.rows.get(s).and_then(|r| r.articles.get(a)) {
                    Some(&i) => Effect::Open(i),
                    None => Effect::None,
                },
                None => {
                    if self.selected < self.rows.len() {
                        self.open = Some((self.selected, 0));
                        self.jumped = false;
                    }
                    Effect::None
                }
            },
            Action::Back if self.open.is_some() => {
                self.open = None;
                if std::mem::take(&mut self.jumped) {
                    Effect::Unhandled
                } else {
                    Effect::None
                }
            }
            Action::Click { .. } => Effect::None,
            _ => Effect::Unhandled,
        }
    }

    fn draw(&self, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
        draw(self, ctx, area, buf);
    }

    fn hints(&self) -> &'static [(Action, &'static str)] {
        if self.open.is_some() {
            OPEN_HINTS
        } else {
            HINTS
        }
    }

    fn clamp(&mut self, ctx: &Ctx) {
        self.offset = keep_visible(self.offset, self.selected, self.page(ctx));
    }

    fn data_changed(&mut self, ctx: &Ctx) {
        let open_id = self
            .open
            .and_then(|(s, _)| self.rows.get(s))
            .map(|r| r.id.clone());
        self.rows = rows(ctx.data);
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        self.open = open_id.and_then(|id| {
            let s = self.rows.iter().position(|r| r.id == id)?;
            Some((s, 0))
        });
    }

    fn page(&self, ctx: &Ctx) -> usize {
        ctx.content().height.saturating_sub(2).max(1) as usize
    }
}

// ---- drawing ----------------------------------------------------------------------------

/// The headings of an open story's findings, strongest first within each kind.
fn draw_findings(ctx: &Ctx, row: &StoryRow, area: Rect, buf: &mut Buffer) {
    let t = ctx.theme;
    let heads = ctx.data.records.heads();
    let mut lines = vec![Line::styled(
        format!(
            " Findings ({}) · 4 lists them all; S on one comes back here",
            row.finding_records.len()
        ),
        t.accent,
    )];
    for &n in row
        .finding_records
        .iter()
        .take(area.height.saturating_sub(1) as usize)
    {
        let Some(h) = heads.get(n as usize) else {
            continue;
        };
        let RecordKind::Finding(kind) = h.kind else {
            continue;
        };
        let (sym, word) = crate::tui::theme::finding_marker(kind);
        lines.push(Line::from(vec![
            Span::styled(format!(" {sym} {} ", word.to_uppercase()), t.finding(kind)),
            Span::styled(inert_line(&h.title).into_owned(), t.title),
            Span::styled(format!("  · strength {:.2}", h.strength), t.dim),
        ]));
    }
    Paragraph::new(lines).render(area, buf);
}

fn draw(st: &StoriesState, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let t = ctx.theme;
    if st.rows.is_empty() {
        Paragraph::new(vec![
            Line::styled("No stories yet.", t.title),
            Line::raw(""),
            Line::raw(
                "Stories are grouped when the index is analysed; they appear after the next update (or run `crosscheck stories`).",
            ),
        ])
        .wrap(Wrap { trim: true })
        .render(area, buf);
        return;
    }
    let info_area = Rect { height: 1, ..area };
    let table_area = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    };
    let height = table_area.height.saturating_sub(1).max(1) as usize;
    if let Some((s, selected)) = st.open {
        let Some(row) = st.rows.get(s) else { return };
        Line::from(vec![
            Span::styled(format!(" {} ", inert_line(&row.title)), t.title),
            Span::styled(
                format!(
                    "· {} articles · {} findings · {}",
                    row.articles.len(),
                    row.findings,
                    inert_line(&row.keywords.join(", "))
                ),
                t.dim,
            ),
        ])
        .render(info_area, buf);
        // The story's findings under its articles, when it has any.
        let (table_area, height) = if row.finding_records.is_empty() {
            (table_area, height)
        } else {
            let shown = (row.articles.len() as u16 + 1)
                .min(table_area.height / 2)
                .max(2);
            let list = Rect {
                y: table_area.y + shown,
                height: table_area.height.saturating_sub(shown),
                ..table_area
            };
            draw_findings(ctx, row, list, buf);
            (
                Rect {
                    height: shown,
                    ..table_area
                },
                shown.saturating_sub(1).max(1) as usize,
            )
        };
        let first = (selected + 1).saturating_sub(height);
        let rows: Vec<Row> = row.articles[first.min(row.articles.len())..]
            .iter()
            .take(height)
            .map(|&i| {
                let a = &ctx.data.summaries[i];
                Row::new(vec![
                    inert_line(a.date.as_deref().unwrap_or("")).into_owned(),
                    inert_line(a.source.as_deref().unwrap_or("")).into_owned(),
                    inert_line(&ctx.data.article_title(i)).into_owned(),
                    format!("{:>4}", ctx.data.finding_counts[i]),
                ])
            })
            .collect();
        let table = Table::new(
            rows,
            [
                Constraint::Length(16),
                Constraint::Length(18),
                Constraint::Fill(1),
                Constraint::Length(4),
            ],
        )
        .header(Row::new(["Date", "Outlet", "Title", "Find"]).style(t.accent))
        .row_highlight_style(t.selected);
        let mut state = TableState::default().with_selected(selected.checked_sub(first));
        StatefulWidget::render(table, table_area, buf, &mut state);
        return;
    }
    Line::from(Span::styled(
        format!(
            " {} {} over {} articles · by size, then the latest article",
            st.rows.len(),
            if st.rows.len() == 1 {
                "story"
            } else {
                "stories"
            },
            ctx.data.summaries.len()
        ),
        t.dim,
    ))
    .render(info_area, buf);
    let offset = st.offset.min(st.rows.len());
    let rows: Vec<Row> = st.rows[offset..]
        .iter()
        .take(height)
        .map(|r| {
            Row::new(vec![
                format!("{:>4}", r.articles.len()),
                format!("{:>4}", r.findings),
                inert_line(r.latest.as_deref().unwrap_or("")).into_owned(),
                inert_line(&r.title).into_owned(),
                inert_line(&r.keywords.join(", ")).into_owned(),
            ])
        })
        .collect();
    let table = Table::new(
        rows,
        [
            Constraint::Length(4),
            Constraint::Length(4),
            Constraint::Length(10),
            Constraint::Fill(2),
            Constraint::Fill(1),
        ],
    )
    .header(Row::new(["Arts", "Find", "Latest", "Story", "Keywords"]).style(t.accent))
    .row_highlight_style(t.selected);
    let mut state = TableState::default().with_selected(st.selected.checked_sub(offset));
    StatefulWidget::render(table, table_area, buf, &mut state);
}
