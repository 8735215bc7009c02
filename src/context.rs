//! What every command needs, the reader included: the config, the corpus roots and the
//! index location, resolved once from the command line, the config file and XDG.

use std::path::PathBuf;

use anyhow::Result;

use crate::config::{self, Config, Dirs};
use crate::index;

/// What every command needs: the config, the corpus roots and the index location.
#[derive(Debug, Clone)]
pub struct Context {
    pub config: Config,
    pub dirs: Dirs,
    /// The config file in use (the feeds' `urls` file lives beside it).
    pub config_file: PathBuf,
    pub roots: Vec<PathBuf>,
    pub index_dir: PathBuf,
    /// Messages to show the user once (a bad config…).
    pub notices: Vec<String>,
    /// Use the index as it is (`--no-update`).
    pub no_update: bool,
    /// Check the corpus even when it was checked a moment ago (`index`).
    pub always_check: bool,
}

impl Context {
    /// How long the last check of the corpus is trusted, if at all.
    pub fn recheck_window(&self) -> Option<std::time::Duration> {
        let w = self.config.recheck();
        (!self.always_check && !w.is_zero()).then_some(w)
    }

    /// Resolves the corpus: the paths given, else the configured corpus and the articles
    /// fetched from feeds, else the bundled seeds.
    pub fn new(
        cli_index: Option<PathBuf>,
        cli_config: Option<PathBuf>,
        paths: &[PathBuf],
    ) -> Result<Context> {
        let dirs = Dirs::from_env();
        let config_path = cli_config.unwrap_or_else(|| dirs.config_file.clone());
        let config_file = config_path.clone();
        let (config, notice) = config::load(&config_path);
        let mut notices: Vec<String> = notice.into_iter().collect();
        // An index named with --index keeps the corpus it was built from.
        let indexed_roots: Vec<PathBuf> = cli_index
            .as_deref()
            .map(index::stored_roots)
            .unwrap_or_default()
            .into_iter()
            .filter(|p| p.exists())
            .collect();
        // Once a feed is followed its store is part of the default corpus, fetched or not,
        // so the corpus (and its index) stays the same as articles arrive.
        let feed_articles = crate::feeds::Store::new(&dirs.data).articles_dir();
        let follows_feeds = crate::feeds::FeedList::load(&crate::feeds::urls_path(&config_path))
            .is_ok_and(|l| l.feeds().next().is_some());
        if follows_feeds && !feed_articles.is_dir() {
            let _ = std::fs::create_dir_all(&feed_articles);
        }
        let has_feed_articles = feed_articles.is_dir();
        let roots = if !paths.is_empty() {
            paths.to_vec()
        } else if !indexed_roots.is_empty() {
            indexed_roots
        } else if !config.corpus.is_empty() || has_feed_articles {
            let mut roots = config.corpus_paths();
            if has_feed_articles {
                roots.push(feed_articles);
            }
            roots
        } else {
            match config::bundled_seeds(&dirs) {
                Ok(p) => vec![p],
                Err(e) => {
                    notices.push(format!("cannot unpack the bundled demo corpus: {e}"));
                    Vec::new()
                }
            }
        };
        let index_dir = cli_index.unwrap_or_else(|| index::default_dir(&dirs.cache, &roots));
        Ok(Context {
            config,
            dirs,
            config_file,
            roots,
            index_dir,
            notices,
            no_update: false,
            always_check: false,
        })
    }
}
