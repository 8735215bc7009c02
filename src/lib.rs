//! crosscheck: a terminal news reader that annotates claims.
//!
//! Data flows one way: `corpus` reads files into articles, `claims` extracts each
//! article's quotations and statistics, `crossref` compares claims across articles,
//! `index` stores all of it in Tantivy, and `cli` / `tui` present it.

pub mod calendar;
pub mod claims;
pub mod cli;
pub mod config;
pub mod context;
pub mod corpus;
pub mod crossref;
pub mod feeds;
pub mod fsutil;
pub mod index;
pub mod panics;
pub mod report;
pub mod text;
pub mod tui;
pub mod user;
