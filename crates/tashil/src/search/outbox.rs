//! The outbox table: what changed, in commit order.

use chrono::Utc;
use sea_orm::{ConnectionTrait, DbErr, Statement};

use crate::db::dialect;
use crate::db::settings::{param_sql, statement};

/// Advisory-lock key that orders outbox appends (arbitrary, fixed).
const OUTBOX_LOCK: i64 = 0x7461_7368_696c_0002;

/// The entities with an index.
pub const STANDARD: &str = "standard";

/// Records that `ids` of `entity` changed. Call inside the transaction that changes them.
///
/// The lock makes ids commit in the order they are assigned: on PostgreSQL a sequence hands
/// out 10 then 11, and if 11 committed first a node could move its mark past 10 before 10
/// is visible, and never index it.
pub async fn enqueue<C: ConnectionTrait>(conn: &C, entity: &str, ids: &[i64]) -> Result<(), DbErr> {
    if ids.is_empty() {
        return Ok(());
    }
    dialect::lock_chain(conn, OUTBOX_LOCK).await?;
    let backend = conn.get_database_backend();
    let now = Utc::now();
    for chunk in ids.chunks(500) {
        let placeholders = vec!["(?, ?, ?)"; chunk.len()].join(", ");
        let sql = param_sql(
            backend,
            &format!(
                "INSERT INTO search_outbox (entity, entity_id, created_at) VALUES {placeholders}"
            ),
        );
        let mut values: Vec<sea_orm::Value> = Vec::with_capacity(chunk.len() * 3);
        for id in chunk {
            values.extend([entity.into(), (*id).into(), now.into()]);
        }
        conn.execute_raw(Statement::from_sql_and_values(backend, sql, values))
            .await?;
    }
    Ok(())
}

/// The newest outbox id (0 when empty).
pub async fn head<C: ConnectionTrait>(conn: &C) -> Result<i64, DbErr> {
    let backend = conn.get_database_backend();
    let row = conn
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT COALESCE(MAX(id), 0) AS head FROM search_outbox",
        ))
        .await?;
    Ok(row
        .map(|r| r.try_get::<i64>("", "head"))
        .transpose()?
        .unwrap_or(0))
}

/// Up to `limit` rows after `after`: `(outbox id, entity, entity id)`.
pub async fn after<C: ConnectionTrait>(
    conn: &C,
    after: i64,
    limit: u64,
) -> Result<Vec<(i64, String, i64)>, DbErr> {
    let backend = conn.get_database_backend();
    let rows = conn
        .query_all_raw(statement(backend, &format!("SELECT id, entity, entity_id FROM search_outbox WHERE id > ? ORDER BY id LIMIT {limit}"), [after.into()]))
        .await?;
    rows.into_iter()
        .map(|r| {
            Ok((
                r.try_get::<i64>("", "id")?,
                r.try_get::<String>("", "entity")?,
                r.try_get::<i64>("", "entity_id")?,
            ))
        })
        .collect()
}

/// The newest outbox id, and the stamp of row `at` (`None` when this database has no such
/// row), in one round trip: what a node compares with its index's mark before each search.
pub async fn head_and_stamp<C: ConnectionTrait>(
    conn: &C,
    at: i64,
) -> Result<(i64, Option<String>), DbErr> {
    let backend = conn.get_database_backend();
    let row = conn
        .query_one_raw(statement(
            backend,
            "SELECT h.head, o.entity, o.entity_id, o.created_at FROM \
             (SELECT COALESCE(MAX(id), 0) AS head FROM search_outbox) h \
             LEFT JOIN search_outbox o ON o.id = ?",
            [at.into()],
        ))
        .await?;
    let Some(r) = row else {
        return Ok((0, None));
    };
    let head = r.try_get::<i64>("", "head")?;
    let stamp = match r.try_get::<Option<String>>("", "entity")? {
        Some(entity) => Some(stamp_of(
            &entity,
            r.try_get::<i64>("", "entity_id")?,
            r.try_get::<chrono::DateTime<Utc>>("", "created_at")?,
        )),
        None => None,
    };
    Ok((head, stamp))
}

/// The stamp of row `id` (`None` when this database has no such row).
pub async fn stamp<C: ConnectionTrait>(conn: &C, id: i64) -> Result<Option<String>, DbErr> {
    Ok(head_and_stamp(conn, id).await?.1)
}

/// What tells one database's outbox row from another's of the same id: its entity, the
/// record's id and when it was written.
fn stamp_of(entity: &str, entity_id: i64, at: chrono::DateTime<Utc>) -> String {
    format!("{entity}:{entity_id}@{}", at.timestamp_micros())
}
