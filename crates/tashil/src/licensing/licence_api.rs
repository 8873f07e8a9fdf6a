//! JSON API of licences after issue under `/api/v1`: the public register, one licence, an
//! office's suspension, revocation or lift, and the holder's renewal.

use axum::Json;
use axum::extract::{Path, Query, State};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::register_view::{LicenceActionInput, LicenceEntry, RegisterPage, RegisterQuery};
use super::view::ApplicationView;
use crate::web::{AppError, AppState, Authed};

pub(super) fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(register))
        .routes(routes!(licence))
        .routes(routes!(status))
        .routes(routes!(renew))
}

#[utoipa::path(get, path = "/api/v1/licences", tag = "licensing", params(RegisterQuery),
    responses((status = 200, body = RegisterPage, description = "the public register, newest first (nothing personal)"),
        (status = 422, description = "an unknown status")))]
pub async fn register(
    State(s): State<AppState>,
    Query(f): Query<RegisterQuery>,
) -> Result<Json<RegisterPage>, AppError> {
    Ok(Json(super::register::search(&s.db, &f).await?))
}

#[utoipa::path(get, path = "/api/v1/licences/{id}", tag = "licensing",
    params(("id" = i64, Path, description = "Licence id")),
    responses((status = 200, body = LicenceEntry, description = "one licence of the public register"), (status = 404)))]
pub async fn licence(
    State(s): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Json<LicenceEntry>, AppError> {
    Ok(Json(super::register::get(&s.db, id).await?))
}

#[utoipa::path(post, path = "/api/v1/licences/{id}/status", tag = "licensing", request_body = LicenceActionInput,
    params(("id" = i64, Path, description = "Licence id")),
    responses((status = 200, body = LicenceEntry), (status = 403, description = "not an officer of its province nor the national body"),
        (status = 404), (status = 409, description = "`licence_final`, `licence_suspended`, `licence_not_suspended`, `licence_past_validity`, `licence_changed`"),
        (status = 422, description = "`reason` and `legal_basis` required to suspend or revoke")))]
pub async fn status(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(id): Path<i64>,
    Json(input): Json<LicenceActionInput>,
) -> Result<Json<LicenceEntry>, AppError> {
    Ok(Json(
        super::lifecycle::act(&s.db, &actor, id, &input, s.clock.now()).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/licences/{id}/renew", tag = "licensing",
    params(("id" = i64, Path, description = "Licence id")),
    responses((status = 201, body = ApplicationView, description = "a renewal application with the licence's products and brands"),
        (status = 403, description = "not the holder's staff"), (status = 404),
        (status = 409, description = "`licence_not_renewable`: only an active licence is renewed"),
        (status = 422, description = "`no_renewal_type`: no permit type renews this one")))]
pub async fn renew(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let v = super::renew::renew(&s.db, &actor, id, s.clock.now()).await?;
    Ok((StatusCode::CREATED, Json(v)).into_response())
}
