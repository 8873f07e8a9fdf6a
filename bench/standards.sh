#!/usr/bin/env bash
# Benchmark of the standards search at scale, on loopback only, bounded in requests and time:
# Tashil over HTTP against a SQLite FTS5 table on the same rows, recall on orthography variants.
# Usage: bench/standards.sh [STANDARDS]   (default 200000). Needs wrk (apt-get install wrk).
# Writes raw output to bench/out/ (standards_search.md holds the tables); the figures go into
# docs/benchmarks.md by hand. TASHIL_BIN reuses a binary; CARGO_TARGET_DIR is honoured.
set -euo pipefail
cd "$(dirname "$0")/.."
STANDARDS="${1:-200000}"
OUT="${BENCH_OUT:-bench/out}"
PORT="${PORT:-18090}"
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

# Build once, before anything is timed (the bench program links the app and rusqlite).
if [ -z "${TASHIL_BIN:-}" ]; then cargo build --release --quiet -p tashil; fi
cargo bench --quiet -p tashil --bench standards_search --no-run
BIN="${TASHIL_BIN:-${CARGO_TARGET_DIR:-target}/release/tashil}"
DATA=$(mktemp -d)
SERVER=""
trap 'if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; fi; rm -rf "$DATA"' EXIT

echo "== demo data: 2000 units, $STANDARDS standards"
/usr/bin/time -f "demo: %e s, max RSS %M KB" "$BIN" --data-dir "$DATA" demo --units 2000 --standards "$STANDARDS" \
  >/dev/null 2>"$OUT/standards_demo.txt" || { tail -20 "$OUT/standards_demo.txt"; exit 1; }
tail -1 "$OUT/standards_demo.txt"
if command -v sqlite3 >/dev/null; then
  sqlite3 "file:$DATA/tashil.db?mode=ro" \
    "SELECT 'stored standards: ' || count(*) || ', drafts: ' || sum(status = 'draft') FROM standards" \
    | tee -a "$OUT/standards_demo.txt"
fi
echo "database: $(du -cb "$DATA"/tashil.db* | tail -1 | cut -f1) bytes" | tee -a "$OUT/standards_demo.txt"

echo "== search index"
/usr/bin/time -f "reindex: %e s, max RSS %M KB" "$BIN" --data-dir "$DATA" search reindex 2>&1 \
  | grep -v -e 'WARN' -e 'INFO' | tee "$OUT/standards_reindex.txt"
echo "index size: $(du -sb "$DATA/search" | cut -f1) bytes" | tee -a "$OUT/standards_reindex.txt"

echo "== server on the $STANDARDS-standard database"
"$BIN" --data-dir "$DATA" serve --bind "127.0.0.1:$PORT" >"$OUT/standards_server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
sleep 2
echo "idle RSS: $(ps -o rss= -p "$SERVER") KB" | tee "$OUT/standards_rss.txt"

echo "== queries: Tashil over HTTP and SQLite FTS5 in-process, same rows"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/standards_rss.txt"
cargo bench --quiet -p tashil --bench standards_search -- \
  --db "$DATA/tashil.db" --url "http://127.0.0.1:$PORT" --out "$OUT"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/standards_rss.txt"
echo "RSS after the query run: $(grep VmHWM /proc/"$SERVER"/status)" | tee -a "$OUT/standards_rss.txt"

run() { # name path: latency at 1 connection, then throughput at 16
  echo "-- $1: $2"
  wrk -t1 -c1 -d8s --latency "http://127.0.0.1:$PORT$2" > "$OUT/$1.c1.txt"
  wrk -t2 -c16 -d10s --latency "http://127.0.0.1:$PORT$2" > "$OUT/$1.c16.txt"
  printf '   c1:  p50 %s p99 %s %s req/s\n' "$(awk '/ 50%/{print $2}' "$OUT/$1.c1.txt")" "$(awk '/ 99%/{print $2}' "$OUT/$1.c1.txt")" "$(awk '/Requests\/sec/{print $2}' "$OUT/$1.c1.txt")"
  printf '   c16: p50 %s p99 %s %s req/s\n' "$(awk '/ 50%/{print $2}' "$OUT/$1.c16.txt")" "$(awk '/ 99%/{print $2}' "$OUT/$1.c16.txt")" "$(awk '/Requests\/sec/{print $2}' "$OUT/$1.c16.txt")"
}
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
echo "== wrk (20 results per page, the API's default)"
run std_healthz /healthz
run std_fa_no_zwnj "/api/v1/standards?q=$(enc 'سیمان پرتلند ویژگیها')"
run std_fa_broad "/api/v1/standards?q=$(enc 'روشهای آزمون')"
run std_vi_no_diacritics "/api/v1/standards?q=$(enc 'nuoc mam')"
run std_designation "/api/v1/standards?q=$(enc 'ISIRI 389')"
run std_browse_facet "/api/v1/standards?body=INSO&mandatory=true"
echo "peak RSS under load: $(grep VmHWM /proc/"$SERVER"/status)" | tee -a "$OUT/standards_rss.txt"
