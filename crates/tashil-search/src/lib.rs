//! Full-text search of the standards catalogue (Persian, Vietnamese, English) on
//! tantivy. A pure library: the app owns the database and the outbox, this crate owns
//! the index.
//!
//! - [`analyzer`]: the folding tokenizer (ZWNJ, Arabic letter forms, detached Persian
//!   affixes, digits in three scripts, Vietnamese without diacritics) and the exact one.
//! - [`designation`]: standard numbers in every spelling («ISIRI 1234», «استاندارد ملی
//!   ۱۲۳۴», «tcvn5699-1», «CODEX STAN 192-1995»).
//! - [`index`]: [`StandardsIndex`], with faceted search and suggestions.
//! - [`variants`]: the spellings a user may type, for tests (from `tashil-text`, where the
//!   folding they exercise lives).
//!
//! ```
//! use tashil_search::{SearchRequest, StandardDoc, StandardsIndex};
//!
//! let index = StandardsIndex::open_in_ram()?; // open_or_create(dir) in the app
//! let doc = StandardDoc {
//!     id: 7,
//!     body: "INSO".into(),
//!     designation: "INSO 1234".into(),
//!     number: "1234".into(),
//!     title_fa: "برنامه‌های تحولی شرکت‌های دانش‌بنیان".into(),
//!     status: "published".into(),
//!     ..StandardDoc::default()
//! };
//! index.upsert(&[doc], 42)?; // 42: the outbox id applied
//! assert_eq!(index.applied_seq(), 42);
//!
//! // Lost ZWNJ, Arabic yeh, a space instead of the ZWNJ: same standard.
//! for q in ["برنامههای", "برنامه هاي", "دانش بنیان", "ISIRI 1234", "استاندارد ملی ۱۲۳۴"] {
//!     let res = index.search(&SearchRequest { q: q.into(), ..SearchRequest::default() })?;
//!     assert_eq!(res.hits[0].id, 7, "{q}");
//! }
//! # Ok::<(), tashil_search::Error>(())
//! ```

pub mod analyzer;
pub mod designation;
pub mod index;
pub use tashil_text::variants;

pub use designation::{Body, Designation};
pub use index::{
    Facets, Hit, SearchRequest, SearchResults, Snippet, StandardDoc, StandardsIndex, Suggestion,
};

/// Errors of the index.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("search index: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    #[error("search index directory: {0}")]
    Open(String),
    #[error("search index I/O: {0}")]
    Io(#[from] std::io::Error),
    #[error("search index writer lock poisoned by a panic")]
    Poisoned,
}

pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    #[test]
    fn index_is_shareable() {
        fn send_sync<T: Send + Sync>() {}
        send_sync::<crate::StandardsIndex>();
        send_sync::<crate::Error>();
    }
}
