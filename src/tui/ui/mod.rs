//! Drawing: a pure function of `&App`. This file draws the frame (tab bar, hint bar,
//! overlays) and has the current view draw its content; nothing here changes state,
//! and every position it uses comes from `layout`, which the state uses too.

pub mod loading;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{
    Block, Borders, Clear, List, ListItem, ListState, Paragraph, StatefulWidget, Widget, Wrap,
};

use super::action::{Action, Scope};
use super::app::App;
use super::layout;
use super::overlay::{Overlay, Popup};
use super::view::View;
use crate::text::inert_line;

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    frame.render_widget(app, frame.area());
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        if !layout::fits(area) {
            too_small(area, buf);
            return;
        }
        let (tabs_area, content, hints_area) = layout::screen(area);
        tabs(self, tabs_area, buf);
        self.component(self.view).draw(&self.ctx(), content, buf);
        hints(self, hints_area, buf);
        match &self.overlay {
            Some(Overlay::Help { scroll }) => help(self, *scroll, area, buf),
            Some(Overlay::Popup(p)) => popup(self, p, area, buf),
            None => {}
        }
    }
}

fn too_small(area: Rect, buf: &mut Buffer) {
    let text = format!(
        "Too small: {}×{}. crosscheck needs at least {}×{}: make the window bigger, or press q to quit.",
        area.width,
        area.height,
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT
    );
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

fn tabs(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let mut spans = vec![Span::styled(layout::BRAND, t.accent)];
    for (v, label, _) in super::view::tabs(area.width) {
        let style = if v == app.view {
            t.selected.patch(t.title)
        } else if v == View::Reader && app.reader.is_none() {
            t.dim
        } else {
            Style::new()
        };
        spans.push(Span::styled(label, style));
        spans.push(Span::raw(" "));
    }
    Line::from(spans).render(area, buf);
}

/// "key what · key what" from the keymap, so hints follow overrides.
fn hint_spans<'a>(app: &App, items: &[(Action, &'a str)]) -> Vec<Span<'a>> {
    let mut spans = Vec::new();
    for (a, what) in items {
        let Some(key) = app.keymap.first_label(a) else {
            continue;
        };
        if !spans.is_empty() {
            spans.push(Span::styled(" · ", app.theme.dim));
        }
        spans.push(Span::styled(key, app.theme.accent));
        spans.push(Span::raw(format!(" {what}")));
    }
    spans
}

fn hints(app: &App, area: Rect, buf: &mut Buffer) {
    if let Some(m) = &app.message {
        Line::from(Span::styled(inert_line(m).into_owned(), app.theme.accent)).render(area, buf);
        return;
    }
    let items = app.hints();
    let mut spans = vec![Span::raw(" ")];
    if app.editing() {
        spans.push(Span::raw("type · "));
    }
    spans.extend(hint_spans(app, items));
    Line::from(spans).render(area, buf);
}

/// A box in the middle of the screen, cleared.
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width.saturating_sub(2)).max(1);
    let h = height.min(area.height.saturating_sub(2)).max(1);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// The help's lines, from the keymap.
pub fn help_lines(app: &App) -> Vec<Line<'static>> {
    let t = &app.theme;
    let mut lines = Vec::new();
    let entries = app.keymap.help_entries();
    for (scope, title) in [
        (Scope::Global, "Everywhere"),
        (Scope::Library, "Library"),
        (Scope::Reader, "Reader"),
    ] {
        lines.push(Line::from(Span::styled(title.to_string(), t.accent)));
        for (s, keys, desc) in &entries {
            if *s == scope {
                lines.push(Line::from(vec![
                    Span::styled(format!("  {keys:<24}"), t.title),
                    Span::raw(desc.to_string()),
                ]));
            }
        }
        lines.push(Line::raw(""));
    }
    for note in [
        "Tab and Shift-Tab move between claims in the reader and between views elsewhere;",
        "the number keys switch views everywhere. Enter on a claim in the reader opens",
        "its related quotations or the other side of its finding.",
        "In the query box keys type; Enter opens the selected result, Esc leaves the box.",
        "Keys can be changed in $XDG_CONFIG_HOME/crosscheck/config.toml under [keys].",
    ] {
        lines.push(Line::styled(note.to_string(), t.dim));
    }
    lines
}

fn help(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let lines = help_lines(app);
    let box_area = centered(area, 86, lines.len() as u16 + 2);
    Clear.render(box_area, buf);
    let inner_h = box_area.height.saturating_sub(2) as usize;
    let scroll = scroll.min(lines.len().saturating_sub(inner_h));
    Paragraph::new(lines)
        .scroll((scroll as u16, 0))
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(" Keys (? or Esc closes) ")
                .border_style(app.theme.accent),
        )
        .render(box_area, buf);
}

fn popup(app: &App, p: &Popup, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let box_area = centered(
        area,
        area.width.saturating_sub(6).max(30),
        area.height.saturating_sub(4),
    );
    Clear.render(box_area, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(
            " {} ",
            layout::truncate(&p.title, box_area.width.saturating_sub(6) as usize)
        ))
        .title_alignment(Alignment::Left)
        .border_style(t.accent);
    let inner = block.inner(box_area);
    block.render(box_area, buf);
    let w = inner.width as usize;
    let mut intro: Vec<Line> = Vec::new();
    for s in &p.intro {
        for r in layout::wrap(s, w) {
            intro.push(Line::raw(inert_line(&s[r]).into_owned()));
        }
    }
    let intro_h = (intro.len() as u16).min(inner.height / 2);
    Paragraph::new(intro).render(
        Rect {
            height: intro_h,
            ..inner
        },
        buf,
    );
    let list_area = Rect {
        y: inner.y + intro_h,
        height: inner.height - intro_h,
        ..inner
    };
    if p.items.is_empty() {
        Paragraph::new(p.empty.clone())
            .style(t.dim)
            .wrap(Wrap { trim: true })
            .render(list_area, buf);
        return;
    }
    let items: Vec<ListItem> = p
        .items
        .iter()
        .map(|it| {
            let mut lines = vec![Line::from(vec![
                Span::styled(format!("{} ", it.kind), t.accent),
                Span::styled(
                    layout::truncate(&it.article, w.saturating_sub(it.kind.chars().count() + 1)),
                    t.title,
                ),
            ])];
            let quote = format!("“{}”", it.text);
            for r in layout::wrap(&quote, w.saturating_sub(2))
                .into_iter()
                .take(3)
            {
                lines.push(Line::from(vec![
                    Span::raw("  "),
                    Span::styled(inert_line(&quote[r]).into_owned(), t.quote),
                ]));
            }
            if let Some(d) = &it.diff {
                let mut spans = vec![Span::styled("  diff: ", t.dim)];
                spans.extend(app.theme.diff_spans(d));
                lines.push(Line::from(spans));
            }
            if !it.detail.is_empty() {
                for r in layout::wrap(&it.detail, w.saturating_sub(2))
                    .into_iter()
                    .take(3)
                {
                    lines.push(Line::from(vec![
                        Span::raw("  "),
                        Span::styled(inert_line(&it.detail[r]).into_owned(), t.dim),
                    ]));
                }
            }
            lines.push(Line::raw(""));
            ListItem::new(Text::from(lines))
        })
        .collect();
    let list = List::new(items)
        .highlight_style(t.selected)
        .highlight_symbol("");
    let mut state = ListState::default().with_selected(Some(p.selected));
    StatefulWidget::render(list, list_area, buf, &mut state);
}
