//! The Notes view: every verdict, note and bookmark, with its claim and article; `f`
//! filters them (by verdict, note, claim or article), Enter jumps to the claim.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, StatefulWidget, Table, TableState, Widget, Wrap};

use super::{keep_visible, motion, step};
use crate::text::inert_line;
use crate::tui::action::{Action, Scope};
use crate::tui::data::Ctx;
use crate::tui::view::{Component, Effect, Target};
use crate::user::annotations::Annotation;

#[derive(Debug, Clone, Default)]
pub struct NotesState {
    pub selected: usize,
    pub offset: usize,
    pub filter: String,
    pub filtering: bool,
}

const HINTS: &[(Action, &str)] = &[
    (Action::Open, "jump to the claim"),
    (Action::Verdict, "verdict"),
    (Action::Note, "note"),
    (Action::Filter, "filter"),
    (Action::NextView, "views"),
    (Action::Help, "help"),
    (Action::Quit, "quit"),
];
const FILTER_HINTS: &[(Action, &str)] = &[(Action::Open, "done"), (Action::Back, "done")];

impl NotesState {
    /// The annotations shown, newest first, filtered.
    pub fn shown<'a>(&self, ctx: &'a Ctx) -> Vec<&'a Annotation> {
        let needle = self.filter.to_lowercase();
        let mut list: Vec<&Annotation> = ctx
            .data
            .annotations
            .iter()
            .filter(|a| {
                needle.is_empty()
                    || [
                        a.verdict.as_deref(),
                        a.note.as_deref(),
                        Some(a.text.as_str()),
                        a.article_title.as_deref(),
                        Some(a.article_path.as_str()),
                    ]
                    .into_iter()
                    .flatten()
                    .any(|s| s.to_lowercase().contains(&needle))
            })
            .collect();
        list.sort_by(|a, b| b.updated.cmp(&a.updated));
        list
    }

    pub fn start_filter(&mut self) {
        self.filtering = true;
    }

    fn rows_shown(area_height: u16) -> usize {
        area_height.saturating_sub(2).max(1) as usize
    }

    /// Where an annotation's claim is in the corpus now: its article (by id, else by
    /// path) and the claim's offsets (by id, else by its words).
    fn target(a: &Annotation, ctx: &Ctx) -> Option<Target> {
        let article = ctx.data.index_of(&a.article_id).or_else(|| {
            ctx.data
                .summaries
                .iter()
                .position(|s| s.path == a.article_path)
        })?;
        let doc = ctx.data.backend.article(&ctx.data.summaries[article].id)?;
        let all = crate::user::annotations::claims_with_ids(&doc.article.id, &doc.claims);
        let found = all
            .iter()
            .find(|c| c.0 == a.claim_id)
            .or_else(|| all.iter().find(|c| c.2 == a.text))?;
        Some(Target {
            article,
            start: found.4.start,
            end: found.4.end,
        })
    }
}

impl Component for NotesState {
    fn handle(&mut self, action: &Action, ctx: &Ctx) -> Effect {
        let len = self.shown(ctx).len();
        if !self.filtering
            && let Some(delta) = motion(action, self.page(ctx))
        {
            self.selected = step(self.selected, delta, len);
            self.offset = keep_visible(
                self.offset,
                self.selected,
                Self::rows_shown(ctx.content().height),
            );
            return Effect::None;
        }
        match action {
            Action::Insert(c) => {
                self.filter.push(*c);
                self.selected = 0;
            }
            Action::DeleteChar => {
                self.filter.pop();
                self.selected = 0;
            }
            Action::Open if self.filtering => self.filtering = false,
            Action::Back if self.filtering => self.filtering = false,
            Action::Open => {
                let shown = self.shown(ctx);
                let Some(a) = shown.get(self.selected) else {
                    return Effect::None;
                };
                return match Self::target(a, ctx) {
                    Some(t) => Effect::JumpTo(t),
                    None => Effect::Message(
                        "its claim is no longer in the corpus (the note is kept)".into(),
                    ),
                };
            }
            Action::Verdict | Action::Bookmark => {
                let shown = self.shown(ctx);
                let Some(&a) = shown.get(self.selected) else {
                    return Effect::None;
                };
                // The changed annotation is the newest: it moves to the top.
                (self.selected, self.offset) = (0, 0);
                return Effect::Annotate(super::changed(
                    vec![a.clone()],
                    action,
                    &ctx.data.verdicts,
                ));
            }
            Action::Note => {
                let shown = self.shown(ctx);
                let Some(a) = shown.get(self.selected) else {
                    return Effect::None;
                };
                return match Self::target(a, ctx) {
                    Some(t) => Effect::AnnotateAt(vec![t], Action::Note),
                    None => Effect::Message(
                        "its claim is no longer in the corpus: `crosscheck note ID --text` changes the note"
                            .into(),
                    ),
                };
            }
            _ => return Effect::Unhandled,
        }
        Effect::None
    }

    fn draw(&self, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
        draw(self, ctx, area, buf);
    }

    fn hints(&self) -> &'static [(Action, &'static str)] {
        if self.filtering { FILTER_HINTS } else { HINTS }
    }

    fn clamp(&mut self, ctx: &Ctx) {
        self.selected = self.selected.min(self.shown(ctx).len().saturating_sub(1));
        self.offset = keep_visible(
            self.offset,
            self.selected,
            Self::rows_shown(ctx.content().height),
        );
    }

    fn editing(&self) -> bool {
        self.filtering
    }

    /// The library's keys (f filters) apply here too.
    fn scope(&self) -> Scope {
        Scope::Library
    }

    fn page(&self, ctx: &Ctx) -> usize {
        Self::rows_shown(ctx.content().height)
    }
}

fn draw(st: &NotesState, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let t = ctx.theme;
    if ctx.data.annotations.is_empty() {
        Paragraph::new(vec![
            Line::styled("No verdicts or notes yet.", t.title),
            Line::raw(""),
            Line::raw(format!(
                "In an article, put the cursor on a claim (Tab) and press {} for a verdict, {} for a note, {} for a bookmark; or use `crosscheck note`.",
                ctx.keymap.first_label(&Action::Verdict).unwrap_or_default(),
                ctx.keymap.first_label(&Action::Note).unwrap_or_default(),
                ctx.keymap.first_label(&Action::Bookmark).unwrap_or_default(),
            )),
        ])
        .wrap(Wrap { trim: true })
        .render(area, buf);
        return;
    }
    let shown = st.shown(ctx);
    let mut info = vec![Span::styled(
        match ctx.data.annotations.len() {
            1 => " 1 annotation".to_string(),
            n => format!(" {n} annotations"),
        },
        t.dim,
    )];
    if st.filtering || !st.filter.is_empty() {
        info.push(Span::styled(" · filter: ", t.dim));
        info.push(Span::styled(inert_line(&st.filter).into_owned(), t.accent));
        if st.filtering {
            info.push(Span::styled("▏", t.accent));
        }
        info.push(Span::styled(format!(" ({} shown)", shown.len()), t.dim));
    }
    Line::from(info).render(Rect { height: 1, ..area }, buf);
    let height = NotesState::rows_shown(area.height);
    let offset = st.offset.min(shown.len());
    let rows: Vec<Row> = shown[offset..]
        .iter()
        .take(height)
        .map(|a| {
            let verdict = a.label();
            let article = a.article_title.as_deref().unwrap_or(&a.article_path);
            Row::new(vec![
                Cell::from(inert_line(&verdict).into_owned()).style(t.accent),
                Cell::from(format!("“{}”", inert_line(&a.text))).style(t.title),
                Cell::from(inert_line(a.note.as_deref().unwrap_or("")).into_owned()),
                Cell::from(inert_line(article).into_owned()).style(t.dim),
            ])
        })
        .collect();
    let table = Table::new(
        rows,
        [
            Constraint::Length(12),
            Constraint::Fill(2),
            Constraint::Fill(2),
            Constraint::Fill(1),
        ],
    )
    .header(Row::new(["Verdict", "Claim", "Note", "Article"]).style(t.accent))
    .row_highlight_style(t.selected);
    let mut state = TableState::default().with_selected(st.selected.checked_sub(offset));
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
