//! Scoped selects: every read of applications starts from an `ApplicationScope`, so a row
//! outside the actor's reach is never loaded (it answers 404 like one that does not exist).

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Select};

use super::entity::application;
use crate::access::licensing::{ApplicationReach, ApplicationScope};

pub(super) fn applications(scope: &ApplicationScope) -> Select<application::Entity> {
    let q = application::Entity::find();
    match scope.reach() {
        ApplicationReach::All => q,
        ApplicationReach::Province(p) => q.filter(application::Column::ProvinceCode.eq(p.as_str())),
        ApplicationReach::Organisation(org) => q.filter(
            application::Column::UnitId
                .in_subquery(crate::registry::lookup::units_of_organisation(*org)),
        ),
    }
}
