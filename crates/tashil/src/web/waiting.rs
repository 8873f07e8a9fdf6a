//! What waits for an actor reaches the home page as one function in `AppState`, set by
//! `app::router` from the contexts' `waiting` functions, so the home page knows no context
//! (as the navigation reaches the layout).

use std::future::Future;
use std::pin::Pin;

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;

use super::AppError;
use crate::access::Actor;
use crate::kernel::Waiting;

/// The items a context (or every context) has for an actor.
pub type WaitingItems<'a> =
    Pin<Box<dyn Future<Output = Result<Vec<Waiting>, AppError>> + Send + 'a>>;

/// A context's `waiting(db, actor, now)` (what is due today is today's on the actor's clock),
/// and the whole list `app.rs` assembles from them.
pub type WaitingFn =
    for<'a> fn(&'a DatabaseConnection, &'a Actor, DateTime<Utc>) -> WaitingItems<'a>;

/// Nothing waits: a state not composed by `app::router`.
pub fn nothing<'a>(_: &'a DatabaseConnection, _: &'a Actor, _: DateTime<Utc>) -> WaitingItems<'a> {
    Box::pin(async { Ok(vec![]) })
}

/// A context's `waiting` (the contract's), from its `items(db, actor, now)`, whose error
/// becomes an [`AppError`].
macro_rules! waiting_from {
    ($items:ident) => {
        /// The contract's `waiting`: these items on the actor's home page.
        pub fn waiting<'a>(
            db: &'a sea_orm::DatabaseConnection,
            actor: &'a crate::access::Actor,
            now: chrono::DateTime<chrono::Utc>,
        ) -> crate::web::WaitingItems<'a> {
            Box::pin(async move { Ok($items(db, actor, now).await?) })
        }
    };
}

pub(crate) use waiting_from;
