//! What waits in conformity assessment for an actor (its home page): for a lab, the requests
//! addressed to it still unanswered; for a unit, its requests a lab declined lately (to send
//! them elsewhere).

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, PaginatorTrait, QueryFilter};

use super::entity::request;
use super::error::ConformityError;
use super::model::request::RequestStatus;
use crate::access::Actor;
use crate::access::conformity::{self as rules, RequestReach};
use crate::kernel::{Urgency, Waiting};
use crate::web::waiting::waiting_from;

/// Every message key this module gives the home page (each in `locales/*/conformity.ftl`).
pub const KEYS: &[&str] = &[TO_ANSWER, DECLINED];
const TO_ANSWER: &str = "waiting-test-requests-to-answer";
const DECLINED: &str = "waiting-test-requests-declined";

/// How long a declined request stays on its requester's home page.
const DECLINED_SHOWN_DAYS: i64 = 14;

waiting_from!(items);

async fn items(
    db: &DatabaseConnection,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Vec<Waiting>, ConformityError> {
    let Ok(scope) = rules::request_scope(actor) else {
        return Ok(vec![]);
    };
    let (key, q) = match scope.reach() {
        RequestReach::Lab(_) => (
            TO_ANSWER,
            super::query::requests(&scope)
                .filter(request::Column::Status.eq(RequestStatus::Sent.as_str())),
        ),
        RequestReach::Requester(_) => (
            DECLINED,
            super::query::requests(&scope)
                .filter(request::Column::Status.eq(RequestStatus::Declined.as_str()))
                .filter(request::Column::AnsweredAt.gte(now - Duration::days(DECLINED_SHOWN_DAYS))),
        ),
        RequestReach::All | RequestReach::Province(_) => return Ok(vec![]),
    };
    let n = q.count(db).await?;
    let href = match key {
        TO_ANSWER => "/test-requests?status=sent",
        _ => "/test-requests?status=declined",
    };
    Ok((n > 0)
        .then(|| Waiting::new(key, n, href, Urgency::ToDo))
        .into_iter()
        .collect())
}
