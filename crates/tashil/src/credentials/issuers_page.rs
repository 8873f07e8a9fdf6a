//! `/credentials/issuers`: the national administrator sees the installation's issuers (the
//! national body's did:web and each province's own) and turns a province's issuer on, through
//! the use case the API calls (ADR 0019). Every other role gets a 403.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum_extra::extract::Form;
use serde::Deserialize;

use super::issuer::Issuer;
use super::provinces::{self, IssuersError};
use crate::access::credentials::authorize_issuers;
use crate::web::forms::{Opt, options};
use crate::web::{AppError, AppState, Authed, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/credentials/issuers", get(show).post(enable))
}

struct IssuerLine {
    name: String,
    did: String,
    document: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "credentials/issuers.html")]
struct IssuersPage {
    page: PageCtx,
    issuers: Vec<IssuerLine>,
    /// The provinces that may still be turned on.
    choices: Vec<Opt>,
    /// The province just turned on (its name).
    enabled: Option<String>,
    error: Option<String>,
}

#[derive(Deserialize, Default)]
struct Shown {
    on: Option<String>,
}

#[derive(Deserialize)]
struct EnableForm {
    province: String,
}

async fn page(
    s: &AppState,
    page: PageCtx,
    enabled: Option<String>,
    error: Option<String>,
) -> Result<IssuersPage, AppError> {
    let national = Issuer::of(s)?;
    let on = provinces::all(&s.db).await?;
    let mut issuers = vec![IssuerLine {
        name: page.t("cred-issuer-name"),
        document: format!("{}/.well-known/did.json", national.root),
        did: national.did.clone(),
    }];
    for code in &on {
        let i = national.named(code)?;
        issuers.push(IssuerLine {
            name: page.province_name(code),
            document: format!("{}/did.json", i.root),
            did: i.did,
        });
    }
    let free = tashil_reference::provinces::PROVINCES
        .iter()
        .filter(|p| !on.iter().any(|c| c == p.code))
        .map(|p| (p.code.to_owned(), page.province_name(p.code)));
    Ok(IssuersPage {
        choices: options(free, ""),
        enabled: enabled.map(|c| page.province_name(&c)),
        issuers,
        error,
        page,
    })
}

async fn show(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Query(q): Query<Shown>,
) -> Result<Response, AppError> {
    authorize_issuers(&actor)?;
    let p = page(&s, PageCtx::new(&ctx), q.on, None).await?;
    Ok(p.into_response())
}

async fn enable(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Form(form): Form<EnableForm>,
) -> Result<Response, AppError> {
    let refused = match provinces::enable(&s.db, &actor, &form.province, s.clock.now()).await {
        Ok(code) => {
            return Ok(Redirect::to(&format!("/credentials/issuers?on={code}")).into_response());
        }
        Err(IssuersError::Invalid(_)) => (StatusCode::UNPROCESSABLE_ENTITY, "cred-issuers-unknown"),
        Err(IssuersError::AlreadyOn) => (StatusCode::CONFLICT, "cred-issuers-already-on"),
        Err(other) => return Err(other.into()),
    };
    let pc = PageCtx::new(&ctx);
    let error = Some(pc.t(refused.1));
    Ok((refused.0, page(&s, pc, None, error).await?).into_response())
}
