#!/usr/bin/env bash
# Tests bin/pyrelease's class-data archive: kept in the user's cache directory, one folder per jar
# and java, made from a command's first successful run and used by the next, never written into
# the build tree, and no obstacle when the cache cannot be written. Needs the CLI jar built
# (./mvnw -B -q package -DskipTests -pl policy-rules); runs a copy of the launcher and the jar.
#   bin/tests/launcher-test.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
built=$(ls "$root"/policy-rules/target/policy-rules-*-cli.jar | head -n 1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/checkout/bin" "$work/checkout/policy-rules/target"
cp "$root/bin/pyrelease" "$work/checkout/bin/"
jar=$work/checkout/policy-rules/target/${built##*/}
cp "$built" "$jar"
cp "${built%-cli.jar}-boot.jar" "${jar%-cli.jar}-boot.jar"
launcher=$work/checkout/bin/pyrelease
failures=0
check() { # description, then a command that must succeed
  local what=$1
  shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; failures=$((failures + 1)); fi
}
archives() { ls -d "$XDG_CACHE_HOME"/pyrelease/cds-* 2>/dev/null | wc -l; }

export XDG_CACHE_HOME=$work/cache
out=$("$launcher" version compare 1.0 1.0.post1)
check "the first run answers" [ "$out" = "<" ]
check "and leaves one archive in \$XDG_CACHE_HOME/pyrelease" [ "$(archives)" -eq 1 ]
folder=$(ls -d "$XDG_CACHE_HOME"/pyrelease/cds-*)
check "made from that command" grep -qxF "version compare" "$folder/trained"
check "nothing written into the build tree" \
  [ -z "$(ls "$work/checkout/policy-rules/target" | grep -v '\.jar$')" ]

"$launcher" version normalize 1.0 > /dev/null
out=$(printf '1.0c1\n2.0\n' | "$launcher" version normalize)
check "a run with the archive reads its own standard input" [ "$out" = "$(printf '1.0rc1\n2.0')" ]

before=$(cksum < "$folder/classes.jsa")
JAVA_TOOL_OPTIONS="-Xlog:class+load:file=$work/loaded" "$launcher" version compare 2 1 > /dev/null 2>&1
check "the next run loads pyrelease's classes from the archive" \
  grep -q 'io.github.pyrelease.cli.PyreleaseCli source: shared objects file' "$work/loaded"
check "and does not open the cli jar" [ -z "$(grep -F -- "-cli.jar" "$work/loaded")" ]
check "and leaves it as it was" [ "$(cksum < "$folder/classes.jsa")" = "$before" ]

"$launcher" version show "$work/nowhere" > /dev/null 2>&1 && status=0 || status=$?
check "a failed run (exit $status) exits as without an archive" [ "$status" -eq 2 ]
check "and adds nothing to the archive" [ "$(grep -c . "$folder/trained")" -eq 2 ]

"$launcher" --help > /dev/null
check "--help is a command of its own" grep -qxF -- "(--help)" "$folder/trained"

touch -d '2001-01-01' "$jar" # a rebuilt jar
out=$("$launcher" version compare 1.0 1.0)
check "a rebuilt jar runs" [ "$out" = "=" ]
check "with a new archive, the old one removed" \
  [ "$(archives)" -eq 1 -a "$(ls -d "$XDG_CACHE_HOME"/pyrelease/cds-*)" != "$folder" ]

touch "$work/file"
XDG_CACHE_HOME=$work/file/cache "$launcher" version compare 1 2 > "$work/out" 2> "$work/err"
check "a cache directory that cannot be made does not stop a run" [ "$(cat "$work/out")" = "<" ]
check "nor make it print anything" [ ! -s "$work/err" ]

out=$(env -u XDG_CACHE_HOME -u HOME "$launcher" version compare 2 1)
check "without HOME or XDG_CACHE_HOME it runs, with no archive" [ "$out" = ">" ]

stop_level() { # the JIT's top tier in a run of the launcher with these arguments
  JAVA_TOOL_OPTIONS=-XX:+PrintFlagsFinal "$launcher" "$@" 2> /dev/null \
    | awk '$2 == "TieredStopAtLevel" {print $4}'
}
mkdir -p "$work/small" "$work/large"
head -c 70000000 /dev/zero > "$work/large/big.whl"
check "a check of small distributions runs on the quick compiler" \
  [ "$(stop_level check "$work" --stage dist --dist "$work/small")" = 1 ]
check "of more than 64 MiB on the optimising one too" \
  [ "$(stop_level check "$work" --stage dist --dist="$work/large")" = 4 ]

echo "$failures failed"
[ "$failures" -eq 0 ]
