#!/usr/bin/env bash
# Applications per second (issue 16: from creation through every step to issue via the API,
# target ≥ 1,000/s on SQLite, as a ratio to /healthz in the same run): the real server on demo
# data, N concurrent HTTP clients. Loopback only, bounded in time. Not run in CI.
# Usage: bench/applications.sh
#   BENCH_PROFILE=debug  a smoke run on a debug build: 500 units, 4 clients, 2 s per phase
#                        (figures meaningless; fails if any application does not reach issue)
#   BENCH_CLIENTS, BENCH_SECONDS, BENCH_UNITS as in crates/tashil/benches/applications.rs
#   BENCH_POSTGRES_URL   also run on this empty PostgreSQL database (it is written to)
#   BENCH_SQLITE=0       PostgreSQL only
# Writes bench/out/applications_<backend>.md; the figures go into docs/benchmarks.md by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${BENCH_OUT:-bench/out}"
PORT="${PORT:-18096}"
PROFILE="${BENCH_PROFILE:-release}"
mkdir -p "$OUT"
TARGET="${CARGO_TARGET_DIR:-target}"
if [ "$PROFILE" = release ]; then
  cargo build --release --quiet -p tashil
  cargo bench --quiet -p tashil --bench applications --no-run
  BIN="${TASHIL_BIN:-$TARGET/release/tashil}"
  DIR="$TARGET/release/deps"
else
  export BENCH_UNITS="${BENCH_UNITS:-500}" BENCH_CLIENTS="${BENCH_CLIENTS:-4}" BENCH_SECONDS="${BENCH_SECONDS:-2}"
  cargo build --quiet -p tashil --bin tashil --bench applications
  BIN="${TASHIL_BIN:-$TARGET/debug/tashil}"
  DIR="$TARGET/debug/deps"
fi
BENCH=$(ls -t "$DIR"/applications-* | grep -v '\.d$' | head -1)
DATA=$(mktemp -d)
SERVER=""
trap 'if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; fi; rm -rf "$DATA"' EXIT

one() { # backend [database-url]
  local name=$1 url=${2:-}
  local db=()
  if [ -n "$url" ]; then db=(--database-url "$url"); fi
  rm -rf "${DATA:?}"/*
  echo "== $name ($PROFILE, commit $(git rev-parse --short HEAD))" | tee "$OUT/applications_$name.md"
  "$BENCH" fill --data-dir "$DATA" "${db[@]}" | tee -a "$OUT/applications_$name.md"
  "$BIN" --data-dir "$DATA" "${db[@]}" serve --bind "127.0.0.1:$PORT" >"$OUT/applications_server_$name.log" 2>&1 &
  SERVER=$!
  # A debug server on a loaded host may take a minute to build its search index and listen.
  for _ in $(seq 1 600); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
  "$BENCH" run --data-dir "$DATA" "${db[@]}" --url "http://127.0.0.1:$PORT" | tee -a "$OUT/applications_$name.md"
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
}

if [ "${BENCH_SQLITE:-1}" != 0 ]; then one sqlite; fi
if [ -n "${BENCH_POSTGRES_URL:-}" ]; then one postgres "$BENCH_POSTGRES_URL"; fi
