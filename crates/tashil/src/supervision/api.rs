//! JSON API of supervision under `/api/v1/supervision`: the units in reach ranked by risk,
//! one unit's score explained, and the weights (read by whoever reads scores, set by the
//! national body).

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::model::risk::Weights;
use super::plans::{self, CapacityDraft, PlanEdit, PlanView, ProposalDraft};
use super::scores;
use super::view::{Explanation, RiskRow};
use super::weights::{self, WeightsInForce};
use crate::web::{AppError, AppState, Authed};

pub(super) fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(ranked))
        .routes(routes!(explain))
        .routes(routes!(get_weights, put_weights))
        .routes(routes!(put_capacity))
        .routes(routes!(list_plans, propose_plan))
        .routes(routes!(get_plan))
        .routes(routes!(edit_plan))
        .routes(routes!(approve_plan))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    pub page: Option<u64>,
}

#[utoipa::path(get, path = "/api/v1/supervision/risk", tag = "supervision", params(PageQuery),
    responses((status = 200, body = [RiskRow], description = "the units in reach (the province's, or all for the national body), highest score first, 50 a page"),
        (status = 401), (status = 403, description = "units, labs, agencies")))]
pub async fn ranked(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Query(p): Query<PageQuery>,
) -> Result<Json<Vec<RiskRow>>, AppError> {
    Ok(Json(scores::ranked(&s.db, &actor, p.page).await?))
}

#[utoipa::path(get, path = "/api/v1/supervision/risk/{unit_id}", tag = "supervision",
    params(("unit_id" = i64, Path, description = "Unit id")),
    responses((status = 200, body = Explanation, description = "each factor's value, weight and contribution; `no_data` where its source does not exist yet"),
        (status = 404, description = "not scored, or not the caller's to see")))]
pub async fn explain(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(unit_id): Path<i64>,
) -> Result<Json<Explanation>, AppError> {
    Ok(Json(scores::explain(&s.db, &actor, unit_id).await?))
}

#[utoipa::path(get, path = "/api/v1/supervision/weights", tag = "supervision",
    responses((status = 200, body = WeightsInForce), (status = 403)))]
pub async fn get_weights(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
) -> Result<Json<WeightsInForce>, AppError> {
    Ok(Json(weights::current(&s.db, &actor).await?))
}

/// New weights, naming the version they replace.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct WeightsChange {
    pub version: i32,
    pub weights: Weights,
}

#[utoipa::path(put, path = "/api/v1/supervision/weights", tag = "supervision", request_body = WeightsChange,
    responses((status = 200, body = WeightsInForce, description = "stored as the next version, audited; every stored score rescored"),
        (status = 403, description = "not the national body"),
        (status = 409, description = "`supervision_state_conflict`: changed since `version`"),
        (status = 422, description = "problem+json with `errors` per weight (`value_out_of_range`)")))]
pub async fn put_weights(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Json(c): Json<WeightsChange>,
) -> Result<Json<WeightsInForce>, AppError> {
    Ok(Json(
        weights::set(&s.db, &actor, c.weights, c.version, s.clock.now()).await?,
    ))
}

#[utoipa::path(put, path = "/api/v1/supervision/capacity", tag = "supervision", request_body = CapacityDraft,
    responses((status = 204, description = "the caller's office's capacity for the period, audited"),
        (status = 403, description = "not a provincial officer"),
        (status = 422, description = "`period`, `inspector_days`, `days_per_inspection`")))]
pub async fn put_capacity(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Json(d): Json<CapacityDraft>,
) -> Result<StatusCode, AppError> {
    plans::set_capacity(&s.db, &actor, &d, s.clock.now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/api/v1/supervision/plans", tag = "supervision",
    responses((status = 200, body = [PlanView], description = "the plans in reach, latest period first"), (status = 403)))]
pub async fn list_plans(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
) -> Result<Json<Vec<PlanView>>, AppError> {
    Ok(Json(plans::list(&s.db, &actor).await?))
}

#[utoipa::path(post, path = "/api/v1/supervision/plans", tag = "supervision", request_body = ProposalDraft,
    responses((status = 201, body = PlanView, description = "the planner's proposal for the caller's province, stored as a draft"),
        (status = 403, description = "not a provincial officer"),
        (status = 409, description = "`supervision_state_conflict`: the period's plan is approved"),
        (status = 422, description = "`no_capacity` on `period`: no office set one")))]
pub async fn propose_plan(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Json(d): Json<ProposalDraft>,
) -> Result<(StatusCode, Json<PlanView>), AppError> {
    let v = plans::propose(&s.db, &actor, &d, s.clock.now()).await?;
    Ok((StatusCode::CREATED, Json(v)))
}

#[utoipa::path(get, path = "/api/v1/supervision/plans/{id}", tag = "supervision",
    params(("id" = i64, Path, description = "Plan id")),
    responses((status = 200, body = PlanView), (status = 404, description = "absent or not the caller's to see")))]
pub async fn get_plan(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(id): Path<i64>,
) -> Result<Json<PlanView>, AppError> {
    Ok(Json(plans::get(&s.db, &actor, id).await?))
}

#[utoipa::path(post, path = "/api/v1/supervision/plans/{id}/units", tag = "supervision", request_body = PlanEdit,
    params(("id" = i64, Path, description = "Plan id")),
    responses((status = 200, body = PlanView), (status = 404, description = "plan or unit out of reach"),
        (status = 409, description = "approved"), (status = 422, description = "`over_capacity`, `duplicate_row` on `unit_id`")))]
pub async fn edit_plan(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(id): Path<i64>,
    Json(e): Json<PlanEdit>,
) -> Result<Json<PlanView>, AppError> {
    Ok(Json(
        plans::edit(&s.db, &actor, id, e, s.clock.now()).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/supervision/plans/{id}/approve", tag = "supervision",
    params(("id" = i64, Path, description = "Plan id")),
    responses((status = 200, body = PlanView), (status = 404), (status = 409, description = "already approved")))]
pub async fn approve_plan(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(id): Path<i64>,
) -> Result<Json<PlanView>, AppError> {
    Ok(Json(
        plans::approve(&s.db, &actor, id, s.clock.now()).await?,
    ))
}
