//! JSON API of licensing under `/api/v1`; errors become problem+json here, at the edge.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouterExt};
use utoipa_axum::routes;

use super::error::LicensingError;
use super::read::ApplicationFilter;
use super::view::{
    ApplicationInput, ApplicationSummary, ApplicationView, DelegationInput, DelegationView,
    DocumentView, MessageInput, MoveInput, PermitTypeInput, PermitTypeView, TrackView,
};
use crate::kernel::upload::MAX_BYTES;
use crate::web::upload_limit::limited;
use crate::web::{AppError, AppState, Authed, OnRecord};

pub(super) fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_types, create_type))
        .routes(routes!(import_types))
        .routes(routes!(get_type, define_type))
        .routes(routes!(get_delegations, delegate))
        .routes(routes!(list, apply))
        .routes(routes!(get))
        .routes(routes!(act))
        .routes(routes!(upload_document).map(|m| limited(m, MAX_BYTES)))
        .routes(routes!(download_document))
        .routes(routes!(post_message))
        .routes(routes!(track))
}

impl From<LicensingError> for AppError {
    fn from(e: LicensingError) -> Self {
        match e {
            LicensingError::Denied(d) => d.into(),
            LicensingError::NotFound => AppError::NotFound,
            LicensingError::Invalid(f) => AppError::Invalid(f),
            LicensingError::Conflict(c) => AppError::Conflict(c),
            LicensingError::Db(e) => e.into(),
        }
    }
}

#[utoipa::path(get, path = "/api/v1/permit-types", tag = "licensing",
    responses((status = 200, body = [PermitTypeView], description = "every permit type at its current version (public)")))]
pub async fn list_types(State(s): State<AppState>) -> Result<Json<Vec<PermitTypeView>>, AppError> {
    Ok(Json(super::permit_types::list(&s.db).await?))
}

#[utoipa::path(post, path = "/api/v1/permit-types", tag = "licensing", request_body = PermitTypeInput,
    responses((status = 201, body = PermitTypeView, description = "a new permit type at version 1"),
        (status = 403), (status = 422, description = "problem+json naming each field by its path; `permit_type_exists` when the code is taken")))]
pub async fn create_type(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Json(input): Json<PermitTypeInput>,
) -> Result<(StatusCode, Json<PermitTypeView>), AppError> {
    let v = super::permit_types::create(&s.db, &actor, &input).await?;
    Ok((StatusCode::CREATED, Json(v)))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VersionParam {
    /// A past version (default: the current one).
    pub version: Option<i32>,
}

#[utoipa::path(get, path = "/api/v1/permit-types/{code}", tag = "licensing",
    params(("code" = String, Path, description = "Permit type code"), VersionParam),
    responses((status = 200, body = PermitTypeView), (status = 404)))]
pub async fn get_type(
    State(s): State<AppState>,
    Path(code): Path<String>,
    Query(v): Query<VersionParam>,
) -> Result<Json<PermitTypeView>, AppError> {
    Ok(Json(
        super::permit_types::get(&s.db, &code, v.version).await?,
    ))
}

#[utoipa::path(put, path = "/api/v1/permit-types/{code}", tag = "licensing", request_body = PermitTypeInput,
    params(("code" = String, Path, description = "Permit type code (must match the body)")),
    responses((status = 200, body = PermitTypeView, description = "created, or its next version when changed"),
        (status = 403), (status = 422, description = "problem+json naming each field by its path")))]
pub async fn define_type(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(code): Path<String>,
    Json(input): Json<PermitTypeInput>,
) -> Result<Json<PermitTypeView>, AppError> {
    if input.code != code {
        return Err(LicensingError::invalid("code", "code_mismatch").into());
    }
    Ok(Json(
        super::permit_types::define(&s.db, &actor, &input).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/permit-types/import", tag = "licensing", request_body = [PermitTypeInput],
    responses((status = 200, body = [PermitTypeView]), (status = 403),
        (status = 422, description = "nothing imported; each error names its entry (`[2].definition.steps[0].code`)")))]
pub async fn import_types(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Json(input): Json<Vec<PermitTypeInput>>,
) -> Result<Json<Vec<PermitTypeView>>, AppError> {
    Ok(Json(
        super::permit_types::import(&s.db, &actor, &input).await?,
    ))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProvinceParam {
    /// Province code, e.g. IR-26.
    pub province: String,
}

#[utoipa::path(get, path = "/api/v1/permit-types/{code}/delegations", tag = "licensing",
    params(("code" = String, Path, description = "Permit type code"), ProvinceParam),
    responses((status = 200, body = [DelegationView], description = "who decides each step in the province (public)"), (status = 404)))]
pub async fn get_delegations(
    State(s): State<AppState>,
    Path(code): Path<String>,
    Query(p): Query<ProvinceParam>,
) -> Result<Json<Vec<DelegationView>>, AppError> {
    Ok(Json(
        super::permit_types::delegations(&s.db, &code, &p.province).await?,
    ))
}

#[utoipa::path(put, path = "/api/v1/permit-types/{code}/delegations", tag = "licensing", request_body = DelegationInput,
    params(("code" = String, Path, description = "Permit type code")),
    responses((status = 200, body = [DelegationView]), (status = 403), (status = 404), (status = 422)))]
pub async fn delegate(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(code): Path<String>,
    Json(input): Json<DelegationInput>,
) -> Result<Json<Vec<DelegationView>>, AppError> {
    Ok(Json(
        super::permit_types::delegate(&s.db, &actor, &code, &input).await?,
    ))
}

#[utoipa::path(get, path = "/api/v1/applications", tag = "licensing", params(ApplicationFilter),
    responses((status = 200, body = [ApplicationSummary]), (status = 403)))]
pub async fn list(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Query(f): Query<ApplicationFilter>,
) -> Result<Json<Vec<ApplicationSummary>>, AppError> {
    Ok(Json(super::read::list(&s.db, &actor, &f).await?))
}

#[utoipa::path(post, path = "/api/v1/applications", tag = "licensing", request_body = ApplicationInput,
    responses((status = 201, body = ApplicationView), (status = 403), (status = 422, description = "problem+json with `errors` per field")))]
pub async fn apply(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Json(input): Json<ApplicationInput>,
) -> Result<Response, AppError> {
    let v = super::apply::apply(&s.db, &actor, &input, s.clock.now()).await?;
    Ok((StatusCode::CREATED, Json(v)).into_response())
}

#[utoipa::path(get, path = "/api/v1/applications/{id}", tag = "licensing",
    params(("id" = i64, Path, description = "Application id")),
    responses((status = 200, body = ApplicationView), (status = 404, description = "absent or not the caller's to see")))]
pub async fn get(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(id): Path<i64>,
) -> Result<Json<ApplicationView>, AppError> {
    Ok(Json(super::read::get(&s.db, &actor, id).await?))
}

#[utoipa::path(post, path = "/api/v1/applications/{id}/moves", tag = "licensing", request_body = MoveInput,
    params(("id" = i64, Path, description = "Application id")),
    responses((status = 200, body = ApplicationView), (status = 403, description = "not this actor's move"), (status = 404),
        (status = 409, description = "`application_changed`, `application_final`, `not_your_turn`, `appeal_used`"),
        (status = 422, description = "e.g. a rejection citing no condition")))]
pub async fn act(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(id): Path<i64>,
    Json(input): Json<MoveInput>,
) -> Result<Json<ApplicationView>, AppError> {
    Ok(Json(
        super::moves::act(&s.db, &actor, id, &input, s.clock.now()).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/applications/{id}/documents", tag = "licensing",
    params(("id" = i64, Path, description = "Application id")),
    request_body(content_type = "multipart/form-data",
        description = "`document`: which of the permit type's documents (its code) or `other`; `file`: PDF, JPEG, PNG, XLSX, DOCX, CSV or TXT, its content of that kind, at most 10 MB"),
    responses((status = 201, body = DocumentView), (status = 403, description = "not the unit's nor a deciding office's"),
        (status = 404), (status = 409, description = "`application_final`: settled, takes no more documents"),
        (status = 413), (status = 422, description = "problem+json naming `document` or `file`")))]
pub async fn upload_document(
    OnRecord(s, _, actor, id): OnRecord,
    multipart: axum::extract::Multipart,
) -> Result<Response, AppError> {
    let up = crate::web::files::read_upload(multipart).await?;
    let code = up.field(super::documents::FIELD).to_owned();
    let (name, bytes) = up.file_or_empty();
    let d =
        super::documents::upload(&s.db, &actor, id, &code, &name, &bytes, s.clock.now()).await?;
    Ok((StatusCode::CREATED, Json(d)).into_response())
}

#[utoipa::path(get, path = "/api/v1/applications/{id}/documents/{doc_id}", tag = "licensing",
    params(("id" = i64, Path, description = "Application id"), ("doc_id" = i64, Path, description = "Document id")),
    responses((status = 200, description = "the file, as an attachment"), (status = 403), (status = 404)))]
pub async fn download_document(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path((id, doc_id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (name, ctype, bytes) = super::documents::download(&s.db, &actor, id, doc_id).await?;
    Ok(crate::web::files::download(&name, ctype, bytes))
}

#[utoipa::path(post, path = "/api/v1/applications/{id}/messages", tag = "licensing", request_body = MessageInput,
    params(("id" = i64, Path, description = "Application id")),
    responses((status = 201, body = ApplicationView, description = "the application with the message"),
        (status = 403, description = "not the unit's nor a deciding office's"), (status = 404),
        (status = 409, description = "`application_final`"), (status = 422, description = "`body` empty or too long")))]
pub async fn post_message(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(id): Path<i64>,
    Json(input): Json<MessageInput>,
) -> Result<Response, AppError> {
    let v = super::messages::post(&s.db, &actor, id, &input.body, s.clock.now()).await?;
    Ok((StatusCode::CREATED, Json(v)).into_response())
}

#[utoipa::path(get, path = "/api/v1/track/{code}", tag = "licensing",
    params(("code" = String, Path, description = "Tracking code, e.g. IR-7KQ2-M9XD")),
    responses((status = 200, body = TrackView, description = "where the application stands (public, nothing personal)"), (status = 404)))]
pub async fn track(
    State(s): State<AppState>,
    Path(code): Path<String>,
) -> Result<Json<TrackView>, AppError> {
    Ok(Json(super::read::track(&s.db, &code).await?))
}
