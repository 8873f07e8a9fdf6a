//! Provincial issuers (ADR 0019): the national administrator turns on a province's own issuer,
//! after which the licences its office decides are signed in its name. Once on, an issuer stays
//! on: the credentials it signed are verified against its DID document for as long as they
//! circulate.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use serde_json::json;

use super::entity::provincial_issuer;
use super::error::CredentialError;
use crate::access::credentials::authorize_issuers;
use crate::access::{Actor, Denied};
use crate::audit::{self, Change};
use crate::kernel::FieldError;

#[derive(Debug, thiserror::Error)]
pub enum IssuersError {
    #[error(transparent)]
    Denied(#[from] Denied),
    #[error("invalid")]
    Invalid(Vec<FieldError>),
    /// The province issues already.
    #[error("already on")]
    AlreadyOn,
    #[error(transparent)]
    Credential(#[from] CredentialError),
}

impl From<sea_orm::DbErr> for IssuersError {
    fn from(e: sea_orm::DbErr) -> Self {
        IssuersError::Credential(e.into())
    }
}

/// The code a province already issuing is refused with.
pub const ALREADY_ON: &str = "provincial_issuer_on";

/// Whether province `code` has its own issuer.
pub async fn configured<C: ConnectionTrait>(db: &C, code: &str) -> Result<bool, sea_orm::DbErr> {
    Ok(provincial_issuer::Entity::find()
        .filter(provincial_issuer::Column::ProvinceCode.eq(code))
        .count(db)
        .await?
        > 0)
}

/// Every province with its own issuer, in code order.
pub async fn all<C: ConnectionTrait>(db: &C) -> Result<Vec<String>, sea_orm::DbErr> {
    Ok(provincial_issuer::Entity::find()
        .order_by_asc(provincial_issuer::Column::ProvinceCode)
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.province_code)
        .collect())
}

/// Turns on province `code`'s own issuer (the national administrator alone). Its first key is
/// made when it first signs, as the national body's is.
pub async fn enable(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    code: &str,
    now: DateTime<Utc>,
) -> Result<String, IssuersError> {
    authorize_issuers(actor)?;
    let province = tashil_reference::province(code)
        .ok_or_else(|| IssuersError::Invalid(vec![FieldError::new("province", "unknown")]))?;
    let tx = crate::db::begin_write(db).await?;
    if configured(&tx, province.code).await? {
        return Err(IssuersError::AlreadyOn);
    }
    let row = provincial_issuer::ActiveModel {
        province_code: Set(province.code.to_owned()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    // Verifiers keep the issuers they know under the stamp (`check.rs`).
    super::status::stamp(&tx, now).await?;
    audit::record(
        &tx,
        Change::by(
            actor,
            "credentials.provincial_issuer_enabled",
            "credential_provincial_issuer",
            row.id,
        )
        .after(json!({"province": province.code})),
    )
    .await?;
    tx.commit().await?;
    Ok(province.code.to_owned())
}

impl From<IssuersError> for crate::web::AppError {
    fn from(e: IssuersError) -> Self {
        match e {
            IssuersError::Denied(d) => d.into(),
            IssuersError::Invalid(f) => crate::web::AppError::Invalid(f),
            IssuersError::AlreadyOn => crate::web::AppError::Conflict(ALREADY_ON),
            IssuersError::Credential(c) => c.into(),
        }
    }
}
