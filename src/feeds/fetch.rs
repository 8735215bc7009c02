//! `crosscheck fetch`: every feed, then each new or changed entry's page, by a small pool
//! of workers (at most two requests to one host at once); each entry's article is the
//! page's main text (readability), or the feed's own content when the page fails, is not
//! a web page, or says less; stored under the data dir (see [`super::store`]).

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

use serde::Serialize;

use super::http::{Client, Fetched, HttpOptions, Validators, host_key};
use super::list::Feed;
use super::parse::{Entry, ParsedFeed, parse_feed};
use super::store::{Change, EntryRecord, FeedRecord, FeedState, Store, StoredText};

/// How a fetch runs.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    pub http: HttpOptions,
    /// Request each entry's page (else the feed's content is the article).
    pub fetch_pages: bool,
    pub workers: usize,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            http: HttpOptions::default(),
            fetch_pages: true,
            workers: 6,
        }
    }
}

/// One thing that went wrong, for the summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FetchError {
    pub url: String,
    pub error: String,
}

/// What a fetch did (`fetch --json`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FetchSummary {
    pub feeds: usize,
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub not_modified: usize,
    pub errors: Vec<FetchError>,
}

/// How far a fetch is, for a progress line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FetchProgress {
    Feeds { done: usize, total: usize },
    Pages { done: usize, total: usize },
}

/// Fetches the feeds into the store. Errors of single feeds and pages are in the summary;
/// `Err` only when the store cannot be used at all.
pub fn fetch_all(
    feeds: &[Feed],
    store: &Store,
    options: &FetchOptions,
    progress: &(dyn Fn(FetchProgress) + Sync),
) -> Result<(FetchSummary, Vec<String>), String> {
    let _lock = store.lock()?;
    let (mut state, notice) = store.load_state();
    let notices: Vec<String> = notice.into_iter().collect();
    let client = Client::new(options.http.clone());
    let mut summary = FetchSummary::default();
    let now = || crate::calendar::utc_timestamp(std::time::SystemTime::now());

    // 1. The feeds.
    let fetchable: Vec<&Feed> = feeds.iter().filter(|f| f.is_fetchable()).collect();
    summary.feeds = fetchable.len();
    let results = run_pool(
        &fetchable,
        options.workers,
        |f| host_key(&f.url),
        |f| {
            let record = state.feeds.get(&f.url);
            let validators = Validators {
                etag: record.and_then(|r| r.etag.clone()),
                last_modified: record.and_then(|r| r.last_modified.clone()),
            };
            client.get(&f.url, &validators)
        },
        &|done, total| progress(FetchProgress::Feeds { done, total }),
    );

    // 2. What each feed says; the entries whose pages are wanted.
    struct Job {
        feed: usize,
        entry: Entry,
        file: String,
        feed_hash: u64,
        known: bool,
    }
    let mut jobs: Vec<Job> = Vec::new();
    let mut parsed_feeds: Vec<Option<ParsedFeed>> = Vec::new();
    for (i, (feed, result)) in fetchable.iter().zip(results).enumerate() {
        let record = state.feeds.entry(feed.url.clone()).or_default();
        record.last_fetch = Some(now());
        let outcome = match result {
            Ok(Fetched::NotModified) => {
                summary.not_modified += 1;
                Ok(None)
            }
            Ok(Fetched::Body(resp)) => parse_feed(&resp.bytes, Some(&resp.url)).map(|p| {
                record.etag = resp.validators.etag;
                record.last_modified = resp.validators.last_modified;
                if p.title.is_some() {
                    record.title.clone_from(&p.title);
                }
                Some(p)
            }),
            Err(e) => Err(e),
        };
        let parsed = match outcome {
            Ok(p) => {
                record.last_error = None;
                p
            }
            Err(e) => {
                record.last_error = Some(e.clone());
                summary.errors.push(FetchError {
                    url: feed.url.clone(),
                    error: e,
                });
                None
            }
        };
        if let Some(p) = &parsed {
            let mut seen = std::collections::HashSet::new();
            for entry in &p.entries {
                if !seen.insert(entry.key.clone()) {
                    continue;
                }
                let feed_hash = entry_hash(entry);
                let known = record.entries.get(&entry.key);
                if known.is_some_and(|k| k.feed_hash == feed_hash) {
                    summary.unchanged += 1;
                    continue;
                }
                jobs.push(Job {
                    feed: i,
                    file: known
                        .map(|k| k.file.clone())
                        .unwrap_or_else(|| Store::entry_file(&feed.url, &entry.key)),
                    entry: entry.clone(),
                    feed_hash,
                    known: known.is_some(),
                });
            }
        }
        parsed_feeds.push(parsed);
    }

    // 3. The pages.
    let pages = run_pool(
        &jobs,
        options.workers,
        |j| j.entry.link.as_deref().map(host_key).unwrap_or_default(),
        |j| match (&j.entry.link, options.fetch_pages) {
            (Some(link), true) => Some(client.get(link, &Validators::default())),
            _ => None,
        },
        &|done, total| progress(FetchProgress::Pages { done, total }),
    );

    // 4. Each entry's article, stored.
    for (job, page) in jobs.iter().zip(pages) {
        let feed = fetchable[job.feed];
        let record = state.feeds.entry(feed.url.clone()).or_default();
        let feed_name = feed
            .name
            .clone()
            .or_else(|| record.title.clone())
            .unwrap_or_else(|| feed.url.clone());
        let (article, page_error) = article_of(&job.entry, page, &feed_name);
        if let Some(e) = page_error {
            summary.errors.push(FetchError {
                url: job.entry.link.clone().unwrap_or_default(),
                error: e,
            });
        }
        let Some(article) = article else {
            continue;
        };
        match store.write_article(&job.file, &article) {
            Ok(change) => {
                match change {
                    Change::New if !job.known => summary.new += 1,
                    Change::Updated => summary.updated += 1,
                    _ => summary.unchanged += 1,
                }
                let e = record
                    .entries
                    .entry(job.entry.key.clone())
                    .or_insert_with(|| EntryRecord {
                        first_seen: Some(now()),
                        ..EntryRecord::default()
                    });
                e.file = job.file.clone();
                e.link = job.entry.link.clone();
                e.feed_hash = job.feed_hash;
                if change == Change::Updated {
                    e.revisions += 1;
                }
            }
            Err(e) => summary.errors.push(FetchError {
                url: job.entry.link.clone().unwrap_or_else(|| feed.url.clone()),
                error: format!("cannot store the article: {e}"),
            }),
        }
    }
    drop(parsed_feeds);
    store
        .save_state(&state)
        .map_err(|e| format!("cannot save the feed state: {e}"))?;
    Ok((summary, notices))
}

/// A hash of what a feed says of an entry.
fn entry_hash(e: &Entry) -> u64 {
    let text = format!(
        "{:?}\u{1}{:?}\u{1}{:?}\u{1}{:?}\u{1}{:?}",
        e.title, e.link, e.updated, e.content, e.summary
    );
    xxhash_rust::xxh3::xxh3_64(text.as_bytes())
}

/// Fewer words than this from the page, and the feed's own content (when longer) is
/// the article: the page was a consent wall, a paywall or a video.
const MIN_PAGE_WORDS: usize = 40;

/// An entry's article from its page (when fetched and readable) or the feed's content;
/// and the page's error, if it failed.
fn article_of(
    entry: &Entry,
    page: Option<Result<Fetched, String>>,
    feed_name: &str,
) -> (Option<StoredText>, Option<String>) {
    let mut meta = crate::corpus::FrontMatter {
        title: entry.title.clone(),
        source: Some(feed_name.to_string()),
        date: entry.published.clone().or_else(|| entry.updated.clone()),
        byline: entry.author.clone(),
        url: entry.link.clone(),
        feed: Some(feed_name.to_string()),
        guid: Some(entry.key.clone()),
        extracted: true,
        ..Default::default()
    };
    let feed_text = entry
        .content
        .as_deref()
        .or(entry.summary.as_deref())
        .map(feed_content_text)
        .unwrap_or_default();
    let mut error = None;
    let page_article = match page {
        Some(Ok(Fetched::Body(resp))) => {
            let is_html = resp
                .mime_type
                .as_deref()
                .is_none_or(|m| m.contains("html") || m == "text/plain");
            if is_html {
                let (html, _) = crate::corpus::decode_html(&resp.bytes, resp.charset.as_deref());
                Some(crate::corpus::extract_page(&html))
            } else {
                error = Some(format!(
                    "not a web page ({}); the feed's text is kept",
                    resp.mime_type.unwrap_or_default()
                ));
                None
            }
        }
        Some(Ok(Fetched::NotModified)) | None => None,
        Some(Err(e)) => {
            error = Some(if feed_text.is_empty() {
                e
            } else {
                format!("{e}; the feed's text is kept")
            });
            None
        }
    };
    let words = |s: &str| s.split_whitespace().count();
    let text = match page_article {
        Some(p)
            if !p.whole_page
                && (words(&p.text) >= MIN_PAGE_WORDS || words(&p.text) > words(&feed_text)) =>
        {
            meta.title = meta.title.or(p.title);
            if let Some(site) = p.site_name {
                meta.source = Some(site);
            }
            meta.byline = p.byline.or(meta.byline);
            meta.date = meta.date.or(p.published);
            meta.url = p.url.or(meta.url);
            p.text
        }
        _ => {
            if feed_text.trim().is_empty() {
                if error.is_none() {
                    error = Some("the entry has no text and no readable page".to_string());
                }
                return (None, error);
            }
            feed_text
        }
    };
    (Some(StoredText { meta, text }), error)
}

/// A feed entry's content as text: HTML reduced to its visible lines, text as it is.
fn feed_content_text(content: &str) -> String {
    if content.contains('<') && content.contains('>') {
        crate::corpus::page_lines(content).join("\n\n")
    } else {
        content.trim().to_string()
    }
}

/// Runs `work` on every item with `workers` threads, items of different hosts
/// interleaved so one slow host does not hold the others up; results in item order.
fn run_pool<T: Sync, R: Send>(
    items: &[T],
    workers: usize,
    host: impl Fn(&T) -> String,
    work: impl Fn(&T) -> R + Sync,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Vec<R> {
    let total = items.len();
    if total == 0 {
        return Vec::new();
    }
    // Round-robin over hosts.
    let mut by_host: Vec<(String, VecDeque<usize>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        let h = host(item);
        let slot = *index.entry(h.clone()).or_insert_with(|| {
            by_host.push((h, VecDeque::new()));
            by_host.len() - 1
        });
        by_host[slot].1.push_back(i);
    }
    let mut order = Vec::with_capacity(total);
    while order.len() < total {
        for (_, q) in &mut by_host {
            if let Some(i) = q.pop_front() {
                order.push(i);
            }
        }
    }
    let queue = Mutex::new(order.into_iter());
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..total).map(|_| None).collect());
    let done = Mutex::new(0usize);
    std::thread::scope(|s| {
        for _ in 0..workers.clamp(1, total) {
            s.spawn(|| {
                loop {
                    let next = queue.lock().unwrap_or_else(|e| e.into_inner()).next();
                    let Some(i) = next else { break };
                    let r = work(&items[i]);
                    results.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(r);
                    let mut d = done.lock().unwrap_or_else(|e| e.into_inner());
                    *d += 1;
                    progress(*d, total);
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .map(|r| r.expect("every item is worked on"))
        .collect()
}

/// One followed feed as `feeds list` and the reader's Feeds view show it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FeedRow {
    pub url: String,
    /// The user's name for it, else the feed's own title.
    pub title: Option<String>,
    pub tags: Vec<String>,
    /// Articles stored from it.
    pub articles: usize,
    pub unread: usize,
    pub last_fetch: Option<String>,
    pub last_error: Option<String>,
    /// The ids of its articles (for unread counts that follow the reading).
    #[serde(skip)]
    pub article_ids: Vec<String>,
}

/// The rows of the feeds followed, with their counts from the store (an article is read
/// when `is_read` says so of its id).
pub fn feed_rows(
    feeds: &[Feed],
    state: &FeedState,
    store: &Store,
    is_read: &dyn Fn(&str) -> bool,
) -> Vec<FeedRow> {
    let dir = store.articles_dir();
    feeds
        .iter()
        .map(|f| {
            let rec: Option<&FeedRecord> = state.feeds.get(&f.url);
            let ids: Vec<String> = rec
                .map(|r| {
                    r.entries
                        .values()
                        .map(|e| {
                            crate::corpus::article_id(&crate::corpus::display_path(
                                &dir.join(&e.file),
                            ))
                        })
                        .collect()
                })
                .unwrap_or_default();
            FeedRow {
                url: f.url.clone(),
                title: f.name.clone().or_else(|| rec.and_then(|r| r.title.clone())),
                tags: f.tags.clone(),
                articles: ids.len(),
                unread: ids.iter().filter(|id| !is_read(id.as_str())).count(),
                last_fetch: rec.and_then(|r| r.last_fetch.clone()),
                last_error: rec.and_then(|r| r.last_error.clone()),
                article_ids: ids,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pool_keeps_order_and_interleaves_hosts() {
        let items: Vec<(String, u32)> = (0..20)
            .map(|i| (if i < 10 { "a" } else { "b" }.to_string(), i))
            .collect();
        let started = Mutex::new(Vec::new());
        let out = run_pool(
            &items,
            1,
            |(h, _)| h.clone(),
            |(h, i)| {
                started.lock().unwrap().push(h.clone());
                i * 2
            },
            &|_, _| {},
        );
        assert_eq!(out, (0..20).map(|i| i * 2).collect::<Vec<_>>());
        let started = started.into_inner().unwrap();
        assert_eq!(&started[..4], ["a", "b", "a", "b"]);
    }

    #[test]
    fn a_page_that_says_less_than_the_feed_keeps_the_feed_text() {
        let entry = Entry {
            key: "k".into(),
            title: Some("T".into()),
            link: Some("https://x.example/a".into()),
            content: Some(format!("<p>{}</p>", "Full text of the story. ".repeat(30))),
            ..Entry::default()
        };
        let (a, err) = article_of(&entry, Some(Err("HTTP 404: not found".into())), "Feed");
        let a = a.unwrap();
        assert!(a.text.starts_with("Full text of the story."));
        assert_eq!(
            err.as_deref(),
            Some("HTTP 404: not found; the feed's text is kept")
        );
        let empty = Entry {
            content: None,
            ..entry
        };
        let (a, err) = article_of(&empty, None, "Feed");
        assert!(a.is_none() && err.is_some());
    }
}
