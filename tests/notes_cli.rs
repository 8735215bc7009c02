//! Verdicts, notes and the report: `crosscheck note`, `notes` and `export` on a copy of
//! the seeds.

mod common;

use common::Sandbox;
use serde_json::Value;

/// (claim id, text, path) of every statistic and quotation in `claims --json`.
fn claims(sb: &Sandbox, corpus: &str) -> Vec<(String, String, String)> {
    let c = sb.json(&["claims", corpus, "--json"]);
    let mut out = Vec::new();
    for a in c["articles"].as_array().unwrap() {
        for kind in ["quotes", "statistics"] {
            for claim in a[kind].as_array().unwrap() {
                out.push((
                    claim["id"].as_str().unwrap().to_string(),
                    claim["text"].as_str().unwrap().to_string(),
                    a["path"].as_str().unwrap().to_string(),
                ));
            }
        }
    }
    out
}

fn id_of(all: &[(String, String, String)], text: &str) -> String {
    all.iter()
        .find(|c| c.1 == text)
        .unwrap_or_else(|| panic!("no claim {text}"))
        .0
        .clone()
}

fn run_ok(sb: &Sandbox, args: &[&str]) -> String {
    let out = sb.run(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_note_on_the_moved_figure_is_kept_listed_and_exported() {
    let sb = Sandbox::new();
    let corpus = sb.copy_seeds().display().to_string();
    let all = claims(&sb, &corpus);
    let ids: std::collections::HashSet<&String> = all.iter().map(|c| &c.0).collect();
    assert_eq!(ids.len(), all.len(), "claim ids are unique");
    let id = id_of(&all, "1,255");
    run_ok(
        &sb,
        &[
            "note",
            &id,
            &corpus,
            "--verdict",
            "disputed",
            "--text",
            "ICE page: 1,255 as of Dec. 23",
        ],
    );
    let bad = sb.run(&["note", &id, &corpus, "--verdict", "maybe"]);
    assert_eq!(bad.status.code(), Some(2));
    let missing = sb.run(&["note", "s-0000000000000000", &corpus, "--verdict", "false"]);
    assert_eq!(missing.status.code(), Some(1));

    let notes = sb.json(&["notes", &corpus, "--json"]);
    let list = notes["annotations"].as_array().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["claim_id"], id.as_str());
    assert_eq!(list[0]["verdict"], "disputed");
    assert_eq!(list[0]["orphaned"], false);

    // Markdown: the finding with both sentences, outlets, and the note on its side.
    let md = run_ok(&sb, &["export", &corpus, "--format", "md"]);
    assert!(
        md.contains("**changed over time: 287(g) agreements**"),
        "{md}"
    );
    assert!(md.contains("has more than quadrupled — to about 650 — since Trump took office"));
    assert!(md.contains("As of Dec. 23, ICE has signed 1,255 agreements"));
    assert!(md.contains("Washington Examiner"));
    assert!(
        md.contains("**verdict: disputed** · note: ICE page: 1,255 as of Dec. 23"),
        "{md}"
    );
    assert!(md.contains("### Quotations by speaker") && md.contains("**Bacardi Jackson**"));

    // CSV: one row per claim, parsed by the csv crate; the note on its row.
    let csv_text = run_ok(&sb, &["export", &corpus, "--format", "csv"]);
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = r.headers().unwrap().clone();
    assert_eq!(&headers[0], "claim_id");
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), all.len());
    let noted = rows.iter().find(|row| row[0] == *id).unwrap();
    assert_eq!(&noted[9], "disputed");
    assert_eq!(&noted[10], "ICE page: 1,255 as of Dec. 23");
    let annotated = run_ok(&sb, &["export", &corpus, "--format", "csv", "--annotated"]);
    assert_eq!(
        csv::Reader::from_reader(annotated.as_bytes())
            .records()
            .count(),
        1
    );

    // JSON, to a file.
    let out_file = sb.path("report.json");
    run_ok(
        &sb,
        &[
            "export",
            &corpus,
            "--format",
            "json",
            "-o",
            out_file.to_str().unwrap(),
        ],
    );
    let j: Value = serde_json::from_str(&std::fs::read_to_string(&out_file).unwrap()).unwrap();
    let claim = j["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["claim_id"] == id.as_str())
        .unwrap();
    assert_eq!(claim["annotation"]["note"], "ICE page: 1,255 as of Dec. 23");
    assert!(
        j["stories"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["kind"] == "changed over time")
    );
}

#[test]
fn a_note_follows_a_moved_file_and_is_orphaned_not_lost_when_its_claim_goes() {
    let sb = Sandbox::new();
    let corpus_dir = sb.copy_seeds();
    let corpus = corpus_dir.display().to_string();
    let all = claims(&sb, &corpus);
    let id = id_of(&all, "1,255");
    run_ok(&sb, &["note", &id, &corpus, "--text", "check"]);
    let path = corpus_dir.join("002_35dce5ad12aa194f.txt");
    let moved = corpus_dir.join("renamed.txt");
    std::fs::rename(&path, &moved).unwrap();
    let notes = sb.json(&["notes", &corpus, "--json"]);
    assert_eq!(notes["annotations"][0]["orphaned"], false, "{notes}");
    assert!(
        notes["annotations"][0]["article_path"]
            .as_str()
            .unwrap()
            .ends_with("renamed.txt")
    );
    // The claim is edited away: the note stays, marked orphaned.
    let text = std::fs::read_to_string(&moved)
        .unwrap()
        .replace("1,255", "many");
    std::fs::write(&moved, text).unwrap();
    let notes = sb.json(&["notes", &corpus, "--json"]);
    assert_eq!(notes["annotations"].as_array().unwrap().len(), 1);
    assert_eq!(notes["annotations"][0]["orphaned"], true, "{notes}");
    assert_eq!(notes["annotations"][0]["note"], "check");
    let md = run_ok(&sb, &["export", &corpus]);
    assert!(
        md.contains("orphaned: the claim is no longer in the corpus"),
        "{md}"
    );
    // It can still be cleared by its id.
    run_ok(&sb, &["note", &id, &corpus, "--clear"]);
    assert_eq!(
        sb.json(&["notes", &corpus, "--json"])["annotations"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
}

#[test]
fn two_processes_annotating_at_once_lose_nothing() {
    let sb = Sandbox::new();
    let corpus = sb.copy_seeds().display().to_string();
    sb.run(&["index", &corpus]);
    let all = claims(&sb, &corpus);
    let ids: Vec<String> = all.iter().take(12).map(|c| c.0.clone()).collect();
    std::thread::scope(|s| {
        for half in ids.chunks(6) {
            let (sb, corpus) = (&sb, &corpus);
            s.spawn(move || {
                for id in half {
                    let out = sb.run(&[
                        "--no-update",
                        "note",
                        id,
                        corpus,
                        "--text",
                        &format!("note on {id}"),
                    ]);
                    assert!(
                        out.status.success(),
                        "{}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                }
            });
        }
    });
    let notes = sb.json(&["notes", &corpus, "--json"]);
    let got: std::collections::HashSet<&str> = notes["annotations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["claim_id"].as_str().unwrap())
        .collect();
    assert_eq!(got.len(), ids.len(), "{notes}");
}

#[test]
fn a_note_survives_a_new_extractor_version_and_the_rebuild_it_causes() {
    let sb = Sandbox::new();
    let corpus = sb.copy_seeds().display().to_string();
    let all = claims(&sb, &corpus);
    let id = id_of(&all, "1,255");
    run_ok(&sb, &["note", &id, &corpus, "--verdict", "confirmed"]);
    // The index says an older extractor made it: the next command re-extracts everything.
    let meta_path = sb.index_dir().join("crosscheck.json");
    let mut meta: Value = serde_json::from_slice(&std::fs::read(&meta_path).unwrap()).unwrap();
    let now = meta["extractor"].as_u64().unwrap();
    meta["extractor"] = Value::from(now - 1);
    std::fs::write(&meta_path, serde_json::to_vec(&meta).unwrap()).unwrap();
    let out = sb.run(&["notes", &corpus, "--json"]);
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("claim extraction has changed"),
        "the index was rebuilt: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let notes: Value = serde_json::from_slice(&out.stdout).unwrap();
    let a = &notes["annotations"][0];
    assert_eq!(a["orphaned"], false, "{notes}");
    assert_eq!(a["claim_id"], id.as_str());
    assert_eq!(a["verdict"], "confirmed");
    // And the re-extracted claim carries the same id.
    assert_eq!(id_of(&claims(&sb, &corpus), "1,255"), id);
}
