//! Market samples of an inspection: the inspector of an open inspection sends a sample to an
//! accredited lab through conformity assessment (`conformity::send`, purpose market_sample),
//! and the request is linked to the inspection, so its page shows the request and, once
//! released, its report's verdict. Conformity's own scope decides who reads each request
//! (another province's inspector: neither the inspection nor the request).

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder,
};
use serde::Serialize;
use serde_json::json;

use super::error::SupervisionError;
use super::evidence_entity::sample;
use super::inspections::reached;
use super::model::inspection::Status;
use crate::access::Actor;
use crate::access::supervision as rules;
use crate::audit::{self, Change};
use crate::conformity::{
    ConformityError, ReportStatus, TestRequestDraft, TestRequestView, Verdict,
};

/// A sample sent from an inspection: the request as conformity shows it, and the verdict of
/// its latest released report once there is one.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct InspectionSample {
    pub request: TestRequestView,
    pub verdict: Option<Verdict>,
    /// Clauses the released report fails.
    pub failing: Vec<String>,
}

/// Conformity's refusal as the inspection's: the same kind of failure.
fn desk(e: ConformityError) -> SupervisionError {
    match e {
        ConformityError::Denied(d) => SupervisionError::Denied(d),
        ConformityError::NotFound => SupervisionError::NotFound,
        ConformityError::Invalid(errs) => SupervisionError::Invalid(errs),
        ConformityError::Conflict => SupervisionError::Conflict,
        ConformityError::Db(e) => SupervisionError::Db(e),
        ConformityError::Of(never, _) => match never {},
    }
}

/// Inspection `id` if the actor may send a sample from it: the inspector of its province,
/// while it is in progress (out of reach: 404; another role: 403; not in progress: 409).
pub(super) async fn sender_of(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    id: i64,
) -> Result<super::inspection_entity::inspection::Model, SupervisionError> {
    let scope = rules::inspection_scope(actor)?;
    let m = reached(db, &scope, id).await?;
    let g = rules::authorize_inspect(actor)?;
    if g.province() != m.province_code {
        return Err(SupervisionError::NotFound);
    }
    if m.status != Status::InProgress.as_str() {
        return Err(SupervisionError::Conflict);
    }
    Ok(m)
}

/// The inspector of the inspection's province sends a market sample from it while it is in
/// progress. The request is written by conformity's own use case (its audit entry
/// `test_request.send`), then linked here (`supervision.sample.send`): two transactions, as
/// one write never begins inside another; a link that failed leaves a request conformity
/// shows on its own lists.
pub async fn send(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    inspection_id: i64,
    draft: &TestRequestDraft,
    now: DateTime<Utc>,
) -> Result<TestRequestView, SupervisionError> {
    let m = sender_of(db, actor, inspection_id).await?;
    let mut d = draft.clone();
    d.purpose = "market_sample".into();
    d.application_id = String::new();
    let request = crate::conformity::send(db, actor, &d, now)
        .await
        .map_err(desk)?;
    let txn = crate::db::begin_write(db).await?;
    let link = sample::ActiveModel {
        inspection_id: Set(m.id),
        province_code: Set(m.province_code.clone()),
        request_id: Set(request.id),
        sent_by: Set(actor.user_id()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        Change::by(
            actor,
            "supervision.sample.send",
            "supervision_inspection_sample",
            link.id,
        )
        .after(json!({
            "inspection_id": m.id, "request_id": request.id, "lab_org_id": request.lab_org_id,
            "standard_id": request.standard_id, "clauses": request.clauses,
        })),
    )
    .await?;
    txn.commit().await?;
    Ok(request)
}

/// The samples of inspection `id` that the reader reads (the inspection's readers; each
/// request as conformity's scope lets the reader see it, so a unit sees none it did not send).
pub async fn of_inspection(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    id: i64,
    now: DateTime<Utc>,
) -> Result<Vec<InspectionSample>, SupervisionError> {
    let scope = rules::inspection_scope(actor)?;
    reached(db, &scope, id).await?;
    let links = sample::Entity::find()
        .filter(sample::Column::InspectionId.eq(id))
        .order_by_asc(sample::Column::Id)
        .all(db)
        .await?;
    let mut out = vec![];
    for l in links {
        let request = match crate::conformity::request(db, actor, l.request_id).await {
            Ok(r) => r,
            Err(ConformityError::NotFound | ConformityError::Denied(_)) => continue,
            Err(e) => return Err(desk(e)),
        };
        let report = crate::conformity::report(db, actor, l.request_id, now)
            .await
            .map_err(desk)?;
        let released = report
            .latest
            .filter(|r| matches!(r.status, ReportStatus::Released));
        out.push(InspectionSample {
            request,
            verdict: released.as_ref().and_then(|r| r.verdict),
            failing: released.map(|r| r.failing).unwrap_or_default(),
        });
    }
    Ok(out)
}
