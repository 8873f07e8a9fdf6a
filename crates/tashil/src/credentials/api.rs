//! The machine side of credentials: the issuer's DID document, the status lists, a licence's
//! credential in each form, and the VC API verifier. Public: nothing here needs a login.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::Value;
use tashil_credentials::StatusPurpose;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::check::{Problem, Verification, verify_credential};
use super::issuer::Issuer;
use super::licence::{Form, signed};
use crate::web::{AppError, AppState};

pub(super) fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(did_document))
        .routes(routes!(status_list))
        .routes(routes!(licence_credential))
        .routes(routes!(verify))
}

fn json_as(media: &'static str, body: String) -> Response {
    ([(header::CONTENT_TYPE, media)], body).into_response()
}

#[utoipa::path(get, path = "/.well-known/did.json", tag = "credentials",
    responses((status = 200, description = "the national body's did:web document: every issuer key, current and rotated out")))]
pub async fn did_document(State(s): State<AppState>) -> Result<Response, AppError> {
    let issuer = Issuer::of(&s)?;
    let doc = super::keys::document(&s.db, &issuer.did).await?;
    Ok(json_as("application/did+json", doc.to_json().to_string()))
}

#[utoipa::path(get, path = "/credentials/status/{purpose}/{list}", tag = "credentials",
    params(("purpose" = String, Path, description = "`revocation` or `suspension`"),
        ("list" = i64, Path, description = "The list's number (a credential's id divided by 131,072)")),
    responses((status = 200, description = "a signed BitstringStatusListCredential (eddsa-rdfc-2022)"),
        (status = 404), (status = 409, description = "`credential_key_missing`: this node does not sign")))]
pub async fn status_list(
    State(s): State<AppState>,
    Path((purpose, list)): Path<(String, i64)>,
) -> Result<Response, AppError> {
    let purpose = StatusPurpose::from_name(&purpose).ok_or(AppError::NotFound)?;
    if list < 0 {
        return Err(AppError::NotFound);
    }
    let issuer = Issuer::of(&s)?;
    let text = super::status::list_credential(&issuer, purpose, list, s.clock.now()).await?;
    Ok(json_as("application/vc+ld+json", text.as_str().to_owned()))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FormQuery {
    /// `di-rdfc` (default), `di-jcs` or `jwt`.
    pub form: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/licences/{number}/credential", tag = "credentials",
    params(("number" = String, Path, description = "Licence number"), FormQuery),
    responses((status = 200, description = "the licence's DigitalConformityCredential: JSON with a Data Integrity proof, or a `vc+jwt`"),
        (status = 404), (status = 409, description = "`credential_key_missing`, `credential_key_mismatch`: this node cannot sign one not signed yet"),
        (status = 422, description = "an unknown form")))]
pub async fn licence_credential(
    State(s): State<AppState>,
    Path(number): Path<String>,
    Query(q): Query<FormQuery>,
) -> Result<Response, AppError> {
    let form = match q.form.as_deref() {
        None | Some("") => Form::DiRdfc,
        Some(f) => Form::parse(f).ok_or_else(|| {
            AppError::Invalid(vec![crate::kernel::FieldError::new(
                "form",
                "invalid_choice",
            )])
        })?,
    };
    let id = crate::licensing::licence_by_number(&s.db, &number)
        .await?
        .ok_or(AppError::NotFound)?;
    let issuer = Issuer::of(&s)?;
    let credential = signed(&issuer, id, form, s.clock.now()).await?;
    Ok(match credential {
        Value::String(jwt) => json_as("application/vc+jwt", jwt),
        other => json_as("application/vc+ld+json", other.to_string()),
    })
}

/// The VC API's verify request.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct VerifyRequest {
    /// A credential with a proof, or a `vc+jwt` string.
    #[schema(value_type = Object)]
    pub verifiable_credential: Value,
    #[serde(default)]
    #[schema(value_type = Object)]
    pub options: Value,
}

#[utoipa::path(post, path = "/credentials/verify", tag = "credentials", request_body = VerifyRequest,
    responses((status = 200, body = Verification, description = "the proof, validity dates and status all hold"),
        (status = 400, body = Verification, description = "a check failed (its code in `errors`) or the request is malformed")))]
pub async fn verify(State(s): State<AppState>, body: Bytes) -> Result<Response, AppError> {
    let bad = |code: &str, message: &str| {
        let v = Verification {
            errors: vec![Problem {
                code: code.into(),
                message: message.into(),
            }],
            ..Default::default()
        };
        (StatusCode::BAD_REQUEST, Json(v)).into_response()
    };
    let Ok(request) = serde_json::from_slice::<VerifyRequest>(&body) else {
        return Ok(bad(
            "malformed_request",
            "the body is not {verifiableCredential, options}",
        ));
    };
    let issuer = Issuer::of(&s)?;
    let mut out = verify_credential(&issuer, &request.verifiable_credential, s.clock.now()).await?;
    if request.options.as_object().is_some_and(|o| !o.is_empty()) {
        out.warnings.push(Problem {
            code: "options_ignored".into(),
            message: "this verifier takes no options yet".into(),
        });
    }
    let status = if out.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    Ok((status, Json(out)).into_response())
}
