//! The bodies that meet on cases: working groups, technical committees, councils,
//! headquarters and deregulation boards of a province (or of the nation), with their members'
//! seats (an agency's, or a private-sector one such as the chamber of commerce).

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryOrder, Set, Statement,
    TransactionTrait,
};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::FacilitationError;
use super::entity::{body, pairs};
use super::meetings::audit_change;
use super::model::BodyKind;
use crate::access::facilitation as rules;
use crate::access::{Actor, Role};
use crate::audit;
use crate::db::settings::param_sql;

#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct BodyDraft {
    pub kind: BodyKind,
    pub name_fa: String,
    #[serde(default)]
    pub name_en: String,
    #[serde(default)]
    pub name_vi: String,
    /// Member organisations and their seat: `agency` or `private` (chamber, associations).
    #[serde(default)]
    pub members: Vec<(i64, String)>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct BodyView {
    pub id: i64,
    pub province: Option<String>,
    pub kind: BodyKind,
    pub name_fa: String,
    pub name_en: String,
    pub name_vi: String,
}

pub(super) fn body_view(b: body::Model) -> BodyView {
    BodyView {
        id: b.id,
        kind: BodyKind::parse(&b.kind).unwrap_or(BodyKind::WorkingGroup),
        province: b.province_code,
        name_fa: b.name_fa,
        name_en: b.name_en,
        name_vi: b.name_vi,
    }
}

/// Creates a body of the actor's province (a national one for the national administrator).
pub async fn create_body(
    db: &DatabaseConnection,
    actor: &Actor,
    d: &BodyDraft,
) -> Result<i64, FacilitationError> {
    let province = if actor.role == Role::NationalAdmin {
        None
    } else {
        actor.province.clone()
    };
    rules::authorize_secretariat(actor, province.as_deref())?;
    let name_fa = tashil_text::normalize::canonical(&d.name_fa);
    if name_fa.is_empty() && d.name_en.trim().is_empty() && d.name_vi.trim().is_empty() {
        return Err(FacilitationError::invalid("name_fa", "required"));
    }
    let txn = db.begin().await?;
    let m = body::ActiveModel {
        province_code: Set(province),
        kind: Set(d.kind.as_str().to_string()),
        name_fa: Set(name_fa),
        name_en: Set(tashil_text::normalize::canonical(&d.name_en)),
        name_vi: Set(tashil_text::normalize::canonical(&d.name_vi)),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let b = txn.get_database_backend();
    for (org, seat) in &d.members {
        let seat = if seat == "private" {
            "private"
        } else {
            "agency"
        };
        txn.execute_raw(Statement::from_sql_and_values(
            b,
            param_sql(
                b,
                &format!(
                    "INSERT INTO {} (body_id, organisation_id, seat) VALUES (?, ?, ?)",
                    pairs::BODY_MEMBERS
                ),
            ),
            [m.id.into(), (*org).into(), seat.into()],
        ))
        .await?;
    }
    audit::record(
        &txn,
        audit_change(
            actor,
            "body.create",
            "facilitation_body",
            m.id,
            json!({"kind": m.kind, "name_fa": m.name_fa, "members": d.members}),
        ),
    )
    .await?;
    txn.commit().await?;
    Ok(m.id)
}

/// Bodies the actor keeps the secretariat of.
pub async fn bodies(
    db: &DatabaseConnection,
    actor: &Actor,
) -> Result<Vec<BodyView>, FacilitationError> {
    let rows = body::Entity::find()
        .order_by_asc(body::Column::Id)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter(|b| rules::authorize_secretariat(actor, b.province_code.as_deref()).is_ok())
        .map(body_view)
        .collect())
}
