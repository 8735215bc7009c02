//! Mutation fuzzing of the feed parser without cargo-fuzz: real-shaped RSS, Atom, RDF
//! and JSON feeds, mutated (bytes flipped, spans deleted, duplicated or spliced from
//! another feed) by a seeded generator; counts how often feed-rs itself panics, and
//! checks that `crosscheck::feeds::parse::parse_feed` (which catches those panics) never
//! lets one through.
//!
//!     cargo run --release --example feed_fuzz -- [ITERATIONS] [SEED]

use std::panic::{AssertUnwindSafe, catch_unwind};

const SEEDS: &[&str] = &[
    r#"<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Wire</title><link>https://wire.example/</link><item><title>Quake hits &amp; shakes</title><link>https://wire.example/a?x=1&amp;y=2</link><guid isPermaLink="false">urn:1</guid><pubDate>Tue, 01 Dec 2026 10:00:00 GMT</pubDate><dc:creator>Jane Roe</dc:creator><description><![CDATA[<p>At least 70 injured</p>]]></description><content:encoded><![CDATA[<p>Full text</p>]]></content:encoded><media:content url="https://wire.example/a.jpg" medium="image"/><enclosure url="https://wire.example/a.mp3" length="123" type="audio/mpeg"/></item></channel></rss>"#,
    r#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://a.example/"><title type="text">A</title><updated>2026-12-02T08:00:00Z</updated><entry><id>tag:a,2026:1</id><title type="html">One &lt;b&gt;two&lt;/b&gt;</title><updated>2026-12-02T08:00:00+01:00</updated><published>2026-12-01</published><link rel="alternate" href="/one"/><author><name>Jane</name><uri>https://a.example/j</uri></author><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Body</p></div></content><category term="world"/></entry></feed>"#,
    r#"<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="https://r.example/"><title>R</title><link>https://r.example/</link><items><rdf:Seq><rdf:li resource="https://r.example/1"/></rdf:Seq></items></channel><item rdf:about="https://r.example/1"><title>Item</title><link>https://r.example/1</link><dc:date>2026-12-01T00:00:00Z</dc:date><description>Text</description></item></rdf:RDF>"#,
    r#"{"version":"https://jsonfeed.org/version/1.1","title":"J","home_page_url":"https://j.example/","items":[{"id":"1","url":"https://j.example/1","title":"T","content_html":"<p>x</p>","date_published":"2026-12-01T00:00:00Z","authors":[{"name":"A"}],"attachments":[{"url":"https://j.example/a.mp3","mime_type":"audio/mpeg","size_in_bytes":10}]}]}"#,
    r#"<rss version="0.91"><channel><title>Old</title><language>en</language><item><title>x</title><link>http://o.example/1</link><description>y & z</description></item></channel></rss>"#,
];

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(rng: &mut Rng) -> Vec<u8> {
    let mut b = SEEDS[rng.below(SEEDS.len())].as_bytes().to_vec();
    for _ in 0..1 + rng.below(6) {
        if b.is_empty() {
            break;
        }
        let i = rng.below(b.len());
        match rng.below(6) {
            0 => b[i] = rng.next() as u8,
            1 => {
                let j = (i + rng.below(40)).min(b.len());
                b.drain(i..j);
            }
            2 => {
                let j = (i + rng.below(40)).min(b.len());
                let piece = b[i..j].to_vec();
                b.splice(i..i, piece);
            }
            3 => {
                let other = SEEDS[rng.below(SEEDS.len())].as_bytes();
                let k = rng.below(other.len());
                let piece = &other[k..(k + rng.below(60)).min(other.len())];
                b.splice(i..i, piece.iter().copied());
            }
            4 => b.truncate(i),
            _ => {
                let tokens: &[&[u8]] = &[
                    b"&",
                    b"<",
                    b"]]>",
                    b"<![CDATA[",
                    b"\"",
                    b"\xff",
                    b"\xc3",
                    b"&#x0;",
                    b"&#99999999;",
                    b"</item>",
                    b"<item>",
                    b"{",
                    b"}",
                    b"[",
                    b"\\u0000",
                ];
                let t = tokens[rng.below(tokens.len())];
                b.splice(i..i, t.iter().copied());
            }
        }
    }
    b
}

fn main() {
    let mut args = std::env::args().skip(1);
    let iterations: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let seed: u64 = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(0x9e37_79b9_7f4a_7c15);
    let mut rng = Rng(seed.max(1));
    std::panic::set_hook(Box::new(|_| {}));
    let (mut raw_panics, mut parsed, mut escaped) = (0usize, 0usize, 0usize);
    let mut first_panic: Option<String> = None;
    let start = std::time::Instant::now();
    for _ in 0..iterations {
        let input = mutate(&mut rng);
        let raw = catch_unwind(AssertUnwindSafe(|| {
            feed_rs::parser::parse(input.as_slice()).is_ok()
        }));
        match raw {
            Ok(true) => parsed += 1,
            Ok(false) => {}
            Err(_) => {
                raw_panics += 1;
                if first_panic.is_none() {
                    first_panic = Some(String::from_utf8_lossy(&input).chars().take(300).collect());
                }
            }
        }
        if catch_unwind(AssertUnwindSafe(|| {
            let _ = crosscheck::feeds::parse::parse_feed(&input, Some("https://feed.example/rss"));
        }))
        .is_err()
        {
            escaped += 1;
        }
    }
    println!(
        "{iterations} inputs in {:.1} s: feed-rs parsed {parsed}, panicked on {raw_panics}; panics through parse_feed: {escaped}",
        start.elapsed().as_secs_f64()
    );
    if let Some(p) = first_panic {
        println!("first input feed-rs panicked on: {p:?}");
    }
    if escaped > 0 {
        std::process::exit(1);
    }
}
