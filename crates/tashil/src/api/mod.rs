//! The JSON API under `/api/v1`: routes, the OpenAPI 3.1 document generated from the
//! handlers' annotations, and a human docs page rendered from that document.

mod docs;

use axum::Router;
use axum::routing::get;
use utoipa::OpenApi;

use crate::app::AppState;
use crate::registry;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Tashil API",
        version = "1",
        description = "Registry of production units and the provincial industrial profile. Authenticate with `Authorization: Bearer <token>` (see `tashil token create`). Errors are RFC 9457 problem+json."
    ),
    paths(
        registry::api::list,
        registry::api::get,
        registry::api::create,
        registry::api::update,
        registry::api::province_profile,
    ),
    components(schemas(
        registry::UnitPage,
        registry::UnitSummary,
        registry::UnitDetail,
        registry::UnitDraft,
        registry::ProductDraft,
        registry::QcManagerDraft,
        registry::profile::Profile,
        registry::profile::DivisionRow,
        registry::api::Created,
    ))
)]
pub struct ApiDoc;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/units",
            get(registry::api::list).post(registry::api::create),
        )
        .route(
            "/api/v1/units/{id}",
            get(registry::api::get).put(registry::api::update),
        )
        .route(
            "/api/v1/provinces/{code}/profile",
            get(registry::api::province_profile),
        )
        .route("/api/v1/openapi.json", get(openapi_json))
        .route("/api/docs", get(docs::page))
}

async fn openapi_json() -> axum::response::Response {
    use axum::response::IntoResponse;
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        ApiDoc::openapi().to_json().unwrap_or_default(),
    )
        .into_response()
}
