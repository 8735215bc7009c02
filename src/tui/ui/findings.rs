//! The findings view (conflicts, moved figures, corroborations, related quotations) and
//! the corpus statistics.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, StatefulWidget, Table, TableState, Widget, Wrap};

use super::diff_spans;
use crate::text::inert_line;
use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::theme::finding_marker;
use crate::tui::views::findings::FindingRow;

pub fn findings(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let f = &app.findings;
    let list_h = area.height.saturating_sub(layout::FINDINGS_DETAIL + 1) as usize;
    let selected_row = f.selectable.get(f.selected).copied();
    let offset = match selected_row {
        Some(r) if r >= f.offset + list_h.max(1) => r + 1 - list_h.max(1),
        Some(r) if r < f.offset => r,
        _ => f.offset,
    };
    let w = area.width as usize;
    for (n, (i, row)) in f
        .rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(list_h)
        .enumerate()
    {
        let y = area.y + n as u16;
        let line = match row {
            FindingRow::Section(s) => Line::styled(layout::truncate(s, w), t.accent),
            FindingRow::Header {
                kind: Some(k),
                text,
                expanded,
                ..
            } => {
                let (sym, word) = finding_marker(*k);
                Line::from(vec![
                    Span::raw(if *expanded { "" } else { "+ " }),
                    Span::styled(format!("{sym} {} ", word.to_uppercase()), t.finding(*k)),
                    Span::styled(
                        layout::truncate(text, w.saturating_sub(word.len() + 3)),
                        t.title,
                    ),
                ])
            }
            FindingRow::Header {
                kind: None,
                text,
                expanded,
                ..
            } => Line::from(vec![
                Span::raw(if *expanded { "" } else { "+ " }),
                Span::styled("❝ ", t.quote),
                Span::styled(layout::truncate(text, w.saturating_sub(2)), t.speaker),
            ]),
            FindingRow::Note(s) => Line::styled(
                format!("  {}", layout::truncate(s, w.saturating_sub(2))),
                t.dim,
            ),
            FindingRow::Diff(d) => {
                let mut spans = vec![Span::styled("  diff: ", t.dim)];
                spans.extend(diff_spans(app, d));
                Line::from(spans)
            }
            FindingRow::Side {
                kind,
                claim,
                article,
                ..
            } => {
                let claim_style = match kind {
                    Some(k) => t.finding(*k),
                    None => t.quote,
                };
                let claim_txt = layout::truncate(claim, (w / 2).max(8));
                let rest = w.saturating_sub(layout::width(&claim_txt) + 7);
                let mut line = Line::from(vec![
                    Span::raw("   ▸ "),
                    Span::styled(claim_txt, claim_style),
                    Span::styled("  ", Style::new()),
                    Span::raw(layout::truncate(article, rest)),
                ]);
                if Some(i) == selected_row {
                    line = line.patch_style(t.selected);
                }
                line
            }
            FindingRow::Blank => Line::raw(""),
        };
        line.render(
            Rect {
                y,
                height: 1,
                ..area
            },
            buf,
        );
    }
    // Detail pane: the selected side's sentence.
    let sep_y = area.y + area.height.saturating_sub(layout::FINDINGS_DETAIL + 1);
    Line::styled("─".repeat(w), t.dim).render(
        Rect {
            y: sep_y,
            height: 1,
            ..area
        },
        buf,
    );
    let detail_area = Rect {
        y: sep_y + 1,
        height: layout::FINDINGS_DETAIL.min(area.height),
        ..area
    };
    let detail = match selected_row.map(|r| &f.rows[r]) {
        Some(FindingRow::Side {
            article,
            detail,
            claim,
            ..
        }) => {
            // The explanation of the finding the side belongs to: the note under its header.
            let row = selected_row.unwrap_or(0);
            let explanation = f.rows[..row].iter().rev().find_map(|r| match r {
                FindingRow::Note(n) => Some(n.as_str()),
                FindingRow::Section(_) => Some(""),
                _ => None,
            });
            let mut lines = vec![
                Line::from(vec![Span::styled(
                    inert_line(article).into_owned(),
                    t.title,
                )]),
                Line::raw(inert_line(if detail.is_empty() { claim } else { detail }).into_owned()),
            ];
            if let Some(e) = explanation.filter(|e| !e.is_empty()) {
                lines.push(Line::styled(inert_line(e).into_owned(), t.dim));
            }
            lines
        }
        _ => vec![Line::styled(
            "No findings yet: no two articles give figures for the same thing, and no speaker is quoted twice.",
            t.dim,
        )],
    };
    Paragraph::new(detail)
        .wrap(Wrap { trim: true })
        .render(detail_area, buf);
}

pub fn statistics(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let s = &app.statistics.stats;
    let summary = vec![Line::from(vec![
        Span::styled(" Articles ", t.dim),
        Span::styled(s.articles.to_string(), t.title),
        Span::styled(" · Quotations ", t.dim),
        Span::styled(s.quotes.to_string(), t.title),
        Span::styled(" · Speakers ", t.dim),
        Span::styled(s.speakers.to_string(), t.title),
        Span::styled(" · Statistics ", t.dim),
        Span::styled(s.statistics.to_string(), t.title),
        Span::styled(" · Findings ", t.dim),
        Span::styled(format!("{} conflicts", s.conflicts), t.conflict),
        Span::raw(", "),
        Span::styled(format!("{} changed", s.changed), t.changed),
        Span::raw(", "),
        Span::styled(format!("{} minor", s.minor), t.minor),
        Span::raw(", "),
        Span::styled(format!("{} corroborated", s.corroborations), t.corroborated),
        Span::raw(format!(", {} related quotations", s.related)),
    ])];
    let top_h = 2u16.min(area.height);
    Paragraph::new(summary).wrap(Wrap { trim: true }).render(
        Rect {
            height: top_h,
            ..area
        },
        buf,
    );

    let rest = Rect {
        y: area.y + top_h + 1,
        height: area.height.saturating_sub(top_h + 1),
        ..area
    };
    let mid_h = (rest.height / 2).max(1);
    let half = rest.width / 2;
    let left = Rect {
        height: mid_h,
        width: half.saturating_sub(1),
        ..rest
    };
    let right = Rect {
        x: rest.x + half + 1,
        width: rest.width - half - 1,
        height: mid_h,
        ..rest
    };

    // Quotations per speaker, as bars.
    Line::styled("Quotations per speaker", t.accent).render(Rect { height: 1, ..left }, buf);
    let max = s.per_speaker.first().map_or(1, |x| x.1).max(1);
    let name_w = (left.width as usize / 3).clamp(6, 20);
    let bar_w = (left.width as usize).saturating_sub(name_w + 5);
    for (n, (name, count)) in s
        .per_speaker
        .iter()
        .take(mid_h.saturating_sub(1) as usize)
        .enumerate()
    {
        let len = (count * bar_w).div_ceil(max);
        Line::from(vec![
            Span::raw(format!("{:<name_w$} ", layout::truncate(name, name_w))),
            Span::styled("█".repeat(len), t.quote),
            Span::raw(format!(" {count}")),
        ])
        .render(
            Rect {
                y: left.y + 1 + n as u16,
                height: 1,
                ..left
            },
            buf,
        );
    }
    if s.per_speaker.is_empty() {
        Line::styled("no attributed quotations", t.dim).render(
            Rect {
                y: left.y + 1,
                height: 1,
                ..left
            },
            buf,
        );
    }

    Line::styled("Most cited figures (articles)", t.accent)
        .render(Rect { height: 1, ..right }, buf);
    for (n, (fig, count)) in s
        .most_cited
        .iter()
        .take(mid_h.saturating_sub(1) as usize)
        .enumerate()
    {
        Line::from(vec![
            Span::styled(format!("{count:>3}  "), t.title),
            Span::styled(
                layout::truncate(fig, right.width.saturating_sub(5) as usize),
                t.statistic,
            ),
        ])
        .render(
            Rect {
                y: right.y + 1 + n as u16,
                height: 1,
                ..right
            },
            buf,
        );
    }
    if s.most_cited.is_empty() {
        Line::styled("no figures", t.dim).render(
            Rect {
                y: right.y + 1,
                height: 1,
                ..right
            },
            buf,
        );
    }

    // Per-article breakdown, most findings first.
    let table_area = Rect {
        y: rest.y + mid_h + 1,
        height: rest.height.saturating_sub(mid_h + 1),
        ..rest
    };
    // Only the rows on screen are built.
    let order = &app.statistics.order;
    let height = table_area.height.saturating_sub(1).max(1) as usize;
    let first = (app.statistics.selected + 1).saturating_sub(height);
    let rows: Vec<Row> = order[first.min(order.len())..]
        .iter()
        .take(height)
        .map(|&i| {
            let s = &app.data.summaries[i];
            Row::new(vec![
                inert_line(&app.article_title(i)).into_owned(),
                format!("{:>4}", s.quotes),
                format!("{:>3}", s.figures),
                format!("{:>4}", app.data.finding_counts[i]),
            ])
        })
        .collect();
    let table = Table::new(
        rows,
        [
            Constraint::Fill(1),
            Constraint::Length(4),
            Constraint::Length(3),
            Constraint::Length(4),
        ],
    )
    .header(Row::new(["Per article", "Quot", "Fig", "Find"]).style(t.accent))
    .row_highlight_style(t.selected);
    let mut state = TableState::default().with_selected(app.statistics.selected.checked_sub(first));
    StatefulWidget::render(table, table_area, buf, &mut state);
}
