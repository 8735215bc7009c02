//! Feeds: the list a user follows ([`list`], a newsboat-compatible `urls` file and OPML),
//! feed documents ([`parse`], feed-rs), HTTP ([`http`], ureq), the store of fetched
//! articles and their revisions under the data dir ([`store`]) and the fetch that ties them
//! together ([`fetch`]). Everything else in crosscheck reads stored feed articles as an
//! ordinary corpus folder.

pub mod edits;
pub mod fetch;
pub mod http;
pub mod list;
pub mod parse;
pub mod store;

pub use fetch::{FetchOptions, FetchProgress, FetchSummary, fetch_all};
pub use list::{Feed, FeedList, urls_path};
pub use store::Store;
