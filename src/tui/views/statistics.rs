//! The statistics view: figures about the whole corpus, speakers by quotations, the
//! most-cited figures, and the articles by the number of findings they are part of.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{motion, step};
use crate::crossref::{FindingKind, RecordKind};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::data::{Ctx, Shared};
use crate::tui::view::{Component, Effect};

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

    fn draw(&self, app: &App, area: Rect, buf: &mut Buffer) {
        crate::tui::ui::findings::statistics(app, area, buf);
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
