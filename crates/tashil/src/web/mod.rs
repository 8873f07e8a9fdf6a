//! The HTTP edge shared by every context: request context (actor, language, CSRF), error
//! rendering (problem+json or an HTML page), page layout and its navigation, static assets, operations routes,
//! uploads read and files answered as downloads, and the edge's guards: security headers,
//! upload limits, trusted proxies, local redirects.

pub mod assets;
pub mod chart;
pub mod client_addr;
pub mod csrf;
pub mod ctx;
pub mod desk_outcome;
pub mod error;
pub mod error_render;
pub mod files;
pub mod forms;
pub mod headers;
pub mod import_page;
pub mod local_path;
pub mod nav;
pub mod ops;
pub mod page;
pub mod record;
pub mod state;
pub mod upload_limit;
pub mod waiting;

pub use ctx::{Authed, Ctx};
pub use error::AppError;
pub use nav::{NavEntry, NavFn};
pub use page::PageCtx;
pub use record::OnRecord;
pub use state::AppState;
pub use waiting::{WaitingFn, WaitingItems};

/// A page rendered with `status` (422 when it shows a form's errors again).
pub fn html(
    status: axum::http::StatusCode,
    page: impl askama::Template,
) -> Result<axum::response::Response, AppError> {
    use axum::response::IntoResponse;
    let body = page.render().map_err(AppError::internal)?;
    Ok((status, axum::response::Html(body)).into_response())
}
