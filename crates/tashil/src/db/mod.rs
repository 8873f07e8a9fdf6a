//! Connection to SQLite or PostgreSQL, the migrations (one set for both) and the few
//! statements that differ between the two backends (`dialect`).

pub mod bulk;
pub mod count;
pub mod dialect;
pub mod entity;
pub mod migrations;
pub mod outage;
pub mod rows;
pub mod settings;
mod sqlite_busy;
mod write_tx;

pub use write_tx::WriteTx;

use std::time::Duration;

use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};
use sea_orm_migration::MigratorTrait;

use crate::config::StorageConfig;

/// Page cache of each pooled SQLite connection, in KiB (SQLite's default is 2,000).
pub const CACHE_KIB: u32 = 4096;
/// Page cache of a connection while it imports, in KiB: the size the import was measured with
/// (≤ 10 s and ≤ 200 MB for 100,000 units); 64 MiB took its peak to 194 MB.
pub const BULK_CACHE_KIB: u32 = 16384;

/// How long a pooled connection may sit unused before it is pinged when next taken.
pub const IDLE_PING_AFTER: Duration = Duration::from_secs(5);

/// Opens the pool. SQLite gets WAL (readers never block the writer), foreign keys on, and a
/// busy timeout so concurrent writers wait instead of failing.
pub async fn connect(cfg: &StorageConfig) -> Result<DatabaseConnection, DbErr> {
    if cfg.is_sqlite() {
        std::fs::create_dir_all(&cfg.data_dir)
            .map_err(|e| DbErr::Custom(format!("cannot create {}: {e}", cfg.data_dir.display())))?;
    }
    let mut opts = ConnectOptions::new(cfg.url());
    opts.sqlx_logging(std::env::var_os("TASHIL_SQL_LOG").is_some())
        .sqlx_logging_level(tracing::log::LevelFilter::Info)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(10))
        // sqlx pings a connection when it goes back to the pool (dropping a broken one there)
        // and, by default, again each time one is taken: a second round trip before every
        // statement outside a transaction, on the request's path. Only a connection idle
        // long enough for a server, proxy or firewall to have dropped it is pinged on the
        // way out (docs/benchmarks.md, "Round trips per statement").
        .test_before_acquire_if_idle_for(IDLE_PING_AFTER);
    if cfg.is_sqlite() {
        opts.max_connections(8).min_connections(1);
        opts.map_sqlx_sqlite_opts(|o| {
            use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
            o.journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(sqlite_busy::WAIT)
                // Each pooled connection keeps its own page cache (allocated as used), so
                // the pool's size times this bounds the process's cache; an import widens
                // its own connection's for its length (`begin_bulk`).
                .pragma("cache_size", format!("-{CACHE_KIB}"))
                .create_if_missing(true)
        });
        // Replaces the busy timeout just set (which still covers the connection's own
        // opening) with a handler that looks again sooner.
        opts.map_sqlx_sqlite_pool_opts(|p| {
            p.after_connect(|conn, _| Box::pin(async move { sqlite_busy::install(conn).await }))
        });
    } else {
        opts.max_connections(16).min_connections(1);
    }
    Database::connect(opts).await
}

/// Brings the schema to the newest version; safe to run on every start and from several
/// processes (sea-orm-migration records what ran).
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    migrations::Migrator::up(db, None).await
}

/// Begins a transaction that will write. On SQLite it takes the write lock at `BEGIN
/// IMMEDIATE`: a deferred transaction that reads first and then writes cannot wait for another
/// writer (SQLite answers SQLITE_BUSY at once, without the busy timeout, since waiting could
/// deadlock), so two concurrent submissions would fail with "database is locked". Before that,
/// it waits its turn among the process's writers (`write_tx`). PostgreSQL ignores both.
pub async fn begin_write(db: &DatabaseConnection) -> Result<WriteTx, DbErr> {
    WriteTx::begin(db).await
}

/// `begin_write` for an import: a large page cache on its connection while it lasts. End it
/// with `commit` or `rollback` (not by dropping it), which give the connection its usual
/// cache back.
pub async fn begin_bulk_write(db: &DatabaseConnection) -> Result<WriteTx, DbErr> {
    WriteTx::begin_bulk(db).await
}
