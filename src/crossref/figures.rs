//! Comparing statistics across articles: which measure the same quantity, and whether
//! their values can both hold.
//!
//! Statistics are blocked by a normalised key (kind class, unit, head noun of what is
//! counted), so only figures that could be about the same thing are ever compared: the
//! work grows with the number of claims, not its square.

use std::collections::HashMap;

use super::passages::{SharedText, words};
use super::topics::Topic;

use super::{ArticleClaims, ClaimRef, Finding, FindingKind};
use crate::claims::{Qualifier, StatKind, Statistic};

/// Words that carry no meaning for what is counted.
const STOP: &[&str] = &[
    "people",
    "person",
    "persons",
    "individuals",
    "the",
    "a",
    "an",
    "of",
    "our",
    "their",
    "its",
    "his",
    "her",
    "all",
    "some",
    "more",
    "than",
    "about",
    "almost",
    "nearly",
    "over",
    "at",
    "least",
    "those",
    "these",
    "this",
    "that",
    "new",
    "other",
    "such",
    "s",
    "being",
    "were",
    "are",
    "is",
    "was",
    "have",
    "has",
    "had",
    "who",
    "which",
    "approximately",
    "around",
    "roughly",
    "just",
    "only",
    "another",
    "additional",
];

/// Prepositions that end the head phrase of a subject ("agreements with local…").
const PREPOSITIONS: &[&str] = &[
    "with",
    "across",
    "in",
    "from",
    "for",
    "to",
    "on",
    "at",
    "by",
    "into",
    "throughout",
    "under",
    "during",
    "since",
    "between",
    "among",
    "within",
    "per",
    "who",
    "that",
    "which",
    "off",
];

/// Words that set the scope of a figure.
const SCOPE_WORDS: &[&str] = &[
    "nationwide",
    "national",
    "nationally",
    "statewide",
    "worldwide",
    "global",
    "globally",
    "countrywide",
    "local",
    "federal",
    "international",
];

/// Heads that count the same thing under different names.
const SYNONYMS: &[(&str, &str)] = &[
    ("resident", "population"),
    ("inhabitant", "population"),
    ("population", "population"),
    ("immigrant", "population"),
    ("citizen", "population"),
    ("agency", "agency"),
    ("department", "agency"),
    ("fatality", "death"),
    ("death", "death"),
    ("dead", "death"),
    ("killed", "death"),
    ("toll", "death"),
    ("injured", "injured"),
    ("wounded", "injured"),
    ("hurt", "injured"),
    ("injury", "injured"),
    ("casualty", "injured"),
    ("arrested", "arrested"),
    ("detained", "arrested"),
    ("arrest", "arrested"),
    ("detention", "arrested"),
    ("bullet", "shot"),
    ("round", "shot"),
    // Events a span of days measures ("eight days of riots", "the sixth day of protests").
    ("riot", "unrest"),
    ("rioting", "unrest"),
    ("protest", "unrest"),
    ("protesting", "unrest"),
    ("clash", "unrest"),
    ("demonstration", "unrest"),
    ("violence", "unrest"),
    ("unrest", "unrest"),
    ("fighting", "fighting"),
    ("offensive", "fighting"),
    ("bombardment", "fighting"),
    ("assault", "fighting"),
];

pub(super) fn singular(w: &str) -> String {
    const IRREGULAR: &[(&str, &str)] = &[
        ("men", "man"),
        ("women", "woman"),
        ("children", "child"),
        ("wives", "wife"),
        ("lives", "life"),
        ("knives", "knife"),
        ("halves", "half"),
        ("thieves", "thief"),
        ("shelves", "shelf"),
        ("feet", "foot"),
        ("teeth", "tooth"),
        ("mice", "mouse"),
    ];
    if let Some((_, one)) = IRREGULAR.iter().find(|(many, _)| *many == w) {
        return (*one).to_string();
    }
    if let Some(stem) = w.strip_suffix("ies")
        && stem.len() >= 2
    {
        return format!("{stem}y");
    }
    for suf in ["sses", "shes", "ches", "xes"] {
        if w.ends_with(suf) {
            return w[..w.len() - 2].to_string();
        }
    }
    if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && w.len() > 3 {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

/// What a statistic counts, normalised for comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Counted {
    /// The head noun, singular, mapped through the synonym table.
    pub head: String,
    /// Other content words before the first preposition.
    pub modifiers: Vec<String>,
    /// Place names and scope words ("florida", "nationwide", "miami-dade").
    pub scope: Vec<String>,
    /// Content words of a clause that restricts the head ("who own MP3 players").
    pub clause: Vec<String>,
}

/// Heads that name no countable thing of their own: changes, totals, units of time,
/// positions in a sequence ("Creighton's first eight points" counts points, not firsts).
const GENERIC_HEADS: &[&str] = &[
    "higher", "lower", "drop", "fall", "rise", "increase", "decrease", "growth", "gain", "jump",
    "figure", "total", "number", "amount", "level", "time", "year", "month", "week", "day", "hour",
    "minute", "second", "point", "percent", "cent", "one", "it", "them", "him", "her", "this",
    "that", "more", "less", "most", "much", "many", "other", "rest", "half", "part", "lot", "few",
    "up", "down", "ago", "earlier", "later", "before", "after", "again", "first", "last", "next",
    "final", "previous", "latest", "third", "fourth", "fifth",
];

/// Days named from the report's own ("today"): when, not what is counted.
const DAY_WORDS: &[&str] = &["today", "tonight", "tomorrow", "yesterday"];

/// Nouns ending in "-ly", which is otherwise an adverb's ending.
const LY_NOUNS: &[&str] = &[
    "family", "supply", "assembly", "ally", "rally", "monopoly", "belly", "bully", "jelly",
];

/// An adverb by its ending ("briefly", "respectively"): no part of what is counted.
fn is_ly_adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly") && !LY_NOUNS.contains(&w)
}

/// Words that open a restrictive clause after the head.
const CLAUSE_OPENERS: &[&str] = &["who", "that", "which", "whose", "where"];

/// Splits a subject into head, modifiers and scope.
pub fn counted(subject: &str) -> Option<Counted> {
    let mut head_words: Vec<String> = Vec::new();
    let mut scope: Vec<String> = Vec::new();
    let mut clause: Vec<String> = Vec::new();
    let mut in_head = true;
    let mut in_clause = false;
    for raw in subject.split_whitespace() {
        let token =
            raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '(' && c != ')');
        let token = token.trim_end_matches("’s").trim_end_matches("'s");
        if token.is_empty() {
            continue;
        }
        let lower = token.to_lowercase();
        let capitalised = token.chars().next().is_some_and(char::is_uppercase);
        if SCOPE_WORDS.contains(&lower.as_str()) {
            scope.push(lower);
            continue;
        }
        // A preposition, or a participle after the head ("residents being foreign-born",
        // "voters identifying as…"), ends the head phrase.
        // A past tense or participle after the head that is no count's own word (unlike
        // "injured", "killed") says what the counted did: "shells struck", "bombs landed".
        let past = !head_words.is_empty()
            && lower.ends_with("ed")
            && lower.len() > 4
            && !SYNONYMS.iter().any(|(w, _)| *w == lower);
        let participle =
            !head_words.is_empty() && (lower.ends_with("ing") && lower.len() > 5 || past);
        if in_clause {
            if !STOP.contains(&lower.as_str()) && lower.len() > 2 {
                clause.push(singular(&lower));
            }
            continue;
        }
        // An adverb before the head is left out ("mostly young people"); after it, it
        // opens what the counted did ("people briefly rampaged").
        let adverb = is_ly_adverb(&lower);
        if adverb && head_words.is_empty() {
            continue;
        }
        if !head_words.is_empty()
            && (CLAUSE_OPENERS.contains(&lower.as_str()) || participle || adverb)
        {
            in_head = false;
            in_clause = true;
            if participle {
                clause.push(lower);
            }
            continue;
        }
        // "killed or injured", "dead and wounded": the first of two coordinated heads
        // (what a zero of "no one was killed or injured" counts first).
        let conjunction = !head_words.is_empty() && matches!(lower.as_str(), "or" | "and");
        if PREPOSITIONS.contains(&lower.as_str()) || lower == "being" || conjunction {
            in_head = false;
            continue;
        }
        if capitalised && !in_head {
            scope.push(lower);
            continue;
        }
        if capitalised
            && in_head
            && !head_words.is_empty()
            && lower.chars().all(char::is_alphabetic)
        {
            // A proper name inside the head phrase ("Florida state troopers") is scope.
            scope.push(lower);
            continue;
        }
        if in_head && !STOP.contains(&lower.as_str()) && !lower.chars().all(|c| c.is_ascii_digit())
        {
            head_words.push(lower);
        }
    }
    // A leading proper name with nothing else before it is scope too ("Miami residents").
    let head_raw = head_words.pop()?;
    let head = singular(&head_raw);
    if head.len() < 3
        || !head.chars().all(|c| c.is_alphabetic() || c == '-')
        || GENERIC_HEADS.contains(&head.as_str())
        || DAY_WORDS.contains(&head.as_str())
    {
        return None;
    }
    let head = SYNONYMS
        .iter()
        .find(|(w, _)| *w == head)
        .map(|(_, c)| c.to_string())
        .unwrap_or(head);
    // "death toll": the modifier only repeats the head's class.
    let mut modifiers: Vec<String> = head_words
        .iter()
        .map(|w| singular(w))
        .filter(|w| SYNONYMS.iter().find(|(s, _)| s == w).map(|(_, c)| *c) != Some(head.as_str()))
        .collect();
    modifiers.sort();
    modifiers.dedup();
    scope.sort();
    scope.dedup();
    clause.sort();
    clause.dedup();
    Some(Counted {
        head,
        modifiers,
        scope,
        clause,
    })
}

fn subset(a: &[String], b: &[String]) -> bool {
    a.iter().all(|x| b.contains(x))
}

/// Two subjects count the same thing: same head, one's modifiers within the other's, and
/// no conflicting scope.
pub fn same_quantity(a: &Counted, b: &Counted) -> bool {
    a.head == b.head
        && (subset(&a.modifiers, &b.modifiers) || subset(&b.modifiers, &a.modifiers))
        && (a.scope.is_empty() || b.scope.is_empty() || a.scope == b.scope)
        && (a.clause.is_empty()
            || b.clause.is_empty()
            || a.clause.iter().any(|w| b.clause.contains(w)))
}

/// The class of values a statistic can be compared with.
fn value_class(s: &Statistic) -> Option<String> {
    if s.kind == StatKind::Percent && is_change(s) {
        return None;
    }
    // The amount of a change ("fell 618 mln dlrs to 278.88 billion") is compared only
    // with other changes, never with a level.
    let change = if is_change(s) { "change:" } else { "" };
    let class = match s.kind {
        StatKind::Count | StatKind::Range => Some("count".into()),
        StatKind::Percent | StatKind::Fraction => Some("share".into()),
        StatKind::Money => Some(format!("money:{}", s.unit.as_deref().unwrap_or(""))),
        StatKind::Ratio => Some("ratio".into()),
        StatKind::Measure => Some(format!("measure:{}", s.unit.as_deref().unwrap_or(""))),
        StatKind::Age => None,
    };
    class.map(|c: String| format!("{change}{c}"))
}

/// Words before a percentage that make it a change over some period ("fell by 1.3%",
/// "up 2%"), and words after it that do ("a 5% rise"). A change is relative to a period
/// the text rarely pins down, so changes are not compared across articles.
const CHANGE_BEFORE: &[&str] = &[
    "by",
    "up",
    "down",
    "rose",
    "rise",
    "risen",
    "fell",
    "fallen",
    "fall",
    "increased",
    "decreased",
    "gained",
    "lost",
    "grew",
    "dropped",
    "jumped",
    "climbed",
    "declined",
    "slid",
    "added",
    "shed",
    "surged",
    "soared",
    "slumped",
    "tumbled",
    "plunged",
    "edged",
    "cut",
    "raised",
    "lowered",
    "boosted",
    "grow",
    "growth",
    "rising",
    "falling",
];
const CHANGE_AFTER: &[&str] = &[
    "rise",
    "increase",
    "fall",
    "drop",
    "decline",
    "growth",
    "gain",
    "jump",
    "cut",
    "higher",
    "lower",
    "more",
    "less",
    "up",
    "down",
    "above",
    "below",
    "stake",
    "rises",
    "increases",
];

fn is_change(s: &Statistic) -> bool {
    let Some(at) = s.sentence.find(&s.text) else {
        return false;
    };
    let before = s.sentence[..at]
        .split_whitespace()
        .rev()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .find(|w| {
            !w.is_empty()
                && !matches!(
                    w.as_str(),
                    "about"
                        | "almost"
                        | "nearly"
                        | "some"
                        | "around"
                        | "roughly"
                        | "than"
                        | "more"
                        | "just"
                        | "only"
                        | "over"
                        | "a"
                        | "an"
                )
        });
    let after = s.sentence[at + s.text.len()..]
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .find(|w| !w.is_empty());
    before.is_some_and(|w| CHANGE_BEFORE.contains(&w.as_str()))
        || after.is_some_and(|w| CHANGE_AFTER.contains(&w.as_str()))
}

/// The value on a common scale: shares as percent.
fn scaled(s: &Statistic, v: f64) -> f64 {
    if s.kind == StatKind::Fraction {
        v * 100.0
    } else {
        v
    }
}

fn is_round(v: f64) -> bool {
    v >= 100.0 && v.fract() == 0.0 && (v as u64).is_multiple_of(100)
}

/// The number as written, when it has decimal places ("7.6", "$1.375 billion" → 1.375),
/// with how many.
fn written_decimal(text: &str) -> Option<(f64, usize)> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let num: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .filter(|c| *c != ',')
        .collect();
    let num = num.trim_end_matches('.');
    let (_, frac) = num.split_once('.')?;
    if frac.is_empty() || !frac.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((num.parse().ok()?, frac.len()))
}

/// Half a unit of the last decimal place a figure is written with, on the figure's own
/// scale ("about 7.6" → 0.05; "about $3.5 billion" → 50 million), when it has one.
fn half_last_place(s: &Statistic, v: f64) -> Option<f64> {
    let (written, places) = written_decimal(&s.text)?;
    if written <= 0.0 {
        return None;
    }
    Some(0.5 * 10f64.powi(-(places as i32)) * (v / written))
}

/// How far past a lower bound ("at least", "more than") a figure of one count may go.
const LOWER_BOUND_REACH: f64 = 1.15;

/// The interval of values the statistic allows, given its qualifier.
pub fn interval(s: &Statistic) -> (f64, f64) {
    let v = scaled(s, s.value);
    let approximate = s.qualifier == Some(Qualifier::Approximate) || s.kind == StatKind::Fraction;
    if let Some(h) = s.high {
        return (v, scaled(s, h));
    }
    match s.qualifier {
        // A lower bound is a count as far as it is known ("at least 70 injured"): a
        // later, larger tally can exceed it a little ("at least 4" then 5) but not by
        // much ("at least 70" against "about 100" is two reports of one count that
        // disagree). Shares and ratios keep the open bound: "more than half" is 60%.
        Some(Qualifier::LowerBound)
            if matches!(
                s.kind,
                StatKind::Count | StatKind::Money | StatKind::Measure
            ) =>
        {
            (v, (v * LOWER_BOUND_REACH).max(v + 1.0))
        }
        Some(Qualifier::LowerBound) => (v, f64::INFINITY),
        Some(Qualifier::UpperBound) => (f64::NEG_INFINITY, v),
        // A reading given to a decimal place ("about 7.6", "roughly 2.5%") is approximate
        // to that place: a magnitude of 7.6 and one of 7.7 disagree.
        _ if approximate && let Some(half) = half_last_place(s, v) => (v - half, v + half),
        _ if approximate => (v * 0.95, v * 1.05),
        Some(Qualifier::Exact) => (v, v),
        _ if is_round(v) => (v * 0.98, v * 1.02),
        _ => (v, v),
    }
}

/// The values a statistic allows beside the article's other figures: a lower bound is
/// open there, as the writer who gives "at least one fell inside the camp" and "four
/// bombs were dropped" knows both figures and gives no two values of one count.
fn within_article(s: &Statistic) -> (f64, f64) {
    match s.qualifier {
        Some(Qualifier::LowerBound) if s.high.is_none() => (scaled(s, s.value), f64::INFINITY),
        _ => interval(s),
    }
}

/// Counts or sums that differ by more than this factor measure different things (a
/// month's new applications against all agreements to date), not one quantity reported
/// differently.
const MAX_MAGNITUDE_RATIO: f64 = 20.0;

fn same_magnitude(a: &Statistic, b: &Statistic) -> bool {
    if !matches!(
        a.kind,
        StatKind::Count | StatKind::Range | StatKind::Money | StatKind::Measure
    ) {
        return true;
    }
    let (x, y) = (a.value.abs(), b.value.abs());
    let (lo, hi) = (x.min(y), x.max(y));
    // "No one was killed" against "12 killed": a count of none disagrees with any other.
    let none = lo == 0.0 && hi > 0.0 && a.kind == StatKind::Count && b.kind == StatKind::Count;
    none || lo > 0.0 && hi / lo <= MAX_MAGNITUDE_RATIO
}

/// A modifier one subject has and the other lacks must at least occur in the other
/// article: "agreements" in an article about 287(g) agreements are 287(g) agreements,
/// "firms" in an article that never says "music" are not "music firms".
fn modifiers_in_context(item: &Item<'_>, other: &Topic) -> bool {
    item.counted.modifiers.iter().all(|m| other.has_word(m))
}

/// Blocks larger than this are split by story before pairs are compared.
const SMALL_BLOCK: usize = 64;
/// A story term shared by more items than this is too common to block on.
const MAX_STORY_BLOCK: usize = 400;

/// The pairs of a block worth comparing: all of them in a small block; in a large one,
/// pairs whose articles share one of their heaviest terms (articles on one story do),
/// which keeps the work near-linear however many articles count "people".
fn candidate_pairs(items: &[Item<'_>], topics: &[Topic]) -> Vec<(usize, usize)> {
    let n = items.len();
    if n <= SMALL_BLOCK {
        return (0..n)
            .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
            .collect();
    }
    let mut by_term: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, it) in items.iter().enumerate() {
        for &t in &topics[it.article].top {
            by_term.entry(t).or_default().push(i);
        }
    }
    let mut pairs: Vec<(usize, usize)> = by_term
        .values()
        .filter(|l| l.len() >= 2 && l.len() <= MAX_STORY_BLOCK)
        .flat_map(|l| {
            l.iter()
                .enumerate()
                .flat_map(move |(k, &i)| l[k + 1..].iter().map(move |&j| (i.min(j), i.max(j))))
        })
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

struct Item<'a> {
    article: usize,
    stat: &'a Statistic,
    counted: Counted,
    /// Who the figure belongs to, when its clause names someone before it.
    owner: Vec<String>,
    /// Set when its clause puts it in an earlier event ([`is_background`]).
    background: bool,
    /// Said of what is needed, planned or possible, not of what happened.
    modal: bool,
    /// Set when its sentence marks it as a running or revised count ([`is_update`]).
    update: bool,
    /// The month and day of its article's wire dateline, if it has one.
    dateline: Option<(u32, u32)>,
    /// The content words of its sentence, hashed, sorted and unique ([`context_words`]).
    context: Vec<u64>,
}

/// Capitalised words that open sentences and clauses without naming anyone (month and
/// weekday names are checked in `crate::calendar`).
const NOT_OWNERS: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "as",
    "at",
    "for",
    "but",
    "and",
    "of",
    "it",
    "this",
    "that",
    "these",
    "those",
    "he",
    "she",
    "they",
    "we",
    "i",
    "his",
    "her",
    "their",
    "its",
    "there",
    "since",
    "after",
    "before",
    "when",
    "while",
    "although",
    "some",
    "many",
    "more",
    "most",
    "all",
    "about",
    "almost",
    "nearly",
    "over",
    "under",
    "up",
    "down",
    "to",
    "from",
    "by",
    "with",
    "mr",
    "ms",
    "mrs",
    "dr",
    "so",
    "if",
    "only",
    "just",
    "now",
    "then",
    "last",
    "this",
    "gov",
    "rep",
    "sen",
    "president",
];

/// Words that end the clause of a figure when read backwards from it.
const CLAUSE_BREAKS: &[&str] = &[
    "and",
    "while",
    "whereas",
    "but",
    "said",
    "says",
    "noting",
    "adding",
    "according",
    "that",
    "which",
    "who",
];

/// The owner of a figure: the capitalised names in its clause before it ("Smith won 52% of
/// the vote, while Jones received 45%" gives Smith for 52% and Jones for 45%). Shares and
/// counts owned by different people are different quantities. A clause that has no names
/// and joins its sentence by "and", "but" or "or" with its verb first ("Manning completed
/// his first 17 passes and threw for 364 yards") shares the sentence's subject: then the
/// names that open the sentence own the figure, when they are names in `body` (never
/// written there in lower case, which a capitalised "Police" or "Rescuers" is).
fn owner(stat: &Statistic, body: &str) -> Vec<String> {
    let Some(at) = stat.sentence.find(&stat.text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    // The clause's words, last first.
    let mut clause: Vec<&str> = Vec::new();
    let mut shares_subject = false;
    for raw in stat.sentence[..at].split_whitespace().rev() {
        let ends_clause =
            raw.ends_with([',', ';', ':', '—', '–']) || matches!(raw, "-" | "--" | "—" | "–");
        if ends_clause {
            break;
        }
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
        let w = w.trim_end_matches("’s").trim_end_matches("'s");
        let lower = w.to_lowercase();
        if CLAUSE_BREAKS.contains(&lower.as_str()) {
            // Its verb first ("and threw for 364 yards"), or no verb at all ("and the
            // five seed"): the clause goes on with the sentence's subject.
            shares_subject = matches!(lower.as_str(), "and" | "but" | "or")
                && clause.last().is_some_and(|first| {
                    starts_with_verb(first)
                        || !clause[..clause.len() - 1]
                            .iter()
                            .any(|w| starts_with_verb(w) || SUBJECT_PRONOUNS.contains(w))
                });
            break;
        }
        clause.push(w);
        if w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().any(char::is_lowercase)
            && !NOT_OWNERS.contains(&lower.as_str())
            && crate::calendar::month_number(&lower).is_none()
            && !crate::calendar::is_weekday(&lower)
        {
            out.push(lower);
        }
    }
    if out.is_empty() && shares_subject {
        out = lead_names(&stat.sentence[..at], body);
    }
    // "He had eight catches": the clause's subject is a pronoun, so the figure is the
    // person's the article last named as a sentence's subject.
    if out.is_empty()
        && clause
            .last()
            .is_some_and(|w| matches!(w.to_lowercase().as_str(), "he" | "she"))
    {
        let sentence_start = stat.start.saturating_sub(at);
        if body.is_char_boundary(sentence_start) {
            out = last_named_subject(&body[..sentence_start], body);
        }
    }
    out
}

/// How many sentences back a pronoun's person is looked for.
const PRONOUN_REACH: usize = 4;

/// The names opening the latest of the last few sentences of `before` that opens on a
/// name (not "The …", which names a team or an institution, nor a pronoun).
fn last_named_subject(before: &str, body: &str) -> Vec<String> {
    before
        .split_inclusive(['.', '?', '!', '\n'])
        .rev()
        .map(str::trim)
        .filter(|s| s.split_whitespace().count() > 2)
        .take(PRONOUN_REACH)
        .filter(|s| !s.starts_with("The "))
        .map(|s| lead_names(s, body))
        .find(|names| !names.is_empty())
        .unwrap_or_default()
}

/// Pronouns that stand as a clause's own subject.
const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];

/// Words of an organisation's name that do not tell one from another.
const GENERIC_NAME_WORDS: &[&str] = &[
    "corp",
    "corporation",
    "inc",
    "co",
    "company",
    "ltd",
    "plc",
    "group",
    "holdings",
    "bank",
    "international",
    "national",
    "american",
    "british",
    "united",
    "new",
    "general",
    "first",
];

/// The words of a name that tell one owner from another: not its [`GENERIC_NAME_WORDS`].
fn telling(name: &[String]) -> impl Iterator<Item = &str> {
    name.iter()
        .map(String::as_str)
        .filter(|w| !GENERIC_NAME_WORDS.contains(w))
}

/// Who an article is about, as its first sentence names it ("Marcus Corp said its board
/// voted…" gives marcus, corp): the names that open that sentence, after a wire
/// dateline ("MILWAUKEE, March 20 -"). Empty when it opens otherwise.
fn lead_actor(body: &str) -> Vec<String> {
    let first = body
        .split_inclusive(['\n'])
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    // Past the dateline's dash, when one stands among the first words.
    let dash = [" - ", " — ", " – "]
        .iter()
        .filter_map(|sep| first.find(sep).map(|d| (d, d + sep.len())))
        .min();
    let first = match dash {
        Some((d, after)) if first[..d].split_whitespace().count() <= 8 => &first[after..],
        _ => first,
    };
    let first = first.split(". ").next().unwrap_or(first);
    let lead = lead_names(first.trim_start(), body);
    // One capitalised word opening the article is a name only when the article writes
    // it capitalised inside a sentence too ("Half the city…", "Police in…" are not).
    let named = match lead.as_slice() {
        [one] => {
            let raw = first
                .split_whitespace()
                .find(|w| w.to_lowercase().contains(one.as_str()));
            raw.is_some_and(|w| {
                w.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(|c| c.is_uppercase())
            }) || capitalised_inside_sentence(body, one)
        }
        _ => true,
    };
    if named { lead } else { Vec::new() }
}

/// Whether `word` (lower case) stands in `body` capitalised after a word of its sentence
/// (not at a sentence's start, where any word is capitalised).
fn capitalised_inside_sentence(body: &str, word: &str) -> bool {
    let cap = capitalise(word);
    word_positions(body, &cap).any(|i| {
        let prev = body[..i]
            .trim_end_matches([' ', '\t', '(', '<'])
            .chars()
            .next_back();
        prev.is_some_and(|c| c.is_alphanumeric() || c == ',')
    })
}

/// `word` with its first letter in upper case.
fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Whether two articles may report one figure as far as their main actors go: unless
/// both open on named actors, neither names the other's (a company's dividend is not
/// another company's, though the wire stories read alike).
fn same_actors(a: (&[String], &str), b: (&[String], &str)) -> bool {
    let distinctive = |lead: &[String]| -> Vec<String> {
        telling(lead)
            .filter(|w| w.len() > 2)
            .map(str::to_string)
            .collect()
    };
    let named_in = |words: &[String], body: &str| {
        words
            .iter()
            .any(|w| written_capitalised(body, w) || stands_as_word(body, &w.to_uppercase()))
    };
    let (da, db) = (distinctive(a.0), distinctive(b.0));
    // The first telling word heads the name ("Grumman" of "The Grumman Space Systems
    // division"); a later one may be a common word of many names ("Space").
    da.is_empty() || db.is_empty() || named_in(&da[..1], b.1) || named_in(&db[..1], a.1)
}

/// Whether `word` (lower case) stands in `body` as a word with a capital first letter.
fn written_capitalised(body: &str, word: &str) -> bool {
    stands_as_word(body, &capitalise(word))
}

/// Whether a clause's first word is a verb rather than the start of a noun phrase: a
/// lower-case word ending like a past or present verb form, or a common verb of reports
/// of games and events. Determiners, pronouns and numbers open noun phrases.
fn starts_with_verb(w: &str) -> bool {
    if !w.chars().next().is_some_and(char::is_lowercase) || NOT_OWNERS.contains(&w) {
        return false;
    }
    (w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing")))
        || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss"))
        || matches!(
            w,
            "threw"
                | "ran"
                | "won"
                | "lost"
                | "had"
                | "has"
                | "hit"
                | "made"
                | "got"
                | "took"
                | "gave"
                | "put"
                | "set"
                | "came"
                | "went"
                | "fell"
                | "rose"
                | "left"
                | "led"
                | "beat"
                | "drew"
                | "saw"
                | "kept"
                | "held"
                | "scored"
                | "caught"
                | "shot"
        )
}

/// The names that open a sentence ("Tyler Hansbrough scored…", "The Indianapolis Colts
/// clinched…"), lower case; none when the opening capitalised words are written in lower
/// case elsewhere in `body` (common nouns at a sentence's start) or the sentence opens
/// otherwise.
fn lead_names(sentence: &str, body: &str) -> Vec<String> {
    let mut words = sentence.split_whitespace().peekable();
    if words.peek().is_some_and(|w| *w == "The") {
        words.next();
    }
    let mut out = Vec::new();
    for raw in words {
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
        let w = w.trim_end_matches("’s").trim_end_matches("'s");
        // A capitalised name, or an acronym of two to five letters ("GTE", "IBM").
        let acronym = (2..=5).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase());
        if !(acronym
            || w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().any(char::is_lowercase))
        {
            break;
        }
        let lower = w.to_lowercase();
        if NOT_OWNERS.contains(&lower.as_str()) || stands_as_word(body, &lower) {
            return Vec::new();
        }
        out.push(lower);
        if raw.ends_with([',', ';', ':']) || out.len() == 3 {
            break;
        }
    }
    out
}

/// Where `word` stands in `body` as a whole word, written as given.
fn word_positions<'b>(body: &'b str, word: &'b str) -> impl Iterator<Item = usize> + 'b {
    body.match_indices(word).map(|(i, _)| i).filter(move |&i| {
        let before = body[..i].chars().next_back();
        let after = body[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Whether `word` stands in `body` as a whole word, written as given.
fn stands_as_word(body: &str, word: &str) -> bool {
    word_positions(body, word).next().is_some()
}

/// Words that put a figure in an earlier event than the story's own ("had previously been
/// arrested four times", "the former record of 2,116", "a prior conviction").
const BACKGROUND_WORDS: &[&str] = &["previously", "prior", "former", "formerly"];

/// Words that mark a figure as a running or revised count: two such figures differ
/// because the count moved, not because the reports disagree ("the toll rose to 43",
/// "12 so far", "later revised to 40", "initially reported 30").
const UPDATE_WORDS: &[&str] = &[
    "so far",
    "rose to",
    "risen to",
    "climbed to",
    "jumped to",
    "increased to",
    "grew to",
    "fell to",
    "dropped to",
    "revised",
    "initially",
    "originally",
    "at first",
    "to date",
    "now stands",
    "has reached",
    "had reached",
    "latest",
    "updated",
];

/// The words of the figure's sentence before it, lower case.
fn before_figure(stat: &Statistic) -> String {
    match stat.sentence.find(&stat.text) {
        Some(at) => stat.sentence[..at].to_lowercase(),
        None => String::new(),
    }
}

/// Whether the figure's clause puts it in an earlier event than the story's own.
fn is_background(stat: &Statistic) -> bool {
    let before = before_figure(stat);
    let clause = before
        .rsplit([',', ';', ':', '—', '–'])
        .next()
        .unwrap_or("");
    clause
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| BACKGROUND_WORDS.contains(&w))
}

/// Words that make a figure what is needed, wanted, planned or possible rather than what
/// happened ("needed just nine points", "could be sentenced to up to 119 years", "$3
/// billion could be diverted"): such a figure is compared only with another such one.
const MODAL_WORDS: &[&str] = &[
    "need", "needs", "needed", "needing", "require", "requires", "required", "would", "could",
    "might", "may", "should", "must", "hope", "hopes", "hoped", "hoping", "aim", "aims", "aimed",
    "aiming", "plan", "plans", "planned", "planning", "want", "wants", "wanted", "proposed",
];

/// Words looked at before a figure (inside its clause) and after it.
const MODAL_BEFORE: usize = 6;
const MODAL_AFTER: usize = 3;

/// Whether a modal word stands near the figure: among the few words of its clause before
/// it, or the first words after it (the figure as the subject of "could be").
fn is_modal(stat: &Statistic) -> bool {
    let Some(at) = stat.sentence.find(&stat.text) else {
        return false;
    };
    let word = |raw: &str| {
        raw.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    for raw in stat.sentence[..at]
        .split_whitespace()
        .rev()
        .take(MODAL_BEFORE)
    {
        if raw.ends_with([',', ';', ':']) {
            break;
        }
        if MODAL_WORDS.contains(&word(raw).as_str()) {
            return true;
        }
    }
    let after = &stat.sentence[at + stat.text.len()..];
    for raw in after.split_whitespace().take(MODAL_AFTER) {
        if MODAL_WORDS.contains(&word(raw).as_str()) {
            return true;
        }
        if raw.ends_with([',', ';', ':', '.']) {
            break;
        }
    }
    false
}

/// Whether the figure's sentence marks it as a running or revised count.
fn is_update(stat: &Statistic) -> bool {
    let s = stat.sentence.to_lowercase();
    UPDATE_WORDS.iter().any(|w| stands_as_word(&s, w))
}

/// The content words of a figure's sentence: letters only, three or more of them, not a
/// stop word; lower case, hashed, sorted and unique.
fn context_words(sentence: &str) -> Vec<u64> {
    let mut out: Vec<u64> = sentence
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() > 2)
        .map(str::to_lowercase)
        .filter(|w| !super::topics::STOPWORDS.contains(&w.as_str()) && !STOP.contains(&w.as_str()))
        .map(|w| super::topics::word_hash(&singular(&w)))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Of the shorter sentence's content words, the share the other sentence has too.
fn context_overlap(a: &[u64], b: &[u64]) -> f32 {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.is_empty() {
        return 0.0;
    }
    let shared = short
        .iter()
        .filter(|w| long.binary_search(w).is_ok())
        .count();
    shared as f32 / short.len() as f32
}

/// Whether one of two same-quantity subjects says more than its head ("287(g)
/// agreements"; the other article must use the word too, [`modifiers_in_context`]), or
/// both name one place: that aligns them without their sentences' help. A bare head
/// ("games", "passes", "teams") does not.
fn shares_modifier(a: &Counted, b: &Counted) -> bool {
    !a.modifiers.is_empty()
        || !b.modifiers.is_empty()
        || a.scope.iter().any(|w| b.scope.contains(w))
}

/// Two figures whose subjects share only their head and whose sentences share less than this of their content words are about
/// different things, however alike their subjects read ("his 7-yard touchdown pass to
/// Wayne" and "an 11-yard pass to Hilton"): a report of one fact in two articles repeats
/// some of its setting (who, where, what happened).
const MIN_CONTEXT: f32 = 0.25;

/// Two sentences sharing this much of their content words tell the same thing.
const RETOLD: f32 = 0.5;

/// Two figures may be the same quantity only if they do not belong to different owners.
/// Words of an organisation's name that tell nothing ("Corp", "Inc") do not count.
fn same_owner(a: &Item<'_>, b: &Item<'_>) -> bool {
    let (a, b): (Vec<&str>, Vec<&str>) = (telling(&a.owner).collect(), telling(&b.owner).collect());
    a.is_empty() || b.is_empty() || a.iter().any(|w| b.contains(w))
}

fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

fn describe(a: &ArticleClaims<'_>, s: &Statistic) -> String {
    let q = match s.qualifier {
        Some(Qualifier::Approximate) if !s.text.to_lowercase().starts_with("about") => "about ",
        Some(Qualifier::LowerBound) => "at least ",
        Some(Qualifier::UpperBound) => "at most ",
        _ => "",
    };
    let mut d = format!("{}{}", q, s.text);
    match (&s.time, a.date) {
        (Some(t), _) => d.push_str(&format!(" ({t})")),
        (None, Some(date)) => d.push_str(&format!(" (published {date})")),
        _ => {}
    }
    format!("{} in {}", d, file_name(a.path))
}

fn claim_ref(a: &ArticleClaims<'_>, s: &Statistic, shared: bool) -> ClaimRef {
    ClaimRef {
        article_id: a.id.to_string(),
        path: a.path.to_string(),
        value: s.value,
        high: s.high,
        unit: s.unit.clone(),
        text: s.text.clone(),
        sentence: s.sentence.clone(),
        qualifier: s.qualifier,
        time: s.time.clone(),
        start: s.start,
        end: s.end,
        shared_text: shared,
    }
}

fn norm_time(t: &Option<String>) -> Option<String> {
    t.as_ref().map(|t| words(t).join(" "))
}

/// Whether a "sentence" is a table run together (a wire's grain prices, a results
/// table): most of its words are figures or dashes. Its cells have no subject a figure
/// elsewhere could share.
fn is_table(sentence: &str) -> bool {
    let (mut cells, mut all, mut words, mut capitals) = (0, 0, 0, 0);
    for w in sentence.split_whitespace() {
        all += 1;
        if w.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '/' | '—' | '–'))
        {
            cells += 1;
        }
        let letters = w.chars().filter(|c| c.is_alphabetic());
        if letters.clone().count() >= 2 {
            words += 1;
            capitals += usize::from(letters.clone().all(char::is_uppercase));
        }
    }
    // Or its words are in capitals: a table's headings and row labels ("CHOICE STEERS
    // YIELD GRADE 3 600/700 unquoted"), never a reporter's prose.
    all >= 8 && (cells * 2 > all || words >= 6 && capitals * 10 >= words * 7)
}

/// Finds conflicts, figures that moved, minor discrepancies and corroborations. Figures
/// are compared only inside a story: `story[i]` is article `i`'s.
pub fn compare(
    articles: &[ArticleClaims<'_>],
    shared: &SharedText,
    topics: &[Topic],
    story: &[usize],
) -> (Vec<Finding>, Vec<Finding>) {
    use rayon::prelude::*;
    // Each statistic's block: (story, value class, head of what is counted).
    let keyed: Vec<Vec<(&Statistic, String, Counted)>> = articles
        .par_iter()
        .map(|a| {
            a.claims
                .statistics
                .iter()
                .filter_map(|s| {
                    let (Some(class), Some(subject)) = (value_class(s), s.subject.as_deref())
                    else {
                        return None;
                    };
                    if is_table(&s.sentence) {
                        return None;
                    }
                    Some((s, class, counted(subject)?))
                })
                .collect()
        })
        .collect();
    // Only a block with figures of two articles can hold a finding: the others are not
    // looked at further.
    let mut spread: HashMap<(usize, &str, &str), (usize, bool)> = HashMap::new();
    for (ai, stats) in keyed.iter().enumerate() {
        for (_, class, c) in stats {
            let e = spread
                .entry((story[ai], class.as_str(), c.head.as_str()))
                .or_insert((ai, false));
            e.1 |= e.0 != ai;
        }
    }
    let compared: Vec<Vec<bool>> = keyed
        .iter()
        .enumerate()
        .map(|(ai, stats)| {
            stats
                .iter()
                .map(|(_, class, c)| spread[&(story[ai], class.as_str(), c.head.as_str())].1)
                .collect()
        })
        .collect();
    drop(spread);
    // Each article's main actor (who its first sentence is about), for the articles
    // compared.
    let leads: Vec<Vec<String>> = compared
        .par_iter()
        .enumerate()
        .map(|(ai, keep)| {
            if keep.contains(&true) {
                lead_actor(articles[ai].body)
            } else {
                Vec::new()
            }
        })
        .collect();
    let items: Vec<Vec<(String, Item<'_>)>> = keyed
        .into_par_iter()
        .zip(compared)
        .enumerate()
        .map(|(ai, (stats, keep))| {
            let a = &articles[ai];
            let dateline = crate::calendar::dateline_day(a.body);
            stats
                .into_iter()
                .zip(keep)
                .filter(|x| x.1)
                .map(|((s, class, c), _)| {
                    let item = Item {
                        article: ai,
                        stat: s,
                        owner: owner(s, a.body),
                        background: is_background(s),
                        modal: is_modal(s),
                        update: is_update(s),
                        dateline,
                        context: context_words(&s.sentence),
                        counted: c,
                    };
                    (class, item)
                })
                .collect()
        })
        .collect();
    let mut blocks: HashMap<(usize, String, String), Vec<Item<'_>>> = HashMap::new();
    for (ai, its) in items.into_iter().enumerate() {
        for (class, item) in its {
            blocks
                .entry((story[ai], class, item.counted.head.clone()))
                .or_default()
                .push(item);
        }
    }
    let mut keys: Vec<_> = blocks.keys().cloned().collect();
    keys.sort();
    // Blocks are independent: compare them in parallel, then keep the block order so
    // the output does not depend on scheduling.
    let per_block: Vec<(Vec<Finding>, Vec<Finding>)> = keys
        .par_iter()
        .map(|key| compare_block(articles, shared, topics, &leads, &blocks[key]))
        .collect();
    let mut conflicts = Vec::new();
    let mut corroborations = Vec::new();
    for (c, k) in per_block {
        conflicts.extend(c);
        corroborations.extend(k);
    }
    (conflicts, corroborations)
}

/// The root of `x` in a union-find forest (`p[i]` is `i`'s parent), halving paths.
pub(super) fn root(p: &mut [usize], mut x: usize) -> usize {
    while p[x] != x {
        p[x] = p[p[x]];
        x = p[x];
    }
    x
}

/// Groups the same-quantity statistics of one block and judges each group.
fn compare_block(
    articles: &[ArticleClaims<'_>],
    shared: &SharedText,
    topics: &[Topic],
    leads: &[Vec<String>],
    items: &[Item<'_>],
) -> (Vec<Finding>, Vec<Finding>) {
    let mut conflicts = Vec::new();
    let mut corroborations = Vec::new();
    if items.len() < 2 {
        return (conflicts, corroborations);
    }
    let mut parent: Vec<usize> = (0..items.len()).collect();
    for (i, j) in candidate_pairs(items, topics) {
        let (ai, aj) = (items[i].article, items[j].article);
        if ai == aj || root(&mut parent, i) == root(&mut parent, j) {
            continue;
        }
        if same_quantity(&items[i].counted, &items[j].counted)
            && same_owner(&items[i], &items[j])
            && same_actors(
                (&leads[ai], articles[ai].body),
                (&leads[aj], articles[aj].body),
            )
            && items[i].background == items[j].background
            && items[i].modal == items[j].modal
            && same_magnitude(items[i].stat, items[j].stat)
            && (shares_modifier(&items[i].counted, &items[j].counted)
                || context_overlap(&items[i].context, &items[j].context) >= MIN_CONTEXT)
            && modifiers_in_context(&items[i], &topics[aj])
            && modifiers_in_context(&items[j], &topics[ai])
        {
            let (a, b) = (root(&mut parent, i), root(&mut parent, j));
            parent[a] = b;
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..items.len() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = groups.into_values().collect();
    groups.sort();
    for g in groups {
        let arts: std::collections::BTreeSet<usize> = g.iter().map(|&i| items[i].article).collect();
        if arts.len() < 2 {
            continue;
        }
        judge(
            articles,
            shared,
            items,
            &g,
            &mut conflicts,
            &mut corroborations,
        );
    }
    (conflicts, corroborations)
}

/// Whether a figure's sentence sets it against a base value ("vs", "versus", "against",
/// "compared with", "from" and another figure within a few words after it), or it is
/// that base ("vs 824,000 dlrs").
fn compared_with_base(s: &Statistic) -> bool {
    let Some(at) = s.sentence.find(&s.text) else {
        return false;
    };
    // The base itself: "vs 824,000 dlrs", "from 6.44 mln", "against 87.6 previously".
    let before = s.sentence[..at].split_whitespace().rev().take(3);
    if before
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .any(|w| matches!(w.as_str(), "vs" | "versus" | "against" | "from"))
    {
        return true;
    }
    let after = &s.sentence[at + s.text.len()..];
    let mut words = after.split_whitespace().take(9).peekable();
    let mut linked = false;
    while let Some(w) = words.next() {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if linked
            && (w.starts_with(|c: char| c.is_ascii_digit())
                || w == "nil"
                || crate::claims::numbers::number_word(&w).is_some())
        {
            return true;
        }
        if matches!(w.as_str(), "vs" | "versus" | "against" | "from")
            || w == "compared" && words.peek().is_some_and(|n| matches!(*n, "with" | "to"))
        {
            linked = true;
        }
    }
    false
}

/// The part of a trading session a running report's headline says it covers: 0 the
/// opening, 1 the middle of the day, 2 the afternoon, 3 the close ("CANADA STOCKS
/// STRENGTHEN IN EARLY TRADING", "… HIGHER AT MIDSESSION", "… CLOSE LOWER"). One day's
/// reports at different phases give the figures of different moments.
fn session_phase(title: Option<&str>) -> Option<u8> {
    let title = title?;
    let mut phase = None;
    for w in title.split(|c: char| !c.is_alphanumeric() && c != '-') {
        let p = match w.to_ascii_lowercase().as_str() {
            "early" | "open" | "opens" | "opening" => 0,
            "midsession" | "mid-session" | "midday" | "mid-day" | "noon" => 1,
            "afternoon" | "late" => 2,
            "close" | "closes" | "closed" | "closing" => 3,
            _ => continue,
        };
        // Two phases in one headline ("open higher, close lower") say none.
        if phase.is_some_and(|q| q != p) {
            return None;
        }
        phase = Some(p);
    }
    phase
}

/// The figure a figure is set against in its own sentence (for "Shr 50 cts vs 40 cts",
/// 40 for 50 and 50 for 40): the nearest other one in that sentence of its article.
fn partner<'a>(articles: &'a [ArticleClaims<'_>], it: &Item<'_>) -> Option<&'a Statistic> {
    articles[it.article]
        .claims
        .statistics
        .iter()
        .filter(|o| o.sentence == it.stat.sentence && o.start != it.stat.start)
        .min_by_key(|o| o.start.abs_diff(it.stat.start))
}

/// At most this many different values (clusters of compatible ones) for one quantity.
const MAX_VALUES: usize = 6;

/// The words that make a group's figures one quantity: the head noun of what is counted,
/// then the modifiers, places, clause words and owners that figures of at least two of its
/// articles carry.
fn matched_words(items: &[Item<'_>], group: &[usize]) -> Vec<String> {
    let mut seen: std::collections::BTreeMap<&str, std::collections::BTreeSet<usize>> =
        Default::default();
    for &i in group {
        let it = &items[i];
        let c = &it.counted;
        for w in c
            .modifiers
            .iter()
            .chain(&c.scope)
            .chain(&c.clause)
            .chain(&it.owner)
        {
            seen.entry(w.as_str()).or_default().insert(it.article);
        }
    }
    let head = items[group[0]].counted.head.clone();
    std::iter::once(head.clone())
        .chain(
            seen.into_iter()
                .filter(|(w, arts)| arts.len() >= 2 && *w != head)
                .map(|(w, _)| w.to_string()),
        )
        .collect()
}

/// How surely figures sharing these words are one quantity: the head alone is a fair
/// guess, each further shared word makes it surer.
fn alignment(matched: &[String]) -> f32 {
    (0.5 + 0.15 * matched.len().saturating_sub(1) as f32).min(1.0)
}

/// "both count “agreement”, and share “287(g)” and “florida”".
fn why_one(matched: &[String]) -> String {
    let quoted: Vec<String> = matched.iter().map(|w| format!("“{w}”")).collect();
    match quoted.split_first() {
        Some((head, [])) => format!("Taken as one quantity: all count {head} in one story."),
        Some((head, rest)) => format!(
            "Taken as one quantity: all count {head} and share {} in one story.",
            rest.join(", ")
        ),
        None => String::new(),
    }
}

fn rounded(x: f32) -> f32 {
    (x.clamp(0.0, 1.0) * 100.0).round() / 100.0
}

/// Splits a group into clusters of compatible values and reports them.
fn judge(
    articles: &[ArticleClaims<'_>],
    shared: &SharedText,
    items: &[Item<'_>],
    group: &[usize],
    conflicts: &mut Vec<Finding>,
    corroborations: &mut Vec<Finding>,
) {
    // Runs of close, mutually compatible values: what corroborates, and the sides of a
    // disagreement.
    let mut sorted: Vec<usize> = group.to_vec();
    sorted.sort_by(|&a, &b| {
        scaled(items[a].stat, items[a].stat.value)
            .total_cmp(&scaled(items[b].stat, items[b].stat.value))
    });
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    let mut common = (f64::NEG_INFINITY, f64::INFINITY);
    for &i in &sorted {
        let iv = interval(items[i].stat);
        let v = scaled(items[i].stat, items[i].stat.value).abs();
        let joins = clusters.last().is_some_and(|c| {
            let first = scaled(items[c[0]].stat, items[c[0]].stat.value).abs();
            iv.0 <= common.1
                && common.0 <= iv.1
                && (first == 0.0 && v == 0.0 || first > 0.0 && v / first <= 1.25)
        });
        if joins {
            if let Some(c) = clusters.last_mut() {
                c.push(i);
            }
            common = (common.0.max(iv.0), common.1.min(iv.1));
        } else {
            clusters.push(vec![i]);
            common = iv;
        }
    }
    // A quantity that takes many different values across articles is not one fact told
    // differently but a measure each article gives of its own subject (each company's
    // earnings per share in a wire feed of results): nothing is reported for it.
    let distinct_articles: std::collections::BTreeSet<usize> =
        group.iter().map(|&i| items[i].article).collect();
    if clusters.len() > MAX_VALUES && distinct_articles.len() > MAX_VALUES {
        return;
    }
    let subject = items[group[0]].stat.subject.clone().unwrap_or_default();
    let matched = matched_words(items, group);
    let is_shared = |i: usize| -> bool {
        let it = &items[i];
        let Some(g) = shared.group_at(it.article, it.stat.start) else {
            return false;
        };
        group.iter().any(|&j| {
            j != i
                && items[j].article != it.article
                && shared.group_at(items[j].article, items[j].stat.start) == Some(g)
        })
    };
    // Corroborations: a cluster spanning several articles.
    for c in &clusters {
        let arts: std::collections::BTreeSet<usize> = c.iter().map(|&i| items[i].article).collect();
        if arts.len() < 2 {
            continue;
        }
        let refs: Vec<ClaimRef> = c
            .iter()
            .map(|&i| claim_ref(&articles[items[i].article], items[i].stat, is_shared(i)))
            .collect();
        let all_shared = refs.iter().all(|r| r.shared_text);
        let names: Vec<&str> = arts.iter().map(|&a| file_name(articles[a].path)).collect();
        let explanation = if all_shared {
            format!(
                "{} give {} for {}, but in text copied between them: one source, not {}.",
                names.join(" and "),
                items[c[0]].stat.text,
                subject,
                names.len()
            )
        } else {
            format!(
                "{} independently give compatible figures for {}: {}.",
                names.join(" and "),
                subject,
                c.iter()
                    .map(|&i| describe(&articles[items[i].article], items[i].stat))
                    .collect::<Vec<_>>()
                    .join("; ")
            )
        };
        let independent = if all_shared { 1 } else { arts.len() };
        corroborations.push(Finding {
            kind: FindingKind::Corroboration,
            subject: subject.clone(),
            explanation: format!("{explanation} {}", why_one(&matched)),
            claims: refs,
            story: None,
            strength: rounded(alignment(&matched) * (0.2 + 0.2 * independent as f32)),
            matched: matched.clone(),
        });
    }
    // Incompatible values: pairs from different articles whose intervals do not meet.
    // Did the figure move, nearly agree, or conflict?
    let all: Vec<usize> = sorted.clone();
    // The figure moved when every incompatible pair is told apart by time: both anchored
    // at different times, or published on different dates. One pair with nothing to tell
    // them apart makes it a conflict.
    // Told apart by the text itself: different time anchors, or a count the sentence
    // says is running or revised.
    let by_text = |i: usize, j: usize| -> bool {
        let (ti, tj) = (
            norm_time(&items[i].stat.time),
            norm_time(&items[j].stat.time),
        );
        matches!((&ti, &tj), (Some(a), Some(b)) if a != b) || items[i].update || items[j].update
    };
    // The session phase each figure's report names in its headline, found once.
    let phase: HashMap<usize, Option<u8>> = all
        .iter()
        .map(|&i| (i, session_phase(articles[items[i].article].title)))
        .collect();
    let told_apart = |i: usize, j: usize| -> bool {
        let (di, dj) = (
            articles[items[i].article].date,
            articles[items[j].article].date,
        );
        let (pi, pj) = (phase[&i], phase[&j]);
        by_text(i, j)
            || matches!((di, dj), (Some(a), Some(b)) if a != b)
            || matches!((items[i].dateline, items[j].dateline), (Some(a), Some(b)) if a != b)
            || matches!((pi, pj), (Some(a), Some(b)) if a != b)
    };
    // An article that itself gives both values (a change "from 12,300 to 20,000", two
    // categories in one sentence) tells them apart: another article giving one of them
    // does not contradict it.
    let meets = |a: (f64, f64), b: (f64, f64)| a.0 <= b.1 && b.0 <= a.1;
    let article_has = |article: usize, value: (f64, f64)| {
        all.iter()
            .any(|&k| items[k].article == article && meets(interval(items[k].stat), value))
    };
    // A quantity one article itself gives with values that cannot both hold, with
    // nothing in the article to tell them apart, is not one fact of the story but a
    // measure of many things (each player's rebounds, each drive's yards, each night's
    // crowd): its values in other articles are no contradiction. Values in one sentence
    // are left out: they are parts of a whole ("four bombs were dropped; two landed
    // inside the camp", "29 of 34 passes"), not separate measures.
    let many_valued = all.iter().enumerate().any(|(x, &i)| {
        all[x + 1..].iter().any(|&j| {
            items[i].article == items[j].article
                && items[i].stat.sentence != items[j].stat.sentence
                // A running total ("around 3,000 have been wounded so far") beside one
                // event's count is two quantities, not a measure of many things.
                && !items[i].update
                && !items[j].update
                && !meets(within_article(items[i].stat), within_article(items[j].stat))
                && (items[i].owner.is_empty()
                    || items[j].owner.is_empty()
                    || items[i].owner == items[j].owner)
                && norm_time(&items[i].stat.time) == norm_time(&items[j].stat.time)
        })
    });
    if many_valued {
        return;
    }
    // The figures each given beside their own base (`compared_with_base`), found once.
    let based: std::collections::HashSet<usize> = all
        .iter()
        .copied()
        .filter(|&i| compared_with_base(items[i].stat))
        .collect();
    // A block holds changes only or levels only (`value_class`).
    let changes = is_change(items[group[0]].stat);
    let mut incompatible_pairs = 0;
    let mut moved_pairs = 0;
    let mut moved_in_text = 0;
    let mut gap: f64 = 0.0;
    for (x, &i) in all.iter().enumerate() {
        for &j in &all[x + 1..] {
            let (a, b) = (interval(items[i].stat), interval(items[j].stat));
            if items[i].article == items[j].article
                || meets(a, b)
                || article_has(items[i].article, b)
                || article_has(items[j].article, a)
            {
                continue;
            }
            // A figure each report gives beside its own base ("Shr 11 cts vs three cts",
            // "demand averaged 6.60 mln bpd, up 2.4 pct from 6.44 mln last year") is the
            // value of that report's period: two reports of different dates give two
            // periods' values, not one figure that moved.
            // Changes over two reports' periods are two changes, not one that moved.
            if told_apart(i, j) && (changes || based.contains(&i) && based.contains(&j)) {
                continue;
            }
            // Two figures each set against a base in its own sentence, whose bases
            // disagree too, are two periods' or two subjects' values ("Shr 50 cts vs 40
            // cts" and "Shr 19 cts vs seven cts"), not one figure told two ways.
            if based.contains(&i)
                && based.contains(&j)
                && let (Some(pi), Some(pj)) =
                    (partner(articles, &items[i]), partner(articles, &items[j]))
                && (pi.unit != pj.unit || !meets(interval(pi), interval(pj)))
            {
                continue;
            }
            incompatible_pairs += 1;
            moved_pairs += usize::from(told_apart(i, j));
            moved_in_text += usize::from(by_text(i, j));
            let (lo, hi) = if a.1 < b.0 { (a, b) } else { (b, a) };
            let g = if lo.1.is_finite() && hi.0.is_finite() && hi.0 > 0.0 {
                (hi.0 - lo.1) / hi.0
            } else {
                1.0
            };
            gap = gap.max(g);
        }
    }
    if incompatible_pairs == 0 {
        return;
    }
    let moved = moved_pairs == incompatible_pairs;
    // Figures that share only their head noun, published on different days, with
    // nothing in their sentences saying the count moved and little else in common, are
    // more often two things reported on two days (two companies' results filed a week
    // apart) than one figure that moved: they are not reported. A toll told in the same
    // words on two days ("the storm has killed 12 people in the region") did move.
    let retold = all.iter().enumerate().any(|(x, &i)| {
        all[x + 1..].iter().any(|&j| {
            items[i].article != items[j].article
                && context_overlap(&items[i].context, &items[j].context) >= RETOLD
        })
    });
    // Nor are figures of reports of different days that no owner named in both
    // sentences ties together and that tell their sentences differently: on a wire,
    // two contracts, two offerings, two companies' prices.
    let owned = all.iter().enumerate().any(|(x, &i)| {
        all[x + 1..].iter().any(|&j| {
            items[i].article != items[j].article
                && !items[i].owner.is_empty()
                && !items[j].owner.is_empty()
                && same_owner(&items[i], &items[j])
        })
    });
    if moved && moved_in_text < moved_pairs && (matched.len() < 2 || !owned) && !retold {
        return;
    }
    let approximate = all.iter().any(|&i| {
        items[i].stat.qualifier == Some(Qualifier::Approximate)
            || items[i].stat.kind == StatKind::Fraction
    });
    let kind = if moved {
        FindingKind::ChangedOverTime
    } else if approximate && gap <= 0.12 {
        FindingKind::MinorDiscrepancy
    } else {
        FindingKind::Conflict
    };
    // Likewise two reports that disagree on a figure sharing only its head noun, their
    // sentences little alike: one report against one other, aligned by one word, is
    // more often two things ("the other two teams" and "nine teams ranked"; 40% of
    // pensioners paying one tax and half paying none) than one fact told two ways. A
    // third report, a second shared word or a retold sentence makes it one.
    let reports: std::collections::BTreeSet<usize> =
        all.iter().map(|&i| items[i].article).collect();
    if kind == FindingKind::Conflict && reports.len() < 3 && matched.len() < 2 && !retold {
        return;
    }

    let sides: Vec<String> = clusters
        .iter()
        .map(|c| describe(&articles[items[c[0]].article], items[c[0]].stat))
        .collect();
    let explanation = match kind {
        FindingKind::ChangedOverTime => format!(
            "The figure for {} moved: {}; the articles anchor it at different times, so the values differ without contradicting each other.",
            subject,
            sides.join(" vs ")
        ),
        FindingKind::MinorDiscrepancy => format!(
            "Close but not equal figures for {}: {}; approximations that nearly agree.",
            subject,
            sides.join(" vs ")
        ),
        _ => format!(
            "The figures for {} cannot both hold: {}, with no different dates to explain it.",
            subject,
            sides.join(" vs ")
        ),
    };
    let explanation = format!("{explanation} {}", why_one(&matched));
    // How clearly the figures disagree: by how much (the relative gap), whether every
    // side is exact, and what kind of difference it is.
    let exact = all.iter().all(|&i| {
        items[i]
            .stat
            .qualifier
            .is_none_or(|q| q == Qualifier::Exact)
            && items[i].stat.kind != StatKind::Fraction
    });
    let clarity = (0.4 + 0.5 * gap as f32 + if exact { 0.1 } else { 0.0 }).min(1.0)
        * match kind {
            FindingKind::Conflict => 1.0,
            FindingKind::ChangedOverTime => 0.6,
            _ => 0.4,
        };
    let mut refs: Vec<ClaimRef> = all
        .iter()
        .map(|&i| claim_ref(&articles[items[i].article], items[i].stat, is_shared(i)))
        .collect();
    refs.sort_by(|a, b| a.path.cmp(&b.path).then(a.start.cmp(&b.start)));
    conflicts.push(Finding {
        kind,
        subject,
        explanation,
        claims: refs,
        story: None,
        strength: rounded(alignment(&matched) * clarity),
        matched,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stat_in(sentence: &str, text: &str) -> Statistic {
        let start = sentence.find(text).expect("figure in sentence");
        Statistic {
            value: 0.0,
            high: None,
            text: text.to_string(),
            unit: None,
            kind: crate::claims::StatKind::Count,
            subject: None,
            qualifier: None,
            time: None,
            start,
            end: start + text.len(),
            sentence: sentence.to_string(),
        }
    }

    /// A figure in `sentence`, which stands after `before` in its article's body.
    fn stat_after(before: &str, sentence: &str, text: &str) -> (Statistic, String) {
        let body = format!("{before} {sentence}");
        let mut s = stat_in(sentence, text);
        s.start += before.len() + 1;
        s.end += before.len() + 1;
        (s, body)
    }

    #[test]
    fn a_pronoun_s_figure_belongs_to_the_person_named_before() {
        let (s, body) = stat_after(
            "Reggie Wayne caught the winning pass. The crowd stood.",
            "He had eight catches for 101 yards.",
            "eight",
        );
        assert_eq!(owner(&s, &body), vec!["reggie", "wayne"]);
        let (t, body2) = stat_after(
            "Marvin Harrison, who had not missed a game, was inactive.",
            "He has 53 catches this season.",
            "53",
        );
        assert_eq!(owner(&t, &body2), vec!["marvin", "harrison"]);
        // With no one named before it, the pronoun's figure has no owner.
        let (u, body3) = stat_after("The Colts won.", "He had eight catches.", "eight");
        assert!(owner(&u, &body3).is_empty());
    }

    #[test]
    fn the_amount_of_a_change_is_not_a_level() {
        let mut fell = stat_in(
            "Business loans fell 618 mln dlrs to 278.88 billion dlrs in the week.",
            "618 mln dlrs",
        );
        fell.kind = crate::claims::StatKind::Money;
        let mut level = stat_in("Business loans stood at 618 mln dlrs.", "618 mln dlrs");
        level.kind = crate::claims::StatKind::Money;
        assert!(is_change(&fell) && !is_change(&level));
        assert_ne!(value_class(&fell), value_class(&level));
        assert!(value_class(&fell).is_some_and(|c| c.starts_with("change:")));
    }

    #[test]
    fn adverbs_and_days_are_no_heads() {
        let c = counted("mostly young people briefly rampaged").unwrap();
        assert_ne!(c.head, "briefly", "{c:?}");
        assert!(c.clause.contains(&"rampaged".to_string()), "{c:?}");
        assert!(counted("respectively").is_none());
        assert!(counted("today").is_none());
        assert_eq!(counted("family members").unwrap().modifiers, vec!["family"]);
    }

    #[test]
    fn a_table_run_together_is_no_sentence() {
        assert!(is_table(
            "CORN BRLY OATS Chicago 1.47 -- -- 4.81 2.49 Toledo 1.41 2.04 1.50 -- 4.78"
        ));
        assert!(!is_table(
            "Police said 12 people were killed and 20 wounded in the attack on Thursday."
        ));
        // Headings and row labels in capitals.
        assert!(is_table(
            "CENTS PER LB CHANGE CHOICE STEERS YIELD GRADE 3 600/700 unquoted"
        ));
        assert!(!is_table(
            "The U.S. and the EC said 12 NATO members and the UN had agreed to the plan."
        ));
    }

    #[test]
    fn a_running_report_s_headline_names_its_phase() {
        let phase = |t: &str| session_phase(Some(t));
        assert_eq!(phase("CANADA STOCKS STRENGTHEN IN EARLY TRADING"), Some(0));
        assert_eq!(phase("CANADA STOCKS HIGHER AT MIDSESSION"), Some(1));
        assert_eq!(phase("CANADA STOCKS CLOSE LOWER ON PROFIT TAKING"), Some(3));
        assert_eq!(phase("Wall Street opens higher, closes lower"), None);
        assert_eq!(phase("Quake kills 12 in the south"), None);
        assert_eq!(session_phase(None), None);
    }

    #[test]
    fn the_head_of_a_company_s_name_tells_it_apart() {
        let a = "WASHINGTON, March 18 - Lockheed Corp's Lockheed Missiles and Space Co Inc is being awarded a 304 mln dlr contract.";
        let b = "WASHINGTON, March 18 - The Grumman Space Systems division of Grumman Corp is being awarded a 303.9 mln dlr contract.";
        assert!(!same_actors((&lead_actor(a), a), (&lead_actor(b), b)));
        let c = "Analysts said Lockheed's award was the largest this year.";
        assert!(same_actors((&lead_actor(a), a), (&lead_actor(c), c)));
    }

    #[test]
    fn articles_about_different_companies_do_not_share_figures() {
        let a = "MILWAUKEE, March 20 - Marcus Corp said its board voted a 50 pct stock dividend.";
        let b = "ST. LOUIS, March 27 — Southwestern Bell Corp said its board raised the dividend 8.8 pct.";
        let c = "Analysts said Marcus Corp's dividend was the first since 1980.";
        assert_eq!(lead_actor(a), vec!["marcus", "corp"]);
        assert_eq!(lead_actor(b), vec!["southwestern", "bell", "corp"]);
        let g = "NEW YORK, March 19 - GTE Corp is raising 250 mln dlrs through notes.";
        assert_eq!(lead_actor(g), vec!["gte", "corp"]);
        assert!(!same_actors((&lead_actor(a), a), (&lead_actor(b), b)));
        // One names the other's actor, or one opens on no name: they may agree or differ.
        assert!(same_actors((&lead_actor(a), a), (&lead_actor(c), c)));
        let d = "A magnitude 6.1 earthquake struck Yunnan on Sunday.";
        assert!(lead_actor(d).is_empty());
        assert!(same_actors((&lead_actor(a), a), (&lead_actor(d), d)));
        // Any dash, any width of character, and no dash at all.
        for body in [
            "PARIS — 3 – 4 - ",
            "É — é",
            "—",
            "",
            "\n\n",
            "X, May 1 – Y said",
        ] {
            let _ = lead_actor(body);
        }
    }

    #[test]
    fn what_is_needed_or_possible_is_not_what_happened() {
        for (s, f) in [
            (
                "Hansbrough needed just nine points in the game to break the record.",
                "nine",
            ),
            ("He could be sentenced to up to 119 years in prison.", "119"),
            (
                "Officials said $3 billion could be diverted to the wall.",
                "$3 billion",
            ),
            ("He came in needing 11 points to break it.", "11"),
        ] {
            assert!(is_modal(&stat_in(s, f)), "{s}");
        }
        for (s, f) in [
            ("Hansbrough scored 20 points in the game.", "20"),
            (
                "Three Palestinians, who had sought refuge in a school, died.",
                "Three",
            ),
            ("He was sentenced to 10 years, and could appeal.", "10"),
        ] {
            assert!(!is_modal(&stat_in(s, f)), "{s}");
        }
    }

    #[test]
    fn a_clause_without_its_own_subject_takes_the_sentence_s() {
        let s = "Manning finished 29-of-34 after completing his first 17 passes and threw for 364 yards.";
        assert_eq!(owner(&stat_in(s, "364"), s), vec!["manning"]);
        let s = "The Indianapolis Colts clinched a playoff spot and the five seed.";
        assert_eq!(owner(&stat_in(s, "five"), s), vec!["indianapolis", "colts"]);
        // A clause with a subject of its own, a pronoun or a noun, keeps it unnamed.
        let s = "Smith fumbled twice and he managed 10 yards on nine carries.";
        assert!(owner(&stat_in(s, "nine"), s).is_empty());
        let s = "Smith fumbled twice and the team managed nine first downs.";
        assert!(owner(&stat_in(s, "nine"), s).is_empty());
        // A capitalised common noun opening the sentence is no name: the article writes
        // it in lower case elsewhere.
        let s = "Rescuers searched all night and found 12 survivors.";
        let body = format!("{s} The rescuers were exhausted.");
        assert!(owner(&stat_in(s, "12"), &body).is_empty());
        assert_eq!(owner(&stat_in(s, "12"), s), vec!["rescuers"]);
    }

    #[test]
    fn subjects_split_into_head_modifiers_and_scope() {
        let c = counted("police agencies across Florida").unwrap();
        assert_eq!(c.head, "agency");
        assert_eq!(c.modifiers, vec!["police"]);
        assert_eq!(c.scope, vec!["florida"]);
        let c = counted("287(g) agreements").unwrap();
        assert_eq!(c.head, "agreement");
        let d = counted("agreements with local jurisdictions across 40 states").unwrap();
        assert!(same_quantity(&c, &d));
        let n = counted("departments nationwide").unwrap();
        assert!(!same_quantity(
            &counted("police agencies across Florida").unwrap(),
            &n
        ));
    }

    #[test]
    fn words_for_one_count_share_a_head() {
        let head = |s: &str| counted(s).unwrap().head;
        assert_eq!(head("people wounded"), head("injured"));
        assert_eq!(head("hurt"), head("injuries"));
        assert_eq!(head("protesters detained"), head("people arrested"));
        // Spans of days of one unrest, or of one offensive.
        assert_eq!(head("worst riots in decades"), head("protests following"));
        assert_eq!(head("clashes"), head("protesting"));
        assert_eq!(head("Israeli offensive"), head("fighting"));
        assert_ne!(head("riots"), head("fighting"));
        assert_eq!(head("bullets"), head("shots"));
        assert!(same_quantity(
            &counted("people arrested").unwrap(),
            &counted("protesters detained").unwrap()
        ));
        assert_ne!(head("people killed"), head("people wounded"));
        // What the counted did is no part of what is counted.
        assert_eq!(head("tank shells fired"), head("shells"));
        assert_eq!(head("bombs landed in the camp"), head("bombs"));
        assert_eq!(head("people evacuated"), "evacuated");
        assert_eq!(singular("wives"), "wife");
        assert_eq!(singular("women"), "woman");
        assert_eq!(singular("children"), "child");
        assert_eq!(singular("shops"), "shop");
    }

    #[test]
    fn killed_and_injured_are_different_quantities() {
        let a = counted("people killed").unwrap();
        let b = counted("people injured").unwrap();
        assert!(!same_quantity(&a, &b));
        // The death toll and the people killed are one quantity.
        assert!(same_quantity(&a, &counted("death toll").unwrap()));
        assert!(same_quantity(&counted("injured").unwrap(), &b));
    }

    #[test]
    fn restrictive_clauses_must_share_a_word() {
        let a = counted("Americans who own MP3 players").unwrap();
        let b = counted("Americans now using RSS aggregators").unwrap();
        let c = counted("Americans who own players").unwrap();
        assert!(!same_quantity(&a, &b));
        assert!(same_quantity(&a, &c));
    }

    #[test]
    fn generic_heads_are_not_compared() {
        assert_eq!(counted("higher"), None);
        assert_eq!(counted("the total"), None);
        assert_eq!(counted("years"), None);
        assert_eq!(counted("Creighton's first"), None);
        assert_eq!(counted("the last"), None);
        assert!(counted("illegal immigrants").is_some());
    }

    #[test]
    fn percentage_changes_are_not_compared() {
        let st = |sentence: &str, text: &str| Statistic {
            value: 1.0,
            high: None,
            text: text.into(),
            unit: Some("%".into()),
            kind: StatKind::Percent,
            subject: Some("dollar".into()),
            qualifier: None,
            time: None,
            start: 0,
            end: 0,
            sentence: sentence.into(),
        };
        assert!(is_change(&st(
            "The dollar had fallen by 1.3% against the yen.",
            "1.3%"
        )));
        assert!(is_change(&st("Sales were up about 2% on the year.", "2%")));
        assert!(is_change(&st("A 5% rise in prices hit shoppers.", "5%")));
        assert!(!is_change(&st(
            "Some 55% of residents are foreign-born.",
            "55%"
        )));
        assert_eq!(
            value_class(&st(
                "The dollar had fallen by 1.3% against the yen.",
                "1.3%"
            )),
            None
        );
    }

    fn st(text: &str, value: f64, kind: StatKind, q: Option<Qualifier>) -> Statistic {
        Statistic {
            value,
            high: None,
            text: text.into(),
            unit: None,
            kind,
            subject: Some("magnitude".into()),
            qualifier: q,
            time: None,
            start: 0,
            end: 0,
            sentence: String::new(),
        }
    }

    fn meets(a: (f64, f64), b: (f64, f64)) -> bool {
        a.0 <= b.1 && b.0 <= a.1
    }

    #[test]
    fn a_figure_beside_its_own_base_is_a_periodic_value() {
        let with = |text: &str, sentence: &str| {
            let mut s = st(text, 1.0, StatKind::Count, None);
            s.sentence = sentence.into();
            compared_with_base(&s)
        };
        assert!(with("11 cts", "Shr 11 cts vs three cts"));
        assert!(with("three cts", "Shr 11 cts vs three cts"));
        assert!(with(
            "6.60 mln",
            "Gasoline demand averaged 6.60 mln bpd, up 2.4 pct from 6.44 mln last year."
        ));
        assert!(!with(
            "650",
            "ICE has about 650 agreements across the country."
        ));
        assert!(!with(
            "12",
            "The storm has killed 12 people, officials said on Monday."
        ));
    }

    #[test]
    fn a_lower_bound_reaches_a_little_past_itself() {
        let least = Some(Qualifier::LowerBound);
        let about = Some(Qualifier::Approximate);
        let at_least = |v: f64| interval(&st("at least", v, StatKind::Count, least));
        let plain = |v: f64| interval(&st("n", v, StatKind::Count, None));
        // "at least 4" and then 5; "more than 400" and 401.
        assert!(meets(at_least(4.0), plain(5.0)));
        assert!(meets(at_least(400.0), plain(401.0)));
        // "at least 70" injured against "about 100"; "more than 200" against 400.
        let about_100 = interval(&st("about 100", 100.0, StatKind::Count, about));
        assert!(!meets(at_least(70.0), about_100), "{:?}", at_least(70.0));
        assert!(!meets(at_least(200.0), at_least(400.0)));
        // A share's lower bound stays open: "more than half" is 60%.
        let half = interval(&st("more than half", 0.5, StatKind::Fraction, least));
        assert!(meets(half, (60.0, 60.0)), "{half:?}");
        // Beside the article's own figures the bound is open: "at least one fell inside
        // the camp" and "four bombs were dropped" are no two values of one count.
        let one = st("at least one", 1.0, StatKind::Count, least);
        assert!(meets(within_article(&one), plain(4.0)));
        assert!(!meets(interval(&one), plain(4.0)));
    }

    #[test]
    fn an_approximate_reading_is_approximate_to_its_last_decimal_place() {
        let about = Some(Qualifier::Approximate);
        let m76 = interval(&st("7.6", 7.6, StatKind::Measure, about));
        let m77 = interval(&st("7.7", 7.7, StatKind::Measure, None));
        assert!(!meets(m76, m77), "about 7.6 is not 7.7: {m76:?}");
        let bn = interval(&st("$3.5 billion", 3.5e9, StatKind::Money, about));
        assert!(
            (bn.0 - 3.45e9).abs() < 1.0 && (bn.1 - 3.55e9).abs() < 1.0,
            "{bn:?}"
        );
        // Whole numbers keep the usual allowance: about 650 and 680 can both hold.
        let a650 = interval(&st("about 650", 650.0, StatKind::Count, about));
        assert!(meets(
            a650,
            interval(&st("680", 680.0, StatKind::Count, None))
        ));
    }

    #[test]
    fn scopes_must_agree() {
        let a = counted("residents of Miami").unwrap();
        let b = counted("residents of Miami-Dade County").unwrap();
        assert!(!same_quantity(&a, &b));
    }
}
