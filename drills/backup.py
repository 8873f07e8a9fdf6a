#!/usr/bin/env python3
"""Drill 3: backup and restore while writes go on.

A node serves the demo; four clients create units, standards, obstacle cases and licence
applications. Mid-burst a backup is taken: `tashil backup` on SQLite, `pg_dump -Fc` on
PostgreSQL. It is restored into a fresh data folder / database, and a node started on it.

Checked, each trial:
* every write acknowledged before the backup began is in the restore;
* the restore's audit log is exactly the first N entries of the source's (the chain is
  appended under one lock, so a consistent copy holds a prefix), and `tashil audit verify`
  passes on it;
* every unit and standard row of the restore equals the source's row with the same id, and
  its unit export (`tashil export units`) is line for line within the source's;
* the restored node's search index is rebuilt by itself: it finds each acknowledged
  standard.

Usage: drills/backup.py [--backend sqlite|postgres|both] [--trials 5] [--pg-url URL]
"""

import argparse
import os
import random
import shutil
import subprocess
import threading
import time

import drill
from drill import call, say
from kill9 import READ_PATH, TOKEN_OF, body_of

KINDS = ("unit", "standard", "case", "application")


def writer(node, tokens, rng, acked, stop, lock, counter):
    while not stop.is_set():
        with lock:
            counter[0] += 1
            n = counter[0]
            kind = KINDS[n % len(KINDS)]
            word, path, body = body_of(kind, rng, n)
        began = time.monotonic()
        status, got = call("POST", node.url(path), tokens[TOKEN_OF[kind]], body, timeout=10)
        if status == 201:
            with lock:
                acked.append((kind, got["id"], word, began, time.monotonic()))


def take_backup(backend, out):
    if backend.kind == "postgres":
        subprocess.run(["pg_dump", "-Fc", "-f", out, backend.url()], check=True)
    else:
        drill.tashil(backend, "backup", out)


def restore(backend, out, pg_url):
    copy = drill.Backend(backend.kind, pg_url)
    if backend.kind == "postgres":
        subprocess.run(["pg_restore", "--no-owner", "-d", copy.url(), out], check=True)
    else:
        shutil.copy(out, os.path.join(copy.dir, "tashil.db"))
    return copy


def rows(backend, table):
    return backend.query("SELECT * FROM %s ORDER BY id" % table)


def exported(backend, what, ext):
    path = os.path.join(backend.dir, "%s-%d.%s" % (what, random.randrange(1 << 30), ext))
    drill.tashil(backend, "export", what, path)
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    os.remove(path)
    return lines


def trial(backend, node, tokens, rng, pg_url, n):
    acked, stop, lock, counter = [], threading.Event(), threading.Lock(), [n * 100000]
    threads = [threading.Thread(target=writer, args=(node, tokens, random.Random(rng.random()),
                                                     acked, stop, lock, counter))
               for _ in range(4)]
    for t in threads:
        t.start()
    time.sleep(rng.uniform(0.5, 2.0))
    out = os.path.join(backend.dir, "backup-%d" % n)
    began = time.monotonic()
    take_backup(backend, out)
    took = time.monotonic() - began
    time.sleep(0.5)
    stop.set()
    for t in threads:
        t.join()
    before = [a for a in acked if a[4] < began]
    copy = restore(backend, out, pg_url)
    problems = []
    try:
        src_audit, dst_audit = rows(backend, "audit_log"), rows(copy, "audit_log")
        if src_audit[:len(dst_audit)] != dst_audit:
            problems.append("the restored audit log is not a prefix of the source's")
        for table in ("units", "standards"):
            src = {r[0]: r for r in rows(backend, table)}
            odd = [r[0] for r in rows(copy, table) if src.get(r[0]) != r]
            if odd:
                problems.append("%s rows differ from the source: %s" % (table, odd[:5]))
        src = set(exported(backend, "units", "csv"))
        extra = [line for line in exported(copy, "units", "csv") if line not in src]
        if extra:
            problems.append("unit export lines not in the source's: %d" % len(extra))
        if drill.tashil(copy, "audit", "verify", check=False)[0] != 0:
            problems.append("audit verify failed on the restore")
        restored = drill.Node(copy)
        restored.start()
        try:
            missing = [(k, i) for k, i, _, _, _ in before
                       if call("GET", restored.url(READ_PATH[k] % i), tokens[TOKEN_OF[k]])[0]
                       != 200]
            if missing:
                problems.append("acknowledged before the backup, missing: %s" % missing[:5])
            unfound = []
            for k, i, word, _, _ in before:
                if k != "standard":
                    continue
                until = time.monotonic() + 30
                while True:
                    status, got = call("GET", restored.url("/api/v1/standards?q=" + word),
                                       tokens["admin"])
                    if status == 200 and any(h.get("id") == i for h in got.get("hits", [])):
                        break
                    if time.monotonic() > until:
                        unfound.append(i)
                        break
                    time.sleep(0.5)
            if unfound:
                problems.append("standards the restored index did not find: %s" % unfound[:5])
        finally:
            restored.stop()
        return {"acked": len(acked), "before": len(before), "audit": len(dst_audit),
                "took": took, "problems": problems}
    finally:
        copy.drop()


def in_place(backend, node, tokens, rng):
    """The operator's restore: the node keeps its data folder (and its search index, which
    is now ahead of the database) and is started on the restored database."""
    out = os.path.join(backend.dir, "backup-in-place")
    take_backup(backend, out)
    undone = []
    for n in range(3):
        word, path, body = body_of("standard", rng, 800000 + n)
        status, got = call("POST", node.url(path), tokens["admin"], body)
        assert status == 201, (status, got)
        undone.append(word)
    call("GET", node.url("/api/v1/standards?q=" + undone[-1]), tokens["admin"])
    node.stop()
    if backend.kind == "postgres":
        backend.psql_admin("DROP DATABASE %s WITH (FORCE)" % backend.dbname)
        backend.psql_admin("CREATE DATABASE %s" % backend.dbname)
        subprocess.run(["pg_restore", "--no-owner", "-d", backend.url(), out], check=True)
    else:
        for tail in ("-wal", "-shm"):
            path = os.path.join(backend.dir, "tashil.db" + tail)
            if os.path.exists(path):
                os.remove(path)
        shutil.copy(out, os.path.join(backend.dir, "tashil.db"))
    node.start()
    problems = []
    for n in range(3):
        word, path, body = body_of("standard", rng, 800000 + n)
        status, got = call("POST", node.url(path), tokens["admin"], body)
        found = call("GET", node.url("/api/v1/standards?q=" + word), tokens["admin"])[1]
        if status != 201 or not any(h["id"] == got["id"] for h in found.get("hits", [])):
            problems.append("after a restore in place, a new standard is not found")
    for word in undone:
        found = call("GET", node.url("/api/v1/standards?q=" + word), tokens["admin"])[1]
        if found.get("hits"):
            problems.append("after a restore in place, a standard the backup lacks is found")
    return problems


def run(kind, args, rng):
    backend = drill.Backend(kind, args.pg_url)
    try:
        drill.tashil(backend, "demo", "--units", "400", "--standards", "200")
        tokens = {who: drill.tashil(backend, "token", "create", "--email", email, "--name",
                                    "drill")[1].strip()
                  for who, email in (("officer", "qazvin@demo.tashil.ir"),
                                     ("admin", "admin@demo.tashil.ir"),
                                     ("unit", "unit@demo.tashil.ir"))}
        node = drill.Node(backend)
        node.start()
        results = []
        try:
            for n in range(args.trials):
                r = trial(backend, node, tokens, rng, args.pg_url, n)
                results.append(r)
                say("  backup %d: %d writes acknowledged, %d before the backup; %d audit "
                    "entries restored; backup %.2f s; %s" % (
                        n + 1, r["acked"], r["before"], r["audit"], r["took"],
                        "; ".join(r["problems"]) or "restore identical"))
            placed = in_place(backend, node, tokens, rng)
            say("  restored in place under a node that kept its index: %s"
                % ("; ".join(placed) or "new standards found, none of the undone"))
        finally:
            node.stop()
        problems = [p for r in results for p in r["problems"]] + placed
        lines = [
            "## Backup and restore under writes, %s (%s)" % (
                kind, time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())),
            "",
            "| check | result |",
            "|---|---|",
            "| backups taken while four clients wrote (%s) | %d |" % (
                "pg_dump -Fc" if kind == "postgres" else "tashil backup", len(results)),
            "| writes acknowledged / before a backup began (all checked in the restore) "
            "| %d / %d |" % (sum(r["acked"] for r in results),
                              sum(r["before"] for r in results)),
            "| audit entries restored (each a prefix of the source's, chain verified) | %d |"
            % sum(r["audit"] for r in results),
            "| longest backup | %.2f s |" % max((r["took"] for r in results), default=0),
            "| restored in place under a node whose index was ahead: new standards found, "
            "undone ones gone | %s |" % ("yes" if not placed else "**no**"),
            "| problems | **%d** |" % len(problems),
        ]
        drill.write_summary("backup", lines)
        return problems
    finally:
        backend.drop()


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--backend", default="both", choices=("sqlite", "postgres", "both"))
    p.add_argument("--trials", type=int, default=5)
    p.add_argument("--pg-url", default=drill.pg_url_default())
    p.add_argument("--seed", type=int, default=int(time.time()))
    args = p.parse_args()
    say("seed %d" % args.seed)
    rng = random.Random(args.seed)
    problems = []
    for kind in drill.backends(args.backend, args.pg_url):
        problems += ["%s: %s" % (kind, x) for x in run(kind, args, rng)]
    if problems:
        drill.fail("; ".join(problems[:10]))
    say("backup drill: every restore consistent")


if __name__ == "__main__":
    main()
