//! The application page's document and message forms: an upload (multipart, its CSRF token
//! in the query as multipart forms carry it) and a message; each error is shown beside its
//! field on the application's page again. Downloads answer as the API's.

use axum::Router;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use serde::Deserialize;

use super::LicensingError;
use super::application_pages::detail_page;
use crate::kernel::upload::{FIELD as FILE_FIELD, MAX_BYTES};
use crate::web::forms::FormErrors;
use crate::web::upload_limit::limited;
use crate::web::{AppError, AppState, Ctx, OnRecord, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/applications/{id}/documents",
            limited(post(upload), MAX_BYTES),
        )
        .route(
            "/applications/{id}/documents/{doc_id}",
            get(super::api::download_document),
        )
        .route("/applications/{id}/messages", post(message))
}

/// The application's page again after a write: on to it when done, or with the error beside
/// `field` (a refusal because it is settled is shown there too).
async fn answer<T>(
    s: &AppState,
    ctx: &Ctx,
    actor: &crate::access::Actor,
    id: i64,
    field: &str,
    result: Result<T, LicensingError>,
    message: String,
) -> Result<Response, AppError> {
    let (errors, status) = match result {
        Ok(_) => return Ok(Redirect::to(&format!("/applications/{id}")).into_response()),
        Err(LicensingError::Invalid(errs)) => (
            FormErrors::from_fields(ctx.lang, &errs),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(LicensingError::Conflict(code)) => (
            FormErrors::single(field, crate::web::error_render::message(ctx.lang, code)),
            StatusCode::CONFLICT,
        ),
        Err(e) => return Err(e.into()),
    };
    let a = super::read::get(&s.db, actor, id).await?;
    let page = detail_page(s, PageCtx::new(ctx), a, errors)
        .await?
        .with_message(message);
    Ok((status, page).into_response())
}

async fn upload(
    OnRecord(s, ctx, actor, id): OnRecord,
    multipart: axum::extract::Multipart,
) -> Result<Response, AppError> {
    let up = crate::web::files::read_upload(multipart).await?;
    let code = up.field(super::documents::FIELD).to_owned();
    let (name, bytes) = up.file_or_empty();
    let r = super::documents::upload(&s.db, &actor, id, &code, &name, &bytes, s.clock.now()).await;
    answer(&s, &ctx, &actor, id, FILE_FIELD, r, String::new()).await
}

#[derive(Deserialize, Default)]
struct MessageForm {
    #[serde(default)]
    body: String,
}

async fn message(
    OnRecord(s, ctx, actor, id): OnRecord,
    Form(f): Form<MessageForm>,
) -> Result<Response, AppError> {
    let r = super::messages::post(&s.db, &actor, id, &f.body, s.clock.now()).await;
    answer(&s, &ctx, &actor, id, super::messages::FIELD, r, f.body).await
}
