//! A request's test report: released by a second person at the lab (four eyes: never one who
//! prepared it or entered one of its results), only when every clause asked has a result and
//! the lab's accreditation in force still covers each; once released it is immutable, and a
//! correction is a new revision that copies its results, points to it and says why.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use serde_json::json;

use super::entity::{report, request, result};
use super::error::ConformityError;
use super::model::revision::{ProposedRevision, ReportRevision, RevisionError, check_revision};
use super::model::verdict::{Verdict, report_verdict};
use super::results::{DRAFT, RELEASED};
use crate::access::Actor;
use crate::access::conformity as rules;
use crate::audit::{self, Change};
use crate::identity::recipients;
use crate::kernel::FieldError;
use crate::kernel::clock::local_date;
use crate::kernel::save_at_version;
use crate::mail::{self, MailKind};

/// To the requesting organisation's users when a revision of its report is released.
pub const REPORT_RELEASED: MailKind = MailKind::new("test_report_released");

/// The request in the lab's reach, and its latest report.
async fn latest<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    request_id: i64,
) -> Result<(request::Model, Option<report::Model>), ConformityError> {
    let scope = rules::request_scope(actor)?;
    let r = super::query::request(db, &scope, request_id)
        .await?
        .ok_or(ConformityError::NotFound)?;
    let rep = super::query::latest_reports(db, &[request_id])
        .await?
        .remove(&request_id);
    Ok((r, rep))
}

fn revision_error(e: RevisionError) -> ConformityError {
    match e {
        RevisionError::Reason(f) => ConformityError::Invalid(vec![f]),
        other => ConformityError::invalid("form", other.code()),
    }
}

fn snapshot(m: &report::Model) -> serde_json::Value {
    json!({
        "request_id": m.request_id, "revision": m.revision, "supersedes_id": m.supersedes_id,
        "reason": m.reason, "status": m.status, "verdict": m.verdict,
        "prepared_by": m.prepared_by, "released_by": m.released_by, "version": m.version,
    })
}

/// Releases request `request_id`'s open report; its verdict is the verdict over its clauses.
pub async fn release(
    db: &DatabaseConnection,
    actor: &Actor,
    request_id: i64,
    now: DateTime<Utc>,
) -> Result<report::Model, ConformityError> {
    let grant = rules::authorize_results(actor)?;
    let txn = crate::db::begin_write(db).await?;
    let (req, rep) = latest(&txn, actor, request_id).await?;
    let rep = rep.ok_or_else(|| ConformityError::invalid("form", "results_missing"))?;
    if rep.status == RELEASED {
        return Err(revision_error(RevisionError::Released));
    }
    let results = super::query::results_of(&txn, &[rep.id]).await?;
    if rep.prepared_by == actor.user_id() || results.iter().any(|r| r.entered_by == actor.user_id())
    {
        return Err(ConformityError::invalid("form", "four_eyes"));
    }
    let asked: Vec<String> = super::query::clauses_of(&txn, &[request_id])
        .await?
        .into_iter()
        .map(|c| c.clause_number)
        .collect();
    let missing: Vec<&str> = asked
        .iter()
        .filter(|c| !results.iter().any(|r| &r.clause_number == *c))
        .map(String::as_str)
        .collect();
    if !missing.is_empty() {
        return Err(ConformityError::Invalid(vec![
            FieldError::new("form", "results_missing").with_detail(missing.join(", ")),
        ]));
    }
    let country = req.province_code.get(..2).unwrap_or_default();
    let day = local_date(&req.province_code, now);
    let covered = super::query::covering(&txn, country, req.standard_id, &asked, day, |a| {
        a.lab_org_id == grant.lab_org_id() && super::labs::stands(a, now)
    })
    .await?;
    let uncovered: Vec<&str> = asked
        .iter()
        .filter(|c| !covered.iter().any(|k| &k.clause == *c))
        .map(String::as_str)
        .collect();
    if !uncovered.is_empty() {
        return Err(ConformityError::Invalid(vec![
            FieldError::new("form", "clause_not_covered").with_detail(uncovered.join(", ")),
        ]));
    }
    let mut verdicts = vec![];
    for r in &results {
        verdicts.push((
            r.clause_number.as_str(),
            crate::kernel::stored("verdict", &r.verdict, Verdict::parse)?,
        ));
    }
    let verdict = report_verdict(verdicts).map(|v| v.verdict.as_str().to_string());
    let update = report::Entity::update_many()
        .set(report::ActiveModel {
            status: Set(RELEASED.to_string()),
            verdict: Set(verdict),
            released_by: Set(Some(actor.user_id())),
            released_at: Set(Some(now)),
            updated_at: Set(now),
            ..Default::default()
        })
        .filter(report::Column::Id.eq(rep.id))
        .filter(report::Column::Status.eq(DRAFT));
    save_at_version(&txn, update, report::Column::Version, rep.version).await?;
    let after = report::Entity::find_by_id(rep.id)
        .one(&txn)
        .await?
        .ok_or(ConformityError::Conflict)?;
    audit::record(
        &txn,
        Change::by(actor, "test_report.release", "test_report", rep.id)
            .before(snapshot(&rep))
            .after(snapshot(&after)),
    )
    .await?;
    let to = recipients::of_organisation(&txn, req.requester_org_id).await?;
    let args = json!({
        "request": request_id,
        "designation": req.designation,
        "revision": after.revision,
        "verdict": after.verdict.clone().unwrap_or_default(),
        "path": format!("/test-requests/{request_id}"),
    });
    mail::queue(&txn, &to, REPORT_RELEASED, &args).await?;
    txn.commit().await?;
    Ok(after)
}

/// Opens revision `supersedes + 1` of request `request_id`'s released report `supersedes`,
/// with its results copied, to be corrected and released again.
pub async fn revise(
    db: &DatabaseConnection,
    actor: &Actor,
    request_id: i64,
    supersedes: u32,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<report::Model, ConformityError> {
    rules::authorize_results(actor)?;
    let txn = crate::db::begin_write(db).await?;
    let (_, rep) = latest(&txn, actor, request_id).await?;
    let rep = rep.ok_or_else(|| revision_error(RevisionError::NotReleased))?;
    let current = ReportRevision {
        request: request_id,
        revision: u32::try_from(rep.revision).unwrap_or_default(),
        released: rep.status == RELEASED,
    };
    let valid = check_revision(
        &current,
        &ProposedRevision {
            request: request_id,
            revision: supersedes.saturating_add(1),
            supersedes,
            reason: reason.to_string(),
        },
    )
    .map_err(revision_error)?;
    let m = audit::insert(
        &txn,
        report::ActiveModel {
            request_id: Set(request_id),
            lab_org_id: Set(rep.lab_org_id),
            province_code: Set(rep.province_code.clone()),
            revision: Set(i32::try_from(valid.revision).unwrap_or(i32::MAX)),
            supersedes_id: Set(Some(rep.id)),
            reason: Set(valid.reason),
            status: Set(DRAFT.to_string()),
            verdict: Set(None),
            prepared_by: Set(actor.user_id()),
            released_by: Set(None),
            released_at: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
            ..Default::default()
        },
        |m| Change::by(actor, "test_report.revise", "test_report", m.id).after(snapshot(m)),
    )
    .await
    .map_err(|e| super::results::raced(e.into()))?;
    let copies: Vec<result::ActiveModel> = super::query::results_of(&txn, &[rep.id])
        .await?
        .into_iter()
        .map(|r| result::ActiveModel {
            report_id: Set(m.id),
            clause_number: Set(r.clause_number),
            lab_result_id: Set(r.lab_result_id),
            value: Set(r.value),
            unit: Set(r.unit),
            uncertainty: Set(r.uncertainty),
            coverage: Set(r.coverage),
            category: Set(r.category),
            judged_value: Set(r.judged_value),
            judged_uncertainty: Set(r.judged_uncertainty),
            judged_unit: Set(r.judged_unit),
            verdict: Set(r.verdict),
            method: Set(r.method),
            instrument_id: Set(r.instrument_id),
            measured_on: Set(r.measured_on),
            entered_by: Set(r.entered_by),
            created_at: Set(now),
            ..Default::default()
        })
        .collect();
    if !copies.is_empty() {
        result::Entity::insert_many(copies).exec(&txn).await?;
    }
    txn.commit().await?;
    Ok(m)
}
