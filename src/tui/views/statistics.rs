//! The statistics view: figures about the whole corpus, speakers by quotations, the
//! most-cited figures, and the articles by the number of findings they are part of.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{motion, step};
use crate::crossref::{FindingKind, RecordKind};
use crate::text::inert_line;
use crate::tui::action::Action;
use crate::tui::data::{Ctx, Shared};
use crate::tui::layout;
use crate::tui::view::{Component, Effect};
use ratatui::layout::Constraint;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, StatefulWidget, Table, TableState, Widget, Wrap};

/// Figures about the whole corpus.
#[derive(Debug, Clone, Default)]
pub struct CorpusStats {
    pub articles: usize,
    pub quotes: usize,
    pub speakers: usize,
    pub statistics: usize,
    pub conflicts: usize,
    pub changed: usize,
    pub minor: usize,
    pub corroborations: usize,
    pub related: usize,
    /// Speakers by number of quotations, most first.
    pub per_speaker: Vec<(String, usize)>,
    /// Figures (as written, normalised) by the number of articles giving them.
    pub most_cited: Vec<(String, usize)>,
}

impl CorpusStats {
    pub fn of(data: &Shared) -> CorpusStats {
        let heads = data.records.heads();
        let kinds = |k: RecordKind| heads.iter().filter(|h| h.kind == k).count();
        let related = heads
            .iter()
            .filter(|h| matches!(h.kind, RecordKind::Related(_)))
            .count();
        let figures = data.records.figures();
        CorpusStats {
            articles: data.summaries.len(),
            quotes: data.summaries.iter().map(|s| s.quotes).sum(),
            speakers: figures.speakers,
            statistics: data.summaries.iter().map(|s| s.figures).sum(),
            conflicts: kinds(RecordKind::Finding(FindingKind::Conflict)),
            changed: kinds(RecordKind::Finding(FindingKind::ChangedOverTime)),
            minor: kinds(RecordKind::Finding(FindingKind::MinorDiscrepancy)),
            corroborations: kinds(RecordKind::Finding(FindingKind::Corroboration)),
            related,
            per_speaker: figures.per_speaker.clone(),
            most_cited: figures.most_cited.clone(),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct StatisticsState {
    pub stats: CorpusStats,
    /// Articles by the number of findings they are part of, most first (the per-article
    /// table); sorted once per change of data.
    pub order: Vec<usize>,
    /// Selected row of the per-article table.
    pub selected: usize,
}

const HINTS: &[(Action, &str)] = &[
    (Action::Open, "read"),
    (Action::Down, "next"),
    (Action::NextView, "views"),
    (Action::Help, "help"),
    (Action::Quit, "quit"),
];

impl Component for StatisticsState {
    fn handle(&mut self, action: &Action, ctx: &Ctx) -> Effect {
        if let Some(delta) = motion(action, self.page(ctx)) {
            self.selected = step(self.selected, delta, ctx.data.summaries.len());
            return Effect::None;
        }
        match action {
            Action::Open => match self.order.get(self.selected) {
                Some(&i) => Effect::Open(i),
                None => Effect::None,
            },
            Action::Click { .. } => Effect::None,
            _ => Effect::Unhandled,
        }
    }

    fn draw(&self, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
        draw(self, ctx, area, buf);
    }

    fn hints(&self) -> &'static [(Action, &'static str)] {
        HINTS
    }

    fn data_changed(&mut self, ctx: &Ctx) {
        let counts = &ctx.data.finding_counts;
        let mut order: Vec<usize> = (0..counts.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(counts[i]));
        self.order = order;
        self.stats = CorpusStats::of(ctx.data);
    }
}

// ---- drawing ----------------------------------------------------------------------------

fn draw(st: &StatisticsState, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let t = ctx.theme;
    let s = &st.stats;
    let summary = vec![Line::from(vec![
        Span::styled(" Articles ", t.dim),
        Span::styled(s.articles.to_string(), t.title),
        Span::styled(" · Quotations ", t.dim),
        Span::styled(s.quotes.to_string(), t.title),
        Span::styled(" · Speakers ", t.dim),
        Span::styled(s.speakers.to_string(), t.title),
        Span::styled(" · Statistics ", t.dim),
        Span::styled(s.statistics.to_string(), t.title),
        Span::styled(" · Findings ", t.dim),
        Span::styled(format!("{} conflicts", s.conflicts), t.conflict),
        Span::raw(", "),
        Span::styled(format!("{} changed", s.changed), t.changed),
        Span::raw(", "),
        Span::styled(format!("{} minor", s.minor), t.minor),
        Span::raw(", "),
        Span::styled(format!("{} corroborated", s.corroborations), t.corroborated),
        Span::raw(format!(", {} related quotations", s.related)),
    ])];
    let top_h = 2u16.min(area.height);
    Paragraph::new(summary).wrap(Wrap { trim: true }).render(
        Rect {
            height: top_h,
            ..area
        },
        buf,
    );

    let rest = Rect {
        y: area.y + top_h + 1,
        height: area.height.saturating_sub(top_h + 1),
        ..area
    };
    let mid_h = (rest.height / 2).max(1);
    let half = rest.width / 2;
    let left = Rect {
        height: mid_h,
        width: half.saturating_sub(1),
        ..rest
    };
    let right = Rect {
        x: rest.x + half + 1,
        width: rest.width - half - 1,
        height: mid_h,
        ..rest
    };

    // Quotations per speaker, as bars.
    Line::styled("Quotations per speaker", t.accent).render(Rect { height: 1, ..left }, buf);
    let max = s.per_speaker.first().map_or(1, |x| x.1).max(1);
    let name_w = (left.width as usize / 3).clamp(6, 20);
    let bar_w = (left.width as usize).saturating_sub(name_w + 5);
    for (n, (name, count)) in s
        .per_speaker
        .iter()
        .take(mid_h.saturating_sub(1) as usize)
        .enumerate()
    {
        let len = (count * bar_w).div_ceil(max);
        Line::from(vec![
            Span::raw(format!("{:<name_w$} ", layout::truncate(name, name_w))),
            Span::styled("█".repeat(len), t.quote),
            Span::raw(format!(" {count}")),
        ])
        .render(
            Rect {
                y: left.y + 1 + n as u16,
                height: 1,
                ..left
            },
            buf,
        );
    }
    if s.per_speaker.is_empty() {
        Line::styled("no attributed quotations", t.dim).render(
            Rect {
                y: left.y + 1,
                height: 1,
                ..left
            },
            buf,
        );
    }

    Line::styled("Most cited figures (articles)", t.accent)
        .render(Rect { height: 1, ..right }, buf);
    for (n, (fig, count)) in s
        .most_cited
        .iter()
        .take(mid_h.saturating_sub(1) as usize)
        .enumerate()
    {
        Line::from(vec![
            Span::styled(format!("{count:>3}  "), t.title),
            Span::styled(
                layout::truncate(fig, right.width.saturating_sub(5) as usize),
                t.statistic,
            ),
        ])
        .render(
            Rect {
                y: right.y + 1 + n as u16,
                height: 1,
                ..right
            },
            buf,
        );
    }
    if s.most_cited.is_empty() {
        Line::styled("no figures", t.dim).render(
            Rect {
                y: right.y + 1,
                height: 1,
                ..right
            },
            buf,
        );
    }

    // Per-article breakdown, most findings first.
    let table_area = Rect {
        y: rest.y + mid_h + 1,
        height: rest.height.saturating_sub(mid_h + 1),
        ..rest
    };
    // Only the rows on screen are built.
    let order = &st.order;
    let height = table_area.height.saturating_sub(1).max(1) as usize;
    let first = (st.selected + 1).saturating_sub(height);
    let rows: Vec<Row> = order[first.min(order.len())..]
        .iter()
        .take(height)
        .map(|&i| {
            let s = &ctx.data.summaries[i];
            Row::new(vec![
                inert_line(&ctx.data.article_title(i)).into_owned(),
                format!("{:>4}", s.quotes),
                format!("{:>3}", s.figures),
                format!("{:>4}", ctx.data.finding_counts[i]),
            ])
        })
        .collect();
    let table = Table::new(
        rows,
        [
            Constraint::Fill(1),
            Constraint::Length(4),
            Constraint::Length(3),
            Constraint::Length(4),
        ],
    )
    .header(Row::new(["Per article", "Quot", "Fig", "Find"]).style(t.accent))
    .row_highlight_style(t.selected);
    let mut state = TableState::default().with_selected(st.selected.checked_sub(first));
    StatefulWidget::render(table, table_area, buf, &mut state);
}
