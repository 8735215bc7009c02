//! The stored findings: one record per line in `findings-<generation>.jsonl`, which
//! records touch each article in `findings-<generation>.keys` (binary), and the records'
//! headings, offsets and the corpus figures in `findings.json`.
//!
//! A reader loads `findings.json` alone (the headings of every finding, a few bytes each)
//! and reads a record from the `.jsonl` file only when it is shown. Both files are written
//! atomically, the records first: a crash between the two leaves the old heading file
//! pointing at the old records file, which is only deleted after the new headings are in
//! place. A reader holds its records file open, so a later update never pulls it away.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::crossref::{ArticleRecords, CorpusFigures, Record, RecordHead, RecordKind};
use crate::fsutil::{write_atomic, write_atomic_with};

const HEADS: &str = "findings.json";

#[derive(Serialize, Deserialize)]
struct StoredHeads {
    /// The index commit the findings were computed for.
    opstamp: u64,
    /// The analysis's version.
    analysis: u32,
    /// The records file, relative to the index folder.
    file: String,
    /// Per record: its heading, then where it stands in the file.
    heads: Vec<RecordHead>,
    spans: Vec<(u64, u32)>,
    figures: CorpusFigures,
    /// The article → records table, relative to the index folder.
    keys: String,
}

/// The findings of an index: every heading in memory, records read on demand.
pub struct Findings {
    heads: Vec<RecordHead>,
    spans: Vec<(u64, u32)>,
    figures: CorpusFigures,
    by_article: ArticleRecords,
    file: Option<fs::File>,
    /// Records held in memory instead of on disk (tests, fixtures).
    memory: Option<Vec<Record>>,
    opstamp: Option<(u64, u32)>,
}

impl Findings {
    /// No findings (a new index, or findings not computed yet).
    pub fn empty() -> Findings {
        Findings {
            heads: Vec::new(),
            spans: Vec::new(),
            figures: CorpusFigures::default(),
            by_article: ArticleRecords::default(),
            file: None,
            memory: None,
            opstamp: None,
        }
    }

    /// Findings held in memory.
    pub fn in_memory(records: Vec<Record>, figures: CorpusFigures) -> Findings {
        Findings {
            heads: records.iter().map(Record::head).collect(),
            spans: Vec::new(),
            figures,
            by_article: ArticleRecords::build(&records),
            file: None,
            memory: Some(records),
            opstamp: None,
        }
    }

    /// The heading of every record, in order.
    pub fn heads(&self) -> &[RecordHead] {
        &self.heads
    }

    pub fn figures(&self) -> &CorpusFigures {
        &self.figures
    }

    /// The numbers of the records that touch an article.
    pub fn of_article(&self, id: &str) -> &[u32] {
        self.by_article.of(id)
    }

    /// Whether these findings were computed for this commit and analysis version.
    pub fn is_current(&self, opstamp: u64, analysis: u32) -> bool {
        self.opstamp == Some((opstamp, analysis))
    }

    pub fn len(&self) -> usize {
        self.heads.len()
    }

    pub fn is_empty(&self) -> bool {
        self.heads.is_empty()
    }

    /// Reads record `n` from disk.
    /// The records that touch an article and are of a wanted kind, loaded.
    pub fn records_of(&self, id: &str, want: impl Fn(RecordKind) -> bool) -> Vec<Record> {
        self.of_article(id)
            .iter()
            .map(|&n| n as usize)
            .filter(|&n| self.heads.get(n).is_some_and(|h| want(h.kind)))
            .filter_map(|n| self.record(n).ok())
            .collect()
    }

    pub fn record(&self, n: usize) -> Result<Record> {
        use std::os::unix::fs::FileExt;
        if let Some(m) = &self.memory {
            return m.get(n).cloned().context("no such finding");
        }
        let (&(offset, len), Some(file)) = (
            self.spans.get(n).context("no such finding")?,
            self.file.as_ref(),
        ) else {
            anyhow::bail!("the findings file is not open");
        };
        let mut buf = vec![0u8; len as usize];
        file.read_exact_at(&mut buf, offset)
            .context("reading a finding")?;
        serde_json::from_slice(&buf).context("a stored finding is damaged")
    }

    /// Every record, in order.
    pub fn all(&self) -> Result<Vec<Record>> {
        (0..self.len()).map(|n| self.record(n)).collect()
    }
}

/// Loads the findings stored in `dir`; `Findings::empty()` when there are none or they
/// cannot be read (they are derived data and are recomputed).
pub fn load(dir: &Path) -> Findings {
    let Ok(bytes) = fs::read(dir.join(HEADS)) else {
        return Findings::empty();
    };
    let Ok(stored) = serde_json::from_slice::<StoredHeads>(&bytes) else {
        return Findings::empty();
    };
    if stored.heads.len() != stored.spans.len()
        || stored.file.contains('/')
        || stored.keys.contains('/')
    {
        return Findings::empty();
    }
    let Some(by_article) = fs::read(dir.join(&stored.keys))
        .ok()
        .and_then(|b| ArticleRecords::from_bytes(&b))
        .filter(|t| t.records.iter().all(|&n| (n as usize) < stored.heads.len()))
    else {
        return Findings::empty();
    };
    let Ok(file) = fs::File::open(dir.join(&stored.file)) else {
        return Findings::empty();
    };
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if stored
        .spans
        .iter()
        .any(|&(o, l)| o.saturating_add(l as u64) > size)
    {
        return Findings::empty();
    }
    Findings {
        heads: stored.heads,
        spans: stored.spans,
        figures: stored.figures,
        by_article,
        file: Some(file),
        memory: None,
        opstamp: Some((stored.opstamp, stored.analysis)),
    }
}

/// Writes findings for commit `opstamp` and removes older records files.
pub fn store(
    dir: &Path,
    opstamp: u64,
    analysis: u32,
    records: &[Record],
    figures: CorpusFigures,
) -> Result<()> {
    let mut spans = Vec::with_capacity(records.len());
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let stem = format!("findings-{opstamp}-{nanos:x}");
    let name = format!("{stem}.jsonl");
    let keys = format!("{stem}.keys");
    let path = dir.join(&name);
    // Written as it is serialised: the records of a large corpus are hundreds of MB.
    write_atomic_with(&path, |w| {
        let mut at = 0u64;
        let mut line = Vec::new();
        for r in records {
            line.clear();
            serde_json::to_writer(&mut line, r)?;
            spans.push((at, line.len() as u32));
            line.push(b'\n');
            w.write_all(&line)?;
            at += line.len() as u64;
        }
        Ok(())
    })
    .with_context(|| format!("writing {}", path.display()))?;
    let keys_path = dir.join(&keys);
    write_atomic(&keys_path, &ArticleRecords::build(records).to_bytes())
        .with_context(|| format!("writing {}", keys_path.display()))?;
    let heads = StoredHeads {
        opstamp,
        analysis,
        file: name.clone(),
        heads: records.iter().map(Record::head).collect(),
        spans,
        figures,
        keys,
    };
    let heads_path = dir.join(HEADS);
    write_atomic(&heads_path, &serde_json::to_vec(&heads)?)
        .with_context(|| format!("writing {}", heads_path.display()))?;
    for old in old_files(dir, &stem) {
        let _ = fs::remove_file(old);
    }
    Ok(())
}

/// Records and key files other than those of generation `keep`.
fn old_files(dir: &Path, keep: &str) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let ours = name.ends_with(".jsonl") || name.ends_with(".keys");
            let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
            (name.starts_with("findings-") && ours && stem != keep).then(|| e.path())
        })
        .collect()
}

/// Removes every stored finding (when the index is rebuilt).
pub fn remove(dir: &Path) {
    let _ = fs::remove_file(dir.join(HEADS));
    for old in old_files(dir, "") {
        let _ = fs::remove_file(old);
    }
}
