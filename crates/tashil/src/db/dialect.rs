//! The statements that differ between SQLite and PostgreSQL live here and nowhere else.

use sea_orm::{ConnectionTrait, DbBackend, DbErr, Statement};

/// Serialises appends to a hash chain across processes: PostgreSQL takes a transaction-scoped
/// advisory lock; SQLite already allows one writer at a time, so a no-op write takes the
/// write lock early (a deferred transaction that reads first could otherwise fail to upgrade).
pub async fn lock_chain<C: ConnectionTrait>(conn: &C, key: i64) -> Result<(), DbErr> {
    match conn.get_database_backend() {
        DbBackend::Postgres => {
            conn.execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT pg_advisory_xact_lock($1)",
                [key.into()],
            ))
            .await?;
        }
        _ => {
            conn.execute_unprepared("UPDATE settings SET value = value WHERE key = 'chain-lock'")
                .await?;
        }
    }
    Ok(())
}

/// The largest string that still starts with `prefix` in byte order, for index-friendly
/// prefix ranges (`term >= prefix AND term < upper`). Works on both backends because the
/// term columns use byte-wise collation (`C` on PostgreSQL, `BINARY` on SQLite).
pub fn prefix_upper_bound(prefix: &str) -> String {
    let mut s = prefix.to_string();
    s.push(char::MAX);
    s
}
