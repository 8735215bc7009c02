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
