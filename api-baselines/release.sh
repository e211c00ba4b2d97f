#!/usr/bin/env bash
# (Re)publishes the API baseline: builds platform-api, plugin-leads and plugin-pipeline at the baseline version from
# the current tree and writes their API (manifest + exported packages) into this folder, a Maven repository that the
# exporting bundles' bnd baseline check reads (see README.md here).
#
#   api-baselines/release.sh                 # (re)publish the version in the root pom's <api.baseline.version>
#   api-baselines/release.sh 1.1.0           # publish another version and point <api.baseline.version> at it
#   api-baselines/release.sh --allow-dirty   # build uncommitted changes too (for trying things out)
#
# Repeatable: an existing baseline of the same version is replaced, and the same tree gives the same bytes (the build's
# project.build.outputTimestamp is fixed). Offline by default (MVN_FLAGS=-o); run with MVN_FLAGS= when a dependency
# is missing from ~/.m2. Never installs or deploys anything into ~/.m2; it only deletes the stale cached copy of the
# baseline it replaces, so that this machine's next build reads the new one.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
MODULES=(platform-api plugin-leads plugin-pipeline)
GROUP_PATH=dev/pacesetter
MVN_FLAGS="${MVN_FLAGS--o}"
LOCAL_REPO="${MAVEN_LOCAL_REPO:-$HOME/.m2/repository}"

die() { echo "release.sh: $*" >&2; exit 1; }

ALLOW_DIRTY=false
VERSION=""
for arg in "$@"; do
  case "$arg" in
    --allow-dirty) ALLOW_DIRTY=true ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option $arg" ;;
    *) [ -z "$VERSION" ] || die "one version only"; VERSION="$arg" ;;
  esac
done

# the reactor's version: the first <version> of the root pom (it has no parent)
REACTOR="$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)"
CONFIGURED="$(sed -n 's:.*<api.baseline.version>\(.*\)</api.baseline.version>.*:\1:p' "$ROOT/pom.xml" | head -1)"
[ -n "$REACTOR" ] && [ -n "$CONFIGURED" ] || die "cannot read <version> and <api.baseline.version> from $ROOT/pom.xml"
VERSION="${VERSION:-$CONFIGURED}"

[[ "$VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "baseline version must be a release version like 1.0.0, not '$VERSION'"
# bnd also compares bundle versions: the reactor (the bundles being built) must stay above the baseline
lowest="$(printf '%s\n%s\n' "$VERSION" "${REACTOR%-SNAPSHOT}" | sort -V | head -1)"
if [ "$lowest" != "$VERSION" ] || [ "$VERSION" = "${REACTOR%-SNAPSHOT}" ]; then
  die "baseline $VERSION must be lower than the reactor version $REACTOR: move the reactor first (every pom.xml)"
fi

if ! $ALLOW_DIRTY; then
  dirty="$(git -C "$ROOT" status --porcelain -- pom.xml "${MODULES[@]}")"
  [ -z "$dirty" ] || die "uncommitted changes in what would be released (commit them, or --allow-dirty):
$dirty"
fi
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD)"
$ALLOW_DIRTY && [ -n "$(git -C "$ROOT" status --porcelain -- pom.xml "${MODULES[@]}")" ] && COMMIT="$COMMIT+uncommitted changes"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/pacesetter-release.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# A copy of the reactor (Maven reads every module's pom even with -pl), set to the baseline version.
echo "Building $VERSION of ${MODULES[*]} from $COMMIT (reactor $REACTOR) in $WORK"
tar -C "$ROOT" --exclude=target --exclude=.git -cf - pom.xml $(sed -n "s:^ *<module>\(.*\)</module>.*:\1:p" "$ROOT/pom.xml") | tar -C "$WORK" -xf -
find "$WORK" -name pom.xml -exec perl -pi -e "s#<version>\\Q$REACTOR\\E</version>#<version>$VERSION</version>#g" {} +
if grep -rl --include=pom.xml -F "$REACTOR" "$WORK" >/dev/null; then
  die "some pom.xml still names $REACTOR after setting the version: $(grep -rl --include=pom.xml -F "$REACTOR" "$WORK")"
fi
# plugin-leads runs the leadwatch fixture in its integration tests, and leadwatch compiles against the released leads API
# (fixtures/leadwatch/pom.xml): with the reactor at the released version that is a cycle. This build runs no test.
perl -0pi -e 's#\s*<dependency><groupId>dev\.pacesetter</groupId><artifactId>fixture-leadwatch</artifactId>.*?</dependency>##' "$WORK/plugin-leads/pom.xml"
pl="$(IFS=,; echo "${MODULES[*]}")"
# shellcheck disable=SC2086  # MVN_FLAGS is a list of flags
if ! (cd "$WORK" && mvn -B $MVN_FLAGS package -pl "$pl" -am -DskipTests) > "$WORK/build.log" 2>&1; then
  tail -40 "$WORK/build.log" >&2
  die "the release build failed (mvn $MVN_FLAGS package -pl $pl -am -DskipTests, log above)"
fi

for m in "${MODULES[@]}"; do
  bundle="$WORK/$m/target/$m-$VERSION.jar"
  [ -f "$bundle" ] || die "the build made no $bundle"
  dir="$HERE/$GROUP_PATH/$m/$VERSION"
  rm -rf "$dir"
  mkdir -p "$dir"
  echo "$GROUP_PATH/$m/$VERSION/$m-$VERSION.jar:"
  java "$HERE/ApiJar.java" "$bundle" "$dir/$m-$VERSION.jar"
  cat > "$dir/$m-$VERSION.pom" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by api-baselines/release.sh. The released API of $m: the bundle's manifest and its exported packages,
     which bnd's baseline check compares with every build. Not a runnable bundle. -->
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.pacesetter</groupId>
  <artifactId>$m</artifactId>
  <version>$VERSION</version>
  <packaging>jar</packaging>
</project>
EOF
  # maven-metadata.xml lists every baseline version kept here (no timestamp, so a re-run changes nothing)
  versions="$(find "$HERE/$GROUP_PATH/$m" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort -V)"
  {
    echo '<?xml version="1.0" encoding="UTF-8"?>'
    echo '<metadata>'
    echo "  <groupId>dev.pacesetter</groupId>"
    echo "  <artifactId>$m</artifactId>"
    echo '  <versioning>'
    echo "    <latest>$(tail -1 <<<"$versions")</latest>"
    echo "    <release>$(tail -1 <<<"$versions")</release>"
    echo '    <versions>'
    while read -r v; do echo "      <version>$v</version>"; done <<<"$versions"
    echo '    </versions>'
    echo '  </versioning>'
    echo '</metadata>'
  } > "$HERE/$GROUP_PATH/$m/maven-metadata.xml"
  for f in "$dir/$m-$VERSION.jar" "$dir/$m-$VERSION.pom" "$HERE/$GROUP_PATH/$m/maven-metadata.xml"; do
    sha1sum "$f" | cut -d' ' -f1 > "$f.sha1"
  done
  # Maven keeps what it once read from a repository in ~/.m2 and never reads a release again: forget the old copy.
  if [ -d "$LOCAL_REPO/$GROUP_PATH/$m/$VERSION" ]; then
    rm -rf "${LOCAL_REPO:?}/$GROUP_PATH/$m/$VERSION"
    echo "  (removed the cached copy in $LOCAL_REPO/$GROUP_PATH/$m/$VERSION)"
  fi
done

if [ "$VERSION" != "$CONFIGURED" ]; then
  perl -pi -e "s#<api.baseline.version>\\Q$CONFIGURED\\E</api.baseline.version>#<api.baseline.version>$VERSION</api.baseline.version>#" "$ROOT/pom.xml"
  echo "Root pom: <api.baseline.version> $CONFIGURED -> $VERSION"
fi
echo "Done. Review and commit: git add api-baselines pom.xml && git commit"
git -C "$ROOT" status --short -- api-baselines pom.xml
