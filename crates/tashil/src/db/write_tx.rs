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
        Ok(Self { tx, _turn: turn })
    }

    pub async fn commit(self) -> Result<(), DbErr> {
        self.tx.commit().await
    }

    pub async fn rollback(self) -> Result<(), DbErr> {
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
