//! JSON API of quality assurance under `/api/v1/quality`: a unit's characteristics, their
//! limits, and the measurements its systems send with the unit's token.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouterExt};
use utoipa_axum::routes;

use super::characteristics;
use super::ingest::{self, Batch, IngestAnswer};
use super::limits::{self, LimitsDraft};
use super::model::characteristic::CharacteristicDraft;
use super::view::{CharacteristicDetail, CharacteristicView};
use crate::web::upload_limit::{MAX_IMPORT_FILE, limited};
use crate::web::{AppError, AppState, Authed, OnRecord};

pub(super) fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(get, update, delete))
        .routes(routes!(set_limits))
        .routes(routes!(measurements).map(|m| limited(m, MAX_IMPORT_FILE)))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    pub page: Option<u64>,
}

#[utoipa::path(get, path = "/api/v1/quality/characteristics", tag = "quality", params(PageQuery),
    responses((status = 200, body = [CharacteristicView], description = "the characteristics the caller may read: its own unit's, its province's units', or all (national body)"),
        (status = 401), (status = 403, description = "labs, agencies")))]
pub async fn list(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Query(p): Query<PageQuery>,
) -> Result<Json<Vec<CharacteristicView>>, AppError> {
    Ok(Json(characteristics::list(&s.db, &actor, p.page).await?))
}

#[utoipa::path(post, path = "/api/v1/quality/characteristics", tag = "quality", request_body = CharacteristicDraft,
    responses((status = 201, body = CharacteristicView), (status = 403, description = "not a unit's user"),
        (status = 422, description = "problem+json with `errors` per field (`duplicate_characteristic`, `unknown_clause`, `spec_order`…)")))]
pub async fn create(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Json(d): Json<CharacteristicDraft>,
) -> Result<Response, AppError> {
    let v = characteristics::create(&s.db, &actor, &d, s.clock.now()).await?;
    Ok((StatusCode::CREATED, Json(v)).into_response())
}

#[utoipa::path(get, path = "/api/v1/quality/characteristics/{id}", tag = "quality",
    params(("id" = i64, Path, description = "Characteristic id")),
    responses((status = 200, body = CharacteristicDetail), (status = 404, description = "absent or not the caller's to see")))]
pub async fn get(
    OnRecord(s, _, actor, id): OnRecord,
) -> Result<Json<CharacteristicDetail>, AppError> {
    Ok(Json(characteristics::get(&s.db, &actor, id).await?))
}

#[utoipa::path(put, path = "/api/v1/quality/characteristics/{id}", tag = "quality", request_body = CharacteristicDraft,
    params(("id" = i64, Path, description = "Characteristic id")),
    responses((status = 200, body = CharacteristicView), (status = 403), (status = 404),
        (status = 409, description = "`quality_state_conflict`: changed since `version`"), (status = 422)))]
pub async fn update(
    OnRecord(s, _, actor, id): OnRecord,
    Json(d): Json<CharacteristicDraft>,
) -> Result<Json<CharacteristicView>, AppError> {
    Ok(Json(
        characteristics::update(&s.db, &actor, id, &d, s.clock.now()).await?,
    ))
}

#[utoipa::path(delete, path = "/api/v1/quality/characteristics/{id}", tag = "quality",
    params(("id" = i64, Path, description = "Characteristic id")),
    responses((status = 204), (status = 403), (status = 404),
        (status = 409, description = "`quality_state_conflict`: it has subgroups")))]
pub async fn delete(OnRecord(s, _, actor, id): OnRecord) -> Result<StatusCode, AppError> {
    characteristics::delete(&s.db, &actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/v1/quality/characteristics/{id}/limits", tag = "quality", request_body = LimitsDraft,
    params(("id" = i64, Path, description = "Characteristic id")),
    responses((status = 200, body = CharacteristicDetail, description = "the limits estimated from the subgroups measured in [from, to], stored as a new version"),
        (status = 403), (status = 404),
        (status = 422, description = "`baseline_empty`, `baseline_order`, `spc_baseline_too_short`…")))]
pub async fn set_limits(
    OnRecord(s, _, actor, id): OnRecord,
    Json(d): Json<LimitsDraft>,
) -> Result<Json<CharacteristicDetail>, AppError> {
    Ok(Json(
        limits::set(&s.db, &actor, id, &d, s.clock.now()).await?,
    ))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SheetQuery {
    /// The sender's batch id of a CSV or XLSX body (the file's SHA-256 when not given).
    pub batch_id: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/quality/measurements", tag = "quality", params(SheetQuery),
    request_body(description = "Subgroups of the caller's unit (an API token of one of its users), each naming a characteristic by its code: \
JSON `{\"batch_id\": …, \"subgroups\": [...]}`, or a CSV (`text/csv`) or XLSX sheet with a header row `characteristic, measured_at, values, defective, inspected, defects, units` \
(values in one cell, separated by spaces) and `?batch_id=`. At most 10,000 subgroups a call, all stored or none. \
A batch id already received is answered as the first time and stores nothing. A subgroup older than the latest stored is placed by its time.",
        content(
            (Batch = "application/json", example = json!({"batch_id": "LIMS-2026-12-07-0800", "subgroups": [
                {"characteristic": "tile-thickness", "measured_at": "2026-12-07T08:00:00+03:30", "values": [8.02, 7.98, "۸٫۰۱", 8.0, 7.97]},
                {"characteristic": "glaze-defects", "measured_at": "2026-12-07T08:00:00+03:30", "defects": 3, "units": 1}]})),
            ("text/csv", example = json!("characteristic,measured_at,values\ntile-thickness,2026-12-07T08:00,8.02 7.98 8.01 8.0 7.97\n"))
        )),
    responses(
        (status = 200, body = IngestAnswer, description = "every subgroup stored, with the rules that fire at it; the same answer to the batch sent again"),
        (status = 401), (status = 403, description = "not a unit's user"), (status = 413, description = "over 64 MB"),
        (status = 422, description = "problem+json, nothing stored: `errors` name each row and field as `subgroups[ROW].FIELD` (`unknown_characteristic`, `other_unit`, `subgroup_size`, `invalid_number`, `impossible_value`, `date_in_future`, `duplicate_subgroup`)",
            example = json!({"type": "about:blank", "status": 422, "code": "validation_failed", "errors": [
                {"field": "subgroups[3].values", "code": "subgroup_size", "message": "…", "detail": "5"}]}))))]
pub async fn measurements(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Query(q): Query<SheetQuery>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<IngestAnswer>, AppError> {
    let ctype = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let now = s.clock.now();
    let answer = if ctype.starts_with("application/json") {
        let b: Batch = serde_json::from_slice(&body).map_err(|e| {
            super::QualityError::Invalid(vec![
                crate::kernel::FieldError::new("body", "malformed_request")
                    .with_detail(e.to_string()),
            ])
        })?;
        let lines: Vec<usize> = (0..b.subgroups.len()).collect();
        ingest::ingest(&s.db, &actor, &b.batch_id, &b.subgroups, &lines, now).await?
    } else {
        let name = if ctype.contains("spreadsheetml") {
            "subgroups.xlsx"
        } else if ctype.starts_with("text/csv") {
            "subgroups.csv"
        } else {
            return Err(AppError::BadRequest("unsupported_format"));
        };
        crate::access::quality::authorize_manage(&actor).map_err(super::QualityError::from)?;
        let (lines, rows) = super::sheet::read(name, &body)?;
        let batch = q.batch_id.unwrap_or_else(|| super::upload::digest(&body));
        ingest::ingest(&s.db, &actor, &batch, &rows, &lines, now).await?
    };
    Ok(Json(answer))
}
