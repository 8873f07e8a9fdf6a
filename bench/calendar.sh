#!/usr/bin/env bash
# The working calendar read on every deadline: the resolutions list (which reads the loaded
# tables once per request) before and after a heavy load, against /healthz in the same run;
# and the load itself, which counts every open deadline again.
# Usage: bench/calendar.sh [UNITS]   (default 4000). Needs wrk (apt-get install wrk).
# Writes raw output to bench/out/calendar-*; the figures go into docs/benchmarks.md by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
UNITS="${1:-4000}"
OUT=bench/out
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

if [ -z "${TASHIL_BIN:-}" ]; then cargo build --release --quiet; fi
BIN="${TASHIL_BIN:-target/release/tashil}"
DATA=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT

echo "== demo data: $UNITS units"
$BIN --data-dir "$DATA" demo --units "$UNITS" >/dev/null 2>&1
TOKEN=$($BIN --data-dir "$DATA" token create --email admin@demo.tashil.ir --name bench 2>/dev/null)
AUTH="Authorization: Bearer $TOKEN"

# Twenty years of each country beyond the compiled tables, and 200 closures: far more than
# a real installation keeps (a year holds some 20 days off).
python3 - "$OUT/calendar-heavy.csv" <<'PY'
import csv, datetime, sys
rows = [["country", "date", "kind", "holiday", "province", "reason_fa", "reason_vi", "reason_en"]]
lunar = ["tasua", "ashura", "arbaeen", "demise_prophet", "martyrdom_imam_reza",
         "martyrdom_imam_hasan_askari", "birthday_prophet", "martyrdom_fatima",
         "birthday_imam_ali", "mabath", "birthday_imam_mahdi", "martyrdom_imam_ali",
         "eid_al_fitr", "eid_al_fitr_holiday", "martyrdom_imam_sadegh", "eid_al_adha",
         "eid_al_ghadir"]
for y in range(1406, 1426):
    # 17 days spread over the Solar Hijri year (from 10 Farvardin, every 20 days).
    for i, key in enumerate(lunar):
        rows.append(["IR", f"{y}/{1 + (10 + 20 * i) // 31:02d}/{1 + (10 + 20 * i) % 30:02d}", "holiday", key, "", "", "", ""])
for y in range(2027, 2047):
    for (m, d, key) in [(1, 1, "new_year"), (4, 30, "reunification_day"), (5, 1, "labour_day"),
                        (9, 2, "national_day"), (11, 24, "culture_day")]:
        rows.append(["VN", f"{y}-{m:02d}-{d:02d}", "holiday", key, "", "", "", ""])
    for d in range(5):
        rows.append(["VN", (datetime.date(y, 2, 3) + datetime.timedelta(days=d)).isoformat(), "holiday", "tet", "", "", "", ""])
for i in range(200):
    day = datetime.date(2027, 1, 4) + datetime.timedelta(days=i)
    rows.append(["IR", day.isoformat(), "closure", "", f"IR-{i % 31:02d}", "آلودگی هوا", "", "Air pollution"])
csv.writer(open(sys.argv[1], "w", newline="")).writerows(rows)
PY
echo "heavy file: $(($(wc -l < "$OUT/calendar-heavy.csv") - 1)) rows"

PORT=18081
$BIN --data-dir "$DATA" serve --bind 127.0.0.1:$PORT >/dev/null 2>&1 &
SERVER=$!
for _ in $(seq 1 50); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
sleep 1
echo "open resolutions: $(curl -fsS -H "$AUTH" "http://127.0.0.1:$PORT/api/v1/resolutions" | python3 -c 'import json,sys; print(sum(r["status"] in ("open","in_progress") for r in json.load(sys.stdin)))')"

run() { # name path: latency at 1 connection, then throughput at 16
  echo "-- $1: $2"
  wrk -t1 -c1 -d8s --latency -H "$AUTH" "http://127.0.0.1:$PORT$2" > "$OUT/calendar-$1.c1.txt"
  wrk -t2 -c16 -d8s --latency -H "$AUTH" "http://127.0.0.1:$PORT$2" > "$OUT/calendar-$1.c16.txt"
  printf '   c1:  p50 %s p99 %s %s req/s\n' "$(awk '/ 50%/{print $2}' "$OUT/calendar-$1.c1.txt")" "$(awk '/ 99%/{print $2}' "$OUT/calendar-$1.c1.txt")" "$(awk '/Requests\/sec/{print $2}' "$OUT/calendar-$1.c1.txt")"
  printf '   c16: p50 %s p99 %s %s req/s\n' "$(awk '/ 50%/{print $2}' "$OUT/calendar-$1.c16.txt")" "$(awk '/ 99%/{print $2}' "$OUT/calendar-$1.c16.txt")" "$(awk '/Requests\/sec/{print $2}' "$OUT/calendar-$1.c16.txt")"
}
load() { # file: one load, timed (checks, writes, audit, every open deadline counted again)
  curl -sS -o "$OUT/calendar-load.json" -w "   load: HTTP %{http_code} in %{time_total} s\n" \
    -H "$AUTH" -H "Content-Type: text/csv" --data-binary "@$1" "http://127.0.0.1:$PORT/api/v1/calendar"
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print("   rows", r["imported"], "years", len(r["years"]), "deadlines moved", r["deadlines_moved"], "errors", len(r["errors"]))' "$OUT/calendar-load.json"
}
run healthz /healthz
run resolutions_compiled /api/v1/resolutions
run export_compiled /api/v1/calendar
echo "== heavy load"
load "$OUT/calendar-heavy.csv"
echo "== the same file again (nothing changes)"
load "$OUT/calendar-heavy.csv"
run resolutions_heavy /api/v1/resolutions
run export_heavy /api/v1/calendar
