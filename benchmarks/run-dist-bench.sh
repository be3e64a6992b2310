#!/usr/bin/env bash
# Checking distributions, side by side: pyrelease's CLI against twine check, on the same files.
#   benchmarks/run-dist-bench.sh            # 200 generated wheels, then a 1 GiB wheel with -Xmx128m
#   WHEELS=500 LARGE_MIB=256 benchmarks/run-dist-bench.sh
# Needs the CLI jar (./mvnw -B -q package -pl policy-rules -DskipTests) and Debian's twine.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
python=${PYTHON:-/usr/bin/python3}
wheels=${WHEELS:-200}
large=${LARGE_MIB:-1024}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

jar=$(ls "$root"/policy-rules/target/policy-rules-*-cli.jar 2>/dev/null | head -n 1)
if [ -z "$jar" ]; then
  (cd "$root" && ./mvnw -B -q package -pl policy-rules -DskipTests)
  jar=$(ls "$root"/policy-rules/target/policy-rules-*-cli.jar | head -n 1)
fi
mkdir -p "$work/project"
printf '[project]\nname = "bench-pkg-000"\nversion = "1.0.0"\n' > "$work/project/pyproject.toml"

clock() {  # prints the wall-clock seconds and peak RSS of a command
  /usr/bin/time -f "%e s, max RSS %M KiB" "$@" >/dev/null 2>"$work/time" || true
  tail -n 1 "$work/time"
}

echo "== $wheels wheels (generate_wheels.py, half reStructuredText, half Markdown descriptions)"
"$python" "$here/generate_wheels.py" "$wheels" "$work/wheels"
# warm the file cache so neither side pays for the first read
cat "$work/wheels"/*.whl > /dev/null
# pyrelease check of the dist rules (add --dist DIR)
args=(check "$work/project" --stage dist --rules dist-metadata,dist-record,dist-contents
  --python "$python" --format json --out "$work/report")
# bin/pyrelease writes its class-data-sharing archive on its first run; make that run now
"$root/bin/pyrelease" "${args[@]}" --dist "$work/wheels" > /dev/null || true
for run in 1 2 3; do
  echo "run $run: twine check:                 $(clock "$python" -m twine check "$work"/wheels/*.whl)"
  echo "run $run: pyrelease (bin/pyrelease):   $(clock "$root/bin/pyrelease" "${args[@]}" --dist "$work/wheels")"
  echo "run $run: pyrelease (plain java -jar): $(clock java -jar "$jar" "${args[@]}" --dist "$work/wheels")"
done
java -jar "$jar" "${args[@]}" --dist "$work/wheels" | tail -n 4

echo "== one wheel of $large MiB, mostly incompressible (generate_large_wheel.py), heap -Xmx128m"
"$python" "$here/generate_large_wheel.py" "$work/large" "$large" > /dev/null
ls -l "$work/large"
echo "pyrelease (java -Xmx128m -jar): $(clock java -Xmx128m -jar "$jar" "${args[@]}" --dist "$work/large")"
java -Xmx128m -jar "$jar" "${args[@]}" --dist "$work/large" | tail -n 4
echo "twine check:                     $(clock "$python" -m twine check "$work"/large/*.whl)"
rm -rf "$work/large"
