//! Reading a corpus: finding article files on disk and turning each into an [`Article`].
//!
//! Parsing (`parse_article`) is pure; the walking and reading in [`scan`] and [`read_text`]
//! are the only I/O here, and they never stop a run: every file that cannot be used
//! becomes a [`Skipped`] entry with a reason the user can act on.

mod clean;
mod front;
mod html;
mod meta;
mod raw;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

pub use clean::{Removed, clean_extracted, clean_lines, normalize_space};
pub use front::{FrontMatter, front_matter};
pub use html::{Page, decode_html, extract_page, is_html_path, page_lines};
pub use meta::ArticleDate;
pub use raw::{RawText, raw_text};

/// File extensions read as articles.
pub const EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

/// Default limit on one article file's size; larger files are skipped with a warning.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// One news article, cleaned of page furniture.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: a hash of the article's path.
    pub id: String,
    pub path: String,
    pub title: Option<String>,
    /// The outlet, where the text tells it ("© 2025 WLRN", a newsroom e-mail domain).
    pub source: Option<String>,
    pub date: Option<ArticleDate>,
    /// Who wrote it, where the page's metadata says (web pages).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// The page's own address, where it gives one (web pages).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The feed it was fetched from (articles of crosscheck's feed store).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feed: Option<String>,
    /// Clean text: paragraphs separated by a blank line ("\n\n"). Claim offsets point here.
    pub body: String,
    /// Lines that were judged page furniture, with why, so the reader can show the raw text.
    pub removed: Vec<Removed>,
}

impl Article {
    /// Byte ranges of the paragraphs in `body`.
    pub fn paragraph_ranges(&self) -> Vec<std::ops::Range<usize>> {
        paragraph_ranges(&self.body)
    }
}

/// Byte ranges of the paragraphs of a body whose paragraphs are separated by "\n\n".
pub fn paragraph_ranges(body: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in body.match_indices("\n\n") {
        if i > start {
            out.push(start..i);
        }
        start = i + 2;
    }
    if start < body.len() {
        out.push(start..body.len());
    }
    out
}

/// A stable id for an article path.
pub fn article_id(path: &str) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(path.as_bytes()))
}

/// Turns the text of one file into an article. Pure: the same text gives the same article.
/// A web page (by its extension) is first reduced to its article and metadata.
pub fn parse_article(path: &str, text: &str) -> Article {
    if is_html_path(path) {
        return parse_page(path, text);
    }
    let all: Vec<&str> = text.lines().collect();
    if let Some(fm) = front_matter(&all) {
        return parse_with_front_matter(path, &all, fm);
    }
    let lines = all;
    let cleaned = clean_lines(&lines);
    let source = meta::find_source(&lines);
    let date = meta::publication_date(path, &lines);
    Article {
        id: article_id(path),
        path: path.to_string(),
        title: cleaned.title,
        source,
        date,
        byline: None,
        url: None,
        feed: None,
        body: cleaned.paragraphs.join("\n\n"),
        removed: cleaned.removed,
    }
}

/// A text file whose front matter gives its metadata: those first, the text's own after.
/// Removed lines keep their line numbers in the whole file.
fn parse_with_front_matter(path: &str, all: &[&str], fm: FrontMatter) -> Article {
    let lines = &all[fm.lines.min(all.len())..];
    let mut cleaned = if fm.extracted {
        clean_extracted(lines)
    } else {
        clean_lines(lines)
    };
    for r in &mut cleaned.removed {
        r.line += fm.lines;
    }
    let source = fm
        .source
        .or_else(|| meta::find_source(lines))
        .or_else(|| fm.url.as_deref().and_then(meta::host_of));
    let date = fm
        .date
        .as_deref()
        .and_then(meta::date_in_timestamp)
        .or_else(|| meta::publication_date(path, lines));
    Article {
        id: article_id(path),
        path: path.to_string(),
        title: fm.title.or(cleaned.title),
        source,
        date,
        byline: fm.byline,
        url: fm.url,
        feed: fm.feed,
        body: cleaned.paragraphs.join("\n\n"),
        removed: cleaned.removed,
    }
}

/// A web page as an article: the readability extractor's text, cleaned by the same
/// furniture rules as any text file; title, outlet and date from the page's metadata
/// first, from the text when the page gives none.
fn parse_page(path: &str, html: &str) -> Article {
    let page = extract_page(html);
    let lines: Vec<&str> = page.text.lines().collect();
    let cleaned = if page.whole_page {
        clean_lines(&lines)
    } else {
        clean_extracted(&lines)
    };
    let source = page
        .site_name
        .clone()
        .or_else(|| meta::find_source(&lines))
        .or_else(|| page.url.as_deref().and_then(meta::host_of));
    let date = page
        .published
        .as_deref()
        .and_then(meta::date_in_timestamp)
        .or_else(|| meta::publication_date(path, &lines));
    // The page's own title first; a headline line at the top of the text only without one.
    let title = page.title.clone().or(cleaned.title);
    Article {
        id: article_id(path),
        path: path.to_string(),
        title: title.map(|t| meta::strip_site_suffix(&t, page.site_name.as_deref())),
        source,
        date,
        byline: page.byline,
        url: page.url,
        feed: None,
        body: cleaned.paragraphs.join("\n\n"),
        removed: cleaned.removed,
    }
}

/// Why a file was not indexed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

/// A warning about a file that was still used (e.g. decoded lossily).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub path: String,
    pub message: String,
}

/// An article file found on disk, not yet read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileEntry {
    pub path: PathBuf,
    /// The path as shown to users and stored in the index.
    pub display: String,
    pub size: u64,
    /// Modification time in nanoseconds since the epoch (0 when unknown).
    pub mtime: u64,
}

/// The files of a corpus and what was left out while finding them.
#[derive(Debug, Default)]
pub struct Scan {
    pub files: Vec<FileEntry>,
    pub skipped: Vec<Skipped>,
}

/// Limits on what is read.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_file_bytes: u64,
    /// At most this many articles per run; the rest are reported as skipped.
    pub max_articles: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            max_articles: usize::MAX,
        }
    }
}

fn has_article_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Finds the article files under the given files and folders (recursively, following no
/// symlink loops), sorted by path so every run sees them in the same order.
pub fn scan(roots: &[PathBuf], limits: &Limits) -> Scan {
    // The walk reads directories only (the file types come from the directory entries);
    // the files' sizes and times are then looked up on every core, and what was found is
    // gone through in the walk's order, so the result is that of one serial walk.
    enum Found {
        Skipped(Skipped),
        File(PathBuf),
    }
    let mut found: Vec<Found> = Vec::new();
    for root in roots {
        if !root.exists() {
            found.push(Found::Skipped(Skipped {
                path: display_path(root),
                reason: "does not exist".into(),
            }));
            continue;
        }
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name();
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(err) => {
                    let path = err
                        .path()
                        .map(display_path)
                        .unwrap_or_else(|| display_path(root));
                    let is_symlink = err
                        .path()
                        .and_then(|p| fs::symlink_metadata(p).ok())
                        .is_some_and(|m| m.file_type().is_symlink());
                    let reason = if err.loop_ancestor().is_some() {
                        "symlink loop".to_string()
                    } else if is_symlink {
                        match err.io_error() {
                            Some(e) if e.kind() == std::io::ErrorKind::NotFound => {
                                "dangling symlink (its target does not exist)".to_string()
                            }
                            e => format!("cannot follow symlink: {}", io_reason(e)),
                        }
                    } else {
                        format!("cannot read: {}", io_reason(err.io_error()))
                    };
                    found.push(Found::Skipped(Skipped { path, reason }));
                    continue;
                }
            };
            let path = entry.path();
            // A file named explicitly is read whatever its extension.
            let wanted = entry.depth() == 0 || has_article_extension(path);
            let file_type = entry.file_type();
            if !file_type.is_file() {
                // A named pipe or device named like an article is reported, never opened
                // (opening a FIFO would wait for a writer forever).
                if wanted && !file_type.is_dir() {
                    found.push(Found::Skipped(Skipped {
                        path: display_path(path),
                        reason: format!("not a regular file ({})", special_kind(file_type)),
                    }));
                }
                continue;
            }
            if !wanted {
                continue;
            }
            found.push(Found::File(path.to_path_buf()));
        }
    }
    let metadata: Vec<Option<(String, Option<fs::Metadata>)>> = found
        .par_iter()
        .map(|f| match f {
            // Symlinks followed, as the walk follows them.
            Found::File(path) => Some((display_path(path), fs::metadata(path).ok())),
            Found::Skipped(_) => None,
        })
        .collect();
    let mut scan = Scan::default();
    for (f, md) in found.into_iter().zip(metadata) {
        let (path, (display, md)) = match (f, md) {
            (Found::File(path), Some(found)) => (path, found),
            (Found::Skipped(s), _) => {
                scan.skipped.push(s);
                continue;
            }
            (Found::File(_), None) => continue,
        };
        let Some(md) = md else {
            scan.skipped.push(Skipped {
                path: display,
                reason: "vanished while scanning".into(),
            });
            continue;
        };
        if md.len() > limits.max_file_bytes {
            scan.skipped.push(Skipped {
                path: display,
                reason: format!(
                    "too large ({} bytes; the limit is {} bytes, set max_file_bytes in the config to change it)",
                    md.len(),
                    limits.max_file_bytes
                ),
            });
            continue;
        }
        if scan.files.len() >= limits.max_articles {
            scan.skipped.push(Skipped {
                path: display,
                reason: format!(
                    "over the article limit of {} per run (max_articles in the config)",
                    limits.max_articles
                ),
            });
            continue;
        }
        let mtime = md
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0);
        scan.files.push(FileEntry {
            path,
            display,
            size: md.len(),
            mtime,
        });
    }
    scan.files.sort_by(|a, b| a.display.cmp(&b.display));
    scan.files.dedup_by(|a, b| a.display == b.display);
    scan
}

/// A path as shown to users and stored in the index. Names that are not valid UTF-8 keep
/// their undecodable bytes as `\xNN` escapes, so two such names never become the same
/// string (a lossy "�" would make them collide and one article would be lost).
pub fn display_path(path: &Path) -> String {
    if let Some(s) = path.to_str() {
        return s.to_string();
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in path.as_os_str().as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02X}"));
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        path.display().to_string()
    }
}

/// What kind of non-regular file a directory entry is, for a message.
fn special_kind(ft: fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "a named pipe";
        }
        if ft.is_socket() {
            return "a socket";
        }
        if ft.is_block_device() || ft.is_char_device() {
            return "a device";
        }
    }
    let _ = ft;
    "a special file"
}

fn io_reason(err: Option<&std::io::Error>) -> String {
    match err {
        Some(e) if e.kind() == std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        Some(e) if e.kind() == std::io::ErrorKind::NotFound => "vanished while reading".into(),
        Some(e) => e.to_string(),
        None => "unknown error".into(),
    }
}

/// The text of a file that can be indexed, with a warning when it had to be decoded lossily.
#[derive(Debug)]
pub struct FileText {
    pub text: String,
    pub bytes: Vec<u8>,
    pub warning: Option<String>,
}

/// Reads one article file. Binary files, files over the limit, unreadable and vanished files
/// are refused with a reason; invalid UTF-8 is decoded lossily with a warning.
pub fn read_text(path: &Path, limits: &Limits) -> Result<FileText, String> {
    // The file may have been replaced since the scan: never open a named pipe (that would
    // block) or a folder.
    let md = fs::metadata(path).map_err(|e| format!("cannot read: {}", io_reason(Some(&e))))?;
    if !md.is_file() {
        return Err(if md.is_dir() {
            "not a regular file (a folder)".to_string()
        } else {
            format!("not a regular file ({})", special_kind(md.file_type()))
        });
    }
    let file = fs::File::open(path).map_err(|e| format!("cannot read: {}", io_reason(Some(&e))))?;
    let mut bytes = Vec::new();
    // Read one byte past the limit so a file that grew since the scan is still caught.
    file.take(limits.max_file_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {}", io_reason(Some(&e))))?;
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(format!(
            "too large (over the limit of {} bytes)",
            limits.max_file_bytes
        ));
    }
    if path.to_str().is_some_and(is_html_path) {
        decode_page(bytes, None)
    } else {
        decode(bytes)
    }
}

/// Decides whether bytes are text and decodes them: UTF-8 when they are, else in the
/// charset they most likely are in (detected), with a warning.
pub fn decode(bytes: Vec<u8>) -> Result<FileText, String> {
    refuse_non_text(&bytes)?;
    let (text, warning) = match std::str::from_utf8(&bytes) {
        Ok(s) => (s.to_string(), None),
        Err(_) => {
            let encoding = html::guess_encoding(&bytes);
            let (s, used, _) = encoding.decode(&bytes);
            let bad = s.matches('\u{FFFD}').count();
            let mut warning = format!("not valid UTF-8: decoded as {} (detected)", used.name());
            if bad > 0 {
                warning.push_str(&format!(" with {bad} replacement character(s)"));
            }
            (s.into_owned(), Some(warning))
        }
    };
    Ok(FileText {
        text: strip_bom(text),
        bytes,
        warning,
    })
}

/// Decodes a saved web page: its charset from a BOM, `http_charset`, its `<meta>` tags or
/// detection.
pub fn decode_page(bytes: Vec<u8>, http_charset: Option<&str>) -> Result<FileText, String> {
    refuse_non_text(&bytes)?;
    let (text, warning) = decode_html(&bytes, http_charset);
    Ok(FileText {
        text: strip_bom(text),
        bytes,
        warning,
    })
}

fn refuse_non_text(bytes: &[u8]) -> Result<(), String> {
    if bytes.is_empty() || bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err("empty file".into());
    }
    if looks_binary(bytes) {
        return Err("binary file (not text)".into());
    }
    Ok(())
}

fn strip_bom(text: String) -> String {
    match text.strip_prefix('\u{FEFF}') {
        Some(t) => t.to_string(),
        None => text,
    }
}

/// A file is binary when its first 8 KiB hold a NUL byte or mostly non-text bytes.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    control * 10 > head.len()
}

/// Content hash of a file's bytes, used to tell changed files from unchanged ones.
pub fn content_hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_ranges_split_on_blank_lines() {
        let body = "One.\n\nTwo two.\n\nThree";
        let r = paragraph_ranges(body);
        let parts: Vec<&str> = r.iter().map(|r| &body[r.clone()]).collect();
        assert_eq!(parts, vec!["One.", "Two two.", "Three"]);
    }

    const PAGE: &str = r#"<html><head><meta charset="utf-8">
<title>Flood waters rise in the valley - Valley Courier</title>
<meta property="og:site_name" content="Valley Courier">
<meta property="og:url" content="https://www.valleycourier.example/news/flood">
<meta property="article:published_time" content="2024-06-02T10:00:00+02:00">
<meta name="author" content="Sam Poe"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/weather">Weather outlook</a></li></ul></nav>
<div class="story"><p>Flood waters rose by 2 metres overnight in the valley, and 340 homes were evacuated, the county said on Sunday morning.</p>
<h2>Roads closed</h2>
<p>"The river has not been this high since 1987," said the county's emergency chief, Ana Ruiz, adding that 12 roads would stay closed until Tuesday.</p>
<p>Share</p>
<p>Forecasters expect another 40 millimetres of rain by Monday night, which could push the river higher still in the lower valley towns.</p></div>
<footer><p>Sign up for our newsletter</p></footer></body></html>"#;

    #[test]
    fn a_web_page_is_read_as_its_article() {
        let a = parse_article("saved/flood.html", PAGE);
        assert_eq!(a.title.as_deref(), Some("Flood waters rise in the valley"));
        assert_eq!(a.source.as_deref(), Some("Valley Courier"));
        assert_eq!(a.byline.as_deref(), Some("Sam Poe"));
        assert_eq!(
            a.date.as_ref().and_then(|d| d.iso.as_deref()),
            Some("2024-06-02")
        );
        assert_eq!(
            a.url.as_deref(),
            Some("https://www.valleycourier.example/news/flood")
        );
        let paras: Vec<&str> = a.body.split("\n\n").collect();
        assert!(
            paras[0].starts_with("Flood waters rose by 2 metres"),
            "{paras:?}"
        );
        assert!(
            paras.contains(&"Roads closed"),
            "a subheading stays: {paras:?}"
        );
        assert!(!a.body.contains("Weather outlook") && !a.body.contains("newsletter"));
        assert!(
            !paras.contains(&"Share"),
            "a one-word line inside goes: {paras:?}"
        );
        assert!(a.removed.iter().any(|r| r.text == "Share"));
        // The claims are found in the extracted text.
        let c = crate::claims::extract(&a.body);
        assert!(
            c.quotes
                .iter()
                .any(|q| q.speaker.as_deref() == Some("Ana Ruiz"))
        );
        assert!(c.statistics.iter().any(|s| s.text.contains("340")));
        // The raw view shows the page's text: menus marked, the article's lines not.
        let raw = raw::page_raw_text(&a, PAGE);
        let mark = |needle: &str| {
            let i = raw.lines.iter().position(|l| l.contains(needle)).unwrap();
            raw.removed[i].clone()
        };
        assert!(mark("Weather outlook").unwrap().starts_with("page only"));
        assert_eq!(mark("Flood waters rose"), None);
        assert_eq!(
            mark("Share").as_deref(),
            Some("short line without sentence punctuation")
        );
    }

    #[test]
    fn a_page_without_metadata_takes_them_from_its_text() {
        let page = "<html><body><p>LONDON (Reuters) - Shares fell 3 percent on Friday after the company warned that profits would miss forecasts for a second year.</p><p>The board said it would meet again next month to consider the dividend and a sale of the European unit.</p></body></html>";
        let a = parse_article("2024-01-05-shares.htm", page);
        assert_eq!(a.source.as_deref(), Some("Reuters"));
        assert_eq!(a.date.and_then(|d| d.iso).as_deref(), Some("2024-01-05"));
        assert!(a.body.contains("Shares fell 3 percent"));
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert!(decode(b"abc\0def".to_vec()).unwrap_err().contains("binary"));
        assert!(decode(b"  \n\n".to_vec()).unwrap_err().contains("empty"));
    }

    #[test]
    fn text_that_is_not_utf8_is_decoded_in_its_charset_with_a_warning() {
        let t = decode(b"Caf\xe9 society said the cr\xe8me br\xfbl\xe9e was sold out.".to_vec())
            .unwrap();
        assert!(t.text.contains("Café society"), "{}", t.text);
        assert!(t.text.contains("crème brûlée"), "{}", t.text);
        let w = t.warning.unwrap();
        assert!(w.contains("UTF-8") && w.contains("windows-1252"), "{w}");
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_stay_distinct() {
        use std::os::unix::ffi::OsStrExt;
        let a = Path::new(std::ffi::OsStr::from_bytes(b"d/caf\xe9.txt"));
        let b = Path::new(std::ffi::OsStr::from_bytes(b"d/caf\xe8.txt"));
        assert_eq!(display_path(a), "d/caf\\xE9.txt");
        assert_ne!(display_path(a), display_path(b));
        assert_eq!(display_path(Path::new("d/café.txt")), "d/café.txt");
    }

    #[test]
    fn escape_sequences_alone_do_not_make_a_file_binary() {
        let t = decode(b"Title\n\nText with \x1b[31mred\x1b[0m in it.".to_vec()).unwrap();
        assert!(t.warning.is_none());
    }
}
