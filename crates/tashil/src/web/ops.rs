//! Operations routes: liveness, readiness (the database answers) and Prometheus metrics,
//! these behind a token on the main listener or alone on a private one.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sea_orm::ConnectionTrait;

use super::AppState;

pub async fn healthz() -> &'static str {
    "ok"
}

/// A load balancer asks often and waits briefly: while the database is away the pool would
/// wait its whole acquire timeout for a connection, so the answer is bounded well below it.
const READY_WITHIN: std::time::Duration = std::time::Duration::from_secs(1);

pub async fn readyz(State(s): State<AppState>) -> impl IntoResponse {
    match tokio::time::timeout(READY_WITHIN, s.db.execute_unprepared("SELECT 1")).await {
        Ok(Ok(_)) => (StatusCode::OK, "ready"),
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "database not ready");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
        Err(_) => {
            tracing::warn!("database did not answer within a second");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}

/// `/metrics` on the main listener: only for a scraper holding the metrics token; without a
/// token configured, not served there at all. 404 either way, so a stranger learns nothing.
pub async fn metrics_guarded(State(s): State<AppState>, headers: HeaderMap) -> Response {
    let presented = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    match (&s.metrics_token, presented) {
        (Some(expected), Some(p)) if same_secret(expected.as_bytes(), p.as_bytes()) => render(&s),
        _ => StatusCode::NOT_FOUND.into_response(),
    }
}

/// `/metrics` on the private listener (`--metrics-bind`): reachable only from where the
/// operator bound it, so no token.
pub async fn metrics_open(State(s): State<AppState>) -> Response {
    render(&s)
}

fn render(s: &AppState) -> Response {
    crate::memory::record();
    match &s.metrics {
        Some(h) => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
            h.render(),
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// Compares digests, so the time taken says nothing about how much of the token matched
/// (nor its length).
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    use sha2::{Digest, Sha256};
    let (a, b) = (Sha256::digest(a), Sha256::digest(b));
    a.iter()
        .zip(b.iter())
        .fold(0u8, |acc, (x, y)| acc | (x ^ y))
        == 0
}

/// The private listener's router: `/metrics` alone.
pub fn metrics_router(state: AppState) -> axum::Router {
    axum::Router::new()
        .route("/metrics", axum::routing::get(metrics_open))
        .with_state(state)
}

/// Counts requests and their latency by route and status.
pub async fn track(
    matched: Option<axum::extract::MatchedPath>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let start = std::time::Instant::now();
    let method = req.method().to_string();
    let route = matched
        .map(|m| m.as_str().to_string())
        .unwrap_or_else(|| "unmatched".into());
    let res = next.run(req).await;
    let status = res.status().as_u16().to_string();
    metrics::counter!("http_requests_total", "method" => method.clone(), "route" => route.clone(), "status" => status).increment(1);
    metrics::histogram!("http_request_duration_seconds", "method" => method, "route" => route)
        .record(start.elapsed().as_secs_f64());
    res
}
