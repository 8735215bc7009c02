//! Snapshots of the reader's screens on the seeds at 100×30, to pin how it looks: a change
//! to any view shows up as a diff of `tests/snapshots/*.snap` to review (`cargo insta
//! review`, or `INSTA_UPDATE=always cargo test --test tui_snapshots` and `git diff`).
//!
//! The snapshots are the screen's text only (ratatui's `TestBackend` prints symbols, not
//! styles); the styles are checked in `tui_render.rs`. Each test navigates by keys only and
//! also asserts a line or two of what its screen must show, so a blank screen cannot pass.

mod tui_fixture;

use crosscheck::tui::{Action, App};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use tui_fixture::*;

const W: u16 = 100;
const H: u16 = 30;

/// The fixture's app, sized to the terminal the snapshots are drawn in.
fn app_sized() -> App {
    let mut app = app();
    app.update(Action::Resize(W, H));
    app
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(W, H)).unwrap();
    terminal
        .draw(|f| crosscheck::tui::ui::render(app, f))
        .unwrap();
    terminal
}

fn text(terminal: &Terminal<TestBackend>) -> String {
    terminal.backend().to_string()
}

/// Opens the first article of the library in its default order (by date): the seed
/// `000_…`, which has no title line, so it is shown by its file name.
fn open_first_seed(app: &mut App) {
    app.press(&["1", "g", "Enter"]);
}

#[test]
fn library_view() {
    let app = app_sized();
    let terminal = draw(&app);
    let s = text(&terminal);
    assert!(s.contains("5 articles, 5 unread · sorted by date"), "{s}");
    assert!(s.contains("Police Chiefs to Trump"), "{s}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn library_filter_typing() {
    let mut app = app_sized();
    app.press(&["f"]);
    // The filter also matches paths: a checkout whose path has "miami" in it would show all
    // five articles here.
    app.type_text("miami");
    let terminal = draw(&app);
    let s = text(&terminal);
    assert!(s.contains("filter: miami▏ (2 shown)"), "{s}");
    assert!(s.contains("Tell the City of Miami"), "{s}");
    assert!(!s.contains("Police Chiefs"), "filtered out: {s}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn search_view_with_results() {
    let mut app = app_sized();
    app.press(&["/"]);
    app.type_text("287(g)");
    app.run_pending_search();
    let terminal = draw(&app);
    let s = text(&terminal);
    assert!(s.contains("5 results for “287(g)”"), "{s}");
    assert!(s.contains("WLRN · April 1, 20125"), "{s}");
    // Each hit shows the article's path, which differs between machines: the path (always
    // the last thing on its line, as a hit's title when it has none, or after its source
    // and date) is replaced, up to the end of the line.
    insta::with_settings!({filters => vec![
        (r#"(?m)^"([ ▶] (?:[^"]*? · )?)/[^"]*"$"#, r#""$1[path]""#),
    ]}, {
        insta::assert_snapshot!(terminal.backend());
    });
}

#[test]
fn reader_cursor_on_a_figure() {
    let mut app = app_sized();
    open_first_seed(&mut app);
    // The third claim, “about 650”, is below the first screen: the reader scrolls to it.
    app.press(&["]", "]", "]"]);
    let terminal = draw(&app);
    let s = text(&terminal);
    assert!(
        s.contains("claim 3/4 · figure about 650 287(g) agreements ↻ changed"),
        "{s}"
    );
    assert!(s.contains("to about 650"), "{s}");
    assert!(s.contains("✓ corroborated"), "{s}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn reader_raw_text() {
    let mut app = app_sized();
    // The WLRN article, second by date: its page furniture is struck in the raw view.
    app.press(&["1", "g", "j", "Enter", "v"]);
    let terminal = draw(&app);
    let s = text(&terminal);
    assert!(s.contains("RAW TEXT"), "{s}");
    assert!(s.contains("Play Live Radio"), "{s}");
    assert!(s.contains("15 removed as page furniture"), "{s}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn related_quotes_popup() {
    let mut app = app_sized();
    open_first_seed(&mut app);
    // The second claim: Tessa Petit's “Taxpayers should…”, which has a variant.
    app.press(&["Tab", "Tab", "r"]);
    let terminal = draw(&app);
    let s = text(&terminal);
    assert!(s.contains("Quotations by Tessa Petit"), "{s}");
    assert!(s.contains("variant of this quotation"), "{s}");
    assert!(s.contains("diff: City of Miami"), "{s}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn other_side_popup() {
    let mut app = app_sized();
    open_first_seed(&mut app);
    app.press(&["]", "]", "]", "o"]);
    let terminal = draw(&app);
    let s = text(&terminal);
    assert!(s.contains("Other side of “about 650”"), "{s}");
    assert!(s.contains("“1,255”"), "{s}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn findings_view() {
    let mut app = app_sized();
    app.press(&["4"]);
    let terminal = draw(&app);
    let s = text(&terminal);
    assert!(
        s.contains("Conflicts, figures that moved, minor discrepancies (1)"),
        "{s}"
    );
    assert!(s.contains("↻ CHANGED 287(g) agreements"), "{s}");
    assert!(s.contains("Tessa Petit — different wording"), "{s}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn statistics_view() {
    let mut app = app_sized();
    app.press(&["5"]);
    let terminal = draw(&app);
    let s = text(&terminal);
    assert!(
        s.contains("Articles 5 · Quotations 6 · Speakers 3 · Statistics 6"),
        "{s}"
    );
    assert!(s.contains("Quotations per speaker"), "{s}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn help_overlay() {
    let mut app = app_sized();
    app.press(&["?"]);
    let terminal = draw(&app);
    let s = text(&terminal);
    assert!(s.contains("Keys (? or Esc closes)"), "{s}");
    assert!(s.contains("next view"), "{s}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn help_overlay_scrolled_to_the_end() {
    let mut app = app_sized();
    app.press(&["?", "G"]);
    let terminal = draw(&app);
    let s = text(&terminal);
    assert!(s.contains("next claim (quotation or figure)"), "{s}");
    assert!(s.contains("Keys can be changed in"), "{s}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn stories_view_and_one_story_opened() {
    let mut app = app_sized();
    app.press(&["6"]);
    let terminal = draw(&app);
    let s = text(&terminal);
    assert!(s.contains("over 5 articles"), "{s}");
    assert!(s.contains("Keywords"), "{s}");
    insta::assert_snapshot!("stories_view", terminal.backend());
    app.press(&["g", "Enter"]);
    let terminal = draw(&app);
    let s = text(&terminal);
    assert!(s.contains("Outlet"), "{s}");
    insta::assert_snapshot!("stories_view_one_story", terminal.backend());
}
