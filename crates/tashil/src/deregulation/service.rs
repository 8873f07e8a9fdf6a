//! Use cases of the register: report a rule, read reports, and the board's review, decision
//! and publication. Each asks `access::deregulation` for a scope or a grant, reads through
//! `query`, and writes and audits in one transaction.

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, Set};
use serde_json::json;

use super::entity::report;
use super::model::{
    BoardMove, Decision, DecisionDraft, RegulationDraft, RegulationFilter, RegulationStatus,
    RegulationSummary, RegulationView,
};
use super::query;
use crate::access::Actor;
use crate::access::deregulation::{self as rules, RegulationScope};
use crate::audit::{self, Change};
use crate::db::dialect;

/// Serialises numbering and moves in the register per installation (arbitrary, fixed).
const REGISTER_LOCK: i64 = 0x7461_7368_696c_0005;

/// The conflict code when a report is not in a state that allows the move (stable).
pub const STATE_CONFLICT: &str = "regulation_state_conflict";

/// Every error code this context adds (each has an `err-…` message in every language).
pub const ERROR_CODES: &[&str] = &[STATE_CONFLICT];

pub(super) const PAGE: u64 = 50;

/// The register's reports (the conflict code of a move their state forbids).
#[derive(Debug)]
pub struct Reports;

impl crate::kernel::StateConflict for Reports {
    const CODE: &'static str = STATE_CONFLICT;
}

pub type DeregulationError = crate::kernel::DeskError<Reports>;

pub(super) fn status_of(m: &report::Model) -> Result<RegulationStatus, DbErr> {
    crate::kernel::stored("regulation status", &m.status, RegulationStatus::parse)
}

pub(super) fn decision_of(m: &report::Model) -> Option<Decision> {
    m.decision.as_deref().and_then(Decision::parse)
}

fn summary(m: &report::Model) -> Result<RegulationSummary, DbErr> {
    Ok(RegulationSummary {
        id: m.id,
        number: m.number.clone(),
        province: m.province_code.clone(),
        rule_title: m.rule_title.clone(),
        issuing_agency: m.issuing_agency.clone(),
        status: status_of(m)?,
        decision: decision_of(m),
        created_at: m.created_at,
    })
}

fn view(m: report::Model, scope: &RegulationScope) -> Result<RegulationView, DbErr> {
    let private = scope.sees_reporter();
    Ok(RegulationView {
        summary: summary(&m)?,
        source: m.source,
        annual_cost: m.annual_cost,
        hours_lost: m.hours_lost,
        decision_text: m.decision_text,
        decided_at: m.decided_at,
        published_at: m.published_at,
        description: private.then_some(m.description),
        reporter_org_id: private.then_some(m.reporter_org_id),
        reporter_user_id: private.then_some(m.reporter_user_id),
        decided_by: m.decided_by.filter(|_| private),
        version: m.version,
    })
}

fn snapshot(m: &report::Model) -> serde_json::Value {
    json!({
        "number": m.number, "province": m.province_code, "rule_title": m.rule_title,
        "source": m.source, "issuing_agency": m.issuing_agency, "description": m.description,
        "annual_cost": m.annual_cost, "hours_lost": m.hours_lost, "status": m.status,
        "decision": m.decision, "decision_text": m.decision_text, "version": m.version,
    })
}

/// Reports a rule in the actor's province at `now` (numbered in the year of the province's
/// calendar on its office's clock).
pub async fn report(
    db: &DatabaseConnection,
    actor: &Actor,
    draft: &RegulationDraft,
    now: DateTime<Utc>,
) -> Result<RegulationSummary, DeregulationError> {
    let grant = rules::authorize_report(actor)?;
    let v = draft.validate().map_err(DeregulationError::Invalid)?;
    let txn = crate::db::begin_write(db).await?;
    dialect::lock_chain(&txn, REGISTER_LOCK).await?;
    let number = query::next_number(&txn, &grant, now).await?;
    let am = report::ActiveModel {
        number: Set(number),
        province_code: Set(grant.province().to_string()),
        reporter_org_id: Set(actor.organisation_id()),
        reporter_user_id: Set(actor.user_id()),
        rule_title: Set(v.rule_title),
        source: Set(v.source),
        issuing_agency: Set(v.issuing_agency),
        description: Set(v.description),
        annual_cost: Set(v.annual_cost),
        hours_lost: Set(v.hours_lost),
        status: Set(RegulationStatus::Reported.as_str().to_string()),
        decision: Set(None),
        decision_text: Set(None),
        decided_by: Set(None),
        decided_at: Set(None),
        published_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
        ..Default::default()
    };
    let m = audit::insert(&txn, am, |m| {
        Change::by(actor, "regulation.report", "regulation_report", m.id).after(snapshot(m))
    })
    .await?;
    txn.commit().await?;
    Ok(summary(&m)?)
}

/// Report `id` inside `scope`, or `NotFound`.
async fn load<C: ConnectionTrait>(
    db: &C,
    scope: &RegulationScope,
    id: i64,
) -> Result<report::Model, DeregulationError> {
    query::one(db, scope, id)
        .await?
        .ok_or(DeregulationError::NotFound)
}

pub async fn get(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
) -> Result<RegulationView, DeregulationError> {
    let scope = rules::regulation_scope(actor)?;
    let m = load(db, &scope, id).await?;
    Ok(view(m, &scope)?)
}

/// The reports `actor` may read, newest first, 50 a page.
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    f: &RegulationFilter,
) -> Result<Vec<RegulationSummary>, DeregulationError> {
    let scope = rules::regulation_scope(actor)?;
    let paging = crate::kernel::Paging::fixed(f.page, PAGE);
    Ok(query::page(db, &scope, f, paging)
        .await?
        .iter()
        .map(summary)
        .collect::<Result<_, _>>()?)
}

/// One move of the board at `now`: reads the report through the actor's scope (out of reach
/// is `NotFound`), asks for the board's grant over its province (`Forbidden`), lets `change`
/// check its input and set the new values, checks the state, writes only if nobody moved the
/// report meanwhile, and audits, in one transaction.
async fn board_move(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    step: BoardMove,
    now: DateTime<Utc>,
    change: impl FnOnce(&mut report::ActiveModel) -> Result<(), DeregulationError>,
) -> Result<RegulationView, DeregulationError> {
    let scope = rules::regulation_scope(actor)?;
    let txn = crate::db::begin_write(db).await?;
    dialect::lock_chain(&txn, REGISTER_LOCK).await?;
    let before = load(&txn, &scope, id).await?;
    let grant = rules::authorize_board(actor, &before.province_code)?;
    let mut am = report::ActiveModel {
        updated_at: Set(now),
        version: Set(before.version + 1),
        ..Default::default()
    };
    change(&mut am)?;
    if !step.from().contains(&status_of(&before)?) {
        return Err(DeregulationError::Conflict);
    }
    if !query::board_update(&txn, &grant, id, before.version, am).await? {
        return Err(DeregulationError::Conflict);
    }
    let after = load(&txn, &scope, id).await?;
    audit::record(
        &txn,
        Change::by(actor, step.action(), "regulation_report", id)
            .before(snapshot(&before))
            .after(snapshot(&after)),
    )
    .await?;
    txn.commit().await?;
    Ok(view(after, &scope)?)
}

/// The board's secretariat takes a reported rule under review.
pub async fn review(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    now: DateTime<Utc>,
) -> Result<RegulationView, DeregulationError> {
    board_move(db, actor, id, BoardMove::Review, now, |am| {
        am.status = Set(RegulationStatus::UnderReview.as_str().to_string());
        Ok(())
    })
    .await
}

/// Records the board's decision on a rule under review (or corrects it before publishing).
pub async fn decide(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    draft: &DecisionDraft,
    now: DateTime<Utc>,
) -> Result<RegulationView, DeregulationError> {
    board_move(db, actor, id, BoardMove::Decide, now, |am| {
        let v = draft.validate().map_err(DeregulationError::Invalid)?;
        am.status = Set(RegulationStatus::Decided.as_str().to_string());
        am.decision = Set(Some(v.decision.as_str().to_string()));
        am.decision_text = Set(Some(v.text));
        am.decided_by = Set(Some(actor.user_id()));
        am.decided_at = Set(Some(now));
        Ok(())
    })
    .await
}

/// Publishes a decided rule: from now on anyone may read the decision.
pub async fn publish(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    now: DateTime<Utc>,
) -> Result<RegulationView, DeregulationError> {
    board_move(db, actor, id, BoardMove::Publish, now, |am| {
        am.status = Set(RegulationStatus::Published.as_str().to_string());
        am.published_at = Set(Some(now));
        Ok(())
    })
    .await
}
