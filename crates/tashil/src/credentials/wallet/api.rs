//! A wallet's calls (OpenID for Verifiable Credential Issuance 1.0, RFC 6749, RFC 8414):
//! thin handlers that read the request, call the service and answer JSON, OAuth errors as
//! `{"error", "error_description"}`. No session, no CSRF (`web::ctx` lets them through); the
//! token and nonce endpoints are rate-limited per client address in the database instead.

use std::collections::HashMap;

use axum::Form;
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use tashil_text::Lang;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::metadata::{self, Display, PRE_AUTHORIZED_GRANT};
use super::service::{self, WalletError};
use crate::credentials::issuer::Issuer;
use crate::i18n::I18n;
use crate::web::client_addr::ClientAddr;
use crate::web::{AppError, AppState};

pub(super) fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(credential_issuer_metadata))
        .routes(routes!(authorization_server_metadata))
        .routes(routes!(token))
        .routes(routes!(nonce))
        .routes(routes!(credential))
}

/// What no cache may keep (RFC 6749 §5.1, OID4VCI §7.2).
fn no_store(status: StatusCode, body: Value) -> Response {
    (status, [(header::CACHE_CONTROL, "no-store")], Json(body)).into_response()
}

fn oauth_error(status: StatusCode, code: &str, why: &str) -> Response {
    no_store(status, json!({"error": code, "error_description": why}))
}

fn answer(e: WalletError) -> Response {
    match e {
        WalletError::Refused(code, why) => oauth_error(StatusCode::BAD_REQUEST, code, &why),
        // RFC 6749 §5.2 has no code for it: `slow_down` is the one OAuth registered for a
        // client that asks too often (RFC 8628 §3.5), with 429 and Retry-After (RFC 6585 §4).
        WalletError::SlowDown(wait) => {
            let mut r = oauth_error(
                StatusCode::TOO_MANY_REQUESTS,
                "slow_down",
                "too many requests from this address: wait as Retry-After says",
            );
            r.headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from(wait));
            r
        }
        WalletError::InvalidToken => {
            let mut r = oauth_error(
                StatusCode::UNAUTHORIZED,
                "invalid_token",
                "no access token this issuer gave, or an expired one",
            );
            r.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer error=\"invalid_token\""),
            );
            r
        }
        other => AppError::from(other).into_response(),
    }
}

fn names(key: &str) -> Vec<(Lang, String)> {
    let i18n = I18n::get();
    Lang::ALL.into_iter().map(|l| (l, i18n.t(l, key))).collect()
}

fn displays(names: &[(Lang, String)]) -> Vec<Display<'_>> {
    names
        .iter()
        .map(|(l, n)| Display {
            locale: l.code(),
            name: n.clone(),
        })
        .collect()
}

#[utoipa::path(get, path = "/.well-known/openid-credential-issuer", tag = "wallet",
    responses((status = 200, description = "the credential issuer metadata (OpenID4VCI 1.0 §12.2): a licence as `jwt_vc_json` or `ldp_vc`, bound to a did:key or a JWK by a `jwt` key proof")))]
pub async fn credential_issuer_metadata(State(s): State<AppState>) -> Response {
    let issuer = names("cred-issuer-name");
    let credential = names("cred-wallet-credential-name");
    Json(metadata::issuer_metadata(
        &s.public_url,
        &displays(&issuer),
        &displays(&credential),
    ))
    .into_response()
}

#[utoipa::path(get, path = "/.well-known/oauth-authorization-server", tag = "wallet",
    responses((status = 200, description = "the authorization server metadata (RFC 8414): the token endpoint, for the pre-authorized code grant")))]
pub async fn authorization_server_metadata(State(s): State<AppState>) -> Response {
    Json(metadata::authorization_server_metadata(&s.public_url)).into_response()
}

#[utoipa::path(post, path = "/oauth/token", tag = "wallet",
    request_body(content_type = "application/x-www-form-urlencoded", description = "`grant_type` (the pre-authorized code grant), `pre-authorized_code`, `tx_code`"),
    responses((status = 200, description = "`{access_token, token_type: Bearer, expires_in}`"),
        (status = 400, description = "`invalid_request`, `unsupported_grant_type`, `invalid_grant` (an unknown, used or expired code, or a wrong transaction code: five wrong ones kill the offer)"),
        (status = 429, description = "`slow_down`: over 30 requests in a minute from this client address; `Retry-After` says when to ask again")))]
pub async fn token(
    State(s): State<AppState>,
    ClientAddr(client): ClientAddr,
    Form(f): Form<HashMap<String, String>>,
) -> Response {
    if f.get("grant_type").map(String::as_str) != Some(PRE_AUTHORIZED_GRANT) {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "only the pre-authorized code grant",
        );
    }
    let (Some(code), Some(tx)) = (f.get("pre-authorized_code"), f.get("tx_code")) else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "pre-authorized_code and tx_code are both required",
        );
    };
    match service::redeem(&s.db, code, tx, &client.to_string(), s.clock.now()).await {
        Ok(t) => no_store(
            StatusCode::OK,
            json!({"access_token": t.access_token, "token_type": "Bearer", "expires_in": t.expires_in}),
        ),
        Err(e) => answer(e),
    }
}

#[utoipa::path(post, path = "/openid4vci/nonce", tag = "wallet",
    responses((status = 200, description = "`{c_nonce}`: a nonce for one key proof, good for five minutes"),
        (status = 429, description = "`slow_down`: over 60 nonces in a minute from this client address; `Retry-After` says when to ask again")))]
pub async fn nonce(State(s): State<AppState>, ClientAddr(client): ClientAddr) -> Response {
    match service::new_nonce(&s.db, &client.to_string(), s.clock.now()).await {
        Ok(n) => no_store(StatusCode::OK, json!({"c_nonce": n})),
        Err(e) => answer(e),
    }
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
}

#[utoipa::path(post, path = "/openid4vci/credential", tag = "wallet",
    request_body(content_type = "application/json", description = "`credential_configuration_id` and `proofs: {jwt: [one key proof]}` (or the drafts' `proof`)"),
    responses((status = 200, description = "`{credentials: [{credential}]}`: the licence's credential, its subject the holder's DID"),
        (status = 400, description = "`invalid_credential_request`, `unknown_credential_configuration`, `invalid_proof`, `invalid_nonce`"),
        (status = 401, description = "`invalid_token`")))]
pub async fn credential(State(s): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let Some(token) = bearer(&headers) else {
        return answer(WalletError::InvalidToken);
    };
    let Ok(body) = serde_json::from_slice::<Value>(&body) else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_credential_request",
            "the body is not JSON",
        );
    };
    let issuer = match Issuer::of(&s) {
        Ok(i) => i,
        Err(e) => return AppError::from(e).into_response(),
    };
    match service::issue(&issuer, token, &body, s.clock.now()).await {
        Ok(r) => no_store(StatusCode::OK, r),
        Err(e) => answer(e),
    }
}

impl From<WalletError> for AppError {
    fn from(e: WalletError) -> Self {
        match e {
            WalletError::Denied(d) => d.into(),
            WalletError::NotFound => AppError::NotFound,
            WalletError::Licensing(e) => match e {
                crate::licensing::LicensingError::Denied(d) => d.into(),
                crate::licensing::LicensingError::Db(e) => e.into(),
                _ => AppError::NotFound,
            },
            WalletError::Refused(code, _) => AppError::BadRequest(code),
            WalletError::InvalidToken => AppError::Unauthenticated,
            WalletError::SlowDown(_) => AppError::TooManyRequests,
            WalletError::Credential(e) => e.into(),
            WalletError::Db(e) => e.into(),
        }
    }
}
