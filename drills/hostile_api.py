#!/usr/bin/env python3
"""Drill 4 (HTTP): schemathesis against `/api/v1/openapi.json`, as each role and anonymous.

Schemathesis (PyPI) generates requests from the OpenAPI document, valid and invalid, and
checks every answer: no 5xx (`not_a_server_error`) and every answer within its own declared
schema (`response_schema_conformance`). Each role's run is bounded by `--examples` per
operation and `--max-time`. The input fuzzing of the spreadsheet readers, the normaliser and
the identifier parsers is the suite's own (proptest, `cargo test`).

Usage: drills/hostile_api.py [--examples 20] [--max-time 300] [--roles admin,officer,...]
       (SCHEMATHESIS: the schemathesis command; default `schemathesis` on PATH)
"""

import argparse
import os
import re
import subprocess
import time

import drill
from drill import say

ROLES = {
    "admin": "admin@demo.tashil.ir",
    "officer": "qazvin@demo.tashil.ir",
    "inspector": "inspector@demo.tashil.ir",
    "agency": "tax@demo.tashil.ir",
    "unit": "unit@demo.tashil.ir",
    "lab": "lab@demo.tashil.ir",
    "anonymous": None,
}


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--examples", type=int, default=20)
    p.add_argument("--max-time", type=int, default=300)
    p.add_argument("--roles", default=",".join(ROLES))
    p.add_argument("--seed", type=int, default=1405)
    args = p.parse_args()
    tool = os.environ.get("SCHEMATHESIS", "schemathesis")
    backend = drill.Backend("sqlite")
    out = os.path.join(drill.ROOT, "drills", "out", "schemathesis")
    os.makedirs(out, exist_ok=True)
    rows, failed = [], []
    node = None
    try:
        drill.tashil(backend, "demo", "--units", "400", "--standards", "200")
        node = drill.Node(backend)
        node.start()
        for role in args.roles.split(","):
            email = ROLES[role]
            headers = []
            if email:
                token = drill.tashil(backend, "token", "create", "--email", email, "--name",
                                     "schemathesis")[1].strip()
                headers = ["-H", "Authorization: Bearer " + token]
            began = time.monotonic()
            r = subprocess.run(
                [tool, "run", node.url("/api/v1/openapi.json"), *headers,
                 "--checks", "not_a_server_error,response_schema_conformance",
                 "--max-examples", str(args.examples), "--max-time", str(args.max_time),
                 "--seed", str(args.seed), "--generation-database", "none",
                 "--request-timeout", "20", "--no-color",
                 "--suppress-health-check", "too_slow"],
                capture_output=True, text=True, cwd=out)  # its cache stays out of the tree
            took = time.monotonic() - began
            text = r.stdout + r.stderr
            with open(os.path.join(out, role + ".txt"), "w") as f:
                f.write(text)
            cases = re.search(r"Test cases:\s*\n?\s*([\d,]+) generated", text)
            operations = re.search(r"API Operations:\s*\n?\s*Selected:\s*([\d,]+)", text)
            summary = text.strip().splitlines()[-1] if text.strip() else ""
            rows.append((role, operations.group(1) if operations else "?",
                         cases.group(1) if cases else "?", r.returncode, took, summary))
            say("  %s: exit %d in %.0f s; %s" % (role, r.returncode, took, summary))
            if r.returncode != 0:
                failed.append(role)
    finally:
        if node:
            node.stop()
        backend.drop()
    lines = [
        "## Schemathesis against the API (%s)" % time.strftime("%Y-%m-%d %H:%M UTC",
                                                               time.gmtime()),
        "",
        "Checks: not_a_server_error, response_schema_conformance; at most %d examples per "
        "operation; seed %d. Full output: drills/out/schemathesis/<role>.txt." % (
            args.examples, args.seed),
        "",
        "| role | operations | test cases | exit | seconds | last line |",
        "|---|---|---|---|---|---|",
    ] + ["| %s | %s | %s | %d | %.0f | %s |" % row for row in rows]
    drill.write_summary("hostile_api", lines)
    if failed:
        drill.fail("schemathesis found failures as: %s" % ", ".join(failed))
    say("hostile API drill: no 5xx, every answer in its schema")


if __name__ == "__main__":
    main()
