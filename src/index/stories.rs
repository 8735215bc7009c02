//! The stored stories: `stories.json` in the index folder, each story's id, title,
//! keywords and article ids, tagged with the commit they were computed for. The next
//! analysis reads the article → story assignment back, so story ids survive updates.

use std::collections::HashMap;
use std::path::Path;

use anyhow::Result;
use serde::{Deserialize, Serialize};

use crate::crossref::{ArticleClaims, Story};
use crate::fsutil::write_atomic;

const FILE: &str = "stories.json";

/// A story as stored and reported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredStory {
    pub id: String,
    pub title: String,
    pub keywords: Vec<String>,
    /// Article ids.
    pub articles: Vec<String>,
}

#[derive(Serialize, Deserialize)]
struct StoredStories {
    opstamp: u64,
    analysis: u32,
    stories: Vec<StoredStory>,
}

/// The stories of an index, if stored, with the commit and analysis version they are of.
pub fn load(dir: &Path) -> Option<(u64, u32, Vec<StoredStory>)> {
    let bytes = std::fs::read(dir.join(FILE)).ok()?;
    let s: StoredStories = serde_json::from_slice(&bytes).ok()?;
    Some((s.opstamp, s.analysis, s.stories))
}

/// The article → story assignment stored last (empty when there is none).
pub fn previous(dir: &Path) -> HashMap<String, String> {
    load(dir)
        .map(|(_, _, stories)| {
            stories
                .into_iter()
                .flat_map(|s| {
                    let id = s.id;
                    s.articles.into_iter().map(move |a| (a, id.clone()))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Stories with article ids instead of indices.
pub fn stored(stories: &[Story], articles: &[ArticleClaims<'_>]) -> Vec<StoredStory> {
    stories
        .iter()
        .map(|s| StoredStory {
            id: s.id.clone(),
            title: s.title.clone(),
            keywords: s.keywords.clone(),
            articles: s
                .articles
                .iter()
                .map(|&a| articles[a].id.to_string())
                .collect(),
        })
        .collect()
}

/// Writes the stories, atomically.
pub fn store(dir: &Path, opstamp: u64, analysis: u32, stories: Vec<StoredStory>) -> Result<()> {
    let s = StoredStories {
        opstamp,
        analysis,
        stories,
    };
    write_atomic(&dir.join(FILE), &serde_json::to_vec(&s)?)?;
    Ok(())
}
