//! What a speaker is: a person, an organisation, a document, a group of people, or a
//! phrase that is none of these (a fragment the grammar mistook for a subject). Decided
//! from the words of the name alone, by its head noun: the last word before any
//! "of/for/at…" complement, after determiners and possessives.

use super::names::strip_possessive;
use crate::claims::SpeakerKind;
use crate::claims::lexicon::{is_determiner, is_org_word};
use crate::claims::tokens::is_cap;

/// The kind of the speaker named `name`; `person` when the grammar read it as a
/// person's name (capitalised name words, titles stripped).
pub(crate) fn speaker_kind(name: &str, person: bool) -> SpeakerKind {
    let words: Vec<&str> = name
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’'))
        .filter(|w| !w.is_empty())
        .collect();
    if person {
        // A name is a person; a description read as one ("the assembly government") is
        // what its head says, a person when that says nothing.
        let description = words.first().is_some_and(|w| is_determiner(w))
            && words.last().is_some_and(|w| !is_cap(w));
        if !description {
            return SpeakerKind::Person;
        }
        return match kind_of_phrase(&words[1..]) {
            SpeakerKind::Unknown => SpeakerKind::Person,
            k => k,
        };
    }
    // "Mr Fox", "Dr Ames": a courtesy title makes a person.
    if words.len() >= 2
        && matches!(
            words[0].trim_end_matches('.'),
            "Mr" | "Mrs" | "Ms" | "Dr" | "Sir" | "Dame" | "Lord" | "Lady" | "Miss"
        )
    {
        return SpeakerKind::Person;
    }
    // "CIA spokesman Ryan Trapani", "National Bureau of Statistics chief Li Deshui": a
    // role noun, then a name.
    let n = words.len();
    if n >= 3
        && words[n - 2..].iter().all(|w| is_cap(w) && !is_org_word(w))
        && words[..n - 2]
            .iter()
            .any(|w| !is_cap(w) && is_person_noun(w))
    {
        return SpeakerKind::Person;
    }
    // "one of the former prosecutors": one person of a group; "many of the
    // protesters": the group.
    let (one_of, words) = match words.as_slice() {
        [q, of, rest @ ..] if *of == "of" && is_partitive(q) => {
            (matches!(q.to_lowercase().as_str(), "one" | "each"), rest)
        }
        _ => (false, words.as_slice()),
    };
    let start = words
        .iter()
        .position(|w| !is_determiner(w) && !is_possessive_pronoun(w))
        .unwrap_or(words.len());
    let words = &words[start..];
    let kind = kind_of_phrase(words);
    if one_of && kind == SpeakerKind::Group {
        return SpeakerKind::Person;
    }
    kind
}

fn is_partitive(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "one"
            | "each"
            | "some"
            | "many"
            | "several"
            | "most"
            | "all"
            | "both"
            | "two"
            | "three"
            | "none"
            | "any"
            | "few"
    )
}

fn kind_of_phrase(words: &[&str]) -> SpeakerKind {
    let Some(first) = words.first() else {
        return SpeakerKind::Unknown;
    };
    // "of CPS records", "without reporters": a prepositional phrase is no one.
    if is_complement_preposition(first) || matches!(*first, "without" | "about" | "into") {
        return SpeakerKind::Unknown;
    }
    let head_end = words
        .iter()
        .position(|w| is_complement_preposition(w))
        .filter(|&k| k > 0)
        .unwrap_or(words.len());
    // "a source close to the campaign", "the order released Friday", "Clinton restricted":
    // post-modifiers and trailing participles are not the head.
    let mut head_end = head_end;
    while head_end > 1 && is_post_modifier(words[head_end - 1]) {
        head_end -= 1;
    }
    let head_words = &words[..head_end];
    let head = strip_possessive(head_words[head_words.len() - 1])
        .trim_end_matches(['\'', '’'])
        .to_lowercase();
    // A proper name that is not a person's: "CNN", "The Washington Post", "Pew".
    let proper = head_words.iter().all(|w| is_cap(w) || is_connector(w)) && is_cap(first);
    let fragment = head.ends_with("ing") || (head_words.len() == 1 && is_adjective_like(&head));
    if proper && fragment {
        return SpeakerKind::Unknown;
    }
    if proper && !is_person_noun(&head) && !is_group_noun(&head) {
        return SpeakerKind::Organisation;
    }
    if is_document(&head) {
        return SpeakerKind::Document;
    }
    // The listed institution nouns first: the agent-noun endings below would take
    // "government" for a person.
    if is_organisation_noun(&head) {
        return SpeakerKind::Organisation;
    }
    if is_group_noun(&head) {
        return SpeakerKind::Group;
    }
    if is_person_noun(&head) {
        return SpeakerKind::Person;
    }
    // "CIA spokesman Ryan Trapani": a role noun, then a name.
    let n = head_words.len();
    if n >= 3
        && head_words[n - 2..]
            .iter()
            .all(|w| is_cap(w) && !is_org_word(w))
        && head_words[..n - 2]
            .iter()
            .any(|w| is_person_noun(&w.to_lowercase()))
    {
        return SpeakerKind::Person;
    }
    if words.iter().any(|w| is_org_word(w)) || is_organisation_noun(&head) {
        return SpeakerKind::Organisation;
    }
    SpeakerKind::Unknown
}

fn is_post_modifier(w: &str) -> bool {
    crate::calendar::is_weekday(w)
        || (w.starts_with(|c: char| c.is_lowercase())
            && (w.ends_with("ed")
                || w.ends_with("ly")
                || matches!(
                    w,
                    "close" | "closest" | "familiar" | "known" | "near" | "opposed" | "loyal"
                )))
}

fn is_possessive_pronoun(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "his" | "her" | "its" | "their" | "our" | "my" | "your" | "one" | "another" | "other"
    )
}

fn is_connector(w: &str) -> bool {
    matches!(w, "of" | "for" | "and" | "the" | "de" | "&")
}

fn is_complement_preposition(w: &str) -> bool {
    matches!(
        w,
        "of" | "for" | "at" | "from" | "in" | "with" | "by" | "on" | "to" | "who" | "that"
    )
}

/// A word that is an adjective or adverb on its own ("Nuclear", "Cool", "Back"): a
/// capitalised one at a sentence start is no organisation's name.
fn is_adjective_like(w: &str) -> bool {
    [
        "al", "ous", "ive", "ful", "ic", "ible", "able", "ish", "less",
    ]
    .iter()
    .any(|s| w.len() > s.len() + 3 && w.ends_with(s))
        || matches!(
            w,
            "cool" | "new" | "old" | "good" | "bad" | "big" | "back" | "soon"
        )
}

/// Written sources: "the report", "a statement", "the email", "one of her ads".
fn is_document(head: &str) -> bool {
    let h = head.strip_suffix('s').unwrap_or(head);
    matches!(
        h,
        "report"
            | "statement"
            | "letter"
            | "email"
            | "e-mail"
            | "memo"
            | "ad"
            | "advert"
            | "advertisement"
            | "commercial"
            | "website"
            | "site"
            | "page"
            | "tweet"
            | "post"
            | "poll"
            | "survey"
            | "study"
            | "document"
            | "filing"
            | "complaint"
            | "lawsuit"
            | "suit"
            | "release"
            | "editorial"
            | "headline"
            | "article"
            | "book"
            | "paper"
            | "column"
            | "op-ed"
            | "essay"
            | "transcript"
            | "video"
            | "caption"
            | "sign"
            | "banner"
            | "message"
            | "note"
            | "text"
            | "analysis"
            | "projection"
            | "estimate"
            | "footnote"
            | "petition"
            | "ruling"
            | "order"
            | "opinion"
            | "indictment"
            | "affidavit"
            | "bill"
            | "law"
            | "platform"
            | "manifesto"
            | "guidance"
            | "policy"
            | "plan"
            | "brief"
            | "motion"
            | "summary"
            | "account"
            | "speech"
            | "script"
            | "slogan"
            | "placard"
            | "flyer"
            | "leaflet"
            | "brochure"
            | "broadcast"
            | "interview"
            | "episode"
            | "entry"
            | "record"
            | "audit"
            | "review"
            | "data"
            | "dataset"
            | "chart"
            | "map"
            | "figure"
            | "table"
            | "notice"
            | "warning"
            | "bulletin"
            | "newsletter"
            | "magazine"
            | "journal"
            | "blog"
            | "forum"
            | "label"
            | "inscription"
            | "card"
            | "agreement"
            | "contract"
            | "treaty"
            | "clause"
            | "section"
            | "passage"
            | "photo"
            | "photograph"
            | "picture"
            | "image"
            | "question"
            | "questionnaire"
            | "ballot"
            | "verse"
            | "lyric"
            | "song"
            | "film"
            | "movie"
            | "documentary"
            | "show"
            | "voiceover"
            | "voice-over"
            | "bylaw"
            | "clip"
            | "piece"
            | "footage"
            | "recording"
            | "audio"
    )
}

/// Institutions named by a common noun: "the campaign", "the agency", "the network".
fn is_organisation_noun(head: &str) -> bool {
    matches!(
        head,
        "campaign"
            | "agency"
            | "department"
            | "ministry"
            | "government"
            | "administration"
            | "company"
            | "firm"
            | "network"
            | "newspaper"
            | "paper's"
            | "station"
            | "channel"
            | "outlet"
            | "party"
            | "committee"
            | "commission"
            | "council"
            | "board"
            | "court"
            | "union"
            | "group"
            | "organization"
            | "organisation"
            | "foundation"
            | "institute"
            | "university"
            | "college"
            | "school"
            | "hospital"
            | "bank"
            | "office"
            | "bureau"
            | "service"
            | "authority"
            | "police"
            | "army"
            | "military"
            | "navy"
            | "club"
            | "team"
            | "league"
            | "senate"
            | "house"
            | "congress"
            | "parliament"
            | "legislature"
            | "regime"
            | "kingdom"
            | "state"
            | "city"
            | "county"
            | "embassy"
            | "coalition"
            | "alliance"
            | "association"
            | "society"
            | "center"
            | "centre"
            | "corporation"
            | "industry"
            | "prosecution"
            | "defense"
            | "defence"
            | "website's"
            | "magazine's"
            | "pac"
            | "fund"
            | "charity"
            | "nonprofit"
            | "think-tank"
            | "tank"
            | "town"
            | "village"
            | "country"
            | "nation"
            | "publication"
    )
}

/// Several people: plural people nouns and collectives.
fn is_group_noun(head: &str) -> bool {
    if matches!(
        head,
        "people"
            | "police"
            | "crowd"
            | "staff"
            | "audience"
            | "family"
            | "families"
            | "couple"
            | "public"
            | "majority"
            | "minority"
            | "others"
            | "many"
            | "some"
            | "both"
            | "all"
            | "few"
            | "two"
            | "three"
            | "several"
            | "dozens"
            | "hundreds"
            | "thousands"
            | "men"
            | "women"
            | "children"
            | "folks"
            | "protesters"
            | "protestors"
            | "officials"
            | "sources"
            | "critics"
            | "aides"
            | "experts"
            | "analysts"
            | "residents"
            | "voters"
            | "supporters"
            | "opponents"
            | "advocates"
            | "activists"
            | "lawmakers"
            | "legislators"
            | "leaders"
            | "members"
            | "democrats"
            | "republicans"
            | "conservatives"
            | "liberals"
            | "progressives"
            | "organizers"
            | "organisers"
            | "authorities"
            | "investigators"
            | "prosecutors"
            | "researchers"
            | "scientists"
            | "doctors"
            | "witnesses"
            | "respondents"
            | "delegates"
            | "students"
            | "parents"
            | "workers"
            | "employees"
            | "executives"
            | "users"
            | "fans"
            | "neighbors"
            | "neighbours"
            | "relatives"
            | "friends"
            | "colleagues"
            | "allies"
            | "rivals"
            | "candidates"
            | "hosts"
            | "authors"
            | "editors"
            | "reporters"
            | "journalists"
            | "demonstrators"
            | "participants"
            | "observers"
            | "pundits"
            | "commentators"
            | "economists"
            | "historians"
            | "officers"
            | "troops"
            | "soldiers"
            | "senators"
            | "representatives"
            | "judges"
            | "justices"
            | "insiders"
            | "strategists"
            | "pollsters"
            | "donors"
            | "backers"
            | "opponents'"
    ) {
        return true;
    }
    // Plurals of institutions: "multiple outlets", "the groups".
    if let Some(one) = head.strip_suffix('s')
        && is_organisation_noun(one)
    {
        return true;
    }
    // Plurals of agent nouns: "bloggers", "spokespeople", "physicians".
    [
        "ers", "ors", "ists", "ians", "ants", "ents", "ees", "men", "women", "people",
    ]
    .iter()
    .any(|s| head.len() > s.len() + 2 && head.ends_with(s))
}

/// A noun a name can modify ("Clinton officials", "Clinton campaign manager", "Sanders
/// supporters"): a person, body or group noun, singular or plural.
pub(crate) fn is_modified_noun(w: &str) -> bool {
    let w = w.to_lowercase();
    let singular = w.strip_suffix('s').unwrap_or(&w);
    [w.as_str(), singular]
        .iter()
        .any(|h| is_person_noun(h) || is_organisation_noun(h) || is_group_noun(h))
}

/// One person described, not named: "a spokesman", "the senator", "a longtime adviser".
fn is_person_noun(head: &str) -> bool {
    if matches!(
        head,
        "official"
            | "aide"
            | "source"
            | "adviser"
            | "advisor"
            | "expert"
            | "analyst"
            | "critic"
            | "judge"
            | "candidate"
            | "nominee"
            | "executive"
            | "chief"
            | "head"
            | "leader"
            | "member"
            | "voter"
            | "resident"
            | "friend"
            | "mother"
            | "father"
            | "wife"
            | "husband"
            | "son"
            | "daughter"
            | "brother"
            | "sister"
            | "widow"
            | "boss"
            | "president"
            | "senator"
            | "governor"
            | "mayor"
            | "secretary"
            | "minister"
            | "chairman"
            | "chairwoman"
            | "chair"
            | "director"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "lawyer"
            | "attorney"
            | "prosecutor"
            | "sheriff"
            | "constable"
            | "captain"
            | "colonel"
            | "marshal"
            | "officer"
            | "detective"
            | "witness"
            | "victim"
            | "student"
            | "teacher"
            | "doctor"
            | "nurse"
            | "scientist"
            | "economist"
            | "historian"
            | "professor"
            | "author"
            | "editor"
            | "reporter"
            | "journalist"
            | "columnist"
            | "commentator"
            | "host"
            | "anchor"
            | "pundit"
            | "pollster"
            | "strategist"
            | "consultant"
            | "activist"
            | "advocate"
            | "veteran"
            | "delegate"
            | "donor"
            | "congressman"
            | "congresswoman"
            | "lawmaker"
            | "legislator"
            | "representative"
            | "justice"
            | "king"
            | "queen"
            | "prince"
            | "pope"
            | "bishop"
            | "priest"
            | "pastor"
            | "rabbi"
            | "imam"
            | "coach"
            | "player"
            | "owner"
            | "founder"
            | "ceo"
            | "manager"
            | "man"
            | "woman"
            | "person"
            | "someone"
            | "somebody"
            | "user"
            | "fan"
            | "neighbor"
            | "neighbour"
            | "colleague"
            | "ally"
            | "rival"
            | "opponent"
            | "supporter"
            | "insider"
            | "graduate"
            | "impostor"
            | "official's"
            | "tycoon"
            | "mogul"
            | "child"
            | "boy"
            | "girl"
            | "kid"
            | "guy"
            | "actor"
            | "actress"
            | "star"
            | "celebrity"
            | "billionaire"
            | "millionaire"
            | "heavyweight"
            | "look-alike"
            | "mom"
            | "dad"
            | "grandmother"
            | "grandfather"
            | "niece"
            | "nephew"
            | "aunt"
            | "uncle"
            | "cousin"
            | "democrat"
            | "republican"
            | "conservative"
            | "liberal"
            | "progressive"
    ) {
        return true;
    }
    // Agent nouns: "blogger", "physician", "protester", "appointee".
    [
        "er", "or", "ist", "ian", "ant", "ent", "ee", "man", "woman", "person", "-old", "eon",
    ]
    .iter()
    .any(|s| head.len() > s.len() + 2 && head.ends_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_head_noun() {
        use SpeakerKind::*;
        let cases = [
            ("Jane Doe", true, Person),
            ("a spokesman for the campaign", false, Person),
            ("the senator", false, Person),
            ("the report", false, Document),
            (
                "A projection by the consulting firm Oxford Economics",
                false,
                Document,
            ),
            ("one of her ads", false, Document),
            ("The Washington Post", false, Organisation),
            ("CNN", false, Organisation),
            ("the Clinton campaign", false, Organisation),
            ("the organizers", false, Group),
            ("Law enforcement officials", false, Group),
            ("CIA spokesman Ryan Trapani", false, Person),
            ("a source close to the campaign", false, Person),
            ("his willingness", false, Unknown),
            ("Political", false, Unknown),
            ("Cool", false, Unknown),
            ("of CPS records", false, Unknown),
            (
                "one of the former prosecutors for David Petraeus",
                false,
                Person,
            ),
            ("many of the protesters", false, Group),
            ("the assembly government", true, Organisation),
            ("Mr Fox", false, Person),
            (
                "National Bureau of Statistics chief Li Deshui",
                false,
                Person,
            ),
            ("Marking", false, Unknown),
        ];
        for (name, person, want) in cases {
            assert_eq!(speaker_kind(name, person), want, "{name}");
        }
    }
}
