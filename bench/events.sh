#!/usr/bin/env bash
# Event throughput through the transactional outbox to a no-op subscriber, on embedded H2 and on
# PostgreSQL, with the evbench fixture. See bench/README.md ("Events").
#
#   bench/events.sh               about 2 minutes on 2 cores
#
# Knobs (environment): BENCH_EVENTS=50000 (events per measured run), BENCH_EVENTS_SINGLE=5000 (events
# published one per transaction), BENCH_PG_URL=jdbc:postgresql://127.0.0.1:5432 BENCH_PG_USER=postgres,
# BENCH_RESULTS (default bench/results), BENCH_KEEP=1 (keep the scratch folder and server logs), PACESETTER_DIST, BENCH_FIXTURES.
set -euo pipefail

BENCH="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
ROOT="$(dirname "$BENCH")"
EVENTS="${BENCH_EVENTS:-50000}"
SINGLE="${BENCH_EVENTS_SINGLE:-5000}"
PG_URL="${BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432}"
PG_USER="${BENCH_PG_USER:-postgres}"
DIST_SRC="${PACESETTER_DIST:-$ROOT/distribution/target/pacesetter}"
FIXTURES_SRC="${BENCH_FIXTURES:-$ROOT/platform-core/target/it-fixtures}"
RESULTS="${BENCH_RESULTS:-$BENCH/results}"
DRIVER="$BENCH/tools/events_driver.py"
PASSWORD="bench-admin-password"

progress() { printf '[events %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'events bench: %s\n' "$*" >&2; exit 1; }

[ -x "$DIST_SRC/bin/pacesetter" ] || die "no distribution at $DIST_SRC: run 'mvn -B -q install -DskipTests' first"
[ -f "$FIXTURES_SRC/fixture-evbench.jar" ] || die "no $FIXTURES_SRC/fixture-evbench.jar: run 'mvn -B -q install -DskipTests' first"
command -v python3 >/dev/null || die "python3 is needed"
command -v psql >/dev/null || die "psql is needed for the PostgreSQL run"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/pacesetter-events.XXXXXX")"
PID=""; PG_DB=""
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill -TERM "$PID"; wait "$PID" 2>/dev/null || true; fi
  if [ -n "$PG_DB" ]; then psql -h 127.0.0.1 -U "$PG_USER" -d postgres -qc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 || true; fi
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "events bench: scratch kept in $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
cp -r "$DIST_SRC" "$WORK/dist"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

run_on() { # slug label [VAR=value ...]
  local slug="$1" label="$2"; shift 2
  local home="$WORK/home-$slug" port; port="$(free_port)"
  rm -rf "$home"; mkdir -p "$home/deploy"
  cp "$FIXTURES_SRC/fixture-evbench.jar" "$home/deploy/evbench.jar"
  env PACESETTER_HOME="$home" PACESETTER_PORT="$port" PACESETTER_HOST=127.0.0.1 PACESETTER_ADMIN_PASSWORD="$PASSWORD" \
    PACESETTER_MODULES_ENABLED_BY_DEFAULT=all "$@" "$WORK/dist/bin/pacesetter" >"$WORK/$slug.log" 2>&1 &
  PID=$!
  for _ in $(seq 600); do curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break; sleep 0.1; done
  progress "$label: warm-up (10,000 events)"
  python3 "$DRIVER" "$port" "$PASSWORD" 10000 1000 >/dev/null
  progress "$label: $EVENTS events, 1,000 per transaction"
  BATCHED="$(python3 "$DRIVER" "$port" "$PASSWORD" "$EVENTS" 1000)"
  progress "$label: $SINGLE events, one per transaction"
  ONE="$(python3 "$DRIVER" "$port" "$PASSWORD" "$SINGLE" 1)"
  kill -TERM "$PID"; wait "$PID" 2>/dev/null || true; PID=""
  report "$label" "$BATCHED" "$ONE"
}

OUT="$WORK/report.txt"
say() { echo "$*" | tee -a "$OUT"; }
report() { # label batched-json single-json
  python3 - "$@" <<'PYEOF' | tee -a "$OUT"
import json, sys
label, batched, single = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
def line(name, r):
    return (f"  {name:<36} publish {r['publishPerSecond']:>7} ev/s   end-to-end {r['endToEndPerSecond'] or 'n/a':>7} ev/s"
            f"   last event {r['tailMillis'] if r['tailMillis'] is not None else 'n/a':>5} ms after publishing ended")
print(f"{label}:")
print(line(f"{batched['count']} events, 1000 per transaction", batched))
print(line(f"{single['count']} events, 1 per transaction", single))
goal = batched['endToEndPerSecond'] or 0
if label.startswith("H2"):
    print(f"  goal >= 5,000 events/s through the outbox on H2: {'MET' if goal >= 5000 else 'MISSED'}")
PYEOF
}

say "Pacesetter event throughput $(date -u +%Y-%m-%dT%H:%M:%SZ)"
say "tree: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo n/a); machine: $(nproc) cores; $(java -version 2>&1 | head -1)"
say "subscriber: evbench.noop (counts in memory); events ~60 bytes of JSON each; default poll 50 ms"
say ""
progress "embedded H2"
run_on h2 "H2 (embedded file)"
# the same H2 as before commits were made durable (WRITE_DELAY 500 ms: acknowledged writes lost on a crash), for the cost
progress "embedded H2 with H2's default write delay"
run_on h2-delayed "H2 (write delay 500 ms, not crash-safe; comparison only)" \
  PACESETTER_JDBC_URL="jdbc:h2:file:$WORK/home-h2-delayed/data/db/pacesetter;LOCK_TIMEOUT=20000;DB_CLOSE_ON_EXIT=FALSE"
PG_DB="pacesetter_events_bench_$$"
psql -h 127.0.0.1 -U "$PG_USER" -d postgres -qc "CREATE DATABASE $PG_DB" >/dev/null
progress "PostgreSQL"
run_on postgres "PostgreSQL" PACESETTER_JDBC_URL="$PG_URL/$PG_DB" PACESETTER_JDBC_USER="$PG_USER"
mkdir -p "$RESULTS"
cp "$OUT" "$RESULTS/events-latest.txt"
cp "$OUT" "$RESULTS/events-$(date -u +%Y%m%dT%H%M%SZ).txt"
