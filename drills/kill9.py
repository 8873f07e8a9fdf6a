#!/usr/bin/env python3
"""Drill 1: kill -9 mid-write.

Two kinds of trial, on SQLite and PostgreSQL:

* **API burst**: a node serves the demo; four clients write across contexts (units, standards,
  obstacle cases, licence applications) and keep every write the server acknowledged; the
  node is killed with SIGKILL at a random moment, started again, and then every acknowledged
  write must read back, every acknowledged standard must be found by the node's search index
  (fed by the outbox), and no email may arrive twice under two Message-IDs.
* **Import**: `tashil import units` of a whole workbook is killed at a random moment; the
  registry must then hold all of the file's units or none of them.

After the trials: `tashil audit verify` passes, SQLite's integrity check says ok, and each
message the sink took twice carries one Message-ID (the at-least-once case: the node died
between the SMTP server's answer and marking the row sent).

Usage: drills/kill9.py [--backend sqlite|postgres|both] [--trials 50] [--import-trials 50]
                       [--import-units 100000] [--pg-url URL] [--seed N]
"""

import argparse
import os
import random
import threading
import time

import drill
from drill import call, say

KINDS = ("unit", "standard", "case", "application", "closure")


def setup(backend, import_units):
    """The demo for the burst, and a workbook of units none of which it holds."""
    drill.tashil(backend, "demo", "--units", "400", "--standards", "200")
    tokens = {}
    for who, email in (("officer", "qazvin@demo.tashil.ir"), ("admin", "admin@demo.tashil.ir"),
                       ("unit", "unit@demo.tashil.ir")):
        tokens[who] = drill.tashil(backend, "token", "create", "--email", email,
                                   "--name", "drill")[1].strip()
    scratch = drill.Backend("sqlite")
    try:
        drill.tashil(scratch, "demo", "--units", str(import_units), "--standards", "0",
                     "--seed", "77")
        book = os.path.join(backend.dir, "units.xlsx")
        drill.tashil(scratch, "export", "units", book)
    finally:
        scratch.drop()
    return tokens, book


def body_of(kind, rng, n):
    word = drill.marker(rng)
    if kind == "unit":
        prefix = "14%08d" % rng.randrange(10 ** 8)
        return word, "/api/v1/units", {
            "national_id": drill.ir_national_id(prefix), "name_fa": "شرکت آزمایش " + word,
            "province": "IR-26", "city": "قزوین", "isic_class": "2394", "size_class": "small",
            "products": [{"name": "کاشی", "hs_code": "690721"}]}
    if kind == "standard":
        return word, "/api/v1/standards", {
            "body": "ISIRI", "number": str(900000 + n), "year": "2026",
            "title_fa": "استاندارد آزمایشی " + word, "title_en": "Drill standard " + word,
            "ics": "91.100.10", "products": [{"hs_code": "6907"}]}
    if kind == "case":
        return word, "/api/v1/cases", {
            "category": "tax", "title": "مانع آزمایشی " + word,
            "description": "پرونده‌ای که آزمایش کشتن گره می‌نویسد: " + word}
    return word, "/api/v1/applications", {
        "permit_type": "standard-mark-new", "products": [
            {"product": "کاشی " + word, "brand": word, "hs_code": "690721"}],
        "message": word}


TOKEN_OF = {"unit": "officer", "standard": "admin", "case": "unit", "application": "unit",
            "closure": "officer"}
READ_PATH = {"unit": "/api/v1/units/%d", "standard": "/api/v1/standards/%d",
             "case": "/api/v1/cases/%d", "application": "/api/v1/applications/%d",
             "closure": "/api/v1/cases/%d"}


def closure(node, tokens, acked, lock):
    """The officer closes an acknowledged open case: a state change that mails its reporter."""
    with lock:
        open_cases = [a for a in acked if a[0] == "case" and ("closure", a[1]) not in CLOSED]
        if not open_cases:
            return
        _, id_, word = open_cases[0]
        CLOSED.add(("closure", id_))
    status, _ = call("POST", node.url("/api/v1/cases/%d/triage" % id_), tokens["officer"],
                     {"action": "close", "reason": "آزمایش " + word, "solved": False}, timeout=5)
    if status == 204:
        with lock:
            acked.append(("closure", id_, word))


CLOSED = set()


def burst(node, tokens, rng, acked, refused, stop, counter, lock):
    while not stop.is_set():
        with lock:
            counter[0] += 1
            n = counter[0]
            kind = KINDS[n % len(KINDS)]
            if kind != "closure":
                word, path, body = body_of(kind, rng, n)
        if kind == "closure":
            closure(node, tokens, acked, lock)
            continue
        status, got = call("POST", node.url(path), tokens[TOKEN_OF[kind]], body, timeout=5)
        if status == 201 and got and "id" in got:
            with lock:
                acked.append((kind, got["id"], word))
        elif status is not None and status != 201:
            with lock:
                refused.append((kind, status, str(got)[:200]))


def api_trial(node, tokens, rng, acked, counter, refused):
    stop = threading.Event()
    lock = threading.Lock()
    before = len(acked)
    workers = [threading.Thread(target=burst, args=(node, tokens, random.Random(rng.random()),
                                                    acked, refused, stop, counter, lock))
               for _ in range(4)]
    for w in workers:
        w.start()
    time.sleep(rng.uniform(0.3, 2.5))
    node.kill9()
    stop.set()
    for w in workers:
        w.join()
    recovery = node.start()
    return len(acked) - before, recovery


def missing_writes(node, tokens, acked):
    lost = []
    for kind, id_, word in acked:
        status, got = call("GET", node.url(READ_PATH[kind] % id_), tokens[TOKEN_OF[kind]])
        if status != 200 or (kind == "closure" and (got or {}).get("status") != "closed"):
            lost.append((kind, id_, status))
    return lost


def unsearchable(node, tokens, acked, wait=30):
    """Acknowledged standards the node's index does not find within `wait` seconds."""
    pending = {word: id_ for kind, id_, word in acked if kind == "standard"}
    until = time.monotonic() + wait
    while pending and time.monotonic() < until:
        for word, id_ in list(pending.items()):
            status, got = call("GET", node.url("/api/v1/standards?q=" + word), tokens["admin"])
            items = (got or {}).get("hits", []) if isinstance(got, dict) else []
            if status == 200 and any(i.get("id") == id_ for i in items):
                del pending[word]
        if pending:
            time.sleep(0.5)
    return pending


def wait_for_outbox(backend, wait):
    """(unsent, claimed by a killed node, never tried) once the mail job had `wait` seconds.

    A node claims a batch of messages for five minutes, renewed before each one; a node killed
    holding a claim leaves its messages to the next node once the claim lapses. So a message
    still unsent after a short wait is fine while it is claimed (or waiting a retry after a
    failed attempt); one neither claimed nor ever tried would be stuck."""
    until = time.monotonic() + wait
    while True:
        left = int(backend.query("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL")[0][0])
        if left == 0 or time.monotonic() > until:
            break
        time.sleep(1)
    claimed = int(backend.query(
        "SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL AND claim IS NOT NULL")[0][0])
    untried = int(backend.query(
        "SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL AND claim IS NULL "
        "AND attempts = 0")[0][0])
    return left, claimed, untried


def import_trial(backend, book, rng, full_seconds):
    backend.restore()
    proc = drill.subprocess.Popen([drill.binary(), *backend.args(), "import", "units", book],
                                  stdout=drill.subprocess.DEVNULL,
                                  stderr=drill.subprocess.DEVNULL)
    time.sleep(rng.uniform(0.05, full_seconds * 1.1))
    finished = proc.poll() is not None
    if not finished:
        proc.send_signal(drill.signal.SIGKILL)
    proc.wait()
    count = int(backend.query("SELECT COUNT(*) FROM units")[0][0])
    return finished, count


def run(kind, args, rng):
    backend = drill.Backend(kind, args.pg_url)
    sink = drill.SmtpSink()
    try:
        say("== %s: setting up (demo, tokens, a %d-unit workbook)" % (kind, args.import_units))
        tokens, book = setup(backend, args.import_units)
        node = drill.Node(backend, smtp_port=sink.port)
        node.start()
        acked, refused, counter, recoveries = [], [], [0], []
        for t in range(args.trials):
            n, recovery = api_trial(node, tokens, rng, acked, counter, refused)
            recoveries.append(recovery)
            say("  burst %d: %d writes acknowledged before SIGKILL; ready again in %.2f s"
                % (t + 1, n, recovery))
        lost = missing_writes(node, tokens, acked)
        unfound = unsearchable(node, tokens, acked)
        unsent, claimed, untried = wait_for_outbox(backend, args.mail_wait)
        node.stop()
        audit_ok = drill.tashil(backend, "audit", "verify", check=False)[0] == 0
        integrity = backend.integrity()
        mails, doubled = sink.counts()
        rows = int(backend.query("SELECT COUNT(*) FROM mail_outbox")[0][0])

        # Import trials on a database of its own: the workbook's national IDs are the demo's.
        target = drill.Backend(kind, args.pg_url)
        try:
            drill.tashil(target, "migrate")
            target.snapshot()
            began = time.monotonic()
            drill.tashil(target, "import", "units", book)
            full = time.monotonic() - began
            expected = int(target.query("SELECT COUNT(*) FROM units")[0][0])
            partial, completed, killed = [], 0, 0
            for t in range(args.import_trials):
                finished, added = import_trial(target, book, rng, full)
                completed += added == expected
                killed += not finished
                if added not in (0, expected):
                    partial.append((t + 1, added))
                say("  import %d: %s, %d of %d units present"
                    % (t + 1, "finished" if finished else "killed", added, expected))
            import_audit_ok = drill.tashil(target, "audit", "verify", check=False)[0] == 0
            import_integrity = target.integrity()
        finally:
            target.drop()

        by_kind = {k: sum(1 for a in acked if a[0] == k) for k in KINDS}
        lines = [
            "## kill -9 mid-write, %s (%s)" % (kind, time.strftime("%Y-%m-%d %H:%M UTC",
                                                                     time.gmtime())),
            "",
            "| check | result |",
            "|---|---|",
            "| API bursts killed | %d |" % args.trials,
            "| writes acknowledged | %d (%s) |" % (len(acked), ", ".join(
                "%s %d" % kv for kv in by_kind.items())),
            "| writes refused with a 4xx/5xx | %d |" % len(refused),
            "| acknowledged writes missing after restart | **%d** |" % len(lost),
            "| acknowledged standards the search index did not find in 30 s | **%d** |"
            % len(unfound),
            "| ready again after SIGKILL (max / median s) | %.2f / %.2f |" % (
                max(recoveries or [0]), sorted(recoveries or [0])[len(recoveries) // 2]),
            "| emails queued / received / delivered twice (same Message-ID) | %d / %d / %d |"
            % (rows, mails, doubled),
            "| unsent after %d s: claimed by a killed node (the claim lapses in 5 min) / "
            "never tried | %d: %d / %d |" % (args.mail_wait, unsent, claimed, untried),
            "| `tashil audit verify` after the bursts | %s |" % ("ok" if audit_ok else "**FAILED**"),
            "| integrity check after the bursts | %s |" % integrity,
            "| imports killed / finished before the kill (%d units, %.1f s whole) | %d / %d |"
            % (expected, full, killed, args.import_trials - killed),
            "| imports that left part of the file | **%d** |" % len(partial),
            "| imports whose units were all present after the trial | %d |" % completed,
            "| `tashil audit verify` after the imports | %s |"
            % ("ok" if import_audit_ok else "**FAILED**"),
            "| integrity check after the imports | %s |" % import_integrity,
        ]
        drill.write_summary("kill9", lines)
        server_errors = [r for r in refused if r[1] >= 500]
        problems = []
        if lost:
            problems.append("lost writes: %s" % lost[:5])
        if unfound:
            problems.append("standards not in the index: %s" % list(unfound.items())[:5])
        if partial:
            problems.append("partial imports: %s" % partial[:5])
        if not (audit_ok and import_audit_ok):
            problems.append("audit chain broken")
        if integrity != "ok" or import_integrity != "ok":
            problems.append("integrity check: %s / %s" % (integrity, import_integrity))
        if untried and args.mail_wait >= 30:
            problems.append("%d messages neither claimed nor tried" % untried)
        if mails < rows - unsent:
            problems.append("%d messages marked sent, %d received" % (rows - unsent, mails))
        if server_errors:
            problems.append("5xx answers: %s" % server_errors[:5])
        if expected == 0:
            problems.append("the control import added no units")
        return problems
    finally:
        backend.drop()


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--backend", default="both", choices=("sqlite", "postgres", "both"))
    p.add_argument("--trials", type=int, default=50)
    p.add_argument("--import-trials", type=int, default=50)
    p.add_argument("--import-units", type=int, default=100000)
    p.add_argument("--pg-url", default=drill.pg_url_default())
    p.add_argument("--seed", type=int, default=int(time.time()))
    p.add_argument("--mail-wait", type=int, default=330,
                   help="seconds the mail job gets to empty the outbox after the last kill")
    args = p.parse_args()
    say("seed %d (give --seed to repeat a run)" % args.seed)
    rng = random.Random(args.seed)
    problems = []
    for kind in drill.backends(args.backend, args.pg_url):
        problems += ["%s: %s" % (kind, x) for x in run(kind, args, rng)]
    if problems:
        drill.fail("; ".join(problems))
    say("kill -9 drill: nothing lost")


if __name__ == "__main__":
    main()
