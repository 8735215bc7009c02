//! What every view reads and none owns: the library's summaries, the findings, the
//! backend, and the screen's geometry. Views get it as a [`Ctx`].

use std::collections::HashMap;
use std::sync::Arc;

use ratatui::layout::Rect;

use super::backend::SearchBackend;
use super::layout::{self, DocLine, ReaderAreas};
use super::views::reader::ReaderState;
use crate::crossref::{Record, RecordKind};
use crate::index::{ArticleSummary, Findings};

/// The data shared by the views, replaced whole after an update of the index.
pub struct Shared {
    /// What the library lists, one per article.
    pub summaries: Vec<ArticleSummary>,
    /// The findings' headings; their records are read when shown.
    pub records: Arc<Findings>,
    /// Set when the findings belong to an older state of the index (an update is
    /// recomputing them).
    pub findings_stale: bool,
    /// Per article: how many findings it is part of.
    pub finding_counts: Vec<usize>,
    pub by_id: HashMap<String, usize>,
    pub backend: Arc<dyn SearchBackend>,
}

impl Shared {
    pub fn new(
        summaries: Vec<ArticleSummary>,
        records: Findings,
        backend: Arc<dyn SearchBackend>,
    ) -> Shared {
        let by_id = summaries
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        let is_finding = |n: &&u32| {
            records
                .heads()
                .get(**n as usize)
                .is_some_and(|h| matches!(h.kind, RecordKind::Finding(_)))
        };
        let finding_counts = summaries
            .iter()
            .map(|s| records.of_article(&s.id).iter().filter(is_finding).count())
            .collect();
        Shared {
            summaries,
            records: Arc::new(records),
            findings_stale: false,
            finding_counts,
            by_id,
            backend,
        }
    }

    /// The article's title as lists show it.
    pub fn article_title(&self, i: usize) -> String {
        let a = &self.summaries[i];
        a.title
            .clone()
            .unwrap_or_else(|| a.path.rsplit('/').next().unwrap_or(&a.path).to_string())
    }

    /// The article's title and date, to name it in a list of claims.
    pub fn article_label(&self, i: usize) -> String {
        match &self.summaries[i].date {
            Some(d) => format!("{} · {d}", self.article_title(i)),
            None => self.article_title(i),
        }
    }

    /// The library's index of an article id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The records (findings) that touch an article, loaded.
    pub fn records_of(&self, id: &str, want: impl Fn(RecordKind) -> bool) -> Vec<Record> {
        records_of(&self.records, id, want)
    }
}

/// The records of `findings` that touch an article and are of a wanted kind, loaded.
pub fn records_of(findings: &Findings, id: &str, want: impl Fn(RecordKind) -> bool) -> Vec<Record> {
    findings
        .of_article(id)
        .iter()
        .map(|&n| n as usize)
        .filter(|&n| findings.heads().get(n).is_some_and(|h| want(h.kind)))
        .filter_map(|n| findings.record(n).ok())
        .collect()
}

/// What a view's `handle` may read: the shared data and the screen's size.
pub struct Ctx<'a> {
    pub data: &'a Shared,
    /// The terminal's size, for scrolling decisions; rendering uses the frame it is given.
    pub size: (u16, u16),
}

impl Ctx<'_> {
    pub fn content(&self) -> Rect {
        layout::screen(Rect::new(0, 0, self.size.0, self.size.1)).1
    }

    pub fn reader_areas(&self) -> ReaderAreas {
        layout::reader(self.content())
    }

    /// Rows of the library list (below its info line and column headers).
    pub fn library_rows(&self) -> usize {
        self.content().height.saturating_sub(2).max(1) as usize
    }

    /// Results that fit under the query box (three lines each).
    pub fn search_rows(&self) -> usize {
        (self.content().height.saturating_sub(4) / 3).max(1) as usize
    }

    /// Lines of the findings list above its detail pane.
    pub fn findings_rows(&self) -> usize {
        self.content()
            .height
            .saturating_sub(layout::FINDINGS_DETAIL + 1)
            .max(1) as usize
    }

    /// The reader's document as laid out at the current size.
    pub fn reader_lines(&self, reader: &ReaderState) -> Vec<DocLine> {
        let width = self.reader_areas().body.width as usize;
        match &reader.raw {
            Some(raw) => layout::raw_lines(&raw.lines, width),
            None => layout::body_lines(&reader.doc.article.body, width),
        }
    }

    pub fn reader_height(&self) -> usize {
        self.reader_areas().body.height.max(1) as usize
    }
}
