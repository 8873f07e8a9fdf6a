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
