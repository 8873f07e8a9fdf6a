//! Composes the application: the contexts' routers under one OpenAPI document, and the
//! middleware stack around them.

use std::future::Future;
use std::net::SocketAddr;

use axum::Router;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::get;
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::trace::TraceLayer;

use crate::web::upload_limit::MAX_BODY;
use crate::web::{AppState, assets, ctx, headers, ops};

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
