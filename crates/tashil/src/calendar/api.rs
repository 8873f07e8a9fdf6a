//! JSON API of the working calendar under `/api/v1`: the export, and a load from a file
//! sent as the request body (JSON rows, CSV or XLSX by its content type).

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::model::CalendarRow;
use super::service::{self, CalendarError, LoadReport};
use crate::web::{AppError, AppState, Authed};

pub(super) fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(export, load))
}

impl From<CalendarError> for AppError {
    fn from(e: CalendarError) -> Self {
        match e {
            CalendarError::Denied(d) => d.into(),
            CalendarError::Db(e) => e.into(),
        }
    }
}

#[utoipa::path(get, path = "/api/v1/calendar", tag = "calendar",
    responses((status = 200, body = [CalendarRow], description = "every table year in force and every declared closure, in the shape a load takes"),
        (status = 403)))]
pub async fn export(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
) -> Result<Json<Vec<CalendarRow>>, AppError> {
    Ok(Json(service::export(&s.db, &actor).await?))
}

#[utoipa::path(post, path = "/api/v1/calendar", tag = "calendar",
    request_body(content = [CalendarRow], description = "JSON rows (application/json), or a CSV (text/csv) or XLSX sheet under the same column names",
        content_type = "application/json"),
    responses((status = 200, body = LoadReport, description = "loaded: the years replaced and the open deadlines moved"),
        (status = 422, body = LoadReport, description = "refused, nothing stored: `errors` names each row and column"),
        (status = 403)))]
pub async fn load(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, AppError> {
    let ctype = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let name = if ctype.starts_with("application/json") {
        "calendar.json"
    } else if ctype.contains("spreadsheetml") {
        "calendar.xlsx"
    } else {
        "calendar.csv"
    };
    let out = service::load(
        &s.db,
        &actor,
        name,
        &body,
        &Default::default(),
        s.clock.now(),
    )
    .await?;
    let status = if out.report.ok() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, Json(out)).into_response())
}
