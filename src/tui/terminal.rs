//! Terminal setup and restore: raw mode, the alternate screen and the mouse, put back on
//! quit, on error and on panic.

use std::io::{self, Stdout};

use anyhow::{Context as _, Result};
use crossterm::event;
use crossterm::{execute, terminal};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

/// Puts the terminal back as it was: raw mode off, main screen, cursor shown, mouse off.
/// Safe to call more than once.
pub fn restore_terminal() {
    let _ = terminal::disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        event::DisableMouseCapture,
        terminal::LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

/// Restores the terminal when dropped, so every way out of the reader (quit, error,
/// unwinding panic) leaves a usable shell.
pub struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// Raw mode, the alternate screen and mouse capture, with a panic hook that restores
/// the terminal before the panic's message is printed.
pub fn setup_terminal() -> Result<(TerminalGuard, Terminal<CrosstermBackend<Stdout>>)> {
    // A panic prints its message after the terminal is restored, not into the alternate
    // screen where it would vanish.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // A panic a parser is known to have, caught and turned into an error, must not
        // leave the reader running on a restored terminal.
        if crate::panics::is_quiet() {
            return;
        }
        restore_terminal();
        previous(info);
    }));
    terminal::enable_raw_mode().context("switching the terminal to raw mode")?;
    let guard = TerminalGuard;
    execute!(
        io::stdout(),
        terminal::EnterAlternateScreen,
        event::EnableMouseCapture
    )
    .context("entering the alternate screen")?;
    let terminal =
        Terminal::new(CrosstermBackend::new(io::stdout())).context("opening the terminal")?;
    Ok((guard, terminal))
}
