//! Queuing messages. Every function takes the caller's connection or transaction, so a message
//! exists exactly when the change that caused it does. Who receives what is the sending
//! context's to say (its notices), with the people identity finds.

use chrono::Utc;
use sea_orm::{ConnectionTrait, DbErr, Statement};
use serde_json::Value;

use super::MailKind;
use crate::db::settings::statement;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub email: String,
    /// The user's language (`fa`, `vi`, `en`).
    pub lang: String,
}

/// Queues one message per recipient; `args` are the facts the message shows.
pub async fn queue<C: ConnectionTrait>(
    db: &C,
    to: &[Recipient],
    kind: MailKind,
    args: &Value,
) -> Result<(), DbErr> {
    if !MailKind::has_messages(kind.as_str()) {
        return Err(DbErr::Custom(format!(
            "mail kind {} has no messages in every language",
            kind.as_str()
        )));
    }
    let b = db.get_database_backend();
    let now = Utc::now();
    for r in to {
        db.execute_raw(statement(b, "INSERT INTO mail_outbox (recipient, lang, kind, args, created_at, next_attempt_at, attempts) \
                 VALUES (?, ?, ?, ?, ?, ?, 0)", [
                r.email.clone().into(),
                r.lang.clone().into(),
                kind.as_str().into(),
                args.to_string().into(),
                now.into(),
                now.into(),
            ]))
        .await?;
    }
    Ok(())
}

/// How the outbox stands: for `tashil mail status` and the `/metrics` gauges.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutboxStatus {
    pub waiting: i64,
    pub sent: i64,
    /// Failed [`super::sender::MAX_ATTEMPTS`] times: kept with their last error.
    pub given_up: i64,
}

pub async fn status<C: ConnectionTrait>(db: &C) -> Result<OutboxStatus, DbErr> {
    let (waiting, given_up) = unsent(db).await?;
    let b = db.get_database_backend();
    let sent = match db
        .query_one_raw(Statement::from_string(
            b,
            "SELECT COUNT(*) AS n FROM mail_outbox WHERE sent_at IS NOT NULL",
        ))
        .await?
    {
        Some(r) => r.try_get("", "n")?,
        None => 0,
    };
    Ok(OutboxStatus {
        waiting,
        sent,
        given_up,
    })
}

/// Messages not sent: (waiting, given up). Reads only unsent rows (the `sent_at` index), so
/// the gauges cost nothing as sent mail accumulates.
pub async fn unsent<C: ConnectionTrait>(db: &C) -> Result<(i64, i64), DbErr> {
    let b = db.get_database_backend();
    let row = db
        .query_one_raw(statement(
            b,
            "SELECT COALESCE(SUM(CASE WHEN attempts < ? THEN 1 ELSE 0 END), 0) AS waiting, \
                 COALESCE(SUM(CASE WHEN attempts >= ? THEN 1 ELSE 0 END), 0) AS given_up \
                 FROM mail_outbox WHERE sent_at IS NULL",
            [
                super::sender::MAX_ATTEMPTS.into(),
                super::sender::MAX_ATTEMPTS.into(),
            ],
        ))
        .await?;
    match row {
        Some(r) => Ok((r.try_get("", "waiting")?, r.try_get("", "given_up")?)),
        None => Ok((0, 0)),
    }
}

/// The last errors of messages still waiting or given up, newest first.
pub async fn last_errors<C: ConnectionTrait>(
    db: &C,
    limit: i64,
) -> Result<Vec<(String, i32, String)>, DbErr> {
    let b = db.get_database_backend();
    let rows = db
        .query_all_raw(statement(
            b,
            &format!(
                "SELECT recipient, attempts, last_error FROM mail_outbox \
                     WHERE sent_at IS NULL AND last_error IS NOT NULL ORDER BY id DESC LIMIT {}",
                limit.clamp(1, 100)
            ),
            [],
        ))
        .await?;
    rows.iter()
        .map(|r| {
            Ok((
                r.try_get("", "recipient")?,
                r.try_get("", "attempts")?,
                r.try_get("", "last_error")?,
            ))
        })
        .collect()
}
