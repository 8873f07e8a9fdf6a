#!/usr/bin/env python3
"""Drill 2: PostgreSQL restarted under load.

A PostgreSQL server of the drill's own serves two Tashil nodes; four clients read and write
through both. Each cycle the database is stopped (alternately a clean fast shutdown and a
crash, `-m immediate`, which recovers from its WAL on start), kept down a few seconds, and
started again. Meanwhile both nodes' `/readyz` is polled every 100 ms.

Checked: no acknowledged write lost; `/readyz` never says ready while the database is down
and says 503 during the outage; both nodes answer ready and accept a write within 5 s of the
database being back; a write refused while the database is away answers 503 (with
Retry-After), never another 5xx; `tashil audit verify` passes.

Usage: drills/pg_restart.py [--cycles 5] [--down 3] [--seed N]
"""

import argparse
import random
import threading
import time

import drill
from drill import call, say


def body(rng, n):
    word = drill.marker(rng)
    if n % 2:
        prefix = "15%08d" % rng.randrange(10 ** 8)
        return "officer", "/api/v1/units", "/api/v1/units/%d", {
            "national_id": drill.ir_national_id(prefix), "name_fa": "شرکت آزمایش " + word,
            "province": "IR-26", "city": "قزوین", "isic_class": "2394", "size_class": "small",
            "products": [{"name": "کاشی", "hs_code": "690721"}]}
    return "unit", "/api/v1/cases", "/api/v1/cases/%d", {
        "category": "bank_financing", "title": "مانع آزمایشی " + word,
        "description": "پرونده‌ای که آزمایش راه‌اندازی دوباره می‌نویسد: " + word}


def client(nodes, tokens, rng, acked, errors, stop, lock, counter):
    while not stop.is_set():
        with lock:
            counter[0] += 1
            n = counter[0]
        node = nodes[n % 2]
        who, path, read, payload = body(rng, n)
        status, got = call("POST", node.url(path), tokens[who], payload, timeout=5)
        if status == 201:
            with lock:
                acked.append((who, read % got["id"]))
        elif status is not None:
            with lock:
                errors.append(status)
        call("GET", node.url("/api/v1/units?q=" + drill.marker(rng)[:3]), tokens["officer"],
             timeout=5)
        time.sleep(0.01)


def poll_ready(nodes, log, stop):
    """(time, node index, status) of every /readyz answer."""
    while not stop.is_set():
        for i, node in enumerate(nodes):
            status, _ = call("GET", node.url("/readyz"), timeout=3)
            log.append((time.monotonic(), i, status))
        time.sleep(0.1)


def back_in(nodes, tokens, rng, since, limit=30):
    """Seconds from `since` until every node answers ready and takes a write."""
    pending = set(range(len(nodes)))
    while pending and time.monotonic() - since < limit:
        for i in list(pending):
            if call("GET", nodes[i].url("/readyz"), timeout=1)[0] != 200:
                continue
            who, path, _, payload = body(rng, 1)
            if call("POST", nodes[i].url(path), tokens[who], payload, timeout=5)[0] == 201:
                pending.discard(i)
        time.sleep(0.05)
    return None if pending else time.monotonic() - since


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--cycles", type=int, default=5)
    p.add_argument("--down", type=float, default=3.0)
    p.add_argument("--seed", type=int, default=int(time.time()))
    args = p.parse_args()
    rng = random.Random(args.seed)
    say("seed %d" % args.seed)
    pg = drill.PrivatePostgres()
    backend = drill.Backend("postgres", pg.url())
    nodes = []
    try:
        drill.tashil(backend, "demo", "--units", "400", "--standards", "100")
        tokens = {who: drill.tashil(backend, "token", "create", "--email", email, "--name",
                                    "drill")[1].strip()
                  for who, email in (("officer", "qazvin@demo.tashil.ir"),
                                     ("unit", "unit@demo.tashil.ir"))}
        nodes = [drill.Node(backend), drill.Node(backend)]
        for n in nodes:
            n.start()
        acked, errors, ready_log, counter = [], [], [], [0]
        stop, lock = threading.Event(), threading.Lock()
        threads = [threading.Thread(target=client, args=(nodes, tokens,
                                                         random.Random(rng.random()), acked,
                                                         errors, stop, lock, counter))
                   for _ in range(4)]
        threads.append(threading.Thread(target=poll_ready, args=(nodes, ready_log, stop)))
        for t in threads:
            t.start()
        outages, recoveries = [], []
        for c in range(args.cycles):
            time.sleep(rng.uniform(1.0, 3.0))
            mode = "immediate" if c % 2 else "fast"
            pg.stop(mode)
            down_from = time.monotonic()
            time.sleep(args.down)
            down_until = time.monotonic()
            pg.start()
            up = time.monotonic()
            took = back_in(nodes, tokens, rng, up)
            outages.append((down_from, down_until))
            recoveries.append(took)
            say("  cycle %d (%s stop): down %.1f s; both nodes ready and writing %s after"
                % (c + 1, mode, args.down, "%.2f s" % took if took is not None else "NOT"))
        stop.set()
        for t in threads:
            t.join()
        lied = sum(1 for (t, _, s) in ready_log if s == 200
                   and any(a + 0.3 < t < b for a, b in outages))
        told = sum(1 for (t, _, s) in ready_log if s == 503
                   and any(a < t < b for a, b in outages))
        silent = sum(1 for (t, _, s) in ready_log if s is None
                     and any(a < t < b for a, b in outages))
        lost = [path for who, path in acked if call("GET", nodes[0].url(path),
                                                    tokens[who])[0] != 200]
        for n in nodes:
            n.stop()
        audit_ok = drill.tashil(backend, "audit", "verify", check=False)[0] == 0
        worst = max((r for r in recoveries if r is not None), default=0.0)
        lines = [
            "## PostgreSQL restarted under load (%s)" % time.strftime("%Y-%m-%d %H:%M UTC",
                                                                      time.gmtime()),
            "",
            "| check | result |",
            "|---|---|",
            "| restarts (fast / immediate) | %d (%d / %d) |" % (
                args.cycles, (args.cycles + 1) // 2, args.cycles // 2),
            "| database down each time | %.1f s |" % args.down,
            "| writes acknowledged (2 nodes, 4 clients) | %d |" % len(acked),
            "| writes refused meanwhile, by status (while the database was away) | %s |"
            % (", ".join("%d× %s" % (errors.count(s), s) for s in sorted(set(errors))) or "0"),
            "| acknowledged writes missing afterwards | **%d** |" % len(lost),
            "| `/readyz` during outages: 503 / no answer in 3 s / 200 | %d / %d / **%d** |"
            % (told, silent, lied),
            "| both nodes ready and writing again after the database (worst) | %.2f s |" % worst,
            "| `tashil audit verify` | %s |" % ("ok" if audit_ok else "**FAILED**"),
        ]
        drill.write_summary("pg_restart", lines)
        problems = []
        if lost:
            problems.append("lost writes: %s" % lost[:5])
        if lied:
            problems.append("/readyz said ready %d times while the database was down" % lied)
        faults = [s for s in errors if s >= 500 and s != 503]
        if faults:
            problems.append("writes while the database was away answered %s, not 503"
                            % sorted(set(faults)))
        if not told or silent:
            problems.append("/readyz during outages: %d answers 503, %d none" % (told, silent))
        if any(r is None or r > 5 for r in recoveries):
            problems.append("recovery over 5 s: %s" % recoveries)
        if not audit_ok:
            problems.append("audit chain broken")
        if problems:
            drill.fail("; ".join(problems))
        say("PostgreSQL restart drill: nothing lost")
    finally:
        for n in nodes:
            n.kill9()
        pg.remove()
        drill.shutil.rmtree(backend.dir, ignore_errors=True)


if __name__ == "__main__":
    main()
