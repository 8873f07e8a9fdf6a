//! Reading applications: the actor's list and one application (through its scope), and the
//! public tracking page (by code, nothing personal).

use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use serde::Deserialize;

use super::entity::{application, licence, message, product, step};
use super::error::LicensingError;
use super::model::{Applied, PermitDefinition, Rejection, Status, StepActor, StepOutcome};
use super::view::{
    ApplicationSummary, ApplicationView, LicenceRef, MessageView, ProductView, StepView, TrackStep,
    TrackView, rejection_view,
};
use super::{permit_types, query};
use crate::access::licensing::{self as rules, MoveFacts, Party, StepRole};
use crate::access::units::UnitScope;
use crate::access::{Actor, units};
use crate::kernel::{Paging, stored};
use crate::registry::lookup::UnitRef;

pub(super) fn status_of(a: &application::Model) -> Result<Status, sea_orm::DbErr> {
    stored("application status", &a.status, Status::parse)
}

fn plan_of(a: &application::Model) -> Result<Vec<Option<u16>>, LicensingError> {
    Ok(serde_json::from_str(&a.plan)?)
}

fn outcome_of(s: &step::Model) -> Result<Option<StepOutcome>, sea_orm::DbErr> {
    s.outcome
        .as_deref()
        .map(|o| stored("step outcome", o, StepOutcome::parse))
        .transpose()
}

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ApplicationFilter {
    /// in_progress, issued, rejected, appealed, withdrawn
    pub status: Option<String>,
    pub page: Option<u64>,
}

pub const PAGE: u64 = 50;

async fn unit_names<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    ids: &[i64],
) -> Result<std::collections::HashMap<i64, [String; 3]>, LicensingError> {
    let scope = units::read_scope(actor)?;
    Ok(crate::registry::lookup::visible(db, &scope, ids)
        .await?
        .into_iter()
        .map(|u| (u.id, u.names))
        .collect())
}

fn summary(
    a: &application::Model,
    code: &str,
    names: Option<&[String; 3]>,
) -> Result<ApplicationSummary, sea_orm::DbErr> {
    Ok(ApplicationSummary {
        id: a.id,
        tracking_code: a.tracking_code.clone(),
        unit_id: a.unit_id,
        unit_names: names.cloned().unwrap_or_default(),
        province: a.province_code.clone(),
        permit_type: code.to_owned(),
        status: status_of(a)?,
        step_index: a.step_index,
        created_at: a.created_at,
    })
}

pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    f: &ApplicationFilter,
) -> Result<Vec<ApplicationSummary>, LicensingError> {
    let scope = rules::application_scope(actor)?;
    let paging = Paging::fixed(f.page, PAGE);
    let mut q = query::applications(&scope);
    if let Some(st) = f.status.as_deref().filter(|s| !s.is_empty()) {
        let st =
            Status::parse(st).ok_or_else(|| LicensingError::invalid("status", "invalid_choice"))?;
        q = q.filter(application::Column::Status.eq(st.as_str()));
    }
    let rows = q
        .order_by_desc(application::Column::Id)
        .offset(paging.offset())
        .limit(paging.limit())
        .all(db)
        .await?;
    let ids: Vec<i64> = rows.iter().map(|a| a.unit_id).collect();
    let names = unit_names(db, actor, &ids).await?;
    let types: std::collections::HashMap<i64, String> = super::entity::permit_type::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.id, t.code))
        .collect();
    rows.iter()
        .map(|a| {
            let code = types.get(&a.permit_type_id).map_or("", String::as_str);
            Ok(summary(a, code, names.get(&a.unit_id))?)
        })
        .collect()
}

/// The application `id` if inside the actor's reach.
pub(super) async fn scoped<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: i64,
) -> Result<application::Model, LicensingError> {
    let scope = rules::application_scope(actor)?;
    query::applications(&scope)
        .filter(application::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or(LicensingError::NotFound)
}

/// The organisation that acts for application `id`'s unit (its applicant), if the application
/// exists: what conformity checks before a unit sends a test request for it.
pub async fn applicant_organisation<C: ConnectionTrait>(
    db: &C,
    id: i64,
) -> Result<Option<i64>, sea_orm::DbErr> {
    let Some(a) = application::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    Ok(crate::registry::lookup::holder(db, a.unit_id)
        .await?
        .and_then(|u| u.organisation_id))
}

/// What access needs to decide who may move `a` now.
pub(super) fn move_facts<'a>(
    a: &application::Model,
    def: &PermitDefinition,
    unit_org: Option<i64>,
    open: Option<&'a step::Model>,
) -> MoveFacts<'a> {
    MoveFacts {
        unit_organisation: unit_org,
        deciding_office: open.map(|s| s.deciding_office.as_str()),
        step_role: match def.steps.get(a.step_index as usize).map(|s| s.actor) {
            Some(StepActor::Inspector) => StepRole::Inspector,
            _ => StepRole::Officer,
        },
    }
}

/// The moves `actor` may make on `a` now.
pub(super) fn moves_for(
    actor: &Actor,
    a: &application::Model,
    def: &PermitDefinition,
    unit_org: Option<i64>,
    open: Option<&step::Model>,
) -> Vec<&'static str> {
    let facts = move_facts(a, def, unit_org, open);
    let is = |p: Party| rules::party(actor, p, facts).is_ok();
    match status_of(a) {
        Ok(Status::InProgress) => {
            let mut m = vec![];
            if is(Party::DecidingOffice) {
                m.extend(["pass", "reject"]);
            }
            if is(Party::Applicant) {
                m.push("withdraw");
            }
            m
        }
        Ok(Status::Rejected) if !a.appealed_once && is(Party::Applicant) => vec!["appeal"],
        Ok(Status::Appealed) if is(Party::NationalBody) => vec!["reopen", "uphold"],
        _ => vec![],
    }
}

pub(super) async fn steps_of<C: ConnectionTrait>(
    db: &C,
    id: i64,
) -> Result<Vec<step::Model>, LicensingError> {
    Ok(step::Entity::find()
        .filter(step::Column::ApplicationId.eq(id))
        .order_by_asc(step::Column::Id)
        .all(db)
        .await?)
}

/// Each step of the definition with its latest run (a reopened step ran twice).
fn step_views(
    def: &PermitDefinition,
    plan: &[Option<u16>],
    runs: &[step::Model],
) -> Result<Vec<StepView>, sea_orm::DbErr> {
    def.steps
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let run = runs.iter().rev().find(|r| r.step_index == i as i32);
            Ok(StepView {
                index: i as i32,
                code: d.code.clone(),
                name: d.name.clone(),
                kind: d.kind,
                actor: d.actor,
                deciding_office: run
                    .map(|r| r.deciding_office.clone())
                    .filter(|o| !o.is_empty()),
                deadline_days: run.map(|r| r.deadline_days),
                silence_is_consent: d.silence_is_consent,
                fast_tracked: plan.get(i).is_some_and(Option::is_none),
                started_at: run.map(|r| r.started_at),
                due_on: run.map(|r| r.due_on),
                due_provisional: run.is_some_and(|r| r.due_provisional),
                ended_at: run.and_then(|r| r.ended_at),
                outcome: run.map(outcome_of).transpose()?.flatten(),
                working_days: run.and_then(|r| r.working_days),
                note: run.and_then(|r| r.note.clone()),
            })
        })
        .collect()
}

pub async fn get(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
) -> Result<ApplicationView, LicensingError> {
    let a = scoped(db, actor, id).await?;
    let (v, def) = permit_types::version(db, a.version_id).await?;
    let unit = unit_facts(db, actor, a.unit_id).await?;
    let runs = steps_of(db, a.id).await?;
    view_of(db, actor, &a, &v, &def, unit, runs).await
}

/// What an application's page needs of its unit, from one read: the organisation that acts
/// for it (the applicant side) and its names if `actor` may read the unit itself.
pub(super) struct UnitFacts {
    pub(super) organisation: Option<i64>,
    names: Option<[String; 3]>,
}

impl UnitFacts {
    pub(super) fn of(u: &UnitRef, scope: &UnitScope) -> Self {
        UnitFacts {
            organisation: u.organisation_id,
            names: scope
                .covers(&u.province, u.organisation_id)
                .then(|| u.names.clone()),
        }
    }
}

pub(super) async fn unit_facts<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    unit_id: i64,
) -> Result<UnitFacts, LicensingError> {
    let scope = units::read_scope(actor)?;
    Ok(match crate::registry::lookup::holder(db, unit_id).await? {
        Some(u) => UnitFacts::of(&u, &scope),
        None => UnitFacts {
            organisation: None,
            names: None,
        },
    })
}

/// The view of `a` (read in `actor`'s scope) under its version `v`, `def`, with its unit's
/// facts and its steps in the order run: what a move already read is not read again.
pub(super) async fn view_of<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    a: &application::Model,
    v: &super::entity::permit_version::Model,
    def: &PermitDefinition,
    unit: UnitFacts,
    runs: Vec<step::Model>,
) -> Result<ApplicationView, LicensingError> {
    let t = super::permit_types::by_id(db, a.permit_type_id).await?;
    let open = runs.iter().find(|r| r.ended_at.is_none());
    let may = moves_for(actor, a, def, unit.organisation, open);
    let products = product::Entity::find()
        .filter(product::Column::ApplicationId.eq(a.id))
        .order_by_asc(product::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|p| ProductView {
            product: p.product,
            brand: p.brand,
            hs_code: p.hs_code,
            standard: p.standard,
        })
        .collect();
    let messages = message::Entity::find()
        .filter(message::Column::ApplicationId.eq(a.id))
        .order_by_asc(message::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|m| MessageView {
            from_applicant: m.from_applicant,
            body: m.body,
            at: m.created_at,
        })
        .collect();
    // Only an issued application has a licence.
    let licence = if status_of(a)? == Status::Issued {
        licence::Entity::find()
            .filter(licence::Column::ApplicationId.eq(a.id))
            .one(db)
            .await?
    } else {
        None
    };
    let licence = licence.map(|l| LicenceRef {
        number: l.number,
        valid_from: l.valid_from,
        valid_until: l.valid_until,
        status: l.status,
    });
    let fast_track: Option<Applied> = a
        .fast_track
        .as_deref()
        .map(serde_json::from_str)
        .transpose()?;
    let rejection: Option<Rejection> = a
        .rejection
        .as_deref()
        .map(serde_json::from_str)
        .transpose()?;
    // Its documents only for the sides that exchange them; other readers see neither them
    // nor which are missing.
    let ran_there = runs.iter().any(|r| r.deciding_office == a.province_code);
    let exchanges = super::exchange::side_known(db, actor, a, unit.organisation, ran_there)
        .await
        .is_ok();
    let (documents, missing_documents) = if exchanges {
        let docs = super::documents::list(db, a.id).await?;
        let missing = def.missing_documents(docs.iter().map(|d| d.document.as_str()));
        (docs, missing)
    } else {
        (Vec::new(), Vec::new())
    };
    let may_exchange = exchanges && status_of(a)?.takes_exchanges(a.appealed_once);
    let lab_tests = crate::conformity::application_tests(db, a.id).await?;
    Ok(ApplicationView {
        summary: summary(a, &t.code, unit.names.as_ref())?,
        permit_name: super::model::Tri {
            fa: t.name_fa.clone(),
            vi: t.name_vi.clone(),
            en: t.name_en.clone(),
        },
        permit_version: v.version,
        products,
        steps: step_views(def, &plan_of(a)?, &runs)?,
        fast_track,
        rejection: rejection.map(|r| rejection_view(def, &r)),
        appealed_once: a.appealed_once,
        appeal_reason: a.appeal_reason.clone(),
        decided_by_silence: a.decided_by_silence,
        decided_at: a.decided_at,
        licence,
        messages,
        may,
        documents,
        missing_documents,
        may_exchange,
        lab_tests,
    })
}

/// The public tracking page of the application with `code`.
pub async fn track(db: &DatabaseConnection, code: &str) -> Result<TrackView, LicensingError> {
    let code = code.trim().to_ascii_uppercase();
    if code.len() > 20 {
        return Err(LicensingError::NotFound);
    }
    let a = application::Entity::find()
        .filter(application::Column::TrackingCode.eq(code))
        .one(db)
        .await?
        .ok_or(LicensingError::NotFound)?;
    let (_, def) = permit_types::version(db, a.version_id).await?;
    let t = super::permit_types::by_id(db, a.permit_type_id).await?;
    let runs = steps_of(db, a.id).await?;
    let steps = step_views(&def, &plan_of(&a)?, &runs)?
        .into_iter()
        .map(|s| TrackStep {
            name: s.name,
            started_at: s.started_at,
            due_on: s.due_on,
            ended_at: s.ended_at,
            outcome: s.outcome,
        })
        .collect();
    Ok(TrackView {
        tracking_code: a.tracking_code.clone(),
        permit_name: super::model::Tri {
            fa: t.name_fa,
            vi: t.name_vi,
            en: t.name_en,
        },
        province: a.province_code.clone(),
        status: status_of(&a)?,
        steps,
        submitted_on: a.created_at,
        decided_at: a.decided_at,
        decided_by_silence: a.decided_by_silence,
    })
}
