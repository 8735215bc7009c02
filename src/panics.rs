//! Panics that are expected and caught: a third-party parser known to panic on some real
//! inputs runs inside [`catch_quietly`], and its panic becomes an error without a message
//! on stderr and without the reader's hook restoring the terminal under a running reader.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Whether the panic being handled on this thread is one [`catch_quietly`] expects. Panic
/// hooks check it before doing anything visible.
pub fn is_quiet() -> bool {
    QUIET.with(Cell::get)
}

static HOOK: Once = Once::new();

/// Runs `f`; a panic inside becomes `Err` with the panic's message.
pub fn catch_quietly<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !is_quiet() {
                previous(info);
            }
        }));
    });
    let was = QUIET.with(|q| q.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was));
    result.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_and_the_flag_is_reset() {
        assert_eq!(catch_quietly(|| 2 + 2), Ok(4));
        let err = catch_quietly(|| -> u8 { panic!("bad input {}", 7) }).unwrap_err();
        assert_eq!(err, "bad input 7");
        assert!(!is_quiet());
    }
}
