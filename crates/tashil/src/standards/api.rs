//! JSON API of the catalogue under `/api/v1`. Reads are public (drafts only for the body);
//! writes need the national body's token; comments a stakeholder's.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::enquiry::{self, CommentDraft, CommentView, Decision};
use super::mandatory::{self, MandatoryMatch, ProvinceMandatory};
use super::model::{StandardDraft, Status};
use super::search::{self, SearchPage, SearchParams, Suggestion};
use super::service::{self, StandardView, StandardsError, Transition};
use crate::kernel::api::{Created, VersionQuery};
use crate::web::AppState;
use crate::web::OnRecord;
use crate::web::{AppError, Authed, Ctx};

/// The catalogue's API: each path, its method and its OpenAPI entry come from the handler's
/// `#[utoipa::path]`, written once.
pub(super) fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(suggest))
        .routes(routes!(get, update))
        .routes(routes!(transition))
        .routes(routes!(set_mandatory))
        .routes(routes!(comments, comment))
        .routes(routes!(respond))
        .routes(routes!(mandatory_for_hs))
        .routes(routes!(province_mandatory))
}

impl From<StandardsError> for AppError {
    fn from(e: StandardsError) -> Self {
        match e {
            StandardsError::Denied(d) => d.into(),
            StandardsError::NotFound => AppError::NotFound,
            StandardsError::Invalid(f) => AppError::Invalid(f),
            StandardsError::Conflict => AppError::Conflict("edit_conflict"),
            StandardsError::Duplicate => AppError::Conflict("duplicate_standard"),
            StandardsError::BadTransition => AppError::Conflict("transition_not_allowed"),
            StandardsError::EnquiryClosed => AppError::Conflict("enquiry_closed"),
            StandardsError::Db(e) => e.into(),
            StandardsError::Search(e) => AppError::internal(e),
        }
    }
}

#[derive(Deserialize, Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ApiSearchQuery {
    /// Words or a designation in any orthography: «برنامه‌های» = «برنامههای» = «برنامه های»,
    /// ي/ی, any digit script, Vietnamese with or without diacritics, "ISIRI 1234" = "INSO-1234".
    pub q: Option<String>,
    /// `INSO`, `TCVN`, `QCVN`, `ISO`, `IEC`, `CODEX`.
    pub body: Option<String>,
    /// `draft`, `enquiry`, `published`, `amended`, `withdrawn`.
    pub status: Option<String>,
    /// ICS code or its prefix (`91`, `91.100`).
    pub ics: Option<String>,
    /// `true` for standards on the mandatory list.
    pub mandatory: Option<bool>,
    pub page: Option<u64>,
    /// At most 100 (default 20).
    pub per_page: Option<u64>,
}

impl ApiSearchQuery {
    pub fn params(&self) -> SearchParams {
        let some = |s: &Option<String>| {
            s.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        SearchParams {
            q: self.q.clone().unwrap_or_default(),
            body: some(&self.body).map(|b| b.to_uppercase()),
            status: some(&self.status).and_then(|s| Status::parse(&s)),
            ics: some(&self.ics).map(|c| tashil_text::digits::to_ascii_digits(&c)),
            mandatory: self.mandatory,
            page: self.page.unwrap_or(1),
            per_page: self.per_page.unwrap_or(20),
        }
    }
}

#[utoipa::path(get, path = "/api/v1/standards", tag = "standards", params(ApiSearchQuery),
    responses((status = 200, body = SearchPage)))]
pub async fn list(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ApiSearchQuery>,
) -> Result<Json<SearchPage>, AppError> {
    Ok(Json(
        search::search(
            &s.db,
            &s.catalogue,
            ctx.actor.as_ref(),
            ctx.lang,
            &q.params(),
        )
        .await?,
    ))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SuggestQuery {
    /// What the user has typed so far.
    pub q: String,
}

#[utoipa::path(get, path = "/api/v1/standards/suggest", tag = "standards", params(SuggestQuery),
    responses((status = 200, body = [Suggestion])))]
pub async fn suggest(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(q): Query<SuggestQuery>,
) -> Result<Json<Vec<Suggestion>>, AppError> {
    Ok(Json(
        search::suggest(&s.db, &s.catalogue, ctx.actor.as_ref(), ctx.lang, &q.q).await?,
    ))
}

#[utoipa::path(get, path = "/api/v1/standards/{id}", tag = "standards",
    params(("id" = i64, Path, description = "Standard id")),
    responses((status = 200, body = StandardView), (status = 404)))]
pub async fn get(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Json<StandardView>, AppError> {
    Ok(Json(
        service::get(&s.db, ctx.actor.as_ref(), id, s.clock.now()).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/standards", tag = "standards", request_body = StandardDraft,
    responses((status = 201, body = Created), (status = 409, description = "designation exists"), (status = 422), (status = 403)))]
pub async fn create(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Json(d): Json<StandardDraft>,
) -> Result<Response, AppError> {
    let id = service::create(&s.db, &actor, &d, s.clock.now()).await?;
    Ok((StatusCode::CREATED, Json(Created { id })).into_response())
}

#[utoipa::path(put, path = "/api/v1/standards/{id}", tag = "standards", request_body = StandardDraft,
    params(("id" = i64, Path, description = "Standard id"), VersionQuery),
    responses((status = 204), (status = 409), (status = 422), (status = 403), (status = 404)))]
pub async fn update(
    OnRecord(s, _, actor, id): OnRecord,
    Query(v): Query<VersionQuery>,
    Json(d): Json<StandardDraft>,
) -> Result<StatusCode, AppError> {
    let version = match v.version {
        Some(v) => v,
        None => {
            service::get(&s.db, Some(&actor), id, s.clock.now())
                .await?
                .version
        }
    };
    service::update(&s.db, &actor, id, version, &d, s.clock.now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/v1/standards/{id}/transition", tag = "standards", request_body = Transition,
    params(("id" = i64, Path, description = "Standard id")),
    responses((status = 204), (status = 409, description = "`transition_not_allowed` or `enquiry_closed`"), (status = 422), (status = 403)))]
pub async fn transition(
    OnRecord(s, _, actor, id): OnRecord,
    Json(t): Json<Transition>,
) -> Result<StatusCode, AppError> {
    service::transition(&s.db, &actor, id, &t, s.clock.now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct MandatoryBody {
    pub mandatory: bool,
    /// When it takes effect (default today on the country's clock).
    pub from: Option<NaiveDate>,
    /// The country whose list it joins or leaves (`IR`, `VN`). Without one: on, the list of
    /// its body's country (an international standard: both); off, every list.
    #[serde(default)]
    pub country: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/standards/{id}/mandatory", tag = "standards", request_body = MandatoryBody,
    params(("id" = i64, Path, description = "Standard id")),
    responses((status = 204), (status = 409, description = "not in force"), (status = 403)))]
pub async fn set_mandatory(
    OnRecord(s, _, actor, id): OnRecord,
    Json(b): Json<MandatoryBody>,
) -> Result<StatusCode, AppError> {
    let country = b.country.as_deref();
    service::set_mandatory(
        &s.db,
        &actor,
        id,
        b.mandatory,
        b.from,
        country,
        s.clock.now(),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/api/v1/standards/{id}/comments", tag = "standards",
    params(("id" = i64, Path, description = "Standard id")),
    responses((status = 200, body = [CommentView])))]
pub async fn comments(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Json<Vec<CommentView>>, AppError> {
    Ok(Json(
        enquiry::comments(&s.db, ctx.actor.as_ref(), id, s.clock.now()).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/standards/{id}/comments", tag = "standards", request_body = CommentDraft,
    params(("id" = i64, Path, description = "Standard id")),
    responses((status = 201, body = Created), (status = 409, description = "enquiry closed"), (status = 403)))]
pub async fn comment(
    OnRecord(s, _, actor, id): OnRecord,
    Json(d): Json<CommentDraft>,
) -> Result<Response, AppError> {
    let id = enquiry::comment(&s.db, &actor, id, &d, s.clock.now()).await?;
    Ok((StatusCode::CREATED, Json(Created { id })).into_response())
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct ResponseBody {
    pub decision: Option<Decision>,
    pub response: String,
}

#[utoipa::path(post, path = "/api/v1/comments/{id}/response", tag = "standards", request_body = ResponseBody,
    params(("id" = i64, Path, description = "Comment id")),
    responses((status = 204), (status = 422), (status = 403)))]
pub async fn respond(
    OnRecord(s, _, actor, id): OnRecord,
    Json(b): Json<ResponseBody>,
) -> Result<StatusCode, AppError> {
    enquiry::respond(&s.db, &actor, id, b.decision, &b.response, s.clock.now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct HsQuery {
    /// HS code or heading, any digit script, dots allowed (`2523.29`, `۷۲۱۴`).
    pub hs: String,
    /// Only this country's mandatory list (`IR`, `VN`); every country's by default.
    pub country: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/mandatory", tag = "standards", params(HsQuery),
    responses((status = 200, body = [MandatoryMatch]), (status = 422)))]
pub async fn mandatory_for_hs(
    State(s): State<AppState>,
    Query(q): Query<HsQuery>,
) -> Result<Json<Vec<MandatoryMatch>>, AppError> {
    let country = q.country.as_deref().filter(|c| !c.is_empty());
    Ok(Json(
        mandatory::for_hs(&s.db, &q.hs, country, s.clock.now()).await?,
    ))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    pub page: Option<u64>,
    /// At most 500 (default 100).
    pub per_page: Option<u64>,
}

#[utoipa::path(get, path = "/api/v1/provinces/{code}/mandatory", tag = "standards",
    params(("code" = String, Path, description = "Province code, e.g. IR-26"), PageQuery),
    responses((status = 200, body = ProvinceMandatory), (status = 403)))]
pub async fn province_mandatory(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(code): Path<String>,
    Query(p): Query<PageQuery>,
) -> Result<Json<ProvinceMandatory>, AppError> {
    Ok(Json(
        mandatory::in_province(
            &s.db,
            &actor,
            &code,
            p.page.unwrap_or(1).max(1),
            p.per_page.unwrap_or(100).clamp(1, 500),
            s.clock.now(),
        )
        .await?,
    ))
}
