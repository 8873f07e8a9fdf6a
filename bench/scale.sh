#!/usr/bin/env bash
# The registry at national scale: name search, the plain list, the national staff's search and
# the public provincial profile at several sizes, on SQLite and PostgreSQL, each beside
# /healthz in the same run. One connection, loopback only, bounded in time.
#
# Usage: bench/scale.sh [SIZE...]            (default: 4000 100000 1000000)
#   BACKENDS="sqlite postgres"                which backends (default both)
#   TASHIL_BIN=path                           reuse a binary (default: cargo build --release)
#   PG_URL=postgres://postgres@127.0.0.1:5432 server for the PostgreSQL runs (a database
#                                             tashil_scale_SIZE is made there and dropped)
#   DATA_ROOT=dir                             keep the generated data there and reuse it on
#                                             the next run (default: a temporary folder,
#                                             removed at the end, with its databases)
#   SECONDS_PER=8                             time per request kind
#   LABEL=after                               first column of the results (which build)
# Needs wrk (apt-get install -y wrk). Raw output in bench/out/scale/; one line per figure in
# bench/out/scale/results.tsv (label, backend, units, request, requests, p50, p95, p99, max in ms,
# non-2xx answers, p95 and p99 as multiples of /healthz's). The figures go into docs/benchmarks.md by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(4000 100000 1000000)
BACKENDS="${BACKENDS:-sqlite postgres}"
PG_URL="${PG_URL:-postgres://postgres@127.0.0.1:5432}"
SECONDS_PER="${SECONDS_PER:-8}"
LABEL="${LABEL:-$(git rev-parse --short HEAD 2>/dev/null || echo build)}"
OUT=bench/out/scale
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

if [ -z "${TASHIL_BIN:-}" ]; then cargo build --release --quiet -p tashil; fi
BIN="${TASHIL_BIN:-${CARGO_TARGET_DIR:-target}/release/tashil}"
KEEP=1
if [ -z "${DATA_ROOT:-}" ]; then DATA_ROOT=$(mktemp -d); KEEP=0; fi
SERVER=""
made_dbs=()
cleanup() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true
  if [ "$KEEP" = 0 ]; then
    for db in "${made_dbs[@]}"; do psql "$PG_URL/postgres" -qc "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true; done
    rm -rf "$DATA_ROOT"
  fi
}
trap cleanup EXIT

LUA="$OUT/percentiles.lua"
cat > "$LUA" <<'EOF'
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %.3f %.3f %.3f %.3f %d\n", summary.requests,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.errors.status))
end
EOF
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
RESULTS="$OUT/results.tsv"
[ -f "$RESULTS" ] || printf 'label\tbackend\tunits\trequest\trequests\tp50\tp95\tp99\tmax\tnon2xx\tp95/healthz\tp99/healthz\n' > "$RESULTS"

for backend in $BACKENDS; do
  for size in "${SIZES[@]}"; do
    dir="$DATA_ROOT/$backend-$size"
    db_url=""
    if [ "$backend" = postgres ]; then
      db="tashil_scale_$size"
      db_url="$PG_URL/$db"
    fi
    at=(--data-dir "$dir")
    [ -z "$db_url" ] || at+=(--database-url "$db_url")
    if [ ! -f "$dir/generated" ]; then
      mkdir -p "$dir"
      if [ -n "$db_url" ]; then
        psql "$PG_URL/postgres" -qc "DROP DATABASE IF EXISTS $db" >/dev/null
        psql "$PG_URL/postgres" -qc "CREATE DATABASE $db" >/dev/null
        made_dbs+=("$db")
      fi
      echo "== $backend: demo data, $size units"
      /usr/bin/time -f "demo $backend $size: %e s, max RSS %M KB" -a -o "$OUT/demo.txt" \
        "$BIN" "${at[@]}" demo --units "$size" >/dev/null 2>&1
      tail -1 "$OUT/demo.txt"
      touch "$dir/generated"
    elif [ -n "$db_url" ] && [ "$KEEP" = 0 ]; then
      made_dbs+=("$db")
    fi
    # Data made by an older build is brought to this build's schema first (timed).
    /usr/bin/time -f "migrate $LABEL $backend $size: %e s" -a -o "$OUT/migrate.txt" \
      "$BIN" "${at[@]}" migrate >/dev/null 2>&1
    if [ -n "$db_url" ]; then
      # What autovacuum does on a production server (the statistics the planner needs, the
      # visibility map index-only scans need); this one may run with it turned off.
      psql "$db_url" -qc "VACUUM ANALYZE" >/dev/null
      psql "$db_url" -Atc "SELECT pg_size_pretty(pg_database_size(current_database()))" | awk -v s="$size" '{print "postgres database at " s " units: " $0}'
    else
      du -sh "$dir/tashil.db" | awk -v s="$size" '{print "sqlite file at " s " units: " $1}'
    fi
    officer=$("$BIN" "${at[@]}" token create --email qazvin@demo.tashil.ir --name bench 2>/dev/null)
    national=$("$BIN" "${at[@]}" token create --email admin@demo.tashil.ir --name bench 2>/dev/null)

    PORT=18090
    "$BIN" "${at[@]}" serve --bind 127.0.0.1:$PORT >"$OUT/server-$backend-$size.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 600); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
    sleep 1

    h95="" h99=""
    measure() { # name token path
      local name=$1 token=$2 path=$3 url="http://127.0.0.1:$PORT$3" args=()
      [ -n "$token" ] && args=(-H "Authorization: Bearer $token")
      # Warm for a second: the first requests read cold pages, and each of the pool's
      # connections prepares its statements once (on PostgreSQL that showed as a p99 of
      # 45-75 ms in a 5 s run whose p50 was 3-10 ms).
      wrk -t1 -c1 -d1s --timeout 60s "${args[@]}" "$url" >/dev/null
      wrk -t1 -c1 -d"${SECONDS_PER}s" --timeout 60s -s "$LUA" "${args[@]}" "$url" > "$OUT/$backend-$size-$name.txt"
      read -r _ n p50 p95 p99 max bad < <(grep '^RESULT' "$OUT/$backend-$size-$name.txt")
      [ "$name" = healthz ] && h95=$p95 h99=$p99
      ratios=$(python3 -c "print(f'{$p95 / $h95:.0f}\t{$p99 / $h99:.0f}')")
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$LABEL" "$backend" "$size" "$name" "$n" "$p50" "$p95" "$p99" "$max" "$bad" "$ratios" | tee -a "$RESULTS"
    }
    measure healthz "" /healthz
    measure search_siman "$officer" "/api/v1/units?q=$(enc 'سیمان')"
    measure search_labaniat_damavand "$officer" "/api/v1/units?q=$(enc 'لبنیات دماوند')"
    measure search_sherkat "$officer" "/api/v1/units?q=$(enc 'شرکت')"
    measure list "$officer" "/api/v1/units"
    measure list_page_20 "$officer" "/api/v1/units?page=20"
    measure national_siman "$national" "/api/v1/units?q=$(enc 'سیمان')"
    measure national_list "$national" "/api/v1/units"
    measure profile "" "/api/v1/provinces/IR-26/profile"
    measure provinces "" "/provinces"
    kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
  done
done
