//! Watches the corpus folders while the reader is open (inotify and the like, through
//! `notify`), so a file saved, added or removed there is indexed without polling: once the
//! changes have been quiet for [`QUIET`], `on_change` runs (on the watcher's thread).

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::event::{AccessKind, AccessMode, EventKind};
use notify::{RecursiveMode, Watcher};

/// How long the corpus must be quiet after a change before the update runs, so a burst
/// (a copy of many files, an editor's save) becomes one update.
pub const QUIET: Duration = Duration::from_millis(400);

/// The running watch; dropping it stops watching.
pub struct Watch {
    _watcher: notify::RecommendedWatcher,
}

/// Whether an event can change what the corpus holds (reads and opens cannot).
fn relevant(kind: &EventKind) -> bool {
    match kind {
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) => true,
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        EventKind::Any | EventKind::Other => true,
    }
}

/// Starts watching `roots` (folders recursively, files alone); changes under `ignore`
/// (the index's own folder) are not reported. `Err` says why watching is not possible
/// (the reader then takes changes in only when it opens, or after a fetch).
pub fn start(
    roots: &[PathBuf],
    ignore: Vec<PathBuf>,
    on_change: impl Fn() + Send + 'static,
) -> Result<Watch, String> {
    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher =
        notify::recommended_watcher(tx).map_err(|e| format!("cannot watch the corpus: {e}"))?;
    let mut watched = 0;
    for root in roots {
        let mode = if root.is_dir() {
            RecursiveMode::Recursive
        } else {
            RecursiveMode::NonRecursive
        };
        if root.exists() {
            watcher
                .watch(root, mode)
                .map_err(|e| format!("cannot watch {}: {e}", root.display()))?;
            watched += 1;
        }
    }
    if watched == 0 {
        return Err("no corpus folder to watch".into());
    }
    let ignored = move |p: &Path| ignore.iter().any(|i| p.starts_with(i));
    std::thread::Builder::new()
        .name("crosscheck-watch".into())
        .spawn(move || {
            let wants = |ev: &notify::Result<notify::Event>| match ev {
                Ok(ev) => relevant(&ev.kind) && !ev.paths.iter().all(|p| ignored(p)),
                // A lost event (queue overflow): check to be safe.
                Err(_) => true,
            };
            // Ends when the watcher is dropped (its sender goes).
            while let Ok(ev) = rx.recv() {
                if !wants(&ev) {
                    continue;
                }
                loop {
                    match rx.recv_timeout(QUIET) {
                        Ok(_) => continue,
                        Err(mpsc::RecvTimeoutError::Timeout) => break,
                        Err(mpsc::RecvTimeoutError::Disconnected) => return,
                    }
                }
                on_change();
            }
        })
        .map_err(|e| format!("cannot start watching: {e}"))?;
    Ok(Watch { _watcher: watcher })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn a_burst_of_changes_is_one_call_and_ignored_folders_are_quiet() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        let own = corpus.join(".index");
        std::fs::create_dir_all(&own).unwrap();
        let calls = Arc::new(AtomicUsize::new(0));
        let c = Arc::clone(&calls);
        let _w = start(
            std::slice::from_ref(&corpus),
            vec![own.clone()],
            move || {
                c.fetch_add(1, Ordering::SeqCst);
            },
        )
        .unwrap();
        let wait_for = |n: usize| {
            let until = std::time::Instant::now() + Duration::from_secs(10);
            while calls.load(Ordering::SeqCst) < n && std::time::Instant::now() < until {
                std::thread::sleep(Duration::from_millis(20));
            }
        };
        // Writes in the ignored folder: nothing.
        std::fs::write(own.join("x"), "a").unwrap();
        std::thread::sleep(QUIET * 3);
        assert_eq!(calls.load(Ordering::SeqCst), 0);
        // Ten files at once: one call.
        for i in 0..10 {
            std::fs::write(corpus.join(format!("{i}.txt")), "Title\n\nBody.\n").unwrap();
        }
        wait_for(1);
        std::thread::sleep(QUIET * 3);
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        // A later change: another.
        std::fs::remove_file(corpus.join("3.txt")).unwrap();
        wait_for(2);
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }
}
