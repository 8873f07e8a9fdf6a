#!/usr/bin/env bash
# Makes the upgrade fixtures of a release: its demo, small, on SQLite and on PostgreSQL, as the
# suite's `upgrade` test starts from them (tests/it/upgrade.rs).
#
# Usage: testdata/upgrade/make.sh TAG [PG_URL]
#   TAG      a release tag or commit of this repository (v0.1 is 8b2d95f, wave 1)
#   PG_URL   server for the PostgreSQL fixture (default postgres://postgres@127.0.0.1:5432)
#   TASHIL_BIN=path  TAG's binary, already built (otherwise built here)
# Writes testdata/upgrade/TAG/tashil.db and testdata/upgrade/TAG/postgres.sql. Builds TAG in a
# worktree of its own under $TMPDIR (a debug build, a few minutes).
set -euo pipefail
cd "$(dirname "$0")/../.."
TAG="$1"
PG_URL="${2:-postgres://postgres@127.0.0.1:5432}"
OUT="testdata/upgrade/$TAG"
WORK=$(mktemp -d)
trap 'git worktree remove --force "$WORK/src" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
BIN="${TASHIL_BIN:-}"
if [ -z "$BIN" ]; then
  git worktree add --detach "$WORK/src" "$TAG" >/dev/null
  (cd "$WORK/src" && CARGO_TARGET_DIR="$WORK/target" cargo build -q -p tashil)
  BIN="$WORK/target/debug/tashil"
fi
mkdir -p "$OUT"
# Small but whole: every context's demo data, a few hundred units.
DEMO=(demo --units 300 --standards 60)

"$BIN" --data-dir "$WORK/sqlite" "${DEMO[@]}" >/dev/null
sqlite3 "$WORK/sqlite/tashil.db" "PRAGMA wal_checkpoint(TRUNCATE); VACUUM;" >/dev/null
cp "$WORK/sqlite/tashil.db" "$OUT/tashil.db"

DB="tashil_fixture_$$"
psql "$PG_URL/postgres" -qc "CREATE DATABASE $DB" >/dev/null
trap 'psql "$PG_URL/postgres" -qc "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true; git worktree remove --force "$WORK/src" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
"$BIN" --data-dir "$WORK/pg" --database-url "$PG_URL/$DB" "${DEMO[@]}" >/dev/null
# Plain INSERTs the test can run through one connection; psql's own commands (\restrict) left
# out.
pg_dump --inserts --rows-per-insert=200 --no-owner --no-privileges --no-comments "$PG_URL/$DB" \
  | grep -v '^\\' > "$OUT/postgres.sql"
ls -l "$OUT"
