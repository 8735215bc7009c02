//! The user's configuration (`$XDG_CONFIG_HOME/crosscheck/config.toml`) and the places
//! crosscheck keeps its files (XDG cache and data directories).
//!
//! A bad config never stops the program: the problem is reported with its line and the
//! defaults are used.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::corpus::{DEFAULT_MAX_FILE_BYTES, Limits};

/// The annotated default configuration, shipped in `assets/`.
pub const DEFAULT_CONFIG: &str = include_str!("../assets/config.toml");

/// The bundled demo corpus, embedded so the binary works from any directory.
const BUNDLED_SEEDS: &[(&str, &str)] = &[
    (
        "000_a062d0485bae9db5.txt",
        include_str!("../seeds/000_a062d0485bae9db5.txt"),
    ),
    (
        "001_0671674b0591bc64.txt",
        include_str!("../seeds/001_0671674b0591bc64.txt"),
    ),
    (
        "002_35dce5ad12aa194f.txt",
        include_str!("../seeds/002_35dce5ad12aa194f.txt"),
    ),
    (
        "003_8fde0bab21f327ba.txt",
        include_str!("../seeds/003_8fde0bab21f327ba.txt"),
    ),
    (
        "004_e6d876d08fe4b9f6.txt",
        include_str!("../seeds/004_e6d876d08fe4b9f6.txt"),
    ),
];

/// Colours of the reader, as names ("yellow", "light_blue") or hex ("#ffaa00").
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct ThemeConfig {
    pub quote: Option<String>,
    pub statistic: Option<String>,
    pub conflict: Option<String>,
    pub changed: Option<String>,
    pub corroborated: Option<String>,
    pub speaker: Option<String>,
    pub accent: Option<String>,
    pub highlight: Option<String>,
}

/// How feeds are fetched (`[feeds]`).
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct FeedsConfig {
    /// A larger response (feed or page) is refused.
    pub max_response_bytes: Option<u64>,
    /// Seconds for one request, redirects and body included.
    pub timeout_secs: Option<u64>,
    /// Seconds to connect.
    pub connect_timeout_secs: Option<u64>,
    /// Request each entry's page for its full text (default true); false keeps the feed's text.
    pub fetch_pages: Option<bool>,
    /// Requests at once (at most two to one host).
    pub workers: Option<usize>,
}

impl FeedsConfig {
    pub fn fetch_options(&self) -> crate::feeds::FetchOptions {
        let mut o = crate::feeds::FetchOptions::default();
        if let Some(b) = self.max_response_bytes {
            o.http.max_bytes = b;
        }
        if let Some(t) = self.timeout_secs {
            o.http.timeout = std::time::Duration::from_secs(t.max(1));
        }
        if let Some(t) = self.connect_timeout_secs {
            o.http.connect_timeout = std::time::Duration::from_secs(t.max(1));
        }
        if let Some(f) = self.fetch_pages {
            o.fetch_pages = f;
        }
        if let Some(w) = self.workers {
            o.workers = w.clamp(1, 32);
        }
        o
    }
}

/// Verdicts and notes (`[notes]`).
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct NotesConfig {
    /// The verdict labels offered (default: confirmed, disputed, false, unverified).
    pub verdicts: Vec<String>,
}

/// The settings a user can write.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Folders or files read when no path is given on the command line.
    pub corpus: Vec<String>,
    /// Files larger than this many bytes are skipped.
    pub max_file_bytes: Option<u64>,
    /// At most this many articles are indexed per run.
    pub max_articles: Option<usize>,
    /// A command (other than `index`) run within this many seconds of the last check of
    /// the same corpus trusts that check instead of looking at every file again
    /// (default [`DEFAULT_RECHECK_SECS`]; 0 checks every time). The environment variable
    /// `CROSSCHECK_RECHECK_SECS` overrides it.
    pub recheck_secs: Option<f64>,
    pub theme: ThemeConfig,
    pub feeds: FeedsConfig,
    pub notes: NotesConfig,
    /// Key overrides: action name → key list ("next_claim" = ["Tab", "]"]).
    pub keys: BTreeMap<String, Vec<String>>,
}

/// See [`Config::recheck_secs`].
pub const DEFAULT_RECHECK_SECS: f64 = 2.0;

impl Config {
    /// How long a check of the corpus is trusted (the environment's
    /// `CROSSCHECK_RECHECK_SECS`, else the config's, else the default).
    pub fn recheck(&self) -> std::time::Duration {
        let secs = std::env::var("CROSSCHECK_RECHECK_SECS")
            .ok()
            .and_then(|v| v.trim().parse::<f64>().ok())
            .or(self.recheck_secs)
            .unwrap_or(DEFAULT_RECHECK_SECS);
        std::time::Duration::try_from_secs_f64(secs).unwrap_or_default()
    }

    pub fn limits(&self) -> Limits {
        Limits {
            max_file_bytes: self.max_file_bytes.unwrap_or(DEFAULT_MAX_FILE_BYTES),
            max_articles: self.max_articles.unwrap_or(usize::MAX),
        }
    }

    /// The corpus folders, with `~` expanded.
    pub fn corpus_paths(&self) -> Vec<PathBuf> {
        self.corpus.iter().map(|p| expand_home(p)).collect()
    }
}

fn expand_home(p: &str) -> PathBuf {
    if let Some(rest) = p.strip_prefix("~/")
        && let Some(home) = std::env::var_os("HOME")
    {
        return PathBuf::from(home).join(rest);
    }
    PathBuf::from(p)
}

/// Parses a config file's text. The error names the line and says what is wrong.
pub fn parse(text: &str) -> Result<Config, String> {
    toml::from_str::<Config>(text).map_err(|e| {
        let line = e
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
        let msg = e.message().trim().to_string();
        match line {
            Some(l) => format!("line {l}: {msg}"),
            None => msg,
        }
    })
}

/// Where crosscheck keeps its files.
#[derive(Debug, Clone)]
pub struct Dirs {
    pub config_file: PathBuf,
    pub cache: PathBuf,
    pub data: PathBuf,
}

impl Dirs {
    /// The XDG locations ($XDG_CONFIG_HOME, $XDG_CACHE_HOME, $XDG_DATA_HOME and their
    /// defaults under $HOME).
    pub fn from_env() -> Dirs {
        match directories::ProjectDirs::from("", "", "crosscheck") {
            Some(p) => Dirs {
                config_file: p.config_dir().join("config.toml"),
                cache: p.cache_dir().to_path_buf(),
                data: p.data_dir().to_path_buf(),
            },
            None => {
                let base = std::env::temp_dir().join("crosscheck");
                Dirs {
                    config_file: base.join("config.toml"),
                    cache: base.join("cache"),
                    data: base.join("data"),
                }
            }
        }
    }
}

/// Loads the config file; a missing file gives the defaults, a bad one the defaults and
/// a message naming the file and line.
pub fn load(path: &Path) -> (Config, Option<String>) {
    match fs::read_to_string(path) {
        Ok(text) => match parse(&text) {
            Ok(c) => (c, None),
            Err(e) => (
                Config::default(),
                Some(format!("{}: {e}; using the defaults", path.display())),
            ),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), None),
        Err(e) => (
            Config::default(),
            Some(format!(
                "cannot read {}: {e}; using the defaults",
                path.display()
            )),
        ),
    }
}

/// The bundled demo corpus: the project's `seeds/` folder when running from the source
/// tree, otherwise a copy unpacked into the data directory.
pub fn bundled_seeds(dirs: &Dirs) -> std::io::Result<PathBuf> {
    let source_tree = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    if BUNDLED_SEEDS
        .iter()
        .all(|(name, _)| source_tree.join(name).is_file())
    {
        return Ok(source_tree);
    }
    let dir = dirs.data.join("seeds");
    for (name, text) in BUNDLED_SEEDS {
        let path = dir.join(name);
        if fs::read_to_string(&path).ok().as_deref() != Some(*text) {
            crate::fsutil::write_atomic(&path, text.as_bytes())?;
        }
    }
    Ok(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_default_config_parses() {
        let c = parse(DEFAULT_CONFIG).expect("assets/config.toml must parse");
        assert_eq!(c.limits().max_file_bytes, DEFAULT_MAX_FILE_BYTES);
    }

    #[test]
    fn a_bad_config_names_the_line() {
        let err = parse("corpus = [\"a\"]\nmax_file_bytes = \"big\"\n").unwrap_err();
        assert!(err.starts_with("line 2:"), "{err}");
        let err = parse("\n\nnot_a_setting = 1\n").unwrap_err();
        assert!(err.starts_with("line 3:"), "{err}");
    }
}
