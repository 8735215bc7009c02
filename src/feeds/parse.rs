//! A feed document (RSS 0.9x/1.0/2.0, Atom, JSON Feed) as the entries crosscheck stores,
//! by feed-rs. Real feeds are often not well-formed: a bare `&` is escaped before parsing,
//! and the parser, known to panic on some inputs, runs under [`crate::panics::catch_quietly`]
//! so a bad feed is an error for that feed only.

/// A parsed feed: its title and entries, newest first as the feed lists them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParsedFeed {
    pub title: Option<String>,
    pub entries: Vec<Entry>,
}

/// One entry of a feed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entry {
    /// The entry's id (GUID), else its link: what tells a revision from a new entry.
    pub key: String,
    pub title: Option<String>,
    /// The article's page, when it has an `http`/`https` one.
    pub link: Option<String>,
    /// RFC 3339.
    pub published: Option<String>,
    pub updated: Option<String>,
    pub author: Option<String>,
    /// The entry's full content, as HTML or text, when the feed carries it.
    pub content: Option<String>,
    /// The entry's summary (a teaser, usually).
    pub summary: Option<String>,
}

/// Parses a feed document. `base` resolves relative links.
pub fn parse_feed(bytes: &[u8], base: Option<&str>) -> Result<ParsedFeed, String> {
    let repaired = repair_ampersands(bytes);
    let parsed = crate::panics::catch_quietly(|| {
        feed_rs::parser::Builder::new()
            .base_uri(base)
            .sanitize_content(false)
            .build()
            .parse(repaired.as_slice())
    })
    .map_err(|p| format!("the feed parser failed on this document ({p})"))?;
    let feed = parsed.map_err(|e| format!("not a feed: {e}"))?;
    let entries = feed
        .entries
        .into_iter()
        .filter_map(|e| {
            let link = e
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(e.links.first())
                .map(|l| l.href.trim().to_string())
                .filter(|h| super::list::is_web_url(h));
            let key = if e.id.trim().is_empty() {
                link.clone()?
            } else {
                e.id.trim().to_string()
            };
            Some(Entry {
                key,
                title: e
                    .title
                    .map(|t| t.content.trim().to_string())
                    .filter(|t| !t.is_empty()),
                link,
                published: e.published.map(|d| d.to_rfc3339()),
                updated: e.updated.map(|d| d.to_rfc3339()),
                author: e
                    .authors
                    .first()
                    .and_then(|a| a.name.as_deref())
                    .map(|n| n.trim().to_string())
                    .filter(|a| !a.is_empty()),
                content: e
                    .content
                    .and_then(|c| c.body)
                    .filter(|b| !b.trim().is_empty()),
                summary: e
                    .summary
                    .map(|s| s.content)
                    .filter(|s| !s.trim().is_empty()),
            })
        })
        .collect();
    Ok(ParsedFeed {
        title: feed
            .title
            .map(|t| t.content.trim().to_string())
            .filter(|t| !t.is_empty()),
        entries,
    })
}

/// Escapes each `&` that does not start an entity or character reference, the most common
/// way a real RSS feed is not well-formed XML. JSON feeds are left alone.
pub fn repair_ampersands(bytes: &[u8]) -> Vec<u8> {
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if matches!(first, Some(b'{') | Some(b'[')) || !bytes.contains(&b'&') {
        return bytes.to_vec();
    }
    let mut out = Vec::with_capacity(bytes.len() + 64);
    let mut in_cdata = false;
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        if !in_cdata && rest.starts_with(b"<![CDATA[") {
            in_cdata = true;
        } else if in_cdata && rest.starts_with(b"]]>") {
            in_cdata = false;
        }
        if bytes[i] == b'&' && !in_cdata && !starts_reference(&rest[1..]) {
            out.extend_from_slice(b"&amp;");
        } else {
            out.push(bytes[i]);
        }
        i += 1;
    }
    out
}

/// `name;`, `#123;` or `#x1F;` (a reference's text after its `&`).
fn starts_reference(s: &[u8]) -> bool {
    let end = s.iter().take(32).position(|&b| b == b';');
    let Some(end) = end else { return false };
    let name = &s[..end];
    match name {
        [b'#', b'x' | b'X', hex @ ..] => !hex.is_empty() && hex.iter().all(u8::is_ascii_hexdigit),
        [b'#', dec @ ..] => !dec.is_empty() && dec.iter().all(u8::is_ascii_digit),
        _ => {
            !name.is_empty()
                && name[0].is_ascii_alphabetic()
                && name.iter().all(|b| b.is_ascii_alphanumeric())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire & Friends</title>
<item><title>Quake hits city</title><link>https://news.example/quake?id=1&src=rss</link>
<guid>urn:quake-1</guid><pubDate>Tue, 01 Dec 2026 10:00:00 GMT</pubDate>
<description>At least 70 were injured &amp; 3 died.</description></item>
<item><title>No id</title><link>https://news.example/b</link></item>
<item><title>Unsafe link</title><link>javascript:alert(1)</link><guid>g3</guid>
<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[<p>Full & text</p>]]></content:encoded></item>
</channel></rss>"#;

    #[test]
    fn rss_with_bare_ampersands_gives_its_entries() {
        let feed = parse_feed(RSS.as_bytes(), None).unwrap();
        assert_eq!(feed.title.as_deref(), Some("Wire & Friends"));
        assert_eq!(feed.entries.len(), 3);
        let e = &feed.entries[0];
        assert_eq!(e.key, "urn:quake-1");
        assert_eq!(
            e.link.as_deref(),
            Some("https://news.example/quake?id=1&src=rss")
        );
        assert_eq!(e.published.as_deref(), Some("2026-12-01T10:00:00+00:00"));
        assert_eq!(
            e.summary.as_deref(),
            Some("At least 70 were injured & 3 died.")
        );
        assert_eq!(feed.entries[2].link, None, "only http(s) links are kept");
        assert_eq!(
            feed.entries[2].content.as_deref(),
            Some("<p>Full & text</p>")
        );
    }

    #[test]
    fn atom_and_json_feed_are_read() {
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<entry><id>tag:a,2026:1</id><title>One</title><updated>2026-12-02T08:00:00Z</updated>
<link rel="alternate" href="/one"/><author><name>Jane Roe</name></author>
<content type="html">&lt;p&gt;Body&lt;/p&gt;</content></entry></feed>"#;
        let feed = parse_feed(atom.as_bytes(), Some("https://a.example/feed")).unwrap();
        let e = &feed.entries[0];
        assert_eq!(e.link.as_deref(), Some("https://a.example/one"));
        assert_eq!(e.author.as_deref(), Some("Jane Roe"));
        assert_eq!(e.content.as_deref(), Some("<p>Body</p>"));
        let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","url":"https://j.example/1","content_text":"Plain & simple."}]}"#;
        let feed = parse_feed(json.as_bytes(), None).unwrap();
        assert_eq!(feed.entries[0].content.as_deref(), Some("Plain & simple."));
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for bad in [
            "",
            "<html><body>hi</body></html>",
            "<rss><channel><item>",
            "{\"items\": 3}",
            "\u{0}\u{1}",
        ] {
            assert!(parse_feed(bad.as_bytes(), None).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn references_are_kept_and_bare_ampersands_escaped() {
        let out = repair_ampersands(b"a & b &amp; &#38; &#x26; &nbsp; <![CDATA[ & ]]> &");
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a &amp; b &amp; &#38; &#x26; &nbsp; <![CDATA[ & ]]> &amp;"
        );
    }
}
