//! The screen shown while an empty index is first built: the corpus folders and a gauge.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Gauge, Paragraph, Widget, Wrap};

use crate::index::Progress;

/// Draws the progress of the first indexing of `roots`.
pub fn loading(roots: &[String], p: Option<Progress>, area: Rect, buf: &mut Buffer) {
    let b = Rect::new(
        area.x + 2.min(area.width),
        area.y + area.height / 3,
        area.width.saturating_sub(4),
        5.min(area.height),
    );
    let (ratio, label) = match p {
        None => (0.0, "opening the index…".to_string()),
        Some(Progress::Scanned { files }) => (0.0, format!("found {files} files")),
        Some(Progress::Indexed { done, total }) => (
            done as f64 / total.max(1) as f64,
            format!("indexing {done}/{total}"),
        ),
        Some(Progress::Committed) | Some(Progress::Analyzing) => {
            (1.0, "comparing claims across articles…".to_string())
        }
    };
    let block = Block::default().borders(Borders::ALL).title(" crosscheck ");
    let inner = block.inner(b);
    block.render(b, buf);
    Paragraph::new(Line::raw(
        crate::text::inert_line(&roots.join(", ")).into_owned(),
    ))
    .wrap(Wrap { trim: true })
    .render(
        Rect {
            height: inner.height.min(1),
            ..inner
        },
        buf,
    );
    if inner.height > 1 {
        Gauge::default()
            .ratio(ratio.clamp(0.0, 1.0))
            .label(label)
            .render(
                Rect {
                    y: inner.y + inner.height - 1,
                    height: 1,
                    ..inner
                },
                buf,
            );
    }
}
