#!/usr/bin/env python3
"""Drill 5: soak. Half an hour of mixed load on one node, watching for errors, memory that
keeps growing, and latency that drifts.

A node serves the demo with mail going to a loopback SMTP sink. `--clients` threads loop
over a mix of requests: reads of every context (API and pages, anonymous and signed in),
name searches, and writes (units, obstacle cases closed again so that they mail, licence
applications); another thread imports a workbook of new units through `tashil import
units` every `--import-every` seconds. The node's resident memory is sampled every 10 s.

Checked: 0 errors (an answer other than the expected status, or none); resident memory
after the warm-up (the first `--warmup` minutes) flat within ±10 % (the last five minutes'
mean against the five after the warm-up); every import whole; the audit chain intact. The
summary gives each request's p50 and p99 in the first and the last five minutes side by
side.

Usage: drills/soak.py [--backend sqlite|postgres] [--minutes 30] [--clients 8]
                      [--warmup 5] [--import-every 120] [--pg-url URL] [--seed N]
"""

import argparse
import csv
import os
import random
import threading
import time
import urllib.error
import urllib.request

import drill
from drill import call, say

WORDS = ["سیمان", "کاشی", "لبنیات", "شرکت", "دماوند", "gạch", "xi măng"]


def requests_of(rng, n, tokens, acked):
    """The n-th request of a client: (name, method, path, token, body, expected status)."""
    word = rng.choice(WORDS)
    q = urllib_quote(word)
    k = n % 20
    if k == 0:
        mark = drill.marker(rng)
        # Unique across clients (random IDs met once in ~7,000 writes: a 422).
        with LOCK:
            UNITS[0] += 1
            prefix = "15%08d" % UNITS[0]
        return ("write_unit", "POST", "/api/v1/units", tokens["officer"], {
            "national_id": drill.ir_national_id(prefix), "name_fa": "شرکت پایداری " + mark,
            "province": "IR-26", "city": "قزوین", "isic_class": "2394",
            "size_class": "small"}, (201, 409))
    if k == 5:
        mark = drill.marker(rng)
        return ("write_case", "POST", "/api/v1/cases", tokens["unit"], {
            "category": "tax", "title": "مانع آزمون پایداری " + mark,
            "description": "پرونده‌ای که آزمون پایداری می‌نویسد: " + mark}, (201,))
    if k == 10:
        with LOCK:
            open_case = acked.pop() if acked else None
        if open_case is not None:
            return ("close_case", "POST", "/api/v1/cases/%d/triage" % open_case,
                    tokens["officer"], {"action": "close", "reason": "پایان آزمون",
                                        "solved": False}, (204,))
    if k == 15:
        mark = drill.marker(rng)
        return ("write_application", "POST", "/api/v1/applications", tokens["unit"], {
            "permit_type": "standard-mark-new", "products": [
                {"product": "کاشی " + mark, "brand": mark, "hs_code": "690721"}],
            "message": mark}, (201,))
    reads = [
        ("units_list", "/api/v1/units", "officer"),
        ("units_search", "/api/v1/units?q=" + q, "officer"),
        ("units_national_search", "/api/v1/units?q=" + q, "admin"),
        ("standards_search", "/api/v1/standards?q=" + q, None),
        ("cases_list", "/api/v1/cases", "officer"),
        ("applications_list", "/api/v1/applications", "officer"),
        ("profile", "/api/v1/provinces/IR-26/profile", None),
        ("lead_times", "/api/v1/lead-times", None),
        ("page_standards", "/standards?q=" + q, None),
        ("page_province", "/provinces/IR-26", None),
        ("page_units", "/units?q=" + q, "officer"),
        ("healthz", "/healthz", None),
    ]
    name, path, who = reads[n % len(reads)]
    return name, "GET", path, tokens[who] if who else None, None, (200,)


def urllib_quote(s):
    import urllib.parse
    return urllib.parse.quote(s)


LOCK = threading.Lock()
UNITS = [0]


def client(node, tokens, seed, stop, samples, errors, open_cases):
    rng = random.Random(seed)
    n = seed * 7
    while not stop.is_set():
        n += 1
        name, method, path, token, body, expected = requests_of(rng, n, tokens, open_cases)
        began = time.monotonic()
        status, got = call(method, node.url(path), token, body, timeout=30)
        took = time.monotonic() - began
        with LOCK:
            samples.append((began, name, took))
            if status not in expected:
                errors.append((name, status))
            elif name == "write_case" and got and "id" in got:
                open_cases.append(got["id"])


def rss_kb(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


METRICS_TOKEN = "soak-metrics"
GAUGES = ("tashil_sqlite_memory_bytes", "tashil_heap_in_use_bytes", "tashil_heap_free_bytes")


def gauges(node):
    """The node's memory gauges from /metrics, in KB by name (empty when unanswered)."""
    req = urllib.request.Request(node.url("/metrics"))
    req.add_header("Authorization", "Bearer " + METRICS_TOKEN)
    try:
        with urllib.request.urlopen(req, timeout=5) as r:
            text = r.read().decode()
    except (OSError, urllib.error.URLError):
        return {}
    got = {}
    for line in text.splitlines():
        name, _, value = line.partition(" ")
        if name in GAUGES:
            got[name] = float(value) / 1024
    return got


def pct(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def workbooks(backend, count, units, rng):
    """CSV files of new Iranian units (national IDs none the demo holds), one per import:
    the demo's own export with fresh identifiers."""
    scratch = drill.Backend("sqlite")
    try:
        drill.tashil(scratch, "demo", "--units", str(units), "--standards", "0")
        source = os.path.join(scratch.dir, "units.csv")
        drill.tashil(scratch, "export", "units", source)
        with open(source, encoding="utf-8-sig") as f:
            rows = list(csv.reader(f))
    finally:
        scratch.drop()
    head, body = rows[0], [r for r in rows[1:] if len(r[0]) == 11]
    books, used = [], set()
    for i in range(count):
        path = os.path.join(backend.dir, "soak-%d.csv" % i)
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(head)
            for r in body:
                while True:
                    nid = drill.ir_national_id("16%08d" % rng.randrange(10 ** 8))
                    if nid not in used:
                        used.add(nid)
                        break
                w.writerow([nid] + r[1:])
        books.append(path)
    return books


def importer(backend, books, every, stop, results):
    for book in books:
        if stop.wait(every):
            return
        began = time.monotonic()
        code, _ = drill.tashil(backend, "import", "units", book, check=False)
        results.append((code, time.monotonic() - began))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--backend", default="sqlite", choices=["sqlite", "postgres"])
    p.add_argument("--minutes", type=float, default=30)
    p.add_argument("--clients", type=int, default=8)
    p.add_argument("--warmup", type=float, default=5)
    p.add_argument("--import-every", type=int, default=120)
    p.add_argument("--import-units", type=int, default=1000)
    p.add_argument("--pg-url", default=drill.pg_url_default())
    p.add_argument("--seed", type=int, default=1405)
    args = p.parse_args()
    backend = drill.Backend(args.backend, args.pg_url)
    sink = drill.SmtpSink()
    node = None
    try:
        say("soak on %s: %.0f minutes, %d clients" % (args.backend, args.minutes, args.clients))
        drill.tashil(backend, "demo", "--units", "4000", "--standards", "1000")
        tokens = {}
        for who, email in (("officer", "qazvin@demo.tashil.ir"),
                           ("admin", "admin@demo.tashil.ir"), ("unit", "unit@demo.tashil.ir")):
            tokens[who] = drill.tashil(backend, "token", "create", "--email", email,
                                       "--name", "soak")[1].strip()
        imports = int(args.minutes * 60 // args.import_every)
        books = workbooks(backend, imports, args.import_units, random.Random(args.seed))
        node = drill.Node(backend, smtp_port=sink.port)
        node.env["TASHIL_METRICS_TOKEN"] = METRICS_TOKEN
        node.start()
        stop = threading.Event()
        samples, errors, open_cases, imported, memory = [], [], [], [], []
        threads = [threading.Thread(target=client, args=(node, tokens, args.seed + i, stop,
                                                         samples, errors, open_cases))
                   for i in range(args.clients)]
        threads.append(threading.Thread(target=importer, args=(backend, books,
                                                               args.import_every, stop,
                                                               imported)))
        began = time.monotonic()
        for t in threads:
            t.start()
        end = began + args.minutes * 60
        while time.monotonic() < end:
            memory.append((time.monotonic() - began, rss_kb(node.proc.pid), gauges(node)))
            if node.proc.poll() is not None:
                errors.append(("node exited", node.proc.returncode))
                break
            time.sleep(10)
        stop.set()
        for t in threads:
            t.join()
        node.stop()
        audit_ok = drill.tashil(backend, "audit", "verify", check=False)[0] == 0
        sent, doubled = sink.counts()
        report(args, samples, errors, memory, imported, audit_ok, sent, began)
    finally:
        if node:
            node.kill9()
        backend.drop()


def report(args, samples, errors, memory, imported, audit_ok, sent, began):
    total = args.minutes * 60
    first = [(n, t) for (at, n, t) in samples if at - began < 300]
    last = [(n, t) for (at, n, t) in samples if at - began > total - 300]
    names = sorted({n for (_, n, _) in samples})
    def window(value):
        """Mean of `value(sample)` 5 min after warm-up, in the last 5 min, and its peak."""
        got = [(s[0], value(s)) for s in memory]
        got = [(t, v) for t, v in got if v]
        a = [v for t, v in got if args.warmup * 60 <= t < args.warmup * 60 + 300]
        b = [v for t, v in got if t >= total - 300]
        ma = sum(a) / len(a) if a else 0
        mb = sum(b) / len(b) if b else 0
        return ma, mb, (mb - ma) / ma * 100 if ma else float("nan"), max(
            (v for _, v in got), default=0)

    m_after, m_tail, growth, peak = window(lambda s: s[1])
    held = [(label, window(lambda s, g=g: s[2].get(g))) for label, g in (
        ("SQLite's own memory (`sqlite3_memory_used`)", "tashil_sqlite_memory_bytes"),
        ("allocator: in use", "tashil_heap_in_use_bytes"),
        ("allocator: held free", "tashil_heap_free_bytes"))]
    bad_imports = [c for c, _ in imported if c != 0]
    lines = [
        "## Soak on %s (%s)" % (args.backend, time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())),
        "",
        "| check | result |",
        "|---|---|",
        "| duration, clients | %g min, %d (+ one importer) |" % (args.minutes, args.clients),
        "| requests | %d (%.0f/s) |" % (len(samples), len(samples) / total),
        "| errors | **%d** %s |" % (len(errors), sorted(set(errors))[:5] if errors else ""),
        "| imports of the demo's %d-unit export, new IDs (whole / failed) | %d / %d, "
        "%.1f s median |" % (args.import_units, len(imported) - len(bad_imports), len(bad_imports),
            pct([t for _, t in imported], 50) if imported else 0),
        "| messages delivered to the sink | %d |" % sent,
        "| resident memory: 5 min after warm-up / last 5 min / peak | %.1f / %.1f MB "
        "(**%+.1f %%**) / %.1f MB |" % (m_after / 1024, m_tail / 1024, growth, peak / 1024),
    ] + [
        "| %s: 5 min after warm-up / last 5 min / peak | %.1f / %.1f MB (%+.1f %%) / %.1f MB |"
        % (label, a / 1024, b / 1024, g, p / 1024) for label, (a, b, g, p) in held
    ] + [
        "| `tashil audit verify` | %s |" % ("ok" if audit_ok else "**FAILED**"),
        "",
        "| request | count | p50 first 5 min (ms) | p50 last 5 min | p99 first 5 min | "
        "p99 last 5 min |",
        "|---|---|---|---|---|---|",
    ]
    for name in names:
        a = [t * 1000 for n, t in first if n == name]
        b = [t * 1000 for n, t in last if n == name]
        count = sum(1 for _, n, _ in samples if n == name)
        lines.append("| %s | %d | %.1f | %.1f | %.1f | %.1f |" % (
            name, count, pct(a, 50), pct(b, 50), pct(a, 99), pct(b, 99)))
    lines.append("")
    lines.append("Resident memory every minute (MB): " + ", ".join(
        "%.0f" % (kb / 1024) for i, (_, kb, _) in enumerate(memory) if kb and i % 6 == 0))
    lines.append("SQLite's own memory every minute (MB): " + ", ".join(
        "%.1f" % (g.get("tashil_sqlite_memory_bytes", 0) / 1024)
        for i, (_, _, g) in enumerate(memory) if i % 6 == 0))
    drill.write_summary("soak", lines)
    problems = []
    if errors:
        problems.append("%d errors" % len(errors))
    if not (abs(growth) <= 10):
        problems.append("memory after warm-up moved %.1f %%" % growth)
    if bad_imports:
        problems.append("%d imports failed" % len(bad_imports))
    if not audit_ok:
        problems.append("audit chain broken")
    if problems:
        drill.fail("; ".join(problems))
    say("soak: no error, memory flat")


if __name__ == "__main__":
    main()
