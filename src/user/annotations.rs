//! The user's verdicts, notes and bookmarks on claims, kept in
//! `$XDG_DATA_HOME/crosscheck/annotations.json` with a format version. A claim is
//! identified by its stable id (article, kind, words, sentence) and also remembered by
//! its article's path and title, its words and its sentence, so an annotation is found
//! again after a re-extraction, a revision or a moved file ([`anchor`]); one whose claim
//! is gone is kept and shown as orphaned, never dropped.
//!
//! Writing takes a lock beside the file, reads what is on disk, applies the change and
//! writes the whole file atomically, so two processes annotating at once lose nothing. A
//! damaged file is kept aside under a new name, with a message, and never overwritten.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::claims::ClaimKind;
use crate::fsutil::write_atomic;

/// The version of the file's format.
pub const ANNOTATIONS_VERSION: u32 = 1;

/// The verdicts offered when the config names none.
pub const DEFAULT_VERDICTS: &[&str] = &["confirmed", "disputed", "false", "unverified"];

/// What the user concluded about one claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    pub claim_id: String,
    pub kind: ClaimKind,
    /// The claim's words and its sentence, to find it again.
    pub text: String,
    pub sentence: String,
    pub article_id: String,
    pub article_path: String,
    #[serde(default)]
    pub article_title: Option<String>,
    #[serde(default)]
    pub verdict: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub bookmark: bool,
    /// RFC 3339.
    pub updated: String,
}

impl Annotation {
    /// Its verdict and a ★ when bookmarked, for lists ("disputed ★"; empty for a bare
    /// note).
    pub fn label(&self) -> String {
        match (&self.verdict, self.bookmark) {
            (Some(v), true) => format!("{v} ★"),
            (Some(v), false) => v.clone(),
            (None, true) => "★".into(),
            (None, false) => String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct File {
    version: u32,
    annotations: Vec<Annotation>,
}

/// Where the annotations live in a data folder.
pub fn annotations_path(data_dir: &Path) -> PathBuf {
    data_dir.join("annotations.json")
}

/// Reads the annotations. Missing: none. Damaged or of a newer format: `Err` with a
/// message (the file is left where it is; [`update`] moves a damaged one aside).
pub fn load(path: &Path) -> Result<Vec<Annotation>, String> {
    match fs::read(path) {
        Ok(bytes) => match serde_json::from_slice::<File>(&bytes) {
            Ok(f) if f.version <= ANNOTATIONS_VERSION => Ok(f.annotations),
            Ok(f) => Err(format!(
                "{} is from a newer crosscheck (format {}); it is not changed",
                path.display(),
                f.version
            )),
            Err(e) => Err(format!("{} is damaged: {e}", path.display())),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(format!("cannot read {}: {e}", path.display())),
    }
}

/// Applies `change` to the annotations on disk under a lock and writes them back whole.
/// A damaged file is first moved aside (the message names where); a newer format is
/// never written over.
pub fn update(
    path: &Path,
    change: impl FnOnce(&mut Vec<Annotation>),
) -> Result<Option<String>, String> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let lock_path = dir.join("annotations.lock");
    let lock = crate::fsutil::lock_file(&lock_path)?;
    lock.lock()
        .map_err(|e| format!("cannot lock {}: {e}", lock_path.display()))?;
    let mut notice = None;
    let mut list = match load(path) {
        Ok(l) => l,
        Err(e) if e.contains("is damaged") => {
            let aside = dir.join(format!(
                "annotations.json.damaged-{}",
                crate::calendar::utc_timestamp(std::time::SystemTime::now()).replace(':', "")
            ));
            fs::rename(path, &aside)
                .map_err(|m| format!("{e}; it could not be moved aside: {m}"))?;
            notice = Some(format!(
                "{e}; kept as {} and started afresh",
                aside.display()
            ));
            Vec::new()
        }
        Err(e) => return Err(e),
    };
    change(&mut list);
    let json = serde_json::to_vec_pretty(&File {
        version: ANNOTATIONS_VERSION,
        annotations: list,
    })
    .map_err(|e| e.to_string())?;
    write_atomic(path, &json).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(notice)
}

/// Puts an annotation in place of the one on the same claim. An annotation left with no
/// verdict, no note and no bookmark is removed.
pub fn upsert(list: &mut Vec<Annotation>, a: Annotation) {
    list.retain(|x| x.claim_id != a.claim_id);
    if a.verdict.is_some() || a.note.is_some() || a.bookmark {
        list.push(a);
    }
}

/// The verdict after `current` in `labels` (the first when there is none; none after the
/// last), so one key cycles through them.
pub fn next_verdict(current: Option<&str>, labels: &[String]) -> Option<String> {
    match current.and_then(|v| labels.iter().position(|l| l == v)) {
        None => labels.first().cloned(),
        Some(i) => labels.get(i + 1).cloned(),
    }
}

/// Every claim of an article with its stable id, quotations first (as `Claims::ids`).
pub fn claims_with_ids<'a>(
    article_id: &str,
    claims: &'a crate::claims::Claims,
) -> Vec<(String, ClaimKind, &'a str, &'a str, std::ops::Range<usize>)> {
    let (qids, sids) = claims.ids(article_id);
    let quotes = claims.quotes.iter().zip(qids).map(|(q, id)| {
        (
            id,
            ClaimKind::Quote,
            q.text.as_str(),
            q.sentence.as_str(),
            q.start..q.end,
        )
    });
    let stats = claims.statistics.iter().zip(sids).map(|(s, id)| {
        (
            id,
            ClaimKind::Statistic,
            s.text.as_str(),
            s.sentence.as_str(),
            s.start..s.end,
        )
    });
    quotes.chain(stats).collect()
}

/// The id of the claim at `start..end` of an article.
pub fn id_at(
    article_id: &str,
    claims: &crate::claims::Claims,
    start: usize,
    end: usize,
) -> Option<String> {
    claims_with_ids(article_id, claims)
        .into_iter()
        .find(|c| c.4 == (start..end))
        .map(|c| c.0)
}

/// The annotation of the claim at `start..end` of an article: the user's one in
/// `existing`, or a new empty one. `None` when no claim is there.
pub fn for_claim(
    article: &crate::corpus::Article,
    claims: &crate::claims::Claims,
    start: usize,
    end: usize,
    existing: &[Annotation],
) -> Option<Annotation> {
    let (id, kind, text, sentence, _) = claims_with_ids(&article.id, claims)
        .into_iter()
        .find(|c| c.4 == (start..end))?;
    if let Some(a) = existing.iter().find(|a| a.claim_id == id) {
        return Some(a.clone());
    }
    Some(Annotation {
        claim_id: id,
        kind,
        text: text.to_string(),
        sentence: sentence.to_string(),
        article_id: article.id.clone(),
        article_path: article.path.clone(),
        article_title: article.title.clone(),
        verdict: None,
        note: None,
        bookmark: false,
        updated: String::new(),
    })
}

/// A claim as the annotations see it.
#[derive(Debug, Clone, Copy)]
pub struct ClaimAt<'a> {
    pub id: &'a str,
    pub kind: ClaimKind,
    pub text: &'a str,
    pub sentence: &'a str,
    pub article_id: &'a str,
    pub article_path: &'a str,
}

/// Where an annotation's claim is now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// The claim with this index in the list given, and how it was found.
    Found(usize, AnchorBy),
    /// The claim is gone (the annotation is kept).
    Orphaned,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnchorBy {
    Id,
    /// The same words in the same article (its sentence was edited).
    WordsInArticle,
    /// The same words and sentence in another file (the article moved).
    Moved,
}

/// Finds an annotation's claim among the corpus's claims: by id, else by its words in its
/// article, else by its words and sentence anywhere.
pub fn anchor(a: &Annotation, claims: &[ClaimAt]) -> Anchor {
    let fold = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(i) = claims.iter().position(|c| c.id == a.claim_id) {
        return Anchor::Found(i, AnchorBy::Id);
    }
    let text = fold(&a.text);
    if let Some(i) = claims
        .iter()
        .position(|c| c.kind == a.kind && c.article_id == a.article_id && fold(c.text) == text)
    {
        return Anchor::Found(i, AnchorBy::WordsInArticle);
    }
    let sentence = fold(&a.sentence);
    if let Some(i) = claims
        .iter()
        .position(|c| c.kind == a.kind && fold(c.text) == text && fold(c.sentence) == sentence)
    {
        return Anchor::Found(i, AnchorBy::Moved);
    }
    Anchor::Orphaned
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ann(id: &str, text: &str, note: &str) -> Annotation {
        Annotation {
            claim_id: id.into(),
            kind: ClaimKind::Statistic,
            text: text.into(),
            sentence: format!("Officials said {text} people died."),
            article_id: "a1".into(),
            article_path: "/c/a.txt".into(),
            article_title: None,
            verdict: Some("disputed".into()),
            note: Some(note.into()),
            bookmark: false,
            updated: "2026-12-03T00:00:00Z".into(),
        }
    }

    #[test]
    fn updates_merge_with_what_is_on_disk_and_a_damaged_file_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let p = annotations_path(dir.path());
        assert_eq!(load(&p).unwrap(), vec![]);
        update(&p, |l| upsert(l, ann("s-1", "12", "one"))).unwrap();
        update(&p, |l| upsert(l, ann("s-2", "13", "two"))).unwrap();
        update(&p, |l| upsert(l, ann("s-1", "12", "one, revised"))).unwrap();
        let l = load(&p).unwrap();
        assert_eq!(l.len(), 2);
        assert_eq!(
            l.iter()
                .find(|a| a.claim_id == "s-1")
                .unwrap()
                .note
                .as_deref(),
            Some("one, revised")
        );
        let mut cleared = ann("s-2", "13", "");
        (cleared.verdict, cleared.note) = (None, None);
        update(&p, |l| upsert(l, cleared)).unwrap();
        assert_eq!(load(&p).unwrap().len(), 1);

        fs::write(&p, "{\"version\":1,\"annotations\":[").unwrap();
        assert!(load(&p).unwrap_err().contains("damaged"));
        let msg = update(&p, |l| upsert(l, ann("s-3", "14", "three")))
            .unwrap()
            .unwrap();
        assert!(msg.contains("kept as"), "{msg}");
        let kept: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with("annotations.json.damaged-")
            })
            .collect();
        assert_eq!(
            fs::read_to_string(kept[0].path()).unwrap(),
            "{\"version\":1,\"annotations\":["
        );
        assert_eq!(load(&p).unwrap().len(), 1);

        fs::write(&p, "{\"version\":99,\"annotations\":[]}").unwrap();
        assert!(update(&p, |l| upsert(l, ann("s-4", "1", "x"))).is_err());
        assert_eq!(
            fs::read_to_string(&p).unwrap(),
            "{\"version\":99,\"annotations\":[]}"
        );
    }

    #[test]
    fn an_annotation_finds_its_claim_again_or_is_orphaned() {
        let a = ann("s-old", "12", "n");
        let at = |id: &'static str, article: &'static str, sentence: &'static str| ClaimAt {
            id,
            kind: ClaimKind::Statistic,
            text: "12",
            sentence,
            article_id: article,
            article_path: "/c/a.txt",
        };
        let same = "Officials said 12 people died.";
        assert_eq!(
            anchor(&a, &[at("x", "b", same), at("s-old", "a1", same)]),
            Anchor::Found(1, AnchorBy::Id)
        );
        assert_eq!(
            anchor(&a, &[at("s-new", "a1", "Now 12 people, officials said.")]),
            Anchor::Found(0, AnchorBy::WordsInArticle)
        );
        assert_eq!(
            anchor(&a, &[at("s-moved", "a9", same)]),
            Anchor::Found(0, AnchorBy::Moved)
        );
        assert_eq!(
            anchor(&a, &[at("s-x", "a9", "Other 12.")]),
            Anchor::Orphaned
        );
    }
}
