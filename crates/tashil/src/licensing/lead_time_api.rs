//! The public lead-time figures under `/api/v1`: JSON and CSV (nothing personal: counts only).

use axum::Json;
use axum::extract::{Query, State};
use axum::response::Response;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::lead_time_read::{self as read, LeadTimeQuery, LeadTimes};
use crate::web::import_page::attachment;
use crate::web::{AppError, AppState};

pub(super) fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(lead_times))
        .routes(routes!(lead_times_csv))
}

#[utoipa::path(get, path = "/api/v1/lead-times", tag = "licensing", params(LeadTimeQuery),
    responses((status = 200, body = LeadTimes, description = "received, issued and rejected applications, median and 90th-percentile working days, on-time and silence shares per month of the country's calendar (public)"),
        (status = 422, description = "an unknown permit type or province, a month out of range, or a span over 120 months")))]
pub async fn lead_times(
    State(s): State<AppState>,
    Query(q): Query<LeadTimeQuery>,
) -> Result<Json<LeadTimes>, AppError> {
    Ok(Json(read::figures(&s.db, &q, s.clock.now()).await?))
}

#[utoipa::path(get, path = "/api/v1/lead-times.csv", tag = "licensing", params(LeadTimeQuery),
    responses((status = 200, content_type = "text/csv", description = "the same figures as CSV, one row per month and a `total` row"),
        (status = 422, description = "as for `/api/v1/lead-times`")))]
pub async fn lead_times_csv(
    State(s): State<AppState>,
    Query(q): Query<LeadTimeQuery>,
) -> Result<Response, AppError> {
    let f = read::figures(&s.db, &q, s.clock.now()).await?;
    Ok(attachment(
        "text/csv; charset=utf-8",
        "lead-times.csv",
        read::csv(&f),
    ))
}
