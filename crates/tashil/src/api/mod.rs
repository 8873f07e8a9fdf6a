//! The JSON API under `/api/v1`: the OpenAPI 3.1 document, whose paths come from the
//! contexts' routers (each handler's `#[utoipa::path]`, written once), served at
//! `/api/v1/openapi.json` and rendered as a human docs page at `/api/docs`.

mod docs;

use std::sync::Arc;

use axum::Router;
use axum::routing::get;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

use crate::web::AppState;
use crate::{audit, deregulation, facilitation, registry, standards};

/// What the handlers' annotations do not give: the document's description, and one schema
/// placed before the contexts' own (the first of a name wins when documents merge).
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Tashil API",
        version = "1",
        description = "Registry of production units, the provincial industrial profile, and the standards catalogue with its mandatory list and public enquiries. Authenticate with `Authorization: Bearer <token>` (see `tashil token create`). Errors are RFC 9457 problem+json."
    ),
    // Two schemas are named `Decision` (the board's, `standards::enquiry::Decision` of a
    // comment). The published document has always shown the board's; renaming either is an
    // API change of its own, so until then the board's keeps the name.
    components(schemas(deregulation::Decision))
)]
pub struct ApiDoc;

pub fn routes() -> Router<AppState> {
    let (router, doc) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(registry::api::api())
        .merge(standards::api::api())
        .merge(facilitation::api::api())
        .merge(deregulation::api::api())
        .merge(audit::router())
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
