#!/usr/bin/env bash
# The audit of 500 pinned dependencies, as a user runs it (a fresh CLI process each time):
#   benchmarks/run-audit-bench.sh                 # the PyPA snapshot, a 10x synthetic database, online
#   SNAPSHOT=path/to/PyPI-all.zip RUNS=7 DEPS=500 benchmarks/run-audit-bench.sh
# Needs the CLI jar (./mvnw -B -q package -pl policy-rules -DskipTests), Debian's python3-packaging
# and the snapshot (OSV's PyPI zip of the PyPA advisory database).
#
#   cold    the database indexed (no cache), then matched
#   warm    the cache built: the database's digest, the index's header and the asked packages read
#   online  against a loopback OSV API over the snapshot (osv_loopback.py), counting its requests
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
python=${PYTHON:-/usr/bin/python3}
snapshot=${SNAPSHOT:-/work/shared/data/osv/PyPI-pypa-advisory-database.zip}
deps=${DEPS:-500}
runs=${RUNS:-5}
work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

jar=$(ls "$root"/policy-rules/target/policy-rules-*-cli.jar 2>/dev/null | head -n 1)
if [ -z "$jar" ]; then
  (cd "$root" && ./mvnw -B -q package -pl policy-rules -DskipTests)
fi
mkdir -p "$work/project"
printf '[project]\nname = "audit-bench"\nversion = "1.0.0"\n' > "$work/project/pyproject.toml"
"$python" "$here/generate_osv_bench.py" "$snapshot" "$work" "$deps" 10

clock() {  # wall-clock seconds, CPU seconds and peak RSS of a command
  /usr/bin/time -f "%e s (CPU %U+%S s, max RSS %M KiB)" "$@" >/dev/null 2>"$work/time" || true
  tail -n 1 "$work/time"
}
median() {
  awk '{print $1}' | sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'
}
audit=("$root/bin/pyrelease" audit --path "$work/project" -r "$work/requirements.txt" --format json)
# bin/pyrelease writes its class-data-sharing archive on its first run; make that run now
"${audit[@]}" --advisories "$snapshot" --cache-dir "$work/c0" > /dev/null || true

for db in "$snapshot" "$work/osv-10x.zip"; do
  echo "== $deps pins against $(basename "$db")"
  : > "$work/cold"; : > "$work/warm"
  for run in $(seq "$runs"); do
    rm -rf "$work/cache"
    clock "${audit[@]}" --advisories "$db" --cache-dir "$work/cache" | tee -a "$work/cold" | sed 's/^/  cold /'
    clock "${audit[@]}" --advisories "$db" --cache-dir "$work/cache" | tee -a "$work/warm" | sed 's/^/  warm /'
  done
  echo "  median cold $(median < "$work/cold") s, warm $(median < "$work/warm") s"
done

echo "== $deps pins against a loopback OSV API over $(basename "$snapshot")"
"$python" "$here/osv_loopback.py" "$snapshot" "$work/port" & server=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
api="http://127.0.0.1:$(cat "$work/port")"
clock "${audit[@]}" --osv-api "$api" | sed 's/^/  online /'
"${audit[@]}" --osv-api "$api" > "$work/online.json" || true
"$python" - "$work/online.json" "$api" <<'PY'
import json, sys, urllib.request
deps = json.load(open(sys.argv[1]))["dependencies"]
ids = {v["id"] for d in deps for v in d.get("vulns", [])}
counts = json.load(urllib.request.urlopen(sys.argv[2] + "/counts"))
print(f"  two runs asked: {counts['querybatch']} querybatch requests ({counts['queries']} queries),"
      f" {counts['vulns']} record requests; one run's output names {len(ids)} distinct advisories")
PY
uptime
