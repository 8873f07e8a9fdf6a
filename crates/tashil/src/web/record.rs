//! What a handler acting on one record takes: the state, the request's context, the signed-in
//! actor, and the record's id, the path's one parameter (`/cases/{id}/confirm`), as
//! `OnRecord(s, ctx, actor, id)`. Extracted in
//! the order the separate extractors ran: an anonymous request is turned away before its path
//! is read.

use std::future::Future;

use axum::extract::{FromRequestParts, Path};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};

use super::forms::FormErrors;
use super::{AppError, AppState, Authed, Ctx, desk_outcome};
use crate::access::Actor;
use crate::kernel::{DeskError, StateConflict};

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

/// What a page handler answers.
pub type PageResult = Result<Response, AppError>;

/// A record's page, to which a form posted from it comes back when the form fails: one
/// implementation gives the page's GET handler ([`show`]) and every form's ending ([`settle`]).
pub trait RecordPage {
    /// Where the records live: record `id`'s page is `{BASE}/{id}`.
    const BASE: &'static str;

    fn render(
        rec: &OnRecord,
        errors: FormErrors,
        status: StatusCode,
    ) -> impl Future<Output = PageResult> + Send;
}

/// The page as a GET shows it.
pub async fn show<P: RecordPage>(rec: OnRecord) -> PageResult {
    P::render(&rec, FormErrors::default(), StatusCode::OK).await
}

/// What a form posted as `form` on record page `P` leads to (see [`desk_outcome::outcome`]).
pub async fn settle<P: RecordPage, T, C: StateConflict>(
    rec: OnRecord,
    form: &str,
    r: Result<T, DeskError<C>>,
) -> PageResult {
    let to = format!("{}/{}", P::BASE, rec.3);
    desk_outcome::outcome(&rec.1, &to, form, r, str::to_owned, |errors, status| {
        P::render(&rec, errors, status)
    })
    .await
}
