//! The reader drawn into ratatui's `TestBackend` on the seeds (with hand-placed claims),
//! and key sequences driven through `App` as a user would type them.

mod tui_fixture;

use crosscheck::crossref::FindingKind;
use crosscheck::tui::overlay::Overlay;
use crosscheck::tui::views::findings::FindingRow;
use crosscheck::tui::views::reader::ClaimKind;
use crosscheck::tui::{Action, App, Options, Theme, View};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use tui_fixture::*;

fn draw(app: &App, w: u16, h: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| crosscheck::tui::ui::render(app, f))
        .unwrap();
    terminal.backend().buffer().clone()
}

/// The screen's text, a wide character's trailing cell skipped.
fn lines(buf: &Buffer) -> Vec<String> {
    (0..buf.area.height)
        .map(|y| {
            let mut line = String::new();
            let mut x = 0;
            while x < buf.area.width {
                let sym = buf[(x, y)].symbol();
                line.push_str(sym);
                x += unicode_width::UnicodeWidthStr::width(sym).max(1) as u16;
            }
            line
        })
        .collect()
}

fn screen(app: &App) -> String {
    lines(&draw(app, app.size.0, app.size.1)).join("\n")
}

/// The cell where `needle` starts on screen.
fn find(buf: &Buffer, needle: &str) -> (u16, u16) {
    for (y, line) in lines(buf).iter().enumerate() {
        if let Some(i) = line.find(needle) {
            let x = line[..i].chars().count() as u16;
            return (x, y as u16);
        }
    }
    panic!("`{needle}` is not on screen:\n{}", lines(buf).join("\n"));
}

fn open_in_library(app: &mut App, file: &str) {
    app.press(&["1", "g"]);
    for _ in 0..app.data.summaries.len() {
        let i = app.library.order[app.library.selected];
        if app.data.summaries[i].path.ends_with(file) {
            app.press(&["Enter"]);
            return;
        }
        app.press(&["j"]);
    }
    panic!("{file} is not in the library");
}

fn cursor_text(app: &App) -> String {
    let r = app.reader.as_ref().unwrap();
    let m = app.cursor_mark().expect("a claim under the cursor");
    r.doc.article.body[m.start..m.end].to_string()
}

// ---- rendering ----------------------------------------------------------------------------

#[test]
fn library_lists_every_seed_with_counts_and_unread_marks() {
    let app = app();
    let s = screen(&app);
    assert!(s.contains("1 Library"), "{s}");
    assert!(s.contains("5 articles, 5 unread · sorted by date"), "{s}");
    assert!(s.contains("'Dignity, not discrimination'"), "{s}");
    assert!(s.contains("Police Chiefs to Trump"), "{s}");
    assert!(s.contains("Quot Fig Find"), "{s}");
    assert_eq!(s.matches('●').count(), 5, "{s}");
    // The WLRN article: 2 quotations, 2 figures, 2 findings.
    let row = s.lines().find(|l| l.contains("WLRN")).unwrap();
    assert!(row.trim_end().ends_with("2   2    2"), "{row}");
    assert!(s.contains("Enter read"), "the hint bar: {s}");
}

#[test]
fn search_view_shows_the_hit_with_the_term_highlighted() {
    let mut app = app();
    app.press(&["/"]);
    app.type_text("McBride");
    app.run_pending_search();
    let buf = draw(&app, 100, 30);
    let s = lines(&buf).join("\n");
    assert!(s.contains("1 result for “McBride”"), "{s}");
    assert!(s.contains("Washington Examiner"), "{s}");
    // The term in the snippet (third line of the hit) is highlighted.
    let (x, y) = find(&buf, "Sarah McBride");
    let cell = &buf[(x + 6, y)];
    assert_eq!(cell.symbol(), "M");
    assert_eq!(cell.bg, Color::Yellow, "{cell:?}");
    assert_ne!(buf[(x, y)].bg, Color::Yellow);
}

#[test]
fn reader_styles_quotations_and_shows_the_speaker() {
    let mut app = app();
    open_in_library(&mut app, SEEDS[2]);
    while cursor_text_opt(&app).as_deref() != Some(MCBRIDE_1) {
        app.press(&["]"]);
    }
    let buf = draw(&app, 100, 30);
    let s = lines(&buf).join("\n");
    let (x, y) = find(&buf, "For too long");
    let cell = &buf[(x, y)];
    assert_eq!(cell.fg, Color::LightCyan, "{cell:?}");
    assert!(cell.modifier.contains(Modifier::ITALIC));
    // Body text outside claims is plain.
    let (px, py) = find(&buf, "In February");
    assert_eq!(buf[(px, py)].fg, Color::Reset);
    // The speaker's name is in the gutter, on the quotation's first line.
    assert!(lines(&buf)[y as usize].starts_with("Sarah McBride"), "{s}");
    assert_eq!(buf[(0, y)].fg, Color::Cyan);
    // Figures have their own style.
    while cursor_text_opt(&app).as_deref() != Some("6,200") {
        app.press(&["]"]);
    }
    let buf = draw(&app, 100, 30);
    let (fx, fy) = find(&buf, "6,200");
    assert!(
        buf[(fx, fy)]
            .modifier
            .contains(Modifier::BOLD | Modifier::REVERSED)
    );
    assert_eq!(buf[(fx, fy)].fg, Color::LightYellow);
}

#[test]
fn a_conflict_is_marked_in_the_gutter_and_in_the_text() {
    let mut app = app_with(FindingKind::Conflict);
    open_in_library(&mut app, SEEDS[0]);
    app.press(&["G"]);
    let buf = draw(&app, 100, 30);
    let (x, y) = find(&buf, "≠ conflict");
    let marker = &buf[(x, y)];
    assert_eq!(marker.fg, Color::LightRed, "{marker:?}");
    assert!(marker.modifier.contains(Modifier::BOLD));
    let (fx, fy) = find(&buf, "about 650");
    assert_eq!(fy, y, "the marker stands on the figure's line");
    let fig = &buf[(fx, fy)];
    assert_eq!(fig.fg, Color::LightRed);
    assert!(fig.modifier.contains(Modifier::UNDERLINED));
    // A corroborated figure is marked differently.
    let (cx, cy) = find(&buf, "✓ corroborated");
    assert_eq!(buf[(cx, cy)].fg, Color::LightGreen);
}

#[test]
fn findings_view_shows_both_sides_and_the_explanation() {
    let mut app = app();
    app.press(&["4"]);
    let s = screen(&app);
    assert!(
        s.contains("Conflicts, figures that moved, minor discrepancies (1)"),
        "{s}"
    );
    assert!(s.contains("↻ CHANGED 287(g) agreements"), "{s}");
    assert!(s.contains("about 650"), "{s}");
    assert!(s.contains("1,255"), "{s}");
    assert!(s.contains("1,255 (as of Dec. 23)"), "{s}");
    // The detail pane explains the selected side's finding in full.
    assert!(s.contains("at different dates: the figure moved."), "{s}");
    assert!(s.contains("Corroborations (1)"), "{s}");
    assert!(s.contains("Related quotations (1)"), "{s}");
    assert!(s.contains("Tessa Petit — different wording"), "{s}");
}

#[test]
fn statistics_view_counts_the_corpus() {
    let mut app = app();
    app.press(&["5"]);
    let s = screen(&app);
    assert!(
        s.contains("Articles 5 · Quotations 6 · Speakers 3 · Statistics 6"),
        "{s}"
    );
    assert!(s.contains("1 changed"), "{s}");
    assert!(s.contains("Quotations per speaker"), "{s}");
    let petit = s.lines().find(|l| l.contains("Tessa Petit")).expect(&s);
    assert!(petit.contains("███") && petit.contains(" 3"), "{petit}");
    assert!(s.contains("Most cited figures"), "{s}");
    assert!(s.contains("  2  about 650 287(g) agreements"), "{s}");
    assert!(s.contains("Per article"), "{s}");
}

#[test]
fn help_is_generated_from_the_keymap_and_follows_overrides() {
    let (arts, crossref) = seeds(FindingKind::ChangedOverTime);
    let mut overrides = std::collections::BTreeMap::new();
    overrides.insert("next_claim".to_string(), vec!["x".to_string()]);
    let (keymap, problems) = crosscheck::tui::KeyMap::with_overrides(&overrides);
    assert!(problems.is_empty());
    let mut app = from_parts_with(
        arts,
        crossref,
        Options {
            keymap,
            ..Options::default()
        },
    );
    app.update(Action::Resize(100, 60));
    app.press(&["?"]);
    let s = screen(&app);
    assert!(s.contains("Keys"), "{s}");
    let line = s
        .lines()
        .find(|l| l.contains("next claim (quotation or figure)"))
        .expect(&s);
    assert!(line.contains(" x "), "{line}");
    app.press(&["Esc"]);
    assert!(app.overlay.is_none());
    // The override works, and Tab in the reader is no longer next claim.
    open_in_library(&mut app, SEEDS[2]);
    app.press(&["x"]);
    assert!(app.cursor_mark().is_some());
}

#[test]
fn small_windows_never_panic_and_say_so() {
    let mut app = app();
    app.press(&["/"]);
    app.type_text("McBride");
    app.run_pending_search();
    app.press(&["Enter", "Tab"]);
    for view in ["1", "2", "3", "4", "5"] {
        for (w, h) in [
            (0, 0),
            (1, 1),
            (20, 5),
            (30, 8),
            (39, 9),
            (40, 10),
            (45, 12),
            (60, 15),
            (80, 24),
        ] {
            app.update(Action::Resize(w, h));
            app.press(&["Esc"]);
            app.press(&[view]);
            for keys in [&[][..], &["?"][..], &["j", "G", "Ctrl-d", "PageDown"][..]] {
                app.press(keys);
                let _ = draw(&app, w, h);
                app.overlay = None;
            }
        }
    }
    app.update(Action::Resize(20, 5));
    let s = screen(&app);
    assert!(s.contains("Too small"), "{s}");
    app.update(Action::Resize(80, 24));
    let s = screen(&app);
    assert!(!s.contains("Too small"), "{s}");
}

#[test]
fn popups_draw_at_every_size() {
    let mut app = app();
    open_in_library(&mut app, SEEDS[0]);
    while cursor_text_opt(&app).as_deref() != Some("about 650") {
        app.press(&["]"]);
    }
    for key in ["o", "["] {
        app.press(&[key]);
    }
    app.press(&["r"]);
    assert!(app.overlay.is_some());
    for (w, h) in [
        (1, 1),
        (20, 5),
        (40, 10),
        (41, 11),
        (50, 12),
        (80, 24),
        (100, 30),
    ] {
        app.update(Action::Resize(w, h));
        let _ = draw(&app, w, h);
    }
    app.press(&["Esc", "]", "o"]);
    assert!(app.overlay.is_some());
    for (w, h) in [(40, 10), (43, 13), (80, 24)] {
        app.update(Action::Resize(w, h));
        let _ = draw(&app, w, h);
    }
}

#[test]
fn no_color_keeps_the_distinctions_with_modifiers() {
    let (arts, crossref) = seeds(FindingKind::Conflict);
    let theme = Theme::new(&Default::default(), true).0;
    let mut app = from_parts_with(
        arts,
        crossref,
        Options {
            theme,
            ..Options::default()
        },
    );
    app.update(Action::Resize(100, 30));
    open_in_library(&mut app, SEEDS[0]);
    app.press(&["G"]);
    let buf = draw(&app, 100, 30);
    for cell in buf.content() {
        assert_eq!(cell.fg, Color::Reset, "{cell:?}");
        assert!(cell.bg == Color::Reset, "{cell:?}");
    }
    let (x, y) = find(&buf, "Taxpayers should");
    assert!(buf[(x, y)].modifier.contains(Modifier::ITALIC));
    let (x, y) = find(&buf, "about 650");
    assert!(
        buf[(x, y)]
            .modifier
            .contains(Modifier::UNDERLINED | Modifier::BOLD)
    );
}

#[test]
fn untrusted_text_is_drawn_inert_and_wide_characters_fit() {
    let body = "Evil \x1b]52;c;ZXZpbA==\x07 and \x1b[2J clear.\n\n日本語のテキスト 👍🏽 e\u{301} wide text that wraps around the edge of a narrow window several times over.";
    let text = format!("A title line for the test article\n\n{body}\n");
    let article = crosscheck::corpus::parse_article("/nonexistent/evil.txt", &text);
    let stored = crosscheck::index::StoredArticle {
        article,
        claims: Default::default(),
    };
    let mut app = from_parts(vec![stored], Default::default());
    app.update(Action::Resize(44, 14));
    app.press(&["Enter"]);
    assert_eq!(app.view, View::Reader);
    let buf = draw(&app, 44, 14);
    let s = lines(&buf).join("\n");
    for cell in buf.content() {
        assert!(
            !cell.symbol().chars().any(|c| c.is_control()),
            "{:?}",
            cell.symbol()
        );
    }
    assert!(s.contains('␛'), "{s}");
    assert!(s.contains("日本語"), "{s}");
    // The raw view of an unreadable file says so.
    app.press(&["v"]);
    let s = screen(&app);
    assert!(s.contains("cannot read"), "{s}");
}

#[test]
fn an_empty_corpus_says_how_to_add_articles() {
    let app = {
        let mut a = from_parts(Vec::new(), Default::default());
        a.update(Action::Resize(80, 24));
        a
    };
    let s = screen(&app);
    assert!(s.contains("The corpus is empty."), "{s}");
    assert!(s.contains("Add .txt or .md"), "{s}");
}

#[test]
fn raw_text_shows_the_page_furniture() {
    let mut app = app();
    open_in_library(&mut app, SEEDS[1]);
    app.press(&["v"]);
    let buf = draw(&app, 100, 30);
    let s = lines(&buf).join("\n");
    assert!(s.contains("RAW TEXT"), "{s}");
    assert!(s.contains("Play Live Radio"), "{s}");
    assert!(s.contains("removed as page furniture"), "{s}");
    let (x, y) = find(&buf, "Play Live Radio");
    assert!(buf[(x, y)].modifier.contains(Modifier::CROSSED_OUT));
    app.press(&["v"]);
    assert!(!screen(&app).contains("Play Live Radio"));
}

// ---- key sequences ------------------------------------------------------------------------

#[test]
fn search_mcbride_open_next_claim_related_quotes() {
    let mut app = app();
    app.press(&["/"]);
    app.type_text("McBride");
    assert_eq!(app.search.query, "McBride");
    app.run_pending_search();
    app.press(&["Enter"]);
    assert_eq!(app.view, View::Reader);
    let r = app.reader.as_ref().unwrap();
    assert!(app.data.summaries[r.article].path.ends_with(SEEDS[2]));
    assert_eq!(r.current_match, Some(0));
    let m = &r.matches[0];
    assert_eq!(&r.doc.article.body[m.clone()], "McBride");
    // The match is on screen and highlighted.
    let buf = draw(&app, 100, 30);
    let (x, y) = find(&buf, "McBride (D-DE)");
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));

    app.press(&["Tab"]);
    assert_eq!(cursor_text(&app), MCBRIDE_1);
    assert!(
        matches!(&app.cursor_mark().unwrap().kind, ClaimKind::Quote { speaker: Some(s), .. } if s == "Sarah McBride")
    );
    assert!(screen(&app).contains("quotation · Sarah McBride, Rep."));

    app.press(&["r"]);
    let Some(Overlay::Popup(p)) = &app.overlay else {
        panic!("no popup")
    };
    assert_eq!(p.title, "Quotations by Sarah McBride");
    assert_eq!(p.items.len(), 1);
    assert_eq!(p.items[0].text, MCBRIDE_2);
    assert!(screen(&app).contains("also in this article"));
    app.press(&["Enter"]);
    assert_eq!(cursor_text(&app), MCBRIDE_2);
    app.press(&["Esc"]);
    assert_eq!(cursor_text(&app), MCBRIDE_1);
    app.press(&["Esc"]);
    assert_eq!(app.view, View::Search);
}

#[test]
fn related_quotes_list_variants_first_with_the_diff_and_jump() {
    let mut app = app();
    open_in_library(&mut app, SEEDS[0]);
    app.press(&["Tab", "Tab"]);
    assert_eq!(cursor_text(&app), PETIT_000);
    app.press(&["r"]);
    let Some(Overlay::Popup(p)) = &app.overlay else {
        panic!("no popup")
    };
    assert_eq!(p.items[0].kind, "variant of this quotation");
    assert!(p.items[0].diff.is_some());
    assert_eq!(p.items[0].text, PETIT_001);
    let s = screen(&app);
    assert!(s.contains("diff: City of Miami"), "{s}");
    app.press(&["Enter"]);
    let r = app.reader.as_ref().unwrap();
    assert!(app.data.summaries[r.article].path.ends_with(SEEDS[1]));
    assert_eq!(cursor_text(&app), PETIT_001);
    app.press(&["Backspace"]);
    let r = app.reader.as_ref().unwrap();
    assert!(app.data.summaries[r.article].path.ends_with(SEEDS[0]));
    assert_eq!(cursor_text(&app), PETIT_000);
}

#[test]
fn findings_enter_on_1255_shows_the_sentence_and_back_returns() {
    let mut app = app();
    app.press(&["4"]);
    assert_eq!(app.view, View::Findings);
    // Move to the 1,255 side of the 650-vs-1,255 finding.
    let mut steps = 0;
    while !{
        let row = app.findings.selectable[app.findings.selected];
        matches!(&app.findings.rows[row], crosscheck::tui::views::findings::FindingRow::Side { claim, .. } if claim == "1,255")
    } {
        app.press(&["j"]);
        steps += 1;
        assert!(steps < 10, "no 1,255 row");
    }
    let selected = app.findings.selected;
    app.press(&["Enter"]);
    assert_eq!(app.view, View::Reader);
    assert_eq!(cursor_text(&app), "1,255");
    let s = screen(&app);
    assert!(s.contains(SENTENCE_1255), "{s}");
    assert!(s.contains("↻ changed"), "{s}");
    app.press(&["Esc"]);
    assert_eq!(app.view, View::Findings);
    assert_eq!(app.findings.selected, selected);
}

#[test]
fn other_side_of_a_figure_jumps_to_the_other_article() {
    let mut app = app();
    open_in_library(&mut app, SEEDS[0]);
    while cursor_text_opt(&app).as_deref() != Some("about 650") {
        app.press(&["]"]);
    }
    app.press(&["o"]);
    let Some(Overlay::Popup(p)) = &app.overlay else {
        panic!("no popup")
    };
    assert!(p.intro[0].contains("moved"), "{:?}", p.intro);
    assert_eq!(p.items.len(), 2);
    let s = screen(&app);
    assert!(s.contains("1,255"), "{s}");
    app.press(&["j", "Enter"]);
    assert_eq!(cursor_text(&app), "1,255");
    app.press(&["Esc"]);
    assert_eq!(cursor_text(&app), "about 650");
    // On a quotation, o explains itself instead.
    app.press(&["["]);
    app.press(&["o"]);
    assert!(app.overlay.is_none());
    assert!(app.message.as_deref().unwrap().contains("quotation"));
}

fn cursor_text_opt(app: &App) -> Option<String> {
    let r = app.reader.as_ref()?;
    let m = app.cursor_mark()?;
    Some(r.doc.article.body[m.start..m.end].to_string())
}

#[test]
fn stale_search_results_are_dropped() {
    let mut app = app();
    app.press(&["/"]);
    app.type_text("Mc");
    let (g1, q1) = app.take_search_request().unwrap();
    app.type_text("Bride");
    let (g2, q2) = app.take_search_request().unwrap();
    assert!(g2 > g1);
    assert_eq!((q1.as_str(), q2.as_str()), ("Mc", "McBride"));
    let backend = app.backend();
    app.update(Action::SearchDone {
        generation: g1,
        result: backend.search(&q1, 10),
    });
    assert!(
        app.search.results.is_none(),
        "results of an older query are dropped"
    );
    app.update(Action::SearchDone {
        generation: g2,
        result: backend.search(&q2, 10),
    });
    assert_eq!(
        app.search.results.as_ref().unwrap().as_ref().unwrap().query,
        "McBride"
    );
    // Typed keys go into the box, not to the keymap: `q` does not quit while typing.
    app.type_text(" q");
    assert!(!app.should_quit);
    app.press(&["Esc", "q"]);
    assert!(app.should_quit);
}

#[test]
fn a_query_that_does_not_parse_is_explained() {
    let mut app = app();
    app.press(&["/"]);
    app.type_text("\"unclosed");
    app.run_pending_search();
    assert!(screen(&app).contains("does not parse"));
}

#[test]
fn library_sorts_filters_and_remembers_what_was_read() {
    let mut app = app();
    assert_eq!(app.library.order.len(), 5);
    app.press(&["f"]);
    app.type_text("miami");
    assert_eq!(app.library.order.len(), 2, "titles with Miami");
    app.press(&["Enter"]);
    assert!(!app.library.filtering);
    app.press(&["Enter"]);
    assert_eq!(app.view, View::Reader);
    assert!(app.read_dirty);
    assert_eq!(app.read.len(), 1);
    app.press(&["Esc"]);
    assert!(screen(&app).contains("4 unread"));
    app.press(&["Esc"]);
    assert_eq!(app.library.order.len(), 5, "Esc clears the filter");
    app.press(&["s"]);
    assert!(screen(&app).contains("sorted by source"));
    let first = app.library.order[0];
    assert_eq!(
        app.data.summaries[first].source.as_deref(),
        Some("Washington Examiner")
    );
}

#[test]
fn tab_switches_views_except_in_the_reader_where_it_moves_between_claims() {
    let mut app = app();
    app.press(&["Tab"]);
    assert_eq!(app.view, View::Search);
    app.press(&["Esc", "Tab"]);
    assert_eq!(
        app.view,
        View::Findings,
        "the reader is skipped while no article is open"
    );
    app.press(&["Shift-Tab", "Shift-Tab"]);
    assert_eq!(app.view, View::Library);
    open_in_library(&mut app, SEEDS[2]);
    app.press(&["Tab"]);
    assert_eq!(app.view, View::Reader);
    assert!(app.cursor_mark().is_some());
    app.press(&["4"]);
    assert_eq!(app.view, View::Findings);
    app.press(&["3"]);
    assert_eq!(app.view, View::Reader);
}

#[test]
fn mouse_wheel_scrolls_and_a_click_selects() {
    let mut app = app();
    // Library rows start on screen row 3 (tab bar, info line, column headers).
    app.update(Action::Click { column: 20, row: 5 });
    assert_eq!(app.library.selected, 2);
    app.update(Action::Click { column: 20, row: 5 });
    assert_eq!(app.view, View::Reader, "a second click opens");
    app.update(Action::Scroll(3));
    assert_eq!(app.reader.as_ref().unwrap().scroll, 3);
    app.update(Action::Scroll(-3));
    assert_eq!(app.reader.as_ref().unwrap().scroll, 0);
    // Clicking on the tab bar switches views.
    let (_, _, r) = crosscheck::tui::view::tabs(app.size.0)
        .into_iter()
        .find(|(v, ..)| *v == View::Findings)
        .unwrap();
    app.update(Action::Click {
        column: r.start + 1,
        row: 0,
    });
    assert_eq!(app.view, View::Findings);
}

// ---- at scale: findings as headings, data replaced by an update ---------------------------

#[test]
fn many_findings_are_headings_that_enter_expands() {
    let (arts, mut crossref) = seeds(FindingKind::ChangedOverTime);
    let first = crossref.conflicts[0].clone();
    // Enough copies that the sides no longer all fit: each finding becomes a heading.
    let copies = crosscheck::tui::views::findings::AUTO_EXPAND_SIDES / first.claims.len() + 1;
    for _ in 0..copies {
        crossref.conflicts.push(first.clone());
    }
    let mut app = from_parts(arts, crossref);
    app.update(Action::Resize(100, 30));
    app.press(&["4"]);
    let s = screen(&app);
    assert!(s.contains("+ ↻ CHANGED"), "{s}");
    assert!(s.contains("figures — Enter shows them"), "{s}");
    assert!(
        !app.findings
            .rows
            .iter()
            .any(|r| matches!(r, crosscheck::tui::views::findings::FindingRow::Side { .. })),
        "no side is shown before a heading is expanded"
    );
    app.press(&["Enter"]);
    assert_eq!(
        app.view,
        View::Findings,
        "Enter on a heading expands it in place"
    );
    let row = app.findings.selectable[app.findings.selected];
    let crosscheck::tui::views::findings::FindingRow::Side { claim, .. } = &app.findings.rows[row]
    else {
        panic!("the first side is selected after expanding")
    };
    assert_eq!(claim, "about 650");
    let s = screen(&app);
    assert!(s.contains("1,255"), "{s}");
    for _ in 0..first_len(&app) {
        let row = app.findings.selectable[app.findings.selected];
        if matches!(&app.findings.rows[row], crosscheck::tui::views::findings::FindingRow::Side { claim, .. } if claim == "1,255")
        {
            break;
        }
        app.press(&["j"]);
    }
    app.press(&["Enter"]);
    assert_eq!(app.view, View::Reader);
    assert_eq!(cursor_text(&app), "1,255");
}

fn first_len(app: &App) -> usize {
    app.data.records.heads()[0].len
}

#[test]
fn new_data_keeps_the_open_article_and_closes_a_removed_one() {
    let (arts, crossref) = seeds(FindingKind::ChangedOverTime);
    let mut app = from_parts(arts.clone(), crossref.clone());
    app.update(Action::Resize(100, 30));
    open_in_library(&mut app, SEEDS[2]);
    let open_id = app.reader.as_ref().unwrap().doc.article.id.clone();
    // An update removes another article: the reader stays on its article.
    let fewer: Vec<_> = arts
        .iter()
        .filter(|s| !s.article.path.ends_with(SEEDS[4]))
        .map(crosscheck::index::ArticleSummary::of)
        .collect();
    let findings = crosscheck::index::Findings::in_memory(
        crosscheck::crossref::records(crossref.clone()),
        Default::default(),
    );
    app.set_data(fewer, findings);
    assert_eq!(app.data.summaries.len(), 4);
    let r = app.reader.as_ref().expect("still open");
    assert_eq!(r.doc.article.id, open_id);
    assert_eq!(app.data.summaries[r.article].id, open_id);
    assert_eq!(app.view, View::Reader);
    // An update that removes the open article closes it.
    let without_open: Vec<_> = arts
        .iter()
        .filter(|s| s.article.id != open_id)
        .map(crosscheck::index::ArticleSummary::of)
        .collect();
    let findings = crosscheck::index::Findings::in_memory(
        crosscheck::crossref::records(crossref),
        Default::default(),
    );
    app.set_data(without_open, findings);
    assert!(app.reader.is_none());
    assert_eq!(app.view, View::Library);
}

#[test]
fn a_story_lists_its_articles_and_enter_opens_one_then_back_returns_to_it() {
    let mut app = app();
    app.press(&["6"]);
    assert_eq!(app.view, View::Stories);
    let stories = app.stories.rows.clone();
    assert!(!stories.is_empty());
    // Every article is in exactly one story.
    let mut all: Vec<usize> = stories.iter().flat_map(|r| r.articles.clone()).collect();
    all.sort_unstable();
    assert_eq!(all, (0..app.data.summaries.len()).collect::<Vec<_>>());
    // Largest first.
    assert!(
        stories
            .windows(2)
            .all(|w| w[0].articles.len() >= w[1].articles.len())
    );
    app.press(&["g", "Enter"]);
    assert_eq!(app.stories.open, Some((0, 0)));
    app.press(&["j", "Enter"]);
    assert_eq!(app.view, View::Reader);
    let opened = app.reader.as_ref().unwrap().article;
    assert_eq!(opened, stories[0].articles[1]);
    app.press(&["Esc"]);
    assert_eq!(app.view, View::Stories);
    assert_eq!(app.stories.open, Some((0, 1)), "back where the user was");
    app.press(&["Esc"]);
    assert_eq!(app.stories.open, None);
}

#[test]
fn s_on_a_finding_shows_its_story_and_back_returns_to_the_finding() {
    let mut app = app();
    app.press(&["4"]);
    // The first side of the first finding.
    let side = app
        .findings
        .selectable
        .iter()
        .position(|&r| matches!(app.findings.rows[r], FindingRow::Side { .. }))
        .expect("a side");
    app.findings.selected = side;
    let FindingRow::Side { target, .. } = &app.findings.rows[app.findings.selectable[side]] else {
        unreachable!()
    };
    let article = target.article;
    app.press(&["S"]);
    assert_eq!(app.view, View::Stories);
    let (s, _) = app.stories.open.expect("the story is open");
    assert!(
        app.stories.rows[s].articles.contains(&article),
        "the finding's article is in the story shown"
    );
    // The story lists its findings under its articles, the conflict's heading among them.
    let shown = screen(&app);
    assert!(shown.contains("Findings (2)"), "{shown}");
    assert!(
        shown.contains("287(g) agreements  · strength 0.60"),
        "{shown}"
    );
    app.press(&["Esc"]);
    assert_eq!(app.view, View::Findings);
    assert_eq!(app.findings.selected, side, "back on the finding");
}

#[test]
fn s_in_the_reader_shows_the_article_s_story() {
    let mut app = app();
    app.press(&["1", "j", "Enter"]);
    assert_eq!(app.view, View::Reader);
    let open = app.reader.as_ref().unwrap().article;
    app.press(&["S"]);
    assert_eq!(app.view, View::Stories);
    let (s, _) = app.stories.open.expect("the story is open");
    assert!(app.stories.rows[s].articles.contains(&open));
    app.press(&["Esc"]);
    assert_eq!(app.view, View::Reader);
}

#[test]
fn a_narrow_tab_bar_shortens_the_titles_so_every_view_is_shown_and_clickable() {
    let mut app = app();
    app.update(Action::Resize(80, 24));
    let bar = lines(&draw(&app, 80, 24))[0].clone();
    assert!(bar.contains("6 Stor"), "{bar}");
    assert!(bar.contains("4 Find"), "{bar}");
    let (_, _, r) = crosscheck::tui::view::tabs(80)
        .into_iter()
        .find(|(v, ..)| *v == View::Stories)
        .unwrap();
    assert!(r.end <= 80);
    app.update(Action::Click {
        column: r.start + 1,
        row: 0,
    });
    assert_eq!(app.view, View::Stories);
    // Wide enough, the full titles.
    let wide = lines(&draw(&app, 120, 30))[0].clone();
    assert!(
        wide.contains("6 Stories") && wide.contains("5 Statistics"),
        "{wide}"
    );
}
