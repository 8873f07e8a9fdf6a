//! Handlers of the exchange: the import form and its upload, and the export in CSV, XLSX
//! and JSON.

use axum::Router;
use axum::extract::{Multipart, Query, State};
use axum::response::Response;
use axum::routing::{MethodRouter, get, post};

use super::columns::column_help;
use super::export::selected;
use super::file::{ExportFormat, export_file};
use super::import::import;
use crate::access::standards as rules;
use crate::standards::filters::ListFilters;
use crate::web::AppState;
use crate::web::import_page::attachment;
use crate::web::import_page::{self, ImportTarget};
use crate::web::upload_limit::{MAX_IMPORT_FILE, limited};
use crate::web::{AppError, Authed, Ctx};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/standards/import",
            get(form).merge(limited(post(upload), MAX_IMPORT_FILE)),
        )
        .route("/standards/export.csv", export_in(ExportFormat::Csv))
        .route("/standards/export.xlsx", export_in(ExportFormat::Xlsx))
        .route("/standards/export.json", export_in(ExportFormat::Json))
}

/// The export of the filtered list in `format`.
fn export_in(format: ExportFormat) -> MethodRouter<AppState> {
    get(move |s: State<AppState>, ctx: Ctx, q: Query<ListFilters>| export(s, ctx, q, format))
}

fn target() -> ImportTarget {
    ImportTarget {
        action: "/standards/import",
        title_key: "standards-import-title",
        hint_key: "standards-import-hint",
        list_href: "/standards",
        list_key: "standards-title",
        done_key: "standards-import-done",
        accept: ".xlsx,.csv,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        template: None,
    }
}

async fn form(Authed(ctx, actor): Authed) -> Result<Response, AppError> {
    rules::authorize_manage(&actor)?;
    Ok(import_page::form(&ctx, target(), column_help(ctx.lang)))
}

async fn upload(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    multipart: Multipart,
) -> Result<Response, AppError> {
    rules::authorize_manage(&actor)?;
    let (db, actor, now) = (&s.db, &actor, s.clock.now());
    import_page::upload(
        &ctx,
        target(),
        column_help(ctx.lang),
        multipart,
        |name, bytes, opts| async move { import(db, Some(actor), &name, &bytes, &opts, now).await },
    )
    .await
}

async fn export(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ListFilters>,
    format: ExportFormat,
) -> Result<Response, AppError> {
    let records = selected(&s, &ctx, &q).await?;
    let body = export_file(&records, format, ctx.lang).map_err(AppError::internal)?;
    Ok(attachment(format.content_type(), format.file_name(), body))
}
