//! Keeps this node's catalogue index level with the outbox.

use std::path::Path;
use std::sync::Arc;

use sea_orm::{DatabaseConnection, DbErr};
use tashil_search::StandardsIndex;

use super::outbox;

/// A gap larger than this is closed by a rebuild rather than row by row (a fresh node, or
/// one restored from an old backup).
const REBUILD_GAP: i64 = 20_000;
const BATCH: u64 = 2_000;

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Db(#[from] DbErr),
    #[error("search index: {0}")]
    Index(String),
}

/// The catalogue's index on this node, and the lock that lets one task at a time apply the
/// outbox to it.
pub struct Catalogue {
    index: Arc<StandardsIndex>,
    applying: tokio::sync::Mutex<()>,
}

/// Where this node's index stands against the database's outbox.
#[derive(Debug, PartialEq, Eq)]
enum Standing {
    Even,
    /// This many rows to apply.
    Behind(i64),
    /// Not this database's outbox (restored from a backup, or another database).
    Elsewhere,
}

fn index_err(e: impl std::fmt::Display) -> SyncError {
    SyncError::Index(e.to_string())
}

impl Catalogue {
    /// Opens (or creates) the index kept under `data_dir/search/standards`.
    pub fn open(data_dir: &Path) -> Result<Self, SyncError> {
        let dir = data_dir.join("search").join("standards");
        std::fs::create_dir_all(&dir).map_err(index_err)?;
        let index = StandardsIndex::open_or_create(&dir).map_err(index_err)?;
        Ok(Catalogue {
            index: Arc::new(index),
            applying: tokio::sync::Mutex::new(()),
        })
    }

    pub fn index(&self) -> Arc<StandardsIndex> {
        self.index.clone()
    }

    /// Applies every outbox row this node has not seen. Cheap when level: one round trip
    /// for the newest id and the stamp of the row the index last applied. Called before each
    /// search, so a node answers with every committed change.
    ///
    /// An index that does not follow this database is rebuilt: the database went back
    /// (restored from a backup: its newest id below the mark, or the row at the mark written
    /// anew with another stamp), or the index was filled from another database.
    pub async fn catch_up(&self, db: &DatabaseConnection) -> Result<(), SyncError> {
        if self.level(db).await? == Standing::Even {
            return Ok(());
        }
        let _one_at_a_time = self.applying.lock().await;
        match self.level(db).await? {
            Standing::Even => return Ok(()),
            Standing::Elsewhere => return self.rebuild_locked(db).await,
            Standing::Behind(gap) if gap > REBUILD_GAP => return self.rebuild_locked(db).await,
            Standing::Behind(_) => {}
        }
        loop {
            let from = self.index.applied_seq();
            let rows = outbox::after(db, from, BATCH).await?;
            let Some(&(seq, _, _)) = rows.last() else {
                return Ok(());
            };
            let stamp = outbox::stamp(db, seq).await?.unwrap_or_default();
            let mut ids: Vec<i64> = rows
                .iter()
                .filter(|(_, entity, _)| entity == outbox::STANDARD)
                .map(|(_, _, id)| *id)
                .collect();
            ids.sort_unstable();
            ids.dedup();
            let docs = crate::standards::index_docs_of(db, &ids).await?;
            let gone: Vec<i64> = ids
                .iter()
                .copied()
                .filter(|id| !docs.iter().any(|d| d.id == *id))
                .collect();
            let index = self.index.clone();
            tokio::task::spawn_blocking(move || {
                if !gone.is_empty() {
                    index.delete_at(&gone, from, &index.applied_stamp())?;
                }
                index.upsert_at(&docs, seq, &stamp)
            })
            .await
            .map_err(index_err)?
            .map_err(index_err)?;
        }
    }

    async fn level(&self, db: &DatabaseConnection) -> Result<Standing, SyncError> {
        let applied = self.index.applied_seq();
        let (head, stamp) = outbox::head_and_stamp(db, applied).await?;
        if applied == 0 {
            return Ok(if head == 0 {
                Standing::Even
            } else {
                Standing::Behind(head)
            });
        }
        // An index written without stamps (before they were kept) is rebuilt once.
        if head < applied || stamp != Some(self.index.applied_stamp()) {
            return Ok(Standing::Elsewhere);
        }
        Ok(if head == applied {
            Standing::Even
        } else {
            Standing::Behind(head - applied)
        })
    }

    /// Lets go of the index writer (its threads and buffers) once a burst of writes is over,
    /// such as the first filling of a new node's index.
    pub async fn release_writer(&self) -> Result<(), SyncError> {
        let _one_at_a_time = self.applying.lock().await;
        let index = self.index.clone();
        tokio::task::spawn_blocking(move || index.release_writer())
            .await
            .map_err(index_err)?
            .map_err(index_err)
    }

    /// Rebuilds the index from the database (`tashil search reindex`).
    pub async fn rebuild(&self, db: &DatabaseConnection) -> Result<(), SyncError> {
        let _one_at_a_time = self.applying.lock().await;
        self.rebuild_locked(db).await
    }

    async fn rebuild_locked(&self, db: &DatabaseConnection) -> Result<(), SyncError> {
        let started = std::time::Instant::now();
        // Rows appended after `head` are applied by the next catch-up.
        let head = outbox::head(db).await?;
        let stamp = outbox::stamp(db, head).await?.unwrap_or_default();
        let docs = crate::standards::all_index_docs(db).await?;
        let n = docs.len();
        let index = self.index.clone();
        tokio::task::spawn_blocking(move || index.rebuild_at(docs.into_iter(), head, &stamp))
            .await
            .map_err(index_err)?
            .map_err(index_err)?;
        tracing::info!(
            standards = n,
            ms = started.elapsed().as_millis() as u64,
            "search index rebuilt"
        );
        Ok(())
    }

    /// Applies the outbox every `every` until the process stops: a node that serves no
    /// searches still keeps its index warm.
    pub fn spawn_follower(self: &Arc<Self>, db: DatabaseConnection, every: std::time::Duration) {
        let me = self.clone();
        tokio::spawn(async move {
            loop {
                if let Err(e) = me.catch_up(&db).await {
                    tracing::warn!(error = %e, "search index catch-up failed");
                }
                tokio::time::sleep(every).await;
            }
        });
    }
}
