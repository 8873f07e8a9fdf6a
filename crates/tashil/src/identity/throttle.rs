//! Login throttling, counted in the database so every instance behind a load balancer sees
//! the same counters.

use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, Set};

use super::entity::login_attempt;

/// Failed attempts allowed per subject in [`WINDOW_MINUTES`].
pub const MAX_PER_ACCOUNT: u64 = 5;
pub const MAX_PER_ADDRESS: u64 = 30;
pub const WINDOW_MINUTES: i64 = 15;

pub async fn too_many(db: &impl ConnectionTrait, subject: &str, max: u64) -> Result<bool, DbErr> {
    let since = Utc::now() - Duration::minutes(WINDOW_MINUTES);
    let n = login_attempt::Entity::find()
        .filter(login_attempt::Column::Subject.eq(subject))
        .filter(login_attempt::Column::At.gt(since))
        .count(db)
        .await?;
    Ok(n >= max)
}

pub async fn record_failure(db: &impl ConnectionTrait, subject: &str) -> Result<(), DbErr> {
    login_attempt::Entity::insert(login_attempt::ActiveModel {
        subject: Set(subject.to_string()),
        at: Set(Utc::now()),
        ..Default::default()
    })
    .exec(db)
    .await?;
    Ok(())
}

pub async fn clear(db: &impl ConnectionTrait, subject: &str) -> Result<(), DbErr> {
    login_attempt::Entity::delete_many()
        .filter(login_attempt::Column::Subject.eq(subject))
        .exec(db)
        .await?;
    Ok(())
}
