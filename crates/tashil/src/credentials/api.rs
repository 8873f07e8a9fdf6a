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

use super::check::{PresentationVerification, Problem, Verification, verify_credential};
use super::identity::{IdentityError, UNIT_CLOSED};
use super::issue::IssueError;
use super::issuer::Issuer;
use super::licence::{Form, signed};
use super::vc_status::{FOLLOWS_LICENCE, Named, StatusError};
use crate::web::{AppError, AppState, Authed, OnRecord};

pub(super) fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(did_document))
        .routes(routes!(status_list))
        .routes(routes!(provincial_did_document))
        .routes(routes!(provincial_status_list))
        .routes(routes!(enable_provincial_issuer))
        .routes(routes!(licence_credential))
        .routes(routes!(unit_identity_credential))
        .routes(routes!(verify))
        .routes(routes!(issue))
        .routes(routes!(update_status))
        .routes(routes!(verify_presentation))
}

fn json_as(media: &'static str, body: String) -> Response {
    ([(header::CONTENT_TYPE, media)], body).into_response()
}

#[utoipa::path(get, path = "/.well-known/did.json", tag = "credentials",
    responses((status = 200, description = "the national body's did:web document: every issuer key, current and rotated out")))]
pub async fn did_document(State(s): State<AppState>) -> Result<Response, AppError> {
    let issuer = Issuer::of(&s)?;
    let doc = super::keys::document(&issuer).await?;
    Ok(json_as("application/did+json", doc.to_json().to_string()))
}

/// Province `code`'s issuer on this node, when the province has one (else a 404).
async fn provincial<'a>(s: &'a AppState, code: &str) -> Result<Issuer<'a>, AppError> {
    if !super::provinces::configured(&s.db, code).await? {
        return Err(AppError::NotFound);
    }
    Ok(Issuer::of(s)?.named(code)?)
}

#[utoipa::path(get, path = "/provinces/{code}/did.json", tag = "credentials",
    params(("code" = String, Path, description = "The province's code, e.g. `IR-26`")),
    responses((status = 200, description = "a provincial issuer's did:web document (`did:web:HOST:provinces:{code}`): every key, current and rotated out"),
        (status = 404, description = "the province has no issuer of its own")))]
pub async fn provincial_did_document(
    State(s): State<AppState>,
    Path(code): Path<String>,
) -> Result<Response, AppError> {
    let issuer = provincial(&s, &code).await?;
    let doc = super::keys::document(&issuer).await?;
    Ok(json_as("application/did+json", doc.to_json().to_string()))
}

#[utoipa::path(get, path = "/provinces/{code}/credentials/status/{purpose}/{list}", tag = "credentials",
    params(("code" = String, Path, description = "The province's code, e.g. `IR-26`"),
        ("purpose" = String, Path, description = "`revocation` or `suspension`"),
        ("list" = i64, Path, description = "The list's number (a credential's id divided by 131,072)")),
    responses((status = 200, description = "a provincial issuer's signed BitstringStatusListCredential (eddsa-rdfc-2022)"),
        (status = 404), (status = 409, description = "`credential_key_missing`: this node does not sign")))]
pub async fn provincial_status_list(
    State(s): State<AppState>,
    Path((code, purpose, list)): Path<(String, String, i64)>,
) -> Result<Response, AppError> {
    let issuer = provincial(&s, &code).await?;
    list_of(&s, &issuer, &purpose, list).await
}

/// `issuer`'s signed list `list` of `purpose`.
async fn list_of(
    s: &AppState,
    issuer: &Issuer<'_>,
    purpose: &str,
    list: i64,
) -> Result<Response, AppError> {
    let purpose = StatusPurpose::from_name(purpose).ok_or(AppError::NotFound)?;
    if list < 0 {
        return Err(AppError::NotFound);
    }
    let text = super::status::list_credential(issuer, purpose, list, s.clock.now()).await?;
    Ok(json_as("application/vc+ld+json", text.as_str().to_owned()))
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
    let issuer = Issuer::of(&s)?;
    list_of(&s, &issuer, &purpose, list).await
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FormQuery {
    /// `di-rdfc` (default), `di-jcs` or `jwt`.
    pub form: Option<String>,
}

/// The form asked, `di-rdfc` when none; an unknown one is a 422.
fn form_of(q: &FormQuery) -> Result<Form, AppError> {
    match q.form.as_deref() {
        None | Some("") => Ok(Form::DiRdfc),
        Some(f) => Form::parse(f).ok_or_else(|| {
            AppError::Invalid(vec![crate::kernel::FieldError::new(
                "form",
                "invalid_choice",
            )])
        }),
    }
}

/// A signed credential as served: JSON-LD, or a compact `vc+jwt`.
fn served(credential: Value) -> Response {
    match credential {
        Value::String(jwt) => json_as("application/vc+jwt", jwt),
        other => json_as("application/vc+ld+json", other.to_string()),
    }
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
    let form = form_of(&q)?;
    let id = crate::licensing::licence_by_number(&s.db, &number)
        .await?
        .ok_or(AppError::NotFound)?;
    let issuer = Issuer::of(&s)?;
    Ok(served(signed(&issuer, id, form, s.clock.now()).await?))
}

impl From<IdentityError> for AppError {
    fn from(e: IdentityError) -> Self {
        match e {
            IdentityError::Denied(d) => d.into(),
            IdentityError::Closed => AppError::Conflict(UNIT_CLOSED),
            IdentityError::Credential(e) => e.into(),
        }
    }
}

#[utoipa::path(get, path = "/api/v1/units/{id}/identity-credential", tag = "credentials",
    params(("id" = i64, Path, description = "Unit id"), FormQuery),
    responses((status = 200, description = "the unit's UNTP DigitalIdentityAnchor (its register entry: national ID, name, country), signed now and valid a year: JSON with a Data Integrity proof, or a `vc+jwt`"),
        (status = 401, description = "no valid token or session"),
        (status = 403, description = "a role that reads no units"),
        (status = 404, description = "absent or outside the caller's scope"),
        (status = 409, description = "`unit_closed`; `credential_key_missing`, `credential_key_mismatch`: this node cannot sign"),
        (status = 422, description = "an unknown form")))]
pub async fn unit_identity_credential(
    OnRecord(s, _, actor, id): OnRecord,
    Query(q): Query<FormQuery>,
) -> Result<Response, AppError> {
    let form = form_of(&q)?;
    let issuer = Issuer::of(&s)?;
    let credential =
        super::identity::identity_credential(&issuer, &actor, id, form, s.clock.now()).await?;
    Ok(served(credential))
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

/// The VC API's issue request.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct IssueRequest {
    /// A VC 2.0 credential without a proof, naming this installation's did:web as `issuer`.
    #[schema(value_type = Object)]
    pub credential: Value,
    /// `cryptosuite`: `eddsa-rdfc-2022` (the default) or `eddsa-jcs-2022`; `credentialStatus`:
    /// `{"type": "BitstringStatusListEntry", "statusPurpose": "revocation"}` (or
    /// `suspension`, or an array of both) adds an entry on the issuer's list of that purpose.
    #[serde(default)]
    #[schema(value_type = Object)]
    pub options: Value,
}

/// The VC API's issue answer.
#[derive(serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Issued {
    #[schema(value_type = Object)]
    pub verifiable_credential: Value,
}

impl From<IssueError> for AppError {
    fn from(e: IssueError) -> Self {
        match e {
            IssueError::Denied(d) => d.into(),
            IssueError::Refused {
                field,
                code,
                detail,
            } => AppError::Malformed(
                "credential_refused",
                vec![IssueError::field_error(&field, code, &detail)],
            ),
            IssueError::Credential(e) => e.into(),
        }
    }
}

/// A body that is not the request's JSON shape: 400, as the VC API asks.
fn malformed(what: &str) -> AppError {
    AppError::Malformed(
        "malformed_request",
        vec![crate::kernel::FieldError::new(what, "malformed_request")],
    )
}

#[utoipa::path(post, path = "/credentials/issue", tag = "credentials", request_body = IssueRequest,
    responses((status = 201, body = Issued, description = "the credential with the national body's proof"),
        (status = 400, description = "problem+json `credential_refused` (`errors`: the member at fault and why: not VC 2.0, another issuer, an unknown context or term, an unknown cryptosuite) or `malformed_request`"),
        (status = 401, description = "no valid token"),
        (status = 403, description = "only the national administrator issues (ADR 0016)"),
        (status = 409, description = "`credential_key_missing`, `credential_key_mismatch`: this node cannot sign")))]
pub async fn issue(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    body: Bytes,
) -> Result<Response, AppError> {
    let request: IssueRequest =
        serde_json::from_slice(&body).map_err(|_| malformed("credential"))?;
    let issuer = Issuer::of(&s)?;
    let signed = super::issue::issue(
        &issuer,
        &actor,
        &request.credential,
        &request.options,
        s.clock.now(),
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(Issued {
            verifiable_credential: signed,
        }),
    )
        .into_response())
}

/// The VC API's status update request.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct StatusRequest {
    /// The `id` of a credential issued with a status entry, or
    pub credential_id: Option<String>,
    /// the credential itself (its `credentialStatus` names the slot).
    #[schema(value_type = Object)]
    pub credential: Option<Value>,
    /// `revocation` or `suspension`.
    pub status_purpose: String,
    /// The bit's new value: `true` revokes or suspends, `false` lifts a suspension.
    pub status: bool,
}

impl From<StatusError> for AppError {
    fn from(e: StatusError) -> Self {
        match e {
            StatusError::Denied(d) => d.into(),
            StatusError::Refused(r) => AppError::Malformed(
                "credential_status_refused",
                vec![IssueError::field_error(&r.field, r.code, &r.detail)],
            ),
            StatusError::FollowsLicence => AppError::Conflict(FOLLOWS_LICENCE),
            StatusError::Credential(e) => e.into(),
        }
    }
}

#[utoipa::path(post, path = "/credentials/status", tag = "credentials", request_body = StatusRequest,
    responses((status = 200, description = "the bit is set (or cleared) and the list every node serves rebuilt"),
        (status = 400, description = "problem+json `credential_status_refused` (`vc_status_purpose_unsupported`, `credential_status_purpose_absent`) or `malformed_request`"),
        (status = 401, description = "no valid token"),
        (status = 403, description = "only the national administrator changes a status (ADR 0016)"),
        (status = 404, description = "no credential this installation issued with a status entry"),
        (status = 409, description = "`credential_status_follows_licence`: a licence's credential follows its licence")))]
pub async fn update_status(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    body: Bytes,
) -> Result<Response, AppError> {
    let request: StatusRequest =
        serde_json::from_slice(&body).map_err(|_| malformed("credentialId"))?;
    let named = match (&request.credential_id, &request.credential) {
        (Some(id), _) => Named::Id(id),
        (None, Some(c)) => Named::Credential(c),
        (None, None) => return Err(malformed("credentialId")),
    };
    let purpose = super::vc_status::purpose("statusPurpose", Some(&request.status_purpose))
        .map_err(StatusError::from)?;
    let issuer = Issuer::of(&s)?;
    super::vc_status::set_status(
        &issuer,
        &actor,
        named,
        purpose,
        request.status,
        s.clock.now(),
    )
    .await?;
    Ok(StatusCode::OK.into_response())
}

/// The VC API's presentation verify request.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PresentationRequest {
    /// A VC 2.0 presentation, with or without its holder's proof.
    #[schema(value_type = Object)]
    pub verifiable_presentation: Value,
    #[serde(default)]
    pub options: PresentationOptions,
}

/// What the presentation's proof must answer.
#[derive(Deserialize, Default, utoipa::ToSchema)]
pub struct PresentationOptions {
    pub challenge: Option<String>,
    pub domain: Option<String>,
}

#[utoipa::path(post, path = "/presentations/verify", tag = "credentials", request_body = PresentationRequest,
    responses((status = 200, body = PresentationVerification, description = "the presentation's proof (answering the challenge and domain asked) and every credential in it hold"),
        (status = 400, body = PresentationVerification, description = "a check failed (its code in `errors`, each credential's in `credentialResults`) or the request is malformed")))]
pub async fn verify_presentation(
    State(s): State<AppState>,
    body: Bytes,
) -> Result<Response, AppError> {
    let Ok(request) = serde_json::from_slice::<PresentationRequest>(&body) else {
        let v = PresentationVerification {
            errors: vec![Problem {
                code: "malformed_request".into(),
                message: "the body is not {verifiablePresentation, options}".into(),
            }],
            ..Default::default()
        };
        return Ok((StatusCode::BAD_REQUEST, Json(v)).into_response());
    };
    let issuer = Issuer::of(&s)?;
    let asked = tashil_credentials::PresentationChallenge {
        challenge: request.options.challenge.as_deref(),
        domain: request.options.domain.as_deref(),
    };
    let out = super::check::verify_presentation(
        &issuer,
        &request.verifiable_presentation,
        &asked,
        s.clock.now(),
    )
    .await?;
    let status = if out.verified {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    Ok((status, Json(out)).into_response())
}

/// A province to issue in its own name.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct ProvincialIssuerInput {
    /// The province's code, e.g. `IR-26`.
    pub province: String,
}

/// A province's own issuer.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ProvincialIssuerView {
    pub province: String,
    /// `did:web:HOST:provinces:{code}`.
    pub did: String,
    /// Where its DID document is served.
    pub document: String,
}

#[utoipa::path(post, path = "/api/v1/credentials/issuers", tag = "credentials",
    request_body = ProvincialIssuerInput,
    responses((status = 201, body = ProvincialIssuerView, description = "the province's office now signs the licences it decides (ADR 0019)"),
        (status = 403, description = "only the national administrator turns a provincial issuer on"),
        (status = 409, description = "`provincial_issuer_on`: the province issues already"),
        (status = 422, description = "an unknown province")))]
pub async fn enable_provincial_issuer(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Json(input): Json<ProvincialIssuerInput>,
) -> Result<(StatusCode, Json<ProvincialIssuerView>), AppError> {
    let code = super::provinces::enable(&s.db, &actor, &input.province, s.clock.now()).await?;
    let issuer = Issuer::of(&s)?.named(&code)?;
    Ok((
        StatusCode::CREATED,
        Json(ProvincialIssuerView {
            document: format!("{}/did.json", issuer.root),
            did: issuer.did,
            province: code,
        }),
    ))
}
