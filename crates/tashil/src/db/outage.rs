//! Telling a database that is away from a request that failed: an outage (the server down or
//! restarting, the pool unable to connect, SQLite's writer lock held past the wait) passes,
//! so the edge answers 503 with a time to retry, where any other failure is a fault (500).

use sea_orm::{DbErr, RuntimeErr};

/// SQLSTATE classes and codes of a server going away or not yet taking connections:
/// connection exceptions (08), operator intervention (57P01 admin shutdown, 57P02 crash
/// shutdown, 57P03 cannot connect now), and a server out of connections (53300).
const PG_OUTAGE: &[&str] = &["57P01", "57P02", "57P03", "53300"];

/// SQLite's primary code for "the database is locked" past the busy wait (its extended
/// codes keep it in the low byte).
const SQLITE_BUSY: i32 = 5;

pub fn is_outage(e: &DbErr) -> bool {
    match e {
        DbErr::ConnectionAcquire(_) => true,
        DbErr::Conn(r) | DbErr::Exec(r) | DbErr::Query(r) => runtime_outage(r),
        _ => false,
    }
}

fn runtime_outage(r: &RuntimeErr) -> bool {
    let RuntimeErr::SqlxError(e) = r else {
        return false;
    };
    use sea_orm::sqlx::Error;
    match e.as_ref() {
        Error::Io(_) | Error::PoolTimedOut | Error::PoolClosed | Error::WorkerCrashed => true,
        Error::Database(d) => {
            let code = d.code().unwrap_or_default();
            let sqlite_busy = d
                .try_downcast_ref::<sea_orm::sqlx::sqlite::SqliteError>()
                .is_some()
                && code.parse::<i32>().is_ok_and(|c| c & 0xff == SQLITE_BUSY);
            sqlite_busy || code.starts_with("08") || PG_OUTAGE.contains(&code.as_ref())
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::ConnAcquireErr;
    use std::sync::Arc;

    #[test]
    fn a_pool_that_cannot_connect_is_an_outage_and_a_constraint_is_not() {
        assert!(is_outage(&DbErr::ConnectionAcquire(
            ConnAcquireErr::Timeout
        )));
        let io = std::io::Error::new(std::io::ErrorKind::ConnectionRefused, "refused");
        let refused = RuntimeErr::SqlxError(Arc::new(sea_orm::sqlx::Error::Io(io)));
        assert!(is_outage(&DbErr::Conn(refused)));
        let timed_out = RuntimeErr::SqlxError(Arc::new(sea_orm::sqlx::Error::PoolTimedOut));
        assert!(is_outage(&DbErr::Query(timed_out)));
        assert!(!is_outage(&DbErr::RecordNotFound("x".into())));
        assert!(!is_outage(&DbErr::Custom("no".into())));
    }
}
