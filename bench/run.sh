#!/usr/bin/env bash
# Pacesetter vs. a bare Javalin 7 server, side by side, in one run. See bench/README.md.
#
#   bench/run.sh                  full run (about 4 minutes on 2 cores)
#
# Knobs (environment):
#   BENCH_N=5                     cold starts per variant (medians are reported)
#   BENCH_DEPLOY_N=9              deploy/undeploy cycles per hot-deploy run (median reported)
#   BENCH_WRK_THREADS=2 BENCH_WRK_CONNECTIONS=32 BENCH_WRK_DURATION=15
#   BENCH_WRK_WARMUP=30           warm-up load before the measured window, run (and reported) in 5 s slices
#   BENCH_LOAD_DURATION=12        seconds of load while hello is redeployed (part c)
#   BENCH_FAST_POLL_MS=50         deploy/ poll interval of the second hot-deploy run (the first uses the default)
#   BENCH_AB_ROUNDS=3 BENCH_AB_SLICE=5  interleaved /ping vs /ping/secure rounds on one server (seconds per slice)
#   BENCH_REQUEST_LOG_VARIANT=1   also measure Pacesetter throughput with its request log at WARN (0 = skip)
#   BENCH_KEEP=1                  keep the scratch folder (logs of every server) instead of deleting it
#   BENCH_RESULTS                 where the report goes (default: bench/results)
#   PACESETTER_DIST               distribution folder (default: distribution/target/pacesetter)
#   BENCH_FIXTURES                folder with fixture-hello-v1.jar / -v2.jar (default: platform-core/target/it-fixtures)
#   JAVA_OPTS                     passed to BOTH servers (default: none)
set -euo pipefail

BENCH="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
ROOT="$(dirname "$BENCH")"
N="${BENCH_N:-5}"
DEPLOY_N="${BENCH_DEPLOY_N:-9}"
WRK_T="${BENCH_WRK_THREADS:-2}"
WRK_C="${BENCH_WRK_CONNECTIONS:-32}"
WRK_D="${BENCH_WRK_DURATION:-15}"
WRK_W="${BENCH_WRK_WARMUP:-30}"
LOAD_D="${BENCH_LOAD_DURATION:-12}"
FAST_POLL="${BENCH_FAST_POLL_MS:-50}"
LOG_VARIANT="${BENCH_REQUEST_LOG_VARIANT:-1}"
AB_ROUNDS="${BENCH_AB_ROUNDS:-3}"
AB_SLICE="${BENCH_AB_SLICE:-5}"
DIST_SRC="${PACESETTER_DIST:-$ROOT/distribution/target/pacesetter}"
FIXTURES_SRC="${BENCH_FIXTURES:-$ROOT/platform-core/target/it-fixtures}"
PROBE="$BENCH/tools/probe.py"
RESULTS="${BENCH_RESULTS:-$BENCH/results}"
BASELINE="$BENCH/javalin-baseline"

progress() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- prerequisites
[ -x "$DIST_SRC/bin/pacesetter" ] || die "no distribution at $DIST_SRC: run 'mvn -B -q install -DskipTests' at the repository root first"
for f in fixture-hello-v1.jar fixture-hello-v2.jar; do
  [ -f "$FIXTURES_SRC/$f" ] || die "no $FIXTURES_SRC/$f: run 'mvn -B -q install -DskipTests' at the repository root first"
done
command -v java >/dev/null || die "java (17+) is not on the PATH"
command -v mvn >/dev/null || die "mvn is needed to build bench/javalin-baseline"
command -v python3 >/dev/null || die "python3 is needed (bench/tools/probe.py, standard library only)"
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    progress "wrk missing: installing it with apt-get"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk) >&2 || die "could not install wrk"
  else
    die "wrk is missing: install it (Debian/Ubuntu: sudo apt-get install -y wrk)"
  fi
fi

# ---------------------------------------------------------------- scratch space and cleanup
WORK="$(mktemp -d "${TMPDIR:-/tmp}/pacesetter-bench.XXXXXX")"
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}" $(cat "$WORK"/*.pid 2>/dev/null); do
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "bench: scratch kept in $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Private copies: the tree may be rebuilt while we run, and cold starts must not share state.
progress "copying the distribution and fixtures to $WORK"
cp -r "$DIST_SRC" "$WORK/dist"
rm -rf "$WORK/dist/data" "$WORK/dist/deploy"; mkdir -p "$WORK/dist/data" "$WORK/dist/deploy"
cp -r "$WORK/dist" "$WORK/dist-hello"
mkdir -p "$WORK/fixtures"
cp "$FIXTURES_SRC/fixture-hello-v1.jar" "$FIXTURES_SRC/fixture-hello-v2.jar" "$WORK/fixtures/"
HELLO1="$WORK/fixtures/fixture-hello-v1.jar"
HELLO2="$WORK/fixtures/fixture-hello-v2.jar"
cp "$HELLO1" "$WORK/dist-hello/bundles/fixture-hello-v1.jar"   # "every module active" variant: hello is a boot bundle

progress "building bench/javalin-baseline (Maven)"
mvn -B -q -f "$BASELINE/pom.xml" package -DskipTests >&2 || die "baseline build failed"

# ---------------------------------------------------------------- helpers
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
jget() { python3 -c 'import json,sys; v=json.loads(sys.argv[1]).get(sys.argv[2]); print("" if v is None else v)' "$1" "$2"; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END{ if (NR==0) print "n/a"; else if (NR%2) print a[(NR+1)/2]; else printf "%.1f\n", (a[NR/2]+a[NR/2+1])/2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b+0==0 || a=="" || b=="") print "n/a"; else printf "%.2f", a/b }'; }
fmt_ms() { awk -v v="$1" 'BEGIN{ if (v=="" || v=="n/a") print "n/a"; else printf "%.0f", v }'; }
verdict() { # numeric awk condition, e.g. "812 <= 1000 && 1.4 <= 2.0"
  case "$1" in *n/a*|"") echo "n/a"; return ;; esac
  if awk "BEGIN{exit !($1)}" 2>/dev/null; then echo "MET"; else echo "MISSED"; fi
}
rss_mb() { awk '/^VmRSS:/{printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo "n/a"; }

new_home() { # fresh PACESETTER_HOME, optionally seeded with a recorded CDS archive
  local home="$WORK/homes/$1"; rm -rf "$home"; mkdir -p "$home/deploy" "$home/data"
  if [ -n "${2:-}" ] && [ -d "$2" ]; then cp -r "$2" "$home/data/cds"; fi
  echo "$home"
}

ADMIN_PASSWORD="bench-admin-password"
sign_in() { # port -> bearer token of the first administrator
  python3 - "$1" "$ADMIN_PASSWORD" <<'PYEOF'
import json, sys, time, urllib.error, urllib.request
req = urllib.request.Request(f"http://127.0.0.1:{sys.argv[1]}/api/v1/auth/login", method="POST",
    data=json.dumps({"username": "admin", "password": sys.argv[2]}).encode(), headers={"Content-Type": "application/json"})
for attempt in range(300):  # 503 while the first administrator is still being created on a fresh database
    try:
        print(json.load(urllib.request.urlopen(req, timeout=10))["token"])
        break
    except urllib.error.HTTPError as e:
        if e.code != 503:
            raise
        time.sleep(0.1)
else:
    sys.exit("sign-in stayed unavailable")
PYEOF
}

SERVER_PID=""
start_pacesetter() { # dist home port log [VAR=value ...]
  local dist="$1" home="$2" port="$3" log="$4"; shift 4
  env PACESETTER_HOME="$home" PACESETTER_PORT="$port" PACESETTER_HOST=127.0.0.1 PACESETTER_ADMIN_PASSWORD="$ADMIN_PASSWORD" PACESETTER_MODULES_ENABLED_BY_DEFAULT=all \
    "$@" "$dist/bin/pacesetter" >"$log" 2>&1 &
  SERVER_PID=$!; PIDS+=("$SERVER_PID")
}
start_baseline() { # port log [VAR=value ...]
  local port="$1" log="$2"; shift 2
  env BASELINE_CDS_DIR="$WORK/baseline-cds" "$@" "$BASELINE/bin/baseline" "$port" >"$log" 2>&1 &
  SERVER_PID=$!; PIDS+=("$SERVER_PID")
}
forget_pid() { # a process we waited for: drop it, so cleanup never signals a recycled PID
  local keep=() p
  for p in "${PIDS[@]}"; do [ "$p" = "$1" ] || keep+=("$p"); done
  PIDS=("${keep[@]}")
}
stop_server() { # SIGTERM (graceful) and wait for the JVM to exit
  local pid="$1"
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  forget_pid "$pid"
}
wait_ready() { # url [status] -- fails the run when the server never gets there
  python3 "$PROBE" wait --url "$1" --status "${2:-200}" --timeout 60 >/dev/null || die "no ${2:-200} from $1 within 60 s"
}
check_jvm() { [ "$(cat "/proc/$1/comm" 2>/dev/null)" = java ] || die "PID $1 is not the JVM ($(cat "/proc/$1/comm" 2>/dev/null))"; }

# wrk output -> numbers (latencies in ms)
wrk_rps() { awk '/^Requests\/sec:/{print $2}' "$1"; }
wrk_pct() { # file percentile(50|75|90|99)
  awk -v p="$2%" '$1==p { v=$2; u=v; gsub(/[0-9.]/,"",u); gsub(/[a-z]/,"",v);
    if (u=="us") v/=1000; else if (u=="s") v*=1000; else if (u=="m") v*=60000; printf "%.2f", v }' "$1"; }
wrk_non2xx() { awk '/Non-2xx or 3xx responses:/{print $NF; f=1} END{ if (!f) print 0 }' "$1"; }
wrk_sockerr() { awk '/Socket errors:/{ s=0; for(i=3;i<=NF;i++){ x=$i; gsub(/,/,"",x); if (x ~ /^[0-9]+$/) s+=x }; print s; f=1 } END{ if (!f) print 0 }' "$1"; }
wrk_total() { awk '/requests in/{print $1}' "$1"; }

# one cold start through probe.py: sets COLD_OUT (its JSON) and COLD_LOG (the server's log)
cold_run() { # name p|b port, then for p: dist home on|off, for b: on|off
  local name="$1" kind="$2" port="$3"; shift 3
  local log="$WORK/logs/cold-$name-$RUN.log" out
  if [ "$kind" = p ]; then
    local dist="$1" home="$2" cds_env="$3"
    out="$(python3 "$PROBE" coldstart --url "http://127.0.0.1:$port/api/v1/health" --log "$log" --pidfile "$WORK/cold.pid" \
      --env PACESETTER_HOME="$home" --env PACESETTER_PORT="$port" --env PACESETTER_HOST=127.0.0.1 --env PACESETTER_MODULES_ENABLED_BY_DEFAULT=all --env PACESETTER_CDS="$cds_env" \
      --marker "Pacesetter started in" \
      -- "$dist/bin/pacesetter")" || die "cold start of $name failed: $out (log: $log)"
  else
    local cds_env="$1"
    out="$(python3 "$PROBE" coldstart --url "http://127.0.0.1:$port/api/v1/health" --log "$log" --pidfile "$WORK/cold.pid" \
      --env BASELINE_CDS_DIR="$WORK/baseline-cds" --env BASELINE_CDS="$cds_env" \
      -- "$BASELINE/bin/baseline" "$port")" || die "cold start of $name failed: $out (log: $log)"
  fi
  rm -f "$WORK/cold.pid"
  COLD_OUT="$out"
  COLD_LOG="$log"
}

mkdir -p "$WORK/logs" "$RESULTS"
REPORT="$WORK/report.txt"
say() { printf '%s\n' "$*" >>"$REPORT"; }

STAT_START="$(head -1 /proc/stat)"
JAVA_VERSION="$(java -version 2>&1 | head -1)"
JAVA_VM="$(java -version 2>&1 | sed -n 3p)"
say "Pacesetter benchmark vs bare Javalin $(date -u +%Y-%m-%dT%H:%M:%SZ)"
say "================================================================================"
say "tree:        $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD -- . ':!bench' 2>/dev/null || echo ' (uncommitted changes outside bench/)')"
say "load avg:    $(cut -d' ' -f1-3 /proc/loadavg) at the start of the run (1/5/15 min; anything well above 0 means other work competes);"
say "             $(pgrep -c -x java || true) other java process(es) running at the start"
say "machine:     $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
say "java:        $JAVA_VERSION; $JAVA_VM"
say "JVM options: ${JAVA_OPTS:-none} besides the CDS flags of the start scripts (same for both servers; default heap and GC)"
say "pacesetter:  $DIST_SRC (copied), bin/pacesetter, embedded H2, PACESETTER_HOST=127.0.0.1, shipped conf/logback.xml"
say "baseline:    bench/javalin-baseline (Javalin 7.2.3, Jackson 2.22.3, logback 1.5.38 at WARN), bin/baseline"
say "load:        $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2); wrk -t$WRK_T -c$WRK_C -d${WRK_D}s --latency after ${WRK_W}s of warm-up load in 5 s slices (same settings for each server, one server at a time)"
say "runs:        N=$N cold starts per variant (medians), $DEPLOY_N deploy/undeploy cycles per hot-deploy run"
say "polling:     bench/tools/probe.py, raw HTTP GET on a new loopback connection every 5 ms (cold start, deploy)"
say "NOTE: wrk, the server and the pollers share the same $(nproc) cores, so absolute numbers are low and noisy;"
say "      compare the ratios, which are measured under the same handicap."
say ""

# ================================================================ a. cold start
progress "a. cold start: warm-up runs (record CDS archives, not counted)"
PORT="$(free_port)"
RUN=warmup
H="$(new_home warm-p)"
cold_run p-record p "$PORT" "$WORK/dist" "$H" on
P_CDS="$H/data/cds"
H="$(new_home warm-ph)"
cold_run ph-record p "$PORT" "$WORK/dist-hello" "$H" on
PH_CDS="$H/data/cds"
cold_run b-record b "$PORT" on
[ -n "$(ls "$P_CDS" 2>/dev/null)" ] || die "Pacesetter did not write a CDS archive under $P_CDS"
[ -n "$(ls "$PH_CDS" 2>/dev/null)" ] || die "Pacesetter (hello variant) did not write a CDS archive under $PH_CDS"
[ -n "$(ls "$WORK/baseline-cds" 2>/dev/null)" ] || die "baseline did not write a CDS archive"
# one more uncounted start of each with the archives mapped, logging class loading to see how much CDS covers
cds_share() { # class-load log -> "shared/total (pct)"
  awk '/source: shared objects file/{s++} /source:/{t++} END{ if (t) printf "%d of %d classes (%.0f%%) from the archive", s, t, 100*s/t; else print "n/a" }' "$1"
}
H="$(new_home warm-p2 "$P_CDS")"
JAVA_OPTS="${JAVA_OPTS:-} -Xlog:class+load=info:file=$WORK/logs/classload-p.txt" cold_run p-check p "$PORT" "$WORK/dist" "$H" on
JAVA_OPTS="${JAVA_OPTS:-} -Xlog:class+load=info:file=$WORK/logs/classload-b.txt" cold_run b-check b "$PORT" on
CDS_P_SHARE="$(cds_share "$WORK/logs/classload-p.txt")"
CDS_B_SHARE="$(cds_share "$WORK/logs/classload-b.txt")"

declare -A READY LISTEN KERNEL PRE POST
VARIANTS=(p_cds ph_cds b_cds p_nocds b_nocds)
for v in "${VARIANTS[@]}"; do READY[$v]=""; LISTEN[$v]=""; KERNEL[$v]=""; PRE[$v]=""; POST[$v]=""; done
MIGRATION=""
for i in $(seq "$N"); do
  RUN="$i"
  progress "a. cold start: round $i of $N (5 variants, interleaved)"
  for v in "${VARIANTS[@]}"; do
    case "$v" in
      p_cds)   cold_run "$v" p "$PORT" "$WORK/dist" "$(new_home "c-$v-$i" "$P_CDS")" on ;;
      ph_cds)  cold_run "$v" p "$PORT" "$WORK/dist-hello" "$(new_home "c-$v-$i" "$PH_CDS")" on ;;
      p_nocds) cold_run "$v" p "$PORT" "$WORK/dist" "$(new_home "c-$v-$i")" off ;;
      b_cds)   cold_run "$v" b "$PORT" on ;;
      b_nocds) cold_run "$v" b "$PORT" off ;;
    esac
    READY[$v]+="$(jget "$COLD_OUT" ready_ms) "
    LISTEN[$v]+="$(jget "$COLD_OUT" listen_ms) "
    if [[ "$v" == p* ]]; then
      k="$(sed -n 's/.*Pacesetter started in \([0-9]*\) ms.*/\1/p' "$COLD_LOG" | head -1)"
      m="$(jget "$COLD_OUT" marker_ms)"; r="$(jget "$COLD_OUT" ready_ms)"
      KERNEL[$v]+="$k "
      if [ -n "$m" ] && [ -n "$k" ]; then
        PRE[$v]+="$(awk -v m="$m" -v k="$k" 'BEGIN{printf "%.1f", m-k}') "
        POST[$v]+="$(awk -v m="$m" -v r="$r" 'BEGIN{printf "%.1f", r-m}') "
      fi
    fi
    if [ "$v" = ph_cds ]; then
      MIGRATION+="$(sed -n 's/.*Module hello: schema at version [0-9]* (1 migration(s) applied in \([0-9]*\) ms).*/\1/p' "$COLD_LOG" | head -1) "
    fi
  done
done
# shellcheck disable=SC2086
for v in "${VARIANTS[@]}"; do
  declare "MED_READY_$v=$(median ${READY[$v]})"
  declare "MED_LISTEN_$v=$(median ${LISTEN[$v]})"
  if [[ "$v" == p* ]]; then
    declare "MED_KERNEL_$v=$(median ${KERNEL[$v]})"
    declare "MED_PRE_$v=$(median ${PRE[$v]})"
    declare "MED_POST_$v=$(median ${POST[$v]})"
  fi
done
# hello really was ACTIVE at the first 200 in the "every module" variant?
HELLO_BOOT_OK="$(grep -c 'Bundle dev.pacesetter.fixture.hello .* started' "$WORK"/logs/cold-ph_cds-1.log || true)"

cold_line() { # label variant baseline-variant
  local r l k rb
  r="MED_READY_$2"; l="MED_LISTEN_$2"; k="MED_KERNEL_$2"; rb="MED_READY_$3"
  printf '  %-44s %6s ms  (port open %5s ms%s)  %5s x baseline\n' "$1" "$(fmt_ms "${!r}")" "$(fmt_ms "${!l}")" \
    "$( [ -n "${!k:-}" ] && printf ', kernel log "started in" %4s ms' "$(fmt_ms "${!k}")" )" "$(ratio "${!r}" "${!rb}")"
}
say "a. COLD START: process launch -> first 200 on GET /api/v1/health (median of $N; fresh PACESETTER_HOME each run)"
say "$(printf '  %-44s %6s ms  (port open %5s ms)' "baseline, CDS archive" "$(fmt_ms "$MED_READY_b_cds")" "$(fmt_ms "$MED_LISTEN_b_cds")")"
say "$(cold_line "pacesetter, empty deploy/, CDS archive" p_cds b_cds)"
say "$(cold_line "pacesetter + hello-v1 in bundles/, CDS" ph_cds b_cds)"
say "$(printf '  %-44s %6s ms  (port open %5s ms)' "baseline, no CDS" "$(fmt_ms "$MED_READY_b_nocds")" "$(fmt_ms "$MED_LISTEN_b_nocds")")"
say "$(cold_line "pacesetter, empty deploy/, no CDS" p_nocds b_nocds)"
say "  all runs (ms): baseline CDS [${READY[b_cds]% }]  pacesetter CDS [${READY[p_cds]% }]  +hello [${READY[ph_cds]% }]"
say "                 baseline no-CDS [${READY[b_nocds]% }]  pacesetter no-CDS [${READY[p_nocds]% }]"
say "  where pacesetter's time goes (medians, from the timestamp of the 'Pacesetter started in' log line):"
say "    $(printf '%-38s %18s %18s %18s' '' 'launch->Kernel.start' 'Kernel.start' 'started->first 200')"
for v in p_cds ph_cds p_nocds; do
  pre="MED_PRE_$v"; k="MED_KERNEL_$v"; post="MED_POST_$v"
  case $v in p_cds) l="empty deploy/, CDS";; ph_cds) l="hello-v1 in bundles/, CDS";; p_nocds) l="empty deploy/, no CDS";; esac
  say "    $(printf '%-38s %15s ms %15s ms %15s ms' "$l" "$(fmt_ms "${!pre}")" "$(fmt_ms "${!k}")" "$(fmt_ms "${!post}")")"
done
say "    (launch->Kernel.start = start script + JVM boot + main, configuration and logback set-up;"
say "     started->first 200 = modules still settling, e.g. hello's migration, plus the first health request;"
say "     hello's V1 migration on the fresh H2 took $(fmt_ms "$(median $MIGRATION)") ms (median, kernel log) in the bundles/ variant)"
say "  inside Kernel.start (medians from the kernel log; framework init, DB pool and gateway start run in parallel first):"
say "    empty deploy/, CDS:     $(python3 "$BENCH/tools/kernel_phases.py" "$WORK"/logs/cold-p_cds-[0-9]*.log)"
say "    empty deploy/, no CDS:  $(python3 "$BENCH/tools/kernel_phases.py" "$WORK"/logs/cold-p_nocds-[0-9]*.log)"
say "  CDS coverage (class+load log of one uncounted start): pacesetter $CDS_P_SHARE; baseline $CDS_B_SHARE"
say "  hello ACTIVE at first 200 in the bundles/ variant: $( [ "${HELLO_BOOT_OK:-0}" -ge 1 ] && echo yes || echo 'NOT SEEN in log')"
G1="$(verdict "${MED_READY_p_cds:-0} <= 1000 && $(ratio "$MED_READY_p_cds" "$MED_READY_b_cds") <= 2.0")"
G2="$(verdict "${MED_READY_ph_cds:-0} <= 1000 && $(ratio "$MED_READY_ph_cds" "$MED_READY_b_cds") <= 2.0")"
say "  goal <= 1000 ms and <= 2.0x baseline (CDS vs CDS): empty deploy/ $G1; every module active $G2"
say ""

# ================================================================ b. hot deploy
DEFAULT_POLL=100   # pacesetter.deploy.poll.ms as shipped (Setting.DEPLOY_POLL_MS)
hot_deploy() { # poll-ms label -> sets HD_OUT
  local poll="$1" port home log
  port="$(free_port)"; home="$(new_home "hd-$poll" "$P_CDS")"; log="$WORK/logs/hotdeploy-$poll.log"
  start_pacesetter "$WORK/dist" "$home" "$port" "$log" PACESETTER_DEPLOY_POLL_MS="$poll"
  local pid="$SERVER_PID"
  wait_ready "http://127.0.0.1:$port/api/v1/health"
  HD_OUT="$(python3 "$PROBE" deploy --url "http://127.0.0.1:$port/api/v1/hello" --jar "$HELLO1" \
    --deploy-dir "$home/deploy" --n "$DEPLOY_N")" || { stop_server "$pid"; die "hot deploy ($poll ms poll) failed: $HD_OUT (log $log)"; }
  stop_server "$pid"
}
progress "b. hot deploy, default poll ($DEFAULT_POLL ms)"
hot_deploy "$DEFAULT_POLL"; HD_DEF="$HD_OUT"
progress "b. hot deploy, poll $FAST_POLL ms"
hot_deploy "$FAST_POLL"; HD_FAST="$HD_OUT"
say "b. HOT DEPLOY: rename hello.jar into deploy/ -> first 200 on GET /api/v1/hello; delete -> first 404 (median of $DEPLOY_N cycles)"
say "$(printf '  %-30s deploy %5s ms   undeploy %5s ms   goal <= 500 ms: %s' "default poll ($DEFAULT_POLL ms)" \
  "$(fmt_ms "$(jget "$HD_DEF" deploy_median_ms)")" "$(fmt_ms "$(jget "$HD_DEF" undeploy_median_ms)")" \
  "$(verdict "$(jget "$HD_DEF" deploy_median_ms) <= 500")")"
say "$(printf '  %-30s deploy %5s ms   undeploy %5s ms   goal <= 500 ms: %s' "PACESETTER_DEPLOY_POLL_MS=$FAST_POLL" \
  "$(fmt_ms "$(jget "$HD_FAST" deploy_median_ms)")" "$(fmt_ms "$(jget "$HD_FAST" undeploy_median_ms)")" \
  "$(verdict "$(jget "$HD_FAST" deploy_median_ms) <= 500")")"
say "  all cycles (ms): $DEFAULT_POLL ms poll deploy $(jget "$HD_DEF" deploy_ms) undeploy $(jget "$HD_DEF" undeploy_ms)"
say "                   $FAST_POLL ms poll deploy $(jget "$HD_FAST" deploy_ms) undeploy $(jget "$HD_FAST" undeploy_ms)"
say "  (the first cycle also creates hello's tables: its V1 migration runs on the fresh database. Pauses"
say "   between steps are 0.3-0.8 s at random so the steps do not phase-lock with the deploy/ scanner."
say "   Felix File Install reports a new or changed file only once it looked the same on two consecutive"
say "   scans, so noticing a deploy alone takes 1-2 poll intervals; a deletion is noticed on the next scan)"
say ""

# ================================================================ c. redeploy under load
progress "c. redeploy hello v1<->v2 under load on the platform module's routes (${LOAD_D}s)"
PORT="$(free_port)"; H="$(new_home redeploy "$P_CDS")"; LOG="$WORK/logs/redeploy.log"
start_pacesetter "$WORK/dist" "$H" "$PORT" "$LOG"
PID="$SERVER_PID"
wait_ready "http://127.0.0.1:$PORT/api/v1/health"
cp "$HELLO1" "$H/deploy/.hello.jar.part" && mv "$H/deploy/.hello.jar.part" "$H/deploy/hello.jar"
wait_ready "http://127.0.0.1:$PORT/api/v1/hello"
TOKEN="$(sign_in "$PORT")"
LINES_BEFORE="$(wc -l <"$LOG")"
wrk -t1 -c16 -d"${LOAD_D}s" --latency -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/modules" \
  >"$WORK/wrk-redeploy-modules.txt" 2>&1 &
W1=$!; PIDS+=("$W1")
wrk -t1 -c4 -d"${LOAD_D}s" --latency "http://127.0.0.1:$PORT/api/v1/health" >"$WORK/wrk-redeploy-health.txt" 2>&1 &
W2=$!; PIDS+=("$W2")
SWAPS="$(python3 "$PROBE" swaps --url "http://127.0.0.1:$PORT/api/v1/hello" --deploy-dir "$H/deploy" --delay 1 --every 2.5 \
  "$HELLO2=2.0.0" "$HELLO1=1.0.0" "$HELLO2=2.0.0" "$HELLO1=1.0.0")" || true
wait "$W1" || true; wait "$W2" || true
forget_pid "$W1"; forget_pid "$W2"
MOD_STATE="$(python3 - "$PORT" "$TOKEN" <<'EOF'
import json, sys, urllib.request
req = urllib.request.Request(f"http://127.0.0.1:{sys.argv[1]}/api/v1/modules/hello", headers={"Authorization": "Bearer " + sys.argv[2]})
d = json.load(urllib.request.urlopen(req, timeout=5))
print(f"{d.get('state')} {d.get('version')}")
EOF
)" || MOD_STATE="unknown"
stop_server "$PID"
DURING="$(tail -n +"$((LINES_BEFORE + 1))" "$LOG")"
ERRS_DURING="$(grep -c ' ERROR ' <<<"$DURING" || true)"
WARNS_DURING="$(grep -c ' WARN ' <<<"$DURING" || true)"
WARN_KINDS="$(grep -E ' (ERROR|WARN) ' <<<"$DURING" | sed -E 's/^[0-9:.]+ +//; s/\[[^]]*\] //' | cut -c1-110 | sort | uniq -c | head -5 || true)"
RM="$WORK/wrk-redeploy-modules.txt"; RH="$WORK/wrk-redeploy-health.txt"
say "c. REDEPLOY UNDER LOAD: hello.jar replaced v1->v2->v1->v2->v1 (every 2.5 s) during ${LOAD_D}s of load"
say "  swaps done: $(jget "$SWAPS" swap_ms) ms until /api/v1/hello reported the new version (ok=$(jget "$SWAPS" ok)); hello afterwards: $MOD_STATE"
say "$(printf '  %-40s %8s requests  non-2xx %s  socket errors %s  p99 %s ms   goal 0 failures: %s' \
  "GET /api/v1/modules  (wrk -t1 -c16)" "$(wrk_total "$RM")" "$(wrk_non2xx "$RM")" "$(wrk_sockerr "$RM")" "$(wrk_pct "$RM" 99)" \
  "$(verdict "$(wrk_non2xx "$RM") + $(wrk_sockerr "$RM") == 0")")"
say "$(printf '  %-40s %8s requests  non-2xx %s  socket errors %s  p99 %s ms   (informational)' \
  "GET /api/v1/health   (wrk -t1 -c4)" "$(wrk_total "$RH")" "$(wrk_non2xx "$RH")" "$(wrk_sockerr "$RH")" "$(wrk_pct "$RH" 99)")"
say "  (/api/v1/health is specified to answer 503 while any module is starting, so non-2xx there during a"
say "   swap is by design; /api/v1/modules is the platform module's route that must keep answering 200)"
say "  server log during the load: $ERRS_DURING ERROR, $WARNS_DURING WARN line(s)"
if [ -n "$WARN_KINDS" ]; then while IFS= read -r l; do say "    $l"; done <<<"$WARN_KINDS"; fi
say ""

# ================================================================ d/e. throughput, latency, RSS
# runs wrk (warm-up, then measured) against URL; sets TP_* for the caller
load_test() { # name url pid [extra wrk arguments, e.g. -H "Authorization: Bearer ..."]
  local name="$1" url="$2" pid="$3"
  local left="$WRK_W" slice n=0
  WARMUP_CURVE[$name]=""
  while [ "$left" -gt 0 ]; do
    slice=$(( left < 5 ? left : 5 )); left=$(( left - slice )); n=$((n + 1))
    wrk -t"$WRK_T" -c"$WRK_C" -d"${slice}s" "${@:4}" "$url" >"$WORK/wrk-$name-warmup-$n.txt" 2>&1
    WARMUP_CURVE[$name]+="$(awk '{printf "%.0f", $1}' <<<"$(wrk_rps "$WORK/wrk-$name-warmup-$n.txt")") "
  done
  wrk -t"$WRK_T" -c"$WRK_C" -d"${WRK_D}s" --latency "${@:4}" "$url" >"$WORK/wrk-$name.txt" 2>&1
  TP_RSS_AFTER="$(rss_mb "$pid")"
  cp "$WORK/wrk-$name.txt" "$WORK/logs/"
}
declare -A RPS P50 P99 IDLE AFTER NON2 SOCK WARMUP_CURVE
measure() { # key
  local k="$1" f="$WORK/wrk-$1.txt"
  RPS[$k]="$(wrk_rps "$f")"; P50[$k]="$(wrk_pct "$f" 50)"; P99[$k]="$(wrk_pct "$f" 99)"
  NON2[$k]="$(wrk_non2xx "$f")"; SOCK[$k]="$(wrk_sockerr "$f")"; AFTER[$k]="$TP_RSS_AFTER"
}

progress "d. throughput: pacesetter GET /api/v1/hello/ping (${WRK_W}s warm-up + ${WRK_D}s)"
PORT="$(free_port)"; H="$(new_home tp-p "$P_CDS")"
cp "$HELLO1" "$H/deploy/.hello.jar.part" && mv "$H/deploy/.hello.jar.part" "$H/deploy/hello.jar"
start_pacesetter "$WORK/dist" "$H" "$PORT" "$WORK/logs/throughput-pacesetter.log"
PID="$SERVER_PID"
wait_ready "http://127.0.0.1:$PORT/api/v1/health"
wait_ready "http://127.0.0.1:$PORT/api/v1/hello/ping"
check_jvm "$PID"
sleep 2; IDLE[p]="$(rss_mb "$PID")"
BODY_P="$(python3 -c 'import sys,urllib.request; r=urllib.request.urlopen(sys.argv[1]); print(r.headers.get("Content-Type"), r.read().decode())' "http://127.0.0.1:$PORT/api/v1/hello/ping")"
load_test p "http://127.0.0.1:$PORT/api/v1/hello/ping" "$PID"; measure p
# the same body behind a bearer token and a role check, on the same (now warm) server
TOKEN="$(sign_in "$PORT")"
load_test pa "http://127.0.0.1:$PORT/api/v1/hello/ping/secure" "$PID" -H "Authorization: Bearer $TOKEN"; measure pa
# single 15 s windows on 2 shared cores swing by +-20 %: compare the two routes again, interleaved on the same warm server
progress "d. throughput: /hello/ping and /hello/ping/secure interleaved, ${AB_ROUNDS} x ${AB_SLICE}s each"
AB_PING=0; AB_SECURE=0
for round in $(seq "$AB_ROUNDS"); do
  wrk -t"$WRK_T" -c"$WRK_C" -d"${AB_SLICE}s" "http://127.0.0.1:$PORT/api/v1/hello/ping" >"$WORK/wrk-ab-p-$round.txt" 2>&1
  wrk -t"$WRK_T" -c"$WRK_C" -d"${AB_SLICE}s" -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/hello/ping/secure" >"$WORK/wrk-ab-pa-$round.txt" 2>&1
  AB_PING="$(python3 -c 'import sys; print(float(sys.argv[1]) + float(sys.argv[2]))' "$AB_PING" "$(wrk_rps "$WORK/wrk-ab-p-$round.txt")")"
  AB_SECURE="$(python3 -c 'import sys; print(float(sys.argv[1]) + float(sys.argv[2]))' "$AB_SECURE" "$(wrk_rps "$WORK/wrk-ab-pa-$round.txt")")"
done
stop_server "$PID"

progress "d. throughput: baseline GET /api/v1/hello/ping"
PORT="$(free_port)"
start_baseline "$PORT" "$WORK/logs/throughput-baseline.log"
PID="$SERVER_PID"
wait_ready "http://127.0.0.1:$PORT/api/v1/health"
check_jvm "$PID"
sleep 2; IDLE[b]="$(rss_mb "$PID")"
BODY_B="$(python3 -c 'import sys,urllib.request; r=urllib.request.urlopen(sys.argv[1]); print(r.headers.get("Content-Type"), r.read().decode())' "http://127.0.0.1:$PORT/api/v1/hello/ping")"
load_test b "http://127.0.0.1:$PORT/api/v1/hello/ping" "$PID"; measure b
stop_server "$PID"

if [ "$LOG_VARIANT" = 1 ]; then
  progress "d. throughput: pacesetter with the request log at WARN (variant)"
  PORT="$(free_port)"; H="$(new_home tp-pq "$P_CDS")"
  mkdir -p "$H/conf"
  sed 's#<root level=#<logger name="pacesetter.request" level="WARN"/>\n  <root level=#' "$WORK/dist/conf/logback.xml" >"$H/conf/logback.xml"
  cp "$HELLO1" "$H/deploy/.hello.jar.part" && mv "$H/deploy/.hello.jar.part" "$H/deploy/hello.jar"
  start_pacesetter "$WORK/dist" "$H" "$PORT" "$WORK/logs/throughput-pacesetter-quiet.log"
  PID="$SERVER_PID"
  wait_ready "http://127.0.0.1:$PORT/api/v1/health"
  wait_ready "http://127.0.0.1:$PORT/api/v1/hello/ping"
  check_jvm "$PID"
  sleep 2; IDLE[pq]="$(rss_mb "$PID")"
  load_test pq "http://127.0.0.1:$PORT/api/v1/hello/ping" "$PID"; measure pq
  stop_server "$PID"
  REQ_LINES="$(grep -c 'pacesetter.request' "$WORK/logs/throughput-pacesetter-quiet.log" || true)"
fi

say "d. THROUGHPUT & LATENCY: GET /api/v1/hello/ping, wrk -t$WRK_T -c$WRK_C -d${WRK_D}s --latency after ${WRK_W}s of warm-up load"
say "  responses: pacesetter: $BODY_P"
say "             baseline:   $BODY_B"
if [ "$BODY_P" != "$BODY_B" ]; then
  say "  (same bytes in another order: the fixture builds its body with Map.of, whose iteration order changes per JVM)"
fi
tp_line() { # label key
  printf '  %-40s %9s req/s  p50 %6s ms  p99 %6s ms  non-2xx %s  socket errors %s' "$1" "${RPS[$2]}" "${P50[$2]}" "${P99[$2]}" "${NON2[$2]}" "${SOCK[$2]}"
}
say "$(tp_line "baseline (bare Javalin)" b)"
say "$(tp_line "pacesetter (as shipped: request log on)" p)"
R_TP="$(ratio "${RPS[p]}" "${RPS[b]}")"; R_P99="$(ratio "${P99[p]}" "${P99[b]}")"
say "  ratio pacesetter/baseline: throughput ${R_TP}x (goal >= 0.9x: $(verdict "$R_TP >= 0.9"))   p99 ${R_P99}x (goal <= 1.2x: $(verdict "$R_P99 <= 1.2"))"
say "$(tp_line "pacesetter, token+role+enablement+scope" pa)"
R_TPA="$(ratio "${RPS[pa]}" "${RPS[b]}")"; R_P99A="$(ratio "${P99[pa]}" "${P99[b]}")"
say "  ratio (authenticated GET /api/v1/hello/ping/secure)/baseline: throughput ${R_TPA}x (goal >= 0.9x: $(verdict "$R_TPA >= 0.9"))   p99 ${R_P99A}x"
R_AB="$(ratio "$AB_SECURE" "$AB_PING")"
R_ABB="$(python3 -c 'import sys; print("%.2f" % (float(sys.argv[1]) * float(sys.argv[2])))' "$R_AB" "$R_TP")"
say "  interleaved on one warm server ($AB_ROUNDS x ${AB_SLICE}s each): /ping/secure ÷ /ping = ${R_AB}x, so access control costs $(python3 -c 'import sys; print("%.0f" % ((1 - float(sys.argv[1])) * 100))' "$R_AB") % of throughput;"
say "    with pacesetter/baseline above: secure/baseline = ${R_ABB}x (goal >= 0.9x: $(verdict "$R_ABB >= 0.9"))"
if [ "$LOG_VARIANT" = 1 ]; then
  say "$(tp_line "pacesetter, request log at WARN" pq)"
  R_TPQ="$(ratio "${RPS[pq]}" "${RPS[b]}")"; R_P99Q="$(ratio "${P99[pq]}" "${P99[b]}")"
  say "  ratio (request log at WARN)/baseline: throughput ${R_TPQ}x   p99 ${R_P99Q}x   (variant, for diagnosis only)"
fi
say "  warm-up: req/s of each 5 s slice of the warm-up load, from the start of the load on a freshly started server:
    baseline:   ${WARMUP_CURVE[b]% }
    pacesetter: ${WARMUP_CURVE[p]% }$( [ "$LOG_VARIANT" = 1 ] && printf '\n    pacesetter, request log at WARN: %s' "${WARMUP_CURVE[pq]% }")
  NOTE: only $(nproc) cores: wrk (-t$WRK_T) and the server compete for them, so req/s is a lower bound for both."
say ""
say "e. RSS (VmRSS of the JVM process, MiB): idle = 2 s after ready (pacesetter with hello-v1 deployed); after = right after the ${WRK_D}s load"
say "$(printf '  %-40s idle %5s   after load %5s' "baseline" "${IDLE[b]}" "${AFTER[b]}")"
say "$(printf '  %-40s idle %5s   after load %5s   (%sx / %sx baseline)' "pacesetter" "${IDLE[p]}" "${AFTER[p]}" "$(ratio "${IDLE[p]}" "${IDLE[b]}")" "$(ratio "${AFTER[p]}" "${AFTER[b]}")")"
if [ "$LOG_VARIANT" = 1 ]; then
  say "$(printf '  %-40s idle %5s   after load %5s' "pacesetter, request log at WARN" "${IDLE[pq]}" "${AFTER[pq]}")"
fi
say "  (no -Xmx is set: each JVM sizes its heap from the machine's memory, so RSS after load mostly shows heap growth)"

STAT_END="$(head -1 /proc/stat)"
say ""
say "CPU during the run: $(awk -v a="$STAT_START" -v b="$STAT_END" 'BEGIN{ split(a,x," "); split(b,y," "); t=0;
  for (i=2;i<=9;i++) t+=y[i]-x[i]; if (t<=0) { print "n/a"; exit }
  printf "%.0f%% busy, %.1f%% stolen by the hypervisor (steal above ~1%% means a noisy neighbour skews the numbers)",
    100*(t-(y[5]-x[5])-(y[6]-x[6]))/t, 100*(y[9]-x[9])/t }')"
cp "$REPORT" "$RESULTS/latest.txt"
cp "$REPORT" "$RESULTS/report-$(date -u +%Y%m%dT%H%M%SZ).txt"
progress "done; report written to bench/results/latest.txt"
cat "$REPORT"
