#!/usr/bin/env bash
# Times the real `pyrelease secrets` CLI: throughput over a generated mixed text tree with the
# built-in rules and with ten times as many (the keyword prefilter keeps the cost flat), the
# history of a generated repository of 10,000 commits, and secretlint (recommended preset) on a
# slice of the same tree in the same run.
#
#   benchmarks/run-secrets-bench.sh            (SECRETS_BENCH_MB=200 by default)
#
# Generates its inputs when missing: benchmarks/generate_secrets_tree.py (the tree and the 10x
# rules) and benchmarks/generate_git_repo.py (the 10,000-commit repository). secretlint is the
# one SecretlintComparisonTest installs (npm); without it that part is skipped. Figures move with
# machine load: note `uptime` with them. Each figure is the best of 3 runs, JVM start included.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
out="$here/target/secrets-bench"
megabytes="${SECRETS_BENCH_MB:-200}"
tree="$out/tree"
repo="$here/target/git-bench/repo"
cli="$root/bin/pyrelease"

cd "$root"
ls policy-rules/target/policy-rules-*-cli.jar >/dev/null 2>&1 || ./mvnw -B -q package -DskipTests -pl policy-rules
[ -d "$tree/.git" ] || /usr/bin/python3 "$here/generate_secrets_tree.py" "$out" "$megabytes"
[ -d "$repo/.git" ] || python3 "$here/generate_git_repo.py"

# best of 3 runs: "wall_ms cpu_ms" (cpu = user + sys, which a loaded machine moves less than the
# wall clock); exit code 1 (secrets found) is a normal outcome
best() {
  local best_wall=999999999 best_cpu=999999999 status line wall cpu
  for _ in 1 2 3; do
    set +e; /usr/bin/time -f "%e %U %S" -o "$out/time.txt" "$@" > "$out/last.txt" 2>&1; status=$?; set -e
    [ "$status" -le 1 ] || { cat "$out/last.txt" >&2; exit "$status"; }
    line=$(tail -1 "$out/time.txt")
    wall=$(echo "$line" | awk '{printf "%d", $1 * 1000}')
    cpu=$(echo "$line" | awk '{printf "%d", ($2 + $3) * 1000}')
    [ "$wall" -lt "$best_wall" ] && best_wall=$wall
    [ "$cpu" -lt "$best_cpu" ] && best_cpu=$cpu
  done
  echo "$best_wall $best_cpu"
}
mbps() { python3 -c "import sys; print('%.1f' % (int(sys.argv[1]) / 1e6 / (max(int(sys.argv[2]), 1) / 1000)))" "$1" "$2"; }
# one result line: what, wall ms, cpu ms, and MB/s on each when a size is given
row() {
  local what=$1 wall=${2%% *} cpu=${2##* } size=${3:-}
  if [ -n "$size" ]; then
    printf '%-58s %8s %8s %9s %9s\n' "$what" "$wall" "$cpu" "$(mbps "$size" "$wall")" "$(mbps "$size" "$cpu")"
  else
    printf '%-58s %8s %8s\n' "$what" "$wall" "$cpu"
  fi
}

bytes=$(find "$tree" -path "$tree/.git" -prune -o -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
files=$(find "$tree" -path "$tree/.git" -prune -o -type f -print | wc -l)
planted=$(wc -l < "$out/planted.txt")

full=$(best "$cli" secrets "$tree")
found=$(grep -c ': [a-z0-9-]* [^ ]*\*\*\*  \[' "$out/last.txt" || true)
tenx=$(best "$cli" secrets "$tree" --config "$out/rules-10x.toml")
found10=$(grep -c ': [a-z0-9-]* [^ ]*\*\*\*  \[' "$out/last.txt" || true)
worktree=$(best "$cli" secrets "$repo")
history=$(best "$cli" secrets "$repo" --history)
commits=$(git -C "$repo" rev-list --count HEAD)
scanned_history=$(grep 'git history' "$out/last.txt" || true)

echo
echo "load: $(uptime | sed 's/.*load average: //')"
echo "tree: $files files, $bytes bytes, $planted secrets planted"
printf '%-58s %8s %8s %9s %9s\n' "what" "wall ms" "cpu ms" "MB/s wall" "MB/s cpu"
row "pyrelease secrets, built-in rules ($found found)" "$full" "$bytes"
row "pyrelease secrets, 10x rules ($found10 found)" "$tenx" "$bytes"
row "pyrelease secrets, 10,000-commit repo: work tree" "$worktree"
row "pyrelease secrets --history, same repo ($commits commits)" "$history"
echo "  $scanned_history"
python3 -c "import sys; print('10x rules keep %.0f%% of the throughput (cpu), %.0f%% (wall)' % (100 * int(sys.argv[2]) / int(sys.argv[4]), 100 * int(sys.argv[1]) / int(sys.argv[3])))" $full $tenx

secretlint="${XDG_CACHE_HOME:-$HOME/.cache}/pyrelease-secretlint-11.7.1/node_modules/.bin/secretlint"
if [ -x "$secretlint" ]; then
  slice="pkg0[0-3]"
  slice_bytes=$(find "$tree"/pkg0[0-3] -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
  rc="$out/secretlintrc.json"
  echo '{"rules": [{"id": "@secretlint/secretlint-rule-preset-recommend"}]}' > "$rc"
  mkdir -p "$out/slice"
  [ -d "$out/slice/tree/.git" ] || { mkdir -p "$out/slice/tree"; cp -r "$tree"/pkg0[0-3] "$out/slice/tree/"; git init -q "$out/slice/tree"; }
  ours=$(best "$cli" secrets "$out/slice/tree")
  theirs=$(cd "$out/slice/tree" && best "$secretlint" --secretlintrc "$rc" "**/*")
  row "slice of $slice_bytes bytes: pyrelease secrets" "$ours" "$slice_bytes"
  row "slice of $slice_bytes bytes: secretlint 11.7.1 (recommended)" "$theirs" "$slice_bytes"
  python3 -c "import sys; print('pyrelease is %.1fx secretlint on the slice (cpu), %.1fx (wall)' % (int(sys.argv[4]) / int(sys.argv[2]), int(sys.argv[3]) / int(sys.argv[1])))" $ours $theirs
else
  echo "secretlint not installed (run SecretlintComparisonTest once, or npm): comparison skipped"
fi
