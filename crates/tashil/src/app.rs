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
use utoipa_axum::router::OpenApiRouter;

use crate::access::Actor;
use crate::web::nav::{self, NavEntry, NavFn};
use crate::web::upload_limit::MAX_BODY;
use crate::web::{AppState, assets, ctx, headers, ops};
use crate::{api, audit, deregulation, facilitation, identity, registry, standards};

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

/// What the application takes from a context (see "The context contract" in
/// `docs/ARCHITECTURE.md`): its pages and API, and its navigation entries.
struct Context {
    router: fn() -> OpenApiRouter<AppState>,
    nav: NavFn,
}

impl Context {
    const fn new(router: fn() -> OpenApiRouter<AppState>, nav: NavFn) -> Self {
        Context { router, nav }
    }
}

/// Every context, one line each. Navigation entries keep this order within their group (the
/// actor's work first, then what anyone may consult).
const CONTEXTS: &[Context] = &[
    Context::new(standards::router, standards::nav),
    Context::new(registry::router, registry::nav),
    Context::new(facilitation::router, facilitation::nav),
    Context::new(deregulation::router, deregulation::nav),
    Context::new(crate::calendar::router, crate::calendar::nav),
    Context::new(identity::router, nav::none),
    Context::new(audit::router, nav::none),
];

/// The main navigation of every page: the contexts' entries, then the API reference.
fn navigation(actor: Option<&Actor>) -> Vec<NavEntry> {
    let contexts = CONTEXTS.iter().flat_map(|c| (c.nav)(actor));
    nav::arrange(contexts.chain(api::nav(actor)))
}

pub fn router(state: AppState) -> Router {
    let state = state.with_navigation(navigation);
    let app = api::compose(CONTEXTS.iter().map(|c| (c.router)()))
        .merge(crate::home::routes())
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
