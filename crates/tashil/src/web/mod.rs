//! The HTTP edge shared by every context: request context (actor, language, CSRF), error
//! rendering (problem+json or an HTML page), page layout, static assets and operations routes.

pub mod assets;
pub mod csrf;
pub mod ctx;
pub mod error;
pub mod error_render;
pub mod forms;
pub mod import_page;
pub mod ops;
pub mod page;

pub use ctx::{Authed, Ctx};
pub use error::AppError;
pub use page::PageCtx;
