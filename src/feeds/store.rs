//! Where fetched articles live: under the data dir's `feeds/` folder, one Markdown file
//! per entry with its metadata as front matter (`articles/<feed>/<entry>.md`, read by the
//! corpus like any article file), the earlier versions of an entry whose text changed
//! (`revisions/<feed>/<entry>/<time>.md`, outside the corpus), and the fetch state
//! (`state.json`: validators, last fetch and error per feed, the entries seen).
//! Every file is written atomically; a damaged state file is kept aside, never
//! overwritten; one fetch at a time holds `lock`.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::corpus::{FrontMatter, front_matter, normalize_space};
use crate::fsutil::write_atomic;

/// The version of `state.json`'s format.
pub const STATE_VERSION: u32 = 1;

/// What crosscheck remembers of the feeds it fetched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeedState {
    pub version: u32,
    #[serde(default)]
    pub feeds: BTreeMap<String, FeedRecord>,
}

impl Default for FeedState {
    fn default() -> Self {
        FeedState {
            version: STATE_VERSION,
            feeds: BTreeMap::new(),
        }
    }
}

/// One feed's state.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FeedRecord {
    pub title: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// When it was last fetched (RFC 3339), whatever the outcome.
    pub last_fetch: Option<String>,
    /// The last fetch's error; `None` after a fetch that worked.
    pub last_error: Option<String>,
    /// The entries seen, by key (GUID or link).
    pub entries: BTreeMap<String, EntryRecord>,
}

/// One entry seen in a feed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EntryRecord {
    /// The article file, relative to the articles folder.
    pub file: String,
    pub link: Option<String>,
    /// A hash of what the feed says of the entry: when it is the same, the page is not
    /// requested again.
    pub feed_hash: u64,
    /// How many earlier versions are kept.
    pub revisions: u32,
    pub first_seen: Option<String>,
}

/// An article to store: its metadata (written as front matter) and text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoredText {
    pub meta: FrontMatter,
    pub text: String,
}

/// What writing an article did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    New,
    /// Its text changed; the earlier version was kept.
    Updated,
    Unchanged,
}

/// The feed store in a data folder.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

impl Store {
    pub fn new(data_dir: &Path) -> Store {
        Store {
            root: data_dir.join("feeds"),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The folder of stored articles: a corpus root.
    pub fn articles_dir(&self) -> PathBuf {
        self.root.join("articles")
    }

    pub fn revisions_dir(&self) -> PathBuf {
        self.root.join("revisions")
    }

    fn state_path(&self) -> PathBuf {
        self.root.join("state.json")
    }

    /// The saved state. A missing file is a fresh state; a damaged one is moved aside
    /// (its new name in the message) and a fresh state is used.
    pub fn load_state(&self) -> (FeedState, Option<String>) {
        let path = self.state_path();
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return (FeedState::default(), None);
            }
            Err(e) => {
                return (
                    FeedState::default(),
                    Some(format!("cannot read {}: {e}", path.display())),
                );
            }
        };
        match serde_json::from_slice::<FeedState>(&bytes) {
            Ok(s) if s.version <= STATE_VERSION => (s, None),
            Ok(s) => (
                FeedState::default(),
                Some(format!(
                    "{} is from a newer crosscheck (format {}); it is left as it is and not updated",
                    path.display(),
                    s.version
                )),
            ),
            Err(e) => {
                let aside = self.root.join(format!(
                    "state.json.damaged-{}",
                    crate::calendar::utc_timestamp(std::time::SystemTime::now()).replace(':', "")
                ));
                let moved = fs::rename(&path, &aside);
                (
                    FeedState::default(),
                    Some(match moved {
                        Ok(()) => format!(
                            "{} was damaged ({e}); kept as {} and started afresh",
                            path.display(),
                            aside.display()
                        ),
                        Err(m) => format!(
                            "{} was damaged ({e}) and could not be moved aside ({m})",
                            path.display()
                        ),
                    }),
                )
            }
        }
    }

    /// The saved state for reading only: a damaged file is reported, not moved.
    pub fn peek_state(&self) -> (FeedState, Option<String>) {
        let path = self.state_path();
        match fs::read(&path) {
            Ok(b) => match serde_json::from_slice::<FeedState>(&b) {
                Ok(s) => (s, None),
                Err(e) => (
                    FeedState::default(),
                    Some(format!(
                        "{} is damaged ({e}); the next fetch keeps it aside",
                        path.display()
                    )),
                ),
            },
            Err(_) => (FeedState::default(), None),
        }
    }

    pub fn save_state(&self, state: &FeedState) -> std::io::Result<()> {
        let json = serde_json::to_vec_pretty(state).map_err(std::io::Error::other)?;
        write_atomic(&self.state_path(), &json)
    }

    /// Holds the store for one fetch; `Err` when another process is fetching.
    pub fn lock(&self) -> Result<fs::File, String> {
        fs::create_dir_all(&self.root)
            .map_err(|e| format!("cannot create {}: {e}", self.root.display()))?;
        let path = self.root.join("lock");
        let file = crate::fsutil::lock_file(&path)?;
        match file.try_lock() {
            Ok(()) => Ok(file),
            Err(fs::TryLockError::WouldBlock) => {
                Err("another crosscheck is fetching the feeds now".to_string())
            }
            Err(fs::TryLockError::Error(e)) => Err(format!("cannot lock {}: {e}", path.display())),
        }
    }

    /// The file of a feed's entry, relative to the articles folder: stable for the
    /// entry's key, so a revised entry replaces its own file.
    pub fn entry_file(feed_url: &str, key: &str) -> String {
        let host = super::http::host_key(feed_url)
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect::<String>();
        let feed_hash = xxhash_rust::xxh3::xxh3_64(feed_url.as_bytes());
        let entry_hash = xxhash_rust::xxh3::xxh3_64(key.as_bytes());
        format!("{host}-{:08x}/{entry_hash:016x}.md", feed_hash as u32)
    }

    /// Writes an entry's article; an earlier version with other text is kept among the
    /// revisions first.
    pub fn write_article(&self, file: &str, article: &StoredText) -> std::io::Result<Change> {
        let path = self.articles_dir().join(file);
        let new = render(article);
        let old = match fs::read_to_string(&path) {
            Ok(s) => Some(s),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        };
        let change = match &old {
            None => Change::New,
            Some(o) if o == &new => return Ok(Change::Unchanged),
            Some(o) if body_of(o) == body_of(&new) => Change::Unchanged,
            Some(_) => Change::Updated,
        };
        if let (Change::Updated, Some(o)) = (change, &old) {
            let dir = self.revisions_dir().join(file.trim_end_matches(".md"));
            let stamp =
                crate::calendar::utc_timestamp(std::time::SystemTime::now()).replace(':', "");
            let mut aside = dir.join(format!("{stamp}.md"));
            let mut n = 1;
            while aside.exists() {
                n += 1;
                aside = dir.join(format!("{stamp}-{n}.md"));
            }
            write_atomic(&aside, o.as_bytes())?;
        }
        write_atomic(&path, new.as_bytes())?;
        Ok(change)
    }

    /// The earlier versions of an article file, oldest first.
    pub fn revisions_of(&self, file: &str) -> Vec<PathBuf> {
        let dir = self.revisions_dir().join(file.trim_end_matches(".md"));
        let mut out: Vec<PathBuf> = fs::read_dir(&dir)
            .map(|rd| rd.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        out.sort();
        out
    }
}

/// An article file's text: front matter, then the title as a heading, then the text.
pub fn render(a: &StoredText) -> String {
    let mut out = a.meta.render();
    if let Some(t) = a
        .meta
        .title
        .as_deref()
        .map(normalize_space)
        .filter(|t| !t.is_empty())
    {
        out.push_str(&format!("# {t}\n\n"));
    }
    out.push_str(a.text.trim());
    out.push('\n');
    out
}

/// The text of an article file after its front matter.
pub fn body_of(file_text: &str) -> &str {
    let lines: Vec<&str> = file_text.lines().collect();
    match front_matter(&lines) {
        Some(fm) => {
            let mut offset = 0;
            for l in file_text.split_inclusive('\n').take(fm.lines) {
                offset += l.len();
            }
            &file_text[offset.min(file_text.len())..]
        }
        None => file_text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> StoredText {
        StoredText {
            meta: FrontMatter {
                title: Some("Quake: \"two dead\"\nin city".into()),
                source: Some("Wire".into()),
                date: Some("2026-12-01T10:00:00+00:00".into()),
                url: Some("https://news.example/quake".into()),
                feed: Some("Wire feed".into()),
                guid: Some("urn:1".into()),
                extracted: true,
                ..FrontMatter::default()
            },
            text: text.into(),
        }
    }

    #[test]
    fn a_stored_article_reads_back_with_its_metadata() {
        let text = render(&article(
            "At least 70 people were injured, police said.\n\nMore.",
        ));
        let a = crate::corpus::parse_article("/d/x.md", &text);
        assert_eq!(a.title.as_deref(), Some("Quake: \"two dead\" in city"));
        assert_eq!(a.source.as_deref(), Some("Wire"));
        assert_eq!(a.url.as_deref(), Some("https://news.example/quake"));
        assert_eq!(a.feed.as_deref(), Some("Wire feed"));
        assert_eq!(a.date.and_then(|d| d.iso).as_deref(), Some("2026-12-01"));
        assert_eq!(
            a.body,
            "At least 70 people were injured, police said.\n\nMore."
        );
    }

    #[test]
    fn a_changed_text_keeps_the_earlier_version() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let file = Store::entry_file("https://news.example/rss", "urn:1");
        assert_eq!(
            store.write_article(&file, &article("One.")).unwrap(),
            Change::New
        );
        assert_eq!(
            store.write_article(&file, &article("One.")).unwrap(),
            Change::Unchanged
        );
        let mut moved = article("One.");
        moved.meta.date = Some("2026-12-02".into());
        assert_eq!(
            store.write_article(&file, &moved).unwrap(),
            Change::Unchanged
        );
        assert_eq!(
            store.write_article(&file, &article("Two.")).unwrap(),
            Change::Updated
        );
        let revs = store.revisions_of(&file);
        assert_eq!(revs.len(), 1);
        assert!(fs::read_to_string(&revs[0]).unwrap().ends_with("One.\n"));
        assert!(
            !revs[0].starts_with(store.articles_dir()),
            "revisions are not in the corpus"
        );
    }

    #[test]
    fn a_damaged_state_is_kept_aside_and_a_second_fetch_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let mut s = FeedState::default();
        s.feeds
            .insert("https://a.example/rss".into(), FeedRecord::default());
        store.save_state(&s).unwrap();
        assert_eq!(store.load_state(), (s, None));
        fs::write(
            store.root().join("state.json"),
            "{\"version\": 1, \"feeds\": ",
        )
        .unwrap();
        let (fresh, msg) = store.load_state();
        assert_eq!(fresh, FeedState::default());
        assert!(msg.unwrap().contains("damaged"));
        let kept: Vec<_> = fs::read_dir(store.root())
            .unwrap()
            .flatten()
            .filter(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with("state.json.damaged-")
            })
            .collect();
        assert_eq!(kept.len(), 1);
        assert_eq!(
            fs::read_to_string(kept[0].path()).unwrap(),
            "{\"version\": 1, \"feeds\": "
        );
        let held = store.lock().unwrap();
        assert!(store.lock().is_err());
        drop(held);
        assert!(store.lock().is_ok());
    }
}
