//! Every organisation the desk names (bound by a resolution, seated on a body, recorded as
//! attending) is read through identity and passes `access::facilitation::may_name`.

use sea_orm::ConnectionTrait;

use super::FacilitationError;
use crate::access::Actor;
use crate::access::facilitation::{Desk, OrgFacts, may_name};

/// The facts of `org` if `actor` may name it at `desk`; else a field error `code` on `field`
/// (an unknown id and a forbidden one answer alike, so ids of other provinces are not probed).
pub(super) async fn nameable<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    desk: Desk<'_>,
    org: i64,
    field: &str,
    code: &'static str,
) -> Result<OrgFacts, FacilitationError> {
    let refused = || FacilitationError::invalid(field, code);
    let facts = crate::identity::organisation_facts(db, org)
        .await?
        .ok_or_else(refused)?;
    may_name(actor, desk, &facts).map_err(|_| refused())?;
    Ok(facts)
}
