//! What a handler acting on one record takes: the state, the request's context, the signed-in
//! actor, and the record's id, the path's one parameter (`/cases/{id}/confirm`), as
//! `OnRecord(s, ctx, actor, id)`. Extracted in
//! the order the separate extractors ran: an anonymous request is turned away before its path
//! is read.

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};

use super::{AppState, Authed, Ctx};
use crate::access::Actor;

pub struct OnRecord(pub AppState, pub Ctx, pub Actor, pub i64);

impl FromRequestParts<AppState> for OnRecord {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let Authed(ctx, actor) = Authed::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let Path(id) = Path::<i64>::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        Ok(OnRecord(state.clone(), ctx, actor, id))
    }
}
