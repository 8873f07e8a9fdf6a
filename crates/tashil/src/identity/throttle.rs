//! Login throttling, and rate limits on calls anyone may make by client address, counted in
//! the database (`login_attempts`, a row per counted call) so every instance behind a load
//! balancer sees the same counters.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};

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

/// How often calls of one kind may come from one client address: at most `max` in any
/// `window_seconds`. Counted as login failures are, under the subject `{kind}:{address}`.
#[derive(Clone, Copy, Debug)]
pub struct RateLimit {
    kind: &'static str,
    max: u64,
    window_seconds: i64,
}

impl RateLimit {
    /// A limit whose window is kept: longer than [`KEPT_HOURS`] fails to compile where the
    /// limit is a constant.
    pub const fn new(kind: &'static str, max: u64, window_seconds: i64) -> Self {
        assert!(window_seconds > 0 && window_seconds <= KEPT_HOURS * 3600);
        RateLimit {
            kind,
            max,
            window_seconds,
        }
    }
}

/// Counts a call of `limit`'s kind from `client`: `None` when it may go on (it is recorded),
/// or the seconds until the oldest call counted leaves the window (nothing recorded, so a
/// client held back writes nothing). The count is read before the row is written: calls
/// racing on several nodes may pass a few past `max`, never many.
pub async fn rate_limited(
    db: &impl ConnectionTrait,
    limit: &RateLimit,
    client: &str,
) -> Result<Option<u64>, DbErr> {
    let subject = format!("{}:{client}", limit.kind);
    let now = Utc::now();
    let window = Duration::seconds(limit.window_seconds);
    let counted = || {
        login_attempt::Entity::find()
            .filter(login_attempt::Column::Subject.eq(&subject))
            .filter(login_attempt::Column::At.gt(now - window))
    };
    if counted().count(db).await? < limit.max {
        record_failure(db, &subject).await?;
        return Ok(None);
    }
    let oldest = counted()
        .order_by_asc(login_attempt::Column::At)
        .one(db)
        .await?
        .map_or(now, |a| a.at);
    let wait = ((oldest + window - now).num_milliseconds() + 999) / 1000;
    Ok(Some(wait.clamp(1, limit.window_seconds) as u64))
}

/// How long counted calls and failures are kept: longer than any window, so what is
/// deleted counts no more.
pub const KEPT_HOURS: i64 = 1;
const _: () = assert!(WINDOW_MINUTES <= KEPT_HOURS * 60);

/// The periodic job that deletes the rows no limit counts any more ([`KEPT_HOURS`]). Counting
/// measures real time passing, so it reads the system clock, not the job's `now` (ADR 0011).
pub fn sweep_job(db: &sea_orm::DatabaseConnection, _: DateTime<Utc>) -> crate::jobs::JobRun<'_> {
    Box::pin(async move {
        let kept_since = Utc::now() - Duration::hours(KEPT_HOURS);
        let gone = login_attempt::Entity::delete_many()
            .filter(login_attempt::Column::At.lt(kept_since))
            .exec(db)
            .await?;
        Ok(gone.rows_affected as usize)
    })
}
