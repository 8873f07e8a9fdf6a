//! Renders an [`ErrorInfo`] as problem+json or as an HTML page.

use askama::Template;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use serde_json::json;

use super::error::ErrorInfo;
use super::page::PageCtx;
use crate::i18n::{I18n, Lang};

/// The message key of an error code (`err-<code>`, dashes for underscores).
pub fn key_of(code: &str) -> String {
    format!("err-{}", code.replace('_', "-"))
}

pub fn message(lang: Lang, code: &str) -> String {
    I18n::get().t(lang, &key_of(code))
}

pub fn field_label(lang: Lang, field: &str) -> String {
    // `products[2].hs_code` → label of `hs_code` with the row number.
    let base = field.rsplit('.').next().unwrap_or(field);
    let base = base.split('[').next().unwrap_or(base);
    I18n::get().t(lang, &format!("field-{}", base.replace('_', "-")))
}

/// RFC 9457 problem details, with `errors` naming each invalid field.
pub fn problem(status: StatusCode, info: &ErrorInfo, lang: Lang) -> Response {
    let errors: Vec<_> = info
        .fields
        .iter()
        .map(|f| {
            let mut e = json!({"field": f.field, "code": f.code, "message": message(lang, f.code)});
            if let Some(d) = &f.detail {
                e["detail"] = json!(d);
            }
            e
        })
        .collect();
    let mut body = json!({
        "type": format!("/api/v1/problems/{}", info.code),
        "title": message(lang, info.code),
        "status": status.as_u16(),
        "code": info.code,
    });
    if !errors.is_empty() {
        body["errors"] = json!(errors);
    }
    if let Some(id) = &info.correlation_id {
        body["correlation_id"] = json!(id);
    }
    let mut res = (status, body.to_string()).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    res
}

#[derive(Template)]
#[template(path = "errors/error.html")]
struct ErrorPage {
    page: PageCtx,
    status: u16,
    title: String,
    fields: Vec<(String, String)>,
    correlation_id: Option<String>,
}

pub fn html(status: StatusCode, info: &ErrorInfo, page: PageCtx) -> Response {
    let lang = page.lang;
    let tpl = ErrorPage {
        status: status.as_u16(),
        title: message(lang, info.code),
        fields: info
            .fields
            .iter()
            .map(|f| (field_label(lang, &f.field), message(lang, f.code)))
            .collect(),
        correlation_id: info.correlation_id.clone(),
        page,
    };
    match tpl.render() {
        Ok(body) => (status, Html(body)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "error page failed to render");
            status.into_response()
        }
    }
}
