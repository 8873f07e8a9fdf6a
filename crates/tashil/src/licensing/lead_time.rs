//! Keeping the lead-time figures on every write, in the transaction of the move that changes
//! them: an application received, decided (issued or rejected), withdrawn, or reopened on
//! appeal. Counting is idempotent per application: `application_lead_times` records what a
//! decision added, so an upheld rejection is not counted twice and a reopened one is taken
//! back exactly.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, OnConflict, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Value};

use super::calendar;
use super::entity::{application, step};
use super::model::StepOutcome;
use super::model::lead_time::{Counts, month_of};
use crate::kernel::clock;

const MONTHS: &str = "lead_time_months";
const DAYS: &str = "lead_time_days";
const COUNTED: &str = "application_lead_times";

/// The key of a kept row: permit type, province, month.
pub(super) const KEY: [&str; 3] = ["permit_type_id", "province_code", "month"];

/// Adds `adds` to the row of `table` keyed by `key` (columns after [`KEY`]), making it if new.
async fn upsert_add<C: ConnectionTrait>(
    tx: &C,
    table: &str,
    key: Vec<(&str, Value)>,
    adds: &[(&str, i64)],
) -> Result<(), DbErr> {
    let mut q = Query::insert();
    q.into_table(Alias::new(table)).columns(
        key.iter()
            .map(|(n, _)| *n)
            .chain(adds.iter().map(|(n, _)| *n))
            .map(Alias::new),
    );
    let conflict: Vec<&str> = key.iter().map(|(n, _)| *n).collect();
    q.values_panic(
        key.into_iter()
            .map(|(_, v)| v.into())
            .chain(adds.iter().map(|(_, v)| (*v).into())),
    );
    let mut on = OnConflict::columns(conflict.into_iter().map(Alias::new));
    for (n, _) in adds {
        on.value(
            Alias::new(*n),
            Expr::cust(format!("{table}.{n} + excluded.{n}")),
        );
    }
    q.on_conflict(on);
    tx.execute(&q).await?;
    Ok(())
}

fn key(a: &application::Model, month: i32) -> Vec<(&'static str, Value)> {
    KEY.into_iter()
        .zip([
            a.permit_type_id.into(),
            a.province_code.clone().into(),
            month.into(),
        ])
        .collect()
}

/// Adds `c` to the month's counts (negative to take back).
async fn bump<C: ConnectionTrait>(
    tx: &C,
    a: &application::Model,
    month: i32,
    c: Counts,
) -> Result<(), DbErr> {
    let adds: Vec<(&str, i64)> = Counts::COLUMNS.into_iter().zip(c.values()).collect();
    upsert_add(tx, MONTHS, key(a, month), &adds).await
}

/// Adds `n` decisions of `days` working days to the month's histogram.
async fn bump_days<C: ConnectionTrait>(
    tx: &C,
    a: &application::Model,
    month: i32,
    days: i32,
    n: i64,
) -> Result<(), DbErr> {
    let mut k = key(a, month);
    k.push(("working_days", days.into()));
    upsert_add(tx, DAYS, k, &[("decided", n)]).await
}

/// What happened to an application that the figures count in the month it happened.
pub(super) enum Event {
    Received,
    Withdrawn,
}

/// Counts `event` of application `a` at `now`.
pub(super) async fn count<C: ConnectionTrait>(
    tx: &C,
    a: &application::Model,
    event: Event,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let month = month_of(&a.province_code, clock::local_date(&a.province_code, now));
    let c = Counts {
        received: i64::from(matches!(event, Event::Received)),
        withdrawn: i64::from(matches!(event, Event::Withdrawn)),
        ..Default::default()
    };
    bump(tx, a, month, c).await
}

/// Whether every step the office answered was answered by its due date (a step passed by
/// silence was not answered at all).
fn answered_on_time(a: &application::Model, steps: &[step::Model]) -> bool {
    steps.iter().all(|s| match s.outcome.as_deref() {
        Some(o) if o == StepOutcome::Consent.as_str() => false,
        Some(o) if o == StepOutcome::Passed.as_str() || o == StepOutcome::Rejected.as_str() => s
            .ended_at
            .is_some_and(|e| clock::local_date(&a.province_code, e) <= s.due_on),
        _ => true,
    })
}

/// An application decided at `now` (issued, or rejected when `issued` is false), once: a
/// decision already counted (an upheld rejection) adds nothing.
pub(super) async fn decided<C: ConnectionTrait>(
    tx: &C,
    a: &application::Model,
    issued: bool,
    by_silence: bool,
    cals: &crate::calendar::Calendars,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let counted = tx
        .query_one(
            Query::select()
                .expr(Expr::val(1))
                .from(Alias::new(COUNTED))
                .and_where(Expr::col(Alias::new("application_id")).eq(a.id)),
        )
        .await?;
    if counted.is_some() {
        return Ok(());
    }
    let steps = step::Entity::find()
        .filter(step::Column::ApplicationId.eq(a.id))
        .all(tx)
        .await?;
    let on_time = !by_silence && answered_on_time(a, &steps);
    let p = &a.province_code;
    let decided_on = clock::local_date(p, now);
    let days = calendar::taken(
        cals,
        calendar::country_of(p),
        clock::local_date(p, a.created_at),
        decided_on,
    )
    .clamp(0, i64::from(i32::MAX)) as i32;
    let month = month_of(p, decided_on);
    let c = Counts {
        issued: i64::from(issued),
        rejected: i64::from(!issued),
        on_time: i64::from(on_time),
        by_silence: i64::from(by_silence),
        ..Default::default()
    };
    bump(tx, a, month, c).await?;
    bump_days(tx, a, month, days, 1).await?;
    let q = Query::insert()
        .into_table(Alias::new(COUNTED))
        .columns(
            [
                "application_id",
                "month",
                "working_days",
                "on_time",
                "by_silence",
            ]
            .map(Alias::new),
        )
        .values_panic([
            a.id.into(),
            month.into(),
            days.into(),
            on_time.into(),
            by_silence.into(),
        ])
        .to_owned();
    tx.execute(&q).await?;
    Ok(())
}

/// A rejection reopened on appeal: what its decision added is taken back.
pub(super) async fn reopened<C: ConnectionTrait>(
    tx: &C,
    a: &application::Model,
) -> Result<(), DbErr> {
    let row = tx
        .query_one(
            Query::select()
                .columns(["month", "working_days", "on_time", "by_silence"].map(Alias::new))
                .from(Alias::new(COUNTED))
                .and_where(Expr::col(Alias::new("application_id")).eq(a.id)),
        )
        .await?;
    let Some(row) = row else {
        return Ok(());
    };
    let month: i32 = row.try_get("", "month")?;
    let days: i32 = row.try_get("", "working_days")?;
    let on_time: bool = row.try_get("", "on_time")?;
    let by_silence: bool = row.try_get("", "by_silence")?;
    let c = Counts {
        rejected: -1,
        on_time: -i64::from(on_time),
        by_silence: -i64::from(by_silence),
        ..Default::default()
    };
    bump(tx, a, month, c).await?;
    bump_days(tx, a, month, days, -1).await?;
    tx.execute(
        Query::delete()
            .from_table(Alias::new(COUNTED))
            .and_where(Expr::col(Alias::new("application_id")).eq(a.id)),
    )
    .await?;
    Ok(())
}
