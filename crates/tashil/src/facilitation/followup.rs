//! Follow-up of resolutions: the responsible agency reports progress with evidence and closes
//! its resolutions; overdue ones are flagged to the secretariat; a case whose resolutions are
//! all done waits for its reporter's confirmation.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use serde::Deserialize;
use serde_json::json;

use super::FacilitationError;
use super::cases::{self, ResolutionView};
use super::entity::{case, resolution, update};
use super::model::{CaseStatus, ResolutionStatus};
use crate::access::Actor;
use crate::access::facilitation as rules;
use crate::audit::{self, Change};
use crate::kernel::clock::local_date;

/// Whether a resolution is past its deadline at `now`: the deadline day is over on the clock
/// of the country whose working days it counts.
pub fn is_overdue(
    status: ResolutionStatus,
    deadline: NaiveDate,
    country: &str,
    now: DateTime<Utc>,
) -> bool {
    matches!(
        status,
        ResolutionStatus::Open | ResolutionStatus::InProgress
    ) && deadline < local_date(country, now)
}

/// The country whose clock a resolution's deadline runs on.
pub(super) fn country_of(r: &resolution::Model) -> &str {
    r.calendar_country.as_deref().unwrap_or(&r.province_code)
}

/// The same rule as [`is_overdue`], as a query condition (today differs by country).
fn overdue_condition(now: DateTime<Utc>) -> sea_orm::Condition {
    use sea_orm::Condition;
    let mut past = Condition::any();
    for country in ["IR", "VN"] {
        past = past.add(
            Condition::all()
                .add(resolution::Column::CalendarCountry.eq(country))
                .add(resolution::Column::Deadline.lt(local_date(country, now))),
        );
    }
    past = past.add(
        Condition::all()
            .add(
                Condition::any()
                    .add(resolution::Column::CalendarCountry.is_null())
                    .add(resolution::Column::CalendarCountry.is_not_in(["IR", "VN"])),
            )
            .add(resolution::Column::Deadline.lt(local_date("IR", now))),
    );
    Condition::all()
        .add(resolution::Column::Status.is_in([
            ResolutionStatus::Open.as_str(),
            ResolutionStatus::InProgress.as_str(),
        ]))
        .add(past)
}

/// Resolutions an actor follows: its own agency's (agency officer), its province's (the
/// secretariat), all (national administrator). `overdue_only` lists what the next meeting
/// must hear about: what is overdue at `now`.
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    overdue_only: bool,
    now: DateTime<Utc>,
) -> Result<Vec<ResolutionView>, FacilitationError> {
    let mut q = super::query::resolutions(&rules::resolution_scope(actor)?);
    if overdue_only {
        q = q.filter(overdue_condition(now));
    }
    let cals = crate::calendar::calendars(db).await?;
    Ok(q.order_by_asc(resolution::Column::Deadline)
        .order_by_asc(resolution::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|r| ResolutionView::read(r, &cals, now))
        .collect::<Result<_, _>>()?)
}

#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct Progress {
    pub note: String,
    /// What proves it (a letter's number, a document reference).
    #[serde(default)]
    pub evidence: String,
    /// The action is complete.
    #[serde(default)]
    pub done: bool,
}

/// The agency reports on its resolution; `done` closes it, and a case whose resolutions are
/// all done becomes resolved, waiting for the reporter to confirm.
pub async fn report_progress(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    p: &Progress,
    now: DateTime<Utc>,
) -> Result<(), FacilitationError> {
    let note = super::model::text("note", &p.note, super::model::MAX_NOTE)?;
    let evidence = super::model::optional_text("evidence", &p.evidence, super::model::MAX_NOTE)?;
    if p.done && evidence.is_empty() {
        return Err(FacilitationError::invalid("evidence", "evidence_required"));
    }
    let txn = crate::db::begin_write(db).await?;
    // Another agency's resolution does not exist for this actor.
    let scope = rules::follow_up_scope(actor).map_err(|_| FacilitationError::NotFound)?;
    let before = super::query::resolution(&txn, &scope, id).await?;
    let status = status_of(&before)?;
    if !matches!(
        status,
        ResolutionStatus::Open | ResolutionStatus::InProgress
    ) {
        return Err(FacilitationError::Conflict);
    }
    update::ActiveModel {
        resolution_id: Set(id),
        at: Set(now),
        user_id: Set(actor.user_id()),
        note: Set(note.clone()),
        evidence: Set(evidence.clone()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let mut am: resolution::ActiveModel = before.clone().into();
    am.status = Set(if p.done {
        ResolutionStatus::Done
    } else {
        ResolutionStatus::InProgress
    }
    .as_str()
    .into());
    if p.done {
        am.evidence = Set(evidence.clone());
        am.done_at = Set(Some(now));
    }
    am.version = Set(before.version + 1);
    let after = am.update(&txn).await?;
    audit::record(
        &txn,
        Change::by(actor, "resolution.progress", "resolution", id)
            .before(json!({"status": before.status, "evidence": before.evidence}))
            .after(json!({"status": after.status, "evidence": after.evidence, "note": note})),
    )
    .await?;
    if let Some(cid) = before.case_id {
        let c = super::query::found(&txn, case::Entity::find_by_id(cid)).await?;
        cases::note(
            &txn,
            cid,
            Some(actor),
            if p.done {
                "resolution_done"
            } else {
                "progress"
            },
            &note,
            now,
        )
        .await?;
        if p.done && cases::status_of(&c)?.is_open() {
            let open = resolution::Entity::find()
                .filter(resolution::Column::CaseId.eq(cid))
                .filter(resolution::Column::Status.is_in([
                    ResolutionStatus::Open.as_str(),
                    ResolutionStatus::InProgress.as_str(),
                ]))
                .one(&txn)
                .await?;
            if open.is_none() {
                cases::set_status(&txn, actor, &c, CaseStatus::Resolved, "resolved", "", now)
                    .await?;
            }
        }
    }
    txn.commit().await?;
    Ok(())
}

/// The secretariat withdraws a resolution (wrongly addressed, overtaken by events), saying
/// why. A case left with nothing open goes back to the committee's queue, or is resolved if
/// another of its resolutions was done.
pub async fn cancel_resolution(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), FacilitationError> {
    let reason = super::model::text("note", reason, super::model::MAX_NOTE)?;
    let txn = crate::db::begin_write(db).await?;
    let before =
        super::query::kept_resolution(&txn, &super::meetings::secretariat(actor)?, id).await?;
    let status = status_of(&before)?;
    if !matches!(
        status,
        ResolutionStatus::Open | ResolutionStatus::InProgress
    ) {
        return Err(FacilitationError::Conflict);
    }
    let mut am: resolution::ActiveModel = before.clone().into();
    am.status = Set(ResolutionStatus::Cancelled.as_str().into());
    am.evidence = Set(reason.clone());
    am.version = Set(before.version + 1);
    am.update(&txn).await?;
    audit::record(
        &txn,
        Change::by(actor, "resolution.cancel", "resolution", id)
            .before(json!({"status": before.status}))
            .after(json!({"status": "cancelled", "reason": reason})),
    )
    .await?;
    if let Some(cid) = before.case_id {
        let c = super::query::found(&txn, case::Entity::find_by_id(cid)).await?;
        cases::note(&txn, cid, Some(actor), "resolution_cancelled", &reason, now).await?;
        let others = resolution::Entity::find()
            .filter(resolution::Column::CaseId.eq(cid))
            .filter(resolution::Column::Id.ne(id))
            .all(&txn)
            .await?;
        let open = others
            .iter()
            .any(|r| matches!(r.status.as_str(), "open" | "in_progress"));
        let done = others.iter().any(|r| r.status == "done");
        if cases::status_of(&c)?.is_open() && !open {
            let (to, kind) = if done {
                (CaseStatus::Resolved, "resolved")
            } else {
                (CaseStatus::Reported, "back_to_committee")
            };
            cases::set_status(&txn, actor, &c, to, kind, "", now).await?;
        }
    }
    txn.commit().await?;
    Ok(())
}

/// [`flag_overdue`] as the desk's periodic job (see `JOBS`).
pub(super) fn flag_overdue_job(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
) -> crate::jobs::JobRun<'_> {
    Box::pin(async move { Ok(flag_overdue(db, now).await?) })
}

/// Tells the agency and the secretariat, once, of each resolution that has passed its
/// deadline by `now`, and notes it on the case's timeline. Safe on several nodes at once: the
/// flag is set by a conditional UPDATE, and only the node whose UPDATE took it queues the
/// messages.
pub async fn flag_overdue(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
) -> Result<usize, FacilitationError> {
    let due = resolution::Entity::find()
        .filter(overdue_condition(now))
        .filter(resolution::Column::OverdueFlaggedAt.is_null())
        .order_by_asc(resolution::Column::Id)
        .limit(500)
        .all(db)
        .await?;
    let mut flagged = 0;
    for r in due {
        match flag_one(db, &r, now).await {
            Ok(true) => flagged += 1,
            Ok(false) => {}
            // One resolution that cannot be flagged must not hold back the others.
            Err(e) => tracing::warn!(resolution = r.id, error = ?e, "overdue flag failed"),
        }
    }
    Ok(flagged)
}

/// Flags `r` if no other node has; true when this call did.
async fn flag_one(
    db: &DatabaseConnection,
    r: &resolution::Model,
    now: DateTime<Utc>,
) -> Result<bool, FacilitationError> {
    let txn = crate::db::begin_write(db).await?;
    let taken = resolution::Entity::update_many()
        .col_expr(
            resolution::Column::OverdueFlaggedAt,
            sea_orm::sea_query::Expr::value(now),
        )
        .filter(resolution::Column::Id.eq(r.id))
        .filter(resolution::Column::OverdueFlaggedAt.is_null())
        .exec(&txn)
        .await?
        .rows_affected;
    if taken != 1 {
        return Ok(false);
    }
    super::notices::resolution_overdue(&txn, r).await?;
    if let Some(cid) = r.case_id {
        let text = format!("#{}", r.id);
        cases::note(&txn, cid, None, "resolution_overdue", &text, now).await?;
    }
    audit::record(
        &txn,
        Change::system("system", "resolution.overdue", "resolution", r.id)
            .after(json!({"deadline": r.deadline, "flagged_at": now})),
    )
    .await?;
    txn.commit().await?;
    Ok(true)
}

pub(super) fn status_of(r: &resolution::Model) -> Result<ResolutionStatus, sea_orm::DbErr> {
    crate::kernel::stored("resolution status", &r.status, ResolutionStatus::parse)
}
