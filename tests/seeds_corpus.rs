//! Reading the seeds: titles, page furniture removed, every quotation kept.

mod common;

use crosscheck::corpus::{Article, parse_article};

fn seed(name: &str) -> (String, Article) {
    let path = common::seeds_dir().join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let article = parse_article(&path.display().to_string(), &text);
    (text, article)
}

fn all_seeds() -> Vec<(String, Article)> {
    let mut names: Vec<String> = std::fs::read_dir(common::seeds_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 5);
    names.iter().map(|n| seed(n)).collect()
}

#[test]
fn titles_of_001_003_004_are_found() {
    assert_eq!(
        seed("001_0671674b0591bc64.txt").1.title.as_deref(),
        Some(
            "'Dignity, not discrimination': Advocates urge Miami to reject pact to help feds deport immigrants"
        )
    );
    assert_eq!(
        seed("003_8fde0bab21f327ba.txt").1.title.as_deref(),
        Some(
            "Tell the City of Miami to Stop Diverting Local Funding to Federal Immigration Efforts"
        )
    );
    assert_eq!(
        seed("004_e6d876d08fe4b9f6.txt").1.title.as_deref(),
        Some("Police Chiefs to Trump: We’re Not Helping You Deport Undocumented Immigrants")
    );
    // 000 and 002 open with a sentence: no headline to find.
    assert_eq!(seed("000_a062d0485bae9db5.txt").1.title, None);
}

#[test]
fn source_and_malformed_date_of_001() {
    let a = seed("001_0671674b0591bc64.txt").1;
    assert_eq!(a.source.as_deref(), Some("WLRN"));
    let d = a.date.unwrap();
    assert_eq!(d.text, "April 1, 20125");
    assert!(d.malformed);
}

#[test]
fn no_page_furniture_is_left_in_any_body() {
    let furniture = [
        "Play Live Radio",
        "Next Up:",
        "0:00",
        "Available On Air Stations",
        "Leave a Reply",
        "Your email address will not be published",
        "Back to top",
        "Trending Topics",
        "Take Action Now",
        "[First Name] [Last Name]",
        "READ MORE",
        "More On This Topic",
        "Sergio Bustos is WLRN",
        "Courtesy",
        // The photo caption of 001, shown twice on the page.
        "Immigrants and advocates of immigrants in Florida on Tuesday, April 1, 20125",
        "This site uses Akismet",
        "SELF-DEPORTATIONS SOAR",
    ];
    for (_, a) in all_seeds() {
        for p in a.body.split("\n\n") {
            for f in furniture {
                assert!(
                    !p.contains(f),
                    "{}: furniture {f:?} left in paragraph {p:?}",
                    a.path
                );
            }
        }
        assert!(!a.body.contains("\n\n\n"));
    }
}

#[test]
fn removed_lines_are_kept_with_a_reason() {
    let a = seed("001_0671674b0591bc64.txt").1;
    assert!(
        a.removed
            .iter()
            .any(|r| r.text == "Play Live Radio" && !r.reason.is_empty())
    );
    assert!(a.removed.iter().any(|r| r.reason.contains("caption")));
}

/// Every quoted passage of four words or more in the raw file is still in the body.
#[test]
fn every_quoted_sentence_is_kept() {
    for (raw, a) in all_seeds() {
        let body = a.body.clone();
        let mut rest = raw.as_str();
        while let Some(open) = rest.find('“') {
            let after = &rest[open + '“'.len_utf8()..];
            let Some(close) = after.find(['”', '"']) else {
                break;
            };
            let quoted = &after[..close];
            if quoted.split_whitespace().count() >= 4 {
                let norm: String = quoted.split_whitespace().collect::<Vec<_>>().join(" ");
                assert!(body.contains(&norm), "{}: quotation lost: {norm:?}", a.path);
            }
            rest = &after[close..];
        }
    }
}
