//! JSON API of the advice desk under `/api/v1/quality`: the unit's advice and its moves, the
//! province's quality queue, and the escalation thresholds (national body).

use axum::Json;
use axum::extract::{Path, Query, State};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::advices::{self, AdviceFilter, AdviceList, AdviceView, Move};
use super::model::advice::AnswerDraft;
use super::thresholds::{self, ThresholdsDraft, ThresholdsView};
use crate::web::{AppError, AppState, Authed, OnRecord};

pub(super) fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(get))
        .routes(routes!(acknowledge))
        .routes(routes!(answer))
        .routes(routes!(close))
        .routes(routes!(queue))
        .routes(routes!(list_thresholds))
        .routes(routes!(set_thresholds))
}

/// The version of the advice read (optional): changed since, the move answers 409.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct MoveBody {
    pub version: Option<i32>,
}

/// The unit's answer, at the version read.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct AnswerBody {
    pub cause: String,
    pub action: String,
    pub version: Option<i32>,
}

#[utoipa::path(get, path = "/api/v1/quality/advice", tag = "quality", params(AdviceFilter),
    responses((status = 200, body = AdviceList, description = "the unit's advice in every state; for a province's office or the national body, the escalated ones"),
        (status = 401), (status = 403, description = "labs, agencies")))]
pub async fn list(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Query(f): Query<AdviceFilter>,
) -> Result<Json<AdviceList>, AppError> {
    Ok(Json(advices::list(&s.db, &actor, &f).await?))
}

#[utoipa::path(get, path = "/api/v1/quality/advice/{id}", tag = "quality",
    params(("id" = i64, Path, description = "Advice id")),
    responses((status = 200, body = AdviceView, description = "the advice with its outlook (answer by, escalates on, escalates at subgroup) and history"),
        (status = 404, description = "absent, another unit's, or not escalated (for the office)")))]
pub async fn get(OnRecord(s, _, actor, id): OnRecord) -> Result<Json<AdviceView>, AppError> {
    Ok(Json(advices::get(&s.db, &actor, id).await?))
}

#[utoipa::path(post, path = "/api/v1/quality/advice/{id}/acknowledge", tag = "quality", request_body = MoveBody,
    params(("id" = i64, Path, description = "Advice id")),
    responses((status = 200, body = AdviceView), (status = 403, description = "not the unit's user"), (status = 404),
        (status = 409, description = "`quality_state_conflict`: not open, or changed since `version`")))]
pub async fn acknowledge(
    OnRecord(s, _, actor, id): OnRecord,
    body: Option<Json<MoveBody>>,
) -> Result<Json<AdviceView>, AppError> {
    let v = body.and_then(|Json(b)| b.version);
    Ok(Json(
        advices::act(&s.db, &actor, id, v, Move::Acknowledge, s.clock.now()).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/quality/advice/{id}/answer", tag = "quality", request_body = AnswerBody,
    params(("id" = i64, Path, description = "Advice id")),
    responses((status = 200, body = AdviceView), (status = 403), (status = 404),
        (status = 409, description = "`quality_state_conflict`: answered or closed already, or changed since `version`"),
        (status = 422, description = "`cause` and `action` each `required` or `too_long` (4,000 characters)")))]
pub async fn answer(
    OnRecord(s, _, actor, id): OnRecord,
    Json(b): Json<AnswerBody>,
) -> Result<Json<AdviceView>, AppError> {
    let d = AnswerDraft {
        cause: b.cause,
        action: b.action,
    };
    Ok(Json(
        advices::act(&s.db, &actor, id, b.version, Move::Answer(d), s.clock.now()).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/quality/advice/{id}/close", tag = "quality", request_body = MoveBody,
    params(("id" = i64, Path, description = "Advice id")),
    responses((status = 200, body = AdviceView, description = "closed: by the unit once answered (not escalated), by the province's office once escalated and answered"),
        (status = 403), (status = 404),
        (status = 409, description = "`quality_state_conflict`: not answered, escalated (the office closes it), or changed since `version`")))]
pub async fn close(
    OnRecord(s, _, actor, id): OnRecord,
    body: Option<Json<MoveBody>>,
) -> Result<Json<AdviceView>, AppError> {
    let v = body.and_then(|Json(b)| b.version);
    Ok(Json(
        advices::act(&s.db, &actor, id, v, Move::Close, s.clock.now()).await?,
    ))
}

#[utoipa::path(get, path = "/api/v1/quality/queue", tag = "quality", params(AdviceFilter),
    responses((status = 200, body = AdviceList, description = "the escalated advice of the caller's province (every province for the national body), the latest escalated first"),
        (status = 401), (status = 403, description = "not a provincial officer, inspector or the national body")))]
pub async fn queue(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Query(f): Query<AdviceFilter>,
) -> Result<Json<AdviceList>, AppError> {
    Ok(Json(advices::queue(&s.db, &actor, &f).await?))
}

#[utoipa::path(get, path = "/api/v1/quality/thresholds", tag = "quality",
    responses((status = 200, body = [ThresholdsView], description = "each country's default (`version` 0: the built-in one), then each province's own"),
        (status = 403, description = "not the national administrator")))]
pub async fn list_thresholds(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
) -> Result<Json<Vec<ThresholdsView>>, AppError> {
    Ok(Json(thresholds::list(&s.db, &actor).await?))
}

#[utoipa::path(put, path = "/api/v1/quality/thresholds/{scope}", tag = "quality", request_body = ThresholdsDraft,
    params(("scope" = String, Path, description = "A country (`IR`, `VN`) or a province (`IR-28`)")),
    responses((status = 200, body = ThresholdsView), (status = 403),
        (status = 409, description = "`quality_state_conflict`: changed since `version`"),
        (status = 422, description = "`answer_working_days` (1–60) and `persisting_subgroups` (1–1000) each `required`, `invalid_number` or `threshold_out_of_range`; `scope` `unknown_province`")))]
pub async fn set_thresholds(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(scope): Path<String>,
    Json(d): Json<ThresholdsDraft>,
) -> Result<Json<ThresholdsView>, AppError> {
    Ok(Json(
        thresholds::set(&s.db, &actor, &scope, &d, s.clock.now()).await?,
    ))
}
