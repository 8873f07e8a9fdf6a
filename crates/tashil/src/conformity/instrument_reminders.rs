//! Calibration reminders: a lab's users hear 30 days before an instrument's due date, and once
//! more when it is overdue (each on the lab's province's day). `reminded_for_due` keeps what
//! the last one was sent for and moves only forward, under a conditional update, so each is
//! queued once however many nodes run the job.

use chrono::{DateTime, Days, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use serde_json::json;

use super::entity::instrument;
use super::error::ConformityError;
use super::model::instrument::{DUE_SOON_DAYS, Reminder, reminder_due};
use crate::audit::{self, Change};
use crate::identity::recipients;
use crate::kernel::clock::local_date;
use crate::mail::{self, MailKind};

/// An instrument's calibration falls due within 30 days (its code and due date in the message).
pub const INSTRUMENT_CALIBRATION_DUE: MailKind = MailKind::new("instrument_calibration_due");
/// An instrument is past its calibration's due date: results measured on it are refused.
pub const INSTRUMENT_OVERDUE: MailKind = MailKind::new("instrument_overdue");

/// Every message conformity assessment sends.
pub const KINDS: [MailKind; 3] = [
    INSTRUMENT_CALIBRATION_DUE,
    INSTRUMENT_OVERDUE,
    super::reports::REPORT_RELEASED,
];

/// Instruments looked at per pass: the rest wait for the next tick.
const BATCH: u64 = 500;

/// Queues the reminders due at `now`; returns how many instruments this node reminded.
pub async fn remind(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<u64, ConformityError> {
    // The latest day on any office's clock bounds the candidates; each is then decided on its
    // own lab's day.
    let today = ["IR", "VN"]
        .map(|c| local_date(c, now))
        .into_iter()
        .max()
        .unwrap_or(now.date_naive());
    let horizon = today
        .checked_add_days(Days::new(DUE_SOON_DAYS))
        .unwrap_or(today);
    // Never reminded and due within the horizon, or reminded before its due date and overdue
    // now (so those waiting between the two never fill a batch).
    let due = Condition::any()
        .add(
            Condition::all()
                .add(instrument::Column::RemindedForDue.is_null())
                .add(instrument::Column::CalibrationDue.lte(horizon)),
        )
        .add(
            Condition::all()
                .add(
                    Expr::col(instrument::Column::RemindedForDue)
                        .lte(Expr::col(instrument::Column::CalibrationDue)),
                )
                .add(instrument::Column::CalibrationDue.lt(today)),
        );
    let rows = instrument::Entity::find()
        .filter(instrument::Column::CalibrationDue.is_not_null())
        .filter(due)
        .order_by_asc(instrument::Column::CalibrationDue)
        .order_by_asc(instrument::Column::Id)
        .limit(BATCH)
        .all(db)
        .await?;
    let labs: Vec<i64> = rows.iter().map(|m| m.lab_org_id).collect();
    let days = super::instruments::lab_days(db, labs, now).await?;
    let mut done = 0;
    for m in rows {
        let Some(r) = reminder_due(m.calibration_due, m.reminded_for_due, days[&m.lab_org_id])
        else {
            continue;
        };
        let tx = crate::db::begin_write(db).await?;
        if remind_one(&tx, &m, r).await? {
            tx.commit().await?;
            done += 1;
        } else {
            tx.rollback().await?;
        }
    }
    Ok(done)
}

async fn remind_one<C: ConnectionTrait>(
    tx: &C,
    m: &instrument::Model,
    r: Reminder,
) -> Result<bool, ConformityError> {
    let res = instrument::Entity::update_many()
        .col_expr(
            instrument::Column::RemindedForDue,
            Expr::value(Some(r.marker())),
        )
        .filter(instrument::Column::Id.eq(m.id))
        .filter(instrument::Column::CalibrationDue.eq(m.calibration_due))
        .filter(
            Condition::any()
                .add(instrument::Column::RemindedForDue.is_null())
                .add(instrument::Column::RemindedForDue.lt(r.marker())),
        )
        .exec(tx)
        .await?;
    if res.rows_affected != 1 {
        return Ok(false);
    }
    let (kind, action) = match r {
        Reminder::DueSoon(_) => (INSTRUMENT_CALIBRATION_DUE, "instrument.remind_due"),
        Reminder::Overdue(_) => (INSTRUMENT_OVERDUE, "instrument.remind_overdue"),
    };
    let to = recipients::of_organisation(tx, m.lab_org_id).await?;
    let args = json!({
        "code": &m.code,
        "name": &m.name,
        "deadline": m.calibration_due.map(|d| d.to_string()),
        "path": format!("/instruments/{}", m.id),
    });
    mail::queue(tx, &to, kind, &args).await?;
    audit::record(
        tx,
        Change::system("job", action, "instrument", m.id)
            .before(json!({"reminded_for_due": m.reminded_for_due}))
            .after(json!({"reminded_for_due": r.marker(), "recipients": to.len()})),
    )
    .await?;
    Ok(true)
}

pub(super) fn job(db: &DatabaseConnection, now: DateTime<Utc>) -> crate::jobs::JobRun<'_> {
    Box::pin(async move { Ok(remind(db, now).await? as usize) })
}
