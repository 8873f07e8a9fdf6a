//! The inspection page's evidence: a file added to an answer or a finding (the inspector) or
//! to a CAPA (the unit) by a multipart form (its CSRF token in the address), and a file
//! downloaded by whoever reads the inspection. The lists are drawn by the page's partial
//! `supervision/evidence_files.html`.

use axum::Router;
use axum::extract::{Multipart, Path, State};
use axum::response::Response;
use axum::routing::{get, post};

use super::evidence::{self, Owner};
use super::inspection_pages::after;
use crate::kernel::upload::MAX_BYTES;
use crate::web::upload_limit::limited;
use crate::web::{AppError, AppState, Authed};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/supervision/inspections/{id}/items/{item}/evidence",
            limited(post(item), MAX_BYTES),
        )
        .route(
            "/supervision/inspections/{id}/findings/{finding}/evidence",
            limited(post(finding), MAX_BYTES),
        )
        .route(
            "/supervision/inspections/{id}/findings/{finding}/capa/evidence",
            limited(post(capa), MAX_BYTES),
        )
        .route(
            "/supervision/inspections/{id}/evidence/{file}",
            get(download),
        )
}

/// Reads the file, attaches it, and answers with the page: on to the part changed, or the
/// form's error beside it.
async fn attach(
    s: AppState,
    ctx: crate::web::Ctx,
    actor: crate::access::Actor,
    id: i64,
    owner: Owner,
    anchor: String,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let (name, bytes) = crate::web::files::read_upload(multipart)
        .await?
        .file_or_empty();
    let r = evidence::attach(&s.db, &actor, Some(id), owner, &name, &bytes, s.clock.now()).await;
    let prefix = format!("evidence-{}-{}", owner.kind(), owner.id());
    after(&s, &ctx, &actor, id, &prefix, &anchor, r).await
}

async fn item(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path((id, item)): Path<(i64, i64)>,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let anchor = format!("#item-{item}");
    attach(s, ctx, actor, id, Owner::Item(item), anchor, multipart).await
}

async fn finding(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path((id, finding)): Path<(i64, i64)>,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let anchor = format!("#finding-{finding}");
    attach(
        s,
        ctx,
        actor,
        id,
        Owner::Finding(finding),
        anchor,
        multipart,
    )
    .await
}

async fn capa(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path((id, finding)): Path<(i64, i64)>,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let anchor = format!("#finding-{finding}");
    attach(s, ctx, actor, id, Owner::Capa(finding), anchor, multipart).await
}

async fn download(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path((id, file)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (name, ctype, bytes) = evidence::download(&s.db, &actor, Some(id), file).await?;
    Ok(crate::web::files::download(&name, ctype, bytes))
}
