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

# best of 3 wall-clock runs, in ms; exit code 1 (secrets found) is a normal outcome
best() {
  local best=999999999 start end ms status
  for _ in 1 2 3; do
    start=$(date +%s%N)
    set +e; "$@" > "$out/last.txt" 2>&1; status=$?; set -e
    end=$(date +%s%N)
    [ "$status" -le 1 ] || { cat "$out/last.txt" >&2; exit "$status"; }
    ms=$(( (end - start) / 1000000 )); [ "$ms" -lt "$best" ] && best=$ms
  done
  echo "$best"
}
mbps() { python3 -c "import sys; print('%.1f' % (int(sys.argv[1]) / 1e6 / (int(sys.argv[2]) / 1000)))" "$1" "$2"; }

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
printf '%-64s %9s %9s\n' "what" "ms" "MB/s"
printf '%-64s %9s %9s\n' "pyrelease secrets, built-in rules ($found found)" "$full" "$(mbps "$bytes" "$full")"
printf '%-64s %9s %9s\n' "pyrelease secrets, 10x rules ($found10 found)" "$tenx" "$(mbps "$bytes" "$tenx")"
printf '%-64s %9s\n' "pyrelease secrets, 10,000-commit repo: work tree" "$worktree"
printf '%-64s %9s\n' "pyrelease secrets --history, same repo ($commits commits)" "$history"
echo "  $scanned_history"
python3 -c "import sys; print('10x rules keep %.0f%% of the throughput' % (100 * int(sys.argv[1]) / int(sys.argv[2])))" "$full" "$tenx"

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
  printf '%-64s %9s %9s\n' "slice of $slice_bytes bytes: pyrelease secrets" "$ours" "$(mbps "$slice_bytes" "$ours")"
  printf '%-64s %9s %9s\n' "slice of $slice_bytes bytes: secretlint 11.7.1 (recommended)" "$theirs" "$(mbps "$slice_bytes" "$theirs")"
  python3 -c "import sys; print('pyrelease is %.1fx secretlint on the slice' % (int(sys.argv[2]) / int(sys.argv[1])))" "$ours" "$theirs"
else
  echo "secretlint not installed (run SecretlintComparisonTest once, or npm): comparison skipped"
fi
