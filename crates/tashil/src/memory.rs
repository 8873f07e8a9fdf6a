//! Giving memory back to the operating system after a burst of work. glibc's allocator keeps
//! what its threads freed for reuse: free pages inside each arena, and the free top of every
//! thread arena, which it trims only beyond a threshold that grows with the largest block
//! ever freed (up to 64 MiB on 64-bit). So a server that once generated the demo or filled its
//! search index would hold that peak for the rest of its life. An idle server should hold what
//! serving needs (docs/benchmarks.md, "Idle memory").

/// Fixes the allocator's thresholds at glibc's defaults (128 KiB) instead of letting them
/// grow: a freed top of an arena past that is returned at once, and a block larger than that
/// is mapped on its own. Caps the arenas at [`ARENAS`]: glibc gives threads up to eight
/// arenas per core, and the server's threads (tokio's workers and blocking pool, one per
/// pooled SQLite connection) each keep free memory in their own, which no other thread
/// reuses; the 30-minute soak saw that free memory grow by 12.7 MB while live data grew by
/// under 1 MB (docs/reliability.md). For the server; called before its threads start.
pub fn tune() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets allocator parameters; called before other threads exist.
    unsafe {
        libc::mallopt(libc::M_TRIM_THRESHOLD, 128 * 1024);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
        libc::mallopt(libc::M_ARENA_MAX, ARENAS);
    }
}

/// The most arenas the server's allocator uses: the main one and one shared by every other
/// thread. Fewer arenas trade a little lock waiting between threads for free memory that
/// any thread can reuse.
pub const ARENAS: i32 = 2;

/// Returns the free pages inside every arena to the system (`malloc_trim`). A no-op where
/// the allocator is not glibc's.
pub fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases pages the allocator holds free; it takes no pointers.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Where the process's memory is, for `/metrics`: SQLite's own allocations (its page caches
/// above all; zero on PostgreSQL), and what glibc's allocator holds in use and free. Resident
/// memory that grows while these stay flat is the allocator's (fragmentation); growth in
/// SQLite's figure is its caches filling towards their bound (`db::CACHE_KIB` per connection).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Usage {
    /// Bytes SQLite holds now (`sqlite3_memory_used`, every connection of the process).
    pub sqlite: u64,
    /// The most SQLite has held since the process began (`sqlite3_memory_highwater`).
    pub sqlite_peak: u64,
    /// Bytes the allocator has handed out and not had back (arenas plus mapped blocks).
    pub heap_in_use: u64,
    /// Bytes the allocator holds free inside its arenas, kept for reuse.
    pub heap_free: u64,
}

/// The process's memory by holder, now.
pub fn usage() -> Usage {
    // SAFETY: both read SQLite's global counters; `0` asks not to reset the high-water mark.
    let (sqlite, sqlite_peak) = unsafe {
        (
            libsqlite3_sys::sqlite3_memory_used(),
            libsqlite3_sys::sqlite3_memory_highwater(0),
        )
    };
    let mut u = Usage {
        sqlite: sqlite.max(0) as u64,
        sqlite_peak: sqlite_peak.max(0) as u64,
        ..Usage::default()
    };
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: mallinfo2 only reads the allocator's statistics.
        let m = unsafe { libc::mallinfo2() };
        u.heap_in_use = (m.uordblks + m.hblkhd) as u64;
        u.heap_free = m.fordblks as u64;
    }
    u
}

/// Sets the memory gauges `/metrics` shows.
pub fn record() {
    let u = usage();
    metrics::gauge!("tashil_sqlite_memory_bytes").set(u.sqlite as f64);
    metrics::gauge!("tashil_sqlite_memory_peak_bytes").set(u.sqlite_peak as f64);
    metrics::gauge!("tashil_heap_in_use_bytes").set(u.heap_in_use as f64);
    metrics::gauge!("tashil_heap_free_bytes").set(u.heap_free as f64);
}

#[cfg(test)]
mod tests {
    #[test]
    fn sqlite_memory_counts_what_a_connection_holds() {
        let before = super::usage().sqlite;
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (randomblob(100000));")
            .unwrap();
        let during = super::usage().sqlite;
        assert!(during > before, "{before} → {during}");
        assert!(super::usage().sqlite_peak >= during);
        drop(conn);
    }
}
