#!/usr/bin/env bash
# Verification at national scale (issue 18): the public check URL (`/v/{code}.json`) of a
# million licences' credentials in answers per second with many clients, beside /healthz in
# the same run (target: a ratio of at least 0.5), and verifications per second on one core in
# each proof form against raw Ed25519. SQLite, and PostgreSQL when BENCH_POSTGRES_URL is set.
# Loopback only, bounded in time. Not run in CI.
# Usage: bench/verification.sh [LICENCES]   (default 1000000)
#   BENCH_PROFILE=debug  a smoke run on a debug build (figures meaningless, checks the path)
#   BENCH_POSTGRES_URL   an empty PostgreSQL database to fill (it is written to)
#   BENCH_SQLITE=0       PostgreSQL only
#   BENCH_CLIENTS, BENCH_SECONDS, BENCH_CODES, BENCH_UNITS as in crates/tashil/benches/verification.rs
#   TASHIL_BIN           a tashil binary already built (with its bench beside it in the same target)
# Writes bench/out/verification_<backend>.md; the figures go into docs/benchmarks.md by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
LICENCES="${1:-1000000}"
OUT="${BENCH_OUT:-bench/out}"
PORT="${PORT:-18096}"
PROFILE="${BENCH_PROFILE:-release}"
mkdir -p "$OUT"
TARGET="${CARGO_TARGET_DIR:-target}"
if [ "$PROFILE" = release ]; then
  cargo build --release --quiet -p tashil
  cargo bench --quiet -p tashil --bench verification --no-run
  BIN="${TASHIL_BIN:-$TARGET/release/tashil}"
  DIR="$TARGET/release/deps"
else
  cargo build --quiet -p tashil --bin tashil --bench verification
  BIN="${TASHIL_BIN:-$TARGET/debug/tashil}"
  DIR="$TARGET/debug/deps"
fi
BENCH=$(ls -t "$DIR"/verification-* | grep -v '\.d$' | head -1)
DATA=$(mktemp -d)
SERVER=""
trap 'if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; fi; rm -rf "$DATA"' EXIT
# The server signs a credential at its first request; the bench's key is the public demo one.
export TASHIL_CREDENTIAL_KEY="${TASHIL_CREDENTIAL_KEY:-$(printf 'tashil bench key, public' | sha256sum | cut -d' ' -f1)}"

one() { # backend [database-url]
  local name=$1 url=${2:-}
  local db=()
  if [ -n "$url" ]; then db=(--database-url "$url"); fi
  rm -rf "${DATA:?}"/*
  echo "== $name: fill $LICENCES licences" | tee "$OUT/verification_$name.md"
  "$BENCH" fill --data-dir "$DATA" "${db[@]}" --licences "$LICENCES" | tee -a "$OUT/verification_$name.md"
  "$BIN" --data-dir "$DATA" "${db[@]}" serve --bind "127.0.0.1:$PORT" >"$OUT/verification_server_$name.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 600); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
  "$BENCH" measure --data-dir "$DATA" "${db[@]}" --url "http://127.0.0.1:$PORT" | tee -a "$OUT/verification_$name.md"
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
}

if [ "${BENCH_SQLITE:-1}" != 0 ]; then one sqlite; fi
if [ -n "${BENCH_POSTGRES_URL:-}" ]; then one postgres "$BENCH_POSTGRES_URL"; fi
