//! Login and logout; the preferences page's routes (`preferences.rs`).

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

use crate::web::AppState;
use crate::web::client_addr::ClientAddr;
use crate::web::ctx::{
    ANON_COOKIE, LANG_COOKIE, SESSION_COOKIE, expired, persistent, session_cookie,
};
use crate::web::local_path::local_path;
use crate::web::{AppError, Ctx, PageCtx};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/login", get(login_form).post(login))
        .route("/logout", post(logout))
        .merge(super::preferences::routes())
}

#[derive(Deserialize, Default)]
struct NextQuery {
    next: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "identity/login.html")]
struct LoginPage {
    page: PageCtx,
    email: String,
    next: String,
    error: String,
}

async fn login_form(ctx: Ctx, Query(q): Query<NextQuery>) -> impl IntoResponse {
    LoginPage {
        page: PageCtx::new(&ctx),
        email: String::new(),
        next: local_path(q.next.as_deref()),
        error: String::new(),
    }
}

#[derive(Deserialize)]
struct LoginForm {
    email: String,
    password: String,
    #[serde(default)]
    next: Option<String>,
}

async fn login(
    State(s): State<AppState>,
    ctx: Ctx,
    ClientAddr(client): ClientAddr,
    Form(f): Form<LoginForm>,
) -> Result<Response, AppError> {
    let next = local_path(f.next.as_deref());
    match crate::identity::login(&s.db, &f.email, &f.password, &client.to_string()).await {
        Ok(session) => {
            let mut res = Redirect::to(&next).into_response();
            let cookies = [
                session_cookie(SESSION_COOKIE, session.token, s.secure_cookies),
                expired(ANON_COOKIE),
                persistent(LANG_COOKIE, session.lang, s.secure_cookies),
            ];
            for c in cookies {
                if let Ok(v) = HeaderValue::from_str(&c.to_string()) {
                    res.headers_mut().append(header::SET_COOKIE, v);
                }
            }
            Ok(res)
        }
        Err(
            e @ (crate::identity::IdentityError::BadCredentials
            | crate::identity::IdentityError::Throttled),
        ) => {
            let page = PageCtx::new(&ctx);
            let error = crate::web::error_render::message(ctx.lang, e.code());
            let status = if matches!(e, crate::identity::IdentityError::Throttled) {
                axum::http::StatusCode::TOO_MANY_REQUESTS
            } else {
                axum::http::StatusCode::UNAUTHORIZED
            };
            let body = LoginPage {
                page,
                email: f.email,
                next,
                error,
            };
            let html = body.render().map_err(AppError::internal)?;
            Ok((status, axum::response::Html(html)).into_response())
        }
        Err(e) => Err(AppError::internal(e)),
    }
}

async fn logout(State(s): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    if let Some(t) = &ctx.session_token {
        crate::identity::logout(&s.db, t).await?;
    }
    let mut res = Redirect::to("/").into_response();
    if let Ok(v) = HeaderValue::from_str(&expired(SESSION_COOKIE).to_string()) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(res)
}
