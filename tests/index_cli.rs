//! The `index` and `search` commands on the seeds: the contract of the foundation issue.

mod common;

use common::{Sandbox, file_names};

fn seeds(sb: &Sandbox) -> String {
    sb.copy_seeds().display().to_string()
}

#[test]
fn search_for_287g_returns_all_five_seeds() {
    let sb = Sandbox::new();
    let corpus = seeds(&sb);
    let r = sb.json(&["search", "287(g)", &corpus, "--json"]);
    assert_eq!(r["total"], 5);
    assert_eq!(file_names(&r["hits"]).len(), 5);
}

#[test]
fn phrase_fiduciary_duty_returns_only_seed_001() {
    let sb = Sandbox::new();
    let corpus = seeds(&sb);
    let r = sb.json(&["search", "\"fiduciary duty\"", &corpus, "--json"]);
    assert_eq!(file_names(&r["hits"]), vec!["001_0671674b0591bc64.txt"]);
    // Highlights are byte ranges into the snippet that cover the matched words.
    let hit = &r["hits"][0];
    let snippet = hit["snippet"].as_str().unwrap();
    let marked: Vec<&str> = hit["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| &snippet[h[0].as_u64().unwrap() as usize..h[1].as_u64().unwrap() as usize])
        .collect();
    assert_eq!(marked, vec!["fiduciary", "duty"]);
}

#[test]
fn field_prefixes_and_boolean_operators_work() {
    let sb = Sandbox::new();
    let corpus = seeds(&sb);
    let r = sb.json(&["search", "source:wlrn", &corpus, "--json"]);
    assert_eq!(file_names(&r["hits"]), vec!["001_0671674b0591bc64.txt"]);
    let r = sb.json(&["search", "287(g) -miami", &corpus, "--json"]);
    let names = file_names(&r["hits"]);
    assert!(!names.contains(&"001_0671674b0591bc64.txt".to_string()));
    assert!(!names.is_empty());
    let r = sb.json(&["search", "title:chiefs", &corpus, "--json"]);
    assert_eq!(file_names(&r["hits"]), vec!["004_e6d876d08fe4b9f6.txt"]);
}

#[test]
fn a_query_that_does_not_parse_gets_one_line_and_exit_code_2() {
    let sb = Sandbox::new();
    let corpus = seeds(&sb);
    let out = sb.run(&["search", "nosuchfield:x", &corpus]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("no field"), "{err}");
}

#[test]
fn bad_usage_exits_2() {
    let sb = Sandbox::new();
    assert_eq!(sb.run(&["search"]).status.code(), Some(2));
    assert_eq!(sb.run(&["--no-such-flag"]).status.code(), Some(2));
}

#[test]
fn reindexing_is_incremental() {
    let sb = Sandbox::new();
    let corpus = sb.copy_seeds();
    let c = corpus.display().to_string();
    let first = sb.json(&["index", &c, "--json"]);
    assert_eq!(first["indexed"], 5);

    let again = sb.json(&["index", &c, "--json"]);
    assert_eq!(again["indexed"], 0);
    assert_eq!(again["unchanged"], 5);

    // Touching a file without changing it re-reads it but does not re-index it.
    let f = corpus.join("002_35dce5ad12aa194f.txt");
    let text = std::fs::read_to_string(&f).unwrap();
    std::fs::write(&f, &text).unwrap();
    let touched = sb.json(&["index", &c, "--json"]);
    assert_eq!(touched["indexed"], 0);

    std::fs::write(
        &f,
        format!("{text}\nA new paragraph about zeppelins was added today.\n"),
    )
    .unwrap();
    let changed = sb.json(&["index", &c, "--json"]);
    assert_eq!(changed["indexed"], 1);
    assert_eq!(changed["unchanged"], 4);
    let r = sb.json(&["search", "zeppelins", &c, "--json"]);
    assert_eq!(file_names(&r["hits"]), vec!["002_35dce5ad12aa194f.txt"]);

    std::fs::remove_file(corpus.join("001_0671674b0591bc64.txt")).unwrap();
    let removed = sb.json(&["index", &c, "--json"]);
    assert_eq!(removed["removed"], 1);
    let r = sb.json(&["search", "\"fiduciary duty\"", &c, "--json"]);
    assert_eq!(r["total"], 0);
}

#[test]
fn a_corrupt_index_is_rebuilt() {
    let sb = Sandbox::new();
    let c = seeds(&sb);
    sb.json(&["index", &c, "--json"]);
    let meta = sb.index_dir().join("tantivy").join("meta.json");
    std::fs::write(&meta, "{ this is not json").unwrap();
    let out = sb.run(&["index", &c, "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["indexed"], 5);
    assert!(v["rebuilt"].as_str().unwrap().contains("rebuilding"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("rebuilding"));
}

#[test]
fn an_index_of_another_version_is_rebuilt() {
    let sb = Sandbox::new();
    let c = seeds(&sb);
    sb.json(&["index", &c, "--json"]);
    std::fs::write(
        sb.index_dir().join("crosscheck.json"),
        r#"{"version": 0, "roots": []}"#,
    )
    .unwrap();
    let v = sb.json(&["index", &c, "--json"]);
    assert_eq!(v["indexed"], 5);
    assert!(v["rebuilt"].as_str().unwrap().contains("another version"));
}

#[test]
fn bad_files_are_reported_and_the_rest_indexed() {
    let sb = Sandbox::new();
    let corpus = sb.copy_seeds();
    std::fs::write(
        corpus.join("image.txt"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0",
    )
    .unwrap();
    std::fs::write(
        corpus.join("latin1.txt"),
        b"Caf\xe9 owners protest\n\nThe owners of the caf\xe9 said they would close on Monday.\n",
    )
    .unwrap();
    std::fs::write(corpus.join("empty.md"), b"").unwrap();
    std::fs::write(corpus.join("huge.txt"), vec![b'a'; 5 * 1024 * 1024]).unwrap();
    let c = corpus.display().to_string();
    let v = sb.json(&["index", &c, "--json"]);
    assert_eq!(v["indexed"], 6, "{v}");
    let skipped: Vec<(String, String)> = v["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["path"].as_str().unwrap().to_string(),
                s["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(skipped.len(), 3, "{skipped:?}");
    assert!(
        skipped
            .iter()
            .any(|(p, r)| p.ends_with("image.txt") && r.contains("binary"))
    );
    assert!(
        skipped
            .iter()
            .any(|(p, r)| p.ends_with("empty.md") && r.contains("empty"))
    );
    assert!(
        skipped
            .iter()
            .any(|(p, r)| p.ends_with("huge.txt") && r.contains("too large"))
    );
    let warnings = v["warnings"].as_array().unwrap();
    assert!(
        warnings
            .iter()
            .any(|w| w["path"].as_str().unwrap().ends_with("latin1.txt"))
    );
    let r = sb.json(&["search", "owners", &c, "--json"]);
    assert!(file_names(&r["hits"]).contains(&"latin1.txt".to_string()));
    // Decoded in its charset, not with replacement characters: the word is searchable.
    let r = sb.json(&["search", "café", &c, "--json"]);
    assert_eq!(
        file_names(&r["hits"]),
        vec!["latin1.txt".to_string()],
        "{r}"
    );
}

#[test]
fn saved_web_pages_are_read_as_their_articles() {
    let sb = Sandbox::new();
    let corpus = sb.path("pages");
    std::fs::create_dir_all(&corpus).unwrap();
    let page = |charset: &str, title: &str, site: &str, date: &str, body: &str| {
        format!(
            r#"<!doctype html><html><head><meta charset="{charset}"><title>{title} | {site}</title>
<meta property="og:site_name" content="{site}"><meta property="article:published_time" content="{date}">
<script>document.write("tracking pixel")</script></head><body>
<nav><a href="/">Home</a><a href="/sport">Sport scores and fixtures</a></nav>
<article><h1>{title}</h1>{body}</article>
<aside><h3>Most read</h3><ul><li><a href="/x">Celebrity chef opens a new restaurant downtown</a></li></ul></aside>
</body></html>"#
        )
    };
    let one = page(
        "utf-8",
        "Dam repairs to cost more",
        "River Post",
        "2024-05-01T09:00:00Z",
        "<p>Repairs to the old dam will cost $12 million, the water board said on Tuesday, twice its estimate of last year.</p><p>\u{201c}We had no choice but to start again,\u{201d} said the board\u{2019}s chair, Maria Lopez, at a meeting in the town hall.</p>",
    );
    // The second page is in Windows-1252, as its meta tag says: "caf\xe9" is "café".
    let mut two = page(
        "windows-1252",
        "Dam works begin",
        "Valley News",
        "2024-05-09T09:00:00Z",
        "<p>Work on the dam began on Monday, with repairs now put at $15 million by the water board, more than first planned.</p><p>The CAFE_WORD owners near the dam said trade had fallen since the works started in the spring.</p>",
    )
    .into_bytes();
    let at = two.windows(9).position(|w| w == b"CAFE_WORD").unwrap();
    two.splice(at..at + 9, b"caf\xe9".iter().copied());
    std::fs::write(corpus.join("one.html"), one).unwrap();
    std::fs::write(corpus.join("two.htm"), two).unwrap();
    let c = corpus.display().to_string();
    let v = sb.json(&["index", &c, "--json"]);
    assert_eq!(v["indexed"], 2, "{v}");
    assert!(v["warnings"].as_array().unwrap().is_empty(), "{v}");

    let hits = |q: &str| file_names(&sb.json(&["search", q, &c, "--json"])["hits"]);
    assert_eq!(hits("\"water board\""), vec!["one.html", "two.htm"]);
    assert_eq!(hits("café"), vec!["two.htm"]);
    // Menus, teasers and scripts are not the article.
    for junk in ["fixtures", "celebrity", "tracking"] {
        assert!(hits(junk).is_empty(), "{junk} found");
    }
    let claims = sb.json(&["claims", &c, "--json"]);
    let articles = claims["articles"].as_array().unwrap();
    let one = articles
        .iter()
        .find(|a| a["path"].as_str().unwrap().ends_with("one.html"))
        .unwrap();
    assert_eq!(one["title"], "Dam repairs to cost more", "{one}");
    assert_eq!(one["source"], "River Post", "{one}");
    assert_eq!(one["date"], "2024-05-01", "{one}");
    let quotes = one["quotes"].as_array().unwrap();
    assert!(
        quotes.iter().any(|q| q["speaker"] == "Maria Lopez"),
        "{one}"
    );
}

#[test]
fn an_empty_folder_gets_a_clear_message() {
    let sb = Sandbox::new();
    let empty = sb.path("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let out = sb.run(&["index", &empty.display().to_string()]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no articles found"), "{err}");
    assert!(err.contains(".txt"), "{err}");
}

#[test]
fn a_second_indexer_is_told_the_index_is_locked() {
    let sb = Sandbox::new();
    let c = seeds(&sb);
    sb.json(&["index", &c, "--json"]);
    // Hold the writer lock as a running indexer would.
    let lock = std::fs::OpenOptions::new()
        .write(true)
        .open(sb.index_dir().join("crosscheck.lock"))
        .unwrap();
    lock.lock().unwrap();
    let out = sb.run(&["index", &c]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("another crosscheck is updating this index"),
        "{err}"
    );
    assert!(err.contains("crosscheck.lock"), "{err}");
    // Readers are not blocked.
    let r = sb.json(&["search", "287(g)", &c, "--json"]);
    assert_eq!(r["total"], 5);
    drop(lock);
}

#[test]
fn with_no_corpus_the_bundled_seeds_are_used_from_any_directory() {
    let sb = Sandbox::new();
    let out = sb
        .command()
        .current_dir(sb.dir.path())
        .args([
            "--index",
            &sb.index_dir().display().to_string(),
            "search",
            "\"fiduciary duty\"",
            "--json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["total"], 1);
}

#[test]
fn without_index_flag_the_index_lives_in_the_xdg_cache() {
    let sb = Sandbox::new();
    let c = seeds(&sb);
    let out = sb.command().args(["index", &c]).output().unwrap();
    assert!(out.status.success());
    let indexes = sb.path("cache").join("crosscheck").join("indexes");
    assert_eq!(std::fs::read_dir(indexes).unwrap().count(), 1);
}

#[test]
fn stories_hold_every_article_once_and_keep_their_ids_when_an_article_is_added() {
    let sb = Sandbox::new();
    let corpus = seeds(&sb);
    let r = sb.json(&["stories", &corpus, "--json"]);
    let stories = r["stories"].as_array().expect("a list of stories");
    assert!(!stories.is_empty());
    let mut paths: Vec<String> = Vec::new();
    let mut ids_before = std::collections::BTreeMap::new();
    for s in stories {
        let id = s["id"].as_str().expect("an id").to_string();
        assert!(s["title"].as_str().is_some_and(|t| !t.is_empty()), "{s}");
        assert!(
            s["keywords"].as_array().is_some_and(|k| !k.is_empty()),
            "{s}"
        );
        assert!(s["findings"].as_u64().is_some(), "{s}");
        for a in s["articles"].as_array().unwrap() {
            for field in ["id", "path", "title", "source", "date"] {
                assert!(a.get(field).is_some(), "{field} missing in {a}");
            }
            let path = a["path"].as_str().unwrap().to_string();
            ids_before.insert(path.clone(), id.clone());
            paths.push(path);
        }
    }
    paths.sort();
    let n = paths.len();
    paths.dedup();
    assert_eq!(paths.len(), n, "an article is in two stories");
    assert_eq!(n, 5, "every seed is in a story");
    // A copy of one seed under another name joins that seed's story; no id changes.
    std::fs::copy(
        std::path::Path::new(&corpus).join("001_0671674b0591bc64.txt"),
        std::path::Path::new(&corpus).join("005_copy.txt"),
    )
    .unwrap();
    let r = sb.json(&["stories", &corpus, "--json"]);
    let mut ids_after = std::collections::BTreeMap::new();
    for s in r["stories"].as_array().unwrap() {
        for a in s["articles"].as_array().unwrap() {
            ids_after.insert(
                a["path"].as_str().unwrap().to_string(),
                s["id"].as_str().unwrap().to_string(),
            );
        }
    }
    for (path, id) in &ids_before {
        assert_eq!(ids_after.get(path), Some(id), "{path} changed story");
    }
    let copy = ids_after
        .iter()
        .find(|(p, _)| p.ends_with("005_copy.txt"))
        .map(|(_, id)| id.clone());
    let original = ids_after
        .iter()
        .find(|(p, _)| p.ends_with("001_0671674b0591bc64.txt"))
        .map(|(_, id)| id.clone());
    assert_eq!(copy, original);
}

#[test]
fn conflicts_json_names_each_finding_s_story_and_lists_the_strongest_first() {
    let sb = Sandbox::new();
    let corpus = seeds(&sb);
    let stories = sb.json(&["stories", &corpus, "--json"]);
    let story_of: std::collections::BTreeMap<String, String> = stories["stories"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| {
            let id = s["id"].as_str().unwrap().to_string();
            s["articles"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |a| (a["id"].as_str().unwrap().to_string(), id.clone()))
        })
        .collect();
    let r = sb.json(&["conflicts", &corpus, "--json"]);
    for list in ["conflicts", "corroborations"] {
        let findings = r[list].as_array().expect("a list");
        assert!(!findings.is_empty(), "the seeds give {list}");
        let mut last: Option<(u64, f64)> = None;
        for f in findings {
            // The fields scripts already read are still there.
            for field in ["kind", "subject", "explanation", "claims"] {
                assert!(f.get(field).is_some(), "{field} missing in {f}");
            }
            let story = f["story"].as_str().expect("a story");
            for c in f["claims"].as_array().unwrap() {
                let article = c["article_id"].as_str().unwrap();
                assert_eq!(story_of.get(article).map(String::as_str), Some(story));
            }
            let strength = f["strength"].as_f64().expect("a strength");
            assert!(strength > 0.0 && strength <= 1.0, "{strength}");
            let matched = f["matched"].as_array().expect("matched words");
            let head = matched[0].as_str().unwrap();
            assert!(
                f["explanation"].as_str().unwrap().contains(head),
                "the explanation says which words matched: {f}"
            );
            // Within a kind, the strongest first.
            let rank = match f["kind"].as_str().unwrap() {
                "conflict" => 0,
                "changed_over_time" => 1,
                "minor_discrepancy" => 2,
                _ => 3,
            };
            if let Some((r0, s0)) = last {
                assert!(
                    r0 < rank || (r0 == rank && s0 >= strength),
                    "order in {list}"
                );
            }
            last = Some((rank, strength));
        }
    }
}

#[test]
fn index_returns_when_searchable_and_the_findings_follow_on_demand() {
    let sb = Sandbox::new();
    let corpus = seeds(&sb);
    let i = sb.json(&["index", &corpus, "--json"]);
    assert_eq!(i["indexed"], 5);
    assert_eq!(i["findings_current"], false, "{i}");
    let text = sb.run(&["index", &corpus]);
    assert!(
        String::from_utf8_lossy(&text.stdout).contains("--wait-findings"),
        "the summary says the findings are not computed yet"
    );
    // The first command that shows findings computes them.
    let c = sb.json(&["conflicts", &corpus, "--json"]);
    let has_moved = c["conflicts"].as_array().unwrap().iter().any(|f| {
        f["claims"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["text"] == "1,255")
    });
    assert!(has_moved, "{c}");
    assert_eq!(
        sb.json(&["index", &corpus, "--json"])["findings_current"],
        true
    );

    // --wait-findings computes them before returning.
    let sb2 = Sandbox::new();
    let corpus2 = seeds(&sb2);
    let i = sb2.json(&["index", "--wait-findings", &corpus2, "--json"]);
    assert_eq!(i["findings_current"], true, "{i}");
}

#[test]
fn a_check_a_moment_ago_is_trusted_except_by_index() {
    let sb = Sandbox::new();
    let corpus = seeds(&sb);
    let run = |window: &str, args: &[&str]| -> serde_json::Value {
        let out = sb
            .command()
            .env("CROSSCHECK_RECHECK_SECS", window)
            .arg("--index")
            .arg(sb.index_dir())
            .args(args)
            .output()
            .unwrap();
        common::json_output(out, &format!("{args:?}"))
    };
    assert_eq!(
        run("600", &["search", "287(g)", &corpus, "--json"])["total"],
        5
    );
    std::fs::write(
        std::path::Path::new(&corpus).join("new.txt"),
        "Zygomorphic flowers\n\nA zygomorphic flower has one plane of symmetry.\n",
    )
    .unwrap();
    // Within the window the last check stands: the new file is not seen yet.
    assert_eq!(
        run("600", &["search", "zygomorphic", &corpus, "--json"])["total"],
        0
    );
    // Other roots are another check.
    let other = sb.path("other");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::copy(
        std::path::Path::new(&corpus).join("new.txt"),
        other.join("new.txt"),
    )
    .unwrap();
    let o = other.display().to_string();
    assert_eq!(
        run("600", &["search", "zygomorphic", &o, "--json"])["total"],
        1
    );
    // `index` always looks; with no window every command does.
    run("600", &["index", &corpus, "--json"]);
    assert_eq!(
        run("600", &["search", "zygomorphic", &corpus, "--json"])["total"],
        1
    );
    std::fs::remove_file(std::path::Path::new(&corpus).join("new.txt")).unwrap();
    assert_eq!(
        run("0", &["search", "zygomorphic", &corpus, "--json"])["total"],
        0
    );
}
