//! JSON API of a lab's instruments under `/api/v1/instruments`: the list in the caller's
//! reach, one with its calibrations, registering one and recording a calibration.

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::api::PageQuery;
use super::instruments;
use super::model::instrument::{CalibrationDraft, InstrumentDraft};
use super::view::{InstrumentDetail, InstrumentView};
use crate::web::{AppError, AppState, Authed, OnRecord};

pub(super) fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_instruments, register_instrument))
        .routes(routes!(get_instrument))
        .routes(routes!(record_calibration))
}

#[utoipa::path(get, path = "/api/v1/instruments", tag = "conformity", params(PageQuery),
    responses((status = 200, body = [InstrumentView], description = "the instruments the caller may read, the soonest due first"), (status = 403)))]
pub async fn list_instruments(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Query(p): Query<PageQuery>,
) -> Result<Json<Vec<InstrumentView>>, AppError> {
    Ok(Json(
        instruments::list(&s.db, &actor, p.page, s.clock.now()).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/instruments", tag = "conformity", request_body = InstrumentDraft,
    responses((status = 201, body = InstrumentView), (status = 403),
        (status = 422, description = "problem+json with `errors` per field (`duplicate_instrument`)")))]
pub async fn register_instrument(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Json(d): Json<InstrumentDraft>,
) -> Result<Response, AppError> {
    let v = instruments::register(&s.db, &actor, &d, s.clock.now()).await?;
    Ok((StatusCode::CREATED, Json(v)).into_response())
}

#[utoipa::path(get, path = "/api/v1/instruments/{id}", tag = "conformity",
    params(("id" = i64, Path, description = "Instrument id")),
    responses((status = 200, body = InstrumentDetail), (status = 404, description = "absent or not the caller's to see")))]
pub async fn get_instrument(
    OnRecord(s, _, actor, id): OnRecord,
) -> Result<Json<InstrumentDetail>, AppError> {
    Ok(Json(
        instruments::get(&s.db, &actor, id, s.clock.now()).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/instruments/{id}/calibrations", tag = "conformity", request_body = CalibrationDraft,
    params(("id" = i64, Path, description = "Instrument id")),
    responses((status = 200, body = InstrumentDetail), (status = 403), (status = 404),
        (status = 422, description = "problem+json with `errors` per field (`due_before_calibration`, `date_in_future`)")))]
pub async fn record_calibration(
    OnRecord(s, _, actor, id): OnRecord,
    Json(d): Json<CalibrationDraft>,
) -> Result<Json<InstrumentDetail>, AppError> {
    Ok(Json(
        instruments::calibrate(&s.db, &actor, id, &d, s.clock.now()).await?,
    ))
}
