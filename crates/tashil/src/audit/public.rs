//! The public URL of the checkpoints (no login): outside parties fetch and keep them.

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::checkpoint::{self, Checkpoint};
use crate::web::AppState;
use crate::web::error::ErrorInfo;
use crate::web::{AppError, Ctx, error_render};

/// The checkpoints' URLs, each with its OpenAPI entry from the handler's `#[utoipa::path]`.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(latest))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// 1-based page of 100 checkpoints; past the end the page is empty.
    pub page: Option<String>,
}

/// Any text is a page number: below 1 is the first page, beyond `u64` the (empty) last.
fn page_number(text: Option<&str>) -> u64 {
    let digits = tashil_text::digits::to_ascii_digits(text.unwrap_or("").trim());
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return 1;
    }
    digits.parse().unwrap_or(u64::MAX)
}

#[utoipa::path(get, path = "/audit/checkpoints", tag = "audit", params(PageQuery),
    responses((status = 200, body = [Checkpoint], description = "signed checkpoints of the audit chain, newest first")))]
pub async fn list(
    State(s): State<AppState>,
    Query(q): Query<PageQuery>,
) -> Result<Json<Vec<Checkpoint>>, AppError> {
    let n = page_number(q.page.as_deref());
    Ok(Json(checkpoint::page(&s.db, n).await?))
}

#[utoipa::path(get, path = "/audit/checkpoints/latest", tag = "audit",
    responses((status = 200, body = Checkpoint), (status = 404, description = "no checkpoint yet")))]
pub async fn latest(State(s): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    match checkpoint::latest(&s.db).await? {
        Some(c) => Ok(Json(c).into_response()),
        // A JSON client gets problem+json here too, though the path is outside `/api/`.
        None => Ok(error_render::problem(
            StatusCode::NOT_FOUND,
            &ErrorInfo {
                code: "not_found",
                fields: vec![],
                correlation_id: None,
            },
            ctx.lang,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::page_number;

    #[test]
    fn every_page_text_is_a_page_number() {
        assert_eq!(page_number(None), 1);
        assert_eq!(page_number(Some("0")), 0);
        assert_eq!(page_number(Some("-1")), 1);
        assert_eq!(page_number(Some("abc")), 1);
        assert_eq!(page_number(Some("۳")), 3);
        assert_eq!(page_number(Some("18446744073709551615")), u64::MAX);
        assert_eq!(page_number(Some("99999999999999999999999")), u64::MAX);
    }
}
