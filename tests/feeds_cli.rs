//! Feeds end to end: `crosscheck feeds …` and `crosscheck fetch` against an HTTP server
//! started on 127.0.0.1 inside each test (never a real site).

mod common;

use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use common::Sandbox;
use common::http::{Reply, Request, Server};

fn page(title: &str, word: &str) -> String {
    page_with(title, word, 70)
}

fn page_with(title: &str, word: &str, injured: u32) -> String {
    let mut p = format!(
        "<html><head><title>{title} | Harbour Times</title>\
         <meta property=\"og:site_name\" content=\"Harbour Times\">\
         <meta property=\"article:published_time\" content=\"2026-11-30T09:00:00Z\"></head>\
         <body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>{title}</h1>"
    );
    p.push_str(&format!(
        "<p>At least {injured} people were injured when the storm reached the {word} coast on Sunday, officials said.</p>\
         <p>\"We will rebuild every school and every clinic,\" said Mayor Ana Ruiz, speaking at the harbour.</p>"
    ));
    for i in 0..6 {
        p.push_str(&format!(
            "<p>Paragraph {i} of the report describes the damage along the seafront and the work of the crews who cleared the roads overnight.</p>"
        ));
    }
    p.push_str("</article><footer>© Harbour Times</footer></body></html>");
    p
}

fn rss(base: &str, items: &[(&str, &str, &str)]) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Harbour & Coast</title>",
    );
    for (guid, path, extra) in items {
        s.push_str(&format!(
            "<item><title>Story {guid}</title><link>{base}{path}</link><guid>{guid}</guid>\
             <pubDate>Mon, 30 Nov 2026 09:00:00 GMT</pubDate>{extra}</item>"
        ));
    }
    s.push_str("</channel></rss>");
    s
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn add_feed(sb: &Sandbox, url: &str, extra: &[&str]) {
    let mut args = vec!["feeds", "add", url];
    args.extend_from_slice(extra);
    let out = sb.command().args(&args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Commands here trust a check of the corpus for a minute: only the corpus's own writer
/// (`fetch`, which must always index what it stored) changes it.
fn trusting(sb: &Sandbox) -> std::process::Command {
    let mut c = sb.command();
    c.env("CROSSCHECK_RECHECK_SECS", "60");
    c
}

fn fetch(sb: &Sandbox) -> serde_json::Value {
    json_of(sb, &["fetch", "--json"])
}

fn json_of(sb: &Sandbox, args: &[&str]) -> serde_json::Value {
    common::json_output(
        trusting(sb).args(args).output().unwrap(),
        &format!("{args:?}"),
    )
}

fn write_config(sb: &Sandbox, text: &str) {
    let dir = sb.path("config/crosscheck");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), text).unwrap();
}

#[test]
fn feeds_are_added_listed_exported_imported_and_removed() {
    let sb = Sandbox::new();
    add_feed(
        &sb,
        "https://a.example/rss",
        &["--name", "Example A", "--tag", "news", "--tag", "local"],
    );
    add_feed(&sb, "https://b.example/atom.xml", &[]);
    let out = sb
        .command()
        .args(["feeds", "add", "file:///etc/passwd"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("only those are fetched"));
    // The list is a newsboat urls file beside the config.
    let urls = std::fs::read_to_string(sb.path("config/crosscheck/urls")).unwrap();
    assert_eq!(
        urls,
        "https://a.example/rss news local \"~Example A\"\nhttps://b.example/atom.xml\n"
    );
    let list = json_of(&sb, &["feeds", "list", "--json"]);
    let feeds = list["feeds"].as_array().unwrap();
    assert_eq!(feeds.len(), 2);
    assert_eq!(feeds[0]["title"], "Example A");
    assert_eq!(feeds[0]["tags"], serde_json::json!(["news", "local"]));
    assert_eq!(feeds[0]["articles"], 0);
    assert_eq!(feeds[0]["last_fetch"], serde_json::Value::Null);

    let opml = sb.command().args(["feeds", "export"]).output().unwrap();
    let opml_path = sb.path("feeds.opml");
    std::fs::write(&opml_path, &opml.stdout).unwrap();
    let other = Sandbox::new();
    let out = other
        .command()
        .args(["feeds", "import", opml_path.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("imported 2 new feed(s)"));
    let list2 = json_of(&other, &["feeds", "list", "--json"]);
    assert_eq!(list2["feeds"][0]["title"], "Example A");
    assert_eq!(
        list2["feeds"][0]["tags"],
        serde_json::json!(["news", "local"])
    );

    let out = sb
        .command()
        .args(["feeds", "remove", "https://b.example/atom.xml"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let out = sb
        .command()
        .args(["feeds", "remove", "https://b.example/atom.xml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        json_of(&sb, &["feeds", "list", "--json"])["feeds"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn fetch_stores_full_articles_and_a_second_fetch_is_conditional() {
    let state = Arc::new(Mutex::new(("one", "harbour", 70)));
    let base = Arc::new(Mutex::new(String::new()));
    let server = {
        let state = state.clone();
        let base = base.clone();
        Server::start(move |r: &Request| {
            let b = base.lock().unwrap().clone();
            let (version, word, injured) = *state.lock().unwrap();
            match r.path.as_str() {
                "/rss.xml" => {
                    let etag = format!("\"{version}\"");
                    if r.headers.get("if-none-match") == Some(&etag) {
                        return Reply::status(304);
                    }
                    let desc = format!("<description>Version {version}</description>");
                    let body = rss(
                        &b,
                        &[
                            ("g1", "/a1.html", desc.as_str()),
                            (
                                "g2",
                                "/missing",
                                "<content:encoded><![CDATA[<p>The council approved 12 new shelters & two clinics, the mayor said on Monday evening.</p>]]></content:encoded>",
                            ),
                            (
                                "g3",
                                "/report.pdf",
                                "<description>A report in PDF about the fishing quota.</description>",
                            ),
                        ],
                    );
                    Reply::ok("application/rss+xml", body).header("ETag", &etag)
                }
                "/a1.html" => {
                    let html = page_with("Storm hits the coast", word, injured);
                    if r.headers
                        .get("accept-encoding")
                        .is_some_and(|e| e.contains("gzip"))
                    {
                        Reply::ok("text/html; charset=utf-8", gzip(html.as_bytes()))
                            .header("Content-Encoding", "gzip")
                    } else {
                        Reply::ok("text/html; charset=utf-8", html)
                    }
                }
                "/report.pdf" => Reply::ok("application/pdf", b"%PDF-1.4 ...".to_vec()),
                _ => Reply::status(404),
            }
        })
    };
    *base.lock().unwrap() = server.base.clone();
    let sb = Sandbox::new();
    add_feed(&sb, &server.url("/rss.xml"), &["--tag", "weather"]);

    let s = fetch(&sb);
    assert_eq!(s["feeds"], 1);
    assert_eq!(s["new"], 3, "{s}");
    assert_eq!(s["updated"], 0);
    let errors = s["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 2, "{s}");
    assert!(
        errors
            .iter()
            .any(|e| e["error"].as_str().unwrap().contains("HTTP 404"))
    );
    assert!(errors.iter().any(|e| {
        e["error"]
            .as_str()
            .unwrap()
            .contains("not a web page (application/pdf)")
    }));
    let ua = &server.requests_to("/rss.xml")[0].headers["user-agent"];
    assert!(ua.starts_with("crosscheck/"), "{ua}");
    let page_req = &server.requests_to("/a1.html")[0];
    assert!(
        page_req.headers["accept-encoding"].contains("gzip"),
        "pages are asked for gzipped"
    );

    // The stored articles are the default corpus: searchable, with their claims.
    let hits = json_of(&sb, &["search", "harbour", "--json"]);
    assert_eq!(hits["total"], 1, "{hits}");
    let hit = &hits["hits"][0];
    assert_eq!(hit["title"], "Story g1", "the feed's headline");
    assert_eq!(hit["source"], "Harbour Times");
    assert!(hit["path"].as_str().unwrap().contains("/feeds/articles/"));
    let claims = json_of(&sb, &["claims", "--json"]);
    let text = claims.to_string();
    assert!(text.contains("Ana Ruiz"), "{text}");
    assert!(
        !text.contains("Home World"),
        "the page's navigation is not the article"
    );
    // The page that failed keeps the feed's full content.
    let shelters = json_of(&sb, &["search", "shelters", "--json"]);
    assert_eq!(shelters["total"], 1);

    let list = json_of(&sb, &["feeds", "list", "--json"]);
    let f = &list["feeds"][0];
    assert_eq!(f["title"], "Harbour & Coast");
    assert_eq!(f["articles"], 3);
    assert_eq!(f["unread"], 3);
    assert!(f["last_fetch"].is_string());

    // Unchanged feed: a conditional GET answered 304, no page requested again.
    let pages_before = server.requests_to("/a1.html").len();
    let s = fetch(&sb);
    assert_eq!(
        (s["new"].as_u64(), s["not_modified"].as_u64()),
        (Some(0), Some(1)),
        "{s}"
    );
    assert_eq!(
        server.requests_to("/rss.xml").last().unwrap().headers["if-none-match"],
        "\"one\""
    );
    assert_eq!(server.requests_to("/a1.html").len(), pages_before);

    // A revised story: its earlier version is kept, the index has the new text.
    *state.lock().unwrap() = ("two", "northern", 85);
    let s = fetch(&sb);
    assert_eq!(s["updated"], 1, "{s}");
    assert_eq!(s["new"], 0, "{s}");
    let revisions = walk(&sb.path("data/crosscheck/feeds/revisions"));
    assert_eq!(revisions.len(), 1, "{revisions:?}");
    assert!(
        std::fs::read_to_string(&revisions[0])
            .unwrap()
            .contains("harbour coast")
    );
    assert_eq!(json_of(&sb, &["search", "northern", "--json"])["total"], 1);
    assert_eq!(json_of(&sb, &["search", "shelters", "--json"])["total"], 1);
    // The revision is an `edited` finding: the figure that changed, with both sentences.
    let c = json_of(&sb, &["conflicts", "--json"]);
    let edited = c["edited"].as_array().unwrap();
    assert_eq!(edited.len(), 1, "{c}");
    let e = &edited[0];
    assert_eq!(e["kind"], "edited");
    assert_eq!(e["figures_changed"][0]["before"], "70");
    assert_eq!(e["figures_changed"][0]["after"], "85");
    assert!(
        e["figures_changed"][0]["sentence_after"]
            .as_str()
            .unwrap()
            .contains("northern coast")
    );
    assert!(e["quotes_reworded"].as_array().unwrap().is_empty());
    assert!(
        e["explanation"]
            .as_str()
            .unwrap()
            .contains("1 figure changed (70 → 85"),
        "{e}"
    );
    let text = sb.command().arg("conflicts").output().unwrap();
    assert!(String::from_utf8_lossy(&text.stdout).contains("EDITED: Story g1"));
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            if e.path().is_dir() {
                out.extend(walk(&e.path()));
            } else {
                out.push(e.path());
            }
        }
    }
    out
}

#[test]
fn bad_feeds_and_hostile_servers_are_errors_of_their_own() {
    let tries = Arc::new(AtomicUsize::new(0));
    let server = {
        let tries = tries.clone();
        Server::start(move |r: &Request| match r.path.as_str() {
            "/garbage" => Reply::ok("text/html", "<html><body>not a feed</body></html>"),
            "/loop" => Reply::status(302).header("Location", "/loop"),
            "/elsewhere" => Reply::status(301).header("Location", "file:///etc/passwd"),
            "/big" => Reply::ok("application/rss+xml", vec![b' '; 300_000]),
            "/slow" => Reply::ok("application/rss+xml", "<rss/>").delay(3_000),
            "/busy" => {
                if tries.fetch_add(1, Ordering::SeqCst) == 0 {
                    Reply::status(429).header("Retry-After", "1")
                } else {
                    Reply::ok(
                        "application/rss+xml",
                        "<rss version=\"2.0\"><channel><title>Busy</title><item><guid>b1</guid><title>Busy day</title><description>The port handled 4,000 containers on Tuesday, its director said.</description></item></channel></rss>",
                    )
                }
            }
            "/gone" => Reply::status(503).header("Retry-After", "3600"),
            _ => Reply::status(404),
        })
    };
    let sb = Sandbox::new();
    write_config(
        &sb,
        "[feeds]\nmax_response_bytes = 100000\ntimeout_secs = 1\nfetch_pages = false\n",
    );
    for p in [
        "/garbage",
        "/loop",
        "/elsewhere",
        "/big",
        "/slow",
        "/busy",
        "/gone",
    ] {
        add_feed(&sb, &server.url(p), &[]);
    }
    let s = fetch(&sb);
    assert_eq!(s["feeds"], 7);
    assert_eq!(
        s["new"], 1,
        "the feed that asked to wait a second is fetched: {s}"
    );
    let error_of = |p: &str| -> String {
        let url = server.url(p);
        s["errors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["url"] == url.as_str())
            .map(|e| e["error"].as_str().unwrap().to_string())
            .unwrap_or_else(|| panic!("no error for {p}: {s}"))
    };
    assert!(
        error_of("/garbage").starts_with("not a feed"),
        "{}",
        error_of("/garbage")
    );
    assert!(
        error_of("/loop").contains("more than 5 redirects"),
        "{}",
        error_of("/loop")
    );
    assert!(!error_of("/elsewhere").is_empty());
    assert!(
        error_of("/big").contains("limit of 100000 bytes"),
        "{}",
        error_of("/big")
    );
    assert!(
        error_of("/slow").contains("timed out"),
        "{}",
        error_of("/slow")
    );
    assert!(
        error_of("/gone").contains("retry after 3600 s"),
        "{}",
        error_of("/gone")
    );
    assert!(server.requests_to("/loop").len() <= 6);
    let list = json_of(&sb, &["feeds", "list", "--json"]);
    let busy = list["feeds"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["url"] == server.url("/busy").as_str())
        .unwrap()
        .clone();
    assert_eq!(busy["last_error"], serde_json::Value::Null);
    assert_eq!(busy["articles"], 1);
    let text = sb.command().args(["feeds", "list"]).output().unwrap();
    assert!(String::from_utf8_lossy(&text.stdout).contains("last error: not a feed"));
}

#[test]
fn no_more_than_two_requests_reach_one_host_at_once() {
    let base = Arc::new(Mutex::new(String::new()));
    let server = {
        let base = base.clone();
        Server::start(move |r: &Request| {
            let b = base.lock().unwrap().clone();
            if r.path == "/rss.xml" {
                let items: Vec<(String, String)> = (0..8)
                    .map(|i| (format!("g{i}"), format!("/p{i}.html")))
                    .collect();
                let refs: Vec<(&str, &str, &str)> = items
                    .iter()
                    .map(|(g, p)| (g.as_str(), p.as_str(), ""))
                    .collect();
                Reply::ok("application/rss+xml", rss(&b, &refs))
            } else {
                Reply::ok("text/html", page(&format!("Page {}", r.path), "eastern")).delay(150)
            }
        })
    };
    *base.lock().unwrap() = server.base.clone();
    let sb = Sandbox::new();
    add_feed(&sb, &server.url("/rss.xml"), &[]);
    let s = fetch(&sb);
    assert_eq!(s["new"], 8, "{s}");
    let most = server.max_at_once.load(Ordering::SeqCst);
    assert!((1..=2).contains(&most), "{most} requests at once");
}

#[test]
fn every_feed_format_and_the_rest_of_the_hostile_cases() {
    let base = Arc::new(Mutex::new(String::new()));
    let server = {
        let base = base.clone();
        Server::start(move |r: &Request| {
            let b = base.lock().unwrap().clone();
            let story = "The harbour authority said 40 boats were damaged in the storm overnight, and repairs would take weeks.";
            match r.path.as_str() {
                "/atom.xml" => Reply::ok(
                    "application/atom+xml",
                    format!(
                        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Atom Wire</title><entry><id>tag:a,1</id><title>Atom story</title><updated>2026-12-01T08:00:00Z</updated><content type=\"html\">&lt;p&gt;{story} Atomic.&lt;/p&gt;</content></entry></feed>"
                    ),
                ),
                "/feed.json" => Reply::ok(
                    "application/feed+json",
                    format!(
                        "{{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Json Wire\",\"items\":[{{\"id\":\"j1\",\"title\":\"Json story\",\"content_text\":\"{story} Jsonic.\"}}]}}"
                    ),
                ),
                "/rdf.xml" => Reply::ok(
                    "application/rdf+xml",
                    format!(
                        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\"><channel rdf:about=\"{b}/\"><title>Rdf Wire</title></channel><item rdf:about=\"{b}/cp1252.html\"><title>Rdf story</title><link>{b}/cp1252.html</link><description>Teaser.</description></item></rdf:RDF>"
                    ),
                ),
                "/dups.xml" => Reply::ok(
                    "application/rss+xml",
                    format!(
                        "<rss version=\"2.0\"><channel><title>Dups</title><item><guid>same</guid><title>First</title><description>{story} One.</description></item><item><guid>same</guid><title>Second</title><description>{story} Two.</description></item></channel></rss>"
                    ),
                ),
                "/bomb.xml" => Reply::ok(
                    "application/rss+xml",
                    format!(
                        "<rss version=\"2.0\"><channel><title>Bomb</title><item><guid>b1</guid><title>Bomb story</title><link>{b}/bomb.html</link><description>{story} Kept from the feed.</description></item><item><guid>c1</guid><title>Cookie story</title><link>{b}/cookies.html</link></item></channel></rss>"
                    ),
                ),
                // 50 MB of zeros, about 50 KB gzipped.
                "/bomb.html" => Reply::ok("text/html", gzip(&vec![b'0'; 50 * 1024 * 1024]))
                    .header("Content-Encoding", "gzip"),
                // Windows-1252 bytes, no charset anywhere.
                "/cp1252.html" => {
                    let page = b"<html><head><title>Caf\xe9 story</title></head><body><article><p>The caf\xe9 on the quay reopened on Monday after the storm, its owner told reporters in the afternoon.</p><p>Customers queued for an hour, and the owner said sales were \x93better than ever\x94 on the first day.</p></article></body></html>".to_vec();
                    Reply::ok("text/html", page)
                }
                "/cookies.html" => Reply::ok(
                    "text/html; charset=utf-8",
                    format!(
                        "<html><head><title>Cookie story</title><script>var tracking = 'We value your privacy';</script><style>.x{{}}</style></head><body><div id=\"cookie-banner\">We use cookies to improve your experience. Accept all cookies</div><nav><a href=\"/\">Home</a><a href=\"/news\">News</a></nav><article><h1>Cookie story</h1><p>{story}</p><p>The mayor said the town would pay for the repairs to the harbour wall, which were expected to cost more than 2 million euros.</p><p>Fishermen said they hoped to be back at sea by the end of the month if the weather held.</p></article><footer>Subscribe to our newsletter</footer></body></html>"
                    ),
                ),
                "/server-error.xml" => Reply::status(500),
                _ => Reply::status(404),
            }
        })
    };
    *base.lock().unwrap() = server.base.clone();
    let sb = Sandbox::new();
    write_config(&sb, "[feeds]\nmax_response_bytes = 1000000\n");
    for p in [
        "/atom.xml",
        "/feed.json",
        "/rdf.xml",
        "/dups.xml",
        "/bomb.xml",
        "/server-error.xml",
    ] {
        add_feed(&sb, &server.url(p), &[]);
    }
    let s = fetch(&sb);
    assert_eq!(s["feeds"], 6);
    assert_eq!(
        s["new"], 6,
        "atom, json, rdf, one of the duplicates, bomb (feed text), cookies: {s}"
    );
    let errors = s["errors"].as_array().unwrap();
    let error_for = |p: &str| {
        errors
            .iter()
            .find(|e| e["url"] == server.url(p).as_str())
            .map(|e| e["error"].as_str().unwrap().to_string())
    };
    assert!(
        error_for("/server-error.xml").unwrap().contains("HTTP 500"),
        "{s}"
    );
    let bomb = error_for("/bomb.html").unwrap();
    assert!(
        bomb.contains("limit of 1000000 bytes") && bomb.contains("the feed's text is kept"),
        "{bomb}"
    );
    for (query, total) in [
        ("Atomic", 1),
        ("Jsonic", 1),
        ("\"Kept from the feed\"", 1),
        ("One OR Two", 1),
    ] {
        assert_eq!(
            json_of(&sb, &["search", query, "--json"])["total"],
            total,
            "{query}"
        );
    }
    // The Windows-1252 page is decoded as such: "café", curly quotes.
    let cafe = json_of(&sb, &["search", "café", "--json"]);
    assert_eq!(cafe["total"], 1, "{cafe}");
    let claims = json_of(&sb, &["claims", "--json"]).to_string();
    assert!(
        claims.contains("better than ever"),
        "the quotation in curly quotes is found"
    );
    // The cookie banner, script, navigation and footer are not the article.
    for furniture in [
        "cookies to improve",
        "We value your privacy",
        "Subscribe to our newsletter",
        "Home News",
    ] {
        assert!(
            !claims.contains(furniture),
            "{furniture} leaked into the article"
        );
    }
    assert!(claims.contains("2 million euros"));
}
