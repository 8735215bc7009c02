//! Saved web pages: the charset of their bytes, and the article inside the page.
//!
//! The main text is found by a readability extractor (`dom_smoothie`, a Rust port of
//! Mozilla's Readability; chosen after scoring the Rust candidates on a public article
//! extraction benchmark, see docs/BENCHMARKS.md); the title, byline, site name and dates
//! come from the page's metadata (JSON-LD, Open Graph, `<meta>` tags). Everything here is
//! pure: bytes or markup in, text out.

use encoding_rs::Encoding;

/// What a web page holds: its article's text and the page's metadata.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub site_name: Option<String>,
    /// The publication time as the page writes it (ISO 8601 as a rule).
    pub published: Option<String>,
    /// The page's own address (canonical link or `og:url`), when it gives one.
    pub url: Option<String>,
    /// The article's text: paragraphs separated by a blank line.
    pub text: String,
    /// The extractor found no article: `text` is all the page's visible text.
    pub whole_page: bool,
}

/// Files read as web pages.
pub fn is_html_path(path: &str) -> bool {
    let lower = path.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    path.contains('.') && matches!(lower.as_str(), "html" | "htm" | "xhtml")
}

/// Decodes a page's bytes: the charset from a byte-order mark, then the one the server
/// sent (`http_charset`), then a `<meta>` declaration near the top, then UTF-8 if the
/// bytes are valid UTF-8, then a guess from the bytes (chardetng). Returns the text and,
/// when the bytes did not fit the charset used, a warning.
pub fn decode_html(bytes: &[u8], http_charset: Option<&str>) -> (String, Option<String>) {
    let declared = Encoding::for_bom(bytes)
        .map(|(e, _)| e)
        .or_else(|| http_charset.and_then(|c| Encoding::for_label(c.trim().as_bytes())))
        .or_else(|| meta_charset(bytes));
    let encoding = match declared {
        // A page declared UTF-16 in a meta tag is really ASCII-compatible (the tag could
        // not have been read otherwise); the HTML standard reads it as UTF-8.
        Some(e)
            if (e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE)
                && Encoding::for_bom(bytes).is_none() =>
        {
            encoding_rs::UTF_8
        }
        Some(e) => e,
        None if std::str::from_utf8(bytes).is_ok() => encoding_rs::UTF_8,
        None => guess_encoding(bytes),
    };
    let (text, used, had_errors) = encoding.decode(bytes);
    let warning = had_errors.then(|| {
        format!(
            "not valid {}: decoded with replacement characters",
            used.name()
        )
    });
    (text.into_owned(), warning)
}

/// The charset bytes are most likely in, when they are not UTF-8 and say nothing.
pub fn guess_encoding(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

/// The charset a `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…;
/// charset=…">` in the first 1,024 bytes declares (the HTML standard's prescan, simplified:
/// the attribute is looked for inside each `<meta` tag).
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let start = from + at + 5;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + 7..];
            let rest = trim_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_start(rest);
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let len = rest
                    .iter()
                    .position(|&b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                    .unwrap_or(rest.len());
                if let Some(e) = Encoding::for_label(&rest[..len]) {
                    return Some(e);
                }
            }
        }
        from = end;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn trim_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| !s.is_empty())
}

/// Finds the article in a page's markup. When the extractor finds none (a page of links,
/// a very short page), the whole page's visible text is the article and the furniture
/// rules decide what stays.
pub fn extract_page(html: &str) -> Page {
    let html = &*limit_depth(html, MAX_DEPTH);
    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let Ok(mut readability) = dom_smoothie::Readability::new(html, None, Some(config)) else {
        return whole_page(html);
    };
    let own_url = page_url(&readability.doc);
    match readability.parse() {
        Ok(article) if !article.text_content.trim().is_empty() => Page {
            title: non_empty(Some(article.title)),
            byline: non_empty(article.byline),
            site_name: non_empty(article.site_name),
            published: non_empty(article.published_time),
            url: non_empty(article.url).or(own_url),
            text: paragraphs(&article.text_content),
            whole_page: false,
        },
        _ => {
            let meta = readability.get_article_metadata(readability.parse_json_ld());
            Page {
                title: non_empty(Some(meta.title)),
                byline: non_empty(meta.byline),
                site_name: non_empty(meta.site_name),
                published: non_empty(meta.published_time),
                url: non_empty(meta.url).or(own_url),
                ..whole_page(html)
            }
        }
    }
}

/// The page's own address: its canonical link, else its `og:url`; absolute http(s) only.
fn page_url(doc: &dom_query::Document) -> Option<String> {
    let canonical = doc.select(r#"link[rel="canonical"]"#).attr("href");
    let og = doc.select(r#"meta[property="og:url"]"#).attr("content");
    [canonical, og]
        .into_iter()
        .flatten()
        .map(|u| u.trim().to_string())
        .find(|u| u.starts_with("https://") || u.starts_with("http://"))
}

fn whole_page(html: &str) -> Page {
    Page {
        text: paragraphs(&page_lines(html).join("\n\n")),
        whole_page: true,
        ..Page::default()
    }
}

/// Text with each line a paragraph of its own (blocks are separated by a blank line, list
/// items and lines broken by `<br>` by one newline), paragraphs separated by a blank line.
fn paragraphs(text: &str) -> String {
    let lines: Vec<String> = text
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n\n")
}

/// The page's visible text, one line per block, scripts and styles left out: what the
/// reader's raw view shows of a web page.
pub fn page_lines(html: &str) -> Vec<String> {
    let html = &*limit_depth(html, MAX_DEPTH);
    let doc = dom_query::Document::from(html);
    doc.select("script, style, noscript, template, svg, head")
        .remove();
    let body = doc.select("body");
    let text = if body.exists() {
        body.formatted_text()
    } else {
        doc.formatted_text()
    };
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect()
}

/// Elements nested deeper than this are flattened into their ancestor at this depth
/// (browsers stop at 512): the extractor walks the tree recursively, and a page of
/// 200,000 nested `<div>`s would overflow the stack.
const MAX_DEPTH: usize = 256;

/// Elements that never have content or a closing tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "basefont", "bgsound", "frame",
];

/// Elements whose content is text up to their closing tag, never markup.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// The markup with every start tag that would open an element deeper than `max` left out,
/// with its end tag (their text stays, in the ancestor). Nesting is counted the simple
/// way, by start and end tags, which never counts less deep than the parser builds
/// (it closes a `<p>` or an `<li>` that we count as still open). Markup no deeper than
/// `max` is returned as it is, without copying.
pub fn limit_depth(html: &str, max: usize) -> std::borrow::Cow<'_, str> {
    if tag_depth(html, max, None) <= max {
        return std::borrow::Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    tag_depth(html, max, Some(&mut out));
    std::borrow::Cow::Owned(out)
}

/// The deepest nesting of the markup's tags; with `out`, also writes the markup with the
/// tags deeper than `max` left out.
/// Where the end tag `</name` of a raw-text element starts, searching from `from`
/// (the end of the markup when there is none).
fn end_tag_of(html: &str, from: usize, name: &str) -> usize {
    let b = html.as_bytes();
    let mut at = from;
    while let Some(p) = html[at..].find("</") {
        let s = at + p + 2;
        if b.len() >= s + name.len() && b[s..s + name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            return at + p;
        }
        at = s;
    }
    b.len()
}

fn tag_depth(html: &str, max: usize, mut out: Option<&mut String>) -> usize {
    let b = html.as_bytes();
    // Open elements: name and whether its tags are left out.
    let mut stack: Vec<(&str, bool)> = Vec::new();
    let mut deepest = 0;
    let mut i = 0;
    let mut copied = 0;
    let skip = |out: &mut Option<&mut String>, copied: &mut usize, from: usize, to: usize| {
        if let Some(o) = out.as_deref_mut() {
            o.push_str(&html[*copied..from]);
            *copied = to;
        }
    };
    while let Some(at) = b[i..].iter().position(|&c| c == b'<') {
        let start = i + at;
        let rest = &html[start..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(b.len(), |e| start + e + 3);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            i = rest.find('>').map_or(b.len(), |e| start + e + 1);
            continue;
        }
        let closing = rest.starts_with("</");
        let name_start = start + if closing { 2 } else { 1 };
        let name_len = b[name_start..]
            .iter()
            .position(|c| !c.is_ascii_alphanumeric() && *c != b'-' && *c != b':')
            .unwrap_or(b.len() - name_start);
        if name_len == 0 || !b[name_start].is_ascii_alphabetic() {
            i = start + 1;
            continue;
        }
        let name = &html[name_start..name_start + name_len];
        let end = html[name_start..]
            .find('>')
            .map_or(b.len(), |e| name_start + e + 1);
        i = end;
        if closing {
            if let Some(pos) = stack
                .iter()
                .rposition(|(n, _)| n.eq_ignore_ascii_case(name))
            {
                if stack[pos].1 {
                    skip(&mut out, &mut copied, start, end);
                }
                stack.truncate(pos);
            }
            continue;
        }
        let self_closing = html[start..end].ends_with("/>");
        if self_closing || VOID.iter().any(|v| v.eq_ignore_ascii_case(name)) {
            continue;
        }
        if RAW_TEXT.iter().any(|r| r.eq_ignore_ascii_case(name)) {
            // Its text runs to its end tag; a `<` inside is not a tag.
            i = end_tag_of(html, end, name);
            deepest = deepest.max(stack.len() + 1);
            if stack.len() >= max {
                // Too deep to keep: a script or style is no text, so all of it goes.
                let close_end = html[i..].find('>').map_or(b.len(), |e| i + e + 1);
                skip(&mut out, &mut copied, start, close_end);
                i = close_end;
            }
            continue;
        }
        let dropped = stack.len() >= max;
        if dropped {
            skip(&mut out, &mut copied, start, end);
        }
        stack.push((name, dropped));
        deepest = deepest.max(stack.len());
    }
    if let Some(o) = out {
        o.push_str(&html[copied..]);
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head><meta charset="utf-8">
<title>Storm closes ports | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="2024-03-05T08:30:00Z">
<meta name="author" content="Jane Roe">
<script>var tracking = "do not show";</script><style>p { color: red }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Storm closes ports</h1>
<p>A winter storm closed three ports on the northern coast on Tuesday, the harbour authority said, and ferries were cancelled until further notice.</p>
<p>"We have never seen waves like this in March," said the harbour master, Tom Reed, who has worked at the port for 30 years.</p>
<p>About 1,200 passengers were stranded overnight, and the coastguard said it had answered 14 calls for help since the storm began on Monday evening.</p>
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Ten recipes for spring</a></li><li><a href="/b">Local team wins again</a></li></ul></aside>
<footer>© 2024 The Daily Example. All rights reserved.</footer>
</body></html>"#;

    #[test]
    fn the_article_and_its_metadata_are_found() {
        let p = extract_page(PAGE);
        assert!(!p.whole_page);
        assert_eq!(p.site_name.as_deref(), Some("The Daily Example"));
        assert_eq!(p.byline.as_deref(), Some("Jane Roe"));
        assert_eq!(p.published.as_deref(), Some("2024-03-05T08:30:00Z"));
        assert!(p.title.as_deref().unwrap().contains("Storm closes ports"));
        let paras: Vec<&str> = p.text.split("\n\n").collect();
        assert!(paras.iter().any(|l| l.starts_with("A winter storm closed")));
        assert!(
            paras
                .iter()
                .any(|l| l.starts_with("About 1,200 passengers"))
        );
        for junk in [
            "do not show",
            "color: red",
            "Ten recipes",
            "All rights reserved",
        ] {
            assert!(!p.text.contains(junk), "{junk} in {:?}", p.text);
        }
    }

    #[test]
    fn the_whole_page_is_shown_without_scripts() {
        let lines = page_lines(PAGE);
        assert!(lines.iter().any(|l| l.contains("Ten recipes for spring")));
        assert!(lines.iter().any(|l| l.starts_with("A winter storm closed")));
        assert!(
            !lines
                .iter()
                .any(|l| l.contains("tracking") || l.contains("color"))
        );
    }

    #[test]
    fn a_page_without_an_article_keeps_its_text() {
        let p = extract_page("<html><body><p>Short note.</p></body></html>");
        assert!(p.text.contains("Short note."), "{p:?}");
    }

    #[test]
    fn charsets_follow_bom_then_server_then_meta_then_detection() {
        // "café" in windows-1252, declared in a meta tag.
        let latin = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xe9</body></html>";
        assert!(decode_html(latin, None).0.contains("café"));
        // The server's charset wins over the meta tag.
        let koi = b"<html><head><meta charset=\"utf-8\"></head><body>\xc1</body></html>";
        assert!(decode_html(koi, Some("koi8-r")).0.contains('\u{430}'));
        // http-equiv form.
        let equiv = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>\xe4\xe0</p>";
        assert!(decode_html(equiv, None).0.contains("да"));
        // A BOM wins over everything.
        let bom = b"\xef\xbb\xbf<meta charset=\"iso-8859-1\"><p>caf\xc3\xa9</p>";
        assert!(decode_html(bom, None).0.contains("café"));
        // Undeclared and not UTF-8: detected.
        let undeclared =
            "<p>Le café était très fréquenté, déclare le propriétaire de l'établissement.</p>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(undeclared);
        let (text, warning) = decode_html(&bytes, None);
        assert!(text.contains("café était très"), "{text}");
        assert!(warning.is_none());
    }

    #[test]
    fn deeply_nested_pages_are_flattened_not_overflowing() {
        // Runs on a test thread's 2 MiB stack, as small as an indexing thread's.
        let deep = format!(
            "<html><body>{}<p>The mayor said on Monday that the bridge would reopen in a week.</p>{}</body></html>",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        let p = extract_page(&deep);
        assert!(p.text.contains("the bridge would reopen"), "{:?}", p.text);
        assert!(page_lines(&deep).iter().any(|l| l.contains("bridge")));
        let formatting = format!("<body>{}text at the bottom", "<b><i>".repeat(50_000));
        assert!(
            extract_page(&formatting)
                .text
                .contains("text at the bottom")
        );
        // Within the limit nothing is copied or changed; beyond it the tags go, the text stays.
        assert!(matches!(
            limit_depth(PAGE, MAX_DEPTH),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(
            limit_depth("<a><b><c>x</c></b><script>if (a<b) {}</script></a>", 2),
            "<a><b>x</b><script>if (a<b) {}</script></a>"
        );
        assert_eq!(
            limit_depth("<a><b><script>if (a<b) {}</script>y</b></a>", 2),
            "<a><b>y</b></a>"
        );
        assert_eq!(
            tag_depth("<p><br><img src=x/><!-- <q><q> --><p>", 9, None),
            2
        );
    }

    #[test]
    fn html_paths() {
        assert!(is_html_path("a/b.HTML"));
        assert!(is_html_path("x.htm"));
        assert!(!is_html_path("html"));
        assert!(!is_html_path("a.txt"));
    }
}
