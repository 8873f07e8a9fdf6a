//! A desk's use-case failures at the edge (`kernel::DeskError`): as an [`AppError`], and what
//! a form posted from one of its record pages leads to.

use std::future::Future;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::forms::FormErrors;
use super::{AppError, Ctx};
use crate::kernel::{DeskError, FieldError, StateConflict};

impl<C: StateConflict> From<DeskError<C>> for AppError {
    fn from(e: DeskError<C>) -> Self {
        match e {
            DeskError::Denied(d) => d.into(),
            DeskError::NotFound => AppError::NotFound,
            DeskError::Invalid(f) => AppError::Invalid(f),
            DeskError::Conflict => AppError::Conflict(C::CODE),
            DeskError::Db(e) => e.into(),
            DeskError::Of(never, _) => match never {},
        }
    }
}

/// What a form posted from a page leads to: on to `to` when done; otherwise the page again
/// (`again`), with the errors beside their fields (422), or the state conflict shown on
/// `form` (409). `field` names an error's field as the page shows it (a form repeated per
/// record prefixes its id).
pub async fn outcome<T, C, Again, Fut>(
    ctx: &Ctx,
    to: &str,
    form: &str,
    r: Result<T, DeskError<C>>,
    field: impl Fn(&str) -> String,
    again: Again,
) -> Result<Response, AppError>
where
    C: StateConflict,
    Again: FnOnce(FormErrors, StatusCode) -> Fut,
    Fut: Future<Output = Result<Response, AppError>>,
{
    match r {
        Ok(_) => Ok(Redirect::to(to).into_response()),
        Err(DeskError::Invalid(errs)) => {
            let errs: Vec<_> = errs
                .into_iter()
                .map(|e| FieldError::new(field(&e.field), e.code))
                .collect();
            again(
                FormErrors::from_fields(ctx.lang, &errs),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(DeskError::Conflict) => {
            let msg = super::error_render::message(ctx.lang, C::CODE);
            again(FormErrors::single(form, msg), StatusCode::CONFLICT).await
        }
        Err(e) => Err(e.into()),
    }
}
