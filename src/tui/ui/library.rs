//! The library (every article, sortable and filterable) and the search view.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Cell, Paragraph, Row, StatefulWidget, Table, TableState, Widget, Wrap,
};

use crate::text::inert_line;
use crate::tui::app::App;
use crate::tui::layout;

pub fn library(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let lib = &app.library;
    if app.data.summaries.is_empty() {
        Paragraph::new(vec![
            Line::styled("The corpus is empty.", t.title),
            Line::raw(""),
            Line::raw(app.empty_hint.clone()),
        ])
        .wrap(Wrap { trim: true })
        .render(area, buf);
        return;
    }
    let unread = app
        .data
        .summaries
        .iter()
        .filter(|s| !app.read.contains(&s.id))
        .count();
    let mut info = vec![Span::styled(
        format!(
            " {} articles, {unread} unread · sorted by {}",
            app.data.summaries.len(),
            lib.sort.label()
        ),
        t.dim,
    )];
    if app.data.findings_stale {
        info.push(Span::styled(" · findings being updated…", t.accent));
    }
    if lib.filtering || !lib.filter.is_empty() {
        info.push(Span::styled(" · filter: ", t.dim));
        info.push(Span::styled(inert_line(&lib.filter).into_owned(), t.accent));
        if lib.filtering {
            info.push(Span::styled("▏", t.accent));
        }
        info.push(Span::styled(format!(" ({} shown)", lib.order.len()), t.dim));
    }
    Line::from(info).render(Rect { height: 1, ..area }, buf);

    let header = Row::new(["", "Date", "Source", "Title", "Quot", "Fig", "Find"]).style(t.accent);
    // Only the rows on screen are built: the corpus may hold 100,000 articles.
    let height = area.height.saturating_sub(2) as usize;
    let offset = lib.offset.min(lib.order.len());
    let rows: Vec<Row> = lib.order[offset..]
        .iter()
        .take(height.max(1))
        .map(|&i| {
            let a = &app.data.summaries[i];
            let n_findings = app.data.finding_counts[i];
            let unread = !app.read.contains(&a.id);
            let title_style = if unread { t.title } else { Style::new() };
            let findings = if n_findings > 0 {
                Span::styled(n_findings.to_string(), t.conflict)
            } else {
                Span::raw("0")
            };
            Row::new(vec![
                Cell::from(if unread { "●" } else { " " }).style(t.accent),
                Cell::from(
                    inert_line(a.date_iso.as_deref().or(a.date.as_deref()).unwrap_or(""))
                        .into_owned(),
                ),
                Cell::from(inert_line(a.source.as_deref().unwrap_or("")).into_owned()).style(t.dim),
                Cell::from(inert_line(&app.article_title(i)).into_owned()).style(title_style),
                Cell::from(format!("{:>4}", a.quotes)),
                Cell::from(format!("{:>3}", a.figures)),
                Cell::from(Line::from(findings).right_aligned()),
            ])
        })
        .collect();
    let table = Table::new(
        rows,
        [
            Constraint::Length(1),
            Constraint::Length(10),
            Constraint::Length(14),
            Constraint::Fill(1),
            Constraint::Length(4),
            Constraint::Length(3),
            Constraint::Length(4),
        ],
    )
    .header(header)
    .row_highlight_style(t.selected);
    let mut state = TableState::default()
        .with_offset(0)
        .with_selected(lib.selected.checked_sub(offset));
    StatefulWidget::render(
        table,
        Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(1),
            ..area
        },
        buf,
        &mut state,
    );
}

/// A snippet with the matched terms highlighted; the highlight ranges are byte ranges of
/// the raw snippet, so it is cut first and each piece made inert after. When the first
/// match would fall off a line `max` columns wide, the snippet starts closer to it.
pub fn snippet_line(
    app: &App,
    snippet: &str,
    highlights: &[[usize; 2]],
    max: usize,
) -> Line<'static> {
    let mut spans = vec![Span::raw("  ")];
    let mut at = 0;
    if let Some(&[first, _]) = highlights.first()
        && snippet.is_char_boundary(first)
        && layout::width(&snippet[..first]) > max * 2 / 3
    {
        let mut cut = first;
        for (i, _) in snippet[..first].char_indices().rev() {
            cut = i;
            if layout::width(&snippet[i..first]) >= max / 3 {
                break;
            }
        }
        if let Some(space) = snippet[cut..first].find(' ') {
            cut += space + 1;
        }
        at = cut;
        spans.push(Span::styled("…", app.theme.dim));
    }
    for &[s, e] in highlights {
        if s < at
            || e > snippet.len()
            || !snippet.is_char_boundary(s)
            || !snippet.is_char_boundary(e)
        {
            continue;
        }
        spans.push(Span::raw(inert_line(&snippet[at..s]).into_owned()));
        spans.push(Span::styled(
            inert_line(&snippet[s..e]).into_owned(),
            app.theme.highlight,
        ));
        at = e;
    }
    spans.push(Span::raw(inert_line(&snippet[at..]).into_owned()));
    Line::from(spans)
}

pub fn search(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let s = &app.search;
    let box_area = Rect {
        height: area.height.min(3),
        ..area
    };
    let border = if s.editing { t.accent } else { t.dim };
    let mut q = vec![Span::raw(inert_line(&s.query).into_owned())];
    if s.editing {
        q.push(Span::styled("▏", t.accent));
    }
    Paragraph::new(Line::from(q))
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(" Search ")
                .border_style(border),
        )
        .render(box_area, buf);
    let status_area = Rect {
        y: area.y + 3,
        height: 1,
        ..area
    };
    let searching = s.pending.is_some() || s.shown != s.generation;
    let status: Line = match &s.results {
        _ if s.query.trim().is_empty() => Line::styled(
            " Type to search: words, \"a phrase\", AND OR NOT, +must -not, title: source: speaker: quote: figure:",
            t.dim,
        ),
        Some(Err(e)) => Line::styled(format!(" {}", inert_line(e)), t.error),
        Some(Ok(r)) => Line::styled(
            format!(
                " {} result{} for “{}”{}",
                r.total,
                if r.total == 1 { "" } else { "s" },
                inert_line(&r.query),
                if searching { " · searching…" } else { "" }
            ),
            t.dim,
        ),
        None => Line::styled(" searching…", t.dim),
    };
    status.render(status_area, buf);
    let Some(Ok(results)) = &s.results else {
        return;
    };
    if s.query.trim().is_empty() {
        return;
    }
    let list = Rect {
        y: area.y + 4,
        height: area.height.saturating_sub(4),
        ..area
    };
    let rows = (list.height / 3) as usize;
    let offset = if s.selected >= s.offset + rows.max(1) {
        s.selected + 1 - rows.max(1)
    } else {
        s.offset.min(s.selected)
    };
    for (n, (i, hit)) in results
        .hits
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .enumerate()
    {
        let y = list.y + (n as u16) * 3;
        let selected = i == s.selected;
        let title = hit.title.clone().unwrap_or_else(|| hit.path.clone());
        let title_style = if selected {
            t.selected.patch(t.title)
        } else {
            t.title
        };
        Line::from(Span::styled(
            format!(
                "{} {}",
                if selected { "▶" } else { " " },
                layout::truncate(&title, list.width.saturating_sub(2) as usize)
            ),
            title_style,
        ))
        .render(
            Rect {
                y,
                height: 1,
                ..list
            },
            buf,
        );
        let meta: Vec<&str> = [
            hit.source.as_deref(),
            hit.date.as_deref(),
            Some(hit.path.as_str()),
        ]
        .into_iter()
        .flatten()
        .collect();
        Line::styled(
            format!(
                "  {}",
                layout::truncate(&meta.join(" · "), list.width.saturating_sub(2) as usize)
            ),
            t.dim,
        )
        .render(
            Rect {
                y: y + 1,
                height: 1,
                ..list
            },
            buf,
        );
        snippet_line(
            app,
            &hit.snippet,
            &hit.highlights,
            list.width.saturating_sub(3) as usize,
        )
        .render(
            Rect {
                y: y + 2,
                height: 1,
                ..list
            },
            buf,
        );
    }
}
