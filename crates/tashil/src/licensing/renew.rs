//! Renewing a licence: its holder applies under the permit type that says it renews the
//! licence's type (`renews` in the definition), for the licence's products and brands. The
//! application then runs like any other: its fast track is decided from the unit's record.

use chrono::{DateTime, Utc};
use sea_orm::{DatabaseConnection, EntityTrait};

use super::entity::{licence, permit_type};
use super::error::LicensingError;
use super::model::LicenceStatus;
use super::view::{ApplicationInput, ApplicationView, ProductInput};
use super::{apply, permit_types};
use crate::access::Actor;
use crate::access::licensing as rules;
use crate::kernel::stored;

#[derive(serde::Deserialize)]
struct Covered {
    product: String,
    #[serde(default)]
    brand: String,
    hs_code: String,
}

/// The active permit type of the licence's country that renews type `code`.
async fn renewal_type(
    db: &DatabaseConnection,
    country: &str,
    code: &str,
) -> Result<Option<String>, LicensingError> {
    for t in permit_type::Entity::find().all(db).await? {
        if !t.active || t.country != country {
            continue;
        }
        let (_, def) = permit_types::current(db, &t).await?;
        if def.renews.iter().any(|r| r == code) {
            return Ok(Some(t.code));
        }
    }
    Ok(None)
}

/// The holder's renewal of licence `id`: a new application, prefilled.
pub async fn renew(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    now: DateTime<Utc>,
) -> Result<ApplicationView, LicensingError> {
    let l = licence::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(LicensingError::NotFound)?;
    let holder = crate::registry::lookup::organisations_of_units(db, &[l.unit_id]).await?;
    rules::authorize_renew(actor, holder.first().copied())?;
    if stored("licence status", &l.status, LicenceStatus::parse)? != LicenceStatus::Active {
        return Err(LicensingError::Conflict("licence_not_renewable"));
    }
    let t = super::permit_types::by_id(db, l.permit_type_id).await?;
    let code = renewal_type(db, &t.country, &t.code)
        .await?
        .ok_or_else(|| LicensingError::invalid("permit_type", "no_renewal_type"))?;
    let covered: Vec<Covered> = serde_json::from_str(&l.covers)?;
    let input = ApplicationInput {
        permit_type: code,
        products: covered
            .into_iter()
            .map(|c| ProductInput {
                product: c.product,
                brand: c.brand,
                hs_code: c.hs_code,
            })
            .collect(),
        message: String::new(),
    };
    apply::apply(db, actor, &input, now).await
}
