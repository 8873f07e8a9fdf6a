//! Use cases of test requests: the labs offered for chosen clauses of a standard, sending a
//! request to one that covers them all, reading requests through the actor's scope, and the
//! lab's answer.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{DatabaseConnection, Set};
use serde_json::json;

use super::entity::{request, request_clause};
use super::error::ConformityError;
use super::model::request::{DeclineDraft, Purpose, RequestStatus, TestRequestDraft};
use super::model::scope::{Offer, offers as offers_for};
use super::query;
use super::view::{OfferView, OrgName, TestRequestView};
use crate::access::Actor;
use crate::access::conformity::{self as rules, RequestGrant, RequestScope, RequesterKind};
use crate::audit::{self, Change};
use crate::kernel::clock::local_date;
use crate::kernel::{FieldError, Paging};

pub(super) const PAGE: u64 = 50;

/// The labs of the grant's country that cover the clauses asked of `standard_id` with an
/// accreditation in force on their province's day: first those covering all; checked against
/// the catalogue as `actor` reads it.
async fn offers_in(
    db: &DatabaseConnection,
    actor: &Actor,
    grant: &RequestGrant,
    standard_id: i64,
    clauses: &[String],
    now: DateTime<Utc>,
) -> Result<(String, Vec<Offer>), ConformityError> {
    let s = crate::standards::get(db, Some(actor), standard_id, now).await?;
    if let Some(c) = clauses
        .iter()
        .find(|c| !s.clauses.iter().any(|k| &k.number == *c))
    {
        return Err(ConformityError::Invalid(vec![
            FieldError::new("clauses", "unknown_clause").with_detail(c.clone()),
        ]));
    }
    let day = local_date(grant.province(), now);
    let country = grant.province().get(..2).unwrap_or_default();
    let rows = query::covering(db, country, standard_id, clauses, day, |a| {
        super::labs::stands(a, now)
    })
    .await?;
    Ok((s.designation, offers_for(clauses, &rows)))
}

/// The labs a request for `clauses` of standard `standard_id` may go to (and those covering
/// part of it, so the requester can split).
pub async fn offers(
    db: &DatabaseConnection,
    actor: &Actor,
    standard_id: i64,
    clauses: &[String],
    now: DateTime<Utc>,
) -> Result<Vec<OfferView>, ConformityError> {
    let grant = rules::authorize_request(actor)?;
    let clauses = super::model::scope::clause_list(clauses);
    if clauses.is_empty() {
        return Err(ConformityError::invalid("clauses", "required"));
    }
    if clauses.len() > super::model::request::MAX_CLAUSES {
        return Err(ConformityError::invalid("clauses", "too_long"));
    }
    let (_, found) = offers_in(db, actor, &grant, standard_id, &clauses, now).await?;
    let names =
        crate::identity::organisation_names(db, found.iter().map(|o| o.lab_org_id).collect())
            .await?;
    Ok(found
        .into_iter()
        .map(|o| OfferView {
            lab: OrgName::of(&names, o.lab_org_id),
            covers_all: o.covers_all(),
            lab_org_id: o.lab_org_id,
            covered: o.covered,
            missing: o.missing,
            turnaround_days: o.turnaround_days,
        })
        .collect())
}

fn purpose_for(kind: RequesterKind, asked: Option<Purpose>) -> Result<Purpose, ConformityError> {
    match (kind, asked) {
        (RequesterKind::Unit, None) => Ok(Purpose::OwnUnit),
        (RequesterKind::Unit, Some(p @ (Purpose::OwnUnit | Purpose::Application))) => Ok(p),
        (RequesterKind::Inspector, None | Some(Purpose::MarketSample)) => Ok(Purpose::MarketSample),
        _ => Err(ConformityError::invalid("purpose", "not_for_requester")),
    }
}

fn snapshot(m: &request::Model, clauses: &[String]) -> serde_json::Value {
    json!({
        "province": m.province_code, "requester_org_id": m.requester_org_id,
        "purpose": m.purpose, "application_id": m.application_id,
        "standard_id": m.standard_id, "designation": m.designation, "clauses": clauses,
        "lab_org_id": m.lab_org_id, "quoted_days": m.quoted_days, "decision_rule": m.decision_rule, "status": m.status,
        "decline_reason": m.decline_reason, "version": m.version,
    })
}

/// A unit asks tests for its own application only: one of its organisation's units applied.
/// Another's, or none, reads alike.
async fn own_application(
    db: &DatabaseConnection,
    actor: &Actor,
    application_id: Option<i64>,
) -> Result<(), ConformityError> {
    let Some(id) = application_id else {
        return Err(ConformityError::invalid("application_id", "required"));
    };
    match crate::licensing::applicant_organisation(db, id).await? {
        Some(org) if org == actor.organisation_id() => Ok(()),
        _ => Err(ConformityError::invalid(
            "application_id",
            "application_not_yours",
        )),
    }
}

/// Sends a request to a lab that covers every clause asked with an accreditation in force
/// today; the lab's quote is kept with it.
pub async fn send(
    db: &DatabaseConnection,
    actor: &Actor,
    draft: &TestRequestDraft,
    now: DateTime<Utc>,
) -> Result<TestRequestView, ConformityError> {
    let grant = rules::authorize_request(actor)?;
    let v = draft.validate().map_err(ConformityError::Invalid)?;
    let purpose = purpose_for(grant.kind(), v.purpose)?;
    if purpose == Purpose::Application {
        own_application(db, actor, v.application_id).await?;
    }
    let (designation, found) = offers_in(db, actor, &grant, v.standard_id, &v.clauses, now).await?;
    let Some(offer) = found
        .iter()
        .find(|o| o.lab_org_id == v.lab_org_id && o.covers_all())
    else {
        return Err(ConformityError::invalid("lab_org_id", "lab_not_offered"));
    };
    let txn = crate::db::begin_write(db).await?;
    let am = request::ActiveModel {
        province_code: Set(grant.province().to_string()),
        requester_org_id: Set(actor.organisation_id()),
        requester_user_id: Set(actor.user_id()),
        purpose: Set(purpose.as_str().to_string()),
        application_id: Set(v.application_id),
        standard_id: Set(v.standard_id),
        designation: Set(designation),
        lab_org_id: Set(v.lab_org_id),
        quoted_days: Set(offer.turnaround_days),
        note: Set(v.note),
        decision_rule: Set(v.decision_rule.as_str().to_string()),
        status: Set(RequestStatus::Sent.as_str().to_string()),
        decline_reason: Set(None),
        answered_by: Set(None),
        answered_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
        ..Default::default()
    };
    let clauses = v.clauses;
    let m = audit::insert(&txn, am, |m| {
        Change::by(actor, "test_request.send", "test_request", m.id).after(snapshot(m, &clauses))
    })
    .await?;
    let rows: Vec<request_clause::ActiveModel> = clauses
        .iter()
        .map(|c| request_clause::ActiveModel {
            request_id: Set(m.id),
            clause_number: Set(c.clone()),
            ..Default::default()
        })
        .collect();
    use sea_orm::EntityTrait;
    request_clause::Entity::insert_many(rows).exec(&txn).await?;
    txn.commit().await?;
    Ok(views(db, vec![m]).await?.remove(0))
}

async fn views(
    db: &DatabaseConnection,
    rows: Vec<request::Model>,
) -> Result<Vec<TestRequestView>, ConformityError> {
    let ids: Vec<i64> = rows.iter().map(|m| m.id).collect();
    let mut clauses: HashMap<i64, Vec<String>> = HashMap::new();
    for c in query::clauses_of(db, &ids).await? {
        clauses
            .entry(c.request_id)
            .or_default()
            .push(c.clause_number);
    }
    let orgs = rows
        .iter()
        .flat_map(|m| [m.lab_org_id, m.requester_org_id])
        .collect();
    let names = crate::identity::organisation_names(db, orgs).await?;
    rows.into_iter()
        .map(|m| {
            Ok(TestRequestView {
                purpose: crate::kernel::stored("request purpose", &m.purpose, Purpose::parse)?,
                status: crate::kernel::stored("request status", &m.status, RequestStatus::parse)?,
                clauses: clauses.remove(&m.id).unwrap_or_default(),
                lab: OrgName::of(&names, m.lab_org_id),
                requester: OrgName::of(&names, m.requester_org_id),
                id: m.id,
                province: m.province_code,
                application_id: m.application_id,
                standard_id: m.standard_id,
                designation: m.designation,
                lab_org_id: m.lab_org_id,
                requester_org_id: m.requester_org_id,
                quoted_days: m.quoted_days,
                decision_rule: crate::kernel::stored(
                    "decision rule",
                    &m.decision_rule,
                    super::model::verdict::DecisionRule::parse,
                )?,
                note: m.note,
                decline_reason: m.decline_reason,
                answered_at: m.answered_at,
                created_at: m.created_at,
                version: m.version,
            })
        })
        .collect()
}

async fn load<C: sea_orm::ConnectionTrait>(
    db: &C,
    scope: &RequestScope,
    id: i64,
) -> Result<request::Model, ConformityError> {
    query::request(db, scope, id)
        .await?
        .ok_or(ConformityError::NotFound)
}

pub async fn get(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
) -> Result<TestRequestView, ConformityError> {
    let scope = rules::request_scope(actor)?;
    let m = load(db, &scope, id).await?;
    Ok(views(db, vec![m]).await?.remove(0))
}

/// What the request list may be narrowed by.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RequestFilter {
    /// `sent`, `accepted` or `declined`.
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub page: Option<u64>,
}

/// The requests `actor` may read, newest first, 50 a page.
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    f: &RequestFilter,
) -> Result<Vec<TestRequestView>, ConformityError> {
    let scope = rules::request_scope(actor)?;
    let status = f.status.as_deref().and_then(RequestStatus::parse);
    let rows = query::request_page(db, &scope, status, Paging::fixed(f.page, PAGE)).await?;
    views(db, rows).await
}

/// The addressed lab's answer: reads the request through the actor's scope (out of reach is
/// `NotFound`), asks for the lab's grant, writes only a request still sent, and audits.
async fn answer(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    to: RequestStatus,
    reason: Option<String>,
    now: DateTime<Utc>,
) -> Result<TestRequestView, ConformityError> {
    let scope = rules::request_scope(actor)?;
    let txn = crate::db::begin_write(db).await?;
    let before = load(&txn, &scope, id).await?;
    let grant = rules::authorize_answer(actor, before.lab_org_id)?;
    let change = request::ActiveModel {
        status: Set(to.as_str().to_string()),
        decline_reason: Set(reason),
        answered_by: Set(Some(actor.user_id())),
        answered_at: Set(Some(now)),
        updated_at: Set(now),
        version: Set(before.version + 1),
        ..Default::default()
    };
    if !query::answer(&txn, &grant, id, before.version, change).await? {
        return Err(ConformityError::Conflict);
    }
    let after = load(&txn, &scope, id).await?;
    let clauses: Vec<String> = query::clauses_of(&txn, &[id])
        .await?
        .into_iter()
        .map(|c| c.clause_number)
        .collect();
    let action = match to {
        RequestStatus::Accepted => "test_request.accept",
        _ => "test_request.decline",
    };
    audit::record(
        &txn,
        Change::by(actor, action, "test_request", id)
            .before(snapshot(&before, &clauses))
            .after(snapshot(&after, &clauses)),
    )
    .await?;
    txn.commit().await?;
    Ok(views(db, vec![after]).await?.remove(0))
}

pub async fn accept(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    now: DateTime<Utc>,
) -> Result<TestRequestView, ConformityError> {
    answer(db, actor, id, RequestStatus::Accepted, None, now).await
}

pub async fn decline(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    draft: &DeclineDraft,
    now: DateTime<Utc>,
) -> Result<TestRequestView, ConformityError> {
    let reason = draft.validate().map_err(ConformityError::Invalid)?;
    answer(db, actor, id, RequestStatus::Declined, Some(reason), now).await
}
