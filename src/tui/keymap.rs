//! Keys as data: the default bindings, overrides from the config's `[keys]` table, and the
//! help and hint texts generated from them, so what the help says is what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, NAMED, Scope};
use super::tab::View;

/// One key with its modifiers, as written in the config ("Ctrl-d", "G", "Shift-Tab").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    /// A key event as the keymap sees it: Shift is part of the character for letters and
    /// symbols ('G', '?'), and Shift-Tab is one key.
    pub fn from_event(ev: KeyEvent) -> Key {
        let mut mods =
            ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match ev.code {
            KeyCode::BackTab => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            KeyCode::Char(c) => {
                mods.remove(KeyModifiers::SHIFT);
                if mods.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            other => other,
        };
        Key { code, mods }
    }

    /// Parses "j", "G", "Ctrl-d", "Alt-x", "Tab", "Shift-Tab", "Enter", "Esc", "Backspace",
    /// "Up", "PageDown", "Home", "Space", "F1".
    pub fn parse(s: &str) -> Option<Key> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.chars().count() > 1
                && (lower.starts_with("ctrl-") || lower.starts_with("ctrl+"))
            {
                mods |= KeyModifiers::CONTROL;
                rest = &rest[5..];
            } else if rest.chars().count() > 1
                && (lower.starts_with("alt-") || lower.starts_with("alt+"))
            {
                mods |= KeyModifiers::ALT;
                rest = &rest[4..];
            } else if rest.chars().count() > 1
                && (lower.starts_with("shift-") || lower.starts_with("shift+"))
            {
                mods |= KeyModifiers::SHIFT;
                rest = &rest[6..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => {
                if mods.contains(KeyModifiers::SHIFT) {
                    mods.remove(KeyModifiers::SHIFT);
                    KeyCode::Char(c.to_ascii_uppercase())
                } else if mods.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            _ => match rest.to_ascii_lowercase().as_str() {
                "tab" if mods.contains(KeyModifiers::SHIFT) => {
                    mods.remove(KeyModifiers::SHIFT);
                    KeyCode::BackTab
                }
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "pageup" | "pgup" => KeyCode::PageUp,
                "pagedown" | "pgdn" => KeyCode::PageDown,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "space" => KeyCode::Char(' '),
                f if f.starts_with('f') => {
                    KeyCode::F(f[1..].parse().ok().filter(|n| (1..=24).contains(n))?)
                }
                _ => return None,
            },
        };
        Some(Key { code, mods })
    }

    /// The key as the help shows it (and as the config writes it).
    pub fn label(&self) -> String {
        let mut s = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            s.push_str("Ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            s.push_str("Alt-");
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            s.push_str("Shift-");
        }
        match self.code {
            KeyCode::Char(' ') => s.push_str("Space"),
            KeyCode::Char(c) => s.push(c),
            KeyCode::Tab => s.push_str("Tab"),
            KeyCode::BackTab => s.push_str("Shift-Tab"),
            KeyCode::Enter => s.push_str("Enter"),
            KeyCode::Esc => s.push_str("Esc"),
            KeyCode::Backspace => s.push_str("Backspace"),
            KeyCode::Delete => s.push_str("Delete"),
            KeyCode::Up => s.push('↑'),
            KeyCode::Down => s.push('↓'),
            KeyCode::Left => s.push('←'),
            KeyCode::Right => s.push('→'),
            KeyCode::PageUp => s.push_str("PageUp"),
            KeyCode::PageDown => s.push_str("PageDown"),
            KeyCode::Home => s.push_str("Home"),
            KeyCode::End => s.push_str("End"),
            KeyCode::F(n) => s.push_str(&format!("F{n}")),
            other => s.push_str(&format!("{other:?}")),
        }
        s
    }

    /// A key event for this key, for tests and scripted input.
    pub fn event(&self) -> KeyEvent {
        KeyEvent::new(self.code, self.mods)
    }
}

/// Which keys trigger which actions.
#[derive(Debug, Clone)]
pub struct KeyMap {
    /// In the order of [`NAMED`]: each action and its keys.
    bindings: Vec<(Action, Vec<Key>)>,
}

fn default_keys(action: &Action) -> &'static [&'static str] {
    match action {
        Action::Quit => &["q", "Ctrl-c"],
        Action::Help => &["?", "F1"],
        Action::NextView => &["Tab"],
        Action::PrevView => &["Shift-Tab"],
        Action::Show(View::Library) => &["1"],
        Action::Show(View::Search) => &["2"],
        Action::Show(View::Reader) => &["3"],
        Action::Show(View::Findings) => &["4"],
        Action::Show(View::Statistics) => &["5"],
        Action::Show(View::Stories) => &["6"],
        Action::Show(View::Feeds) => &["7"],
        Action::Show(View::Notes) => &["8"],
        Action::Reload => &["R"],
        Action::OpenLink => &["O"],
        Action::Verdict => &["V"],
        Action::Bookmark => &["B"],
        Action::Note => &["a"],
        Action::Export => &["E"],
        Action::Up => &["k", "Up"],
        Action::Down => &["j", "Down"],
        Action::PageUp => &["PageUp", "b"],
        Action::PageDown => &["PageDown", "Space"],
        Action::HalfPageUp => &["Ctrl-u"],
        Action::HalfPageDown => &["Ctrl-d"],
        Action::Top => &["g", "Home"],
        Action::Bottom => &["G", "End"],
        Action::Open => &["Enter", "Right", "l"],
        Action::Back => &["Esc", "Backspace", "Left", "h"],
        Action::Search => &["/"],
        Action::NextClaim => &["Tab", "]"],
        Action::PrevClaim => &["Shift-Tab", "["],
        Action::RelatedQuotes => &["r"],
        Action::OtherSide => &["o"],
        Action::NextMatch => &["n"],
        Action::PrevMatch => &["N"],
        Action::ToggleRaw => &["v"],
        Action::Story => &["S"],
        Action::Sort => &["s"],
        Action::Filter => &["f"],
        _ => &[],
    }
}

impl Default for KeyMap {
    fn default() -> Self {
        KeyMap {
            bindings: NAMED
                .iter()
                .map(|(a, ..)| {
                    let keys = default_keys(a)
                        .iter()
                        .map(|k| Key::parse(k).expect("default keys parse"))
                        .collect();
                    (a.clone(), keys)
                })
                .collect(),
        }
    }
}

impl KeyMap {
    /// The defaults with the config's overrides (action name → keys; the keys replace the
    /// action's defaults). Unknown actions and keys are reported and skipped.
    pub fn with_overrides<'a>(
        overrides: impl IntoIterator<Item = (&'a String, &'a Vec<String>)>,
    ) -> (KeyMap, Vec<String>) {
        let mut map = KeyMap::default();
        let mut problems = Vec::new();
        for (name, keys) in overrides {
            let Some(action) = Action::from_name(name) else {
                let names: Vec<&str> = NAMED.iter().map(|(_, n, ..)| *n).collect();
                problems.push(format!(
                    "[keys]: there is no action `{name}`; the actions are {}",
                    names.join(", ")
                ));
                continue;
            };
            let mut parsed = Vec::new();
            for k in keys {
                match Key::parse(k) {
                    Some(key) => parsed.push(key),
                    None => problems.push(format!(
                        "[keys] {name}: `{k}` is not a key (write e.g. \"j\", \"Ctrl-d\", \"Shift-Tab\", \"PageDown\", \"F1\")"
                    )),
                }
            }
            if let Some(slot) = map.bindings.iter_mut().find(|(a, _)| *a == action) {
                slot.1 = parsed;
            }
        }
        (map, problems)
    }

    /// The actions bound to a key, those of `scope` first, then the global ones.
    pub fn actions(&self, key: Key, scope: Scope) -> Vec<Action> {
        let mut out: Vec<Action> = self
            .bindings
            .iter()
            .filter(|(_, keys)| keys.contains(&key))
            .map(|(a, _)| a.clone())
            .collect();
        out.retain(|a| a.scope() == scope || a.scope() == Scope::Global);
        out.sort_by_key(|a| if a.scope() == scope { 0 } else { 1 });
        out
    }

    /// The keys of an action.
    pub fn keys(&self, action: &Action) -> &[Key] {
        self.bindings
            .iter()
            .find(|(a, _)| a == action)
            .map_or(&[], |(_, k)| k.as_slice())
    }

    /// The first key of an action as the hint bar shows it.
    pub fn first_label(&self, action: &Action) -> Option<String> {
        self.keys(action).first().map(Key::label)
    }

    /// Every action with its keys and description, grouped as the help shows them.
    pub fn help_entries(&self) -> Vec<(Scope, String, &'static str)> {
        NAMED
            .iter()
            .map(|(a, _, desc, scope)| {
                let keys: Vec<String> = self.keys(a).iter().map(Key::label).collect();
                let keys = if keys.is_empty() {
                    "(unbound)".to_string()
                } else {
                    keys.join(" ")
                };
                (*scope, keys, *desc)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_parse_and_print() {
        for s in [
            "j",
            "G",
            "Ctrl-d",
            "Tab",
            "Shift-Tab",
            "Enter",
            "PageDown",
            "F1",
            "?",
            "Space",
        ] {
            let k = Key::parse(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(Key::parse(&k.label()).unwrap(), k, "{s}");
        }
        assert_eq!(Key::parse("Shift-Tab").unwrap().code, KeyCode::BackTab);
        assert!(
            Key::parse("Ctrl-").is_none()
                || Key::parse("Ctrl-").unwrap().code == KeyCode::Char('-')
        );
        assert!(Key::parse("Hyper-x").is_none());
        assert!(Key::parse("F99").is_none());
    }

    #[test]
    fn shifted_letters_match_their_binding() {
        let ev = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(ev), Key::parse("G").unwrap());
        let ev = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(ev), Key::parse("Shift-Tab").unwrap());
    }

    #[test]
    fn tab_is_next_claim_in_the_reader_and_next_view_elsewhere() {
        let map = KeyMap::default();
        let tab = Key::parse("Tab").unwrap();
        assert_eq!(map.actions(tab, Scope::Reader)[0], Action::NextClaim);
        assert_eq!(map.actions(tab, Scope::Library), vec![Action::NextView]);
    }

    #[test]
    fn overrides_replace_keys_and_report_mistakes() {
        let mut o = std::collections::BTreeMap::new();
        o.insert("quit".to_string(), vec!["x".to_string()]);
        o.insert("fly".to_string(), vec!["y".to_string()]);
        o.insert(
            "down".to_string(),
            vec!["Hyper-z".to_string(), "e".to_string()],
        );
        let (map, problems) = KeyMap::with_overrides(&o);
        assert_eq!(map.keys(&Action::Quit), &[Key::parse("x").unwrap()]);
        assert_eq!(map.keys(&Action::Down), &[Key::parse("e").unwrap()]);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("`fly`")));
        assert!(problems.iter().any(|p| p.contains("Hyper-z")));
    }
}
