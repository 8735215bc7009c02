//! A hand-built reader state on the seeds: the real article bodies (read with
//! `parse_article`) with quotations, figures and findings placed at their real offsets,
//! so the reader's tests do not depend on how well extraction does.

#![allow(dead_code)]

use std::path::Path;

use crosscheck::claims::{Claims, Qualifier, Quote, QuoteKind, StatKind, Statistic};
use crosscheck::corpus::parse_article;
use crosscheck::crossref::{
    ClaimRef, CrossRef, DiffPart, Finding, FindingKind, QuoteRef, RelatedKind, RelatedQuotes,
};
use std::ops::Range;
use std::sync::Arc;

use crosscheck::index::{SearchHit, SearchResults, StoredArticle};
use crosscheck::tui::{App, Options, SearchBackend};

pub const SEEDS: [&str; 5] = [
    "000_a062d0485bae9db5.txt",
    "001_0671674b0591bc64.txt",
    "002_35dce5ad12aa194f.txt",
    "003_8fde0bab21f327ba.txt",
    "004_e6d876d08fe4b9f6.txt",
];

pub fn seed_path(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .join(name)
        .display()
        .to_string()
}

fn at(body: &str, text: &str) -> (usize, usize) {
    let start = body
        .find(text)
        .unwrap_or_else(|| panic!("the seed has no `{text}`"));
    (start, start + text.len())
}

fn paragraph(body: &str, start: usize) -> String {
    let from = body[..start].rfind("\n\n").map_or(0, |i| i + 2);
    let to = body[start..].find("\n\n").map_or(body.len(), |i| start + i);
    body[from..to].to_string()
}

fn quote(body: &str, text: &str, speaker: &str, role: Option<&str>) -> Quote {
    let (start, end) = at(body, text);
    Quote {
        text: text.to_string(),
        speaker: Some(speaker.to_string()),
        role: role.map(str::to_string),
        speaker_kind: None,
        cue: Some("said".into()),
        kind: QuoteKind::Quote,
        start,
        end,
        sentence: paragraph(body, start),
    }
}

fn stat(body: &str, text: &str, value: f64, subject: &str, time: Option<&str>) -> Statistic {
    let (start, end) = at(body, text);
    Statistic {
        value,
        high: None,
        text: text.to_string(),
        unit: None,
        kind: StatKind::Count,
        subject: Some(subject.to_string()),
        qualifier: text.starts_with("about").then_some(Qualifier::Approximate),
        time: time.map(str::to_string),
        start,
        end,
        sentence: paragraph(body, start),
    }
}

fn claim_ref(s: &StoredArticle, text: &str) -> ClaimRef {
    let st = s
        .claims
        .statistics
        .iter()
        .find(|x| x.text == text)
        .unwrap_or_else(|| panic!("no figure `{text}`"));
    ClaimRef {
        article_id: s.article.id.clone(),
        path: s.article.path.clone(),
        value: st.value,
        high: None,
        unit: None,
        text: st.text.clone(),
        sentence: st.sentence.clone(),
        qualifier: st.qualifier,
        time: st.time.clone(),
        start: st.start,
        end: st.end,
        shared_text: false,
    }
}

fn quote_ref(s: &StoredArticle, prefix: &str) -> QuoteRef {
    let q = s
        .claims
        .quotes
        .iter()
        .find(|q| q.text.starts_with(prefix))
        .expect("quote");
    QuoteRef {
        article_id: s.article.id.clone(),
        path: s.article.path.clone(),
        text: q.text.clone(),
        start: q.start,
        end: q.end,
        speaker: q.speaker.clone(),
    }
}

pub const PETIT_000: &str = "Taxpayers should also not be forced to foot the bill for these hostile and unnecessary immigration enforcement practices that will inevitably lead to civil lawsuits, costing taxpayers even more money,";
pub const PETIT_001: &str = "City of Miami officials need to prioritize their fiduciary duty to protect the financial interests and well-being of residents, and taxpayers should not foot the bill for these hostile enforcement practices that will inevitably lead to lawsuits, costing taxpayers even more money,";
pub const MCBRIDE_1: &str = "For too long, the 287(g) program has drained local resources, fueled racial profiling, and made communities less safe — and it’s time we end it,";
pub const MCBRIDE_2: &str = "The PROTECT Immigration Act makes clear that immigration enforcement belongs with trained federal authorities, guaranteeing that local law enforcement can focus exclusively on keeping our communities safe.";
pub const SENTENCE_1255: &str = "As of Dec. 23, ICE has signed 1,255 agreements";

/// The seeds with hand-placed claims; `kind` is the kind of the 650-vs-1,255 finding.
pub fn seeds(kind: FindingKind) -> (Vec<StoredArticle>, CrossRef) {
    let mut arts: Vec<StoredArticle> = SEEDS
        .iter()
        .map(|n| {
            let path = seed_path(n);
            let text = std::fs::read_to_string(&path).expect("seed");
            StoredArticle {
                article: parse_article(&path, &text),
                claims: Claims::default(),
            }
        })
        .collect();
    {
        let b = arts[0].article.body.clone();
        arts[0].claims = Claims {
            quotes: vec![
                quote(
                    &b,
                    "Law enforcement officials need to prioritize their duty to protect and serve residents,",
                    "Tessa Petit",
                    Some("Executive Director of the Florida Immigrant Coalition"),
                ),
                quote(&b, PETIT_000, "Tessa Petit", None),
            ],
            statistics: vec![
                stat(
                    &b,
                    "about 650",
                    650.0,
                    "287(g) agreements",
                    Some("since Trump took office in January"),
                ),
                stat(&b, "67", 67.0, "counties", None),
            ],
        };
        let b = arts[1].article.body.clone();
        arts[1].claims = Claims {
            quotes: vec![
                quote(
                    &b,
                    "These programs have a well-documented history of racial profiling, civil rights violations, and costly litigation,",
                    "Bacardi Jackson",
                    Some("executive director of the ACLU of Florida"),
                ),
                quote(
                    &b,
                    PETIT_001,
                    "Tessa Petit",
                    Some("Executive Director of the Florida Immigrant Coalition"),
                ),
            ],
            statistics: vec![
                stat(
                    &b,
                    "about 650",
                    650.0,
                    "287(g) agreements",
                    Some("since Trump took office in January"),
                ),
                stat(&b, "67", 67.0, "counties", None),
            ],
        };
        let b = arts[2].article.body.clone();
        arts[2].claims = Claims {
            quotes: vec![
                quote(&b, MCBRIDE_1, "Sarah McBride", Some("Rep.")),
                quote(&b, MCBRIDE_2, "Sarah McBride", None),
            ],
            statistics: vec![
                stat(
                    &b,
                    "1,255",
                    1255.0,
                    "agreements with local jurisdictions",
                    Some("As of Dec. 23"),
                ),
                stat(&b, "6,200", 6200.0, "illegal immigrants", None),
            ],
        };
    }
    // The story the analysis would give the findings: the one of their first article.
    let story = {
        let views: Vec<_> = arts.iter().map(StoredArticle::view).collect();
        let stories = crosscheck::crossref::stories(&views, &Default::default());
        let of = crosscheck::crossref::story_of(&stories, views.len());
        Some(stories[of[0]].id.clone())
    };
    let crossref = CrossRef {
        conflicts: vec![Finding {
            kind,
            subject: "287(g) agreements".into(),
            explanation: "about 650 (since Trump took office in January) and 1,255 (as of Dec. 23) count the same agreements at different dates: the figure moved.".into(),
            claims: vec![claim_ref(&arts[0], "about 650"), claim_ref(&arts[1], "about 650"), claim_ref(&arts[2], "1,255")],
            story: story.clone(),
            strength: 0.6,
            matched: vec!["agreement".into()],
        }],
        corroborations: vec![Finding {
            kind: FindingKind::Corroboration,
            subject: "counties".into(),
            explanation: "Both articles give 67 counties.".into(),
            claims: vec![claim_ref(&arts[0], "67"), claim_ref(&arts[1], "67")],
            story,
            strength: 0.4,
            matched: vec!["county".into()],
        }],
        related_quotes: vec![RelatedQuotes {
            speaker: "Tessa Petit".into(),
            kind: RelatedKind::Variant,
            quotes: vec![quote_ref(&arts[0], "Taxpayers"), quote_ref(&arts[1], "City of Miami")],
            diff: Some(vec![
                DiffPart { op: "insert".into(), text: "City of Miami officials need to prioritize their fiduciary duty … and ".into() },
                DiffPart { op: "equal".into(), text: "taxpayers should ".into() },
                DiffPart { op: "delete".into(), text: "also not be forced to ".into() },
                DiffPart { op: "insert".into(), text: "not ".into() },
                DiffPart { op: "equal".into(), text: "foot the bill for these hostile ".into() },
                DiffPart { op: "delete".into(), text: "and unnecessary immigration ".into() },
                DiffPart { op: "equal".into(), text: "enforcement practices …".into() },
            ]),
        }],
        shared_passages: Vec::new(),
    };
    (arts, crossref)
}

/// The fixture as an app, 100×30 like the end-to-end test.
pub fn app() -> App {
    app_with(FindingKind::ChangedOverTime)
}

pub fn app_with(kind: FindingKind) -> App {
    let (arts, crossref) = seeds(kind);
    let mut app = from_parts(arts, crossref);
    app.update(crosscheck::tui::Action::Resize(100, 30));
    app
}

/// An app over articles and findings in memory, searched by [`MemorySearch`], with the
/// default keys and theme.
pub fn from_parts(articles: Vec<StoredArticle>, crossref: CrossRef) -> App {
    from_parts_with(articles, crossref, Options::default())
}

/// [`from_parts`] with other keys, theme or state.
pub fn from_parts_with(articles: Vec<StoredArticle>, crossref: CrossRef, options: Options) -> App {
    let backend = Arc::new(MemorySearch::new(&articles));
    App::in_memory(&articles, crossref, backend, options)
}

/// A search over articles in memory, without an index: every word of the query must
/// appear (case-insensitively) in the title or body. For tests and fixtures.
pub struct MemorySearch {
    articles: Vec<StoredArticle>,
}

impl MemorySearch {
    pub fn new(articles: &[StoredArticle]) -> MemorySearch {
        MemorySearch {
            articles: articles.to_vec(),
        }
    }

    fn terms(query: &str) -> Vec<String> {
        query
            .split_whitespace()
            .map(|t| {
                let t = t.rsplit(':').next().unwrap_or(t);
                t.trim_matches(|c: char| c == '"' || c == '+' || c == '(' || c == ')')
                    .to_ascii_lowercase()
            })
            .filter(|t| !t.is_empty() && t != "and" && t != "or")
            .collect()
    }

    fn find_all(text: &str, terms: &[String]) -> Vec<Range<usize>> {
        let lower = text.to_ascii_lowercase();
        let mut out: Vec<Range<usize>> = terms
            .iter()
            .flat_map(|t| lower.match_indices(t.as_str()).map(|(i, m)| i..i + m.len()))
            .collect();
        out.sort_by_key(|r| r.start);
        out
    }
}

impl SearchBackend for MemorySearch {
    fn search(&self, query: &str, limit: usize) -> Result<SearchResults, String> {
        if query.matches('"').count() % 2 == 1 {
            return Err(
                "the query does not parse (unbalanced quote); close the phrase with \"".into(),
            );
        }
        let terms = Self::terms(query);
        let mut hits = Vec::new();
        for s in &self.articles {
            let a = &s.article;
            let (title, body) = (&a.title, &a.body);
            let hay = format!("{} {}", title.as_deref().unwrap_or(""), body).to_ascii_lowercase();
            if terms.is_empty() || !terms.iter().all(|t| hay.contains(t.as_str())) {
                continue;
            }
            let matches = Self::find_all(body, &terms);
            let first = matches.first().map_or(0, |r| r.start);
            let mut start = first.saturating_sub(60);
            while !body.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + 180).min(body.len());
            while !body.is_char_boundary(end) {
                end -= 1;
            }
            let highlights = matches
                .iter()
                .filter(|r| r.start >= start && r.end <= end)
                .map(|r| [r.start - start, r.end - start])
                .collect();
            hits.push(SearchHit {
                id: a.id.clone(),
                path: a.path.clone(),
                title: title.clone(),
                source: a.source.clone(),
                date: a.date.as_ref().map(|d| d.text.clone()),
                score: matches.len() as f32,
                snippet: body[start..end].to_string(),
                highlights,
                snippet_start: start,
            });
        }
        hits.sort_by(|a, b| b.score.total_cmp(&a.score));
        let total = hits.len();
        hits.truncate(limit);
        Ok(SearchResults {
            query: query.to_string(),
            total,
            hits,
        })
    }

    fn match_ranges(&self, query: &str, body: &str) -> Vec<Range<usize>> {
        Self::find_all(body, &Self::terms(query))
    }

    fn article(&self, id: &str) -> Option<StoredArticle> {
        self.articles.iter().find(|s| s.article.id == id).cloned()
    }
}
