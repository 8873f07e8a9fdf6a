//! What waits in conformity assessment for an actor (its home page): for a lab, the requests
//! addressed to it still unanswered and its instruments overdue or due within 30 days; for a
//! unit, its requests a lab declined lately (to send them elsewhere).

use chrono::{DateTime, Days, Duration, Utc};
use sea_orm::sea_query::ExprTrait;
use sea_orm::{ColumnTrait, DatabaseConnection, PaginatorTrait, QueryFilter, QueryOrder};

use super::entity::{instrument, request};
use super::error::ConformityError;
use super::model::request::RequestStatus;
use crate::access::Actor;
use crate::access::conformity::{self as rules, RequestReach};
use crate::kernel::{Urgency, Waiting};
use crate::web::waiting::waiting_from;

/// Every message key this module gives the home page (each in `locales/*/conformity.ftl`).
pub const KEYS: &[&str] = &[TO_ANSWER, DECLINED, INSTRUMENTS_OVERDUE, INSTRUMENTS_DUE];
const TO_ANSWER: &str = "waiting-test-requests-to-answer";
const DECLINED: &str = "waiting-test-requests-declined";
const INSTRUMENTS_OVERDUE: &str = "waiting-instruments-overdue";
const INSTRUMENTS_DUE: &str = "waiting-instruments-due";

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
    let mut out: Vec<Waiting> = (n > 0)
        .then(|| Waiting::new(key, n, href, Urgency::ToDo))
        .into_iter()
        .collect();
    if key == TO_ANSWER {
        out.extend(instruments(db, actor, now).await?);
    }
    Ok(out)
}

/// A lab's instruments past their due date, and those due within 30 days (each with the
/// soonest due date), on the lab's day.
async fn instruments(
    db: &DatabaseConnection,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Vec<Waiting>, ConformityError> {
    let Ok(scope) = rules::instrument_scope(actor) else {
        return Ok(vec![]);
    };
    let lab = actor.organisation_id();
    let today = super::instruments::lab_days(db, [lab], now).await?[&lab];
    let horizon = today
        .checked_add_days(Days::new(super::model::instrument::DUE_SOON_DAYS))
        .unwrap_or(today);
    let due = instrument::Column::CalibrationDue;
    let mut out = vec![];
    for (key, urgency, which) in [
        (INSTRUMENTS_OVERDUE, Urgency::Overdue, due.lt(today)),
        (
            INSTRUMENTS_DUE,
            Urgency::DueSoon,
            due.gte(today).and(due.lte(horizon)),
        ),
    ] {
        let q = super::query::instruments(&scope).filter(which);
        let first = q.clone().order_by_asc(due).one(db).await?;
        if let Some(d) = first.and_then(|m| m.calibration_due) {
            let n = q.count(db).await?;
            out.push(Waiting::new(key, n, "/instruments", urgency).on(d));
        }
    }
    Ok(out)
}
