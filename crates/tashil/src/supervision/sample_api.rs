//! JSON API of an inspection's market samples: the inspector sends one to a lab offered by
//! conformity assessment (purpose market_sample), linked to the inspection; the inspection's
//! readers list them with their released verdicts.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::samples::{self, InspectionSample};
use crate::conformity::{TestRequestDraft, TestRequestView};
use crate::web::{AppError, AppState, Authed};

pub(super) fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list, send))
}

#[utoipa::path(get, path = "/api/v1/supervision/inspections/{id}/samples", tag = "supervision",
    params(("id" = i64, Path, description = "Inspection id")),
    responses((status = 200, body = [InspectionSample], description = "the market samples sent from the inspection that the reader's conformity scope reads, oldest first, each with its released report's verdict"),
        (status = 403, description = "labs, agencies"), (status = 404, description = "out of reach")))]
pub async fn list(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(id): Path<i64>,
) -> Result<Json<Vec<InspectionSample>>, AppError> {
    Ok(Json(
        samples::of_inspection(&s.db, &actor, id, s.clock.now()).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/supervision/inspections/{id}/samples", tag = "supervision",
    params(("id" = i64, Path, description = "Inspection id")), request_body = TestRequestDraft,
    responses((status = 201, body = TestRequestView, description = "sent to the lab as a market sample and linked to the inspection, audited (`purpose` and `application_id` are set here)"),
        (status = 403, description = "not an inspector"), (status = 404, description = "another province's inspection"),
        (status = 409, description = "the inspection is not in progress"),
        (status = 422, description = "as `POST /api/v1/test-requests`: `lab_not_offered`, `unknown_clause`, …")))]
pub async fn send(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(id): Path<i64>,
    Json(d): Json<TestRequestDraft>,
) -> Result<(StatusCode, Json<TestRequestView>), AppError> {
    let v = samples::send(&s.db, &actor, id, &d, s.clock.now()).await?;
    Ok((StatusCode::CREATED, Json(v)))
}
