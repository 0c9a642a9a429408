#!/usr/bin/env bash
# Drill: a fresh clone builds with a JDK alone. Clones this repository's HEAD into a temporary directory, hides
# every `mvn` on the PATH (a copy of each PATH directory that holds one, without it), and runs `./dev build` there:
# ./dev must fall back to ./mvnw, which fetches the Maven named in .mvn/wrapper from Maven Central (into a fresh
# MAVEN_USER_HOME, so the download is part of the drill; the dependencies come from ~/.m2/repository as usual).
# Then the jar must say which commit it was built from. Prints PASS/FAIL with the time taken; exits 1 on failure.
#   bench/drills/wrapper-build.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=$(mktemp -d "${TMPDIR:-/tmp}/wrapper-drill.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

git clone -q . "$WORK/clone"
COMMIT=$(git -C "$WORK/clone" rev-parse HEAD)

# The PATH without Maven: directories holding mvn are replaced by copies (of symbolic links) without it.
NOMVN_PATH=
IFS=: read -r -a dirs <<<"$PATH"
for dir in "${dirs[@]}"; do
  if [ -x "$dir/mvn" ]; then
    shadow=$WORK/path/$(echo "$dir" | tr / _)
    mkdir -p "$shadow"
    for entry in "$dir"/*; do
      case "${entry##*/}" in mvn|mvnDebug|mvnyjp) ;; *) ln -s "$entry" "$shadow/" ;; esac
    done
    dir=$shadow
  fi
  NOMVN_PATH=${NOMVN_PATH:+$NOMVN_PATH:}$dir
done
if PATH=$NOMVN_PATH command -v mvn >/dev/null; then
  echo "FAIL could not hide mvn from the PATH"; exit 1
fi

start=$(date +%s)
if ! (cd "$WORK/clone" && PATH=$NOMVN_PATH MAVEN_USER_HOME=$WORK/maven-user-home ./dev build >"$WORK/build.log" 2>&1); then
  echo "FAIL ./dev build without Maven on the PATH; the end of its log:"
  tail -n 30 "$WORK/build.log"
  exit 1
fi
took=$(( $(date +%s) - start ))
JAR=$WORK/clone/bootstrap/target/customer-registration.jar
if [ ! -d "$WORK/maven-user-home/wrapper/dists" ]; then
  echo "FAIL the build did not go through ./mvnw (no wrapper distribution downloaded)"; exit 1
fi
if ! unzip -p "$JAR" BOOT-INF/classes/git.properties | grep -q "git.commit.id=$COMMIT"; then
  echo "FAIL the jar does not name commit $COMMIT"; exit 1
fi
echo "PASS a clone of $COMMIT built with ./mvnw ($(ls "$WORK/maven-user-home/wrapper/dists")) and no mvn on the PATH in ${took} s, download of Maven included"
