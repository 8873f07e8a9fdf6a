//! Each actor's home page: what waits for it in every context, most urgent first. The one
//! place that lists the contexts' `waiting` functions; a context joins by adding itself here.

mod page;

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;

pub use page::routes;

use crate::access::Actor;
use crate::kernel::{Waiting, most_urgent_first};
use crate::web::AppError;

/// Everything waiting for `actor` at `now` (what is due today is today's on the actor's
/// clock), most urgent first.
pub async fn waiting(
    db: &DatabaseConnection,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Vec<Waiting>, AppError> {
    let (desk, register, catalogue) = tokio::try_join!(
        async { Ok::<_, AppError>(crate::facilitation::waiting(db, actor, now).await?) },
        async { Ok(crate::deregulation::waiting(db, actor).await?) },
        async { Ok(crate::standards::waiting(db, actor, now).await?) },
    )?;
    let mut items: Vec<Waiting> = desk.into_iter().chain(register).chain(catalogue).collect();
    most_urgent_first(&mut items);
    Ok(items)
}

/// The message keys the contexts' items may carry (each must exist in every language).
pub fn message_keys() -> impl Iterator<Item = &'static str> {
    [
        crate::facilitation::WAITING_KEYS,
        crate::deregulation::WAITING_KEYS,
        crate::standards::WAITING_KEYS,
    ]
    .into_iter()
    .flatten()
    .copied()
}
