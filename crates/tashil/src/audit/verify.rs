use sea_orm::{ConnectionTrait, DbErr};

use super::chain::{Fields, GENESIS, hash};
use crate::db::settings::statement;

/// The first place where the chain does not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// The entry's fields no longer match its hash.
    Edited { id: i64 },
    /// Entries with ids between `after` and `before` are missing.
    Deleted { after: i64, before: i64 },
    /// The entry does not follow the one before it: inserted, or its link rewritten.
    Inserted { id: i64 },
}

#[derive(Debug, Clone)]
pub struct Report {
    pub entries: u64,
    /// The id of the newest good entry (0 when there is none).
    pub head_id: i64,
    /// The newest hash: record it elsewhere to detect removal of the newest entries.
    pub head: String,
    pub finding: Option<Finding>,
}

/// Walks the whole log in id order, in pages, and stops at the first break.
pub async fn verify<C: ConnectionTrait>(conn: &C) -> Result<Report, DbErr> {
    verify_from(conn, 0, GENESIS).await
}

/// Walks the entries after `after_id`, the first of which must link to `after_hash`: a
/// checkpoint extends the previous one without walking the whole log again. `entries` counts
/// only the entries walked.
pub(super) async fn verify_from<C: ConnectionTrait>(
    conn: &C,
    after_id: i64,
    after_hash: &str,
) -> Result<Report, DbErr> {
    let backend = conn.get_database_backend();
    let mut last_id = after_id;
    let mut prev = after_hash.to_string();
    let mut entries = 0u64;
    loop {
        let rows = conn
            .query_all_raw(statement(backend, "SELECT id, at, actor_user_id, actor, action, entity, entity_id, before, after, prev_hash, hash \
                     FROM audit_log WHERE id > ? ORDER BY id LIMIT 1000", [last_id.into()]))
            .await?;
        if rows.is_empty() {
            break;
        }
        for r in rows {
            let id: i64 = r.try_get("", "id")?;
            let at: String = r.try_get("", "at")?;
            let actor_user_id: Option<i64> = r.try_get("", "actor_user_id")?;
            let actor: String = r.try_get("", "actor")?;
            let action: String = r.try_get("", "action")?;
            let entity: String = r.try_get("", "entity")?;
            let entity_id: String = r.try_get("", "entity_id")?;
            let before: Option<String> = r.try_get("", "before")?;
            let after: Option<String> = r.try_get("", "after")?;
            let prev_hash: String = r.try_get("", "prev_hash")?;
            let stored: String = r.try_get("", "hash")?;
            let computed = hash(&Fields {
                at: &at,
                actor_user_id,
                actor: &actor,
                action: &action,
                entity: &entity,
                entity_id: &entity_id,
                before: before.as_deref(),
                after: after.as_deref(),
                prev_hash: &prev_hash,
            });
            let finding = if computed != stored {
                Some(Finding::Edited { id })
            } else if prev_hash != prev {
                if id != last_id + 1 {
                    Some(Finding::Deleted {
                        after: last_id,
                        before: id,
                    })
                } else {
                    Some(Finding::Inserted { id })
                }
            } else {
                None
            };
            if finding.is_some() {
                return Ok(Report {
                    entries,
                    head_id: last_id,
                    head: prev,
                    finding,
                });
            }
            entries += 1;
            last_id = id;
            prev = stored;
        }
    }
    Ok(Report {
        entries,
        head_id: last_id,
        head: prev,
        finding: None,
    })
}
