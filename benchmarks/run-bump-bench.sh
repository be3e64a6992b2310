#!/usr/bin/env bash
# Times the real command, `pyrelease version bump minor --push`, on a generated lockstep monorepo
# of N packages (default 200): 403 files rewritten (both files of each package, the root pyproject.toml, CHANGELOG.md, uv.lock), commit, annotated tag, push to a bare origin.
# Each run starts from the same committed tree (reset, tag deleted, origin reset); the wall time
# includes the JVM start (bin/pyrelease, so its JVM options). Also times --dry-run. CPU time
# (user + system) is printed too: on a shared machine it moves less than the wall time.
#
#   benchmarks/run-bump-bench.sh [N] [RUNS]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
count="${1:-200}"
runs="${2:-7}"

jar=$(ls "$root"/policy-rules/target/policy-rules-*-cli.jar 2>/dev/null | head -n 1 || true)
if [ -z "$jar" ]; then
  (cd "$root" && ./mvnw -B -q -pl policy-rules package -DskipTests)
  jar=$(ls "$root"/policy-rules/target/policy-rules-*-cli.jar | head -n 1)
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
repo="$(python3 "$here/generate_monorepo.py" "$work" "$count")"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
start="$(git -C "$repo" rev-parse HEAD)"

reset() {
  git -C "$repo" reset -q --hard "$start"
  git -C "$repo" tag -d v1.1.0 >/dev/null 2>&1 || true
  git -C "$work/origin.git" update-ref refs/heads/main "$start"
  git -C "$work/origin.git" tag -d v1.1.0 >/dev/null 2>&1 || true
}

time_ms() { # prints the wall time and the CPU time (user + system) of the command in ms
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >/dev/null
  read -r wall user sys < "$work/time"
  python3 -c "print(round($wall * 1000), round(($user + $sys) * 1000))"
}

summary() { # label, then "wall cpu" pairs in ms
  local label="$1"; shift
  python3 - "$label" "$@" <<'PY'
import statistics, sys
label = sys.argv[1]
pairs = [p.split() for p in sys.argv[2:]]
wall = sorted(int(w) for w, _ in pairs)
cpu = sorted(int(c) for _, c in pairs)
print(f"{label:<42} runs={len(wall)}  wall min={wall[0]} median={statistics.median(wall):.0f}"
      f" max={wall[-1]} ms  cpu median={statistics.median(cpu):.0f} ms")
PY
}

# bin/pyrelease makes its class-data archive on the first run of a command after a build (a few
# seconds, once): make that run now, untimed, as run-dist-bench.sh does
reset
"$root/bin/pyrelease" version bump minor "$repo" --push >/dev/null
reset
"$root/bin/pyrelease" version bump minor "$repo" --dry-run >/dev/null

load="$(cut -d' ' -f1-3 /proc/loadavg)"
bump=()
dry=()
for _ in $(seq "$runs"); do
  reset
  bump+=("$(time_ms "$root/bin/pyrelease" version bump minor "$repo" --push)")
  test "$(git -C "$repo" show --name-only --format= HEAD | wc -l)" -eq $((2 * count + 3))
  test "$(git -C "$work/origin.git" cat-file -t v1.1.0)" = tag
  reset
  dry+=("$(time_ms "$root/bin/pyrelease" version bump minor "$repo" --dry-run)")
done
echo "load average before: $load; after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "monorepo of $count packages, $((2 * count + 3)) files changed per bump; $(nproc) cores; $(java -version 2>&1 | head -n 1)"
summary "bump minor --push (commit, tag, push)" "${bump[@]}"
summary "bump minor --dry-run (diff of every file)" "${dry[@]}"
