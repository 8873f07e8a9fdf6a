//! What waits at the desk for an actor (its home page): a reporter's cases that need it, an
//! agency's resolutions by deadline, a secretariat's triage queue, overdue resolutions and
//! meetings. Every read starts from the actor's scopes in `access::facilitation`.

use chrono::NaiveDate;
use sea_orm::{
    ColumnTrait, DatabaseConnection, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Select,
};

use super::FacilitationError;
use super::entity::{case, meeting, resolution};
use super::model::{CaseStatus, ResolutionStatus};
use crate::access::Actor;
use crate::access::facilitation::{
    self as rules, CaseReach, CaseScope, ResolutionScope, SecretariatScope,
};
use crate::kernel::{Urgency, Waiting};
use crate::web::waiting::waiting_from;

/// Every message key this module gives the home page (each in `locales/*/facilitation.ftl`).
pub const KEYS: &[&str] = &[
    NEEDS_INFO,
    TO_CONFIRM,
    CASES_OPEN,
    RESOLUTIONS_OVERDUE,
    RESOLUTIONS_DUE_SOON,
    RESOLUTIONS_OPEN,
    TRIAGE_QUEUE,
    NATIONAL_QUEUE,
    PROVINCE_OVERDUE,
    NATIONAL_OVERDUE,
    NEXT_MEETING,
    MEETINGS_TO_RECORD,
];
const NEEDS_INFO: &str = "waiting-case-needs-info";
const TO_CONFIRM: &str = "waiting-case-to-confirm";
const CASES_OPEN: &str = "waiting-cases-open";
const RESOLUTIONS_OVERDUE: &str = "waiting-resolutions-overdue";
const RESOLUTIONS_DUE_SOON: &str = "waiting-resolutions-due-soon";
const RESOLUTIONS_OPEN: &str = "waiting-resolutions-open";
const TRIAGE_QUEUE: &str = "waiting-triage-queue";
const NATIONAL_QUEUE: &str = "waiting-national-queue";
const PROVINCE_OVERDUE: &str = "waiting-province-overdue";
const NATIONAL_OVERDUE: &str = "waiting-national-overdue";
const NEXT_MEETING: &str = "waiting-next-meeting";
const MEETINGS_TO_RECORD: &str = "waiting-meetings-to-record";

waiting_from!(items);

/// What waits for `actor` at the desk at `now`; nothing for those who have no part in it.
async fn items(
    db: &DatabaseConnection,
    actor: &Actor,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<Waiting>, FacilitationError> {
    let today = crate::kernel::clock::date_in(actor.time_zone(), now);
    let mut out = vec![];
    if let Ok(scope) = rules::case_scope(actor)
        && let CaseReach::Organisation(org) = scope.reach()
    {
        out.extend(reported_cases(db, &scope, *org).await?);
    }
    if let Ok(scope) = rules::follow_up_scope(actor) {
        out.extend(agency_resolutions(db, &scope, today).await?);
    }
    if let Ok(desk) = rules::secretariat_scope(actor) {
        out.extend(triage_queue(db, &rules::case_scope(actor)?, &desk).await?);
        out.extend(overdue_resolutions(db, &rules::resolution_scope(actor)?, &desk, today).await?);
        out.extend(meetings(db, &desk, today).await?);
    }
    Ok(out)
}

/// The open cases `org` reported: those asking it for information first, then those resolved
/// and waiting for its confirmation, then the rest still in hand.
async fn reported_cases(
    db: &DatabaseConnection,
    scope: &CaseScope,
    org: i64,
) -> Result<Vec<Waiting>, FacilitationError> {
    let rows: Vec<(String, i64, i64)> = super::query::cases(scope)
        .filter(case::Column::ReporterOrgId.eq(org))
        .filter(
            case::Column::Status
                .is_not_in([CaseStatus::Closed.as_str(), CaseStatus::Merged.as_str()]),
        )
        .select_only()
        .column(case::Column::Status)
        .column_as(case::Column::Id.count(), "n")
        .column_as(case::Column::Id.min(), "first")
        .group_by(case::Column::Status)
        .into_tuple()
        .all(db)
        .await?;
    // One case links to itself; several to the list filtered to them.
    let line = |key, status: CaseStatus, urgency| {
        let (n, first) = rows
            .iter()
            .find(|(s, _, _)| s == status.as_str())
            .map(|(_, n, f)| (*n as u64, *f))?;
        let href = if n == 1 {
            format!("/cases/{first}")
        } else {
            format!("/cases?status={}", status.as_str())
        };
        Some(Waiting::new(key, n, href, urgency))
    };
    let mut out: Vec<Waiting> = [
        line(NEEDS_INFO, CaseStatus::NeedsInfo, Urgency::DueSoon),
        line(TO_CONFIRM, CaseStatus::Resolved, Urgency::ToDo),
    ]
    .into_iter()
    .flatten()
    .collect();
    let in_hand: i64 = rows
        .iter()
        .filter(|(s, _, _)| {
            s != CaseStatus::NeedsInfo.as_str() && s != CaseStatus::Resolved.as_str()
        })
        .map(|(_, n, _)| n)
        .sum();
    if in_hand > 0 {
        out.push(Waiting::new(
            CASES_OPEN,
            in_hand as u64,
            "/cases",
            Urgency::ToDo,
        ));
    }
    Ok(out)
}

fn open(q: Select<resolution::Entity>) -> Select<resolution::Entity> {
    q.filter(resolution::Column::Status.is_in([
        ResolutionStatus::Open.as_str(),
        ResolutionStatus::InProgress.as_str(),
    ]))
}

/// The deadlines of `q`'s resolutions, earliest first.
async fn deadlines(
    db: &DatabaseConnection,
    q: Select<resolution::Entity>,
) -> Result<Vec<NaiveDate>, FacilitationError> {
    Ok(q.select_only()
        .column(resolution::Column::Deadline)
        .order_by_asc(resolution::Column::Deadline)
        .into_tuple()
        .all(db)
        .await?)
}

/// An agency's open resolutions by deadline: past it, due within the week, the rest.
async fn agency_resolutions(
    db: &DatabaseConnection,
    scope: &ResolutionScope,
    today: NaiveDate,
) -> Result<Vec<Waiting>, FacilitationError> {
    let all = deadlines(db, open(super::query::resolutions(scope))).await?;
    let mut out = vec![];
    for (key, urgency) in [
        (RESOLUTIONS_OVERDUE, Urgency::Overdue),
        (RESOLUTIONS_DUE_SOON, Urgency::DueSoon),
        (RESOLUTIONS_OPEN, Urgency::ToDo),
    ] {
        let mine: Vec<_> = all
            .iter()
            .filter(|d| Urgency::of_due(**d, today) == urgency)
            .collect();
        if let Some(first) = mine.first() {
            out.push(Waiting::new(key, mine.len() as u64, "/resolutions", urgency).on(**first));
        }
    }
    Ok(out)
}

/// The cases waiting for the secretariat's triage: reported to a province's committee, or
/// escalated to (or answered at) the national level.
async fn triage_queue(
    db: &DatabaseConnection,
    cases: &CaseScope,
    desk: &SecretariatScope,
) -> Result<Vec<Waiting>, FacilitationError> {
    let (level, key, href) = match desk.province() {
        Some(_) => (
            "province",
            TRIAGE_QUEUE,
            "/cases?status=reported&level=province",
        ),
        None => ("national", NATIONAL_QUEUE, "/cases?level=national"),
    };
    let n = super::query::cases(cases)
        .filter(case::Column::Level.eq(level))
        .filter(case::Column::Status.is_in([
            CaseStatus::Reported.as_str(),
            CaseStatus::Escalated.as_str(),
        ]))
        .count(db)
        .await?;
    Ok((n > 0)
        .then(|| Waiting::new(key, n, href, Urgency::ToDo))
        .into_iter()
        .collect())
}

/// The resolutions past their deadline that the secretariat's next meeting must hear about:
/// its province's, or the national desk's.
async fn overdue_resolutions(
    db: &DatabaseConnection,
    scope: &ResolutionScope,
    desk: &SecretariatScope,
    today: NaiveDate,
) -> Result<Vec<Waiting>, FacilitationError> {
    let mut q =
        open(super::query::resolutions(scope)).filter(resolution::Column::Deadline.lt(today));
    let key = match desk.province() {
        Some(_) => PROVINCE_OVERDUE,
        None => {
            q = super::query::of_national_desk(q);
            NATIONAL_OVERDUE
        }
    };
    let late = deadlines(db, q).await?;
    Ok(late
        .first()
        .map(|d| Waiting::new(key, late.len() as u64, "/resolutions", Urgency::Overdue).on(*d))
        .into_iter()
        .collect())
}

/// The next planned meeting of the bodies the secretariat keeps, and those whose day has
/// passed with no minutes recorded.
async fn meetings(
    db: &DatabaseConnection,
    desk: &SecretariatScope,
    today: NaiveDate,
) -> Result<Vec<Waiting>, FacilitationError> {
    let planned = || {
        super::query::meetings_of_kept_bodies(desk)
            .filter(meeting::Column::Status.eq("planned"))
            .order_by_asc(meeting::Column::HeldOn)
            .order_by_asc(meeting::Column::Id)
    };
    let mut out = vec![];
    let unrecorded = planned()
        .filter(meeting::Column::HeldOn.lt(today))
        .all(db)
        .await?;
    if let Some(first) = unrecorded.first() {
        let href = if unrecorded.len() == 1 {
            format!("/meetings/{}", first.id)
        } else {
            "/meetings".to_string()
        };
        out.push(
            Waiting::new(
                MEETINGS_TO_RECORD,
                unrecorded.len() as u64,
                href,
                Urgency::Overdue,
            )
            .on(first.held_on),
        );
    }
    if let Some(next) = planned()
        .filter(meeting::Column::HeldOn.gte(today))
        .one(db)
        .await?
    {
        out.push(
            Waiting::new(
                NEXT_MEETING,
                1,
                format!("/meetings/{}", next.id),
                Urgency::of_due(next.held_on, today),
            )
            .on(next.held_on),
        );
    }
    Ok(out)
}
