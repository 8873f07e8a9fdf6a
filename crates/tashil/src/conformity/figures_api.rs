//! `GET /api/v1/labs/figures`: each lab's turnaround and the failure rates by clause, public
//! aggregates for anyone, the full table for the national body (and a province's officers
//! for their province).

use axum::Json;
use axum::extract::{Query, State};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::figures::{self, Figures, FiguresQuery};
use crate::web::{AppError, AppState, Ctx};

pub(super) fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(lab_figures))
}

#[utoipa::path(get, path = "/api/v1/labs/figures", tag = "conformity", params(FiguresQuery),
    responses((status = 200, body = Figures, description = "per lab, the median and 90th-percentile turnaround in working days of its province and the share within the quote; per product category, province, standard and clause, results judged, failed and inconclusive with the failure rate. Without a unit's name or id unless the caller is the national administrator (or a province's officer asking for that province): the public answer leaves out cells of fewer than `min_requesters` organisations"),
        (status = 400, description = "problem+json `invalid_query` naming each field: `from`/`to` (a date out of 1925–2124 or unreadable, `to` before `from`, a span over ten years), `lab`, `province`, `page`")))]
pub async fn lab_figures(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(q): Query<FiguresQuery>,
) -> Result<Json<Figures>, AppError> {
    Ok(Json(
        figures::figures(&s.db, ctx.actor.as_ref(), &q, s.clock.now()).await?,
    ))
}
