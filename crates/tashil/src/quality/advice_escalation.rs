//! The daily job that escalates advice left unanswered past its day: each decided on its
//! province's day with that province's thresholds and calendar, and claimed by a conditional
//! update at the version read, so two nodes never escalate or mail one twice.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use tashil_text::workdays::WorkCalendar;

use super::advice_desk::office_calendar;
use super::advice_mail::escalated_audit_and_mail;
use super::advice_row::{thresholds_for, to_model};
use super::entity::{advice, characteristic};
use super::error::QualityError;
use super::model::advice::{EscalationReason, State};
use super::model::escalation::{Thresholds, decide};
use crate::kernel::clock::local_date;

/// Advice looked at per pass of the job: the rest wait for the next tick.
const BATCH: u64 = 500;

/// Escalates the advice left unanswered past its day (each decided on its province's day
/// with that province's thresholds and calendar); returns how many this node escalated.
pub async fn escalate_due(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
) -> Result<u64, QualityError> {
    // An advice escalates at the earliest two calendar days after it opened (one working
    // day to answer, then the next): younger ones never fill a batch.
    let latest = ["IR", "VN"]
        .map(|c| local_date(c, now))
        .into_iter()
        .max()
        .unwrap_or(now.date_naive());
    let horizon = latest.pred_opt().unwrap_or(latest);
    let rows = advice::Entity::find()
        .filter(advice::Column::EscalatedOn.is_null())
        .filter(advice::Column::State.is_in([State::Open.as_str(), State::Acknowledged.as_str()]))
        .filter(advice::Column::OpenedOn.lt(horizon))
        .order_by_asc(advice::Column::OpenedOn)
        .order_by_asc(advice::Column::Id)
        .limit(BATCH)
        .all(db)
        .await?;
    let mut by_province: HashMap<String, (Thresholds, WorkCalendar)> = HashMap::new();
    let mut done = 0;
    for row in rows {
        if !by_province.contains_key(&row.province_code) {
            let th = thresholds_for(db, &row.province_code).await?;
            let cal = office_calendar(db, &row.province_code).await?;
            by_province.insert(row.province_code.clone(), (th, cal));
        }
        let (th, cal) = &by_province[&row.province_code];
        let today: NaiveDate = local_date(&row.province_code, now);
        let Some(mut a) = to_model(&row) else {
            continue;
        };
        if decide(th, cal, &a, today, a.subgroups_since()) != Some(EscalationReason::Unanswered) {
            continue;
        }
        if a.escalate(today, EscalationReason::Unanswered).is_err() {
            continue;
        }
        let tx = crate::db::begin_write(db).await?;
        // Claimed at the version read: another node (or the unit answering) got there first.
        let claimed = advice::Entity::update_many()
            .col_expr(advice::Column::EscalatedOn, Expr::value(Some(today)))
            .col_expr(
                advice::Column::EscalationReason,
                Expr::value(Some(EscalationReason::Unanswered.as_str())),
            )
            .col_expr(advice::Column::UpdatedAt, Expr::value(now))
            .col_expr(advice::Column::Version, Expr::value(row.version + 1))
            .filter(advice::Column::Id.eq(row.id))
            .filter(advice::Column::Version.eq(row.version))
            .filter(advice::Column::EscalatedOn.is_null())
            .exec(&tx)
            .await?;
        if claimed.rows_affected != 1 {
            tx.rollback().await?;
            continue;
        }
        let Some(m) = characteristic::Entity::find_by_id(row.characteristic_id)
            .one(&tx)
            .await?
        else {
            tx.rollback().await?;
            continue;
        };
        escalated_audit_and_mail(&tx, None, row.id, &m, &a, EscalationReason::Unanswered).await?;
        tx.commit().await?;
        done += 1;
    }
    Ok(done)
}

pub(super) fn job(db: &DatabaseConnection, now: DateTime<Utc>) -> crate::jobs::JobRun<'_> {
    Box::pin(async move { Ok(escalate_due(db, now).await? as usize) })
}
