//! The reader: the article wrapped to the width, claims styled by kind, the speaker or the
//! finding in a gutter, search matches highlighted.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_segmentation::UnicodeSegmentation;

use crate::text::inert_line;
use crate::tui::app::App;
use crate::tui::layout::{self, DocLine};
use crate::tui::theme::{Theme, finding_marker};
use crate::tui::views::reader::{ClaimKind, Mark, ReaderState};

fn mark_style(t: &Theme, m: &Mark) -> Style {
    match (&m.kind, m.finding) {
        (_, Some(k)) => t.finding(k),
        (ClaimKind::Quote { term: true, .. }, None) => t.term,
        (ClaimKind::Quote { .. }, None) => t.quote,
        (ClaimKind::Statistic { .. }, None) => t.statistic,
    }
}

/// Spans of `text[range]` (a body line), each grapheme styled by the claims, matches and
/// cursor it stands in.
fn styled_line(app: &App, r: &ReaderState, body: &str, range: Range<usize>) -> Line<'static> {
    let t = &app.theme;
    let marks = &r.info.marks;
    let here: Vec<(usize, &Mark)> = marks
        .iter()
        .enumerate()
        .filter(|(_, m)| m.start < range.end && range.start < m.end)
        .collect();
    let matches: Vec<(usize, &Range<usize>)> = r
        .matches
        .iter()
        .enumerate()
        .filter(|(_, m)| m.start < range.end && range.start < m.end)
        .collect();
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_style = Style::new();
    for (i, g) in body[range.clone()].grapheme_indices(true) {
        let at = range.start + i;
        let mut style = Style::new();
        // Quotes first, figures over them (a figure inside a quotation keeps its style).
        for (_, m) in here.iter().filter(|(_, m)| m.start <= at && at < m.end) {
            if matches!(m.kind, ClaimKind::Quote { .. }) {
                style = style.patch(mark_style(t, m));
            }
        }
        for (_, m) in here.iter().filter(|(_, m)| m.start <= at && at < m.end) {
            if matches!(m.kind, ClaimKind::Statistic { .. }) {
                style = style.patch(mark_style(t, m));
            }
        }
        for (mi, m) in &matches {
            if m.start <= at && at < m.end {
                style = style.patch(t.highlight);
                if r.current_match == Some(*mi) {
                    style = style.patch(t.current);
                }
            }
        }
        if let Some(c) = r.cursor
            && here
                .iter()
                .any(|(i, m)| *i == c && m.start <= at && at < m.end)
        {
            style = style.patch(t.current);
        }
        if style != run_style && !run.is_empty() {
            spans.push(Span::styled(std::mem::take(&mut run), run_style));
        }
        run_style = style;
        run.push_str(&inert_line(g));
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, run_style));
    }
    Line::from(spans)
}

/// The gutter's label for a claim, if it gets one.
fn gutter_label(t: &Theme, m: &Mark) -> Option<(String, Style)> {
    if let Some(k) = m.finding {
        let (sym, word) = finding_marker(k);
        return Some((format!("{sym} {word}"), t.finding(k)));
    }
    match &m.kind {
        ClaimKind::Quote {
            term: false,
            speaker,
            ..
        } => Some((
            speaker.clone().unwrap_or_else(|| "(unattributed)".into()),
            if speaker.is_some() { t.speaker } else { t.dim },
        )),
        _ => None,
    }
}

pub fn reader(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(r) = &app.reader else {
        return;
    };
    let t = &app.theme;
    let areas = layout::reader(area);
    let stored = r.doc.as_ref();
    let article = &stored.article;
    let info = r.info.as_ref();

    // Header: title, then details.
    Line::from(Span::styled(
        layout::truncate(&app.article_title(r.article), areas.header.width as usize),
        t.title,
    ))
    .render(
        Rect {
            height: 1,
            ..areas.header
        },
        buf,
    );
    let mut details: Vec<String> = Vec::new();
    if let Some(s) = &article.source {
        details.push(s.clone());
    }
    if let Some(d) = &article.date {
        details.push(if d.malformed {
            format!("{} (not a valid date)", d.text)
        } else {
            d.text.clone()
        });
    }
    details.push(format!(
        "{} · {} · {}",
        count(info.quotes, "quotation"),
        count(info.figures, "figure"),
        count(info.findings, "finding")
    ));
    if r.raw.is_some() {
        details.push("RAW TEXT".into());
    }
    if areas.header.height > 1 {
        Line::from(Span::styled(
            layout::truncate(&details.join(" · "), areas.header.width as usize),
            t.dim,
        ))
        .render(
            Rect {
                y: areas.header.y + 1,
                height: 1,
                ..areas.header
            },
            buf,
        );
    }

    let lines = app.reader_lines(r);
    let h = areas.body.height as usize;
    let scroll = r.scroll.min(lines.len().saturating_sub(h));
    let visible = &lines[scroll.min(lines.len())..(scroll + h).min(lines.len())];
    let gw = areas.gutter.width as usize;

    if let Some(raw) = &r.raw {
        for (row, l) in visible.iter().enumerate() {
            let y = areas.body.y + row as u16;
            let DocLine::Raw { line, range } = l else {
                continue;
            };
            let text = &raw.lines[*line][range.clone()];
            let reason = raw.removed.get(*line).cloned().flatten();
            let style = if reason.is_some() {
                t.removed
            } else {
                Style::new()
            };
            Line::from(Span::styled(inert_line(text).into_owned(), style)).render(
                Rect {
                    y,
                    height: 1,
                    ..areas.body
                },
                buf,
            );
            if gw > 0 && range.start == 0 {
                let label = match &reason {
                    Some(why) => format!("{:>4} {}", line + 1, why),
                    None => format!("{:>4}", line + 1),
                };
                Line::from(Span::styled(layout::truncate(&label, gw - 1), t.dim)).render(
                    Rect {
                        y,
                        height: 1,
                        ..areas.gutter
                    },
                    buf,
                );
            }
        }
    } else {
        // Gutter labels: at the line where each claim starts, or the next free line.
        let mut labels: Vec<Option<(String, Style)>> = vec![None; visible.len()];
        let mut quote_bar: Vec<Option<Style>> = vec![None; visible.len()];
        for m in &info.marks {
            let first = visible.iter().position(|l| matches!(l, DocLine::Body(lr) if lr.start <= m.start && m.start < lr.end.max(lr.start + 1)));
            for (row, l) in visible.iter().enumerate() {
                if let DocLine::Body(lr) = l
                    && m.start < lr.end
                    && lr.start < m.end
                    && matches!(m.kind, ClaimKind::Quote { term: false, .. })
                {
                    quote_bar[row] = Some(t.quote);
                }
            }
            let (Some(first), Some(label)) = (first, gutter_label(t, m)) else {
                continue;
            };
            if let Some(slot) = (first..visible.len())
                .take(3)
                .find(|&i| labels[i].is_none())
            {
                labels[slot] = Some(label);
            }
        }
        for (row, l) in visible.iter().enumerate() {
            let y = areas.body.y + row as u16;
            if let DocLine::Body(range) = l {
                styled_line(app, r, &article.body, range.clone()).render(
                    Rect {
                        y,
                        height: 1,
                        ..areas.body
                    },
                    buf,
                );
            }
            if gw > 1 {
                let g = Rect {
                    y,
                    height: 1,
                    ..areas.gutter
                };
                if let Some((text, style)) = &labels[row] {
                    Line::from(Span::styled(layout::truncate(text, gw - 2), *style)).render(g, buf);
                }
                if let Some(style) = quote_bar[row] {
                    Line::from(Span::styled("│", style)).render(
                        Rect {
                            x: g.x + g.width - 1,
                            width: 1,
                            ..g
                        },
                        buf,
                    );
                }
            }
        }
    }

    // Status: what the cursor is on.
    let status = status_line(app, r);
    Line::from(status).render(areas.status, buf);
}

fn status_line(app: &App, r: &ReaderState) -> Vec<Span<'static>> {
    let t = &app.theme;
    let key = |a: crate::tui::action::Action| app.keymap.first_label(&a).unwrap_or_default();
    use crate::tui::action::Action;
    if let Some(raw) = &r.raw {
        let removed = raw.removed.iter().filter(|x| x.is_some()).count();
        let mut s = vec![Span::styled(
            format!(
                " raw text: {} lines, {removed} removed as page furniture (struck through) · {} clean text",
                raw.lines.len(),
                key(Action::ToggleRaw)
            ),
            t.dim,
        )];
        if let Some(n) = &raw.note {
            s.insert(0, Span::styled(format!(" {n} ·"), t.error));
        }
        return s;
    }
    let marks = &r.info.marks;
    if let Some(m) = app.cursor_mark() {
        let n = r.cursor.unwrap_or(0) + 1;
        let mut spans = Vec::new();
        match &m.kind {
            ClaimKind::Quote {
                speaker,
                role,
                term,
            } => {
                let who = match (speaker, role) {
                    (Some(s), Some(r)) => format!("{s}, {r}"),
                    (Some(s), None) => s.clone(),
                    _ if *term => "a quoted term".into(),
                    _ => "unattributed".into(),
                };
                spans.push(Span::styled(
                    format!(" claim {n}/{} · quotation · ", marks.len()),
                    t.dim,
                ));
                spans.push(Span::styled(inert_line(&who).into_owned(), t.speaker));
                spans.push(Span::styled(
                    format!(" · {} related quotes", key(Action::RelatedQuotes)),
                    t.dim,
                ));
            }
            ClaimKind::Statistic { subject } => {
                spans.push(Span::styled(
                    format!(" claim {n}/{} · figure ", marks.len()),
                    t.dim,
                ));
                let body = &r.doc.article.body;
                spans.push(Span::styled(
                    inert_line(&body[m.start..m.end]).into_owned(),
                    t.statistic,
                ));
                if let Some(s) = subject {
                    spans.push(Span::raw(format!(" {}", inert_line(s))));
                }
                if let Some(k) = m.finding {
                    let (sym, word) = finding_marker(k);
                    spans.push(Span::styled(format!(" {sym} {word}"), t.finding(k)));
                    spans.push(Span::styled(
                        format!(" · {} other side", key(Action::OtherSide)),
                        t.dim,
                    ));
                }
            }
        }
        return spans;
    }
    if let Some(q) = &r.query {
        let pos = r.current_match.map_or("-".into(), |i| (i + 1).to_string());
        return vec![Span::styled(
            format!(
                " match {pos}/{} of “{}” · {}/{} next/previous",
                r.matches.len(),
                inert_line(q),
                key(Action::NextMatch),
                key(Action::PrevMatch)
            ),
            t.dim,
        )];
    }
    vec![Span::styled(
        format!(
            " {} claims · {} next claim · {} raw text",
            marks.len(),
            key(Action::NextClaim),
            key(Action::ToggleRaw)
        ),
        t.dim,
    )]
}

/// "1 figure", "2 figures".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
