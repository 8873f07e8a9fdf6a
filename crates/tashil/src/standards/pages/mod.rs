//! HTML pages of the catalogue: `list` (search and suggestions), `detail` (a standard and
//! the reason an action failed), `form` (create, edit), `lifecycle` and `comments` (the
//! actions on a standard), `mandatory` (the mandatory list); `exchange` adds import and export.

mod comments;
mod detail;
mod form;
mod lifecycle;
mod list;
mod mandatory;

use axum::Router;

use crate::web::AppState;

pub(super) fn routes() -> Router<AppState> {
    // A path served from two files (`/standards`: the list's GET, the form's POST) keeps both
    // methods: axum merges the method routers of one path.
    Router::new()
        .merge(list::routes())
        .merge(detail::routes())
        .merge(form::routes())
        .merge(lifecycle::routes())
        .merge(comments::routes())
        .merge(mandatory::routes())
        .merge(super::exchange::routes())
}
