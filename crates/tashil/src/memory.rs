//! Giving memory back to the operating system after a burst of work. glibc's allocator keeps
//! what its threads freed for reuse: free pages inside each arena, and the free top of every
//! thread arena, which it trims only beyond a threshold that grows with the largest block
//! ever freed (up to 64 MiB on 64-bit). So a server that once generated the demo or filled its
//! search index would hold that peak for the rest of its life. An idle server should hold what
//! serving needs (docs/benchmarks.md, "Idle memory").

/// Fixes the allocator's thresholds at glibc's defaults (128 KiB) instead of letting them
/// grow: a freed top of an arena past that is returned at once, and a block larger than that
/// is mapped on its own. For the server; called before its threads start.
pub fn tune() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets allocator parameters; called before other threads exist.
    unsafe {
        libc::mallopt(libc::M_TRIM_THRESHOLD, 128 * 1024);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

/// Returns the free pages inside every arena to the system (`malloc_trim`). A no-op where
/// the allocator is not glibc's.
pub fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases pages the allocator holds free; it takes no pointers.
    unsafe {
        libc::malloc_trim(0);
    }
}
