#!/usr/bin/env bash
# Checking distributions, side by side: pyrelease's CLI against twine check, on the same files.
#   benchmarks/run-dist-bench.sh            # 200 generated wheels, then a 1 GiB wheel with -Xmx128m
#   WHEELS=500 LARGE_MIB=256 RUNS=9 benchmarks/run-dist-bench.sh
# Needs the CLI jar (./mvnw -B -q package -pl policy-rules -DskipTests) and Debian's twine.
#
# Three commands, run in turn RUNS times (interleaved, so that the machine's load moves all three
# alike), each a fresh process as a user runs it:
#   twine check             metadata and long description of each wheel
#   pyrelease, same checks   --rules dist-metadata: the same checks (and more of the metadata);
#                           reads the listing and the metadata files, as twine does
#   pyrelease, full          --rules dist-metadata,dist-record,dist-contents: also every member
#                           read, its CRC-32, its sha256 against RECORD, and the contents rules
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
python=${PYTHON:-/usr/bin/python3}
wheels=${WHEELS:-200}
large=${LARGE_MIB:-1024}
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

jar=$(ls "$root"/policy-rules/target/policy-rules-*-cli.jar 2>/dev/null | head -n 1)
if [ -z "$jar" ]; then
  (cd "$root" && ./mvnw -B -q package -pl policy-rules -DskipTests)
  jar=$(ls "$root"/policy-rules/target/policy-rules-*-cli.jar | head -n 1)
fi
mkdir -p "$work/project"
printf '[project]\nname = "bench-pkg-000"\nversion = "1.0.0"\n' > "$work/project/pyproject.toml"

clock() {  # prints the wall-clock seconds, CPU seconds and peak RSS of a command
  /usr/bin/time -f "%e s (CPU %U+%S s, max RSS %M KiB)" "$@" >/dev/null 2>"$work/time" || true
  tail -n 1 "$work/time"
}
median() {  # of the first number of each line on standard input
  awk '{print $1}' | sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'
}

echo "== $wheels wheels (generate_wheels.py, half reStructuredText, half Markdown descriptions)"
"$python" "$here/generate_wheels.py" "$wheels" "$work/wheels"
# warm the file cache so neither side pays for the first read
cat "$work/wheels"/*.whl > /dev/null
common=(check "$work/project" --stage dist --python "$python" --format json --out "$work/report"
  --dist "$work/wheels")
same=("${common[@]}" --rules dist-metadata)
full=("${common[@]}" --rules dist-metadata,dist-record,dist-contents)
# bin/pyrelease writes its class-data-sharing archive on its first run; make that run now
"$root/bin/pyrelease" "${full[@]}" > /dev/null || true
: > "$work/twine" ; : > "$work/same" ; : > "$work/full"
for run in $(seq "$runs"); do
  t=$(clock "$python" -m twine check "$work"/wheels/*.whl); echo "$t" >> "$work/twine"
  s=$(clock "$root/bin/pyrelease" "${same[@]}"); echo "$s" >> "$work/same"
  f=$(clock "$root/bin/pyrelease" "${full[@]}"); echo "$f" >> "$work/full"
  echo "run $run: twine check $t | pyrelease, same checks $s | pyrelease, full $f"
done
twine=$(median < "$work/twine")
for side in same full; do
  m=$(median < "$work/$side")
  echo "median of $runs: twine check $twine s, pyrelease ($side) $m s: $(awk -v a="$twine" -v b="$m" 'BEGIN {printf "%.1f", a / b}')x"
done
"$root/bin/pyrelease" "${full[@]}" | tail -n 5

echo "== one wheel of $large MiB, mostly incompressible (generate_large_wheel.py), heap -Xmx128m"
"$python" "$here/generate_large_wheel.py" "$work/large" "$large" > /dev/null
ls -l "$work/large"
large_args=("${full[@]/$work\/wheels/$work/large}")
echo "pyrelease, full (java -Xmx128m -jar): $(clock java -Xmx128m -jar "$jar" "${large_args[@]}")"
java -Xmx128m -jar "$jar" "${large_args[@]}" | tail -n 4
echo "twine check:                          $(clock "$python" -m twine check "$work"/large/*.whl)"
rm -rf "$work/large"
