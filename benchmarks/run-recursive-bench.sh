#!/usr/bin/env bash
# Times the real command, `pyrelease check --recursive`, on a generated monorepo of N packages
# (default 200, plus its root project): every project's source rules, in one process, in
# parallel. Each run must exit 0 and report every project passed; the wall time includes the JVM
# start (bin/pyrelease, so its JVM options). CPU time (user + system) is printed too.
#
#   benchmarks/run-recursive-bench.sh [N] [RUNS]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
count="${1:-200}"
runs="${2:-7}"

jar=$(ls "$root"/policy-rules/target/policy-rules-*-cli.jar 2>/dev/null | head -n 1 || true)
if [ -z "$jar" ]; then
  (cd "$root" && ./mvnw -B -q -pl policy-rules package -DskipTests)
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
repo="$(python3 "$here/generate_monorepo.py" "$work" "$count")"
projects=$((count + 1))
expected="$projects projects: $projects passed, 0 failed, 0 with facts not obtained, 0 not checked"

run_once() { # the timed command; its outcome is checked, never assumed
  "$root/bin/pyrelease" check "$repo" --recursive --stage source --offline --format json \
    > "$work/out" 2>&1
  tail -n 1 "$work/out" | grep -qxF "$expected" || {
    echo "unexpected outcome:" >&2; tail -n 5 "$work/out" >&2; exit 1; }
}

# bin/pyrelease makes its class-data archive on the first run of a command after a build: untimed
( run_once )

load="$(cut -d' ' -f1-3 /proc/loadavg)"
walls=()
cpus=()
for _ in $(seq "$runs"); do
  /usr/bin/time -f "%e %U %S" -o "$work/time" bash -c "$(declare -f run_once); repo='$repo' root='$root' work='$work' expected='$expected' run_once"
  read -r wall user sys < "$work/time"
  walls+=("$(python3 -c "print(round($wall * 1000))")")
  cpus+=("$(python3 -c "print(round(($user + $sys) * 1000))")")
done
echo "load average before: $load; after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "monorepo of $projects projects; $(nproc) cores; $(java -version 2>&1 | head -n 1)"
python3 - "${walls[*]}" "${cpus[*]}" <<'PY'
import statistics, sys
wall = sorted(int(w) for w in sys.argv[1].split())
cpu = sorted(int(c) for c in sys.argv[2].split())
print(f"check --recursive --stage source   runs={len(wall)}  wall min={wall[0]}"
      f" median={statistics.median(wall):.0f} max={wall[-1]} ms  cpu median={statistics.median(cpu):.0f} ms")
PY
