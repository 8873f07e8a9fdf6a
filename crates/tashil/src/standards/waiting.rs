//! What waits in the catalogue for an actor (its home page): for the national body, closed
//! public enquiries and comments awaiting the committee; for stakeholders, the drafts open
//! for comment.

use chrono::{NaiveDate, Utc};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::entity::{comment, standard};
use super::model::Status;
use super::service::StandardsError;
use crate::access::Actor;
use crate::access::standards as rules;
use crate::kernel::{Urgency, Waiting};
use crate::web::WaitingItems;

/// Every message key this module gives the home page (each in `locales/*/standards.ftl`).
pub const KEYS: &[&str] = &[ENQUIRIES_CLOSED, COMMENTS_UNANSWERED, ENQUIRIES_OPEN];
const ENQUIRIES_CLOSED: &str = "waiting-enquiries-closed";
const COMMENTS_UNANSWERED: &str = "waiting-comments-unanswered";
const ENQUIRIES_OPEN: &str = "waiting-enquiries-open";
const ENQUIRIES: &str = "/standards?status=enquiry";
/// The contract's `waiting`: these items on the actor's home page.
pub fn waiting<'a>(db: &'a DatabaseConnection, actor: &'a Actor) -> WaitingItems<'a> {
    Box::pin(async move { Ok(items(db, actor).await?) })
}

async fn items(db: &DatabaseConnection, actor: &Actor) -> Result<Vec<Waiting>, StandardsError> {
    let today = Utc::now().date_naive();
    if rules::authorize_respond(actor).is_ok() {
        committee(db, today).await
    } else if rules::authorize_comment(actor).is_ok() {
        open_for_comment(db, today).await
    } else {
        Ok(vec![])
    }
}

/// Standards in enquiry, with their closing day, earliest first.
async fn enquiries(
    db: &DatabaseConnection,
    closed: bool,
    today: NaiveDate,
) -> Result<Vec<(i64, NaiveDate)>, StandardsError> {
    let day = standard::Column::EnquiryDeadline;
    Ok(standard::Entity::find()
        .filter(standard::Column::Status.eq(Status::Enquiry.as_str()))
        .filter(if closed {
            day.lt(today)
        } else {
            day.gte(today)
        })
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
    today: NaiveDate,
) -> Result<Vec<Waiting>, StandardsError> {
    let mut out = vec![];
    let closed = enquiries(db, true, today).await?;
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
        .and_where(standard::Column::EnquiryDeadline.lt(today))
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
    today: NaiveDate,
) -> Result<Vec<Waiting>, StandardsError> {
    let open = enquiries(db, false, today).await?;
    let ids: Vec<i64> = open.iter().map(|(id, _)| *id).collect();
    Ok(open
        .first()
        .map(|(_, first)| {
            Waiting::new(ENQUIRIES_OPEN, open.len() as u64, href(&ids), Urgency::ToDo).on(*first)
        })
        .into_iter()
        .collect())
}
