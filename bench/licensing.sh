#!/usr/bin/env bash
# The public register of licences at scale (issue 16: search p95 ≤ 20 ms at 1M licences), with
# /healthz beside it, on SQLite and, when BENCH_POSTGRES_URL is set, on PostgreSQL. Loopback
# only, bounded in requests. Not run in CI.
# Usage: bench/licensing.sh [LICENCES]   (default 1000000)
#   BENCH_PROFILE=debug  a smoke run on a debug build (figures meaningless, checks the path)
#   BENCH_POSTGRES_URL   an empty PostgreSQL database to fill (it is written to)
#   BENCH_SQLITE=0       PostgreSQL only
#   BENCH_RUNS, BENCH_UNITS as in crates/tashil/benches/licence_register.rs
# Disk: about 1.5 KB per licence on SQLite (rows, words and their two indexes); check first.
# Writes bench/out/licensing_<backend>.md; the figures go into docs/benchmarks.md by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
LICENCES="${1:-1000000}"
OUT="${BENCH_OUT:-bench/out}"
PORT="${PORT:-18095}"
PROFILE="${BENCH_PROFILE:-release}"
mkdir -p "$OUT"
TARGET="${CARGO_TARGET_DIR:-target}"
if [ "$PROFILE" = release ]; then
  cargo build --release --quiet -p tashil
  cargo bench --quiet -p tashil --bench licence_register --no-run
  BIN="${TASHIL_BIN:-$TARGET/release/tashil}"
  DIR="$TARGET/release/deps"
else
  cargo build --quiet -p tashil --bin tashil --bench licence_register
  BIN="${TASHIL_BIN:-$TARGET/debug/tashil}"
  DIR="$TARGET/debug/deps"
fi
BENCH=$(ls -t "$DIR"/licence_register-* | grep -v '\.d$' | head -1)
DATA=$(mktemp -d)
SERVER=""
trap 'if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; fi; rm -rf "$DATA"' EXIT

one() { # backend [database-url]
  local name=$1 url=${2:-}
  local db=()
  if [ -n "$url" ]; then db=(--database-url "$url"); fi
  rm -rf "${DATA:?}"/*
  echo "== $name: fill $LICENCES licences" | tee "$OUT/licensing_$name.md"
  "$BENCH" fill --data-dir "$DATA" "${db[@]}" --licences "$LICENCES" | tee -a "$OUT/licensing_$name.md"
  if [ -z "$url" ]; then
    echo "database: $(du -cb "$DATA"/tashil.db* | tail -1 | cut -f1) bytes" | tee -a "$OUT/licensing_$name.md"
  fi
  "$BIN" --data-dir "$DATA" "${db[@]}" serve --bind "127.0.0.1:$PORT" >"$OUT/licensing_server_$name.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/licensing_$name.md"
  "$BENCH" measure --data-dir "$DATA" "${db[@]}" --url "http://127.0.0.1:$PORT" | tee -a "$OUT/licensing_$name.md"
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
}

if [ "${BENCH_SQLITE:-1}" != 0 ]; then one sqlite; fi
if [ -n "${BENCH_POSTGRES_URL:-}" ]; then one postgres "$BENCH_POSTGRES_URL"; fi
