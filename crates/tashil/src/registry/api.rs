//! JSON API of the registry under `/api/v1`. Same service calls as the pages.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouterExt};
use utoipa_axum::routes;

use super::import::{Importer, NoProgress, import_units};
use super::model::UnitDraft;
use super::pages::ListQuery;
use super::profile::{self, Profile};
use super::service::{self, UnitDetail, UnitPage};
use crate::web::AppState;
use crate::web::OnRecord;
use crate::web::import_page::{self, ImportAnswer};
use crate::web::upload_limit::{MAX_IMPORT_FILE, limited};
use crate::web::{AppError, Authed};

/// The registry's API: each path, its method and its OpenAPI entry come from the handler's
/// `#[utoipa::path]`, written once.
pub(super) fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(get, update))
        .routes(routes!(province_profile))
        .routes(routes!(import).map(|m| limited(m, MAX_IMPORT_FILE)))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ApiListQuery {
    /// Name or national ID; any orthography (ي/ی, ZWNJ, digit scripts, Vietnamese diacritics).
    pub q: Option<String>,
    /// Province code, e.g. `IR-28`.
    pub province: Option<String>,
    /// `active`, `idle` or `closed`.
    pub status: Option<String>,
    /// ISIC Rev.4 section letter.
    pub section: Option<String>,
    /// `micro`, `small`, `medium` or `large`.
    pub size: Option<String>,
    /// `yes` or `no`.
    pub knowledge_based: Option<String>,
    /// 1-based page number.
    pub page: Option<u64>,
    /// Items per page, at most 200 (default 50).
    pub per_page: Option<u64>,
}

#[utoipa::path(get, path = "/api/v1/units", tag = "registry", params(ApiListQuery),
    responses((status = 200, body = UnitPage), (status = 401, description = "no valid token or session"), (status = 403)))]
pub async fn list(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Query(q): Query<ApiListQuery>,
) -> Result<Json<UnitPage>, AppError> {
    let lq = ListQuery {
        q: q.q.unwrap_or_default(),
        province: q.province.unwrap_or_default(),
        status: q.status.unwrap_or_default(),
        section: q.section.unwrap_or_default(),
        size: q.size.unwrap_or_default(),
        kb: q.knowledge_based.unwrap_or_default(),
        page: q.page.unwrap_or(1).to_string(),
    };
    let filter = lq.to_filter(q.per_page.unwrap_or(50));
    Ok(Json(service::list(&s.db, &actor, &filter).await?))
}

#[utoipa::path(get, path = "/api/v1/units/{id}", tag = "registry",
    params(("id" = i64, Path, description = "Unit id")),
    responses((status = 200, body = UnitDetail), (status = 404, description = "absent or outside the caller's scope")))]
pub async fn get(OnRecord(s, _, actor, id): OnRecord) -> Result<Json<UnitDetail>, AppError> {
    Ok(Json(service::get(&s.db, &actor, id).await?))
}

pub use crate::kernel::api::{Created, VersionQuery};

#[utoipa::path(post, path = "/api/v1/units", tag = "registry", request_body = UnitDraft,
    responses((status = 201, body = Created), (status = 422, description = "problem+json with `errors` per field"), (status = 403)))]
pub async fn create(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Json(d): Json<UnitDraft>,
) -> Result<Response, AppError> {
    let id = service::create(&s.db, &actor, &d).await?;
    Ok((StatusCode::CREATED, Json(Created { id })).into_response())
}

#[utoipa::path(put, path = "/api/v1/units/{id}", tag = "registry", request_body = UnitDraft,
    params(("id" = i64, Path, description = "Unit id"), VersionQuery),
    responses((status = 204), (status = 409, description = "changed since `version`"), (status = 422), (status = 403), (status = 404)))]
pub async fn update(
    OnRecord(s, _, actor, id): OnRecord,
    Query(v): Query<VersionQuery>,
    Json(d): Json<UnitDraft>,
) -> Result<StatusCode, AppError> {
    service::update(&s.db, &actor, id, &d, v.version).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/v1/units/import", tag = "registry",
    request_body(content_type = "multipart/form-data", description = "`file`: XLSX or CSV, at most 64 MB, one unit per row under a row of column names (keys or labels in fa, en or vi); `encoding`: a CSV's text encoding when not UTF-8 (e.g. `windows-1256`)"),
    responses((status = 200, body = ImportAnswer, description = "every row imported; `warnings` name rows worth a look"),
        (status = 422, body = ImportAnswer, description = "nothing imported; `errors` by row and column (`row` null for the file's own)"),
        (status = 403)))]
pub async fn import(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    multipart: axum::extract::Multipart,
) -> Result<Response, AppError> {
    crate::access::units::authorize_import(&actor)?;
    let report = match import_page::read_upload(multipart).await?.into_parts() {
        Some((name, bytes, opts)) => {
            let importer = Importer::User(&actor);
            import_units(&s.db, importer, &name, &bytes, &opts, &NoProgress).await?
        }
        None => import_page::no_file(),
    };
    Ok(import_page::answer(ctx.lang, &report))
}

#[utoipa::path(get, path = "/api/v1/provinces/{code}/profile", tag = "registry",
    params(("code" = String, Path, description = "Province code, e.g. IR-26")),
    responses((status = 200, body = Profile), (status = 404)))]
pub async fn province_profile(
    State(s): State<AppState>,
    Path(code): Path<String>,
) -> Result<Json<Profile>, AppError> {
    profile::compute(&s.db, &code)
        .await?
        .map(Json)
        .ok_or(AppError::NotFound)
}
