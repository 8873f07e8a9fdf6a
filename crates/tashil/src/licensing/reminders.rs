//! Renewal reminders: the holder's staff hear 60 and then 30 days before a licence's last valid
//! day (in the province's calendar) that it is time to renew. `reminded_days` records the last
//! one queued; it moves only forward, under a conditional update, so each reminder is queued
//! once however many nodes run the job.

use chrono::{DateTime, Days, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use serde_json::json;

use super::entity::licence;
use super::error::LicensingError;
use super::model::LicenceStatus;
use super::model::lifecycle::{REMINDER_DAYS, reminder_due};
use crate::identity::recipients;
use crate::kernel::{clock, stored};
use crate::mail::{self, MailKind};

/// A licence's last valid day is near: renew it (the days left and the day in the message).
pub const LICENCE_RENEWAL_DUE: MailKind = MailKind::new("licence_renewal_due");

/// Licences looked at per pass: the rest wait for the next tick.
const BATCH: u64 = 500;

fn ahead(today: NaiveDate, days: i32) -> NaiveDate {
    today
        .checked_add_days(Days::new(days as u64))
        .unwrap_or(today)
}

/// Queues the reminders due on `now`'s day; returns how many licences this node reminded.
pub async fn remind(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<u64, LicensingError> {
    let [first, last] = REMINDER_DAYS;
    let mut done = 0;
    for country in ["IR", "VN"] {
        let today = clock::local_date(country, now);
        // Only licences with a reminder due: none sent and inside 60 days, or the 60-day one
        // sent and inside 30 (so those waiting between the two never fill a batch).
        let due = Condition::any()
            .add(
                Condition::all()
                    .add(licence::Column::RemindedDays.is_null())
                    .add(licence::Column::ValidUntil.lte(ahead(today, first))),
            )
            .add(
                Condition::all()
                    .add(licence::Column::RemindedDays.gt(last))
                    .add(licence::Column::ValidUntil.lte(ahead(today, last))),
            );
        let rows = licence::Entity::find()
            .filter(licence::Column::Status.eq(LicenceStatus::Active.as_str()))
            .filter(licence::Column::ValidUntil.gte(today))
            .filter(licence::Column::ProvinceCode.starts_with(format!("{country}-")))
            .filter(due)
            .order_by_asc(licence::Column::ValidUntil)
            .limit(BATCH)
            .all(db)
            .await?;
        for l in rows {
            let status = stored("licence status", &l.status, LicenceStatus::parse)?;
            let Some(days) = reminder_due(status, l.valid_until, today, l.reminded_days) else {
                continue;
            };
            let tx = crate::db::begin_write(db).await?;
            if remind_one(&tx, &l, days).await? {
                tx.commit().await?;
                done += 1;
            }
        }
    }
    Ok(done)
}

async fn remind_one<C: ConnectionTrait>(
    tx: &C,
    l: &licence::Model,
    days: i32,
) -> Result<bool, LicensingError> {
    let res = licence::Entity::update_many()
        .col_expr(licence::Column::RemindedDays, Expr::value(days))
        .filter(licence::Column::Id.eq(l.id))
        .filter(
            Condition::any()
                .add(licence::Column::RemindedDays.is_null())
                .add(licence::Column::RemindedDays.gt(days)),
        )
        .exec(tx)
        .await?;
    if res.rows_affected != 1 {
        return Ok(false);
    }
    let orgs = crate::registry::lookup::organisations_of_units(tx, &[l.unit_id]).await?;
    let to = recipients::of_organisations(tx, &orgs).await?;
    let permit = super::permit_types::by_id(tx, l.permit_type_id).await?;
    for r in &to {
        let name = permit.name_in(&r.lang);
        let args = json!({
            "number": &l.number,
            "permit": name,
            "deadline": l.valid_until.to_string(),
            // Rendered later without knowing it is a number: written in the reader's digits.
            "days": tashil_text::digits::localize_digits(
                &days.to_string(),
                tashil_text::Lang::parse(&r.lang).unwrap_or_default(),
            ),
            "path": format!("/licences?q={}", l.number),
        });
        mail::queue(tx, std::slice::from_ref(r), LICENCE_RENEWAL_DUE, &args).await?;
    }
    Ok(true)
}

pub(super) fn job(db: &DatabaseConnection, now: DateTime<Utc>) -> crate::jobs::JobRun<'_> {
    Box::pin(async move { Ok(remind(db, now).await? as usize) })
}
