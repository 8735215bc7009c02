//! The reader's event loop driven without a terminal: events in on its one channel
//! (keys, search results, answers), the app and a `TestBackend` frame checked after.

mod tui_fixture;

use std::sync::mpsc;
use std::time::{Duration, Instant};

use crosscheck::tui::overlay::Overlay;
use crosscheck::tui::{Event, EventLoop, View};
use crossterm::event::{Event as TermEvent, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use tui_fixture::*;

fn key(c: char) -> Event {
    Event::Input(TermEvent::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::NONE,
    )))
}

fn special(code: KeyCode) -> Event {
    Event::Input(TermEvent::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn screen(lp: &EventLoop<TestBackend>) -> String {
    let buf = lp.terminal.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn event_loop() -> (EventLoop<TestBackend>, mpsc::Sender<Event>) {
    let (tx, rx) = mpsc::channel();
    let terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let lp = EventLoop::new(app(), terminal, tx.clone(), rx);
    (lp, tx)
}

#[test]
fn typed_keys_search_and_the_results_are_drawn() {
    let (mut lp, tx) = event_loop();
    lp.pump().unwrap();
    assert!(screen(&lp).contains("1 Library"), "{}", screen(&lp));
    tx.send(key('/')).unwrap();
    for c in "sheriff".chars() {
        tx.send(key(c)).unwrap();
    }
    // Without workers the loop runs the search itself and takes in its results.
    lp.pump().unwrap();
    assert_eq!(lp.app.view, View::Search);
    assert_eq!(lp.app.search.query, "sheriff");
    let hits = match &lp.app.search.results {
        Some(Ok(r)) => r.hits.len(),
        other => panic!("no results: {other:?}"),
    };
    assert!(hits > 0);
    let s = screen(&lp);
    assert!(s.contains("sheriff"), "{s}");
    tx.send(special(KeyCode::Enter)).unwrap();
    lp.pump().unwrap();
    assert_eq!(lp.app.view, View::Reader);
    assert!(lp.app.reader.as_ref().unwrap().current_match.is_some());
}

#[test]
fn a_question_from_the_reader_comes_back_as_a_popup() {
    let (mut lp, tx) = event_loop();
    // Open the first seed with a quotation, move to a quotation, ask for related quotes.
    tx.send(key('1')).unwrap();
    tx.send(special(KeyCode::Enter)).unwrap();
    lp.pump().unwrap();
    assert_eq!(lp.app.view, View::Reader);
    let mut found = false;
    for _ in 0..40 {
        tx.send(key(']')).unwrap();
        lp.pump().unwrap();
        if matches!(
            lp.app.cursor_mark().map(|m| &m.kind),
            Some(crosscheck::tui::views::reader::ClaimKind::Quote { .. })
        ) {
            found = true;
            break;
        }
    }
    assert!(found, "no quotation in the first article");
    tx.send(key('r')).unwrap();
    lp.pump().unwrap();
    match &lp.app.overlay {
        Some(Overlay::Popup(p)) => assert!(p.title.starts_with("Quotations by"), "{}", p.title),
        other => panic!("no popup: {other:?}"),
    }
    assert!(screen(&lp).contains("Quotations by"), "{}", screen(&lp));
}

#[test]
fn with_workers_the_results_arrive_on_the_same_queue() {
    let (lp, tx) = event_loop();
    let mut lp = lp.with_workers().unwrap();
    tx.send(key('/')).unwrap();
    for c in "agreements".chars() {
        tx.send(key(c)).unwrap();
    }
    lp.pump().unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while lp.app.search.results.is_none() {
        assert!(
            Instant::now() < deadline,
            "the search worker never answered"
        );
        // Blocks until the worker's results arrive on the loop's queue.
        assert!(lp.step().unwrap());
    }
    assert_eq!(lp.app.search.shown, lp.app.search.generation);
    assert!(screen(&lp).contains("agreements"), "{}", screen(&lp));
}

#[test]
fn an_answer_that_comes_too_late_is_dropped() {
    let mut app = app();
    app.press(&["1", "Enter"]);
    let quote_at = (0..40).find(|_| {
        app.press(&["]"]);
        matches!(
            app.cursor_mark().map(|m| &m.kind),
            Some(crosscheck::tui::views::reader::ClaimKind::Quote { .. })
        )
    });
    assert!(quote_at.is_some());
    // Ask, but leave the reader before the answer is in.
    app.handle_key(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::NONE));
    let asked = app.take_queries();
    assert_eq!(asked.len(), 1);
    app.handle_key(KeyEvent::new(KeyCode::Char('1'), KeyModifiers::NONE));
    let (id, query) = asked.into_iter().next().unwrap();
    let answer = crosscheck::tui::jobs::answer(&query, app.backend().as_ref(), &app.data.records);
    app.update(crosscheck::tui::Action::QueryDone { id, query, answer });
    assert!(app.overlay.is_none());
    assert_eq!(app.view, View::Library);
}

#[test]
fn the_feeds_view_lists_feeds_and_enter_shows_a_feed_s_articles() {
    use crosscheck::feeds::fetch::FeedRow;
    let (mut lp, tx) = event_loop();
    lp.pump().unwrap();
    tx.send(key('7')).unwrap();
    lp.pump().unwrap();
    assert_eq!(lp.app.view, View::Feeds);
    assert!(screen(&lp).contains("No feeds yet."), "{}", screen(&lp));

    let first_id = lp.app.data.summaries[0].id.clone();
    lp.app.feeds.rows = vec![
        FeedRow {
            url: "https://wire.example/rss".into(),
            title: Some("Wire \u{1b}[2Jservice".into()),
            tags: vec!["world".into()],
            articles: 2,
            unread: 2,
            last_fetch: Some("2026-12-03T17:00:00Z".into()),
            last_error: None,
            article_ids: vec![first_id.clone(), "gone".into()],
        },
        FeedRow {
            url: "https://down.example/feed".into(),
            title: None,
            last_error: Some("HTTP 404: not found".into()),
            ..FeedRow::default()
        },
    ];
    tx.send(special(KeyCode::Down)).unwrap();
    lp.pump().unwrap();
    let s = screen(&lp);
    assert!(s.contains("2 feeds, 2 unread · 1 with errors"), "{s}");
    assert!(s.contains("Wire") && s.contains("service"), "{s}");
    assert!(
        !s.contains('\u{1b}'),
        "escape sequences never reach the screen"
    );
    assert!(s.contains("HTTP 404: not found"), "{s}");
    assert!(
        s.contains("https://down.example/feed"),
        "the selected feed's address: {s}"
    );
    // Enter on a feed with no articles says so; on the first, the library shows its own.
    tx.send(special(KeyCode::Enter)).unwrap();
    lp.pump().unwrap();
    assert!(
        lp.app
            .message
            .as_deref()
            .unwrap_or("")
            .contains("no articles from this feed")
    );
    tx.send(special(KeyCode::Up)).unwrap();
    tx.send(special(KeyCode::Enter)).unwrap();
    lp.pump().unwrap();
    assert_eq!(lp.app.view, View::Library);
    assert!(
        lp.app.library.filter.starts_with("wire.example-"),
        "{}",
        lp.app.library.filter
    );
    // Reading an article lowers the unread count at once.
    lp.app.read.insert(first_id);
    tx.send(key('7')).unwrap();
    lp.pump().unwrap();
    assert!(screen(&lp).contains("2 feeds, 1 unread"), "{}", screen(&lp));
    // R without a way to fetch (no reloader here) says so instead of hanging.
    tx.send(key('R')).unwrap();
    lp.pump().unwrap();
    assert!(!lp.fetching);
    assert_eq!(
        lp.app.message.as_deref(),
        Some("feeds cannot be fetched from here")
    );
}

#[test]
fn r_starts_one_fetch_and_its_report_updates_the_view() {
    use crosscheck::tui::event::FeedEvent;
    let (lp, tx) = event_loop();
    let started = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let count = started.clone();
    let mut lp = lp.with_reloader(Box::new(move |_tx| {
        count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    }));
    lp.pump().unwrap();
    tx.send(key('R')).unwrap();
    tx.send(key('R')).unwrap();
    lp.pump().unwrap();
    assert_eq!(
        started.load(std::sync::atomic::Ordering::SeqCst),
        1,
        "one fetch at a time"
    );
    assert!(lp.fetching);
    tx.send(Event::Feeds(FeedEvent::Progress(
        crosscheck::feeds::FetchProgress::Pages { done: 3, total: 8 },
    )))
    .unwrap();
    tx.send(key('7')).unwrap();
    lp.pump().unwrap();
    assert!(
        screen(&lp).contains("fetching articles 3/8"),
        "{}",
        screen(&lp)
    );
    tx.send(Event::Feeds(FeedEvent::Done {
        rows: Vec::new(),
        summary: "fetched 1 feeds: 4 new, 0 updated articles; 0 errors".into(),
        indexing: true,
    }))
    .unwrap();
    lp.pump().unwrap();
    assert!(!lp.fetching);
    assert!(lp.updating, "the index update that follows is awaited");
    assert!(screen(&lp).contains("4 new"), "{}", screen(&lp));
}

#[test]
fn o_in_an_article_with_a_web_address_asks_to_open_it() {
    let (mut lp, tx) = event_loop();
    lp.pump().unwrap();
    tx.send(special(KeyCode::Enter)).unwrap();
    lp.pump().unwrap();
    assert_eq!(lp.app.view, View::Reader);
    // The seeds have no address: a message, no browser.
    lp.app.update(crosscheck::tui::Action::OpenLink);
    assert_eq!(
        lp.app.message.as_deref(),
        Some("this article has no web address")
    );
    assert_eq!(lp.app.open_request, None);
    std::sync::Arc::make_mut(&mut lp.app.reader.as_mut().unwrap().doc)
        .article
        .url = Some("https://news.example/a".into());
    lp.app.update(crosscheck::tui::Action::OpenLink);
    assert_eq!(
        lp.app.open_request.as_deref(),
        Some("https://news.example/a")
    );
}

/// A loop saving annotations to a temporary file, with the first article open and the
/// cursor on its first claim.
fn on_first_claim() -> (
    EventLoop<TestBackend>,
    mpsc::Sender<Event>,
    std::path::PathBuf,
    tempfile::TempDir,
) {
    let dir = tempfile::tempdir().unwrap();
    let path = crosscheck::user::annotations::annotations_path(dir.path());
    let (lp, tx) = event_loop();
    let mut lp = lp.with_annotations(path.clone());
    lp.pump().unwrap();
    tx.send(special(KeyCode::Enter)).unwrap();
    tx.send(special(KeyCode::Tab)).unwrap();
    lp.pump().unwrap();
    (lp, tx, path, dir)
}

#[test]
fn a_verdict_set_in_the_reader_is_saved_and_shown_after_a_restart() {
    use crosscheck::user::annotations;
    let (mut lp, tx, path, _dir) = on_first_claim();
    assert_eq!(lp.app.view, View::Reader);
    assert!(lp.app.reader.as_ref().unwrap().cursor.is_some());
    tx.send(key('V')).unwrap();
    tx.send(key('V')).unwrap();
    tx.send(key('B')).unwrap();
    lp.pump().unwrap();
    let saved = annotations::load(&path).unwrap();
    assert_eq!(saved.len(), 1, "{saved:?}");
    assert_eq!(saved[0].verdict.as_deref(), Some("disputed"));
    assert!(saved[0].bookmark);
    assert!(
        screen(&lp).contains("✎ disputed · bookmarked · "),
        "{}",
        screen(&lp)
    );

    // A new reader (a restart) shows it on the same claim.
    let (lp2, tx2) = event_loop();
    let mut lp2 = lp2.with_annotations(path.clone());
    lp2.app.data.annotations = annotations::load(&path).unwrap();
    lp2.pump().unwrap();
    tx2.send(special(KeyCode::Enter)).unwrap();
    tx2.send(special(KeyCode::Tab)).unwrap();
    lp2.pump().unwrap();
    let s = screen(&lp2);
    assert!(s.contains("✎ disputed · bookmarked"), "{s}");
    assert!(s.contains('✎'), "the gutter marks the annotated claim: {s}");
    // Cycling past the last label clears the verdict; no verdict and no bookmark drops it.
    for _ in 0..3 {
        tx2.send(key('V')).unwrap();
    }
    tx2.send(key('B')).unwrap();
    lp2.pump().unwrap();
    assert_eq!(annotations::load(&path).unwrap(), vec![]);
    // Off a claim, V says what to do.
    let (mut lp3, tx3) = event_loop();
    lp3.pump().unwrap();
    tx3.send(special(KeyCode::Enter)).unwrap();
    tx3.send(key('V')).unwrap();
    lp3.pump().unwrap();
    assert_eq!(
        lp3.app.message.as_deref(),
        Some("put the cursor on a claim first (Tab)")
    );
}

#[test]
fn a_note_is_typed_in_the_reader_saved_with_enter_and_cancelled_with_esc() {
    use crosscheck::user::annotations;
    let (mut lp, tx, path, _dir) = on_first_claim();
    tx.send(key('a')).unwrap();
    // Keys are text while the note is typed: q does not quit, R does not fetch.
    for c in "qR check the datx".chars() {
        tx.send(key(c)).unwrap();
    }
    tx.send(special(KeyCode::Backspace)).unwrap();
    tx.send(key('e')).unwrap();
    lp.pump().unwrap();
    assert!(!lp.app.should_quit);
    assert!(
        screen(&lp).contains("note: qR check the date▏"),
        "{}",
        screen(&lp)
    );
    tx.send(special(KeyCode::Enter)).unwrap();
    lp.pump().unwrap();
    let saved = annotations::load(&path).unwrap();
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].note.as_deref(), Some("qR check the date"));
    assert!(
        screen(&lp).contains("✎ “qR check the date”"),
        "{}",
        screen(&lp)
    );
    // Esc leaves it as it was; Ctrl-u then Enter clears it (and the annotation goes).
    tx.send(key('a')).unwrap();
    tx.send(key('x')).unwrap();
    tx.send(special(KeyCode::Esc)).unwrap();
    lp.pump().unwrap();
    assert_eq!(
        annotations::load(&path).unwrap()[0].note.as_deref(),
        Some("qR check the date")
    );
    assert_eq!(
        lp.app.view,
        View::Reader,
        "Esc closed the note, not the article"
    );
    tx.send(key('a')).unwrap();
    tx.send(Event::Input(TermEvent::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    ))))
    .unwrap();
    tx.send(special(KeyCode::Enter)).unwrap();
    lp.pump().unwrap();
    assert_eq!(annotations::load(&path).unwrap(), vec![]);
}

#[test]
fn the_notes_view_lists_annotations_filters_them_and_jumps_to_the_claim() {
    use crosscheck::user::annotations;
    let dir = tempfile::tempdir().unwrap();
    let path = annotations::annotations_path(dir.path());
    let (lp, tx) = event_loop();
    let mut lp = lp.with_annotations(path.clone());
    lp.pump().unwrap();
    tx.send(key('8')).unwrap();
    lp.pump().unwrap();
    assert!(
        screen(&lp).contains("No verdicts or notes yet."),
        "{}",
        screen(&lp)
    );
    // Two annotated claims of the first article: the second claim, then the first.
    tx.send(key('1')).unwrap();
    tx.send(special(KeyCode::Enter)).unwrap();
    tx.send(special(KeyCode::Tab)).unwrap();
    tx.send(special(KeyCode::Tab)).unwrap();
    tx.send(key('V')).unwrap();
    lp.pump().unwrap();
    let second = lp.app.reader.as_ref().unwrap().cursor;
    tx.send(special(KeyCode::Tab)).unwrap();
    tx.send(key('B')).unwrap();
    lp.pump().unwrap();
    assert_eq!(annotations::load(&path).unwrap().len(), 2);
    tx.send(key('8')).unwrap();
    lp.pump().unwrap();
    let s = screen(&lp);
    assert!(
        s.contains("2 annotations") && s.contains("confirmed") && s.contains('★'),
        "{s}"
    );
    // Filter by the verdict, then Enter jumps to that claim.
    tx.send(key('f')).unwrap();
    for c in "confirm".chars() {
        tx.send(key(c)).unwrap();
    }
    tx.send(special(KeyCode::Enter)).unwrap();
    lp.pump().unwrap();
    assert!(screen(&lp).contains("(1 shown)"), "{}", screen(&lp));
    tx.send(special(KeyCode::Enter)).unwrap();
    lp.pump().unwrap();
    assert_eq!(lp.app.view, View::Reader);
    assert_eq!(lp.app.reader.as_ref().unwrap().cursor, second);
}

#[test]
fn a_finding_side_takes_a_verdict_and_a_note_in_the_findings_view() {
    use crosscheck::tui::views::findings::FindingRow;
    use crosscheck::user::annotations;
    let dir = tempfile::tempdir().unwrap();
    let path = annotations::annotations_path(dir.path());
    let (lp, tx) = event_loop();
    let mut lp = lp.with_annotations(path.clone());
    lp.pump().unwrap();
    tx.send(key('4')).unwrap();
    lp.pump().unwrap();
    // Down to the 1,255 side of the 650-vs-1,255 finding.
    let on_1255 = |lp: &EventLoop<TestBackend>| {
        let f = &lp.app.findings;
        matches!(&f.rows[f.selectable[f.selected]], FindingRow::Side { claim, .. } if claim == "1,255")
    };
    for _ in 0..20 {
        if on_1255(&lp) {
            break;
        }
        tx.send(key('j')).unwrap();
        lp.pump().unwrap();
    }
    assert!(on_1255(&lp), "no 1,255 side");
    tx.send(key('V')).unwrap();
    lp.pump().unwrap();
    let saved = annotations::load(&path).unwrap();
    assert_eq!(saved.len(), 1, "{saved:?}");
    assert_eq!(saved[0].text, "1,255");
    assert_eq!(saved[0].verdict.as_deref(), Some("confirmed"));
    assert!(
        screen(&lp).contains("✎ confirmed 1,255"),
        "the side is marked: {}",
        screen(&lp)
    );
    // A note: the reader opens at the claim with the editor, Enter saves it.
    tx.send(key('a')).unwrap();
    lp.pump().unwrap();
    assert_eq!(lp.app.view, View::Reader);
    for c in "the figure moved".chars() {
        tx.send(key(c)).unwrap();
    }
    tx.send(special(KeyCode::Enter)).unwrap();
    lp.pump().unwrap();
    let saved = annotations::load(&path).unwrap();
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].note.as_deref(), Some("the figure moved"));
    assert_eq!(saved[0].verdict.as_deref(), Some("confirmed"));
    tx.send(key('4')).unwrap();
    lp.pump().unwrap();
    assert!(
        screen(&lp).contains("✎ confirmed · the figure moved"),
        "the detail shows the note: {}",
        screen(&lp)
    );
    // The Notes view's V moves the verdict on.
    tx.send(key('8')).unwrap();
    tx.send(key('V')).unwrap();
    lp.pump().unwrap();
    assert_eq!(
        annotations::load(&path).unwrap()[0].verdict.as_deref(),
        Some("disputed")
    );
}
