//! JSON API of a request's results and report under `/api/v1/test-requests/{id}`: read the
//! report, enter results (a lab's page or LIMS for one request), release, revise.

use axum::Json;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::model::result::ResultDraft;
use super::report_view::{self, RequestReport};
use super::results::RowOutcome;
use crate::web::{AppError, AppState, OnRecord};

pub(super) fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_report))
        .routes(routes!(enter_results))
        .routes(routes!(release))
        .routes(routes!(revise))
}

/// Results for one request, in the order their outcomes come back.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct ResultsBody {
    #[serde(default)]
    pub results: Vec<ResultDraft>,
}

/// A correction of the released revision `supersedes`.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct RevisionBody {
    pub supersedes: u32,
    #[serde(default)]
    pub reason: String,
}

#[utoipa::path(get, path = "/api/v1/test-requests/{id}/report", tag = "conformity",
    params(("id" = i64, Path, description = "Request id")),
    responses((status = 200, body = RequestReport, description = "the latest revision with its results and verdicts (null before any result), and the earlier revisions"),
        (status = 404, description = "absent or not the caller's to see")))]
pub async fn get_report(
    OnRecord(s, _, actor, id): OnRecord,
) -> Result<Json<RequestReport>, AppError> {
    Ok(Json(
        report_view::get(&s.db, &actor, id, s.clock.now()).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/test-requests/{id}/results", tag = "conformity", request_body = ResultsBody,
    params(("id" = i64, Path, description = "Request id")),
    responses((status = 200, body = [RowOutcome], description = "each row's verdict and whether it was written (a row sent again is `unchanged`)"),
        (status = 403), (status = 404),
        (status = 422, description = "problem+json with `errors` per field (`results[i].value`, `report_released`…); nothing written")))]
pub async fn enter_results(
    OnRecord(s, _, actor, id): OnRecord,
    Json(b): Json<ResultsBody>,
) -> Result<Json<Vec<RowOutcome>>, AppError> {
    // Out of reach answers 404 whatever was sent.
    report_view::get(&s.db, &actor, id, s.clock.now()).await?;
    Ok(Json(
        super::results::enter(&s.db, &actor, Some(id), &b.results, s.clock.now()).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/test-requests/{id}/report/release", tag = "conformity",
    params(("id" = i64, Path, description = "Request id")),
    responses((status = 200, body = RequestReport), (status = 403), (status = 404),
        (status = 409, description = "`conformity_state_conflict`: released meanwhile"),
        (status = 422, description = "`four_eyes`, `results_missing`, `clause_not_covered`, `report_released` on `form`")))]
pub async fn release(OnRecord(s, _, actor, id): OnRecord) -> Result<Json<RequestReport>, AppError> {
    let now = s.clock.now();
    super::reports::release(&s.db, &actor, id, now).await?;
    Ok(Json(report_view::get(&s.db, &actor, id, now).await?))
}

#[utoipa::path(post, path = "/api/v1/test-requests/{id}/report/revisions", tag = "conformity", request_body = RevisionBody,
    params(("id" = i64, Path, description = "Request id")),
    responses((status = 201, body = RequestReport, description = "the new draft revision, its results copied"), (status = 403), (status = 404),
        (status = 422, description = "`reason` required; `report_not_released`, `revision_not_latest` on `form`")))]
pub async fn revise(
    OnRecord(s, _, actor, id): OnRecord,
    Json(b): Json<RevisionBody>,
) -> Result<(axum::http::StatusCode, Json<RequestReport>), AppError> {
    let now = s.clock.now();
    super::reports::revise(&s.db, &actor, id, b.supersedes, &b.reason, now).await?;
    Ok((
        axum::http::StatusCode::CREATED,
        Json(report_view::get(&s.db, &actor, id, now).await?),
    ))
}
