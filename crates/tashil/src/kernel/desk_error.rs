//! The failures of a context's use cases on its records (the registry's units, the
//! facilitation desk's cases, the deregulation board's reports): the same five everywhere, so
//! one type, and one page outcome in `web::desk_outcome`. Only the code of a move the record's
//! state or version forbids differs, named by the context's marker type.

use std::convert::Infallible;
use std::marker::PhantomData;

use sea_orm::DbErr;

use super::FieldError;
use crate::access::Denied;

/// The stable code a context answers a move with when the record's state (or version) forbids
/// it.
pub trait StateConflict {
    const CODE: &'static str;
}

#[derive(Debug, thiserror::Error)]
pub enum DeskError<C> {
    #[error(transparent)]
    Denied(#[from] Denied),
    #[error("not found")]
    NotFound,
    #[error("invalid")]
    Invalid(Vec<FieldError>),
    /// The record's state forbids the move, or someone else changed it first.
    #[error("conflict with the record's state")]
    Conflict,
    #[error(transparent)]
    Db(#[from] DbErr),
    /// Never made: it only carries which desk the error is of.
    #[doc(hidden)]
    #[error("unreachable")]
    Of(Infallible, PhantomData<C>),
}

impl<C: StateConflict> DeskError<C> {
    pub fn invalid(field: &str, code: &'static str) -> Self {
        DeskError::Invalid(vec![FieldError::new(field, code)])
    }

    /// The stable code the API answers with.
    pub fn code(&self) -> &'static str {
        match self {
            DeskError::Denied(d) => d.code(),
            DeskError::NotFound => "not_found",
            DeskError::Invalid(_) => "validation_failed",
            DeskError::Conflict => C::CODE,
            DeskError::Db(_) => "internal",
            DeskError::Of(never, _) => match *never {},
        }
    }
}
