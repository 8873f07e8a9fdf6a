//! The risk weights in force: the latest stored version, or the defaults before any is. A
//! change is a new version (the old ones stay, with who set them), audited, and rescores
//! every stored score from the facts it was computed from, in the same transaction: the
//! ranking follows the weights at once, without reading the other contexts again.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait, QueryOrder};
use serde_json::json;

use super::entity::weights;
use super::error::SupervisionError;
use super::model::risk::Weights;
use crate::access::{Actor, supervision as rules};
use crate::audit::{self, Change};

/// The weights in force and their version (0: the defaults, none stored yet).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct WeightsInForce {
    pub version: i32,
    pub weights: Weights,
}

pub(super) async fn in_force<C: ConnectionTrait>(db: &C) -> Result<WeightsInForce, DbErr> {
    let latest = weights::Entity::find()
        .order_by_desc(weights::Column::Version)
        .one(db)
        .await?;
    Ok(match latest {
        None => WeightsInForce {
            version: 0,
            weights: Weights::default(),
        },
        Some(row) => WeightsInForce {
            version: row.version,
            weights: crate::kernel::stored("weights", &row.weights, |s| {
                serde_json::from_str(s).ok()
            })?,
        },
    })
}

/// The weights in force, for anyone who may read scores.
pub async fn current(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
) -> Result<WeightsInForce, SupervisionError> {
    rules::scope(actor)?;
    Ok(in_force(db).await?)
}

/// Stores `new` as the next version after `expected` (the version the editor read: another
/// change since is a conflict), audited with the weights before and after, and rescores the
/// stored scores.
pub async fn set(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    new: Weights,
    expected: i32,
    now: DateTime<Utc>,
) -> Result<WeightsInForce, SupervisionError> {
    rules::authorize_weights(actor)?;
    new.validate().map_err(SupervisionError::Invalid)?;
    let txn = crate::db::begin_write(db).await?;
    let before = in_force(&txn).await?;
    if before.version != expected {
        return Err(SupervisionError::Conflict);
    }
    let version = before.version + 1;
    let stored = serde_json::to_string(&new).map_err(|e| DbErr::Custom(e.to_string()))?;
    weights::Entity::insert(weights::ActiveModel {
        version: Set(version),
        weights: Set(stored),
        set_by: Set(actor.user_id()),
        created_at: Set(now),
        ..Default::default()
    })
    .exec(&txn)
    .await?;
    audit::record(
        &txn,
        Change::by(
            actor,
            "supervision.weights.set",
            "supervision_weights",
            version,
        )
        .before(json!(before.weights))
        .after(json!(new)),
    )
    .await?;
    let after = WeightsInForce {
        version,
        weights: new,
    };
    super::scores::rescore(&txn, &after).await?;
    txn.commit().await?;
    Ok(after)
}
