//! What is drawn over a view: the help, or a popup list of places to jump to (related
//! quotations, the other sides of a finding). While one is open it takes the keys.

use super::action::Action;
use super::view::Target;
use crate::crossref::DiffPart;

/// An item of a popup list: a place to jump to.
#[derive(Debug, Clone, PartialEq)]
pub struct PopupItem {
    /// "variant", "same speaker", "conflict"…
    pub kind: String,
    /// Which article.
    pub article: String,
    /// The quotation or figure.
    pub text: String,
    /// The sentence, or how the wording differs.
    pub detail: String,
    pub diff: Option<Vec<DiffPart>>,
    pub target: Target,
}

/// A list over the reader: related quotations, or the other sides of a finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Popup {
    pub title: String,
    pub intro: Vec<String>,
    pub items: Vec<PopupItem>,
    pub selected: usize,
    /// Said when there are no items.
    pub empty: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    Help { scroll: usize },
    Popup(Popup),
}

/// What the app does after an overlay took an action.
pub enum Outcome {
    Stay,
    Close,
    /// Close and jump to a place.
    Jump(Target),
    /// Replace the overlay with the help.
    Help,
}

const HELP_HINTS: &[(Action, &str)] = &[(Action::Down, "scroll"), (Action::Back, "close")];
const POPUP_HINTS: &[(Action, &str)] = &[
    (Action::Open, "jump there"),
    (Action::Down, "next"),
    (Action::Up, "previous"),
    (Action::Back, "close"),
];

impl Overlay {
    /// Applies an action; `height` is the terminal's height.
    pub fn handle(&mut self, action: &Action, height: u16) -> Outcome {
        let page = (height as usize).saturating_sub(6).max(1);
        match self {
            Overlay::Help { scroll } => match action {
                Action::Help | Action::Back | Action::Quit => return Outcome::Close,
                Action::Up | Action::Scroll(-1) => *scroll = scroll.saturating_sub(1),
                Action::Down | Action::Scroll(1) => *scroll += 1,
                Action::PageUp | Action::HalfPageUp => *scroll = scroll.saturating_sub(page),
                Action::PageDown | Action::HalfPageDown => *scroll += page,
                Action::Top => *scroll = 0,
                Action::Bottom => *scroll = usize::MAX / 2,
                Action::Scroll(n) => *scroll = scroll.saturating_add_signed(*n as isize),
                _ => {}
            },
            Overlay::Popup(p) => {
                let last = p.items.len().saturating_sub(1);
                match action {
                    Action::Back | Action::Quit => return Outcome::Close,
                    Action::Up | Action::PrevClaim => p.selected = p.selected.saturating_sub(1),
                    Action::Down | Action::NextClaim | Action::NextView => {
                        p.selected = (p.selected + 1).min(last)
                    }
                    Action::Scroll(d) => {
                        p.selected = p.selected.saturating_add_signed(*d as isize).min(last)
                    }
                    Action::Top => p.selected = 0,
                    Action::Bottom => p.selected = last,
                    Action::Open => {
                        if let Some(item) = p.items.get(p.selected) {
                            return Outcome::Jump(item.target.clone());
                        }
                    }
                    Action::Help => return Outcome::Help,
                    _ => {}
                }
            }
        }
        Outcome::Stay
    }

    pub fn hints(&self) -> &'static [(Action, &'static str)] {
        match self {
            Overlay::Help { .. } => HELP_HINTS,
            Overlay::Popup(_) => POPUP_HINTS,
        }
    }
}
