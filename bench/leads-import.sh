#!/usr/bin/env bash
# CSV import of 1,000,000 leads through the real kernel (heap capped at 256 MB) against a raw JDBC batch insert of
# the same rows into the same table, on PostgreSQL and on embedded H2. See bench/README.md ("Lead import").
#
#   bench/leads-import.sh        about 10 minutes on 2 cores
#
# Knobs (environment): BENCH_ROWS=1000000, BENCH_HEAP=256m, BENCH_DBS="postgres h2" (h2-delayed: H2 without durable commits, for their cost), BENCH_PG_URL, BENCH_PG_USER,
# BENCH_RESULTS (default bench/results), BENCH_KEEP=1, PACESETTER_DIST, BENCH_LEADS_JAR.
set -euo pipefail

BENCH="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
ROOT="$(dirname "$BENCH")"
ROWS="${BENCH_ROWS:-1000000}"
HEAP="${BENCH_HEAP:-256m}"
DBS="${BENCH_DBS:-postgres h2}"
PG_URL="${BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432}"
PG_USER="${BENCH_PG_USER:-postgres}"
DIST_SRC="${PACESETTER_DIST:-$ROOT/distribution/target/pacesetter}"
LEADS_JAR="${BENCH_LEADS_JAR:-$(ls "$ROOT"/plugin-leads/target/plugin-leads-*.jar 2>/dev/null | head -1)}"
RESULTS="${BENCH_RESULTS:-$BENCH/results}"
TOOLS="$BENCH/tools"
PASSWORD="bench-admin-password"

progress() { printf '[leads-import %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'leads-import bench: %s\n' "$*" >&2; exit 1; }

[ -x "$DIST_SRC/bin/pacesetter" ] || die "no distribution at $DIST_SRC: run 'mvn -B -q package -DskipTests' first"
[ -n "$LEADS_JAR" ] && [ -f "$LEADS_JAR" ] || die "no plugin-leads/target/plugin-leads-*.jar: run 'mvn -B -q package -DskipTests' first"
command -v python3 >/dev/null || die "python3 is needed"
command -v java >/dev/null || die "java is needed"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/pacesetter-leads-import.XXXXXX")"
PID=""; PG_DB=""
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill -TERM "$PID"; wait "$PID" 2>/dev/null || true; fi
  if [ -n "$PG_DB" ]; then psql -h 127.0.0.1 -U "$PG_USER" -d postgres -qc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 || true; fi
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "leads-import bench: scratch kept in $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
cp -r "$DIST_SRC" "$WORK/dist"
JDBC_CP="$(ls "$WORK"/dist/lib/postgresql-*.jar):$(ls "$WORK"/dist/lib/h2-*.jar)"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

OUT="$WORK/report.txt"
say() { echo "$*" | tee -a "$OUT"; }

start_kernel() { # slug home [VAR=value ...]
  local slug="$1" home="$2"; shift 2
  PORT="$(free_port)"
  env PACESETTER_HOME="$home" PACESETTER_PORT="$PORT" PACESETTER_HOST=127.0.0.1 PACESETTER_ADMIN_PASSWORD="$PASSWORD" \
    PACESETTER_MODULES_ENABLED_BY_DEFAULT=all JAVA_OPTS="-Xmx$HEAP -Xlog:gc:file=$WORK/$slug-gc.log ${BENCH_JAVA_OPTS:-}" "$@" \
    "$WORK/dist/bin/pacesetter" >>"$WORK/$slug.log" 2>&1 &
  PID=$!
  for _ in $(seq 600); do curl -fs "http://127.0.0.1:$PORT/api/v1/health" >/dev/null 2>&1 && return; sleep 0.1; done
  die "the kernel did not start (see $WORK/$slug.log)"
}
stop_kernel() { kill -TERM "$PID"; wait "$PID" 2>/dev/null || true; PID=""; }
new_home() { local home="$WORK/home-$1"; rm -rf "$home"; mkdir -p "$home/deploy"; cp "$LEADS_JAR" "$home/deploy/plugin-leads.jar"; echo "$home"; }
raw() { java -cp "$JDBC_CP" "$TOOLS/RawLeadInsert.java" "$@"; }

report() { # label slug
  python3 - "$1" "$WORK/$2-import.json" "$WORK/$2-raw.json" "$WORK/$2-gc.log" "$HEAP" <<'PYEOF' | tee -a "$OUT"
import json, re, sys
label, imp, raw, gc, heap = sys.argv[1], json.load(open(sys.argv[2])), json.load(open(sys.argv[3])), sys.argv[4], sys.argv[5]
peak = 0
for line in open(gc, errors="replace"):
    m = re.search(r"(\d+)M->(\d+)M\((\d+)M\)", line)
    if m:
        peak = max(peak, int(m.group(1)))
c = imp["counts"]
ratio = imp["rowsPerSecond"] / raw["rowsPerSecond"]
print(f"{label}:")
print(f"  import  {imp['status']}: {c['rowsRead']} rows ({imp['bytes'] / 1e6:.0f} MB) in {imp['totalSeconds']} s (upload {imp['uploadSeconds']} s,"
      f" import {imp['importSeconds']} s) = {imp['rowsPerSecond']} rows/s; created {c['created']}, duplicates {c['duplicates']},"
      f" rejected {c['rejected']}, unchanged {c['unchanged']}; {imp['progressSamples']} progress polls")
print(f"  raw     {raw['rows']} rows in {raw['seconds']} s = {raw['rowsPerSecond']} rows/s")
print(f"  ratio   {ratio:.2f}x the raw rate; heap -Xmx{heap}, peak before GC {peak} MB")
print(f"  goal >= 0.5x with heap <= 256 MB: {'MET' if ratio >= 0.5 and imp['status'] == 'DONE' else 'MISSED'}")
PYEOF
}

say "Pacesetter lead import $(date -u +%Y-%m-%dT%H:%M:%SZ)"
say "tree: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo n/a); machine: $(nproc) cores; $(java -version 2>&1 | head -1)"
progress "generating $ROWS rows"
python3 "$TOOLS/leads_csv.py" "$ROWS" "$WORK/leads.csv" bench-rep1,bench-rep2,bench-rep3
say "file: $ROWS rows, $(du -m "$WORK/leads.csv" | cut -f1) MB, 1 % duplicates (full-width phone of an earlier row), owners by user name, a tag on every 4th row"
say ""

for db in $DBS; do
  case "$db" in
    postgres)
      command -v psql >/dev/null || die "psql is needed for the PostgreSQL run"
      PG_DB="pacesetter_leads_bench_$$"
      psql -h 127.0.0.1 -U "$PG_USER" -d postgres -qc "CREATE DATABASE $PG_DB" >/dev/null
      home="$(new_home postgres)"
      start_kernel postgres "$home" PACESETTER_JDBC_URL="$PG_URL/$PG_DB" PACESETTER_JDBC_USER="$PG_USER"
      python3 "$TOOLS/leads_import_driver.py" "$PORT" "$PASSWORD" setup
      progress "PostgreSQL: raw JDBC batch insert of the same rows into leads_lead"
      raw "$PG_URL/$PG_DB" "$PG_USER" "$WORK/leads.csv" admin >"$WORK/postgres-raw.json"
      psql -h 127.0.0.1 -U "$PG_USER" -d "$PG_DB" -qc "TRUNCATE leads_lead CASCADE" -c "VACUUM ANALYZE leads_lead" >/dev/null
      progress "PostgreSQL: import over HTTP"
      python3 "$TOOLS/leads_import_driver.py" "$PORT" "$PASSWORD" import "$WORK/leads.csv" >"$WORK/postgres-import.json"
      stop_kernel
      psql -h 127.0.0.1 -U "$PG_USER" -d postgres -qc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null; PG_DB=""
      report "PostgreSQL" postgres
      ;;
    h2|h2-delayed)
      # h2-delayed: H2 as it was before commits were made durable (its default 500 ms write delay, which lost
      # acknowledged writes on a crash), for the cost of WRITE_DELAY=0; comparison only
      delayed=(); label="H2 (embedded file)"
      if [ "$db" = h2-delayed ]; then
        delayed=(PACESETTER_JDBC_URL="jdbc:h2:file:$WORK/home-$db/data/db/pacesetter;LOCK_TIMEOUT=20000;DB_CLOSE_ON_EXIT=FALSE")
        label="H2 (write delay 500 ms, not crash-safe; comparison only)"
      fi
      # the kernel holds its embedded database open, so the raw baseline runs on a copy of it taken before the import
      home="$(new_home "$db")"
      start_kernel "$db" "$home" "${delayed[@]}"
      python3 "$TOOLS/leads_import_driver.py" "$PORT" "$PASSWORD" setup
      stop_kernel
      cp -r "$home/data/db" "$WORK/$db-raw-db"
      start_kernel "$db" "$home" "${delayed[@]}"
      progress "$label: import over HTTP"
      python3 "$TOOLS/leads_import_driver.py" "$PORT" "$PASSWORD" import "$WORK/leads.csv" >"$WORK/$db-import.json"
      stop_kernel
      progress "$label: raw JDBC batch insert of the same rows into leads_lead (a copy of the same database)"
      raw "jdbc:h2:file:$WORK/$db-raw-db/pacesetter" "" "$WORK/leads.csv" admin >"$WORK/$db-raw.json"
      report "$label" "$db"
      ;;
    *) die "unknown database $db (postgres, h2, h2-delayed)" ;;
  esac
  say ""
done
mkdir -p "$RESULTS"
cp "$OUT" "$RESULTS/leads-import-latest.txt"
cp "$OUT" "$RESULTS/leads-import-$(date -u +%Y%m%dT%H%M%SZ).txt"
