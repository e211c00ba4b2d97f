#!/usr/bin/env bash
# How much database work one idle node does: transactions per second against PostgreSQL while nobody calls the API.
#
#   bench/idle.sh                  one run with the shipped plugins (about a minute)
#
# Knobs (environment):
#   BENCH_IDLE_SECONDS=30          the measured window, after health is UP and BENCH_IDLE_SETTLE more seconds
#   BENCH_IDLE_SETTLE=10           start-up work (first migrations, module records) left out of the window
#   BENCH_PG_URL=jdbc:postgresql://127.0.0.1:5432  BENCH_PG_USER=postgres
#   PACESETTER_DIST                distribution folder (default: distribution/target/pacesetter)
#
# It counts the database's committed and rolled-back transactions (pg_stat_database) over the window; every poll of
# every worker (event sequencer and subscribers, webhooks, mail, scheduler) is at least one. PostgreSQL publishes a
# backend's counts up to ~10 s late, so the window should be long (the lag at its two ends mostly cancels). The API is
# not called during the window.
set -euo pipefail

BENCH="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
ROOT="$(dirname "$BENCH")"
SECONDS_WINDOW="${BENCH_IDLE_SECONDS:-30}"
SETTLE="${BENCH_IDLE_SETTLE:-10}"
PG_URL="${BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432}"
PG_USER="${BENCH_PG_USER:-postgres}"
DIST_SRC="${PACESETTER_DIST:-$ROOT/distribution/target/pacesetter}"

progress() { printf '[idle %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'idle bench: %s\n' "$*" >&2; exit 1; }

[ -x "$DIST_SRC/bin/pacesetter" ] || die "no distribution at $DIST_SRC: run 'mvn -B -q install -DskipTests' first"
command -v psql >/dev/null || die "psql is needed"
command -v python3 >/dev/null || die "python3 is needed"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/pacesetter-idle.XXXXXX")"
PID=""; PG_DB="pacesetter_idle_bench_$$"
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill -TERM "$PID"; wait "$PID" 2>/dev/null || true; fi
  psql -h 127.0.0.1 -U "$PG_USER" -d postgres -qc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
psql -h 127.0.0.1 -U "$PG_USER" -d postgres -qc "CREATE DATABASE $PG_DB" >/dev/null

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
mkdir -p "$WORK/home"
env PACESETTER_HOME="$WORK/home" PACESETTER_PORT="$port" PACESETTER_HOST=127.0.0.1 PACESETTER_ADMIN_PASSWORD="bench-admin-password" \
  PACESETTER_MODULES_ENABLED_BY_DEFAULT=all PACESETTER_JDBC_URL="$PG_URL/$PG_DB" PACESETTER_JDBC_USER="$PG_USER" \
  "$DIST_SRC/bin/pacesetter" >"$WORK/server.log" 2>&1 &
PID=$!
for _ in $(seq 600); do curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null || { tail -20 "$WORK/server.log" >&2; die "the server did not come up"; }
progress "UP; settling for $SETTLE s, then counting transactions for $SECONDS_WINDOW s"
sleep "$SETTLE"
count() { psql -h 127.0.0.1 -U "$PG_USER" -d postgres -Atc "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '$PG_DB'" | tail -1; }
before="$(count)"
sleep "$SECONDS_WINDOW"
after="$(count)"
subscribers="$(grep -c "Event subscriber '.*' of bundle" "$WORK/server.log" || true)"
python3 - "$before" "$after" "$SECONDS_WINDOW" "$subscribers" <<'PYEOF'
import sys
before, after, window, subscribers = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
# the two psql sessions that read the counters are transactions in another database: not counted
print(f"idle node on PostgreSQL, {subscribers} event subscribers: {after - before} transactions in {window} s = {(after - before) / window:.1f}/s")
PYEOF
