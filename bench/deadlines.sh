#!/usr/bin/env bash
# Deadline-firing lag (how late a deadline fires after its due time) with 10,000 deadlines pending, against
# the same measurement on an empty table, on embedded H2 and on PostgreSQL, with the timers fixture.
# See bench/README.md ("Deadlines").
#
#   bench/deadlines.sh            about 3 minutes on 2 cores
#
# Knobs (environment): BENCH_PENDING=10000 (deadlines waiting an hour ahead), BENCH_HOT=1000 (deadlines due
# over 10 s, measured), BENCH_BURST=10000 (deadlines due at one instant), BENCH_PG_URL, BENCH_PG_USER,
# BENCH_RESULTS (default bench/results), BENCH_KEEP=1, PACESETTER_DIST, BENCH_FIXTURES; any PACESETTER_*
# setting (e.g. PACESETTER_SCHEDULER_POLL_MS) passes through to the server.
set -euo pipefail

BENCH="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
ROOT="$(dirname "$BENCH")"
PENDING="${BENCH_PENDING:-10000}"
HOT="${BENCH_HOT:-1000}"
BURST="${BENCH_BURST:-10000}"
PG_URL="${BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432}"
PG_USER="${BENCH_PG_USER:-postgres}"
DIST_SRC="${PACESETTER_DIST:-$ROOT/distribution/target/pacesetter}"
FIXTURES_SRC="${BENCH_FIXTURES:-$ROOT/platform-core/target/it-fixtures}"
RESULTS="${BENCH_RESULTS:-$BENCH/results}"
DRIVER="$BENCH/tools/deadlines_driver.py"
PASSWORD="bench-admin-password"

progress() { printf '[deadlines %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'deadlines bench: %s\n' "$*" >&2; exit 1; }

[ -x "$DIST_SRC/bin/pacesetter" ] || die "no distribution at $DIST_SRC: run 'mvn -B -q verify -DskipTests' first"
[ -f "$FIXTURES_SRC/fixture-timers.jar" ] || die "no $FIXTURES_SRC/fixture-timers.jar: run 'mvn -B -q verify -DskipTests' first"
command -v python3 >/dev/null || die "python3 is needed"
command -v psql >/dev/null || die "psql is needed for the PostgreSQL run"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/pacesetter-deadlines.XXXXXX")"
PID=""; PG_DB=""
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill -TERM "$PID"; wait "$PID" 2>/dev/null || true; fi
  if [ -n "$PG_DB" ]; then psql -h 127.0.0.1 -U "$PG_USER" -d postgres -qc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 || true; fi
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "deadlines bench: scratch kept in $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
cp -r "$DIST_SRC" "$WORK/dist"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

OUT="$WORK/report.txt"
say() { echo "$*" | tee -a "$OUT"; }

run_on() { # slug label [VAR=value ...]
  local slug="$1" label="$2"; shift 2
  local home="$WORK/home-$slug" port; port="$(free_port)"
  rm -rf "$home"; mkdir -p "$home/deploy"
  cp "$FIXTURES_SRC/fixture-timers.jar" "$home/deploy/timers.jar"
  env PACESETTER_HOME="$home" PACESETTER_PORT="$port" PACESETTER_HOST=127.0.0.1 PACESETTER_ADMIN_PASSWORD="$PASSWORD" \
    PACESETTER_MODULES_ENABLED_BY_DEFAULT=all "$@" "$WORK/dist/bin/pacesetter" >"$WORK/$slug.log" 2>&1 &
  PID=$!
  for _ in $(seq 600); do curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break; sleep 0.1; done
  progress "$label: baseline ($HOT due over 10 s, empty table), then $PENDING pending + $HOT due, then a burst of $BURST"
  python3 "$DRIVER" "$port" "$PASSWORD" "$PENDING" "$HOT" "$BURST" >"$WORK/$slug.json"
  kill -TERM "$PID"; wait "$PID" 2>/dev/null || true; PID=""
  python3 - "$label" "$WORK/$slug.json" <<'PYEOF' | tee -a "$OUT"
import json, sys
label, rows = sys.argv[1], [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
by = {r["scenario"]: r for r in rows}
print(f"{label}:")
for r in rows:
    print(f"  {r['scenario']:<9} {r['count']:>6}/{r['scheduled']:<6} fired, {r['backlog']:>6} pending besides:"
          f"  lag p50 {r['lagMsP50']} ms  p99 {r['lagMsP99']} ms  max {r['lagMsMax']} ms  (scheduling took {r['scheduleMillis']} ms)")
b, l, u = by["baseline"], by["loaded"], by["burst"]
ratio = (l["lagMsP99"] or 0) / max(1, b["lagMsP99"] or 1)
print(f"  p99 lag with {l['backlog']} pending / without: {ratio:.2f}x")
print(f"  burst: {u['count']} deadlines due at one instant drained in {u['lagMsMax'] / 1000:.1f} s"
      f" ({u['count'] / max(0.001, u['lagMsMax'] / 1000):.0f} deadlines/s)")
print(f"  goal p99 lag <= 1 s at {l['backlog']} pending: {'MET' if (l['lagMsP99'] or 10**9) <= 1000 and l['count'] == l['scheduled'] else 'MISSED'}")
PYEOF
}

say "Pacesetter deadline lag $(date -u +%Y-%m-%dT%H:%M:%SZ)"
say "tree: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo n/a); machine: $(nproc) cores; $(java -version 2>&1 | head -1)"
say "handler: timers.ping (one INSERT in the firing transaction); scheduler poll ${PACESETTER_SCHEDULER_POLL_MS:-1000} ms, ${PACESETTER_SCHEDULER_THREADS:-4} threads"
say ""
progress "embedded H2"
run_on h2 "H2 (embedded file)"
PG_DB="pacesetter_deadlines_bench_$$"
psql -h 127.0.0.1 -U "$PG_USER" -d postgres -qc "CREATE DATABASE $PG_DB" >/dev/null
progress "PostgreSQL"
run_on postgres "PostgreSQL" PACESETTER_JDBC_URL="$PG_URL/$PG_DB" PACESETTER_JDBC_USER="$PG_USER"
mkdir -p "$RESULTS"
cp "$OUT" "$RESULTS/deadlines-latest.txt"
cp "$OUT" "$RESULTS/deadlines-$(date -u +%Y%m%dT%H%M%SZ).txt"
