//! A tmux server of the test's own, for end-to-end tests of the reader in a real
//! terminal. Synchronisation is by polling the screen against a deadline.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// How long any wait on the screen may take before the test fails.
pub const DEADLINE: Duration = Duration::from_secs(30);

/// Whether tmux is installed; tests skip with a message when it is not.
pub fn available() -> bool {
    Command::new("tmux").arg("-V").output().is_ok()
}

/// A tmux server of its own (its socket in the test's temporary folder) running one
/// session; killed when dropped, so a failing test leaves nothing behind either.
pub struct Tmux {
    socket: PathBuf,
    config: PathBuf,
    pub session: String,
}

impl Tmux {
    pub fn new(dir: &Path, name: &str) -> Tmux {
        // With set-clipboard on, an OSC 52 that reached tmux would create a paste buffer.
        let config = dir.join(format!("{name}.tmux.conf"));
        std::fs::write(
            &config,
            "set -s set-clipboard on\nset -g history-limit 5000\n",
        )
        .unwrap();
        Tmux {
            socket: dir.join(format!("{name}.sock")),
            config,
            session: format!("{name}-{}", std::process::id()),
        }
    }

    pub fn cmd(&self) -> Command {
        let mut c = Command::new("tmux");
        c.arg("-u")
            .arg("-f")
            .arg(&self.config)
            .arg("-S")
            .arg(&self.socket);
        c
    }

    pub fn start(&self, width: u16, height: u16, command: &str) {
        let ok = self
            .cmd()
            .args(["new-session", "-d", "-s", &self.session])
            .args(["-x", &width.to_string(), "-y", &height.to_string()])
            .arg(command)
            .status()
            .expect("tmux new-session")
            .success();
        assert!(ok, "tmux new-session failed");
    }

    pub fn send(&self, keys: &[&str]) {
        let ok = self
            .cmd()
            .args(["send-keys", "-t", &self.session])
            .args(keys)
            .status()
            .expect("tmux send-keys")
            .success();
        assert!(ok, "tmux send-keys {keys:?} failed");
    }

    pub fn capture(&self, escapes: bool) -> String {
        let mut c = self.cmd();
        c.args(["capture-pane", "-p", "-t", &self.session]);
        if escapes {
            c.arg("-e");
        }
        let out = c.output().expect("tmux capture-pane");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn screen(&self) -> String {
        self.capture(false)
    }

    pub fn pane_title(&self) -> String {
        let out = self
            .cmd()
            .args(["display", "-p", "-t", &self.session, "#{pane_title}"])
            .output()
            .expect("tmux display");
        String::from_utf8_lossy(&out.stdout).trim_end().to_string()
    }

    pub fn set_pane_title(&self, title: &str) {
        let ok = self
            .cmd()
            .args(["select-pane", "-t", &self.session, "-T", title])
            .status()
            .expect("tmux select-pane")
            .success();
        assert!(ok);
    }

    /// The newest paste buffer, if any.
    pub fn buffer(&self) -> Option<String> {
        let out = self
            .cmd()
            .arg("show-buffer")
            .output()
            .expect("tmux show-buffer");
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// Types text literally (no key names).
    pub fn type_text(&self, text: &str) {
        let ok = self
            .cmd()
            .args(["send-keys", "-l", "-t", &self.session, text])
            .status()
            .expect("tmux send-keys")
            .success();
        assert!(ok);
    }

    /// Whether the session still runs.
    pub fn alive(&self) -> bool {
        self.cmd()
            .args(["has-session", "-t", &self.session])
            .output()
            .is_ok_and(|o| o.status.success())
    }

    /// Polls the screen until every needle is on it; fails with the last screen.
    pub fn wait_for(&self, needles: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if needles.iter().all(|n| s.contains(n)) {
                return s;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "waited {DEADLINE:?} for {needles:?}; the screen shows:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(25));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd().arg("kill-server").output();
    }
}

/// A path quoted for the shell.
pub fn quote(p: &Path) -> String {
    format!("'{}'", p.display().to_string().replace('\'', r"'\''"))
}
