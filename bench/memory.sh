#!/usr/bin/env bash
# Memory of the shipped product: RSS 2 s after the first 200 on /api/v1/health (idle) and right after 15 s of warm-up
# and 10 s of measured wrk -t2 -c32 on it (after load; the measured part gives req/s and p99), with the start script's memory defaults and with the JVM's own
# (PACESETTER_MEMORY_DEFAULTS=off), interleaved, on embedded H2 with the shipped plugins. A class-data-sharing archive is recorded once per variant first,
# as a second start of an installation would have it. See docs/operator-guide.md ("Memory").
#
#   bench/memory.sh          3 rounds (about 4 minutes)
#   BENCH_ROUNDS=5 bench/memory.sh
set -euo pipefail
BENCH="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
DIST="${PACESETTER_DIST:-$(dirname "$BENCH")/distribution/target/pacesetter}"
ROUNDS="${BENCH_ROUNDS:-3}"
[ -x "$DIST/bin/pacesetter" ] || { echo "no distribution at $DIST: run 'mvn -B -q package -DskipTests' first" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }
WORK="$(mktemp -d "${TMPDIR:-/tmp}/pacesetter-memory.XXXXXX")"
PID=""
trap '[ -n "$PID" ] && kill -TERM "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
rss() { echo $(( $(awk '/VmRSS/ {print $2}' "/proc/$1/status") / 1024 )); }

run() { # variant(on|off) -> "idle after req/s p99-ms"
  local home; home="$(mktemp -d "$WORK/home.XXXX")"
  mkdir -p "$home/data"; [ -d "$WORK/cds-$1" ] && cp -r "$WORK/cds-$1" "$home/data/cds"
  PACESETTER_MEMORY_DEFAULTS="$1" PACESETTER_HOME="$home" PACESETTER_PORT="$PORT" PACESETTER_HOST=127.0.0.1 \
    PACESETTER_ADMIN_PASSWORD=bench-admin-password "$DIST/bin/pacesetter" >"$home/out.log" 2>&1 &
  PID=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/v1/health" || true)" = 200 ]; do
    kill -0 "$PID" 2>/dev/null || { tail -20 "$home/out.log" >&2; exit 1; }
    sleep 0.05   # polling health: the server offers nothing to wait on
  done
  sleep 2        # "idle" is defined as 2 s after ready
  local idle after rps
  idle="$(rss "$PID")"
  wrk -t2 -c32 -d15s "http://127.0.0.1:$PORT/api/v1/health" >/dev/null   # warm-up: the JIT, not the collector, rules the first seconds
  rps="$(wrk -t2 -c32 -d10s --latency "http://127.0.0.1:$PORT/api/v1/health" | awk '
    /Requests\/sec/ {r = $2}
    / 99%/ {v = $2; if (v ~ /us$/) p = v / 1000; else if (v ~ /ms$/) p = v + 0; else p = v * 1000}
    END {printf "%s %.2f", r, p}')"
  after="$(rss "$PID")"
  kill -TERM "$PID"; wait "$PID" 2>/dev/null || true; PID=""
  [ -d "$WORK/cds-$1" ] || cp -r "$home/data/cds" "$WORK/cds-$1"
  rm -rf "$home"
  echo "$idle $after $rps"
}

run on >/dev/null; run off >/dev/null   # record each variant's class-data-sharing archive
declare -A IDLE AFTER RPS P99
for r in $(seq 1 "$ROUNDS"); do
  for v in on off; do
    read -r i a q l < <(run "$v")
    IDLE[$v]+="$i "; AFTER[$v]+="$a "; RPS[$v]+="$q "; P99[$v]+="$l "
    echo "[memory] round $r, defaults $v: idle $i MiB, after load $a MiB, $q req/s, p99 $l ms" >&2
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "Pacesetter memory $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, medians of $ROUNDS (RSS of the JVM, MiB)"
printf '%-48s %8s %12s %10s %9s\n' "" "idle" "after load" "req/s" "p99 ms"
for v in on off; do
  label="as shipped (parallel GC, 32-512 MiB heap)"; [ "$v" = off ] && label="JVM defaults (PACESETTER_MEMORY_DEFAULTS=off)"
  printf '%-48s %8s %12s %10s %9s\n' "$label" "$(echo "${IDLE[$v]}" | median)" "$(echo "${AFTER[$v]}" | median)" \
    "$(echo "${RPS[$v]}" | median)" "$(echo "${P99[$v]}" | median)"
done
