//! Quotations and their speakers: the public entry point `extract_quotes`.
//!
//! Pipeline, each step linear in the body:
//! 1. `marks` finds the quoted spans (per paragraph, multi-paragraph quotes linked);
//! 2. `sentences` splits the body; sentences joined by a quote form one *group*, the unit
//!    in which a cue is looked for;
//! 3. groups are walked in order. Each is tokenised with quotes collapsed, its capitalised
//!    names are remembered (for resolving a later "Jackson said"), and each quote gets the
//!    cue of its own sentence (`speakers`), or else is continued from the previous quote or
//!    cue sentence (split quotes, `X said:` lead-ins, quote-only paragraphs);
//! 4. multi-paragraph quotations share the speaker any of their parts names, and bare
//!    surnames are expanded to the full name introduced in the article.

use super::lexicon::{
    Gender, Pronoun, given_name_gender, is_cue_verb, is_org_word, pronoun_gender, role_titles,
};
use super::marks::{Span, find_spans};
use super::sentences::{sentence_index, sentence_ranges};
use super::speakers::speaker_kind;
use super::speakers::{
    Attribution, Ctx, HIDDEN, Kind, Mention, NpKind, Tok, strip_possessive, tokenize,
};
use super::tokens::is_cap;
use super::{Quote, QuoteKind, SpeakerKind};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// Bytes of context kept on each side of a quote when its sentence is very long.
const SENTENCE_WINDOW: usize = 1000;

/// A speaker found in the text: byte ranges into the body.
#[derive(Debug, Clone)]
struct Spk {
    name: Range<usize>,
    role: Option<Range<usize>>,
    /// A bare surname, to expand from earlier mentions.
    single: bool,
    person: bool,
}

#[derive(Debug, Clone)]
struct Draft {
    kind: QuoteKind,
    spk: Option<Spk>,
    cue: Option<Range<usize>>,
    /// The speaker comes from the quote's own sentence.
    explicit: bool,
    group: usize,
    para: usize,
}

/// A cue sentence without a quote, remembered for a quote that follows it.
#[derive(Debug, Clone)]
struct CueSentence {
    spk: Option<Spk>,
    cue: Range<usize>,
    group: usize,
    para: usize,
}

/// How many recent person speakers a pronoun may reach back to.
const RECENT_PERSONS: usize = 6;

#[derive(Default)]
struct State<'a> {
    /// Recent person speakers, latest last.
    persons: Vec<Spk>,
    last_group: Option<Spk>,
    /// Gender by surname, from courtesy titles and from pronouns already resolved.
    genders: HashMap<&'a str, Gender>,
    /// Latest titled mention by title word ("President" → "Obama"): (name, single).
    titled: HashMap<&'a str, (Range<usize>, bool)>,
    /// The given name first seen with each surname, surnames seen with two given names
    /// (a family), and surnames whose gender came from a given name only.
    given: HashMap<&'a str, &'a str>,
    mixed: HashSet<&'a str>,
    from_given: HashSet<&'a str>,
}

/// All quotations and quoted terms of `body`, in text order. Never panics; linear time.
pub fn extract_quotes(body: &str) -> Vec<Quote> {
    let (spans, paras) = find_spans(body);
    if spans.is_empty() {
        return Vec::new();
    }
    let sents = sentence_ranges(body);
    if sents.is_empty() {
        return Vec::new();
    }
    // Sentence index of each span's opening and closing mark.
    let span_sents: Vec<(usize, usize)> = spans
        .iter()
        .map(|s| {
            let a = sentence_index(&sents, s.open).unwrap_or(0);
            let b = sentence_index(&sents, s.close_end.saturating_sub(1)).unwrap_or(a);
            (a, b.max(a))
        })
        .collect();

    let mut drafts: Vec<Option<Draft>> = vec![None; spans.len()];
    let mut names: HashMap<&str, Vec<Range<usize>>> = HashMap::new();
    let mut name_buf: Vec<Mention> = Vec::new();
    let mut toks: Vec<Tok> = Vec::new();
    let mut qs: Vec<(usize, usize, usize)> = Vec::new();
    let mut sent_starts: Vec<usize> = Vec::new();
    let mut state = State::default();
    let mut last_quote: Option<usize> = None;
    let mut last_cue: Option<CueSentence> = None;
    // The person subject of the latest sentence without a quote or cue: (speaker, group).
    let mut last_subject: Option<(Spk, usize)> = None;

    let mut para_of = 0usize;
    let mut prev_group_para = usize::MAX;
    let mut si = 0;
    let mut sp = 0;
    let mut gi = 0;
    while si < sents.len() {
        // Grow the group while a quote opened in it closes in a later sentence.
        let mut last = si;
        let sp0 = sp;
        while sp < spans.len() && span_sents[sp].0 <= last {
            last = last.max(span_sents[sp].1);
            sp += 1;
        }
        // "“Why …?” Vitter demanded." — the splitter ends the sentence at `?”`; a short
        // cue sentence right after a closing mark belongs with the quote.
        while last + 1 < sents.len() && sp > sp0 {
            let next = &sents[last + 1];
            let same_para = !body[sents[last].end..next.start].contains('\n');
            let ends_quote = spans[sp - 1].close_end + 1 >= sents[last].end;
            let next_quote = spans[sp..]
                .iter()
                .take_while(|s| s.open < next.end)
                .any(|s| !is_nickname(body, s));
            let t = &body[next.clone()];
            // "…?” Clinton asks as a guy walks in, saying he's “…”": a cue among the first
            // words is the quote's, however long the sentence goes on.
            // Not when that cue introduces a quote of its own ("Mr. Zahed said: “…”").
            let own_quote = spans[sp..]
                .iter()
                .take_while(|s| s.open < next.end)
                .find(|s| !is_nickname(body, s))
                .is_some_and(|s| s.open < next.start + 40);
            let leads = !own_quote
                && t.split(|c: char| !c.is_alphabetic())
                    .filter(|w| !w.is_empty())
                    .take(4)
                    .any(is_cue_verb);
            if !same_para || !ends_quote || (!leads && (next_quote || t.len() > 120)) {
                break;
            }
            // "“…?” Trump went on, as if …"
            let went_on = t.contains(" went on") || t.contains(" goes on");
            // "“…?” Hannity pressed.": a short subject and past-tense verb closing the
            // sentence (see `past_verb_cue`).
            let past_close = t.split_whitespace().count() <= 6
                && t.split_whitespace().next_back().is_some_and(|w| {
                    let w = w.trim_end_matches(['.', '!']);
                    w.len() >= 5 && w.ends_with("ed") && w.starts_with(char::is_lowercase)
                });
            if !went_on && !past_close && !t.split(|c: char| !c.is_alphabetic()).any(is_cue_verb) {
                break;
            }
            last += 1;
            // Nicknames inside the cue sentence's name go with it.
            while sp < spans.len() && spans[sp].open < next.end {
                sp += 1;
            }
        }
        let (a, mut b) = (sents[si].start, sents[last].end);
        while para_of + 1 < paras.len() && paras[para_of].1 < a {
            para_of += 1;
        }
        let para = para_of;
        let first_in_para = prev_group_para != para;
        prev_group_para = para;
        qs.clear();
        for (k, s) in spans.iter().enumerate().take(sp).skip(sp0) {
            if is_nickname(body, s) {
                // `Marcia "Cia" Price`: part of the name, a term of its own.
                qs.push((HIDDEN, s.open, s.close_end));
                drafts[k] = Some(Draft {
                    kind: QuoteKind::Term,
                    spk: None,
                    cue: None,
                    explicit: false,
                    group: gi,
                    para: para_of,
                });
            } else {
                qs.push((k, s.open, s.close_end));
            }
            b = b.max(s.close_end);
        }
        tokenize(body, a, b, &qs, &mut toks);
        sent_starts.clear();
        sent_starts.extend(sents[si..=last].iter().map(|r| r.start));
        let ctx = Ctx {
            body,
            toks: &toks,
            sent_starts: &sent_starts,
        };
        name_buf.clear();
        ctx.names(&mut name_buf);
        for m in name_buf.drain(..) {
            let key = &body[m.last.clone()];
            if let Some(g) = m.gender {
                state.genders.insert(key, g);
            } else if m.multi {
                // "Tom Ebeling" then "Betsy Ebeling": a surname shared by people of
                // different given names tells no gender by given name.
                let given = body[m.full.clone()].split_whitespace().next().unwrap_or("");
                match state.given.get(key) {
                    Some(&had) if had != given => {
                        state.mixed.insert(key);
                        if state.from_given.contains(key) {
                            state.genders.remove(key);
                        }
                    }
                    Some(_) => {}
                    None => {
                        state.given.insert(key, given);
                    }
                }
                if let Some(g) = m.given_gender
                    && !state.mixed.contains(key)
                    && !state.genders.contains_key(key)
                {
                    state.genders.insert(key, g);
                    state.from_given.insert(key);
                }
            }
            if let Some(t) = m.title {
                let t = body[t].trim_end_matches('.');
                state.titled.insert(t, (m.full.clone(), !m.multi));
            }
            if m.multi {
                names.entry(key).or_default().push(m.full);
            }
        }

        let mut had_quote = false;
        for (ti, t) in toks.iter().enumerate() {
            let Kind::Quote(id) = t.kind else { continue };
            let span = &spans[id];
            let attr = ctx.attribute(ti);
            let adjacent = attr.as_ref().is_some_and(|a| a.adjacent);
            // "“I'm not changing.”" after the speaker's quote: a whole sentence, however
            // short, is a quotation, not a quoted term.
            let inner = &body[span.start..span.end];
            let sentence_alone = toks
                .iter()
                .all(|t| t.kind == Kind::Quote(id) || matches!(t.kind, Kind::Punct(_)))
                && inner.starts_with(char::is_uppercase)
                && inner.ends_with(['.', '!', '?'])
                && last_quote.is_some_and(|l| {
                    drafts[l]
                        .as_ref()
                        .is_some_and(|d| d.para == para && d.spk.is_some())
                });
            if !adjacent && !sentence_alone && word_count(inner, 4) <= 3 {
                drafts[id] = Some(Draft {
                    kind: QuoteKind::Term,
                    spk: None,
                    cue: None,
                    explicit: false,
                    group: gi,
                    para,
                });
                continue;
            }
            had_quote = true;
            let mut d = Draft {
                kind: QuoteKind::Quote,
                spk: None,
                cue: None,
                explicit: false,
                group: gi,
                para,
            };
            // "X scolded him: “…,” she said": a pronoun goes to the name that opens the
            // quote's own sentence before falling back to the latest speaker.
            let attr = attr.map(|mut a| {
                if a.np.kind == NpKind::Pronoun(Pronoun::Person)
                    && ti > 0
                    && let Some(np) = ctx.lead_subject(ti)
                    && fits(
                        pronoun_gender(&body[a.np.name.clone()]),
                        gender_of(body, &np.name, &state),
                    )
                {
                    a.np = np;
                }
                a
            });
            if let Some(a) = &attr
                && let Some(spk) = resolve(body, a, &mut state, &names)
            {
                d.spk = Some(spk);
                d.cue = Some(a.cue.clone());
                d.explicit = true;
                remember(&mut state, a, d.spk.as_ref());
            }
            if !d.explicit {
                // Only a quote that opens its paragraph continues across paragraphs.
                let opens_para = span.open == paras[para].0;
                continue_from(
                    &mut d,
                    &drafts,
                    last_quote,
                    last_cue.as_ref(),
                    first_in_para && opens_para,
                );
                // "“…,” she said" with no woman to take it: the cue names someone else than
                // a man whose quote or cue came before.
                if let Some(a) = &attr
                    && a.np.kind == NpKind::Pronoun(Pronoun::Person)
                    && let Some(p) = &d.spk
                    && !fits(
                        pronoun_gender(&body[a.np.name.clone()]),
                        gender_of(body, &p.name, &state),
                    )
                {
                    d.spk = None;
                }
                // "Sen. Roe, who …, named two reasons. “The younger people are …”": a quote
                // that opens the sentence right after one about a named person, in the same
                // paragraph and with no cue of its own, is that person's.
                // A paragraph that is only a quotation continues the person the previous
                // paragraph ended on ("Viguerie is upbeat … ¶ “Not only can …”").
                let whole_para =
                    first_in_para && opens_para && span.close_end + 1 >= paras[para].1 && gi > 0;
                if d.spk.is_none()
                    && attr.is_none()
                    && ti == 0
                    && (!first_in_para || whole_para)
                    && let Some((spk, g)) = &last_subject
                    && g + 1 == gi
                    // Across paragraphs only a person already named in full.
                    && (!whole_para || named_in_full(body, &names, &spk.name))
                {
                    d.spk = Some(spk.clone());
                }
                // "Washington, star of “Scandal,” thanked Obama for “…”", "Trump issued a
                // statement, “…”": with no cue anywhere, a quotation in a sentence whose
                // subject, before it, is a named person is that person's words.
                // A one-word subject counts only as a person already named in full ("As
                // Howard …" after "Ron Howard"): a capitalised word opening a sentence
                // ("Based on …", "Such is …", "Paris …") is no speaker.
                if d.spk.is_none()
                    && ti > 0
                    && let Some(np) = ctx.lead_np(ti)
                    && heads_its_phrase(body, &np.name)
                {
                    let person = matches!(np.kind, NpKind::Person { .. });
                    let known_person = person && named_in_full(body, &names, &np.name);
                    if known_person
                        || !person && (ctx.is_named_group(&np) || ctx.is_acting_document(&np))
                    {
                        d.spk = Some(Spk {
                            name: np.name,
                            role: np.role,
                            single: matches!(np.kind, NpKind::Person { single: true }),
                            person,
                        });
                    }
                }
                // "Hillary Clinton’s campaign slogan is “…”", "Rubio’s answer was that
                // “…”": the words of a named person's speech noun are theirs.
                if d.spk.is_none()
                    && ti > 0
                    && let Some(np) = ctx.lead_np(ti)
                    && let Some(owner) = speech_noun_owner(body, &np.name)
                    && named_in_full(body, &names, &owner)
                {
                    d.spk = Some(Spk {
                        single: !body[owner.clone()].contains(' '),
                        name: owner,
                        role: None,
                        person: true,
                    });
                }
            }
            drafts[id] = Some(d);
            last_quote = Some(id);
        }
        last_subject = None;
        if !had_quote && si == last {
            last_subject = ctx.person_subject().map(|np| {
                let single = matches!(np.kind, NpKind::Person { single: true });
                let spk = Spk {
                    name: np.name,
                    role: np.role,
                    single,
                    person: true,
                };
                (spk, gi)
            });
        }
        if !had_quote {
            let cue_before = last_cue.as_ref().map(|c| c.group);
            // A reporting sentence without a quote: remember its speaker for pronouns and
            // for a quotation that follows ("Caddell continued:" / "X said the …").
            for v in 0..ctx.len() {
                if !ctx.is_cue_at(v) {
                    continue;
                }
                if let Some(a) = ctx.subject_of(v) {
                    let spk = resolve(body, &a, &mut state, &names);
                    remember(&mut state, &a, spk.as_ref());
                    if spk.is_some() || ctx.ends_with_colon() {
                        last_cue = Some(CueSentence {
                            spk,
                            cue: a.cue.clone(),
                            group: gi,
                            para,
                        });
                    }
                    break;
                }
            }
            // "Partial transcript as follows:": a lead-in whose subject is a document
            // without a reporting verb introduces that document's words.
            if ctx.ends_with_colon()
                && last_cue.as_ref().map(|c| c.group) == cue_before
                && let Some(np) = ctx.document_subject()
            {
                last_cue = Some(CueSentence {
                    spk: Some(Spk {
                        name: np.name,
                        role: None,
                        single: false,
                        person: false,
                    }),
                    cue: ctx.colon_range(),
                    group: gi,
                    para,
                });
            }
            // "Trump issued the following statement:": a lead-in without a reporting verb
            // speaks for its subject.
            if ctx.ends_with_colon()
                && last_cue.as_ref().map(|c| c.group) == cue_before
                && let Some((spk, _)) = &last_subject
                && named_in_full(body, &names, &spk.name)
            {
                last_cue = Some(CueSentence {
                    spk: Some(spk.clone()),
                    cue: ctx.colon_range(),
                    group: gi,
                    para,
                });
            }
        }
        si = last + 1;
        gi += 1;
    }

    // Multi-paragraph quotations: a speaker named in any part holds for all parts.
    let mut i = 0;
    while i < spans.len() {
        let mut j = i;
        while j + 1 < spans.len() && spans[j].cont_next && spans[j + 1].cont_prev {
            j += 1;
        }
        if j > i {
            let named = (i..=j)
                .filter_map(|k| drafts[k].as_ref())
                .find(|d| d.explicit && d.spk.is_some())
                .map(|d| (d.spk.clone(), d.cue.clone()));
            if let Some((spk, cue)) = named {
                for d in drafts[i..=j].iter_mut().flatten() {
                    if !d.explicit && d.kind == QuoteKind::Quote {
                        d.spk = spk.clone();
                        d.cue = cue.clone();
                    }
                }
            }
        }
        i = j + 1;
    }

    let mut out = Vec::with_capacity(spans.len());
    for (k, span) in spans.iter().enumerate() {
        let Some(mut d) = drafts[k].take() else {
            continue;
        };
        let (sa, sb) = span_sents[k];
        // A sentence without terminators can be megabytes long (and shared by many
        // quotes): keep at most a window around the quote.
        let mut from = sents[sa]
            .start
            .min(span.open)
            .max(span.open.saturating_sub(SENTENCE_WINDOW));
        let mut to = sents[sb]
            .end
            .max(span.close_end)
            .min(span.close_end + SENTENCE_WINDOW);
        while !body.is_char_boundary(from) {
            from -= 1;
        }
        while to < body.len() && !body.is_char_boundary(to) {
            to += 1;
        }
        let sentence = body.get(from..to.min(body.len())).unwrap_or("").to_string();
        // The speaker as named (a surname expanded to the full name) and what it is.
        let named = d.spk.as_ref().map(|s| {
            let range = expand(body, s, &names);
            let name = clean(&body[range]);
            let kind = speaker_kind(&name, s.person);
            (name, kind)
        });
        let kind = named.as_ref().map(|n| n.1);
        // A phrase that is no person, organisation, document or group is not shown as
        // a speaker ("Marking", "his willingness").
        if kind == Some(SpeakerKind::Unknown) {
            d.spk = None;
        }
        let (speaker, role) = match (&d.spk, named) {
            (Some(s), Some((name, _))) => {
                (Some(name), s.role.as_ref().map(|r| clean(&body[r.clone()])))
            }
            _ => (None, None),
        };
        out.push(Quote {
            text: body[span.start..span.end].to_string(),
            speaker: speaker.filter(|s| !s.is_empty()),
            role: role.filter(|s| !s.is_empty()),
            speaker_kind: kind.filter(|k| *k != SpeakerKind::Unknown),
            cue: d.cue.map(|c| body[c].to_string()),
            kind: d.kind,
            start: span.start,
            end: span.end,
            sentence,
        });
    }
    out
}

/// The owner of "X’s [modifier] answer/comments/slogan …" when X is capitalised words: the
/// bytes of X without its possessive.
fn speech_noun_owner(body: &str, name: &Range<usize>) -> Option<Range<usize>> {
    const SPEECH_NOUNS: &[&str] = &[
        "answer",
        "response",
        "reply",
        "comment",
        "comments",
        "remarks",
        "words",
        "statement",
        "slogan",
        "message",
        "tweet",
        "motto",
        "quip",
        "retort",
        "warning",
        "pledge",
        "promise",
        "vow",
        "mantra",
        "refrain",
        "line",
    ];
    let written = &body[name.clone()];
    let (at, mark) = written
        .find("’s ")
        .map(|i| (i, "’s ".len()))
        .or_else(|| written.find("'s ").map(|i| (i, "'s ".len())))?;
    let owner = &written[..at];
    let rest: Vec<&str> = written[at + mark..].split_whitespace().collect();
    let capitalised = !owner.is_empty()
        && owner
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()));
    let speech = rest.len() <= 3
        && rest
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_lowercase()))
        && rest.last().is_some_and(|w| SPEECH_NOUNS.contains(w));
    (capitalised && speech).then(|| name.start..name.start + at)
}

/// Whether a name is written in full or is the surname of a full name already seen: a
/// lone capitalised word opening a sentence ("Wait, …", "Based on …") is no speaker.
fn named_in_full(
    body: &str,
    names: &HashMap<&str, Vec<Range<usize>>>,
    name: &Range<usize>,
) -> bool {
    let written = body[name.clone()].trim();
    written.contains(' ') || names.contains_key(strip_possessive(written))
}

/// Turn an attribution into a speaker: "he"/"she" take the latest person speaker whose
/// gender does not contradict the pronoun; "the president" takes the latest person
/// introduced with that title.
fn resolve<'a>(
    body: &'a str,
    a: &Attribution,
    state: &mut State<'a>,
    names: &HashMap<&str, Vec<Range<usize>>>,
) -> Option<Spk> {
    match a.np.kind {
        NpKind::Pronoun(Pronoun::Person) => {
            let want = pronoun_gender(&body[a.np.name.clone()]);
            // A lone capitalised word never named in full nor given a title ("Critics",
            // "Tory") is no person a pronoun can point back to.
            let k = state
                .persons
                .iter()
                .rposition(|p| pronoun_may_take(body, names, state, want, p))?;
            let spk = state.persons[k].clone();
            // The latest person taken by "she" is a woman from now on.
            if k + 1 == state.persons.len()
                && let Some(g) = want
            {
                state.genders.entry(surname(body, &spk.name)).or_insert(g);
            }
            Some(spk)
        }
        NpKind::Pronoun(Pronoun::Group) => state.last_group.clone(),
        NpKind::Pronoun(Pronoun::Speaker) => None,
        NpKind::Person { single } => Some(Spk {
            name: a.np.name.clone(),
            role: a.np.role.clone(),
            single,
            person: true,
        }),
        NpKind::Group => Some(described(body, a, state).unwrap_or_else(|| Spk {
            name: a.np.name.clone(),
            role: a.np.role.clone(),
            single: false,
            person: false,
        })),
    }
}

/// Whether "he"/"she" (of gender `want`, if known) may stand for the person `p`: not one
/// of the other gender, nor a lone capitalised word never named in full or titled
/// ("Critics", "Tory"). A lone given name ("Donald", "Carly") tells its own gender.
fn pronoun_may_take(
    body: &str,
    names: &HashMap<&str, Vec<Range<usize>>>,
    state: &State,
    want: Option<Gender>,
    p: &Spk,
) -> bool {
    let written = strip_possessive(body[p.name.clone()].trim());
    let given = p.single.then(|| given_name_gender(written)).flatten();
    let g = given.or_else(|| gender_of(body, &p.name, state));
    fits(want, g) && (!p.single || g.is_some() || named_in_full(body, names, &p.name))
}

/// "the senator" → the latest person named with the title "Sen."/"Senator", if any.
fn described(body: &str, a: &Attribution, state: &State) -> Option<Spk> {
    let text = &body[a.np.name.clone()];
    let mut words = text.split_whitespace();
    let (det, noun) = (words.next()?, words.next()?);
    if words.next().is_some() || !det.eq_ignore_ascii_case("the") || is_cap(noun) {
        return None;
    }
    let (name, single) = role_titles(noun)
        .iter()
        .filter_map(|t| state.titled.get(t.trim_end_matches('.')))
        .max_by_key(|(r, _)| r.start)?
        .clone();
    Some(Spk {
        name,
        role: Some(a.np.name.clone()),
        single,
        person: true,
    })
}

/// The surname of a name as written (its last word, possessive stripped).
/// Whether a name read as a sentence's subject is the whole subject, not a modifier of
/// the noun after it ("Clinton officials were thrilled", "Clinton campaign manager Robby
/// Mook released") nor a contraction ("Rubio’s not going to").
fn heads_its_phrase(body: &str, name: &Range<usize>) -> bool {
    let written = body[name.clone()].trim_end();
    if written.ends_with("’s")
        || written.ends_with("'s")
        || !written.chars().any(char::is_lowercase)
    {
        return false;
    }
    // "Ted Nordhaus, co-founder of …, welcomed": an apposition after a comma describes
    // the name.
    if body[name.end..].trim_start().starts_with([',', '(']) {
        return true;
    }
    let next = body[name.end..]
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .find(|w| !w.is_empty())
        .unwrap_or("");
    !crate::claims::speakers::is_modified_noun(next)
}

fn surname<'a>(body: &'a str, name: &Range<usize>) -> &'a str {
    let n = &body[name.clone()];
    strip_possessive(n.rsplit(' ').next().unwrap_or(n))
}

fn gender_of(body: &str, name: &Range<usize>, state: &State) -> Option<Gender> {
    state.genders.get(surname(body, name)).copied()
}

/// Whether a pronoun of gender `want` may refer to a person of gender `have`.
fn fits(want: Option<Gender>, have: Option<Gender>) -> bool {
    want.is_none() || have.is_none() || want == have
}

fn remember(state: &mut State, a: &Attribution, spk: Option<&Spk>) {
    if matches!(a.np.kind, NpKind::Pronoun(_)) {
        return;
    }
    if let Some(s) = spk {
        if s.person {
            if state.persons.len() >= RECENT_PERSONS {
                state.persons.remove(0);
            }
            state.persons.push(s.clone());
        } else {
            state.last_group = Some(s.clone());
        }
    }
}

/// A one-word capitalised quote between two capitalised words: a nickname inside a name
/// (`Marcia "Cia" Price`).
fn is_nickname(body: &str, s: &Span) -> bool {
    let text = &body[s.start..s.end];
    if text.is_empty() || text.len() > 20 || !is_cap(text) {
        return false;
    }
    if !text
        .chars()
        .all(|c| c.is_alphabetic() || c == '.' || c == '-')
    {
        return false;
    }
    let before = body[..s.open].strip_suffix(' ').unwrap_or("");
    let prev = before.rsplit(' ').next().unwrap_or("");
    let after = body[s.close_end..].strip_prefix(' ').unwrap_or("");
    let next = after
        .split(' ')
        .next()
        .unwrap_or("")
        .trim_end_matches([',', ';', ':', '.', '(', ')']);
    let name_word = |w: &str| {
        w.chars().next().is_some_and(|c| c.is_uppercase())
            && w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-')
    };
    name_word(prev) && name_word(next)
}

/// A quote with no cue of its own continues the latest quote of the same paragraph or the
/// latest cue sentence nearby; at the start of a paragraph, the previous paragraph's quote
/// or cue sentence.
fn continue_from(
    d: &mut Draft,
    drafts: &[Option<Draft>],
    last_quote: Option<usize>,
    last_cue: Option<&CueSentence>,
    first_in_para: bool,
) {
    let lq = last_quote.and_then(|i| drafts[i].as_ref());
    let q_ok =
        lq.filter(|q| q.para == d.para || (first_in_para && d.para > 0 && q.para + 1 == d.para));
    let c_ok = last_cue.filter(|c| {
        (c.para == d.para && d.group - c.group <= 2)
            || (first_in_para && c.para + 1 == d.para && c.group + 1 == d.group)
    });
    match (q_ok, c_ok) {
        (Some(q), Some(c)) if c.group > q.group => {
            d.spk = c.spk.clone();
            d.cue = Some(c.cue.clone());
        }
        (Some(q), _) => {
            d.spk = q.spk.clone();
            d.cue = q.cue.clone();
        }
        (None, Some(c)) => {
            d.spk = c.spk.clone();
            d.cue = Some(c.cue.clone());
        }
        (None, None) => {}
    }
}

/// A bare surname becomes the nearest earlier full name ending in it (else the first later
/// one); unknown surnames stay as written.
fn expand(body: &str, s: &Spk, names: &HashMap<&str, Vec<Range<usize>>>) -> Range<usize> {
    let written = strip_possessive(body[s.name.clone()].trim());
    let last = written.rsplit(' ').next().unwrap_or(written);
    let latest = |list: &Vec<Range<usize>>| {
        // Lists are filled in text order, so they are sorted by start.
        let i = list.partition_point(|r| r.start < s.name.start);
        if i > 0 { list.get(i - 1) } else { list.first() }.cloned()
    };
    if let Some(list) = names.get(last) {
        // "Le Bon" → "Simon Le Bon": a surname of several words is the end of the name.
        return latest(list)
            .filter(|r| {
                s.single
                    || body[r.clone()]
                        .strip_suffix(written)
                        .is_some_and(|head| head.ends_with(' '))
            })
            .unwrap_or_else(|| s.name.clone());
    }
    // "Sharon" → "Sharon Osbourne": a common given name alone stands for the full name
    // it opens, when only one full name opens with it (a lone "Howard" or "Apple" may
    // be a surname or a firm).
    if s.single && s.person && given_name_gender(written).is_some() {
        let mut opened = names.values().filter_map(latest).filter(|r| {
            let full = &body[r.clone()];
            full.split(' ').next() == Some(written)
                && speaker_kind(full, true) == SpeakerKind::Person
                && !full.split(' ').any(is_org_word)
        });
        if let (Some(r), None) = (opened.next(), opened.next()) {
            return r;
        }
    }
    s.name.clone()
}

/// Trim spaces and dangling punctuation from a name or role as written.
fn clean(s: &str) -> String {
    s.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '—' | '–'))
        .to_string()
}

/// Number of words in `s`, counting no further than `cap`.
fn word_count(s: &str, cap: usize) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in s.chars() {
        let w = c.is_alphanumeric();
        if w && !in_word {
            n += 1;
            if n >= cap {
                return n;
            }
        }
        in_word = w || (in_word && matches!(c, '\'' | '’' | '-'));
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(paras: &[&str]) -> String {
        paras.join("\n\n")
    }

    /// (text prefix, speaker, kind) for every quote; checks offsets on the way.
    fn run(b: &str) -> Vec<Quote> {
        let qs = extract_quotes(b);
        for q in &qs {
            assert!(b.is_char_boundary(q.start) && b.is_char_boundary(q.end));
            assert_eq!(&b[q.start..q.end], q.text);
            assert!(q.sentence.contains(&q.text), "{q:?}");
        }
        qs
    }

    fn speaker_of<'a>(qs: &'a [Quote], prefix: &str) -> Option<&'a str> {
        let q = qs
            .iter()
            .find(|q| q.text.starts_with(prefix))
            .unwrap_or_else(|| panic!("no quote {prefix:?} in {qs:#?}"));
        q.speaker.as_deref()
    }

    fn kind_of(qs: &[Quote], prefix: &str) -> QuoteKind {
        qs.iter()
            .find(|q| q.text.starts_with(prefix))
            .map(|q| q.kind)
            .unwrap_or_else(|| panic!("no quote {prefix:?}"))
    }

    const SEED0: &[&str] = &[
        "The organizers said they delivered a letter — signed by over 12,000 “faith leaders and people of faith from across the country” — asking sheriffs to “stop enabling Trump’s deportation agenda.”",
        "“Law enforcement officials need to prioritize their duty to protect and serve residents,” said Tessa Petit, Executive Director of the Florida Immigrant Coalition, in a statement. “People across the country should be able to feel safe and trust when calling police to report a crime; they shouldn’t be worried that they will be asked their immigration status.”",
        "“Taxpayers should also not be forced to foot the bill for these hostile and unnecessary immigration enforcement practices that will inevitably lead to civil lawsuits, costing taxpayers even more money,” Petit added.",
    ];

    #[test]
    fn misplaced_marks_and_names_with_places_keep_their_speakers() {
        let b = body(&[
            "“It's unusual,“ said Larry Noble, an attorney with the center. “It's a hard thing to do without stepping over one line.”",
            "''Union men won't vote for 'Obama,''' Steve Rosenthal, a former organizer, wrote in an email.",
            "''Donald Trump should retract his comments. There is no place for racism here,'' former Gov. Jeb Bush of Florida said on Twitter.",
            "Hillary Clinton visited the polls. A woman asked for a photo and Clinton said, “as long as we are not violating any election laws.”",
            "Sen. Bernie Sanders spoke next. Sanders delivered a snappy retort: \"No one is tearing this up. We are going forward.\"",
            "Goldman Sachs holds billions offshore, and the report says the company ''reports having 987 subsidiaries in offshore tax havens.''",
        ]);
        let qs = run(&b);
        assert_eq!(speaker_of(&qs, "It's unusual"), Some("Larry Noble"));
        assert_eq!(speaker_of(&qs, "It's a hard thing"), Some("Larry Noble"));
        assert_eq!(speaker_of(&qs, "Union men"), Some("Steve Rosenthal"));
        assert_eq!(speaker_of(&qs, "Donald Trump should"), Some("Jeb Bush"));
        assert_eq!(speaker_of(&qs, "as long as"), Some("Hillary Clinton"));
        assert_eq!(speaker_of(&qs, "No one is tearing"), Some("Bernie Sanders"));
        assert_ne!(speaker_of(&qs, "reports having"), Some("Goldman Sachs"));
    }

    #[test]
    fn cues_after_questions_asides_and_inverted_between_commas() {
        let b = body(&[
            "Officials met at noon. “Why would we stop now? Who gains?” Alvarez asks as the crowd files out, saying the vote is “far from over.”",
            "“It was a long night for everyone,” Maria Lopez, the aide who ran the count in the county tweeted on Friday.",
            "The trouble with the plan, says Tom Reyes, an economist at the institute, is that it \"leaves the poorest families behind entirely.\"",
            "Speaking in Leeds Mr Patel said: \"We will contest every seat in the north.\"",
            "\"The numbers do not add up at all,\" said a person close to the mayor.",
            "Dan Reyes spoke last. And then Reyes went on the offensive, saying, \"Nobody in this city has paid more for these mistakes.\"",
            "\"We have waited long enough for this,\" said retired teacher Ann Cole of Dover, before the vote.",
            "The mayor will back the \"new transit plan,\" Brooks said, adding that the city must \"find the money before the winter comes.\"",
            "“Our doors stay open to everyone,” a furious Okafor retaliated.",
            "\"We raised the alarm months before the storm hit,\" read the statement, which the board signed.",
            "\"Is this really the best we can do?\" Greta Holm asked reporters at the gate on a cold morning. \"I'm not convinced.\"",
        ]);
        let qs = run(&b);
        assert_eq!(speaker_of(&qs, "Why would we"), Some("Alvarez"));
        assert_eq!(speaker_of(&qs, "It was a long night"), Some("Maria Lopez"));
        assert_eq!(speaker_of(&qs, "leaves the poorest"), Some("Tom Reyes"));
        assert_eq!(speaker_of(&qs, "We will contest"), Some("Patel"));
        assert_eq!(
            speaker_of(&qs, "The numbers do not"),
            Some("a person close to the mayor")
        );
        assert_eq!(speaker_of(&qs, "Nobody in this city"), Some("Dan Reyes"));
        assert_eq!(speaker_of(&qs, "We have waited"), Some("Ann Cole"));
        assert_eq!(speaker_of(&qs, "find the money"), Some("Brooks"));
        assert_eq!(speaker_of(&qs, "Our doors stay open"), Some("Okafor"));
        assert_eq!(
            speaker_of(&qs, "We raised the alarm"),
            Some("the statement")
        );
        let short = qs.iter().find(|q| q.text.starts_with("I'm not convinced"));
        assert_eq!(short.map(|q| q.kind), Some(QuoteKind::Quote));
        assert_eq!(speaker_of(&qs, "I'm not convinced"), Some("Greta Holm"));
    }

    #[test]
    fn colon_lead_ins_and_quote_only_paragraphs_take_the_person_named_in_full() {
        let b = body(&[
            "Mayor Ann Briggs issued the following statement:",
            "“We will rebuild the bridge before the winter comes.”",
            "Senator Tom Walsh is upbeat about the bill and its chances.",
            "“Not only can we pass it, we can pass it this spring.”",
            "Experts doubt the plan will survive the committee.",
            "“It will never get through in this form.”",
        ]);
        let qs = run(&b);
        assert_eq!(speaker_of(&qs, "We will rebuild"), Some("Ann Briggs"));
        assert_eq!(speaker_of(&qs, "Not only can we"), Some("Tom Walsh"));
        // A one-word subject that is no name seen in full gives no speaker.
        assert_eq!(speaker_of(&qs, "It will never get"), None);
    }

    #[test]
    fn a_possessive_role_with_a_name_in_apposition_is_that_person() {
        let b = body(&[
            "The committee met in the capital on Tuesday to discuss the plan.",
            "Florida’s Republican attorney general, Pam Bondi, vowed to go after “anyone who attacks our parks.” The shift seemed stark.",
            "Trump’s former campaign manager, Corey Lewandowski, vowed to go after “the judge and the jury” in the case.",
            "The city’s longtime budget director, Ann Okafor, faulted the council for acting as “a bank with no vault” all year.",
        ]);
        let qs = run(&b);
        assert_eq!(speaker_of(&qs, "anyone who attacks"), Some("Pam Bondi"));
        assert_eq!(
            speaker_of(&qs, "the judge and the jury"),
            Some("Corey Lewandowski")
        );
        // No cue: the sentence's subject, the description's name.
        assert_eq!(speaker_of(&qs, "a bank with no vault"), Some("Ann Okafor"));
    }

    #[test]
    fn a_named_persons_speech_noun_speaks_for_them() {
        let b = body(&[
            "Marco Rubio spoke first at the debate in the capital on Tuesday.",
            "Rubio’s answer was that “the most important institution in society is the family,” so government should help.",
            "Apple’s new phone is “a marvel of engineering and design,” according to the early reviews.",
        ]);
        let qs = run(&b);
        assert_eq!(speaker_of(&qs, "the most important"), Some("Marco Rubio"));
        // A possessive before a thing, not a speech noun, gives no speaker.
        assert_ne!(speaker_of(&qs, "a marvel of"), Some("Apple"));
    }

    #[test]
    fn seed_000_petit_and_organizers() {
        let b = body(SEED0);
        let qs = run(&b);
        assert_eq!(
            speaker_of(&qs, "Law enforcement officials"),
            Some("Tessa Petit")
        );
        assert_eq!(
            speaker_of(&qs, "People across the country"),
            Some("Tessa Petit")
        );
        assert_eq!(speaker_of(&qs, "Taxpayers should"), Some("Tessa Petit"));
        assert_eq!(speaker_of(&qs, "stop enabling"), Some("The organizers"));
        let q = qs
            .iter()
            .find(|q| q.text.starts_with("Law enforcement"))
            .unwrap();
        assert_eq!(
            q.role.as_deref(),
            Some("Executive Director of the Florida Immigrant Coalition")
        );
        assert_eq!(q.cue.as_deref(), Some("said"));
    }

    const SEED1: &[&str] = &[
        "Bacardi Jackson, executive director of the ACLU of Florida, said the city of Miami is not required by state law to participate in the 287(g) program because it does not manage a detention facility.",
        "Jackson said the “287(g) agreements don’t make us safer—they create disorder under the illusion of security.”",
        "“These programs have a well-documented history of racial profiling, civil rights violations, and costly litigation,” said Jackson.",
        "“Miami residents deserve to take their children to school, shop for groceries, and commute to work without fearing that a routine day will end in detention,” Jackson said, noting half the city’s population are immigrants. “We deserve safety, not suspicion—dignity, not discrimination.\"",
        "Deputizing local police to carry out federal immigration duties, says the ACLU and immigrant advocates, would be expensive, draw legal challenges in court and “undermine the public trust essential to building community safety.”",
        "“City of Miami officials need to prioritize their fiduciary duty to protect the financial interests and well-being of residents, and taxpayers should not foot the bill for these hostile enforcement practices that will inevitably lead to lawsuits, costing taxpayers even more money,” said Tessa Petit, Executive Director of the Florida Immigrant Coalition.",
        "“The proposed 287(g) agreement is a reckless betrayal of the very people the City of Miami is supposed to protect,” said Paul Christian Namphy, Director of Policy and Lead Organizer at the Family Action Network Movement (FANM).",
        "“Miami is a city of immigrants. We cannot allow fear, profiling, and political games to replace compassion, justice, and common sense,” Namphy said. “This contract must be rejected.”",
    ];

    #[test]
    fn seed_001_jackson_petit_namphy() {
        let b = body(SEED1);
        let qs = run(&b);
        for p in [
            "287(g) agreements",
            "These programs",
            "Miami residents",
            "We deserve safety",
        ] {
            assert_eq!(speaker_of(&qs, p), Some("Bacardi Jackson"), "{p}");
        }
        assert_eq!(
            speaker_of(&qs, "City of Miami officials"),
            Some("Tessa Petit")
        );
        for p in ["The proposed 287(g)", "Miami is a city", "This contract"] {
            assert_eq!(speaker_of(&qs, p), Some("Paul Christian Namphy"), "{p}");
        }
        assert!(speaker_of(&qs, "undermine the public").is_some_and(|s| s.contains("ACLU")));
    }

    #[test]
    fn seed_002_mcbride_and_sanctuary_term() {
        let b = body(&[
            "However, Democrats have said they are concerned the cooperation is hurting local policing operations. Rep. Sarah McBride (D-DE) said the 287(g) program has led to more racial profiling by local police.",
            "“For too long, the 287(g) program has drained local resources, fueled racial profiling, and made communities less safe — and it’s time we end it,” McBride said in a statement. “The PROTECT Immigration Act makes clear that immigration enforcement belongs with trained federal authorities.”",
            "Given that “sanctuary” cities and states will not cooperate with ICE, ICE is more active in communities.",
        ]);
        let qs = run(&b);
        assert_eq!(speaker_of(&qs, "For too long"), Some("Sarah McBride"));
        assert_eq!(speaker_of(&qs, "The PROTECT"), Some("Sarah McBride"));
        assert_eq!(kind_of(&qs, "sanctuary"), QuoteKind::Term);
        assert_eq!(speaker_of(&qs, "sanctuary"), None);
    }

    #[test]
    fn seed_004_task_force_guido_and_terms() {
        let b = body(&[
            "“Our immigration problem is a national problem deserving of a national approach,” the Law Enforcement Immigration Task Force, a coalition of senior law enforcement officials, wrote. “And we urge Congress to lead the way in working toward taking the necessary steps.”",
            "“[But] in doing so, we hope that this committee will avoid taking actions that could harm community trust,” they continued.",
            "In their letter, current and former police chiefs asserted that forcing such “problematic tasks” like deportation on state and local police agencies could undercut “the delicate federal balance and harm locally based, community-oriented policing.”",
            "“We’re aware of President Trump’s executive orders as they relate to immigration and securing the homeland,” Michelle Guido of the OPD said. “These new executive orders are complex, and we are working with our legal team to review them. ”",
            "The president also warned that he would go after “sanctuary cities,” cities that provide certain protections to undocumented immigrants, by halting their federal funding.",
            "In the letter, members of the task force argued that there is no set definition to determine “sanctuary jurisdictions” and that cutting funds would not help.",
            "“We urge [Congress] to be mindful of the current state of the law and the needs of local law enforcement,” the letter concluded.",
        ]);
        let qs = run(&b);
        let tf = "the Law Enforcement Immigration Task Force";
        assert_eq!(speaker_of(&qs, "Our immigration problem"), Some(tf));
        assert_eq!(speaker_of(&qs, "And we urge"), Some(tf));
        assert_eq!(speaker_of(&qs, "[But] in doing so"), Some(tf));
        assert!(
            matches!(speaker_of(&qs, "We urge [Congress]"), Some(s) if s == tf || s == "the letter")
        );
        assert_eq!(speaker_of(&qs, "We’re aware"), Some("Michelle Guido"));
        assert_eq!(
            speaker_of(&qs, "These new executive"),
            Some("Michelle Guido")
        );
        for t in [
            "sanctuary cities,",
            "sanctuary jurisdictions",
            "problematic tasks",
        ] {
            assert_eq!(kind_of(&qs, t), QuoteKind::Term, "{t}");
        }
    }

    #[test]
    fn split_quote_and_quote_only_paragraph_continue_speaker() {
        let b = body(&[
            "“The first half of what I think,” said Ann Lee, a city councilwoman. “And the second half.”",
            "“A whole paragraph that is only a quotation goes on.”",
        ]);
        let qs = run(&b);
        assert_eq!(speaker_of(&qs, "The first half"), Some("Ann Lee"));
        assert_eq!(speaker_of(&qs, "And the second"), Some("Ann Lee"));
        assert_eq!(speaker_of(&qs, "A whole paragraph"), Some("Ann Lee"));
    }

    #[test]
    fn multi_paragraph_quote_takes_speaker_from_last_part() {
        let b = body(&[
            "Bob Stone runs the depot.",
            "“We opened the depot in the spring and hired forty people from town",
            "“Now we plan to double that by next year,” Stone said.",
        ]);
        let qs = run(&b);
        assert_eq!(qs.len(), 2);
        assert_eq!(speaker_of(&qs, "We opened"), Some("Bob Stone"));
        assert_eq!(speaker_of(&qs, "Now we plan"), Some("Bob Stone"));
    }

    #[test]
    fn colon_lead_in_and_cue_two_sentences_away() {
        let b = body(&[
            "Mayor Jo Park spoke to the crowd. Park told reporters:",
            "“We will rebuild every school that the storm took from us.”",
            "Sam Reed, the union chief, said the deal was fair. He repeated it twice. “Nobody here lost a single job in the whole process,” the statement read on.",
        ]);
        let qs = run(&b);
        assert_eq!(speaker_of(&qs, "We will rebuild"), Some("Jo Park"));
        assert_eq!(speaker_of(&qs, "Nobody here"), Some("Sam Reed"));
    }

    #[test]
    fn pronouns_and_surnames_resolve_to_earlier_names() {
        let b = body(&[
            "Maria Gomez, a nurse, said the ward was full.",
            "“We had to turn away people who needed us badly,” she said.",
            "“It is the worst winter I can remember here,” Ms. Gomez added.",
        ]);
        let qs = run(&b);
        assert_eq!(speaker_of(&qs, "We had to"), Some("Maria Gomez"));
        assert_eq!(speaker_of(&qs, "It is the worst"), Some("Maria Gomez"));
    }

    #[test]
    fn according_to_and_representative_with_apposition() {
        let b = body(&[
            "According to the county report, the roads were “never designed for this much heavy traffic.”",
            "“This bill will not pass the House this year,” Representative Maxine Waters, a California Democrat, said.",
        ]);
        let qs = run(&b);
        assert_eq!(speaker_of(&qs, "never designed"), Some("the county report"));
        let q = qs.iter().find(|q| q.text.starts_with("This bill")).unwrap();
        assert_eq!(q.speaker.as_deref(), Some("Maxine Waters"));
        assert_eq!(q.role.as_deref(), Some("a California Democrat"));
    }

    #[test]
    fn quote_marks_variants_and_apostrophes() {
        let b = body(&[
            "``We are ready for the vote tomorrow,'' the senator said of Texas' plan in the ’90s.",
            "''It was a long night for all of us,'' she said, and \"we need sleep before the next one\" was her plea.",
            "“Mismatched marks still make one quotation here,\" he said.",
        ]);
        let qs = run(&b);
        assert_eq!(speaker_of(&qs, "We are ready"), Some("the senator"));
        assert_eq!(kind_of(&qs, "It was a long night"), QuoteKind::Quote);
        assert!(qs.iter().any(|q| q.text.starts_with("Mismatched marks")));
        assert!(qs.iter().all(|q| !q.text.contains("Texas")));
    }

    #[test]
    fn nested_single_quotes_stay_in_outer_quote() {
        let b = "“You say you ‘accept responsibility,’ and that is not enough for anyone,” Jeff Merkley said.";
        let qs = run(b);
        assert_eq!(qs.len(), 1);
        assert!(qs[0].text.contains("‘accept responsibility,’"));
        assert_eq!(qs[0].speaker.as_deref(), Some("Jeff Merkley"));
    }

    #[test]
    fn quote_at_very_start_and_end_of_body() {
        let b = "“Starting the story with a quote is common enough,” Lee said. Then Lee said: “And ending it with one too.”";
        let qs = run(b);
        assert_eq!(qs.len(), 2);
        assert_eq!(qs[0].start, "“".len());
        assert_eq!(qs[1].end, b.len() - "”".len());
        assert_eq!(qs[1].speaker.as_deref(), Some("Lee"));
    }

    #[test]
    fn unclosed_mark_is_capped_at_paragraph() {
        let b = body(&[
            "“This quote is never closed and goes on, the mayor said.",
            "A plain paragraph that must not be swallowed by the quote.",
        ]);
        let qs = run(&b);
        assert_eq!(qs.len(), 1);
        assert!(!qs[0].text.contains("plain paragraph"));
    }

    #[test]
    fn headline_single_quote_at_paragraph_start() {
        let qs = run(
            "'Dignity, not discrimination for all of us': Advocates urge Miami to reject the pact",
        );
        assert_eq!(qs.len(), 1);
        assert_eq!(qs[0].text, "Dignity, not discrimination for all of us");
    }

    #[test]
    fn byline_dash_attribution() {
        let qs = run("“The most unqualified child to ever run for president.” ― Francisco Herrero");
        assert_eq!(qs[0].speaker.as_deref(), Some("Francisco Herrero"));
    }

    #[test]
    fn a_named_subject_owns_a_quote_with_no_cue() {
        let b = body(&[
            "In the depths of the long winter, Maria Lopez worried that the old shelter was becoming “a trap for the people it was built to protect.”",
            "The Riverside Housing Authority filed a request with the city that month for “records sufficient to show the number of empty flats in the borough.”",
            "Lopez officials were pleased with the editorial, entitled “Time to Fix the Leaking Roofs of Riverside.”",
            "Based on the notice, the work was “scheduled to begin in the spring of next year at the latest.”",
        ]);
        let qs = run(&b);
        assert_eq!(speaker_of(&qs, "a trap for"), Some("Maria Lopez"));
        assert_eq!(
            speaker_of(&qs, "records sufficient"),
            Some("The Riverside Housing Authority")
        );
        // A name modifying a noun, and a word that only opens the sentence, are no speakers.
        assert_eq!(speaker_of(&qs, "Time to Fix"), None);
        assert_eq!(speaker_of(&qs, "scheduled to begin"), None);
    }

    #[test]
    fn a_title_word_or_modal_alone_before_a_tensed_verb_is_a_surname() {
        let b = body(&[
            "The singer Anna King toured for years. King says the band “played the hits and meant them.”",
            "“The war is a reminder that the choice matters,” Will wrote in his column.",
            "Writing his Christmas message, the Bishop said: “Hope is not a conspiracy.”",
        ]);
        let qs = run(&b);
        assert_eq!(speaker_of(&qs, "played the hits"), Some("Anna King"));
        assert_eq!(speaker_of(&qs, "The war is"), Some("Will"));
        assert_eq!(speaker_of(&qs, "Hope is not"), Some("the Bishop"));
    }

    #[test]
    fn participles_after_an_object_and_named_descriptions() {
        let b = body(&[
            "Clinton responded to the question on Facebook writing, “Yes, I will. That was a poor choice of words.”",
            "Protesters were pushed out, with Trump yelling: “Get him out of here!”",
            "\"There never was a stand-down order,\" said the base chief known as Bob, speaking publicly for the first time.",
            "“Would it be negotiable?” Hannity pressed.",
            "I'm old enough to remember the mayor telling voters that “the river will never flood again.”",
        ]);
        let qs = run(&b);
        assert_eq!(speaker_of(&qs, "Yes, I will"), Some("Clinton"));
        assert_eq!(speaker_of(&qs, "Get him out"), Some("Trump"));
        assert_eq!(speaker_of(&qs, "There never was"), Some("Bob"));
        assert_eq!(speaker_of(&qs, "Would it be"), Some("Hannity"));
        assert_ne!(speaker_of(&qs, "the river will"), Some("I'm"));
    }

    #[test]
    fn a_quote_running_on_into_its_sentence_keeps_the_cue_before_it() {
        let b = body(&[
            "Angry, Maria Lopez said she \"could not finish a single meeting\" without aides asking her to leave.",
            "The mayor said the levy would be \"the fairest way to pay for new roads\" raised by the board, the auditors say.",
            "Later the chief constable said: \"We will review every case.\"",
            "The two unions met the mayor on Friday and Okafor added: \"We are close to a deal.\"",
            "In a speech that spoke to the \"hopes and the fears of the workers\" over the closures, Mrs. Ortega struck many of the same notes.",
        ]);
        let qs = run(&b);
        assert_eq!(speaker_of(&qs, "could not finish"), Some("Maria Lopez"));
        assert_eq!(speaker_of(&qs, "the fairest way"), Some("The mayor"));
        assert_eq!(
            speaker_of(&qs, "We will review"),
            Some("the chief constable")
        );
        assert_eq!(speaker_of(&qs, "We are close"), Some("Okafor"));
        assert!(!speaker_of(&qs, "hopes and the").is_some_and(|s| s.contains("struck")));
    }

    #[test]
    fn a_named_subject_with_an_apposition_and_manner_of_speaking_verbs() {
        let b = body(&[
            "Priya Natarajan, head of the Harbour Trust and a critic of the port plan, welcomed \"the first honest look at what the dredging will cost.\"",
            "The mayor paused for the applause, then stepped forward and boomed: \"This city is not for sale.\"",
            "\"Who signed off on this and why was nobody told?\" reacted Okafor.",
        ]);
        let qs = run(&b);
        assert_eq!(speaker_of(&qs, "the first honest"), Some("Priya Natarajan"));
        assert_eq!(speaker_of(&qs, "This city is"), Some("The mayor"));
        assert_eq!(speaker_of(&qs, "Who signed off"), Some("Okafor"));
    }

    #[test]
    fn lead_ins_ending_on_a_speech_noun_or_naming_a_document() {
        let b = body(&[
            "The charter shaped the movement for decades, as the Hartley Institute website notes:",
            "\"Forty delegates met in a farmhouse and wrote the principles down in one night.\"",
            "Edited transcript as follows:",
            "\"HOST: Governor, did you sign the order before the storm arrived?\"",
        ]);
        let qs = run(&b);
        assert_eq!(
            speaker_of(&qs, "Forty delegates"),
            Some("the Hartley Institute website")
        );
        assert_eq!(speaker_of(&qs, "HOST: Governor"), Some("Edited transcript"));
    }

    #[test]
    fn documents_that_act_and_documents_quoted_from() {
        let b = body(&[
            "The harbour board met on Monday.",
            "The leaflet attacks a \"cosy deal between the council and the developers that nobody voted for.\"",
            "From the audit: \"Most of the contracts were signed without any tender at all.\"",
            "\"Please keep to the marked paths at all times,\" begins a notice that greets every visitor.",
        ]);
        let qs = run(&b);
        assert_eq!(speaker_of(&qs, "cosy deal"), Some("The leaflet"));
        assert_eq!(speaker_of(&qs, "Most of the contracts"), Some("the audit"));
        assert_eq!(speaker_of(&qs, "Please keep"), Some("a notice"));
    }

    #[test]
    fn spoke_is_a_reporting_verb() {
        let b = body(&[
            "Deputy mayor Ana Ruiz met the tenants on Friday.",
            "Nobody learned much, since Ruiz spoke only in general terms at the meeting.",
            "\"We will look at every building one by one and fix what is broken.\"",
        ]);
        let qs = run(&b);
        assert_eq!(speaker_of(&qs, "We will look"), Some("Ana Ruiz"));
    }

    #[test]
    fn a_given_name_tells_the_gender_and_who_the_words_are_about_is_skipped() {
        let b = body(&[
            "Carly Fiorina led the company for six years.",
            "\"She took it upon herself to prove them wrong,\" remembered Roy Verley, the former spokesman.",
            "\"If you are not leading, you are failing,\" she said.",
            "Recalling that moment, David Axelrod said of Sanders: \"The question is, will he do the same?\"",
        ]);
        let qs = run(&b);
        assert_eq!(speaker_of(&qs, "She took it"), Some("Roy Verley"));
        assert_ne!(speaker_of(&qs, "If you are not"), Some("Roy Verley"));
        assert_eq!(speaker_of(&qs, "The question is"), Some("David Axelrod"));
    }

    #[test]
    fn a_pronoun_skips_lone_words_never_named_and_an_office_sheds_its_organisation() {
        let b = body(&[
            "“It is a mess,” Critics said.",
            "The hall was packed later on Monday. He added that “we will fix the pipes this year.”",
            "CNN President Jeff Zucker spoke on Monday.",
            "“We do not pay candidates,” Zucker said.",
        ]);
        let qs = run(&b);
        assert_eq!(speaker_of(&qs, "we will fix"), None);
        assert_eq!(speaker_of(&qs, "We do not pay"), Some("Jeff Zucker"));
    }

    #[test]
    fn descriptions_stay_whole_and_an_aside_names_the_person() {
        let b = body(&[
            "“The campaign has been really reluctant to act,” one senior Democrat said.",
            "\"North Korea is run by a lunatic,\" the Florida senator and Republican presidential candidate said in a statement.",
            "A former mayor -- John Marsh, who lost the 2008 election -- said the plan \"offered no changes to the old strategy.\"",
        ]);
        let qs = run(&b);
        assert_eq!(
            speaker_of(&qs, "The campaign has"),
            Some("one senior Democrat")
        );
        assert_eq!(
            speaker_of(&qs, "North Korea is"),
            Some("the Florida senator and Republican presidential candidate")
        );
        assert_eq!(speaker_of(&qs, "offered no changes"), Some("John Marsh"));
    }

    #[test]
    fn a_document_that_reads_and_the_noun_of_an_absolute_with() {
        let b = body(&[
            "Maria Lopez wrote to her donors. \"Friend, let me be blunt. I can win this race,\" the email read.",
            "Lopez tied her rival to the mayor, with one of her ads asking, “Is he independent enough to serve on the council?”",
        ]);
        let qs = run(&b);
        assert_eq!(speaker_of(&qs, "Friend, let me"), Some("the email"));
        assert_eq!(speaker_of(&qs, "Is he independent"), Some("one of her ads"));
    }

    #[test]
    fn parts_of_a_statement_whose_paragraph_breaks_were_lost_share_its_speaker() {
        let qs = run(
            "The striker was fined. \"I don't want the fans to doubt me,\" Craig Bellamy said. \"I'd play anywhere for this club. \"It's a very difficult situation for me. \"This club means so much to me.\"",
        );
        assert_eq!(speaker_of(&qs, "I'd play"), Some("Craig Bellamy"));
        assert_eq!(speaker_of(&qs, "It's a very"), Some("Craig Bellamy"));
        assert_eq!(speaker_of(&qs, "This club"), Some("Craig Bellamy"));
    }

    #[test]
    fn a_sentence_adverb_is_no_part_of_the_name() {
        let qs = run(
            "Mr Hale meanwhile told the radio station: “We will keep the branch open all year.”",
        );
        assert_eq!(speaker_of(&qs, "We will keep"), Some("Hale"));
    }

    #[test]
    fn documents_read_and_make_their_case() {
        let b = body(&[
            "“The council should act now, before the river rises again next spring,” the editorial read.",
            "Park’s letter makes a simple case: “Every family on this street deserves a dry home by winter.”",
        ]);
        let qs = run(&b);
        assert_eq!(speaker_of(&qs, "The council should"), Some("the editorial"));
        assert_eq!(speaker_of(&qs, "Every family"), Some("Park’s letter"));
    }

    #[test]
    fn no_speaker_rather_than_a_wrong_one() {
        let qs =
            run("The sign on the door read “closed until further notice for repairs” all week.");
        assert_eq!(qs[0].speaker, None);
    }

    #[test]
    fn courtesy_title_before_a_title_word_surname() {
        let b = body(&[
            "Tom King, 70, runs the bakery on Main Street.",
            "“Bread has been my whole life since I was a boy,” Mr. King said.",
            "“I have never once closed on a holiday,” Mr. King, 70, told me.",
        ]);
        let qs = run(&b);
        assert_eq!(speaker_of(&qs, "Bread has been"), Some("Tom King"));
        assert_eq!(speaker_of(&qs, "I have never"), Some("Tom King"));
    }

    #[test]
    fn subordinate_clause_after_quote_is_not_the_cue() {
        let qs = run(
            "The ad ends with footage of Ann Cole saying, “That is simply my call to make,” when Bo Diaz blasted her.",
        );
        assert_eq!(speaker_of(&qs, "That is simply"), Some("Ann Cole"));
    }

    #[test]
    fn listener_and_dashed_aside_before_quote() {
        let qs = run(
            "Rob Hale, the head of Acme -- a firm that makes tools for farms -- told me, “We sell to anyone who pays on time.”",
        );
        assert_eq!(speaker_of(&qs, "We sell"), Some("Rob Hale"));
    }

    #[test]
    fn dateline_dash_before_apposition() {
        let qs = run(
            "DENVER -- Mayor Jo Park, opening the new library on Friday, said it would be “a place for every child in this city to read.”",
        );
        assert_eq!(speaker_of(&qs, "a place for"), Some("Jo Park"));
    }

    #[test]
    fn all_caps_headers_and_labels_are_not_names() {
        let b = body(&[
            "DOCTORS REBEL — The memo landed on Monday, saying the drug was “a miracle cure for every single patient.”",
            "PENCE: “We will win this state by a wide margin in the end.”",
        ]);
        let qs = run(&b);
        for p in ["a miracle cure", "We will win"] {
            let s = speaker_of(&qs, p);
            assert!(
                s.is_none_or(|s| s.chars().any(|c| c.is_lowercase())),
                "{p}: {s:?}"
            );
        }
    }

    #[test]
    fn pronoun_skips_a_person_of_the_other_gender() {
        let b = body(&[
            "Mr. Ross said the plant would close. Ms. Lane, the union chief, said the workers were told on Monday.",
            "“We will fight this decision in every court we can,” he said.",
        ]);
        let qs = run(&b);
        assert_eq!(speaker_of(&qs, "We will fight"), Some("Ross"));
    }

    #[test]
    fn description_resolves_to_titled_person() {
        let b = body(&[
            "President Ada Grant met Vice President Bo Lin at the plant on Monday.",
            "“This plant is the future of the whole region,” the president said.",
            "Mayor Bill de Luca opened the park the next day.",
            "“Parks matter more than any new road we could build,” the mayor said.",
        ]);
        let qs = run(&b);
        assert_eq!(speaker_of(&qs, "This plant"), Some("Ada Grant"));
        assert_eq!(speaker_of(&qs, "Parks matter"), Some("Bill de Luca"));
    }

    #[test]
    fn nickname_inside_a_name() {
        let qs = run(
            "“We are ready for a long campaign this fall!” Del. Marcia “Cia” Brown, a Democrat from the valley, shouted to the crowd.",
        );
        assert!(speaker_of(&qs, "We are ready").is_some_and(|s| s.contains("Brown")));
        assert_eq!(kind_of(&qs, "Cia"), QuoteKind::Term);
    }

    #[test]
    fn commented_and_per_as_cues() {
        let b = body(&[
            "A neighbor commented: “The noise never stops after dark around here.”",
            "Members may vote by proxy, except when voting “to fill a seat on the board of the group,” per the club’s bylaws.",
        ]);
        let qs = run(&b);
        assert_eq!(speaker_of(&qs, "The noise"), Some("A neighbor"));
        assert_eq!(speaker_of(&qs, "to fill a seat"), Some("the club’s bylaws"));
    }

    #[test]
    fn coordinated_clause_subject_and_named_group_with_participle() {
        let b = body(&[
            "Acme holds cash abroad, and the report says the firm “keeps most of its profit in small island tax havens.”",
            "After a short meeting, the Security Board issued a statement calling the test “a clear breach of every rule we have.”",
        ]);
        let qs = run(&b);
        assert_eq!(speaker_of(&qs, "keeps most"), Some("the report"));
        assert_eq!(
            speaker_of(&qs, "a clear breach"),
            Some("the Security Board")
        );
    }

    #[test]
    fn participial_opener_takes_the_following_subject() {
        let b = body(&[
            "Ann Cole wrote about the day in her memoir.",
            "After saying her knee was “too swollen to walk on at all,” she was “rushed off to the county hospital” for tests.",
        ]);
        let qs = run(&b);
        assert_eq!(speaker_of(&qs, "rushed off"), Some("Ann Cole"));
    }

    #[test]
    fn quote_after_a_sentence_about_a_named_person() {
        let qs = run(
            "Sen. Ray Holt (Vt.), who lost the primary, named two reasons for hope. “Young voters are tired of the old fights and want change.”",
        );
        assert_eq!(speaker_of(&qs, "Young voters"), Some("Ray Holt"));
    }

    #[test]
    fn bare_name_before_dash_must_open_its_clause() {
        let qs = run(
            "Jo Park said he has grown fond of Mr. Lee -- “a very different man from the one I first met.”",
        );
        assert_eq!(speaker_of(&qs, "a very different"), Some("Jo Park"));
    }

    #[test]
    fn speech_verbs_in_any_regular_form() {
        let qs = run(&body(&[
            "Dana Ruiz also bemoaned a climate in which people “literally hate each other over politics.”",
            "“We have done this before and we will do it again,” gushed Lee Tran on Monday.",
            "“Look at the numbers from last year and the year before,” Kim Osei notes.",
        ]));
        assert_eq!(speaker_of(&qs, "literally hate"), Some("Dana Ruiz"));
        assert_eq!(speaker_of(&qs, "We have done"), Some("Lee Tran"));
        assert_eq!(speaker_of(&qs, "Look at the numbers"), Some("Kim Osei"));
    }

    #[test]
    fn a_noun_that_is_also_a_speech_verb_is_not_a_cue() {
        // "proposed" is an adjective here, "remarks" a noun: the speaker is the subject of
        // "said", and a noun phrase is never taken for a name.
        let qs = run(
            "The lawmaker, Ana Cruz, said the remarks “have had wide dissemination across the whole country.”",
        );
        assert_eq!(
            speaker_of(&qs, "have had wide"),
            Some("Ana Cruz"),
            "{qs:#?}"
        );
    }

    #[test]
    fn description_with_a_named_person_in_apposition_is_that_person() {
        let qs = run(&body(&[
            "The bureau did not find “ties of any consequence to anyone at all,” said the bureau's director, Jon B. Amos, on Monday.",
            "A top strategist, Ray Weld, said the plan was to “drive somebody else out of the race for good.”",
        ]));
        let q = qs.iter().find(|q| q.text.starts_with("ties of")).unwrap();
        assert_eq!(q.speaker.as_deref(), Some("Jon B. Amos"));
        assert_eq!(q.role.as_deref(), Some("the bureau's director"));
        assert_eq!(speaker_of(&qs, "drive somebody"), Some("Ray Weld"));
    }

    #[test]
    fn fronted_adverbials_and_participles_are_not_speakers() {
        let qs = run(&body(&[
            "In an interview, Sam Hale, a former vice president of sales, said she “was personally and very heavily involved in the research.”",
            "Appearing before supporters at the party headquarters, Aung Mya said it was too early but added, “I think you all have an idea of the results.”",
            "Reached by phone, Bo Dent denied the report, explaining that he was “taking a day off from all of the work.”",
            "At a conference that month in Aspen, Colo., the history graduate ended her speech by quoting a poem: “Every obstacle yields to stern resolve in the end.”",
        ]));
        assert_eq!(speaker_of(&qs, "was personally"), Some("Sam Hale"));
        assert_eq!(speaker_of(&qs, "I think you all"), Some("Aung Mya"));
        assert_eq!(speaker_of(&qs, "taking a day"), Some("Bo Dent"));
        assert_eq!(
            speaker_of(&qs, "Every obstacle"),
            Some("the history graduate")
        );
    }

    #[test]
    fn the_subject_of_a_passive_cue_is_not_its_speaker() {
        let qs = run(
            "According to the court papers, the sales staff were told, “You don't sell products or solutions. You sell feelings.”",
        );
        assert_ne!(speaker_of(&qs, "You don't sell"), Some("the sales staff"));
    }

    #[test]
    fn institutions_phrasal_cues_and_infinitives() {
        let qs = run(&body(&[
            "During the call, the two leaders “reaffirmed their shared commitment to the talks,” the White House said.",
            "Mae Lin fired back that the “people of this city voted for me twice” in the past.",
            "The email went on to say: “Today people just don’t feel as much of a need to show up.”",
            "“The two cases are quite different from each other,” one of the former prosecutors for the state said.",
        ]));
        let q = qs
            .iter()
            .find(|q| q.text.starts_with("reaffirmed"))
            .unwrap();
        assert_eq!(q.speaker.as_deref(), Some("the White House"));
        assert_eq!(q.speaker_kind, Some(SpeakerKind::Organisation));
        assert_eq!(speaker_of(&qs, "people of this city"), Some("Mae Lin"));
        let q = qs
            .iter()
            .find(|q| q.text.starts_with("Today people"))
            .unwrap();
        assert_eq!(q.speaker.as_deref(), Some("The email"));
        assert_eq!(q.speaker_kind, Some(SpeakerKind::Document));
        let q = qs
            .iter()
            .find(|q| q.text.starts_with("The two cases"))
            .unwrap();
        assert_eq!(q.speaker_kind, Some(SpeakerKind::Person), "{q:?}");
    }

    #[test]
    fn a_description_with_a_prepositional_complement_is_one_speaker() {
        let qs = run(&body(&[
            "“This is the worst week for the party in years,” a senior official at the State Department told reporters.",
            "“Will he be the next attorney general?” a Democratic staffer in the room wondered.",
        ]));
        assert_eq!(
            speaker_of(&qs, "This is the worst"),
            Some("a senior official at the State Department")
        );
        assert_eq!(
            speaker_of(&qs, "Will he be"),
            Some("a Democratic staffer in the room")
        );
    }

    #[test]
    fn pathological_inputs_stay_fast_and_safe() {
        use std::time::Instant;
        let t = Instant::now();
        let long_line = "He said “a b c d e f, ".repeat(500_000); // ~11 MB, one paragraph
        let _ = extract_quotes(&long_line);
        let paras = vec!["“unclosed quote in this paragraph, said Smith"; 10_000].join("\n\n");
        let qs = extract_quotes(&paras);
        assert_eq!(qs.len(), 10_000);
        let noise = "\"''``“”‘’'\n\n. . . ? ! ” “ \" ".repeat(20_000);
        let _ = extract_quotes(&noise);
        for s in [
            "",
            "“",
            "”",
            "\"",
            "''",
            "``",
            "‘",
            "“”",
            "\n\n“\n\n",
            "é“é”é",
        ] {
            let _ = run(s);
        }
        assert!(t.elapsed().as_secs() < 20, "took {:?}", t.elapsed());
    }
}
