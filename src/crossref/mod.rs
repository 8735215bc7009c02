//! Across articles: contradictions, figures that moved, corroborations, related quotes and
//! shared passages. Pure functions over the claims of many articles; no I/O.

mod figures;
mod passages;
mod queries;
mod quotes;
mod records;
pub mod revisions;
mod stories;
mod topics;

use serde::{Deserialize, Serialize};

use crate::claims::{Claims, Qualifier};

pub use figures::{Counted, counted, interval, same_quantity};
pub use queries::{
    FindingSides, QuoteAt, RelatedQuote, Relation, other_sides, overlaps, speaker_quotations,
    wants_group,
};
pub use quotes::word_diff;
pub use records::{
    ArticleRecords, CorpusFigures, Record, RecordHead, RecordKind, article_key, corpus_figures,
    from_records, records, related_rank, speaker_key,
};
pub use stories::{Story, stories, story_id, story_of};

/// Bumped whenever the analysis changes what it finds, so stored findings are recomputed.
pub const ANALYSIS_VERSION: u32 = 25;

/// What the cross-article analysis needs to know of one article.
#[derive(Debug, Clone, Copy)]
pub struct ArticleClaims<'a> {
    pub id: &'a str,
    pub path: &'a str,
    pub title: Option<&'a str>,
    /// Publication date, `YYYY-MM-DD`, when the article gives a valid one.
    pub date: Option<&'a str>,
    pub body: &'a str,
    pub claims: &'a Claims,
}

/// How the figures of one finding relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    Conflict,
    ChangedOverTime,
    MinorDiscrepancy,
    Corroboration,
}

/// One side of a finding: a statistic in its article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimRef {
    pub article_id: String,
    pub path: String,
    pub value: f64,
    pub high: Option<f64>,
    pub unit: Option<String>,
    pub text: String,
    pub sentence: String,
    pub qualifier: Option<Qualifier>,
    pub time: Option<String>,
    pub start: usize,
    pub end: usize,
    /// Set when this claim stands in text shared with another article of the finding.
    pub shared_text: bool,
}

/// A group of statistics from different articles that measure the same quantity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub kind: FindingKind,
    pub subject: String,
    /// One sentence a reader can check.
    pub explanation: String,
    pub claims: Vec<ClaimRef>,
    /// The story its articles belong to (findings are only made inside one story).
    #[serde(default)]
    pub story: Option<String>,
    /// How much it matters, 0 to 1: how surely the figures measure one quantity (the
    /// words they share) times how clearly they disagree (or, for a corroboration, how
    /// many independent articles agree). Lists show the strongest first.
    #[serde(default)]
    pub strength: f32,
    /// The words that made the figures one quantity: the head noun of what is counted,
    /// then shared modifiers, places and owners.
    #[serde(default)]
    pub matched: Vec<String>,
}

/// How a speaker's quotations in different articles relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelatedKind {
    /// The same statement with different wording.
    Variant,
    /// The same statement word for word.
    Repeated,
    /// Different statements by the same speaker.
    SameSpeaker,
}

/// A quotation in its article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteRef {
    pub article_id: String,
    pub path: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Whom this article attributes the quotation to (statements are linked across
    /// articles that attribute them differently).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
}

/// One word-level edit between two wordings of a statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffPart {
    /// `equal`, `delete` (only in the first quote) or `insert` (only in the second).
    pub op: String,
    pub text: String,
}

/// Quotations of one speaker across articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelatedQuotes {
    pub speaker: String,
    pub kind: RelatedKind,
    pub quotes: Vec<QuoteRef>,
    /// Word diff from the first quote to the second, for variants.
    pub diff: Option<Vec<DiffPart>>,
}

/// A passage that appears in several articles (wire copy, syndication).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedPassage {
    pub paths: Vec<String>,
    pub article_ids: Vec<String>,
    pub text: String,
}

/// Everything the cross-article analysis found.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CrossRef {
    pub conflicts: Vec<Finding>,
    pub corroborations: Vec<Finding>,
    pub related_quotes: Vec<RelatedQuotes>,
    pub shared_passages: Vec<SharedPassage>,
}

/// Reports how long each stage took to a caller-supplied function (benchmarks print it).
struct StageClock<'a> {
    report: &'a mut dyn FnMut(&str, std::time::Duration),
    last: std::time::Instant,
}

impl StageClock<'_> {
    fn lap(&mut self, stage: &str) {
        (self.report)(stage, self.last.elapsed());
        self.last = std::time::Instant::now();
    }
}

/// Longest shared-passage text reported, in characters.
const PASSAGE_CHARS: usize = 600;

/// Puts each article's claims beside the others', inside the stories they group into.
pub fn analyze(articles: &[ArticleClaims<'_>]) -> CrossRef {
    analyze_timed(articles, &mut |_, _| {})
}

/// [`analyze`], reporting the time of each stage (stories, tokens, shared passages,
/// topics, figures, related quotes) to `report`.
pub fn analyze_timed(
    articles: &[ArticleClaims<'_>],
    report: &mut dyn FnMut(&str, std::time::Duration),
) -> CrossRef {
    let start = std::time::Instant::now();
    let stories = stories::stories(articles, &std::collections::HashMap::new());
    report("stories", start.elapsed());
    analyze_in_stories(articles, &stories, report)
}

/// [`analyze_timed`] with the stories given (each article in one of them): figures are
/// compared only inside one story, and each finding names its story.
pub fn analyze_in_stories(
    articles: &[ArticleClaims<'_>],
    stories: &[Story],
    report: &mut dyn FnMut(&str, std::time::Duration),
) -> CrossRef {
    let story = stories::story_of(stories, articles.len());
    let story = story.as_slice();
    let mut clock = StageClock {
        report,
        last: std::time::Instant::now(),
    };
    let mut tokens: Vec<topics::Tokens> = {
        use rayon::prelude::*;
        articles
            .par_iter()
            .map(|a| topics::tokenize(a.body))
            .collect()
    };
    clock.lap("tokens");
    let shared = passages::find_shared(&tokens);
    clock.lap("shared passages");
    let topics = topics::topics(&mut tokens);
    drop(tokens);
    clock.lap("topics");
    let (mut conflicts, mut corroborations) = figures::compare(articles, &shared, &topics, story);
    let at: std::collections::HashMap<&str, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id, i))
        .collect();
    for f in conflicts.iter_mut().chain(corroborations.iter_mut()) {
        let first = f
            .claims
            .first()
            .and_then(|c| at.get(c.article_id.as_str()).copied());
        f.story = first
            .and_then(|a| stories.get(story[a]))
            .map(|s| s.id.clone());
    }
    clock.lap("figures");
    // The headline findings first: conflicts, then figures that moved, then the rest;
    // within a kind the strongest first, then those that span more articles, then by
    // where they stand (so the order does not depend on how stories are numbered).
    let order = |f: &Finding| {
        let articles: std::collections::HashSet<&str> =
            f.claims.iter().map(|c| c.path.as_str()).collect();
        let first = f.claims.first().map(|c| (c.path.clone(), c.start));
        (
            f.kind.rank(),
            std::cmp::Reverse((f.strength * 1000.0).round() as i64),
            std::cmp::Reverse(articles.len()),
            first,
            f.subject.clone(),
        )
    };
    conflicts.sort_by_cached_key(order);
    corroborations.sort_by_cached_key(order);
    let related_quotes = quotes::relate(articles, story);
    clock.lap("related quotes");
    let shared_passages = shared
        .groups
        .iter()
        .map(|g| {
            let (a, p) = g[0];
            let text = &articles[a].body[shared.paragraphs[a][p].clone()];
            let text = match text.char_indices().nth(PASSAGE_CHARS) {
                Some((i, _)) => format!("{}…", &text[..i]),
                None => text.to_string(),
            };
            let mut idx: Vec<usize> = g.iter().map(|&(a, _)| a).collect();
            idx.dedup();
            SharedPassage {
                paths: idx.iter().map(|&a| articles[a].path.to_string()).collect(),
                article_ids: idx.iter().map(|&a| articles[a].id.to_string()).collect(),
                text,
            }
        })
        .collect();
    CrossRef {
        conflicts,
        corroborations,
        related_quotes,
        shared_passages,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::{Quote, QuoteKind, StatKind, Statistic};

    fn stat(
        body: &str,
        text: &str,
        value: f64,
        kind: StatKind,
        subject: &str,
        q: Option<Qualifier>,
        time: Option<&str>,
    ) -> Statistic {
        let start = body.find(text).expect("figure in body");
        Statistic {
            value,
            high: None,
            text: text.to_string(),
            unit: (kind == StatKind::Percent).then(|| "%".to_string()),
            kind,
            subject: Some(subject.to_string()),
            qualifier: q,
            time: time.map(str::to_string),
            start,
            end: start + text.len(),
            sentence: body.to_string(),
        }
    }

    /// A direct quotation of `text` in `body`, said by `speaker` (the quotes module's
    /// tests use it too).
    pub(super) fn quote(body: &str, text: &str, speaker: &str) -> Quote {
        let start = body.find(text).expect("quote in body");
        Quote {
            text: text.to_string(),
            speaker: Some(speaker.to_string()),
            role: None,
            speaker_kind: None,
            cue: Some("said".into()),
            kind: QuoteKind::Quote,
            start,
            end: start + text.len(),
            sentence: body.to_string(),
        }
    }

    struct Fixture {
        bodies: Vec<String>,
        claims: Vec<Claims>,
        dates: Vec<Option<&'static str>>,
    }

    /// Sentences on one story, in different words, so the fixture articles read as one
    /// story without sharing copied text.
    const STORY: [&str; 4] = [
        "Sheriffs, immigration agents and deportation officers met protesters in Florida.",
        "Protesters in Florida confronted deportation officers, sheriffs and immigration agents.",
        "Florida immigration agents, sheriffs and protesters argued over deportation officers.",
        "Deportation officers and Florida sheriffs told protesters that immigration agents would stay.",
    ];

    impl Fixture {
        fn new(
            bodies: Vec<String>,
            claims: Vec<Claims>,
            dates: Vec<Option<&'static str>>,
        ) -> Fixture {
            let bodies = bodies
                .into_iter()
                .enumerate()
                .map(|(i, b)| format!("{b}\n\n{}", STORY[i]))
                .collect();
            Fixture {
                bodies,
                claims,
                dates,
            }
        }

        fn views(&self) -> Vec<ArticleClaims<'_>> {
            (0..self.bodies.len())
                .map(|i| ArticleClaims {
                    id: ["a", "b", "c", "d"][i],
                    path: ["a.txt", "b.txt", "c.txt", "d.txt"][i],
                    title: None,
                    date: self.dates[i],
                    body: &self.bodies[i],
                    claims: &self.claims[i],
                })
                .collect()
        }
    }

    const COPIED: &str = "The number of 287(g) agreements has more than quadrupled to about 650 since Trump took office in January, officials said on Monday.";

    fn agreements() -> Fixture {
        let a = format!("Opening paragraph of the first article about the protest.\n\n{COPIED}");
        let b = format!("A different opening paragraph for the second article here.\n\n{COPIED}");
        let c = "As of Dec. 23, ICE has signed 1,255 agreements with local jurisdictions across 40 states under the 287(g) program.".to_string();
        let sa = stat(
            &a,
            "650",
            650.0,
            StatKind::Count,
            "287(g) agreements",
            Some(Qualifier::Approximate),
            Some("since Trump took office in January"),
        );
        let sb = stat(
            &b,
            "650",
            650.0,
            StatKind::Count,
            "287(g) agreements",
            Some(Qualifier::Approximate),
            Some("since Trump took office in January"),
        );
        let sc = stat(
            &c,
            "1,255",
            1255.0,
            StatKind::Count,
            "agreements with local jurisdictions across 40 states",
            None,
            Some("As of Dec. 23"),
        );
        Fixture::new(
            vec![a.clone(), b.clone(), c.clone()],
            vec![
                Claims {
                    quotes: vec![],
                    statistics: vec![sa],
                },
                Claims {
                    quotes: vec![],
                    statistics: vec![sb],
                },
                Claims {
                    quotes: vec![],
                    statistics: vec![sc],
                },
            ],
            vec![None, None, None],
        )
    }

    #[test]
    fn a_figure_with_different_time_anchors_moved() {
        let f = agreements();
        let r = analyze(&f.views());
        assert_eq!(r.conflicts.len(), 1, "{:#?}", r.conflicts);
        let c = &r.conflicts[0];
        assert_eq!(c.kind, FindingKind::ChangedOverTime);
        assert!(c.explanation.contains("since Trump took office in January"));
        assert!(c.explanation.contains("As of Dec. 23"));
        let values: Vec<f64> = c.claims.iter().map(|c| c.value).collect();
        assert!(values.contains(&650.0) && values.contains(&1255.0));
    }

    #[test]
    fn copied_text_corroborates_as_one_source() {
        let f = agreements();
        let r = analyze(&f.views());
        assert_eq!(r.corroborations.len(), 1);
        let c = &r.corroborations[0];
        assert!(c.claims.iter().all(|c| c.shared_text));
        assert!(c.explanation.contains("one source"));
        assert_eq!(r.shared_passages.len(), 1);
        assert_eq!(r.shared_passages[0].paths, vec!["a.txt", "b.txt"]);
    }

    #[test]
    fn the_same_anchor_and_different_values_conflict() {
        let mut f = agreements();
        f.claims[2].statistics[0].time = Some("since Trump took office in January".into());
        let r = analyze(&f.views());
        assert_eq!(r.conflicts[0].kind, FindingKind::Conflict);
    }

    #[test]
    fn a_measure_one_article_gives_many_values_of_is_not_one_fact() {
        // No names before the figures, so nothing tells their owners apart.
        let s1 = "The starters grabbed 11 rebounds in the win.";
        let s2 = "The bench added six rebounds late.";
        let a = format!("{s1} {s2}");
        let b = "The team finished with nine rebounds.".to_string();
        let rebounds = |body: &str, sentence: &str, text: &str, v: f64| {
            let mut st = stat(body, text, v, StatKind::Count, "rebounds", None, None);
            st.sentence = sentence.to_string();
            st
        };
        let many = Claims {
            quotes: vec![],
            statistics: vec![rebounds(&a, s1, "11", 11.0), rebounds(&a, s2, "six", 6.0)],
        };
        let one = Claims {
            quotes: vec![],
            statistics: vec![rebounds(&b, &b, "nine", 9.0)],
        };
        let f = Fixture::new(
            vec![a.clone(), b.clone()],
            vec![many, one],
            vec![None, None],
        );
        let r = analyze(&f.views());
        assert!(r.conflicts.is_empty(), "{:?}", r.conflicts);
        // The control: when each article gives the measure once, the values conflict.
        let single = Claims {
            quotes: vec![],
            statistics: vec![rebounds(&a, s1, "11", 11.0)],
        };
        let one = Claims {
            quotes: vec![],
            statistics: vec![rebounds(&b, &b, "nine", 9.0)],
        };
        let c = "Nine rebounds were all the team managed.".to_string();
        let third = Claims {
            quotes: vec![],
            statistics: vec![rebounds(&c, &c, "Nine", 9.0)],
        };
        let f = Fixture::new(
            vec![a, b.clone(), c.clone()],
            vec![single, one, third],
            vec![None, None, None],
        );
        let r = analyze(&f.views());
        assert_eq!(r.conflicts.len(), 1, "{:?}", r.conflicts);
        let c = &r.conflicts[0];
        assert_eq!(c.kind, FindingKind::Conflict);
        assert!(c.strength > 0.0 && c.strength <= 1.0);
        assert_eq!(c.matched[0], "rebound");
        assert!(c.explanation.contains("“rebound”"), "{}", c.explanation);
        assert!(c.story.is_some());
    }

    #[test]
    fn bare_heads_in_sentences_about_different_things_are_not_compared() {
        let passes = |body: &str, text: &str, v: f64| Claims {
            quotes: vec![],
            statistics: vec![stat(body, text, v, StatKind::Count, "passes", None, None)],
        };
        let a = "The rookie quarterback completed 13 passes in the first half.".to_string();
        let other = "The receiver caught three passes for 37 yards on the final drive.".to_string();
        let f = Fixture::new(
            vec![a.clone(), other.clone()],
            vec![passes(&a, "13", 13.0), passes(&other, "three", 3.0)],
            vec![None, None],
        );
        assert!(analyze(&f.views()).conflicts.is_empty());
        // The control: the same setting told twice is one quantity, and they disagree.
        let same = "In the first half the rookie quarterback completed 15 passes.".to_string();
        let f = Fixture::new(
            vec![a.clone(), same.clone()],
            vec![passes(&a, "13", 13.0), passes(&same, "15", 15.0)],
            vec![None, None],
        );
        let r = analyze(&f.views());
        assert_eq!(r.conflicts.len(), 1, "{:?}", r.conflicts);
        assert_eq!(r.conflicts[0].kind, FindingKind::Conflict);
    }

    #[test]
    fn none_killed_against_a_toll_is_a_conflict() {
        let killed = |body: &str, text: &str, v: f64, subject: &str| Claims {
            quotes: vec![],
            statistics: vec![stat(body, text, v, StatKind::Count, subject, None, None)],
        };
        let a =
            "The commissioner said 12 people were killed in the bombing of the camp.".to_string();
        let b = "Aid workers said no one was killed in the bombing of the camp.".to_string();
        let f = Fixture::new(
            vec![a.clone(), b.clone()],
            vec![
                killed(&a, "12", 12.0, "people killed in the bombing"),
                killed(&b, "no one", 0.0, "killed in the bombing"),
            ],
            vec![None, None],
        );
        let r = analyze(&f.views());
        assert_eq!(r.conflicts.len(), 1, "{:?}", r.conflicts);
        assert_eq!(r.conflicts[0].kind, FindingKind::Conflict);
    }

    #[test]
    fn an_earlier_event_s_figure_is_not_the_story_s_and_a_running_count_moved() {
        let arrested = |body: &str, text: &str, v: f64| {
            stat(body, text, v, StatKind::Count, "arrested", None, None)
        };
        let one = |body: &str, text: &str, v: f64| Claims {
            quotes: vec![],
            statistics: vec![arrested(body, text, v)],
        };
        let a = "Police said one person was arrested at the scene.".to_string();
        let past = "The man had previously been arrested four times on theft charges.".to_string();
        let now = "Police said four people were arrested at the scene.".to_string();
        let f = Fixture::new(
            vec![a.clone(), past.clone()],
            vec![one(&a, "one", 1.0), one(&past, "four", 4.0)],
            vec![None, None],
        );
        assert!(analyze(&f.views()).conflicts.is_empty());
        // The control: both about the story's own arrests.
        let f = Fixture::new(
            vec![a.clone(), now.clone()],
            vec![one(&a, "one", 1.0), one(&now, "four", 4.0)],
            vec![None, None],
        );
        let r = analyze(&f.views());
        assert_eq!(r.conflicts[0].kind, FindingKind::Conflict);
        // A count the article says has risen moved; it does not contradict the other.
        let risen = "The number of people arrested rose to four by the evening.".to_string();
        let f = Fixture::new(
            vec![a.clone(), risen.clone()],
            vec![one(&a, "one", 1.0), one(&risen, "four", 4.0)],
            vec![None, None],
        );
        let r = analyze(&f.views());
        assert_eq!(r.conflicts[0].kind, FindingKind::ChangedOverTime);
    }

    #[test]
    fn an_article_giving_both_values_does_not_contradict_one_giving_one() {
        let a = "The network will grow from 12,300 hotspots to 20,000 hotspots.".to_string();
        let b = "The network has 12,300 hotspots worldwide.".to_string();
        let hotspots = |body: &str, text: &str, v: f64| {
            stat(body, text, v, StatKind::Count, "hotspots", None, None)
        };
        let both = Claims {
            quotes: vec![],
            statistics: vec![
                hotspots(&a, "12,300", 12300.0),
                hotspots(&a, "20,000", 20000.0),
            ],
        };
        let one = Claims {
            quotes: vec![],
            statistics: vec![hotspots(&b, "12,300", 12300.0)],
        };
        let f = Fixture::new(
            vec![a.clone(), b.clone()],
            vec![both, one],
            vec![None, None],
        );
        let r = analyze(&f.views());
        assert!(r.conflicts.is_empty(), "{:?}", r.conflicts);
        // The control: the same figures, each article giving one, do conflict.
        let c = "The network now has 20,000 hotspots.".to_string();
        let only_new = Claims {
            quotes: vec![],
            statistics: vec![hotspots(&c, "20,000", 20000.0)],
        };
        let one = Claims {
            quotes: vec![],
            statistics: vec![hotspots(&b, "12,300", 12300.0)],
        };
        let f = Fixture::new(vec![c, b], vec![only_new, one], vec![None, None]);
        let r = analyze(&f.views());
        assert_eq!(r.conflicts.len(), 1, "{:?}", r.conflicts);
    }

    /// Three results reports "Shr X cts vs Y cts", one story, no dates.
    fn results(lines: [(&str, f64, &str, f64); 3]) -> CrossRef {
        let bodies: Vec<String> = lines
            .iter()
            .map(|(x, _, y, _)| format!("Shr {x} cts vs {y} cts."))
            .collect();
        let claims = bodies
            .iter()
            .zip(lines)
            .map(|(b, (x, xv, y, yv))| Claims {
                quotes: vec![],
                statistics: vec![
                    stat(
                        b,
                        &format!("{x} cts"),
                        xv,
                        StatKind::Money,
                        "Shr",
                        None,
                        None,
                    ),
                    stat(
                        b,
                        &format!("{y} cts"),
                        yv,
                        StatKind::Money,
                        "Shr",
                        None,
                        None,
                    ),
                ],
            })
            .collect();
        let f = Fixture::new(bodies, claims, vec![None, None, None]);
        analyze(&f.views())
    }

    #[test]
    fn figures_set_against_different_bases_are_different_periods() {
        // Each report's figure and its base differ: three companies' or three quarters'.
        let r = results([
            ("50", 50.0, "40", 40.0),
            ("19", 19.0, "seven", 7.0),
            ("22", 22.0, "nine", 9.0),
        ]);
        assert!(r.conflicts.is_empty(), "{:#?}", r.conflicts);
        // The same base with a different figure is one period told two ways.
        let r = results([
            ("50", 50.0, "40", 40.0),
            ("55", 55.0, "40", 40.0),
            ("50", 50.0, "40", 40.0),
        ]);
        assert_eq!(r.conflicts.len(), 1, "{:#?}", r.conflicts);
    }

    #[test]
    fn a_running_total_beside_an_event_s_count_leaves_the_count_comparable() {
        let a = "The attack on the school wounded around 100 people. \
                 Around 1,000 people have been wounded so far in the offensive."
            .to_string();
        let b = "The UN said 55 people were wounded in the school attack.".to_string();
        let c = "Officials said 55 people were wounded at the school.".to_string();
        let one = |body: &String, text: &str, v: f64| {
            stat(body, text, v, StatKind::Count, "people wounded", None, None)
        };
        let mut total = one(&a, "1,000", 1000.0);
        total.sentence = "Around 1,000 people have been wounded so far in the offensive.".into();
        let mut school = one(&a, "100", 100.0);
        school.sentence = "The attack on the school wounded around 100 people.".into();
        let f = Fixture::new(
            vec![a.clone(), b.clone(), c.clone()],
            vec![
                Claims {
                    quotes: vec![],
                    statistics: vec![school, total],
                },
                Claims {
                    quotes: vec![],
                    statistics: vec![one(&b, "55", 55.0)],
                },
                Claims {
                    quotes: vec![],
                    statistics: vec![one(&c, "55", 55.0)],
                },
            ],
            vec![None, None, None],
        );
        let r = analyze(&f.views());
        let conflicts: Vec<_> = r
            .conflicts
            .iter()
            .filter(|f| f.kind == FindingKind::Conflict)
            .collect();
        assert_eq!(conflicts.len(), 1, "{:#?}", r.conflicts);
        let values: Vec<f64> = conflicts[0].claims.iter().map(|c| c.value).collect();
        assert!(
            values.contains(&100.0) && values.contains(&55.0),
            "{values:?}"
        );
    }

    #[test]
    fn bounds_that_can_both_hold_do_not_conflict() {
        let a = "Police in more than 1,250 departments nationwide take part.".to_string();
        let b = "ICE has 1,255 departments nationwide taking part.".to_string();
        let f = Fixture::new(
            vec![a.clone(), b.clone()],
            vec![
                Claims {
                    quotes: vec![],
                    statistics: vec![stat(
                        &a,
                        "1,250",
                        1250.0,
                        StatKind::Count,
                        "departments nationwide",
                        Some(Qualifier::LowerBound),
                        None,
                    )],
                },
                Claims {
                    quotes: vec![],
                    statistics: vec![stat(
                        &b,
                        "1,255",
                        1255.0,
                        StatKind::Count,
                        "departments nationwide",
                        None,
                        None,
                    )],
                },
            ],
            vec![None, None],
        );
        let r = analyze(&f.views());
        assert!(r.conflicts.is_empty(), "{:#?}", r.conflicts);
        assert_eq!(r.corroborations.len(), 1);
        assert!(!r.corroborations[0].claims[0].shared_text);
    }

    #[test]
    fn a_percent_is_never_compared_with_a_count() {
        let a = "Sheriff's offices in all 67 counties signed.".to_string();
        let b = "Some 67% of the counties are rural.".to_string();
        let c = "Sheriff's offices in all 60 counties signed.".to_string();
        let f = Fixture::new(
            vec![a.clone(), b.clone(), c.clone()],
            vec![
                Claims {
                    quotes: vec![],
                    statistics: vec![stat(
                        &a,
                        "67",
                        67.0,
                        StatKind::Count,
                        "counties",
                        Some(Qualifier::Exact),
                        None,
                    )],
                },
                Claims {
                    quotes: vec![],
                    statistics: vec![stat(
                        &b,
                        "67%",
                        67.0,
                        StatKind::Percent,
                        "counties",
                        None,
                        None,
                    )],
                },
                Claims {
                    quotes: vec![],
                    statistics: vec![stat(
                        &c,
                        "60",
                        60.0,
                        StatKind::Count,
                        "counties",
                        Some(Qualifier::Exact),
                        None,
                    )],
                },
            ],
            vec![None, None, None],
        );
        let r = analyze(&f.views());
        assert_eq!(r.conflicts.len(), 1);
        assert!(r.conflicts[0].claims.iter().all(|c| c.unit.is_none()));
    }

    #[test]
    fn half_and_55_percent_nearly_agree() {
        let a = "Half the city's population are immigrants, she said.".to_string();
        let b = "Miami is a city with 55% of our residents being foreign-born.".to_string();
        let mut half = stat(
            &a,
            "Half",
            0.5,
            StatKind::Fraction,
            "the city's population",
            None,
            None,
        );
        half.unit = None;
        let f = Fixture::new(
            vec![a.clone(), b.clone()],
            vec![
                Claims {
                    quotes: vec![],
                    statistics: vec![half],
                },
                Claims {
                    quotes: vec![],
                    statistics: vec![stat(
                        &b,
                        "55%",
                        55.0,
                        StatKind::Percent,
                        "residents being foreign-born",
                        None,
                        None,
                    )],
                },
            ],
            vec![None, None],
        );
        let r = analyze(&f.views());
        assert_eq!(r.conflicts.len(), 1, "{:#?}", r);
        assert_eq!(r.conflicts[0].kind, FindingKind::MinorDiscrepancy);
    }

    #[test]
    fn a_bare_head_on_two_days_in_different_words_is_two_things_not_a_move() {
        let workers = |body: &str, text: &str, v: f64| Claims {
            quotes: vec![],
            statistics: vec![stat(body, text, v, StatKind::Count, "workers", None, None)],
        };
        let a = "The mill employs 1,200 workers at its plant beside the river.".to_string();
        let b = "Some 300 workers at the plant marched for higher wages.".to_string();
        let f = Fixture::new(
            vec![a.clone(), b.clone()],
            vec![workers(&a, "1,200", 1200.0), workers(&b, "300", 300.0)],
            vec![Some("2024-01-01"), Some("2024-01-09")],
        );
        let r = analyze(&f.views());
        assert!(r.conflicts.is_empty(), "{:?}", r.conflicts);
        // Undated, one report against one other aligned by one word is not reported
        // either; a third report giving one of the values makes it a conflict (nothing
        // tells it apart).
        let f = Fixture::new(
            vec![a.clone(), b.clone()],
            vec![workers(&a, "1,200", 1200.0), workers(&b, "300", 300.0)],
            vec![None, None],
        );
        assert!(analyze(&f.views()).conflicts.is_empty());
        let c = "Its 1,200 workers face cuts next year.".to_string();
        let f = Fixture::new(
            vec![a.clone(), b.clone(), c.clone()],
            vec![
                workers(&a, "1,200", 1200.0),
                workers(&b, "300", 300.0),
                workers(&c, "1,200", 1200.0),
            ],
            vec![None, None, None],
        );
        assert_eq!(analyze(&f.views()).conflicts.len(), 1);
    }

    #[test]
    fn different_publication_dates_mean_the_figure_moved() {
        let a = "The storm has killed 12 people in the region.".to_string();
        let b = "The storm has killed 30 people in the region.".to_string();
        let f = Fixture::new(
            vec![a.clone(), b.clone()],
            vec![
                Claims {
                    quotes: vec![],
                    statistics: vec![stat(
                        &a,
                        "12",
                        12.0,
                        StatKind::Count,
                        "people killed",
                        None,
                        None,
                    )],
                },
                Claims {
                    quotes: vec![],
                    statistics: vec![stat(
                        &b,
                        "30",
                        30.0,
                        StatKind::Count,
                        "people killed",
                        None,
                        None,
                    )],
                },
            ],
            vec![Some("2024-01-01"), Some("2024-01-03")],
        );
        let r = analyze(&f.views());
        assert_eq!(r.conflicts[0].kind, FindingKind::ChangedOverTime);
        assert!(r.conflicts[0].explanation.contains("published 2024-01-03"));
    }

    #[test]
    fn the_same_statement_reworded_is_a_variant_with_a_diff() {
        let a = "“Taxpayers should also not be forced to foot the bill for these hostile practices,” Petit added.".to_string();
        let b = "“Taxpayers should not foot the bill for these hostile enforcement practices,” said Tessa Petit.".to_string();
        let c = "“Taxpayers should not foot the bill for these hostile enforcement practices,” said Tessa Petit.".to_string();
        let f = Fixture::new(
            vec![a.clone(), b.clone(), c.clone()],
            vec![
                Claims {
                    quotes: vec![quote(
                        &a,
                        "Taxpayers should also not be forced to foot the bill for these hostile practices,",
                        "Petit",
                    )],
                    statistics: vec![],
                },
                Claims {
                    quotes: vec![quote(
                        &b,
                        "Taxpayers should not foot the bill for these hostile enforcement practices,",
                        "Tessa Petit",
                    )],
                    statistics: vec![],
                },
                Claims {
                    quotes: vec![quote(
                        &c,
                        "Taxpayers should not foot the bill for these hostile enforcement practices,",
                        "Tessa Petit",
                    )],
                    statistics: vec![],
                },
            ],
            vec![None, None, None],
        );
        let r = analyze(&f.views());
        let kinds: Vec<RelatedKind> = r.related_quotes.iter().map(|q| q.kind).collect();
        assert_eq!(
            kinds.iter().filter(|k| **k == RelatedKind::Variant).count(),
            1,
            "the two wordings are one variant pair"
        );
        assert_eq!(
            kinds
                .iter()
                .filter(|k| **k == RelatedKind::Repeated)
                .count(),
            1
        );
        assert!(r.related_quotes.iter().all(|q| q.speaker == "Tessa Petit"));
        let v = r
            .related_quotes
            .iter()
            .find(|q| q.kind == RelatedKind::Variant)
            .unwrap();
        let diff = v.diff.as_ref().unwrap();
        assert!(
            diff.iter()
                .any(|p| p.op == "delete" && p.text.contains("also"))
        );
        assert!(
            diff.iter()
                .any(|p| p.op == "insert" && p.text.contains("enforcement"))
        );
    }
}

#[cfg(test)]
mod event_tests {
    use super::*;
    use crate::claims::{StatKind, Statistic};

    fn stat(
        body: &str,
        text: &str,
        kind: StatKind,
        subject: &str,
        q: Option<Qualifier>,
    ) -> Statistic {
        let start = body.find(text).expect("figure in body");
        Statistic {
            value: text.replace(',', "").parse().unwrap(),
            high: None,
            text: text.to_string(),
            unit: (kind == StatKind::Measure).then(|| "magnitude".to_string()),
            kind,
            subject: Some(subject.to_string()),
            qualifier: q,
            time: None,
            start,
            end: start + text.len(),
            sentence: body.to_string(),
        }
    }

    /// Three reports of one earthquake: two on the first day, one the day after.
    #[test]
    fn a_lower_bound_does_not_hide_a_toll_that_moved_or_a_magnitude_in_conflict() {
        let bodies = [
            "The magnitude 7.8 earthquake struck Gaziantep in southern Turkey, killing at least 1,300 people as buildings collapsed.".to_string(),
            "The death toll from the magnitude 7.8 earthquake in Gaziantep, southern Turkey, rose to 4,300 as collapsed buildings were searched.".to_string(),
            "Collapsed buildings in Gaziantep after the southern Turkey earthquake, of magnitude 7.5, which killed 1,300 people.".to_string(),
        ];
        let claims = [
            Claims {
                quotes: vec![],
                statistics: vec![
                    stat(&bodies[0], "7.8", StatKind::Measure, "magnitude", None),
                    stat(
                        &bodies[0],
                        "1,300",
                        StatKind::Count,
                        "people killed",
                        Some(Qualifier::LowerBound),
                    ),
                ],
            },
            Claims {
                quotes: vec![],
                statistics: vec![
                    stat(&bodies[1], "7.8", StatKind::Measure, "magnitude", None),
                    stat(&bodies[1], "4,300", StatKind::Count, "death toll", None),
                ],
            },
            Claims {
                quotes: vec![],
                statistics: vec![
                    stat(&bodies[2], "7.5", StatKind::Measure, "magnitude", None),
                    stat(&bodies[2], "1,300", StatKind::Count, "people killed", None),
                ],
            },
        ];
        let dates = [Some("2023-02-06"), Some("2023-02-07"), Some("2023-02-06")];
        let views: Vec<ArticleClaims<'_>> = (0..3)
            .map(|i| ArticleClaims {
                id: ["a", "b", "c"][i],
                path: ["a.txt", "b.txt", "c.txt"][i],
                title: None,
                date: dates[i],
                body: &bodies[i],
                claims: &claims[i],
            })
            .collect();
        let r = analyze(&views);
        let find = |v: f64| {
            r.conflicts
                .iter()
                .find(|f| f.claims.iter().any(|c| c.value == v))
        };
        let toll = find(4300.0).unwrap_or_else(|| panic!("the death toll that moved: {r:#?}"));
        assert_eq!(toll.kind, FindingKind::ChangedOverTime);
        let magnitude = find(7.5).expect("the magnitudes");
        // 7.5 and 7.8 on the same day: nothing tells them apart.
        assert_eq!(magnitude.kind, FindingKind::Conflict);
        assert!(
            r.corroborations
                .iter()
                .any(|f| f.claims.iter().all(|c| c.value == 1300.0))
        );
    }
}

#[cfg(test)]
mod owner_tests {
    use super::*;
    use crate::claims::{StatKind, Statistic};

    fn share(body: &str, text: &str) -> Statistic {
        let start = body.find(text).expect("figure in body");
        Statistic {
            value: text.trim_end_matches('%').parse().unwrap(),
            high: None,
            text: text.to_string(),
            unit: Some("%".into()),
            kind: StatKind::Percent,
            subject: Some("the vote".into()),
            qualifier: None,
            time: None,
            start,
            end: start + text.len(),
            sentence: body.to_string(),
        }
    }

    /// Two reports of one election: the winner's share differs, the loser's is another
    /// quantity altogether.
    #[test]
    fn shares_of_different_candidates_are_not_compared() {
        let a = "In the county election, Smith won 52% of the vote, while Jones received 45% of the vote.".to_string();
        let b = "Smith took 51% of the vote in the county election, officials said.".to_string();
        let claims = [
            Claims {
                quotes: vec![],
                statistics: vec![share(&a, "52%"), share(&a, "45%")],
            },
            Claims {
                quotes: vec![],
                statistics: vec![share(&b, "51%")],
            },
        ];
        let bodies = [a.clone(), b.clone()];
        let views: Vec<ArticleClaims<'_>> = (0..2)
            .map(|i| ArticleClaims {
                id: ["a", "b"][i],
                path: ["a.txt", "b.txt"][i],
                title: None,
                date: None,
                body: &bodies[i],
                claims: &claims[i],
            })
            .collect();
        let r = analyze(&views);
        assert_eq!(r.conflicts.len(), 1, "{r:#?}");
        let values: Vec<f64> = r.conflicts[0].claims.iter().map(|c| c.value).collect();
        assert!(values.contains(&52.0) && values.contains(&51.0));
        assert!(
            !values.contains(&45.0),
            "Jones's share is not Smith's: {values:?}"
        );
    }

    #[test]
    fn the_same_attribution_around_different_quotes_is_not_copied_text() {
        let a = "“Officials need to protect the people who live here and trust the police,” said Ana Ruiz, the director of the Coalition for Safe Streets, in a statement.".to_string();
        let b = "“Taxpayers should not pay for lawsuits that these practices will bring,” said Ana Ruiz, the director of the Coalition for Safe Streets.".to_string();
        let claims = [Claims::default(), Claims::default()];
        let bodies = [a, b];
        let views: Vec<ArticleClaims<'_>> = (0..2)
            .map(|i| ArticleClaims {
                id: ["a", "b"][i],
                path: ["a.txt", "b.txt"][i],
                title: None,
                date: None,
                body: &bodies[i],
                claims: &claims[i],
            })
            .collect();
        assert!(analyze(&views).shared_passages.is_empty());
    }
}
