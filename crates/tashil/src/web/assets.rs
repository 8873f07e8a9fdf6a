//! Static assets embedded in the binary (see `assets/VENDORED.md`): one file to deploy.

use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

const CSS: &str = include_str!("../../assets/app.css");
const HTMX: &str = include_str!("../../assets/js/htmx.min.js");
const CHECKLIST: &str = include_str!("../../assets/js/checklist.js");
const FONT: &[u8] = include_bytes!("../../assets/fonts/Vazirmatn-wght.woff2");

pub async fn serve(Path(file): Path<String>) -> Response {
    let (ctype, body): (&str, &'static [u8]) = match file.as_str() {
        "app.css" => ("text/css; charset=utf-8", CSS.as_bytes()),
        "htmx.min.js" => ("text/javascript; charset=utf-8", HTMX.as_bytes()),
        "checklist.js" => ("text/javascript; charset=utf-8", CHECKLIST.as_bytes()),
        "Vazirmatn-wght.woff2" => ("font/woff2", FONT),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    (
        [
            (header::CONTENT_TYPE, ctype),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        body,
    )
        .into_response()
}
