//! Linking the same speaker's quotations across articles: repeated word for word,
//! reported with different wording (variants, with a word diff), or simply other
//! statements by the same person. Speakers are matched under the forms news gives one
//! person (full name, surname, title and name, first name inside one story), and a
//! statement quoted in several articles of one story is linked even where the articles
//! attribute it differently or not at all.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::figures::root;
use super::passages::words;
use super::{ArticleClaims, DiffPart, QuoteRef, RelatedKind, RelatedQuotes};
use crate::claims::{Quote, QuoteKind};

/// Share of the shorter quotation's words the longer must hold to be the same statement.
const VARIANT_OVERLAP: f64 = 0.6;
/// Between quotations attributed to different speakers (or to nobody), the same statement
/// must share more: this share of the shorter one's words.
const CROSS_OVERLAP: f64 = 0.8;
/// ... and be at least this long when their words differ (shorter shared wordings are
/// common phrases: "the heart of the Endangered Species Act").
const CROSS_OVERLAP_WORDS: usize = 10;
/// A fragment found inside another speaker's longer quotation must be this long.
const CROSS_FRAGMENT_WORDS: usize = 6;
/// Quotations shorter than this are too short to call variants.
const MIN_VARIANT_WORDS: usize = 5;
/// At most this many quotations listed for one speaker's "same speaker" entry.
const MAX_LISTED: usize = 50;
/// The label of a statement no article attributes.
pub const UNATTRIBUTED: &str = "(unattributed)";

/// Titles, honorifics and roles that precede a name without being part of it.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "rep",
    "sen",
    "gov",
    "president",
    "the",
    "sgt",
    "prof",
    "jr",
    "sr",
    "ii",
    "iii",
    "sir",
    "dame",
    "lord",
    "lady",
    "rev",
    "father",
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
    "gen",
    "col",
    "lt",
    "capt",
    "cpl",
    "det",
    "insp",
    "supt",
    "judge",
    "justice",
    "mayor",
    "governor",
    "senator",
    "representative",
    "congressman",
    "congresswoman",
    "councilman",
    "councilwoman",
    "councillor",
    "councilor",
    "member",
    "minister",
    "secretary",
    "chancellor",
    "premier",
    "speaker",
    "leader",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "chief",
    "commissioner",
    "constable",
    "officer",
    "sheriff",
    "deputy",
    "detective",
    "sergeant",
    "lieutenant",
    "captain",
    "inspector",
    "superintendent",
    "general",
    "colonel",
    "major",
    "admiral",
    "prosecutor",
    "attorney",
    "lawyer",
    "coach",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "founder",
    "co-founder",
    "cofounder",
    "ceo",
    "executive",
    "manager",
    "host",
    "ambassador",
    "envoy",
    "bishop",
    "archbishop",
    "cardinal",
    "imam",
    "rabbi",
    "democrat",
    "republican",
    "democratic",
    "independent",
    "vice",
    "prime",
    "foreign",
    "defense",
    "defence",
    "interior",
    "state",
];

fn is_title(t: &str) -> bool {
    TITLES.contains(&t.to_lowercase().trim_end_matches('.'))
}

/// Name tokens of a speaker, without titles.
fn name_tokens(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .filter(|t| !is_title(t))
        .collect()
}

/// How a speaker names a person: the surname, and the words that may be the given name
/// (capitalised words right before it, past initials, up to a title, a lowercase word or
/// a possessive: "Police Constable Tim Fanning" gives fanning and {tim}; "Raymond W.
/// Kelly" kelly and {raymond}; "Mr. Obama" obama and nothing).
#[derive(Debug, Clone, PartialEq, Eq)]
struct PersonName {
    surname: String,
    given: BTreeSet<String>,
}

fn capitalised(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_uppercase)
}

fn person_name(name: &str) -> Option<PersonName> {
    let mut toks: Vec<&str> = name
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '-'))
        .filter(|t| !t.is_empty())
        .collect();
    while toks.last().is_some_and(|t| {
        matches!(
            t.to_lowercase().trim_end_matches('.'),
            "jr" | "sr" | "ii" | "iii" | "iv"
        )
    }) {
        toks.pop();
    }
    let last = toks.pop()?;
    let surname = last.trim_end_matches('.');
    if !capitalised(surname) || surname.contains('.') || surname.chars().count() < 2 {
        return None;
    }
    let mut given = BTreeSet::new();
    for t in toks.iter().rev() {
        let bare = t.trim_end_matches('.');
        if !capitalised(bare) || is_title(bare) || t.ends_with("'s") || t.ends_with("’s") {
            break;
        }
        // Initials ("W.", "D.C.") are skipped, not taken as a given name.
        if bare.contains('.') || bare.chars().count() == 1 {
            continue;
        }
        given.insert(bare.to_lowercase());
    }
    Some(PersonName {
        surname: surname.to_lowercase(),
        given,
    })
}

/// The people a speaker names: "Nancy Pelosi and Chuck Schumer" is both of them.
fn speakers_of(name: &str) -> Vec<&str> {
    for sep in [" and ", " & "] {
        if let Some((a, b)) = name.split_once(sep) {
            let (a, b) = (a.trim(), b.trim());
            let named = |s: &str| person_name(s).is_some_and(|p| !p.given.is_empty());
            if named(a) && named(b) {
                return vec![a, b];
            }
        }
    }
    vec![name]
}

/// Who each speaker name stands for across the articles.
struct Speakers {
    /// Name → canonical name, for every name resolved without its story.
    canonical: HashMap<String, String>,
    /// Bare surnames and first names alone ("Petit", "Charlie"), resolved inside one
    /// story: (name, story) → canonical.
    in_story: HashMap<(String, usize), String>,
}

impl Speakers {
    fn resolve(&self, name: &str, story: usize) -> Option<&String> {
        self.in_story
            .get(&(name.to_string(), story))
            .or_else(|| self.canonical.get(name))
    }
}

/// Merges speaker names across articles. Names with one surname are one person when
/// their given names agree ("Tim Fanning", "Constable Tim Fanning"); a bare surname
/// ("Petit") joins only when one person carries it, so two people sharing a surname are
/// never merged; a first name alone joins the one person of its story who has it.
/// `names` holds each name with the stories it is used in.
fn merge_speakers(names: &BTreeMap<String, BTreeSet<usize>>) -> Speakers {
    let mut canonical: HashMap<String, String> = HashMap::new();
    let mut by_surname: BTreeMap<String, Vec<(&String, PersonName)>> = BTreeMap::new();
    for n in names.keys() {
        match person_name(n) {
            Some(p) => by_surname
                .entry(p.surname.clone())
                .or_default()
                .push((n, p)),
            None => {
                canonical.insert(n.clone(), n.clone());
            }
        }
    }
    // Per person: the canonical name and the stories it appears in.
    let mut people: Vec<(PersonName, String, BTreeSet<usize>)> = Vec::new();
    for group in by_surname.values() {
        let full: Vec<usize> = (0..group.len())
            .filter(|&i| !group[i].1.given.is_empty())
            .collect();
        // Union the full names whose given names meet.
        let mut parent: Vec<usize> = (0..group.len()).collect();
        for (k, &i) in full.iter().enumerate() {
            for &j in &full[k + 1..] {
                if !group[i].1.given.is_disjoint(&group[j].1.given) {
                    let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                    parent[a] = b;
                }
            }
        }
        let mut persons: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for &i in &full {
            persons.entry(root(&mut parent, i)).or_default().push(i);
        }
        // The name each person is shown under: the shortest full form (fewest words,
        // so the fewest titles), then the shortest spelling.
        let named: Vec<(String, Vec<usize>)> = persons
            .into_values()
            .map(|members| {
                let best = members
                    .iter()
                    .map(|&i| group[i].0)
                    .min_by_key(|n| (name_tokens(n).len(), n.len()))
                    .cloned()
                    .unwrap_or_default();
                (best, members)
            })
            .collect();
        for (best, members) in &named {
            let mut given = BTreeSet::new();
            let mut stories = BTreeSet::new();
            for &i in members {
                canonical.insert(group[i].0.clone(), best.clone());
                given.extend(group[i].1.given.iter().cloned());
                stories.extend(names[group[i].0].iter().copied());
            }
            people.push((
                PersonName {
                    surname: group[0].1.surname.clone(),
                    given,
                },
                best.clone(),
                stories,
            ));
        }
    }
    // A bare surname joins the one person of its story who has it, else the one person
    // of the corpus who has it.
    let mut in_story: HashMap<(String, usize), String> = HashMap::new();
    for (n, stories) in names {
        let Some(p) = person_name(n) else { continue };
        if !p.given.is_empty() {
            continue;
        }
        let carriers: Vec<&(PersonName, String, BTreeSet<usize>)> =
            people.iter().filter(|x| x.0.surname == p.surname).collect();
        if let [(_, best, _)] = carriers.as_slice() {
            canonical.insert(n.clone(), best.clone());
            continue;
        }
        canonical.insert(n.clone(), n.clone());
        for &s in stories {
            let mut who = carriers.iter().filter(|x| x.2.contains(&s));
            if let (Some((_, best, _)), None) = (who.next(), who.next()) {
                in_story.insert((n.clone(), s), best.clone());
            }
        }
    }
    // A one-word name that is nobody's surname may be a first name: it joins the one
    // person of its story with that given name.
    for (n, stories) in names {
        let toks = name_tokens(n);
        let [t] = toks.as_slice() else { continue };
        if by_surname
            .get(t)
            .is_some_and(|g| g.iter().any(|(_, p)| !p.given.is_empty()))
        {
            continue;
        }
        for &s in stories {
            let mut who = people
                .iter()
                .filter(|(p, _, st)| p.given.contains(t) && st.contains(&s));
            if let (Some((_, best, _)), None) = (who.next(), who.next()) {
                in_story.insert((n.clone(), s), best.clone());
            }
        }
    }
    Speakers {
        canonical,
        in_story,
    }
}

fn overlap(a: &[String], b: &[String]) -> f64 {
    let sa: HashSet<&String> = a.iter().collect();
    let sb: HashSet<&String> = b.iter().collect();
    let common = sa.intersection(&sb).count();
    common as f64 / sa.len().min(sb.len()).max(1) as f64
}

/// The word-level edits from one wording to another.
pub fn word_diff(a: &str, b: &str) -> Vec<DiffPart> {
    let diff = similar::TextDiff::from_words(a, b);
    let mut out: Vec<DiffPart> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            similar::ChangeTag::Equal => "equal",
            similar::ChangeTag::Delete => "delete",
            similar::ChangeTag::Insert => "insert",
        };
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(change.value()),
            _ => out.push(DiffPart {
                op: op.to_string(),
                text: change.value().to_string(),
            }),
        }
    }
    out
}

/// Variant pairs reported per speaker at most.
const MAX_VARIANTS_PER_SPEAKER: usize = 200;

fn quote_ref(a: &ArticleClaims<'_>, q: &Quote) -> QuoteRef {
    QuoteRef {
        article_id: a.id.to_string(),
        path: a.path.to_string(),
        text: q.text.clone(),
        start: q.start,
        end: q.end,
        speaker: q.speaker.clone(),
    }
}

/// One wording of a statement and every place it occurs.
struct Wording<'a> {
    words: Vec<String>,
    places: Vec<(usize, &'a Quote)>,
}

/// Groups quotations by their exact words.
fn wordings<'a>(said: &[(usize, &'a Quote)]) -> Vec<Wording<'a>> {
    let mut index: HashMap<Vec<String>, usize> = HashMap::new();
    let mut out: Vec<Wording<'_>> = Vec::new();
    for &(ai, q) in said {
        let w = words(&q.text);
        let k = *index.entry(w.clone()).or_insert_with(|| {
            out.push(Wording {
                words: w,
                places: Vec::new(),
            });
            out.len() - 1
        });
        out[k].places.push((ai, q));
    }
    out
}

/// Pairs of wordings that share a word trigram (the only ones worth comparing).
fn trigram_pairs(wordings: &[Wording<'_>]) -> Vec<(usize, usize)> {
    let mut tri: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, w) in wordings.iter().enumerate() {
        for t in w.words.windows(3) {
            let h = xxhash_rust::xxh3::xxh3_64(t.join(" ").as_bytes());
            let list = tri.entry(h).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    let mut pairs: Vec<(usize, usize)> = tri
        .values()
        .filter(|l| l.len() <= 200)
        .flat_map(|l| {
            l.iter()
                .enumerate()
                .flat_map(move |(k, &i)| l[k + 1..].iter().map(move |&j| (i, j)))
        })
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Whether the shorter word list stands, word for word, inside the longer: a fragment
/// quoted from a longer quotation elsewhere.
fn contained(a: &[String], b: &[String]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !short.is_empty() && long.windows(short.len()).any(|w| w == short)
}

/// The quotations worth linking: direct quotations, with their article's index.
fn direct_quotes<'a>(articles: &'a [ArticleClaims<'_>]) -> Vec<(usize, &'a Quote)> {
    articles
        .iter()
        .enumerate()
        .flat_map(|(ai, a)| a.claims.quotes.iter().map(move |q| (ai, q)))
        .filter(|(_, q)| q.kind == QuoteKind::Quote)
        .collect()
}

/// Links each speaker's quotations across articles, then the same statement across the
/// articles of one story whatever it is attributed to. `story[i]` is article `i`'s story.
///
/// Identical wordings are grouped first (a statement repeated in many articles is one
/// "repeated" entry, not every pair of them); distinct wordings are then compared only
/// when they share a word trigram, so long lists of quotations stay cheap.
pub fn relate(articles: &[ArticleClaims<'_>], story: &[usize]) -> Vec<RelatedQuotes> {
    let quotes = direct_quotes(articles);
    let mut names: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for &(ai, q) in &quotes {
        for n in q.speaker.iter().flat_map(|s| speakers_of(s)) {
            names.entry(n.to_string()).or_default().insert(story[ai]);
        }
    }
    let speakers = merge_speakers(&names);
    // Each quotation's people, canonical.
    let people_of = |ai: usize, q: &Quote| -> Vec<String> {
        let mut v: Vec<String> = q
            .speaker
            .iter()
            .flat_map(|s| speakers_of(s))
            .filter_map(|n| speakers.resolve(n, story[ai]).cloned())
            .collect();
        v.dedup();
        v
    };
    let mut by_speaker: BTreeMap<String, Vec<(usize, &Quote)>> = BTreeMap::new();
    let mut people: HashMap<(usize, usize), Vec<String>> = HashMap::new();
    for &(ai, q) in &quotes {
        let p = people_of(ai, q);
        for name in &p {
            by_speaker.entry(name.clone()).or_default().push((ai, q));
        }
        people.insert((ai, q.start), p);
    }
    // Speakers are independent: in parallel, their entries kept in speaker order.
    use rayon::prelude::*;
    let by_speaker: Vec<(String, Vec<(usize, &Quote)>)> = by_speaker.into_iter().collect();
    let mut out: Vec<RelatedQuotes> = by_speaker
        .into_par_iter()
        .flat_map_iter(|(speaker, said)| of_speaker(articles, speaker, &said))
        .collect();
    out.extend(across_speakers(articles, story, &quotes, &people));
    // By kind, then by where the first quotation stands: the order does not depend on
    // how stories are numbered.
    out.sort_by_cached_key(|r| {
        let first = r.quotes.first().map(|q| (q.path.clone(), q.start));
        (super::related_rank(r.kind), first, r.speaker.clone())
    });
    out
}

/// One speaker's entries: statements repeated word for word in several articles, then
/// variants, then all of the speaker's quotations (none when they are in one article).
fn of_speaker(
    articles: &[ArticleClaims<'_>],
    speaker: String,
    said: &[(usize, &Quote)],
) -> Vec<RelatedQuotes> {
    let mut out = Vec::new();
    let arts: HashSet<usize> = said.iter().map(|s| s.0).collect();
    if arts.len() < 2 {
        return out;
    }
    let wordings = wordings(said);
    // The same words in several articles: repeated.
    for w in &wordings {
        let arts: HashSet<usize> = w.places.iter().map(|p| p.0).collect();
        if arts.len() >= 2 && w.words.len() >= MIN_VARIANT_WORDS {
            out.push(group(
                articles,
                speaker.clone(),
                RelatedKind::Repeated,
                &w.places,
            ));
        }
    }
    // Different words for the same statement: variants, compared by trigram blocks.
    let mut variants = 0;
    for (i, j) in trigram_pairs(&wordings) {
        let (a, b) = (&wordings[i], &wordings[j]);
        if a.words.len().min(b.words.len()) < MIN_VARIANT_WORDS
            || overlap(&a.words, &b.words) < VARIANT_OVERLAP
        {
            continue;
        }
        let Some(v) = variant(articles, speaker.clone(), a, b) else {
            continue;
        };
        out.push(v);
        variants += 1;
        if variants >= MAX_VARIANTS_PER_SPEAKER {
            break;
        }
    }
    out.push(group(articles, speaker, RelatedKind::SameSpeaker, said));
    out
}

/// A group of quotations (at most [`MAX_LISTED`]) under one speaker, without a diff.
fn group(
    articles: &[ArticleClaims<'_>],
    speaker: String,
    kind: RelatedKind,
    places: &[(usize, &Quote)],
) -> RelatedQuotes {
    RelatedQuotes {
        speaker,
        kind,
        quotes: places
            .iter()
            .take(MAX_LISTED)
            .map(|&(ai, q)| quote_ref(&articles[ai], q))
            .collect(),
        diff: None,
    }
}

/// A variant entry from one occurrence of each wording, in different articles.
fn variant(
    articles: &[ArticleClaims<'_>],
    speaker: String,
    a: &Wording<'_>,
    b: &Wording<'_>,
) -> Option<RelatedQuotes> {
    let &(ai, qa) = a.places.first()?;
    let &(bi, qb) = b.places.iter().find(|p| p.0 != ai)?;
    Some(RelatedQuotes {
        speaker,
        kind: RelatedKind::Variant,
        quotes: vec![quote_ref(&articles[ai], qa), quote_ref(&articles[bi], qb)],
        diff: Some(word_diff(&qa.text, &qb.text)),
    })
}

/// The name a statement is listed under when its articles attribute it differently: the
/// person most of them name, or [`UNATTRIBUTED`].
fn label<'a>(names: impl Iterator<Item = &'a Vec<String>>) -> String {
    let mut count: BTreeMap<&String, usize> = BTreeMap::new();
    for n in names.flatten() {
        *count.entry(n).or_default() += 1;
    }
    count
        .into_iter()
        .max_by_key(|&(n, c)| (c, std::cmp::Reverse(n.clone())))
        .map(|(n, _)| n.clone())
        .unwrap_or_else(|| UNATTRIBUTED.to_string())
}

/// The same statement in several articles of one story whose speakers differ (one names
/// the speaker, another quotes the words without a name, or names someone else): word
/// for word, a fragment of the other, or nearly the same words. A speaker's own repeats
/// and variants are already linked; these are the ones attribution alone would miss.
fn across_speakers(
    articles: &[ArticleClaims<'_>],
    story: &[usize],
    quotes: &[(usize, &Quote)],
    people: &HashMap<(usize, usize), Vec<String>>,
) -> Vec<RelatedQuotes> {
    let mut by_story: BTreeMap<usize, Vec<(usize, &Quote)>> = BTreeMap::new();
    for &(ai, q) in quotes {
        by_story.entry(story[ai]).or_default().push((ai, q));
    }
    let people_at = |ai: usize, q: &Quote| people.get(&(ai, q.start));
    // Stories are independent: in parallel, their entries kept in story order.
    use rayon::prelude::*;
    let by_story: Vec<Vec<(usize, &Quote)>> = by_story.into_values().collect();
    by_story
        .par_iter()
        .flat_map_iter(|said| {
            let mut out = Vec::new();
            let arts: HashSet<usize> = said.iter().map(|s| s.0).collect();
            if arts.len() < 2 {
                return out;
            }
            let wordings = wordings(said);
            // Whether the places' speakers all name one person (then the speaker's own entry
            // already links them).
            let one_person = |places: &[(usize, &Quote)]| -> bool {
                let mut common: Option<HashSet<&String>> = None;
                for &(ai, q) in places {
                    let p: HashSet<&String> = people_at(ai, q).into_iter().flatten().collect();
                    common = Some(match common {
                        None => p,
                        Some(c) => c.intersection(&p).copied().collect(),
                    });
                }
                common.is_some_and(|c| !c.is_empty())
            };
            for w in &wordings {
                let arts: HashSet<usize> = w.places.iter().map(|p| p.0).collect();
                if arts.len() < 2 || w.words.len() < MIN_VARIANT_WORDS || one_person(&w.places) {
                    continue;
                }
                let speaker = label(w.places.iter().filter_map(|&(ai, q)| people_at(ai, q)));
                out.push(group(articles, speaker, RelatedKind::Repeated, &w.places));
            }
            for (i, j) in trigram_pairs(&wordings) {
                let (a, b) = (&wordings[i], &wordings[j]);
                let shorter = a.words.len().min(b.words.len());
                let same = (shorter >= CROSS_FRAGMENT_WORDS && contained(&a.words, &b.words))
                    || (shorter >= CROSS_OVERLAP_WORDS
                        && overlap(&a.words, &b.words) >= CROSS_OVERLAP);
                if !same {
                    continue;
                }
                let places: Vec<(usize, &Quote)> =
                    a.places.iter().chain(&b.places).copied().collect();
                if one_person(&places) {
                    continue;
                }
                let speaker = label(places.iter().filter_map(|&(ai, q)| people_at(ai, q)));
                if let Some(v) = variant(articles, speaker, a, b) {
                    out.push(v);
                }
            }
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> BTreeMap<String, BTreeSet<usize>> {
        list.iter()
            .map(|n| (n.to_string(), BTreeSet::from([0])))
            .collect()
    }

    #[test]
    fn surname_joins_the_one_full_name_that_carries_it() {
        let m = merge_speakers(&names(&["Tessa Petit", "Petit"]));
        assert_eq!(m.resolve("Petit", 0).unwrap(), "Tessa Petit");
    }

    #[test]
    fn two_people_sharing_a_surname_stay_apart() {
        let m = merge_speakers(&names(&["Tessa Petit", "Marie Petit", "Petit"]));
        assert_eq!(m.resolve("Tessa Petit", 0).unwrap(), "Tessa Petit");
        assert_eq!(m.resolve("Marie Petit", 0).unwrap(), "Marie Petit");
        // Ambiguous: stays on its own rather than joining the wrong person.
        assert_eq!(m.resolve("Petit", 0).unwrap(), "Petit");
    }

    #[test]
    fn titles_roles_and_initials_do_not_split_a_person() {
        let m = merge_speakers(&names(&[
            "Tim Fanning",
            "Constable Tim Fanning",
            "Police Constable Tim Fanning",
            "Raymond W. Kelly",
            "Police commissioner Raymond Kelly",
            "Enough Project Co-Founder John Prendergast",
            "John Prendergast",
            "Tom Kelly",
        ]));
        for n in ["Constable Tim Fanning", "Police Constable Tim Fanning"] {
            assert_eq!(m.resolve(n, 0).unwrap(), "Tim Fanning");
        }
        assert_eq!(
            m.resolve("Police commissioner Raymond Kelly", 0),
            m.resolve("Raymond W. Kelly", 0)
        );
        assert_ne!(m.resolve("Tom Kelly", 0), m.resolve("Raymond W. Kelly", 0));
        assert_eq!(
            m.resolve("Enough Project Co-Founder John Prendergast", 0)
                .unwrap(),
            "John Prendergast"
        );
    }

    #[test]
    fn a_surname_or_first_name_resolves_inside_its_story() {
        let mut n: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
        n.insert("Anna Williams".into(), BTreeSet::from([1]));
        n.insert("Serena Williams".into(), BTreeSet::from([2]));
        n.insert("Williams".into(), BTreeSet::from([1, 2, 3]));
        n.insert("Charlie Kafoury".into(), BTreeSet::from([1]));
        n.insert("Charlie".into(), BTreeSet::from([1, 2]));
        let m = merge_speakers(&n);
        assert_eq!(m.resolve("Williams", 1).unwrap(), "Anna Williams");
        assert_eq!(m.resolve("Williams", 2).unwrap(), "Serena Williams");
        assert_eq!(m.resolve("Williams", 3).unwrap(), "Williams");
        assert_eq!(m.resolve("Charlie", 1).unwrap(), "Charlie Kafoury");
        assert_eq!(m.resolve("Charlie", 2).unwrap(), "Charlie");
    }

    #[test]
    fn a_joint_statement_names_each_speaker() {
        assert_eq!(
            speakers_of("House Speaker Nancy Pelosi and Senate Leader Chuck Schumer"),
            vec!["House Speaker Nancy Pelosi", "Senate Leader Chuck Schumer"]
        );
        assert_eq!(
            speakers_of("Procter and Gamble"),
            vec!["Procter and Gamble"]
        );
    }

    fn quote(body: &str, text: &str, speaker: Option<&str>) -> Quote {
        Quote {
            speaker: speaker.map(str::to_string),
            ..crate::crossref::tests::quote(body, text, "")
        }
    }

    fn claims(quotes: Vec<Quote>) -> crate::claims::Claims {
        crate::claims::Claims {
            quotes,
            ..Default::default()
        }
    }

    #[test]
    fn one_statement_is_linked_whatever_each_article_attributes_it_to() {
        let a = "\"The refugees need to be safe and protected,\" Taban Deng said.";
        let b = "A spokesman said: \"The refugees need to be safe and protected.\"";
        let c = "\"Tonight was a peaceful vigil that devolved into a riot,\" she said.";
        let d = "He called it a \"peaceful vigil that devolved into a riot\".";
        let e = "\"We will rebuild the school,\" the mayor said.";
        let cl = [
            claims(vec![
                quote(
                    a,
                    "The refugees need to be safe and protected,",
                    Some("Taban Deng"),
                ),
                quote(
                    c,
                    "Tonight was a peaceful vigil that devolved into a riot,",
                    None,
                ),
            ]),
            claims(vec![
                quote(
                    b,
                    "The refugees need to be safe and protected.",
                    Some("A spokesman"),
                ),
                quote(
                    d,
                    "peaceful vigil that devolved into a riot",
                    Some("Jumaane Williams"),
                ),
            ]),
            claims(vec![quote(e, "We will rebuild the school,", None)]),
        ];
        let bodies = [format!("{a} {c}"), format!("{b} {d}"), e.to_string()];
        let views: Vec<ArticleClaims<'_>> = (0..3)
            .map(|i| ArticleClaims {
                id: ["a", "b", "c"][i],
                path: ["a.txt", "b.txt", "c.txt"][i],
                title: None,
                date: None,
                body: &bodies[i],
                claims: &cl[i],
            })
            .collect();
        let got = relate(&views, &[0, 0, 0]);
        let linked = |text: &str| {
            got.iter().find(|r| {
                r.quotes.len() >= 2
                    && r.quotes.iter().all(|q| q.text.contains(text))
                    && r.quotes
                        .iter()
                        .map(|q| &q.path)
                        .collect::<HashSet<_>>()
                        .len()
                        == 2
            })
        };
        let refugees = linked("refugees need").expect("the same words under two speakers");
        assert!(refugees.speaker == "A spokesman" || refugees.speaker == "Taban Deng");
        let vigil = linked("peaceful vigil").expect("a fragment of a longer quotation");
        assert_eq!(vigil.speaker, "Jumaane Williams");
        // Articles on different stories are not linked by their words alone.
        let apart = relate(&views, &[0, 1, 2]);
        assert!(
            !apart
                .iter()
                .any(|r| r.quotes.iter().any(|q| q.text.contains("refugees")))
        );
    }

    #[test]
    fn word_diff_marks_changed_words() {
        let d = word_diff(
            "taxpayers should also not foot the bill",
            "taxpayers should not foot the bill",
        );
        assert!(
            d.iter()
                .any(|p| p.op == "delete" && p.text.contains("also"))
        );
        assert!(d.iter().all(|p| p.op != "insert"));
    }
}
