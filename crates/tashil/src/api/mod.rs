//! The JSON API's document: the OpenAPI 3.1 description of `/api/v1`, whose paths come from
//! the contexts' routers (each handler's `#[utoipa::path]`, written once), served at
//! `/api/v1/openapi.json` and rendered as a human docs page at `/api/docs`.

mod docs;

use std::sync::Arc;

use axum::Router;
use axum::routing::get;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

use crate::access::Actor;
use crate::deregulation;
use crate::web::{AppState, NavEntry};

/// What the handlers' annotations do not give: the document's description, and one schema
/// placed before the contexts' own (the first of a name wins when documents merge).
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Tashil API",
        version = "1",
        description = "Registry of production units, the provincial industrial profile, and the standards catalogue with its mandatory list and public enquiries. Authenticate with `Authorization: Bearer <token>` (see `tashil token create`). Errors are RFC 9457 problem+json."
    ),
    components(schemas(deregulation::Decision))
)]
pub struct ApiDoc;

/// The contexts' routers under one OpenAPI document, which is served at
/// `/api/v1/openapi.json` and rendered at `/api/docs`.
pub fn compose(contexts: impl IntoIterator<Item = OpenApiRouter<AppState>>) -> Router<AppState> {
    let (router, doc) = contexts
        .into_iter()
        .fold(
            OpenApiRouter::with_openapi(ApiDoc::openapi()),
            OpenApiRouter::merge,
        )
        .split_for_parts();
    let doc = Arc::new(doc);
    let json = doc.clone();
    router
        .route(
            "/api/v1/openapi.json",
            get(move || openapi_json(json.clone())),
        )
        .route("/api/docs", get(move |ctx| docs::page(ctx, doc.clone())))
}

/// The API reference, for anyone.
pub fn nav(_: Option<&Actor>) -> Vec<NavEntry> {
    vec![NavEntry::public("/api/docs", "nav-api")]
}

async fn openapi_json(
    doc: Arc<utoipa::openapi::OpenApi>,
) -> Result<axum::response::Response, crate::web::AppError> {
    use axum::response::IntoResponse;
    let json = doc.to_json().map_err(crate::web::AppError::internal)?;
    Ok((
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        json,
    )
        .into_response())
}
