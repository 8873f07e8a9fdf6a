//! JSON API of an inspection's evidence under `/api/v1/supervision/inspections`: a file added
//! to a checklist answer or a finding (the inspector, while the inspection is open) or to a
//! finding's CAPA (the unit), the files of an inspection listed and each downloaded.

use axum::Json;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouterExt};
use utoipa_axum::routes;

use super::evidence::{self, EvidenceInfo, Owner};
use crate::kernel::upload::MAX_BYTES;
use crate::web::upload_limit::limited;
use crate::web::{AppError, AppState, Authed};

pub(super) fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(download))
        .routes(routes!(add_to_item).map(|m| limited(m, MAX_BYTES)))
        .routes(routes!(add_to_finding).map(|m| limited(m, MAX_BYTES)))
        .routes(routes!(add_to_capa).map(|m| limited(m, MAX_BYTES)))
}

async fn add(
    s: &AppState,
    actor: &crate::access::Actor,
    owner: Owner,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let (name, bytes) = crate::web::files::read_upload(multipart)
        .await?
        .file_or_empty();
    let e = evidence::attach(&s.db, actor, None, owner, &name, &bytes, s.clock.now()).await?;
    Ok((StatusCode::CREATED, Json(e)).into_response())
}

#[utoipa::path(get, path = "/api/v1/supervision/inspections/{id}/evidence", tag = "supervision",
    params(("id" = i64, Path, description = "Inspection id")),
    responses((status = 200, body = [EvidenceInfo], description = "the inspection's files (answers', findings', CAPAs'), oldest first, without their content"),
        (status = 403, description = "labs, agencies"), (status = 404, description = "out of reach (another province's, a unit's not yet started)")))]
pub async fn list(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(id): Path<i64>,
) -> Result<Json<Vec<EvidenceInfo>>, AppError> {
    Ok(Json(evidence::list(&s.db, &actor, id).await?))
}

#[utoipa::path(get, path = "/api/v1/supervision/inspections/evidence/{id}", tag = "supervision",
    params(("id" = i64, Path, description = "Evidence file id")),
    responses((status = 200, description = "the file, as a download"),
        (status = 403, description = "labs, agencies"), (status = 404, description = "absent or out of reach")))]
pub async fn download(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (name, ctype, bytes) = evidence::download(&s.db, &actor, None, id).await?;
    Ok(crate::web::files::download(&name, ctype, bytes))
}

#[utoipa::path(post, path = "/api/v1/supervision/inspections/{id}/items/{item_id}/evidence", tag = "supervision",
    params(("id" = i64, Path, description = "Inspection id"), ("item_id" = i64, Path, description = "Checklist item id")),
    request_body(content_type = "multipart/form-data", description = "`file`: PDF, JPEG, PNG, XLSX, DOCX, CSV or TXT, at most 10 MB"),
    responses((status = 201, body = EvidenceInfo, description = "attached, audited"),
        (status = 403, description = "not an inspector"), (status = 404, description = "out of reach, or the item is not of the inspection"),
        (status = 409, description = "the inspection is not in progress"),
        (status = 413), (status = 422, description = "`file`: `no_file`, `unsupported_attachment`, `attachment_not_its_kind`, `too_many_files` (20 an answer)")))]
pub async fn add_to_item(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path((id, item_id)): Path<(i64, i64)>,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let (name, bytes) = crate::web::files::read_upload(multipart)
        .await?
        .file_or_empty();
    let e = evidence::attach(
        &s.db,
        &actor,
        Some(id),
        Owner::Item(item_id),
        &name,
        &bytes,
        s.clock.now(),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(e)).into_response())
}

#[utoipa::path(post, path = "/api/v1/supervision/inspections/findings/{id}/evidence", tag = "supervision",
    params(("id" = i64, Path, description = "Finding id")),
    request_body(content_type = "multipart/form-data", description = "`file`: PDF, JPEG, PNG, XLSX, DOCX, CSV or TXT, at most 10 MB"),
    responses((status = 201, body = EvidenceInfo, description = "attached by the inspector, audited"),
        (status = 403, description = "not an inspector"), (status = 404, description = "out of reach"),
        (status = 409, description = "the inspection is not in progress"),
        (status = 413), (status = 422, description = "`file`: as for an answer")))]
pub async fn add_to_finding(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(id): Path<i64>,
    multipart: Multipart,
) -> Result<Response, AppError> {
    add(&s, &actor, Owner::Finding(id), multipart).await
}

#[utoipa::path(post, path = "/api/v1/supervision/inspections/findings/{id}/capa/evidence", tag = "supervision",
    params(("id" = i64, Path, description = "Finding id")),
    request_body(content_type = "multipart/form-data", description = "`file`: PDF, JPEG, PNG, XLSX, DOCX, CSV or TXT, at most 10 MB"),
    responses((status = 201, body = EvidenceInfo, description = "attached to the CAPA by the unit, audited"),
        (status = 403, description = "not the unit's user"), (status = 404, description = "not the unit's finding"),
        (status = 409, description = "the finding owes no CAPA or is closed"),
        (status = 413), (status = 422, description = "`file`: as for an answer")))]
pub async fn add_to_capa(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(id): Path<i64>,
    multipart: Multipart,
) -> Result<Response, AppError> {
    add(&s, &actor, Owner::Capa(id), multipart).await
}
