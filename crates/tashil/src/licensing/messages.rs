//! Messages after the first: the unit and the office deciding its application write to each
//! other while it is open (or rejected and still appealable); each message is audited and
//! the other side is told by email (`notices.rs`).

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set};
use serde_json::json;

use super::apply::MAX_MESSAGE;
use super::entity::message;
use super::error::LicensingError;
use super::exchange::{side, still_open};
use super::view::ApplicationView;
use super::{notices, read};
use crate::access::Actor;
use crate::access::licensing::Side;
use crate::audit::{self, Change};

/// The form field and JSON member of a message's text.
pub const FIELD: &str = "body";

/// Writes `body` on application `id` from the actor's side.
pub async fn post(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    body: &str,
    now: DateTime<Utc>,
) -> Result<ApplicationView, LicensingError> {
    let tx = crate::db::begin_write(db).await?;
    let a = read::scoped(&tx, actor, id).await?;
    let from = side(&tx, actor, &a).await?;
    still_open(&a)?;
    let body = crate::kernel::bounded(FIELD, body, MAX_MESSAGE).map_err(|e| vec![e])?;
    let m = message::ActiveModel {
        application_id: Set(a.id),
        author_user_id: Set(actor.user_id()),
        from_applicant: Set(from == Side::Applicant),
        body: Set(body),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    audit::record(
        &tx,
        Change::by(actor, "application.message", "application_message", m.id).after(json!({
            "application_id": a.id,
            "from_applicant": m.from_applicant,
            "body": &m.body,
        })),
    )
    .await?;
    notices::message_written(&tx, &a, from).await?;
    tx.commit().await?;
    read::get(db, actor, id).await
}
