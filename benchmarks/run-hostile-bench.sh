#!/usr/bin/env bash
# Refusing hostile wheels: how long `pyrelease check --stage dist` takes on each case of
# generate_hostile_wheels.py (a 2 GB zip bomb, a 50 MiB METADATA, a truncated wheel, a METADATA
# that is not UTF-8), in a 256 MiB heap, as a user runs it (a fresh JVM each time).
#   benchmarks/run-hostile-bench.sh
#   RUNS=5 BOMB_BYTES=4000000000 benchmarks/run-hostile-bench.sh
# Needs the CLI jar (./mvnw -B -q package -pl policy-rules -DskipTests) and Python 3.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
python=${PYTHON:-/usr/bin/python3}
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

jar=$(ls "$root"/policy-rules/target/policy-rules-*-cli.jar 2>/dev/null | head -n 1)
if [ -z "$jar" ]; then
  (cd "$root" && ./mvnw -B -q package -pl policy-rules -DskipTests)
  jar=$(ls "$root"/policy-rules/target/policy-rules-*-cli.jar | head -n 1)
fi
"$python" "$here/generate_hostile_wheels.py" "$work/cases" ${BOMB_BYTES:-}
for case in bomb oversize truncated nonutf8; do
  for run in $(seq "$runs"); do
    /usr/bin/time -f "%e s (max RSS %M KiB)" java -Xmx256m -jar "$jar" check "$work/cases/$case" \
      --stage dist --offline --format text --out "$work/out" > "$work/log" 2> "$work/time" || true
    echo "$case run $run: $(tail -n 1 "$work/time")"
  done
  grep -m 1 -E '^FAIL (dist-contents|dist-metadata)' "$work/log" | cut -c 1-160 || true
done
echo "load: $(uptime)"
