//! What waits in the catalogue for an actor (its home page): for the national body, closed
//! public enquiries and comments awaiting the committee; for stakeholders, the drafts open
//! for comment.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Query;
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

use super::entity::{comment, standard};
use super::model::{Status, VIETNAMESE_BODIES, country_of_body};
use super::service::StandardsError;
use crate::access::Actor;
use crate::access::standards as rules;
use crate::kernel::{Urgency, Waiting};
use crate::web::waiting::waiting_from;

/// Every message key this module gives the home page (each in `locales/*/standards.ftl`).
pub const KEYS: &[&str] = &[ENQUIRIES_CLOSED, COMMENTS_UNANSWERED, ENQUIRIES_OPEN];
const ENQUIRIES_CLOSED: &str = "waiting-enquiries-closed";
const COMMENTS_UNANSWERED: &str = "waiting-comments-unanswered";
const ENQUIRIES_OPEN: &str = "waiting-enquiries-open";
const ENQUIRIES: &str = "/standards?status=enquiry";
waiting_from!(items);

/// What waits for `actor` in the catalogue at `now`.
async fn items(
    db: &DatabaseConnection,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Vec<Waiting>, StandardsError> {
    if rules::authorize_respond(actor).is_ok() {
        committee(db, now).await
    } else if rules::authorize_comment(actor).is_ok() {
        open_for_comment(db, now).await
    } else {
        Ok(vec![])
    }
}

/// Standards whose enquiry's last day has ended by `now` on their body's clock
/// (`model::country_of_body`), as a query condition.
fn enquiry_ended(now: DateTime<Utc>) -> Condition {
    let day = standard::Column::EnquiryDeadline;
    let today = |body: &str| crate::kernel::clock::local_date(country_of_body(body), now);
    Condition::any()
        .add(
            Condition::all()
                .add(standard::Column::Body.is_in(VIETNAMESE_BODIES))
                .add(day.lt(today(VIETNAMESE_BODIES[0]))),
        )
        .add(
            Condition::all()
                .add(standard::Column::Body.is_not_in(VIETNAMESE_BODIES))
                .add(day.lt(today("INSO"))),
        )
}

/// Standards in enquiry, closed or still open at `now`, with their closing day, earliest
/// first.
async fn enquiries(
    db: &DatabaseConnection,
    closed: bool,
    now: DateTime<Utc>,
) -> Result<Vec<(i64, NaiveDate)>, StandardsError> {
    let day = standard::Column::EnquiryDeadline;
    let ended = enquiry_ended(now);
    Ok(standard::Entity::find()
        .filter(standard::Column::Status.eq(Status::Enquiry.as_str()))
        .filter(day.is_not_null())
        .filter(if closed { ended } else { ended.not() })
        .select_only()
        .column(standard::Column::Id)
        .column(day)
        .order_by_asc(day)
        .into_tuple()
        .all(db)
        .await?)
}

/// One standard links to itself, several to the enquiries of the catalogue.
fn href(ids: &[i64]) -> String {
    match ids {
        [one] => format!("/standards/{one}"),
        _ => ENQUIRIES.to_string(),
    }
}

/// Enquiries whose closing day passed while the draft still waits for the committee's
/// decision, and comments on closed enquiries not yet answered.
async fn committee(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
) -> Result<Vec<Waiting>, StandardsError> {
    let mut out = vec![];
    let closed = enquiries(db, true, now).await?;
    if let Some((_, first)) = closed.first() {
        let ids: Vec<i64> = closed.iter().map(|(id, _)| *id).collect();
        out.push(
            Waiting::new(
                ENQUIRIES_CLOSED,
                closed.len() as u64,
                href(&ids),
                Urgency::Overdue,
            )
            .on(*first),
        );
    }
    let ended = Query::select()
        .column(standard::Column::Id)
        .from(standard::Entity)
        .cond_where(enquiry_ended(now))
        .to_owned();
    let per_standard: Vec<(i64, i64)> = comment::Entity::find()
        .filter(comment::Column::Response.is_null())
        .filter(comment::Column::StandardId.in_subquery(ended))
        .select_only()
        .column(comment::Column::StandardId)
        .column_as(comment::Column::Id.count(), "n")
        .group_by(comment::Column::StandardId)
        .into_tuple()
        .all(db)
        .await?;
    let total: i64 = per_standard.iter().map(|(_, n)| n).sum();
    if total > 0 {
        let ids: Vec<i64> = per_standard.iter().map(|(id, _)| *id).collect();
        out.push(Waiting::new(
            COMMENTS_UNANSWERED,
            total as u64,
            href(&ids),
            Urgency::ToDo,
        ));
    }
    Ok(out)
}

/// The drafts a stakeholder may still comment on, with the earliest closing day.
async fn open_for_comment(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
) -> Result<Vec<Waiting>, StandardsError> {
    let open = enquiries(db, false, now).await?;
    let ids: Vec<i64> = open.iter().map(|(id, _)| *id).collect();
    Ok(open
        .first()
        .map(|(_, first)| {
            Waiting::new(ENQUIRIES_OPEN, open.len() as u64, href(&ids), Urgency::ToDo).on(*first)
        })
        .into_iter()
        .collect())
}
