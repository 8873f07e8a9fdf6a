//! Opening and closing the steps of an application: the office that decides (delegation),
//! the deadline in that office's working days, and what a closed step took.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

use super::calendar;
use super::entity::{application, step};
use super::error::LicensingError;
use super::model::{PermitDefinition, StepOutcome};
use super::permit_types::deciding_office;
use crate::calendar::Calendars;
use crate::kernel::clock;

/// Opens step `index` of `app` at `now`, with `days` working days.
pub(super) async fn open<C: ConnectionTrait>(
    tx: &C,
    app: &application::Model,
    def: &PermitDefinition,
    index: usize,
    days: u16,
    cals: &Calendars,
    now: DateTime<Utc>,
) -> Result<step::Model, LicensingError> {
    let s = &def.steps[index];
    let office = deciding_office(tx, app.permit_type_id, &s.code, &app.province_code).await?;
    let country = calendar::country_of(&app.province_code).to_owned();
    let start = clock::local_date(&app.province_code, now);
    let (due_on, provisional) = calendar::due(cals, &app.province_code, start, days)
        .ok_or_else(|| LicensingError::invalid("deadline_days", "out_of_range"))?;
    Ok(step::ActiveModel {
        application_id: Set(app.id),
        step_index: Set(index as i32),
        step_code: Set(s.code.clone()),
        deciding_office: Set(office),
        calendar_country: Set(country),
        deadline_days: Set(days.into()),
        started_at: Set(now),
        due_on: Set(due_on),
        due_provisional: Set(provisional),
        consent: Set(s.silence_is_consent),
        ended_at: Set(None),
        outcome: Set(None),
        actor_user_id: Set(None),
        note: Set(None),
        working_days: Set(None),
        ..Default::default()
    }
    .insert(tx)
    .await?)
}

/// Records a step the fast track passed over (it took no time).
pub(super) async fn skipped<C: ConnectionTrait>(
    tx: &C,
    app: &application::Model,
    def: &PermitDefinition,
    index: usize,
    now: DateTime<Utc>,
) -> Result<step::Model, LicensingError> {
    let s = &def.steps[index];
    let today = clock::local_date(&app.province_code, now);
    Ok(step::ActiveModel {
        application_id: Set(app.id),
        step_index: Set(index as i32),
        step_code: Set(s.code.clone()),
        deciding_office: Set(String::new()),
        calendar_country: Set(calendar::country_of(&app.province_code).to_owned()),
        deadline_days: Set(0),
        started_at: Set(now),
        due_on: Set(today),
        due_provisional: Set(false),
        consent: Set(false),
        ended_at: Set(Some(now)),
        outcome: Set(Some(StepOutcome::Skipped.as_str().to_owned())),
        actor_user_id: Set(None),
        note: Set(None),
        working_days: Set(Some(0)),
        ..Default::default()
    }
    .insert(tx)
    .await?)
}

/// Closes the open step `s` and gives it as closed, unless another node closed it first
/// (then `None`).
pub(super) async fn close<C: ConnectionTrait>(
    tx: &C,
    s: &step::Model,
    outcome: StepOutcome,
    actor: Option<i64>,
    note: Option<String>,
    cals: &Calendars,
    now: DateTime<Utc>,
) -> Result<Option<step::Model>, LicensingError> {
    let started = clock::local_date(&s.calendar_country, s.started_at);
    let ended = clock::local_date(&s.calendar_country, now);
    let took = calendar::taken(cals, &s.calendar_country, started, ended);
    let res = step::Entity::update_many()
        .col_expr(step::Column::EndedAt, sea_orm::sea_query::Expr::value(now))
        .col_expr(
            step::Column::Outcome,
            sea_orm::sea_query::Expr::value(outcome.as_str()),
        )
        .col_expr(
            step::Column::ActorUserId,
            sea_orm::sea_query::Expr::value(actor),
        )
        .col_expr(
            step::Column::Note,
            sea_orm::sea_query::Expr::value(note.clone()),
        )
        .col_expr(
            step::Column::WorkingDays,
            sea_orm::sea_query::Expr::value(took as i32),
        )
        .filter(step::Column::Id.eq(s.id))
        .filter(step::Column::EndedAt.is_null())
        .exec(tx)
        .await?;
    Ok((res.rows_affected == 1).then(|| step::Model {
        ended_at: Some(now),
        outcome: Some(outcome.as_str().to_owned()),
        actor_user_id: actor,
        note,
        working_days: Some(took as i32),
        ..s.clone()
    }))
}

/// The office that decided `application_id`'s last step run (a province's code or
/// [`NATIONAL`](crate::access::licensing::NATIONAL)): for an issued licence, the office whose
/// decision issued it.
pub(super) async fn last_deciding_office<C: ConnectionTrait>(
    db: &C,
    application_id: i64,
) -> Result<String, LicensingError> {
    let last = step::Entity::find()
        .filter(step::Column::ApplicationId.eq(application_id))
        .filter(step::Column::DecidingOffice.ne(""))
        .order_by_desc(step::Column::Id)
        .one(db)
        .await?;
    Ok(last.map_or_else(
        || crate::access::licensing::NATIONAL.to_owned(),
        |s| s.deciding_office,
    ))
}
