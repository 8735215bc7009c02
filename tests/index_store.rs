//! What the reader reads from the index without loading articles: the summaries from the
//! index's columns, and the findings stored one record per line with their headings.

mod common;

use std::path::PathBuf;

use common::Sandbox;
use crosscheck::corpus::Limits;
use crosscheck::crossref::{Record, RecordKind};
use crosscheck::index::{Analysis, ArticleSummary, CorpusIndex};

/// An update with the findings computed, as the reader runs it.
fn update(idx: &mut CorpusIndex, roots: &[PathBuf]) {
    idx.update(roots, &Limits::default(), Analysis::Now, &mut |_| {})
        .unwrap();
}

fn indexed(sb: &Sandbox) -> (CorpusIndex, Vec<PathBuf>) {
    let roots = vec![sb.copy_seeds()];
    let mut idx = CorpusIndex::open(&sb.index_dir(), &roots).unwrap();
    update(&mut idx, &roots);
    (idx, roots)
}

#[test]
fn summaries_from_the_columns_match_the_stored_articles() {
    let sb = Sandbox::new();
    let (idx, _) = indexed(&sb);
    let from_columns = idx.summaries().unwrap();
    let from_documents: Vec<ArticleSummary> = idx
        .articles()
        .unwrap()
        .iter()
        .map(ArticleSummary::of)
        .collect();
    assert_eq!(from_columns.len(), 5);
    assert_eq!(from_columns, from_documents);
    assert!(from_columns.iter().any(|s| s.quotes > 0 && s.figures > 0));
    assert_eq!(from_columns.iter().filter(|s| s.title.is_some()).count(), 3);
    assert!(
        from_columns
            .iter()
            .any(|s| s.date.is_some() && s.source.is_some())
    );
}

#[test]
fn stored_findings_match_the_analysis_and_are_found_by_article() {
    let sb = Sandbox::new();
    let (idx, _) = indexed(&sb);
    let findings = idx.findings();
    assert!(idx.findings_current(&findings));
    let crossref = idx.crossref().unwrap();
    let records = findings.all().unwrap();
    assert_eq!(
        crosscheck::crossref::from_records(records.clone()),
        crossref
    );
    assert_eq!(findings.len(), records.len());
    for (n, r) in records.iter().enumerate() {
        assert_eq!(&findings.heads()[n], &r.head());
        for key in r.article_keys() {
            let id = format!("{key:016x}");
            assert!(findings.of_article(&id).contains(&(n as u32)), "{id} {n}");
        }
    }
    // The headline finding (650 vs 1,255) comes first and touches two articles.
    assert!(matches!(
        findings.heads()[0].kind,
        RecordKind::Finding(crosscheck::crossref::FindingKind::ChangedOverTime)
    ));
    let Record::Finding(f) = findings.record(0).unwrap() else {
        panic!("not a finding")
    };
    assert!(f.claims.iter().any(|c| c.text.contains("1,255")));
}

#[test]
fn damaged_findings_are_recomputed_not_trusted() {
    let sb = Sandbox::new();
    let (mut idx, roots) = indexed(&sb);
    let before = idx.crossref().unwrap();
    // Cut the records file short: the headings now point past its end.
    let records_file = std::fs::read_dir(sb.index_dir())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .expect("a records file");
    let len = std::fs::metadata(&records_file).unwrap().len();
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(&records_file)
        .unwrap();
    f.set_len(len / 2).unwrap();
    let damaged = idx.findings();
    assert!(damaged.is_empty(), "a short records file is not used");
    assert!(!idx.findings_current(&damaged));
    // The next update (nothing changed in the corpus) recomputes them.
    update(&mut idx, &roots);
    let f = idx.findings();
    assert!(idx.findings_current(&f));
    assert_eq!(crosscheck::crossref::from_records(f.all().unwrap()), before);
    // Old records files are removed.
    let jsonl = std::fs::read_dir(sb.index_dir())
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|e| e == "jsonl"))
        .count();
    assert_eq!(jsonl, 1);
}

#[test]
fn no_update_searches_the_index_as_it_is() {
    let sb = Sandbox::new();
    let corpus = sb.copy_seeds();
    let c = corpus.display().to_string();
    let r = sb.json(&["search", "zygomorphic", &c, "--json"]);
    assert_eq!(r["total"], 0);
    std::fs::write(
        corpus.join("new.txt"),
        "A zygomorphic headline\n\nThe zygomorphic flower, said Dr Ann Lee, is rare.\n",
    )
    .unwrap();
    let r = sb.json(&["--no-update", "search", "zygomorphic", &c, "--json"]);
    assert_eq!(r["total"], 0, "--no-update does not read the new file");
    let r = sb.json(&["search", "zygomorphic", &c, "--json"]);
    assert_eq!(r["total"], 1, "without it, the new file is indexed first");
}

#[test]
fn an_index_named_without_paths_keeps_the_corpus_it_was_built_from() {
    let sb = Sandbox::new();
    let corpus = sb.path("own");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(
        corpus.join("a.txt"),
        "Quokka census\n\nRangers counted 1,200 quokkas on the island, said Dr Mia Stone.\n",
    )
    .unwrap();
    let c = corpus.display().to_string();
    let r = sb.json(&["index", &c, "--json"]);
    assert_eq!(r["indexed"], 1, "{r}");
    // No paths: the corpus recorded in the index, not the configured one or the seeds.
    let r = sb.json(&["search", "quokkas", "--json"]);
    assert_eq!(r["total"], 1, "{r}");
    let r = sb.json(&["search", "287(g)", "--json"]);
    assert_eq!(r["total"], 0, "the seeds were not indexed into it: {r}");
}
