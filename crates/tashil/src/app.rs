//! Builds the application: state shared by handlers, the router and the middleware stack.

use std::sync::Arc;

use axum::Router;
use axum::routing::get;
use metrics_exporter_prometheus::PrometheusHandle;
use sea_orm::DatabaseConnection;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::trace::TraceLayer;

use crate::web::{assets, ctx, ops};

#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    /// Signs CSRF tokens; shared by all instances through the `settings` table.
    pub csrf_secret: Arc<Vec<u8>>,
    pub metrics: Option<PrometheusHandle>,
    /// Set the `Secure` flag on cookies (behind HTTPS).
    pub secure_cookies: bool,
    /// This node's search index of the standards catalogue.
    pub catalogue: Arc<crate::search::Catalogue>,
}

impl AppState {
    /// Opens this node's search index under `data_dir` and brings it level with the database.
    pub async fn new(
        db: DatabaseConnection,
        data_dir: &std::path::Path,
        metrics: Option<PrometheusHandle>,
        secure_cookies: bool,
    ) -> anyhow::Result<Self> {
        let secret = crate::db::settings::get_or_create(
            &db,
            "csrf-secret",
            crate::db::settings::random_secret,
        )
        .await?;
        let catalogue = Arc::new(crate::search::Catalogue::open(data_dir)?);
        catalogue.catch_up(&db).await?;
        Ok(AppState {
            catalogue,
            db,
            csrf_secret: Arc::new(secret.into_bytes()),
            metrics,
            secure_cookies,
        })
    }
}

/// Upload bound: a 20 MB spreadsheet with room to spare.
const MAX_BODY: usize = 64 * 1024 * 1024;

pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(crate::identity::pages::routes())
        .merge(crate::registry::pages::routes())
        .merge(crate::registry::profile::routes())
        .merge(crate::standards::pages::routes())
        .merge(crate::facilitation::pages::routes())
        .merge(crate::facilitation::deregulation_pages::routes())
        .merge(crate::api::routes())
        .merge(crate::audit::routes())
        .route("/static/{file}", get(assets::serve))
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz))
        .route("/metrics", get(ops::metrics))
        .route_layer(axum::middleware::from_fn(ops::track))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            ctx::layer,
        ))
        .layer(RequestBodyLimitLayer::new(MAX_BODY))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
