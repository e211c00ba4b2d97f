#!/usr/bin/env bash
# Bulkheads: one module (leads) flooded with heavy requests (CSV exports of all its leads) while another module's
# route (GET /accounts, pipeline) and the platform's GET /health are timed, against the same probes on the idle
# server. With the default bulkheads, with bulkheads effectively off, and with smaller request limits. See
# bench/README.md ("Bulkheads").
#
#   bench/bulkhead.sh                         about 6 minutes on 2 cores (embedded H2)
#   BENCH_DBS="h2 postgres" bench/bulkhead.sh 10-15 minutes
#
# Knobs (environment): BENCH_DBS="h2" (h2, postgres), BENCH_LEADS=20000, BENCH_ACCOUNTS=20, BENCH_PROBES=300 (idle
# rounds), BENCH_CLIENTS="24 48", BENCH_FLOOD_SECONDS=15, BENCH_SWEEP="4 2" (other max.heavy.requests tried besides the
# default; "" skips), BENCH_OFF=1 (0 skips the bulkheads-off run), BENCH_JFR=1 (0 skips the profiled run; it profiles
# the first of BENCH_DBS),
# BENCH_HONOUR_RETRY_AFTER=1, BENCH_PG_URL, BENCH_PG_USER, BENCH_RESULTS (default bench/results), BENCH_KEEP=1,
# PACESETTER_DIST, BENCH_JAVA_OPTS (passed to the kernel).
set -euo pipefail

BENCH="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
ROOT="$(dirname "$BENCH")"
DBS="${BENCH_DBS:-h2}"
LEADS="${BENCH_LEADS:-20000}"
ACCOUNTS="${BENCH_ACCOUNTS:-20}"
PROBES="${BENCH_PROBES:-300}"
CLIENTS="${BENCH_CLIENTS:-24 48}"
FLOOD_SECONDS="${BENCH_FLOOD_SECONDS:-15}"
SWEEP="${BENCH_SWEEP-4 2}"
OFF="${BENCH_OFF:-1}"
JFR="${BENCH_JFR:-1}"
PG_URL="${BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432}"
PG_USER="${BENCH_PG_USER:-postgres}"
DIST_SRC="${PACESETTER_DIST:-$ROOT/distribution/target/pacesetter}"
RESULTS="${BENCH_RESULTS:-$BENCH/results}"
TOOLS="$BENCH/tools"
DRIVER="$TOOLS/bulkhead_driver.py"
PASSWORD="bench-admin-password"

progress() { printf '[bulkhead %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'bulkhead bench: %s\n' "$*" >&2; exit 1; }

[ -x "$DIST_SRC/bin/pacesetter" ] || die "no distribution at $DIST_SRC: run 'mvn -B -q package -DskipTests' first"
ls "$DIST_SRC"/bundles/plugin-leads-*.jar "$DIST_SRC"/bundles/plugin-pipeline-*.jar >/dev/null 2>&1 \
  || die "the distribution has no leads and pipeline plugins in bundles/: rebuild it"
command -v python3 >/dev/null || die "python3 is needed"
command -v curl >/dev/null || die "curl is needed"
case " $DBS " in *" postgres "*) command -v psql >/dev/null || die "psql is needed for the PostgreSQL run" ;; esac
if [ "$JFR" = 1 ] && ! command -v jfr >/dev/null; then progress "no jfr tool on the PATH: skipping the profile"; JFR=0; fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/pacesetter-bulkhead.XXXXXX")"
PID=""; PG_DB=""
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill -TERM "$PID"; wait "$PID" 2>/dev/null || true; fi
  if [ -n "$PG_DB" ]; then psql -h 127.0.0.1 -U "$PG_USER" -d postgres -qc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 || true; fi
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "bulkhead bench: scratch kept in $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
cp -r "$DIST_SRC" "$WORK/dist"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

OUT="$WORK/report.txt"
say() { echo "$*" | tee -a "$OUT"; }

start_kernel() { # log home [VAR=value ...]
  local log="$1" home="$2"; shift 2
  PORT="$(free_port)"
  # in the scratch folder, so that a JVM crash report (hs_err_pid*) stays out of the tree
  (cd "$WORK" && exec env PACESETTER_HOME="$home" PACESETTER_PORT="$PORT" PACESETTER_HOST=127.0.0.1 PACESETTER_ADMIN_PASSWORD="$PASSWORD" \
    PACESETTER_MODULES_ENABLED_BY_DEFAULT=all JAVA_OPTS="${BENCH_JAVA_OPTS:-}" "${DB_ENV[@]}" "$@" \
    "$WORK/dist/bin/pacesetter" >>"$WORK/$log.log" 2>&1) &
  PID=$!
  for _ in $(seq 900); do
    curl -fs "http://127.0.0.1:$PORT/api/v1/health" >/dev/null 2>&1 && return
    kill -0 "$PID" 2>/dev/null || die "the kernel exited (see $WORK/$log.log)"
    sleep 0.1
  done
  die "the kernel did not start (see $WORK/$log.log)"
}
stop_kernel() { kill -TERM "$PID"; wait "$PID" 2>/dev/null || true; PID=""; }

# one configuration: a fresh kernel process on the database already filled, warm-up, idle probes, then each flood
run_config() { # db slug label [VAR=value ...]
  local db="$1" slug="$2" label="$3"; shift 3
  local prefix="$WORK/$db-$slug"
  echo "$label" >"$prefix.label"
  progress "$db, $label: starting"
  start_kernel "$db" "$HOME_DIR" "$@"
  progress "$db, $label: warm-up (4 exporting clients for 5 s, then 100 probe rounds)"
  python3 "$DRIVER" "$PORT" "$PASSWORD" flood 4 5 >/dev/null
  python3 "$DRIVER" "$PORT" "$PASSWORD" idle 100 >/dev/null
  local c
  for c in $CLIENTS; do
    # the baseline right before each flood: the other work on a shared machine drifts within minutes
    progress "$db, $label: idle baseline ($PROBES sequential rounds of GET /accounts + GET /health)"
    python3 "$DRIVER" "$PORT" "$PASSWORD" idle "$PROBES" >"$prefix-idle-c$c.json"
    progress "$db, $label: flood of $c clients looping GET /leads/export for $FLOOD_SECONDS s, probes alongside"
    python3 "$DRIVER" "$PORT" "$PASSWORD" flood "$c" "$FLOOD_SECONDS" >"$prefix-c$c.json"
    sleep 2 # exports still streaming at the window's end finish before the next window
  done
  stop_kernel
}

say "Pacesetter bulkheads: one module flooded, another module's latency $(date -u +%Y-%m-%dT%H:%M:%SZ)"
say "tree: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo n/a); machine: $(nproc) cores; $(java -version 2>&1 | head -1)"
say "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); other java processes: $(($(pgrep -c -x java || true)))"
progress "generating $LEADS leads"
python3 "$TOOLS/leads_csv.py" "$LEADS" "$WORK/leads.csv" bench-rep1,bench-rep2,bench-rep3
CPU0="$(head -1 /proc/stat)"
START_S=$SECONDS

for db in $DBS; do
  HOME_DIR="$WORK/home-$db"; rm -rf "$HOME_DIR"; mkdir -p "$HOME_DIR"
  case "$db" in
    h2) DB_ENV=() ;;
    postgres)
      PG_DB="pacesetter_bulkhead_bench_$$"
      psql -h 127.0.0.1 -U "$PG_USER" -d postgres -qc "CREATE DATABASE $PG_DB" >/dev/null
      DB_ENV=(PACESETTER_JDBC_URL="$PG_URL/$PG_DB" PACESETTER_JDBC_USER="$PG_USER") ;;
    *) die "unknown database $db (h2, postgres)" ;;
  esac
  progress "$db: importing $LEADS leads through POST /leads/imports, creating $ACCOUNTS accounts"
  start_kernel "$db" "$HOME_DIR"
  python3 "$DRIVER" "$PORT" "$PASSWORD" setup "$WORK/leads.csv" "$ACCOUNTS" >"$WORK/$db-setup.json"
  stop_kernel # the first stop also records the CDS archive every later start maps

  run_config "$db" default "as shipped: 16 requests, heavy $(( $(nproc) > 1 ? $(nproc) - 1 : 1 )), 6 conn."
  if [ "$OFF" = 1 ]; then
    run_config "$db" off "off: 10000 requests, 8 connections" \
      PACESETTER_MODULE_MAX_REQUESTS=10000 PACESETTER_MODULE_MAX_HEAVY_REQUESTS=10000 PACESETTER_MODULE_MAX_CONNECTIONS=8
  fi
  for r in $SWEEP; do # the export is a heavy route: its own limit is what a sweep varies
    run_config "$db" "h$r" "max.heavy.requests $r" PACESETTER_MODULE_MAX_HEAVY_REQUESTS="$r"
  done
  if [ "$JFR" = 1 ] && [ "$db" = "${DBS%% *}" ]; then
    # the profile comes from a run of its own, so the recording's cost is in no figure above. Without class-data
    # sharing: JDK 17 with JFR sometimes crashes (SIGSEGV in check_shared_class_file_load_hook) on the dynamic archive
    first="${CLIENTS%% *}"
    CLIENTS_SAVED="$CLIENTS"; CLIENTS="$first"
    BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:-} -XX:StartFlightRecording=filename=$WORK/$db-jfr.jfr,settings=profile" \
      run_config "$db" jfr "as shipped, profiled with JFR (not in the table)" PACESETTER_CDS=off
    CLIENTS="$CLIENTS_SAVED"
  fi
  if [ "$db" = postgres ]; then
    psql -h 127.0.0.1 -U "$PG_USER" -d postgres -qc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null; PG_DB=""
  fi
done

CPU1="$(head -1 /proc/stat)"
say "load average at end: $(cut -d' ' -f1-3 /proc/loadavg); the whole run took $((SECONDS - START_S)) s"
say ""
python3 "$TOOLS/bulkhead_report.py" "$WORK" "$DBS" "$CLIENTS" "$CPU0" "$CPU1" | tee -a "$OUT"
if [ "$JFR" = 1 ]; then
  db="${DBS%% *}"
  say ""
  say "Profile ($db, bulkheads as shipped, ${CLIENTS%% *} clients; JFR settings=profile, flood window only):"
  python3 "$TOOLS/jfr_summary.py" "$WORK/$db-jfr.jfr" "$WORK/$db-jfr-c${CLIENTS%% *}.json" | tee -a "$OUT"
fi
mkdir -p "$RESULTS"
cp "$OUT" "$RESULTS/bulkhead-latest.txt"
cp "$OUT" "$RESULTS/bulkhead-$(date -u +%Y%m%dT%H%M%SZ).txt"
