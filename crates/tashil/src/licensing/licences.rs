//! Licences: issued when an application passes its last step, numbered per province and
//! year, valid for the months the permit type says.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
};
use serde_json::json;

use super::entity::{application, licence, product};
use super::error::LicensingError;
use super::model::PermitDefinition;
use crate::db::dialect;
use crate::kernel::clock;

/// Serialises licence numbering per installation (arbitrary, fixed).
const NUMBER_LOCK: i64 = 0x7461_7368_696c_0016;

/// Issues the licence of application `a` in the caller's transaction.
pub(super) async fn issue<C: ConnectionTrait>(
    tx: &C,
    a: &application::Model,
    def: &PermitDefinition,
    now: DateTime<Utc>,
) -> Result<licence::Model, LicensingError> {
    dialect::lock_chain(tx, NUMBER_LOCK).await?;
    let t = super::permit_types::by_id(tx, a.permit_type_id).await?;
    let prefix = format!(
        "{}-{}-{}-",
        t.code
            .split('-')
            .map(|w| w.chars().next().unwrap_or('x'))
            .collect::<String>()
            .to_uppercase(),
        a.province_code,
        clock::register_year(&a.province_code, now)
    );
    let seq = licence::Entity::find()
        .filter(licence::Column::Number.starts_with(&prefix))
        .count(tx)
        .await?
        + 1;
    let valid_from = clock::local_date(&a.province_code, now);
    let valid_until = valid_from
        .checked_add_months(chrono::Months::new(def.validity_months.into()))
        .and_then(|d| d.pred_opt())
        .ok_or_else(|| LicensingError::invalid("validity_months", "out_of_range"))?;
    let covers: Vec<serde_json::Value> = product::Entity::find()
        .filter(product::Column::ApplicationId.eq(a.id))
        .all(tx)
        .await?
        .into_iter()
        .map(|p| json!({"product": p.product, "brand": p.brand, "hs_code": p.hs_code, "standard": p.standard}))
        .collect();
    let l = licence::ActiveModel {
        number: Set(format!("{prefix}{seq:06}")),
        application_id: Set(a.id),
        unit_id: Set(a.unit_id),
        province_code: Set(a.province_code.clone()),
        permit_type_id: Set(a.permit_type_id),
        status: Set("active".into()),
        valid_from: Set(valid_from),
        valid_until: Set(valid_until),
        covers: Set(serde_json::Value::Array(covers).to_string()),
        status_reason: Set(None),
        legal_basis: Set(None),
        reminded_days: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
        ..Default::default()
    }
    .insert(tx)
    .await?;
    super::register::index(tx, &l).await?;
    // The office whose decision issued it signs its credential, where it has an issuer.
    let office = super::steps::last_deciding_office(tx, a.id).await?;
    crate::credentials::allocate(tx, l.id, &l.status, &office, now).await?;
    Ok(l)
}
