//! The reader's styles, as data: colours from the config's `[theme]`, or modifiers only
//! when `NO_COLOR` is set, so every distinction survives on a monochrome terminal.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Span;

use crate::config::ThemeConfig;
use crate::crossref::{DiffPart, FindingKind};
use crate::text::inert_line;

/// Every style the reader draws with.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub quote: Style,
    pub term: Style,
    pub speaker: Style,
    pub statistic: Style,
    pub conflict: Style,
    pub changed: Style,
    pub minor: Style,
    pub corroborated: Style,
    /// Search matches in snippets and the reader.
    pub highlight: Style,
    /// The current match / the claim under the cursor.
    pub current: Style,
    pub accent: Style,
    pub title: Style,
    pub dim: Style,
    /// The selected row of a list.
    pub selected: Style,
    pub removed: Style,
    pub diff_delete: Style,
    pub diff_insert: Style,
    pub error: Style,
    pub no_color: bool,
}

/// Parses "light_blue", "yellow", "#ffaa00".
pub fn parse_color(s: &str) -> Option<Color> {
    let s = s.trim();
    if let Some(hex) = s.strip_prefix('#') {
        if hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()) {
            let v = u32::from_str_radix(hex, 16).ok()?;
            return Some(Color::Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8));
        }
        return None;
    }
    let c = match s.to_ascii_lowercase().replace(['-', ' '], "_").as_str() {
        "black" => Color::Black,
        "red" => Color::Red,
        "green" => Color::Green,
        "yellow" => Color::Yellow,
        "blue" => Color::Blue,
        "magenta" => Color::Magenta,
        "cyan" => Color::Cyan,
        "gray" | "grey" => Color::Gray,
        "dark_gray" | "dark_grey" => Color::DarkGray,
        "light_red" => Color::LightRed,
        "light_green" => Color::LightGreen,
        "light_yellow" => Color::LightYellow,
        "light_blue" => Color::LightBlue,
        "light_magenta" => Color::LightMagenta,
        "light_cyan" => Color::LightCyan,
        "white" => Color::White,
        _ => return None,
    };
    Some(c)
}

impl Default for Theme {
    fn default() -> Self {
        Theme::new(&ThemeConfig::default(), false).0
    }
}

impl Theme {
    /// Spans of a word diff: deleted words struck through, inserted ones underlined.
    pub fn diff_spans(&self, diff: &[DiffPart]) -> Vec<Span<'static>> {
        diff.iter()
            .map(|d| {
                let style = match d.op.as_str() {
                    "delete" => self.diff_delete,
                    "insert" => self.diff_insert,
                    _ => Style::new(),
                };
                Span::styled(inert_line(&d.text).into_owned(), style)
            })
            .collect()
    }

    /// The theme of a config; `no_color` drops every colour. Colours that do not parse
    /// are reported and the default is used.
    pub fn new(cfg: &ThemeConfig, no_color: bool) -> (Theme, Vec<String>) {
        let mut problems = Vec::new();
        let mut pick = |name: &str, value: &Option<String>, default: Color| -> Option<Color> {
            if no_color {
                return None;
            }
            match value {
                None => Some(default),
                Some(v) => match parse_color(v) {
                    Some(c) => Some(c),
                    None => {
                        problems.push(format!(
                            "[theme] {name}: `{v}` is not a colour (a name such as \"light_blue\" or \"#rrggbb\"); using the default"
                        ));
                        Some(default)
                    }
                },
            }
        };
        let quote = pick("quote", &cfg.quote, Color::LightCyan);
        let statistic = pick("statistic", &cfg.statistic, Color::LightYellow);
        let conflict = pick("conflict", &cfg.conflict, Color::LightRed);
        let changed = pick("changed", &cfg.changed, Color::LightMagenta);
        let corroborated = pick("corroborated", &cfg.corroborated, Color::LightGreen);
        let speaker = pick("speaker", &cfg.speaker, Color::Cyan);
        let accent = pick("accent", &cfg.accent, Color::Blue);
        let highlight = pick("highlight", &cfg.highlight, Color::Yellow);
        let fg = |c: Option<Color>| match c {
            Some(c) => Style::new().fg(c),
            None => Style::new(),
        };
        let m = Modifier::empty;
        let theme = Theme {
            quote: fg(quote).add_modifier(Modifier::ITALIC),
            term: fg(quote).add_modifier(m()),
            speaker: fg(speaker).add_modifier(Modifier::BOLD),
            statistic: fg(statistic).add_modifier(Modifier::BOLD),
            conflict: fg(conflict).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            changed: fg(changed).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            minor: fg(changed).add_modifier(Modifier::UNDERLINED),
            corroborated: fg(corroborated).add_modifier(Modifier::BOLD),
            highlight: match highlight {
                Some(c) => Style::new().bg(c).fg(Color::Black),
                None => Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            },
            current: Style::new().add_modifier(Modifier::REVERSED),
            accent: fg(accent).add_modifier(Modifier::BOLD),
            title: Style::new().add_modifier(Modifier::BOLD),
            dim: if no_color {
                Style::new().add_modifier(Modifier::DIM)
            } else {
                Style::new().fg(Color::DarkGray)
            },
            selected: Style::new().add_modifier(Modifier::REVERSED),
            removed: if no_color {
                Style::new().add_modifier(Modifier::DIM | Modifier::CROSSED_OUT)
            } else {
                Style::new()
                    .fg(Color::DarkGray)
                    .add_modifier(Modifier::CROSSED_OUT)
            },
            diff_delete: fg(conflict).add_modifier(Modifier::CROSSED_OUT),
            diff_insert: fg(corroborated).add_modifier(Modifier::UNDERLINED),
            error: fg(conflict).add_modifier(Modifier::BOLD),
            no_color,
        };
        (theme, problems)
    }

    /// The style of a figure involved in a finding of this kind.
    pub fn finding(&self, kind: FindingKind) -> Style {
        match kind {
            FindingKind::Conflict => self.conflict,
            FindingKind::ChangedOverTime => self.changed,
            FindingKind::MinorDiscrepancy => self.minor,
            FindingKind::Corroboration => self.corroborated,
        }
    }
}

/// The marker and word of a finding kind, as the reader's gutter and the findings view
/// show them.
pub fn finding_marker(kind: FindingKind) -> (&'static str, &'static str) {
    match kind {
        FindingKind::Conflict => ("≠", "conflict"),
        FindingKind::ChangedOverTime => ("↻", "changed"),
        FindingKind::MinorDiscrepancy => ("≈", "minor"),
        FindingKind::Corroboration => ("✓", "corroborated"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse_and_no_color_keeps_modifiers() {
        assert_eq!(parse_color("#ff8000"), Some(Color::Rgb(255, 128, 0)));
        assert_eq!(parse_color("light_blue"), Some(Color::LightBlue));
        assert_eq!(parse_color("mauve"), None);
        let (t, _) = Theme::new(&ThemeConfig::default(), true);
        assert_eq!(t.conflict.fg, None);
        assert!(t.conflict.add_modifier.contains(Modifier::BOLD));
        assert_ne!(t.quote, t.statistic);
        let cfg = ThemeConfig {
            quote: Some("mauve".into()),
            ..ThemeConfig::default()
        };
        let (t, problems) = Theme::new(&cfg, false);
        assert_eq!(problems.len(), 1);
        assert_eq!(t.quote.fg, Some(Color::LightCyan));
    }
}
