//! What a licence's verifiable credential states, for the `credentials` context: the register's
//! entry, and the holder's unit and national ID.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

use super::entity::licence;
use super::error::LicensingError;
use super::register_view::LicenceEntry;

/// A licence as its credential states it.
#[derive(Debug, Clone)]
pub struct LicenceFacts {
    pub entry: LicenceEntry,
    pub unit_id: i64,
    /// The holder's national ID (empty when the unit is gone).
    pub national_id: String,
}

pub async fn licence_facts<C: ConnectionTrait>(
    db: &C,
    id: i64,
) -> Result<LicenceFacts, LicensingError> {
    let entry = super::register::get(db, id).await?;
    let unit_id: i64 = licence::Entity::find_by_id(id)
        .select_only()
        .column(licence::Column::UnitId)
        .into_tuple()
        .one(db)
        .await?
        .ok_or(LicensingError::NotFound)?;
    let national_id = crate::registry::lookup::holder(db, unit_id)
        .await?
        .map(|u| u.national_id)
        .unwrap_or_default();
    Ok(LicenceFacts {
        entry,
        unit_id,
        national_id,
    })
}

/// Licence `id`'s register entry alone: what a check page or a printed certificate shows,
/// without the holder's identifiers a credential carries (two statements fewer).
pub async fn licence_entry<C: ConnectionTrait>(
    db: &C,
    id: i64,
) -> Result<super::LicenceEntry, LicensingError> {
    super::register::get(db, id).await
}

/// The id of the licence numbered `number`.
pub async fn licence_by_number<C: ConnectionTrait>(
    db: &C,
    number: &str,
) -> Result<Option<i64>, LicensingError> {
    Ok(licence::Entity::find()
        .select_only()
        .column(licence::Column::Id)
        .filter(licence::Column::Number.eq(number))
        .into_tuple()
        .one(db)
        .await?)
}
