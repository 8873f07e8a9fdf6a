//! The import page: upload a file, see every error by row and column, or the units created.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Multipart, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::{ImportReport, Importer, NoProgress, import_units};
use crate::app::AppState;
use crate::i18n::{I18n, Lang};
use crate::web::{AppError, Authed, PageCtx};

pub fn routes() -> Router<AppState> {
    Router::new().route("/units/import", get(form).post(upload))
}

/// One line of the report as shown: "row 5, column C (National ID): …".
pub struct ReportLine {
    pub row: String,
    pub column: String,
    pub message: String,
}

pub fn report_lines(lang: Lang, issues: &[super::Issue]) -> Vec<ReportLine> {
    let i18n = I18n::get();
    issues
        .iter()
        .map(|i| {
            let header = i.header.clone().map(|h| {
                let label_key = format!("field-{}", h.replace('_', "-"));
                if i18n.has(lang, &label_key) {
                    i18n.t(lang, &label_key)
                } else {
                    h
                }
            });
            let column = match (&i.column, header) {
                (Some(c), Some(h)) => format!("{c} ({h})"),
                (Some(c), None) => c.clone(),
                (None, Some(h)) => h,
                (None, None) => String::new(),
            };
            let mut message = crate::web::error_render::message(lang, &i.code);
            if let Some(d) = &i.detail {
                message = format!(
                    "{message} ({})",
                    tashil_text::digits::localize_digits(d, lang)
                );
            }
            ReportLine {
                row: tashil_text::digits::localize_digits(&i.row.to_string(), lang),
                column,
                message,
            }
        })
        .collect()
}

#[derive(Template, WebTemplate)]
#[template(path = "registry/import.html")]
struct ImportPage {
    page: PageCtx,
    done: bool,
    imported: u64,
    errors: Vec<ReportLine>,
    warnings: Vec<ReportLine>,
    columns: Vec<(String, bool)>,
}

fn column_help(lang: Lang) -> Vec<(String, bool)> {
    super::Column::ALL
        .iter()
        .map(|c| (super::header_label(*c, lang), c.required()))
        .collect()
}

async fn form(Authed(ctx, actor): Authed) -> Result<Response, AppError> {
    crate::access::units::authorize_import(&actor)?;
    Ok(ImportPage {
        page: PageCtx::new(&ctx),
        done: false,
        imported: 0,
        errors: vec![],
        warnings: vec![],
        columns: column_help(ctx.lang),
    }
    .into_response())
}

async fn upload(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    crate::access::units::authorize_import(&actor)?;
    let mut file: Option<(String, Vec<u8>)> = None;
    let mut encoding = None;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|_| AppError::BadRequest("bad_upload"))?
    {
        match field.name() {
            Some("file") => {
                let name = field.file_name().unwrap_or("upload").to_string();
                let bytes = field
                    .bytes()
                    .await
                    .map_err(|_| AppError::BadRequest("bad_upload"))?;
                file = Some((name, bytes.to_vec()));
            }
            Some("encoding") => {
                let v = field.text().await.unwrap_or_default();
                if !v.trim().is_empty() {
                    encoding = Some(v.trim().to_string());
                }
            }
            _ => {}
        }
    }
    let report = match file {
        Some((name, bytes)) if !bytes.is_empty() => {
            let opts = tashil_sheets::ReadOptions {
                encoding,
                ..Default::default()
            };
            import_units(
                &s.db,
                Importer::User(&actor),
                &name,
                &bytes,
                &opts,
                &NoProgress,
            )
            .await?
        }
        _ => ImportReport {
            errors: vec![super::issue(0, None, None, "no_file")],
            ..Default::default()
        },
    };
    let status = if report.ok() {
        axum::http::StatusCode::OK
    } else {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = ImportPage {
        page: PageCtx::new(&ctx),
        done: report.ok(),
        imported: report.imported as u64,
        errors: report_lines(ctx.lang, &report.errors),
        warnings: report_lines(ctx.lang, &report.warnings),
        columns: column_help(ctx.lang),
    };
    Ok((status, page).into_response())
}
