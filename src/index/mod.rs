//! The persistent index: the only module that knows Tantivy.
//!
//! One index folder per corpus (in the XDG cache, keyed by the corpus location) holds:
//! - `tantivy/`: the Tantivy index, one document per article with its stored article and
//!   claims, so the reader never re-extracts on start;
//! - `crosscheck.json`: the schema version and the corpus roots;
//! - `crossref.json`: the cross-article findings, tagged with the commit they belong to;
//! - `crosscheck.lock`: held by the one process updating the index.
//!
//! Updates are incremental: files whose size and modification time are unchanged are
//! not read, files whose content hash is unchanged are not re-indexed, and files that are
//! gone are deleted. Readers never take the lock.

mod findings;
mod search;
mod stories;

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing,
    TextOptions, Value,
};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::claims::{self, Claims};
use crate::corpus::{self, Article, Limits, Skipped, Warning};
use crate::crossref::{self, ArticleClaims, CrossRef};
use crate::fsutil::write_atomic;

pub use findings::Findings;
pub use search::{SearchError, SearchHit, SearchResults};
pub use stories::{StoredStory, stored as stored_stories};

/// Bumped whenever the schema or the stored data changes shape; an index of another
/// version is rebuilt.
pub const SCHEMA_VERSION: u32 = 2;

const WRITER_MEMORY: usize = 100_000_000;

/// An article as stored in the index, with its claims.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredArticle {
    pub article: Article,
    pub claims: Claims,
}

/// What the library lists of an article: read from the index's columns without loading
/// the article.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ArticleSummary {
    pub id: String,
    pub path: String,
    pub title: Option<String>,
    pub source: Option<String>,
    /// The date as written.
    pub date: Option<String>,
    /// The date as `YYYY-MM-DD`, when it is valid.
    pub date_iso: Option<String>,
    /// Direct quotations (not quoted terms).
    pub quotes: usize,
    pub figures: usize,
}

impl StoredArticle {
    /// What the cross-article analysis reads of it.
    pub fn view(&self) -> ArticleClaims<'_> {
        let a = &self.article;
        ArticleClaims {
            id: &a.id,
            path: &a.path,
            title: a.title.as_deref(),
            date: a.date.as_ref().and_then(|d| d.iso.as_deref()),
            body: &a.body,
            claims: &self.claims,
        }
    }
}

impl ArticleSummary {
    pub fn of(s: &StoredArticle) -> ArticleSummary {
        let a = &s.article;
        ArticleSummary {
            id: a.id.clone(),
            path: a.path.clone(),
            title: a.title.clone(),
            source: a.source.clone(),
            date: a.date.as_ref().map(|d| d.text.clone()),
            date_iso: a.date.as_ref().and_then(|d| d.iso.clone()),
            quotes: s
                .claims
                .quotes
                .iter()
                .filter(|q| q.kind == claims::QuoteKind::Quote)
                .count(),
            figures: s.claims.statistics.len(),
        }
    }
}

/// What an update did.
#[derive(Debug, Default, Clone, Serialize)]
pub struct UpdateSummary {
    pub indexed: usize,
    pub unchanged: usize,
    pub removed: usize,
    pub skipped: Vec<Skipped>,
    pub warnings: Vec<Warning>,
    /// Set when the index had to be rebuilt (another version, or corrupt), saying why.
    pub rebuilt: Option<String>,
}

/// Progress of an update, for a progress bar.
#[derive(Debug, Clone, Copy)]
pub enum Progress {
    Scanned {
        files: usize,
    },
    Indexed {
        done: usize,
        total: usize,
    },
    /// The changes are committed and searchable; the findings are being recomputed.
    Committed,
    Analyzing,
}

/// When the corpus was last checked, and which roots (see `checked_within`).
const CHECKED_FILE: &str = "checked";

fn checked_roots(roots: &[PathBuf]) -> String {
    canonical_roots(roots).join("\n")
}

/// Whether an update recomputes the cross-article findings when they are out of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Analysis {
    /// Before returning (commands that show findings, the reader's background update).
    Now,
    /// Not now: the update returns once the corpus is searchable and the findings stay
    /// out of date (`findings_current` is false) until an update with `Now`. Nothing is
    /// kept in memory for them.
    Later,
}

#[derive(Debug, Serialize, Deserialize)]
struct IndexMeta {
    version: u32,
    /// The claim extractor's version: stored claims of another version are stale.
    #[serde(default)]
    extractor: u32,
    roots: Vec<String>,
}

#[derive(Clone, Copy)]
struct Fields {
    id: Field,
    path: Field,
    title_raw: Field,
    source_raw: Field,
    date_text: Field,
    quotes: Field,
    figures: Field,
    hash: Field,
    size: Field,
    mtime: Field,
    title: Field,
    body: Field,
    source: Field,
    date: Field,
    speaker: Field,
    quote: Field,
    figure: Field,
    data: Field,
}

fn build_schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let stemmed = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("en_stem")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let plain = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("default")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED | FAST),
        path: b.add_text_field("path", STRING | STORED | FAST),
        title_raw: b.add_text_field("title_raw", TextOptions::default().set_fast("raw")),
        source_raw: b.add_text_field("source_raw", TextOptions::default().set_fast("raw")),
        date_text: b.add_text_field("date_text", TextOptions::default().set_fast("raw")),
        quotes: b.add_u64_field("quotes", FAST),
        figures: b.add_u64_field("figures", FAST),
        hash: b.add_u64_field("hash", FAST | STORED),
        size: b.add_u64_field("size", FAST),
        mtime: b.add_u64_field("mtime", FAST),
        title: b.add_text_field("title", stemmed.clone() | STORED),
        body: b.add_text_field("body", stemmed.clone()),
        source: b.add_text_field("source", plain.clone() | STORED),
        date: b.add_text_field("date", STRING | STORED | FAST),
        speaker: b.add_text_field("speaker", plain),
        quote: b.add_text_field("quote", stemmed.clone()),
        figure: b.add_text_field("figure", stemmed),
        data: b.add_bytes_field("data", STORED),
    };
    let _ = INDEXED;
    (b.build(), fields)
}

/// The corpus folders an index in `dir` was built from, as recorded when it was created.
pub fn stored_roots(dir: &Path) -> Vec<PathBuf> {
    fs::read(dir.join("crosscheck.json"))
        .ok()
        .and_then(|b| serde_json::from_slice::<IndexMeta>(&b).ok())
        .map(|m| m.roots.into_iter().map(PathBuf::from).collect())
        .unwrap_or_default()
}

/// The index folder for a corpus: in the cache directory, named by a hash of the
/// corpus's absolute paths so each corpus has its own.
pub fn default_dir(cache: &Path, roots: &[PathBuf]) -> PathBuf {
    let key = corpus_key(roots);
    cache.join("indexes").join(key)
}

fn canonical_roots(roots: &[PathBuf]) -> Vec<String> {
    let mut v: Vec<String> = roots
        .iter()
        .map(|r| {
            fs::canonicalize(r)
                .unwrap_or_else(|_| r.clone())
                .display()
                .to_string()
        })
        .collect();
    v.sort();
    v.dedup();
    v
}

fn corpus_key(roots: &[PathBuf]) -> String {
    let joined = canonical_roots(roots).join("\n");
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(joined.as_bytes()))
}

/// An open corpus index.
pub struct CorpusIndex {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    /// Why the index was rebuilt on open, if it was.
    rebuilt: Option<String>,
    /// A commit the reader's view is at least as new as: read before each reload, so
    /// findings tagged with it never claim to be newer than the articles they came from.
    snapshot: std::sync::atomic::AtomicU64,
}

/// What the message says when another process holds the writer lock.
pub const LOCK_HELD: &str = "another crosscheck is updating this index";

/// The writer lock of an index folder, released when dropped (or when the process dies,
/// so a crash never leaves a stale lock behind).
pub struct WriterLock {
    _file: fs::File,
}

impl WriterLock {
    /// Takes the lock, or explains that another process holds it.
    pub fn acquire(dir: &Path) -> Result<WriterLock> {
        fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        let path = dir.join("crosscheck.lock");
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .with_context(|| format!("opening the lock file {}", path.display()))?;
        match file.try_lock() {
            Ok(()) => Ok(WriterLock { _file: file }),
            Err(fs::TryLockError::WouldBlock) => bail!(
                "{LOCK_HELD} (lock held on {}); wait for it to finish and run the command again",
                path.display()
            ),
            Err(fs::TryLockError::Error(e)) => {
                Err(e).with_context(|| format!("locking {}", path.display()))
            }
        }
    }
}

impl CorpusIndex {
    /// Opens the index in `dir`, creating it if needed, and rebuilding it (with a
    /// message in [`CorpusIndex::rebuilt`]) when it is of another version or corrupt.
    ///
    /// Creating or wiping an index takes the writer lock, so a process opening an index
    /// that another one is building never destroys its work; it is told about the lock.
    pub fn open(dir: &Path, roots: &[PathBuf]) -> Result<CorpusIndex> {
        fs::create_dir_all(dir)
            .with_context(|| format!("creating the index folder {}", dir.display()))?;
        let (schema, fields) = build_schema();
        let tantivy_dir = dir.join("tantivy");
        let meta_path = dir.join("crosscheck.json");
        let (mut opened, mut rebuilt) = Self::detect(dir, &schema);
        let mut _lock = None;
        if opened.is_none() {
            // Look again under the lock: another process may have just built it.
            _lock = Some(WriterLock::acquire(dir)?);
            (opened, rebuilt) = Self::detect(dir, &schema);
        }
        let index = match opened {
            Some(i) => i,
            None => {
                if tantivy_dir.exists() {
                    fs::remove_dir_all(&tantivy_dir).with_context(|| {
                        format!("removing the old index {}", tantivy_dir.display())
                    })?;
                }
                let _ = fs::remove_file(dir.join("crossref.json"));
                findings::remove(dir);
                fs::create_dir_all(&tantivy_dir)?;
                let index = Index::create_in_dir(&tantivy_dir, schema)
                    .with_context(|| format!("creating an index in {}", tantivy_dir.display()))?;
                let meta = IndexMeta {
                    version: SCHEMA_VERSION,
                    extractor: claims::EXTRACTOR_VERSION,
                    roots: canonical_roots(roots),
                };
                write_atomic(&meta_path, &serde_json::to_vec_pretty(&meta)?)
                    .with_context(|| format!("writing {}", meta_path.display()))?;
                index
            }
        };
        drop(_lock);
        let snapshot = index.load_metas().map_or(0, |m| m.opstamp);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .context("opening an index reader")?;
        Ok(CorpusIndex {
            dir: dir.to_path_buf(),
            index,
            reader,
            fields,
            rebuilt,
            snapshot: std::sync::atomic::AtomicU64::new(snapshot),
        })
    }

    /// The index in `dir` if it can be used as it is; otherwise why it must be rebuilt
    /// (`None` for a new index).
    fn detect(dir: &Path, schema: &Schema) -> (Option<Index>, Option<String>) {
        let tantivy_dir = dir.join("tantivy");
        let meta: Option<IndexMeta> = fs::read(dir.join("crosscheck.json"))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok());
        let mut rebuilt = None;
        let opened = match &meta {
            Some(m) if m.version == SCHEMA_VERSION && m.extractor != claims::EXTRACTOR_VERSION => {
                rebuilt = Some(
                    "claim extraction has changed since the index was built; rebuilding it"
                        .to_string(),
                );
                None
            }
            Some(m) if m.version == SCHEMA_VERSION && tantivy_dir.join("meta.json").exists() => {
                match Index::open_in_dir(&tantivy_dir) {
                    Ok(index) if index.schema() == *schema => Some(index),
                    Ok(_) => {
                        rebuilt = Some(
                            "the index was made with another schema; rebuilding it".to_string(),
                        );
                        None
                    }
                    Err(e) => {
                        rebuilt = Some(format!("the index is damaged ({e}); rebuilding it"));
                        None
                    }
                }
            }
            Some(m) if m.version != SCHEMA_VERSION => {
                rebuilt = Some(format!(
                    "the index was made by another version of crosscheck (schema {} instead of {}); rebuilding it",
                    m.version, SCHEMA_VERSION
                ));
                None
            }
            Some(_) => {
                rebuilt = Some("the index is incomplete; rebuilding it".to_string());
                None
            }
            None if tantivy_dir.exists() => {
                rebuilt = Some("the index has no readable version file; rebuilding it".to_string());
                None
            }
            None => None,
        };
        (opened, rebuilt)
    }

    /// Opens an index, and if it cannot be read at all, wipes and recreates it.
    pub fn open_or_rebuild(dir: &Path, roots: &[PathBuf]) -> Result<CorpusIndex> {
        match CorpusIndex::open(dir, roots) {
            Ok(i) => Ok(i),
            Err(first) if format!("{first}").contains(LOCK_HELD) => Err(first),
            Err(first) => {
                let lock = WriterLock::acquire(dir)?;
                let _ = fs::remove_dir_all(dir.join("tantivy"));
                let _ = fs::remove_file(dir.join("crosscheck.json"));
                drop(lock);
                let mut i = CorpusIndex::open(dir, roots)?;
                i.rebuilt = Some(format!(
                    "the index could not be opened ({first:#}); rebuilt it"
                ));
                Ok(i)
            }
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Sees what other processes (or another handle) committed since.
    pub fn reload(&self) -> Result<()> {
        let opstamp = self.index.load_metas()?.opstamp;
        self.reader.reload().context("reloading the index")?;
        self.snapshot
            .store(opstamp, std::sync::atomic::Ordering::SeqCst);
        Ok(())
    }

    /// The commit the reader's view is at least as new as.
    fn snapshot(&self) -> u64 {
        self.snapshot.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Why the index was rebuilt when it was opened, if it was.
    pub fn rebuilt(&self) -> Option<&str> {
        self.rebuilt.as_deref()
    }

    /// What the index holds now: path → (hash, size, mtime), read from fast fields.
    fn manifest(&self) -> Result<HashMap<String, (u64, u64, u64)>> {
        let searcher = self.reader.searcher();
        let mut out = HashMap::new();
        for seg in searcher.segment_readers() {
            let ff = seg.fast_fields();
            let Some(paths) = ff.str("path")? else {
                continue;
            };
            let hashes = ff.u64("hash")?;
            let sizes = ff.u64("size")?;
            let mtimes = ff.u64("mtime")?;
            let strings = column_strings(&paths)?;
            for doc in seg.doc_ids_alive() {
                let Some(path) = paths
                    .term_ords(doc)
                    .next()
                    .and_then(|o| strings.get(o as usize))
                else {
                    continue;
                };
                let get = |c: &tantivy::columnar::Column<u64>| c.first(doc).unwrap_or(0);
                out.insert(path.clone(), (get(&hashes), get(&sizes), get(&mtimes)));
            }
        }
        Ok(out)
    }

    /// Number of articles in the index.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn make_doc(
        &self,
        stored: &StoredArticle,
        hash: u64,
        size: u64,
        mtime: u64,
    ) -> Result<TantivyDocument> {
        let f = &self.fields;
        let a = &stored.article;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.id, &a.id);
        doc.add_text(f.path, &a.path);
        doc.add_u64(f.hash, hash);
        doc.add_u64(f.size, size);
        doc.add_u64(f.mtime, mtime);
        if let Some(t) = &a.title {
            doc.add_text(f.title, t);
            doc.add_text(f.title_raw, t);
        }
        doc.add_text(f.body, &a.body);
        if let Some(s) = &a.source {
            doc.add_text(f.source, s);
            doc.add_text(f.source_raw, s);
        }
        if let Some(d) = &a.date {
            doc.add_text(f.date, d.iso.as_deref().unwrap_or(&d.text));
            doc.add_text(f.date_text, &d.text);
        }
        let summary = ArticleSummary::of(stored);
        doc.add_u64(f.quotes, summary.quotes as u64);
        doc.add_u64(f.figures, summary.figures as u64);
        for q in &stored.claims.quotes {
            if let Some(s) = &q.speaker {
                doc.add_text(f.speaker, s);
            }
            doc.add_text(f.quote, &q.text);
        }
        for s in &stored.claims.statistics {
            let figure = match &s.subject {
                Some(sub) => format!("{} {}", s.text, sub),
                None => s.text.clone(),
            };
            doc.add_text(f.figure, &figure);
        }
        doc.add_bytes(f.data, &serde_json::to_vec(stored)?);
        Ok(doc)
    }

    /// Whether the corpus `roots` were checked (an update begun) less than `window` ago,
    /// by any process: see [`CorpusIndex::record_check`].
    pub fn checked_within(&self, window: std::time::Duration, roots: &[PathBuf]) -> bool {
        if window.is_zero() {
            return false;
        }
        let Ok(text) = fs::read_to_string(self.dir.join(CHECKED_FILE)) else {
            return false;
        };
        let Some((when, rest)) = text.split_once('\n') else {
            return false;
        };
        let Ok(ms) = when.parse::<u128>() else {
            return false;
        };
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis());
        rest == checked_roots(roots) && now >= ms && now - ms < window.as_millis()
    }

    /// Records that an update of `roots` that began at `started` has finished.
    pub fn record_check(&self, roots: &[PathBuf], started: std::time::SystemTime) {
        let ms = started
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis());
        let _ = write_atomic(
            &self.dir.join(CHECKED_FILE),
            format!("{ms}\n{}", checked_roots(roots)).as_bytes(),
        );
    }

    /// Brings the index up to date with the corpus: indexes added and changed files,
    /// deletes removed ones, and recomputes the cross-article findings if anything
    /// changed. Takes the writer lock for the whole update.
    pub fn update(
        &mut self,
        roots: &[PathBuf],
        limits: &Limits,
        analysis: Analysis,
        progress: &mut (dyn FnMut(Progress) + Send),
    ) -> Result<UpdateSummary> {
        let _lock = WriterLock::acquire(&self.dir)?;
        let mut stage = Stages::new();
        // Another process may have committed since we opened.
        self.reload()?;
        let mut summary = UpdateSummary {
            rebuilt: self.rebuilt.clone(),
            ..UpdateSummary::default()
        };
        let manifest = self.manifest()?;
        stage.done("manifest");
        let scan = corpus::scan(roots, limits);
        summary.skipped = scan.skipped;
        progress(Progress::Scanned {
            files: scan.files.len(),
        });
        stage.done("scan");

        // Files whose size and modification time match the index are not even read.
        let (same, maybe_changed): (Vec<_>, Vec<_>) = scan.files.iter().partition(|f| {
            manifest
                .get(&f.display)
                .is_some_and(|&(_, size, mtime)| size == f.size && mtime == f.mtime && mtime != 0)
        });
        summary.unchanged = same.len();

        enum Outcome {
            Unchanged,
            /// The article, kept for the analysis (`Analysis::Now`) only.
            Indexed(Option<Box<StoredArticle>>, Option<String>),
            Skipped(String),
            Failed(String),
        }
        let open_writer = |index: &Index| -> Result<IndexWriter> {
            let threads = std::thread::available_parallelism()
                .map_or(1, |n| n.get())
                .clamp(1, 4);
            index
                .writer_with_num_threads(threads, WRITER_MEMORY)
                .map_err(|e| match e {
                    tantivy::TantivyError::LockFailure(..) => anyhow::anyhow!(
                        "another process is writing to the index in {}; wait for it to finish",
                        self.dir.display()
                    ),
                    e => anyhow::Error::new(e).context("opening the index writer"),
                })
        };
        // The writer opens with the first change; documents go to Tantivy's indexing
        // threads while other files are still being read and extracted.
        let writer_cell: std::sync::OnceLock<std::result::Result<IndexWriter, String>> =
            std::sync::OnceLock::new();
        let writer_of = || {
            writer_cell
                .get_or_init(|| open_writer(&self.index).map_err(|e| format!("{e:#}")))
                .as_ref()
        };
        let path_term = |p: &str| Term::from_field_text(self.fields.path, p);
        let total = maybe_changed.len();
        let done = std::sync::atomic::AtomicUsize::new(0);
        let progress_mutex = std::sync::Mutex::new(&mut *progress);
        let this = &*self;
        let outcomes: Vec<(&corpus::FileEntry, Outcome)> = maybe_changed
            .par_iter()
            .map(|f| {
                let outcome = match corpus::read_text(&f.path, limits) {
                    Err(reason) => {
                        if manifest.contains_key(&f.display)
                            && let Ok(w) = writer_of()
                        {
                            w.delete_term(path_term(&f.display));
                        }
                        Outcome::Skipped(reason)
                    }
                    Ok(ft) => {
                        let hash = corpus::content_hash(&ft.bytes);
                        if manifest.get(&f.display).is_some_and(|&(h, ..)| h == hash) {
                            Outcome::Unchanged
                        } else {
                            let article = corpus::parse_article(&f.display, &ft.text);
                            let claims = claims::extract(&article.body);
                            let stored = StoredArticle { article, claims };
                            let added = this
                                .make_doc(&stored, hash, ft.bytes.len() as u64, f.mtime)
                                .and_then(|doc| {
                                    let w = writer_of().map_err(|e| anyhow::anyhow!("{e}"))?;
                                    w.delete_term(path_term(&f.display));
                                    w.add_document(doc)?;
                                    Ok(())
                                });
                            match added {
                                Ok(()) => Outcome::Indexed(
                                    (analysis == Analysis::Now).then(|| Box::new(stored)),
                                    ft.warning,
                                ),
                                Err(e) => Outcome::Failed(format!("{e:#}")),
                            }
                        }
                    }
                };
                let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                if (n.is_multiple_of(64) || n == total)
                    && let Ok(mut p) = progress_mutex.lock()
                {
                    (*p)(Progress::Indexed { done: n, total });
                }
                (*f, outcome)
            })
            .collect();
        stage.done("read, extract and add");

        let mut writer: Option<IndexWriter> = match writer_cell.into_inner() {
            Some(Ok(w)) => Some(w),
            Some(Err(e)) => bail!("{e}"),
            None => None,
        };
        let mut fresh: Vec<StoredArticle> = Vec::new();
        let seen: std::collections::HashSet<&str> =
            scan.files.iter().map(|f| f.display.as_str()).collect();
        for (f, outcome) in outcomes {
            match outcome {
                Outcome::Unchanged => summary.unchanged += 1,
                Outcome::Failed(e) => bail!("indexing {}: {e}", f.display),
                Outcome::Skipped(reason) => {
                    if manifest.contains_key(&f.display) {
                        summary.removed += 1;
                    }
                    summary.skipped.push(Skipped {
                        path: f.display.clone(),
                        reason,
                    });
                }
                Outcome::Indexed(stored, warning) => {
                    if let Some(message) = warning {
                        summary.warnings.push(Warning {
                            path: f.display.clone(),
                            message,
                        });
                    }
                    if let Some(stored) = stored {
                        fresh.push(*stored);
                    }
                    summary.indexed += 1;
                }
            }
        }
        for path in manifest.keys() {
            if !seen.contains(path.as_str()) {
                let w = match writer.as_mut() {
                    Some(w) => w,
                    None => writer.insert(open_writer(&self.index)?),
                };
                w.delete_term(path_term(path));
                summary.removed += 1;
            }
        }
        let changed = writer.is_some();
        if let Some(w) = writer.as_mut() {
            w.commit().context("committing the index")?;
            self.reload()?;
        }
        stage.done("tantivy commit");
        progress(Progress::Committed);
        // Searchable from here on; the findings follow.
        let opstamp = self.snapshot();
        // `Later` does not even look at the findings (a search never needs them).
        if analysis == Analysis::Now && (changed || !self.findings_current(&self.findings())) {
            progress(Progress::Analyzing);
            self.recompute_findings(fresh, opstamp, &mut stage)?;
        }
        if let Some(w) = writer {
            w.wait_merging_threads().context("merging index segments")?;
            stage.done("merges");
        }
        self.rebuilt = None;
        Ok(summary)
    }

    /// The stored findings (headings in memory, records on demand). They may be of an
    /// older commit while an update is running: see [`Findings::is_current`].
    pub fn findings(&self) -> Findings {
        findings::load(&self.dir)
    }

    /// Whether the stored findings belong to the index as it is now.
    pub fn findings_current(&self, f: &Findings) -> bool {
        f.is_current(self.snapshot(), crossref::ANALYSIS_VERSION)
    }

    /// Recomputes the findings over every article: the ones just indexed (`fresh`, in
    /// memory) and the rest, loaded from the index.
    fn recompute_findings(
        &self,
        fresh: Vec<StoredArticle>,
        opstamp: u64,
        stage: &mut Stages,
    ) -> Result<()> {
        let (records, figures, stories) = self.analyse(fresh, stage)?;
        stories::store(&self.dir, opstamp, crossref::ANALYSIS_VERSION, stories)?;
        findings::store(
            &self.dir,
            opstamp,
            crossref::ANALYSIS_VERSION,
            &records,
            figures,
        )?;
        stage.done("write findings");
        Ok(())
    }

    /// The findings over the articles in view: `fresh` ones in memory, the rest loaded.
    /// Articles are first grouped into stories (those that had one keep it), and figures
    /// are compared inside a story.
    fn analyse(
        &self,
        fresh: Vec<StoredArticle>,
        stage: &mut Stages,
    ) -> Result<(
        Vec<crossref::Record>,
        crossref::CorpusFigures,
        Vec<StoredStory>,
    )> {
        let fresh_ids: std::collections::HashSet<&str> =
            fresh.iter().map(|s| s.article.id.as_str()).collect();
        let mut articles = self.articles_where(|id| !fresh_ids.contains(id))?;
        drop(fresh_ids);
        articles.extend(fresh);
        articles.sort_by(|a, b| a.article.path.cmp(&b.article.path));
        stage.done("load articles");
        let views: Vec<ArticleClaims<'_>> = articles.iter().map(StoredArticle::view).collect();
        let found = crossref::stories(&views, &stories::previous(&self.dir));
        let stored = stories::stored(&found, &views);
        stage.done("stories");
        let crossref = crossref::analyze_in_stories(&views, &found, &mut |name, _| {
            stage.done(&format!("analysis: {name}"))
        });
        let figures = crossref::corpus_figures(&views);
        stage.done("analysis: corpus figures");
        drop(views);
        drop(articles);
        Ok((crossref::records(crossref), figures, stored))
    }

    /// The stories as last stored (empty before the first analysis), without
    /// recomputing them.
    pub fn stored_stories(&self) -> Vec<StoredStory> {
        stories::load(&self.dir).map(|x| x.2).unwrap_or_default()
    }

    /// The stories of the corpus, recomputed (and stored, under the writer lock) when
    /// they are missing or belong to an older commit.
    pub fn stories(&self) -> Result<Vec<StoredStory>> {
        let current = |s: &Option<(u64, u32, Vec<StoredStory>)>| {
            s.as_ref().is_some_and(|(op, an, _)| {
                *op == self.snapshot() && *an == crossref::ANALYSIS_VERSION
            })
        };
        let s = stories::load(&self.dir);
        if current(&s) {
            return Ok(s.map(|x| x.2).unwrap_or_default());
        }
        match WriterLock::acquire(&self.dir) {
            Ok(_lock) => {
                self.reload()?;
                if !current(&stories::load(&self.dir)) {
                    self.recompute_findings(Vec::new(), self.snapshot(), &mut Stages::new())?;
                }
                Ok(stories::load(&self.dir).map(|x| x.2).unwrap_or_default())
            }
            Err(_) => Ok(self.analyse(Vec::new(), &mut Stages::new())?.2),
        }
    }

    /// The cross-article findings stored with the index, recomputed if they are missing
    /// or belong to an older commit.
    ///
    /// Findings are stored only under the writer lock, tagged with the commit in view;
    /// when another process holds the lock, they are computed and returned, not stored.
    pub fn crossref(&self) -> Result<CrossRef> {
        let f = self.findings();
        if self.findings_current(&f) {
            return Ok(crossref::from_records(f.all()?));
        }
        match WriterLock::acquire(&self.dir) {
            Ok(_lock) => {
                self.reload()?;
                let f = self.findings();
                if !self.findings_current(&f) {
                    self.recompute_findings(Vec::new(), self.snapshot(), &mut Stages::new())?;
                }
                Ok(crossref::from_records(self.findings().all()?))
            }
            Err(_) => {
                let (records, ..) = self.analyse(Vec::new(), &mut Stages::new())?;
                Ok(crossref::from_records(records))
            }
        }
    }

    /// Every article's summary, from the index's columns, sorted by path.
    pub fn summaries(&self) -> Result<Vec<ArticleSummary>> {
        let searcher = self.reader.searcher();
        let mut out = Vec::with_capacity(searcher.num_docs() as usize);
        for seg in searcher.segment_readers() {
            let ff = seg.fast_fields();
            let col = |name: &str| ff.str(name).ok().flatten();
            let (Some(ids), Some(paths)) = (col("id"), col("path")) else {
                continue;
            };
            let (titles, sources, dates, texts) = (
                col("title_raw"),
                col("source_raw"),
                col("date"),
                col("date_text"),
            );
            let quotes = ff.u64("quotes")?;
            let figures = ff.u64("figures")?;
            // Each column's strings, read in one pass over its dictionary.
            let (ids, paths) = (Some(ids), Some(paths));
            let columns = [&ids, &paths, &titles, &sources, &dates, &texts].map(|c| {
                c.as_ref()
                    .map(|c| (c.clone(), column_strings(c)))
                    .transpose_io()
            });
            let mut strings = Vec::with_capacity(columns.len());
            for c in columns {
                strings.push(c?);
            }
            let get = |i: usize, doc: u32| -> Option<String> {
                let (col, strs) = strings[i].as_ref()?;
                let ord = col.term_ords(doc).next()?;
                strs.get(ord as usize).cloned()
            };
            for doc in seg.doc_ids_alive() {
                let date = get(4, doc);
                let text = get(5, doc);
                out.push(ArticleSummary {
                    id: get(0, doc).unwrap_or_default(),
                    path: get(1, doc).unwrap_or_default(),
                    title: get(2, doc),
                    source: get(3, doc),
                    date_iso: date.filter(|d| is_iso_date(d)),
                    date: text,
                    quotes: quotes.first(doc).unwrap_or(0) as usize,
                    figures: figures.first(doc).unwrap_or(0) as usize,
                });
            }
        }
        out.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(out)
    }

    fn stored_from_doc(&self, doc: &TantivyDocument) -> Result<StoredArticle> {
        let bytes = doc
            .get_first(self.fields.data)
            .and_then(|v| v.as_bytes())
            .context("an indexed article has no stored data")?;
        serde_json::from_slice(bytes).context("reading a stored article")
    }

    /// Every article in the index, sorted by path.
    pub fn articles(&self) -> Result<Vec<StoredArticle>> {
        let mut out = self.articles_where(|_| true)?;
        out.sort_by(|a, b| a.article.path.cmp(&b.article.path));
        Ok(out)
    }

    /// The articles whose id passes `keep`, loaded in parallel, in no particular order.
    fn articles_where(&self, keep: impl Fn(&str) -> bool + Sync) -> Result<Vec<StoredArticle>> {
        let searcher = self.reader.searcher();
        let mut addrs = Vec::with_capacity(searcher.num_docs() as usize);
        for (ord, seg) in searcher.segment_readers().iter().enumerate() {
            let ids = seg.fast_fields().str("id")?;
            let strings = match &ids {
                Some(c) => column_strings(c)?,
                None => Vec::new(),
            };
            for doc in seg.doc_ids_alive() {
                if let Some(ids) = &ids
                    && let Some(id) = ids
                        .term_ords(doc)
                        .next()
                        .and_then(|o| strings.get(o as usize))
                    && !keep(id)
                {
                    continue;
                }
                addrs.push(tantivy::DocAddress::new(ord as u32, doc));
            }
        }
        addrs
            .par_iter()
            .map(|&a| {
                let d: TantivyDocument = searcher.doc(a)?;
                self.stored_from_doc(&d)
            })
            .collect()
    }

    /// One article by id.
    pub fn article(&self, id: &str) -> Result<Option<StoredArticle>> {
        let searcher = self.reader.searcher();
        let query = tantivy::query::TermQuery::new(
            Term::from_field_text(self.fields.id, id),
            IndexRecordOption::Basic,
        );
        let top = searcher.search(
            &query,
            &tantivy::collector::TopDocs::with_limit(1).order_by_score(),
        )?;
        match top.first() {
            Some((_, addr)) => {
                let d: TantivyDocument = searcher.doc(*addr)?;
                Ok(Some(self.stored_from_doc(&d)?))
            }
            None => Ok(None),
        }
    }
}

/// Every string of a column's dictionary, by ordinal, read in one pass.
fn column_strings(c: &tantivy::columnar::StrColumn) -> std::io::Result<Vec<String>> {
    let mut out = Vec::with_capacity(c.num_terms());
    let mut stream = c.dictionary().stream()?;
    while stream.advance() {
        out.push(String::from_utf8_lossy(stream.key()).into_owned());
    }
    Ok(out)
}

trait TransposeIo<T> {
    fn transpose_io(self) -> std::io::Result<Option<T>>;
}

impl<A, B> TransposeIo<(A, B)> for Option<(A, std::io::Result<B>)> {
    fn transpose_io(self) -> std::io::Result<Option<(A, B)>> {
        match self {
            None => Ok(None),
            Some((a, Ok(b))) => Ok(Some((a, b))),
            Some((_, Err(e))) => Err(e),
        }
    }
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Stage timings of an update, printed to stderr when `CROSSCHECK_PROFILE` is set.
struct Stages {
    on: bool,
    start: std::time::Instant,
    last: std::time::Instant,
}

impl Stages {
    fn new() -> Stages {
        let now = std::time::Instant::now();
        Stages {
            on: std::env::var_os("CROSSCHECK_PROFILE").is_some(),
            start: now,
            last: now,
        }
    }

    fn done(&mut self, name: &str) {
        if self.on {
            eprintln!(
                "profile: {name}: {:.3} s (at {:.3} s)",
                self.last.elapsed().as_secs_f64(),
                self.start.elapsed().as_secs_f64()
            );
        }
        self.last = std::time::Instant::now();
    }
}
