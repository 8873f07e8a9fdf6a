//! Obstacle cases: reported by a unit (or the chamber of commerce or an association for
//! units), triaged by the province's technical committee (ask for information, route to the
//! agency that owns it, put on a working-group agenda, escalate to the national level, merge a
//! duplicate, close with a reason), confirmed solved by the reporter.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::FacilitationError;
use super::entity::{case, event, resolution};
use super::model::{CaseDraft, CaseStatus, Category, ResolutionDraft, ResolutionStatus};
use super::{case_units, notices};
use crate::access::facilitation as rules;
use crate::access::{Actor, Denied};
use crate::audit::{self, Change};
use crate::db::dialect;
use crate::db::rows::in_order;

/// Serialises case numbering per installation (arbitrary, fixed).
const NUMBER_LOCK: i64 = 0x7461_7368_696c_0003;

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CaseSummary {
    pub id: i64,
    pub number: String,
    pub province: String,
    pub category: Category,
    pub title: String,
    pub status: CaseStatus,
    pub level: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CaseEvent {
    pub at: DateTime<Utc>,
    pub kind: String,
    pub note: String,
}

impl From<event::Model> for CaseEvent {
    fn from(e: event::Model) -> Self {
        CaseEvent {
            at: e.at,
            kind: e.kind,
            note: e.note,
        }
    }
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ResolutionView {
    pub id: i64,
    pub meeting_id: Option<i64>,
    pub case_id: Option<i64>,
    pub province: String,
    pub agency_org_id: i64,
    pub action: String,
    pub working_days: i32,
    pub deadline: chrono::NaiveDate,
    pub proof: String,
    pub status: super::model::ResolutionStatus,
    pub evidence: String,
    pub overdue: bool,
    /// The deadline falls in a year whose lunar holidays (Iran) or Tết arrangement
    /// (Vietnam) are not yet in the official tables: it may move by a holiday.
    pub deadline_provisional: bool,
}

impl ResolutionView {
    /// The view of a stored resolution as read at instant `now` (overdue or not by then);
    /// `cals` says whether its deadline is provisional.
    pub(super) fn read(
        r: resolution::Model,
        cals: &crate::calendar::Calendars,
        now: DateTime<Utc>,
    ) -> Result<Self, DbErr> {
        let status = super::followup::status_of(&r)?;
        let country = super::followup::country_of(&r);
        Ok(ResolutionView {
            overdue: super::followup::is_overdue(status, r.deadline, country, now),
            deadline_provisional: cals.provisional(country, r.deadline),
            id: r.id,
            meeting_id: r.meeting_id,
            case_id: r.case_id,
            province: r.province_code,
            agency_org_id: r.agency_org_id,
            action: r.action,
            working_days: r.working_days,
            deadline: r.deadline,
            proof: r.proof,
            status,
            evidence: r.evidence,
        })
    }
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CaseView {
    #[serde(flatten)]
    pub summary: CaseSummary,
    pub description: String,
    /// The registered units the obstacle concerns.
    pub units: Vec<case_units::CaseUnit>,
    pub amount_at_stake: Option<i64>,
    pub jobs_at_risk: Option<i32>,
    pub merged_into: Option<i64>,
    pub close_reason: Option<String>,
    pub solved: bool,
    pub closed_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub events: Vec<CaseEvent>,
    pub resolutions: Vec<ResolutionView>,
    pub attachments: Vec<super::attachments::AttachmentInfo>,
    /// Who reported it: decides who may confirm; not shown to other readers.
    #[serde(skip)]
    pub reporter_org_id: i64,
}

pub(super) fn status_of(m: &case::Model) -> Result<CaseStatus, DbErr> {
    crate::kernel::stored("case status", &m.status, CaseStatus::parse)
}

pub(super) fn category_of(m: &case::Model) -> Result<Category, DbErr> {
    crate::kernel::stored("case category", &m.category, Category::parse)
}

fn summary(m: &case::Model) -> Result<CaseSummary, DbErr> {
    Ok(CaseSummary {
        id: m.id,
        number: m.number.clone(),
        province: m.province_code.clone(),
        category: category_of(m)?,
        title: m.title.clone(),
        status: status_of(m)?,
        level: m.level.clone(),
        created_at: m.created_at,
    })
}

fn snapshot(m: &case::Model) -> serde_json::Value {
    json!({
        "number": m.number, "province": m.province_code, "category": m.category,
        "title": m.title, "status": m.status, "level": m.level, "escalated": m.escalated,
        "merged_into": m.merged_into, "routed_to": m.routed_to_org_id,
        "close_reason": m.close_reason, "solved": m.solved, "version": m.version,
    })
}

/// Appends a line to the case's timeline (what the reporter's tracking page shows), at `at`.
pub(super) async fn note<C: ConnectionTrait>(
    db: &C,
    case_id: i64,
    actor: Option<&Actor>,
    kind: &str,
    text: &str,
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    event::ActiveModel {
        case_id: Set(case_id),
        at: Set(at),
        actor_user_id: Set(actor.map(|a| a.user_id())),
        actor_org_id: Set(actor.map(|a| a.organisation_id())),
        kind: Set(kind.to_string()),
        note: Set(tashil_text::normalize::canonical(text)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// "IR-26-1405-00012": province, the year in the province's calendar at `now`, a sequence.
async fn next_number<C: ConnectionTrait>(
    db: &C,
    province: &str,
    now: DateTime<Utc>,
) -> Result<String, DbErr> {
    dialect::lock_chain(db, NUMBER_LOCK).await?;
    let prefix = super::calendar::number_prefix(province, now);
    let n = case::Entity::find()
        .filter(case::Column::Number.starts_with(&prefix))
        .count(db)
        .await?;
    Ok(format!("{prefix}{:05}", n + 1))
}

/// Files an obstacle case at `now`: numbered in the year of the province's calendar, dated
/// on its office's clock.
pub async fn report(
    db: &DatabaseConnection,
    actor: &Actor,
    draft: &CaseDraft,
    now: DateTime<Utc>,
) -> Result<CaseSummary, FacilitationError> {
    let province = actor
        .province()
        .map(str::to_owned)
        .ok_or(Denied::Forbidden)?;
    rules::authorize_report(actor, &province)?;
    let checked = draft.validate();
    let txn = crate::db::begin_write(db).await?;
    let units = if !rules::names_units(actor) {
        // A unit reports for itself, whatever the form said.
        case_units::unit_of_org(&txn, actor.organisation_id())
            .await
            .map(|u| u.into_iter().collect())
            .map_err(FacilitationError::from)
    } else {
        case_units::resolve(&txn, &province, &draft.units).await
    };
    // Every field's error at once: the draft's and the units'.
    let (v, units) = match (checked, units) {
        (Ok(v), Ok(u)) => (v, u),
        (c, u) => {
            let mut errs = c.err().unwrap_or_default();
            match u {
                Err(FacilitationError::Invalid(more)) => errs.extend(more),
                Err(e) => return Err(e),
                Ok(_) => {}
            }
            return Err(FacilitationError::Invalid(errs));
        }
    };
    let number = next_number(&txn, &province, now).await?;
    let m = case::ActiveModel {
        number: Set(number),
        province_code: Set(province),
        reporter_org_id: Set(actor.organisation_id()),
        reporter_user_id: Set(actor.user_id()),
        unit_id: Set(None),
        category: Set(v.category.as_str().to_string()),
        title: Set(v.title),
        description: Set(v.description),
        amount_at_stake: Set(v.amount_at_stake),
        jobs_at_risk: Set(v.jobs_at_risk),
        status: Set(CaseStatus::Reported.as_str().to_string()),
        level: Set("province".into()),
        escalated: Set(false),
        merged_into: Set(None),
        routed_to_org_id: Set(None),
        close_reason: Set(None),
        solved: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
        closed_at: Set(None),
        version: Set(1),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    case_units::insert(&txn, m.id, &units).await?;
    note(&txn, m.id, Some(actor), "reported", "", now).await?;
    audit::record(
        &txn,
        Change::by(actor, "case.report", "obstacle_case", m.id).after({
            let mut a = snapshot(&m);
            a["units"] = json!(units);
            a
        }),
    )
    .await?;
    txn.commit().await?;
    Ok(summary(&m)?)
}

/// Case `id` if `actor` may read it; another province's or organisation's is not found.
pub(super) async fn load<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: i64,
) -> Result<case::Model, FacilitationError> {
    super::query::case(db, &rules::case_scope(actor)?, id).await
}

/// Case `id` as read at `now` (which of its resolutions are overdue by then).
pub async fn get(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    now: DateTime<Utc>,
) -> Result<CaseView, FacilitationError> {
    let m = load(db, actor, id).await?;
    let events = in_order(db, event::Column::CaseId.eq(id), event::Column::Id).await?;
    let resolutions =
        super::query::resolutions_where(db, resolution::Column::CaseId.eq(id), now).await?;
    let attachments = super::attachments::list(db, id).await?;
    let units = case_units::of_case(db, actor, id).await?;
    Ok(CaseView {
        units,
        reporter_org_id: m.reporter_org_id,
        attachments,
        summary: summary(&m)?,
        description: m.description,
        amount_at_stake: m.amount_at_stake,
        jobs_at_risk: m.jobs_at_risk,
        merged_into: m.merged_into,
        close_reason: m.close_reason,
        solved: m.solved,
        closed_at: m.closed_at,
        version: m.version,
        events,
        resolutions,
    })
}

#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CaseFilter {
    pub status: Option<String>,
    pub category: Option<String>,
    /// `province` or `national`: whose queue.
    pub level: Option<String>,
    pub page: Option<u64>,
}

/// The cases `actor` may read, newest first, 50 a page.
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    f: &CaseFilter,
) -> Result<Vec<CaseSummary>, FacilitationError> {
    let mut q = super::query::cases(&rules::case_scope(actor)?);
    if let Some(s) = f.status.as_deref().and_then(CaseStatus::parse) {
        q = q.filter(case::Column::Status.eq(s.as_str()));
    }
    if let Some(c) = f.category.as_deref().and_then(Category::parse) {
        q = q.filter(case::Column::Category.eq(c.as_str()));
    }
    if let Some(l) = f
        .level
        .as_deref()
        .filter(|l| matches!(*l, "province" | "national"))
    {
        q = q.filter(case::Column::Level.eq(l));
    }
    let paging = crate::kernel::Paging::fixed(f.page, 50);
    Ok(q.order_by_desc(case::Column::Id)
        .limit(paging.limit())
        .offset(paging.offset())
        .all(db)
        .await?
        .iter()
        .map(summary)
        .collect::<Result<_, _>>()?)
}

/// A triage decision of the technical committee (or, for an escalated case, the nation).
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Triage {
    /// Ask the reporter for more information.
    RequestInfo { note: String },
    /// Send the case to the agency that owns it, with what it must do and by when.
    Route { resolution: ResolutionDraft },
    /// Raise it to the national level (about 10 % of obstacles need a national decision).
    Escalate { note: String },
    /// The same obstacle was reported before: follow that case instead.
    Merge { into: i64 },
    /// Close without a resolution, saying why (solved meanwhile, out of remit…).
    Close { reason: String, solved: bool },
}

pub async fn triage(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    t: &Triage,
    now: DateTime<Utc>,
) -> Result<(), FacilitationError> {
    let txn = crate::db::begin_write(db).await?;
    let before = load(&txn, actor, id).await?;
    rules::authorize_triage(actor, &before.province_code, &before.level)?;
    let status = status_of(&before)?;
    let allowed = match t {
        Triage::Close { .. } => status.can_close(),
        _ => status.can_triage(),
    };
    if !allowed {
        return Err(FacilitationError::Conflict);
    }
    let mut am: case::ActiveModel = before.clone().into();
    let (kind, text) = match t {
        Triage::RequestInfo { note: n } => {
            let n = super::model::text("note", n, super::model::MAX_NOTE)?;
            am.status = Set(CaseStatus::NeedsInfo.as_str().into());
            ("info_requested", n)
        }
        Triage::Route { resolution: r } => {
            let mut r = r.clone();
            r.case_id = Some(id);
            let v = r.validate().map_err(FacilitationError::Invalid)?;
            let desk = rules::Desk::of_case(&before.province_code, &before.level);
            let res = super::meetings::insert_resolution(
                &txn,
                actor,
                desk,
                None,
                &before.province_code,
                &v,
                None,
                now,
            )
            .await?;
            am.status = Set(CaseStatus::Routed.as_str().into());
            am.routed_to_org_id = Set(Some(v.agency_org_id));
            ("routed", format!("#{res}"))
        }
        Triage::Escalate { note: n } => {
            if before.level == "national" {
                return Err(FacilitationError::Conflict);
            }
            let n = super::model::optional_text("note", n, super::model::MAX_NOTE)?;
            am.status = Set(CaseStatus::Escalated.as_str().into());
            am.level = Set("national".into());
            am.escalated = Set(true);
            ("escalated", n)
        }
        Triage::Merge { into } => {
            let target = case::Entity::find_by_id(*into)
                .one(&txn)
                .await?
                .filter(|c| {
                    c.id != id
                        && c.province_code == before.province_code
                        && status_of(c).is_ok_and(|s| s.is_open())
                })
                .ok_or_else(|| FacilitationError::invalid("into", "invalid_case"))?;
            am.status = Set(CaseStatus::Merged.as_str().into());
            am.merged_into = Set(Some(target.id));
            am.closed_at = Set(Some(now));
            note(
                &txn,
                target.id,
                Some(actor),
                "duplicate_merged",
                &before.number,
                now,
            )
            .await?;
            ("merged", target.number)
        }
        Triage::Close { reason, solved } => {
            let reason = super::model::text("reason", reason, super::model::MAX_NOTE)?;
            // A case still binding an agency is not closed under it: the secretariat
            // withdraws the resolution first.
            let open = resolution::Entity::find()
                .filter(resolution::Column::CaseId.eq(id))
                .filter(resolution::Column::Status.is_in([
                    ResolutionStatus::Open.as_str(),
                    ResolutionStatus::InProgress.as_str(),
                ]))
                .one(&txn)
                .await?;
            if open.is_some() {
                return Err(FacilitationError::Conflict);
            }
            am.status = Set(CaseStatus::Closed.as_str().into());
            am.close_reason = Set(Some(reason.clone()));
            am.solved = Set(*solved);
            am.closed_at = Set(Some(now));
            ("closed", reason)
        }
    };
    am.updated_at = Set(now);
    am.version = Set(before.version + 1);
    let after = am.update(&txn).await?;
    note(&txn, id, Some(actor), kind, &text, now).await?;
    match t {
        Triage::RequestInfo { .. } => {
            notices::case_news(
                &txn,
                &after,
                notices::CASE_INFO_REQUESTED,
                json!({"note": text}),
            )
            .await?
        }
        Triage::Close { .. } => {
            notices::case_news(&txn, &after, notices::CASE_CLOSED, json!({"reason": text})).await?
        }
        _ => {}
    }
    audit::record(
        &txn,
        Change::by(actor, "case.triage", "obstacle_case", id)
            .before(snapshot(&before))
            .after(snapshot(&after)),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Moves a case to `to` at `now`, with its timeline line and audit entry, inside the caller's
/// transaction.
pub(super) async fn set_status<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    before: &case::Model,
    to: CaseStatus,
    kind: &str,
    text: &str,
    now: DateTime<Utc>,
) -> Result<(), FacilitationError> {
    let mut am: case::ActiveModel = before.clone().into();
    am.status = Set(to.as_str().to_string());
    am.updated_at = Set(now);
    am.version = Set(before.version + 1);
    let after = am.update(db).await?;
    note(db, before.id, Some(actor), kind, text, now).await?;
    if to == CaseStatus::Resolved {
        notices::case_news(db, &after, notices::CASE_RESOLVED, json!({})).await?;
    }
    audit::record(
        db,
        Change::by(actor, "case.status", "obstacle_case", before.id)
            .before(snapshot(before))
            .after(snapshot(&after)),
    )
    .await?;
    Ok(())
}
