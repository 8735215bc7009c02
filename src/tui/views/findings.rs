//! The findings view: every finding and related-quotes group of the corpus, as
//! headings; a heading's sides (the figures or quotations in each article) are shown
//! when it is expanded, and Enter on a side jumps to it.

use std::collections::BTreeSet;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{motion, step};
use crate::crossref::{DiffPart, FindingKind, Record, RecordKind, RelatedKind};
use crate::text::inert_line;
use crate::tui::action::Action;
use crate::tui::data::{Ctx, Shared};
use crate::tui::layout;
use crate::tui::theme::finding_marker;
use crate::tui::view::{Component, Effect, Target};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// When the findings hold at most this many sides in all, the findings view shows every
/// side; above it, each finding is a heading that Enter expands.
pub const AUTO_EXPAND_SIDES: usize = 2_000;

/// A line of the findings view.
#[derive(Debug, Clone, PartialEq)]
pub enum FindingRow {
    Section(String),
    /// A finding (or a related-quotes group) and its subject.
    Header {
        kind: Option<FindingKind>,
        text: String,
        /// The record it heads, and whether its sides are shown below it.
        record: usize,
        expanded: bool,
    },
    /// An explanation.
    Note(String),
    Diff(Vec<DiffPart>),
    /// One side: a figure or quotation in an article; Enter jumps to it.
    Side {
        target: Target,
        kind: Option<FindingKind>,
        claim: String,
        /// The claim's own words, to find the user's annotation on it (empty for an
        /// edited article, which is not a claim).
        words: String,
        article: String,
        detail: String,
    },
    Blank,
}

#[derive(Debug, Clone, Default)]
pub struct FindingsState {
    pub rows: Vec<FindingRow>,
    /// Indices of the rows Enter acts on: sides, and headings not yet expanded.
    pub selectable: Vec<usize>,
    /// Records whose sides are shown.
    pub expanded: BTreeSet<usize>,
    /// Index into `selectable`.
    pub selected: usize,
    /// First row shown.
    pub offset: usize,
}

const HINTS: &[(Action, &str)] = &[
    (Action::Open, "jump to the claim"),
    (Action::Down, "next"),
    (Action::Story, "its story"),
    (Action::Verdict, "verdict"),
    (Action::Note, "note"),
    (Action::Back, "back"),
    (Action::NextView, "views"),
    (Action::Help, "help"),
    (Action::Quit, "quit"),
];

/// The rows of the findings view: a heading per record, with the sides of the expanded
/// ones. When the corpus's findings are few, all are expanded.
fn build(data: &Shared, mut expanded: BTreeSet<usize>) -> FindingsState {
    let heads = data.records.heads();
    let shown = |k: RecordKind| !matches!(k, RecordKind::Passage);
    let sides: usize = heads.iter().filter(|h| shown(h.kind)).map(|h| h.len).sum();
    if sides <= AUTO_EXPAND_SIDES {
        expanded = (0..heads.len()).collect();
    }
    let mut rows = Vec::new();
    let in_section = |n: usize, sec: usize| match heads[n].kind {
        RecordKind::Finding(FindingKind::Corroboration) => sec == 1,
        RecordKind::Finding(_) => sec == 0,
        RecordKind::Related(_) => sec == 2,
        RecordKind::Passage => false,
    };
    let titles = [
        "Conflicts, figures that moved, minor discrepancies",
        "Corroborations",
        "Related quotations",
    ];
    let side = |article: usize, start, end, kind, claim, words, detail| FindingRow::Side {
        target: Target {
            article,
            start,
            end,
        },
        kind,
        claim,
        words,
        article: data.article_label(article),
        detail,
    };
    // Fetched articles revised since an earlier version (`edited`): each opens at its top.
    if !data.edits.is_empty() {
        let mut edited: Vec<(usize, &String)> = data
            .edits
            .iter()
            .filter_map(|(id, what)| data.index_of(id).map(|i| (i, what)))
            .collect();
        edited.sort();
        rows.push(FindingRow::Section(format!(
            "Edited: fetched articles revised since an earlier version ({})",
            edited.len()
        )));
        for (article, what) in edited {
            rows.push(side(
                article,
                0,
                0,
                Some(FindingKind::ChangedOverTime),
                data.article_title(article),
                String::new(),
                what.clone(),
            ));
        }
        rows.push(FindingRow::Blank);
    }
    for (sec, title) in titles.iter().enumerate() {
        let list: Vec<usize> = (0..heads.len()).filter(|&n| in_section(n, sec)).collect();
        rows.push(FindingRow::Section(format!("{title} ({})", list.len())));
        if list.is_empty() {
            rows.push(FindingRow::Note("none".into()));
        }
        for n in list {
            let h = &heads[n];
            let open = expanded.contains(&n);
            let record = if open {
                data.records.record(n).ok()
            } else {
                None
            };
            match (&h.kind, record) {
                (RecordKind::Finding(kind), record) => {
                    rows.push(FindingRow::Header {
                        kind: Some(*kind),
                        text: format!("{}  · strength {:.2}", h.title, h.strength),
                        record: n,
                        expanded: open,
                    });
                    if let Some(Record::Finding(f)) = record {
                        rows.push(FindingRow::Note(f.explanation.clone()));
                        for c in &f.claims {
                            if let Some(article) = data.index_of(&c.article_id) {
                                let mut detail = c.sentence.clone();
                                if let Some(t) = &c.time {
                                    detail = format!("{detail} [{t}]");
                                }
                                let claim = c.text.clone();
                                rows.push(side(
                                    article,
                                    c.start,
                                    c.end,
                                    Some(f.kind),
                                    claim,
                                    c.text.clone(),
                                    detail,
                                ));
                            }
                        }
                    } else {
                        rows.push(FindingRow::Note(format!(
                            "{} figures — Enter shows them",
                            h.len
                        )));
                    }
                }
                (RecordKind::Related(kind), record) => {
                    let word = match kind {
                        RelatedKind::Variant => "different wording",
                        RelatedKind::Repeated => "repeated word for word",
                        RelatedKind::SameSpeaker => "same speaker",
                    };
                    rows.push(FindingRow::Header {
                        kind: None,
                        text: format!("{} — {word}", h.title),
                        record: n,
                        expanded: open,
                    });
                    if let Some(Record::Related(r)) = record {
                        if let Some(d) = &r.diff {
                            rows.push(FindingRow::Diff(d.clone()));
                        }
                        for q in &r.quotes {
                            if let Some(article) = data.index_of(&q.article_id) {
                                let claim = format!("“{}”", q.text);
                                rows.push(side(
                                    article,
                                    q.start,
                                    q.end,
                                    None,
                                    claim,
                                    q.text.clone(),
                                    String::new(),
                                ));
                            }
                        }
                    } else {
                        rows.push(FindingRow::Note(format!(
                            "{} quotations — Enter shows them",
                            h.len
                        )));
                    }
                }
                (RecordKind::Passage, _) => continue,
            }
            rows.push(FindingRow::Blank);
        }
    }
    let selectable = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            matches!(
                r,
                FindingRow::Side { .. }
                    | FindingRow::Header {
                        expanded: false,
                        ..
                    }
            )
        })
        .map(|(i, _)| i)
        .collect();
    FindingsState {
        rows,
        selectable,
        expanded,
        selected: 0,
        offset: 0,
    }
}

impl FindingsState {
    /// The view over the findings of `data`.
    pub fn new(data: &Shared) -> FindingsState {
        build(data, BTreeSet::new())
    }

    /// Shows the sides of a finding, with the first one selected.
    fn expand(&mut self, record: usize, ctx: &Ctx) {
        let expanded = std::mem::take(&mut self.expanded);
        let offset = self.offset;
        let mut next = build(ctx.data, expanded.into_iter().chain([record]).collect());
        let header = next
            .rows
            .iter()
            .position(|r| matches!(r, FindingRow::Header { record: n, .. } if *n == record));
        if let Some(h) = header {
            next.selected = next.selectable.iter().position(|&r| r > h).unwrap_or(0);
        }
        next.offset = offset;
        *self = next;
        self.keep_visible(ctx);
    }

    fn keep_visible(&mut self, ctx: &Ctx) {
        let Some(&row) = self.selectable.get(self.selected) else {
            return;
        };
        let h = ctx.findings_rows();
        // Show the finding's header with its first side where possible.
        let mut top = row;
        while top > 0
            && row - top < 3
            && !matches!(
                self.rows[top],
                FindingRow::Header { .. } | FindingRow::Section(_)
            )
        {
            top -= 1;
        }
        if row < self.offset || top < self.offset {
            self.offset = top;
        } else if row >= self.offset + h {
            self.offset = row + 1 - h;
        }
    }

    /// The story of the finding the selection belongs to.
    fn story(&self, ctx: &Ctx) -> Effect {
        let Some(&row) = self.selectable.get(self.selected) else {
            return Effect::None;
        };
        let record = self.rows[..=row].iter().rev().find_map(|r| match r {
            FindingRow::Header { record, .. } => Some(*record),
            _ => None,
        });
        let heads = ctx.data.records.heads();
        match record.and_then(|n| heads.get(n)) {
            Some(h) => match &h.story {
                Some(id) => Effect::ShowStory(id.clone()),
                None => Effect::Message("this entry belongs to no one story".into()),
            },
            None => Effect::None,
        }
    }

    /// A verdict, bookmark or note key: on a side, its claim; on a finding's heading, all
    /// its sides (shown first).
    fn annotate(&mut self, action: &Action, ctx: &Ctx) -> Effect {
        let Some(&row) = self.selectable.get(self.selected) else {
            return Effect::None;
        };
        let targets = match &self.rows[row] {
            FindingRow::Side { words, .. } if words.is_empty() => {
                return Effect::Message(
                    "an edited article is not one claim: open it (Enter) and mark its claims"
                        .into(),
                );
            }
            FindingRow::Side { target, .. } => vec![target.clone()],
            FindingRow::Header { record, .. } => {
                let record = *record;
                self.expand(record, ctx);
                self.sides_of(record)
            }
            _ => return Effect::None,
        };
        Effect::AnnotateAt(targets, action.clone())
    }

    /// The claims shown under a record's heading.
    fn sides_of(&self, record: usize) -> Vec<Target> {
        let Some(h) = self
            .rows
            .iter()
            .position(|r| matches!(r, FindingRow::Header { record: n, .. } if *n == record))
        else {
            return Vec::new();
        };
        self.rows[h + 1..]
            .iter()
            .take_while(|r| !matches!(r, FindingRow::Header { .. } | FindingRow::Section(_)))
            .filter_map(|r| match r {
                FindingRow::Side { target, .. } => Some(target.clone()),
                _ => None,
            })
            .collect()
    }

    fn open(&mut self, ctx: &Ctx) -> Effect {
        match self
            .selectable
            .get(self.selected)
            .and_then(|&r| self.rows.get(r))
        {
            Some(FindingRow::Side { target, .. }) => Effect::JumpTo(target.clone()),
            Some(FindingRow::Header { record, .. }) => {
                let record = *record;
                self.expand(record, ctx);
                Effect::None
            }
            _ => Effect::None,
        }
    }
}

impl Component for FindingsState {
    fn handle(&mut self, action: &Action, ctx: &Ctx) -> Effect {
        if let Some(delta) = motion(action, self.page(ctx)) {
            self.selected = step(self.selected, delta, self.selectable.len());
            self.keep_visible(ctx);
            return Effect::None;
        }
        match action {
            Action::Open => self.open(ctx),
            Action::Story => self.story(ctx),
            Action::Verdict | Action::Bookmark | Action::Note => self.annotate(action, ctx),
            Action::Click { row, .. } => {
                let r = self.offset + row.saturating_sub(ctx.content().y) as usize;
                if let Some(i) = self.selectable.iter().position(|&s| s == r) {
                    if i == self.selected {
                        return self.open(ctx);
                    }
                    self.selected = i;
                }
                Effect::None
            }
            _ => Effect::Unhandled,
        }
    }

    fn draw(&self, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
        draw(self, ctx, area, buf);
    }

    fn hints(&self) -> &'static [(Action, &'static str)] {
        HINTS
    }

    fn clamp(&mut self, ctx: &Ctx) {
        self.keep_visible(ctx);
    }

    fn data_changed(&mut self, ctx: &Ctx) {
        let selected = self.selected;
        let expanded = std::mem::take(&mut self.expanded);
        *self = build(ctx.data, expanded);
        self.selected = selected.min(self.selectable.len().saturating_sub(1));
    }

    fn page(&self, ctx: &Ctx) -> usize {
        ctx.findings_rows()
    }
}

// ---- drawing ----------------------------------------------------------------------------

/// The user's annotation on the claim with these words in this article.
fn annotation_on<'a>(
    ctx: &'a Ctx,
    article: usize,
    words: &str,
) -> Option<&'a crate::user::annotations::Annotation> {
    if words.is_empty() || ctx.data.annotations.is_empty() {
        return None;
    }
    let id = &ctx.data.summaries.get(article)?.id;
    ctx.data
        .annotations
        .iter()
        .find(|a| &a.article_id == id && a.text == words)
}

fn draw(f: &FindingsState, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let t = ctx.theme;
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
                spans.extend(ctx.theme.diff_spans(d));
                Line::from(spans)
            }
            FindingRow::Side {
                target,
                kind,
                claim,
                words,
                article,
                ..
            } => {
                let claim_style = match kind {
                    Some(k) => t.finding(*k),
                    None => t.quote,
                };
                let mark = annotation_on(ctx, target.article, words)
                    .map(|a| format!("✎ {} ", inert_line(&a.label())).replace("  ", " "))
                    .unwrap_or_default();
                let claim_txt = layout::truncate(claim, (w / 2).max(8));
                let rest = w.saturating_sub(layout::width(&claim_txt) + layout::width(&mark) + 7);
                let mut line = Line::from(vec![
                    Span::raw("   ▸ "),
                    Span::styled(mark, t.accent),
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
            target,
            article,
            detail,
            claim,
            words,
            ..
        }) => {
            // The explanation of the finding the side belongs to: the note under its header.
            let row = selected_row.unwrap_or(0);
            let explanation = f.rows[..row].iter().rev().find_map(|r| match r {
                FindingRow::Note(n) => Some(n.as_str()),
                FindingRow::Section(_) => Some(""),
                _ => None,
            });
            // The user's verdict and note go beside the article (the pane is short).
            let mut head = vec![Span::styled(inert_line(article).into_owned(), t.title)];
            if let Some(a) = annotation_on(ctx, target.article, words) {
                let parts: Vec<String> = [Some(a.label()), a.note.clone()]
                    .into_iter()
                    .flatten()
                    .filter(|p| !p.is_empty())
                    .collect();
                let s = format!("  ✎ {}", parts.join(" · "));
                head.push(Span::styled(inert_line(&s).into_owned(), t.accent));
            }
            let mut lines = vec![
                Line::from(head),
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
