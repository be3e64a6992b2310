#!/usr/bin/env bash
# Builds a generated Maven reactor of N Python packages (benchmarks/generate_reactor.py; default
# 20) with `verify`: once serially, the reference, then RUNS times (default 3) with -T THREADS
# (default 4). After every parallel run each module's five reports (report.json, .txt, .sarif,
# .xml, .html) must be byte-for-byte those of the serial run, and its target/dist must hold the same
# file names: the reports carry no timestamp or duration, so nothing is normalised. Prints the wall
# and CPU time (user + system, Maven and every Python child) of each build and the load average.
#
#   benchmarks/run-reactor-bench.sh [N] [RUNS] [THREADS]
#   benchmarks/run-reactor-bench.sh 200 1 2     # the issue's figure: 200 modules, serial vs -T 2
#
# The plugin comes from it/target/local-repo, which an it/ run fills:
#   ./mvnw -B -o -pl policy-rules,release-maven-plugin,it verify -DskipTests \
#     -Dinvoker.test=scenarios/reactor-monorepo
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
count="${1:-20}"
runs="${2:-3}"
threads="${3:-4}"
python="${PYRELEASE_PYTHON:-/usr/bin/python3}"

version="$(python3 - "$root/pom.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"m": "http://maven.apache.org/POM/4.0.0"}
print(ET.parse(sys.argv[1]).getroot().find("m:version", ns).text)
PY
)"
repo="$root/it/target/local-repo"
if [ ! -f "$repo/io/github/pyrelease/release-maven-plugin/$version/release-maven-plugin-$version.jar" ]; then
  echo "no release-maven-plugin $version in $repo: run the it/ build first (see the header)" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$here/generate_reactor.py" "$work/reactor" "$count" "$version" > /dev/null

build() { # label, then extra Maven arguments; a failed build stops the benchmark
  local label="$1"; shift
  find "$work/reactor" -maxdepth 2 -name target -type d -exec rm -rf {} +
  /usr/bin/time -f "%e %U %S" -o "$work/$label.time" \
    "$root/mvnw" -B -o -f "$work/reactor/pom.xml" -Dmaven.repo.local="$repo" \
      -Dmaven.repo.local.tail="$HOME/.m2/repository" -Dpyrelease.python="$python" \
      -Dstyle.color=never "$@" verify > "$work/$label.log" 2>&1 \
    || { echo "$label: the build failed" >&2; tail -n 40 "$work/$label.log" >&2; exit 1; }
  grep -q 'BUILD SUCCESS' "$work/$label.log"
  read -r wall user sys < "$work/$label.time"
  printf '%-10s wall %7.1f s  cpu %7.1f s  load %s\n' "$label" "$wall" \
    "$(python3 -c "print($user + $sys)")" "$(cut -d' ' -f1-3 /proc/loadavg)"
  for module in "$work"/reactor/rx-*; do
    local out="$work/$label/$(basename "$module")"
    mkdir -p "$out"
    cp "$module"/target/pyrelease/report.{json,txt,sarif,xml,html} "$out/"
    ls "$module/target/dist" > "$out/dist.txt"
  done
}

echo "reactor of $count modules; $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
build serial
for run in $(seq "$runs"); do
  build "T$threads-$run" -T "$threads"
  grep -q "MultiThreadedBuilder implementation with a thread count of $threads" "$work/T$threads-$run.log"
  if ! diff -r "$work/serial" "$work/T$threads-$run" > "$work/diff"; then
    echo "run $run with -T $threads: reports differ from the serial run's:" >&2
    head -n 40 "$work/diff" >&2
    exit 1
  fi
done
echo "every module's reports and distributions were identical in $runs runs with -T $threads"
python3 - "$work" "$threads" "$runs" <<'PY'
import sys
work, threads, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
def wall(label):
    return float(open(f"{work}/{label}.time").read().split()[0])
best = min(wall(f"T{threads}-{r}") for r in range(1, runs + 1))
print(f"speed-up of the best -T {threads} run over the serial run: {wall('serial') / best:.2f}x")
PY
