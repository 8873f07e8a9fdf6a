//! The import page: upload a file, see every error by row and column, or the units created.

use axum::Router;
use axum::extract::{Multipart, State};
use axum::response::Response;
use axum::routing::{get, post};

use super::{Importer, NoProgress, import_units};
use crate::i18n::Lang;
use crate::web::AppState;
use crate::web::import_page::{self, ImportTarget};
use crate::web::upload_limit::{MAX_IMPORT_FILE, limited};
use crate::web::{AppError, Authed};

pub fn routes() -> Router<AppState> {
    Router::new().route(
        "/units/import",
        get(form).merge(limited(post(upload), MAX_IMPORT_FILE)),
    )
}

fn target() -> ImportTarget {
    ImportTarget {
        action: "/units/import",
        title_key: "import-title",
        hint_key: "import-hint",
        list_href: "/units",
        list_key: "units-title",
        done_key: "import-done",
        accept: ".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        template: None,
    }
}

fn column_help(lang: Lang) -> Vec<(String, bool)> {
    super::Column::ALL
        .iter()
        .map(|c| (super::header_label(*c, lang), c.required()))
        .collect()
}

async fn form(Authed(ctx, actor): Authed) -> Result<Response, AppError> {
    crate::access::units::authorize_import(&actor)?;
    Ok(import_page::form(&ctx, target(), column_help(ctx.lang)))
}

async fn upload(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    multipart: Multipart,
) -> Result<Response, AppError> {
    crate::access::units::authorize_import(&actor)?;
    let (db, actor) = (&s.db, &actor);
    import_page::upload(
        &ctx,
        target(),
        column_help(ctx.lang),
        multipart,
        |name, bytes, opts| {
            let importer = Importer::User(actor);
            async move { import_units(db, importer, &name, &bytes, &opts, &NoProgress).await }
        },
    )
    .await
}
