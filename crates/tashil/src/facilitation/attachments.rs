//! Files attached to a case: the evidence a unit has (a bank's refusal, a tax notice, a
//! utility's letter). Kept in the database, so every node serves them; read by whoever may read
//! the case; never on the public page. Kind and size are checked by `kernel::upload`.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use serde::Serialize;
use serde_json::json;

use super::FacilitationError;
use super::cases::{load, note, status_of};
use super::entity::attachment;
use crate::access::Actor;
use crate::access::facilitation as rules;
use crate::audit::{self, Change};

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AttachmentInfo {
    pub id: i64,
    pub file_name: String,
    pub size: i64,
    pub created_at: DateTime<Utc>,
}

pub async fn attach(
    db: &DatabaseConnection,
    actor: &Actor,
    case_id: i64,
    file_name: &str,
    bytes: &[u8],
    now: DateTime<Utc>,
) -> Result<AttachmentInfo, FacilitationError> {
    let file = crate::kernel::upload::check(file_name, bytes)
        .map_err(|e| FacilitationError::Invalid(vec![e]))?;
    let txn = crate::db::begin_write(db).await?;
    let c = load(&txn, actor, case_id).await?;
    let may = rules::authorize_confirm(actor, c.reporter_org_id).is_ok()
        || rules::authorize_triage(actor, &c.province_code, &c.level).is_ok();
    if !may {
        return Err(crate::access::Denied::Forbidden.into());
    }
    if !status_of(&c)?.is_open() {
        return Err(FacilitationError::Conflict);
    }
    let m = attachment::ActiveModel {
        case_id: Set(case_id),
        file_name: Set(file.name),
        content_type: Set(file.content_type.to_owned()),
        size: Set(file.size),
        sha256: Set(file.sha256.clone()),
        content: Set(bytes.to_vec()),
        uploaded_by: Set(actor.user_id()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    note(
        &txn,
        case_id,
        Some(actor),
        "attachment_added",
        &m.file_name,
        now,
    )
    .await?;
    audit::record(
        &txn,
        Change::by(actor, "case.attach", "case_attachment", m.id).after(
            json!({"case_id": case_id, "file_name": m.file_name, "size": m.size, "sha256": file.sha256}),
        ),
    )
    .await?;
    txn.commit().await?;
    Ok(AttachmentInfo {
        id: m.id,
        file_name: m.file_name,
        size: m.size,
        created_at: m.created_at,
    })
}

/// The case's attachments, without their content.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    case_id: i64,
) -> Result<Vec<AttachmentInfo>, FacilitationError> {
    let rows: Vec<(i64, String, i64, DateTime<Utc>)> = attachment::Entity::find()
        .select_only()
        .column(attachment::Column::Id)
        .column(attachment::Column::FileName)
        .column(attachment::Column::Size)
        .column(attachment::Column::CreatedAt)
        .filter(attachment::Column::CaseId.eq(case_id))
        .order_by_asc(attachment::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, file_name, size, created_at)| AttachmentInfo {
            id,
            file_name,
            size,
            created_at,
        })
        .collect())
}

/// One attachment's name, type and bytes, for whoever may read its case.
pub async fn download(
    db: &DatabaseConnection,
    actor: &Actor,
    case_id: i64,
    id: i64,
) -> Result<(String, String, Vec<u8>), FacilitationError> {
    load(db, actor, case_id).await?;
    let a = attachment::Entity::find_by_id(id)
        .filter(attachment::Column::CaseId.eq(case_id))
        .one(db)
        .await?
        .ok_or(FacilitationError::NotFound)?;
    Ok((a.file_name, a.content_type, a.content))
}
