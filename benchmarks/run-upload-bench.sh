#!/usr/bin/env bash
# Uploading one large wheel, side by side: pyrelease (IndexUploader, in a 64 MiB heap) against
# Debian's twine upload, to the same loopback sink that reads and discards the body.
#   benchmarks/run-upload-bench.sh            # a 500 MiB wheel, three runs each
#   SIZE_MIB=1024 RUNS=5 benchmarks/run-upload-bench.sh
# Wall time is end to end (process start, digests, upload); throughput is the file size over it.
# Figures move with machine load: the load average is printed with them.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
python=${PYTHON:-/usr/bin/python3}
size=${SIZE_MIB:-500}
runs=${RUNS:-3}
work=$(mktemp -d)
sink_pid=""
cleanup() {
  [ -n "$sink_pid" ] && kill "$sink_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

(cd "$root" && ./mvnw -B -q -Pbenchmarks -pl policy-rules,benchmarks package -DskipTests)
jar="$here/target/benchmarks.jar"

"$python" "$here/generate_large_wheel.py" "$work/dist" "$size" > /dev/null
wheel=$(ls "$work"/dist/*.whl)
bytes=$(stat -c %s "$wheel")
cat "$wheel" > /dev/null  # warm the file cache so neither side pays for the first read

"$python" "$here/upload_sink.py" "$work/port" &
sink_pid=$!
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
url="http://127.0.0.1:$(cat "$work/port")/legacy/"

# wall seconds and peak RSS (KiB) of a command; its own output goes to $work/out
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/out" 2>&1 || { cat "$work/out"; exit 1; }
  cat "$work/time"
}
report() {  # name wall rss
  awk -v n="$1" -v w="$2" -v r="$3" -v b="$bytes" \
    'BEGIN { printf "%-18s %7.2f s  %7.1f MiB/s  peak RSS %6.1f MiB\n", n, w, b / 1048576 / w, r / 1024 }'
}

echo "== one wheel of $(awk -v b="$bytes" 'BEGIN { printf "%.0f", b / 1048576 }') MiB to $url"
echo "load: $(uptime | sed 's/.*load average: //')"
for run in $(seq "$runs"); do
  read -r wall rss < <(measure "$python" -m twine upload --disable-progress-bar --non-interactive \
    --repository-url "$url" -u __token__ -p pypi-bench "$wheel")
  report "run $run twine" "$wall" "$rss"
  read -r wall rss < <(measure java -Xmx64m -cp "$jar" io.github.pyrelease.benchmarks.UploadBench \
    "$url" "$work/dist")
  report "run $run pyrelease" "$wall" "$rss"
  echo "           $(cat "$work/out")"
done
echo "load: $(uptime | sed 's/.*load average: //')"

# the heap must not grow with the file: the same upload of a file a tenth the size, same -Xmx
rm -rf "$work/dist"
"$python" "$here/generate_large_wheel.py" "$work/small" $(( size / 10 > 0 ? size / 10 : 1 )) > /dev/null
read -r wall rss < <(measure java -Xmx64m -cp "$jar" io.github.pyrelease.benchmarks.UploadBench \
  "$url" "$work/small")
echo "heap check, a file a tenth the size: $(cat "$work/out"), peak RSS $(( rss / 1024 )) MiB"
