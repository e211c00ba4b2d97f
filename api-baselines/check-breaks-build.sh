#!/usr/bin/env bash
# Proves that the build refuses an unversioned incompatible change to the SDK. In a copy of the tree (the working tree
# is never touched) it changes platform-api in five ways and runs the same build that `mvn -B verify` runs for it
# (`mvn verify -pl platform-api -am`, tests skipped), expecting bnd's baseline check to
#
#   1. pass   the tree as it is (the control: the baseline matches the code);
#   2. fail   a method removed from an exported interface (PlatformClock.today()), package version unchanged;
#   3. fail   a method added to a @ConsumerType interface (RouteProvider, which plugins implement) with only a minor bump;
#   4. pass   a method added to a @ProviderType interface (PlatformClock, which only the kernel implements) with the
#             minor bump bnd asks for (time 1.0.0 -> 1.1.0);
#   5. fail   case 2 with the package's major bump (time 2.0.0) but the bundle still at 1.x: a major change to any
#             exported package needs a major bundle (reactor) version too.
#
# A case counts only when the build passes with "Baseline check succeeded" or fails with "Baseline problems detected";
# a build that fails for any other reason (a compile error, a missing baseline) stops the check. Exit status 0 when every
# case went as expected. About a minute on a 2-core machine; offline by default (MVN_FLAGS=-o). Not part of
# `mvn -B verify`: CI runs it after the test command (.ci/run); run it by hand after changing the baseline setup.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
MVN_FLAGS="${MVN_FLAGS--o}"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/pacesetter-breakcheck.XXXXXX")"
# KEEP_WORK=1 keeps the copy and each case's build log (caseN.log) for a look afterwards
if [ "${KEEP_WORK:-0}" = 1 ]; then trap 'echo "kept $WORK"' EXIT; else trap 'rm -rf "$WORK"' EXIT; fi
# every module the root pom names (Maven reads each one's pom even with -pl), plus the repository setup
tar -C "$ROOT" --exclude=target --exclude=.git -cf - pom.xml .mvn api-baselines \
    $(sed -n "s:^ *<module>\(.*\)</module>.*:\1:p" "$ROOT/pom.xml") | tar -C "$WORK" -xf -
API="$WORK/platform-api/src/main/java/dev/pacesetter/platform/api"
cp -a "$WORK/platform-api/src" "$WORK/pristine-src"

die() { echo "check-breaks-build.sh: $*" >&2; exit 2; }

# Each edit checks that it applied, so that a change to the SDK's sources cannot turn this check into a no-op.
remove_today() {
  perl -0pi -e 's{\n    /\*\* Today.s date[^\n]*\n    default LocalDate today\(\) \{\n[^\n]*\n    \}\n}{\n}' "$API/time/PlatformClock.java"
  ! grep -q 'today()' "$API/time/PlatformClock.java" || die "could not remove PlatformClock.today()"
}
add_method() { # file, declaration
  perl -0pi -e "s#\n\}\s*\z#\n\n    $2\n}\n#" "$1"
  grep -qF "$2" "$1" || die "could not add '$2' to $1"
}
package_version() { # package folder, version
  perl -pi -e "s{\@Version\(\"[^\"]*\"\)}{\@Version(\"$2\")}" "$API/$1/package-info.java"
  grep -qF "@Version(\"$2\")" "$API/$1/package-info.java" || die "could not set $1 to $2"
}

FAILURES=0
run_case() { # number, expected (pass|fail), description, edits...
  local n="$1" expected="$2" what="$3"
  shift 3
  rm -rf "$WORK/platform-api/src" && cp -a "$WORK/pristine-src" "$WORK/platform-api/src"
  for edit in "$@"; do eval "$edit"; done
  local log="$WORK/case$n.log" start end outcome
  start=$(date +%s)
  (cd "$WORK" && mvn -B $MVN_FLAGS verify -pl platform-api -am -Dmaven.test.skip=true) > "$log" 2>&1 || true
  end=$(date +%s)
  if grep -q 'Baseline check succeeded' "$log"; then outcome=pass
  elif grep -q 'Baseline problems detected' "$log"; then outcome=fail
  else
    tail -40 "$log" >&2
    die "case $n: the build ended without a baseline verdict (log above)"
  fi
  local verdict="as expected"
  if [ "$outcome" != "$expected" ]; then verdict="UNEXPECTED"; FAILURES=$((FAILURES + 1)); fi
  printf '%s. %-4s expected, baseline said %-4s (%ss) %s: %s\n' "$n" "$expected" "$outcome" "$((end - start))" "$verdict" "$what"
  # the report's rows for what changed (a * marks a mismatch, which fails the build); unchanged packages left out
  grep -E '^[* ] [a-z][a-z0-9_.]+ +(BUNDLE|PACKAGE) ' "$WORK"/platform-api/target/baseline/*.txt \
      | grep -vE ' (BUNDLE +CHANGED|PACKAGE +UNCHANGED) ' | sed 's/ *$//; s/^/     /' || true
}

echo "Baseline check of platform-api against api-baselines (${MVN_FLAGS:-online}), in $WORK"
echo "(rows of bnd's report: name, type, delta, new, baseline, suggested, would do for provider types; * = mismatch)"
run_case 1 pass "the tree as it is"
run_case 2 fail "PlatformClock.today() removed, time stays 1.0.0" remove_today
run_case 3 fail "RouteProvider (@ConsumerType) gains a method, http 1.7.0 -> 1.8.0" \
    "add_method '$API/http/RouteProvider.java' 'String describe();'" "package_version http 1.8.0"
run_case 4 pass "PlatformClock (@ProviderType) gains a method, time 1.0.0 -> 1.1.0" \
    "add_method '$API/time/PlatformClock.java' 'java.time.Duration uptime();'" "package_version time 1.1.0"
run_case 5 fail "PlatformClock.today() removed, time 1.0.0 -> 2.0.0, bundle still 1.1.0" \
    remove_today "package_version time 2.0.0"

if [ "$FAILURES" -ne 0 ]; then
  echo "FAILED: $FAILURES case(s) did not go as expected: the baseline check does not guard the SDK" >&2
  exit 1
fi
echo "OK: the build refuses the incompatible changes and accepts the correctly versioned one"
