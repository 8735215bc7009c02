//! The views. Each file holds one view's state, its `Component` impl (what it does
//! with an action) and the call to its drawing in `ui/`.

pub mod feeds;
pub mod findings;
pub mod library;
pub mod notes;
pub mod reader;
pub mod search;
pub mod statistics;
pub mod stories;

use super::action::Action;

/// How many rows a movement action moves, for a list whose page is `page` rows.
pub fn motion(action: &Action, page: usize) -> Option<isize> {
    let page = page.max(1) as isize;
    Some(match action {
        Action::Up => -1,
        Action::Down => 1,
        Action::Scroll(n) => *n as isize,
        Action::PageUp => -page,
        Action::PageDown => page,
        Action::HalfPageUp => -(page / 2).max(1),
        Action::HalfPageDown => (page / 2).max(1),
        Action::Top => isize::MIN / 2,
        Action::Bottom => isize::MAX / 2,
        _ => return None,
    })
}

/// A selection moved by `delta` in a list of `len`.
pub fn step(current: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    current.saturating_add_signed(delta).min(len - 1)
}

/// The first row shown so the selected one is on screen.
pub fn keep_visible(offset: usize, selected: usize, height: usize) -> usize {
    let height = height.max(1);
    if selected < offset {
        selected
    } else if selected >= offset + height {
        selected + 1 - height
    } else {
        offset
    }
}

/// The annotations after a verdict or bookmark key on them: every one takes the first
/// one's next verdict (or the first one's bookmark, toggled), so a finding's sides move
/// together. Other actions leave them as they are.
pub fn changed(
    mut list: Vec<crate::user::annotations::Annotation>,
    action: &Action,
    verdicts: &[String],
) -> Vec<crate::user::annotations::Annotation> {
    let Some(first) = list.first() else {
        return list;
    };
    let verdict = crate::user::annotations::next_verdict(first.verdict.as_deref(), verdicts);
    let bookmark = !first.bookmark;
    let now = crate::calendar::utc_timestamp(std::time::SystemTime::now());
    for a in &mut list {
        match action {
            Action::Verdict => a.verdict = verdict.clone(),
            Action::Bookmark => a.bookmark = bookmark,
            _ => continue,
        }
        a.updated = now.clone();
    }
    list
}
