#!/usr/bin/env bash
# Builds the benchmarks jar, runs the JMH version benchmark and the same work with Python's
# packaging, and prints both rates side by side.
#
#   benchmarks/run-version-bench.sh [JMH options, e.g. -i 3 -r 1]
#
# PYTHONS lists the interpreters to compare (default: /usr/bin/python3 and python3 on PATH).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
result="$here/target/jmh-version.json"

cd "$root"
./mvnw -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests
java -jar "$here/target/benchmarks.jar" VersionParseBenchmark -rf json -rff "$result" "$@"

java_ops=$(python3 -c 'import json, sys; print(round(json.load(open(sys.argv[1]))[0]["primaryMetric"]["score"]))' "$result")

pythons=${PYTHONS:-"/usr/bin/python3 $(command -v python3 || true)"}
seen=""
echo
printf '%-58s %14s %10s\n' "implementation (parse + normalise, strings/s)" "ops/s" "Java is"
printf '%-58s %14s %10s\n' "Java Version.tryParse(s).toString()" "$java_ops" ""
for python in $pythons; do
  real="$(readlink -f "$(command -v "$python")")"
  case " $seen " in *" $real "*) continue ;; esac
  seen="$seen $real"
  label="$("$python" -c 'import packaging, sys; print(f"packaging {packaging.__version__}, Python {sys.version.split()[0]}")') ($python)"
  py_ops=$("$python" "$here/version_parse_packaging.py" | sed -n 's/^ops_per_s=//p')
  ratio=$(python3 -c "print(f'{$java_ops / $py_ops:.1f}x')")
  printf '%-58s %14s %10s\n' "$label" "$py_ops" "$ratio"
done
