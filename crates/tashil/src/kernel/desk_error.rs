//! The failures of a desk's use cases (the facilitation desk, the deregulation board): the
//! same five everywhere, so one type, and one page outcome in `web::outcome`. Only the code
//! of a move the record's state forbids differs, named by the desk's marker type.

use std::convert::Infallible;
use std::marker::PhantomData;

use sea_orm::DbErr;

use super::FieldError;
use crate::access::Denied;

/// The stable code a desk answers a move with when the record's state forbids it.
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
    #[error("not allowed in the current state")]
    BadState,
    #[error(transparent)]
    Db(#[from] DbErr),
    /// Never made: it only carries which desk the error is of.
    #[doc(hidden)]
    #[error("unreachable")]
    Of(Infallible, PhantomData<C>),
}

impl<C> DeskError<C> {
    pub fn invalid(field: &str, code: &'static str) -> Self {
        DeskError::Invalid(vec![FieldError::new(field, code)])
    }
}
