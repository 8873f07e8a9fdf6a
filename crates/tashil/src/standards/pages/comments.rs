//! Public enquiry from the standard's page: a stakeholder's comment while the enquiry is open,
//! and the technical committee's response to it.

use axum::Router;
use axum::response::Response;
use axum::routing::post;
use axum_extra::extract::Form;
use serde::Deserialize;

use super::detail::action_result;
use crate::standards::enquiry::{self, CommentDraft, Decision};
use crate::web::AppError;
use crate::web::AppState;
use crate::web::OnRecord;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/standards/{id}/comments", post(comment))
        .route("/standards/comments/{cid}/response", post(respond))
}

/// The comment form posts the draft's fields as they are (the page always sends `body`).
async fn comment(
    OnRecord(s, ctx, actor, id): OnRecord,
    Form(d): Form<CommentDraft>,
) -> Result<Response, AppError> {
    let r = enquiry::comment(&s.db, &actor, id, &d, s.clock.now())
        .await
        .map(|_| ());
    action_result(&s, &ctx, id, "comment", r).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ResponseForm {
    standard: i64,
    decision: String,
    response: String,
}

async fn respond(
    OnRecord(s, ctx, actor, cid): OnRecord,
    Form(f): Form<ResponseForm>,
) -> Result<Response, AppError> {
    let r = enquiry::respond(
        &s.db,
        &actor,
        cid,
        Decision::parse(&f.decision),
        &f.response,
        s.clock.now(),
    )
    .await;
    action_result(&s, &ctx, f.standard, &format!("response-{cid}"), r).await
}
