//! `crosscheck conflicts` on the seeds: the bars of the cross-article issue.

mod common;

use common::Sandbox;
use serde_json::Value;

fn conflicts() -> Value {
    let sb = Sandbox::new();
    let corpus = sb.copy_seeds().display().to_string();
    sb.json(&["conflicts", &corpus, "--json"])
}

fn file(v: &Value) -> String {
    v["path"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string()
}

fn values(f: &Value) -> Vec<f64> {
    f["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["value"].as_f64().unwrap())
        .collect()
}

#[test]
fn the_650_vs_1255_figure_moved_with_both_anchors() {
    let c = conflicts();
    let f = c["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| values(f).contains(&650.0) && values(f).contains(&1255.0))
        .unwrap_or_else(|| panic!("no 650 vs 1,255 finding in {c:#}"));
    assert_eq!(f["kind"], "changed_over_time");
    let why = f["explanation"].as_str().unwrap();
    assert!(why.contains("since Trump took office in January"), "{why}");
    assert!(why.contains("Dec. 23"), "{why}");
    for claim in f["claims"].as_array().unwrap() {
        for key in ["path", "text", "sentence", "start", "end"] {
            assert!(!claim[key].is_null(), "{key} missing in {claim}");
        }
    }
    // The headline finding is listed first.
    assert_eq!(c["conflicts"][0], *f);
}

#[test]
fn counties_and_percentages_are_never_paired() {
    let c = conflicts();
    for list in ["conflicts", "corroborations"] {
        for f in c[list].as_array().unwrap() {
            let claims = f["claims"].as_array().unwrap();
            let count_67 = claims
                .iter()
                .any(|c| c["value"] == 67.0 && c["unit"].is_null());
            let percent_67 = claims
                .iter()
                .any(|c| c["value"] == 67.0 && c["unit"] == "%");
            assert!(
                !(count_67 && percent_67),
                "{list}: 67 counties paired with 67% in {f:#}"
            );
        }
    }
}

#[test]
fn florida_agencies_and_nationwide_departments_never_conflict() {
    let c = conflicts();
    for f in c["conflicts"].as_array().unwrap() {
        let v = values(f);
        assert!(!(v.contains(&250.0) && v.contains(&1250.0)), "{f:#}");
        assert!(!(v.contains(&1250.0) && v.contains(&1255.0)), "{f:#}");
    }
}

#[test]
fn the_650_in_000_and_001_is_one_source_in_shared_text() {
    let c = conflicts();
    let f = c["corroborations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| values(f).iter().all(|v| *v == 650.0))
        .unwrap_or_else(|| panic!("no corroboration of 650 in {c:#}"));
    let files: Vec<String> = f["claims"].as_array().unwrap().iter().map(file).collect();
    assert!(
        files.iter().any(|p| p.starts_with("000")) && files.iter().any(|p| p.starts_with("001"))
    );
    assert!(
        f["claims"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["shared_text"] == true)
    );
    assert!(f["explanation"].as_str().unwrap().contains("one source"));
}

#[test]
fn petit_statements_are_variants_with_a_diff() {
    let c = conflicts();
    let v = c["related_quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| {
            r["kind"] == "variant"
                && r["speaker"].as_str().unwrap().contains("Petit")
                && r["quotes"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|q| q["text"].as_str().unwrap().contains("foot the bill"))
        })
        .unwrap_or_else(|| panic!("no Petit variant in {:#}", c["related_quotes"]));
    let files: Vec<String> = v["quotes"].as_array().unwrap().iter().map(file).collect();
    assert!(files[0].starts_with("000") || files[1].starts_with("000"));
    assert!(files[0].starts_with("001") || files[1].starts_with("001"));
    let diff = v["diff"].as_array().unwrap();
    assert!(diff.iter().any(|d| d["op"] == "equal"));
    assert!(diff.iter().any(|d| d["op"] != "equal"));
}

#[test]
fn shared_paragraphs_of_000_and_001_are_found() {
    let c = conflicts();
    let passages = c["shared_passages"].as_array().unwrap();
    let between: Vec<&Value> = passages
        .iter()
        .filter(|p| {
            let files: Vec<String> = p["paths"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_str().unwrap().rsplit('/').next().unwrap().to_string())
                .collect();
            files.iter().any(|f| f.starts_with("000")) && files.iter().any(|f| f.starts_with("001"))
        })
        .collect();
    assert!(between.len() >= 3, "{passages:#?}");
    assert!(between.iter().any(|p| {
        p["text"]
            .as_str()
            .unwrap()
            .starts_with("Supporters of the 287(g) agreements")
    }));
}
