//! JSON API of complaints and clinics: filing and following a complaint (anyone; no
//! credential needed, the CSRF header as any browser write), the province's complaints for
//! its office (`/api/v1/supervision/complaints`), and the clinics' sessions and bookings.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::clinics::{self, Outcome, SlotView};
use super::complaints::{
    self, ComplaintMove, ComplaintRow, ComplaintView, Filed, Tracked, UnitChoice, client_key,
};
use super::model::clinic::SlotDraft;
use super::model::complaint::ComplaintDraft;
use crate::web::client_addr::ClientAddr;
use crate::web::{AppError, AppState, Authed, Ctx};

pub(super) fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(file_complaint))
        .routes(routes!(track_complaint))
        .routes(routes!(complaint_units))
        .routes(routes!(list_complaints))
        .routes(routes!(get_complaint))
        .routes(routes!(advance_complaint))
        .routes(routes!(complaint_photo))
        .routes(routes!(list_sessions, offer_session))
        .routes(routes!(book_session))
        .routes(routes!(cancel_booking))
        .routes(routes!(record_outcome))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    pub page: Option<u64>,
}

#[utoipa::path(post, path = "/api/v1/complaints", tag = "supervision", request_body = ComplaintDraft,
    responses((status = 201, body = Filed, description = "filed; `code` is shown this once (only its digest is kept)"),
        (status = 400, description = "`csrf_failed`: no `X-CSRF-Token` (read from any page) and no API token"),
        (status = 422, description = "problem+json with `errors` per field"),
        (status = 429, description = "`too_many_requests`: 5 an hour from one address")))]
pub async fn file_complaint(
    State(s): State<AppState>,
    ctx: Ctx,
    ClientAddr(ip): ClientAddr,
    Json(d): Json<ComplaintDraft>,
) -> Result<(StatusCode, Json<Filed>), AppError> {
    let client = client_key(&s.csrf_secret, &ip);
    let f = complaints::file(&s.db, &d, vec![], &client, ctx.lang, s.clock.now()).await?;
    Ok((StatusCode::CREATED, Json(f)))
}

/// A follow-up code, as typed.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct CodeBody {
    pub code: String,
}

#[utoipa::path(post, path = "/api/v1/complaints/track", tag = "supervision", request_body = CodeBody,
    responses((status = 200, body = Tracked, description = "where the complaint stands, with the office's public replies"),
        (status = 404, description = "no complaint has this code"),
        (status = 429, description = "`too_many_requests`")))]
pub async fn track_complaint(
    State(s): State<AppState>,
    ClientAddr(ip): ClientAddr,
    Json(b): Json<CodeBody>,
) -> Result<Json<Tracked>, AppError> {
    let client = client_key(&s.csrf_secret, &ip);
    Ok(Json(complaints::track(&s.db, &b.code, &client).await?))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UnitQuery {
    /// A national ID, or 3 characters or more of a name.
    pub q: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/complaints/units", tag = "supervision", params(UnitQuery),
    responses((status = 200, body = [UnitChoice], description = "registered units a complaint may name: up to 10, names and provinces only")))]
pub async fn complaint_units(
    State(s): State<AppState>,
    Query(q): Query<UnitQuery>,
) -> Result<Json<Vec<UnitChoice>>, AppError> {
    Ok(Json(
        complaints::unit_choices(&s.db, q.q.as_deref().unwrap_or("")).await?,
    ))
}

#[utoipa::path(get, path = "/api/v1/supervision/complaints", tag = "supervision", params(PageQuery),
    responses((status = 200, body = [ComplaintRow], description = "the complaints in reach, newest first, 50 a page; never the complainant's identity"),
        (status = 401), (status = 403, description = "units, labs, agencies")))]
pub async fn list_complaints(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Query(p): Query<PageQuery>,
) -> Result<Json<Vec<ComplaintRow>>, AppError> {
    Ok(Json(complaints::list(&s.db, &actor, p.page).await?))
}

#[utoipa::path(get, path = "/api/v1/supervision/complaints/{id}", tag = "supervision",
    params(("id" = i64, Path, description = "Complaint id")),
    responses((status = 200, body = ComplaintView), (status = 404, description = "absent or another province's")))]
pub async fn get_complaint(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(id): Path<i64>,
) -> Result<Json<ComplaintView>, AppError> {
    Ok(Json(complaints::get(&s.db, &actor, id).await?))
}

#[utoipa::path(post, path = "/api/v1/supervision/complaints/{id}/state", tag = "supervision", request_body = ComplaintMove,
    params(("id" = i64, Path, description = "Complaint id")),
    responses((status = 200, body = ComplaintView, description = "moved, audited; the complainant mailed if they left an email"),
        (status = 403, description = "not the province's officer or inspector"), (status = 404),
        (status = 409, description = "`supervision_state_conflict`: changed since `version`"),
        (status = 422, description = "`transition_not_allowed` on `state`, `too_long`")))]
pub async fn advance_complaint(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(id): Path<i64>,
    Json(m): Json<ComplaintMove>,
) -> Result<Json<ComplaintView>, AppError> {
    Ok(Json(
        complaints::advance(&s.db, &actor, id, &m, s.clock.now()).await?,
    ))
}

#[utoipa::path(get, path = "/api/v1/supervision/complaints/{id}/photos/{photo_id}", tag = "supervision",
    params(("id" = i64, Path, description = "Complaint id"), ("photo_id" = i64, Path, description = "Photo id")),
    responses((status = 200, description = "the photo"), (status = 404)))]
pub async fn complaint_photo(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path((id, photo_id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (name, ctype, bytes) = complaints::photo(&s.db, &actor, id, photo_id).await?;
    Ok(crate::web::files::download(&name, ctype, bytes))
}

#[utoipa::path(get, path = "/api/v1/supervision/clinics", tag = "supervision", params(PageQuery),
    responses((status = 200, body = [SlotView], description = "sessions in reach, latest first: the office's province's (all for the national body) with every booking, or a unit's province's with its own"),
        (status = 403)))]
pub async fn list_sessions(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Query(p): Query<PageQuery>,
) -> Result<Json<Vec<SlotView>>, AppError> {
    Ok(Json(clinics::list(&s.db, &actor, p.page).await?))
}

#[utoipa::path(post, path = "/api/v1/supervision/clinics", tag = "supervision", request_body = SlotDraft,
    responses((status = 201, body = SlotView, description = "offered, audited"),
        (status = 403, description = "not a provincial officer or the national body"),
        (status = 422, description = "`starts_at`, `minutes`, `capacity`, `topic`, `expert_name`, `province`")))]
pub async fn offer_session(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Json(d): Json<SlotDraft>,
) -> Result<(StatusCode, Json<SlotView>), AppError> {
    let v = clinics::offer(&s.db, &actor, &d, s.clock.now()).await?;
    Ok((StatusCode::CREATED, Json(v)))
}

#[utoipa::path(post, path = "/api/v1/supervision/clinics/{id}/book", tag = "supervision",
    params(("id" = i64, Path, description = "Session id")),
    responses((status = 200, body = SlotView, description = "a seat taken for the caller's unit"),
        (status = 403, description = "not a unit's user"), (status = 404, description = "absent or another province's"),
        (status = 422, description = "`slot_full`, `duplicate_entry` or `date_in_past` on `slot`")))]
pub async fn book_session(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(id): Path<i64>,
) -> Result<Json<SlotView>, AppError> {
    Ok(Json(clinics::book(&s.db, &actor, id, s.clock.now()).await?))
}

#[utoipa::path(post, path = "/api/v1/supervision/clinics/bookings/{id}/cancel", tag = "supervision",
    params(("id" = i64, Path, description = "Booking id")),
    responses((status = 200, body = SlotView), (status = 404),
        (status = 422, description = "`transition_not_allowed`: not booked, or the session began")))]
pub async fn cancel_booking(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(id): Path<i64>,
) -> Result<Json<SlotView>, AppError> {
    Ok(Json(
        clinics::cancel(&s.db, &actor, id, s.clock.now()).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/supervision/clinics/bookings/{id}/outcome", tag = "supervision", request_body = Outcome,
    params(("id" = i64, Path, description = "Booking id")),
    responses((status = 200, body = SlotView, description = "recorded, audited"),
        (status = 403), (status = 404), (status = 409, description = "changed since `version`"),
        (status = 422, description = "`transition_not_allowed`: before the session, or cancelled")))]
pub async fn record_outcome(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(id): Path<i64>,
    Json(o): Json<Outcome>,
) -> Result<Json<SlotView>, AppError> {
    Ok(Json(
        clinics::record(&s.db, &actor, id, &o, s.clock.now()).await?,
    ))
}
