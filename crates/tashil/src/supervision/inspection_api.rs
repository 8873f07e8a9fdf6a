//! JSON API of inspections under `/api/v1/supervision/inspections`: schedule and list them,
//! start one (its checklist generated), save each answer alone (409 when stale), record the
//! unit's signature or refusal, record findings, the unit's CAPA and the inspector's review.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::api::PageQuery;
use super::findings::{self, CapaDraft, FindingDraft, FindingView, FindingsQuery, ReviewDraft};
use super::inspections::{
    self, AnswerDraft, InspectionRow, InspectionView, ItemView, RecordDraft, ScheduleDraft,
};
use crate::web::{AppError, AppState, Authed};

pub(super) fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, schedule))
        .routes(routes!(get))
        .routes(routes!(start))
        .routes(routes!(answer))
        .routes(routes!(record))
        .routes(routes!(add_finding))
        .routes(routes!(list_findings))
        .routes(routes!(get_finding))
        .routes(routes!(capa))
        .routes(routes!(review))
}

/// The version of the record a change starts from.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct VersionBody {
    pub version: i32,
}

#[utoipa::path(get, path = "/api/v1/supervision/inspections", tag = "supervision", params(PageQuery),
    responses((status = 200, body = [InspectionRow], description = "the inspections in reach: today's first (an inspector's own first among them), then latest day first; a unit's own once started; 50 a page"),
        (status = 401), (status = 403, description = "labs, agencies")))]
pub async fn list(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Query(p): Query<PageQuery>,
) -> Result<Json<Vec<InspectionRow>>, AppError> {
    Ok(Json(
        inspections::list(&s.db, &actor, p.page, s.clock.now()).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/supervision/inspections", tag = "supervision", request_body = ScheduleDraft,
    responses((status = 201, body = InspectionView, description = "scheduled, audited"),
        (status = 403, description = "not a provincial officer"),
        (status = 404, description = "the unit is not of the officer's province"),
        (status = 422, description = "`inspector_id` `invalid_choice` (not an inspector of the province), `scheduled_on` `in_the_past`, `plan_id` `invalid_choice` or `not_in_plan`")))]
pub async fn schedule(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Json(d): Json<ScheduleDraft>,
) -> Result<(StatusCode, Json<InspectionView>), AppError> {
    let v = inspections::schedule(&s.db, &actor, &d, s.clock.now()).await?;
    Ok((StatusCode::CREATED, Json(v)))
}

#[utoipa::path(get, path = "/api/v1/supervision/inspections/{id}", tag = "supervision",
    params(("id" = i64, Path, description = "Inspection id")),
    responses((status = 200, body = InspectionView), (status = 403),
        (status = 404, description = "absent or not the caller's to see")))]
pub async fn get(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(id): Path<i64>,
) -> Result<Json<InspectionView>, AppError> {
    Ok(Json(
        inspections::get(&s.db, &actor, id, s.clock.now()).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/supervision/inspections/{id}/start", tag = "supervision", request_body = VersionBody,
    params(("id" = i64, Path, description = "Inspection id")),
    responses((status = 200, body = InspectionView, description = "in progress, its checklist generated from the standards of the unit's products and the general items"),
        (status = 403, description = "not an inspector"), (status = 404),
        (status = 409, description = "`supervision_state_conflict`: started already, or `version` stale")))]
pub async fn start(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(id): Path<i64>,
    Json(b): Json<VersionBody>,
) -> Result<Json<InspectionView>, AppError> {
    Ok(Json(
        inspections::start(&s.db, &actor, id, b.version, s.clock.now()).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/supervision/inspections/{id}/items/{item_id}", tag = "supervision", request_body = AnswerDraft,
    params(("id" = i64, Path, description = "Inspection id"), ("item_id" = i64, Path, description = "Checklist item id")),
    responses((status = 200, body = ItemView, description = "the answer saved alone, audited; its new version"),
        (status = 403, description = "not an inspector"), (status = 404),
        (status = 409, description = "`supervision_state_conflict`: the item's `version` is stale, or the inspection is not in progress"),
        (status = 422, description = "`note` `too_long`")))]
pub async fn answer(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path((id, item_id)): Path<(i64, i64)>,
    Json(d): Json<AnswerDraft>,
) -> Result<Json<ItemView>, AppError> {
    Ok(Json(
        inspections::answer(&s.db, &actor, id, item_id, &d, s.clock.now()).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/supervision/inspections/{id}/record", tag = "supervision", request_body = RecordDraft,
    params(("id" = i64, Path, description = "Inspection id")),
    responses((status = 200, body = InspectionView, description = "recorded (read only from now on): signed by the unit, or its refusal noted"),
        (status = 403, description = "an inspector signing for the unit, or a role that may do neither"), (status = 404),
        (status = 409, description = "not in progress, or `version` stale"),
        (status = 422, description = "`reason` `required`; `checklist` `unanswered`")))]
pub async fn record(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(id): Path<i64>,
    Json(d): Json<RecordDraft>,
) -> Result<Json<InspectionView>, AppError> {
    Ok(Json(
        inspections::record(&s.db, &actor, id, &d, s.clock.now()).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/supervision/inspections/{id}/findings", tag = "supervision", request_body = FindingDraft,
    params(("id" = i64, Path, description = "Inspection id")),
    responses((status = 201, body = FindingView, description = "recorded, audited; a major or critical one owes a CAPA by `capa_due_on`"),
        (status = 403, description = "not an inspector"), (status = 404),
        (status = 409, description = "the inspection is not in progress"),
        (status = 422, description = "`description` `required`; `item_id` `invalid_choice` or `not_non_compliant`")))]
pub async fn add_finding(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(id): Path<i64>,
    Json(d): Json<FindingDraft>,
) -> Result<(StatusCode, Json<FindingView>), AppError> {
    let v = findings::add(&s.db, &actor, id, &d, s.clock.now()).await?;
    Ok((StatusCode::CREATED, Json(v)))
}

#[utoipa::path(get, path = "/api/v1/supervision/inspections/findings", tag = "supervision", params(FindingsQuery),
    responses((status = 200, body = [FindingView], description = "the findings in reach, latest first; 50 a page"),
        (status = 403, description = "labs, agencies")))]
pub async fn list_findings(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Query(q): Query<FindingsQuery>,
) -> Result<Json<Vec<FindingView>>, AppError> {
    Ok(Json(findings::list(&s.db, &actor, q, s.clock.now()).await?))
}

#[utoipa::path(get, path = "/api/v1/supervision/inspections/findings/{id}", tag = "supervision",
    params(("id" = i64, Path, description = "Finding id")),
    responses((status = 200, body = FindingView), (status = 404, description = "absent or not the caller's to see")))]
pub async fn get_finding(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(id): Path<i64>,
) -> Result<Json<FindingView>, AppError> {
    Ok(Json(findings::get(&s.db, &actor, id, s.clock.now()).await?))
}

#[utoipa::path(post, path = "/api/v1/supervision/inspections/findings/{id}/capa", tag = "supervision", request_body = CapaDraft,
    params(("id" = i64, Path, description = "Finding id")),
    responses((status = 200, body = FindingView, description = "the unit's CAPA, submitted for the inspector's review"),
        (status = 403, description = "not the unit's user"), (status = 404),
        (status = 409, description = "a minor finding, or not awaiting a CAPA, or `version` stale"),
        (status = 422, description = "`cause`, `correction`, `preventive` `required`; `planned_on` `in_the_past`")))]
pub async fn capa(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(id): Path<i64>,
    Json(d): Json<CapaDraft>,
) -> Result<Json<FindingView>, AppError> {
    Ok(Json(
        findings::submit_capa(&s.db, &actor, id, &d, s.clock.now()).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/supervision/inspections/findings/{id}/review", tag = "supervision", request_body = ReviewDraft,
    params(("id" = i64, Path, description = "Finding id")),
    responses((status = 200, body = FindingView, description = "closed (verified `on_site` or from `evidence`) or returned to the unit with a reason"),
        (status = 403, description = "not an inspector"), (status = 404),
        (status = 409, description = "no CAPA to review (a major finding closes only once its CAPA is in), or `version` stale"),
        (status = 422, description = "`reason` `required`")))]
pub async fn review(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(id): Path<i64>,
    Json(d): Json<ReviewDraft>,
) -> Result<Json<FindingView>, AppError> {
    Ok(Json(
        findings::review(&s.db, &actor, id, &d, s.clock.now()).await?,
    ))
}
