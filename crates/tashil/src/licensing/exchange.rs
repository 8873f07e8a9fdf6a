//! Who exchanges documents and messages on an application, and whether it still takes them:
//! the facts `access::licensing::exchange_side` decides on, read here.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::entity::{application, step};
use super::error::LicensingError;
use super::model::Refusal;
use super::{permit_types, read};
use crate::access::Actor;
use crate::access::licensing::{self as rules, ExchangeFacts, Side};

/// The side `actor` writes from on `a` (already read through the actor's scope), or why not.
pub(super) async fn side<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    a: &application::Model,
) -> Result<Side, LicensingError> {
    let unit_organisation = crate::registry::lookup::organisations_of_units(db, &[a.unit_id])
        .await?
        .first()
        .copied();
    // A step that ran in the province, or one delegated to it now (a step still to come).
    let ran_there = step::Entity::find()
        .filter(step::Column::ApplicationId.eq(a.id))
        .filter(step::Column::DecidingOffice.eq(a.province_code.as_str()))
        .count(db)
        .await?
        > 0;
    side_known(db, actor, a, unit_organisation, ran_there).await
}

/// [`side`], given what the caller already read: the organisation acting for the unit and
/// whether any step of `a` ran in its province.
pub(super) async fn side_known<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    a: &application::Model,
    unit_organisation: Option<i64>,
    ran_there: bool,
) -> Result<Side, LicensingError> {
    let province_decides =
        ran_there || permit_types::delegates_any(db, a.permit_type_id, &a.province_code).await?;
    Ok(rules::exchange_side(
        actor,
        ExchangeFacts {
            unit_organisation,
            province: &a.province_code,
            province_decides,
        },
    )?)
}

/// Refuses once the application is settled (issued, withdrawn, or rejected with its appeal used).
pub(super) fn still_open(a: &application::Model) -> Result<(), LicensingError> {
    if read::status_of(a)?.takes_exchanges(a.appealed_once) {
        Ok(())
    } else {
        Err(LicensingError::Conflict(Refusal::Final.code()))
    }
}
