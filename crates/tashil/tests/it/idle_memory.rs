//! An idle server holds what serving needs: after `serve --demo` has generated the demo and
//! filled its search index, about what it holds when restarted on the same data (the embedded
//! SQLite database; Linux, where the resident size is read from /proc).

#![cfg(target_os = "linux")]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// Long enough for the background jobs' first two passes (at start and 15 s later), each of
/// which gives back what it freed.
const IDLE: Duration = Duration::from_secs(20);

/// A server on a port of its own; killed when dropped.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `serve --demo` on `data_dir` and waits until it listens, then until it is idle.
fn serve_demo(data_dir: &std::path::Path) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tashil"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(["serve", "--demo", "--bind", "127.0.0.1:0"])
        .env_remove("TASHIL_DATABASE_URL")
        .env_remove("TASHIL_SMTP_URL")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start tashil");
    let stdout = child.stdout.take().expect("stdout");
    let server = Server(child);
    let mut lines = BufReader::new(stdout).lines();
    loop {
        let line = lines
            .next()
            .expect("tashil stopped before listening")
            .expect("read stdout");
        if line.contains("is listening on") {
            break;
        }
    }
    // Keep reading so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    std::thread::sleep(IDLE);
    server
}

/// Resident memory of `pid` in kB (VmRSS).
fn resident_kb(server: &Server) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{}/status", server.0.id()))
        .expect("read /proc status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmRSS")
}

#[test]
fn an_idle_server_after_generating_the_demo_holds_about_what_it_holds_after_a_restart() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let generated = {
        let server = serve_demo(&data);
        resident_kb(&server)
    };
    let restarted = {
        let server = serve_demo(&data);
        resident_kb(&server)
    };
    assert!(
        generated <= 2 * restarted,
        "idle after generating the demo: {generated} kB; after a restart: {restarted} kB"
    );
}
