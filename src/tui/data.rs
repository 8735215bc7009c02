//! What every view reads and none owns: the library's summaries, the findings, the
//! backend, and the screen's geometry. Views get it as a [`Ctx`].

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use ratatui::layout::Rect;

use super::backend::SearchBackend;
use super::keymap::KeyMap;
use super::layout::{self, ReaderAreas};
use super::theme::Theme;
use crate::crossref::{Record, RecordKind};
use crate::index::{ArticleSummary, Findings, StoredStory};

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
    /// The stories of the corpus (article ids), as last stored.
    pub stories: Vec<StoredStory>,
    /// Fetched articles revised since an earlier version: article id → what changed.
    pub edits: HashMap<String, String>,
    /// The user's verdicts, notes and bookmarks on claims.
    pub annotations: Vec<crate::user::annotations::Annotation>,
    /// The verdict labels `V` cycles through.
    pub verdicts: Vec<String>,
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
            stories: Vec::new(),
            edits: HashMap::new(),
            annotations: Vec::new(),
            verdicts: crate::user::annotations::DEFAULT_VERDICTS
                .iter()
                .map(|s| s.to_string())
                .collect(),
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
        self.records.records_of(id, want)
    }
}

/// What a view may read while it handles an action or draws: the shared data, the
/// screen's size, the styles and keys, the read marks.
pub struct Ctx<'a> {
    pub data: &'a Shared,
    /// The terminal's size, for scrolling decisions; rendering uses the frame it is given.
    pub size: (u16, u16),
    pub theme: &'a Theme,
    pub keymap: &'a KeyMap,
    pub read: &'a BTreeSet<String>,
    /// What to say when the corpus is empty.
    pub empty_hint: &'a str,
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

    pub fn reader_height(&self) -> usize {
        self.reader_areas().body.height.max(1) as usize
    }
}
