//! The index of the standards catalogue: one directory, one writer, readers reloaded
//! after every commit.
//!
//! The database is the source of truth; the app feeds changes through its outbox and
//! passes the outbox id it has applied (`seq`) with each write. That high-water mark
//! is stored in the commit payload, in the same atomic commit as the documents, so
//! after a crash [`StandardsIndex::applied_seq`] says exactly where to resume.

mod collect;
mod query;
mod schema;
mod snippet;

use std::path::Path;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Mutex, MutexGuard};

use serde::{Deserialize, Serialize};
use tantivy::collector::TopDocs;
use tantivy::directory::MmapDirectory;
use tantivy::query::AllQuery;
use tantivy::schema::Value;
use tantivy::{
    Index, IndexReader, IndexSettings, IndexWriter, ReloadPolicy, TantivyDocument, TantivyError,
    Term,
};

pub use snippet::Snippet;

use crate::{Error, Result, analyzer};
use collect::{FacetedTop, Filters, Order};
use schema::Fields;

/// What the index holds of one standard (built by the app from its database row).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StandardDoc {
    pub id: i64,
    /// "INSO", "TCVN", "QCVN", "ISO", "IEC", "ISO/IEC", "CODEX" (aliases accepted).
    pub body: String,
    /// The citation shown to users («TCVN 5699-1:2010»). Stored and shown as given;
    /// the keys come from `body` + `number` + `year` and, when it parses, from this.
    pub designation: String,
    pub number: String,
    pub year: Option<u16>,
    pub title_fa: String,
    pub title_en: String,
    pub title_vi: String,
    /// All scope text, any languages.
    pub scope: String,
    /// ICS codes, «91.100.10».
    pub ics: Vec<String>,
    /// "draft", "enquiry", "published", "amended", "withdrawn".
    pub status: String,
    pub mandatory: bool,
}

/// A search of the catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchRequest {
    /// What the user typed; empty to browse.
    pub q: String,
    /// "fa", "en" or "vi": the title shown (falling back to another language when empty).
    pub lang: String,
    pub body: Option<String>,
    pub status: Option<String>,
    /// A status the caller may not see (drafts, for the public): its standards are
    /// left out of the hits, the total and every facet, unlike a filter.
    pub exclude_status: Option<String>,
    /// ICS prefix on a level boundary: "91" or "91.100".
    pub ics: Option<String>,
    pub mandatory: Option<bool>,
    pub offset: usize,
    /// At most [`MAX_LIMIT`].
    pub limit: usize,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            q: String::new(),
            lang: "fa".into(),
            body: None,
            status: None,
            exclude_status: None,
            ics: None,
            mandatory: None,
            offset: 0,
            limit: 20,
        }
    }
}

/// Results per page at most.
pub const MAX_LIMIT: usize = 100;
/// Deepest result reachable by paging.
pub const MAX_OFFSET: usize = 10_000;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    /// Matches with every filter applied.
    pub total: usize,
    pub hits: Vec<Hit>,
    pub facets: Facets,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    pub id: i64,
    /// 0 when browsing.
    pub score: f32,
    /// The title in the requested language, matches marked.
    pub title_snippet: Snippet,
    /// A window of the scope around its first match; `None` when the scope has no
    /// match (or when browsing).
    pub scope_snippet: Option<Snippet>,
}

/// Facet counts over the matches of the query. Each facet ignores its own filter and
/// applies the others (disjunctive), so the user sees what switching a filter would
/// give. Sorted by count, then value.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Facets {
    pub body: Vec<(String, u64)>,
    pub status: Vec<(String, u64)>,
    pub mandatory: Vec<(bool, u64)>,
    /// First ICS level («91»).
    pub ics_field: Vec<(String, u64)>,
}

/// A search-as-you-type suggestion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    pub id: i64,
    pub designation: String,
    pub title: String,
    /// So that a caller can hide drafts.
    pub status: String,
}

/// Writer memory for incremental writes, and per thread for a rebuild.
const WRITER_HEAP: usize = 50_000_000;
const REBUILD_HEAP_PER_THREAD: usize = 256_000_000;
const REBUILD_MAX_THREADS: usize = 4;

/// What a commit records of the outbox it follows: the last id applied and the stamp of
/// that row, which tells this database's row `seq` from another's row of the same number (a
/// database restored from a backup reuses ids the index has already applied).
#[derive(Serialize, Deserialize)]
struct Payload {
    seq: i64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    stamp: String,
}

/// The catalogue index. `Send + Sync`: share one behind an `Arc`.
pub struct StandardsIndex {
    index: Index,
    reader: IndexReader,
    /// Created on first write; taken out for a rebuild, which needs a bigger one.
    writer: Mutex<Option<IndexWriter>>,
    fields: Fields,
    seq: AtomicI64,
    stamp: Mutex<String>,
}

impl StandardsIndex {
    /// Opens the index in `dir`, creating the directory and an empty index if needed.
    ///
    /// The directory belongs to the index. One written by another version of this
    /// crate with a different schema is replaced by an empty index (its old files are
    /// collected at the first commit): [`StandardsIndex::applied_seq`] is then 0 and
    /// the app refills it from the database, as for a new node.
    pub fn open_or_create(dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(dir)?;
        let directory = MmapDirectory::open(dir).map_err(|e| Error::Open(e.to_string()))?;
        let (schema, fields) = schema::build();
        let index = match Index::open_or_create(directory.clone(), schema.clone()) {
            Err(TantivyError::SchemaError(_)) => {
                Index::create(directory, schema, IndexSettings::default())?
            }
            opened => opened?,
        };
        Self::with_index(index, fields)
    }

    /// An index in memory (tests, tools).
    pub fn open_in_ram() -> Result<Self> {
        let (schema, fields) = schema::build();
        Self::with_index(Index::create_in_ram(schema), fields)
    }

    fn with_index(index: Index, fields: Fields) -> Result<Self> {
        analyzer::register(&index);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let mark = read_mark(&index)?;
        Ok(StandardsIndex {
            index,
            reader,
            writer: Mutex::new(None),
            fields,
            seq: AtomicI64::new(mark.seq),
            stamp: Mutex::new(mark.stamp),
        })
    }

    /// The outbox id of the last applied write; 0 for a new index.
    pub fn applied_seq(&self) -> i64 {
        self.seq.load(Ordering::SeqCst)
    }

    /// The stamp recorded with [`StandardsIndex::applied_seq`] ("" when none was given).
    pub fn applied_stamp(&self) -> String {
        self.stamp.lock().map(|s| s.clone()).unwrap_or_default()
    }

    /// Documents in the index.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    fn lock(&self) -> Result<MutexGuard<'_, Option<IndexWriter>>> {
        self.writer.lock().map_err(|_| Error::Poisoned)
    }

    /// Runs `f` on the writer, then commits with `seq` (kept monotonic: a lower `seq`
    /// never moves the mark back) and reloads the reader.
    fn write(
        &self,
        seq: i64,
        stamp: &str,
        f: impl FnOnce(&IndexWriter, &Fields) -> Result<()>,
    ) -> Result<()> {
        let mut guard = self.lock()?;
        if guard.is_none() {
            *guard = Some(self.index.writer_with_num_threads(1, WRITER_HEAP)?);
        }
        let writer = guard.as_mut().expect("writer just created");
        if let Err(e) = f(writer, &self.fields) {
            writer.rollback()?;
            return Err(e);
        }
        let (seq, stamp) = if seq >= self.applied_seq() {
            (seq, stamp.to_owned())
        } else {
            (self.applied_seq(), self.applied_stamp())
        };
        commit(writer, seq, &stamp)?;
        self.reader.reload()?;
        self.set_mark(seq, stamp)
    }

    fn set_mark(&self, seq: i64, stamp: String) -> Result<()> {
        *self.stamp.lock().map_err(|_| Error::Poisoned)? = stamp;
        self.seq.store(seq, Ordering::SeqCst);
        Ok(())
    }

    /// Lets go of the writer between bursts of writes: its indexing and merge threads, and
    /// the memory of its segment writer, after waiting for the merges its commits started
    /// (a merge cut short would leave the index in more segments). The next write makes a
    /// new one.
    pub fn release_writer(&self) -> Result<()> {
        // Held until the old writer is gone: it keeps the directory's lock till then.
        let mut guard = self.lock()?;
        if let Some(w) = guard.take() {
            w.wait_merging_threads()?;
        }
        Ok(())
    }

    /// Replaces (or adds) `docs` by id, in one commit that records `seq`.
    pub fn upsert(&self, docs: &[StandardDoc], seq: i64) -> Result<()> {
        self.upsert_at(docs, seq, "")
    }

    /// [`StandardsIndex::upsert`], recording `stamp` with `seq`.
    pub fn upsert_at(&self, docs: &[StandardDoc], seq: i64, stamp: &str) -> Result<()> {
        self.write(seq, stamp, |w, f| {
            for doc in docs {
                w.delete_term(Term::from_field_i64(f.id, doc.id));
                w.add_document(schema::to_document(f, doc))?;
            }
            Ok(())
        })
    }

    /// Removes `ids`, in one commit that records `seq`.
    pub fn delete(&self, ids: &[i64], seq: i64) -> Result<()> {
        self.delete_at(ids, seq, "")
    }

    /// [`StandardsIndex::delete`], recording `stamp` with `seq`.
    pub fn delete_at(&self, ids: &[i64], seq: i64, stamp: &str) -> Result<()> {
        self.write(seq, stamp, |w, f| {
            for &id in ids {
                w.delete_term(Term::from_field_i64(f.id, id));
            }
            Ok(())
        })
    }

    /// Replaces the whole content with `docs` and records `seq` (`tashil search
    /// reindex`). Searches keep seeing the old content until the one commit at the end;
    /// the new content is then merged into one segment, the fastest to search.
    pub fn rebuild(&self, docs: impl Iterator<Item = StandardDoc>, seq: i64) -> Result<()> {
        self.rebuild_at(docs, seq, "")
    }

    /// [`StandardsIndex::rebuild`], recording `stamp` with `seq` (which may be below the
    /// mark: a rebuild follows the database wherever it is).
    pub fn rebuild_at(
        &self,
        docs: impl Iterator<Item = StandardDoc>,
        seq: i64,
        stamp: &str,
    ) -> Result<()> {
        let mut guard = self.lock()?;
        // Only one writer may hold the directory: drop the small one first.
        drop(guard.take());
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, REBUILD_MAX_THREADS);
        let mut writer: IndexWriter = self
            .index
            .writer_with_num_threads(threads, threads * REBUILD_HEAP_PER_THREAD)?;
        let added = (|| -> Result<()> {
            writer.delete_all_documents()?;
            for doc in docs {
                writer.add_document(schema::to_document(&self.fields, &doc))?;
            }
            Ok(())
        })();
        if let Err(e) = added {
            writer.rollback()?;
            return Err(e);
        }
        commit(&mut writer, seq, stamp)?;
        let segments = self.index.searchable_segment_ids()?;
        if segments.len() > 1 {
            writer.merge(&segments).wait()?;
        }
        writer.wait_merging_threads()?;
        self.reader.reload()?;
        self.set_mark(seq, stamp.to_owned())
    }

    /// Searches the catalogue (semantics in the `query` module documentation; browse
    /// order when `q` has no word: body, then number numerically).
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResults> {
        let searcher = self.reader.searcher();
        let built = query::build(&searcher, &self.fields, &req.q)?;
        let limit = req.limit.min(MAX_LIMIT);
        let offset = req.offset.min(MAX_OFFSET);
        let collector = FacetedTop {
            filters: filters(req),
            want: offset + limit,
            order: if built.is_some() {
                Order::Score
            } else {
                Order::Rank
            },
        };
        let fruit = match &built {
            Some(b) => searcher.search(b.query.as_ref(), &collector)?,
            None => searcher.search(&AllQuery, &collector)?,
        };
        let highlight = built.map(|b| b.highlight);
        let mut hits = Vec::with_capacity(limit);
        for &(score, address) in fruit.top.iter().skip(offset) {
            let doc: TantivyDocument = searcher.doc(address)?;
            let title = self.title(&doc, &req.lang);
            let (title_snippet, scope_snippet) = match &highlight {
                Some(h) => (
                    snippet::title(&title, h),
                    snippet::scope(&text(&doc, self.fields.scope), h),
                ),
                None => (
                    Snippet {
                        fragments: vec![(title, false)],
                    },
                    None,
                ),
            };
            hits.push(Hit {
                id: id(&doc, &self.fields),
                score,
                title_snippet,
                scope_snippet,
            });
        }
        let sorted = |m: std::collections::HashMap<String, u64>| {
            let mut v: Vec<(String, u64)> = m.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            v
        };
        let mut mandatory: Vec<(bool, u64)> =
            [(true, fruit.mandatory[1]), (false, fruit.mandatory[0])]
                .into_iter()
                .filter(|(_, n)| *n > 0)
                .collect();
        mandatory.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| b.0.cmp(&a.0)));
        Ok(SearchResults {
            total: fruit.total as usize,
            hits,
            facets: Facets {
                body: sorted(fruit.body),
                status: sorted(fruit.status),
                mandatory,
                ics_field: sorted(fruit.ics),
            },
        })
    }

    /// Search as you type: the best `limit` (at most 50) standards for `prefix`, the
    /// last word being a prefix. Empty for an empty prefix.
    pub fn suggest(&self, prefix: &str, lang: &str, limit: usize) -> Result<Vec<Suggestion>> {
        let searcher = self.reader.searcher();
        let Some(built) = query::build(&searcher, &self.fields, prefix)? else {
            return Ok(vec![]);
        };
        let top = searcher.search(
            built.query.as_ref(),
            &TopDocs::with_limit(limit.clamp(1, 50)).order_by_score(),
        )?;
        top.into_iter()
            .map(|(_, address)| {
                let doc: TantivyDocument = searcher.doc(address)?;
                Ok(Suggestion {
                    id: id(&doc, &self.fields),
                    designation: text(&doc, self.fields.designation),
                    title: self.title(&doc, lang),
                    status: text(&doc, self.fields.status),
                })
            })
            .collect()
    }

    /// The title in `lang`, else the first non-empty one (fa, en, vi).
    fn title(&self, doc: &TantivyDocument, lang: &str) -> String {
        let f = &self.fields;
        let first = match lang {
            "en" => f.title_en,
            "vi" => f.title_vi,
            _ => f.title_fa,
        };
        [first, f.title_fa, f.title_en, f.title_vi]
            .into_iter()
            .map(|field| text(doc, field))
            .find(|t| !t.is_empty())
            .unwrap_or_default()
    }

    #[cfg(test)]
    pub(crate) fn searcher(&self) -> tantivy::Searcher {
        self.reader.searcher()
    }
}

fn commit(writer: &mut IndexWriter, seq: i64, stamp: &str) -> Result<()> {
    let payload = serde_json::to_string(&Payload {
        seq,
        stamp: stamp.to_owned(),
    })
    .expect("plain struct serialises");
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&payload);
    prepared.commit()?;
    Ok(())
}

fn read_mark(index: &Index) -> Result<Payload> {
    Ok(index
        .load_metas()?
        .payload
        .and_then(|p| serde_json::from_str::<Payload>(&p).ok())
        .unwrap_or(Payload {
            seq: 0,
            stamp: String::new(),
        }))
}

fn text(doc: &TantivyDocument, field: tantivy::schema::Field) -> String {
    doc.get_first(field)
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn id(doc: &TantivyDocument, f: &Fields) -> i64 {
    doc.get_first(f.id)
        .and_then(|v| v.as_i64())
        .unwrap_or_default()
}

fn filters(req: &SearchRequest) -> Filters {
    fn non_empty(s: &Option<String>) -> Option<&str> {
        s.as_deref().map(str::trim).filter(|s| !s.is_empty())
    }
    Filters {
        body: non_empty(&req.body).map(schema::normalize_body),
        status: non_empty(&req.status).map(str::to_lowercase),
        exclude_status: non_empty(&req.exclude_status).map(str::to_lowercase),
        ics: non_empty(&req.ics).map(schema::normalize_ics),
        mandatory: req.mandatory,
    }
}

#[cfg(test)]
mod tests;
