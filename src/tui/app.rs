//! The reader's state and the one place it changes ([`App::update`]). Nothing here draws
//! or touches the terminal; `ui` draws an `&App`, and the run loop feeds actions in.
//!
//! An `App` is built from what the library lists (one summary per article), the headings
//! of the cross-article findings, and a [`SearchBackend`] that searches and loads one
//! article when it is opened, so start-up never loads the whole corpus. Tests build one
//! in memory with [`App::from_parts`].

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use std::sync::Arc;

use crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::action::{Action, Scope};
use super::keymap::{Key, KeyMap};
use super::layout::{self, DocLine, ReaderAreas};
use super::theme::Theme;
use crate::claims::QuoteKind;
use crate::corpus::{RawText, raw_text};
use crate::crossref::{
    CrossRef, DiffPart, Finding, FindingKind, Record, RecordKind, RelatedKind, speaker_key,
};
use crate::index::{
    ArticleSummary, CorpusIndex, Findings, SearchError, SearchHit, SearchResults, StoredArticle,
};

/// At most this many search results are shown.
pub const SEARCH_LIMIT: usize = 50;

/// When the findings hold at most this many sides in all, the findings view shows every
/// side; above it, each finding is a heading that Enter expands.
pub const AUTO_EXPAND_SIDES: usize = 2_000;

/// What the reader searches with: the Tantivy index in the program, anything in tests.
pub trait SearchBackend: Send + Sync {
    /// Results for a query in the syntax of `crosscheck search`, or why it does not parse.
    fn search(&self, query: &str, limit: usize) -> Result<SearchResults, String>;
    /// Byte ranges of `body` the query matches, to highlight and move between in the reader.
    fn match_ranges(&self, query: &str, body: &str) -> Vec<Range<usize>>;
    /// One article with its claims, loaded when it is opened.
    fn article(&self, id: &str) -> Option<StoredArticle>;
}

impl SearchBackend for CorpusIndex {
    fn search(&self, query: &str, limit: usize) -> Result<SearchResults, String> {
        CorpusIndex::search(self, query, limit).map_err(|e| match e {
            SearchError::BadQuery(m) => m,
            SearchError::Other(e) => format!("search failed: {e:#}"),
        })
    }

    fn match_ranges(&self, query: &str, body: &str) -> Vec<Range<usize>> {
        CorpusIndex::match_ranges(self, query, body)
    }

    fn article(&self, id: &str) -> Option<StoredArticle> {
        CorpusIndex::article(self, id).ok().flatten()
    }
}

/// A search over articles in memory, without an index: every word of the query must
/// appear (case-insensitively) in the title or body. For tests and fixtures.
pub struct MemorySearch {
    articles: Vec<StoredArticle>,
}

impl MemorySearch {
    pub fn new(articles: &[StoredArticle]) -> MemorySearch {
        MemorySearch {
            articles: articles.to_vec(),
        }
    }

    fn terms(query: &str) -> Vec<String> {
        query
            .split_whitespace()
            .map(|t| {
                let t = t.rsplit(':').next().unwrap_or(t);
                t.trim_matches(|c: char| c == '"' || c == '+' || c == '(' || c == ')')
                    .to_ascii_lowercase()
            })
            .filter(|t| !t.is_empty() && t != "and" && t != "or")
            .collect()
    }

    fn find_all(text: &str, terms: &[String]) -> Vec<Range<usize>> {
        let lower = text.to_ascii_lowercase();
        let mut out: Vec<Range<usize>> = terms
            .iter()
            .flat_map(|t| lower.match_indices(t.as_str()).map(|(i, m)| i..i + m.len()))
            .collect();
        out.sort_by_key(|r| r.start);
        out
    }
}

impl SearchBackend for MemorySearch {
    fn search(&self, query: &str, limit: usize) -> Result<SearchResults, String> {
        if query.matches('"').count() % 2 == 1 {
            return Err(
                "the query does not parse (unbalanced quote); close the phrase with \"".into(),
            );
        }
        let terms = Self::terms(query);
        let mut hits = Vec::new();
        for s in &self.articles {
            let a = &s.article;
            let (title, body) = (&a.title, &a.body);
            let hay = format!("{} {}", title.as_deref().unwrap_or(""), body).to_ascii_lowercase();
            if terms.is_empty() || !terms.iter().all(|t| hay.contains(t.as_str())) {
                continue;
            }
            let matches = Self::find_all(body, &terms);
            let first = matches.first().map_or(0, |r| r.start);
            let mut start = first.saturating_sub(60);
            while !body.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + 180).min(body.len());
            while !body.is_char_boundary(end) {
                end -= 1;
            }
            let highlights = matches
                .iter()
                .filter(|r| r.start >= start && r.end <= end)
                .map(|r| [r.start - start, r.end - start])
                .collect();
            hits.push(SearchHit {
                id: a.id.clone(),
                path: a.path.clone(),
                title: title.clone(),
                source: a.source.clone(),
                date: a.date.as_ref().map(|d| d.text.clone()),
                score: matches.len() as f32,
                snippet: body[start..end].to_string(),
                highlights,
                snippet_start: start,
            });
        }
        hits.sort_by(|a, b| b.score.total_cmp(&a.score));
        let total = hits.len();
        hits.truncate(limit);
        Ok(SearchResults {
            query: query.to_string(),
            total,
            hits,
        })
    }

    fn match_ranges(&self, query: &str, body: &str) -> Vec<Range<usize>> {
        Self::find_all(body, &Self::terms(query))
    }

    fn article(&self, id: &str) -> Option<StoredArticle> {
        self.articles.iter().find(|s| s.article.id == id).cloned()
    }
}

/// The views, in the order of the tab bar and the number keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Library,
    Search,
    Reader,
    Findings,
    Statistics,
}

impl View {
    pub const ALL: [View; 5] = [
        View::Library,
        View::Search,
        View::Reader,
        View::Findings,
        View::Statistics,
    ];

    pub fn title(self) -> &'static str {
        match self {
            View::Library => "Library",
            View::Search => "Search",
            View::Reader => "Reader",
            View::Findings => "Findings",
            View::Statistics => "Statistics",
        }
    }
}

/// What a claim in the reader is.
#[derive(Debug, Clone, PartialEq)]
pub enum ClaimKind {
    Quote {
        speaker: Option<String>,
        role: Option<String>,
        term: bool,
    },
    Statistic {
        subject: Option<String>,
    },
}

/// A claim as the reader marks it: where it stands in the body, what it is, and the
/// strongest finding it is part of.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub kind: ClaimKind,
    pub finding: Option<FindingKind>,
}

/// What the reader shows of the open article besides its text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleInfo {
    pub marks: Vec<Mark>,
    pub quotes: usize,
    pub figures: usize,
    pub findings: usize,
}

/// A place in an article to jump to.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub article: usize,
    pub start: usize,
    pub end: usize,
}

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

#[derive(Debug, Clone, PartialEq)]
pub struct ReaderState {
    /// The article's place in the library's list.
    pub article: usize,
    /// The article, loaded when it was opened.
    pub doc: Arc<StoredArticle>,
    /// Its claims as marked, and its counts.
    pub info: Arc<ArticleInfo>,
    /// First screen line shown.
    pub scroll: usize,
    /// The claim (index into the article's marks) under the cursor.
    pub cursor: Option<usize>,
    pub raw: Option<RawText>,
    pub query: Option<String>,
    pub matches: Vec<Range<usize>>,
    pub current_match: Option<usize>,
}

/// A line of the findings view.
#[derive(Debug, Clone, PartialEq)]
pub enum FindingRow {
    Section(String),
    /// A finding (or a related-quotes group) and its subject.
    Header {
        kind: Option<FindingKind>,
        text: String,
        /// The record it heads, and whether its sides are shown below it.
        record: usize,
        expanded: bool,
    },
    /// An explanation.
    Note(String),
    Diff(Vec<DiffPart>),
    /// One side: a figure or quotation in an article; Enter jumps to it.
    Side {
        target: Target,
        kind: Option<FindingKind>,
        claim: String,
        article: String,
        detail: String,
    },
    Blank,
}

#[derive(Debug, Clone, Default)]
pub struct FindingsState {
    pub rows: Vec<FindingRow>,
    /// Indices of the rows Enter acts on: sides, and headings not yet expanded.
    pub selectable: Vec<usize>,
    /// Records whose sides are shown.
    pub expanded: BTreeSet<usize>,
    /// Index into `selectable`.
    pub selected: usize,
    /// First row shown.
    pub offset: usize,
}

/// An item of a popup list: a place to jump to.
#[derive(Debug, Clone, PartialEq)]
pub struct PopupItem {
    /// "variant", "same speaker", "conflict"…
    pub kind: String,
    /// Which article.
    pub article: String,
    /// The quotation or figure.
    pub text: String,
    /// The sentence, or how the wording differs.
    pub detail: String,
    pub diff: Option<Vec<DiffPart>>,
    pub target: Target,
}

/// A list over the reader: related quotations, or the other sides of a finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Popup {
    pub title: String,
    pub intro: Vec<String>,
    pub items: Vec<PopupItem>,
    pub selected: usize,
    /// Said when there are no items.
    pub empty: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    Help { scroll: usize },
    Popup(Popup),
}

/// Where the user was, to come back to.
#[derive(Debug, Clone)]
pub struct Location {
    pub view: View,
    pub reader: Option<ReaderState>,
    pub library_selected: usize,
    pub findings_selected: usize,
    pub search_selected: usize,
}

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

/// How the reader is set up: keys, styles, remembered state, messages.
pub struct Options {
    pub keymap: KeyMap,
    pub theme: Theme,
    pub read: BTreeSet<String>,
    /// Shown once in the hint bar (a bad config…).
    pub notices: Vec<String>,
    /// What to say when the corpus is empty.
    pub empty_hint: String,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            keymap: KeyMap::default(),
            theme: Theme::default(),
            read: BTreeSet::new(),
            notices: Vec::new(),
            empty_hint: "No articles yet. Add .txt or .md files (a title line, then paragraphs) to a folder and run `crosscheck read FOLDER`, or list folders under `corpus` in $XDG_CONFIG_HOME/crosscheck/config.toml.".into(),
        }
    }
}

/// The reader's whole state.
pub struct App {
    /// What the library lists, one per article.
    pub summaries: Vec<ArticleSummary>,
    /// The findings' headings; their records are read when shown.
    pub records: Findings,
    /// Set when the findings belong to an older state of the index (an update is
    /// recomputing them).
    pub findings_stale: bool,
    /// Per article: how many findings it is part of.
    pub finding_counts: Vec<usize>,
    stats_order: Vec<usize>,
    by_id: HashMap<String, usize>,
    pub stats: CorpusStats,
    pub keymap: KeyMap,
    pub theme: Theme,
    pub view: View,
    /// The terminal's size, for scrolling decisions; rendering uses the frame it is given.
    pub size: (u16, u16),
    pub library: LibraryState,
    pub search: SearchState,
    pub reader: Option<ReaderState>,
    pub findings: FindingsState,
    /// Selected row of the statistics' per-article table.
    pub stats_selected: usize,
    pub overlay: Option<Overlay>,
    pub history: Vec<Location>,
    pub read: BTreeSet<String>,
    /// Set when read marks changed and should be saved.
    pub read_dirty: bool,
    /// A one-line message for the hint bar.
    pub message: Option<String>,
    pub empty_hint: String,
    pub should_quit: bool,
    backend: Arc<dyn SearchBackend>,
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end || a.start == b.start
}

fn finding_rank(k: FindingKind) -> u8 {
    match k {
        FindingKind::Conflict => 0,
        FindingKind::ChangedOverTime => 1,
        FindingKind::MinorDiscrepancy => 2,
        FindingKind::Corroboration => 3,
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

fn valid_range(body: &str, start: usize, end: usize) -> bool {
    start <= end && end <= body.len() && body.is_char_boundary(start) && body.is_char_boundary(end)
}

/// Findings in which this range of this article is a side.
fn finding_claims<'a>(
    f: &'a Finding,
    id: &'a str,
    range: &'a Range<usize>,
) -> impl Iterator<Item = &'a crate::crossref::ClaimRef> {
    f.claims
        .iter()
        .filter(move |c| c.article_id == id && overlaps(&(c.start..c.end), range))
}

impl App {
    /// An app over articles and findings in memory, with the default keys and theme.
    /// For tests and fixtures.
    pub fn from_parts(articles: Vec<StoredArticle>, crossref: CrossRef) -> App {
        App::from_parts_with(articles, crossref, Options::default())
    }

    /// [`App::from_parts`] with other keys, theme or state.
    pub fn from_parts_with(
        articles: Vec<StoredArticle>,
        crossref: CrossRef,
        options: Options,
    ) -> App {
        let backend = Arc::new(MemorySearch::new(&articles));
        let summaries: Vec<ArticleSummary> = articles.iter().map(ArticleSummary::of).collect();
        let views: Vec<crate::crossref::ArticleClaims<'_>> =
            articles.iter().map(StoredArticle::view).collect();
        let figures = crate::crossref::corpus_figures(&views);
        let records = Findings::in_memory(crate::crossref::records(crossref), figures);
        App::new(summaries, records, backend, options)
    }

    pub fn new(
        summaries: Vec<ArticleSummary>,
        records: Findings,
        backend: Arc<dyn SearchBackend>,
        options: Options,
    ) -> App {
        let mut app = App {
            stats: CorpusStats::default(),
            summaries: Vec::new(),
            records: Findings::empty(),
            findings_stale: false,
            finding_counts: Vec::new(),
            stats_order: Vec::new(),
            by_id: HashMap::new(),
            keymap: options.keymap,
            theme: options.theme,
            view: View::Library,
            size: (80, 24),
            library: LibraryState {
                order: Vec::new(),
                selected: 0,
                offset: 0,
                sort: SortKey::Date,
                filter: String::new(),
                filtering: false,
            },
            search: SearchState::default(),
            reader: None,
            findings: FindingsState::default(),
            stats_selected: 0,
            overlay: None,
            history: Vec::new(),
            read: options.read,
            read_dirty: false,
            message: (!options.notices.is_empty()).then(|| options.notices.join("; ")),
            empty_hint: options.empty_hint,
            should_quit: false,
            backend,
        };
        app.set_data(summaries, records);
        app
    }

    /// Puts new data in place (after an update), keeping what the user is looking at
    /// where the articles still exist.
    pub fn set_data(&mut self, summaries: Vec<ArticleSummary>, records: Findings) {
        let old_ids: Vec<String> = self.summaries.iter().map(|s| s.id.clone()).collect();
        let selected_id = self
            .library
            .order
            .get(self.library.selected)
            .and_then(|&i| old_ids.get(i).cloned());
        self.by_id = summaries
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
        self.finding_counts = summaries
            .iter()
            .map(|s| records.of_article(&s.id).iter().filter(is_finding).count())
            .collect();
        self.summaries = summaries;
        self.records = records;
        let mut order: Vec<usize> = (0..self.summaries.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(self.finding_counts[i]));
        self.stats_order = order;
        // Places in articles follow their ids; places in articles that are gone are dropped.
        let remap = |r: &mut ReaderState, by_id: &HashMap<String, usize>| -> bool {
            match by_id.get(&r.doc.article.id) {
                Some(&i) => {
                    r.article = i;
                    true
                }
                None => false,
            }
        };
        if let Some(r) = self.reader.as_mut()
            && !remap(r, &self.by_id)
        {
            self.reader = None;
            if self.view == View::Reader {
                self.view = View::Library;
            }
        }
        let by_id = &self.by_id;
        self.history
            .retain_mut(|l| l.reader.as_mut().is_none_or(|r| remap(r, by_id)));
        self.stats = self.compute_stats();
        let selected = self.findings.selected;
        let expanded = std::mem::take(&mut self.findings.expanded);
        self.findings = self.build_findings(expanded);
        self.findings.selected = selected.min(self.findings.selectable.len().saturating_sub(1));
        self.refresh_library();
        if let Some(id) = selected_id
            && let Some(&i) = self.by_id.get(&id)
            && let Some(pos) = self.library.order.iter().position(|&o| o == i)
        {
            self.library.selected = pos;
        }
    }

    /// The records (findings) that touch an article, loaded.
    fn records_of(&self, id: &str, want: impl Fn(RecordKind) -> bool) -> Vec<Record> {
        self.records
            .of_article(id)
            .iter()
            .map(|&n| n as usize)
            .filter(|&n| self.records.heads().get(n).is_some_and(|h| want(h.kind)))
            .filter_map(|n| self.records.record(n).ok())
            .collect()
    }

    fn article_info(&self, s: &StoredArticle) -> ArticleInfo {
        let body = &s.article.body;
        let mut marks: Vec<Mark> = Vec::new();
        for q in &s.claims.quotes {
            if valid_range(body, q.start, q.end) {
                marks.push(Mark {
                    start: q.start,
                    end: q.end,
                    kind: ClaimKind::Quote {
                        speaker: q.speaker.clone(),
                        role: q.role.clone(),
                        term: q.kind == QuoteKind::Term,
                    },
                    finding: None,
                });
            }
        }
        for st in &s.claims.statistics {
            if valid_range(body, st.start, st.end) {
                marks.push(Mark {
                    start: st.start,
                    end: st.end,
                    kind: ClaimKind::Statistic {
                        subject: st.subject.clone(),
                    },
                    finding: None,
                });
            }
        }
        let mut findings = 0;
        for r in self.records_of(&s.article.id, |k| matches!(k, RecordKind::Finding(_))) {
            let Record::Finding(f) = r else { continue };
            let mut involved = false;
            for c in f.claims.iter().filter(|c| c.article_id == s.article.id) {
                involved = true;
                if !valid_range(body, c.start, c.end) {
                    continue;
                }
                let r = c.start..c.end;
                let existing = marks.iter_mut().find(|m| {
                    matches!(m.kind, ClaimKind::Statistic { .. }) && overlaps(&(m.start..m.end), &r)
                });
                let mark = match existing {
                    Some(m) => m,
                    None => {
                        marks.push(Mark {
                            start: c.start,
                            end: c.end,
                            kind: ClaimKind::Statistic {
                                subject: Some(f.subject.clone()),
                            },
                            finding: None,
                        });
                        marks.last_mut().expect("just pushed")
                    }
                };
                if mark
                    .finding
                    .is_none_or(|k| finding_rank(f.kind) < finding_rank(k))
                {
                    mark.finding = Some(f.kind);
                }
            }
            if involved {
                findings += 1;
            }
        }
        marks.sort_by_key(|m| (m.start, m.end));
        ArticleInfo {
            marks,
            quotes: s
                .claims
                .quotes
                .iter()
                .filter(|q| q.kind == QuoteKind::Quote)
                .count(),
            figures: s.claims.statistics.len(),
            findings,
        }
    }

    fn compute_stats(&self) -> CorpusStats {
        let heads = self.records.heads();
        let kinds = |k: RecordKind| heads.iter().filter(|h| h.kind == k).count();
        let related = heads
            .iter()
            .filter(|h| matches!(h.kind, RecordKind::Related(_)))
            .count();
        let figures = self.records.figures();
        CorpusStats {
            articles: self.summaries.len(),
            quotes: self.summaries.iter().map(|s| s.quotes).sum(),
            speakers: figures.speakers,
            statistics: self.summaries.iter().map(|s| s.figures).sum(),
            conflicts: kinds(RecordKind::Finding(FindingKind::Conflict)),
            changed: kinds(RecordKind::Finding(FindingKind::ChangedOverTime)),
            minor: kinds(RecordKind::Finding(FindingKind::MinorDiscrepancy)),
            corroborations: kinds(RecordKind::Finding(FindingKind::Corroboration)),
            related,
            per_speaker: figures.per_speaker.clone(),
            most_cited: figures.most_cited.clone(),
        }
    }

    /// The article's title as lists show it.
    pub fn article_title(&self, i: usize) -> String {
        let a = &self.summaries[i];
        a.title
            .clone()
            .unwrap_or_else(|| a.path.rsplit('/').next().unwrap_or(&a.path).to_string())
    }

    fn article_label(&self, i: usize) -> String {
        match &self.summaries[i].date {
            Some(d) => format!("{} · {d}", self.article_title(i)),
            None => self.article_title(i),
        }
    }

    /// The findings view: a heading per record, with the sides of the expanded ones.
    /// When the corpus's findings are few, all are expanded.
    fn build_findings(&self, mut expanded: BTreeSet<usize>) -> FindingsState {
        let heads = self.records.heads();
        let shown = |k: RecordKind| !matches!(k, RecordKind::Passage);
        let sides: usize = heads.iter().filter(|h| shown(h.kind)).map(|h| h.len).sum();
        if sides <= AUTO_EXPAND_SIDES {
            expanded = (0..heads.len()).collect();
        }
        let mut rows = Vec::new();
        let in_section = |n: usize, sec: usize| match heads[n].kind {
            RecordKind::Finding(FindingKind::Corroboration) => sec == 1,
            RecordKind::Finding(_) => sec == 0,
            RecordKind::Related(_) => sec == 2,
            RecordKind::Passage => false,
        };
        let titles = [
            "Conflicts, figures that moved, minor discrepancies",
            "Corroborations",
            "Related quotations",
        ];
        for (sec, title) in titles.iter().enumerate() {
            let list: Vec<usize> = (0..heads.len()).filter(|&n| in_section(n, sec)).collect();
            rows.push(FindingRow::Section(format!("{title} ({})", list.len())));
            if list.is_empty() {
                rows.push(FindingRow::Note("none".into()));
            }
            for n in list {
                let h = &heads[n];
                let open = expanded.contains(&n);
                let record = if open {
                    self.records.record(n).ok()
                } else {
                    None
                };
                match (&h.kind, record) {
                    (RecordKind::Finding(kind), record) => {
                        rows.push(FindingRow::Header {
                            kind: Some(*kind),
                            text: h.title.clone(),
                            record: n,
                            expanded: open,
                        });
                        if let Some(Record::Finding(f)) = record {
                            rows.push(FindingRow::Note(f.explanation.clone()));
                            for c in &f.claims {
                                if let Some(&article) = self.by_id.get(&c.article_id) {
                                    let mut detail = c.sentence.clone();
                                    if let Some(t) = &c.time {
                                        detail = format!("{detail} [{t}]");
                                    }
                                    rows.push(FindingRow::Side {
                                        target: Target {
                                            article,
                                            start: c.start,
                                            end: c.end,
                                        },
                                        kind: Some(f.kind),
                                        claim: c.text.clone(),
                                        article: self.article_label(article),
                                        detail,
                                    });
                                }
                            }
                        } else {
                            rows.push(FindingRow::Note(format!(
                                "{} figures — Enter shows them",
                                h.len
                            )));
                        }
                    }
                    (RecordKind::Related(kind), record) => {
                        let word = match kind {
                            RelatedKind::Variant => "different wording",
                            RelatedKind::Repeated => "repeated word for word",
                            RelatedKind::SameSpeaker => "same speaker",
                        };
                        rows.push(FindingRow::Header {
                            kind: None,
                            text: format!("{} — {word}", h.title),
                            record: n,
                            expanded: open,
                        });
                        if let Some(Record::Related(r)) = record {
                            if let Some(d) = &r.diff {
                                rows.push(FindingRow::Diff(d.clone()));
                            }
                            for q in &r.quotes {
                                if let Some(&article) = self.by_id.get(&q.article_id) {
                                    rows.push(FindingRow::Side {
                                        target: Target {
                                            article,
                                            start: q.start,
                                            end: q.end,
                                        },
                                        kind: None,
                                        claim: format!("“{}”", q.text),
                                        article: self.article_label(article),
                                        detail: String::new(),
                                    });
                                }
                            }
                        } else {
                            rows.push(FindingRow::Note(format!(
                                "{} quotations — Enter shows them",
                                h.len
                            )));
                        }
                    }
                    (RecordKind::Passage, _) => continue,
                }
                rows.push(FindingRow::Blank);
            }
        }
        let selectable = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                matches!(
                    r,
                    FindingRow::Side { .. }
                        | FindingRow::Header {
                            expanded: false,
                            ..
                        }
                )
            })
            .map(|(i, _)| i)
            .collect();
        FindingsState {
            rows,
            selectable,
            expanded,
            selected: 0,
            offset: 0,
        }
    }

    fn refresh_library(&mut self) {
        let needle = self.library.filter.to_lowercase();
        let mut order: Vec<usize> = (0..self.summaries.len())
            .filter(|&i| {
                if needle.is_empty() {
                    return true;
                }
                let a = &self.summaries[i];
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
        let arts = &self.summaries;
        match self.library.sort {
            SortKey::Date => {
                order.sort_by(|&a, &b| arts[b].date_iso.cmp(&arts[a].date_iso).then(a.cmp(&b)))
            }
            SortKey::Source => order.sort_by_key(|&i| {
                let source = arts[i].source.as_deref().map(str::to_lowercase);
                (source.is_none(), source, i)
            }),
            SortKey::Title => order.sort_by_key(|&i| (self.article_title(i).to_lowercase(), i)),
            SortKey::Findings => {
                order.sort_by_key(|&i| (std::cmp::Reverse(self.finding_counts[i]), i))
            }
        }
        self.library.order = order;
        self.library.selected = self
            .library
            .selected
            .min(self.library.order.len().saturating_sub(1));
        self.library.offset = self.library.offset.min(self.library.selected);
    }

    // ---- geometry ---------------------------------------------------------------------

    fn area(&self) -> Rect {
        Rect::new(0, 0, self.size.0, self.size.1)
    }

    fn content(&self) -> Rect {
        layout::screen(self.area()).1
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

    fn reader_height(&self) -> usize {
        self.reader_areas().body.height.max(1) as usize
    }

    // ---- keys ---------------------------------------------------------------------------

    /// Whether keys go into a text box (the query or the library filter).
    pub fn editing(&self) -> bool {
        self.overlay.is_none()
            && ((self.view == View::Search && self.search.editing)
                || (self.view == View::Library && self.library.filtering))
    }

    fn scope(&self) -> Scope {
        if self.overlay.is_some() {
            return Scope::Global;
        }
        match self.view {
            View::Reader => Scope::Reader,
            View::Library => Scope::Library,
            _ => Scope::Global,
        }
    }

    /// The action a key asks for in the current state, if any.
    pub fn action_for_key(&self, ev: KeyEvent) -> Option<Action> {
        use crossterm::event::{KeyCode, KeyModifiers};
        if ev.kind == crossterm::event::KeyEventKind::Release {
            return None;
        }
        let key = Key::from_event(ev);
        if key.mods.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            return Some(Action::Quit);
        }
        if self.editing() {
            match key.code {
                KeyCode::Char(c)
                    if !key
                        .mods
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                {
                    return Some(Action::Insert(c));
                }
                KeyCode::Backspace => return Some(Action::DeleteChar),
                KeyCode::Enter => return Some(Action::Open),
                KeyCode::Esc => return Some(Action::Back),
                KeyCode::Up => return Some(Action::Up),
                KeyCode::Down => return Some(Action::Down),
                KeyCode::Char(_) if key.mods.contains(KeyModifiers::ALT) => return None,
                KeyCode::Left | KeyCode::Right => return None,
                _ => {}
            }
        }
        self.keymap.actions(key, self.scope()).into_iter().next()
    }

    /// Handles a key: looks up its action and applies it.
    pub fn handle_key(&mut self, ev: KeyEvent) {
        if let Some(a) = self.action_for_key(ev) {
            self.update(a);
        }
    }

    /// Presses keys written as in the config ("j", "Ctrl-d", "Enter"); for tests.
    pub fn press(&mut self, keys: &[&str]) {
        for k in keys {
            let key = Key::parse(k).unwrap_or_else(|| panic!("not a key: {k}"));
            self.handle_key(key.event());
        }
    }

    /// Types text into the focused box, one key per character; for tests.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.handle_key(KeyEvent::new(
                crossterm::event::KeyCode::Char(c),
                crossterm::event::KeyModifiers::NONE,
            ));
        }
    }

    /// The query waiting for the search worker, if any.
    pub fn take_search_request(&mut self) -> Option<(u64, String)> {
        self.search.pending.take()
    }

    /// Runs the waiting query here and now (tests; the program uses a worker thread).
    pub fn run_pending_search(&mut self) {
        if let Some((generation, query)) = self.take_search_request() {
            let result = self.backend.search(&query, SEARCH_LIMIT);
            self.update(Action::SearchDone { generation, result });
        }
    }

    /// The backend, for the search worker.
    pub fn backend(&self) -> Arc<dyn SearchBackend> {
        Arc::clone(&self.backend)
    }

    // ---- state changes ------------------------------------------------------------------

    /// Applies one action. The only place the state changes.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.clamp_all();
                return;
            }
            Action::SearchDone { generation, result } => {
                if generation == self.search.generation {
                    self.search.results = Some(result);
                    self.search.shown = generation;
                    self.search.selected = 0;
                    self.search.offset = 0;
                }
                return;
            }
            _ => {}
        }
        if !matches!(action, Action::Scroll(_)) {
            self.message = None;
        }
        if let Some(overlay) = &mut self.overlay {
            let height = (self.size.1 as usize).saturating_sub(6).max(1);
            match overlay {
                Overlay::Help { scroll } => match action {
                    Action::Help | Action::Back | Action::Quit => self.overlay = None,
                    Action::Up | Action::Scroll(-1) => *scroll = scroll.saturating_sub(1),
                    Action::Down | Action::Scroll(1) => *scroll += 1,
                    Action::PageUp | Action::HalfPageUp => *scroll = scroll.saturating_sub(height),
                    Action::PageDown | Action::HalfPageDown => *scroll += height,
                    Action::Top => *scroll = 0,
                    Action::Bottom => *scroll = usize::MAX / 2,
                    Action::Scroll(n) => *scroll = scroll.saturating_add_signed(n as isize),
                    _ => {}
                },
                Overlay::Popup(p) => {
                    let n = p.items.len();
                    match action {
                        Action::Back | Action::Quit => self.overlay = None,
                        Action::Up | Action::PrevClaim => p.selected = p.selected.saturating_sub(1),
                        Action::Down | Action::NextClaim | Action::NextView => {
                            p.selected = (p.selected + 1).min(n.saturating_sub(1))
                        }
                        Action::Scroll(d) => {
                            p.selected = p
                                .selected
                                .saturating_add_signed(d as isize)
                                .min(n.saturating_sub(1))
                        }
                        Action::Top => p.selected = 0,
                        Action::Bottom => p.selected = n.saturating_sub(1),
                        Action::Open => {
                            if let Some(item) = p.items.get(p.selected) {
                                let target = item.target.clone();
                                self.overlay = None;
                                self.jump_to(target);
                            }
                        }
                        Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
                        _ => {}
                    }
                }
            }
            return;
        }
        match action {
            Action::Quit => self.should_quit = true,
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::NextView | Action::PrevView => {
                let views: Vec<View> = View::ALL
                    .into_iter()
                    .filter(|v| *v != View::Reader || self.reader.is_some())
                    .collect();
                let i = views.iter().position(|v| *v == self.view).unwrap_or(0);
                let n = views.len();
                let j = if action == Action::NextView {
                    (i + 1) % n
                } else {
                    (i + n - 1) % n
                };
                self.show(views[j]);
            }
            Action::ShowLibrary => self.show(View::Library),
            Action::ShowSearch => self.show(View::Search),
            Action::ShowReader => {
                if self.reader.is_some() {
                    self.show(View::Reader);
                } else {
                    self.message = Some(
                        "no article is open yet: choose one in the library (1) or search (/)"
                            .into(),
                    );
                }
            }
            Action::ShowFindings => self.show(View::Findings),
            Action::ShowStatistics => self.show(View::Statistics),
            Action::Search => {
                self.view = View::Search;
                self.search.editing = true;
            }
            Action::Insert(c) => self.insert(c),
            Action::DeleteChar => self.delete_char(),
            Action::Back => self.back(),
            Action::Open => self.open(),
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::Scroll(n) => self.move_by(n as isize),
            Action::PageUp => self.move_by(-(self.page() as isize)),
            Action::PageDown => self.move_by(self.page() as isize),
            Action::HalfPageUp => self.move_by(-((self.page() / 2).max(1) as isize)),
            Action::HalfPageDown => self.move_by((self.page() / 2).max(1) as isize),
            Action::Top => self.move_by(isize::MIN / 2),
            Action::Bottom => self.move_by(isize::MAX / 2),
            Action::NextClaim => self.step_claim(true),
            Action::PrevClaim => self.step_claim(false),
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::RelatedQuotes => self.related_quotes(),
            Action::OtherSide => self.other_side(),
            Action::ToggleRaw => self.toggle_raw(),
            Action::Sort => {
                self.library.sort = self.library.sort.next();
                self.refresh_library();
                self.message = Some(format!("sorted by {}", self.library.sort.label()));
            }
            Action::Filter => {
                self.view = View::Library;
                self.library.filtering = true;
            }
            Action::Click { column, row } => self.click(column, row),
            Action::Resize(..) | Action::SearchDone { .. } => {}
        }
    }

    fn show(&mut self, view: View) {
        if view == View::Reader && self.reader.is_none() {
            return;
        }
        self.view = view;
        if view == View::Search && self.search.query.is_empty() {
            self.search.editing = true;
        }
    }

    fn page(&self) -> usize {
        match self.view {
            View::Library => self.library_rows(),
            View::Search => self.search_rows(),
            View::Reader => self.reader_height().saturating_sub(1).max(1),
            View::Findings => self.findings_rows(),
            View::Statistics => 10,
        }
    }

    fn insert(&mut self, c: char) {
        match self.view {
            View::Search => {
                self.search.query.push(c);
                self.queue_search();
            }
            View::Library => {
                self.library.filter.push(c);
                self.library.selected = 0;
                self.refresh_library();
            }
            _ => {}
        }
    }

    fn delete_char(&mut self) {
        match self.view {
            View::Search => {
                self.search.query.pop();
                self.queue_search();
            }
            View::Library => {
                self.library.filter.pop();
                self.refresh_library();
            }
            _ => {}
        }
    }

    fn queue_search(&mut self) {
        self.search.generation += 1;
        if self.search.query.trim().is_empty() {
            self.search.pending = None;
            self.search.results = None;
            self.search.shown = self.search.generation;
        } else {
            self.search.pending = Some((self.search.generation, self.search.query.clone()));
        }
    }

    fn location(&self) -> Location {
        Location {
            view: self.view,
            reader: self.reader.clone(),
            library_selected: self.library.selected,
            findings_selected: self.findings.selected,
            search_selected: self.search.selected,
        }
    }

    fn back(&mut self) {
        if self.view == View::Search && self.search.editing {
            self.search.editing = false;
            return;
        }
        if self.view == View::Library && self.library.filtering {
            self.library.filtering = false;
            return;
        }
        if let Some(loc) = self.history.pop() {
            self.view = loc.view;
            if loc.reader.is_some() {
                self.reader = loc.reader;
            }
            self.library.selected = loc.library_selected;
            self.findings.selected = loc.findings_selected;
            self.search.selected = loc.search_selected;
            self.clamp_all();
        } else if self.view == View::Library && !self.library.filter.is_empty() {
            self.library.filter.clear();
            self.refresh_library();
        } else if self.view != View::Library {
            self.view = View::Library;
        }
    }

    fn open(&mut self) {
        match self.view {
            View::Library => {
                if self.library.filtering {
                    self.library.filtering = false;
                    return;
                }
                if let Some(&i) = self.library.order.get(self.library.selected) {
                    self.history.push(self.location());
                    self.open_article(i);
                }
            }
            View::Search => {
                let hit = match &self.search.results {
                    Some(Ok(r)) => r.hits.get(self.search.selected).cloned(),
                    _ => None,
                };
                let Some(hit) = hit else {
                    self.search.editing = false;
                    return;
                };
                let Some(&i) = self.by_id.get(&hit.id) else {
                    self.message = Some("that article is no longer in the index".into());
                    return;
                };
                let here = self.location();
                if !self.open_article(i) {
                    return;
                }
                self.history.push(here);
                self.search.editing = false;
                let query = self.search.query.clone();
                let reader = self.reader.as_ref().expect("just opened");
                let matches = self.backend.match_ranges(&query, &reader.doc.article.body);
                let reader = self.reader.as_mut().expect("just opened");
                reader.query = Some(query);
                reader.matches = matches;
                if reader.matches.is_empty() {
                    let at = hit.snippet_start;
                    self.scroll_to_offset(at);
                } else {
                    self.reader.as_mut().expect("open").current_match = Some(0);
                    let at = self.reader.as_ref().expect("open").matches[0].start;
                    self.scroll_to_offset(at);
                }
            }
            View::Findings => match self
                .findings
                .selectable
                .get(self.findings.selected)
                .and_then(|&r| self.findings.rows.get(r))
            {
                Some(FindingRow::Side { target, .. }) => {
                    let t = target.clone();
                    self.jump_to(t);
                }
                Some(FindingRow::Header { record, .. }) => {
                    let record = *record;
                    self.expand_finding(record);
                }
                _ => {}
            },
            View::Statistics => {
                if let Some(&i) = self.stats_order().get(self.stats_selected) {
                    let here = self.location();
                    if self.open_article(i) {
                        self.history.push(here);
                    }
                }
            }
            View::Reader => {
                let kind = self.cursor_mark().map(|m| m.kind.clone());
                match kind {
                    Some(ClaimKind::Quote { .. }) => self.related_quotes(),
                    Some(ClaimKind::Statistic { .. }) => self.other_side(),
                    None => {}
                }
            }
        }
    }

    /// Articles by the number of findings they are part of, most first (the statistics
    /// view's table); sorted once per change of data.
    pub fn stats_order(&self) -> &[usize] {
        &self.stats_order
    }

    /// Shows the sides of a finding in the findings view, with the first one selected.
    fn expand_finding(&mut self, record: usize) {
        let mut expanded = std::mem::take(&mut self.findings.expanded);
        expanded.insert(record);
        let offset = self.findings.offset;
        self.findings = self.build_findings(expanded);
        let header = self
            .findings
            .rows
            .iter()
            .position(|r| matches!(r, FindingRow::Header { record: n, .. } if *n == record));
        if let Some(h) = header {
            self.findings.selected = self
                .findings
                .selectable
                .iter()
                .position(|&r| r > h)
                .unwrap_or(0);
        }
        self.findings.offset = offset;
        self.clamp_all();
    }

    /// Loads and opens article `i`; says so and returns false when it cannot be loaded.
    fn open_article(&mut self, i: usize) -> bool {
        let Some(summary) = self.summaries.get(i) else {
            return false;
        };
        let Some(doc) = self.backend.article(&summary.id) else {
            self.message = Some(format!(
                "{} is no longer in the index; it may have been removed",
                summary.path
            ));
            return false;
        };
        let info = self.article_info(&doc);
        self.reader = Some(ReaderState {
            article: i,
            doc: Arc::new(doc),
            info: Arc::new(info),
            scroll: 0,
            cursor: None,
            raw: None,
            query: None,
            matches: Vec::new(),
            current_match: None,
        });
        self.view = View::Reader;
        if self.read.insert(self.summaries[i].id.clone()) {
            self.read_dirty = true;
        }
        true
    }

    /// Opens an article at a claim, remembering where the user was.
    pub fn jump_to(&mut self, t: Target) {
        let here = self.location();
        if !self.open_article(t.article) {
            return;
        }
        self.history.push(here);
        let range = t.start..t.end;
        let marks = &self.reader.as_ref().expect("just opened").info.marks;
        let cursor = marks.iter().position(|m| m.start == t.start).or_else(|| {
            marks
                .iter()
                .position(|m| overlaps(&(m.start..m.end), &range))
        });
        self.reader.as_mut().expect("open").cursor = cursor;
        self.scroll_to_offset(t.start);
    }

    /// Scrolls the reader so the body offset is in view (a third from the top), unless
    /// it is already.
    fn scroll_to_offset(&mut self, offset: usize) {
        let Some(reader) = &self.reader else { return };
        if reader.raw.is_some() {
            return;
        }
        let lines = self.reader_lines(reader);
        let h = self.reader_height();
        let Some(line) = layout::line_of_offset(&lines, offset) else {
            return;
        };
        let reader = self.reader.as_mut().expect("open");
        if line < reader.scroll || line >= reader.scroll + h {
            reader.scroll = line.saturating_sub(h / 3);
        }
        let max = lines.len().saturating_sub(h);
        reader.scroll = reader.scroll.min(max);
    }

    fn move_by(&mut self, delta: isize) {
        match self.view {
            View::Library => {
                let n = self.library.order.len();
                self.library.selected = step(self.library.selected, delta, n);
                self.library.offset = keep_visible(
                    self.library.offset,
                    self.library.selected,
                    self.library_rows(),
                );
            }
            View::Search => {
                let n = match &self.search.results {
                    Some(Ok(r)) => r.hits.len(),
                    _ => 0,
                };
                self.search.selected = step(self.search.selected, delta, n);
                self.search.offset =
                    keep_visible(self.search.offset, self.search.selected, self.search_rows());
            }
            View::Findings => {
                let n = self.findings.selectable.len();
                self.findings.selected = step(self.findings.selected, delta, n);
                self.keep_finding_visible();
            }
            View::Statistics => {
                self.stats_selected = step(self.stats_selected, delta, self.summaries.len());
            }
            View::Reader => {
                let Some(reader) = &self.reader else { return };
                let max = self
                    .reader_lines(reader)
                    .len()
                    .saturating_sub(self.reader_height());
                let r = self.reader.as_mut().expect("open");
                r.scroll = r.scroll.saturating_add_signed(delta).min(max);
            }
        }
    }

    fn keep_finding_visible(&mut self) {
        let Some(&row) = self.findings.selectable.get(self.findings.selected) else {
            return;
        };
        let h = self.findings_rows();
        // Show the finding's header with its first side where possible.
        let mut top = row;
        while top > 0
            && row - top < 3
            && !matches!(
                self.findings.rows[top],
                FindingRow::Header { .. } | FindingRow::Section(_)
            )
        {
            top -= 1;
        }
        if row < self.findings.offset || top < self.findings.offset {
            self.findings.offset = top;
        } else if row >= self.findings.offset + h {
            self.findings.offset = row + 1 - h;
        }
    }

    fn clamp_all(&mut self) {
        self.library.offset = keep_visible(
            self.library.offset,
            self.library.selected,
            self.library_rows(),
        );
        self.search.offset =
            keep_visible(self.search.offset, self.search.selected, self.search_rows());
        self.keep_finding_visible();
        if let Some(reader) = &self.reader {
            let max = self
                .reader_lines(reader)
                .len()
                .saturating_sub(self.reader_height());
            let r = self.reader.as_mut().expect("open");
            r.scroll = r.scroll.min(max);
        }
    }

    /// The claim under the reader's cursor.
    pub fn cursor_mark(&self) -> Option<&Mark> {
        let r = self.reader.as_ref()?;
        r.info.marks.get(r.cursor?)
    }

    /// The body offset at the top of the reader's screen.
    fn top_offset(&self, reader: &ReaderState) -> usize {
        let lines = self.reader_lines(reader);
        lines
            .iter()
            .skip(reader.scroll)
            .find_map(|l| match l {
                DocLine::Body(r) => Some(r.start),
                _ => None,
            })
            .unwrap_or(0)
    }

    fn offset_visible(&self, reader: &ReaderState, offset: usize) -> bool {
        let lines = self.reader_lines(reader);
        layout::line_of_offset(&lines, offset)
            .is_some_and(|l| l >= reader.scroll && l < reader.scroll + self.reader_height())
    }

    fn step_claim(&mut self, forward: bool) {
        if self.view != View::Reader {
            return;
        }
        let Some(reader) = &self.reader else { return };
        if reader.raw.is_some() {
            self.message =
                Some("claims are marked in the clean text: press v to leave the raw text".into());
            return;
        }
        let marks = &reader.info.marks;
        if marks.is_empty() {
            self.message = Some("no quotations or figures found in this article".into());
            return;
        }
        let cursor_visible = reader
            .cursor
            .and_then(|c| marks.get(c))
            .is_some_and(|m| self.offset_visible(reader, m.start));
        let next = match (reader.cursor, cursor_visible) {
            (Some(c), true) => {
                if forward {
                    (c + 1 < marks.len()).then_some(c + 1)
                } else {
                    c.checked_sub(1)
                }
            }
            _ => {
                let match_at = reader
                    .current_match
                    .and_then(|m| reader.matches.get(m))
                    .filter(|m| self.offset_visible(reader, m.start))
                    .map(|m| m.start);
                let at = match_at.unwrap_or_else(|| self.top_offset(reader));
                if forward {
                    marks.iter().position(|m| m.start >= at)
                } else {
                    marks.iter().rposition(|m| m.start < at)
                }
            }
        };
        match next {
            Some(i) => {
                let start = marks[i].start;
                self.reader.as_mut().expect("open").cursor = Some(i);
                self.scroll_to_offset(start);
            }
            None => {
                self.message = Some(
                    if forward {
                        "no more claims below"
                    } else {
                        "no more claims above"
                    }
                    .into(),
                );
            }
        }
    }

    fn step_match(&mut self, forward: bool) {
        let Some(reader) = &self.reader else { return };
        if self.view != View::Reader {
            return;
        }
        if reader.matches.is_empty() {
            self.message = Some(match &reader.query {
                Some(q) => format!("no matches of `{q}` in this article"),
                None => {
                    "no search: open an article from the search view (/) to move between matches"
                        .into()
                }
            });
            return;
        }
        let n = reader.matches.len();
        let next = match reader.current_match {
            Some(i) if forward => (i + 1) % n,
            Some(i) => (i + n - 1) % n,
            None if forward => {
                let at = self.top_offset(reader);
                reader
                    .matches
                    .iter()
                    .position(|m| m.start >= at)
                    .unwrap_or(0)
            }
            None => n - 1,
        };
        if reader.current_match.is_some() && ((forward && next == 0) || (!forward && next == n - 1))
        {
            self.message = Some(
                if forward {
                    "search wrapped to the top"
                } else {
                    "search wrapped to the bottom"
                }
                .into(),
            );
        }
        let start = reader.matches[next].start;
        let r = self.reader.as_mut().expect("open");
        r.current_match = Some(next);
        self.scroll_to_offset(start);
    }

    fn related_quotes(&mut self) {
        if self.view != View::Reader {
            return;
        }
        let Some(reader) = &self.reader else { return };
        let article = reader.article;
        let Some(mark) = self.cursor_mark().cloned() else {
            self.message = Some("move to a quotation first (Tab / ])".into());
            return;
        };
        let ClaimKind::Quote { speaker, .. } = &mark.kind else {
            self.message = Some(
                "this is a figure: o shows the other side of a finding; r works on quotations"
                    .into(),
            );
            return;
        };
        let doc = Arc::clone(&reader.doc);
        let id = doc.article.id.clone();
        let range = mark.start..mark.end;
        let speaker_k = speaker.as_deref().map(speaker_key);
        let mut items: Vec<PopupItem> = Vec::new();
        let mut seen: BTreeSet<(usize, usize)> = BTreeSet::new();
        seen.insert((article, mark.start));
        let of_article = self.records.of_article(&id);
        let wanted: Vec<usize> = self
            .records
            .heads()
            .iter()
            .enumerate()
            .filter(|&(n, h)| {
                matches!(h.kind, RecordKind::Related(_))
                    && (of_article.contains(&(n as u32))
                        || speaker_k
                            .as_deref()
                            .is_some_and(|s| speaker_key(&h.title) == s))
            })
            .map(|(n, _)| n)
            .collect();
        let loaded: Vec<crate::crossref::RelatedQuotes> = wanted
            .into_iter()
            .filter_map(|n| match self.records.record(n) {
                Ok(Record::Related(r)) => Some(r),
                _ => None,
            })
            .collect();
        let mut groups: Vec<_> = loaded
            .iter()
            .filter(|g| {
                g.quotes
                    .iter()
                    .any(|q| q.article_id == id && overlaps(&(q.start..q.end), &range))
                    || speaker_k
                        .as_deref()
                        .is_some_and(|s| speaker_key(&g.speaker) == s)
            })
            .collect();
        groups.sort_by_key(|g| match g.kind {
            RelatedKind::Variant => 0,
            RelatedKind::Repeated => 1,
            RelatedKind::SameSpeaker => 2,
        });
        for g in groups {
            let holds_this = g
                .quotes
                .iter()
                .any(|q| q.article_id == id && overlaps(&(q.start..q.end), &range));
            let kind = match (g.kind, holds_this) {
                (RelatedKind::Variant, true) => "variant of this quotation",
                (RelatedKind::Repeated, true) => "repeated word for word",
                (RelatedKind::Variant, false) => "variant (another statement)",
                (RelatedKind::Repeated, false) => "repeated (another statement)",
                (RelatedKind::SameSpeaker, _) => "same speaker",
            };
            for q in &g.quotes {
                let Some(&a) = self.by_id.get(&q.article_id) else {
                    continue;
                };
                if !seen.insert((a, q.start)) {
                    continue;
                }
                items.push(PopupItem {
                    kind: kind.into(),
                    article: self.article_label(a),
                    text: q.text.clone(),
                    detail: String::new(),
                    diff: if g.kind == RelatedKind::Variant && holds_this {
                        g.diff.clone()
                    } else {
                        None
                    },
                    target: Target {
                        article: a,
                        start: q.start,
                        end: q.end,
                    },
                });
            }
        }
        // The speaker's other quotations, in other articles first, then in this one.
        // Other articles are found by searching for the speaker's name.
        if let (Some(sk), Some(name)) = (&speaker_k, speaker.as_deref()) {
            let query = format!("speaker:\"{}\"", name.replace('"', " "));
            let others: Vec<(usize, Arc<StoredArticle>)> = self
                .backend
                .search(&query, SEARCH_LIMIT)
                .map(|r| r.hits)
                .unwrap_or_default()
                .into_iter()
                .filter_map(|h| {
                    let &a = self.by_id.get(&h.id)?;
                    if a == article {
                        return None;
                    }
                    Some((a, Arc::new(self.backend.article(&h.id)?)))
                })
                .chain(std::iter::once((article, Arc::clone(&doc))))
                .collect();
            let mut same_article = Vec::new();
            for (a, s) in &others {
                let (a, s) = (*a, s.as_ref());
                for q in s
                    .claims
                    .quotes
                    .iter()
                    .filter(|q| q.kind == QuoteKind::Quote)
                {
                    if q.speaker.as_deref().map(speaker_key).as_deref() != Some(sk.as_str()) {
                        continue;
                    }
                    if !valid_range(&s.article.body, q.start, q.end) || !seen.insert((a, q.start)) {
                        continue;
                    }
                    let item = PopupItem {
                        kind: if a == article {
                            "also in this article".into()
                        } else {
                            "same speaker".into()
                        },
                        article: self.article_label(a),
                        text: q.text.clone(),
                        detail: String::new(),
                        diff: None,
                        target: Target {
                            article: a,
                            start: q.start,
                            end: q.end,
                        },
                    };
                    if a == article {
                        same_article.push(item)
                    } else {
                        items.push(item)
                    }
                }
            }
            items.extend(same_article);
        }
        let who = speaker
            .clone()
            .unwrap_or_else(|| "an unnamed speaker".into());
        self.overlay = Some(Overlay::Popup(Popup {
            title: format!("Quotations by {who}"),
            intro: Vec::new(),
            items,
            selected: 0,
            empty: format!("No other quotations by {who} in the corpus."),
        }));
    }

    fn other_side(&mut self) {
        if self.view != View::Reader {
            return;
        }
        let Some(reader) = &self.reader else { return };
        let Some(mark) = self.cursor_mark().cloned() else {
            self.message = Some("move to a figure first (Tab / ])".into());
            return;
        };
        if matches!(mark.kind, ClaimKind::Quote { .. }) {
            self.message = Some(
                "this is a quotation: r lists the speaker's other quotations; o works on figures"
                    .into(),
            );
            return;
        }
        let doc = Arc::clone(&reader.doc);
        let id = doc.article.id.clone();
        let range = mark.start..mark.end;
        let loaded = self.records_of(&id, |k| matches!(k, RecordKind::Finding(_)));
        let mut findings: Vec<&Finding> = loaded
            .iter()
            .filter_map(|r| match r {
                Record::Finding(f) => Some(f),
                _ => None,
            })
            .filter(|f| finding_claims(f, &id, &range).next().is_some())
            .collect();
        if findings.is_empty() {
            self.message = Some(
                "this figure is in no finding: no other article gives a figure for the same thing"
                    .into(),
            );
            return;
        }
        findings.sort_by_key(|f| finding_rank(f.kind));
        let mut intro = Vec::new();
        let mut items = Vec::new();
        for f in &findings {
            let (sym, word) = super::theme::finding_marker(f.kind);
            intro.push(format!("{sym} {word}: {} — {}", f.subject, f.explanation));
            for c in &f.claims {
                if c.article_id == id && overlaps(&(c.start..c.end), &range) {
                    continue;
                }
                let Some(&a) = self.by_id.get(&c.article_id) else {
                    continue;
                };
                items.push(PopupItem {
                    kind: word.into(),
                    article: self.article_label(a),
                    text: c.text.clone(),
                    detail: c.sentence.clone(),
                    diff: None,
                    target: Target {
                        article: a,
                        start: c.start,
                        end: c.end,
                    },
                });
            }
        }
        self.overlay = Some(Overlay::Popup(Popup {
            title: format!(
                "Other side of “{}”",
                &doc.article.body[mark.start..mark.end]
            ),
            intro,
            items,
            selected: 0,
            empty: "The other sides are in articles no longer indexed.".into(),
        }));
    }

    fn toggle_raw(&mut self) {
        if self.view != View::Reader {
            return;
        }
        let Some(reader) = &self.reader else { return };
        let article = &reader.doc.article;
        let raw = if reader.raw.is_some() {
            None
        } else {
            Some(raw_text(article))
        };
        let r = self.reader.as_mut().expect("open");
        r.raw = raw;
        r.scroll = 0;
    }

    fn click(&mut self, column: u16, row: u16) {
        if row == 0 {
            if let Some(v) = layout::tab_at(column, self.reader.is_some()) {
                self.show(v);
            }
            return;
        }
        let content = self.content();
        if row < content.y || row >= content.y + content.height {
            return;
        }
        let y = (row - content.y) as usize;
        match self.view {
            View::Library => {
                if let Some(i) = y.checked_sub(2) {
                    let i = self.library.offset + i;
                    if i < self.library.order.len() {
                        if i == self.library.selected {
                            self.open();
                        } else {
                            self.library.selected = i;
                        }
                    }
                }
            }
            View::Search => {
                if let Some(i) = y.checked_sub(4) {
                    let i = self.search.offset + i / 3;
                    let n = match &self.search.results {
                        Some(Ok(r)) => r.hits.len(),
                        _ => 0,
                    };
                    if i < n {
                        self.search.editing = false;
                        if i == self.search.selected {
                            self.open();
                        } else {
                            self.search.selected = i;
                        }
                    }
                } else {
                    self.search.editing = true;
                }
            }
            View::Findings => {
                let r = self.findings.offset + y;
                if let Some(i) = self.findings.selectable.iter().position(|&s| s == r) {
                    if i == self.findings.selected {
                        self.open();
                    } else {
                        self.findings.selected = i;
                    }
                }
            }
            View::Reader => self.click_reader(column, row),
            View::Statistics => {}
        }
    }

    fn click_reader(&mut self, column: u16, row: u16) {
        let Some(reader) = &self.reader else { return };
        if reader.raw.is_some() {
            return;
        }
        let body_area = self.reader_areas().body;
        if row < body_area.y || row >= body_area.y + body_area.height || column < body_area.x {
            return;
        }
        let lines = self.reader_lines(reader);
        let Some(DocLine::Body(range)) = lines.get(reader.scroll + (row - body_area.y) as usize)
        else {
            return;
        };
        let doc = Arc::clone(&reader.doc);
        let body = &doc.article.body;
        let want = (column - body_area.x) as usize;
        let mut w = 0;
        let mut at = None;
        use unicode_segmentation::UnicodeSegmentation;
        for (i, g) in body[range.clone()].grapheme_indices(true) {
            let gw = layout::width(g);
            if want < w + gw.max(1) {
                at = Some(range.start + i);
                break;
            }
            w += gw;
        }
        let Some(at) = at else { return };
        let marks = &reader.info.marks;
        if let Some(i) = marks.iter().rposition(|m| m.start <= at && at < m.end) {
            self.reader.as_mut().expect("open").cursor = Some(i);
        }
    }
}

fn step(current: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    current.saturating_add_signed(delta).min(len - 1)
}

fn keep_visible(offset: usize, selected: usize, height: usize) -> usize {
    let height = height.max(1);
    if selected < offset {
        selected
    } else if selected >= offset + height {
        selected + 1 - height
    } else {
        offset
    }
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
