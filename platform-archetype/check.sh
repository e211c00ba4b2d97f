#!/usr/bin/env bash
# Proves the plugin archetype end to end, as an integrator would use it:
#   1. installs this build's artifacts (the SDK, the test kit, the archetype) into the local Maven repository;
#   2. generates a plugin (module "nps") with the archetype, in a temporary folder;
#   3. checks it is exactly the example the docs walk through (examples/nps): the two never drift apart;
#   4. builds it with its own tests: the unit test and the integration test on the test kit, on H2 and PostgreSQL;
#   5. hot-deploys the jar into the assembled distribution (bin/pacesetter) and calls its route as a rep.
# Needs: a built distribution (mvn -B verify or package first), PostgreSQL on 127.0.0.1:5432 (postgres, trust).
# CI runs it after mvn -B verify (.ci/run). Usage: platform-archetype/check.sh   (MVN_FLAGS=-o to stay offline)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
MVN_FLAGS="${MVN_FLAGS:-}"
VERSION="$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)"
DIST_SRC="$ROOT/distribution/target/pacesetter"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/pacesetter-archetype.XXXXXX")"
PID=""
say() { printf '[archetype %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'archetype check: %s\n' "$*" >&2; exit 1; }
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill "$PID"; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
[ -x "$DIST_SRC/bin/pacesetter" ] || die "no distribution at $DIST_SRC: run 'mvn -B verify' (or package) first"

say "installing $VERSION (SDK, test kit, archetype) into the local repository"
(cd "$ROOT" && mvn -B -q $MVN_FLAGS install -DskipTests -Dbnd.baseline.skip=true -pl platform-api,platform-testing,platform-archetype -am)

say "generating a plugin with the archetype"
(cd "$WORK" && mvn -B -q $MVN_FLAGS org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate -DarchetypeCatalog=local \
  -DarchetypeGroupId=dev.pacesetter -DarchetypeArtifactId=platform-archetype -DarchetypeVersion="$VERSION" \
  -DgroupId=com.example -DartifactId=nps -Dversion=1.0.0 -Dpackage=com.example.nps -DmoduleId=nps -DmoduleName="NPS surveys" \
  -DinteractiveMode=false)
PLUGIN="$WORK/nps"
[ -f "$PLUGIN/pom.xml" ] || die "the archetype generated nothing"
if ! diff -r -q "$PLUGIN" "$ROOT/examples/nps" -x target >/dev/null; then
  diff -r "$PLUGIN" "$ROOT/examples/nps" -x target | head -40 >&2
  die "examples/nps is not what the archetype generates: regenerate it (see examples/README.md)"
fi

say "building the generated plugin with its unit and integration tests (test kit, H2 and PostgreSQL)"
(cd "$PLUGIN" && mvn -B -q $MVN_FLAGS verify)
JAR="$PLUGIN/target/nps-1.0.0.jar"
[ -f "$JAR" ] || die "no $JAR"

say "hot-deploying it into the distribution"
cp -r "$DIST_SRC" "$WORK/dist"
HOME_DIR="$WORK/home"; mkdir -p "$HOME_DIR"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
PASSWORD="archetype-check-password"
env PACESETTER_HOME="$HOME_DIR" PACESETTER_PORT="$PORT" PACESETTER_HOST=127.0.0.1 PACESETTER_ADMIN_PASSWORD="$PASSWORD" \
  PACESETTER_MODULES_ENABLED_BY_DEFAULT=all "$WORK/dist/bin/pacesetter" >"$WORK/server.log" 2>&1 &
PID=$!
API="http://127.0.0.1:$PORT/api/v1"
until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$API/health" || true)" = 200 ]; do
  kill -0 "$PID" 2>/dev/null || { tail -40 "$WORK/server.log" >&2; die "the distribution stopped while starting"; }
  sleep 0.2
done
cp "$JAR" "$HOME_DIR/deploy/.nps.jar.part" && mv "$HOME_DIR/deploy/.nps.jar.part" "$HOME_DIR/deploy/nps.jar"
token() { curl -sf -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$PASSWORD\"}" "$API/auth/login" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'; }
ADMIN="$(token admin)"
for _ in $(seq 1 100); do
  state="$(curl -s -H "Authorization: Bearer $ADMIN" "$API/modules/nps" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("state",""))' 2>/dev/null || true)"
  [ "$state" = ACTIVE ] && break
  sleep 0.2
done
[ "$state" = ACTIVE ] || { grep -v ' /api/v1/' "$WORK/server.log" | tail -30 >&2
  die "module nps is '$state' after the hot deploy, not ACTIVE: $(curl -s -H "Authorization: Bearer $ADMIN" "$API/modules/nps")"; }
curl -sf -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d "{\"username\":\"rep.check\",\"displayName\":\"Rep\",\"password\":\"$PASSWORD\",\"roles\":[\"REP\"]}" "$API/users" >/dev/null
REP="$(token rep.check)"
code="$(curl -s -o "$WORK/created.json" -w '%{http_code}' -H "Authorization: Bearer $REP" -H 'Content-Type: application/json' \
  -d '{"customer":"华南五金","score":9}' "$API/nps/surveys")"
[ "$code" = 201 ] || die "POST /api/v1/nps/surveys answered $code: $(cat "$WORK/created.json")"
score="$(curl -sf -H "Authorization: Bearer $REP" "$API/nps/score" | python3 -c 'import json,sys; print(float(json.load(sys.stdin)["nps"]))')"
[ "$score" = 100.0 ] || die "the score is $score after one promoter, not 100.0"
say "OK: generated, built with its tests on the kit, hot-deployed into the distribution and served"
