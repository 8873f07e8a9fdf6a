//! The hazard classes in force (a table of HS/ICS prefixes), read by the recompute and
//! replaced whole by the national body (from the page's CSV or the API), audited.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, EntityTrait, QueryOrder};
use serde_json::json;

use super::entity::hazard;
use super::error::SupervisionError;
use super::model::hazard::{HazardRow, HazardTable, Scheme, parse_csv};
use crate::access::{Actor, supervision as rules};
use crate::audit::{self, Change};

/// The rows, by scheme and prefix.
pub(super) async fn rows<C: sea_orm::ConnectionTrait>(
    db: &C,
) -> Result<Vec<HazardRow>, sea_orm::DbErr> {
    Ok(hazard::Entity::find()
        .order_by_asc(hazard::Column::Scheme)
        .order_by_asc(hazard::Column::Prefix)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|r| {
            Some(HazardRow {
                scheme: Scheme::parse(&r.scheme)?,
                prefix: r.prefix,
                class: u8::try_from(r.class).ok()?,
            })
        })
        .collect())
}

pub(super) async fn table<C: sea_orm::ConnectionTrait>(
    db: &C,
) -> Result<HazardTable, sea_orm::DbErr> {
    Ok(HazardTable::new(rows(db).await?))
}

/// The table as CSV (`scheme,prefix,class`), as the page shows it for editing.
pub fn to_csv(rows: &[HazardRow]) -> String {
    let mut out = String::from("scheme,prefix,class\n");
    for r in rows {
        out.push_str(&format!("{},{},{}\n", r.scheme.as_str(), r.prefix, r.class));
    }
    out
}

/// Replaces the table with the rows of `csv` (checked whole first; a prefix twice is an
/// error), audited with the table before and after.
pub async fn replace(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    csv: &str,
    now: DateTime<Utc>,
) -> Result<Vec<HazardRow>, SupervisionError> {
    rules::authorize_weights(actor)?;
    let mut new = parse_csv(csv).map_err(SupervisionError::Invalid)?;
    for r in &mut new {
        r.prefix = super::model::hazard::digits(&r.prefix);
    }
    let mut seen = std::collections::HashSet::new();
    for r in &new {
        if !seen.insert((r.scheme, r.prefix.clone())) {
            return Err(SupervisionError::invalid("csv", "duplicate_row"));
        }
    }
    let txn = crate::db::begin_write(db).await?;
    let before = rows(&txn).await?;
    hazard::Entity::delete_many().exec(&txn).await?;
    for chunk in new.chunks(500) {
        hazard::Entity::insert_many(chunk.iter().map(|r| hazard::ActiveModel {
            scheme: Set(r.scheme.as_str().to_owned()),
            prefix: Set(r.prefix.clone()),
            class: Set(i32::from(r.class)),
            updated_by: Set(actor.user_id()),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
            ..Default::default()
        }))
        .exec(&txn)
        .await?;
    }
    let after = rows(&txn).await?;
    audit::record(
        &txn,
        Change::by(
            actor,
            "supervision.hazards.replace",
            "supervision_hazard_classes",
            0,
        )
        .before(json!(before))
        .after(json!(after)),
    )
    .await?;
    txn.commit().await?;
    Ok(after)
}
