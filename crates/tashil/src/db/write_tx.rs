//! A write transaction that waits its turn in the process before it asks SQLite for the lock.
//!
//! SQLite has one writer at a time. Without a queue, every waiting writer polls the lock in
//! its busy handler (`sqlite_busy`), and with a dozen requests writing at once the process
//! spends its time switching between pollers rather than writing. Writers of one process
//! now queue on an async mutex per database file, FIFO, at no cost while they wait; the busy
//! handler is left for writers of other processes (a CLI import beside the server).
//! PostgreSQL takes row locks, so its writers never queue here.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use sea_orm::{
    ConnAcquireErr, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr,
    ExecResult, QueryResult, SqliteTransactionMode, Statement, TransactionOptions,
    TransactionTrait,
};
use tokio::sync::OwnedMutexGuard;

type Turns = Mutex<HashMap<PathBuf, Arc<tokio::sync::Mutex<()>>>>;

fn turn_of(db: &DatabaseConnection) -> Option<Arc<tokio::sync::Mutex<()>>> {
    if db.get_database_backend() != DbBackend::Sqlite {
        return None;
    }
    static TURNS: OnceLock<Turns> = OnceLock::new();
    let file = db
        .get_sqlite_connection_pool()
        .connect_options()
        .get_filename()
        .to_path_buf();
    let mut turns = TURNS.get_or_init(Default::default).lock().ok()?;
    Some(turns.entry(file).or_default().clone())
}

/// An open write transaction; it holds the process's turn to write until it ends.
pub struct WriteTx {
    // Declared first so it ends (commits or rolls back) before the turn passes on.
    tx: DatabaseTransaction,
    _turn: Option<OwnedMutexGuard<()>>,
    bulk: bool,
}

impl WriteTx {
    pub(super) async fn begin(db: &DatabaseConnection) -> Result<Self, DbErr> {
        // As long as SQLite's own wait, then refused as busy: a writer that waits for itself
        // (a write begun inside another) fails as it did before the queue, never hangs.
        let turn = match turn_of(db) {
            Some(m) => Some(
                tokio::time::timeout(super::sqlite_busy::WAIT, m.lock_owned())
                    .await
                    .map_err(|_| DbErr::ConnectionAcquire(ConnAcquireErr::Timeout))?,
            ),
            None => None,
        };
        let tx = db
            .begin_with_options(TransactionOptions {
                sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
                ..Default::default()
            })
            .await?;
        Ok(Self {
            tx,
            _turn: turn,
            bulk: false,
        })
    }

    /// A write that touches far more index pages than a request does (an import): its
    /// connection gets a page cache of `super::BULK_CACHE_KIB` until it ends, then the
    /// server's small one again, so the pool's memory stays bounded by the small size.
    pub(super) async fn begin_bulk(db: &DatabaseConnection) -> Result<Self, DbErr> {
        let mut w = Self::begin(db).await?;
        if w.get_database_backend() == DbBackend::Sqlite {
            w.set_cache(super::BULK_CACHE_KIB).await?;
            w.bulk = true;
        }
        Ok(w)
    }

    async fn set_cache(&self, kib: u32) -> Result<(), DbErr> {
        // The pragma is the connection's, not the transaction's: it outlives a rollback.
        self.tx
            .execute_unprepared(&format!("PRAGMA cache_size = -{kib}"))
            .await
            .map(|_| ())
    }

    async fn end_bulk(&self) -> Result<(), DbErr> {
        if self.bulk {
            self.set_cache(super::CACHE_KIB).await?;
        }
        Ok(())
    }

    pub async fn commit(self) -> Result<(), DbErr> {
        self.end_bulk().await?;
        self.tx.commit().await
    }

    pub async fn rollback(self) -> Result<(), DbErr> {
        self.end_bulk().await?;
        self.tx.rollback().await
    }
}

#[async_trait::async_trait]
impl ConnectionTrait for WriteTx {
    fn get_database_backend(&self) -> DbBackend {
        self.tx.get_database_backend()
    }

    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        self.tx.execute_raw(stmt).await
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        self.tx.execute_unprepared(sql).await
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        self.tx.query_one_raw(stmt).await
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        self.tx.query_all_raw(stmt).await
    }

    fn support_returning(&self) -> bool {
        self.tx.support_returning()
    }
}

#[cfg(test)]
mod tests {
    use sea_orm::{ConnectionTrait, DatabaseConnection, Statement, TransactionTrait};

    use crate::config::StorageConfig;
    use crate::db::{BULK_CACHE_KIB, CACHE_KIB};

    async fn cache_kib<C: ConnectionTrait>(c: &C) -> i64 {
        let row = c
            .query_one_raw(Statement::from_string(
                c.get_database_backend(),
                "PRAGMA cache_size",
            ))
            .await
            .unwrap()
            .unwrap();
        -row.try_get_by_index::<i64>(0).unwrap()
    }

    /// Every pooled connection's cache, read while all of them are held at once.
    async fn every_cache(db: &DatabaseConnection) -> Vec<i64> {
        let mut held = Vec::new();
        for _ in 0..8 {
            held.push(db.begin().await.unwrap());
        }
        let mut sizes = Vec::new();
        for t in &held {
            sizes.push(cache_kib(t).await);
        }
        sizes
    }

    #[tokio::test]
    async fn an_import_widens_its_connections_page_cache_and_gives_it_back_either_way() {
        let dir = tempfile::tempdir().unwrap();
        let db = crate::db::connect(&StorageConfig::new(dir.path(), None))
            .await
            .unwrap();
        let small = i64::from(CACHE_KIB);
        assert_eq!(every_cache(&db).await, vec![small; 8]);
        let w = crate::db::begin_bulk_write(&db).await.unwrap();
        assert_eq!(cache_kib(&w).await, i64::from(BULK_CACHE_KIB));
        w.rollback().await.unwrap();
        assert_eq!(every_cache(&db).await, vec![small; 8]);
        let w = crate::db::begin_bulk_write(&db).await.unwrap();
        w.commit().await.unwrap();
        assert_eq!(every_cache(&db).await, vec![small; 8]);
    }
}
