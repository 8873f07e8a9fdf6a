//! How a SQLite connection waits for the write lock. SQLite's own busy timeout sleeps in steps
//! of up to 100 ms, so under concurrent writers the lock mostly sat free while its waiters
//! slept (8–12 licence applications a second with 16 clients, the server's CPU mostly idle;
//! docs/benchmarks.md). This handler looks again after a fraction of a millisecond, backing
//! off to a millisecond, and gives up after the same ten seconds.

use std::cell::Cell;
use std::ffi::{c_int, c_void};
use std::time::{Duration, Instant};

use sea_orm::sqlx::SqliteConnection;

/// How long a writer waits for the lock before its statement fails with SQLITE_BUSY.
pub const WAIT: Duration = Duration::from_secs(10);

thread_local! {
    // sqlx runs each SQLite connection on a worker thread of its own, which also runs this
    // handler: the moment this connection began waiting.
    static WAITING_SINCE: Cell<Option<Instant>> = const { Cell::new(None) };
}

/// The pause before the `n`-th look (0-based) at a lock another connection holds.
fn pause(n: c_int) -> Duration {
    match n {
        0..=19 => Duration::from_micros(50),
        20..=199 => Duration::from_micros(250),
        _ => Duration::from_millis(1),
    }
}

extern "C" fn busy(_: *mut c_void, n: c_int) -> c_int {
    let since = WAITING_SINCE.with(|w| {
        if n == 0 {
            w.set(Some(Instant::now()));
        }
        w.get().unwrap_or_else(Instant::now)
    });
    if since.elapsed() >= WAIT {
        return 0;
    }
    std::thread::sleep(pause(n));
    1
}

/// Installs the handler on a new connection (in place of `busy_timeout`).
pub async fn install(conn: &mut SqliteConnection) -> Result<(), sea_orm::sqlx::Error> {
    let mut handle = conn.lock_handle().await?;
    let raw = handle.as_raw_handle();
    // SAFETY: the handle is locked out of the worker thread for this call; the callback is a
    // plain function without captured state, valid for the connection's whole life.
    let rc = unsafe {
        libsqlite3_sys::sqlite3_busy_handler(raw.as_ptr(), Some(busy), std::ptr::null_mut())
    };
    if rc != libsqlite3_sys::SQLITE_OK {
        return Err(sea_orm::sqlx::Error::Protocol(format!(
            "sqlite3_busy_handler failed ({rc})"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pauses_stay_short_and_reach_the_wait_in_bounded_looks() {
        assert!(pause(0) < Duration::from_micros(100));
        assert!((0..100_000).all(|n| pause(n) <= Duration::from_millis(1)));
        // Ten seconds of waiting is at least ~10,000 looks: the give-up is by time, not count.
        let looks_in_wait: u32 = {
            let mut t = Duration::ZERO;
            let mut n = 0;
            while t < WAIT {
                t += pause(n);
                n += 1;
            }
            n as u32
        };
        assert!(looks_in_wait > 9_000);
    }
}
