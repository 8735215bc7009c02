//! What the headless commands print: JSON contracts and readable text.
//!
//! Article text is untrusted: everything from an article goes through
//! [`crate::text::inert`] before it is printed as text (JSON escapes it anyway).

use std::fmt::Write as _;
use std::io::IsTerminal;
use std::path::Path;

use serde_json::{Value, json};

use crate::claims::{Qualifier, QuoteKind};
use crate::crossref::{CrossRef, Finding, FindingKind, RelatedKind};
use crate::feeds::edits::Edited;
use crate::index::{ArticleSummary, SearchResults, StoredArticle, StoredStory, UpdateSummary};
use crate::text::{inert, inert_line};

/// How text output is decorated.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Bold for highlights: on a terminal only.
    pub bold: bool,
}

impl Style {
    pub fn for_stdout() -> Style {
        Style {
            bold: std::io::stdout().is_terminal(),
        }
    }

    fn strong(&self, s: &str) -> String {
        if self.bold {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

pub fn index_json(s: &UpdateSummary, findings_current: bool) -> Value {
    json!({
        "findings_current": findings_current,
        "indexed": s.indexed,
        "unchanged": s.unchanged,
        "removed": s.removed,
        "skipped": s.skipped,
        "warnings": s.warnings,
        "rebuilt": s.rebuilt,
    })
}

pub fn index_text(s: &UpdateSummary, total: u64, dir: &Path, findings_current: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "indexed {}, unchanged {}, removed {}, skipped {} — {} articles in {}",
        s.indexed,
        s.unchanged,
        s.removed,
        s.skipped.len(),
        total,
        dir.display()
    );
    let mut reasons: std::collections::BTreeMap<String, usize> = Default::default();
    for k in &s.skipped {
        let key = k.reason.split(" (").next().unwrap_or(&k.reason).to_string();
        *reasons.entry(key).or_default() += 1;
    }
    for (reason, n) in reasons {
        let _ = writeln!(out, "  skipped {n}: {reason}");
    }
    if !s.warnings.is_empty() {
        let _ = writeln!(out, "  {} file(s) read with warnings", s.warnings.len());
    }
    if total > 0 && !findings_current {
        let _ = writeln!(
            out,
            "searchable now; the findings are computed by the first command that shows them (conflicts, stories, export, the reader), or now with `index --wait-findings`"
        );
    }
    out
}

pub fn search_json(r: &SearchResults) -> Value {
    json!({
        "query": r.query,
        "total": r.total,
        "hits": r.hits.iter().map(|h| json!({
            "id": h.id,
            "path": h.path,
            "title": h.title,
            "source": h.source,
            "date": h.date,
            "score": h.score,
            "snippet": h.snippet,
            "highlights": h.highlights,
        })).collect::<Vec<_>>(),
    })
}

/// The snippet with its highlights in bold, made inert.
fn highlighted(snippet: &str, ranges: &[[usize; 2]], style: Style) -> String {
    let mut out = String::new();
    let mut at = 0;
    for &[s, e] in ranges {
        if s < at
            || e > snippet.len()
            || !snippet.is_char_boundary(s)
            || !snippet.is_char_boundary(e)
        {
            continue;
        }
        out.push_str(&inert_line(&snippet[at..s]));
        out.push_str(&style.strong(&inert_line(&snippet[s..e])));
        at = e;
    }
    out.push_str(&inert_line(&snippet[at..]));
    out
}

pub fn search_text(r: &SearchResults, style: Style) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} article(s) match {}", r.total, inert_line(&r.query));
    for (i, h) in r.hits.iter().enumerate() {
        let title = h.title.as_deref().unwrap_or("(untitled)");
        let mut meta = Vec::new();
        if let Some(s) = &h.source {
            meta.push(inert_line(s).into_owned());
        }
        if let Some(d) = &h.date {
            meta.push(inert_line(d).into_owned());
        }
        let _ = writeln!(
            out,
            "\n{:>2}. {}{}",
            i + 1,
            style.strong(&inert_line(title)),
            if meta.is_empty() {
                String::new()
            } else {
                format!("  ({})", meta.join(", "))
            }
        );
        let _ = writeln!(out, "    {}  score {:.2}", inert_line(&h.path), h.score);
        let _ = writeln!(out, "    {}", highlighted(&h.snippet, &h.highlights, style));
    }
    out
}

fn qualifier_name(q: Option<Qualifier>) -> Option<&'static str> {
    q.map(|q| match q {
        Qualifier::Approximate => "approximate",
        Qualifier::LowerBound => "lower_bound",
        Qualifier::UpperBound => "upper_bound",
        Qualifier::Exact => "exact",
    })
}

/// Claims as JSON objects, each with its stable `id` first.
fn with_ids<T: serde::Serialize>(claims: &[T], ids: &[String]) -> Vec<Value> {
    claims
        .iter()
        .zip(ids)
        .map(|(c, id)| {
            let mut v = serde_json::to_value(c).unwrap_or(Value::Null);
            if let Value::Object(map) = &mut v {
                map.insert("id".to_string(), Value::String(id.clone()));
            }
            v
        })
        .collect()
}

pub fn claims_json(articles: &[StoredArticle]) -> Value {
    json!({
        "articles": articles.iter().map(|s| {
            let a = &s.article;
            let (quote_ids, stat_ids) = s.claims.ids(&a.id);
            json!({
                "id": a.id,
                "path": a.path,
                "title": a.title,
                "source": a.source,
                "date": a.date.as_ref().map(|d| &d.text),
                "date_iso": a.date.as_ref().and_then(|d| d.iso.as_ref()),
                "date_malformed": a.date.as_ref().map(|d| d.malformed),
                "body": a.body,
                "removed": a.removed,
                "quotes": with_ids(&s.claims.quotes, &quote_ids),
                "statistics": with_ids(&s.claims.statistics, &stat_ids),
            })
        }).collect::<Vec<_>>(),
    })
}

pub fn claims_text(articles: &[StoredArticle], style: Style) -> String {
    let mut out = String::new();
    for s in articles {
        let a = &s.article;
        let _ = writeln!(
            out,
            "{} — {}",
            style.strong(&inert_line(a.title.as_deref().unwrap_or("(untitled)"))),
            inert_line(&a.path)
        );
        let quotes: Vec<_> = s
            .claims
            .quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Quote)
            .collect();
        let terms: Vec<_> = s
            .claims
            .quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Term)
            .collect();
        for q in &quotes {
            let who = match (&q.speaker, &q.role) {
                (Some(s), Some(r)) => format!("{} ({})", inert_line(s), inert_line(r)),
                (Some(s), None) => inert_line(s).into_owned(),
                _ => "(speaker unknown)".to_string(),
            };
            let _ = writeln!(out, "  quote  “{}”\n         — {}", inert(&q.text), who);
        }
        if !terms.is_empty() {
            let list: Vec<String> = terms
                .iter()
                .map(|t| format!("“{}”", inert_line(&t.text)))
                .collect();
            let _ = writeln!(out, "  terms  {}", list.join(", "));
        }
        for st in &s.claims.statistics {
            let mut line = format!("  figure {}", style.strong(&inert_line(&st.text)));
            if let Some(q) = qualifier_name(st.qualifier) {
                let _ = write!(line, " [{q}]");
            }
            if let Some(sub) = &st.subject {
                let _ = write!(line, " — {}", inert_line(sub));
            }
            if let Some(t) = &st.time {
                let _ = write!(line, " ({})", inert_line(t));
            }
            let _ = writeln!(out, "{line}");
        }
        if quotes.is_empty() && terms.is_empty() && s.claims.statistics.is_empty() {
            let _ = writeln!(out, "  (no quotations or figures found)");
        }
        out.push('\n');
    }
    out
}

/// The findings as JSON: the cross-article findings, and `edited` (the fetched articles
/// revised since an earlier version).
pub fn conflicts_json(c: &CrossRef, edited: &[Edited]) -> Value {
    let mut v = serde_json::to_value(c).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut v {
        map.insert(
            "edited".to_string(),
            serde_json::to_value(edited).unwrap_or(Value::Null),
        );
    }
    v
}

/// A word diff in the `[-removed-]{+added+}` notation of `git diff --word-diff`.
fn push_diff<'a>(line: &mut String, diff: impl IntoIterator<Item = &'a crate::crossref::DiffPart>) {
    for p in diff {
        match p.op.as_str() {
            "delete" => {
                let _ = write!(line, "[-{}-]", inert_line(&p.text));
            }
            "insert" => {
                let _ = write!(line, "{{+{}+}}", inert_line(&p.text));
            }
            _ => line.push_str(&inert_line(&p.text)),
        }
    }
}

fn edited_text(out: &mut String, e: &Edited, style: Style) {
    let _ = writeln!(
        out,
        "{}: {}",
        style.strong("EDITED"),
        inert_line(e.title.as_deref().unwrap_or(&e.path))
    );
    let _ = writeln!(out, "  {}", inert_line(&e.explanation));
    let c = &e.changes;
    for f in &c.figures_changed {
        let _ = writeln!(
            out,
            "  figure: {} → {}",
            style.strong(&inert_line(f.before.as_deref().unwrap_or(""))),
            style.strong(&inert_line(f.after.as_deref().unwrap_or("")))
        );
        let _ = writeln!(
            out,
            "      was: {}",
            inert_line(f.sentence_before.as_deref().unwrap_or(""))
        );
        let _ = writeln!(
            out,
            "      now: {}",
            inert_line(f.sentence_after.as_deref().unwrap_or(""))
        );
    }
    for q in &c.quotes_reworded {
        let mut line = format!(
            "  quotation reworded ({}): ",
            inert_line(q.speaker.as_deref().unwrap_or("unattributed"))
        );
        push_diff(&mut line, q.diff.iter().flatten());
        let _ = writeln!(out, "{line}");
    }
    for (label, list) in [
        ("quotation added", &c.quotes_added),
        ("quotation removed", &c.quotes_removed),
    ] {
        for q in list {
            let _ = writeln!(
                out,
                "  {label} ({}): “{}”",
                inert_line(q.speaker.as_deref().unwrap_or("unattributed")),
                inert_line(q.after.as_deref().or(q.before.as_deref()).unwrap_or(""))
            );
        }
    }
    let _ = writeln!(
        out,
        "  {}  (earlier: {})\n",
        inert_line(&e.path),
        inert_line(&e.previous)
    );
}

fn kind_label(k: FindingKind) -> &'static str {
    match k {
        FindingKind::Conflict => "CONFLICT",
        FindingKind::ChangedOverTime => "CHANGED OVER TIME",
        FindingKind::MinorDiscrepancy => "MINOR DISCREPANCY",
        FindingKind::Corroboration => "CORROBORATED",
    }
}

fn finding_text(out: &mut String, f: &Finding, style: Style) {
    let _ = write!(
        out,
        "{}: {}  (strength {:.2}",
        style.strong(kind_label(f.kind)),
        inert_line(&f.subject),
        f.strength
    );
    if let Some(s) = &f.story {
        let _ = write!(out, ", story {}", inert_line(s));
    }
    let _ = writeln!(out, ")");
    let _ = writeln!(out, "  {}", inert_line(&f.explanation));
    for c in &f.claims {
        let mut line = format!("  - {}", style.strong(&inert_line(&c.text)));
        if let Some(t) = &c.time {
            let _ = write!(line, " ({})", inert_line(t));
        }
        if c.shared_text {
            line.push_str(" [shared text]");
        }
        let _ = writeln!(line, "  {}:{}", inert_line(&c.path), c.start);
        let _ = write!(line, "      {}", inert_line(&c.sentence));
        let _ = writeln!(out, "{line}");
    }
    out.push('\n');
}

pub fn conflicts_text(c: &CrossRef, edited: &[Edited], style: Style) -> String {
    let mut out = String::new();
    if c.conflicts.is_empty() {
        out.push_str("No conflicting figures found.\n\n");
    }
    for f in &c.conflicts {
        finding_text(&mut out, f, style);
    }
    for e in edited {
        edited_text(&mut out, e, style);
    }
    for f in &c.corroborations {
        finding_text(&mut out, f, style);
    }
    for r in &c.related_quotes {
        let kind = match r.kind {
            RelatedKind::Variant => "VARIANT WORDING",
            RelatedKind::Repeated => "REPEATED",
            RelatedKind::SameSpeaker => "SAME SPEAKER",
        };
        let _ = writeln!(out, "{}: {}", style.strong(kind), inert_line(&r.speaker));
        for q in &r.quotes {
            let _ = writeln!(
                out,
                "  - “{}”  {}",
                inert_line(&q.text),
                inert_line(&q.path)
            );
        }
        if let Some(diff) = &r.diff {
            let mut line = String::from("  diff: ");
            push_diff(&mut line, diff);
            let _ = writeln!(out, "{line}");
        }
        out.push('\n');
    }
    for p in &c.shared_passages {
        let _ = writeln!(
            out,
            "{} in {}",
            style.strong("SHARED PASSAGE"),
            p.paths
                .iter()
                .map(|p| inert_line(p).into_owned())
                .collect::<Vec<_>>()
                .join(", ")
        );
        let _ = writeln!(out, "  {}\n", inert_line(&p.text));
    }
    out
}

/// A story as the `stories` command reports it: its articles' summaries and how many
/// findings it holds.
pub struct StoryReport<'a> {
    pub story: &'a StoredStory,
    pub articles: Vec<&'a ArticleSummary>,
    pub findings: usize,
}

pub fn stories_json(stories: &[StoryReport]) -> Value {
    json!({
        "stories": stories.iter().map(|r| json!({
            "id": r.story.id,
            "title": r.story.title,
            "keywords": r.story.keywords,
            "articles": r.articles.iter().map(|a| json!({
                "id": a.id,
                "path": a.path,
                "title": a.title,
                "source": a.source,
                "date": a.date,
            })).collect::<Vec<_>>(),
            "findings": r.findings,
        })).collect::<Vec<_>>()
    })
}

pub fn stories_text(stories: &[StoryReport], style: Style) -> String {
    let mut out = String::new();
    if stories.is_empty() {
        out.push_str("No stories: the corpus is empty.\n");
    }
    for r in stories {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let _ = writeln!(
            out,
            "{} {}  ({}, {})",
            style.strong(&r.story.id),
            inert_line(&r.story.title),
            plural(r.articles.len(), "article", "articles"),
            plural(r.findings, "finding", "findings")
        );
        if !r.story.keywords.is_empty() {
            let _ = writeln!(
                out,
                "  keywords: {}",
                inert_line(&r.story.keywords.join(", "))
            );
        }
        for a in &r.articles {
            let mut line = format!("  - {}", inert_line(a.title.as_deref().unwrap_or(&a.path)));
            for extra in [a.source.as_deref(), a.date.as_deref()]
                .into_iter()
                .flatten()
            {
                let _ = write!(line, " · {}", inert_line(extra));
            }
            let _ = writeln!(out, "{line}");
        }
        out.push('\n');
    }
    out
}
