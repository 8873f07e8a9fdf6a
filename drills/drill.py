"""What every drill shares: a fresh database on either backend, the `tashil` binary, a node
started and killed, a loopback SMTP sink, HTTP calls and valid identifiers.

Standard library only, so a drill runs wherever Python 3.9+ and the project's binary are.
"""

import glob
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def binary():
    """The binary to drill: TASHIL_BIN, else the debug build (built if missing)."""
    path = os.environ.get("TASHIL_BIN")
    if path:
        return path
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    path = os.path.join(target, "debug", "tashil")
    if not os.path.exists(path):
        subprocess.run(["cargo", "build", "-q", "-p", "tashil", "--bin", "tashil"],
                       cwd=ROOT, check=True)
    return path


def say(*parts):
    print(*parts, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Backend:
    """A database made for one drill and removed after it: an SQLite data dir, or a
    PostgreSQL database created beside the one the admin URL names."""

    def __init__(self, kind, pg_url=None):
        self.kind = kind
        self.dir = tempfile.mkdtemp(prefix="tashil-drill-")
        self.pg_admin = pg_url
        self.dbname = None
        if kind == "postgres":
            if not pg_url:
                raise SystemExit("postgres: give --pg-url or TASHIL_DRILL_POSTGRES_URL")
            self.dbname = "tashil_drill_%d_%d" % (os.getpid(), random.randrange(1 << 20))
            self.psql_admin("CREATE DATABASE %s" % self.dbname)

    def url(self, dbname=None):
        base, _, _ = self.pg_admin.rpartition("/")
        return "%s/%s" % (base, dbname or self.dbname)

    def args(self):
        if self.kind == "postgres":
            return ["--database-url", self.url()]
        return ["--data-dir", self.dir]

    def psql_admin(self, sql):
        subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", self.pg_admin, "-c", sql],
                       check=True, stdout=subprocess.DEVNULL)

    def query(self, sql):
        """Rows of a read, as tuples of strings."""
        if self.kind == "postgres":
            out = subprocess.run(["psql", "-At", "-F", "\t", self.url(), "-c", sql],
                                 check=True, capture_output=True, text=True).stdout
            return [tuple(line.split("\t")) for line in out.splitlines() if line]
        con = sqlite3.connect(os.path.join(self.dir, "tashil.db"))
        try:
            return [tuple(str(v) for v in row) for row in con.execute(sql)]
        finally:
            con.close()

    def snapshot(self):
        """Keeps the database as it is now, for `restore`."""
        if self.kind == "postgres":
            self.psql_admin("DROP DATABASE IF EXISTS %s_pristine" % self.dbname)
            self.psql_admin("CREATE DATABASE %s_pristine TEMPLATE %s" % (self.dbname, self.dbname))
        else:
            keep = self.dir + "-pristine"
            shutil.rmtree(keep, ignore_errors=True)
            shutil.copytree(self.dir, keep)

    def restore(self):
        if self.kind == "postgres":
            self.psql_admin("DROP DATABASE IF EXISTS %s WITH (FORCE)" % self.dbname)
            self.psql_admin("CREATE DATABASE %s TEMPLATE %s_pristine" % (self.dbname, self.dbname))
        else:
            shutil.rmtree(self.dir)
            shutil.copytree(self.dir + "-pristine", self.dir)

    def integrity(self):
        """SQLite's own check of the file; PostgreSQL checks itself on recovery."""
        if self.kind == "postgres":
            return "ok"
        return self.query("PRAGMA integrity_check")[0][0]

    def drop(self):
        shutil.rmtree(self.dir, ignore_errors=True)
        shutil.rmtree(self.dir + "-pristine", ignore_errors=True)
        if self.kind == "postgres":
            for name in (self.dbname, self.dbname + "_pristine"):
                self.psql_admin("DROP DATABASE IF EXISTS %s WITH (FORCE)" % name)


def tashil(backend, *args, stdin=None, check=True, env=None):
    """Runs one command of the binary against the backend; returns (exit code, stdout)."""
    r = subprocess.run([binary(), *backend.args(), *args], input=stdin, text=True,
                       capture_output=True, env={**os.environ, **(env or {})})
    if check and r.returncode != 0:
        raise RuntimeError("tashil %s: %s" % (" ".join(args), r.stderr[-2000:]))
    return r.returncode, r.stdout


class Node:
    """One `tashil serve` process on a loopback port."""

    def __init__(self, backend, smtp_port=None, log=None):
        self.backend = backend
        self.port = free_port()
        self.proc = None
        self.env = {"RUST_LOG": "warn"}
        if smtp_port:
            self.env["TASHIL_SMTP_URL"] = "smtp://127.0.0.1:%d" % smtp_port
        self.log = log or os.path.join(backend.dir, "node-%d.log" % self.port)
        # On PostgreSQL each node keeps its own search index, as behind a load balancer; on
        # SQLite the data folder is the database's.
        self.data = []
        if backend.kind == "postgres":
            self.data = ["--data-dir", os.path.join(backend.dir, "node-%d" % self.port)]

    def url(self, path):
        return "http://127.0.0.1:%d%s" % (self.port, path)

    def start(self, timeout=60):
        """Starts the node; returns the seconds until /readyz answered 200."""
        logf = open(self.log, "a")
        self.proc = subprocess.Popen(
            [binary(), *self.backend.args(), *self.data, "serve", "--bind",
             "127.0.0.1:%d" % self.port],
            stdout=logf, stderr=logf, env={**os.environ, **self.env})
        logf.close()
        began = time.monotonic()
        while time.monotonic() - began < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError("node exited with %s; see %s" % (self.proc.returncode, self.log))
            if call("GET", self.url("/readyz"), timeout=1)[0] == 200:
                return time.monotonic() - began
            time.sleep(0.05)
        raise RuntimeError("node not ready in %ds; see %s" % (timeout, self.log))

    def kill9(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill9()


def call(method, url, token=None, body=None, timeout=10):
    """(status, parsed JSON or None); status None when no answer came (refused, reset)."""
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            raw = r.read()
            status = r.status
    except urllib.error.HTTPError as e:
        raw, status = e.read(), e.code
    except (OSError, urllib.error.URLError):
        return None, None
    try:
        return status, json.loads(raw) if raw else None
    except ValueError:
        return status, None


def ir_national_id(prefix10):
    """An Iranian legal-entity national ID with its check digit (docs/domain.md)."""
    d = [int(c) for c in prefix10]
    k = d[9] + 2
    weights = (29, 27, 23, 19, 17, 29, 27, 23, 19, 17)
    r = sum((x + k) * w for x, w in zip(d, weights)) % 11
    return prefix10 + str(0 if r == 10 else r)


def marker(rng):
    """A made-up word no demo text holds, to find a write again by search."""
    return "".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(9))


class SmtpSink:
    """A loopback SMTP server that keeps each accepted message's Message-ID (one per outbox
    row), so a message delivered twice shows up."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.accepted = []
        self.lock = threading.Lock()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._session, args=(conn,), daemon=True).start()

    def _session(self, conn):
        f = conn.makefile("rb")

        def send(line):
            conn.sendall((line + "\r\n").encode())

        try:
            send("220 drill sink")
            while True:
                line = f.readline()
                if not line:
                    return
                cmd = line.decode(errors="replace").strip().upper()
                if cmd.startswith(("EHLO", "HELO")):
                    send("250 drill")
                elif cmd == "DATA":
                    send("354 go on")
                    head = None
                    while True:
                        part = f.readline()
                        if not part or part in (b".\r\n", b".\n"):
                            break
                        text = part.decode(errors="replace")
                        if head is None and text.lower().startswith("message-id:"):
                            head = text.split(":", 1)[1].strip()
                    with self.lock:
                        self.accepted.append(head)
                    send("250 kept")
                elif cmd == "QUIT":
                    send("221 bye")
                    return
                else:
                    send("250 ok")
        except OSError:
            return
        finally:
            conn.close()

    def counts(self):
        with self.lock:
            seen = {}
            for h in self.accepted:
                seen[h] = seen.get(h, 0) + 1
            return len(self.accepted), sum(1 for n in seen.values() if n > 1)


def backends(choice, pg_url):
    if choice == "both":
        return ["sqlite", "postgres"] if pg_url else ["sqlite"]
    return [choice]


def pg_url_default():
    return os.environ.get("TASHIL_DRILL_POSTGRES_URL")


def write_summary(name, lines):
    """Appends the run's summary to drills/out/<name>.md and prints it."""
    out = os.path.join(ROOT, "drills", "out")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, name + ".md"), "a") as f:
        f.write("\n".join(lines) + "\n\n")
    say("\n".join(lines))


def fail(msg):
    say("FAIL: " + msg)
    sys.exit(1)


class PrivatePostgres:
    """A PostgreSQL server of the drill's own (initdb in a temporary folder, a free loopback
    port), so a drill may stop, crash and restart it without touching anyone else's."""

    def __init__(self):
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        found = bins[-1] if bins else shutil.which("initdb")
        if not found:
            raise SystemExit("initdb not found: install PostgreSQL's server package")
        self.bin = os.path.dirname(found)
        self.dir = tempfile.mkdtemp(prefix="tashil-drill-pg-")
        self.port = free_port()
        self.as_user = []
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            self.as_user = ["runuser", "-u", "postgres", "--"]
            shutil.chown(self.dir, "postgres", "postgres")
        self._run("initdb", "-D", self.dir + "/data", "-A", "trust", "-U", "postgres",
                  "--no-sync")
        self.start()

    def _run(self, tool, *args):
        subprocess.run([*self.as_user, os.path.join(self.bin, tool), *args], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def url(self):
        return "postgres://postgres@127.0.0.1:%d/postgres" % self.port

    def start(self):
        self._run("pg_ctl", "-D", self.dir + "/data", "-w", "-l", self.dir + "/log",
                  "-o", "-p %d -k %s -c listen_addresses=127.0.0.1" % (self.port, self.dir),
                  "start")

    def stop(self, mode="fast"):
        """`immediate` is a crash: the server stops without a checkpoint and recovers on start."""
        self._run("pg_ctl", "-D", self.dir + "/data", "-w", "-m", mode, "stop")

    def ready(self):
        return subprocess.run([os.path.join(self.bin, "pg_isready"), "-q", "-h", "127.0.0.1",
                               "-p", str(self.port)]).returncode == 0

    def remove(self):
        try:
            self.stop("immediate")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.dir, ignore_errors=True)
