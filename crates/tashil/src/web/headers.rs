//! Security headers on every response, pages and API alike. Every script, style sheet, font
//! and image is served from `/static`, so the policy allows `'self'` only; a header a handler
//! set itself (an attachment's) is left as it is.

use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

use super::AppState;

const CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; \
    script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; \
    object-src 'none'";

/// One year, as the HSTS preload list asks (RFC 6797 §6.1.1).
const HSTS: &str = "max-age=31536000";

pub async fn layer(State(s): State<AppState>, req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let mut set = |name: HeaderName, value: &'static str| {
        if !res.headers().contains_key(&name) {
            res.headers_mut()
                .insert(name, HeaderValue::from_static(value));
        }
    };
    set(header::CONTENT_SECURITY_POLICY, CSP);
    // For browsers that predate `frame-ancestors`.
    set(header::X_FRAME_OPTIONS, "DENY");
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::REFERRER_POLICY, "strict-origin-when-cross-origin");
    // Only behind HTTPS: on plain HTTP the header is ignored, and a test or local install
    // must not pin a host to HTTPS it does not have.
    if s.secure_cookies {
        set(header::STRICT_TRANSPORT_SECURITY, HSTS);
    }
    res
}
