//! What the reporter of a case does: answers a request for information, confirms that the
//! obstacle is removed, or says it remains although every resolution was reported done.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, Set};

use super::FacilitationError;
use super::cases::{load, set_status, status_of};
use super::entity::case;
use super::model::CaseStatus;
use crate::access::Actor;
use crate::access::facilitation as rules;

/// Opens a transaction on a case the reporter may act on in state `from`.
async fn reporters_case(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    from: CaseStatus,
) -> Result<(crate::db::WriteTx, case::Model), FacilitationError> {
    let txn = crate::db::begin_write(db).await?;
    let before = load(&txn, actor, id).await?;
    rules::authorize_confirm(actor, before.reporter_org_id)?;
    if status_of(&before)? != from {
        return Err(FacilitationError::Conflict);
    }
    Ok((txn, before))
}

fn required(text: &str) -> Result<String, FacilitationError> {
    super::model::text("note", text, super::model::MAX_NOTE)
}

/// Why a reporter's note puts its case back in the committee's queue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reply {
    /// The reporter answers a request for information.
    Info,
    /// The reporter says the obstacle remains although every resolution was reported done;
    /// the secretariat hears of it.
    Dispute,
}

/// The reporter's note puts the case back in the committee's queue (see [`Reply`]).
pub async fn reply(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    why: Reply,
    text: &str,
    now: DateTime<Utc>,
) -> Result<(), FacilitationError> {
    let (from, event) = match why {
        Reply::Info => (CaseStatus::NeedsInfo, "info_added"),
        Reply::Dispute => (CaseStatus::Resolved, "reporter_disputed"),
    };
    let text = required(text)?;
    let (txn, before) = reporters_case(db, actor, id, from).await?;
    set_status(
        &txn,
        actor,
        &before,
        CaseStatus::Reported,
        event,
        &text,
        now,
    )
    .await?;
    if why == Reply::Dispute {
        super::notices::case_disputed(&txn, &before, &text).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// The reporter confirms its obstacle is removed: the case closes as solved.
pub async fn confirm(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(), FacilitationError> {
    let (txn, before) = reporters_case(db, actor, id, CaseStatus::Resolved).await?;
    let mut am: case::ActiveModel = before.into();
    am.solved = Set(true);
    am.closed_at = Set(Some(now));
    am.update(&txn).await?;
    let fresh = super::query::found(&txn, case::Entity::find_by_id(id)).await?;
    set_status(
        &txn,
        actor,
        &fresh,
        CaseStatus::Closed,
        "confirmed",
        "",
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
