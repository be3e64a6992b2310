#!/usr/bin/env bash
# Every benchmark the issues asked for, in one run, printed as one table: the work, pyrelease's
# figure, the peer's figure measured in the same run (the two interleaved, so the machine's load
# moves both alike), the ratio, the target and whether it is met; with the machine and its load.
# No network: the upload goes to a loopback sink. Every timed run checks its outcome (exit code,
# output against the peer's where the work is the same, what the sink received); a run that fails
# or does nothing stops the benchmark.
#
#   benchmarks/run-all.sh            # the full sizes (200 wheels, a 1 GiB wheel, a 500 MiB upload)
#   benchmarks/run-all.sh --quick    # smaller files and fewer runs: under 3 minutes
#   benchmarks/run-all.sh --only startup|versions|dists|uploads|secrets|audit|recursive|git [--quick]
#
# Cold: a fresh process each run, as a user runs the command (bin/pyrelease, the launcher users
# run; python3 -m twine; a Python script with packaging). Warm: the same work repeated in one
# process, the later half of the rounds counted (pyrelease: WarmCli, in one JVM as a Maven build
# runs the goals; twine: warm_twine.py; packaging: version_cli_packaging.py ROUNDS). Wall and CPU
# (user + system, to the microsecond) are medians; the ratio is the peer's wall over ours (above 1:
# pyrelease is faster).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
python=${PYTHON:-/usr/bin/python3}
quick=
only=
while [ $# -gt 0 ]; do
  case $1 in
    --quick) quick=1 ;;
    --only) only=$2 && shift ;;
    *) echo "usage: run-all.sh [--quick] [--only startup|versions|dists|uploads|secrets|audit|recursive|git]" >&2 && exit 2 ;;
  esac
  shift
done
if [ -n "$quick" ]; then
  runs=${RUNS:-5} wheels=50 large_mib=128 large_runs=2 upload_mib=64 upload_runs=2 rounds=6
  secrets_mb=20 secrets_runs=2 audit_runs=3 packages=50
else
  runs=${RUNS:-9} wheels=200 large_mib=1024 large_runs=3 upload_mib=500 upload_runs=3 rounds=10
  secrets_mb=200 secrets_runs=3 audit_runs=5 packages=200
fi
snapshot=${SNAPSHOT:-$root/../shared/data/osv/PyPI-pypa-advisory-database.zip}
work=$(mktemp -d)
sink_pid=
cleanup() {
  if [ -n "$sink_pid" ]; then kill "$sink_pid" 2> /dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
table=$work/table
: > "$table"
export XDG_CACHE_HOME=$work/cache # bin/pyrelease's class-data archive, made in an untimed run
pyrelease=$root/bin/pyrelease

die() {
  echo "run-all.sh: $*" >&2
  exit 1
}
section() { [ -z "$only" ] || [ "$only" = "$1" ]; }
load() { cut -d ' ' -f 1-3 /proc/loadavg; }

# timed NAME EXPECTED_EXIT INPUT COMMAND...: runs it once, standard input from INPUT, output kept in
# $work/NAME.out; appends "wall cpu" to $work/NAME.t; stops the benchmark on another exit code.
timed() {
  local name=$1 expected=$2 input=$3 status=0
  shift 3
  "$python" "$here/process_time.py" "$work/time" "$@" < "$input" > "$work/$name.out" \
    2> "$work/$name.err" || status=$?
  if [ "$status" -ne "$expected" ]; then
    cat "$work/$name.err" >&2
    die "$name: exit code $status, expected $expected: $*"
  fi
  grep '^T ' "$work/time" | cut -d ' ' -f 2- >> "$work/$name.t"
}
median() { # of column $2 of file $1
  awk -v c="$2" '{print $c}' "$1" | sort -g \
    | awk '{v[NR]=$1} END {if (NR == 0) exit 1; print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'
}
# row WORK OURS PEER_LABEL PEER TARGET: a line of the table from $work/OURS.t and $work/PEER.t
# (PEER "-" for none); TARGET is "ratio>=X", "wall<S" or "-".
row() {
  local work_name=$1 ours=$2 peer_label=$3 peer=$4 target=$5
  local w c pw pc ratio="" met="-" peer_text="-"
  w=$(median "$work/$ours.t" 1)
  c=$(median "$work/$ours.t" 2)
  if [ "$peer" != - ]; then
    pw=$(median "$work/$peer.t" 1)
    pc=$(median "$work/$peer.t" 2)
    ratio=$(awk -v a="$pw" -v b="$w" 'BEGIN {printf "%.2fx", a / b}')
    peer_text="$peer_label $(printf '%.3f s (CPU %.3f)' "$pw" "$pc")"
  fi
  case $target in
    ratio\>=*) met=$(awk -v r="${ratio%x}" -v t="${target#ratio>=}" 'BEGIN {print (r >= t) ? "met" : "MISSED"}') ;;
    wall\<*) met=$(awk -v w="$w" -v t="${target#wall<}" 'BEGIN {print (w < t) ? "met" : "MISSED"}') ;;
  esac
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$work_name" "$(printf '%.3f s (CPU %.3f)' "$w" "$c")" \
    "$peer_text" "${ratio:--}" "$target" "$met" "$(load)" \
    | sed 's/| ratio>=\([0-9.]*\) |/| ratio ≥ \1 |/; s/| wall<\([0-9.]*\) |/| wall < \1 s |/' >> "$table"
  tail -n 1 "$table"
}
warm() { # NAME: the later half of $work/NAME.rounds ("round N wall_ms cpu_ms exit") as seconds
  local n
  n=$(grep -c '^round ' "$work/$1.rounds")
  [ "$n" -ge 2 ] || die "$1: fewer than two warm rounds ran"
  grep '^round ' "$work/$1.rounds" | tail -n $((n / 2)) | awk '{printf "%.4f %.4f\n", $3 / 1000, $4 / 1000}' > "$work/$1.t"
}

jar=$(ls "$root"/policy-rules/target/policy-rules-*-cli.jar 2> /dev/null | head -n 1)
if [ -z "$jar" ] || [ -n "$(find "$root/policy-rules/src/main" "$root/policy-rules/pom.xml" -newer "$jar" -type f | head -n 1)" ]; then
  echo "== building the CLI"
  (cd "$root" && ./mvnw -B -q -o -pl policy-rules package -DskipTests)
  jar=$(ls "$root"/policy-rules/target/policy-rules-*-cli.jar | head -n 1)
fi
# the warm harness, compiled against the jar here (the benchmarks module needs JMH, which an offline
# machine may not have)
mkdir -p "$work/warm"
javac -nowarn -d "$work/warm" -cp "$jar" "$here/src/main/java/io/github/pyrelease/cli/WarmCli.java"
warmcli() { java -cp "$work/warm:$jar" io.github.pyrelease.cli.WarmCli "$@"; }
java_version=$(java -version 2>&1 | head -n 1)
echo "== machine: $(grep -m 1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); load $(load)"

mkdir -p "$work/project"
printf '[project]\nname = "bench-pkg"\nversion = "1.0.0"\n' > "$work/project/pyproject.toml"
none=/dev/null

if section startup; then
  echo "== start-up: cold, $runs runs each"
  printf 'Usage: pyrelease [-hV] [COMMAND]\n' > "$work/help.first"
  "$pyrelease" --help > /dev/null # untimed: makes the class-data archive of each command
  "$pyrelease" version show "$work/project" > /dev/null
  "$pyrelease" version compare 1 2 > /dev/null
  "$pyrelease" rules > /dev/null
  "$pyrelease" check "$work/project" --stage source --offline --format json --out "$work/r" > /dev/null
  for run in $(seq "$runs"); do
    timed jvm 0 $none java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -version
    timed help 0 $none "$pyrelease" --help
    head -n 1 "$work/help.out" | cmp -s - "$work/help.first" || die "pyrelease --help printed no usage"
    timed twinehelp 0 $none "$python" -m twine --help
    grep -q '^usage: twine' "$work/twinehelp.out" || die "twine --help printed no usage"
    timed show 0 $none "$pyrelease" version show "$work/project"
    grep -q '^bench-pkg 1.0.0$' "$work/show.out" || die "version show did not show the version"
    timed compare 0 $none "$pyrelease" version compare 1.0 1.0.post1
    [ "$(cat "$work/compare.out")" = "<" ] || die "version compare: $(cat "$work/compare.out")"
    timed rules 0 $none "$pyrelease" rules
    grep -q '^version-pep440 ' "$work/rules.out" || die "rules listed no rule"
    timed check 0 $none "$pyrelease" check "$work/project" --stage source --offline --format json --out "$work/r"
    grep -q ' 0 failed' "$work/check.out" || die "check did not pass: $(tail -n 1 "$work/check.out")"
  done
  row "JVM alone (\`java -version\`, the floor)" jvm - - -
  row "\`pyrelease --help\`, cold" help "\`twine --help\`" twinehelp "wall<0.12"
  row "\`pyrelease version show\`, cold" show - - "wall<0.12"
  row "\`pyrelease version compare\`, cold (a one-shot command)" compare - - "wall<0.15"
  row "\`pyrelease rules\`, cold" rules - - "wall<0.15"
  row "\`pyrelease check --stage source\`, cold" check - - "wall<0.15"
fi

if section versions; then
  echo "== versions: cold, $runs interleaved pairs each; warm: 40 rounds in one JVM, 10 in one Python"
  versions=$here/src/main/resources/versions.txt
  for _ in $(seq 20); do cat "$versions"; done > "$work/v20k"
  "$python" "$here/version_cli_packaging.py" valid < "$work/v20k" > "$work/v19k"
  count=$(wc -l < "$work/v20k")
  valid=$(wc -l < "$work/v19k")
  "$pyrelease" version normalize < "$work/v20k" > /dev/null || [ $? -eq 1 ] # untimed, the archive
  "$pyrelease" version sort < "$work/v19k" > /dev/null
  for run in $(seq "$runs"); do
    # exit 1: some of the strings are not versions, which both say
    timed normalize 1 "$work/v20k" "$pyrelease" version normalize
    timed pynormalize 1 "$work/v20k" "$python" "$here/version_cli_packaging.py" normalize
    sed 's/^invalid: .*/invalid/' "$work/normalize.out" | cmp -s - "$work/pynormalize.out" \
      || die "version normalize and packaging disagree"
    [ "$(wc -l < "$work/normalize.out")" -eq "$count" ] || die "version normalize printed too few lines"
    timed sort 0 "$work/v19k" "$pyrelease" version sort
    timed pysort 0 "$work/v19k" "$python" "$here/version_cli_packaging.py" sort
    cmp -s "$work/sort.out" "$work/pysort.out" || die "version sort and packaging disagree"
    [ "$(wc -l < "$work/sort.out")" -eq "$valid" ] || die "version sort printed too few lines"
  done
  row "PEP 440 normalisation of $count strings, cold" normalize packaging pynormalize "ratio>=1"
  row "PEP 440 sort of $valid versions, cold" sort packaging pysort "ratio>=1"
  warmcli 40 1 --stdin "$work/v20k" version normalize > "$work/normwarm.rounds" \
    || { cat "$work/normwarm.rounds"; die "warm version normalize failed"; }
  "$python" "$here/version_cli_packaging.py" normalize 10 < "$work/v20k" > "$work/pynormwarm.rounds" \
    || { cat "$work/pynormwarm.rounds"; die "warm packaging normalize failed"; }
  warm normwarm
  warm pynormwarm
  row "PEP 440 normalisation of $count strings, warm (one JVM, as in Maven; one Python)" normwarm packaging pynormwarm "ratio>=10"
fi

if section dists; then
  echo "== distributions: $wheels wheels and the broken ones, cold $runs interleaved pairs; warm $rounds rounds"
  "$python" "$here/generate_wheels.py" "$wheels" "$work/wheels" > /dev/null
  "$python" "$here/generate_broken_dists.py" "$work/broken" > "$work/broken.list"
  cat "$work/wheels"/*.whl > /dev/null # the file cache warm for both
  check=(check "$work/project" --stage dist --python "$python" --format json --out "$work/dr"
    --rules dist-metadata --dist)
  # Each broken file alone: both tools must fail on it, each naming what is wrong
  while read -r file why; do
    mkdir -p "$work/one" && rm -f "$work/one"/* && cp "$work/broken/$file" "$work/one/"
    timed broken-twine 1 $none "$python" -m twine check "$work/one/$file"
    timed broken-ours 1 $none "$pyrelease" "${check[@]}" "$work/one" --rules dist-metadata,dist-contents
    grep '^FAIL' "$work/broken-ours.out" | grep -qF "$file" || die "pyrelease did not name $file"
    echo "   $file ($why): twine: $(grep -m 1 -E 'FAILED|ERROR|Error' "$work/broken-twine.out" "$work/broken-twine.err" | cut -d: -f2- | cut -c 1-70)"
    echo "   $(printf '%*s' ${#file} '')  pyrelease: $(grep -m 1 '^FAIL' "$work/broken-ours.out" | cut -c 1-80)"
  done < "$work/broken.list"
  "$pyrelease" "${check[@]}" "$work/wheels" > /dev/null
  for run in $(seq "$runs"); do
    timed twine 0 $none "$python" -m twine check "$work"/wheels/*.whl
    [ "$(grep -c 'PASSED' "$work/twine.out")" -eq "$wheels" ] || die "twine check passed not every wheel"
    timed dist 0 $none "$pyrelease" "${check[@]}" "$work/wheels"
    grep -q ' 0 failed' "$work/dist.out" || die "pyrelease check did not pass the wheels"
  done
  row "checking $wheels wheels' metadata and descriptions, cold" dist "twine check" twine "ratio>=1"
  "$python" "$here/warm_twine.py" "$rounds" 0 check "$work"/wheels/*.whl > "$work/twinewarm.rounds" \
    || { cat "$work/twinewarm.rounds"; die "warm twine check failed"; }
  warmcli "$rounds" 0 "${check[@]}" "$work/wheels" \
    > "$work/distwarm.rounds" || { cat "$work/distwarm.rounds"; die "warm pyrelease check failed"; }
  warm twinewarm
  warm distwarm
  row "checking $wheels wheels, warm (one JVM, as in Maven; one Python)" distwarm "twine check" twinewarm "ratio>=1"

  echo "   one wheel of $large_mib MiB, $large_runs interleaved pairs, pyrelease in -Xmx128m"
  "$python" "$here/generate_large_wheel.py" "$work/large" "$large_mib" > /dev/null
  cat "$work"/large/*.whl > /dev/null
  full=(check "$work/project" --stage dist --python "$python" --format json --out "$work/lr"
    --rules dist-metadata,dist-record,dist-contents --dist "$work/large")
  for run in $(seq "$large_runs"); do
    timed largetwine 0 $none "$python" -m twine check "$work"/large/*.whl
    grep -q PASSED "$work/largetwine.out" || die "twine check did not pass the large wheel"
    JAVA_TOOL_OPTIONS=-Xmx128m timed large 0 $none "$pyrelease" "${full[@]}"
    grep -q '0 failed' "$work/large.out" || die "pyrelease did not pass the large wheel"
  done
  row "checking one $large_mib MiB wheel (pyrelease also every member's sha256), cold" large "twine check" largetwine "ratio>=1"
  rm -rf "$work/large"
fi

if section uploads; then
  echo "== uploads: one wheel of $upload_mib MiB to a loopback sink, $upload_runs interleaved pairs; warm $rounds rounds of 8 MiB"
  "$python" "$here/generate_large_wheel.py" "$work/up/dist" "$upload_mib" > /dev/null
  wheel=$(ls "$work"/up/dist/*.whl)
  bytes=$(stat -c %s "$wheel")
  digest=$(sha256sum "$wheel" | cut -d ' ' -f 1)
  cat "$wheel" > /dev/null
  "$python" "$here/upload_sink.py" "$work/port" "$work/sink.log" &
  sink_pid=$!
  for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
  [ -s "$work/port" ] || die "the upload sink did not start"
  url="http://127.0.0.1:$(cat "$work/port")/legacy/"
  printf '[project]\nname = "big-data"\nversion = "1.0.0"\n' > "$work/up/pyproject.toml"
  {
    echo "rules: # the git and index preconditions have nothing to look at here"
    for rule in clean-tree branch upstream-synced tag-free tag-matches version-increases version-unpublished; do
      echo "  $rule: off"
    done
    echo "publish:"
    echo "  - { name: sink, type: index, url: \"$url\" }"
  } > "$work/up/release-policy.yaml"
  export PYRELEASE_SINK_TOKEN=pypi-bench TWINE_USERNAME=__token__ TWINE_PASSWORD=pypi-bench
  received() { # TOOL: the sink's last line must be a whole, intact upload of the wheel
    local status body part sha announced names
    read -r status body part sha announced names < <(tail -n 1 "$work/sink.log")
    [ "$status" = 200 ] || die "$1: the sink refused the upload ($(tail -n 1 "$work/sink.log"))"
    [ "$part" -eq "$bytes" ] || die "$1: the sink received $part bytes of the file, not $bytes"
    [ "$sha" = "$digest" ] || die "$1: the file part's sha256 is not the file's"
    echo "$body" >> "$work/$1.bodies"
    echo "$names" >> "$work/digests"
  }
  # untimed: the first run of publish makes its class-data archive
  "$pyrelease" publish "$work/up" --dist "$work/up/dist" --out "$work/up/out0" --format json > /dev/null
  received upload
  for run in $(seq "$upload_runs"); do
    timed upload-twine 0 $none "$python" -m twine upload --disable-progress-bar --non-interactive \
      --repository-url "$url" "$wheel"
    received upload-twine
    timed upload 0 $none "$pyrelease" publish "$work/up" --dist "$work/up/dist" --out "$work/up/out$run" --format json
    grep -q 'uploaded' "$work/upload.out" || die "pyrelease publish uploaded nothing"
    received upload
  done
  [ "$(sort -u "$work/digests" | wc -l)" -eq 1 ] || die "the two tools sent other digests: $(sort -u "$work/digests" | tr '\n' ' ')"
  echo "   digests sent by both: $(head -n 1 "$work/digests")"
  echo "   bodies received, twine: $(sort -u "$work/upload-twine.bodies" | tr '\n' ' ')bytes; pyrelease: $(sort -u "$work/upload.bodies" | tr '\n' ' ')bytes; file $bytes bytes, sha256 checked"
  row "uploading one $upload_mib MiB wheel (pyrelease publish: also the release rules), cold" upload "twine upload" upload-twine "ratio>=1"
  "$python" "$here/generate_large_wheel.py" "$work/up/dist8" 8 > /dev/null
  wheel=$(ls "$work"/up/dist8/*.whl)
  bytes=$(stat -c %s "$wheel")
  digest=$(sha256sum "$wheel" | cut -d ' ' -f 1)
  "$python" "$here/warm_twine.py" "$rounds" 0 upload --disable-progress-bar --non-interactive \
    --repository-url "$url" "$wheel" > "$work/upwarm-twine.rounds" \
    || { cat "$work/upwarm-twine.rounds"; die "warm twine upload failed"; }
  received upload-twine
  warmcli "$rounds" 0 publish "$work/up" \
    --dist "$work/up/dist8" --out "$work/up/warm{round}" --format json > "$work/upwarm.rounds" \
    || { cat "$work/upwarm.rounds"; die "warm pyrelease publish failed"; }
  received upload
  [ "$(grep -c '^200 ' "$work/sink.log")" -eq $((2 * upload_runs + 2 * rounds + 1)) ] \
    || die "the sink did not receive every upload whole"
  warm upwarm-twine
  warm upwarm
  row "uploading one 8 MiB wheel, warm (one JVM, as in Maven; one Python)" upwarm "twine upload" upwarm-twine "ratio>=1"
fi

if section secrets; then
  echo "== secrets: a mixed text tree of $secrets_mb MB with 100 planted secrets, $secrets_runs interleaved pairs"
  "$python" "$here/generate_secrets_tree.py" "$work/secrets" "$secrets_mb" > /dev/null
  tree=$work/secrets/tree
  bytes=$(find "$tree" -path "$tree/.git" -prune -o -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
  planted=$(wc -l < "$work/secrets/planted.txt")
  secretlint="${SECRETLINT:-$HOME/.cache/pyrelease-secretlint-11.7.1/node_modules/.bin/secretlint}"
  echo '{"rules": [{"id": "@secretlint/secretlint-rule-preset-recommend"}]}' > "$work/secretlintrc.json"
  timed secrets 1 $none "$pyrelease" secrets "$tree" # untimed: the class-data archive
  : > "$work/secrets.t"
  for run in $(seq "$secrets_runs"); do
    timed secrets 1 $none "$pyrelease" secrets "$tree"
    grep -q "^$planted secrets found" "$work/secrets.out" || die "pyrelease secrets did not find the $planted planted secrets"
    if [ -x "$secretlint" ]; then
      # secretlint exits 1 on findings; it is given the same files (git's view: none is ignored)
      timed secretlint 1 $none bash -c 'cd "$1" && "$2" --secretlintrc "$3" "**/*"' - "$tree" "$secretlint" "$work/secretlintrc.json"
    fi
  done
  if [ -x "$secretlint" ]; then
    row "scanning $((bytes / 1000000)) MB of text for secrets, cold (target also 150 MB/s)" secrets "secretlint (recommended)" secretlint "ratio>=10"
  else
    echo "   secretlint not installed (SecretlintComparisonTest installs it from npm): no peer"
    row "scanning $((bytes / 1000000)) MB of text for secrets, cold" secrets - - -
  fi
  mbps=$(awk -v b="$bytes" -v w="$(median "$work/secrets.t" 1)" -v c="$(median "$work/secrets.t" 2)" 'BEGIN {printf "%.0f MB/s wall, %.0f MB/s CPU", b / 1e6 / w, b / 1e6 / c}')
  echo "   pyrelease: $mbps (target 150 MB/s)"
  rm -rf "$work/secrets"
fi

if section audit; then
  echo "== audit: 500 pins against the PyPA snapshot, $audit_runs runs cold (no index cache) and warm"
  [ -f "$snapshot" ] || die "no OSV snapshot at $snapshot (SNAPSHOT=...)"
  mkdir -p "$work/audit/project"
  printf '[project]\nname = "audit-bench"\nversion = "1.0.0"\n' > "$work/audit/project/pyproject.toml"
  "$python" "$here/generate_osv_bench.py" "$snapshot" "$work/audit" 500 1 > /dev/null
  audit=(audit --path "$work/audit/project" -r "$work/audit/requirements.txt" --format json --advisories "$snapshot")
  timed auditcold 1 $none "$pyrelease" "${audit[@]}" --cache-dir "$work/audit/c0" # untimed: the archive
  : > "$work/auditcold.t"
  for run in $(seq "$audit_runs"); do
    rm -rf "$work/audit/cache"
    timed auditcold 1 $none "$pyrelease" "${audit[@]}" --cache-dir "$work/audit/cache"
    timed auditwarm 1 $none "$pyrelease" "${audit[@]}" --cache-dir "$work/audit/cache"
    "$python" -c 'import json, sys; d = json.load(open(sys.argv[1]))["dependencies"]; sys.exit(0 if len(d) == 500 and any(x["vulns"] for x in d) else 1)' \
      "$work/auditwarm.out" || die "the audit did not list 500 dependencies with their advisories"
  done
  row "auditing 500 pins against the PyPA snapshot, cold (the index built)" auditcold - - "wall<5"
  row "auditing 500 pins against the PyPA snapshot, warm (the index cached)" auditwarm - - "wall<0.5"
  rm -rf "$work/audit"
fi

if section recursive; then
  echo "== check --recursive: a generated monorepo of $packages packages and its root, $runs runs"
  repo=$("$python" "$here/generate_monorepo.py" "$work/mono" "$packages")
  projects=$((packages + 1))
  expected="$projects projects: $projects passed, 0 failed, 0 with facts not obtained, 0 not checked"
  recursive=(check "$repo" --recursive --stage source --offline --format json)
  timed recursive 0 $none "$pyrelease" "${recursive[@]}" # untimed: the archive
  : > "$work/recursive.t"
  for run in $(seq "$runs"); do
    timed recursive 0 $none "$pyrelease" "${recursive[@]}"
    tail -n 1 "$work/recursive.out" | grep -qxF "$expected" || die "check --recursive: $(tail -n 1 "$work/recursive.out")"
  done
  # the target is the issue's, for 200 packages; --quick checks fewer
  row "checking $projects projects' source rules in one process (--recursive), cold" recursive - - \
    "$([ "$packages" -eq 200 ] && echo 'wall<3' || echo -)"
  rm -rf "$work/mono"
fi

if section git; then
  echo "== git: the release stage's git rules on a repository of 50,000 files and 10,000 tags, $runs interleaved pairs"
  "$python" "$here/generate_git_repo.py" "$work/git" > /dev/null
  repo=$work/git/repo
  release=(check "$repo" --stage release --rules clean-tree,branch,tag-free,version-increases --offline
    --format json --out "$work/git-out")
  timed gitrules 0 $none "$pyrelease" "${release[@]}" # untimed: the archive
  : > "$work/gitrules.t"
  for run in $(seq "$runs"); do
    # the same facts read by git itself: the work tree's status and the tags
    timed gitcli 0 $none bash -c 'git -C "$1" status --porcelain && git -C "$1" tag -l' - "$repo"
    [ "$(grep -c '^v0\.' "$work/gitcli.out")" -eq 10000 ] || die "git tag -l did not list the 10,000 tags"
    timed gitrules 0 $none "$pyrelease" "${release[@]}"
    grep -q '3 passed, 0 failed' "$work/gitrules.out" || die "the git rules did not pass: $(grep rules: "$work/gitrules.out")"
  done
  row "the git rules (clean tree, branch, tag free, version increases) on 50,000 files and 10,000 tags, cold" gitrules "git status + git tag -l" gitcli -
  rm -rf "$work/git"
fi

echo
echo "Machine: $(grep -m 1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores, shared; $java_version; $("$python" --version 2>&1), packaging $("$python" -c 'import packaging; print(packaging.__version__)'), twine $("$python" -c 'import twine; print(twine.__version__)'); $(date -u '+%Y-%m-%d %H:%M UTC')${quick:+; --quick}"
echo
echo "| work | pyrelease | peer, same run | ratio | target | | load average after |"
echo "|---|---|---|---|---|---|---|"
cat "$table"
echo
echo "Medians; CPU is user + system seconds. Descriptions: twine renders them to HTML with docutils"
echo "(readme_renderer), pyrelease judges the markup with its own model of reStructuredText and Markdown."
if grep -q MISSED "$table"; then echo "Targets missed: $(grep -c MISSED "$table")."; fi
