//! Closed word lists for attribution: speech verbs, titles, organisation heads, function
//! words. General English newsroom vocabulary only — nothing here is taken from a
//! particular article. Lookups are `match` statements (compiled to length + byte compares),
//! which keeps the per-word cost small on multi-megabyte inputs.

use super::tokens::is_cap;
use std::sync::OnceLock;

/// A reporting verb in any tense ("said", "says", "has told", "tweeted"…). Case-sensitive
/// on purpose: "Post" and "Reports" in names are not verbs.
pub(crate) fn is_cue_verb(w: &str) -> bool {
    is_common_cue_verb(w) || speech_lemma(w).is_some()
}

/// The common reporting verbs, listed form by form: what a scan over every word of a
/// sentence without quotes looks for (the lemma table is only consulted near quotes).
pub(crate) fn is_common_cue_verb(w: &str) -> bool {
    matches!(
        w,
        "say"
            | "says"
            | "said"
            | "saying"
            | "Said"
            | "Says"
            | "Added"
            | "Asked"
            | "Wrote"
            | "found"
            | "finds"
            | "states"
            | "reports"
            | "report"
            | "attacked"
            | "tell"
            | "tells"
            | "told"
            | "telling"
            | "spoke"
            | "speaks"
            | "speaking"
            | "add"
            | "adds"
            | "added"
            | "adding"
            | "note"
            | "noted"
            | "noting"
            | "argue"
            | "argues"
            | "argued"
            | "arguing"
            | "claim"
            | "claimed"
            | "claiming"
            | "warn"
            | "warns"
            | "warned"
            | "warning"
            | "explain"
            | "explains"
            | "explained"
            | "explaining"
            | "insist"
            | "insists"
            | "insisted"
            | "insisting"
            | "acknowledge"
            | "acknowledges"
            | "acknowledged"
            | "acknowledging"
            | "confirm"
            | "confirms"
            | "confirmed"
            | "confirming"
            | "continue"
            | "continues"
            | "continued"
            | "write"
            | "writes"
            | "wrote"
            | "written"
            | "writing"
            | "tweet"
            | "tweeted"
            | "tweeting"
            | "posted"
            | "posting"
            | "ask"
            | "asks"
            | "asked"
            | "asking"
            | "reply"
            | "replies"
            | "replied"
            | "replying"
            | "respond"
            | "responds"
            | "responded"
            | "responding"
            | "stated"
            | "stating"
            | "declare"
            | "declares"
            | "declared"
            | "declaring"
            | "announce"
            | "announces"
            | "announced"
            | "announcing"
            | "recall"
            | "recalls"
            | "recalled"
            | "recalling"
            | "conclude"
            | "concludes"
            | "concluded"
            | "concluding"
            | "admit"
            | "admits"
            | "admitted"
            | "admitting"
            | "contend"
            | "contends"
            | "contended"
            | "contending"
            | "maintain"
            | "maintains"
            | "maintained"
            | "maintaining"
            | "observe"
            | "observes"
            | "observed"
            | "observing"
            | "suggest"
            | "suggests"
            | "suggested"
            | "suggesting"
            | "urge"
            | "urges"
            | "urged"
            | "urging"
            | "predict"
            | "predicts"
            | "predicted"
            | "predicting"
            | "complain"
            | "complains"
            | "complained"
            | "complaining"
            | "concede"
            | "concedes"
            | "conceded"
            | "conceding"
            | "testify"
            | "testifies"
            | "testified"
            | "testifying"
            | "reported"
            | "reporting"
            | "called"
            | "calling"
            | "describe"
            | "describes"
            | "described"
            | "describing"
            | "assert"
            | "asserts"
            | "asserted"
            | "asserting"
            | "allege"
            | "alleges"
            | "alleged"
            | "alleging"
            | "boast"
            | "boasts"
            | "boasted"
            | "boasting"
            | "joke"
            | "joked"
            | "joking"
            | "quipped"
            | "quips"
            | "shouted"
            | "shouting"
            | "yelled"
            | "screamed"
            | "chanted"
            | "chanting"
            | "exclaimed"
            | "remarked"
            | "mused"
            | "laughed"
            | "sighed"
            | "cried"
            | "emphasize"
            | "emphasizes"
            | "emphasized"
            | "emphasised"
            | "emphasizing"
            | "stress"
            | "stresses"
            | "stressed"
            | "stressing"
            | "pointed"
            | "promise"
            | "promises"
            | "promised"
            | "promising"
            | "vow"
            | "vows"
            | "vowed"
            | "vowing"
            | "pledge"
            | "pledges"
            | "pledged"
            | "pledging"
            | "charged"
            | "charging"
            | "countered"
            | "retorted"
            | "cautioned"
            | "deny"
            | "denies"
            | "denied"
            | "denying"
            | "lament"
            | "laments"
            | "lamented"
            | "recounted"
            | "reiterated"
            | "echoed"
            | "wonder"
            | "wonders"
            | "wondered"
            | "demand"
            | "demanded"
            | "demanding"
            | "proclaim"
            | "proclaimed"
            | "reads"
            | "texted"
            | "emailed"
            | "sang"
            | "sings"
            | "criticized"
            | "criticised"
            | "blasted"
            | "slammed"
            | "accused"
            | "dismissed"
            | "praised"
            | "labeled"
            | "labelled"
            | "branded"
            | "dubbed"
            | "termed"
            | "agreed"
            | "disagreed"
            | "objected"
            | "protested"
            | "lauded"
            | "hailed"
            | "mocked"
            | "scolded"
            | "derided"
            | "decried"
            | "denounced"
            | "condemned"
            | "touted"
            | "begged"
            | "pleaded"
            | "questioned"
            | "questioning"
            | "challenged"
            | "scoffed"
            | "comment"
            | "comments"
            | "commented"
            | "commenting"
    )
}

/// A speech verb in any form, the noun-like ones included ("notes", "remarks"): right
/// after a quotation and its subject ("…,” Conway notes) nothing else fits.
pub(crate) fn is_speech_form(w: &str) -> bool {
    is_cue_verb(w) || speech_form(w).is_some()
}

/// How a regular verb form is inflected: the forms a lemma table entry stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Base,
    S,
    Ed,
    Ing,
}

/// A speech-act verb of the lemma table below, in any regular form (lower case), with
/// whether it may be inverted ("…,” gushed Smith). A lemma that is also a common noun
/// ("a rant", "the thanks") counts only in its -ed and -ing forms.
fn speech_lemma(w: &str) -> Option<bool> {
    speech_form(w).and_then(|(noun, invertible, form)| {
        (!noun || matches!(form, Form::Ed | Form::Ing)).then_some(invertible)
    })
}

/// The lemma table's entry for a regular form of `w`: (noun too, invertible, form).
fn speech_form(w: &str) -> Option<(bool, bool, Form)> {
    let b = w.as_bytes();
    if b.len() < 4 || !speech_prefix(b[0], b[1]) {
        return None;
    }
    let try_lemma = |stem: &str, form: Form| -> Option<(bool, bool, Form)> {
        let (noun, invertible) = speech_verb(stem)?;
        Some((noun, invertible, form))
    };
    let cut = |n: usize| &w[..w.len() - n];
    let doubled = |stem: &str| {
        let s = stem.as_bytes();
        s.len() >= 2 && s[s.len() - 1] == s[s.len() - 2]
    };
    if let Some(r) = try_lemma(w, Form::Base) {
        return Some(r);
    }
    if let Some(stem) = w.strip_suffix("ing") {
        return try_lemma(stem, Form::Ing)
            .or_else(|| with_letter(stem, b'e', |l| try_lemma(l, Form::Ing)))
            .or_else(|| {
                doubled(stem)
                    .then(|| try_lemma(cut(4), Form::Ing))
                    .flatten()
            });
    }
    if let Some(stem) = w.strip_suffix("ied") {
        return with_letter(stem, b'y', |l| try_lemma(l, Form::Ed));
    }
    if let Some(stem) = w.strip_suffix("ed") {
        return try_lemma(stem, Form::Ed)
            .or_else(|| try_lemma(cut(1), Form::Ed))
            .or_else(|| doubled(stem).then(|| try_lemma(cut(3), Form::Ed)).flatten());
    }
    if let Some(stem) = w.strip_suffix("ies") {
        return with_letter(stem, b'y', |l| try_lemma(l, Form::S));
    }
    if let Some(stem) = w.strip_suffix('s') {
        return try_lemma(stem, Form::S).or_else(|| {
            w.strip_suffix("es")
                .and_then(|stem| try_lemma(stem, Form::S))
        });
    }
    None
}

/// `f` of `stem` with one ASCII letter appended, without allocating (lemmas are short).
fn with_letter<T>(stem: &str, letter: u8, f: impl Fn(&str) -> Option<T>) -> Option<T> {
    let mut buf = [0u8; 24];
    let n = stem.len();
    if n + 1 > buf.len() {
        return None;
    }
    buf[..n].copy_from_slice(stem.as_bytes());
    buf[n] = letter;
    f(std::str::from_utf8(&buf[..=n]).ok()?)
}

/// Speech-act verbs beyond the hand-listed forms of `is_cue_verb`, by lemma: (also a
/// common noun, may be inverted). General English reporting vocabulary (manner of
/// speaking, praise and blame, telling and asking), never words of one article.
type Entry = (&'static str, bool, bool);

/// The lemma table in buckets by first letter, with the second letters each bucket has
/// (most words are rejected on their first two letters).
struct SpeechTable {
    buckets: [Vec<Entry>; 26],
    second: [u32; 26],
}

fn speech_verb(lemma: &str) -> Option<(bool, bool)> {
    let first = *lemma.as_bytes().first()?;
    if !first.is_ascii_lowercase() {
        return None;
    }
    speech_table().buckets[usize::from(first - b'a')]
        .iter()
        .find(|e| e.0.len() == lemma.len() && e.0 == lemma)
        .map(|e| (e.1, e.2))
}

/// Whether any lemma starts with these two letters.
fn speech_prefix(a: u8, b: u8) -> bool {
    a.is_ascii_lowercase()
        && b.is_ascii_lowercase()
        && speech_table().second[usize::from(a - b'a')] & (1 << (b - b'a')) != 0
}

fn speech_table() -> &'static SpeechTable {
    static TABLE: OnceLock<SpeechTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t: Vec<Entry> = Vec::new();
        // Manner of speaking, which may follow the quote with its subject after it ("…,” gushed Smith).
        let words: &[&str] = &[
            "gush",
            "agree",
            "disagree",
            "interject",
            "mutter",
            "mumble",
            "grumble",
            "exclaim",
            "muse",
            "marvel",
            "quip",
            "retort",
            "rejoin",
            "chime",
            "crow",
            "gloat",
            "enthuse",
            "holler",
            "bellow",
            "sneer",
            "scoff",
            "chuckle",
            "concur",
            "recount",
            "elaborate",
            "explain",
            "add",
            "declare",
            "insist",
            "argue",
            "recall",
            "remember",
            "warn",
            "observe",
            "caution",
            "respond",
            "admit",
            "concede",
            "continue",
            "conclude",
            "acknowledge",
            "predict",
            "suggest",
            "complain",
            "announce",
            "maintain",
            "contend",
            "lament",
            "wonder",
            "testify",
            "boast",
            "confirm",
            "assert",
            "write",
            "emphasize",
            "emphasise",
            "proclaim",
            "reiterate",
            "confide",
            "brag",
            "opine",
            "speculate",
            "theorize",
            "theorise",
            "surmise",
            "plead",
            "implore",
            "inquire",
            "enquire",
            "fume",
            "rail",
            "pronounce",
            "blurt",
            "intone",
            "react",
            "chortle",
            "stammer",
            "stutter",
            "sputter",
        ];
        t.extend(words.iter().map(|w| (*w, false, true)));
        // Manner of speaking that is also a common noun ("a shout", "the reply"): only its -ed and -ing forms count.
        let words: &[&str] = &[
            "shout", "yell", "scream", "whisper", "murmur", "groan", "moan", "sigh", "gasp",
            "snap", "bark", "laugh", "joke", "rant", "rave", "vent", "reply", "counter", "note",
            "remark", "claim", "tweet", "stress", "demand", "query", "boom", "roar", "growl",
            "hiss", "snarl", "drawl", "croak", "shriek", "wail", "sob", "cackle", "giggle",
            "snort", "gripe", "whine", "sniff", "thunder", "rasp", "squeal", "reason",
        ];
        t.extend(words.iter().map(|w| (*w, true, true)));
        // They need an object or a complement: the subject comes before them.
        let words: &[&str] = &[
            "bemoan",
            "bewail",
            "decry",
            "deplore",
            "blame",
            "praise",
            "laud",
            "hail",
            "applaud",
            "commend",
            "compliment",
            "thank",
            "congratulate",
            "tout",
            "trumpet",
            "accuse",
            "chide",
            "rebuke",
            "scold",
            "admonish",
            "castigate",
            "chastise",
            "berate",
            "lambaste",
            "lambast",
            "excoriate",
            "ridicule",
            "deride",
            "mock",
            "taunt",
            "tease",
            "criticize",
            "criticise",
            "condemn",
            "denounce",
            "dismiss",
            "rebut",
            "refute",
            "deny",
            "describe",
            "characterize",
            "characterise",
            "portray",
            "depict",
            "dub",
            "nickname",
            "refer",
            "cite",
            "quote",
            "invoke",
            "mention",
            "reveal",
            "disclose",
            "divulge",
            "confess",
            "assure",
            "reassure",
            "advise",
            "inform",
            "urge",
            "exhort",
            "recommend",
            "imply",
            "insinuate",
            "allege",
            "aver",
            "avow",
            "swear",
            "threaten",
            "envision",
            "underscore",
            "underline",
            "summarize",
            "summarise",
            "clarify",
            "stipulate",
            "tell",
            "ask",
            "downplay",
            "endorse",
            "apologize",
            "apologise",
            "beg",
        ];
        t.extend(words.iter().map(|w| (*w, false, false)));
        // Also common nouns, needing an object: only "labeled", "charging", "questioned"… count.
        let words: &[&str] = &[
            "label",
            "brand",
            "term",
            "charge",
            "answer",
            "text",
            "email",
            "post",
            "call",
            "comment",
            "report",
            "state",
            "retweet",
            "blog",
            "message",
            "pray",
            "preach",
            "lecture",
            "echo",
            "object",
            "cry",
            "question",
            "challenge",
            "attack",
            "blast",
            "slam",
            "promise",
            "pledge",
            "vow",
            "hint",
            "forecast",
            "highlight",
            "dispute",
            "defend",
            "reject",
        ];
        t.extend(words.iter().map(|w| (*w, true, false)));
        // Buckets by first letter: a lookup compares a handful of lengths.
        let mut buckets: [Vec<Entry>; 26] = Default::default();
        let mut second = [0u32; 26];
        for e in t {
            let b = e.0.as_bytes();
            second[usize::from(b[0] - b'a')] |= 1 << (b[1] - b'a');
            buckets[usize::from(b[0] - b'a')].push(e);
        }
        SpeechTable { buckets, second }
    })
}

/// A reporting verb that is not also a common noun ("report", "claims", "states"), for
/// deciding where a speaker noun phrase ends.
pub(crate) fn is_verb_only_cue(w: &str) -> bool {
    is_cue_verb(w)
        && !matches!(
            w,
            "report"
                | "reports"
                | "states"
                | "claim"
                | "note"
                | "promise"
                | "promises"
                | "pledge"
                | "pledges"
                | "demand"
                | "stress"
                | "vow"
                | "vows"
                | "tweet"
                | "joke"
                | "warning"
                | "writing"
                | "reads"
                | "calling"
                | "found"
                | "wonder"
                | "lament"
                | "laments"
                | "comment"
                | "comments"
        )
}

/// A reporting verb in a finite, tensed form ("said", "says", "wrote", "described"): one
/// that a modal or a preposition cannot stand before ("Will wrote" names a person).
pub(crate) fn is_finite_cue(w: &str) -> bool {
    is_verb_only_cue(w)
        && w.starts_with(|c: char| c.is_ascii_lowercase())
        && (matches!(
            w,
            "said" | "told" | "wrote" | "spoke" | "thought" | "knew" | "swore"
        ) || (w.ends_with("ed") || w.ends_with('s')) && !w.ends_with("ss"))
}

/// Capitalised words whose function-word reading needs a bare verb or a noun phrase
/// after it (modals and prepositions), and title words that are also common surnames.
/// Alone before a tensed verb they can only be a name ("Will wrote", "From said",
/// "May says", "King says").
pub(crate) fn is_surname_before_verb(w: &str) -> bool {
    matches!(
        w,
        "Will"
            | "May"
            | "Might"
            | "Must"
            | "Can"
            | "Shall"
            | "From"
            | "With"
            | "King"
            | "Major"
            | "Bishop"
            | "Pope"
            | "Judge"
            | "Marshal"
            | "Dean"
            | "Prince"
            | "Knight"
    )
}

/// Verbs that introduce speech without a direct object and so may be inverted ("said
/// Jackson", "added Petit", "wrote the panel"); "told"/"called" and the like need an object
/// and are never followed by their subject.
pub(crate) fn is_invertible_cue(w: &str) -> bool {
    speech_lemma(w) == Some(true) && !w.ends_with("ing")
        || matches!(
            w,
            "said"
                | "says"
                | "Said"
                | "Says"
                | "Added"
                | "Asked"
                | "Wrote"
                | "added"
                | "adds"
                | "wrote"
                | "writes"
                | "asked"
                | "asks"
                | "continued"
                | "continues"
                | "explained"
                | "reported"
                | "noted"
                | "argued"
                | "replied"
                | "recalled"
                | "concluded"
                | "warned"
                | "insisted"
                | "declared"
                | "tweeted"
                | "posted"
                | "observed"
                | "quipped"
                | "countered"
                | "responded"
                | "stated"
                | "reads"
                | "admitted"
                | "conceded"
                | "cautioned"
                | "remarked"
                | "laughed"
                | "joked"
                | "predicted"
                | "suggested"
                | "complained"
                | "announced"
                | "acknowledged"
                | "maintained"
                | "contended"
                | "urged"
                | "lamented"
                | "wondered"
                | "testified"
        )
}

/// Words that may stand between a subject and its verb: "Petit also said", "she has told".
pub(crate) fn is_aux_or_adverb(w: &str) -> bool {
    matches!(
        w,
        "has"
            | "have"
            | "had"
            | "also"
            | "later"
            | "then"
            | "would"
            | "will"
            | "previously"
            | "recently"
            | "again"
            | "repeatedly"
            | "once"
            | "did"
            | "does"
            | "simply"
            | "further"
            | "publicly"
            | "reportedly"
            | "first"
            | "even"
            | "just"
            | "often"
            | "meanwhile"
            | "however"
            | "though"
            | "too"
            | "instead"
            | "nevertheless"
            | "nonetheless"
            | "now"
            | "frequently"
            | "still"
            | "flatly"
            | "bluntly"
            | "angrily"
            | "earlier"
            | "privately"
            | "separately"
            | "subsequently"
            | "initially"
            | "ultimately"
            | "famously"
            | "jokingly"
            | "pointedly"
            | "quickly"
            | "immediately"
            | "always"
            | "never"
            | "has,"
            | "had,"
            | "once,"
            | "told,"
            | "recently,"
            | "openly"
            | "confidently"
            | "loudly"
            | "quietly"
            | "tearfully"
            | "emphatically"
            | "calmly"
            | "proudly"
            | "firmly"
            | "succinctly"
            | "sarcastically"
            | "cheerfully"
            | "only"
            | "both"
            | "all"
            | "themselves"
            | "himself"
            | "herself"
            | "may"
            | "might"
            | "could"
            | "should"
            | "can"
            | "is"
            | "was"
            | "were"
            | "are"
            | "been"
    )
}

/// Grammatical gender a name can be tied to by an honorific or a pronoun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
}

/// Courtesy titles that always stand right before a surname ("Mr. King", "Ms. Major") and
/// tell the person's gender when they do ("Dr." does not).
pub(crate) fn honorific(w: &str) -> Option<Option<Gender>> {
    match w {
        "Mr." | "Mr" | "Messrs." => Some(Some(Gender::Male)),
        "Mrs." | "Mrs" | "Ms." | "Ms" | "Miss" => Some(Some(Gender::Female)),
        "Dr." | "Dr" | "Prof." => Some(None),
        _ => None,
    }
}

/// Gender of a common given name that is hardly ever given to the other sex ("Roy",
/// "Carly"), for "he"/"she" when no title or pronoun has told it. Names used for both
/// ("Kelly", "Jordan", "Jean") are left out.
pub(crate) fn given_name_gender(w: &str) -> Option<Gender> {
    if matches!(
        w,
        "James"
            | "John"
            | "Robert"
            | "Michael"
            | "William"
            | "David"
            | "Richard"
            | "Joseph"
            | "Thomas"
            | "Charles"
            | "Christopher"
            | "Daniel"
            | "Matthew"
            | "Anthony"
            | "Mark"
            | "Donald"
            | "Steven"
            | "Paul"
            | "Andrew"
            | "Joshua"
            | "Kenneth"
            | "Kevin"
            | "Brian"
            | "George"
            | "Timothy"
            | "Ronald"
            | "Edward"
            | "Jason"
            | "Jeffrey"
            | "Ryan"
            | "Jacob"
            | "Gary"
            | "Nicholas"
            | "Eric"
            | "Jonathan"
            | "Stephen"
            | "Larry"
            | "Justin"
            | "Scott"
            | "Brandon"
            | "Benjamin"
            | "Samuel"
            | "Gregory"
            | "Alexander"
            | "Frank"
            | "Patrick"
            | "Raymond"
            | "Jack"
            | "Dennis"
            | "Jerry"
            | "Tyler"
            | "Aaron"
            | "Henry"
            | "Douglas"
            | "Peter"
            | "Adam"
            | "Nathan"
            | "Zachary"
            | "Walter"
            | "Kyle"
            | "Harold"
            | "Carl"
            | "Jeremy"
            | "Keith"
            | "Roger"
            | "Gerald"
            | "Ethan"
            | "Arthur"
            | "Sean"
            | "Lawrence"
            | "Joe"
            | "Noah"
            | "Jesse"
            | "Albert"
            | "Bryan"
            | "Billy"
            | "Bruce"
            | "Willie"
            | "Dylan"
            | "Alan"
            | "Ralph"
            | "Gabriel"
            | "Roy"
            | "Juan"
            | "Wayne"
            | "Eugene"
            | "Logan"
            | "Randy"
            | "Louis"
            | "Russell"
            | "Vincent"
            | "Philip"
            | "Bobby"
            | "Johnny"
            | "Bradley"
            | "Mike"
            | "Tom"
            | "Bill"
            | "Bob"
            | "Jim"
            | "Steve"
            | "Dave"
            | "Tony"
            | "Ted"
            | "Newt"
            | "Mitt"
            | "Jeb"
            | "Rand"
            | "Bernie"
            | "Barack"
            | "Rudy"
            | "Reince"
            | "Marco"
            | "Ben"
            | "Chuck"
            | "Harry"
            | "Ian"
            | "Neil"
            | "Gordon"
            | "Nigel"
            | "Alastair"
            | "Gareth"
            | "Graham"
            | "Colin"
            | "Trevor"
            | "Malcolm"
            | "Simon"
            | "Nick"
            | "Rob"
            | "Andy"
            | "Martin"
            | "Hugh"
            | "Ken"
            | "Mohammed"
            | "Muhammad"
            | "Ahmed"
            | "Vladimir"
            | "Xi"
            | "Boris"
            | "Jose"
            | "Carlos"
            | "Luis"
            | "Pedro"
            | "Miguel"
            | "Jorge"
            | "Francois"
            | "Jacques"
            | "Pierre"
            | "Hans"
            | "Klaus"
            | "Wolfgang"
            | "Sergei"
            | "Dmitry"
    ) {
        return Some(Gender::Male);
    }
    if matches!(
        w,
        "Mary"
            | "Patricia"
            | "Jennifer"
            | "Linda"
            | "Elizabeth"
            | "Barbara"
            | "Susan"
            | "Jessica"
            | "Sarah"
            | "Karen"
            | "Nancy"
            | "Lisa"
            | "Betty"
            | "Margaret"
            | "Sandra"
            | "Ashley"
            | "Kimberly"
            | "Emily"
            | "Donna"
            | "Michelle"
            | "Dorothy"
            | "Carol"
            | "Amanda"
            | "Melissa"
            | "Deborah"
            | "Stephanie"
            | "Rebecca"
            | "Sharon"
            | "Laura"
            | "Cynthia"
            | "Amy"
            | "Angela"
            | "Shirley"
            | "Anna"
            | "Brenda"
            | "Pamela"
            | "Emma"
            | "Nicole"
            | "Helen"
            | "Samantha"
            | "Katherine"
            | "Christine"
            | "Debra"
            | "Rachel"
            | "Carolyn"
            | "Janet"
            | "Catherine"
            | "Maria"
            | "Heather"
            | "Diane"
            | "Ruth"
            | "Julie"
            | "Olivia"
            | "Joyce"
            | "Lauren"
            | "Christina"
            | "Joan"
            | "Evelyn"
            | "Judith"
            | "Megan"
            | "Andrea"
            | "Cheryl"
            | "Hannah"
            | "Jacqueline"
            | "Martha"
            | "Gloria"
            | "Teresa"
            | "Ann"
            | "Sara"
            | "Frances"
            | "Kathryn"
            | "Janice"
            | "Abigail"
            | "Alice"
            | "Judy"
            | "Sophia"
            | "Grace"
            | "Denise"
            | "Amber"
            | "Doris"
            | "Marilyn"
            | "Danielle"
            | "Beverly"
            | "Isabella"
            | "Theresa"
            | "Diana"
            | "Natalie"
            | "Brittany"
            | "Kayla"
            | "Alexis"
            | "Lori"
            | "Hillary"
            | "Hilary"
            | "Nikki"
            | "Carly"
            | "Condoleezza"
            | "Madeleine"
            | "Huma"
            | "Kellyanne"
            | "Megyn"
            | "Michele"
            | "Debbie"
            | "Harriet"
            | "Tessa"
            | "Yvette"
            | "Jacqui"
            | "Hazel"
            | "Clare"
            | "Claire"
            | "Fiona"
            | "Gillian"
            | "Sue"
            | "Jane"
            | "Kate"
            | "Katie"
            | "Lucy"
            | "Sophie"
            | "Ellen"
            | "Eleanor"
            | "Oprah"
    ) {
        return Some(Gender::Female);
    }
    None
}

/// A member of a party or a political camp, as a capitalised noun ("a Democrat", "one
/// senior Tory"): a description of a person, not a name.
pub(crate) fn is_party_member(w: &str) -> bool {
    matches!(
        w,
        "Democrat"
            | "Republican"
            | "Tory"
            | "Conservative"
            | "Liberal"
            | "Progressive"
            | "Independent"
            | "Socialist"
            | "Communist"
            | "Nationalist"
            | "Unionist"
    )
}

/// Gender of a title or role word ("Congresswoman", "spokesman").
pub(crate) fn title_gender(w: &str) -> Option<Gender> {
    match w {
        "Congressman" | "congressman" | "Spokesman" | "spokesman" | "Councilman" | "councilman"
        | "Assemblyman" | "assemblyman" | "King" | "Prince" | "Sir" | "Lord" | "Father"
        | "businessman" | "Chairman" | "chairman" => Some(Gender::Male),
        "Congresswoman" | "congresswoman" | "Spokeswoman" | "spokeswoman" | "Councilwoman"
        | "councilwoman" | "Assemblywoman" | "assemblywoman" | "Queen" | "Princess" | "Dame"
        | "Lady" | "businesswoman" | "Chairwoman" | "chairwoman" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender of a subject pronoun ("he" / "she").
pub(crate) fn pronoun_gender(w: &str) -> Option<Gender> {
    match w {
        "he" | "He" => Some(Gender::Male),
        "she" | "She" => Some(Gender::Female),
        _ => None,
    }
}

/// Lower-case role nouns a description may use for a person introduced with the matching
/// title ("the senator" → "Sen. Jane Roe"); returns the titles that introduce it.
pub(crate) fn role_titles(w: &str) -> &'static [&'static str] {
    match w {
        "president" => &["President"],
        "senator" => &["Sen.", "Senator"],
        "governor" => &["Gov.", "Governor"],
        "mayor" => &["Mayor"],
        "congressman" => &["Rep.", "Congressman", "Representative"],
        "congresswoman" => &["Rep.", "Congresswoman", "Representative"],
        "representative" => &["Rep.", "Representative"],
        "judge" => &["Judge"],
        "justice" => &["Justice"],
        "sheriff" => &["Sheriff"],
        "secretary" => &["Secretary"],
        "chancellor" => &["Chancellor"],
        "minister" => &["Minister"],
        "ambassador" => &["Ambassador"],
        "commissioner" => &["Commissioner"],
        "general" => &["Gen.", "General"],
        "pope" => &["Pope"],
        "premier" => &["Premier"],
        "speaker" => &["Speaker"],
        _ => &[],
    }
}

/// Title and office words dropped from the front of a person's name ("Rep.", "Police
/// Chief", "White House Press Secretary").
pub(crate) fn is_title(w: &str) -> bool {
    matches!(
        w,
        "Mr."
            | "Mrs."
            | "Ms."
            | "Miss"
            | "Dr."
            | "Rep."
            | "Reps."
            | "Sen."
            | "Sens."
            | "Gov."
            | "Gen."
            | "Lt."
            | "Col."
            | "Sgt."
            | "Capt."
            | "Adm."
            | "Maj."
            | "Prof."
            | "Rev."
            | "Hon."
            | "Del."
            | "Cpl."
            | "Pvt."
            | "Det."
            | "Insp."
            | "Supt."
            | "Atty."
            | "Mr"
            | "Mrs"
            | "Ms"
            | "Dr"
            | "President"
            | "Vice"
            | "Senator"
            | "Representative"
            | "Governor"
            | "Congressman"
            | "Congresswoman"
            | "Secretary"
            | "Chairman"
            | "Chairwoman"
            | "Chair"
            | "Director"
            | "Chief"
            | "Judge"
            | "Justice"
            | "Mayor"
            | "Speaker"
            | "Leader"
            | "Minister"
            | "Prime"
            | "Chancellor"
            | "Ambassador"
            | "Commissioner"
            | "Sheriff"
            | "Officer"
            | "Spokesman"
            | "Spokeswoman"
            | "Spokesperson"
            | "Attorney"
            | "General"
            | "Lieutenant"
            | "Sergeant"
            | "Captain"
            | "Colonel"
            | "Admiral"
            | "Major"
            | "Professor"
            | "Pastor"
            | "Reverend"
            | "Father"
            | "Bishop"
            | "Cardinal"
            | "Pope"
            | "King"
            | "Queen"
            | "Prince"
            | "Princess"
            | "Sir"
            | "Dame"
            | "Lord"
            | "Lady"
            | "Deputy"
            | "Acting"
            | "Interim"
            | "Former"
            | "Retired"
            | "Detective"
            | "Inspector"
            | "Superintendent"
            | "Councilman"
            | "Councilwoman"
            | "Councilmember"
            | "Executive"
            | "Police"
            | "Press"
            | "Majority"
            | "Minority"
            | "Democratic"
            | "Republican"
            | "GOP"
            | "Presidential"
            | "Candidate"
            | "Nominee"
            | "Chairperson"
            | "Treasurer"
            | "Coach"
            | "Manager"
            | "Founder"
            | "CEO"
            | "Emeritus"
            | "Assemblyman"
            | "Assemblywoman"
            | "State"
            | "Foreign"
            | "Defense"
            | "Homeland"
            | "White"
            | "House"
            | "Senate"
            | "Attorney-General"
            | "Trooper"
            | "Deputies"
            | "Rabbi"
            | "Imam"
            | "Mufti"
            | "Sheikh"
            | "Premier"
            | "Provost"
            | "Economist"
            | "Analyst"
            | "Adviser"
            | "Advisor"
    )
}

/// Head words that make a capitalised name an organisation or a document, not a person.
pub(crate) fn is_org_word(w: &str) -> bool {
    let w = w.trim_end_matches(['.', ',']);
    matches!(
        w,
        "Party"
            | "Committee"
            | "Association"
            | "Department"
            | "Agency"
            | "Coalition"
            | "Council"
            | "Task"
            | "Force"
            | "Post"
            | "Times"
            | "Journal"
            | "News"
            | "Network"
            | "Movement"
            | "Union"
            | "University"
            | "Institute"
            | "Center"
            | "Centre"
            | "Foundation"
            | "Commission"
            | "Administration"
            | "Office"
            | "Bureau"
            | "Court"
            | "Congress"
            | "Campaign"
            | "Group"
            | "Organization"
            | "Organisation"
            | "Club"
            | "Caucus"
            | "Fund"
            | "Bank"
            | "Inc"
            | "Corp"
            | "Company"
            | "Service"
            | "Services"
            | "Ministry"
            | "Project"
            | "Alliance"
            | "League"
            | "Board"
            | "Authority"
            | "Forum"
            | "Society"
            | "Church"
            | "Tribune"
            | "Herald"
            | "Gazette"
            | "Magazine"
            | "Examiner"
            | "School"
            | "College"
            | "Hospital"
            | "Reuters"
            | "Press"
            | "Review"
            | "Guardian"
            | "Telegraph"
            | "Independent"
            | "Monitor"
            | "Report"
            | "Daily"
            | "Weekly"
            | "Institution"
            | "Federation"
            | "Trust"
            | "Partners"
            | "Council's"
            | "Team"
            | "Government"
            | "Ministry's"
            | "Police"
            | "Department's"
            | "ACLU"
            | "CNN"
            | "NBC"
            | "CBS"
            | "ABC"
            | "MSNBC"
            | "BBC"
            | "AP"
            | "FBI"
            | "CIA"
            | "ICE"
            | "NPR"
            | "PolitiFact"
            | "Politico"
            | "Breitbart"
            | "Fox"
            | "Twitter"
            | "Facebook"
            | "IMF"
            | "UN"
            | "NATO"
            | "EU"
            | "DNC"
            | "RNC"
            | "GOP"
            | "Pentagon"
            | "Kremlin"
            | "Senate"
            | "House"
            | "Assembly"
            | "Parliament"
            | "Cabinet"
            | "Study"
            | "Survey"
            | "Poll"
            | "Letter"
            | "Statement"
            | "Memo"
            | "Act"
            | "Law"
            | "Plan"
            | "Program"
            | "Programme"
            | "Coalition's"
            | "Initiative"
            | "Consortium"
            | "Systems"
            | "Group's"
            | "Corporation"
            | "Industries"
            | "Airlines"
            | "Motors"
            | "Entertainment"
            | "Media"
            | "Radio"
            | "Television"
            | "TV"
            | "Channel"
            | "Studio"
            | "Studios"
            | "Records"
            | "Sciences"
            | "Labs"
            | "Laboratory"
            | "Council,"
            | "Jazeera"
            | "Watch"
            | "International"
            | "Amnesty"
            | "Greenpeace"
            | "Commons"
            | "Lords"
    )
}

/// Capitalised words that are not names: sentence openers, weekdays, months.
pub(crate) fn is_non_name_cap(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "A"
            | "An"
            | "In"
            | "On"
            | "At"
            | "But"
            | "And"
            | "Then"
            | "When"
            | "While"
            | "If"
            | "As"
            | "After"
            | "Before"
            | "This"
            | "That"
            | "His"
            | "Her"
            | "Their"
            | "It"
            | "He"
            | "She"
            | "They"
            | "We"
            | "I"
            | "So"
            | "Yet"
            | "Also"
            | "Now"
            | "Still"
            | "Some"
            | "Many"
            | "Most"
            | "Last"
            | "Next"
            | "During"
            | "Since"
            | "For"
            | "With"
            | "Without"
            | "From"
            | "By"
            | "Of"
            | "To"
            | "Under"
            | "Over"
            | "Even"
            | "Just"
            | "Only"
            | "Meanwhile"
            | "However"
            | "Instead"
            | "Although"
            | "Though"
            | "Because"
            | "Why"
            | "What"
            | "Who"
            | "How"
            | "Where"
            | "Our"
            | "Your"
            | "My"
            | "Its"
            | "These"
            | "Those"
            | "There"
            | "Here"
            | "Not"
            | "No"
            | "Yes"
            | "Both"
            | "All"
            | "Each"
            | "Every"
            | "Other"
            | "Another"
            | "One"
            | "Two"
            | "Three"
            | "Dear"
            | "Jan."
            | "Feb."
            | "Aug."
            | "Sept."
            | "Oct."
            | "Nov."
            | "Dec."
            | "Asked"
            | "Speaking"
            | "According"
            | "Like"
            | "Unlike"
            | "Despite"
            | "Among"
            | "Earlier"
            | "Later"
            | "Today"
            | "Yesterday"
            | "Tonight"
            | "Said"
            | "Says"
            | "READ"
            | "MORE"
            | "Read"
            | "More"
            | "Is"
            | "Was"
            | "Did"
            | "Does"
            | "Do"
            | "Will"
            | "Would"
            | "Can"
            | "Could"
            | "Should"
            | "Has"
            | "Have"
            | "Had"
            | "Are"
            | "Were"
            | "Be"
            | "Let"
            | "Thank"
            | "Please"
            | "Well"
            | "Oh"
            | "OK"
            | "Okay"
            | "Sure"
            | "Look"
            | "Having"
    ) || w.starts_with(char::is_uppercase)
        && (crate::calendar::is_weekday(w) || crate::calendar::is_full_month(w))
}

/// Pronouns that can be the subject of a speech verb.
pub(crate) fn pronoun(w: &str) -> Option<Pronoun> {
    match w {
        "he" | "He" | "she" | "She" => Some(Pronoun::Person),
        "they" | "They" | "it" | "It" => Some(Pronoun::Group),
        "I" | "we" | "We" | "you" | "You" => Some(Pronoun::Speaker),
        // "I'm", "She’s", "They've": a pronoun with its verb contracted.
        _ if w.len() > 2
            && matches!(
                w.as_bytes()[0],
                b'I' | b'h' | b'H' | b's' | b'S' | b'w' | b'W' | b'y' | b'Y' | b't' | b'T'
            ) =>
        {
            let (base, rest) = w.split_at(w.find(['\'', '’'])?);
            let suffix = rest.trim_start_matches(['\'', '’']);
            // A contracted "they"/"it" is left unresolved: "it's" is rarely a speaker.
            if matches!(suffix, "m" | "re" | "ve" | "ll" | "d" | "s") && base != w {
                pronoun(base).map(|p| match p {
                    Pronoun::Group => Pronoun::Speaker,
                    p => p,
                })
            } else {
                None
            }
        }
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pronoun {
    /// he / she
    Person,
    /// they / it
    Group,
    /// I / we / you: the words of someone we cannot name from here.
    Speaker,
}

/// Words that cannot sit inside a speaker noun phrase (verbs, clause openers,
/// prepositions that start an adverbial). Seeing one means the chunk is not a subject.
pub(crate) fn is_np_stop(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "is" | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "being"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "could"
            | "should"
            | "can"
            | "may"
            | "might"
            | "must"
            | "not"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "because"
            | "if"
            | "when"
            | "while"
            | "although"
            | "though"
            | "since"
            | "but"
            | "so"
            | "than"
            | "then"
            | "there"
            | "what"
            | "how"
            | "why"
            | "where"
            | "to"
            | "in"
            | "on"
            | "at"
            | "with"
            | "by"
            | "from"
            | "into"
            | "about"
            | "as"
            | "after"
            | "before"
            | "during"
            | "over"
            | "under"
            | "it"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
            | "you"
            | "me"
            | "him"
            | "them"
            | "us"
            | "this"
            | "these"
            | "those"
            | "has"
            | "have"
            | "had"
            | "just"
            | "also"
            | "very"
            | "said"
            | "says"
            | "says,"
            | "said,"
            | "no"
            | "yes"
            | "or"
            | "nor"
            | "why,"
            | "like"
            | "up"
            | "out"
            | "off"
            | "down"
            | "get"
            | "got"
            | "make"
            | "made"
            | "go"
            | "went"
            | "going"
            | "think"
            | "know"
            | "want"
            | "let"
            | "here"
            | "now"
            | "again"
            | "too"
            | "all"
            | "every"
            | "any"
            | "ever"
            | "never"
            | "its"
            | "my"
            | "our"
            | "your"
    )
}

/// Determiners that open a descriptive speaker ("the organizers", "a spokesman", "one
/// official", "his campaign").
pub(crate) fn is_article(w: &str) -> bool {
    matches!(w, "a" | "an" | "the")
}

/// A lower-case word after which an article goes on with the same phrase ("one of the",
/// "Trump and the", "known as the"): a preposition or a coordinator. After any other
/// lower-case word an article follows a verb ("delivered a", "targets a").
pub(crate) fn continues_before_article(w: &str) -> bool {
    matches!(
        w,
        "of" | "for" | "and" | "or" | "to" | "by" | "about" | "including" | "among" | "like" | "as"
    )
}

pub(crate) fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "The"
            | "a"
            | "A"
            | "an"
            | "An"
            | "his"
            | "His"
            | "her"
            | "Her"
            | "their"
            | "Their"
            | "one"
            | "One"
            | "two"
            | "Two"
            | "some"
            | "Some"
            | "several"
            | "Several"
            | "many"
            | "Many"
            | "other"
            | "Other"
            | "another"
            | "Another"
            | "both"
            | "Both"
            | "my"
            | "My"
            | "our"
            | "Our"
            | "your"
            | "Your"
    )
}

/// Lower-case words allowed inside a capitalised name ("Bank of America", "Task Force
/// for Immigrants", "Mr. Morgan of the Sierra Club").
pub(crate) fn is_name_connector(w: &str) -> bool {
    matches!(
        w,
        "of" | "the"
            | "for"
            | "and"
            | "&"
            | "de"
            | "van"
            | "von"
            | "der"
            | "la"
            | "le"
            | "del"
            | "da"
            | "di"
            | "bin"
            | "al"
            | "on"
            | "du"
            | "dos"
            | "das"
    )
}

/// An auxiliary or adverb between a subject and its verb, "-ly" adverbs included.
pub(crate) fn is_aux_or_adverb_ly(w: &str) -> bool {
    is_aux_or_adverb(w) || (w.len() > 4 && w.ends_with("ly") && !is_cap(w) && w != "family")
}

/// Words that open an adverbial or a clause before the subject ("In August, …").
pub(crate) fn is_clause_opener(w: &str) -> bool {
    matches!(
        w,
        "Though"
            | "Although"
            | "When"
            | "While"
            | "As"
            | "However"
            | "Meanwhile"
            | "Last"
            | "Earlier"
            | "Later"
            | "Also"
            | "But"
            | "And"
            | "Yet"
            | "So"
            | "Still"
            | "Speaking"
            | "Asked"
            | "Instead"
            | "Because"
            | "If"
            | "Once"
            | "Now"
            | "Then"
            | "Today"
            | "Yesterday"
            | "Separately"
            | "Previously"
            | "Overall"
            | "Indeed"
            | "Still,"
            | "Moreover"
            | "Furthermore"
            | "Having"
            | "Nevertheless"
            | "Afterward"
            | "Afterwards"
            | "Thus"
            | "Here"
    ) || is_fronted_preposition(w)
        || matches!(
            w,
            "Back"
                | "Shortly"
                | "Soon"
                | "Recently"
                | "Ahead"
                | "Elsewhere"
                | "Again"
                | "Finally"
                | "Ultimately"
                | "Initially"
                | "Originally"
                | "Similarly"
                | "Likewise"
                | "Additionally"
                | "Apparently"
                | "Notably"
                | "Perhaps"
                | "Otherwise"
                | "Nonetheless"
                | "Regardless"
        )
}

/// A capitalised preposition opening an adverbial ("In an interview, …", "Amid the
/// protests, …"): a phrase it opens is never a speaker.
pub(crate) fn is_fronted_preposition(w: &str) -> bool {
    matches!(
        w,
        "In" | "On"
            | "At"
            | "During"
            | "After"
            | "Before"
            | "Since"
            | "Despite"
            | "Following"
            | "Over"
            | "Under"
            | "With"
            | "Without"
            | "For"
            | "From"
            | "Like"
            | "Unlike"
            | "Until"
            | "Amid"
            | "Amidst"
            | "Beyond"
            | "Alongside"
            | "Through"
            | "Throughout"
            | "Inside"
            | "Outside"
            | "Across"
            | "Among"
            | "Within"
            | "Near"
            | "Around"
            | "Against"
            | "Upon"
            | "Toward"
            | "Towards"
            | "Behind"
            | "Via"
    )
}

/// A capitalised participle opening a sentence ("Appearing before …, she said",
/// "Reached by phone, Smith …"): the subject follows its phrase. A name ending in -ing
/// or -ed ("Fielding", "Reed") is followed by another name or a verb, not a lower-case
/// word.
pub(crate) fn is_fronted_participle(w: &str, next: Option<&str>) -> bool {
    w.len() > 5
        && is_cap(w)
        && (w.ends_with("ing") || w.ends_with("ed"))
        && next.is_some_and(|n| n.starts_with(|c: char| c.is_ascii_lowercase()))
}

/// Lower-case particles inside a person's name ("de Blasio", "van Gogh").
pub(crate) fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "van" | "von" | "der" | "den" | "la" | "le" | "del" | "da" | "di" | "du" | "dos"
    )
}

/// Words opening a subordinate clause ("…,” when Y said / because Y argued).
pub(crate) fn is_subordinator(w: &str) -> bool {
    matches!(
        w,
        "when"
            | "because"
            | "if"
            | "while"
            | "after"
            | "before"
            | "since"
            | "although"
            | "though"
            | "until"
            | "unless"
            | "whereas"
            | "where"
            | "whether"
    )
}

/// The hearer of a speech verb, between it and the quote ("told me, “…”").
pub(crate) fn is_listener(w: &str) -> bool {
    matches!(
        w,
        "me" | "us"
            | "him"
            | "her"
            | "them"
            | "reporters"
            | "journalists"
            | "supporters"
            | "listeners"
            | "viewers"
            | "voters"
            | "lawmakers"
            | "colleagues"
            | "students"
            | "delegates"
            | "crowd"
            | "audience"
    )
}

/// Words that end the subject after an inverted cue: a time word, or a preposition
/// opening one ("said Smith yesterday", "said Smith on Monday").
pub(crate) fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "yesterday"
            | "today"
            | "tonight"
            | "last"
            | "earlier"
            | "recently"
            | "later"
            | "this"
            | "Monday,"
            | "in"
            | "on"
    ) || is_cap(w) && crate::calendar::is_weekday(w)
}
