//! The feeds a user follows, kept in a newsboat-compatible `urls` file beside the config
//! (`$XDG_CONFIG_HOME/crosscheck/urls`): one feed per line, its URL then its tags, a tag
//! `"~Name"` naming it; `#` starts a comment. Lines crosscheck does not change (comments,
//! newsboat's `query:` and `exec:` lines) are kept as they are when the file is rewritten.
//! OPML import and export live here too.

use std::path::{Path, PathBuf};

use quick_xml::events::Event;

/// One feed the user follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    pub url: String,
    /// The user's name for it (`"~Name"` in the urls file).
    pub name: Option<String>,
    pub tags: Vec<String>,
}

impl Feed {
    pub fn new(url: &str) -> Feed {
        Feed {
            url: url.to_string(),
            name: None,
            tags: Vec::new(),
        }
    }

    /// Only `http` and `https` feeds are fetched.
    pub fn is_fetchable(&self) -> bool {
        is_web_url(&self.url)
    }
}

/// Whether a URL is one crosscheck fetches: `http` or `https`, nothing else.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("http://") && url.len() > 7)
        || (lower.starts_with("https://") && url.len() > 8)
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Line {
    Feed(Feed),
    /// A comment, a blank line or a line crosscheck does not use, kept verbatim.
    Other(String),
}

/// The urls file: its feeds, with every other line kept in place.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedList {
    lines: Vec<Line>,
}

/// Where the urls file lives: beside the config file.
pub fn urls_path(config_file: &Path) -> PathBuf {
    config_file.parent().unwrap_or(Path::new(".")).join("urls")
}

impl FeedList {
    /// Reads a urls file's text. Never fails: a line that is not a feed is kept as it is.
    pub fn parse(text: &str) -> FeedList {
        let lines = text
            .lines()
            .map(|l| match parse_line(l) {
                Some(feed) => Line::Feed(feed),
                None => Line::Other(l.to_string()),
            })
            .collect();
        FeedList { lines }
    }

    /// The file's text, feeds written back in the urls format.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for l in &self.lines {
            match l {
                Line::Other(s) => out.push_str(s),
                Line::Feed(f) => out.push_str(&feed_line(f)),
            }
            out.push('\n');
        }
        out
    }

    pub fn feeds(&self) -> impl Iterator<Item = &Feed> {
        self.lines.iter().filter_map(|l| match l {
            Line::Feed(f) => Some(f),
            Line::Other(_) => None,
        })
    }

    pub fn get(&self, url: &str) -> Option<&Feed> {
        self.feeds().find(|f| f.url == url)
    }

    /// Adds a feed; one already listed gets the new name and tags added to its own.
    /// Returns whether the feed is new.
    pub fn add(&mut self, feed: Feed) -> bool {
        for l in &mut self.lines {
            if let Line::Feed(f) = l
                && f.url == feed.url
            {
                if feed.name.is_some() {
                    f.name = feed.name;
                }
                for t in feed.tags {
                    if !f.tags.contains(&t) {
                        f.tags.push(t);
                    }
                }
                return false;
            }
        }
        self.lines.push(Line::Feed(feed));
        true
    }

    /// Removes a feed; returns whether it was listed.
    pub fn remove(&mut self, url: &str) -> bool {
        let before = self.lines.len();
        self.lines
            .retain(|l| !matches!(l, Line::Feed(f) if f.url == url));
        self.lines.len() != before
    }

    /// The list in the file, or an empty one when there is no file yet.
    pub fn load(path: &Path) -> std::io::Result<FeedList> {
        match std::fs::read(path) {
            Ok(bytes) => Ok(FeedList::parse(&String::from_utf8_lossy(&bytes))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(FeedList::default()),
            Err(e) => Err(e),
        }
    }

    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        crate::fsutil::write_atomic(path, self.to_text().as_bytes())
    }
}

/// A urls line as a feed: a URL-looking first word, then tags.
fn parse_line(line: &str) -> Option<Feed> {
    let t = line.trim();
    if t.is_empty() || t.starts_with('#') {
        return None;
    }
    let words = split_words(t);
    let url = words.first()?;
    if !is_web_url(url) {
        return None;
    }
    let mut feed = Feed::new(url);
    for w in &words[1..] {
        if let Some(name) = w.strip_prefix('~') {
            feed.name = Some(name.to_string());
        } else if !w.is_empty() && !w.starts_with('!') {
            feed.tags.push(w.clone());
        }
    }
    Some(feed)
}

/// Words separated by white space; a double-quoted word may hold spaces and `\"`.
fn split_words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        if c == '#' {
            break;
        }
        let mut word = String::new();
        if c == '"' {
            chars.next();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => {
                        if let Some(n) = chars.next() {
                            word.push(n);
                        }
                    }
                    '"' => break,
                    c => word.push(c),
                }
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() {
                    break;
                }
                word.push(c);
                chars.next();
            }
        }
        out.push(word);
    }
    out
}

fn feed_line(f: &Feed) -> String {
    let mut line = f.url.clone();
    for t in &f.tags {
        line.push(' ');
        line.push_str(&word(t));
    }
    if let Some(n) = &f.name {
        line.push(' ');
        line.push_str(&word(&format!("~{n}")));
    }
    line
}

/// A tag as a urls-file word: quoted when it holds anything but plain characters.
fn word(s: &str) -> String {
    if !s.is_empty()
        && !s.starts_with('~')
        && s.chars()
            .all(|c| c.is_alphanumeric() || "-_./:".contains(c))
    {
        s.to_string()
    } else {
        format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

/// The feeds of an OPML file: each outline with an `xmlUrl`, tagged with the titles of
/// the outlines it is nested in and its own `category` attribute.
pub fn parse_opml(text: &str) -> Result<Vec<Feed>, String> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut stack: Vec<Option<String>> = Vec::new();
    let mut feeds = Vec::new();
    let mut saw_opml = false;
    loop {
        let event = reader.read_event().map_err(|e| {
            format!(
                "not well-formed OPML at byte {}: {e}",
                reader.buffer_position()
            )
        })?;
        match event {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "opml" => {
                saw_opml = true;
            }
            Event::Start(ref e) | Event::Empty(ref e) if e.name().as_ref() == "outline" => {
                let is_start = matches!(event, Event::Start(_));
                let mut url = None;
                let mut title = None;
                let mut text_attr = None;
                let mut category = None;
                for a in e.attributes().flatten() {
                    let v = a
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .map(|v| v.trim().to_string())
                        .unwrap_or_default();
                    match a.key.as_ref() {
                        "xmlUrl" | "xmlurl" => url = Some(v),
                        "title" => title = Some(v),
                        "text" => text_attr = Some(v),
                        "category" => category = Some(v),
                        _ => {}
                    }
                }
                let label = title
                    .filter(|t| !t.is_empty())
                    .or(text_attr.filter(|t| !t.is_empty()));
                match url {
                    Some(u) if !u.is_empty() => {
                        let mut feed = Feed::new(&u);
                        feed.name = label;
                        feed.tags = stack.iter().flatten().cloned().collect();
                        for c in category.iter().flat_map(|c| c.split(',')) {
                            // OPML categories may be paths: "/News/World".
                            for part in c.split('/').map(str::trim).filter(|p| !p.is_empty()) {
                                if !feed.tags.iter().any(|t| t == part) {
                                    feed.tags.push(part.to_string());
                                }
                            }
                        }
                        feeds.push(feed);
                        if is_start {
                            stack.push(None);
                        }
                    }
                    _ => {
                        if is_start {
                            stack.push(label);
                        }
                    }
                }
            }
            Event::End(e) if e.name().as_ref() == "outline" => {
                stack.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_opml {
        return Err("not an OPML file (no <opml> element)".to_string());
    }
    Ok(feeds)
}

/// The feeds as an OPML 2.0 document; tags go in each outline's `category` attribute.
pub fn to_opml(feeds: &[&Feed]) -> String {
    use quick_xml::escape::escape;
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n    <title>crosscheck feeds</title>\n  </head>\n  <body>\n",
    );
    for f in feeds {
        let name = f.name.as_deref().unwrap_or(&f.url);
        out.push_str(&format!(
            "    <outline type=\"rss\" text=\"{}\" title=\"{}\" xmlUrl=\"{}\"",
            escape(name),
            escape(name),
            escape(f.url.as_str())
        ));
        if !f.tags.is_empty() {
            out.push_str(&format!(
                " category=\"{}\"",
                escape(f.tags.join(",").as_str())
            ));
        }
        out.push_str("/>\n");
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_newsboat_urls_file_reads_and_writes_back_unchanged_lines() {
        let text = "# my feeds\nhttps://a.example/rss news \"long tag\" \"~Example A\"\n\"query:Unread:unread = \\\"yes\\\"\"\nhttp://b.example/atom.xml\n";
        let mut list = FeedList::parse(text);
        let feeds: Vec<&Feed> = list.feeds().collect();
        assert_eq!(feeds.len(), 2);
        assert_eq!(feeds[0].name.as_deref(), Some("Example A"));
        assert_eq!(feeds[0].tags, vec!["news", "long tag"]);
        assert_eq!(FeedList::parse(&list.to_text()), list);
        assert!(list.to_text().starts_with("# my feeds\n"));
        assert!(
            list.to_text()
                .contains("\"query:Unread:unread = \\\"yes\\\"\"\n")
        );
        assert!(!list.add(Feed {
            tags: vec!["news".into(), "world".into()],
            ..Feed::new("https://a.example/rss")
        }));
        assert_eq!(list.get("https://a.example/rss").unwrap().tags.len(), 3);
        assert!(list.remove("http://b.example/atom.xml"));
        assert!(!list.remove("http://b.example/atom.xml"));
        assert_eq!(list.feeds().count(), 1);
    }

    #[test]
    fn only_web_urls_are_feeds() {
        assert!(is_web_url("https://x.example/feed"));
        assert!(is_web_url("HTTP://x.example"));
        for u in [
            "file:///etc/passwd",
            "exec:ls",
            "javascript:alert(1)",
            "https://",
            "ftp://x",
        ] {
            assert!(!is_web_url(u), "{u}");
        }
        assert_eq!(FeedList::parse("exec:~/bin/feed.sh\n").feeds().count(), 0);
    }

    #[test]
    fn opml_nesting_becomes_tags_and_export_round_trips() {
        let opml = r#"<?xml version="1.0"?>
<opml version="1.0"><head><title>x</title></head><body>
  <outline text="News">
    <outline text="World">
      <outline text="Wire &amp; Co" type="rss" xmlUrl="https://wire.example/rss?a=1&amp;b=2"/>
    </outline>
    <outline title="Local" text="ignored" xmlUrl="http://local.example/feed" category="/City/Hall"/>
  </outline>
  <outline text="Loose" xmlUrl="https://loose.example/atom"/>
</body></opml>"#;
        let feeds = parse_opml(opml).unwrap();
        assert_eq!(feeds.len(), 3);
        assert_eq!(feeds[0].url, "https://wire.example/rss?a=1&b=2");
        assert_eq!(feeds[0].name.as_deref(), Some("Wire & Co"));
        assert_eq!(feeds[0].tags, vec!["News", "World"]);
        assert_eq!(feeds[1].name.as_deref(), Some("Local"));
        assert_eq!(feeds[1].tags, vec!["News", "City", "Hall"]);
        assert!(feeds[2].tags.is_empty());
        let back = parse_opml(&to_opml(&feeds.iter().collect::<Vec<_>>())).unwrap();
        assert_eq!(back, feeds);
        assert!(parse_opml("<html><body/></html>").is_err());
        assert!(parse_opml("<opml><body><outline").is_err());
    }
}
