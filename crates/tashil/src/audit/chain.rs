use chrono::{SecondsFormat, Utc};
use sea_orm::{
    ActiveModelBehavior, ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, IntoActiveModel,
    Statement,
};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::access::Actor;
use crate::db::{dialect, settings::param_sql};

/// The `prev_hash` of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Advisory-lock key for the audit chain (arbitrary, fixed).
const CHAIN_LOCK: i64 = 0x7461_7368_696c_0001;

/// One state change to record. `before` is `None` on creation, `after` on deletion.
pub struct Change<'a> {
    pub actor: Option<&'a Actor>,
    /// Who acted when there is no user: "cli", "demo", "system".
    pub via: &'a str,
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: String,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

impl<'a> Change<'a> {
    /// A change `actor` made, through the channel it came by (web, api, demo, cli).
    pub fn by(actor: &'a Actor, action: &'a str, entity: &'a str, id: impl ToString) -> Self {
        Change {
            actor: Some(actor),
            via: actor.channel().as_str(),
            action,
            entity,
            entity_id: id.to_string(),
            before: None,
            after: None,
        }
    }

    /// A change made with no user behind it: `via` names who acted ("cli", "system"…).
    pub fn system(via: &'a str, action: &'a str, entity: &'a str, id: impl ToString) -> Self {
        Change {
            actor: None,
            via,
            action,
            entity,
            entity_id: id.to_string(),
            before: None,
            after: None,
        }
    }

    pub fn before(mut self, v: Value) -> Self {
        self.before = Some(v);
        self
    }

    pub fn after(mut self, v: Value) -> Self {
        self.after = Some(v);
        self
    }
}

/// The hashed fields, in one fixed order. serde_json writes object keys sorted (no
/// `preserve_order` feature), so the text of `before`/`after` is canonical too.
pub(super) struct Fields<'a> {
    pub at: &'a str,
    pub actor_user_id: Option<i64>,
    pub actor: &'a str,
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: &'a str,
    pub before: Option<&'a str>,
    pub after: Option<&'a str>,
    pub prev_hash: &'a str,
}

pub(super) fn hash(f: &Fields<'_>) -> String {
    let canonical = serde_json::json!([
        f.at,
        f.actor_user_id,
        f.actor,
        f.action,
        f.entity,
        f.entity_id,
        f.before,
        f.after,
        f.prev_hash
    ]);
    hex::encode(Sha256::digest(canonical.to_string().as_bytes()))
}

/// Appends `change` to the chain. Call it inside the transaction that makes the change, so
/// both land or neither does.
pub async fn record<C: ConnectionTrait>(conn: &C, change: Change<'_>) -> Result<(), DbErr> {
    record_many(conn, vec![change]).await
}

/// Inserts `am` and records its creation, described by `change` from the stored row (its new
/// id), in the caller's transaction.
pub async fn insert<'a, C, A>(
    conn: &C,
    am: A,
    change: impl FnOnce(&<A::Entity as EntityTrait>::Model) -> Change<'a>,
) -> Result<<A::Entity as EntityTrait>::Model, DbErr>
where
    C: ConnectionTrait,
    A: ActiveModelTrait + ActiveModelBehavior + Send,
    <A::Entity as EntityTrait>::Model: IntoActiveModel<A>,
{
    let m = am.insert(conn).await?;
    record(conn, change(&m)).await?;
    Ok(m)
}

/// Appends several changes in order, taking the chain lock once and inserting in batches:
/// the demo generator records each of its 100k units.
pub async fn record_many<C: ConnectionTrait>(
    conn: &C,
    changes: Vec<Change<'_>>,
) -> Result<(), DbErr> {
    if changes.is_empty() {
        return Ok(());
    }
    dialect::lock_chain(conn, CHAIN_LOCK).await?;
    let backend = conn.get_database_backend();
    let mut prev_hash = conn
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1",
        ))
        .await?
        .map(|r| r.try_get::<String>("", "hash"))
        .transpose()?
        .unwrap_or_else(|| GENESIS.to_string());
    let at = Utc::now().to_rfc3339_opts(SecondsFormat::Micros, true);
    const COLS: usize = 10;
    const ROWS_PER_INSERT: usize = 200;
    let mut values: Vec<sea_orm::Value> = Vec::with_capacity(COLS * ROWS_PER_INSERT);
    let mut rows = 0;
    let flush = |values: &mut Vec<sea_orm::Value>, rows: &mut usize| {
        let placeholders = vec!["(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"; *rows].join(", ");
        let sql = param_sql(
            backend,
            &format!(
                "INSERT INTO audit_log (at, actor_user_id, actor, action, entity, entity_id, before, after, prev_hash, hash) VALUES {placeholders}"
            ),
        );
        *rows = 0;
        Statement::from_sql_and_values(backend, sql, std::mem::take(values))
    };
    for change in changes {
        let actor_label = change
            .actor
            .map(Actor::label)
            .unwrap_or_else(|| change.via.to_string());
        let before = change.before.map(|v| v.to_string());
        let after = change.after.map(|v| v.to_string());
        let actor_user_id = change.actor.map(|a| a.user_id());
        let h = hash(&Fields {
            at: &at,
            actor_user_id,
            actor: &actor_label,
            action: change.action,
            entity: change.entity,
            entity_id: &change.entity_id,
            before: before.as_deref(),
            after: after.as_deref(),
            prev_hash: &prev_hash,
        });
        values.extend([
            at.clone().into(),
            actor_user_id.into(),
            actor_label.into(),
            change.action.into(),
            change.entity.into(),
            change.entity_id.into(),
            before.into(),
            after.into(),
            prev_hash.clone().into(),
            h.clone().into(),
        ]);
        prev_hash = h;
        rows += 1;
        if rows == ROWS_PER_INSERT {
            conn.execute_raw(flush(&mut values, &mut rows)).await?;
        }
    }
    if rows > 0 {
        conn.execute_raw(flush(&mut values, &mut rows)).await?;
    }
    Ok(())
}
