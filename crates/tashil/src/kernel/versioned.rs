//! Optimistic locking in one place: every context saves a record "at the version read" — the
//! update touches the row only while its version is still the one the user saw, and anything
//! else (a stale form, a lost race, a row gone meanwhile) is a conflict. Contexts map `Unsaved`
//! into their own error (`DeskError` does so below: a stale save is its `Conflict`).

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, UpdateMany};

use super::DeskError;

/// Why a save at the version read did not happen.
#[derive(Debug, thiserror::Error)]
pub enum Unsaved {
    /// The row's version is no longer the one read (or the row is gone).
    #[error("changed since it was read")]
    Stale,
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// Runs `update` (narrowed to one row by the caller, which leaves `version` alone) only where
/// `version` still holds `read`, bumping it to `read + 1`; exactly one row saved or
/// `Unsaved::Stale`.
pub async fn save_at_version<E, C>(
    db: &C,
    update: UpdateMany<E>,
    version: E::Column,
    read: i32,
) -> Result<(), Unsaved>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    let done = update
        .col_expr(version, Expr::value(read + 1))
        .filter(version.eq(read))
        .exec(db)
        .await?;
    if done.rows_affected == 1 {
        Ok(())
    } else {
        Err(Unsaved::Stale)
    }
}

impl<C> From<Unsaved> for DeskError<C> {
    fn from(u: Unsaved) -> Self {
        match u {
            Unsaved::Stale => DeskError::Conflict,
            Unsaved::Db(e) => DeskError::Db(e),
        }
    }
}
