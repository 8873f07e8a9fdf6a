//! What waits in the register for an actor (its home page): for a province's deregulation
//! board, the reports to review, to decide and to publish.

use sea_orm::{ColumnTrait, DatabaseConnection, QueryFilter, QuerySelect};

use super::entity::report;
use super::model::RegulationStatus;
use super::service::DeregulationError;
use crate::access::Actor;
use crate::access::deregulation::{self as rules, RegulationReach};
use crate::kernel::{Urgency, Waiting};
use crate::web::waiting::waiting_from;

/// Every message key this module gives the home page (each in `locales/*/deregulation.ftl`).
pub const KEYS: &[&str] = &[TO_REVIEW, TO_DECIDE, TO_PUBLISH];
const TO_REVIEW: &str = "waiting-regulations-to-review";
const TO_DECIDE: &str = "waiting-regulations-to-decide";
const TO_PUBLISH: &str = "waiting-regulations-to-publish";

waiting_from!(items);

/// The board's next moves, in the order a report takes them; nothing for anyone else.
/// (Nothing of the register falls due by a date, so `now` is not read.)
async fn items(
    db: &DatabaseConnection,
    actor: &Actor,
    _now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<Waiting>, DeregulationError> {
    let Ok(scope) = rules::regulation_scope(actor) else {
        return Ok(vec![]);
    };
    let RegulationReach::Province(p) = scope.reach() else {
        return Ok(vec![]);
    };
    if rules::authorize_board(actor, p).is_err() {
        return Ok(vec![]);
    }
    let steps = [
        (RegulationStatus::Reported, TO_REVIEW),
        (RegulationStatus::UnderReview, TO_DECIDE),
        (RegulationStatus::Decided, TO_PUBLISH),
    ];
    let rows: Vec<(String, i64)> = super::query::scoped(&scope)
        .filter(report::Column::Status.is_in(steps.map(|(s, _)| s.as_str())))
        .select_only()
        .column(report::Column::Status)
        .column_as(report::Column::Id.count(), "n")
        .group_by(report::Column::Status)
        .into_tuple()
        .all(db)
        .await?;
    Ok(steps
        .iter()
        .filter_map(|(status, key)| {
            let (_, n) = rows.iter().find(|(s, _)| s == status.as_str())?;
            Some(Waiting::new(key, *n as u64, "/regulations", Urgency::ToDo))
        })
        .collect())
}
