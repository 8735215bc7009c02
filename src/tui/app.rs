//! The reader's state and the one place it changes ([`App::update`]). Nothing here draws
//! or touches the terminal; `ui` draws an `&App`, and the run loop feeds actions in.
//!
//! An `App` is built from plain data — the articles with their claims and the
//! cross-article findings — plus a [`SearchBackend`], so tests can build one by hand.

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
use crate::crossref::{CrossRef, DiffPart, Finding, FindingKind, RelatedKind};
use crate::index::{CorpusIndex, SearchError, SearchHit, SearchResults, StoredArticle};

/// At most this many search results are shown.
pub const SEARCH_LIMIT: usize = 50;

/// What the reader searches with: the Tantivy index in the program, anything in tests.
pub trait SearchBackend: Send + Sync {
    /// Results for a query in the syntax of `crosscheck search`, or why it does not parse.
    fn search(&self, query: &str, limit: usize) -> Result<SearchResults, String>;
    /// Byte ranges of `body` the query matches, to highlight and move between in the reader.
    fn match_ranges(&self, query: &str, body: &str) -> Vec<Range<usize>>;
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
}

/// A search over articles in memory, without an index: every word of the query must
/// appear (case-insensitively) in the title or body. For tests and fixtures.
pub struct MemorySearch {
    articles: Vec<MemoryArticle>,
}

/// id, path, title, source, date, body.
type MemoryArticle = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
);

impl MemorySearch {
    pub fn new(articles: &[StoredArticle]) -> MemorySearch {
        MemorySearch {
            articles: articles
                .iter()
                .map(|s| {
                    let a = &s.article;
                    (
                        a.id.clone(),
                        a.path.clone(),
                        a.title.clone(),
                        a.source.clone(),
                        a.date.as_ref().map(|d| d.text.clone()),
                        a.body.clone(),
                    )
                })
                .collect(),
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
        for (id, path, title, source, date, body) in &self.articles {
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
                id: id.clone(),
                path: path.clone(),
                title: title.clone(),
                source: source.clone(),
                date: date.clone(),
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

/// What the library and the statistics show of one article.
#[derive(Debug, Clone, Default)]
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

/// The raw file of an article, with the lines that were removed as page furniture.
#[derive(Debug, Clone, PartialEq)]
pub struct RawText {
    pub lines: Vec<String>,
    /// Per line: why it was removed, if it was.
    pub removed: Vec<Option<String>>,
    /// Said above the text when the file could not be read.
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReaderState {
    pub article: usize,
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
    /// Indices of the `Side` rows.
    pub selectable: Vec<usize>,
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
    pub articles: Vec<StoredArticle>,
    pub crossref: CrossRef,
    pub info: Vec<ArticleInfo>,
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

fn all_findings(c: &CrossRef) -> impl Iterator<Item = &Finding> {
    c.conflicts.iter().chain(c.corroborations.iter())
}

fn valid_range(body: &str, start: usize, end: usize) -> bool {
    start <= end && end <= body.len() && body.is_char_boundary(start) && body.is_char_boundary(end)
}

fn speaker_key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl App {
    /// An app over articles and findings with the default keys and theme, searching in
    /// memory. For tests and fixtures.
    pub fn from_parts(articles: Vec<StoredArticle>, crossref: CrossRef) -> App {
        let backend = Arc::new(MemorySearch::new(&articles));
        App::new(articles, crossref, backend, Options::default())
    }

    pub fn new(
        articles: Vec<StoredArticle>,
        crossref: CrossRef,
        backend: Arc<dyn SearchBackend>,
        options: Options,
    ) -> App {
        let by_id: HashMap<String, usize> = articles
            .iter()
            .enumerate()
            .map(|(i, s)| (s.article.id.clone(), i))
            .collect();
        let info = articles
            .iter()
            .map(|s| Self::article_info(s, &crossref))
            .collect();
        let mut app = App {
            stats: CorpusStats::default(),
            info,
            by_id,
            articles,
            crossref,
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
        app.stats = app.compute_stats();
        app.findings = app.build_findings();
        app.refresh_library();
        app
    }

    fn article_info(s: &StoredArticle, crossref: &CrossRef) -> ArticleInfo {
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
        for f in all_findings(crossref) {
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
        let mut per_speaker: HashMap<String, (String, usize)> = HashMap::new();
        let mut figures: HashMap<String, BTreeSet<usize>> = HashMap::new();
        let mut quotes = 0;
        let mut statistics = 0;
        for (i, s) in self.articles.iter().enumerate() {
            for q in s
                .claims
                .quotes
                .iter()
                .filter(|q| q.kind == QuoteKind::Quote)
            {
                quotes += 1;
                if let Some(sp) = &q.speaker {
                    per_speaker
                        .entry(speaker_key(sp))
                        .or_insert_with(|| (sp.clone(), 0))
                        .1 += 1;
                }
            }
            for st in &s.claims.statistics {
                statistics += 1;
                let key = match &st.subject {
                    Some(sub) => format!("{} {}", st.text, sub),
                    None => st.text.clone(),
                };
                figures.entry(key).or_default().insert(i);
            }
        }
        let mut per_speaker: Vec<(String, usize)> = per_speaker.into_values().collect();
        per_speaker.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let mut most_cited: Vec<(String, usize)> =
            figures.into_iter().map(|(k, v)| (k, v.len())).collect();
        most_cited.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        most_cited.truncate(20);
        let kinds = |k: FindingKind| {
            self.crossref
                .conflicts
                .iter()
                .filter(|f| f.kind == k)
                .count()
        };
        CorpusStats {
            articles: self.articles.len(),
            quotes,
            speakers: per_speaker.len(),
            statistics,
            conflicts: kinds(FindingKind::Conflict),
            changed: kinds(FindingKind::ChangedOverTime),
            minor: kinds(FindingKind::MinorDiscrepancy),
            corroborations: self.crossref.corroborations.len(),
            related: self.crossref.related_quotes.len(),
            per_speaker,
            most_cited,
        }
    }

    /// The article's title as lists show it.
    pub fn article_title(&self, i: usize) -> String {
        let a = &self.articles[i].article;
        a.title
            .clone()
            .unwrap_or_else(|| a.path.rsplit('/').next().unwrap_or(&a.path).to_string())
    }

    fn article_label(&self, i: usize) -> String {
        let a = &self.articles[i].article;
        match &a.date {
            Some(d) => format!("{} · {}", self.article_title(i), d.text),
            None => self.article_title(i),
        }
    }

    fn build_findings(&self) -> FindingsState {
        let mut rows = Vec::new();
        let side_of =
            |app: &App, c: &crate::crossref::ClaimRef, kind: FindingKind| -> Option<FindingRow> {
                let article = *app.by_id.get(&c.article_id)?;
                let mut detail = c.sentence.clone();
                if let Some(t) = &c.time {
                    detail = format!("{detail} [{t}]");
                }
                Some(FindingRow::Side {
                    target: Target {
                        article,
                        start: c.start,
                        end: c.end,
                    },
                    kind: Some(kind),
                    claim: c.text.clone(),
                    article: app.article_label(article),
                    detail,
                })
            };
        let mut conflicts: Vec<&Finding> = self.crossref.conflicts.iter().collect();
        conflicts.sort_by_key(|f| finding_rank(f.kind));
        let sections: [(&str, Vec<&Finding>); 2] = [
            (
                "Conflicts, figures that moved, minor discrepancies",
                conflicts,
            ),
            (
                "Corroborations",
                self.crossref.corroborations.iter().collect(),
            ),
        ];
        for (title, list) in sections {
            rows.push(FindingRow::Section(format!("{title} ({})", list.len())));
            if list.is_empty() {
                rows.push(FindingRow::Note("none".into()));
            }
            for f in list {
                rows.push(FindingRow::Header {
                    kind: Some(f.kind),
                    text: f.subject.clone(),
                });
                rows.push(FindingRow::Note(f.explanation.clone()));
                for c in &f.claims {
                    if let Some(r) = side_of(self, c, f.kind) {
                        rows.push(r);
                    }
                }
                rows.push(FindingRow::Blank);
            }
        }
        let mut related: Vec<_> = self.crossref.related_quotes.iter().collect();
        related.sort_by_key(|r| match r.kind {
            RelatedKind::Variant => 0,
            RelatedKind::Repeated => 1,
            RelatedKind::SameSpeaker => 2,
        });
        rows.push(FindingRow::Section(format!(
            "Related quotations ({})",
            related.len()
        )));
        if related.is_empty() {
            rows.push(FindingRow::Note("none".into()));
        }
        for r in related {
            let kind = match r.kind {
                RelatedKind::Variant => "different wording",
                RelatedKind::Repeated => "repeated word for word",
                RelatedKind::SameSpeaker => "same speaker",
            };
            rows.push(FindingRow::Header {
                kind: None,
                text: format!("{} — {kind}", r.speaker),
            });
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
            rows.push(FindingRow::Blank);
        }
        let selectable = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| matches!(r, FindingRow::Side { .. }))
            .map(|(i, _)| i)
            .collect();
        FindingsState {
            rows,
            selectable,
            selected: 0,
            offset: 0,
        }
    }

    fn refresh_library(&mut self) {
        let needle = self.library.filter.to_lowercase();
        let mut order: Vec<usize> = (0..self.articles.len())
            .filter(|&i| {
                if needle.is_empty() {
                    return true;
                }
                let a = &self.articles[i].article;
                [
                    a.title.as_deref(),
                    a.source.as_deref(),
                    Some(a.path.as_str()),
                ]
                .into_iter()
                .flatten()
                .any(|s| s.to_lowercase().contains(&needle))
            })
            .collect();
        let arts = &self.articles;
        let date = |i: usize| arts[i].article.date.as_ref().and_then(|d| d.iso.clone());
        match self.library.sort {
            SortKey::Date => order.sort_by(|&a, &b| date(b).cmp(&date(a)).then(a.cmp(&b))),
            SortKey::Source => order.sort_by_key(|&i| {
                (
                    arts[i]
                        .article
                        .source
                        .as_deref()
                        .map(str::to_lowercase)
                        .is_none(),
                    arts[i].article.source.as_deref().map(str::to_lowercase),
                    i,
                )
            }),
            SortKey::Title => order.sort_by_key(|&i| (self.article_title(i).to_lowercase(), i)),
            SortKey::Findings => {
                order.sort_by_key(|&i| (std::cmp::Reverse(self.info[i].findings), i))
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
            None => layout::body_lines(&self.articles[reader.article].article.body, width),
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
                self.history.push(self.location());
                self.search.editing = false;
                self.open_article(i);
                let query = self.search.query.clone();
                let body = &self.articles[i].article.body;
                let matches = self.backend.match_ranges(&query, body);
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
            View::Findings => {
                if let Some(FindingRow::Side { target, .. }) = self
                    .findings
                    .selectable
                    .get(self.findings.selected)
                    .and_then(|&r| self.findings.rows.get(r))
                {
                    let t = target.clone();
                    self.jump_to(t);
                }
            }
            View::Statistics => {
                let mut order: Vec<usize> = (0..self.articles.len()).collect();
                order.sort_by_key(|&i| std::cmp::Reverse(self.info[i].findings));
                if let Some(&i) = order.get(self.stats_selected) {
                    self.history.push(self.location());
                    self.open_article(i);
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

    fn open_article(&mut self, i: usize) {
        self.reader = Some(ReaderState {
            article: i,
            scroll: 0,
            cursor: None,
            raw: None,
            query: None,
            matches: Vec::new(),
            current_match: None,
        });
        self.view = View::Reader;
        if self.read.insert(self.articles[i].article.id.clone()) {
            self.read_dirty = true;
        }
    }

    /// Opens an article at a claim, remembering where the user was.
    pub fn jump_to(&mut self, t: Target) {
        if t.article >= self.articles.len() {
            return;
        }
        self.history.push(self.location());
        self.open_article(t.article);
        let range = t.start..t.end;
        let cursor = self.info[t.article]
            .marks
            .iter()
            .position(|m| m.start == t.start)
            .or_else(|| {
                self.info[t.article]
                    .marks
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
                self.stats_selected = step(self.stats_selected, delta, self.articles.len());
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
        self.info[r.article].marks.get(r.cursor?)
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
        let marks = &self.info[reader.article].marks;
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
        let id = self.articles[article].article.id.clone();
        let range = mark.start..mark.end;
        let speaker_k = speaker.as_deref().map(speaker_key);
        let mut items: Vec<PopupItem> = Vec::new();
        let mut seen: BTreeSet<(usize, usize)> = BTreeSet::new();
        seen.insert((article, mark.start));
        let mut groups: Vec<_> = self
            .crossref
            .related_quotes
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
        if let Some(sk) = &speaker_k {
            let mut same_article = Vec::new();
            for (a, s) in self.articles.iter().enumerate() {
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
        let article = reader.article;
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
        let id = self.articles[article].article.id.clone();
        let range = mark.start..mark.end;
        let mut findings: Vec<&Finding> = all_findings(&self.crossref)
            .filter(|f| {
                f.claims
                    .iter()
                    .any(|c| c.article_id == id && overlaps(&(c.start..c.end), &range))
            })
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
                &self.articles[article].article.body[mark.start..mark.end]
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
        let article = &self.articles[reader.article].article;
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
        let body = &self.articles[reader.article].article.body;
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
        let marks = &self.info[reader.article].marks;
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

/// The article's file as it is on disk, with the removed page furniture marked; when the
/// file cannot be read, the removed lines alone.
pub fn raw_text(article: &crate::corpus::Article) -> RawText {
    let by_line: HashMap<usize, &str> = article
        .removed
        .iter()
        .map(|r| (r.line, r.reason.as_str()))
        .collect();
    match std::fs::read(&article.path) {
        Ok(bytes) => {
            let text = String::from_utf8_lossy(&bytes);
            let lines: Vec<String> = text.lines().map(str::to_string).collect();
            let removed = (1..=lines.len())
                .map(|n| by_line.get(&n).map(|r| r.to_string()))
                .collect();
            RawText {
                lines,
                removed,
                note: None,
            }
        }
        Err(e) => RawText {
            lines: article
                .removed
                .iter()
                .map(|r| format!("{:>5}  {}", r.line, r.text))
                .collect(),
            removed: article
                .removed
                .iter()
                .map(|r| Some(r.reason.clone()))
                .collect(),
            note: Some(format!(
                "cannot read {} ({e}); showing the removed lines only",
                article.path
            )),
        },
    }
}
