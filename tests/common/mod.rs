//! Helpers shared by the integration tests: running the real binary in a sandbox of
//! temporary XDG folders so tests never touch the user's config, cache or data.

#![allow(dead_code)]

pub mod http;
pub mod tmux;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// A temporary home for one test: XDG folders, an index folder and a corpus folder.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn index_dir(&self) -> PathBuf {
        self.path("index")
    }

    /// A copy of the seeds that the test may change.
    pub fn copy_seeds(&self) -> PathBuf {
        let corpus = self.path("corpus");
        std::fs::create_dir_all(&corpus).unwrap();
        for e in std::fs::read_dir(seeds_dir()).unwrap() {
            let e = e.unwrap();
            std::fs::copy(e.path(), corpus.join(e.file_name())).unwrap();
        }
        corpus
    }

    pub fn command(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
        c.env("XDG_CONFIG_HOME", self.path("config"))
            .env("XDG_CACHE_HOME", self.path("cache"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env("HOME", self.dir.path())
            // Every command checks the corpus (tests change files between commands).
            .env("CROSSCHECK_RECHECK_SECS", "0")
            .env_remove("NO_COLOR");
        c
    }

    /// Runs `crosscheck --index <sandbox index> ARGS…`.
    pub fn run(&self, args: &[&str]) -> Output {
        self.command()
            .arg("--index")
            .arg(self.index_dir())
            .args(args)
            .output()
            .expect("run crosscheck")
    }

    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        json_output(self.run(args), &format!("crosscheck {args:?}"))
    }
}

pub fn file_names(hits: &serde_json::Value) -> Vec<String> {
    let mut v: Vec<String> = hits
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            Path::new(h["path"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    v.sort();
    v
}

/// A successful command's JSON output; a failure or non-JSON output fails the test,
/// with `what` and what the command printed.
pub fn json_output(out: Output, what: &str) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{what} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{what} printed no JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}
