#!/usr/bin/env bash
# Benchmarks of the registry at scale, on loopback only, bounded in requests and time.
# Usage: bench/run.sh [UNITS]   (default 100000). Needs wrk (apt-get install wrk).
# Writes raw output to bench/out/; the figures go into docs/benchmarks.md by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
UNITS="${1:-100000}"
OUT=bench/out
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

if [ -z "${TASHIL_BIN:-}" ]; then cargo build --release --quiet; fi
BIN="${TASHIL_BIN:-target/release/tashil}"
SRC=$(mktemp -d) DST=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$SRC" "$DST"' EXIT

echo "== demo data: $UNITS units"
/usr/bin/time -f "demo: %e s, max RSS %M KB" $BIN --data-dir "$SRC" demo --units "$UNITS" >/dev/null 2>"$OUT/demo.txt" || true
tail -1 "$OUT/demo.txt"

echo "== export, then import into an empty database (XLSX)"
$BIN --data-dir "$SRC" export units "$OUT/units.xlsx" --lang fa 2>/dev/null
ls -l "$OUT/units.xlsx" | awk '{print "xlsx size: " $5 " bytes"}'
/usr/bin/time -f "import: %e s wall, max RSS %M KB" $BIN --data-dir "$DST" import units "$OUT/units.xlsx" 2>&1 | tail -2 | tee "$OUT/import.txt"

echo "== a workbook as an office sends it (every column, QC managers, addresses), imported"
RATIO=(cargo bench --quiet -p tashil --bench import_ratio --)
"${RATIO[@]}" --make-workbook "$SRC/tashil.db" "$OUT/realistic.xlsx"
rm -rf "$DST" && mkdir -p "$DST"
/usr/bin/time -f "import: %e s wall, max RSS %M KB" $BIN --data-dir "$DST" import units "$OUT/realistic.xlsx" 2>&1 | tail -2 | tee -a "$OUT/import.txt"

echo "== the import against a raw batched insert of the same rows (SQLite; PostgreSQL when"
echo "   TASHIL_BENCH_POSTGRES_URL names a server where databases may be created)"
"${RATIO[@]}" --file "$OUT/realistic.xlsx" --runs 3 | tee "$OUT/import_ratio.md"

echo "== server on the $UNITS-unit database"
PORT=18080
$BIN --data-dir "$SRC" serve --bind 127.0.0.1:$PORT >/dev/null 2>&1 &
SERVER=$!
for _ in $(seq 1 50); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
sleep 2
echo "idle RSS: $(ps -o rss= -p $SERVER) KB" | tee "$OUT/rss.txt"

TOKEN=$(curl -fsS -c "$OUT/c.txt" "http://127.0.0.1:$PORT/login" >/dev/null; \
  CSRF=$(curl -fsS -b "$OUT/c.txt" "http://127.0.0.1:$PORT/login" | sed -n 's/.*name="_csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1); \
  curl -fsS -b "$OUT/c.txt" -c "$OUT/c.txt" -o /dev/null -d "email=qazvin@demo.tashil.ir&password=tashil-demo-1405&_csrf=$CSRF" "http://127.0.0.1:$PORT/login"; \
  sed -n 's/.*tashil_session\t\(.*\)$/\1/p' "$OUT/c.txt")
COOKIE="Cookie: tashil_session=$TOKEN"

run() { # name path: latency at 1 connection, then throughput at 16
  echo "-- $1: $2"
  wrk -t1 -c1 -d8s --latency -H "$COOKIE" "http://127.0.0.1:$PORT$2" > "$OUT/$1.c1.txt"
  wrk -t2 -c16 -d10s --latency -H "$COOKIE" "http://127.0.0.1:$PORT$2" > "$OUT/$1.c16.txt"
  printf '   c1:  p50 %s p99 %s %s req/s\n' "$(awk '/ 50%/{print $2}' "$OUT/$1.c1.txt")" "$(awk '/ 99%/{print $2}' "$OUT/$1.c1.txt")" "$(awk '/Requests\/sec/{print $2}' "$OUT/$1.c1.txt")"
  printf '   c16: p50 %s p99 %s %s req/s\n' "$(awk '/ 50%/{print $2}' "$OUT/$1.c16.txt")" "$(awk '/ 99%/{print $2}' "$OUT/$1.c16.txt")" "$(awk '/Requests\/sec/{print $2}' "$OUT/$1.c16.txt")"
}
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
run healthz /healthz
run unit_list /units
run unit_list_page20 "/units?page=20"
run search_common "/units?q=$(enc 'شرکت')"
run search_mid "/units?q=$(enc 'سیمان')"
run search_arabic_forms "/units?q=$(enc 'كاشي')"
run search_two_words "/units?q=$(enc 'لبنیات دماوند')"
run search_id "/units?q=$(enc '۱۴۰۰۰۰۰۰۰۷۵')"
run unit_detail /units/1
run api_list /api/v1/units
run api_search "/api/v1/units?q=$(enc 'sieman')"
echo "peak RSS under load: $(grep VmHWM /proc/$SERVER/status)" | tee -a "$OUT/rss.txt"
