//! Unit tests for `stats`: the seed articles' figures, one small case per rule,
//! robustness on hostile input, and the hand-annotated precision/recall check.

use super::*;
use crate::claims::Qualifier;

#[path = "gold.rs"]
mod gold;

fn find<'a>(stats: &'a [Statistic], text: &str) -> &'a Statistic {
    stats.iter().find(|s| s.text == text).unwrap_or_else(|| {
        panic!(
            "no statistic {text:?} in {:#?}",
            stats.iter().map(|s| &s.text).collect::<Vec<_>>()
        )
    })
}

fn values(body: &str) -> Vec<f64> {
    extract_statistics(body).iter().map(|s| s.value).collect()
}

fn check_offsets(body: &str) {
    for s in extract_statistics(body) {
        assert_eq!(&body[s.start..s.end], s.text);
        assert!(
            s.sentence.contains(&s.text),
            "{:?} not in {:?}",
            s.text,
            s.sentence
        );
    }
}

// --- Seeds -----------------------------------------------------------------

const SEED_WLRN: &str = "The organizers said they delivered a letter — signed by over 12,000 “faith leaders and people of faith from across the country” — asking sheriffs to “stop enabling Trump’s deportation agenda.”\n\nThe organizers are specifically opposed to the so-called 287(g) agreement — the pact authorizes local police.\n\nThe number of 287(g) agreements has more than quadrupled — to about 650 — since Trump took office in January.\n\nAlmost 250 police agencies across Florida have signed the agreement, including sheriff’s offices in all 67 counties. Florida requires sheriff departments running county jails to do so.© 2025 WLRN\nPlay Live Radio\nNext Up:\n0:00\n0:00\n0:00 0:00\nAvailable On Air Stations";

const SEED_MIAMI: &str = "Immigrants and advocates of immigrants in Florida on Tuesday, April 1, 20125, denounced a partnership.\n\nThe City of Miami will debate the proposal on Tuesday during its scheduled city commission meeting, beginning at 9 a.m. Opponents of the 287(g) agreement plan to rally at Miami City Hall at 8:15 am ahead of the city commission’s vote.\n\n“Miami residents deserve to take their children to school,” Jackson said, noting half the city’s population are immigrants.";

const SEED_EXAMINER: &str = "As President Donald Trump prepares to begin his second year in office, three House Democrats have reintroduced legislation to end the 287(g) program, which originated from the 1996 Illegal Immigration Reform and Immigrant Responsibility Act.\n\nAs of Dec. 23, ICE has signed 1,255 agreements with local jurisdictions across 40 states — more than at any other point in its history, according to ICE’s website.\n\nThat means local and state police in more than 1,250 departments nationwide are turning people they suspect to be illegal immigrants over to ICE.\n\nFlorida state troopers who opted into the 287(g) partnerships have arrested 6,200 illegal immigrants off the streets and turned them over to federal immigration authorities.\n\nThe county did not detain him, and 23-year-old Marvin Morales-Ortez was arrested the following day.";

const SEED_ACLU: &str = "Miami is a majority-immigrant city, with 55% of our residents being foreign-born and 67% identifying as Hispanic or Latino. Our immigrant community contributes substantially to our economy:\n\n    • Immigrants represent 65% of Miami-Dade's employed labor force\n    • Immigrant entrepreneurs account for 73.9% of all business owners in Miami-Dade County\n    • Immigrants contribute over $4 billion annually in state and local taxes\n\nAnd 287(g) agreements open cities up to expensive legal liability—Marion County, Florida settled just one wrongful detention case for $150,000.\n\n    1. Vote NO on all forms of 287(g) agreements at the June 12th meeting\n    2. Maintain a clear separation between local law enforcement and federal immigration enforcement";

const SEED_ABS: &str = "More than 60 law enforcement heads penned a letter to the president on Monday, Feb. 27, asking him to soften his aggressive approach.\n\nIn their letter, current and former police chiefs from states won by Trump in the contentious 2016 election asserted that immigration enforcement is the government’s responsibility.\n\nOrlando Police Chief John Mina was one of many senior law enforcement officials who signed the letter.\n\nSo far, Immigration and Customs Enforcement has reviewed new 287(g) applications from six law enforcement departments in February, The Guardian reported. The agency expects to review eight to 10 more in March.";

#[test]
fn seed_wlrn() {
    let st = extract_statistics(SEED_WLRN);
    let s = find(&st, "12,000");
    assert_eq!(s.value, 12000.0);
    assert_eq!(s.qualifier, Some(Qualifier::LowerBound));
    assert_eq!(
        s.subject.as_deref(),
        Some("faith leaders and people of faith from across the country")
    );
    let s = find(&st, "650");
    assert_eq!(s.qualifier, Some(Qualifier::Approximate));
    assert_eq!(s.subject.as_deref(), Some("287(g) agreements"));
    assert_eq!(
        s.time.as_deref(),
        Some("since Trump took office in January")
    );
    let s = find(&st, "quadrupled");
    assert_eq!(
        (s.value, s.kind, s.qualifier),
        (4.0, StatKind::Ratio, Some(Qualifier::LowerBound))
    );
    assert_eq!(s.subject.as_deref(), Some("287(g) agreements"));
    let s = find(&st, "250");
    assert_eq!(s.qualifier, Some(Qualifier::Approximate));
    assert_eq!(s.subject.as_deref(), Some("police agencies across Florida"));
    let s = find(&st, "67");
    assert_eq!(s.qualifier, Some(Qualifier::Exact));
    assert_eq!(s.subject.as_deref(), Some("counties"));
    // 287(g), 2025 and the 0:00 player timestamps are not statistics.
    assert_eq!(st.len(), 5, "{st:#?}");
    check_offsets(SEED_WLRN);
}

#[test]
fn seed_miami_dates_times_and_half() {
    let st = extract_statistics(SEED_MIAMI);
    assert_eq!(st.len(), 1, "{st:#?}");
    assert_eq!((st[0].value, st[0].kind), (0.5, StatKind::Fraction));
    assert_eq!(st[0].subject.as_deref(), Some("city's population"));
}

#[test]
fn seed_examiner() {
    let st = extract_statistics(SEED_EXAMINER);
    let s = find(&st, "three");
    assert_eq!(
        (s.value, s.subject.as_deref()),
        (3.0, Some("House Democrats"))
    );
    let s = find(&st, "1,255");
    assert_eq!(s.value, 1255.0);
    assert!(s.subject.as_deref().unwrap().starts_with("agreements"));
    assert_eq!(s.time.as_deref(), Some("As of Dec. 23"));
    let s = find(&st, "40");
    assert_eq!(s.subject.as_deref(), Some("states"));
    let s = find(&st, "1,250");
    assert_eq!(s.subject.as_deref(), Some("departments nationwide"));
    assert_eq!(s.qualifier, Some(Qualifier::LowerBound));
    let s = find(&st, "6,200");
    // "have arrested 6,200 illegal immigrants": the event is part of what is counted.
    assert_eq!(s.subject.as_deref(), Some("illegal immigrants arrested"));
    let s = find(&st, "23-year-old");
    assert_eq!((s.value, s.kind), (23.0, StatKind::Age));
    assert!(st.iter().all(
        |s| s.value != 1996.0 && s.value != 287.0 && s.value != 23.0 || s.kind == StatKind::Age
    ));
    assert_eq!(st.len(), 6, "{st:#?}");
    check_offsets(SEED_EXAMINER);
}

#[test]
fn seed_aclu() {
    let st = extract_statistics(SEED_ACLU);
    let s = find(&st, "55%");
    assert_eq!(
        (s.value, s.kind, s.unit.as_deref()),
        (55.0, StatKind::Percent, Some("%"))
    );
    assert_eq!(s.subject.as_deref(), Some("residents being foreign-born"));
    let s = find(&st, "67%");
    assert!(s.subject.as_deref().unwrap().contains("Hispanic or Latino"));
    let s = find(&st, "65%");
    assert_eq!(
        s.subject.as_deref(),
        Some("Miami-Dade's employed labor force")
    );
    let s = find(&st, "73.9%");
    assert_eq!(s.value, 73.9);
    assert!(
        s.subject
            .as_deref()
            .unwrap()
            .contains("business owners in Miami-Dade County")
    );
    let s = find(&st, "$4 billion");
    assert_eq!(
        (s.value, s.unit.as_deref(), s.kind),
        (4e9, Some("USD"), StatKind::Money)
    );
    assert_eq!(s.subject.as_deref(), Some("state and local taxes"));
    assert_eq!(s.qualifier, Some(Qualifier::LowerBound));
    let s = find(&st, "$150,000");
    assert_eq!(s.value, 150000.0);
    assert_eq!(s.subject.as_deref(), Some("wrongful detention case"));
    let s = find(&st, "one");
    assert_eq!(s.subject.as_deref(), Some("wrongful detention case"));
    // No list numbers, no "June 12th", no 287(g).
    assert_eq!(st.len(), 7, "{st:#?}");
    check_offsets(SEED_ACLU);
}

#[test]
fn seed_atlanta_black_star() {
    let st = extract_statistics(SEED_ABS);
    let s = find(&st, "60");
    assert_eq!(s.subject.as_deref(), Some("law enforcement heads"));
    assert_eq!(s.qualifier, Some(Qualifier::LowerBound));
    let s = find(&st, "six");
    assert_eq!(s.subject.as_deref(), Some("law enforcement departments"));
    assert_eq!(s.time.as_deref(), Some("in February"));
    let s = find(&st, "eight to 10");
    assert_eq!(
        (s.value, s.high, s.kind),
        (8.0, Some(10.0), StatKind::Range)
    );
    assert_eq!(s.time.as_deref(), Some("in March"));
    // "Feb. 27", "2016", "one of many" are not statistics.
    assert_eq!(st.len(), 3, "{st:#?}");
    check_offsets(SEED_ABS);
}

// --- One case per rule ----------------------------------------------------

#[test]
fn money_normalisation() {
    assert_eq!(
        values("It made £600m and $1.13bn last year."),
        vec![600e6, 1.13e9]
    );
    assert_eq!(values("The fund holds €3.5 million."), vec![3.5e6]);
    let st = extract_statistics("Profit was 5.5 mln dlrs.");
    assert_eq!((st[0].value, st[0].unit.as_deref()), (5.5e6, Some("USD")));
    let st = extract_statistics("Sales rose 12 pct.");
    assert_eq!(
        (st[0].value, st[0].unit.as_deref(), st[0].kind),
        (12.0, Some("%"), StatKind::Percent)
    );
    assert_eq!(values("It cost US$20 and A$30."), vec![20.0, 30.0]);
}

#[test]
fn number_words() {
    assert_eq!(values("They hired twenty-five new staff."), vec![25.0]);
    assert_eq!(values("About 1.5 million people voted."), vec![1.5e6]);
    assert_eq!(values("It took two and a half years."), vec![2.5]);
    assert_eq!(values("A dozen people came."), vec![12.0]);
}

#[test]
fn fractions_and_ratios() {
    let st = extract_statistics("Two-thirds of voters and a third of the members agreed.");
    assert!((st[0].value - 2.0 / 3.0).abs() < 1e-12 && st[0].kind == StatKind::Fraction);
    assert!((st[1].value - 1.0 / 3.0).abs() < 1e-12);
    let st = extract_statistics("Sales doubled, costs tripled and output is 3 times higher.");
    assert_eq!(
        st.iter().map(|s| (s.value, s.kind)).collect::<Vec<_>>(),
        vec![
            (2.0, StatKind::Ratio),
            (3.0, StatKind::Ratio),
            (3.0, StatKind::Ratio)
        ]
    );
    assert_eq!(
        values("The deficit is close to half a trillion dollars."),
        vec![5e11]
    );
    assert_eq!(values("The first half was dull."), Vec::<f64>::new());
}

#[test]
fn mixed_numbers_are_one_figure() {
    for (text, want) in [
        ("The hearing took 4½ hours.", 4.5),
        ("He scored 10 points in the first 7 ½ minutes.", 7.5),
        ("The fire burned 3 1/2 acres.", 3.5),
        ("He testified after 4 1 / 2 hours of questioning.", 4.5),
    ] {
        let st = extract_statistics(text);
        assert!(
            st.iter().any(|s| s.value == want && s.unit.is_some()),
            "{text}: {st:#?}"
        );
        assert!(
            !st.iter().any(|s| s.value == 1.0 || s.value == 2.0),
            "{text}: {st:#?}"
        );
        check_offsets(text);
    }
    // A date or a ratio is no fraction of the number before it.
    assert_eq!(values("It rained 3 days in 24/7 coverage."), vec![3.0]);
    assert!(
        values("The vote was 5 3/7 short.")
            .iter()
            .all(|&v| v != 5.0 + 3.0 / 7.0)
    );
}

#[test]
fn ranges() {
    let st = extract_statistics("Prices rose 8-10% while between 5 and 7 firms left.");
    assert_eq!(
        (st[0].value, st[0].high, st[0].unit.as_deref()),
        (8.0, Some(10.0), Some("%"))
    );
    assert_eq!((st[1].value, st[1].high), (5.0, Some(7.0)));
    // "from X to Y" is a change, not a range.
    assert_eq!(values("It grew from 5 to 7 stores."), vec![5.0, 7.0]);
    // A score is not a range nor a statistic.
    assert_eq!(values("Chelsea won 2-1 at home."), Vec::<f64>::new());
}

#[test]
fn qualifiers() {
    let q = |s: &str| extract_statistics(s)[0].qualifier;
    assert_eq!(q("Nearly 40 people came."), Some(Qualifier::Approximate));
    assert_eq!(q("At least 40 people came."), Some(Qualifier::LowerBound));
    assert_eq!(q("Fewer than 40 people came."), Some(Qualifier::UpperBound));
    assert_eq!(q("As many as 40 people came."), Some(Qualifier::UpperBound));
    assert_eq!(
        q("An estimated 40 people came."),
        Some(Qualifier::Approximate)
    );
    assert_eq!(q("Exactly 40 people came."), Some(Qualifier::Exact));
    assert_eq!(q("Then 40 people came."), None);
}

#[test]
fn ages_and_measures() {
    let st = extract_statistics("The 23-year-old ran 10 km, and a man aged 45 carried 5 tonnes.");
    assert_eq!((st[0].value, st[0].kind), (23.0, StatKind::Age));
    assert_eq!(
        (st[1].value, st[1].unit.as_deref(), st[1].kind),
        (10.0, Some("km"), StatKind::Measure)
    );
    assert_eq!((st[2].value, st[2].kind), (45.0, StatKind::Age));
    assert_eq!(st[3].unit.as_deref(), Some("tonnes"));
    let st =
        extract_statistics("She won the 200m final, and BBC-style 5m people watched on 3G phones.");
    assert_eq!((st[0].value, st[0].unit.as_deref()), (200.0, Some("m")));
    assert_eq!(st[1].value, 5e6);
    assert_eq!(st.len(), 2);
}

#[test]
fn not_statistics() {
    for s in [
        "The 287(g) program began in 1996.",
        "Under Section 8 and Title IX, COVID-19 hit I-95 drivers in a Boeing 747.",
        "The G7 met on Dec. 23 and June 12th, at 9 a.m. and 8:15 am.",
        "In the 1990s, the 21st century began; his second year started.",
        "Call 555-123-4567 or visit www.example.com/page2 or mail a1@b2.org.",
        "No one came. One of the officials left. One day it rained.",
        "0:00",
        "On April 1, 20125, they met at 10 o'clock.",
        "Airbus A320 and Windows 7 and the Big Four.",
        "He was one of many senior officials.",
    ] {
        assert_eq!(extract_statistics(s), Vec::new(), "{s}");
    }
}

#[test]
fn list_numbering_is_skipped() {
    assert_eq!(values("Steps:\n1. Vote NO\n2. Call 3 friends"), vec![3.0]);
}

#[test]
fn subject_before_verb() {
    let st = extract_statistics("The unemployment rate rose to 5% in March.");
    assert_eq!(st[0].subject.as_deref(), Some("unemployment rate"));
    assert_eq!(st[0].time.as_deref(), Some("in March"));
}

#[test]
fn what_is_counted_past_other_and_more_and_before_of() {
    let subject = |s: &str| extract_statistics(s)[0].subject.clone();
    assert_eq!(
        subject("Eleven other church men were charged.").as_deref(),
        Some("church men")
    );
    assert_eq!(
        subject("Four more members are awaiting trial.").as_deref(),
        Some("members")
    );
    // "more than" is a bound, not a noun's modifier.
    assert_eq!(
        extract_statistics("Police detained more than 400 people.")[0]
            .subject
            .as_deref(),
        Some("people detained")
    );
    assert_eq!(
        subject("A crowd of about 130 gathered.").as_deref(),
        Some("crowd")
    );
    let st = extract_statistics("They got prison sentences ranging from seven to 75 years.");
    assert_eq!((st[0].value, st[0].high), (7.0, Some(75.0)));
    assert_eq!(st[0].subject.as_deref(), Some("prison sentences"));
    let st = extract_statistics("They got prison sentences of between six and 75 years.");
    assert_eq!(st[0].subject.as_deref(), Some("prison sentences"));
    // A change "from 5 to 7" stays two figures.
    assert_eq!(
        extract_statistics("Prices rose from 5 to 7 dollars.")[0].high,
        None
    );
}

#[test]
fn time_anchors() {
    let t = |s: &str| extract_statistics(s)[0].time.clone();
    assert_eq!(t("Last year 40 people came.").as_deref(), Some("Last year"));
    assert_eq!(
        t("By 2030, 40 people will come.").as_deref(),
        Some("By 2030")
    );
    assert_eq!(t("40 people came in 2016.").as_deref(), Some("in 2016"));
    assert_eq!(t("40 people came.").as_deref(), None);
}

// --- Robustness ------------------------------------------------------------

#[test]
fn hostile_inputs_do_not_panic_and_stay_linear() {
    let digits = "7".repeat(100_000);
    assert!(extract_statistics(&digits).is_empty());
    let brackets = format!("{}5 people{}", "(".repeat(1000), ")".repeat(1000));
    check_offsets(&brackets);
    let mut long = String::with_capacity(10_000_000);
    while long.len() < 10_000_000 {
        long.push_str("about 12 people and £5m, é 3% — ");
    }
    let t0 = std::time::Instant::now();
    let st = extract_statistics(&long);
    assert!(st.len() > 100_000);
    assert!(st.iter().all(|s| s.sentence.len() <= SENTENCE_MAX + 8));
    assert!(t0.elapsed().as_secs() < 60);
    for s in [
        "",
        "$",
        "£m",
        "1,",
        "1.",
        "-",
        "½",
        "€€€1",
        "1e400",
        "é1é",
        "$1bn$",
        "\u{00a0}5\u{00a0}%",
    ] {
        check_offsets(s);
    }
}

#[test]
fn multibyte_text_keeps_boundaries() {
    let body = "Über 40 Bürger — “café” 5€ and ₹300 crore… ½ 3½ 7‑8 “12”";
    check_offsets(body);
}

// --- Precision / recall on hand-annotated sentences -------------------------

/// Value precision/recall over a gold set; returns (precision, recall, report).
fn score(set: &[(&str, &[f64])]) -> (f64, f64, String) {
    let (mut tp, mut fp, mut gold_n, mut found_gold) = (0usize, 0usize, 0usize, 0usize);
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-12);
    let mut report = String::new();
    for (sent, want) in set {
        let st = extract_statistics(sent);
        gold_n += want.len();
        for g in *want {
            if st
                .iter()
                .any(|s| close(s.value, *g) || s.high.is_some_and(|h| close(h, *g)))
            {
                found_gold += 1;
            } else {
                report.push_str(&format!("MISS {g} in {sent}\n"));
            }
        }
        for s in &st {
            for v in std::iter::once(s.value).chain(s.high) {
                if want.iter().any(|g| close(v, *g)) {
                    tp += 1;
                } else {
                    fp += 1;
                    report.push_str(&format!("FP {v} ({}) in {sent}\n", s.text));
                }
            }
        }
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = found_gold as f64 / gold_n.max(1) as f64;
    (p, r, report)
}

#[test]
fn gold_precision_recall() {
    for (name, set) in [("tuning", gold::GOLD), ("held-out", gold::GOLD_HELDOUT)] {
        let (p, r, report) = score(set);
        let f1 = 2.0 * p * r / (p + r).max(1e-12);
        let n: usize = set.iter().map(|(_, g)| g.len()).sum();
        println!(
            "{report}{name}: {} sentences, {n} values, precision {p:.3}, recall {r:.3}, F1 {f1:.3}",
            set.len()
        );
        assert!(f1 >= 0.85, "{name} F1 {f1:.3}\n{report}");
    }
}

// --- Events, moving figures, magnitudes --------------------------------------

#[test]
fn the_event_verb_tells_killed_from_injured() {
    let body = "A strong earthquake struck on Monday, killing at least 1,300 people and injuring more than 5,000, officials said.\n\nThe storm left 15,000 people injured and 200 were arrested during the looting.";
    let st = extract_statistics(body);
    assert_eq!(find(&st, "1,300").subject.as_deref(), Some("people killed"));
    assert_eq!(find(&st, "5,000").subject.as_deref(), Some("injured"));
    assert_eq!(
        find(&st, "15,000").subject.as_deref(),
        Some("people injured")
    );
    check_offsets(body);
}

#[test]
fn the_subject_of_a_figure_that_rose_opens_its_clause() {
    let body = "ANKARA - The death toll from the earthquake that struck southern Turkey rose to 4,300 on Tuesday.\n\nOn Monday, the jobless rate stood at 5.2%, the agency said.";
    let st = extract_statistics(body);
    let toll = find(&st, "4,300").subject.clone().unwrap_or_default();
    assert!(toll.starts_with("death toll"), "{toll}");
    let rate = find(&st, "5.2%").subject.clone().unwrap_or_default();
    assert!(rate.contains("jobless rate"), "{rate}");
}

#[test]
fn an_earthquake_magnitude_is_a_measure() {
    let body = "A magnitude 7.8 earthquake struck the region. Officials later said it had a magnitude of 7.5.";
    let st = extract_statistics(body);
    for t in ["7.8", "7.5"] {
        let s = find(&st, t);
        assert_eq!(s.kind, StatKind::Measure, "{s:?}");
        assert_eq!(s.unit.as_deref(), Some("magnitude"));
        assert_eq!(s.subject.as_deref(), Some("magnitude"));
    }
}

#[test]
fn shares_written_as_words() {
    let body = "Half of the members agreed, and three in four parents kept their children home.";
    let stats = extract_statistics(body);
    assert_eq!(find(&stats, "Half").value, 0.5);
    assert_eq!(find(&stats, "three in four").value, 0.75);
    assert_eq!(find(&stats, "three in four").kind, StatKind::Fraction);
    // A half of a period is no share.
    assert!(values("Growth slowed in the first half of the year.").is_empty());
    check_offsets(body);
}

#[test]
fn a_year_like_number_before_a_plural_after_a_verb_is_a_count() {
    let stats = extract_statistics("The factory will cut 2000 jobs by next spring.");
    assert_eq!(find(&stats, "2000").value, 2000.0);
    // Years stay years: an adjective year, a year after a preposition.
    assert!(values("The 2016 elections were close.").is_empty());
    assert!(values("In 2000 voters chose a new mayor.").is_empty());
}

#[test]
fn a_figure_compared_with_the_one_before_counts_the_same_thing() {
    let body = "Net profit rose to 8.1 mln dlrs from 6.4 mln dlrs, and the club is valued at £800m ($1.5bn).";
    let stats = extract_statistics(body);
    let first = find(&stats, "8.1 mln dlrs").subject.clone();
    assert!(first.is_some(), "{stats:#?}");
    assert_eq!(find(&stats, "6.4 mln dlrs").subject, first);
    assert_eq!(
        find(&stats, "$1.5bn").subject,
        find(&stats, "£800m").subject
    );
    // A unit or a time word is no subject.
    let stats = extract_statistics("Output fell to 86,000 tonnes this year.");
    assert_ne!(find(&stats, "86,000").subject.as_deref(), Some("year"));
}

#[test]
fn the_noun_before_a_change_verb_is_what_moved() {
    let stats =
        extract_statistics("The company said February sales rose 26.2 pct to 8.0 mln dlrs.");
    assert_eq!(
        find(&stats, "26.2 pct").subject.as_deref(),
        Some("February sales")
    );
}

#[test]
fn no_casualties_is_a_count_of_zero() {
    let body = "Police said no injuries were reported. No one was killed in the attack. There is no reason to worry. No one said a word.";
    let stats = extract_statistics(body);
    let zero = find(&stats, "no");
    assert_eq!(zero.value, 0.0);
    assert_eq!(zero.kind, StatKind::Count);
    assert_eq!(zero.subject.as_deref(), Some("injuries"));
    let killed = find(&stats, "No one");
    assert_eq!(killed.value, 0.0);
    assert!(
        killed
            .subject
            .as_deref()
            .is_some_and(|s| s.starts_with("killed"))
    );
    // "no reason", "no one said": no count of anything.
    assert_eq!(stats.len(), 2, "{stats:#?}");
    check_offsets(body);
}

#[test]
fn a_thousands_group_split_by_a_space_is_one_number() {
    // Text tokenised and put back together leaves "22, 000" for "22,000".
    assert_eq!(
        values("Yida is home to more than 22, 000 refugees."),
        vec![22000.0]
    );
    assert_eq!(values("He has 2, 129 points."), vec![2129.0]);
    // A list, and a day of a month, stay apart.
    assert_eq!(
        values("Rooms 5, 6, 100 and 7 were empty."),
        vec![5.0, 6.0, 100.0, 7.0]
    );
    assert!(!values("By March 5, 200 people had left.").contains(&5200.0));
    check_offsets("Yida is home to more than 22, 000 refugees.");
}

#[test]
fn a_name_after_a_number_word_and_a_year_after_said_are_no_part_of_a_figure() {
    assert_eq!(
        values("He is one of four Six Nations captains in the squad."),
        vec![4.0]
    );
    assert!(values("The bank said 1986 profits met expectations.").is_empty());
    // A year-like count after an action verb still counts ("cut 2000 jobs").
    assert_eq!(values("The firm will cut 2000 jobs."), vec![2000.0]);
}

#[test]
fn metres_in_sport_before_the_event_s_words() {
    for body in [
        "He won his 60m world indoor silver medal in 2003.",
        "He was just wide with a 40m penalty in the 70th minute.",
    ] {
        let stats = extract_statistics(body);
        assert!(stats.iter().all(|s| s.value < 1000.0), "{stats:#?}");
    }
    // Without a sport's word, "m" after a number is still millions.
    assert_eq!(values("The firm has 60m customers."), vec![60_000_000.0]);
}

#[test]
fn a_point_split_by_a_space_is_one_number() {
    // Text tokenised and put back together leaves "6. 5" for "6.5", "a. 357" for "a .357".
    assert_eq!(
        values("He saw a crater about two metres (6. 5 feet) across."),
        vec![2.0, 6.5]
    );
    assert_eq!(
        values("After 4. 5 hours of testimony, they left."),
        vec![4.5]
    );
    assert_eq!(
        values("He pointed a. 357 caliber revolver at them."),
        vec![0.357]
    );
    // A numbered list stays apart.
    assert!(!values("Steps 1. 2. 3. were skipped.").contains(&1.2));
    check_offsets("He pointed a. 357 caliber revolver at them, after 4. 5 hours.");
}

#[test]
fn an_ordinal_day_of_an_event_is_a_span_of_days() {
    let stats = extract_statistics("Riots have overtaken the capital for the sixth straight day.");
    assert_eq!(stats.len(), 1, "{stats:#?}");
    assert_eq!(stats[0].value, 6.0);
    assert_eq!(stats[0].unit.as_deref(), Some("days"));
    assert_eq!(stats[0].subject.as_deref(), Some("riots"));
    let stats = extract_statistics("They marched on the eighth day of protests.");
    assert_eq!(
        (stats[0].value, stats[0].unit.as_deref()),
        (8.0, Some("days"))
    );
    assert_eq!(
        values("Crowds gathered for a third consecutive night."),
        vec![3.0]
    );
    // An ordinal day that is a date, or the first of anything, is no count.
    assert!(values("The fifth week of March was cold.").is_empty());
    assert!(values("On the second day, he spoke.").is_empty());
    assert!(values("It was the first day of the trial.").is_empty());
    check_offsets("Riots have overtaken the capital for the sixth straight day.");
}

#[test]
fn money_from_a_source_and_to_the_tune_of() {
    let subject = |body: &str| extract_statistics(body)[0].subject.clone();
    assert_eq!(
        subject(
            "The plan would unlock money from the city's road budget, to the tune of $3.5 billion."
        )
        .as_deref(),
        Some("city's road budget")
    );
    assert_eq!(
        subject("It lets the mayor divert $3.6 billion from school building projects.").as_deref(),
        Some("school building projects")
    );
    // The base of a comparison counts what the figure before it counts.
    let stats = extract_statistics("Sales fell to $5m from $7m.");
    assert_eq!(stats[1].subject.as_deref(), Some("Sales"));
}

#[test]
fn ages_written_in_haste() {
    for text in [
        "Jeffs assaulted the 11-year old girl.",
        "The 11-years-old girl testified.",
        "An 11 year old girl testified.",
        "The girl, 11 years old, testified.",
    ] {
        let st = extract_statistics(text);
        assert!(
            st.iter()
                .any(|s| s.value == 11.0 && s.kind == StatKind::Age),
            "{text}: {st:#?}"
        );
    }
    // A span of years is no age.
    let st = extract_statistics("He served an 11-year term.");
    assert!(st.iter().all(|s| s.kind != StatKind::Age), "{st:#?}");
}

#[test]
fn what_moves_is_the_clause_subject_or_the_verbs_object() {
    let body = "Growth in industrial output - the main target of policy - was 11.5% in 2004.\n\nSpending on roads will rise by 12%.\n\nThe firm is lowering its copper price by 0.50 cent to 65.50 cents a lb.\n\nOrders fell 7.5 pct in April to 517.4 billion yen.\n\nWalbro said first-quarter income, which was 1,953,000 dlrs, would rise.\n\nProduction in Chile is expected rise 3.5% this year.";
    let st = extract_statistics(body);
    let subject = |t: &str| find(&st, t).subject.clone().unwrap_or_default();
    assert!(subject("11.5%").contains("output"), "{st:#?}");
    assert!(subject("12%").starts_with("Spending"), "{st:#?}");
    assert!(subject("0.50 cent").contains("copper price"), "{st:#?}");
    assert_eq!(find(&st, "0.50 cent").high, None, "a change, not a range");
    assert!(subject("65.50 cents").contains("copper price"), "{st:#?}");
    assert_eq!(subject("7.5 pct"), "Orders");
    assert_eq!(subject("517.4 billion yen"), "Orders");
    assert!(subject("1,953,000 dlrs").ends_with("income"), "{st:#?}");
    assert!(subject("3.5%").starts_with("Production"), "{st:#?}");
    let st = extract_statistics("In April, Sears Group sales rose 4.5 pct to 4.46 billion dlrs.");
    assert_eq!(
        find(&st, "4.5 pct").subject.as_deref(),
        Some("Sears Group sales")
    );
    assert_eq!(
        find(&st, "4.46 billion dlrs").subject.as_deref(),
        Some("Sears Group sales")
    );
    check_offsets(body);
}

#[test]
fn an_age_between_commas_after_a_name() {
    let body = "Richard Perle, 45, told reporters he would stay. Agassi, now 34, has reached the final. The medals went to Britain, 45, France, 30, and Spain, 12.";
    let st = extract_statistics(body);
    let perle = find(&st, "45");
    assert_eq!(perle.kind, StatKind::Age);
    assert_eq!(perle.subject.as_deref(), Some("Richard Perle"));
    assert_eq!(find(&st, "34").kind, StatKind::Age);
    assert_eq!(find(&st, "34").subject.as_deref(), Some("Agassi"));
    let medals: Vec<_> = st.iter().filter(|s| s.value == 30.0).collect();
    assert!(medals.iter().all(|s| s.kind != StatKind::Age), "{st:#?}");
}

#[test]
fn alternatives_and_scaled_word_ranges() {
    let body = "He signed four or five central defenders. It will ship five to seven mln boxes. One said 5 or 50 would do. It offers a share for every 15, 18 or 20 held.";
    let st = extract_statistics(body);
    let r = find(&st, "four or five");
    assert_eq!((r.value, r.high, r.kind), (4.0, Some(5.0), StatKind::Range));
    let r = find(&st, "five to seven mln");
    assert_eq!((r.value, r.high), (5e6, Some(7e6)), "{r:#?}");
    assert!(st.iter().all(|s| s.high != Some(50.0)), "{st:#?}");
    assert!(st.iter().all(|s| s.high != Some(20.0)), "{st:#?}");
    check_offsets(body);
}

#[test]
fn ranks_house_numbers_and_lengths() {
    let body = "Kennedy moves to number eight and the world number three lost. The No. 7 official met Tony Blair at 10 Downing Street. The wall stretches for about 300m along the river, and 5m people saw it. New Labour's two most powerful figures met four men.";
    let st = extract_statistics(body);
    for v in [8.0, 3.0, 7.0, 10.0] {
        assert!(st.iter().all(|s| s.value != v), "{v}: {st:#?}");
    }
    let wall = find(&st, "300m");
    assert_eq!((wall.value, wall.kind), (300.0, StatKind::Measure));
    assert_eq!(wall.subject.as_deref(), Some("wall"));
    assert_eq!(find(&st, "5m").value, 5e6);
    assert_eq!(
        find(&st, "two").subject.as_deref(),
        Some("powerful figures")
    );
    check_offsets(body);
}

#[test]
fn a_countrys_dollars_and_amounts_a_share() {
    let body = "Dome sought 5.5 billion Canadian dlrs and 20 mln Hong Kong dollars. It paid 12 Swiss francs. The firm said net income was 1,953,000 dlrs, or 66 cts a share. The dividend was cut to 36.17p per share from the originally declared 35.18p.";
    let st = extract_statistics(body);
    let cad = find(&st, "5.5 billion Canadian dlrs");
    assert_eq!(
        (cad.kind, cad.unit.as_deref()),
        (StatKind::Money, Some("CAD"))
    );
    assert_eq!(
        find(&st, "20 mln Hong Kong dollars").unit.as_deref(),
        Some("HKD")
    );
    assert_eq!(find(&st, "12 Swiss francs").unit.as_deref(), Some("CHF"));
    assert_eq!(find(&st, "66 cts").subject.as_deref(), Some("net income"));
    let div = find(&st, "36.17p").subject.clone().unwrap_or_default();
    assert!(!div.contains("declared"), "{st:#?}");
    check_offsets(body);
}
