//! The compliance summary as JSON under `/api/v1/quality/compliance`: the units in the
//! caller's reach month by month, and one unit with the characteristics and advice behind
//! its figures.

use axum::Json;
use axum::extract::{Query, State};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::compliance::{self, Compliance, ComplianceQuery, UnitComplianceDetail};
use crate::web::{AppError, AppState, Authed, OnRecord};

pub(super) fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(summary))
        .routes(routes!(unit))
}

#[utoipa::path(get, path = "/api/v1/quality/compliance", tag = "quality", params(ComplianceQuery),
    responses((status = 200, body = Compliance, description = "per unit in the caller's reach (all of a country for the national body, its province's for an office or inspector, its own for a unit), per month of the country's calendar (Solar Hijri in Iran, Gregorian in Vietnam): the characteristics reporting, in control, capable and both, and the advice answered on time, with their shares (absent where nothing counts)"),
        (status = 401), (status = 403, description = "labs, agencies"),
        (status = 404, description = "a province not the caller's"),
        (status = 422, description = "`invalid_choice` (country), `unknown_province`, `out_of_range` (a month out of the calendar's years, `from` after `to`, or over 36 months)")))]
pub async fn summary(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Query(q): Query<ComplianceQuery>,
) -> Result<Json<Compliance>, AppError> {
    let country = super::compliance_pages::default_country(ctx.lang);
    Ok(Json(
        compliance::summary(&s.db, &actor, &q, country, s.clock.now()).await?,
    ))
}

#[utoipa::path(get, path = "/api/v1/quality/compliance/{id}", tag = "quality",
    params(("id" = i64, Path, description = "Unit id"), ComplianceQuery),
    responses((status = 200, body = UnitComplianceDetail, description = "one unit month by month in its country's calendar, with each characteristic's month (subgroups, violations, Cpk at the month's end against the target) and the advice counted"),
        (status = 401), (status = 403), (status = 404, description = "no characteristic of the unit in the caller's reach"),
        (status = 422)))]
pub async fn unit(
    OnRecord(s, _, actor, id): OnRecord,
    Query(q): Query<ComplianceQuery>,
) -> Result<Json<UnitComplianceDetail>, AppError> {
    Ok(Json(
        compliance::unit(&s.db, &actor, id, &q, s.clock.now()).await?,
    ))
}
