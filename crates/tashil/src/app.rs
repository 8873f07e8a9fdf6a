//! Builds the application: state shared by handlers, the router and the middleware stack.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::get;
use metrics_exporter_prometheus::PrometheusHandle;
use sea_orm::DatabaseConnection;
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::trace::TraceLayer;

use crate::web::client_addr::TrustedProxies;
use crate::web::{assets, ctx, headers, ops};

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
    /// Proxies whose `X-Forwarded-For` names the client; none unless configured.
    pub trusted_proxies: Arc<TrustedProxies>,
    /// The bearer token a scraper shows for `/metrics` on the main listener; without one,
    /// `/metrics` is served only on the private metrics listener.
    pub metrics_token: Option<Arc<str>>,
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
            trusted_proxies: Arc::new(TrustedProxies::default()),
            metrics_token: None,
        })
    }

    pub fn with_trusted_proxies(mut self, proxies: TrustedProxies) -> Self {
        self.trusted_proxies = Arc::new(proxies);
        self
    }

    /// An empty token counts as none.
    pub fn with_metrics_token(mut self, token: Option<String>) -> Self {
        self.metrics_token = token.filter(|t| !t.trim().is_empty()).map(Arc::from);
        self
    }
}

/// Upload bound: a 20 MB spreadsheet with room to spare.
pub const MAX_BODY: usize = 64 * 1024 * 1024;

/// Serves the application until `shutdown` completes. Every server of the router goes through
/// here, so each request knows its TCP peer (see [`crate::web::client_addr`]).
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(
        listener,
        router(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}

/// Serves `/metrics` alone, without a token, on a listener of its own (a private interface).
pub async fn serve_metrics(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, ops::metrics_router(state))
        .with_graceful_shutdown(shutdown)
        .await
}

pub fn router(state: AppState) -> Router {
    let app = Router::new()
        .merge(crate::identity::pages::routes())
        .merge(crate::registry::pages::routes())
        .merge(crate::registry::profile::routes())
        .merge(crate::standards::pages::routes())
        .merge(crate::facilitation::pages::routes())
        .merge(crate::deregulation::pages::routes())
        .merge(crate::api::routes())
        .route("/static/{file}", get(assets::serve))
        .layer(from_fn_with_state(state.clone(), ctx::layer));
    // Probes and the scraper stay outside the context layer: no cookies, and the metrics
    // bearer token is not an API token.
    Router::new()
        .merge(app)
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz))
        .route("/metrics", get(ops::metrics_guarded))
        .route_layer(from_fn(ops::track))
        .layer(RequestBodyLimitLayer::new(MAX_BODY))
        .layer(CatchPanicLayer::new())
        .layer(from_fn_with_state(state.clone(), headers::layer))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
