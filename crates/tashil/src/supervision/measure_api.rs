//! JSON API of the ladder under `/api/v1/supervision`: the ladder in force (public) and its
//! rungs' edits (the national body), a unit's measures and taking one, the measures waiting
//! for a second officer and the decision on them.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::api::PageQuery;
use super::measures::{self, MeasureDraft, MeasureView};
use super::model::ladder::{Rung, RungEdit};
use super::unsafe_products::{self as unsafe_list_of, UnsafeDraft, UnsafeEntry};
use crate::web::{AppError, AppState, Authed};

pub(super) fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_ladder))
        .routes(routes!(put_rung))
        .routes(routes!(unit_measures, take_measure))
        .routes(routes!(awaiting))
        .routes(routes!(decide))
        .routes(routes!(unsafe_list, unsafe_create))
        .routes(routes!(unsafe_csv))
        .routes(routes!(unsafe_publish))
        .routes(routes!(get_figures))
}

#[utoipa::path(get, path = "/api/v1/supervision/ladder", tag = "supervision",
    responses((status = 200, body = [Rung], description = "the rungs in force, lowest first, each with its legal basis (public)")))]
pub async fn get_ladder(State(s): State<AppState>) -> Result<Json<Vec<Rung>>, AppError> {
    Ok(Json(
        measures::ladder(&s.db)
            .await
            .map_err(super::SupervisionError::from)?,
    ))
}

#[utoipa::path(put, path = "/api/v1/supervision/ladder/{key}", tag = "supervision", request_body = RungEdit,
    params(("key" = String, Path, description = "advice, warning, reinspection, suspension, revocation")),
    responses((status = 200, body = Rung, description = "stored as the rung's next version, audited"),
        (status = 403, description = "not the national body"), (status = 404),
        (status = 409, description = "`supervision_state_conflict`: changed since `version`"),
        (status = 422, description = "`required` per field")))]
pub async fn put_rung(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(key): Path<String>,
    Json(e): Json<RungEdit>,
) -> Result<Json<Rung>, AppError> {
    Ok(Json(
        measures::edit_rung(&s.db, &actor, &key, &e, s.clock.now()).await?,
    ))
}

#[utoipa::path(get, path = "/api/v1/supervision/units/{unit_id}/measures", tag = "supervision",
    params(("unit_id" = i64, Path, description = "Unit id"), PageQuery),
    responses((status = 200, body = [MeasureView], description = "latest first, 50 a page"),
        (status = 404, description = "absent or not the caller's to see")))]
pub async fn unit_measures(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(unit_id): Path<i64>,
    Query(p): Query<PageQuery>,
) -> Result<Json<Vec<MeasureView>>, AppError> {
    Ok(Json(
        measures::history(&s.db, &actor, unit_id, p.page).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/supervision/units/{unit_id}/measures", tag = "supervision", request_body = MeasureDraft,
    params(("unit_id" = i64, Path, description = "Unit id")),
    responses((status = 201, body = MeasureView, description = "in force (a suspension or revocation changes the licence), or awaiting approval on the imminent-danger path; audited"),
        (status = 403, description = "not the province's officer (an inspector: advice and warning only)"),
        (status = 404, description = "another province's unit"),
        (status = 422, description = "`rung_skipped` on `rung` (detail: the next rung), `required` on `reason`, `justification` or `licence_id`, licensing's refusal on `licence_id`")))]
pub async fn take_measure(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(unit_id): Path<i64>,
    Json(d): Json<MeasureDraft>,
) -> Result<(StatusCode, Json<MeasureView>), AppError> {
    let v = measures::take(&s.db, &actor, unit_id, &d, s.clock.now()).await?;
    Ok((StatusCode::CREATED, Json(v)))
}

#[utoipa::path(get, path = "/api/v1/supervision/measures/awaiting", tag = "supervision",
    responses((status = 200, body = [MeasureView], description = "imminent-danger measures waiting for a second officer, in the caller's reach"),
        (status = 403)))]
pub async fn awaiting(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
) -> Result<Json<Vec<MeasureView>>, AppError> {
    Ok(Json(measures::awaiting(&s.db, &actor).await?))
}

/// The second officer's decision.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct Decision {
    pub approve: bool,
}

#[utoipa::path(post, path = "/api/v1/supervision/measures/{id}/decision", tag = "supervision", request_body = Decision,
    params(("id" = i64, Path, description = "Measure id")),
    responses((status = 200, body = MeasureView, description = "in force (and the licence changed) or refused; audited"),
        (status = 403, description = "the proposer, or not an officer"), (status = 404),
        (status = 409, description = "not awaiting approval")))]
pub async fn decide(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(id): Path<i64>,
    Json(d): Json<Decision>,
) -> Result<Json<MeasureView>, AppError> {
    Ok(Json(
        measures::decide(&s.db, &actor, id, d.approve, s.clock.now()).await?,
    ))
}

/// A search of the public list.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UnsafeQuery {
    /// Words of the product or brand, in any letter forms.
    #[serde(default)]
    pub q: String,
    pub page: Option<u64>,
}

#[utoipa::path(get, path = "/api/v1/supervision/unsafe", tag = "supervision", params(UnsafeQuery),
    responses((status = 200, body = [UnsafeEntry], description = "the published entries matching `q`, latest measure first, 25 a page (public)")))]
pub async fn unsafe_list(
    State(s): State<AppState>,
    Query(q): Query<UnsafeQuery>,
) -> Result<Json<Vec<UnsafeEntry>>, AppError> {
    Ok(Json(
        unsafe_list_of::public(&s.db, &q.q, q.page, unsafe_list_of::PAGE).await?,
    ))
}

#[utoipa::path(get, path = "/api/v1/supervision/unsafe/csv", tag = "supervision", params(UnsafeQuery),
    responses((status = 200, content_type = "text/csv", description = "the same entries as CSV, up to 5,000 from `page` (public)")))]
pub async fn unsafe_csv(
    State(s): State<AppState>,
    Query(q): Query<UnsafeQuery>,
) -> Result<axum::response::Response, AppError> {
    let rows = unsafe_list_of::public(&s.db, &q.q, q.page, 5000).await?;
    Ok(crate::web::files::download(
        "unsafe-products.csv",
        "text/csv; charset=utf-8".into(),
        unsafe_list_of::to_csv(&rows),
    ))
}

#[utoipa::path(post, path = "/api/v1/supervision/unsafe", tag = "supervision", request_body = UnsafeDraft,
    responses((status = 201, body = UnsafeEntry, description = "an entry of the officer's province (photos through the page's upload), audited"),
        (status = 403, description = "not a provincial officer"),
        (status = 422, description = "`required` on `product`, `brand`, `measure`, `measured_on`; `invalid_choice` on `risk_type`")))]
pub async fn unsafe_create(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Json(d): Json<UnsafeDraft>,
) -> Result<(StatusCode, Json<UnsafeEntry>), AppError> {
    let e = unsafe_list_of::create(&s.db, &actor, &d, None, s.clock.now()).await?;
    Ok((StatusCode::CREATED, Json(e)))
}

/// Whether the entry shows on the public list.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct Publication {
    pub published: bool,
}

#[utoipa::path(post, path = "/api/v1/supervision/unsafe/{id}/publish", tag = "supervision", request_body = Publication,
    params(("id" = i64, Path, description = "Entry id")),
    responses((status = 200, body = UnsafeEntry, description = "audited"), (status = 403),
        (status = 404, description = "another province's entry")))]
pub async fn unsafe_publish(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(id): Path<i64>,
    Json(p): Json<Publication>,
) -> Result<Json<UnsafeEntry>, AppError> {
    Ok(Json(
        unsafe_list_of::publish(&s.db, &actor, id, p.published, s.clock.now()).await?,
    ))
}

/// Whose figures: a province, or every province of a country.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FiguresQuery {
    /// IR or VN (default IR).
    pub country: Option<String>,
    /// A province code such as IR-26.
    pub province: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/supervision/figures", tag = "supervision", params(FiguresQuery),
    responses((status = 200, body = [super::model::figures::YearFigures], description = "per year (the country's calendar): measures in force by rung, the share of advice against coercive measures; inspections `null` (no data yet). Public")))]
pub async fn get_figures(
    State(s): State<AppState>,
    Query(q): Query<FiguresQuery>,
) -> Result<Json<Vec<super::model::figures::YearFigures>>, AppError> {
    let country = match q.country.as_deref() {
        Some("VN") => "VN",
        _ => "IR",
    };
    Ok(Json(
        super::figures::figures(&s.db, country, q.province.as_deref()).await?,
    ))
}
