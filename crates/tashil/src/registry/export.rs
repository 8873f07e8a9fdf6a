//! Export of the filtered unit list as CSV or XLSX, headed in the user's language so the
//! file imports back unchanged.

use axum::Router;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use tashil_sheets::ExportCell;

use super::import::{Column, header_label};
use super::pages::ListQuery;
use super::service::{self, UnitSummary};
use crate::access::Actor;
use crate::i18n::{I18n, Lang};
use crate::web::AppState;
use crate::web::import_page::attachment;
use crate::web::{AppError, Authed};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/units/export.csv", get(csv))
        .route("/units/export.xlsx", get(xlsx))
}

/// The unit's own columns, the first ten of the import's: one row per unit has no room for its
/// products and quality controls.
const COLUMNS: &[Column] = Column::ALL.split_at(10).0;

fn row(u: &UnitSummary, lang: Lang) -> Vec<String> {
    let i18n = I18n::get();
    vec![
        u.national_id.clone(),
        u.name_fa.clone(),
        u.name_en.clone(),
        u.name_vi.clone(),
        tashil_reference::province(&u.province)
            .map(|p| p.name(lang.code()).to_string())
            .unwrap_or_else(|| u.province.clone()),
        u.city.clone(),
        u.isic_class.clone(),
        i18n.t(lang, &format!("size-{}", u.size_class)),
        i18n.t(lang, if u.knowledge_based { "yes" } else { "no" }),
        i18n.t(lang, &format!("status-{}", u.status)),
    ]
}

/// Every unit `actor` reads in `province` (in every province it reads when empty): the
/// headers and rows of `tashil export units`.
pub async fn export_rows(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    province: &str,
    lang: Lang,
) -> Result<(Vec<String>, Vec<Vec<String>>), AppError> {
    let q = ListQuery {
        province: province.to_string(),
        ..Default::default()
    };
    rows(db, actor, &q, lang).await
}

async fn rows(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    q: &ListQuery,
    lang: Lang,
) -> Result<(Vec<String>, Vec<Vec<String>>), AppError> {
    let headers = COLUMNS.iter().map(|c| header_label(*c, lang)).collect();
    let mut out = vec![];
    service::for_each_matching(db, actor, &q.to_filter(1), |u| out.push(row(&u, lang))).await?;
    Ok((headers, out))
}

async fn csv(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    let (headers, rows) = rows(&s.db, &actor, &q, ctx.lang).await?;
    let body = tashil_sheets::write_csv(&headers, &rows);
    Ok(attachment("text/csv; charset=utf-8", "units.csv", body))
}

async fn xlsx(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    let (headers, rows) = rows(&s.db, &actor, &q, ctx.lang).await?;
    let rows: Vec<Vec<ExportCell>> = rows
        .into_iter()
        .map(|r| r.into_iter().map(ExportCell::Text).collect())
        .collect();
    let body = tashil_sheets::write_xlsx("units", &headers, &rows, ctx.lang.is_rtl())
        .map_err(AppError::internal)?;
    Ok(attachment(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "units.xlsx",
        body,
    ))
}
