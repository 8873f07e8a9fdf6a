//! JSON API of the facilitation desk under `/api/v1`, and the public figures.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use serde::Deserialize;
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouterExt};
use utoipa_axum::routes;

use super::bodies::{self, BodyDraft, BodyView};
use super::cases::ResolutionView;
use super::cases::{self, CaseFilter, CaseSummary, CaseView, Triage};
use super::followup::{self, Progress};
use super::meetings::{self, AgendaDraft, MeetingRecord};
use super::model::{CaseDraft, ResolutionDraft};
use super::public::{self, PublicStats};
use super::reporter::Reply;
use crate::kernel::api::Created;
use crate::web::AppState;
use crate::web::OnRecord;
use crate::web::upload_limit::limited;
use crate::web::{AppError, Authed};

/// The desk's API: each path, its method and its OpenAPI entry come from the handler's
/// `#[utoipa::path]`, written once. An attachment keeps its upload limit.
pub(super) fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, report))
        .routes(routes!(get))
        .routes(routes!(triage))
        .routes(routes!(add_info))
        .routes(routes!(confirm))
        .routes(routes!(dispute))
        .routes(routes!(attach).map(|m| limited(m, crate::kernel::upload::MAX_BYTES)))
        .routes(routes!(download))
        .routes(routes!(bodies, create_body))
        .routes(routes!(schedule))
        .routes(routes!(put_member, remove_member))
        .routes(routes!(meeting))
        .routes(routes!(agenda))
        .routes(routes!(record))
        .routes(routes!(invite))
        .routes(routes!(resolve))
        .routes(routes!(resolutions))
        .routes(routes!(progress))
        .routes(routes!(cancel))
        .routes(routes!(public_stats))
}

#[utoipa::path(post, path = "/api/v1/cases", tag = "facilitation", request_body = CaseDraft,
    responses((status = 201, body = CaseSummary), (status = 422), (status = 403)))]
pub async fn report(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Json(d): Json<CaseDraft>,
) -> Result<Response, AppError> {
    let c = cases::report(&s.db, &actor, &d, s.clock.now()).await?;
    Ok((StatusCode::CREATED, Json(c)).into_response())
}

#[utoipa::path(get, path = "/api/v1/cases", tag = "facilitation", params(CaseFilter),
    responses((status = 200, body = [CaseSummary])))]
pub async fn list(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Query(f): Query<CaseFilter>,
) -> Result<Json<Vec<CaseSummary>>, AppError> {
    Ok(Json(cases::list(&s.db, &actor, &f).await?))
}

#[utoipa::path(get, path = "/api/v1/cases/{id}", tag = "facilitation", params(("id" = i64, Path, description = "Case id")),
    responses((status = 200, body = CaseView), (status = 404, description = "absent or not the caller's to see")))]
pub async fn get(OnRecord(s, _, actor, id): OnRecord) -> Result<Json<CaseView>, AppError> {
    Ok(Json(cases::get(&s.db, &actor, id, s.clock.now()).await?))
}

#[utoipa::path(post, path = "/api/v1/cases/{id}/triage", tag = "facilitation", request_body = Triage,
    params(("id" = i64, Path, description = "Case id")),
    responses((status = 204), (status = 409, description = "not in a state to triage"), (status = 422), (status = 403)))]
pub async fn triage(
    OnRecord(s, _, actor, id): OnRecord,
    Json(t): Json<Triage>,
) -> Result<StatusCode, AppError> {
    cases::triage(&s.db, &actor, id, &t, s.clock.now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct NoteBody {
    pub note: String,
}

#[utoipa::path(post, path = "/api/v1/cases/{id}/info", tag = "facilitation", request_body = NoteBody,
    params(("id" = i64, Path, description = "Case id")), responses((status = 204), (status = 409)))]
pub async fn add_info(
    OnRecord(s, _, actor, id): OnRecord,
    Json(b): Json<NoteBody>,
) -> Result<StatusCode, AppError> {
    super::reporter::reply(&s.db, &actor, id, Reply::Info, &b.note, s.clock.now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/v1/cases/{id}/confirm", tag = "facilitation",
    params(("id" = i64, Path, description = "Case id")), responses((status = 204), (status = 409, description = "not resolved yet")))]
pub async fn confirm(OnRecord(s, _, actor, id): OnRecord) -> Result<StatusCode, AppError> {
    super::reporter::confirm(&s.db, &actor, id, s.clock.now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/v1/cases/{id}/dispute", tag = "facilitation", request_body = NoteBody,
    params(("id" = i64, Path, description = "Case id")),
    responses((status = 204, description = "back with the committee"), (status = 409, description = "not resolved")))]
pub async fn dispute(
    OnRecord(s, _, actor, id): OnRecord,
    Json(b): Json<NoteBody>,
) -> Result<StatusCode, AppError> {
    super::reporter::reply(&s.db, &actor, id, Reply::Dispute, &b.note, s.clock.now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/v1/bodies", tag = "facilitation", request_body = BodyDraft,
    responses((status = 201, body = Created), (status = 403)))]
pub async fn create_body(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Json(d): Json<BodyDraft>,
) -> Result<Response, AppError> {
    let id = bodies::create_body(&s.db, &actor, &d, s.clock.now()).await?;
    Ok((StatusCode::CREATED, Json(Created { id })).into_response())
}

#[utoipa::path(get, path = "/api/v1/bodies", tag = "facilitation", responses((status = 200, body = [BodyView])))]
pub async fn bodies(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
) -> Result<Json<Vec<BodyView>>, AppError> {
    Ok(Json(bodies::bodies(&s.db, &actor).await?))
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct MeetingBody {
    pub held_on: NaiveDate,
}

#[utoipa::path(post, path = "/api/v1/bodies/{id}/meetings", tag = "facilitation", request_body = MeetingBody,
    params(("id" = i64, Path, description = "Body id")), responses((status = 201, body = Created), (status = 404)))]
pub async fn schedule(
    OnRecord(s, _, actor, id): OnRecord,
    Json(b): Json<MeetingBody>,
) -> Result<Response, AppError> {
    let id = meetings::schedule_meeting(&s.db, &actor, id, b.held_on, s.clock.now()).await?;
    Ok((StatusCode::CREATED, Json(Created { id })).into_response())
}

#[utoipa::path(post, path = "/api/v1/meetings/{id}/agenda", tag = "facilitation", request_body = AgendaDraft,
    params(("id" = i64, Path, description = "Meeting id")), responses((status = 201, body = Created), (status = 403), (status = 422)))]
pub async fn agenda(
    OnRecord(s, _, actor, id): OnRecord,
    Json(d): Json<AgendaDraft>,
) -> Result<Response, AppError> {
    let id = meetings::add_agenda_item(&s.db, &actor, id, &d, s.clock.now()).await?;
    Ok((StatusCode::CREATED, Json(Created { id })).into_response())
}

#[utoipa::path(post, path = "/api/v1/meetings/{id}/record", tag = "facilitation", request_body = MeetingRecord,
    params(("id" = i64, Path, description = "Meeting id")), responses((status = 204), (status = 404)))]
pub async fn record(
    OnRecord(s, _, actor, id): OnRecord,
    Json(r): Json<MeetingRecord>,
) -> Result<StatusCode, AppError> {
    meetings::record_meeting(&s.db, &actor, id, &r).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct SeatBody {
    /// `agency` or `private` (the chamber of commerce, an association).
    pub seat: String,
}

#[utoipa::path(put, path = "/api/v1/bodies/{id}/members/{org}", tag = "facilitation", request_body = SeatBody,
    params(("id" = i64, Path, description = "Body id"), ("org" = i64, Path, description = "Organisation id")),
    responses((status = 204), (status = 404), (status = 422, description = "not an agency of the body's province")))]
pub async fn put_member(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path((id, org)): Path<(i64, i64)>,
    Json(b): Json<SeatBody>,
) -> Result<StatusCode, AppError> {
    bodies::set_member(&s.db, &actor, id, org, Some(bodies::Seat::parse(&b.seat))).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(delete, path = "/api/v1/bodies/{id}/members/{org}", tag = "facilitation",
    params(("id" = i64, Path, description = "Body id"), ("org" = i64, Path, description = "Organisation id")),
    responses((status = 204), (status = 404)))]
pub async fn remove_member(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path((id, org)): Path<(i64, i64)>,
) -> Result<StatusCode, AppError> {
    bodies::set_member(&s.db, &actor, id, org, None).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/api/v1/meetings/{id}", tag = "facilitation",
    params(("id" = i64, Path, description = "Meeting id")),
    responses((status = 200, body = meetings::MeetingView), (status = 404)))]
pub async fn meeting(
    OnRecord(s, _, actor, id): OnRecord,
) -> Result<Json<meetings::MeetingView>, AppError> {
    Ok(Json(
        meetings::meeting_view(&s.db, &actor, id, s.clock.now()).await?,
    ))
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct AgendaSent {
    /// How many people were written to.
    pub recipients: usize,
}

#[utoipa::path(post, path = "/api/v1/meetings/{id}/invite", tag = "facilitation",
    params(("id" = i64, Path, description = "Meeting id")),
    responses((status = 200, body = AgendaSent), (status = 409, description = "the meeting is held"), (status = 422, description = "the agenda is empty")))]
pub async fn invite(OnRecord(s, _, actor, id): OnRecord) -> Result<Json<AgendaSent>, AppError> {
    let recipients = meetings::send_agenda(&s.db, &actor, id, s.clock.now()).await?;
    Ok(Json(AgendaSent { recipients }))
}

#[utoipa::path(post, path = "/api/v1/meetings/{id}/resolutions", tag = "facilitation", request_body = ResolutionDraft,
    params(("id" = i64, Path, description = "Meeting id")), responses((status = 201, body = ResolutionView), (status = 409, description = "the meeting is not held yet"), (status = 422)))]
pub async fn resolve(
    OnRecord(s, _, actor, id): OnRecord,
    Json(d): Json<ResolutionDraft>,
) -> Result<Response, AppError> {
    let r = meetings::add_resolution(&s.db, &actor, id, &d, s.clock.now()).await?;
    Ok((StatusCode::CREATED, Json(r)).into_response())
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ResolutionQuery {
    /// Only those past their deadline and not done.
    pub overdue: Option<bool>,
}

#[utoipa::path(get, path = "/api/v1/resolutions", tag = "facilitation", params(ResolutionQuery),
    responses((status = 200, body = [ResolutionView]), (status = 403)))]
pub async fn resolutions(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Query(q): Query<ResolutionQuery>,
) -> Result<Json<Vec<ResolutionView>>, AppError> {
    Ok(Json(
        followup::list(&s.db, &actor, q.overdue.unwrap_or(false), s.clock.now()).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/resolutions/{id}/progress", tag = "facilitation", request_body = Progress,
    params(("id" = i64, Path, description = "Resolution id")), responses((status = 204), (status = 404, description = "absent or another agency's"), (status = 422)))]
pub async fn progress(
    OnRecord(s, _, actor, id): OnRecord,
    Json(p): Json<Progress>,
) -> Result<StatusCode, AppError> {
    followup::report_progress(&s.db, &actor, id, &p, s.clock.now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/api/v1/provinces/{code}/facilitation", tag = "facilitation",
    params(("code" = String, Path, description = "Province code, e.g. IR-26")), responses((status = 200, body = PublicStats), (status = 404)))]
pub async fn public_stats(
    State(s): State<AppState>,
    Path(code): Path<String>,
) -> Result<Json<PublicStats>, AppError> {
    Ok(Json(public::stats(&s.db, &code, s.clock.now()).await?))
}

#[utoipa::path(post, path = "/api/v1/cases/{id}/attachments", tag = "facilitation",
    params(("id" = i64, Path, description = "Case id")),
    request_body(content_type = "multipart/form-data", description = "`file`: PDF, JPEG, PNG, XLSX, DOCX, CSV or TXT, at most 10 MB"),
    responses((status = 201, body = super::attachments::AttachmentInfo), (status = 422), (status = 403)))]
pub async fn attach(
    OnRecord(s, _, actor, id): OnRecord,
    multipart: axum::extract::Multipart,
) -> Result<Response, AppError> {
    let (name, bytes) = crate::web::files::read_upload(multipart)
        .await?
        .file_or_empty();
    let a = super::attachments::attach(&s.db, &actor, id, &name, &bytes, s.clock.now()).await?;
    Ok((StatusCode::CREATED, Json(a)).into_response())
}

#[utoipa::path(get, path = "/api/v1/cases/{id}/attachments/{aid}", tag = "facilitation",
    params(("id" = i64, Path, description = "Case id"), ("aid" = i64, Path, description = "Attachment id")),
    responses((status = 200, description = "the file"), (status = 404)))]
pub async fn download(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path((id, aid)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (name, ctype, bytes) = super::attachments::download(&s.db, &actor, id, aid).await?;
    Ok(crate::web::files::download(&name, ctype, bytes))
}

#[utoipa::path(post, path = "/api/v1/resolutions/{id}/cancel", tag = "facilitation", request_body = NoteBody,
    params(("id" = i64, Path, description = "Resolution id")), responses((status = 204), (status = 404), (status = 409), (status = 422)))]
pub async fn cancel(
    OnRecord(s, _, actor, id): OnRecord,
    Json(b): Json<NoteBody>,
) -> Result<StatusCode, AppError> {
    followup::cancel_resolution(&s.db, &actor, id, &b.note, s.clock.now()).await?;
    Ok(StatusCode::NO_CONTENT)
}
