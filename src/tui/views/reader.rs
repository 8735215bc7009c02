//! The reader: one article with its claims marked, a cursor that moves between claims,
//! search matches to step through, the raw file beside the clean text, and two
//! cross-article questions about the claim under the cursor (its speaker's quotations
//! elsewhere, the other sides of its figure's findings), asked off the UI thread.
//!
//! The view's state is the open article, if any: `Option<ReaderState>`.

use std::ops::Range;
use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_segmentation::UnicodeSegmentation;

use super::{changed, motion};
use crate::claims::QuoteKind;
use crate::corpus::{RawText, raw_text};
use crate::crossref::{FindingKind, Record, RecordKind, overlaps};
use crate::index::StoredArticle;
use crate::text::inert_line;
use crate::tui::action::{Action, Scope};
use crate::tui::data::{Ctx, Shared};
use crate::tui::jobs::{Answer, Query};
use crate::tui::layout::{self, DocLine};
use crate::tui::overlay::{Popup, PopupItem};
use crate::tui::theme::{Theme, finding_marker};
use crate::tui::view::{Component, Effect, Target};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// What a claim in the reader is.
#[derive(Debug, Clone, PartialEq)]
pub enum ClaimKind {
    Quote {
        speaker: Option<String>,
        role: Option<String>,
        term: bool,
    },
    Statistic {
        subject: Option<String>,
    },
}

/// A claim as the reader marks it: where it stands in the body, what it is, and the
/// strongest finding it is part of.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub kind: ClaimKind,
    pub finding: Option<FindingKind>,
}

/// What the reader shows of the open article besides its text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleInfo {
    pub marks: Vec<Mark>,
    pub quotes: usize,
    pub figures: usize,
    pub findings: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReaderState {
    /// The article's place in the library's list.
    pub article: usize,
    /// The article, loaded when it was opened.
    pub doc: Arc<StoredArticle>,
    /// Its claims as marked, and its counts.
    pub info: Arc<ArticleInfo>,
    /// First screen line shown.
    pub scroll: usize,
    /// The claim (index into the article's marks) under the cursor.
    pub cursor: Option<usize>,
    pub raw: Option<RawText>,
    pub query: Option<String>,
    pub matches: Vec<Range<usize>>,
    pub current_match: Option<usize>,
    /// The note being written: the annotations it goes on (the claim under the cursor,
    /// or a finding's sides) and the text typed so far.
    pub note_input: Option<(Vec<crate::user::annotations::Annotation>, String)>,
}

fn valid_range(body: &str, start: usize, end: usize) -> bool {
    start <= end && end <= body.len() && body.is_char_boundary(start) && body.is_char_boundary(end)
}

/// The claims of an article as the reader marks them, each with the strongest finding
/// it is part of.
pub fn article_info(data: &Shared, s: &StoredArticle) -> ArticleInfo {
    let body = &s.article.body;
    let mut marks: Vec<Mark> = Vec::new();
    for q in &s.claims.quotes {
        if valid_range(body, q.start, q.end) {
            marks.push(Mark {
                start: q.start,
                end: q.end,
                kind: ClaimKind::Quote {
                    speaker: q.speaker.clone(),
                    role: q.role.clone(),
                    term: q.kind == QuoteKind::Term,
                },
                finding: None,
            });
        }
    }
    for st in &s.claims.statistics {
        if valid_range(body, st.start, st.end) {
            marks.push(Mark {
                start: st.start,
                end: st.end,
                kind: ClaimKind::Statistic {
                    subject: st.subject.clone(),
                },
                finding: None,
            });
        }
    }
    let mut findings = 0;
    for r in data.records_of(&s.article.id, |k| matches!(k, RecordKind::Finding(_))) {
        let Record::Finding(f) = r else { continue };
        let mut involved = false;
        for c in f.claims.iter().filter(|c| c.article_id == s.article.id) {
            involved = true;
            if !valid_range(body, c.start, c.end) {
                continue;
            }
            let r = c.start..c.end;
            let existing = marks.iter_mut().find(|m| {
                matches!(m.kind, ClaimKind::Statistic { .. }) && overlaps(&(m.start..m.end), &r)
            });
            let mark = match existing {
                Some(m) => m,
                None => {
                    marks.push(Mark {
                        start: c.start,
                        end: c.end,
                        kind: ClaimKind::Statistic {
                            subject: Some(f.subject.clone()),
                        },
                        finding: None,
                    });
                    marks.last_mut().expect("just pushed")
                }
            };
            if mark.finding.is_none_or(|k| f.kind.rank() < k.rank()) {
                mark.finding = Some(f.kind);
            }
        }
        if involved {
            findings += 1;
        }
    }
    marks.sort_by_key(|m| (m.start, m.end));
    ArticleInfo {
        marks,
        quotes: s
            .claims
            .quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Quote)
            .count(),
        figures: s.claims.statistics.len(),
        findings,
    }
}

const HINTS: &[(Action, &str)] = &[
    (Action::NextClaim, "next claim"),
    (Action::RelatedQuotes, "related quotes"),
    (Action::OtherSide, "other side"),
    (Action::ToggleRaw, "raw"),
    (Action::Verdict, "verdict"),
    (Action::Back, "back"),
    (Action::Help, "help"),
    (Action::Quit, "quit"),
];

/// While a note is typed.
const NOTE_HINTS: &[(Action, &str)] = &[
    (Action::Open, "save the note"),
    (Action::Back, "cancel"),
    (Action::HalfPageUp, "clear"),
];

/// The raw file's hints: claims are not marked there, so only scrolling and leaving.
const RAW_HINTS: &[(Action, &str)] = &[
    (Action::Down, "scroll"),
    (Action::ToggleRaw, "clean text"),
    (Action::Back, "back"),
    (Action::Help, "help"),
    (Action::Quit, "quit"),
];

impl ReaderState {
    /// Article `article` of the library, opened at the top.
    pub fn open(article: usize, doc: StoredArticle, data: &Shared) -> ReaderState {
        let info = article_info(data, &doc);
        ReaderState {
            article,
            doc: Arc::new(doc),
            info: Arc::new(info),
            scroll: 0,
            cursor: None,
            raw: None,
            query: None,
            matches: Vec::new(),
            current_match: None,
            note_input: None,
        }
    }

    /// The document as laid out at the current size: the clean text, or the raw file.
    pub fn lines(&self, ctx: &Ctx) -> Vec<DocLine> {
        let width = ctx.reader_areas().body.width as usize;
        match &self.raw {
            Some(raw) => layout::raw_lines(&raw.lines, width),
            None => layout::body_lines(&self.doc.article.body, width),
        }
    }

    /// The claim under the cursor.
    pub fn cursor_mark(&self) -> Option<&Mark> {
        self.info.marks.get(self.cursor?)
    }

    /// The user's annotation on a mark's claim, if any.
    pub fn annotation_of<'a>(
        &self,
        m: &Mark,
        ctx: &'a Ctx,
    ) -> Option<&'a crate::user::annotations::Annotation> {
        if ctx.data.annotations.is_empty() {
            return None;
        }
        let art = &self.doc.article;
        let id = crate::user::annotations::id_at(&art.id, &self.doc.claims, m.start, m.end)?;
        ctx.data.annotations.iter().find(|a| a.claim_id == id)
    }

    /// The annotation of the claim under the cursor: the user's, or a new empty one.
    fn annotation_under_cursor(&self, ctx: &Ctx) -> Option<crate::user::annotations::Annotation> {
        let m = self.cursor_mark()?;
        crate::user::annotations::for_claim(
            &self.doc.article,
            &self.doc.claims,
            m.start,
            m.end,
            &ctx.data.annotations,
        )
    }

    /// Opens the note editor on these annotations, with the first one's note.
    pub fn start_note(&mut self, annotations: Vec<crate::user::annotations::Annotation>) {
        let text = annotations
            .first()
            .and_then(|a| a.note.clone())
            .unwrap_or_default();
        self.note_input = Some((annotations, text));
    }

    /// Puts the cursor on the claim at a target and scrolls to it.
    pub fn go_to(&mut self, t: &Target, ctx: &Ctx) {
        let range = t.start..t.end;
        let marks = &self.info.marks;
        self.cursor = marks.iter().position(|m| m.start == t.start).or_else(|| {
            marks
                .iter()
                .position(|m| overlaps(&(m.start..m.end), &range))
        });
        self.scroll_to_offset(t.start, ctx);
    }

    /// Highlights a search's matches and scrolls to the first (or to where the hit's
    /// snippet starts when the query matches nothing in the body).
    pub fn show_matches(
        &mut self,
        query: String,
        matches: Vec<Range<usize>>,
        snippet_start: usize,
        ctx: &Ctx,
    ) {
        self.query = Some(query);
        self.matches = matches;
        match self.matches.first().map(|m| m.start) {
            None => self.scroll_to_offset(snippet_start, ctx),
            Some(at) => {
                self.current_match = Some(0);
                self.scroll_to_offset(at, ctx);
            }
        }
    }

    /// Scrolls so the body offset is in view (a third from the top), unless it is already.
    fn scroll_to_offset(&mut self, offset: usize, ctx: &Ctx) {
        if self.raw.is_some() {
            return;
        }
        let lines = self.lines(ctx);
        let h = ctx.reader_height();
        let Some(line) = layout::line_of_offset(&lines, offset) else {
            return;
        };
        if line < self.scroll || line >= self.scroll + h {
            self.scroll = line.saturating_sub(h / 3);
        }
        self.scroll = self.scroll.min(lines.len().saturating_sub(h));
    }

    /// The body offset at the top of the screen.
    fn top_offset(&self, ctx: &Ctx) -> usize {
        self.lines(ctx)
            .iter()
            .skip(self.scroll)
            .find_map(|l| match l {
                DocLine::Body(r) => Some(r.start),
                _ => None,
            })
            .unwrap_or(0)
    }

    fn offset_visible(&self, offset: usize, ctx: &Ctx) -> bool {
        let lines = self.lines(ctx);
        layout::line_of_offset(&lines, offset)
            .is_some_and(|l| l >= self.scroll && l < self.scroll + ctx.reader_height())
    }

    fn step_claim(&mut self, forward: bool, ctx: &Ctx) -> Effect {
        if self.raw.is_some() {
            return Effect::Message(
                "claims are marked in the clean text: press v to leave the raw text".into(),
            );
        }
        let marks = &self.info.marks;
        if marks.is_empty() {
            return Effect::Message("no quotations or figures found in this article".into());
        }
        let cursor_visible = self
            .cursor
            .and_then(|c| marks.get(c))
            .is_some_and(|m| self.offset_visible(m.start, ctx));
        let next = match (self.cursor, cursor_visible) {
            (Some(c), true) => {
                if forward {
                    (c + 1 < marks.len()).then_some(c + 1)
                } else {
                    c.checked_sub(1)
                }
            }
            _ => {
                let match_at = self
                    .current_match
                    .and_then(|m| self.matches.get(m))
                    .filter(|m| self.offset_visible(m.start, ctx))
                    .map(|m| m.start);
                let at = match_at.unwrap_or_else(|| self.top_offset(ctx));
                if forward {
                    marks.iter().position(|m| m.start >= at)
                } else {
                    marks.iter().rposition(|m| m.start < at)
                }
            }
        };
        let Some(i) = next else {
            return Effect::Message(
                if forward {
                    "no more claims below"
                } else {
                    "no more claims above"
                }
                .into(),
            );
        };
        let start = marks[i].start;
        self.cursor = Some(i);
        self.scroll_to_offset(start, ctx);
        Effect::None
    }

    fn step_match(&mut self, forward: bool, ctx: &Ctx) -> Effect {
        if self.matches.is_empty() {
            return Effect::Message(match &self.query {
                Some(q) => format!("no matches of `{q}` in this article"),
                None => {
                    "no search: open an article from the search view (/) to move between matches"
                        .into()
                }
            });
        }
        let n = self.matches.len();
        let next = match self.current_match {
            Some(i) if forward => (i + 1) % n,
            Some(i) => (i + n - 1) % n,
            None if forward => {
                let at = self.top_offset(ctx);
                self.matches.iter().position(|m| m.start >= at).unwrap_or(0)
            }
            None => n - 1,
        };
        let wrapped =
            self.current_match.is_some() && ((forward && next == 0) || (!forward && next == n - 1));
        let start = self.matches[next].start;
        self.current_match = Some(next);
        self.scroll_to_offset(start, ctx);
        if wrapped {
            return Effect::Message(
                if forward {
                    "search wrapped to the top"
                } else {
                    "search wrapped to the bottom"
                }
                .into(),
            );
        }
        Effect::None
    }

    /// Asks for the quotations of the speaker of the claim under the cursor.
    fn related_quotes(&self) -> Effect {
        let Some(mark) = self.cursor_mark() else {
            return Effect::Message("move to a quotation first (Tab / ])".into());
        };
        let ClaimKind::Quote { speaker, .. } = &mark.kind else {
            return Effect::Message(
                "this is a figure: o shows the other side of a finding; r works on quotations"
                    .into(),
            );
        };
        Effect::Query(Query::Related {
            article_id: self.doc.article.id.clone(),
            start: mark.start,
            end: mark.end,
            speaker: speaker.clone(),
        })
    }

    /// Asks for the other sides of the findings of the figure under the cursor.
    fn other_side(&self) -> Effect {
        let Some(mark) = self.cursor_mark() else {
            return Effect::Message("move to a figure first (Tab / ])".into());
        };
        if matches!(mark.kind, ClaimKind::Quote { .. }) {
            return Effect::Message(
                "this is a quotation: r lists the speaker's other quotations; o works on figures"
                    .into(),
            );
        }
        Effect::Query(Query::OtherSide {
            article_id: self.doc.article.id.clone(),
            start: mark.start,
            end: mark.end,
            figure: self.doc.article.body[mark.start..mark.end].to_string(),
        })
    }

    fn toggle_raw(&mut self) {
        self.raw = match self.raw {
            Some(_) => None,
            None => Some(raw_text(&self.doc.article)),
        };
        self.scroll = 0;
    }

    fn click(&mut self, column: u16, row: u16, ctx: &Ctx) {
        if self.raw.is_some() {
            return;
        }
        let body_area = ctx.reader_areas().body;
        if row < body_area.y || row >= body_area.y + body_area.height || column < body_area.x {
            return;
        }
        let lines = self.lines(ctx);
        let Some(DocLine::Body(range)) = lines.get(self.scroll + (row - body_area.y) as usize)
        else {
            return;
        };
        let body = &self.doc.article.body;
        let want = (column - body_area.x) as usize;
        let mut w = 0;
        let mut at = None;
        for (i, g) in body[range.clone()].grapheme_indices(true) {
            let gw = layout::width(g);
            if want < w + gw.max(1) {
                at = Some(range.start + i);
                break;
            }
            w += gw;
        }
        let Some(at) = at else { return };
        if let Some(i) = self
            .info
            .marks
            .iter()
            .rposition(|m| m.start <= at && at < m.end)
        {
            self.cursor = Some(i);
        }
    }

    fn clamp_scroll(&mut self, ctx: &Ctx) {
        let max = self.lines(ctx).len().saturating_sub(ctx.reader_height());
        self.scroll = self.scroll.min(max);
    }
}

impl Component for Option<ReaderState> {
    fn handle(&mut self, action: &Action, ctx: &Ctx) -> Effect {
        let Some(r) = self else {
            return Effect::Unhandled;
        };
        if let Some((annotations, text)) = &mut r.note_input {
            match action {
                Action::Insert(c) => text.push(*c),
                Action::DeleteChar => {
                    text.pop();
                }
                Action::HalfPageUp => text.clear(),
                Action::Open => {
                    let t = text.trim();
                    let now = crate::calendar::utc_timestamp(std::time::SystemTime::now());
                    let changed = std::mem::take(annotations)
                        .into_iter()
                        .map(|mut a| {
                            a.note = (!t.is_empty()).then(|| t.to_string());
                            a.updated = now.clone();
                            a
                        })
                        .collect();
                    r.note_input = None;
                    return Effect::Annotate(changed);
                }
                Action::Back => {
                    r.note_input = None;
                    return Effect::Message("the note was not changed".into());
                }
                _ => {}
            }
            return Effect::None;
        }
        if let Some(delta) = motion(action, r.page(ctx)) {
            r.scroll = r.scroll.saturating_add_signed(delta);
            r.clamp_scroll(ctx);
            return Effect::None;
        }
        match action {
            Action::NextClaim => r.step_claim(true, ctx),
            Action::PrevClaim => r.step_claim(false, ctx),
            Action::NextMatch => r.step_match(true, ctx),
            Action::PrevMatch => r.step_match(false, ctx),
            Action::RelatedQuotes => r.related_quotes(),
            Action::OtherSide => r.other_side(),
            Action::Open => match r.cursor_mark().map(|m| &m.kind) {
                Some(ClaimKind::Quote { .. }) => r.related_quotes(),
                Some(ClaimKind::Statistic { .. }) => r.other_side(),
                None => Effect::None,
            },
            Action::ToggleRaw => {
                r.toggle_raw();
                Effect::None
            }
            Action::Note => match r.annotation_under_cursor(ctx) {
                Some(a) => {
                    r.start_note(vec![a]);
                    Effect::None
                }
                None => Effect::Message("put the cursor on a claim first (Tab)".into()),
            },
            Action::Verdict | Action::Bookmark => match r.annotation_under_cursor(ctx) {
                Some(a) => Effect::Annotate(changed(vec![a], action, &ctx.data.verdicts)),
                None => Effect::Message("put the cursor on a claim first (Tab)".into()),
            },
            Action::Story => {
                let id = &r.doc.article.id;
                match ctx.data.stories.iter().find(|s| s.articles.contains(id)) {
                    Some(s) => Effect::ShowStory(s.id.clone()),
                    None => Effect::Message("this article's story is not known yet".into()),
                }
            }
            Action::Click { column, row } => {
                r.click(*column, *row, ctx);
                Effect::None
            }
            _ => Effect::Unhandled,
        }
    }

    fn draw(&self, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
        if let Some(r) = self {
            draw(r, ctx, area, buf);
        }
    }

    fn editing(&self) -> bool {
        self.as_ref().is_some_and(|r| r.note_input.is_some())
    }

    fn hints(&self) -> &'static [(Action, &'static str)] {
        match self {
            Some(r) if r.note_input.is_some() => NOTE_HINTS,
            Some(r) if r.raw.is_some() => RAW_HINTS,
            _ => HINTS,
        }
    }

    fn clamp(&mut self, ctx: &Ctx) {
        if let Some(r) = self {
            r.clamp_scroll(ctx);
        }
    }

    fn scope(&self) -> Scope {
        Scope::Reader
    }

    fn page(&self, ctx: &Ctx) -> usize {
        ctx.reader_height().saturating_sub(1).max(1)
    }
}

impl ReaderState {
    fn page(&self, ctx: &Ctx) -> usize {
        ctx.reader_height().saturating_sub(1).max(1)
    }
}

/// The popup that answers a question asked from the reader, or the message to show
/// instead.
pub fn answer_popup(query: &Query, answer: Answer, data: &Shared) -> Result<Popup, String> {
    let target = |id: &str, start, end| {
        data.index_of(id).map(|article| Target {
            article,
            start,
            end,
        })
    };
    match (query, answer) {
        (Query::Related { speaker, .. }, Answer::Related(quotes)) => {
            let items = quotes
                .into_iter()
                .filter_map(|q| {
                    let target = target(&q.article_id, q.start, q.end)?;
                    Some(PopupItem {
                        kind: q.relation.label().into(),
                        article: data.article_label(target.article),
                        text: q.text,
                        detail: String::new(),
                        diff: q.diff,
                        target,
                    })
                })
                .collect();
            let who = speaker
                .clone()
                .unwrap_or_else(|| "an unnamed speaker".into());
            Ok(Popup {
                title: format!("Quotations by {who}"),
                intro: Vec::new(),
                items,
                selected: 0,
                empty: format!("No other quotations by {who} in the corpus."),
            })
        }
        (Query::OtherSide { figure, .. }, Answer::OtherSide(findings)) => {
            if findings.is_empty() {
                return Err(
                    "this figure is in no finding: no other article gives a figure for the same thing"
                        .into(),
                );
            }
            let mut intro = Vec::new();
            let mut items = Vec::new();
            for (f, others) in findings {
                let (sym, word) = crate::tui::theme::finding_marker(f.kind);
                intro.push(format!("{sym} {word}: {} — {}", f.subject, f.explanation));
                for c in others {
                    let Some(target) = target(&c.article_id, c.start, c.end) else {
                        continue;
                    };
                    items.push(PopupItem {
                        kind: word.into(),
                        article: data.article_label(target.article),
                        text: c.text,
                        detail: c.sentence,
                        diff: None,
                        target,
                    });
                }
            }
            Ok(Popup {
                title: format!("Other side of “{figure}”"),
                intro,
                items,
                selected: 0,
                empty: "The other sides are in articles no longer indexed.".into(),
            })
        }
        _ => Err("the answer does not fit the question".into()),
    }
}

// ---- drawing ----------------------------------------------------------------------------

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
fn styled_line(ctx: &Ctx, r: &ReaderState, body: &str, range: Range<usize>) -> Line<'static> {
    let t = ctx.theme;
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

fn draw(r: &ReaderState, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let t = ctx.theme;
    let areas = layout::reader(area);
    let stored = r.doc.as_ref();
    let article = &stored.article;
    let info = r.info.as_ref();

    // Header: title, then details.
    Line::from(Span::styled(
        layout::truncate(
            &ctx.data.article_title(r.article),
            areas.header.width as usize,
        ),
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
    if let Some(f) = &article.feed
        && article.source.as_ref() != Some(f)
    {
        details.push(format!("via {f}"));
    }
    if let Some(b) = &article.byline {
        details.push(if b.to_lowercase().starts_with("by ") {
            b.clone()
        } else {
            format!("by {b}")
        });
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
    let revised = ctx.data.edits.get(&article.id);
    if areas.header.height > 1 {
        let width = areas.header.width as usize;
        let details = details.join(" · ");
        let mut spans = vec![Span::styled(layout::truncate(&details, width), t.dim)];
        if let Some(e) = revised {
            let left = width.saturating_sub(layout::width(&details) + 3);
            if left > 8 {
                spans.push(Span::styled(" · ", t.dim));
                spans.push(Span::styled(
                    layout::truncate(&inert_line(e), left),
                    t.changed,
                ));
            }
        }
        Line::from(spans).render(
            Rect {
                y: areas.header.y + 1,
                height: 1,
                ..areas.header
            },
            buf,
        );
    }

    let lines = r.lines(ctx);
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
            let label = match (gutter_label(t, m), r.annotation_of(m, ctx)) {
                (Some((text, style)), Some(_)) => Some((format!("✎{text}"), style)),
                (None, Some(a)) => Some((
                    format!(
                        "✎ {}",
                        a.verdict.as_deref().unwrap_or(if a.bookmark {
                            "bookmark"
                        } else {
                            "note"
                        })
                    ),
                    t.accent,
                )),
                (label, None) => label,
            };
            let (Some(first), Some(label)) = (first, label) else {
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
                styled_line(ctx, r, &article.body, range.clone()).render(
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
    let status = status_line(ctx, r);
    Line::from(status).render(areas.status, buf);
}

fn status_line(ctx: &Ctx, r: &ReaderState) -> Vec<Span<'static>> {
    let t = ctx.theme;
    let key = |a: crate::tui::action::Action| ctx.keymap.first_label(&a).unwrap_or_default();
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
    if let Some((on, text)) = &r.note_input {
        let label = match on.len() {
            1 => " note: ".to_string(),
            n => format!(" note on {n} claims: "),
        };
        return vec![
            Span::styled(label, t.accent),
            Span::raw(inert_line(text).into_owned()),
            Span::styled("▏", t.accent),
        ];
    }
    let marks = &r.info.marks;
    if let Some(m) = r.cursor_mark() {
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
        if let Some(a) = r.annotation_of(m, ctx) {
            let mut what = Vec::new();
            if let Some(v) = &a.verdict {
                what.push(v.clone());
            }
            if a.bookmark {
                what.push("bookmarked".into());
            }
            if let Some(n) = &a.note {
                what.push(format!("“{}”", inert_line(n)));
            }
            // Right after "claim n/m", so a narrow window still shows it.
            let at = spans.len().min(1);
            spans.insert(
                at,
                Span::styled(format!("✎ {} · ", what.join(" · ")), t.accent),
            );
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
    let mut spans = vec![Span::styled(
        format!(
            " {} claims · {} next claim · {} raw text",
            marks.len(),
            key(Action::NextClaim),
            key(Action::ToggleRaw)
        ),
        t.dim,
    )];
    if let Some(url) = &r.doc.article.url {
        spans.push(Span::styled(
            format!(" · {} open ", key(Action::OpenLink)),
            t.dim,
        ));
        spans.push(Span::styled(inert_line(url).into_owned(), t.accent));
    }
    spans
}

/// "1 figure", "2 figures".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
