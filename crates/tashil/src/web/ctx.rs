//! The request context layer: resolves the actor (session cookie or bearer token), the
//! language and the CSRF token; refuses unsafe requests without a valid CSRF token or from
//! another origin; and renders any [`AppError`](super::AppError) left in the response.

use axum::body::{Body, to_bytes};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};

use super::AppState;
use super::error::{AppError, ErrorInfo};
use super::nav::NavFn;
use super::{csrf, page};
use crate::access::Actor;
use crate::i18n::{Lang, negotiate};
use crate::identity;

pub const SESSION_COOKIE: &str = "tashil_session";
pub const ANON_COOKIE: &str = "tashil_anon";
pub const LANG_COOKIE: &str = "tashil_lang";

/// What every handler knows about the request.
#[derive(Clone, Debug)]
pub struct Ctx {
    pub lang: Lang,
    pub actor: Option<Actor>,
    pub session_token: Option<String>,
    pub csrf: String,
    pub path: String,
    pub query: String,
    pub is_api: bool,
    /// The main navigation's entries for an actor (see [`super::nav`]).
    pub navigation: NavFn,
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Ctx>()
            .cloned()
            .ok_or_else(|| AppError::internal("context layer missing"))
    }
}

/// A request with an authenticated actor; anonymous requests get 401 (API) or the login page.
pub struct Authed(pub Ctx, pub Actor);

impl<S: Send + Sync> FromRequestParts<S> for Authed {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, s: &S) -> Result<Self, Self::Rejection> {
        let ctx = Ctx::from_request_parts(parts, s).await?;
        match ctx.actor.clone() {
            Some(a) => Ok(Authed(ctx, a)),
            None => Err(AppError::Unauthenticated),
        }
    }
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

fn query_param<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query.split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        (k == name).then_some(v)
    })
}

/// Same-origin check for unsafe methods: a browser always sends Origin on cross-site POSTs.
fn origin_ok(headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    origin.split_once("://").map(|(_, h)| h) == Some(host)
}

const MAX_FORM_BYTES: usize = 2 * 1024 * 1024;

/// POSTs that only compute an answer from their body and change nothing (the VC API's
/// verifiers, called by machines with no session): no CSRF token, no actor.
const COMPUTE_ONLY_POSTS: &[&str] = &["/credentials/verify", "/presentations/verify"];

/// API writes anyone may make (a complaint, its follow-up): with no credential they still need
/// the CSRF token of the anonymous cookie, as the same forms on pages do.
const PUBLIC_API_WRITES: &[&str] = &["/api/v1/complaints", "/api/v1/complaints/track"];

/// The VC API's paths, where the W3C test suites and wallets expect them (outside `/api/`):
/// JSON machine routes like `/api/`'s, answered with problem+json and 401 rather than a page
/// and a redirect to the login.
const VC_API: &[&str] = &[
    "/credentials/issue",
    "/credentials/status",
    "/credentials/verify",
    "/presentations/verify",
];

/// OpenID for Verifiable Credential Issuance (a wallet's calls): no session and no CSRF token,
/// each authenticated by what it carries (a pre-authorized code, or the wallet's own access
/// token in `Authorization: Bearer`, which is not a Tashil API token); they answer OAuth
/// errors themselves.
const WALLET_PATHS: &[&str] = &[
    "/oauth/token",
    "/openid4vci/nonce",
    "/openid4vci/credential",
];

pub async fn layer(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if WALLET_PATHS.contains(&req.uri().path()) {
        return next.run(req).await;
    }
    let (mut parts, body) = req.into_parts();
    let jar = CookieJar::from_headers(&parts.headers);
    let path = parts.uri.path().to_string();
    let query = parts.uri.query().unwrap_or("").to_string();
    let is_api = path.starts_with("/api/") || VC_API.contains(&path.as_str());
    let mut set_cookies: Vec<Cookie<'static>> = vec![];

    // Who is asking.
    let mut actor = None;
    let mut user_lang = None;
    let mut session_token = None;
    let token_auth = bearer(&parts.headers).map(str::to_string);
    // Refused before a session or a language is known: no CSRF token to give.
    let refuse =
        |e: AppError, lang, is_api| finish(e.into_response(), lang, is_api, "", state.navigation);
    if let Some(t) = &token_auth {
        match identity::actor_for_api_token(&state.db, t).await {
            Ok(a) => actor = a,
            Err(e) => return refuse(e.into(), Lang::En, is_api),
        }
        if actor.is_none() {
            return refuse(AppError::Unauthenticated, Lang::En, true);
        }
    } else if let Some(c) = jar.get(SESSION_COOKIE) {
        match identity::actor_for_session(&state.db, c.value()).await {
            Ok(Some((a, l))) => {
                actor = Some(a);
                user_lang = Some(l);
                session_token = Some(c.value().to_string());
            }
            Ok(None) => set_cookies.push(expired(SESSION_COOKIE)),
            Err(e) => return refuse(e.into(), Lang::Fa, is_api),
        }
    }

    // Which language: ?lang, the switcher's cookie, the user's preference, the browser.
    let explicit = query_param(&query, "lang").and_then(Lang::parse);
    if let Some(l) = explicit {
        set_cookies.push(persistent(
            LANG_COOKIE,
            l.code().to_string(),
            state.secure_cookies,
        ));
        // A logged-in user's choice becomes their preference, kept across devices.
        if let (Some(a), Some(current)) = (&actor, &user_lang)
            && current != l.code()
            && let Err(e) = identity::set_language(&state.db, a, l.code()).await
        {
            tracing::warn!(error = %e, "could not store the language preference");
        }
    }
    let cookie_lang = jar.get(LANG_COOKIE).map(|c| c.value().to_string());
    let accept = parts
        .headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    let lang = match explicit {
        Some(l) => l,
        None => negotiate(
            cookie_lang.as_deref().or(user_lang.as_deref()),
            None,
            accept,
        ),
    };

    // CSRF binding: the session, else an anonymous cookie (made on first visit).
    let binding = match (&session_token, jar.get(ANON_COOKIE)) {
        (Some(s), _) => format!("s:{s}"),
        (None, Some(a)) => format!("a:{}", a.value()),
        (None, None) => {
            let anon = identity::new_token("");
            set_cookies.push(session_cookie(
                ANON_COOKIE,
                anon.clone(),
                state.secure_cookies,
            ));
            format!("a:{anon}")
        }
    };
    let csrf_token = csrf::token(&state.csrf_secret, &binding);

    let mut body = body;
    let compute_only = parts.method == Method::POST && COMPUTE_ONLY_POSTS.contains(&path.as_str());
    let safe = matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS);
    let unsafe_method = !(safe || compute_only);
    // An API write with no credential at all is answered "who are you?", not "bad CSRF":
    // every API write needs an actor, and there is no session for a forged request to ride.
    let reject = |e: AppError| {
        finish(
            e.into_response(),
            lang,
            is_api,
            &csrf_token,
            state.navigation,
        )
    };
    if unsafe_method
        && is_api
        && token_auth.is_none()
        && session_token.is_none()
        && !PUBLIC_API_WRITES.contains(&path.as_str())
    {
        return reject(AppError::Unauthenticated);
    }
    if unsafe_method && token_auth.is_none() {
        if !origin_ok(&parts.headers) {
            return reject(AppError::Forbidden);
        }
        let mut presented = parts
            .headers
            .get(csrf::HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
            .or_else(|| query_param(&query, csrf::FIELD).map(str::to_string));
        let is_form = parts
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
        if presented.is_none() && is_form {
            let Ok(bytes) = to_bytes(body, MAX_FORM_BYTES).await else {
                return reject(AppError::PayloadTooLarge);
            };
            presented = csrf::from_form_body(&bytes);
            body = Body::from(bytes);
        }
        if !presented.is_some_and(|p| csrf::verify(&state.csrf_secret, &binding, &p)) {
            return reject(AppError::BadRequest("csrf_failed"));
        }
    }

    let ctx = Ctx {
        lang,
        actor,
        session_token,
        csrf: csrf_token.clone(),
        path,
        query,
        is_api,
        navigation: state.navigation,
    };
    parts.extensions.insert(ctx.clone());
    let res = next.run(Request::from_parts(parts, body)).await;
    let mut res = finish_with_ctx(res, &ctx);
    append_cookies(&mut res, set_cookies);
    res
}

/// Adds the layer's cookies after the handler's, except those the handler set itself: the
/// handler knows better (a login replaces the stale session this layer would clear).
fn append_cookies(res: &mut Response, cookies: Vec<Cookie<'static>>) {
    let handler_set: Vec<String> = res
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| Cookie::parse(v).ok())
        .map(|c| c.name().to_string())
        .collect();
    for c in cookies {
        if handler_set.iter().any(|n| n == c.name()) {
            continue;
        }
        if let Ok(v) = HeaderValue::from_str(&c.to_string()) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
}

fn finish(res: Response, lang: Lang, is_api: bool, csrf: &str, navigation: NavFn) -> Response {
    let ctx = Ctx {
        lang,
        actor: None,
        session_token: None,
        csrf: csrf.to_string(),
        path: String::new(),
        query: String::new(),
        is_api,
        navigation,
    };
    finish_with_ctx(res, &ctx)
}

/// Renders an error left by a handler, in the form the client reads.
fn finish_with_ctx(res: Response, ctx: &Ctx) -> Response {
    let Some(info) = res.extensions().get::<ErrorInfo>().cloned() else {
        return res;
    };
    let status = res.status();
    if ctx.is_api {
        return super::error_render::problem(status, &info, ctx.lang);
    }
    if status == axum::http::StatusCode::UNAUTHORIZED {
        let next = if ctx.query.is_empty() {
            ctx.path.clone()
        } else {
            format!("{}?{}", ctx.path, ctx.query)
        };
        let location = format!("/login?next={}", urlencode(&next));
        return axum::response::Redirect::to(&location).into_response();
    }
    super::error_render::html(status, &info, page::PageCtx::new(ctx))
}

/// Percent-encodes a local path for the `next` parameter of the login page.
fn urlencode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

pub fn session_cookie(name: &'static str, value: String, secure: bool) -> Cookie<'static> {
    Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .build()
}

/// A [`session_cookie`] kept for a year.
pub fn persistent(name: &'static str, value: String, secure: bool) -> Cookie<'static> {
    let mut c = session_cookie(name, value, secure);
    c.set_max_age(time::Duration::days(365));
    c
}

pub fn expired(name: &'static str) -> Cookie<'static> {
    Cookie::build((name, ""))
        .path("/")
        .max_age(time::Duration::ZERO)
        .build()
}
