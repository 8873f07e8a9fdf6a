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

use chrono::{DateTime, Utc};
use futures_util::future::try_join_all;
use sea_orm::DatabaseConnection;

use crate::access::Actor;
use crate::jobs::{Job, Jobs};
use crate::mail::MailKind;
use crate::web::nav::{self, NavEntry, NavFn};
use crate::web::upload_limit::MAX_BODY;
use crate::web::{AppState, WaitingFn, WaitingItems, assets, ctx, headers, ops};
use crate::{api, audit, deregulation, facilitation, identity, licensing, registry, standards};

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
/// `docs/ARCHITECTURE.md`): its pages and API and its navigation entries; if it has any, its
/// periodic jobs, the kinds of message it sends, and what waits in it for an actor (with the
/// message keys of those items).
struct Context {
    router: fn() -> OpenApiRouter<AppState>,
    nav: NavFn,
    jobs: &'static [Job],
    mail_kinds: &'static [MailKind],
    waiting: Option<WaitingFn>,
    waiting_keys: &'static [&'static str],
}

impl Context {
    const fn new(router: fn() -> OpenApiRouter<AppState>, nav: NavFn) -> Self {
        Context {
            router,
            nav,
            jobs: &[],
            mail_kinds: &[],
            waiting: None,
            waiting_keys: &[],
        }
    }

    const fn jobs(mut self, jobs: &'static [Job]) -> Self {
        self.jobs = jobs;
        self
    }

    const fn mail(mut self, kinds: &'static [MailKind]) -> Self {
        self.mail_kinds = kinds;
        self
    }

    const fn waiting(mut self, items: WaitingFn, keys: &'static [&'static str]) -> Self {
        self.waiting = Some(items);
        self.waiting_keys = keys;
        self
    }
}

/// Every context, one entry each. Navigation entries keep this order within their group (the
/// actor's work first, then what anyone may consult).
const CONTEXTS: &[Context] = &[
    Context::new(standards::router, standards::nav)
        .waiting(standards::waiting, standards::WAITING_KEYS),
    Context::new(registry::router, registry::nav),
    Context::new(facilitation::router, facilitation::nav)
        .jobs(facilitation::JOBS)
        .mail(&facilitation::MAIL_KINDS)
        .waiting(facilitation::waiting, facilitation::WAITING_KEYS),
    Context::new(deregulation::router, deregulation::nav)
        .waiting(deregulation::waiting, deregulation::WAITING_KEYS),
    Context::new(licensing::router, licensing::nav)
        .jobs(licensing::JOBS)
        .mail(&licensing::MAIL_KINDS),
    Context::new(crate::conformity::router, crate::conformity::nav)
        .jobs(crate::conformity::JOBS)
        .mail(&crate::conformity::MAIL_KINDS)
        .waiting(crate::conformity::waiting, crate::conformity::WAITING_KEYS),
    Context::new(crate::quality::router, crate::quality::nav)
        .jobs(crate::quality::JOBS)
        .mail(&crate::quality::MAIL_KINDS),
    Context::new(crate::supervision::router, crate::supervision::nav)
        .mail(&crate::supervision::MAIL_KINDS),
    Context::new(crate::calendar::router, crate::calendar::nav),
    Context::new(crate::credentials::router, nav::none).mail(&crate::credentials::MAIL_KINDS),
    Context::new(identity::router, nav::none).jobs(identity::JOBS),
    Context::new(audit::router, nav::none),
];

/// The main navigation of every page: the contexts' entries, then the API reference.
fn navigation(actor: Option<&Actor>) -> Vec<NavEntry> {
    let contexts = CONTEXTS.iter().flat_map(|c| (c.nav)(actor));
    nav::arrange(contexts.chain(api::nav(actor)))
}

/// What waits for `actor` at `now` in every context, asked of them all at once (the home page
/// sorts).
fn waiting<'a>(
    db: &'a DatabaseConnection,
    actor: &'a Actor,
    now: DateTime<Utc>,
) -> WaitingItems<'a> {
    Box::pin(async move {
        let lists = try_join_all(
            CONTEXTS
                .iter()
                .filter_map(|c| c.waiting)
                .map(|w| w(db, actor, now)),
        );
        Ok(lists.await?.into_iter().flatten().collect())
    })
}

/// The message keys the contexts' waiting items may carry (each must exist in every language).
pub fn waiting_keys() -> impl Iterator<Item = &'static str> {
    CONTEXTS.iter().flat_map(|c| c.waiting_keys).copied()
}

/// The periodic work of a node: every context's jobs, then the layers' steps (see `jobs`).
pub fn jobs() -> Jobs {
    Jobs::new(CONTEXTS.iter().flat_map(|c| c.jobs).copied())
}

/// Every kind of message the contexts send (each needs its texts in every `mail.ftl`).
pub fn mail_kinds() -> impl Iterator<Item = MailKind> {
    CONTEXTS.iter().flat_map(|c| c.mail_kinds).copied()
}

pub fn router(state: AppState) -> Router {
    let state = state.with_navigation(navigation).with_waiting(waiting);
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
