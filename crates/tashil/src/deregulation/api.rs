//! JSON API of the deregulation register under `/api/v1`, and its public list; errors become
//! problem+json here, at the edge.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::model::{
    DecisionDraft, PublicRegulation, RegulationDraft, RegulationFilter, RegulationSummary,
    RegulationView,
};
use super::service;
use crate::web::AppState;
use crate::web::OnRecord;
use crate::web::{AppError, Authed};

/// The register's API: each path, its method and its OpenAPI entry come from the handler's
/// `#[utoipa::path]`, written once.
pub(super) fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, report))
        .routes(routes!(get))
        .routes(routes!(review))
        .routes(routes!(decide))
        .routes(routes!(publish))
        .routes(routes!(province_published))
}

#[utoipa::path(post, path = "/api/v1/regulations", tag = "deregulation", request_body = RegulationDraft,
    responses((status = 201, body = RegulationSummary), (status = 422, description = "problem+json with `errors` per field"), (status = 403)))]
pub async fn report(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Json(d): Json<RegulationDraft>,
) -> Result<Response, AppError> {
    let r = service::report(&s.db, &actor, &d, s.clock.now()).await?;
    Ok((StatusCode::CREATED, Json(r)).into_response())
}

#[utoipa::path(get, path = "/api/v1/regulations", tag = "deregulation", params(RegulationFilter),
    responses((status = 200, body = [RegulationSummary])))]
pub async fn list(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Query(f): Query<RegulationFilter>,
) -> Result<Json<Vec<RegulationSummary>>, AppError> {
    Ok(Json(service::list(&s.db, &actor, &f).await?))
}

#[utoipa::path(get, path = "/api/v1/regulations/{id}", tag = "deregulation",
    params(("id" = i64, Path, description = "Report id")),
    responses((status = 200, body = RegulationView), (status = 404, description = "absent or not the caller's to see")))]
pub async fn get(OnRecord(s, _, actor, id): OnRecord) -> Result<Json<RegulationView>, AppError> {
    Ok(Json(service::get(&s.db, &actor, id).await?))
}

#[utoipa::path(post, path = "/api/v1/regulations/{id}/review", tag = "deregulation",
    params(("id" = i64, Path, description = "Report id")),
    responses((status = 200, body = RegulationView), (status = 403), (status = 404),
        (status = 409, description = "`regulation_state_conflict`: not a newly reported rule")))]
pub async fn review(OnRecord(s, _, actor, id): OnRecord) -> Result<Json<RegulationView>, AppError> {
    Ok(Json(
        service::review(&s.db, &actor, id, s.clock.now()).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/regulations/{id}/decide", tag = "deregulation", request_body = DecisionDraft,
    params(("id" = i64, Path, description = "Report id")),
    responses((status = 200, body = RegulationView), (status = 403), (status = 404),
        (status = 409, description = "`regulation_state_conflict`: not under review (or decided and unpublished)"),
        (status = 422, description = "problem+json with `errors` per field")))]
pub async fn decide(
    OnRecord(s, _, actor, id): OnRecord,
    Json(d): Json<DecisionDraft>,
) -> Result<Json<RegulationView>, AppError> {
    Ok(Json(
        service::decide(&s.db, &actor, id, &d, s.clock.now()).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/regulations/{id}/publish", tag = "deregulation",
    params(("id" = i64, Path, description = "Report id")),
    responses((status = 200, body = RegulationView), (status = 403), (status = 404),
        (status = 409, description = "`regulation_state_conflict`: not decided")))]
pub async fn publish(
    OnRecord(s, _, actor, id): OnRecord,
) -> Result<Json<RegulationView>, AppError> {
    Ok(Json(
        service::publish(&s.db, &actor, id, s.clock.now()).await?,
    ))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PublicPage {
    pub page: Option<u64>,
}

#[utoipa::path(get, path = "/api/v1/provinces/{code}/regulations", tag = "deregulation",
    params(("code" = String, Path, description = "Province code, e.g. IR-26"), PublicPage),
    responses((status = 200, body = [PublicRegulation], description = "published decisions, without who reported them"), (status = 404)))]
pub async fn province_published(
    State(s): State<AppState>,
    Path(code): Path<String>,
    Query(p): Query<PublicPage>,
) -> Result<Json<Vec<PublicRegulation>>, AppError> {
    Ok(Json(super::public::published(&s.db, &code, p.page).await?))
}
