#!/usr/bin/env bash
# Pipeline board latency at 1,000,000 opportunities and 10,000,000 activities on PostgreSQL: the naive GROUP BY
# over the opportunities against the board's running totals, and the board over HTTP, in one run.
# See bench/README.md ("Pipeline board").
#
#   bench/board.sh                about 5 minutes on 2 cores (most of it filling the database)
#
# Knobs (environment): BENCH_OPPORTUNITIES=1000000, BENCH_ACTIVITIES=10000000, BENCH_ROUNDS=300, BENCH_PG_URL, BENCH_PG_USER,
# BENCH_RESULTS (default bench/results), BENCH_KEEP=1, PACESETTER_DIST.
set -euo pipefail

BENCH="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
ROOT="$(dirname "$BENCH")"
OPPORTUNITIES="${BENCH_OPPORTUNITIES:-1000000}"
ACTIVITIES="${BENCH_ACTIVITIES:-10000000}"
ROUNDS="${BENCH_ROUNDS:-300}"
PG_URL="${BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432}"
PG_USER="${BENCH_PG_USER:-postgres}"
DIST_SRC="${PACESETTER_DIST:-$ROOT/distribution/target/pacesetter}"
RESULTS="${BENCH_RESULTS:-$BENCH/results}"
PASSWORD="bench-admin-password"

progress() { printf '[board %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'board bench: %s\n' "$*" >&2; exit 1; }

[ -x "$DIST_SRC/bin/pacesetter" ] || die "no distribution at $DIST_SRC: run 'mvn -B -q verify -DskipTests' first"
ls "$DIST_SRC"/bundles/plugin-pipeline-*.jar >/dev/null 2>&1 || die "the distribution has no pipeline plugin"
command -v psql >/dev/null || die "psql is needed"
PG_JAR="$(ls "$DIST_SRC"/lib/postgresql-*.jar | head -1)"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/pacesetter-board.XXXXXX")"
PID=""; PG_DB="pacesetter_board_bench_$$"
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill -TERM "$PID"; wait "$PID" 2>/dev/null || true; fi
  psql -h 127.0.0.1 -U "$PG_USER" -d postgres -qc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 || true
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "board bench: scratch kept in $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
cp -r "$DIST_SRC" "$WORK/dist"
psql -h 127.0.0.1 -U "$PG_USER" -d postgres -qc "CREATE DATABASE $PG_DB" >/dev/null
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
env PACESETTER_HOME="$WORK/home" PACESETTER_PORT="$PORT" PACESETTER_HOST=127.0.0.1 PACESETTER_ADMIN_PASSWORD="$PASSWORD" \
  PACESETTER_MODULES_ENABLED_BY_DEFAULT=all PACESETTER_JDBC_URL="$PG_URL/$PG_DB" PACESETTER_JDBC_USER="$PG_USER" \
  "$WORK/dist/bin/pacesetter" >"$WORK/server.log" 2>&1 &
PID=$!
for _ in $(seq 600); do curl -fs "http://127.0.0.1:$PORT/api/v1/health" >/dev/null 2>&1 && break; sleep 0.1; done
progress "organisation over REST, then $OPPORTUNITIES opportunities and $ACTIVITIES activities, then $ROUNDS interleaved rounds"
RESULT="$(java -cp "$PG_JAR" "$BENCH/tools/BoardBench.java" "$PG_URL/$PG_DB" "$PG_USER" "http://127.0.0.1:$PORT" "$PASSWORD" \
  "$OPPORTUNITIES" "$ACTIVITIES" "$ROUNDS")"
OUT="$WORK/report.txt"
python3 - "$RESULT" <<'PYEOF' | tee "$OUT"
import json, sys
r = json.loads(sys.argv[1])
print(f"Pacesetter pipeline board on PostgreSQL: {r['opportunities']:,} opportunities, {r['activities']:,} activities, {r['rounds']} rounds each")
print(f"  naive GROUP BY over opportunities  p50 {r['naiveP50']:8.2f} ms   p95 {r['naiveP95']:8.2f} ms")
print(f"  board running totals (SQL)         p50 {r['boardP50']:8.2f} ms   p95 {r['boardP95']:8.2f} ms   ({r['naiveP95'] / max(r['boardP95'], 0.001):.0f}x faster at p95)")
print(f"  GET /api/v1/pipeline/board (HTTP)  p50 {r['httpP50']:8.2f} ms   p95 {r['httpP95']:8.2f} ms")
print(f"  goal p95 <= 50 ms: {'MET' if r['httpP95'] <= 50 else 'MISSED'} (over HTTP, as a team manager)")
PYEOF
mkdir -p "$RESULTS"
cp "$OUT" "$RESULTS/board-latest.txt"
cp "$OUT" "$RESULTS/board-$(date -u +%Y%m%dT%H%M%SZ).txt"
