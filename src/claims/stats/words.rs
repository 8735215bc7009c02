//! The closed word lists of statistics extraction. Lookups are `match` statements on
//! lower-cased words (see `Lw`), which keeps the per-word cost small.

pub(super) fn month(w: &str) -> bool {
    crate::calendar::month_number(w).is_some() && !w.ends_with('.')
}

pub(super) fn weekday(w: &str) -> bool {
    crate::calendar::is_weekday(w)
}

/// Words that make a following "in/by/on/during" phrase a time anchor.
pub(super) fn time_word(w: &str) -> bool {
    month(w)
        || weekday(w)
        || matches!(
            w,
            "year"
                | "years"
                | "month"
                | "months"
                | "week"
                | "weeks"
                | "quarter"
                | "decade"
                | "spring"
                | "summer"
                | "autumn"
                | "fall"
                | "winter"
                | "morning"
                | "afternoon"
                | "evening"
                | "night"
                | "weekend"
                | "today"
                | "yesterday"
                | "tomorrow"
                | "period"
                | "half"
                | "season"
                | "century"
                | "days"
                | "recent"
                | "past"
                | "coming"
                | "fiscal"
                | "financial"
                | "christmas"
                | "january-march"
        )
}

/// Words that may stand before a time word in a time phrase ("the past year", "early
/// January", "this week").
pub(super) fn time_modifier(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "early"
            | "late"
            | "mid"
            | "first"
            | "second"
            | "third"
            | "fourth"
            | "last"
            | "past"
            | "this"
            | "next"
    )
}

/// The modifiers a time phrase may open with, once it is known to be one ("the
/// coming weeks", "earlier this year").
pub(super) fn time_phrase_modifier(w: &str) -> bool {
    time_modifier(w) || matches!(w, "earlier" | "later" | "recent" | "coming")
}

/// Determiners stripped from the front of a subject.
pub(super) fn determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "our"
            | "their"
            | "its"
            | "his"
            | "her"
            | "my"
            | "your"
            | "these"
            | "those"
            | "this"
            | "that"
            | "all"
    )
}

/// Words that end a subject noun phrase (function words and frequent verbs).
pub(super) fn np_stop(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            | "shall"
            | "should"
            | "do"
            | "does"
            | "did"
            | "not"
            | "no"
            | "to"
            | "for"
            | "by"
            | "at"
            | "on"
            | "off"
            | "over"
            | "under"
            | "into"
            | "onto"
            | "up"
            | "down"
            | "out"
            | "about"
            | "after"
            | "before"
            | "since"
            | "during"
            | "until"
            | "per"
            | "than"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "where"
            | "when"
            | "while"
            | "because"
            | "as"
            | "if"
            | "but"
            | "so"
            | "also"
            | "more"
            | "less"
            | "fewer"
            | "most"
            | "each"
            | "every"
            | "this"
            | "these"
            | "those"
            | "last"
            | "next"
            | "it"
            | "they"
            | "he"
            | "she"
            | "we"
            | "you"
            | "i"
            | "them"
            | "its"
            | "their"
            | "said"
            | "says"
            | "say"
            | "according"
            | "including"
            | "annually"
            | "only"
            | "just"
            | "even"
            | "still"
            | "already"
            | "now"
            | "then"
            | "along"
            | "beyond"
            | "behind"
            | "despite"
            | "there"
            | "here"
            | "though"
            | "although"
            | "against"
            | "between"
            | "like"
            | "via"
            | "through"
            | "toward"
            | "towards"
            | "without"
            | "vs"
            | "versus"
            | "rose"
            | "fell"
            | "grew"
            | "lost"
            | "won"
            | "made"
            | "took"
            | "got"
            | "went"
            | "came"
            | "saw"
            | "paid"
            | "spent"
            | "left"
            | "held"
            | "sold"
            | "bought"
            | "told"
            | "gave"
            | "brought"
            | "built"
            | "met"
            | "ran"
            | "fled"
            | "hit"
            | "cut"
            | "put"
            | "set"
            | "kept"
            | "became"
            | "began"
            | "died"
            | "remain"
            | "remains"
            | "face"
            | "faces"
            | "get"
            | "make"
            | "take"
            | "go"
            | "come"
            | "see"
            | "need"
            | "needs"
            | "want"
            | "wants"
            | "or"
            | "and"
            | "again"
            | "ago"
            | "earlier"
            | "later"
            | "yet"
            | "too"
            | "away"
            | "back"
            | "together"
            | "instead"
            | "compared"
            | "worth"
            | "what"
            | "how"
            | "why"
            | "all"
            | "both"
            | "any"
            | "some"
            | "such"
            | "own"
            | "other"
            | "another"
            | "same"
            | "well"
            | "very"
            | "much"
            | "many"
            | "from"
            | "in"
            | "with"
            | "of"
            | "across"
            | "within"
            | "among"
            | "amid"
    )
}

/// Prepositions that extend a subject with its scope ("agencies across Florida").
pub(super) fn scope_prep(w: &str) -> bool {
    matches!(
        w,
        "of" | "across" | "in" | "from" | "with" | "within" | "among"
    )
}

/// Adverbs that may close a subject ("departments nationwide").
pub(super) fn scope_adverb(w: &str) -> bool {
    matches!(
        w,
        "nationwide"
            | "worldwide"
            | "statewide"
            | "countrywide"
            | "overall"
            | "abroad"
            | "globally"
    )
}

/// Words before a bare integer that make it an identifier ("Section 8", "Flight 370").
pub(super) fn id_keyword(w: &str) -> bool {
    matches!(
        w,
        "section"
            | "article"
            | "title"
            | "chapter"
            | "flight"
            | "route"
            | "highway"
            | "interstate"
            | "room"
            | "suite"
            | "page"
            | "pages"
            | "grade"
            | "level"
            | "phase"
            | "stage"
            | "round"
            | "vol"
            | "volume"
            | "version"
            | "model"
            | "form"
            | "rule"
            | "clause"
            | "amendment"
            | "proposition"
            | "prop"
            | "schedule"
            | "tier"
            | "category"
            | "class"
            | "type"
            | "apollo"
            | "formula"
            | "windows"
            | "iphone"
            | "boeing"
            | "airbus"
            | "channel"
            | "district"
            | "ward"
            | "precinct"
            | "platform"
            | "gate"
            | "terminal"
            | "exit"
            | "unit"
            | "block"
            | "floor"
            | "paragraph"
            | "figure"
            | "table"
            | "chart"
            | "exhibit"
            | "episode"
            | "series"
            | "season"
            | "psalm"
            | "verse"
            | "track"
            | "junction"
            | "lot"
            | "bus"
            | "appendix"
            | "annex"
            | "part"
            | "item"
            | "band"
            | "poor's"
            | "poor’s"
            | "ftse"
            | "fortune"
            | "nikkei"
            | "dax"
            | "cac"
            | "russell"
            | "stoxx"
            | "xetra"
            | "dow"
    )
}

/// Time-zone and clock words after a number ("9 GMT", "10 o'clock").
pub(super) fn clock_word(w: &str) -> bool {
    matches!(
        w,
        "am" | "pm"
            | "gmt"
            | "bst"
            | "est"
            | "edt"
            | "et"
            | "pst"
            | "pdt"
            | "cet"
            | "utc"
            | "cst"
            | "cdt"
            | "o'clock"
            | "o’clock"
            | "hrs"
            | "hgmt"
            | "ist"
            | "jst"
    )
}

/// Words after "one" that show it is a pronoun or part of an idiom, not a count.
pub(super) fn one_idiom_next(w: &str) -> bool {
    matches!(
        w,
        "of" | "another"
            | "day"
            | "point"
            | "way"
            | "thing"
            | "hand"
            | "side"
            | "who"
            | "that"
            | "which"
            | "too"
            | "is"
            | "was"
            | "can"
            | "could"
            | "would"
            | "will"
            | "must"
            | "should"
            | "has"
            | "had"
            | "by"
            | "on"
            | "to"
            | "else"
            | "or"
            | "and"
            | "at"
            | "time"
            | "stage"
            | "instance"
            | "occasion"
            | "another's"
            | "another’s"
            | "might"
            | "may"
            | "does"
            | "did"
            | "for"
            | "in"
            | "with"
            | "from"
            | "as"
            | "if"
            | "step"
            | "moment"
            | "morning"
            | "evening"
            | "night"
            | "place"
            | "thing's"
            | "more"
            | "less"
            | "such"
            | "hundred"
            | "another."
    )
}

pub(super) fn one_idiom_prev(w: &str) -> bool {
    matches!(
        w,
        "no" | "any"
            | "every"
            | "the"
            | "that"
            | "this"
            | "which"
            | "each"
            | "some"
            | "at"
            | "in"
            | "one"
            | "someone"
            | "anyone"
            | "only"
            | "someday"
            | "little"
            | "big"
            | "new"
            | "old"
            | "right"
            | "wrong"
            | "last"
            | "first"
            | "next"
            | "another"
            | "such"
            | "loved"
            | "dear"
            | "chosen"
            | "young"
    )
}

/// Comparatives that make "N times" / "twice" a ratio ("three times as many").
pub(super) fn comparative(w: &str) -> bool {
    matches!(
        w,
        "as" | "more"
            | "less"
            | "the"
            | "that"
            | "what"
            | "higher"
            | "lower"
            | "larger"
            | "smaller"
            | "greater"
            | "bigger"
            | "faster"
            | "slower"
            | "longer"
            | "its"
            | "their"
            | "his"
            | "her"
            | "fewer"
            | "likely"
            | "cheaper"
            | "better"
            | "worse"
            | "over"
    )
}

pub(super) fn verbish(w: &str) -> bool {
    matches!(
        w,
        "is" | "was"
            | "are"
            | "were"
            | "has"
            | "have"
            | "had"
            | "been"
            | "be"
            | "stood"
            | "hit"
            | "reached"
            | "rose"
            | "fell"
            | "grew"
            | "risen"
            | "fallen"
            | "grown"
            | "totalled"
            | "totaled"
            | "reaching"
            | "rising"
            | "falling"
            | "growing"
            | "will"
            | "would"
            | "could"
            | "to"
            | "by"
            | "from"
            | "at"
            | "of"
            | "for"
            | "than"
            | "about"
            | "around"
            | "with"
            | "up"
            | "down"
            | "jumped"
            | "climbed"
            | "dropped"
            | "slumped"
            | "surged"
            | "soared"
            | "declined"
            | "increased"
            | "decreased"
            | "plunged"
            | "gained"
            | "lost"
            | "cut"
            | "raised"
            | "now"
            | "just"
            | "only"
            | "still"
            | "already"
            | "some"
    ) || (w.len() > 4 && (w.ends_with("ed") || w.ends_with("es")))
}

/// Words that end a subject because they begin a time phrase.
pub(super) fn time_word_strict(w: &str) -> bool {
    matches!(w, "yesterday" | "today" | "tomorrow") || weekday(w)
}

/// Verbs that move a figure to a new value ("rose to", "climbed to").
pub(super) fn change_verb(w: &str) -> bool {
    matches!(
        w,
        "rose"
            | "risen"
            | "rises"
            | "rising"
            | "climbed"
            | "climbs"
            | "increased"
            | "increases"
            | "grew"
            | "grown"
            | "jumped"
            | "fell"
            | "fallen"
            | "falls"
            | "dropped"
            | "declined"
            | "decreased"
            | "soared"
            | "surged"
            | "slipped"
            | "edged"
            | "swelled"
            | "doubled"
            | "reached"
            | "revised"
            | "raised"
            | "lowered"
            | "cut"
            | "amounted"
    )
}

/// A verb that moves an amount "by" a figure, in any form: "rise by 12%", "lowering its
/// price by 0.50 cent", "enlarge its staff by 20".
pub(super) fn moves_by(w: &str) -> bool {
    const STEMS: &[&str] = &[
        "ris", "rose", "fall", "fell", "increas", "decreas", "grow", "grew", "climb", "drop",
        "declin", "jump", "rais", "lower", "cut", "reduc", "boost", "expand", "enlarg", "shrank",
        "shrink", "slash", "trim", "gain", "los", "lost", "widen", "narrow",
    ];
    const ENDS: &[&str] = &[
        "", "e", "s", "es", "ed", "d", "ing", "n", "en", "ped", "ping", "ting", "med", "ming",
    ];
    STEMS
        .iter()
        .any(|st| w.strip_prefix(st).is_some_and(|rest| ENDS.contains(&rest)))
}

/// The past participle of an event verb in any of its forms, if the word is one:
/// what distinguishes "people killed" from "people injured".
pub(super) fn event_participle(w: &str) -> Option<&'static str> {
    const EVENTS: &[(&str, &str)] = &[
        ("kill", "killed"),
        ("injur", "injured"),
        ("wound", "wounded"),
        ("displac", "displaced"),
        ("evacuat", "evacuated"),
        ("arrest", "arrested"),
        ("rescu", "rescued"),
        ("hospitali", "hospitalized"),
        ("infect", "infected"),
        ("strand", "stranded"),
        ("detain", "detained"),
        ("deport", "deported"),
        ("dead", "killed"),
        ("died", "killed"),
    ];
    let (root, participle) = EVENTS.iter().find(|(root, _)| w.starts_with(root))?;
    let rest = &w[root.len()..];
    matches!(
        rest,
        "" | "e" | "ed" | "d" | "ing" | "ies" | "ied" | "s" | "zed" | "sed" | "zing" | "sing"
    )
    .then_some(*participle)
}

/// Nouns of an event that lasts days ("riots", "the offensive", "the standoff"): what a
/// span of days in their sentence measures.
pub(super) fn event_noun(w: &str) -> bool {
    matches!(
        w,
        "riot"
            | "riots"
            | "rioting"
            | "protest"
            | "protests"
            | "protesting"
            | "clashes"
            | "unrest"
            | "violence"
            | "demonstrations"
            | "fighting"
            | "offensive"
            | "bombardment"
            | "assault"
            | "war"
            | "siege"
            | "standoff"
            | "strike"
            | "strikes"
            | "blockade"
            | "shutdown"
            | "search"
            | "trial"
            | "talks"
            | "negotiations"
            | "hearing"
            | "hearings"
            | "manhunt"
            | "outage"
            | "drought"
            | "heatwave"
            | "storm"
            | "flooding"
            | "wildfire"
            | "wildfires"
            | "fire"
            | "eruption"
            | "crisis"
    )
}
