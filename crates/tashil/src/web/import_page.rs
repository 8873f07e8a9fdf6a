//! The import page every context shares: an upload form, the column help, and the report of
//! a refused file by row and column, or the count of records created.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::Multipart;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::{AppError, Ctx, PageCtx};
use crate::i18n::{I18n, Lang};
use crate::kernel::import::{ImportReport, Issue};

/// What differs between the imports of two contexts.
pub struct ImportTarget {
    /// Where the form posts (`/units/import`).
    pub action: &'static str,
    pub title_key: &'static str,
    pub hint_key: &'static str,
    /// The list the imported records land in, linked after success.
    pub list_href: &'static str,
    pub list_key: &'static str,
    /// The message of a file taken whole, with its `count` (`import-done`: "3 units imported").
    pub done_key: &'static str,
    /// The `accept` attribute of the file input.
    pub accept: &'static str,
    /// A file to fill in and upload, if the import offers one.
    pub template: Option<&'static str>,
}

#[derive(Template, WebTemplate)]
#[template(path = "shared/import.html")]
pub struct ImportPage {
    page: PageCtx,
    target: ImportTarget,
    done: bool,
    imported: u64,
    errors: Vec<ReportLine>,
    warnings: Vec<ReportLine>,
    /// (column label, required)
    columns: Vec<(String, bool)>,
}

/// The empty form.
pub fn form(ctx: &Ctx, target: ImportTarget, columns: Vec<(String, bool)>) -> Response {
    ImportPage {
        page: PageCtx::new(ctx),
        target,
        done: false,
        imported: 0,
        errors: vec![],
        warnings: vec![],
        columns,
    }
    .into_response()
}

/// The form again with the outcome of an import: 200 when it was committed, 422 when not.
pub fn result(
    ctx: &Ctx,
    target: ImportTarget,
    columns: Vec<(String, bool)>,
    report: &ImportReport,
) -> Response {
    let status = if report.ok() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = ImportPage {
        page: PageCtx::new(ctx),
        target,
        done: report.ok(),
        imported: report.imported as u64,
        errors: report_lines(ctx.lang, &report.errors),
        warnings: report_lines(ctx.lang, &report.warnings),
        columns,
    };
    (status, page).into_response()
}

/// An upload answered: `import` runs on the file (its name, bytes and the read options the
/// form declared), a form without a file is refused as such, and the outcome is the form
/// again with its report ([`result`]).
pub async fn upload<F, Fut, E>(
    ctx: &Ctx,
    target: ImportTarget,
    columns: Vec<(String, bool)>,
    multipart: Multipart,
    import: F,
) -> Result<Response, AppError>
where
    F: FnOnce(String, Vec<u8>, tashil_sheets::ReadOptions) -> Fut,
    Fut: std::future::Future<Output = Result<ImportReport, E>>,
    AppError: From<E>,
{
    let report = match read_upload(multipart).await?.into_parts() {
        Some((name, bytes, opts)) => import(name, bytes, opts).await?,
        None => no_file(),
    };
    Ok(result(ctx, target, columns, &report))
}

/// An uploaded file and the text encoding the user declared for it.
pub struct Upload {
    /// File name and bytes; `None` when no (or an empty) file was sent.
    pub file: Option<(String, Vec<u8>)>,
    pub encoding: Option<String>,
}

impl Upload {
    /// The file's name and bytes with the read options the form declared; `None` without a file.
    pub fn into_parts(self) -> Option<(String, Vec<u8>, tashil_sheets::ReadOptions)> {
        let (name, bytes) = self.file?;
        let opts = tashil_sheets::ReadOptions {
            encoding: self.encoding,
            ..Default::default()
        };
        Some((name, bytes, opts))
    }
}

/// Reads the `file` and `encoding` fields of the import form.
pub async fn read_upload(mut multipart: Multipart) -> Result<Upload, AppError> {
    let mut file = None;
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
                if !bytes.is_empty() {
                    file = Some((name, bytes.to_vec()));
                }
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
    Ok(Upload { file, encoding })
}

/// One line of the report as shown: "row 5, column C (National ID): …".
pub struct ReportLine {
    /// The row number, or the words for the file as a whole («کل فایل», "Whole file").
    pub row: String,
    /// The problem is the file's, not a row's.
    pub file_level: bool,
    pub column: String,
    pub message: String,
}

pub fn report_lines(lang: Lang, issues: &[Issue]) -> Vec<ReportLine> {
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
            let row = match i.row {
                Some(n) => tashil_text::digits::localize_digits(&n.to_string(), lang),
                None => i18n.t(lang, "import-whole-file"),
            };
            ReportLine {
                row,
                file_level: i.row.is_none(),
                column,
                message,
            }
        })
        .collect()
}

/// An import's outcome as the API answers it: the report, each issue with its message in
/// the caller's language.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ImportAnswer {
    /// Records created: all of the file's, or none when there are errors.
    pub imported: usize,
    pub errors: Vec<IssueAnswer>,
    /// What was accepted but worth a look (an unknown column ignored, a former province
    /// mapped to the current one).
    pub warnings: Vec<IssueAnswer>,
}

/// One problem of an import, with its message.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct IssueAnswer {
    /// The row as Excel numbers it; `null` for a problem of the whole file.
    pub row: Option<usize>,
    pub column: Option<String>,
    pub header: Option<String>,
    pub code: String,
    pub detail: Option<String>,
    pub message: String,
}

/// The API's answer to an import: 200 when it was committed, 422 when not.
pub fn answer(lang: Lang, report: &ImportReport) -> Response {
    let issues = |list: &[Issue]| -> Vec<IssueAnswer> {
        list.iter()
            .map(|i| IssueAnswer {
                row: i.row,
                column: i.column.clone(),
                header: i.header.clone(),
                code: i.code.clone(),
                detail: i.detail.clone(),
                message: crate::web::error_render::message(lang, &i.code),
            })
            .collect()
    };
    let status = if report.ok() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let body = ImportAnswer {
        imported: report.imported,
        errors: issues(&report.errors),
        warnings: issues(&report.warnings),
    };
    (status, axum::Json(body)).into_response()
}

/// The report of a form posted without a file: nothing imported, one "no file" error.
pub fn no_file() -> ImportReport {
    ImportReport {
        errors: vec![Issue::file("no_file")],
        ..Default::default()
    }
}

/// An export download: `body` offered as the file `name`.
pub fn attachment(ctype: &'static str, name: &str, body: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, ctype.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}
