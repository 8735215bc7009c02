//! Claim extraction on the seeds: the bars of the claim-extraction issue.

mod common;

use crosscheck::claims::{self, Claims, Qualifier, QuoteKind};
use crosscheck::corpus::{Article, parse_article};

fn seed(prefix: &str) -> (Article, Claims) {
    let dir = common::seeds_dir();
    let entry = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .expect("seed file");
    let text = std::fs::read_to_string(&entry).unwrap();
    let article = parse_article(&entry.display().to_string(), &text);
    let claims = claims::extract(&article.body);
    (article, claims)
}

/// The speaker of the quotation containing `words`.
fn speaker_of(c: &Claims, words: &str) -> Option<String> {
    let q = c
        .quotes
        .iter()
        .find(|q| q.text.contains(words))
        .unwrap_or_else(|| {
            panic!(
                "no quotation contains {words:?}; found {:#?}",
                c.quotes.iter().map(|q| &q.text).collect::<Vec<_>>()
            )
        });
    assert_eq!(
        q.kind,
        QuoteKind::Quote,
        "{words:?} should be a quotation, not a term"
    );
    q.speaker.clone()
}

fn assert_speaker(c: &Claims, words: &str, name: &str) {
    let got = speaker_of(c, words);
    assert!(
        got.as_deref().is_some_and(|s| s.contains(name)),
        "quotation {words:?}: speaker {got:?}, want {name:?}"
    );
}

#[test]
fn offsets_point_at_the_claim_text() {
    for p in ["000", "001", "002", "003", "004"] {
        let (a, c) = seed(p);
        for q in &c.quotes {
            assert_eq!(&a.body[q.start..q.end], q.text);
            assert!(q.sentence.contains(q.text.trim()) || q.text.contains(q.sentence.trim()));
        }
        for s in &c.statistics {
            assert_eq!(&a.body[s.start..s.end], s.text);
            assert!(s.sentence.contains(&s.text), "{s:?}");
        }
    }
}

#[test]
fn seed_000_petit() {
    let (_, c) = seed("000");
    assert_speaker(
        &c,
        "need to prioritize their duty to protect",
        "Tessa Petit",
    );
    assert_speaker(&c, "foot the bill", "Tessa Petit");
    let q = c
        .quotes
        .iter()
        .find(|q| q.text.contains("duty to protect"))
        .unwrap();
    assert_eq!(
        q.role.as_deref(),
        Some("Executive Director of the Florida Immigrant Coalition")
    );
}

#[test]
fn seed_001_jackson_namphy_petit() {
    let (_, c) = seed("001");
    assert_speaker(&c, "fiduciary duty", "Tessa Petit");
    assert_speaker(&c, "make us safer", "Bacardi Jackson");
    assert_speaker(
        &c,
        "well-documented history of racial profiling",
        "Bacardi Jackson",
    );
    assert_speaker(&c, "take their children to school", "Bacardi Jackson");
    assert_speaker(&c, "We deserve safety, not suspicion", "Bacardi Jackson");
    assert_speaker(&c, "reckless betrayal", "Paul Christian Namphy");
    assert_speaker(&c, "Miami is a city of immigrants", "Paul Christian Namphy");
    assert_speaker(
        &c,
        "This contract must be rejected",
        "Paul Christian Namphy",
    );
}

#[test]
fn seed_002_mcbride_and_the_sanctuary_term() {
    let (_, c) = seed("002");
    assert_speaker(&c, "drained local resources", "Sarah McBride");
    assert_speaker(&c, "PROTECT Immigration Act makes clear", "Sarah McBride");
    let term = c
        .quotes
        .iter()
        .find(|q| q.text.trim_end_matches(',') == "sanctuary")
        .expect("sanctuary term");
    assert_eq!(term.kind, QuoteKind::Term);
    assert_eq!(term.speaker, None);
}

#[test]
fn seed_004_task_force_guido_and_terms() {
    let (_, c) = seed("004");
    assert_speaker(
        &c,
        "national problem deserving of a national approach",
        "Law Enforcement Immigration Task Force",
    );
    assert_speaker(&c, "lead the way", "Law Enforcement Immigration Task Force");
    assert_speaker(
        &c,
        "avoid taking actions that could harm community trust",
        "Law Enforcement Immigration Task Force",
    );
    assert_speaker(&c, "aware of President Trump", "Michelle Guido");
    assert_speaker(&c, "working with our legal team", "Michelle Guido");
    for t in ["sanctuary cities", "sanctuary jurisdictions"] {
        let term = c
            .quotes
            .iter()
            .find(|q| q.text.trim_end_matches(',') == t)
            .unwrap_or_else(|| panic!("term {t:?} not found"));
        assert_eq!(term.kind, QuoteKind::Term, "{t}");
        assert_eq!(term.speaker, None, "{t}");
    }
}

/// (seed, value, words the subject must contain, qualifier)
const FIGURES: &[(&str, f64, &str, Option<Qualifier>)] = &[
    ("000", 12000.0, "faith leaders", Some(Qualifier::LowerBound)),
    ("000", 650.0, "agreements", Some(Qualifier::Approximate)),
    (
        "000",
        250.0,
        "police agencies",
        Some(Qualifier::Approximate),
    ),
    ("000", 67.0, "counties", Some(Qualifier::Exact)),
    ("002", 1255.0, "agreements", None),
    ("002", 40.0, "states", None),
    ("002", 1250.0, "departments", Some(Qualifier::LowerBound)),
    ("002", 6200.0, "illegal immigrants", None),
    ("003", 55.0, "residents", None),
    ("003", 67.0, "Hispanic or Latino", None),
    ("003", 65.0, "labor force", None),
    ("003", 73.9, "business owners", None),
    ("003", 4e9, "taxes", Some(Qualifier::LowerBound)),
    ("003", 150000.0, "case", None),
    (
        "004",
        60.0,
        "law enforcement heads",
        Some(Qualifier::LowerBound),
    ),
    ("004", 6.0, "law enforcement departments", None),
    ("004", 8.0, "", None),
];

#[test]
fn seed_statistics_have_value_subject_and_qualifier() {
    for &(p, value, subject, qualifier) in FIGURES {
        let (_, c) = seed(p);
        let s = c
            .statistics
            .iter()
            .find(|s| {
                (s.value - value).abs() < 1e-6 * value.max(1.0)
                    && s.subject.as_deref().unwrap_or("").contains(subject)
            })
            .unwrap_or_else(|| {
                panic!(
                    "{p}: no statistic {value} about {subject:?}; found {:#?}",
                    c.statistics
                        .iter()
                        .map(|s| (s.value, &s.subject))
                        .collect::<Vec<_>>()
                )
            });
        if qualifier.is_some() {
            assert_eq!(s.qualifier, qualifier, "{p} {value}: {s:?}");
        }
    }
    let (_, c) = seed("004");
    let range = c.statistics.iter().find(|s| s.value == 8.0).unwrap();
    assert_eq!(range.high, Some(10.0));
    let (_, c) = seed("003");
    let money = c.statistics.iter().find(|s| s.value == 4e9).unwrap();
    assert_eq!(money.unit.as_deref(), Some("USD"));
}

#[test]
fn time_anchors_of_the_moved_figure() {
    let (_, c) = seed("000");
    let s = c.statistics.iter().find(|s| s.value == 650.0).unwrap();
    assert!(
        s.time
            .as_deref()
            .unwrap_or("")
            .contains("since Trump took office in January"),
        "{s:?}"
    );
    let (_, c) = seed("002");
    let s = c.statistics.iter().find(|s| s.value == 1255.0).unwrap();
    assert!(s.time.as_deref().unwrap_or("").contains("Dec. 23"), "{s:?}");
}

#[test]
fn identifiers_dates_and_times_are_not_statistics() {
    let not_figures = [
        "287(g)",
        "Dec. 23",
        "1996",
        "June 12th",
        "9 a.m.",
        "8:15 am",
        "20125",
        "2016",
        "Feb. 27",
    ];
    for p in ["000", "001", "002", "003", "004"] {
        let (a, c) = seed(p);
        for nf in not_figures {
            for (at, _) in a.body.match_indices(nf) {
                let end = at + nf.len();
                for s in &c.statistics {
                    assert!(
                        s.end <= at || s.start >= end,
                        "{p}: {nf:?} taken as a statistic: {s:?}"
                    );
                }
            }
        }
    }
}
