#!/usr/bin/env bash
# kill -9 durability: the shipped product is killed with SIGKILL while three writers create leads, restarted on the
# same home and database, and every lead it ever acknowledged (201) is read back by id; at the end the event outbox is
# checked for lead.created events without their lead. On embedded H2 and on PostgreSQL. See bench/README.md
# ("Crash durability").
#
#   bench/crash.sh          200 kills per database (about 2 hours on 2 busy cores; 50 took 30 minutes)
#   bench/crash.sh 10       what CI runs after `mvn -B verify` (about 6-9 minutes on 2 cores)
#
# Knobs (environment): BENCH_KILLS (kills per database when no argument is given; default 200, at most 999),
# BENCH_DBS="h2 postgres", BENCH_PG_URL=jdbc:postgresql://127.0.0.1:5432 BENCH_PG_USER=postgres, BENCH_RESULTS (default
# bench/results), BENCH_KEEP=1 (keep the scratch folder, server logs and round records), BENCH_REOPEN_TIMEOUT=120
# (seconds a restart may take before it counts as a failure to reopen), BENCH_MIN_ACKED=30 (acknowledged writes in a
# round before the kill may come), BENCH_MAX_EXTRA_MS=500 (the kill comes a random 0..this many ms after that),
# BENCH_JAVA_OPTS (JAVA_OPTS of the server), PACESETTER_DIST.
set -euo pipefail

BENCH="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
ROOT="$(dirname "$BENCH")"
KILLS="${1:-${BENCH_KILLS:-200}}"
DBS="${BENCH_DBS:-h2 postgres}"
PG_URL="${BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432}"
PG_USER="${BENCH_PG_USER:-postgres}"
DIST_SRC="${PACESETTER_DIST:-$ROOT/distribution/target/pacesetter}"
RESULTS="${BENCH_RESULTS:-$BENCH/results}"
REOPEN_TIMEOUT="${BENCH_REOPEN_TIMEOUT:-120}"
DRIVER="$BENCH/tools/crash_driver.py"
STARTED="$(date +%s)"
PASSWORD="bench-admin-password"

progress() { printf '[crash %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'crash bench: %s\n' "$*" >&2; exit 1; }

# the round number is part of each lead's phone number (3 digits), which keeps phones distinct across rounds
[[ "$KILLS" =~ ^[0-9]+$ ]] && [ "$KILLS" -ge 1 ] && [ "$KILLS" -le 999 ] || die "kills per database must be 1-999, not '$KILLS'"
[ -x "$DIST_SRC/bin/pacesetter" ] || die "no distribution at $DIST_SRC: run 'mvn -B -q package -DskipTests' first"
command -v python3 >/dev/null || die "python3 is needed"
command -v java >/dev/null || die "java is needed"
command -v curl >/dev/null || die "curl is needed"
for db in $DBS; do
  case "$db" in
    h2) ;;
    postgres) command -v psql >/dev/null || die "psql is needed for the PostgreSQL run" ;;
    *) die "unknown database '$db' in BENCH_DBS (h2, postgres)" ;;
  esac
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/pacesetter-crash.XXXXXX")"
PID=""; PG_DB=""
cleanup() {
  local status=$?
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill -TERM "$PID"; wait "$PID" 2>/dev/null || true; fi
  if [ "$status" != 0 ] && [ "${BENCH_KEEP:-0}" != 1 ]; then
    # a failure is only worth something with the server's log: keep the logs (not the databases) beside the results
    local kept="$RESULTS/crash-failure-$(date -u +%Y%m%dT%H%M%SZ)"
    mkdir -p "$kept" && cp "$WORK"/*.log "$kept/" 2>/dev/null && echo "crash bench: server logs of the failed run kept in $kept" >&2
    grep -h -A 25 " ERROR " "$WORK"/*.log 2>/dev/null | tail -n 80 >&2 || true
  fi
  if [ -n "$PG_DB" ]; then psql -h 127.0.0.1 -U "$PG_USER" -d postgres -qc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 || true; fi
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "crash bench: scratch kept in $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# a copy, so that a rebuild of the tree during the run cannot disturb it
cp -r "$DIST_SRC" "$WORK/dist"
H2_JAR="$(ls "$WORK"/dist/lib/h2-*.jar)"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# Starts the server in the background on HOME/PORT with SETTINGS (array) and waits for health 200. bin/pacesetter
# execs java (and `env` execs it), so $! is the JVM itself: the SIGKILL goes to the process that holds the database,
# not to a wrapper script that would leave java running. Returns 1 (with the start's log tail in $WORK/tail.txt) when
# the JVM exits or is not healthy within TIMEOUT seconds.
start_kernel() { # timeout
  local timeout="$1" offset; offset="$(stat -c %s "$LOG" 2>/dev/null || echo 0)"
  # CDS off: a killed JVM never writes its class archive, so every start would try to record one again
  env PACESETTER_HOME="$HOME_DIR" PACESETTER_PORT="$PORT" PACESETTER_HOST=127.0.0.1 PACESETTER_ADMIN_PASSWORD="$PASSWORD" \
    PACESETTER_MODULES_ENABLED_BY_DEFAULT=all PACESETTER_CDS=off JAVA_OPTS="${BENCH_JAVA_OPTS:-}" "${SETTINGS[@]}" \
    "$WORK/dist/bin/pacesetter" >>"$LOG" 2>&1 &
  PID=$!
  local deadline=$((SECONDS + timeout)) code
  while :; do
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$PORT/api/v1/health" || true)"
    [ "$code" = 200 ] && break
    if ! kill -0 "$PID" 2>/dev/null || [ "$SECONDS" -ge "$deadline" ]; then
      { kill -0 "$PID" 2>/dev/null && echo "(not healthy within $timeout s; last health answer: $code)" \
          || echo "(the JVM exited before it was healthy)"; tail -c +"$((offset + 1))" "$LOG" | tail -n 40; } >"$WORK/tail.txt"
      return 1
    fi
    sleep 0.1   # polling health: the server offers nothing to wait on
  done
  [ "$(cat "/proc/$PID/comm" 2>/dev/null)" = java ] || die "process $PID is $(cat "/proc/$PID/comm" 2>/dev/null), not the JVM: bin/pacesetter must exec java"
}

# SIGTERM, so that the kernel closes the embedded database (its files) before the outbox is queried from outside
stop_kernel() {
  local status=0
  kill -TERM "$PID"; wait "$PID" || status=$?; PID=""
  [ "$status" = 143 ] || progress "$LABEL: the server exited with $status after SIGTERM (expected 143)"
}

# Every leads/lead.created event must name a lead that exists (an event is written in its change's transaction).
# Joined through the lead's primary key so that H2, which has no hash join, does not compare every pair.
CHECK_SQL="SELECT
 (SELECT COUNT(*) FROM platform_event WHERE topic = 'leads/lead.created') AS events,
 (SELECT COUNT(DISTINCT aggregate_id) FROM platform_event WHERE topic = 'leads/lead.created') AS ids,
 (SELECT COUNT(*) FROM platform_event e JOIN leads_lead l ON l.id = CAST(e.aggregate_id AS BIGINT) WHERE e.topic = 'leads/lead.created') AS joined,
 (SELECT COUNT(DISTINCT l.id) FROM platform_event e JOIN leads_lead l ON l.id = CAST(e.aggregate_id AS BIGINT) WHERE e.topic = 'leads/lead.created') AS covered,
 (SELECT COUNT(*) FROM leads_lead) AS leads"
write_db_check() { # events distinct-ids events-with-lead leads-with-event leads  -> $STATE/db.json
  python3 -c 'import json, sys
events, ids, joined, covered, leads = map(int, sys.argv[1:6])
json.dump({"createdEvents": events, "orphanEvents": events - joined, "duplicateEvents": events - ids, "leads": leads,
           "leadsWithoutEvent": leads - covered}, open(sys.argv[6], "w"))' "$@" "$STATE/db.json"
}
check_h2() {
  # the kernel's own URL and settings (PooledDataSource.embeddedUrl, EMBEDDED_SETTINGS), no user, with H2's shell from lib/
  java -cp "$H2_JAR" org.h2.tools.Shell -url "jdbc:h2:file:$HOME_DIR/data/db/pacesetter;LOCK_TIMEOUT=20000;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE" \
    -user "" -password "" -sql "$CHECK_SQL" >"$WORK/h2-check.txt" 2>&1 || { cat "$WORK/h2-check.txt" >&2; return 1; }
  # the shell prints the column names, the values separated by " | ", then "(1 row, N ms)"
  # shellcheck disable=SC2046
  write_db_check $(grep -E '^[0-9]' "$WORK/h2-check.txt" | tr -d '|')
}
check_postgres() {
  # shellcheck disable=SC2046
  write_db_check $(psql -h 127.0.0.1 -U "$PG_USER" -d "$PG_DB" -At -F ' ' -c "$CHECK_SQL")
}

run_on() { # db label
  local db="$1" round started=$SECONDS status acked killed_at healthy_at
  LABEL="$2"; STATE="$WORK/$db"; HOME_DIR="$WORK/home-$db"; LOG="$WORK/$db.log"; PORT="$(free_port)"
  mkdir -p "$STATE" "$HOME_DIR"
  SETTINGS=()
  if [ "$db" = postgres ]; then
    PG_DB="pacesetter_crash_bench_$$"
    psql -h 127.0.0.1 -U "$PG_USER" -d postgres -qc "CREATE DATABASE $PG_DB" >/dev/null
    SETTINGS=(PACESETTER_JDBC_URL="$PG_URL/$PG_DB" PACESETTER_JDBC_USER="$PG_USER")
  fi
  # the first start also migrates the fresh database: it gets 300 s whatever BENCH_REOPEN_TIMEOUT says
  start_kernel 300 || { cat "$WORK/tail.txt" >&2; die "$LABEL: the server did not start"; }
  for round in $(seq 1 "$KILLS"); do
    # the driver's writers go until it has sent the SIGKILL; it records what was acknowledged
    # (bash announces a job that died of a signal with "Killed" and its whole command line: the shell's stderr goes
    # nowhere for these two commands, the driver's goes through fd 3, and the exit status is checked instead)
    { python3 "$DRIVER" write "$PORT" "$PASSWORD" "$PID" "$STATE" "$round" >/dev/null 2>&3
      status=0; wait "$PID" || status=$?; } 3>&2 2>/dev/null
    PID=""
    [ "$status" = 137 ] || die "$LABEL round $round: the JVM ended with status $status, not by SIGKILL (137)"
    if ! start_kernel "$REOPEN_TIMEOUT"; then
      python3 "$DRIVER" reopen-failed "$STATE" "$round" "$WORK/tail.txt"
      progress "$LABEL round $round/$KILLS: REOPEN FAILED"; cat "$WORK/tail.txt" >&2
      if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill -KILL "$PID"; wait "$PID" 2>/dev/null || true; fi
      PID=""
      break
    fi
    healthy_at="$(date +%s.%N)"
    line="$(python3 "$DRIVER" verify "$PORT" "$PASSWORD" "$STATE" "$round" "$healthy_at")"
    progress "$LABEL round $round/$KILLS: $line"
  done
  if [ -n "$PID" ]; then stop_kernel; fi
  progress "$LABEL: checking the event outbox"
  "check_$db" || progress "$LABEL: the outbox could not be queried"
  if [ "$db" = postgres ]; then
    psql -h 127.0.0.1 -U "$PG_USER" -d postgres -qc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null; PG_DB=""
  fi
  echo "$((SECONDS - started))" >"$STATE/seconds"
  progress "$LABEL: done in $((SECONDS - started)) s"
  SPECS+=("$LABEL=$STATE=$STATE/db.json")
}

OUT="$WORK/report.txt"
say() { echo "$*" | tee -a "$OUT"; }
say "Pacesetter crash durability (kill -9) $(date -u +%Y-%m-%dT%H:%M:%SZ)"
say "tree: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo n/a); machine: $(nproc) cores; $(java -version 2>&1 | head -1)"
say "per database: $KILLS kills with SIGKILL, 3 writers creating leads (POST /api/v1/leads) until each kill, which comes a"
say "random 0-${BENCH_MAX_EXTRA_MS:-500} ms after ${BENCH_MIN_ACKED:-30} acknowledged writes of the round; after each restart every lead acknowledged so far is read back"
say ""
SPECS=()
for db in $DBS; do
  case "$db" in
    h2) run_on h2 "H2 (embedded file)" ;;
    postgres) run_on postgres "PostgreSQL" ;;
  esac
done
status=0
BENCH_STARTED="$STARTED" python3 "$DRIVER" report "$OUT" "${SPECS[@]}" || status=$?
mkdir -p "$RESULTS"
cp "$OUT" "$RESULTS/crash-latest.txt"
cp "$OUT" "$RESULTS/crash-$(date -u +%Y%m%dT%H%M%SZ).txt"
exit "$status"
