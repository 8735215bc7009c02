//! The search view: a query box and the hits of the latest query. Queries run on a
//! worker (the app hands them over); results of older queries are dropped.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{keep_visible, motion, step};
use crate::index::SearchResults;
use crate::text::inert_line;
use crate::tui::action::Action;
use crate::tui::data::Ctx;
use crate::tui::layout;
use crate::tui::view::{Component, Effect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

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

    fn draw(&self, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
        draw(self, ctx, area, buf);
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

// ---- drawing ----------------------------------------------------------------------------

/// A snippet with the matched terms highlighted; the highlight ranges are byte ranges of
/// the raw snippet, so it is cut first and each piece made inert after. When the first
/// match would fall off a line `max` columns wide, the snippet starts closer to it.
pub fn snippet_line(
    ctx: &Ctx,
    snippet: &str,
    highlights: &[[usize; 2]],
    max: usize,
) -> Line<'static> {
    let mut spans = vec![Span::raw("  ")];
    let mut at = 0;
    if let Some(&[first, _]) = highlights.first()
        && snippet.is_char_boundary(first)
        && layout::width(&snippet[..first]) > max * 2 / 3
    {
        let mut cut = first;
        for (i, _) in snippet[..first].char_indices().rev() {
            cut = i;
            if layout::width(&snippet[i..first]) >= max / 3 {
                break;
            }
        }
        if let Some(space) = snippet[cut..first].find(' ') {
            cut += space + 1;
        }
        at = cut;
        spans.push(Span::styled("…", ctx.theme.dim));
    }
    for &[s, e] in highlights {
        if s < at
            || e > snippet.len()
            || !snippet.is_char_boundary(s)
            || !snippet.is_char_boundary(e)
        {
            continue;
        }
        spans.push(Span::raw(inert_line(&snippet[at..s]).into_owned()));
        spans.push(Span::styled(
            inert_line(&snippet[s..e]).into_owned(),
            ctx.theme.highlight,
        ));
        at = e;
    }
    spans.push(Span::raw(inert_line(&snippet[at..]).into_owned()));
    Line::from(spans)
}

fn draw(s: &SearchState, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let t = ctx.theme;
    let box_area = Rect {
        height: area.height.min(3),
        ..area
    };
    let border = if s.editing { t.accent } else { t.dim };
    let mut q = vec![Span::raw(inert_line(&s.query).into_owned())];
    if s.editing {
        q.push(Span::styled("▏", t.accent));
    }
    Paragraph::new(Line::from(q))
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(" Search ")
                .border_style(border),
        )
        .render(box_area, buf);
    let status_area = Rect {
        y: area.y + 3,
        height: 1,
        ..area
    };
    let searching = s.pending.is_some() || s.shown != s.generation;
    let status: Line = match &s.results {
        _ if s.query.trim().is_empty() => Line::styled(
            " Type to search: words, \"a phrase\", AND OR NOT, +must -not, title: source: speaker: quote: figure:",
            t.dim,
        ),
        Some(Err(e)) => Line::styled(format!(" {}", inert_line(e)), t.error),
        Some(Ok(r)) => Line::styled(
            format!(
                " {} result{} for “{}”{}",
                r.total,
                if r.total == 1 { "" } else { "s" },
                inert_line(&r.query),
                if searching { " · searching…" } else { "" }
            ),
            t.dim,
        ),
        None => Line::styled(" searching…", t.dim),
    };
    status.render(status_area, buf);
    let Some(Ok(results)) = &s.results else {
        return;
    };
    if s.query.trim().is_empty() {
        return;
    }
    let list = Rect {
        y: area.y + 4,
        height: area.height.saturating_sub(4),
        ..area
    };
    let rows = (list.height / 3) as usize;
    let offset = if s.selected >= s.offset + rows.max(1) {
        s.selected + 1 - rows.max(1)
    } else {
        s.offset.min(s.selected)
    };
    for (n, (i, hit)) in results
        .hits
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .enumerate()
    {
        let y = list.y + (n as u16) * 3;
        let selected = i == s.selected;
        // An untitled article is named by its file; its path then is not repeated below.
        let title = hit.title.clone().unwrap_or_else(|| {
            hit.path
                .rsplit(['/', '\\'])
                .next()
                .unwrap_or(&hit.path)
                .to_string()
        });
        let title_style = if selected {
            t.selected.patch(t.title)
        } else {
            t.title
        };
        Line::from(Span::styled(
            format!(
                "{} {}",
                if selected { "▶" } else { " " },
                layout::truncate(&title, list.width.saturating_sub(2) as usize)
            ),
            title_style,
        ))
        .render(
            Rect {
                y,
                height: 1,
                ..list
            },
            buf,
        );
        let meta: Vec<&str> = [
            hit.source.as_deref(),
            hit.date.as_deref(),
            hit.title.is_some().then_some(hit.path.as_str()),
        ]
        .into_iter()
        .flatten()
        .collect();
        Line::styled(
            format!(
                "  {}",
                layout::truncate(&meta.join(" · "), list.width.saturating_sub(2) as usize)
            ),
            t.dim,
        )
        .render(
            Rect {
                y: y + 1,
                height: 1,
                ..list
            },
            buf,
        );
        snippet_line(
            ctx,
            &hit.snippet,
            &hit.highlights,
            list.width.saturating_sub(3) as usize,
        )
        .render(
            Rect {
                y: y + 2,
                height: 1,
                ..list
            },
            buf,
        );
    }
}
